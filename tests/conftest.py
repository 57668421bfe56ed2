"""Shared database fixtures (real SQLite files and a real PostgreSQL; nothing mocked).

Fixtures
--------
``db_url`` (function, parametrised ``sqlite`` / ``postgres``)
    The async SQLAlchemy URL of a fresh database with every migration applied: a SQLite file
    in ``tmp_path``, or a new PostgreSQL database (copied from a migrated template, dropped
    afterwards). Tests using it run once per backend; the ``postgres`` case carries the
    ``postgres`` marker (``-m "not postgres"`` deselects it).
``store``
    A ``storage.repo.Store`` on ``db_url``'s engine, closed after the test.
``empty_db_url`` (parametrised like ``db_url``)
    A fresh database with *no* tables, for migration tests.
``pg_url`` / ``pg_store``
    PostgreSQL-only versions of ``db_url`` / ``store``.
``pg_server`` (session)
    The ``tests.pg.PgServer`` (``create_database()``, ``url(name)``, ``drop_database()``).

Where PostgreSQL comes from: ``NEWSDESK_TEST_PG_URL`` if set (its user must be allowed to
CREATE DATABASE); otherwise a private cluster from the local server binaries, started once
per session on a free loopback port and deleted at the end (see ``tests/pg.py``). With no
binaries the PostgreSQL cases are skipped -- unless ``NEWSDESK_REQUIRE_POSTGRES=1`` (CI),
which makes them fail instead.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from storage.db import make_engine, migrate
from storage.repo import Store
from tests import pg

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg.PgServer]:
    server = pg.external()
    if server is None:
        bindir = pg.find_bindir()
        if bindir is None:
            message = (
                "no PostgreSQL server binaries (initdb, pg_ctl) found; install Debian's "
                "'postgresql' package or set NEWSDESK_TEST_PG_URL"
            )
            if pg.require_postgres():
                pytest.fail(f"NEWSDESK_REQUIRE_POSTGRES=1 but {message}", pytrace=False)
            pytest.skip(message)
        server = pg.start_local(bindir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: pg.PgServer) -> str:
    """A migrated PostgreSQL database that per-test databases are copied from."""
    name = pg_server.create_database(prefix="newsdesk_tmpl")
    pg.run_async(lambda: migrate(pg_server.url(name)))
    return name


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file that per-test files are copied from."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    pg.run_async(lambda: migrate(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
def pg_url(pg_server: pg.PgServer, pg_template: str) -> Iterator[str]:
    name = pg_server.create_database(template=pg_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def pg_empty_url(pg_server: pg.PgServer) -> Iterator[str]:
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    template: Path = request.getfixturevalue("sqlite_template")
    path = tmp_path / "newsdesk.db"
    shutil.copyfile(template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_empty_url"))
    return f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
async def store(db_url: str) -> AsyncIterator[Store]:
    s = Store(make_engine(db_url))
    try:
        yield s
    finally:
        await s.close()


@pytest.fixture
async def pg_store(pg_url: str) -> AsyncIterator[Store]:
    s = Store(make_engine(pg_url))
    try:
        yield s
    finally:
        await s.close()
