"""Schema checks for tapsyrma/data/places.toml (the gazetteer of non-region places)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "tapsyrma" / "data"
KINDS = {"country", "city", "town", "district", "region-foreign", "water", "mountain", "other"}
IN_KAZAKHSTAN = {"town", "district"}  # these kinds must name their region
FIELDS = {"slug", "kind", "region", "ru", "ru_abbr", "kk", "kk_abbr", "en", "former"}
SLUG = re.compile(r"[a-z][a-z0-9-]*")
ABBR = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,6}")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LANGS = ("ru", "kk", "en")


def read(name: str) -> dict:
    with open(DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


PLACES: list[dict] = read("places")["place"]
REGIONS: list[dict] = read("regions")["region"]
REGION_SLUGS = {r["slug"] for r in REGIONS}


def names(entry: dict, lang: str) -> list[str]:
    return entry.get(lang, []) + entry.get(f"{lang}_abbr", [])


def test_region_slugs_loaded() -> None:
    assert len(REGION_SLUGS) == 21  # 20 regions / cities + the country


def test_slugs_unique() -> None:
    dupes = [s for s, n in Counter(p["slug"] for p in PLACES).items() if n > 1]
    assert not dupes


def test_no_clash_with_regions() -> None:
    assert not {p["slug"] for p in PLACES} & REGION_SLUGS


def test_coverage() -> None:
    kinds = Counter(p["kind"] for p in PLACES)
    assert kinds["country"] >= 120
    assert sum(1 for p in PLACES if p.get("region")) >= 80
    assert kinds["city"] - sum(1 for p in PLACES if p["kind"] == "city" and p.get("region")) >= 60
    assert kinds["water"] + kinds["mountain"] >= 25


@pytest.mark.parametrize("place", PLACES, ids=lambda p: p["slug"])
def test_entry(place: dict) -> None:
    assert set(place) <= FIELDS, set(place) - FIELDS
    assert SLUG.fullmatch(place["slug"])
    assert place["kind"] in KINDS
    if "region" in place:
        assert place["region"] in REGION_SLUGS
    if place["kind"] in IN_KAZAKHSTAN:
        assert place.get("region"), "places in Kazakhstan name their region"
    for lang in LANGS:
        assert isinstance(place.get(lang, []), list)
    assert place.get("ru"), "every place has a Russian name"
    assert place.get("kk"), "every place has a Kazakh name"
    assert place.get("en"), "every place has an English name"
    for lang in LANGS:
        values = names(place, lang)
        assert all(isinstance(n, str) and n == n.strip() and n for n in values)
        assert len(values) == len(set(values)), f"repeated {lang} name"
    for lang in ("ru", "kk"):
        for abbr in place.get(f"{lang}_abbr", []):
            assert ABBR.fullmatch(abbr), abbr
        for name in place.get(lang, []):
            assert not ABBR.fullmatch(name), f"{name} belongs in {lang}_abbr"
    for name in place["en"]:
        assert not CYRILLIC.search(name), name


@pytest.mark.parametrize("place", [p for p in PLACES if "former" in p], ids=lambda p: p["slug"])
def test_former(place: dict) -> None:
    for former in place["former"]:
        assert set(former) <= {"name", "lang", "until", "from", "note"}
        assert former["lang"] in LANGS
        assert former["name"]
        date.fromisoformat(former["until"])
        current = {n.lower() for n in names(place, former["lang"])}
        assert former["name"].lower() not in current


def test_names_unambiguous() -> None:
    """No name (per language, case-insensitive) points at two places, or at a region too."""
    for lang in LANGS:
        owner: dict[str, str] = {}
        for entry in REGIONS + PLACES:
            for name in names(entry, lang):
                key = name.lower().replace("ё", "е")
                assert owner.setdefault(key, entry["slug"]) == entry["slug"], (
                    f"{lang} {name!r}: {owner[key]} and {entry['slug']}"
                )
