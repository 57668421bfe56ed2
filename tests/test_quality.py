"""Is it an article? Home pages, login pages and paywall stubs are refused; stories pass."""

from __future__ import annotations

import pytest

from bot.clean_html import clean_html
from bot.errors import NotAnArticle, Paywalled
from bot.model import Article, SourceMeta
from bot.quality import check_article, join_wrapped, prose_stats, word_count
from tests.pages import (
    ARTICLE_HTML,
    HARBOR_PARAGRAPHS,
    HOME_PAGE_HTML,
    LOGIN_HTML,
    PAYWALL_HTML,
    article_page,
)

HEADLINES = [
    "Dock workers strike at Westhaven port",
    "Council approves new bridge budget",
    "Storm warning for the north coast",
    "Local team wins regional final",
    "School meals price rise delayed",
    "Hospital opens new children's ward",
    "Ferry timetable changes this summer",
    "Museum reopens after renovation",
    "Water bills to rise in April",
    "Opinion: The port needs a plan",
]


def _text_article(body: list[str]) -> Article:
    return Article(meta=SourceMeta(), body=tuple(body))


def test_real_article_passes_from_html_and_text() -> None:
    check_article(clean_html(ARTICLE_HTML), ARTICLE_HTML)
    text = "\n\n".join(HARBOR_PARAGRAPHS)
    check_article(_text_article(HARBOR_PARAGRAPHS), text)


def test_short_article_with_a_subscribe_banner_still_passes() -> None:
    # a full story next to a paywall-ish banner is not a teaser
    page = article_page(
        "Dock workers strike",
        HARBOR_PARAGRAPHS,
        extra_body="<aside><p>Subscribe to continue reading more stories like this.</p></aside>",
    )
    check_article(clean_html(page), page)


def test_home_page_html() -> None:
    with pytest.raises(NotAnArticle, match="home page"):
        check_article(clean_html(HOME_PAGE_HTML), HOME_PAGE_HTML)


def test_home_page_as_headline_list() -> None:
    text = "\n".join(["The Harbor Tribune", "Home", "News", "Sport", *HEADLINES])
    with pytest.raises(NotAnArticle, match="home page"):
        check_article(_text_article(HEADLINES), text)


def test_login_page() -> None:
    with pytest.raises(NotAnArticle, match="login page"):
        check_article(clean_html(LOGIN_HTML), LOGIN_HTML)


def test_paywall_stub_html() -> None:
    article = clean_html(PAYWALL_HTML, "https://harbor-tribune.example/news/summer")
    with pytest.raises(Paywalled) as info:
        check_article(article, PAYWALL_HTML)
    message = str(info.value)
    assert "paywalled" in message and "Paste the article text" in message
    assert "harbor-tribune.example" in message


def test_paywall_stub_pasted_text() -> None:
    teaser = (
        "Dock workers at the port of Westhaven are preparing for a summer of disputes, "
        "union officials said on Friday."
    )
    text = f"{teaser}\nTo continue reading, subscribe today.\nAlready a subscriber? Log in"
    with pytest.raises(Paywalled):
        check_article(_text_article([teaser]), text)


def test_empty_and_too_little_prose() -> None:
    with pytest.raises(NotAnArticle, match="No article text"):
        check_article(_text_article([]), "")
    with pytest.raises(NotAnArticle, match="too little"):
        check_article(_text_article(["Westhaven port strike.", "Photos"]), "x")


def test_unspaced_cjk_prose_counts_as_words() -> None:
    sentence = (
        "港湾労働者は火曜日の朝に仕事を放棄し、"
        "十一年ぶりにコンテナ船の積み込みが止まりました。"
    )
    assert word_count(sentence) > 20
    check_article(_text_article([sentence] * 3), sentence * 3)


def test_hard_wrapped_lines_are_rejoined() -> None:
    lines = ["The union said 1,200 members joined the strike after talks", "over pay collapsed."]
    assert join_wrapped(lines) == [" ".join(lines)]
    assert prose_stats(lines).prose_paragraphs == 1
    assert join_wrapped(HEADLINES) == HEADLINES


def test_sentence_end_matches_its_definition() -> None:
    """The sentence-end pattern is written for speed; it finds what the plain one finds."""
    import re

    from bot.quality import _SENTENCE_END

    definition = re.compile(r"[.!?…][\"'”’)\]]*(\s|$)|[。！？]")
    samples = ["No end", "Ends.", "Ends.”", "Mid. sentence", "3.5% rise", "e.g.x", "。", "是的！",
               "Why?) so", "Wait…", "“Quote.”) next", "a.b.c", "", ".", "!”’"]  # fmt: skip
    for text in samples:
        assert bool(_SENTENCE_END.search(text)) == bool(definition.search(text)), text
