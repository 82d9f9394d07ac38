"""What a grammar finds in one sentence, before the parties are resolved in context."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """One directive in a sentence, as token ranges into the sentence's tokens.

    `issuer` and each of `addressees` is a range [start, end) of word tokens; `action` is a
    character range into the document text. `first_person` marks an order given by the
    speaker ("по моему поручению", "тапсырамын"), whose issuer is the quote's speaker.
    """

    kind: str
    trigger: tuple[int, int]
    action: tuple[int, int]
    issuer: tuple[int, int] | None = None
    addressees: tuple[tuple[int, int], ...] = ()
    first_person: bool = False
    pronoun: bool = False  # "Он поручил": the issuer is the previous one
    soft: bool = False
    # An order in the authority's own words ("Акимам взять …", "қадағалаңыздар", "… тиіс"):
    # the issuer is the speaker, and an addressee left unnamed is the scene's, the people
    # the speaker addresses.
    scene: bool = False
    # Words that order only in the authority's own voice ("Разберитесь!"): outside his
    # quotation or a run of his orders they are the writer's.
    spoken: bool = False
    # An order told as what will be done, to no one ("По моему поручению будет сформирован
    # резерв"): an addressee left unnamed is nobody's, not the scene's.
    impersonal: bool = False
