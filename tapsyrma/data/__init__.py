"""Gazetteers and lexicons, kept as commented TOML files beside this module.

Every data file is read through `load`, once per process.
"""

import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


@cache
def load(name: str) -> dict:
    """The parsed contents of `tapsyrma/data/<name>.toml`."""
    with open(HERE / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


class Words(frozenset):
    """A list of words for membership tests that iterates in the file's order: where the
    first match wins ("action_cases = ["accusative", "dative"]"), the data decides, not the
    process's hash seed."""

    _order: tuple[str, ...]

    def __new__(cls, words: list[str]) -> "Words":
        made = super().__new__(cls, words)
        made._order = tuple(dict.fromkeys(words))
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)


@cache
def load_lexicon(name: str) -> dict:
    """A word-list file with every list of words as `Words`, for membership tests in hot
    loops (lists of tables stay lists)."""
    return _frozen(load(name))


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return Words(value)
        return [_frozen(v) for v in value]
    return value
