"""Gazetteers and lexicons, kept as commented TOML files beside this module.

Every data file is read through `load`, once per process.
"""

import tomllib
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def load(name: str) -> dict:
    """The parsed contents of `tapsyrma/data/<name>.toml`."""
    with open(HERE / f"{name}.toml", "rb") as f:
        return tomllib.load(f)
