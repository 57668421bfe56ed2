"""Is this an article? Refuse home pages, login pages, paywall stubs and empty pages.

Works on the cleaned Article plus the text it came from (HTML or pasted text), so
the same checks serve both cleaning paths. Every refusal says what the page looked
like and what the reporter can do instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.clean_lines import class_view, view_tokens
from bot.clean_vocab import fold
from bot.errors import NotAnArticle, Paywalled
from bot.model import Article

# A paragraph of prose: a few words and a sentence ending (headline lists have neither).
_PROSE_MIN_WORDS = 8
# . ! ? or … (closing quotes or brackets may follow) before white space or the end, or a CJK
# full stop. It starts with one character class so that re jumps from candidate to candidate
# instead of trying every position.
_SENTENCE_END = re.compile(r"[.!?…。！？](?:(?<=[。！？])|[\"'”’)\]]*(?:\s|$))")
# Below this much prose there is no story to digest.
MIN_PROSE_WORDS = 40
# A paywall notice next to less prose than this is a teaser, not the story.
PAYWALL_MAX_PROSE_WORDS = 120
# A body this long is content even without sentences (a race calendar, a results table).
SHORT_LIST_WORDS = 150
LOGIN_MAX_PROSE_WORDS = 120
HOME_MAX_PROSE_WORDS = 150

_PAYWALL = re.compile(
    r"subscribe (now |today )?to (continue|keep) reading|"
    r"(to )?(continue|keep) reading,? (please )?(subscribe|sign in|log in|register)|"
    r"(this|the) (article|story|content) is (only )?(available |reserved )?(for|to) "
    r"(paid |paying |premium )?(subscribers|members)|"
    r"(subscribers?|members?)[- ]only (content|article|story)|"
    r"already a (subscriber|member)\?|"
    r"you('ve| have) (reached|used) (your|all your|the) (limit|free articles?|monthly limit)|"
    r"to read the (full|rest of the|whole) (article|story)|"
    r"subscribe to (read|unlock|access) (this|the full|more)|"
    r"unlock (this|the full) (article|story)|"
    r"become a (subscriber|member) to (read|continue)",
    re.IGNORECASE,
)
# Every match of _PAYWALL holds one of these in case-folded text (see ``fold``: the case
# folding re.IGNORECASE applies): a page holding none is ruled out by a few substring scans,
# where the regex (no literal to skip to) tries every branch at every position.
_PAYWALL_WORDS = (
    "reading", "subscriber", "member", "you've ", "you have ", "to read the ", "subscribe to ",
    "unlock ",
)  # fmt: skip


def _says_paywalled(text: str) -> bool:
    """Whether ``text`` holds a paywall notice (``_PAYWALL``)."""
    low = fold(text)
    return any(word in low for word in _PAYWALL_WORDS) and _PAYWALL.search(text) is not None


_LOGIN = re.compile(
    r"\b(password|passwort|mot de passe|contraseña|forgot your password|remember me|"
    r"sign in|log in|login|sign-in|create (an )?account)\b",
    re.IGNORECASE,
)
_PASSWORD_FIELD = re.compile(r"type\s*=\s*[\"']?password|\bpassword\b", re.IGNORECASE)
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)


# CJK ideographs, kana and Hangul: text whose words white space does not (always) mark.
CJK_CHARS = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
_CJK = re.compile(CJK_CHARS)
_ENDS_SENTENCE = re.compile(r"[.!?…。！？:;][\"'”’)\]」』]*$")
_TABLE_OR_NUMBER = re.compile(r"\||\d")


@dataclass(frozen=True, slots=True)
class ProseStats:
    paragraphs: int
    prose_paragraphs: int
    headline_paragraphs: int
    prose_words: int
    words: int


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds CJK or Hangul, whose words ``word_count`` counts differently."""
    return not text.isascii() and _CJK.search(text) is not None


def word_count(text: str) -> float:
    """Words, with unspaced CJK text counted as one word per two characters."""
    return _count_tokens(text, text.split())


def _count_tokens(text: str, tokens: list[str]) -> float:
    """``word_count`` of ``text`` split into ``tokens`` already."""
    # The common case, without a regex call per word; ASCII text needs no CJK search at all.
    if text.isascii() or not _CJK.search(text):
        return float(len(tokens))
    total = 0.0
    for token in tokens:
        cjk = len(_CJK.findall(token))
        total += max(1.0, cjk / 2) if cjk else 1.0
    return total


def is_prose(paragraph: str) -> bool:
    return word_count(paragraph) >= _PROSE_MIN_WORDS and bool(_SENTENCE_END.search(paragraph))


def is_headline_like(paragraph: str) -> bool:
    """A short line with no sentence ending, not a table row or a list of figures."""
    return _headline_tokens(paragraph, paragraph.split())


def _headline_tokens(paragraph: str, words: list[str]) -> bool:
    """``is_headline_like`` of ``paragraph`` split into ``words`` already."""
    if not 3 <= len(words) <= 16 or _ENDS_SENTENCE.search(paragraph):
        return False
    return sum(1 for w in words if _TABLE_OR_NUMBER.search(w)) <= 1


def join_wrapped(lines: list[str] | tuple[str, ...]) -> list[str]:
    """Rejoin lines hard-wrapped mid-sentence (a continuation starts in lower case)."""
    out: list[str] = []
    for line in lines:
        continues = line[:1].islower() or (out and out[-1].endswith(","))
        if out and continues and not _ENDS_SENTENCE.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def prose_stats(body: tuple[str, ...] | list[str]) -> ProseStats:
    paragraphs = join_wrapped([p for p in body if p.strip()])
    counts: list[float] = []
    prose: list[float] = []
    headlines = 0
    for p in paragraphs:
        view = class_view(p)
        if view is not None:  # no CJK in it: the words are the white-space tokens, counted
            size = view_tokens(view)  # without building a list of them
            n = float(size)
        else:
            tokens = p.split()
            size, n = len(tokens), _count_tokens(p, tokens)
        counts.append(n)
        if n >= _PROSE_MIN_WORDS and _SENTENCE_END.search(p):
            prose.append(n)
        if 3 <= size <= 16:  # the headline test's first condition, before splitting
            headlines += _headline_tokens(p, p.split())
    return ProseStats(
        paragraphs=len(paragraphs),
        prose_paragraphs=len(prose),
        headline_paragraphs=headlines,
        prose_words=round(sum(prose)),
        words=round(sum(counts)),
    )


def _visible_lines(source_text: str) -> list[str]:
    """Source text as non-empty lines, markup removed (every tag ends a line)."""
    text = _TAGS.sub("\n", source_text) if "<" in source_text else source_text
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _listy(stats: ProseStats) -> bool:
    return (
        stats.headline_paragraphs >= 8
        and stats.headline_paragraphs * 5 >= stats.paragraphs * 3
        and stats.prose_paragraphs * 4 < stats.paragraphs
    )


def _looks_like_front_page(body: ProseStats, source_lines: Callable[[], list[str]]) -> bool:
    """Many short lines (headlines, menus) and little prose, in the article or the page."""
    if _listy(body) and body.prose_words < HOME_MAX_PROSE_WORDS:
        return True
    # Every page has menus: judge by the page only when the article part is nearly empty
    # (and only then pay for reading the whole page).
    return body.prose_words < 2 * MIN_PROSE_WORDS and _listy(prose_stats(source_lines()))


def _paywalled(article: Article) -> Paywalled:
    where = f" at {article.meta.url}" if article.meta.url else ""
    return Paywalled(
        f"The page{where} looks paywalled: only a teaser is readable without a subscription. "
        "Paste the article text instead (copy it from a browser where you are logged in)."
    )


class _Page:
    """The source page's visible text, read when a check first needs it (a real story
    rarely does), and only once."""

    __slots__ = ("_lines", "_source", "_visible")

    def __init__(self, source_text: str) -> None:
        self._source = source_text
        self._lines: list[str] | None = None
        self._visible: str | None = None

    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = _visible_lines(self._source)
        return self._lines

    def visible(self) -> str:
        if self._visible is None:
            self._visible = " ".join(self.lines())  # phrases can straddle tags or line breaks
        return self._visible


def check_article(article: Article, source_text: str) -> None:
    """Raise NotAnArticle or Paywalled when ``article`` is not a story we can digest.

    Every check of the source page matters only for an article with little prose, so a
    real story is judged on its own paragraphs and the page (perhaps 100 kB of HTML) is
    read only when needed, once.
    """
    stats = prose_stats(article.body)
    page = _Page(source_text)
    if stats.prose_words < PAYWALL_MAX_PROSE_WORDS and (
        _says_paywalled(page.visible()) or any(_says_paywalled(p) for p in article.body)
    ):
        raise _paywalled(article)
    if (
        stats.prose_words < LOGIN_MAX_PROSE_WORDS
        and _PASSWORD_FIELD.search(source_text)
        and len({m.group(0).lower() for m in _LOGIN.finditer(page.visible())}) >= 2
    ):
        raise NotAnArticle(
            "This looks like a login page, not an article. Send the story's own link, "
            "or paste its text."
        )
    if _looks_like_front_page(stats, page.lines):
        raise NotAnArticle(
            "This looks like a home page or section front (a list of headlines), not a single "
            "article. Open the story and send its own link."
        )
    if stats.words == 0:
        raise NotAnArticle(
            "No article text was found: everything here reads as page furniture (menus, "
            "links, notices). Send the story's own link, or paste the article's paragraphs."
        )
    if stats.prose_words < MIN_PROSE_WORDS and stats.words < SHORT_LIST_WORDS:
        raise NotAnArticle(
            f"There is too little article text here ({stats.words} words, hardly any in "
            "sentences) to digest. Send the full story, or paste its text."
        )
