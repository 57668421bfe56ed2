"""Storage errors a person can act on (messages never carry a password)."""

from __future__ import annotations

from bot.errors import NewsdeskError


class DatabaseUnavailable(NewsdeskError):
    """DATABASE_URL is unusable, or the server cannot be reached or refuses us."""

    code = "database_unavailable"
