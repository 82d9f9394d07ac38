"""Tapsyrma: a tracked registry of state directives from Kazakh and Russian news."""

from tapsyrma.pipeline import extract, extract_all, extract_text
from tapsyrma.records import Directive, Document, Entity, Party, RawDocument

__all__ = ["Directive", "Document", "Entity", "Party", "RawDocument", "extract", "extract_all",
           "extract_text"]
