"""Alembic environment: async engines, SQLite batch mode, shared connections.

``storage.db.migrate`` passes its own connection in ``config.attributes["connection"]``;
the ``alembic`` command line builds an engine from ``-x url=...`` or the settings.
"""

from __future__ import annotations

import asyncio
import logging.config
import os

from alembic import context
from sqlalchemy.engine import Connection

from storage.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _cli_url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url")
    if url:
        return url
    try:  # the same .env the app reads
        from dotenv import load_dotenv

        load_dotenv(override=False)
    except ImportError:
        pass
    from storage.db import DEFAULT_SQLITE_URL, normalize_url

    return normalize_url(os.environ.get("DATABASE_URL", "").strip() or DEFAULT_SQLITE_URL)


async def _run_cli() -> None:
    from storage.db import make_engine

    engine = make_engine(_cli_url())
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_run)
    finally:
        await engine.dispose()


def run_migrations_offline() -> None:
    from storage.db import normalize_url

    context.configure(
        url=normalize_url(_cli_url()), target_metadata=target_metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    shared = config.attributes.get("connection")
    if shared is not None:
        _run(shared)
    else:
        if config.config_file_name is not None:
            logging.config.fileConfig(config.config_file_name, disable_existing_loggers=False)
        asyncio.run(_run_cli())
