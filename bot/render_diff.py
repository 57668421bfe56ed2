"""Render a StoryDiff for a terminal or as a Slack Block Kit message.

Every quoted piece of text is verbatim from the article; long pieces are
shortened with an ellipsis, never rewritten. The Slack form stays inside Block
Kit's limits (50 blocks, 3,000 characters a section, 150 a header) and well
under the 13,000-character message budget however large the change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.diff import FigureChange, StoryDiff

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
TEXT_BUDGET = 10_000  # all block text together; Slack truncates messages near 13,000
ITEM_LIMIT = 700  # one quoted paragraph or sentence


def without_credentials(url: str) -> str:
    """``url`` without a ``user:password@`` part: a link is shown to the whole channel, and
    the password is the requester's (the stored URL keeps it, for re-checks)."""
    scheme_end = url.find("://")
    if "@" not in url or scheme_end < 0:
        return url
    start = scheme_end + 3
    end = next((i for i in range(start, len(url)) if url[i] in "/?#"), len(url))
    at = url.rfind("@", start, end)
    return url if at < 0 else url[:start] + url[at + 1 :]


def link_target(url: str) -> str:
    """``url`` as the target of a mrkdwn link: no credentials, escaped, no "|" (which would
    end the target early)."""
    return escape(without_credentials(url)).replace("|", "%7C")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _summary(d: StoryDiff) -> str:
    """One line: what kinds of change there are."""
    parts: list[str] = []

    def count(n: int, one: str, many: str) -> None:
        if n:
            parts.append(f"{n} {one if n == 1 else many}")

    if d.headline:
        parts.append("headline changed")
    count(len(d.figures_changed), "figure revised", "figures revised")
    count(len(d.corrections), "correction", "corrections")
    count(len(d.added_paragraphs), "paragraph added", "paragraphs added")
    count(len(d.added_sentences), "sentence added", "sentences added")
    count(len(d.removed_paragraphs), "paragraph removed", "paragraphs removed")
    count(len(d.removed_sentences), "sentence removed", "sentences removed")
    count(len(d.changed_sentences), "sentence reworded", "sentences reworded")
    count(len(d.new_sources), "new source", "new sources")
    count(len(d.dropped_sources), "source dropped", "sources dropped")
    return ", ".join(parts)


def _verdict(d: StoryDiff) -> str:
    if d.reverted:
        return "Not material: the page went back to a version seen before."
    if d.material:
        return f"Material change: {_summary(d)}."
    if d.empty:
        return "No change (timestamps, page furniture and typo fixes are ignored)."
    # The one other way a listed change is not material (bot.diff._layout_only).
    return (
        "Not material: only short lines with no sentence in them (subheadings, links, "
        "captions) came or went."
    )


# --------------------------------------------------------------------------- terminal


def render_diff_text(d: StoryDiff) -> str:
    lines = [_verdict(d)]

    def group(title: str, items: Iterable[str]) -> None:
        items = list(items)
        if items:
            lines.append("")
            lines.append(f"{title}:")
            lines.extend(items)

    if d.headline:
        group("Headline", [f"  - {d.headline[0]}", f"  + {d.headline[1]}"])
    group("Figures revised", (f"  {f.old} → {f.new} — {f.sentence}" for f in d.figures_changed))
    group("Corrections", (f"  {c}" for c in d.corrections))
    group("Added", (f"  + {p}" for p in (*d.added_paragraphs, *d.added_sentences)))
    group("Removed", (f"  - {p}" for p in (*d.removed_paragraphs, *d.removed_sentences)))
    group(
        "Reworded",
        (line for c in d.changed_sentences for line in (f"  - {c.old}", f"  + {c.new}")),
    )
    if d.new_sources:
        group("New sources", [f"  {', '.join(d.new_sources)}"])
    if d.dropped_sources:
        group("Dropped sources", [f"  {', '.join(d.dropped_sources)}"])
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------ Slack


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _struck(text: str) -> str:
    # A tilde inside would end the strikethrough early.
    return "~" + escape(text).replace("~", "∼") + "~"


def _quote(text: str) -> str:
    return "> " + escape(_clip(text, ITEM_LIMIT))


def _figure_line(f: FigureChange) -> str:
    """'~3,000~ → 4,000 — the new sentence'."""
    return f"{_struck(f.old)} → {escape(f.new)} — {escape(_clip(f.sentence, ITEM_LIMIT))}"


def _items(d: StoryDiff) -> list[tuple[str, list[str]]]:
    """(heading, mrkdwn items) in the order an editor reads them."""
    out: list[tuple[str, list[str]]] = []
    if d.headline:
        old, new = d.headline
        out.append(("Headline", [f"{_struck(_clip(old, 300))} → {escape(_clip(new, 300))}"]))
    if d.figures_changed:
        out.append(("Figures revised", [_figure_line(f) for f in d.figures_changed]))
    if d.corrections:
        out.append(("Correction", [_quote(c) for c in d.corrections]))
    if d.new_sources or d.dropped_sources:
        lines = []
        if d.new_sources:
            lines.append("New: " + ", ".join(escape(s) for s in d.new_sources))
        if d.dropped_sources:
            lines.append("No longer quoted: " + ", ".join(escape(s) for s in d.dropped_sources))
        out.append(("Sources", lines))
    added = [*d.added_paragraphs, *d.added_sentences]
    if added:
        out.append(("Added", [_quote(p) for p in added]))
    if d.changed_sentences:
        out.append(
            (
                "Reworded",
                [
                    f"{_struck(_clip(c.old, ITEM_LIMIT))}\n{escape(_clip(c.new, ITEM_LIMIT))}"
                    for c in d.changed_sentences
                ],
            )
        )
    removed = [*d.removed_paragraphs, *d.removed_sentences]
    if removed:
        out.append(("Removed", [_struck(_clip(p, ITEM_LIMIT)) for p in removed]))
    return out


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def render_diff_blocks(
    d: StoryDiff, *, title: str | None = None, url: str | None = None
) -> dict[str, Any]:
    """A Slack message ({"text", "blocks"}) saying what changed in the story."""
    header = "Story changed" if d.material else "Story checked"
    if title:
        header = f"{header}: {title}"
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": _clip(header, HEADER_LIMIT), "emoji": False},
        }
    ]
    context = escape(_verdict(d))
    if url:
        context = f"<{link_target(url)}|Open the story> · {context}"
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": context}]})

    budget = TEXT_BUDGET - len(header) - len(context)
    left_out = 0
    for heading, items in _items(d):
        text, held = f"*{heading}*", 0
        for item in items:
            if held and len(text) + 1 + len(item) > SECTION_LIMIT and len(blocks) < MAX_BLOCKS - 2:
                blocks.append(_section(text))  # full: continue in a new section
                budget -= len(text)
                text, held = f"*{heading} (continued)*", 0
            if len(text) + 1 + len(item) <= SECTION_LIMIT and len(text) + len(item) < budget:
                text += "\n" + item
                held += 1
            else:
                left_out += 1
        if held and len(blocks) < MAX_BLOCKS - 1:  # one slot stays free for the note
            blocks.append(_section(text))
            budget -= len(text)
        else:
            left_out += held
    if left_out:
        note = f"{left_out} more change{'s' if left_out != 1 else ''} not shown."
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})

    fallback = _verdict(d)
    if title:
        fallback = f"{_clip(title, HEADER_LIMIT)}: {fallback}"
    return {"text": escape(_clip(fallback, SECTION_LIMIT)), "blocks": blocks}
