"""Gazetteers and lexicons, kept as commented TOML files beside this module.

Every data file is read through `load`, once per process.
"""

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


@cache
def load(name: str) -> dict:
    """The parsed contents of `tapsyrma/data/<name>.toml`."""
    with open(HERE / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


@cache
def load_lexicon(name: str) -> dict:
    """A word-list file with every list of words as a frozenset, for membership tests in
    hot loops (lists of tables stay lists)."""
    return _frozen(load(name))


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return frozenset(value)
        return [_frozen(v) for v in value]
    return value
