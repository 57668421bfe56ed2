"""Rendering a Digest: terminal text and Slack Block Kit.

Block Kit has hard limits (50 blocks, 3,000 characters a section, 150 a header) and
a message should stay well under Slack's size ceiling, so the Block Kit renderers
fill fixed character budgets and shrink them until the whole message fits. Text is
clipped at a word boundary with an ellipsis, and a clipped quote keeps its ellipsis
inside the quote marks. Article text is escaped (&, <, >) before it enters mrkdwn,
so a story can never ping a channel or forge a link.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from bot.cue_forms import inflect
from bot.model import Attribution, Conflict, Digest, Fact, Kind
from bot.render_diff import link_target
from bot.sentences import split_sentences
from bot.speakers import PRONOUNS

__all__ = [
    "MAX_BLOCKS",
    "MAX_HEADER",
    "MAX_SECTION",
    "TARGET_JSON",
    "escape",
    "render_blocks",
    "render_parent",
    "render_text",
]

MAX_BLOCKS: Final = 50
MAX_SECTION: Final = 3000
MAX_HEADER: Final = 150
MAX_CONTEXT: Final = 2000
MAX_BUTTON_VALUE: Final = 2000
TARGET_JSON: Final = 11_000  # Slack rejects messages far above ~13k characters of JSON
MAX_FALLBACK: Final = 600

ELLIPSIS: Final = "…"
_USER_ID_RE: Final = re.compile(r"<?@?([UW][A-Z0-9]{2,})>?")


# --- text helpers ------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Escape the three characters Slack mrkdwn treats as control characters."""
    # Most text holds none of them; str.translate would look up every character.
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _one_line(text: str) -> str:
    """``text`` with every run of white space one space, and none at the ends."""
    # Non-printable characters include every white space but the plain space: text that is
    # printable, without double or outer spaces, is already one line (most text is).
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())  # split() and strip() know the white space \s matches


def _clip(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + ELLIPSIS


def _clip_escaped(text: str, limit: int) -> str:
    """Escaped ``text`` in at most ``limit`` characters (escaping lengthens &, <, >)."""
    out = escape(text)
    if len(out) <= limit:
        return out
    if limit <= 1:
        return ELLIPSIS[:limit]
    used = cut = 0
    for i, ch in enumerate(text):  # the longest raw prefix whose escape leaves room for "…"
        width = 5 if ch == "&" else 4 if ch in "<>" else 1
        if used + width > limit - 1:
            break
        used += width
        cut = i + 1
    raw = text[:cut]
    space = raw.rfind(" ")
    if space > cut // 2:
        raw = raw[:space]
    return escape(raw.rstrip(" ,;:–—-")) + ELLIPSIS


def _quote(text: str, limit: int) -> str:
    """“text”, escaped, at most ``limit`` characters; a clipped quote ends “…”."""
    return "“" + _clip_escaped(text, max(1, limit - 2)) + "”"


def _link(url: str | None, label: str) -> str:
    """A mrkdwn link to an http(s) URL, else the escaped label alone."""
    if not url or not re.match(r"https?://\S+$", url):
        return escape(label)
    return f"<{link_target(url)}|{escape(label)}>"


def _mention(requested_by: str | None) -> str | None:
    if not requested_by:
        return None
    m = _USER_ID_RE.fullmatch(requested_by.strip())
    if m:
        return f"<@{m.group(1)}>"
    return escape(_clip(_one_line(requested_by), 80))


def _published(value: str | None) -> str | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return value
    if "T" not in value and " " not in value.strip():
        return f"{dt.day} {dt:%b %Y}"
    offset = dt.utcoffset()
    if offset is None:
        return f"{dt.day} {dt:%b %Y %H:%M}"
    if not offset:
        return f"{dt.day} {dt:%b %Y %H:%M} UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    zone = f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")
    return f"{dt.day} {dt:%b %Y %H:%M} {zone}"


def _meta_line(digest: Digest) -> list[str]:
    meta = digest.article.meta
    parts = [
        meta.outlet,
        ", ".join(meta.byline) if meta.byline else None,
        _published(meta.published),
    ]
    return [_one_line(p) for p in parts if p]


def _speaker_label(a: Attribution) -> str:
    if a.speaker and a.speaker.casefold() in PRONOUNS:
        # Not resolved to a name: "He" alone tells an editor nothing, so say so.
        return f"Unclear source (“{a.speaker_text or a.speaker}”)"
    if a.speaker:
        return a.speaker
    if a.anonymous:
        return "Unnamed source"
    if a.speaker_text:
        # Words that name no one ("Mr. Trump canceled an increase in tariffs", before
        # "planned"): show what was read, not as if it were a name.
        return f"Unclear source (“{a.speaker_text}”)"
    return "Unknown source"


def _role(a: Attribution) -> str | None:
    """The role to show beside the speaker; none when it only repeats the name."""
    role = (a.speaker_role or "").strip()
    if not role or role.casefold() in {(a.speaker or "").casefold(),
                                       (a.speaker_text or "").casefold()}:
        return None
    return role


def _has_quote_marks(text: str) -> bool:
    # Three searches in C, not a Python loop over the characters.
    return "“" in text or "”" in text or '"' in text


def _claims_line(conflict: Conflict) -> list[tuple[str, str]]:
    """(figure, who) pairs, one per figure: sources agreeing on a figure share its entry."""
    order: list[str] = []
    who: dict[str, list[str]] = {}
    for c in conflict.claims:
        key = re.sub(r"\s+", "", c.figure.lower())
        if key not in who:
            order.append(key)
            who[key] = [c.figure]
        name = c.speaker or "unattributed"
        if name not in who[key][1:]:
            who[key].append(name)
    return [(who[k][0], ", ".join(who[k][1:])) for k in order]


# --- terminal text -----------------------------------------------------------------------------


def render_text(digest: Digest) -> str:
    """A readable plain-text digest for the terminal."""
    meta = digest.article.meta
    lines: list[str] = [_one_line(meta.title or "Untitled story")]
    meta_line = " · ".join(_meta_line(digest))
    if meta_line:
        lines.append(meta_line)
    if meta.url:
        lines.append(meta.url)
    if meta.standfirst:
        lines += ["", _one_line(meta.standfirst)]
    if digest.facts:
        lines += ["", "Key facts"]
        for f in digest.facts:
            source = f" [{f.speaker}]" if f.speaker else ""
            lines.append(f"  • {_one_line(f.text)}{source}")
    if digest.attributions:
        lines += ["", "Who said what"]
        for a in digest.attributions:
            lines.append(f"  • {_text_attribution(a)}")
    if digest.conflicts:
        lines += ["", "Sources disagree"]
        for c in digest.conflicts:
            claims = " vs ".join(f"{fig} ({who})" for fig, who in _claims_line(c))
            lines.append(f"  • {c.subject}: {claims}")
    removed = _removed_note(digest)
    if removed:
        lines += ["", removed]
    return "\n".join(lines)


def _removed_note(digest: Digest) -> str | None:
    """How many page lines the cleaner dropped. None when it dropped none: an HTML page's
    furniture goes with its markup, so "0 lines removed" would mislead."""
    removed = len(digest.article.removed)
    return f"{removed} boilerplate line{'s' if removed != 1 else ''} removed" if removed else None


def _pieces(content: str) -> str:
    """A quote split around its cue ("A," he said. "B.") is stored as the pieces joined by a
    space; show the gap as an ellipsis so it does not read as one run of speech."""
    # A gap is a space before an opening mark: most content has none, and skips the regex
    # (whose lookbehind is tried at every position).
    if " “" not in content and ' "' not in content:
        return content
    return _PIECE_GAP.sub(" … ", content)


# A space between a closing and an opening mark. Written to open with the space, which lets
# the regex engine skip to spaces instead of trying the lookbehind at every position.
_PIECE_GAP = re.compile(r" (?=[“\"])(?<=[”\"] )")


def _reported(content: str) -> str:
    """Reported speech reads better without its complementiser ("said that X" -> "X");
    what remains is still a verbatim span of the article."""
    if content[:1] not in "tT":  # the only characters _THAT's "t" matches, ignoring case
        return content
    return _THAT.sub("", content, count=1)


_THAT = re.compile(r"^that\s+(?=\S)", re.IGNORECASE)


# Cues that only say a report was made: "(reported)" says as much. Any other cue is shown as
# the article words it ("denied", "declined", "claimed"), since a denial or a claim read as a
# plain report would mislead.
_PLAIN_REPORT = frozenset(
    {"according"}.union(
        *map(inflect, ("say", "tell", "add", "report", "state", "note", "write", "explain",
                       "continue"))
    )
)
_CUE_WORD = re.compile(r"[A-Za-z][a-z’'-]*")


def _report_label(a: Attribution) -> str:
    """The word after the speaker of reported speech: the cue as written unless it is a
    plain report verb (or not a short run of words, like a social post's handle); a
    negated report ("did not say") is always shown."""
    if a.cue in _PLAIN_CUES:  # the common case ("said"): one word, a plain report
        return "reported"
    words = (a.cue or "").split()
    if not 1 <= len(words) <= 4 or not all(_CUE_WORD.fullmatch(w) for w in words):
        return "reported"
    if any(w.lower() in _PLAIN_REPORT for w in words) and not _NEGATED.search(a.cue or ""):
        return "reported"
    return " ".join(words)


_NEGATED = re.compile(r"\b(?:not|never|cannot)\b|n[’']t\b", re.IGNORECASE)
# Cues of one word that _report_label reads as a plain report: what the full test makes of
# each, worked out once.
_PLAIN_CUES: Final = frozenset(
    w
    for w in _PLAIN_REPORT
    if w.split() == [w]
    and _CUE_WORD.fullmatch(w)
    and w.lower() in _PLAIN_REPORT
    and not _NEGATED.search(w)
)


def _text_attribution(a: Attribution) -> str:
    who = _speaker_label(a)
    if role := _role(a):
        who += f" — {role}"
    content = _pieces(_one_line(a.content))
    if a.kind is Kind.DIRECT and not _has_quote_marks(content):
        return f"{who}: “{content}”"
    label = _report_label(a)
    if a.kind is not Kind.INDIRECT:  # mixed: reported, with the speaker's own words quoted
        return f"{who}{'' if label == 'reported' else f' ({label})'}: {_reported(content)}"
    return f"{who} ({label}): {_reported(content)}"


# --- Block Kit ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Budget:
    """Character budgets for the digest's parts; shrunk until the message fits."""

    facts: int = 3200
    quotes: int = 3800
    conflicts: int = 1500
    item: int = 600  # one fact, quote or conflict line

    def shrink(self) -> _Budget:
        return _Budget(
            facts=int(self.facts * 0.7),
            quotes=int(self.quotes * 0.6),
            conflicts=int(self.conflicts * 0.7),
            item=max(80, int(self.item * 0.8)),
        )


def _fact_line(f: Fact, limit: int) -> str:
    source = f" _[{_clip_escaped(_one_line(f.speaker), 80)}]_" if f.speaker else ""
    return "• " + _clip_escaped(_one_line(f.text), max(20, limit - len(source) - 2)) + source


def _quote_line(a: Attribution, limit: int) -> str:
    who = f"*{_clip_escaped(_one_line(_speaker_label(a)), 80)}*"
    if role := _role(a):
        who += " — " + _clip_escaped(_one_line(role), 80)
    room = max(20, limit - len(who) - 16)
    content = _pieces(_one_line(a.content))
    if a.kind is Kind.DIRECT and not _has_quote_marks(content):
        return f"• {who}: {_quote(content, room)}"
    label = escape(_report_label(a))
    if a.kind is not Kind.INDIRECT:
        # Content that carries its own quote marks is shown as written, clipped honestly.
        shown = "" if label == "reported" else f" _({label})_"
        return f"• {who}{shown}: {_clip_mixed(_reported(content), room)}"
    return f"• {who} _({label})_: {_clip_escaped(_reported(content), room)}"


def _clip_mixed(content: str, limit: int) -> str:
    clipped = _clip_escaped(content, limit)
    if clipped.endswith(ELLIPSIS) and clipped.count("“") > clipped.count("”"):
        # Cut inside a quote: close it after the ellipsis so the quote stays honest.
        clipped = _clip_escaped(content, limit - 1) + "”"
    return clipped


def _conflict_line(c: Conflict, limit: int) -> str:
    claims = " vs ".join(f"{escape(fig)} ({escape(who)})" for fig, who in _claims_line(c))
    line = f"• *{escape(_one_line(c.subject))}*: {claims}"
    if len(line) <= limit:
        return line
    return "• " + _clip_escaped(
        f"{_one_line(c.subject)}: " + " vs ".join(f"{fig} ({who})" for fig, who in _claims_line(c)),
        limit - 2,
    )


def _fill(title: str, lines: Iterable[str], total: int, count: int) -> list[str]:
    """The lines that fit ``total`` characters, then a note of how many were left out."""
    out: list[str] = []
    used = len(title)
    for line in lines:
        if used + len(line) + 1 > total and out:
            break
        out.append(line)
        used += len(line) + 1
    left = count - len(out)
    if left > 0:
        out.append(f"_…and {left} more_")
    return out


def _sections(title: str, lines: Sequence[str]) -> list[dict[str, Any]]:
    """mrkdwn sections of ``title`` and ``lines``, none longer than MAX_SECTION."""
    blocks: list[dict[str, Any]] = []
    current = f"*{title}*"
    for line in lines:
        line = line[: MAX_SECTION - 1] if len(line) >= MAX_SECTION else line
        if len(current) + 1 + len(line) > MAX_SECTION:
            blocks.append(_section(current))
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        blocks.append(_section(current))
    return blocks


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_SECTION]}}


def _context(texts: Sequence[str]) -> dict[str, Any]:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": t[:MAX_CONTEXT]} for t in texts[:10]],
    }


def _header(digest: Digest) -> dict[str, Any]:
    title = _one_line(digest.article.meta.title or "") or "Untitled story"
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": _clip(title, MAX_HEADER), "emoji": False},
    }


def _meta_context(digest: Digest, requested_by: str | None) -> dict[str, Any] | None:
    meta = digest.article.meta
    parts = [_clip_escaped(p, 300) for p in _meta_line(digest)]
    if meta.url:
        parts.append(_link(_clip(meta.url, 1200), "Read the story"))
    mention = _mention(requested_by)
    if mention:
        parts.append(f"requested by {mention}")
    if not parts:
        return None
    return _context([_clip_mixed_join(parts, MAX_CONTEXT)])


def _clip_mixed_join(parts: Sequence[str], limit: int) -> str:
    """Join escaped parts with " · ", dropping trailing parts rather than cutting markup."""
    out: list[str] = []
    for part in parts:
        candidate = " · ".join([*out, part])
        if len(candidate) > limit:
            break
        out.append(part)
    return " · ".join(out)


def _fallback(digest: Digest) -> str:
    meta = digest.article.meta
    title = _one_line(meta.title or "") or "Untitled story"
    text = f"Digest: {title}"
    if meta.outlet:
        text += f" ({_one_line(meta.outlet)})"
    if digest.facts:
        text += " — " + _one_line(digest.facts[0].text)
    return _clip_escaped(text, MAX_FALLBACK)


def _actions(story_ref: str | None) -> dict[str, Any]:
    if story_ref is not None and len(story_ref) > MAX_BUTTON_VALUE:
        raise ValueError("story_ref is longer than a Slack button value may be")
    buttons = []
    for label, action_id in (("Stop watching", "stop_watching"), ("Check now", "check_now")):
        button: dict[str, Any] = {
            "type": "button",
            "text": {"type": "plain_text", "text": label},
            "action_id": action_id,
        }
        if story_ref is not None:
            button["value"] = story_ref
        buttons.append(button)
    return {"type": "actions", "block_id": "digest_actions", "elements": buttons}


def _digest_blocks(
    digest: Digest,
    budget: _Budget,
    requested_by: str | None,
    actions: bool,
    story_ref: str | None,
) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = [_header(digest)]
    meta_block = _meta_context(digest, requested_by)
    if meta_block:
        blocks.append(meta_block)
    standfirst = digest.article.meta.standfirst
    if standfirst:
        blocks.append(_section("_" + _clip_escaped(_one_line(standfirst), 500) + "_"))
    tail: list[dict[str, Any]] = []
    removed = _removed_note(digest)
    if removed:
        tail.append(_context([removed]))
    if actions:
        tail.append(_actions(story_ref))

    body: list[dict[str, Any]] = []
    if digest.facts:
        lines = (_fact_line(f, budget.item) for f in digest.facts)
        body += _sections("Key facts", _fill("Key facts", lines, budget.facts, len(digest.facts)))
    if digest.attributions:
        lines = (_quote_line(a, budget.item) for a in digest.attributions)
        n = len(digest.attributions)
        body += _sections("Who said what", _fill("Who said what", lines, budget.quotes, n))
    if digest.conflicts:
        lines = (_conflict_line(c, budget.item) for c in digest.conflicts)
        n = len(digest.conflicts)
        body += _sections("Sources disagree", _fill("Sources disagree", lines, budget.conflicts, n))
    if body:
        body.insert(0, {"type": "divider"})
    room = MAX_BLOCKS - len(blocks) - len(tail)
    return blocks + body[:room] + tail


def _size(message: dict[str, Any]) -> int:
    return len(json.dumps(message, ensure_ascii=False))


def render_blocks(
    digest: Digest,
    *,
    requested_by: str | None = None,
    actions: bool = False,
    story_ref: str | None = None,
) -> dict[str, Any]:
    """The threaded digest as ``{"text": fallback, "blocks": [...]}`` within Slack's limits."""
    budget = _Budget()
    text = _fallback(digest)
    for _ in range(12):
        blocks = _digest_blocks(digest, budget, requested_by, actions, story_ref)
        message = {"text": text, "blocks": blocks}
        if _size(message) <= TARGET_JSON:
            return message
        budget = budget.shrink()
    # Still too big (absurd metadata): keep only what cannot overflow.
    minimal: list[dict[str, Any]] = [_header(digest)]
    if actions:
        minimal.append(_actions(story_ref))
    return {"text": text, "blocks": minimal}


def _lede(digest: Digest) -> str | None:
    for para in digest.article.body:
        spans = split_sentences(para)
        if spans:
            s, e = spans[0]
            return para[s:e]
    if digest.facts:
        return digest.facts[0].text
    return None


def render_parent(digest: Digest, *, requested_by: str | None = None) -> dict[str, Any]:
    """The short channel message: headline (linked), outlet, the lede in one line, who asked."""
    meta = digest.article.meta
    title = _one_line(meta.title or "") or "Untitled story"
    headline = _link(_clip(meta.url, 1200) if meta.url else None, _clip(title, 300))
    lines = [f"*{headline}*"]
    info = [_clip_escaped(p, 200) for p in _meta_line(digest)[:1]]
    if info:
        lines.append(info[0])
    lede = _lede(digest)
    if lede:
        lines.append("> " + _clip_escaped(_one_line(lede), 400))
    blocks: list[dict[str, Any]] = [_section("\n".join(lines))]
    mention = _mention(requested_by)
    note = "Digest in the thread"
    if mention:
        note = f"Requested by {mention} · digest in the thread"
    blocks.append(_context([note]))
    fallback = f"{title}" + (f" — {_one_line(meta.outlet)}" if meta.outlet else "")
    return {"text": _clip_escaped(fallback, MAX_FALLBACK), "blocks": blocks}
