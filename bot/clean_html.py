"""Turn a web page into an Article: trafilatura for the body, lean metadata, boilerplate filter.

The page is parsed once; metadata is read from that tree (``bot.html_meta``), then the
elements trafilatura would throw away first (head, scripts, navigation, footers) are dropped
and trafilatura extracts the body in its fast mode, its fallback extractors kept for pages
where it finds next to nothing. That keeps the whole path cheaper than plain
``trafilatura.extract``. A small, general line filter then drops the boilerplate
trafilatura tends to keep: "Read more:" links, newsletter and share prompts, comment
counters, credit lines, related-story lists.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml.etree import strip_elements
from lxml.html import HtmlElement, fromstring
from trafilatura.utils import (
    DOCTYPE_TAG,
    FAULTY_HTML,
    HTML_PARSER,
    fromstring_bytes,
    load_html,
)

from bot.clean_vocab import strip_hover_cards
from bot.html_meta import read_metadata
from bot.model import Article, SourceMeta

logger = logging.getLogger(__name__)

# Lines that are boilerplate wherever they appear (matched case-insensitively, whole line).
_BOILERPLATE_PATTERNS = (
    # cross-links: "Read more: ...", "SEE ALSO", "Related: ...", "Also on rt.com ..."
    r"(read|see|watch|listen)( more| also| next| now)?\s*[:|»>\-–—].*",
    r"(read|see) (more|also)( (photos|stories|here|on this))?\W*",
    r"(related|recommended|more on this|more from \w+( \w+)?|most (read|popular)|trending"
    r"|top stories|you may also like|don'?t miss|must read)(\s*(articles?|stories|coverage))?"
    r"\s*([:|»>].*|\W*)",
    r"also on [\w.-]+\.\w{2,}\b.*",
    # sharing, following, tips
    r"(like|enjoy(ed)?|share) this (story|article|post)\?.*",
    r"share (this|on) .{0,40}",
    r"(follow|like) (us|him|her|them|me|the [\w ]{1,40}) on .{0,60}",
    r"have a (news )?tip\?.*",
    # comments widgets
    r"\(?\d*\)? ?comments?( \(\d+\))?\W*",
    r"(leave|post|add) a (comment|reply)\W*",
    r"tell us what you think\W*",
    r"filed under:.*",
    r"(tags?|topics?|categories|category):.{0,120}",
    # marketing
    r"[\w' ]{0,30}\bnewsletters?\W*",
    # wire credits: "(Reporting by X; Editing by Y)"
    r"\(?(additional |writing and )?(reporting|writing|editing|compiled) by\b.{0,300}",
    # shortcodes leaked from a CMS: "[button link=...]...[/button]"
    r"\[\w+ [^\]]*=[^\]]*\].*",
    # separators and bare timestamps
    r"[_=*~\-–—•·.]{3,}",
    r"\[[A-Za-z][\w.& -]{0,25}\]",  # a bare source label such as "[Wired]", "[PC World]"
    r"(updated|published|posted|last modified)( at| on)?:? .{0,40}",
)
_BOILERPLATE_RE = re.compile(
    "|".join(f"(?:{p})" for p in _BOILERPLATE_PATTERNS), re.IGNORECASE
)
# Boilerplate that may start anywhere in a line: each is tried only when its key phrase occurs,
# since a leading ".{0,300}" costs a backtracking scan of every line.
_KEYED_BOILERPLATE = (
    ("click here", re.compile(r".{0,200}\bclick here\b.{0,150}", re.IGNORECASE)),
    (
        "follow",
        re.compile(
            r".{0,300}\bfollow (us|him|her|them|me)\b.{0,40}"
            r"\bon (twitter|facebook|instagram)\b.{0,80}",
            re.IGNORECASE,
        ),
    ),
)

# Words that give a line away as a marketing prompt when two of them meet in a short line.
_PROMO_WORDS = re.compile(
    r"\b(newsletters?|inbox|subscri(be|ption|ber)s?|sign(ing)? up|delivered|"
    r"free trial|download (our|the) app|unlimited access|click here)\b",
    re.IGNORECASE,
)
# A teaser headline tagged with its format: "China furious at Macron [INSIGHT]".
_TAGGED_TEASER = re.compile(r".*\[[A-Z][A-Z ]{2,20}\]\s*\|?\s*")
# A short heading that introduces a list of links ("Related", "More stories").
_LINK_LIST_HEADING = re.compile(
    r"(related( (articles?|stories|coverage|content|links))?|more (stories|news|from \w+)|"
    r"read more|see also|don'?t miss|recommended( for you)?|most (read|popular)|trending( now)?|"
    r"top stories|you may also like|latest( news)?|[\w' ]{0,30}\bnewsletters?)\s*:?",
    re.IGNORECASE,
)

_PROMO_MAX_WORDS = 60
_LIST_PREFIX = "- "


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    is_item: bool  # a list item in trafilatura's text output


def _split_lines(text: str) -> list[_Line]:
    lines = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        is_item = stripped.startswith(_LIST_PREFIX)
        if is_item:
            stripped = stripped[len(_LIST_PREFIX) :].strip()
        if stripped:
            lines.append(_Line(stripped, is_item))
    return lines


def _is_promo(text: str, folded: str) -> bool:
    if "newsletter" not in folded and "inbox" not in folded:  # cheap test for what must be there
        return False
    if len(text.split()) > _PROMO_MAX_WORDS:
        return False
    hits = {m.group(0).lower() for m in _PROMO_WORDS.finditer(text)}
    # "sign up" or "subscribers" alone occur in news prose; a newsletter or an inbox rarely does
    return len(hits) >= 2 and any(h.startswith(("newsletter", "inbox")) for h in hits)


def is_boilerplate_line(text: str) -> bool:
    """True for a line that is page furniture rather than article prose."""
    if _BOILERPLATE_RE.fullmatch(text) or _TAGGED_TEASER.fullmatch(text):
        return True
    folded = text.casefold()
    if any(key in folded and regex.fullmatch(text) for key, regex in _KEYED_BOILERPLATE):
        return True
    return _is_promo(text, folded)


def _looks_like_prose(text: str) -> bool:
    return len(text.split()) >= 20 or text.rstrip().endswith((".", "!", "?", '"', "”", "’"))


def _is_headline(text: str) -> bool:
    """Title Case, several words, no closing full stop: a link to another story."""
    words = text.split()
    if len(words) < 4 or len(words) > 20 or text.rstrip().endswith((".", ":")):
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return bool(long_words) and capitalised / len(long_words) >= 0.75


def _headline_lists(lines: list[_Line]) -> set[int]:
    """Indexes of list items in runs of two or more that are mostly headlines (related links)."""
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        if not lines[i].is_item:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].is_item:
            j += 1
        run = range(i, j)
        headlines = sum(1 for k in run if _is_headline(lines[k].text))
        if len(run) >= 2 and headlines * 3 >= len(run) * 2:
            drop.update(run)
        i = j
    return drop


def filter_boilerplate(lines: list[_Line]) -> tuple[list[str], list[str]]:
    """Split lines into (kept, removed).

    Besides single boilerplate lines, a short link-list heading ("Related", "Don't miss")
    takes the list items and short headline-like lines right after it along with it, a
    newsletter heading takes its one-line pitch, and lists of headlines go as a block.
    """
    kept: list[str] = []
    removed: list[str] = []
    headline_items = _headline_lists(lines)
    in_link_list = False
    after_newsletter = False
    for index, line in enumerate(lines):
        text = line.text
        pitch = after_newsletter and not line.is_item and len(text.split()) <= 25
        after_newsletter = False
        if (
            index in headline_items
            or pitch
            or (in_link_list and (line.is_item or not _looks_like_prose(text)))
        ):
            removed.append(text)
            continue
        in_link_list = False
        if is_boilerplate_line(text):
            removed.append(text)
            heading = len(text.split()) <= 12 and bool(_LINK_LIST_HEADING.match(text))
            in_link_list = heading
            after_newsletter = heading and "newsletter" in text.lower()
            continue
        kept.append(text)
    return kept, removed


# Below this many characters trafilatura itself turns to its fallback extractors (its
# MIN_EXTRACTED_SIZE); we do the same, but only then.
_MIN_BODY_CHARS = 250


# Elements trafilatura deletes wholesale before it looks for the body (its MANUALLY_CLEANED and
# MANUALLY_STRIPPED lists): dropping them first spares its many whole-tree XPath passes the
# work (navigation, footers and asides are a third of a news page's elements). Not <form>,
# <figure> or <math>, which it inspects before deleting, nor JSON-LD, which tells it a forum.
_NEVER_BODY = (
    "head", "script", "style", "noscript", "svg", "iframe", "template", "link", "meta",
    "nav", "footer", "aside", "button", "select", "picture",
)


def _drop_never_body(tree: HtmlElement) -> None:
    # strip_elements keeps each element's tail text, as trafilatura's own deletion does
    strip_elements(tree, *(t for t in _NEVER_BODY if t != "script"), with_tail=False)
    for elem in list(tree.iter("script")):
        if elem.get("type") != "application/ld+json":
            elem.drop_tree()


def _body_text(tree: HtmlElement, url: str | None) -> str:
    """trafilatura's text of the article body, its fallback extractors only when it finds little.

    By default trafilatura runs readability on every page and takes its text when it is twice
    as long, which costs about as much as the extraction itself and on news pages more often
    pulls in related stories than recovers a paragraph. Skipping it (``fast``) and re-running
    the full cascade only for a short result keeps the rescues of empty-looking pages.
    """
    text = ""
    for fast in (True, False):
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            fast=fast,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
        )
        text = getattr(doc, "text", None) or ""
        if len(text) >= _MIN_BODY_CHARS:
            break
    return text


# Characters XML forbids. trafilatura's load_html deletes them with a regex over the whole page,
# a third of its parsing cost; they are rare, and plain substring tests find them much faster.
_XML_INVALID = tuple(map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)))


def parse_page(html: str) -> HtmlElement | None:
    """The page's tree, as trafilatura's ``load_html`` would parse it."""
    if any(char in html for char in _XML_INVALID):
        return load_html(html)
    # the rest of load_html for a str: its two repairs, its parse and its sanity checks
    beginning = html[:50].lower()
    if "doctype" in beginning:
        first, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", first, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    tree, as_bytes = None, False
    try:
        tree = fromstring(html, parser=HTML_PARSER)
    except ValueError:  # a str that declares its encoding: lxml wants bytes
        tree, as_bytes = fromstring_bytes(html), True
    except Exception:  # an empty document, say: the bytes parser gets its chance below
        logger.debug("lxml could not parse the page as text", exc_info=True)
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = fromstring_bytes(html)
    if tree is not None and "html" not in beginning and len(tree) < 2:
        return None  # not HTML at all
    return tree


def clean_html(html: str, url: str | None = None) -> Article:
    """Extract the article (metadata and body paragraphs, headline excluded) from a page."""
    tree = parse_page(html)
    if tree is None:
        return Article(meta=SourceMeta(url=url), body=())
    meta = read_metadata(tree, url)
    _drop_never_body(tree)  # the metadata is read: the rest of the page is the body's
    text = _body_text(tree, url)
    body, removed = filter_boilerplate(_split_lines(text))
    for i, paragraph in enumerate(body):
        body[i], cards = strip_hover_cards(paragraph)
        removed += cards
    if body and meta.title and body[0].strip() == meta.title:  # headline repeated as a paragraph
        removed.insert(0, body.pop(0))
    return Article(meta=meta, body=tuple(body), removed=tuple(removed))
