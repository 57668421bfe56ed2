"""Newsdesk: clean a news story, digest its facts and sources, watch it for changes."""

__version__ = "0.1.0"
