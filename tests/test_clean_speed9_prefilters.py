"""The speed-9 shortcuts in the line features give what their plain forms give.

Each shortcut is a set lookup on a line's first or last characters before (or instead of) a
startswith / endswith of many words; these tests write the plain forms out and compare on
made-up lines, cut at every length so that short lines and word edges are covered.
"""

from __future__ import annotations

from bot.clean_lines import (
    _AGO_HEADS,
    _AGO_STARTS,
    _MENU_SEP_RE,
    _SENT_END,
    _SENT_END_CHARS,
    _SITE_LINK_HEADS,
    CLOSERS,
    _separated_items,
    describe,
    word_units,
)
from bot.clean_vocab import (
    _CAPTION_END_MORE_RE,
    _CAPTION_END_RE,
    _CAPTION_ENDS,
    _CAPTION_START_RE,
    _CAPTION_STARTS,
    _MORE_HINTS,
    SITE_LINK_STARTS,
    fold,
    is_caption_text,
    maybe_furniture,
)

MADE_UP = [
    "Photo: Lena Marsh/The Harbour Gazette",
    "Pictured: the new ferry at Quayside",
    "In this March 3, 2021, file photo, a tram crosses the bridge",
    "FILE - In this photo a crane lifts the span",
    "(Reporting by Tom Vale; Editing by Ada Finch)",
    "The mayor opened the market on Sunday. (AP Photo/Rui Sol)",
    "Volunteers plant trees near the river (Photo by Jo Park)",
    "The old mill at dusk [Kim Oduya/Reuters]",
    "A drone view of the harbour [Ola Berg via AP]",
    "Crowds on the promenade. Photo credit: Sam Ito",
    "Two gulls on a lamp post Getty Images )",
    "Students at the science fair. Submitted photo",
    "Fishing boats in the bay. AFP / Lior Ben",
    "Council approves the budget for the new library.",
    "Councillors will vote again in May, the clerk said.”",
    "Top stories",
    "Main menu",
    "Leftovers make a fine soup",
    "Thisbe Road closes for repairs",
    "Imagery from the satellite shows the flood",
    "Handout",
    "Media caption The minister speaks",
    "Credit",
    "credit...",
    "Source: Harbour Council",
    "Just now",
    "Yesterday",
    "Today",
    "Justice delayed, said the judge",
    "3 hours ago",
    "Also on harbourgazette.com Ferry fares rise",
    "More on this story",
    "Read more on gazette.co.uk",
    "See more on quayside.news",
    "Alsothe rest",
    "„Wir bauen“, sagte sie!",
    "Ça va très bien…",
    "我们明天见。",
    "Кто придёт?»",
    "Photo",
    "]",
    "a",
    "x)",
    "Ends with closers only ))",
]


def _cuts(text: str) -> list[str]:
    """The line and every prefix and suffix of it."""
    return [text, *(text[:k] for k in range(len(text))), *(text[k:] for k in range(len(text)))]


def _caption_by_definition(low: str) -> bool:
    """``is_caption_text`` as written before its set lookups."""
    if low.startswith(_CAPTION_STARTS) and _CAPTION_START_RE.match(low) is not None:
        return True
    end = low if len(low) <= 120 else low[-120:]
    might = (
        "credit" in end
        or "(photo" in end
        or ("/" in end and ("(" in end or "reuters" in end or "afp" in end or "epa" in end))
        or end.rstrip(" )").endswith(_CAPTION_ENDS)
    )
    if not might:
        return False
    if _CAPTION_END_RE.search(end) is not None:
        return True
    return any(h in end for h in _MORE_HINTS) and _CAPTION_END_MORE_RE.search(end) is not None


def test_caption_set_lookups_give_the_startswith_and_endswith_answer() -> None:
    hits = 0
    for line in MADE_UP:
        for cut in _cuts(fold(line)):
            assert is_caption_text(cut) == _caption_by_definition(cut), cut
            hits += _caption_by_definition(cut)
    assert hits > 20  # the made-up lines reach the slow paths too


def test_sentence_end_set_gives_endswith() -> None:
    for line in MADE_UP:
        for cut in _cuts(line):
            stripped = cut.rstrip(CLOSERS)
            assert (stripped[-1:] in _SENT_END_CHARS) == stripped.endswith(_SENT_END), cut
    assert "" not in _SENT_END_CHARS


def test_start_heads_hold_every_start() -> None:
    # The heads are necessary conditions: a line that starts with a word has its head.
    for line in MADE_UP:
        for cut in _cuts(fold(line)):
            if cut.startswith(_AGO_STARTS):
                assert cut[:3] in _AGO_HEADS, cut
            if cut.startswith(SITE_LINK_STARTS):
                assert cut[:3] in _SITE_LINK_HEADS, cut


def test_describe_reads_time_stamps_and_site_links_as_before() -> None:
    stamps = ["Just now", "Yesterday", "Today", "2 hours ago", "5 mins ago"]
    links = ["Also on harbourgazette.com Ferry fares rise again", "Read more on gazette.co.uk"]
    for text in stamps + links:
        assert describe(0, text).boiler, text
    for text in ["Justice delayed", "Todays menu is fish", "Also on Tuesday, the council met"]:
        assert not describe(0, text).boiler, text


def _separated_by_definition(text: str) -> bool:
    """``_separated_items`` as written before its membership tests."""
    seps = text.count("|") + text.count("/")
    if not text.isascii():
        seps += text.count("•") + text.count("·") + text.count("»")
    return seps >= 2 and len(_MENU_SEP_RE.findall(text)) >= 2


def test_separator_membership_gives_the_counted_answer() -> None:
    rows = [
        "Home | News | Sport | Weather",
        "News / Local / Harbour",
        "Home • Culture • Food",
        "Startseite · Politik · Wirtschaft",
        "Accueil » Monde » Europe",
        "Prices rose 3% / year, and | once | more",
        "A ‘quoted’ line with one / slash",
        "A plain sentence about the harbour’s ferries, which run every hour.",
    ]
    seen = 0
    for row in rows + MADE_UP:
        for cut in _cuts(row):
            assert _separated_items(cut) == _separated_by_definition(cut), cut
            seen += _separated_by_definition(cut)
    assert seen > 10


def test_heads_passed_in_give_the_answers_of_heads_sliced_within() -> None:
    # describe() slices a line's first three characters once and hands them on.
    for line in MADE_UP:
        for cut in _cuts(fold(line)):
            assert is_caption_text(cut, cut[:3]) == is_caption_text(cut), cut
            assert maybe_furniture(cut, cut[:3]) == maybe_furniture(cut), cut


def test_describe_counts_words_as_word_units_does() -> None:
    # The word count reads the first byte of the view by index, not by startswith.
    for line in MADE_UP:
        for cut in _cuts(line):
            if cut.strip() == cut and cut:
                assert describe(0, cut).units == word_units(cut), cut
