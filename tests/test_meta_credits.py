"""Header metadata read where the page words it its own way: credit labels in other
languages, author fields that name no writer, a site name that is a hosting platform's, an
outlet spelled from an address. Made-up pages."""

from __future__ import annotations

import lxml.html
import pytest

from bot.clean_text import clean_pasted_text
from bot.html_meta import read_metadata
from bot.model import SourceMeta
from bot.textmeta import outlet_from_url, parse_byline

_STORY = (
    "The harbour board voted on Monday to close the old ferry terminal in March, "
    "after a survey found its pier unsafe for the larger boats now in service."
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Текст: Лида Буслаева·11 октября 2018", ("Лида Буслаева",)),
        ("Автор: Иван Петров и Анна Смирнова", ("Иван Петров", "Анна Смирнова")),
        ("Texto: João Almeida", ("João Almeida",)),
        ("Text: Jana Nováková", ("Jana Nováková",)),
        ("Por Álvaro Núñez | Corresponsal", ("Álvaro Núñez",)),
        # the label word alone, or before no name, reads no byline
        ("Text size", ()),
        ("Texto: sobre o porto", ()),
        ("Autor des Monats", ()),
    ],
)
def test_a_credit_label_in_another_language_opens_a_byline(
    line: str, names: tuple[str, ...]
) -> None:
    assert parse_byline(line) == names


def test_a_pasted_russian_page_gives_its_byline_and_date() -> None:
    text = "\n".join(
        [
            "Новости",
            "Мода",
            "Паром больше не придёт: старый причал закроют в марте",
            "",
            "Текст: Лида Буслаева·11 октября 2018",
            "",
            _STORY,
            "",
            _STORY.replace("Monday", "Tuesday"),
        ]
    )
    meta = clean_pasted_text(text).meta
    assert meta.byline == ("Лида Буслаева",)
    assert meta.published == "2018-10-11"


def _page(head: str, body: str = f"<p>{_STORY}</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _meta(head: str, body: str = f"<p>{_STORY}</p>", url: str | None = None) -> SourceMeta:
    return read_metadata(lxml.html.fromstring(_page(head, body)), url)


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("Текст: Лида Буслаева", ("Лида Буслаева",)),
        ("Texto: João Almeida", ("João Almeida",)),
        ("Editorial", ()),  # a section, not a writer
        ("Jdadmin", ()),  # the site's CMS account
        ("Harbour Post News Desk", ()),  # the site itself
        ("Jill Harbour", ("Jill Harbour",)),  # a writer who shares a word with the site
        ("Harbour Posten", ("Harbour Posten",)),  # or whose name starts with its letters
        ("Reuters", ("Reuters",)),  # an agency credit, on any site
    ],
)
def test_an_author_field_names_writers_only(author: str, byline: tuple[str, ...]) -> None:
    # JSON-LD, where a one-word author is kept (a meta tag's is taken for a handle)
    head = (
        '<title>Ferry terminal to close</title><meta property="og:site_name" '
        'content="Harbour Post"><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Ferry terminal to close", '
        f'"author": {{"@type": "Person", "name": "{author}"}}}}</script>'
    )
    assert _meta(head).byline == byline


def test_a_hosting_subdomain_is_no_site_name() -> None:
    head = (
        '<title>Ferry terminal to close | Hosted</title>'
        '<meta property="og:site_name" content="Hosted">'
        '<meta property="og:url" content="https://hosted.wirenews.example/paper/article/1">'
    )
    foot = '<div class="copyright">©2019 The Wire Agency. All rights reserved.</div>'
    meta = _meta(head, f"<p>{_STORY}</p>{foot}")
    assert meta.outlet == "The Wire Agency"
    assert meta.title == "Ferry terminal to close"
    # no copyright line: the domain's own name
    assert _meta(head).outlet == "Wirenews"


def test_a_generic_word_is_no_site_name() -> None:
    head = (
        '<meta property="og:site_name" content="Home">'
        '<meta property="og:url" content="https://www.harbourpost.example/a">'
    )
    assert _meta(head).outlet == "Harbourpost"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.timesunion.com/sports/article/x.php", "Times Union"),
        ("https://www.startribune.com/x", "Star Tribune"),
        ("https://thestar.com/x", "The Star"),
        ("https://www.slashgear.com/x", "Slashgear"),  # no masthead words
        ("https://www.harbourpost.com/x", "Harbourpost"),  # where a place ends is a guess
    ],
)
def test_an_outlet_from_an_address_reads_as_the_masthead(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


def test_a_section_named_with_the_site_is_no_byline() -> None:
    # "Reportagens Harbourwatch": a menu's section, read as a name under the headline
    text = "\n".join(
        [
            "Reportagens Harbourwatch",
            "O terminal das barcas fecha em março",
            "Reportagens Harbourwatch",
            "",
            _STORY,
            "",
            _STORY.replace("Monday", "Tuesday"),
            "© 2019 Harbourwatch. Todos os direitos reservados.",
        ]
    )
    meta = clean_pasted_text(text).meta
    assert meta.outlet == "Harbourwatch"
    assert meta.byline == ()
