"""Tapsyrma: a tracked registry of state directives from Kazakh and Russian news."""

from tapsyrma.records import Directive, Document, Entity, Party, RawDocument

__all__ = ["Directive", "Document", "Entity", "Party", "RawDocument", "extract", "extract_all",
           "extract_text"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    """The pipeline's functions, imported on first use so that `import tapsyrma` stays light."""
    if name in ("extract", "extract_all", "extract_text"):
        from tapsyrma import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
