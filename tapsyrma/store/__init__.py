"""The registry's database: SQLite by default (a `tapsyrma.db` file in the working folder),
PostgreSQL for teams (`--db postgresql://…` or `TAPSYRMA_DB`), one schema kept by Alembic."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tapsyrma.errors import TapsyrmaError

DEFAULT_DATABASE = "tapsyrma.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(option: str | None = None) -> str:
    """The database named by `--db`, else by TAPSYRMA_DB, else the embedded default. A bare
    path is an SQLite file; `postgresql://` URLs are driven by psycopg 3."""
    url = option or os.environ.get("TAPSYRMA_DB") or DEFAULT_DATABASE
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Store:
    """An open registry database."""

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self.engine = _engine(self.url)
        self.dialect = self.engine.dialect.name
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back."""
        with self.sessions() as session, session.begin():
            yield session

    def migrate(self) -> tuple[str | None, str | None]:
        """Upgrade the schema to the newest revision; returns (before, after)."""
        before = self.revision()
        with self.engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        return before, self.revision()

    def revision(self) -> str | None:
        try:
            with self.engine.connect() as connection:
                return MigrationContext.configure(connection).get_current_revision()
        except OperationalError as error:
            raise TapsyrmaError(f"cannot open database {self.display()}: "
                                f"{str(error.orig).strip()}") from error

    def open(self) -> Store:
        """Ready the database for use: a new one is created at the newest schema, an old one
        must be upgraded on purpose (`tapsyrma migrate`), since that can take a while."""
        current, head = self.revision(), _head()
        if current is None:
            self.migrate()
        elif current != head:
            raise TapsyrmaError(f"database {self.display()} is at schema revision {current}, "
                                f"this tapsyrma needs {head}: run `tapsyrma migrate` first")
        return self

    def display(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def _engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except Exception as error:  # an unknown scheme or a missing driver
        raise TapsyrmaError(f"cannot use database {url!r}: {error}") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets readers work during an ingest; NORMAL sync is safe with WAL (a crash loses at
    # most the last transactions, never corrupts); foreign keys are off by default in SQLite.
    cursor = connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                   "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _head() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()
