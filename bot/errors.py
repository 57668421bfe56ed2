"""Errors a person can act on.

Each carries a message written for the reporter who asked (shown ephemerally in
Slack, on stderr by the CLI). Messages never include secrets or raw tracebacks.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base class: ``str(err)`` is the user-facing message."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EmptyInput(NewsdeskError):
    code = "empty"


class InputTooLarge(NewsdeskError):
    code = "too_large"


class BinaryInput(NewsdeskError):
    """Bytes that are not text we can read (binary, or not UTF-8)."""

    code = "binary"


class UnsupportedContent(NewsdeskError):
    """A PDF, an image, or anything that is neither HTML nor plain text."""

    code = "unsupported_content"


class FetchFailed(NewsdeskError):
    """The page could not be fetched; ``status`` is the HTTP status when there was one."""

    code = "fetch_failed"

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class BlockedAddress(NewsdeskError):
    """The URL resolves to a private, loopback, link-local or otherwise reserved address."""

    code = "blocked_address"


class InvalidSource(NewsdeskError):
    """A SOURCE that is neither a URL, a readable file, nor ``-``."""

    code = "invalid_source"


class NotAnArticle(NewsdeskError):
    """The page has no article in it (a home page, a login page)."""

    code = "not_an_article"


class Paywalled(NewsdeskError):
    code = "paywalled"
