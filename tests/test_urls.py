"""A page's canonical link is believed only on the site the page came from, on every path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.model import InputMode, RawDocument
from bot.pipeline import clean
from bot.urls import site_of
from config.settings import Settings
from tests.pages import article_page

PARAS = [
    "The library will open on Sundays from next month, the council said on Tuesday, after "
    "a petition signed by 4,000 residents asked for longer hours.",
    "Opening on Sundays will cost about 120,000 pounds a year, paid from the culture budget, "
    "according to a report presented to councillors at the meeting on Tuesday evening.",
    '"People told us the library matters to them," said Ruth Okafor, who leads the council. '
    '"We listened, and the money is there for it."',
]


def _raw(canonical: str, fetched: str) -> RawDocument:
    page = article_page("Library to open on Sundays", PARAS, canonical=canonical)
    return RawDocument(content=page, is_html=True, url=fetched)


def test_an_off_site_canonical_is_replaced_by_the_fetched_address() -> None:
    fetched = "https://copycat.example/library"
    article = clean(
        _raw("https://outlet.example/news/library", fetched), InputMode.AUTO, Settings()
    )
    assert article.meta.url == fetched


def test_a_same_site_canonical_is_kept_www_and_amp_alike() -> None:
    claimed = "https://outlet.example/news/library"
    for fetched in (
        "https://www.outlet.example/news/library?utm_source=x",
        "https://amp.outlet.example/news/library",
    ):
        assert clean(_raw(claimed, fetched), InputMode.AUTO, Settings()).meta.url == claimed


def test_a_file_keeps_its_own_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file has no fetched address to check the claim against: the claim is all there is."""
    page = tmp_path / "story.html"
    page.write_text(article_page("Library", PARAS, canonical="https://outlet.example/x"))
    assert main(["digest", "--format", "json", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["url"] == "https://outlet.example/x"


def test_site_of() -> None:
    assert site_of("https://www.Outlet.example./a") == "outlet.example"
    assert site_of("https://m.outlet.example/a") == "outlet.example"
    assert site_of("not a url") is None
