"""Is this an article? Refuse home pages, login pages, paywall stubs and empty pages.

Works on the cleaned Article plus the text it came from (HTML or pasted text), so
the same checks serve both cleaning paths. Every refusal says what the page looked
like and what the reporter can do instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import NotAnArticle, Paywalled
from bot.model import Article

# A paragraph of prose: a few words and a sentence ending (headline lists have neither).
_PROSE_MIN_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(\s|$)")
# Below this much prose there is no story to digest.
MIN_PROSE_WORDS = 40
# A paywall notice next to less prose than this is a teaser, not the story.
PAYWALL_MAX_PROSE_WORDS = 180
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
_LOGIN = re.compile(
    r"\b(password|passwort|mot de passe|contraseña|forgot your password|remember me|"
    r"sign in|log in|login|sign-in|create (an )?account)\b",
    re.IGNORECASE,
)
_PASSWORD_FIELD = re.compile(r"type\s*=\s*[\"']?password|\bpassword\b", re.IGNORECASE)
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class ProseStats:
    paragraphs: int
    prose_paragraphs: int
    prose_words: int
    words: int


def is_prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= _PROSE_MIN_WORDS and bool(_SENTENCE_END.search(paragraph))


def prose_stats(body: tuple[str, ...] | list[str]) -> ProseStats:
    prose = [p for p in body if is_prose(p)]
    return ProseStats(
        paragraphs=len(body),
        prose_paragraphs=len(prose),
        prose_words=sum(len(p.split()) for p in prose),
        words=sum(len(p.split()) for p in body),
    )


def _visible(source_text: str) -> str:
    """Source text with markup removed (phrases can straddle tags in HTML)."""
    if "<" not in source_text:
        return source_text
    return " ".join(_TAGS.sub(" ", source_text).split())


def _paywalled(article: Article) -> Paywalled:
    where = f" at {article.meta.url}" if article.meta.url else ""
    return Paywalled(
        f"The page{where} looks paywalled: only a teaser is readable without a subscription. "
        "Paste the article text instead (copy it from a browser where you are logged in)."
    )


def check_article(article: Article, source_text: str) -> None:
    """Raise NotAnArticle or Paywalled when ``article`` is not a story we can digest."""
    stats = prose_stats(article.body)
    visible = _visible(source_text)
    has_paywall = bool(_PAYWALL.search(visible)) or any(_PAYWALL.search(p) for p in article.body)
    if has_paywall and stats.prose_words < PAYWALL_MAX_PROSE_WORDS:
        raise _paywalled(article)
    if stats.words == 0:
        raise NotAnArticle(
            "No article text was found on this page. If it is a story, paste its text instead."
        )
    login_hits = {m.group(0).lower() for m in _LOGIN.finditer(visible)}
    if (
        stats.prose_words < LOGIN_MAX_PROSE_WORDS
        and _PASSWORD_FIELD.search(source_text)
        and len(login_hits) >= 2
    ):
        raise NotAnArticle(
            "This looks like a login page, not an article. Send the story's own link, "
            "or paste its text."
        )
    if (
        stats.paragraphs >= 8
        and stats.prose_paragraphs * 4 < stats.paragraphs
        and stats.prose_words < HOME_MAX_PROSE_WORDS
    ):
        raise NotAnArticle(
            "This looks like a home page or section front (a list of headlines), not a single "
            "article. Open the story and send its own link."
        )
    if stats.prose_words < MIN_PROSE_WORDS:
        raise NotAnArticle(
            f"There is too little article text here ({stats.words} words, hardly any in "
            "sentences) to digest. Send the full story, or paste its text."
        )
