"""A reviewer's decisions on directives: confirm, reject, edit, merge, set the status.

A reviewer's word stands: the automatic status never overwrites a status set here, and every
change is kept in the audit log with who made it, when, and the values before and after.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tapsyrma.errors import TapsyrmaError
from tapsyrma.registry.query import directive_key
from tapsyrma.registry.tracking import STATUSES
from tapsyrma.store.models import AuditEntry, Directive, Followup, Source

# What a reviewer may edit, with how a value given on the command line becomes a column's.
EDITABLE: dict[str, Callable[[str], object]] = {
    "action": str, "kind": str, "topic": str, "issuer_id": str, "issuer_office": str,
    "issuer_name": str, "deadline_text": str, "deadline_date": date.fromisoformat,
    "given": date.fromisoformat,
}
KINDS = ("instruction", "demand", "task", "prohibition", "recommendation", "commitment")
NO_STATUS = "auto"  # hands the status back to the automatic tracking


def get_directive(session: Session, directive_id: int) -> Directive:
    directive = session.get(Directive, directive_id)
    if directive is None:
        raise TapsyrmaError(f"no directive {directive_key(directive_id)} in the registry")
    return directive


def confirm(session: Session, directive_id: int, who: str, note: str | None = None) -> None:
    _set(session, directive_id, who, "confirm", {"review": "confirmed"}, note)


def reject(session: Session, directive_id: int, who: str, note: str | None = None) -> None:
    _set(session, directive_id, who, "reject", {"review": "rejected"}, note)


def set_status(session: Session, directive_id: int, who: str, value: str,
               note: str | None = None) -> None:
    if value != NO_STATUS and value not in STATUSES:
        raise TapsyrmaError(f"unknown status {value!r}; one of {', '.join(STATUSES)} "
                            f"or {NO_STATUS!r} to hand it back to tracking")
    _set(session, directive_id, who, "status",
         {"status": None if value == NO_STATUS else value}, note)


def edit(session: Session, directive_id: int, who: str, changes: dict[str, str],
         note: str | None = None) -> None:
    values = {}
    for field, raw in changes.items():
        if field not in EDITABLE:
            raise TapsyrmaError(f"{field!r} cannot be edited; one of {', '.join(EDITABLE)}")
        try:
            values[field] = EDITABLE[field](raw) if raw else None
        except ValueError as error:
            raise TapsyrmaError(f"{field}: {error}") from error
    if values.get("kind") and values["kind"] not in KINDS:
        raise TapsyrmaError(f"unknown kind {values['kind']!r}; one of {', '.join(KINDS)}")
    _set(session, directive_id, who, "edit", values, note)


def merge(session: Session, directive_id: int, into: int, who: str,
          note: str | None = None) -> None:
    """Move a directive's sources and follow-ups to another one, which it becomes part of."""
    if directive_id == into:
        raise TapsyrmaError("a directive cannot be merged into itself")
    target = get_directive(session, into)
    if target.merged_into is not None:
        raise TapsyrmaError(f"{directive_key(into)} was itself merged into "
                            f"{directive_key(target.merged_into)}; merge into that one")
    moved = get_directive(session, directive_id)
    for source in session.scalars(select(Source).where(Source.directive_id == moved.id)):
        source.directive_id = target.id
    taken = set(session.scalars(select(Followup.report_id).where(
        Followup.directive_id == target.id)))
    for link in session.scalars(select(Followup).where(Followup.directive_id == moved.id)):
        if link.report_id in taken:
            session.delete(link)
        else:
            link.directive_id = target.id
    _set(session, directive_id, who, "merge", {"merged_into": target.id}, note)


def _set(session: Session, directive_id: int, who: str, action: str, values: dict,
         note: str | None) -> None:
    if not who.strip():
        raise TapsyrmaError("a review needs the reviewer's name (--by)")
    directive = get_directive(session, directive_id)
    if directive.merged_into is not None and action != "merge":
        raise TapsyrmaError(f"{directive_key(directive_id)} was merged into "
                            f"{directive_key(directive.merged_into)}; review that one")
    before = {k: _plain(getattr(directive, k)) for k in values}
    for field, value in values.items():
        setattr(directive, field, value)
    session.add(AuditEntry(directive_id=directive.id, who=who.strip(), at=datetime.now(),
                           action=action, before=before,
                           after={k: _plain(v) for k, v in values.items()}, note=note))


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def audit_log(session: Session, directive_id: int | None = None) -> list[dict]:
    query = select(AuditEntry).order_by(AuditEntry.id)
    if directive_id is not None:
        query = query.where(AuditEntry.directive_id == directive_id)
    return [{"directive": directive_key(e.directive_id), "who": e.who,
             "at": e.at.isoformat(timespec="seconds"), "action": e.action,
             "before": e.before, "after": e.after, "note": e.note}
            for e in session.scalars(query)]
