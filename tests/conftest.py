"""Fixtures shared by the tests: a registry store on each back end (SQLite and a real
PostgreSQL server)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

from tapsyrma.store import Store
from tests import postgres


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    if postgres.binaries() is None:
        if os.environ.get("TAPSYRMA_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required (make test installs it) but not installed")
        pytest.skip("PostgreSQL is not installed; `make test` installs it")
    with postgres.server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """An empty database on each back end."""
    if request.param == "sqlite":
        return str(tmp_path / "registry.db")
    server = request.getfixturevalue("postgres_server")
    name = "t_" + re.sub(r"\W+", "_", request.node.name.lower())[-50:]
    return postgres.fresh_database(server, name)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url).open()
    yield opened
    opened.close()
