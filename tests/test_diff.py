"""bot.diff: which edits to a published story are material.

The versions under fixtures/versions are one synthetic story and its edits. A
paragraph ending in ``@@ Name`` is attributed to Name; the loader builds the
Digest by hand so these tests do not depend on the extractors' accuracy.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from bot.diff import FigureChange, StoryDiff, diff_digests, is_correction, is_timestamp
from bot.model import Article, Attribution, Digest, Kind, SourceMeta
from bot.render_diff import render_diff_blocks, render_diff_text

VERSIONS = Path(__file__).parent / "fixtures" / "versions"
_MARK = re.compile(r"\s*@@\s*(?P<who>[^@\n]+?)\s*$")
_QUOTE = re.compile(r"“[^”]+”|\"[^\"]+\"")


def story(title: str, paragraphs: list[str], speakers: dict[int, str] | None = None) -> Digest:
    attributions = tuple(
        Attribution(
            speaker=who,
            speaker_text=who,
            speaker_role=None,
            cue="said",
            content=(m.group(0) if (m := _QUOTE.search(paragraphs[i])) else paragraphs[i]),
            kind=Kind.DIRECT if _QUOTE.search(paragraphs[i]) else Kind.INDIRECT,
            anonymous=False,
            paragraph=i,
        )
        for i, who in sorted((speakers or {}).items())
    )
    return Digest(
        article=Article(meta=SourceMeta(title=title), body=tuple(paragraphs)),
        attributions=attributions,
    )


def load(name: str) -> Digest:
    title, *rest = (VERSIONS / f"{name}.txt").read_text(encoding="utf-8").split("\n\n")
    paragraphs: list[str] = []
    speakers: dict[int, str] = {}
    for block in rest:
        if not block.strip():
            continue
        m = _MARK.search(block)
        if m:
            speakers[len(paragraphs)] = m.group("who")
            block = block[: m.start()]
        paragraphs.append(block.strip("\n"))
    return story(title.strip(), paragraphs, speakers)


@pytest.fixture(scope="module")
def base() -> Digest:
    return load("base")


def test_identical_versions_are_not_material(base: Digest) -> None:
    d = diff_digests(base, load("base"))
    assert not d.material and d.empty


def test_headline_edit(base: Digest) -> None:
    d = diff_digests(base, load("headline"))
    assert d.material
    assert d.headline == (
        "Landslide buries homes in Valdoro as rescuers search for survivors",
        "Valdoro landslide: rescuers race to reach trapped residents",
    )
    assert not d.figures_changed and not d.added_paragraphs and not d.changed_sentences


def test_revised_death_toll_reports_old_new_and_the_new_sentence(base: Digest) -> None:
    new = load("toll")
    d = diff_digests(base, new)
    assert d.material
    assert d.figures_changed == (FigureChange(old="12", new="15", sentence=new.article.body[1]),)
    assert not d.changed_sentences and not d.added_paragraphs and not d.removed_paragraphs


def test_new_quote_from_new_source(base: Digest) -> None:
    new = load("new_quote")
    d = diff_digests(base, new)
    assert d.material
    assert d.new_sources == ("Paolo Greco",)
    assert not d.dropped_sources
    assert len(d.added_paragraphs) == 1
    assert d.added_paragraphs[0] in new.article.body  # verbatim
    assert d.added_paragraphs[0].startswith("“The road to the upper town is gone")


def test_correction_line_is_material_and_not_an_added_paragraph(base: Digest) -> None:
    d = diff_digests(base, load("correction"))
    assert d.material
    assert d.corrections == (
        "Correction: An earlier version of this article gave the wrong title for Marta Bellini.",
    )
    assert not d.added_paragraphs and not d.added_sentences


def test_a_correction_already_present_is_not_reported_again() -> None:
    corrected = load("correction")
    assert not diff_digests(corrected, load("correction")).material


def test_updated_timestamp_alone_is_not_material(base: Digest) -> None:
    d = diff_digests(base, load("timestamp"))
    assert not d.material and d.empty


def test_whitespace_punctuation_rewrap_and_typo_fix_are_not_material(base: Digest) -> None:
    d = diff_digests(base, load("punctuation"))
    assert not d.material, d.to_json()
    assert d.empty


def test_furniture_only_changes_are_not_material(base: Digest) -> None:
    d = diff_digests(base, load("furniture"))
    assert not d.material and d.empty, d.to_json()


def test_flip_back_to_an_earlier_version_is_not_material(base: Digest) -> None:
    headline = load("headline")
    assert diff_digests(base, headline).material
    d = diff_digests(headline, load("base"), earlier=[base])
    assert d.reverted and not d.material
    assert d.headline is not None  # still says what moved, for the record
    # A version that matches nothing seen before is still news.
    assert diff_digests(headline, load("toll"), earlier=[base]).material


def test_removed_paragraph(base: Digest) -> None:
    d = diff_digests(base, load("removed"))
    assert d.material
    assert d.removed_paragraphs == (base.article.body[6],)
    assert d.removed_paragraphs[0].startswith("Heavy rain had fallen")
    assert not d.added_paragraphs and not d.figures_changed


def test_negation_is_material(base: Digest) -> None:
    new = load("negation")
    d = diff_digests(base, new)
    assert d.material
    assert len(d.changed_sentences) == 1
    change = d.changed_sentences[0]
    assert "had not approved" in change.new and "had approved" in change.old
    assert change.new in new.article.body[7]


def test_to_json_shape(base: Digest) -> None:
    d = diff_digests(base, load("toll"))
    data = d.to_json()
    required = {
        "material": bool,
        "headline": type(None),
        "figures_changed": list,
        "added_paragraphs": list,
        "removed_paragraphs": list,
        "new_sources": list,
        "dropped_sources": list,
        "corrections": list,
    }
    for key, kind in required.items():
        assert isinstance(data[key], kind), key
    assert set(data["figures_changed"][0]) == {"old", "new", "sentence"}
    head = diff_digests(base, load("headline")).to_json()["headline"]
    assert set(head) == {"old", "new"}


# ------------------------------------------------------------- smaller, targeted edits

BODY = [
    "The council voted 7-2 on Monday to close the Elm Street library.",
    "Councillor Ana Ruiz said the decision was not taken lightly.",
    "About 3,000 people signed a petition against the closure.",
]


def _edit(i: int, text: str, title: str = "Library to close") -> StoryDiff:
    body = list(BODY)
    body[i] = text
    return diff_digests(story("Library to close", BODY), story(title, body))


@pytest.mark.parametrize(
    ("i", "text"),
    [
        (1, "Councillor Ana Ruiz said the decision was taken lightly."),  # negation dropped
        (1, "Councillor Ana Ortiz said the decision was not taken lightly."),  # a name
        (0, "The council voted 7-2 on Monday to open the Elm Street library."),  # a verb
        (1, "Councillor Ana Ruiz said the decision was not taken unlightly."),  # un- prefix
    ],
)
def test_small_edits_that_change_meaning_are_material(i: int, text: str) -> None:
    d = _edit(i, text)
    assert d.material and d.changed_sentences[0].new == text


@pytest.mark.parametrize(
    ("i", "text"),
    [
        (2, "About 3000 people signed a petition against the closure."),  # figure format
        (2, "About 3,000 people signed a petiton against the closure."),  # a typo
        (0, "The council voted 7-2 on Monday to close the Elm Street library"),  # full stop
        (0, "The Council voted 7-2 on Monday to close the Elm Street Library."),  # capitals
    ],
)
def test_cosmetic_edits_are_not_material(i: int, text: str) -> None:
    assert not _edit(i, text).material


def test_figure_and_typo_in_one_sentence_is_a_figure_revision() -> None:
    d = _edit(2, "About 4,000 poeple signed a petition against the closure.")
    assert [(f.old, f.new) for f in d.figures_changed] == [("3,000", "4,000")]
    assert not d.changed_sentences


def test_headline_typo_fix_is_not_a_headline_change() -> None:
    assert _edit(0, BODY[0], title="Libary to close").headline is None


def test_moved_paragraph_is_not_material() -> None:
    moved = story("Library to close", [BODY[0], BODY[2], BODY[1]])
    assert not diff_digests(story("Library to close", BODY), moved).material


def test_sentence_added_inside_a_paragraph() -> None:
    extra = "It will shut in June."
    d = _edit(0, BODY[0] + " " + extra)
    assert d.material and d.added_sentences == (extra,) and not d.added_paragraphs


def test_dropped_source() -> None:
    old = story("Library to close", BODY, {1: "Ana Ruiz"})
    new = story("Library to close", [BODY[0], BODY[2]])
    d = diff_digests(old, new)
    assert d.dropped_sources == ("Ana Ruiz",) and d.removed_paragraphs == (BODY[1],)


@pytest.mark.parametrize(
    "line",
    [
        "Correction: An earlier version misstated the vote.",
        "CLARIFICATION: This story has been amended to make clear the vote was advisory.",
        "Editor's note: Names have been changed.",
        "This article has been updated to include a response from the council.",
        "An earlier version of this story said the library would close in May.",
    ],
)
def test_correction_notes(line: str) -> None:
    assert is_correction(line) and not is_timestamp(line)


@pytest.mark.parametrize(
    "line",
    [
        "Updated 10:32 GMT",
        "Last modified on Tue 4 Mar 2025 10.32 GMT",
        "Published: 2 hours ago",
        "First published on Monday 3 March 2025",
        "10:32 BST",
    ],
)
def test_timestamps(line: str) -> None:
    assert is_timestamp(line) and not is_correction(line)


def test_a_sentence_about_an_update_is_not_a_timestamp() -> None:
    assert not is_timestamp("Officials updated the death toll to 15 on Tuesday afternoon.")


# ------------------------------------------------------------------------- rendering


def _block_texts(message: dict) -> list[str]:
    out = []
    for block in message["blocks"]:
        if "text" in block:
            out.append(block["text"]["text"])
        out.extend(e["text"] for e in block.get("elements", ()))
    return out


def test_render_text_says_what_changed(base: Digest) -> None:
    text = render_diff_text(diff_digests(base, load("toll")))
    assert text.startswith("Material change: 1 figure revised.")
    assert "12 → 15 — At least 15 people were killed" in text
    assert render_diff_text(diff_digests(base, load("timestamp"))).startswith("No change")
    flipped = diff_digests(load("headline"), base, earlier=[base])
    assert render_diff_text(flipped).startswith("Not material: the page went back")


def test_render_blocks_figure_line_and_link(base: Digest) -> None:
    d = diff_digests(base, load("toll"))
    msg = render_diff_blocks(d, title="Valdoro landslide", url="https://news.example/a?b=1&c=2")
    texts = _block_texts(msg)
    assert msg["blocks"][0]["type"] == "header"
    assert "Valdoro landslide" in msg["blocks"][0]["text"]["text"]
    assert any("~12~ → 15 — At least 15 people were killed" in t for t in texts)
    assert any("<https://news.example/a?b=1&amp;c=2|Open the story>" in t for t in texts)
    assert "Material change" in msg["text"]


def test_render_blocks_escapes_mrkdwn() -> None:
    d = diff_digests(
        story("T", BODY), story("T", [*BODY, "Staff at AT&T said <b>nothing</b> > less."])
    )
    texts = _block_texts(render_diff_blocks(d, title=None, url=None))
    joined = "\n".join(texts)
    assert "AT&amp;T said &lt;b&gt;nothing&lt;/b&gt; &gt; less." in joined
    assert "<b>" not in joined


def test_render_blocks_stays_inside_slack_limits() -> None:
    long_para = "The inquiry heard evidence from witnesses about the collapse. " * 40
    old = story("Old " + "headline " * 40, BODY)
    new_body = [*BODY] + [f"Paragraph {i}: {long_para}" for i in range(120)]
    new_body += [f"Witness {i} said {i} homes were lost." for i in range(60)]
    d = diff_digests(old, story("New " + "headline " * 40, new_body))
    msg = render_diff_blocks(d, title="A very long title " * 20, url="https://news.example/x")
    blocks = msg["blocks"]
    assert len(blocks) <= 50
    assert len(blocks[0]["text"]["text"]) <= 150
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert sections and all(len(t) <= 3000 for t in sections)
    assert sum(len(t) for t in _block_texts(msg)) < 12_000
    assert "not shown" in blocks[-1]["elements"][0]["text"]
    assert len(msg["text"]) <= 3000


def test_heading_merged_into_its_paragraph_is_not_material() -> None:
    old = story("T", ["Funding row", BODY[0], BODY[1]])
    new = story("T", ["Funding row " + BODY[0], BODY[1]])
    assert not diff_digests(old, new).material


def test_a_figure_is_masked_where_it_stands() -> None:
    # "12" also opens "12a": only the figure itself may be masked.
    old = story("T", ["Stage 12a starts on 9 December at Interlagos."])
    new = story("T", ["Stage 12a starts on 12 December at Interlagos."])
    d = diff_digests(old, new)
    assert d.material and not d.changed_sentences
    assert [(f.old, f.new) for f in d.figures_changed] == [("9 December", "12 December")]


def test_prose_that_mentions_signing_up_is_not_furniture() -> None:
    line = "The company continued to sign up subscribers as engineers patched the software."
    d = diff_digests(story("T", BODY), story("T", [*BODY, line]))
    assert d.added_paragraphs == (line,)
    furniture = "Sign up for our daily newsletter"
    assert not diff_digests(story("T", BODY), story("T", [*BODY, furniture])).material


def test_a_dateline_taken_for_the_headline_is_not_a_headline_change() -> None:
    old = story("Published 08:05 GMT", BODY)
    assert not diff_digests(old, story("Updated 10:32 GMT", BODY)).material


def test_attributions_outside_the_story_are_not_sources() -> None:
    note = "Correction: An earlier version of this article misnamed Ana Ruiz."
    old = story("T", BODY, {1: "Ana Ruiz"})
    new = story("T", [*BODY, note], {1: "Ana Ruiz", 3: "Correction"})
    d = diff_digests(old, new)
    assert d.corrections == (note,) and not d.new_sources


def test_a_headline_the_cleaner_did_not_find_is_not_a_headline_change() -> None:
    # An "Updated 3 minutes ago" line above the headline can hide it from the cleaner.
    assert not diff_digests(story("Library to close", BODY), story("", BODY)).material
    assert not diff_digests(story("", BODY), story("Library to close", BODY)).material


def test_a_byline_taken_for_the_headline_is_not_a_headline_change() -> None:
    old = story("Library to close", BODY)
    assert not diff_digests(old, story("By Ana Ruiz", BODY)).material
    assert diff_digests(old, story("Library to stay open", BODY)).headline is not None


LINKS = [
    "Council approves new budget after marathon session",
    "Five things we learned from the weekend's results",
    "Storm warning issued for coastal towns",
]


@pytest.mark.parametrize(
    "block",
    [LINKS, [f"{n}. {h}" for n, h in enumerate(LINKS, 1)]],
    ids=["bare", "numbered"],
)
def test_a_list_of_links_whose_heading_was_cleaned_away_is_furniture(block: list[str]) -> None:
    old = story("T", BODY)
    # Even when the extractor reads one link as a quote ("Storm" warning).
    new = story("T", [BODY[0], *block, BODY[1], BODY[2]], {3: "Storm"})
    assert not diff_digests(old, new).material


def test_two_headline_shaped_lines_are_not_a_link_list_but_alone_are_not_news() -> None:
    heads = ["What happens next", "Where the books go"]
    d = diff_digests(story("T", BODY), story("T", [BODY[0], *heads, BODY[1], BODY[2]]))
    # Listed (not dropped as furniture), yet a subheading alone says nothing new.
    assert not d.material and d.added_paragraphs == tuple(heads)


def test_a_fragment_kept_by_the_cleaner_in_one_version_only_is_not_material() -> None:
    credit = "Photograph: Ana Ruiz/Valley Herald"
    d = diff_digests(story("T", [*BODY, credit]), story("T", BODY))
    assert not d.material and d.removed_paragraphs == (credit,)


def test_fragments_are_listed_when_the_story_changed_too() -> None:
    new_para = "The building will be sold to a developer in the spring."
    new = story("T", [BODY[0], "What happens next", new_para, BODY[1], BODY[2]])
    d = diff_digests(story("T", BODY), new)
    assert d.material and d.added_paragraphs == ("What happens next", new_para)


def test_a_paragraph_split_in_two_does_not_add_a_pronoun_source() -> None:
    # Split across two paragraphs, the second sentence's "she" no longer resolves.
    joined = BODY[1] + " She said the building was unsafe."
    old = story("T", [BODY[0], joined, BODY[2]], {1: "Ana Ruiz"})
    new = story(
        "T",
        [BODY[0], BODY[1], "She said the building was unsafe.", BODY[2]],
        {1: "Ana Ruiz", 2: "she"},
    )
    d = diff_digests(old, new)
    assert not d.material and not d.new_sources


def test_a_source_counts_only_with_text_that_changed() -> None:
    # The extractor names the speaker of an unchanged paragraph differently: no news.
    old = story("T", BODY, {1: "Ana Ruiz"})
    assert not diff_digests(old, story("T", BODY, {1: "Councillor Ana Ruiz"})).new_sources
    # A changed quote with a new speaker is.
    changed = [BODY[0], "Councillor Ben Ode said the decision was not taken lightly.", BODY[2]]
    d = diff_digests(old, story("T", changed, {1: "Ben Ode"}))
    assert d.new_sources == ("Ben Ode",) and d.dropped_sources == ("Ana Ruiz",)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The #1 complaint was the noise from the car park.", "#3"),
        ("Ana Ruiz 6 points. Ben Ode 4 points.", "9"),
        ("Readers rated the library 350–375 times a week.", "400"),
    ],
)
def test_a_number_the_figure_scanner_does_not_type_is_still_a_figure_revision(
    old: str, new: str
) -> None:
    first = re.search(r"\d+", old)
    assert first
    edited = old[: first.start()] + new.lstrip("#") + old[first.end() :]
    d = diff_digests(story("T", [BODY[0], old]), story("T", [BODY[0], edited]))
    assert [(f.old, f.new) for f in d.figures_changed] == [(first.group(0), new.lstrip("#"))]
    assert not d.changed_sentences


def test_a_number_and_a_reworded_phrase_is_a_reworded_sentence() -> None:
    old = "The #1 complaint was the noise from the car park."
    d = diff_digests(
        story("T", [BODY[0], old]),
        story("T", [BODY[0], "The #2 complaint was the smell from the car park."]),
    )
    assert not d.figures_changed and len(d.changed_sentences) == 1


def test_render_text_says_why_fragments_alone_are_not_material() -> None:
    d = diff_digests(story("T", [*BODY, "Photograph: Ana Ruiz/Valley Herald"]), story("T", BODY))
    text = render_diff_text(d)
    assert text.startswith("Not material: only short lines") and "- Photograph" in text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Library to close | Valley Herald", "Library to close"),
        ("Library to close – The Valley Herald Blog", "Library to close"),
        ("Opinion | Library to close", "Library to close"),
    ],
)
def test_a_site_or_section_name_around_the_headline_is_no_headline_change(
    old: str, new: str
) -> None:
    # The cleaner read the page <title> in one version and the <h1> in the other.
    assert diff_digests(story(old, BODY), story(new, BODY)).headline is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Storm hits coast - 12 dead", "Storm hits coast"),
        ("Storm hits coast", "Live: Storm hits coast"),
        ("Kim Jong-un visits Moscow", "Kim visits Moscow"),
    ],
)
def test_headline_words_behind_a_dash_or_colon_are_a_headline_change(old: str, new: str) -> None:
    assert diff_digests(story(old, BODY), story(new, BODY)).headline == (old, new)


def test_a_short_promotion_ending_in_a_call_to_action_is_furniture() -> None:
    promo = "The stories you need, every morning. Subscribe now."
    assert not diff_digests(story("T", BODY), story("T", [BODY[0], promo, *BODY[1:]])).material


def test_a_story_paragraph_that_ends_asking_readers_to_register_is_prose() -> None:
    para = (
        "The council will hold a public meeting on the closure next month. Residents who "
        "want to speak at the meeting must register with the town clerk by Friday."
    )
    d = diff_digests(story("T", BODY), story("T", [*BODY, para]))
    assert d.material and d.added_paragraphs == (para,)


def test_the_headline_repeated_in_the_body_in_another_quote_style_is_not_story_text() -> None:
    title = "‘We will fight on’: library campaigners vow to appeal"
    repeat = "'We will fight on': library campaigners vow to appeal"
    d = diff_digests(story(title, BODY), story(title, [repeat, *BODY]))
    assert d.empty and not d.material


def _with_removed(d: Digest, removed: list[str]) -> Digest:
    return Digest(
        article=Article(meta=d.article.meta, body=d.article.body, removed=tuple(removed)),
        attributions=d.attributions,
    )


def test_a_line_the_cleaner_removed_in_one_version_and_kept_in_the_other_is_no_change() -> None:
    line = "Sharing is caring! Tell your friends about the Valley Herald."
    old = _with_removed(story("T", BODY), [line])
    new = story("T", [*BODY, line.replace(" ", "\u00a0", 1)])
    assert diff_digests(old, new).empty
    # And the other way round.
    assert diff_digests(story("T", [*BODY, line]), _with_removed(story("T", BODY), [line])).empty


def test_a_paragraph_deleted_from_the_page_is_still_reported() -> None:
    old = story("T", BODY)
    new = _with_removed(story("T", [BODY[0], BODY[2]]), ["Advertisement"])
    assert diff_digests(old, new).removed_paragraphs == (BODY[1],)


def test_the_cleaners_pick_flipping_between_two_printed_lines_is_no_headline_change() -> None:
    # Both versions print the menu's "Harbour Extra" and the real headline; the cleaner took
    # one the first time and the other the next.
    def page(title: str, other: str) -> Digest:
        d = story(title, BODY)
        return replace(d, article=replace(d.article, removed=("Subscribe", other, "Home")))

    first = page("Library to close", "Harbour Extra")
    again = page("Harbour Extra", "Library to close")
    assert diff_digests(first, again).headline is None
    # A real edit: the new headline was on neither page before.
    edited = page("Elm Street library to close in May", "Harbour Extra")
    assert diff_digests(first, edited).headline == (
        "Library to close", "Elm Street library to close in May")
