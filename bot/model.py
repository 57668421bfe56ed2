"""The news core's data model: plain, frozen dataclasses shared by every stage.

Nothing here knows about Slack or SQL. Every text field that reaches a reader
(facts, quotes, body paragraphs) is a verbatim span of the article.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class InputMode(StrEnum):
    """How a source's content should be read."""

    AUTO = "auto"
    HTML = "html"
    TEXT = "text"  # a pasted page copy, boilerplate and all
    CLEAN = "clean"  # already the article body: skip boilerplate removal


class Kind(StrEnum):
    """Whether an attribution quotes the speaker's words."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a source gave us before cleaning: decoded text and where it came from."""

    content: str
    is_html: bool
    url: str | None = None  # the final URL after redirects, for fetched pages
    name: str | None = None  # file name or "-" for stdin; used as the JSONL id
    etag: str | None = None
    last_modified: str | None = None
    status: int | None = None  # HTTP status; 304 means "unchanged" and content is empty


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """Where a story comes from and how it presents itself."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    standfirst: str | None = None
    byline: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601, or None when the page gives no date


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: metadata, body paragraphs, and what cleaning removed."""

    meta: SourceMeta
    body: tuple[str, ...]
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what.

    ``speaker`` is the resolved name ("Lloyd Austin" for a "he said");
    ``speaker_text`` is the words the article used at that point ("he").
    ``content`` is a verbatim span of paragraph ``paragraph`` (index into body),
    or for a quote split around its cue, the pieces joined by a space.
    ``span`` gives [start, end) character offsets of the content's envelope
    inside that paragraph.
    """

    speaker: str | None
    speaker_text: str | None
    speaker_role: str | None
    cue: str | None
    content: str
    kind: Kind
    anonymous: bool
    paragraph: int
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A sentence an editor would put in a digest, verbatim from paragraph ``paragraph``."""

    text: str
    figures: tuple[str, ...]
    paragraph: int
    speaker: str | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Claim:
    figure: str
    speaker: str | None
    paragraph: int


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources giving different figures for the same thing (3,000 vs 10,000 troops)."""

    subject: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    article: Article
    facts: tuple[Fact, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    conflicts: tuple[Conflict, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape the CLI prints and storage keeps (issue #2)."""
        meta = self.article.meta
        return {
            "source": {
                "url": meta.url,
                "outlet": meta.outlet,
                "title": meta.title,
                "standfirst": meta.standfirst,
                "byline": list(meta.byline),
                "published": meta.published,
            },
            "body": list(self.article.body),
            "removed": list(self.article.removed),
            "facts": [
                {
                    "text": f.text,
                    "figures": list(f.figures),
                    "paragraph": f.paragraph,
                    "speaker": f.speaker,
                }
                for f in self.facts
            ],
            "attributions": [
                {
                    "speaker": a.speaker,
                    "speaker_text": a.speaker_text,
                    "speaker_role": a.speaker_role,
                    "cue": a.cue,
                    "content": a.content,
                    "kind": str(a.kind),
                    "anonymous": a.anonymous,
                    "paragraph": a.paragraph,
                }
                for a in self.attributions
            ],
            "conflicts": [
                {"subject": c.subject, "claims": [asdict(claim) for claim in c.claims]}
                for c in self.conflicts
            ],
        }


def article_from_json(data: dict[str, Any]) -> Article:
    """Rebuild an Article from the ``source``/``body``/``removed`` part of a digest JSON."""
    src = data.get("source") or {}
    return Article(
        meta=SourceMeta(
            url=src.get("url"),
            outlet=src.get("outlet"),
            title=src.get("title"),
            standfirst=src.get("standfirst"),
            byline=tuple(src.get("byline") or ()),
            published=src.get("published"),
        ),
        body=tuple(data.get("body") or ()),
        removed=tuple(data.get("removed") or ()),
    )
