"""Engine setup, migrations and connection checks.

SQLite (aiosqlite) is the default and PostgreSQL (asyncpg) is first-class. On SQLite every
connection gets WAL, a busy timeout and foreign keys, and every transaction starts with
``BEGIN IMMEDIATE`` (writers queue on the busy timeout instead of failing on a lock upgrade),
unless the connection asks for ``execution_options(sqlite_deferred=True)`` for a read.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from storage.errors import DatabaseUnavailable

DEFAULT_SQLITE_URL = "sqlite+aiosqlite:///var/newsdesk.db"
SQLITE_BUSY_TIMEOUT_MS = 15_000
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"
# Any constant: serialises concurrent `migrate` calls on one PostgreSQL database.
_PG_MIGRATE_LOCK = 0x6E657773


class _HasDatabaseUrl(Protocol):
    @property
    def database_url(self) -> str: ...


def database_url(settings: _HasDatabaseUrl) -> str:
    """The async SQLAlchemy URL to use: ``settings.database_url`` or the SQLite default."""
    return normalize_url(settings.database_url or DEFAULT_SQLITE_URL)


def normalize_url(raw: str) -> str:
    """Map the usual spellings (``postgres://``, ``sqlite:///``) onto our async drivers."""
    url = raw.strip()
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url.removeprefix(prefix)
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            return "sqlite+aiosqlite:///" + url.removeprefix(prefix)
    return url


def redact(text_: str, url: str | URL | None = None) -> str:
    """``text_`` with any password (from ``url`` or a ``scheme://user:pw@`` form) masked."""
    out = re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", text_)
    password: str | None = None
    if isinstance(url, URL):
        password = url.password
    elif isinstance(url, str):
        try:
            password = make_url(url).password
        except Exception:  # an unparseable URL: the regex above is all we can do
            password = None
    if password:
        out = out.replace(str(password), "***")
    return out


def _describe(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        return f"the SQLite database {url.database or ':memory:'}"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"the PostgreSQL database {url.database or ''!r} on {host}{port}"


def _parse(url: str) -> URL:
    # "user:p@ss@host": an unescaped @ would make part of the password the "host" we name in
    # every error message. Refuse it without echoing the URL.
    authority = url.partition("://")[2].partition("/")[0]
    if authority.count("@") > 1:
        raise DatabaseUnavailable(
            "DATABASE_URL has an '@' in its user name or password: write it as %40."
        )
    try:
        parsed = make_url(normalize_url(url))
    except (ArgumentError, ValueError) as exc:
        raise DatabaseUnavailable(
            f"DATABASE_URL is not a database URL ({redact(str(exc), url)}). Use "
            "sqlite+aiosqlite:///path/to/file.db or postgresql+asyncpg://user:pass@host/db."
        ) from None
    # drivername, not get_driver_name(): the latter imports the dialect to find a default.
    if parsed.drivername not in {"sqlite+aiosqlite", "postgresql+asyncpg"}:
        raise DatabaseUnavailable(
            f"DATABASE_URL uses {parsed.drivername}, which Newsdesk does not support. Use "
            "sqlite+aiosqlite:///path/to/file.db or postgresql+asyncpg://user:pass@host/db."
        )
    return parsed


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy (not the driver) decide where transactions begin; see _sqlite_on_begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _set_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _set_wal(cursor: Any) -> None:
    # Switching a fresh file to WAL needs an exclusive lock and SQLite does not call the busy
    # handler for it, so a second process opening the same new file can get "database is
    # locked" at once. Once the file is in WAL mode (a persistent setting) this is a read.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except Exception as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise
            # Blocking, but only in that start-up race, and for a few milliseconds.
            time.sleep(0.02)


def _sqlite_on_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout rather
    # than deadlock when both try to upgrade a read lock.
    if conn.get_execution_options().get("sqlite_deferred"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An ``AsyncEngine`` for ``url``; raises ``DatabaseUnavailable`` for an unusable URL."""
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        if (
            parsed.database
            and parsed.database != ":memory:"
            and not parsed.database.startswith("file:")
        ):
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseUnavailable(
                    f"Cannot create the folder for the SQLite database {parsed.database} "
                    f"({exc.strerror or exc}). Check DATABASE_URL."
                ) from None
        engine = create_async_engine(parsed, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        event.listen(engine.sync_engine, "begin", _sqlite_on_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(parsed, **kwargs)


async def check_connection(engine: AsyncEngine) -> None:
    """Run ``SELECT 1``; raise ``DatabaseUnavailable`` with a readable reason otherwise."""
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        raise unavailable(engine.url, exc) from None


def unavailable(url: URL, exc: BaseException) -> DatabaseUnavailable:
    """A ``DatabaseUnavailable`` for ``exc`` raised while talking to ``url``, password-free."""
    reason = getattr(exc, "orig", None) or exc
    detail = f"{type(reason).__name__}: {reason}".strip()
    detail = redact(detail.splitlines()[0] if detail else type(reason).__name__, url)
    return DatabaseUnavailable(f"Cannot use {_describe(url)} ({detail}). Check DATABASE_URL.")


def _alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    cfg = Config(str(ALEMBIC_INI))
    # Absolute, so migrate() works from any working directory and from an installed wheel.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _upgrade(connection: Connection, revision: str) -> None:
    from alembic import command

    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATE_LOCK})
    command.upgrade(_alembic_config(connection), revision)


async def migrate(url: str, revision: str = "head") -> None:
    """``alembic upgrade head`` (or ``revision``) on ``url``, in one transaction."""
    engine = make_engine(url)
    try:
        try:
            async with engine.begin() as conn:
                await conn.run_sync(_upgrade, revision)
        except DatabaseUnavailable:
            raise
        except (OSError, ConnectionError) as exc:
            raise unavailable(engine.url, exc) from None
        except Exception as exc:
            if _is_connection_error(exc):
                raise unavailable(engine.url, exc) from None
            raise
    finally:
        await engine.dispose()


def _is_connection_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    if isinstance(exc, InterfaceError | OperationalError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    try:
        import asyncpg
    except ImportError:  # pragma: no cover - asyncpg is a dependency
        return False
    return isinstance(
        exc,
        asyncpg.exceptions.InvalidAuthorizationSpecificationError
        | asyncpg.exceptions.InvalidCatalogNameError
        | asyncpg.exceptions.InvalidPasswordError,
    )
