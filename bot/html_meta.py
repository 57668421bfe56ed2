"""A news page's metadata (headline, byline, date, outlet, canonical URL) from its parsed tree.

trafilatura's metadata helpers decide what we keep, but two of them cost more than the rest
of the page's metadata together: ``examine_meta`` (it builds a debug string for every meta
tag it does not know, logged or not, and normalises keywords we never use) and
``extract_meta_json`` (it minifies and un-escapes the whole JSON-LD text character by
character before parsing it, ``articleBody`` included). Here the meta tags are read in one
pass with trafilatura's own tables, and JSON-LD is parsed as it stands, only the values we
keep being cleaned; trafilatura's readers remain the fallback for JSON that does not parse.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date
from html import unescape
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from courlan import is_valid_url
from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.baseline import block_text
from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json
from trafilatura.metadata import (
    METANAME_AUTHOR,
    METANAME_DESCRIPTION,
    METANAME_PUBLISHER,
    METANAME_TITLE,
    OG_AUTHOR,
    PROPERTY_AUTHOR,
    TWITTER_ATTRS,
    Document,
    extract_sitename,
    extract_title,
    extract_url,
    normalize_authors,
)
from trafilatura.utils import HTML_STRIP_TAGS, trim

from bot.clean_vocab import fold
from bot.model import SourceMeta
from bot.textmeta import (
    ROLE_WORDS,
    WIRE_SERVICES,
    caps_outlet_at,
    find_outlet,
    outlet_from_url,
    parse_byline,
    parse_date,
    without_credit_label,
)

logger = logging.getLogger(__name__)

# OpenGraph properties we keep, and the Document field each fills.
_OG_FIELDS = {
    "og:title": "title",
    "og:description": "description",
    "og:site_name": "sitename",
}


def read_meta_tags(tree: HtmlElement) -> Document:
    """Title, author, description, outlet and URL from <head> meta tags.

    The same precedence as trafilatura's ``extract_opengraph`` + ``examine_meta``:
    OpenGraph first, then the first other tag naming each field; authors accumulate
    (OpenGraph's first); twitter:site and application-name only stand in for a missing outlet.
    """
    og: dict[str, str] = {}
    og_author: str | None = None
    authors: list[str] = []
    found: dict[str, str] = {}
    backup_sitename: str | None = None
    twitter_url: str | None = None
    for elem in tree.iterfind(".//head/meta[@content]"):
        attrib = elem.attrib
        prop = attrib.get("property")
        raw = attrib.get("content", "")
        if prop is not None and prop.startswith("og:"):
            if raw and not raw.isspace():
                if prop in _OG_FIELDS:
                    og[_OG_FIELDS[prop]] = raw
                elif prop == "og:url" and is_valid_url(raw):
                    og["url"] = raw
                elif prop in OG_AUTHOR:
                    og_author = normalize_authors(None, raw)
            continue
        content = HTML_STRIP_TAGS.sub("", raw).strip() if "<" in raw else raw.strip()
        if not content:
            continue
        if prop is not None:
            prop = prop.lower()
            if prop in PROPERTY_AUTHOR:
                authors.append(content)
            elif prop == "article:publisher":
                found.setdefault("sitename", content)
        elif "name" in attrib:
            name = attrib.get("name", "").lower()
            if name in METANAME_AUTHOR:
                authors.append(content)
            elif name in METANAME_TITLE:
                found.setdefault("title", content)
            elif name in METANAME_DESCRIPTION:
                found.setdefault("description", content)
            elif name in METANAME_PUBLISHER:
                found.setdefault("sitename", content)
            elif name in TWITTER_ATTRS or "twitter:app:name" in name:
                backup_sitename = content
            elif name == "twitter:url" and twitter_url is None and is_valid_url(content):
                twitter_url = content
        elif "itemprop" in attrib:
            itemprop = attrib.get("itemprop", "").lower()
            if itemprop == "author":
                authors.append(content)
            elif itemprop == "description":
                found.setdefault("description", content)
            elif itemprop == "headline":
                found.setdefault("title", content)
    doc = Document()
    doc.title = og.get("title") or found.get("title")
    doc.description = og.get("description") or found.get("description")
    doc.sitename = og.get("sitename") or found.get("sitename") or backup_sitename
    doc.url = og.get("url") or twitter_url
    author = og_author
    for name in authors:
        author = normalize_authors(author, name)
    doc.author = author
    return doc


_JSON_LD = XPath('.//script[@type="application/ld+json" or @type="application/settings+json"]')
_JSON_MINIFY = re.compile(r'("(?:\\.|[^"\\])*")|\s')


def _clean_value(value: Any) -> Any:
    """What trafilatura's whole-text normalisation would have made of one string value."""
    if not isinstance(value, str):
        return value
    return trim(HTML_STRIP_TAGS.sub("", unescape(value)))


def read_json_ld(tree: HtmlElement, doc: Document) -> Document:
    """Complete ``doc`` from the page's JSON-LD, as trafilatura's ``extract_meta_json`` does."""
    before = (doc.title, doc.sitename, doc.description)
    for elem in _JSON_LD(tree):
        if not elem.text:
            continue
        try:
            schema = json.loads(elem.text, strict=False)
        except json.JSONDecodeError:
            text = normalize_json(_JSON_MINIFY.sub(r"\1", elem.text))
            try:
                schema = json.loads(text, strict=False)
            except json.JSONDecodeError:
                doc = extract_json_parse_error(text, doc)
                continue
        try:
            doc = extract_json(schema, doc)
        except Exception:  # trafilatura's reader trips on odd shapes; meta tags suffice
            logger.debug("JSON-LD metadata unreadable", exc_info=True)
    # values JSON-LD supplied were parsed raw: strip their markup and entities now
    for field, old in zip(("title", "sitename", "description"), before, strict=True):
        value = getattr(doc, field)
        if value is not old:
            setattr(doc, field, _clean_value(value))
    return doc


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _byline(author: str | None, outlet: str | None = None) -> tuple[str, ...]:
    """The names in a page's author field, without what the field adds after them: the
    outlet glued to a name ("Kevin McCoy USA TODAY", "Eric Tucker Associated Press"), and
    after a first name a role, the outlet or an agency ("AP National Political Writer",
    "CNN Business", "Associated Press")."""
    if not author:
        return ()
    names = (n.strip() for n in re.split(r";|\s+and\s+|\|", author))
    outlet_words = {w for w in _WORD_RE.findall(fold(outlet or "")) if w not in _NOT_OUTLET}
    seen: dict[str, None] = {}
    site_words = _WORD_RE.findall(fold((outlet or "").split(" | ")[0]))
    for name in names:
        name = _without_outlet(without_credit_label(name), outlet)
        if not name or name.lower() in (s.lower() for s in seen) or _no_writer(name, site_words):
            continue
        if seen and _credits_no_person(name, outlet_words):
            continue
        same = next((s for s in seen if _same_person(s, name)), None)
        if same is not None:
            # "Troy Smith" and "Troy L Smith": one writer, named in full once.
            if len(name) > len(same):
                seen = {name if s == same else s: None for s in seen}
            continue
        seen[name] = None
    return tuple(seen)


# One-word author fields that name a desk, a section or a site account, not a writer.
_DESK_WORDS = frozenset(
    (
        "editorial", "editorials", "opinion", "comment", "staff", "admin", "administrator",
        "webmaster", "guest", "editor", "editors", "redaktion", "redacción", "redação",
        "rédaction", "redazione", "редакция", "гость",
    )
)  # fmt: skip


def _no_writer(name: str, site_words: list[str]) -> bool:
    """An author field naming no writer: the site itself ("LinkNaija" on LinkNaija, "India
    Post News Weekly" on India Post: its words first), a desk or a section ("Editorial"),
    the site's CMS account ("Jdadmin"), or a date. An agency stays ("Reuters" on Reuters)."""
    if fold(name) in WIRE_SERVICES:
        return False  # "Reuters" on Reuters: the agency is the story's credit
    if site_words and _WORD_RE.findall(fold(name))[: len(site_words)] == site_words:
        return True
    key = _NOT_ALNUM_RE.sub("", name).casefold()
    if " " not in name.strip() and (fold(name) in _DESK_WORDS or key.endswith("admin")):
        return True
    return parse_date(name) is not None


def _same_person(a: str, b: str) -> bool:
    """The same first and last name, one with a middle name or initial the other lacks."""
    wa, wb = a.casefold().split(), b.casefold().split()
    return len(wa) >= 2 and len(wb) >= 2 and wa[0] == wb[0] and wa[-1] == wb[-1]


_WORD_RE = re.compile(r"\w+")
_NOT_OUTLET = frozenset(("the", "com", "news", "of", "and", "a"))


def _without_outlet(name: str, outlet: str | None) -> str:
    low = fold(name)
    if outlet and low.endswith(" " + fold(outlet)) and len(name) > len(outlet) + 1:
        return name[: -len(outlet)].rstrip(" ,")
    for agency in ("associated press", "the associated press"):
        if low.endswith(" " + agency) and len(name) > len(agency) + 1:
            return name[: -len(agency)].rstrip(" ,")
    at = caps_outlet_at(name)  # "Kevin McCoy USA TODAY"
    return name if at is None else name[:at].rstrip()


def _credits_no_person(name: str, outlet_words: set[str]) -> bool:
    """After a first name: a role ("AP National Political Writer"), the outlet or part of
    its name ("CNN Business" on CNN), an agency, or an acronym ("CNN")."""
    words = _WORD_RE.findall(fold(name))
    return bool(words) and (
        words[-1] in ROLE_WORDS
        or not outlet_words.isdisjoint(words)
        or fold(name) in WIRE_SERVICES
        or (len(words) == 1 and name.isupper() and len(name) <= 5)
    )


# Where a name is a commenter's or a caption's, not the article's author (after trafilatura's
# AUTHOR_DISCARD_XPATHS, checked on the candidate's ancestors instead of pruning a tree copy).
_AUTHOR_DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    r"article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
_AUTHOR_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_AUTHOR_SKIP_TAGS = frozenset({"time", "figure"})


def _discarded(elem: HtmlElement) -> bool:
    for node in (elem, *elem.iterancestors()):
        if node.tag in _AUTHOR_SKIP_TAGS:
            return True
        if node.tag in {"a", "div", "section", "span"}:
            cls, ident = node.get("class", ""), node.get("id", "")
            if cls in {"comments", "title", "date"} or ident == "comments":
                return True
            if _AUTHOR_DISCARD_CLASS.search(cls) or _AUTHOR_DISCARD_ID.search(ident):
                return True
            if "Figure" in node.get("data-component", ""):
                return True
    return False


def _visible_text(elem: HtmlElement) -> str:
    """Text of ``elem`` without dates and figures nested in it (a byline's <time>)."""
    parts: list[str] = []
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        # comments and processing instructions have a non-str tag and no visible text
        if isinstance(child.tag, str) and child.tag not in _AUTHOR_SKIP_TAGS:
            parts.append(_visible_text(child))
        if child.tail:
            parts.append(child.tail)
    return " ".join(parts)


# Byline-ish elements, in page order: much cheaper than trafilatura's AUTHOR_XPATHS (several
# whole-document scans) and about as good on news pages. Walking the attributes and stepping
# up to their elements tests only elements that have them: half the cost of testing every one.
_AUTHOR_XPATH = XPath(
    "//@class[contains(., 'byline') or contains(., 'Byline') or contains(., 'author')]/.."
    " | //@id[contains(., 'author')]/.. | //@rel[. = 'author']/.. | //@itemprop[. = 'author']/.."
)
# A byline element often runs on into the dateline: "Kevin McCoy USA TODAY Published 5:01 p.m."
_BYLINE_TAIL = re.compile(
    r"\s*(?:[•|·]|\b(?:published|updated|posted|on|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d).*$",
    re.IGNORECASE | re.DOTALL,
)


def _find_author(tree: HtmlElement) -> str | None:
    """A byline from the page body when meta tags and JSON-LD name nobody."""
    for elem in _AUTHOR_XPATH(tree):
        if _discarded(elem):
            continue
        content = trim(_visible_text(elem))
        if not 2 < len(content) < 120:  # a whole navigation bar is not a byline
            continue
        content = _BYLINE_TAIL.sub("", content)
        if len(content) > 2:
            return normalize_authors(None, content)
    return None


# The few elements after the page's first <h1>, where a byline without a class of its own
# sits ("<p class="article__meta">By <a>Ann Lee</a>, <a>Bo Chan</a> on Monday, ...</p>").
_UNDER_HEADING = XPath(
    "(//h1)[1]/following::*[self::p or self::div or self::span][position() <= 4]"
)


def _byline_under_heading(tree: HtmlElement) -> str | None:
    """A "By ..." line right under the headline, as the pasted-text reader reads one."""
    for elem in _UNDER_HEADING(tree):
        text = " ".join(_visible_text(elem).split())
        if 3 < len(text) < 200 and text[:3].lower() == "by " and (names := parse_byline(text)):
            return "; ".join(names)
    return None


def read_metadata(tree: HtmlElement, url: str | None) -> SourceMeta:
    """Title, byline, date, outlet and canonical URL, read with trafilatura's helpers."""
    doc = read_meta_tags(tree)
    if doc.sitename is None and doc.title is None:
        doc = _read_stray_meta_tags(tree, doc)
    if doc.author and " " not in doc.author:  # a lone handle or a single word is not a byline
        doc.author = None
    own_site = _og_site_name(tree) if doc.sitename else None
    doc = read_json_ld(tree, doc)
    if own_site and doc.sitename != own_site:
        # JSON-LD's publisher may name who supplied the story ("Associated Press" on
        # SFGate, "DH News Service" on Deccan Herald): the site's own og:site_name stands
        # where it, and not the publisher, is the name of the page's domain; or where it is
        # the domain's name exactly and the publisher adds to it ("Healthline" over
        # "Healthline Media" on healthline.com: the brand, not the company behind it)
        domain = _NOT_ALNUM_RE.sub("", outlet_from_url(doc.url or extract_url(tree, url)) or "")
        if _names_domain(own_site, domain) and (
            not _names_domain(doc.sitename, domain)
            or (_site_key(own_site) == domain.casefold() != _site_key(doc.sitename))
        ):
            doc.sitename = own_site
    title = doc.title or _page_title(tree, extract_title(tree))
    author = doc.author or _find_author(tree) or _byline_under_heading(tree)
    canonical = doc.url or extract_url(tree, url)
    sitename = doc.sitename
    if sitename is None or _slogan(sitename) or _app_or_handle(tree, sitename):
        # no site name of the page's own, or only its app's or Twitter account's: the name
        # its <title> gives after the headline ("... - The New York Times"), if any
        sitename = _title_site(_title_text(tree), title) or sitename or extract_sitename(tree)
    if sitename:
        # "@Wday_": a handle; "www.wday.ru": a host, by its domain's name
        sitename = sitename.lstrip("@").strip("_").removeprefix("www.")
    if sitename and (_slogan(sitename) or _generic_site(sitename, canonical or url)):
        # a slogan, with nothing to stand in for it, is no name at all
        fallback = None if _slogan(sitename) else sitename
        sitename = _copyright_holder(tree) or _domain_name(canonical or url) or fallback
    if title and sitename and _same_name(title, sitename.split(" | ", 1)[0]):
        # og:title holding the site's name, not the story's: the page's own heading
        title = _page_title(tree, extract_title(tree))
        if title and _same_name(title, sitename.split(" | ", 1)[0]):
            title = None
    published = find_date(
        tree,
        url=canonical or url,
        extensive_search=False,  # meta tags, JSON-LD, URL and <time>: enough, and much cheaper
        original_date=True,
        max_date=date.today().isoformat(),
    )
    # The address's own date ("/2019/nov/18/"), where the page gives one, is the story's
    # first publication: htmldate may read a date out of the page's text before it ("— the
    # claim's speaker on Sunday, October 13th, 2019" over a fact-check of November 18).
    # A day apart is a time zone's doing, not another date.
    in_url = _url_date(canonical or url)
    if in_url and (not _iso_date(published) or _days_apart(in_url, published or "") > 1):
        published = in_url
    # "Autoracing | F1 | Indy | MotoGP", "LinkNaija | Nigeria's popular news platform": the
    # name, then the site's sections or slogan.
    outlet = sitename.split(" | ", 1)[0].strip() if sitename else None
    if outlet and outlet.islower():
        outlet = _as_titled(outlet, _title_text(tree))
    headline = _without_site((title or "").strip(), sitename) or None
    return SourceMeta(
        url=canonical or url,
        outlet=outlet or None,
        title=_printed_headline(tree, headline, sitename) or headline,
        standfirst=(doc.description or "").strip() or None,
        byline=_byline(author, sitename),
        published=_iso_date(published),
    )


# A heading's class that marks it as an article's title ("entry-title", "article__title",
# "headline"); an id or itemprop that holds "headline" does too.
_TITLE_CLASS = re.compile(r"(?:post|entry|article)(?:-|__)title|headline")


def _marked_title(elem: HtmlElement) -> bool:
    return (
        bool(_TITLE_CLASS.search(elem.get("class") or ""))
        or "headline" in (elem.get("id") or "")
        or "headline" in (elem.get("itemprop") or "")
    )


# Words that say what a story is about: five letters or more, not a common function word.
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")
_FUNCTION_WORDS = frozenset(
    ("about", "after", "again", "their", "there", "these", "those", "which", "while",
     "where", "would", "could", "should", "being", "under", "until", "before")
)  # fmt: skip


def _printed_headline(tree: HtmlElement, meta_title: str | None, site: str | None) -> str | None:
    """The headline the page prints, where its meta tags give another: a social or search
    title ("Simple Hiking Kit (with Kids)" over the printed "Hiking the Flat Irons") or a
    shortened one ("HS Roundup: ..." over "High School Roundup: ..."). Only the one <h1>
    the page marks as an article's title, else the page's only <h1>, where no marked
    heading prints the meta title (a front page marks every teaser), the <h1> is not the
    site's name (a masthead) and the two share a word: the same story. A meta title that
    holds the printed one whole stays: it adds a section's label ("Opinion | ...") as the
    page shows it over the headline."""
    if not meta_title:
        return None
    key = _NOT_ALNUM_RE.sub("", meta_title).casefold()
    printed: list[str] = []
    h1s: list[HtmlElement] = []
    # lxml walks the tree for two tags in C, far faster than an XPath over every element
    for elem in tree.iter("h1", "h2"):
        if elem.tag == "h1":
            h1s.append(elem)
        if not _marked_title(elem):
            continue
        text = block_text(elem)  # word breaks kept where a block ends: "Opinion" / "Headline"
        if _NOT_ALNUM_RE.sub("", text).casefold() == key:
            return None  # the page prints the meta title
        if elem.tag == "h1" and text:
            printed.append(text)
    if not printed and len(h1s) == 1:
        printed.append(block_text(h1s[0]))
    if len(printed) != 1:
        return None
    headline = _without_site(printed[0], site)  # an <h1> may print the <title> whole
    own = _NOT_ALNUM_RE.sub("", headline).casefold()
    if not own or own in key or own in _NOT_ALNUM_RE.sub("", site or "").casefold():
        return None
    words = len(headline.split())
    if words < 3 or 2 * words < len(meta_title.split()):
        return None  # a section's or a column's name ("Politics"), not a headline
    shared = _content_words(headline) & _content_words(meta_title)
    return headline if shared else None


def _content_words(text: str) -> set[str]:
    return {w for w in _CONTENT_WORD.findall(text.casefold()) if w not in _FUNCTION_WORDS}


_OG_SITE_NAME = XPath("/html/head/meta[@property = 'og:site_name']/@content")


def _og_site_name(tree: HtmlElement) -> str | None:
    """The page's og:site_name, unless a handle ("@politifact"), which JSON-LD may better."""
    found = next((str(v).strip() for v in _OG_SITE_NAME(tree) if str(v).strip()), None)
    return None if found is None or found.startswith("@") else found


_TLD_RE = re.compile(r"\.(?:com|net|org|co\.uk|[a-z]{2})$", re.I)


def _site_key(name: str | None) -> str:
    """A site's name as its domain would spell it: "Smithsonian.com" -> "smithsonian"."""
    return _NOT_ALNUM_RE.sub("", _TLD_RE.sub("", name or "")).casefold()


def _names_domain(name: str | None, domain: str) -> bool:
    """Whether a site name is the domain's name, one holding the other ("SFGate" of
    sfgate.com, "Smithsonian" of smithsonianmag.com), case and punctuation aside."""
    key = _site_key(name)  # "Smithsonian.com"
    domain = domain.casefold()
    return bool(key and domain) and (key in domain or domain in key)


_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2]|[a-z]{3})/(0?[1-9]|[12]\d|3[01])/", re.IGNORECASE
)
_URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _days_apart(a: str, b: str) -> int:
    """Days between two ISO dates (their first ten characters)."""
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def _url_date(url: str | None) -> str | None:
    """The date an article's address holds as year, month and day ("/2019/11/18/",
    "/2019/nov/18/"), else None."""
    try:
        m = _URL_DATE.search(urlsplit(url).path) if url else None
    except ValueError:  # "http://[::1": no address to read
        return None
    if m is None:
        return None
    year, month, day = m.groups()
    num = int(month) if month.isdigit() else _URL_MONTHS.index(month.lower()) + 1 if (
        month.lower() in _URL_MONTHS) else 0
    if not num:
        return None
    try:
        return date(int(year), num, int(day)).isoformat()
    except ValueError:
        return None


def _read_stray_meta_tags(tree: HtmlElement, doc: Document) -> Document:
    """Title, site name and URL from the head's meta tags where the parser met them in the
    body (a stray element in the <head> ends it early: og:site_name is then in <body>)."""
    body = tree.find(".//body")
    if body is None or body.find(".//meta") is None:
        return doc
    head = lxml.html.Element("head")
    for elem in body.iterfind(".//meta[@content]"):
        if "itemprop" not in elem.attrib and ("property" in elem.attrib or "name" in elem.attrib):
            head.append(lxml.html.Element("meta", dict(elem.attrib)))
    holder = lxml.html.Element("html")
    holder.append(head)
    stray = read_meta_tags(holder)
    # not the description: a body's stray og:description is often a share widget's text
    for field in ("title", "sitename", "url"):
        if getattr(doc, field) is None:
            setattr(doc, field, getattr(stray, field))
    return doc


# (in <head>, where read_meta_tags reads them)
_APP_OR_HANDLE = XPath(
    "/html/head/meta[starts-with(@name, 'twitter:') or @name = 'application-name'"
    " or starts-with(@property, 'al:') or starts-with(@property, 'twitter:')]"
)


def _app_or_handle(tree: HtmlElement, sitename: str) -> bool:
    """Whether the site name is only the page's Twitter handle or app's name ("@Wday_",
    "NYTimes" of twitter:app:name:googleplay), meta tags read for want of a better one (a
    handle in og:site_name is the site's own choice, spelled as its <title> spells it)."""
    return any((m.get("content") or m.get("value")) == sitename for m in _APP_OR_HANDLE(tree))


def _slogan(sitename: str) -> bool:
    """A site-name field holding a phrase, not a name: it opens in lower case and runs to
    three words or more ("потеря веса до 10 кг. Отзывы")."""
    return sitename[:1].islower() and len(sitename.split()) >= 3


def _same_name(a: str, b: str) -> bool:
    """The same words, case and punctuation aside ("The Harbour Post", "the harbour-post")."""
    key = _NOT_ALNUM_RE.sub("", a).casefold()
    return bool(key) and key == _NOT_ALNUM_RE.sub("", b).casefold()


def _title_site(page_title: str, headline: str | None) -> str | None:
    """The site's name the page's <title> adds to the headline ("Headline - Site", "Site:
    Headline"): the other side of a separator from the headline, of five words or fewer."""
    key = _NOT_ALNUM_RE.sub("", headline or "").casefold()
    if not key or not page_title:
        return None
    for m in _TITLE_SEP_RE.finditer(page_title):
        head, tail = page_title[: m.start()].strip(), page_title[m.end() :].strip()
        if _NOT_ALNUM_RE.sub("", head).casefold() == key:
            site = tail
        elif _NOT_ALNUM_RE.sub("", tail).casefold() == key:
            site = head
        else:
            continue
        return site if site and len(site.split()) <= 5 else None
    return None


# Words a page's site-name field holds when it names a platform or a page type, not the
# publication.
_GENERIC_SITES = frozenset(
    ("home", "homepage", "website", "site", "blog", "news", "index", "hosted")
)


def _generic_site(sitename: str, url: str | None) -> bool:
    """A site name that is a generic word, or the subdomain of a hosting service rather than
    its domain ("Hosted" on hosted.ap.org: the platform the AP serves member papers from)."""
    key = _NOT_ALNUM_RE.sub("", sitename).casefold()
    if key in _GENERIC_SITES:
        return True
    labels = (urlsplit(url).hostname or "").casefold().split(".") if url else []
    if key in ("", "www") or key not in labels[:-2]:
        return False
    # a label left of the domain's own name
    return key != _NOT_ALNUM_RE.sub("", outlet_from_url(url) or "").casefold()


_COPYRIGHT_TEXT = XPath("//body//text()[contains(., '©') or contains(., 'opyright')]")


def _copyright_holder(tree: HtmlElement) -> str | None:
    """The holder the page's own copyright line names ("©2019 The Associated Press. All
    rights reserved."), read as the pasted-text path reads it."""
    lines = [line for t in _COPYRIGHT_TEXT(tree) if (line := " ".join(str(t).split()))]
    found = find_outlet(lines, None) if lines else None
    return found if found and found[:1].isupper() else None


def _domain_name(url: str | None) -> str | None:
    """The domain's name, in capitals when it is short enough to be initials ("AP")."""
    name = outlet_from_url(url)
    return name.upper() if name and len(name) <= 3 else name


def _title_text(tree: HtmlElement) -> str:
    """The page's <title>, trimmed ("" when it has none); read only where a rule needs it."""
    return trim(tree.findtext(".//head/title") or "")


def _page_title(tree: HtmlElement, heading: str | None) -> str | None:
    """The headline when no meta tag gives it: the heading trafilatura found, unless that is
    the site's name in its masthead ("<h1>엔터 미디어</h1>" on every page of the site) while
    the page's <title> reads "Headline - Site": then the <title>'s headline."""
    page = _title_text(tree)
    if not heading or not page:
        return heading or page or None
    parts = _TITLE_SEP_RE.split(page)
    if len(parts) != 2 or len(parts[1].split()) > 3:
        return heading  # no "Headline - Site" shape to read the site's name from
    head, site = parts[0].strip(), parts[1]
    key = _NOT_ALNUM_RE.sub("", heading).casefold()
    if key == _NOT_ALNUM_RE.sub("", site).casefold():
        return head  # the heading is the site's name
    if key in _NOT_ALNUM_RE.sub("", head).casefold() or len(head) <= 2 * len(heading):
        return heading
    return head  # a short heading the headline does not hold: the masthead's, in its own words


def _as_titled(outlet: str, page_title: str) -> str:
    """A site name given in lower case ("nj", "politifact", a handle) as the page's <title>
    spells it ("... - nj.com", "... | PolitiFact West Virginia"): the brand as it shows it."""
    key = _NOT_ALNUM_RE.sub("", outlet).casefold()
    if not key:
        return outlet
    for token in reversed(page_title.split()):  # the site's name ends a <title>
        word = token.strip("|-–—·:()[]")
        squeezed = _NOT_ALNUM_RE.sub("", word).casefold()
        if squeezed == key or (squeezed.startswith(key) and "." in word):
            return word
    return outlet


# Between a headline and the site name a page title adds: "X | Site", "X - Site", "Site: X".
# Spaces around a hyphen keep "Jong-un" whole.
_TITLE_SEP_RE = re.compile(r"\s+[-–—·»]\s+|\s*\|\s*|:\s+")
_NOT_ALNUM_RE = re.compile(r"\W+")


def _without_site(title: str, site: str | None) -> str:
    """The headline without the site's name the page's <title> adds at either end
    ("Clymer workshop manual review | MoreBikes" on MoreBikes). Only the site's own name
    goes: a section ("Opinion | ...", "... | Editorial") stays, as the page printed it."""
    key = _NOT_ALNUM_RE.sub("", site or "").casefold()
    if not title or not key:
        return title
    for m in _TITLE_SEP_RE.finditer(title):
        head, tail = title[: m.start()].strip(), title[m.end() :].strip()
        if head and tail and _NOT_ALNUM_RE.sub("", tail).casefold() == key:
            return head
        if head and tail and _NOT_ALNUM_RE.sub("", head).casefold() == key:
            return tail
    return title
