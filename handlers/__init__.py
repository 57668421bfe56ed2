"""Slack listeners, one module per kind; ``register_all`` wires them onto an AsyncApp.

Handlers find the shared ``DigestService`` in ``context["service"]`` (set by a middleware
here), so each module keeps the plain ``register(app)`` signature.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.service import DigestService

MODULES = ("commands", "shortcuts", "events", "views", "actions", "jobs")


def register_all(app: AsyncApp, service: DigestService) -> None:
    """Put ``service`` (and its settings and store) in every request's context; register all."""

    async def provide_service(context: dict[str, Any], next: Callable[[], Awaitable[Any]]) -> Any:
        context["service"] = service
        context["settings"] = service.settings
        context["store"] = service.store
        return await next()

    app.middleware(provide_service)
    for name in MODULES:
        try:
            module = importlib.import_module(f"handlers.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"handlers.{name}":  # a real import error inside the module
                raise
            continue  # written by another part of the project, not there yet
        module.register(app)
