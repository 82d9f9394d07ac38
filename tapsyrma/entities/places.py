"""Which regions a sentence or a document is about, from its entities: the region of a named
place or region, or of an akim's office ("аким Абайской области", "Семей" → abai)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from tapsyrma import records
from tapsyrma.entities.gazetteer import place_regions, region_kinds, region_slugs

NATIONAL = "kazakhstan"
# The capital is named in datelines and as the seat of every ministry: it says little of
# what a text is about when another region is named too.
CAPITAL = "astana"


def entity_region(entity: records.Entity, offices: bool = True) -> str | None:
    if offices and entity.office and entity.office.startswith("akim:"):
        return entity.office.split(":", 1)[1]
    if not entity.id:
        return None
    region = entity.id if entity.id in region_slugs() else place_regions().get(entity.id)
    return region if region != NATIONAL else None


def regions_within(entities: Iterable[records.Entity], start: int, end: int) -> set[str]:
    return {r for e in entities if start <= e.start < end if (r := entity_region(e))}


def region_counts(entities: Iterable[records.Entity]) -> Counter[str]:
    """How often a document names each region, itself or by one of its places, in the order
    first named (persons' offices aside: an akim received in Astana is not news about
    Astana)."""
    return Counter(r for e in entities if (r := entity_region(e, offices=False)))


def main_region(entities: Iterable[records.Entity]) -> str | None:
    """The region a document names most, or None when two are named equally often."""
    return top_region(region_counts(entities), strict=True)


def top_region(counts: Counter[str], kind: str | None = None, strict: bool = False
               ) -> str | None:
    """The region named most, of one kind ("region", "city") if given; on a tie None when
    `strict`, else the one named first."""
    counts = Counter({r: n for r, n in counts.items()
                      if kind is None or region_kinds().get(r) == kind})
    if len(counts) > 1:
        counts.pop(CAPITAL, None)
    ranked = counts.most_common(2)  # ties keep the order first named
    if not ranked or (strict and len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def regions_of(sentence_start: int, sentence_end: int, entities: list[records.Entity],
               parties: Iterable[records.Party] = ()) -> list[str]:
    """The regions a sentence is about: its parties' offices, the places it names, else the
    document's main region."""
    regions = {p.office.split(":", 1)[1] for p in parties
               if p.office and p.office.startswith("akim:")}
    regions |= {p.id.split(":", 1)[1] for p in parties if p.id.startswith("akim:")}
    regions |= regions_within(entities, sentence_start, sentence_end)
    if not regions and (main := main_region(entities)):
        regions.add(main)
    return sorted(regions)
