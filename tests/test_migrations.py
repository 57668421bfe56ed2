"""Alembic migrations on real SQLite files and a real PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import (
    AsyncSQLAlchemyInstallationStore,
    SQLAlchemyInstallationStore,
)
from slack_sdk.oauth.state_store.sqlalchemy import (
    AsyncSQLAlchemyOAuthStateStore,
    SQLAlchemyOAuthStateStore,
)
from sqlalchemy import MetaData, inspect, text
from sqlalchemy.engine import Connection

from storage.db import _alembic_config, make_engine, migrate
from storage.models import Base

REPO = Path(__file__).resolve().parents[1]
OUR_TABLES = {
    "stories",
    "story_versions",
    "threads",
    "thread_notices",
    "handled_deliveries",
    "channel_schedules",
}
SLACK_TABLES = {"slack_installations", "slack_bots", "slack_oauth_states"}


def _head() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _tables_and_revision(conn: Connection) -> tuple[set[str], str | None]:
    return set(inspect(conn).get_table_names()), MigrationContext.configure(
        conn
    ).get_current_revision()


def _diff(conn: Connection, metadata: MetaData, tables: set[str]) -> list[Any]:
    def include_name(name: str | None, type_: str, parent: Any) -> bool:
        return type_ != "table" or name in tables

    ctx = MigrationContext.configure(
        conn, opts={"compare_type": True, "include_name": include_name}
    )
    return list(compare_metadata(ctx, metadata))


async def test_upgrade_from_empty_creates_every_table(empty_db_url: str) -> None:
    await migrate(empty_db_url)
    await migrate(empty_db_url)  # a second run is a no-op, not an error
    engine = make_engine(empty_db_url)
    try:
        async with engine.connect() as conn:
            tables, revision = await conn.run_sync(_tables_and_revision)
    finally:
        await engine.dispose()
    assert tables >= OUR_TABLES | SLACK_TABLES
    assert revision == _head()


async def test_migrations_match_models(empty_db_url: str) -> None:
    """The hand-written revisions create exactly what storage/models.py describes."""
    await migrate(empty_db_url)
    engine = make_engine(empty_db_url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(_diff, Base.metadata, OUR_TABLES)
    finally:
        await engine.dispose()
    assert diff == []


async def test_slack_tables_match_slack_sdk(empty_db_url: str) -> None:
    """Our copy of slack_sdk's OAuth tables still matches the installed slack_sdk."""
    await migrate(empty_db_url)
    slack = MetaData()
    SQLAlchemyInstallationStore.build_installations_table(slack, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(slack, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(slack, "slack_oauth_states")
    engine = make_engine(empty_db_url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(_diff, slack, SLACK_TABLES)
    finally:
        await engine.dispose()
    assert diff == []


async def test_slack_stores_work_on_migrated_database(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        installs = AsyncSQLAlchemyInstallationStore(client_id="111.222", engine=engine)
        installed_at = datetime.now(UTC) - timedelta(minutes=5)
        await installs.async_save(
            Installation(
                app_id="A111",
                enterprise_id=None,
                team_id="T111",
                team_name="Newsroom",
                bot_token="xoxb-111",
                bot_id="B111",
                bot_user_id="U0BOT",
                bot_scopes="chat:write,commands",
                user_id="U111",
                installed_at=installed_at.timestamp(),
            )
        )
        found = await installs.async_find_installation(enterprise_id=None, team_id="T111")
        assert found is not None
        assert (found.bot_token, found.team_name, found.user_id) == (
            "xoxb-111",
            "Newsroom",
            "U111",
        )
        bot = await installs.async_find_bot(enterprise_id=None, team_id="T111")
        assert bot is not None and bot.bot_user_id == "U0BOT"
        assert await installs.async_find_installation(enterprise_id=None, team_id="T999") is None

        states = AsyncSQLAlchemyOAuthStateStore(expiration_seconds=60, engine=engine)
        state = await states.async_issue()
        assert await states.async_consume(state) is True
        assert await states.async_consume(state) is False  # used once
    finally:
        await engine.dispose()


async def test_downgrade_to_base_and_up_again(empty_db_url: str) -> None:
    await migrate(empty_db_url)
    engine = make_engine(empty_db_url)

    def down(conn: Connection) -> None:
        command.downgrade(_alembic_config(conn), "base")

    try:
        async with engine.begin() as conn:
            await conn.run_sync(down)
        async with engine.connect() as conn:
            tables, revision = await conn.run_sync(_tables_and_revision)
        assert not (OUR_TABLES | SLACK_TABLES) & tables
        assert revision is None
    finally:
        await engine.dispose()
    await migrate(empty_db_url)


async def test_concurrent_migrate_calls_both_succeed(empty_db_url: str) -> None:
    """Two processes starting at once must not both try to create the tables."""
    await asyncio.gather(migrate(empty_db_url), migrate(empty_db_url))
    engine = make_engine(empty_db_url)
    try:
        async with engine.connect() as conn:
            n = (await conn.execute(text("SELECT count(*) FROM alembic_version"))).scalar_one()
    finally:
        await engine.dispose()
    assert n == 1


def test_alembic_command_line_upgrade(tmp_path: Path) -> None:
    """`python -m alembic -c storage/alembic.ini upgrade head` works from the repo root."""
    db = tmp_path / "cli" / "newsdesk.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    proc = subprocess.run(
        [sys.executable, "-m", "alembic", "-c", "storage/alembic.ini", "upgrade", "head"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    import sqlite3

    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert tables >= OUR_TABLES | SLACK_TABLES
    assert revision == _head()


@pytest.mark.postgres
async def test_migrate_from_another_working_directory(
    pg_empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    await migrate(pg_empty_url)
    engine = make_engine(pg_empty_url)
    try:
        async with engine.connect() as conn:
            tables, _ = await conn.run_sync(_tables_and_revision)
    finally:
        await engine.dispose()
    assert tables >= OUR_TABLES
