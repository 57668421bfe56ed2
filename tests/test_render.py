"""Rendering: terminal text, and Block Kit that stays within Slack's limits whatever the input."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bot.facts import extract_facts, find_conflicts
from bot.model import Article, Attribution, Claim, Conflict, Digest, Fact, Kind, SourceMeta
from bot.render import (
    MAX_BLOCKS,
    MAX_HEADER,
    MAX_SECTION,
    TARGET_JSON,
    escape,
    render_blocks,
    render_parent,
    render_text,
)

BODY = (
    "The city council approved a $1.2bn budget on Tuesday by a vote of 9-4, raising property "
    "taxes by 3.5% to close a deficit.",
    "Mayor Dana Ortiz said the plan was “a hard but honest choice” for the city.",
    "“We cannot keep borrowing,” Ortiz said.",
    "The finance office estimated that 400 jobs would go, while the union said as many as 650 "
    "jobs were at risk.",
)
META = SourceMeta(
    url="https://news.example/budget?id=7&ref=home",
    outlet="The Example Post",
    title="Council passes $1.2bn budget after late vote",
    standfirst="Property taxes rise 3.5% as the city closes its deficit",
    byline=("Jo Bloggs",),
    published="2026-03-03T22:15:00+00:00",
)


def _attr(
    speaker: str | None, content: str, kind: Kind, paragraph: int, role: str | None = None
) -> Attribution:
    return Attribution(
        speaker=speaker,
        speaker_text=speaker,
        speaker_role=role,
        cue="said",
        content=content,
        kind=kind,
        anonymous=speaker is None,
        paragraph=paragraph,
    )


ATTRS = (
    _attr("Dana Ortiz", "the plan was “a hard but honest choice” for the city", Kind.MIXED, 1,
          "Mayor"),
    _attr("Dana Ortiz", "We cannot keep borrowing,", Kind.DIRECT, 2),
    _attr("finance office", "400 jobs would go", Kind.INDIRECT, 3),
)  # fmt: skip


def _digest(body: tuple[str, ...] = BODY, meta: SourceMeta = META, **kw: Any) -> Digest:
    attrs = kw.pop("attributions", ATTRS)
    return Digest(
        article=Article(meta=meta, body=body, removed=kw.pop("removed", ("Sign in", "Share"))),
        facts=tuple(kw.pop("facts", extract_facts(body, attrs))),
        attributions=tuple(attrs),
        conflicts=tuple(kw.pop("conflicts", find_conflicts(body, attrs))),
    )


def _texts(message: dict[str, Any]) -> list[str]:
    """Every text string in a message's blocks."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                out.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(message["blocks"])
    return out


def assert_within_limits(message: dict[str, Any]) -> None:
    assert isinstance(message["text"], str) and message["text"]
    blocks = message["blocks"]
    assert 1 <= len(blocks) <= MAX_BLOCKS
    assert len(json.dumps(message, ensure_ascii=False)) <= TARGET_JSON
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= MAX_HEADER
            assert block["text"]["type"] == "plain_text"
        elif block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_SECTION
        elif block["type"] == "context":
            assert len(block["elements"]) <= 10
            assert all(len(e["text"]) <= MAX_SECTION for e in block["elements"])


def test_render_text_sections() -> None:
    out = render_text(_digest())
    lines = out.splitlines()
    assert lines[0] == META.title
    assert lines[1] == "The Example Post · Jo Bloggs · 3 Mar 2026 22:15 UTC"
    for heading in ("Key facts", "Who said what", "Sources disagree"):
        assert heading in lines
    assert "Dana Ortiz: “We cannot keep borrowing,”" in out
    assert "Dana Ortiz — Mayor: the plan was “a hard but honest choice” for the city" in out
    assert "finance office (reported): 400 jobs would go" in out
    assert "400 (finance office) vs 650 (union)" in out
    assert "[finance office]" in out  # a fact's source
    assert lines[-1] == "2 boilerplate lines removed"


def test_render_text_minimal_digest() -> None:
    digest = Digest(article=Article(meta=SourceMeta(), body=()))
    out = render_text(digest)
    assert out.splitlines()[0] == "Untitled story"
    assert "Key facts" not in out and "Sources disagree" not in out
    assert "removed" not in out  # nothing dropped (an HTML page's furniture left with its markup)
    assert "removed" not in json.dumps(render_blocks(digest))


def test_blocks_shape() -> None:
    message = render_blocks(_digest(), requested_by="U123ABC")
    assert_within_limits(message)
    blocks = message["blocks"]
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": META.title, "emoji": False},
    }
    joined = "\n".join(_texts(message))
    assert "requested by <@U123ABC>" in joined
    assert "<https://news.example/budget?id=7&amp;ref=home|Read the story>" in joined
    assert "*Key facts*" in joined and "*Who said what*" in joined
    assert "*Sources disagree*" in joined
    assert not any(b["type"] == "actions" for b in blocks)


def test_blocks_actions() -> None:
    message = render_blocks(_digest(), actions=True, story_ref="story-42")
    (actions,) = [b for b in message["blocks"] if b["type"] == "actions"]
    buttons = {e["action_id"]: e for e in actions["elements"]}
    assert set(buttons) == {"stop_watching", "check_now"}
    assert buttons["stop_watching"]["text"]["text"] == "Stop watching"
    assert buttons["check_now"]["text"]["text"] == "Check now"
    assert all(b["value"] == "story-42" for b in buttons.values())
    with pytest.raises(ValueError):
        render_blocks(_digest(), actions=True, story_ref="x" * 2001)


def test_escaping() -> None:
    body = (
        "AT&T said <!channel> prices for 5,000 customers would rise 4% on Monday, the <b>firm</b> "
        "announced.",
        "Rivals said 3,000 customers were affected.",
    )
    meta = SourceMeta(title="AT&T <raises> prices", outlet="Q&A <Daily>", url="javascript:x")
    digest = _digest(body, meta, attributions=())
    message = render_blocks(digest, requested_by="<!here> & co")
    mrkdwn = [
        t
        for b in message["blocks"]
        for t in ([b["text"]["text"]] if b["type"] == "section" else [])
        + [e["text"] for e in b.get("elements", []) if e.get("type") == "mrkdwn"]
    ]
    joined = "\n".join(mrkdwn)
    assert "AT&amp;T said &lt;!channel&gt; prices" in joined
    assert "Q&amp;A &lt;Daily&gt;" in joined
    assert "&lt;!here&gt; &amp; co" in joined
    assert "javascript" not in joined  # only http(s) links become links
    assert not re.search(r"<(?!@U)", joined), "no raw < outside a user mention"
    assert "&" not in re.sub(r"&(amp|lt|gt);", "", joined)
    # Header is plain_text: no escaping there, just the words.
    assert message["blocks"][0]["text"]["text"] == "AT&T <raises> prices"
    assert escape("a&b<c>d") == "a&amp;b&lt;c&gt;d"


def _huge_digest() -> Digest:
    paragraphs = []
    for i in range(300):
        paragraphs.append(
            f"Officials in district {i} said {1000 + i * 7:,} people were evacuated on Monday "
            f"& that crews <worked> through the night, as the agency reported {i + 2} deaths "
            + "and warned of further flooding along the river "
            * 3
        )
    body = tuple(paragraphs)
    quotes = tuple(
        _attr(
            f"Speaker {i} " + "Longname" * (i % 7),
            "“" + f"We have never seen water like this in {i} years " * 30 + "”",
            Kind.DIRECT if i % 3 else Kind.MIXED,
            i,
            role="regional emergency coordinator " * (i % 4),
        )
        for i in range(200)
    )
    conflicts = tuple(
        Conflict(
            subject=f"evacuated residents of district {i} " * 3,
            claims=tuple(Claim(f"{j * 1000:,}", f"Agency {j} & partners", j) for j in range(30)),
        )
        for i in range(60)
    )
    meta = SourceMeta(
        url="https://news.example/" + "long-path/" * 300,
        outlet="The Very Long Outlet Name " * 20,
        title="Floods force mass evacuations across the valley " * 10,
        standfirst="Rivers burst their banks " * 200,
        byline=tuple(f"Reporter {i}" for i in range(80)),
        published="2026-01-02T03:04:05Z",
    )
    return Digest(
        article=Article(meta=meta, body=body, removed=tuple(f"junk {i}" for i in range(500))),
        facts=tuple(extract_facts(body, quotes, limit=100)),
        attributions=quotes,
        conflicts=conflicts,
    )


def test_huge_digest_stays_within_limits() -> None:
    digest = _huge_digest()
    assert len(digest.facts) > 20
    for kw in ({}, {"actions": True, "story_ref": "s" * 2000}, {"requested_by": "U0LONGID"}):
        message = render_blocks(digest, **kw)
        assert_within_limits(message)
        joined = "\n".join(_texts(message))
        assert "*Key facts*" in joined and "*Who said what*" in joined
        assert "more_" in joined  # the reader is told that items were left out
    parent = render_parent(digest, requested_by="U0LONGID")
    assert_within_limits(parent)


def test_clipped_quotes_close_with_an_ellipsis_inside() -> None:
    message = render_blocks(_huge_digest())
    section = next(t for t in _texts(message) if t.startswith("*Who said what*"))
    for line in section.splitlines()[1:]:
        if not line.startswith("• "):
            continue
        quote = line.split(": ", 1)[1]
        assert quote.count("“") == quote.count("”"), line
        if "…" in quote:
            assert quote.endswith("…”"), line


def test_escape_explosion_never_breaks_limits() -> None:
    body = ("&" * 5000 + " said 40 people died.", "<" * 4000 + " the agency said 50 people died.")
    facts = (Fact(text=body[0], figures=("40",), paragraph=0, speaker="&" * 300),)
    digest = _digest(body, META, facts=facts, attributions=(), conflicts=())
    message = render_blocks(digest)
    assert_within_limits(message)
    for text in _texts(message):
        assert not re.search(r"&(?!amp;|lt;|gt;)", text)


def test_parent_message() -> None:
    parent = render_parent(_digest(), requested_by="U123ABC")
    assert_within_limits(parent)
    (section, context) = parent["blocks"]
    text = section["text"]["text"]
    assert text.startswith("*<https://news.example/budget?id=7&amp;ref=home|Council passes")
    assert "The Example Post" in text
    assert "> The city council approved a $1.2bn budget on Tuesday by a vote of 9-4" in text
    assert "\n" not in text.split("> ", 1)[1]  # the lede is one line
    assert "<@U123ABC>" in context["elements"][0]["text"]
    assert parent["text"] == "Council passes $1.2bn budget after late vote — The Example Post"


def test_published_shows_its_zone_and_reported_speech_drops_that() -> None:
    from dataclasses import replace

    meta = replace(META, published="2024-10-24T08:37:00-04:00")
    body = (*BODY[:3], "The finance office said that 400 jobs were at risk.")
    attrs = (*ATTRS[:2], _attr("finance office", "that 400 jobs were at risk.", Kind.INDIRECT, 3))
    out = render_text(_digest(body, meta, attributions=attrs))
    assert "24 Oct 2024 08:37 UTC−4" in out
    assert "finance office (reported): 400 jobs were at risk." in out
    blocks = " ".join(_texts(render_blocks(_digest(body, meta, attributions=attrs))))
    assert "_(reported)_: 400 jobs were at risk." in blocks


def test_mixed_speech_drops_that_too() -> None:
    body = (*BODY[:3], "The mayor said that the cuts were “a last resort” for the city.")
    content = "that the cuts were “a last resort” for the city."
    attrs = (*ATTRS[:2], _attr("mayor", content, Kind.MIXED, 3))
    digest = _digest(body, META, attributions=attrs)
    assert "mayor: the cuts were “a last resort” for the city." in render_text(digest)
    blocks = " ".join(_texts(render_blocks(digest)))
    assert "*: the cuts were “a last resort” for the city." in blocks


def test_a_role_that_repeats_the_speaker_is_not_shown() -> None:
    attrs = (_attr("analysts", "the rules would not work", Kind.INDIRECT, 3, "analysts"),)
    body = (*BODY[:3], "Analysts said the rules would not work.")
    out = render_text(_digest(body, attributions=attrs))
    assert "analysts (reported): the rules would not work" in out
    assert "analysts — analysts" not in out
    blocks = " ".join(_texts(render_blocks(_digest(body, attributions=attrs))))
    assert "analysts* — analysts" not in blocks


def test_a_split_quote_shows_the_gap_between_its_pieces() -> None:
    body = (*BODY[:3], "“We will build it,” she said. “And we will pay for it.”")
    attrs = (_attr("Dana Ortiz", "“We will build it,” “And we will pay for it.”", Kind.DIRECT, 3),)
    out = render_text(_digest(body, attributions=attrs))
    assert "“We will build it,” … “And we will pay for it.”" in out
    blocks = " ".join(_texts(render_blocks(_digest(body, attributions=attrs))))
    assert "“We will build it,” … “And we will pay for it.”" in blocks


def test_escape_and_one_line_match_their_definitions() -> None:
    """The fast paths give what str.translate and re.sub(r"\\s+") gave, for every kind of
    white space and control character."""
    from bot.render import _one_line

    table = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
    odd = [chr(c) for c in range(0x3100) if chr(c).isspace() or not chr(c).isprintable()]
    samples = ["plain words", " lead", "trail ", "two  spaces", "a&b <c> d", "", " "]
    samples += [f"a{c}b" for c in odd] + [f"{c}x{c}{c}y{c}" for c in odd]
    for text in samples:
        assert escape(text) == text.translate(table), repr(text)
        assert _one_line(text) == re.sub(r"\s+", " ", text).strip(), repr(text)


def test_an_unresolved_pronoun_is_shown_as_an_unclear_source() -> None:
    """'He (reported): ...' tells an editor nothing; the digest says the source is unclear
    and keeps the article's word."""
    attrs = (_attr("He", "he was not worried", Kind.INDIRECT, 3),)
    body = (*BODY[:3], "He said he was not worried.")
    out = render_text(_digest(body, attributions=attrs))
    assert "Unclear source (“He”) (reported): he was not worried" in out
    blocks = " ".join(_texts(render_blocks(_digest(body, attributions=attrs))))
    assert "*Unclear source (“He”)* _(reported)_" in blocks


@pytest.mark.parametrize(
    ("cue", "kind", "content", "text_line", "block_part"),
    [
        # A denial shown as a plain report would say the opposite of what the article says.
        ("denied", Kind.INDIRECT, "that he took the money", "Ann Lee (denied): he took the money",
         "*Ann Lee* _(denied)_: he took the money"),
        ("declined", Kind.INDIRECT, "to comment", "Ann Lee (declined): to comment",
         "*Ann Lee* _(declined)_: to comment"),
        ("has also called for", Kind.INDIRECT, "a new port", "Ann Lee (has also called for): a",
         "*Ann Lee* _(has also called for)_: a new port"),
        ("claimed", Kind.MIXED, "the plan was “a fraud”", "Ann Lee (claimed): the plan was “a",
         "*Ann Lee* _(claimed)_: the plan was “a fraud”"),
        ("did not say", Kind.INDIRECT, "whether the man was armed",
         "Ann Lee (did not say): whether", "*Ann Lee* _(did not say)_: whether the man was armed"),
        ("hasn’t said", Kind.INDIRECT, "whether she will run",
         "Ann Lee (hasn’t said): whether", "*Ann Lee* _(hasn’t said)_: whether she will run"),
        # Plain report verbs, long cues and a post's handle keep the plain label.
        ("said in a statement", Kind.INDIRECT, "the port would open", "Ann Lee (reported): the",
         "*Ann Lee* _(reported)_: the port would open"),
        ("according to", Kind.INDIRECT, "the port would open", "Ann Lee (reported): the",
         "*Ann Lee* _(reported)_: the port would open"),
        ("@annlee", Kind.INDIRECT, "the port would open", "Ann Lee (reported): the",
         "*Ann Lee* _(reported)_: the port would open"),
        ("stated", Kind.MIXED, "the plan was “a fraud”", "Ann Lee: the plan was “a fraud”",
         "*Ann Lee*: the plan was “a fraud”"),
        ("continued", Kind.MIXED, "the plan was “a fraud”", "Ann Lee: the plan was “a fraud”",
         "*Ann Lee*: the plan was “a fraud”"),
    ],
)
def test_reported_speech_shows_a_cue_that_is_more_than_a_report(
    cue: str, kind: Kind, content: str, text_line: str, block_part: str
) -> None:
    from dataclasses import replace

    attrs = (replace(_attr("Ann Lee", content, kind, 3), cue=cue),)
    body = (*BODY[:3], f"Ann Lee {cue} {content}.")
    assert text_line in render_text(_digest(body, attributions=attrs))
    assert block_part in " ".join(_texts(render_blocks(_digest(body, attributions=attrs))))
