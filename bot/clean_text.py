"""Clean a pasted page copy: keep the article's paragraphs, drop the page around them.

A select-all copy of a news page is a column of lines: menus, share buttons,
appeals, captions, the article, teasers, comments, footers. The cleaner

1. describes every non-empty line (length in word units, sentence shape,
   boilerplate vocabulary, whether it sits in a run of short lines);
2. finds the main text block as the maximum-sum run of line scores (prose is
   positive, short and boilerplate lines negative), so that menus, teasers and
   footers on either side fall away however often they repeat;
3. inside the block drops boilerplate (Read more / Related lines, captions and
   photo credits, share rows, appeals, advertisement markers) and keeps the
   rest, short subheads and one-line quotes included;
4. reads the headline, standfirst, byline, date line and outlet from the lines
   just above the block (see :mod:`bot.textmeta`): the headline is the line near the
   byline and date whose words the article's opening repeats, so a menu, a promo or a
   teaser for another story next to it is passed over.

Everything is line-local arithmetic and a few regexes: a 1,000-word page takes
about half a millisecond, most of it describing the lines (:mod:`bot.clean_lines`,
vocabularies in :mod:`bot.clean_vocab`). Scripts written without spaces (Chinese,
Japanese, Thai) are measured in characters so their paragraphs count as prose.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.clean_lines import CLOSERS, addresses_reader, describe, word_units
from bot.clean_lines import Line as _Line
from bot.clean_vocab import APPEAL, fold, is_boiler_text, is_post_signature, strip_hover_cards
from bot.model import Article, SourceMeta
from bot.textmeta import (
    WIRE_SERVICES,
    bio_outlet,
    copyright_year,
    dated_author_and_topics,
    find_outlet,
    month_day,
    name_then_outlet,
    parse_byline,
    parse_credit,
    split_date,
    wire_dateline,
    yearless_stamp,
)

__all__ = ["article_from_clean_text", "clean_pasted_text", "word_units"]

_WORD_RE = re.compile(r"\w+")
_BRACKETED_RE = re.compile(r"^[\[(][^\])]{0,40}[\])]$")
# A blog's unrendered shortcode: "[button link=...] Send us your review[/button]".
_SHORTCODE_RE = re.compile(r"\[/[a-z_]+\]$")
# A gallery's picture counter: "1 of 6", "3 / 12".
_COUNTER_RE = re.compile(r"^\d{1,3} ?(?:of|/) ?\d{1,3}$")
_CONTINUED = (",", "、", "，")


def _mark_repeats(lines: list[_Line], texts: list[str]) -> None:
    """A line printed twice on one page (menus, teasers, share rows) is furniture, unless it
    is a table row or shorter than two words. ``texts``: the lines' texts."""
    # Counted in C over all the lines: a line's words and cells are its text's, so a text
    # met twice is a repeat of the same kind of line.
    counts = Counter(texts)
    if len(counts) == len(texts):
        return  # every line once: nothing to mark
    for line in lines:
        if counts[line.text] > 1 and line.units >= 2 and not line.table:
            line.boiler = True


def _spread_appeals(lines: list[_Line]) -> None:
    """Mark the paragraphs of a donation/subscription appeal as boilerplate.

    An appeal is a short furniture line ("Your support helps us...") with
    paragraphs addressed to the reader next to it; a paragraph sandwiched
    between two appeal lines belongs to it too.
    """
    n = len(lines)

    def appeal_boiler(i: int) -> bool:
        return 0 <= i < n and lines[i].boiler and lines[i].appeal

    # Marking only ever adds lines, so visiting the neighbours of each newly marked line
    # reaches the same end as sweeping the page until nothing changes, without the sweeps.
    marked = [i for i, line in enumerate(lines) if line.boiler and line.appeal]
    todo = [j for i in marked for j in (i - 1, i + 1)]
    while todo:
        i = todo.pop()
        if not 0 <= i < n or lines[i].boiler:
            continue
        line = lines[i]
        near = appeal_boiler(i - 1) or appeal_boiler(i + 1)
        if (line.appeal and near) or (appeal_boiler(i - 1) and appeal_boiler(i + 1)):
            line.boiler = line.appeal = True
            todo += (i - 1, i + 1)


def _mark_teasers(lines: list[_Line]) -> None:
    """Prose standing alone between short lines is a teaser's summary, not article text.

    Teaser lists repeat "Headline / one-sentence summary / 2H ago"; an article's
    paragraphs come in runs.
    """
    n = len(lines)
    candidates: list[int] = []
    # Under a two-word title ("Protein diet"), which a caption's name or a subhead may be:
    # a list only where at least three such come in a row.
    short_titled: list[int] = []
    for i in range(1, n - 1):
        line = lines[i]
        if not line.prose:  # most lines: no need to look at the neighbours
            continue
        prev, nxt = lines[i - 1], lines[i + 1]
        if line.units > 45 or prev.prose or nxt.prose or prev.boiler:
            continue
        # A short paragraph closing with a full stop under it continues the text (a
        # roundup's "Cocoa (1-2): Jordan Munoz 8 saves."); a teaser is followed by a time
        # stamp, a link or the next headline, which do not end so.
        if not nxt.boiler and nxt.units >= 3 and nxt.text.rstrip(CLOSERS).endswith("."):
            continue
        boxed = i >= 2 and not lines[i - 2].prose and i + 2 < n and not lines[i + 2].prose
        titled = not prev.sentence and prev.units >= 2
        if boxed or (titled and (nxt.boiler or nxt.units < 8 or not nxt.sentence)):
            (candidates if boxed or prev.units >= 3 else short_titled).append(i)
    # A list repeats its shape; one paragraph set off by a caption or a date line is not a list.
    for k, i in enumerate(candidates):
        near = [j for j in candidates[max(0, k - 1) : k + 2] if j != i and abs(j - i) <= TEASER_GAP]
        if near:
            lines[i].teaser = True
    if short_titled:
        _mark_chains(lines, sorted(candidates + short_titled), 3)


def _mark_cards(lines: list[_Line]) -> None:
    """Under a "Related" / "You may also like" heading, paragraphs each followed by the same
    furniture line (a share row under every card: "Whatsapp Facebook Pinterest") are the
    cards of other stories, however long their summaries; two such cards make the box."""
    n = len(lines)
    for i in [i for i, line in enumerate(lines) if line.tail and i < n - 4]:
        k = i + 1
        if lines[k].boiler:  # the box's own share row under its heading
            k += 1
        row = lines[k + 1].text if k + 1 < n and _share_row(lines[k + 1]) else None
        cards: list[int] = []
        while k + 1 < n and lines[k].prose and lines[k + 1].text == row:
            cards.append(k)
            k += 2
        if k < n and lines[k].prose and cards:  # the last card, its row cut off by the page
            cards.append(k)
        if len(cards) >= 2:
            for j in cards:
                lines[j].teaser = True


# The networks a share row names: a row naming two is a share row, not an advertisement marker
# (which may follow each paragraph of an article).
_NETWORK_RE = re.compile(
    r"(?i)\b(?:facebook|twitter|whatsapp|pinterest|pin|linkedin|reddit|telegram|e-?mail|x)\b"
)


def _share_row(line: _Line) -> bool:
    return line.boiler and line.units <= 10 and len(_NETWORK_RE.findall(line.text)) >= 2


def _mark_chains(lines: list[_Line], candidates: list[int], least: int) -> None:
    """Mark as teasers the ``candidates`` in chains of at least ``least``, each within
    TEASER_GAP lines of the one before."""
    chain: list[int] = []
    for i in [*candidates, -1]:
        if chain and (i < 0 or i - chain[-1] > TEASER_GAP):
            if len(chain) >= least:
                for j in chain:
                    lines[j].teaser = True
            chain = []
        chain.append(i)


def _scores(lines: list[_Line]) -> list[float]:
    """Each line's score for the maximum-sum run: prose for, furniture against."""
    # One expression per line rather than a call per line: the call cost more than the tests.
    return [
        -25.0 if line.tail
        else -8.0 if line.boiler or line.caption
        else -1.0 if line.teaser
        else min(line.units, 60.0) if line.prose
        else 1.0 if line.table or (line.sentence and line.units >= 5)
        else -2.0
        for line in lines
    ]  # fmt: skip


# ---------------------------------------------------------------- block finding


def _best_run(scores: list[float]) -> tuple[int, int]:
    """[start, end) of the maximum-sum run of ``scores`` (Kadane)."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _spaced_page(lines: list[_Line]) -> bool:
    """Whether the page sets its paragraphs apart with blank lines (a copy of <p>s)."""
    prose = [line for line in lines if line.prose]
    return bool(prose) and sum(line.spaced for line in prose) >= 0.4 * len(prose)


def _main_block(lines: list[_Line]) -> tuple[int, int]:
    if not lines:
        return (0, 0)
    scores = _scores(lines)
    # Where the page sets its paragraphs apart with blank lines (a copy of <p>s), prose
    # packed between other lines is more likely a teaser, a comment or a caption.
    if _spaced_page(lines):
        for k, line in enumerate(lines):
            if line.prose and not line.spaced and scores[k] > 0 and not _broken_paragraph(
                    lines, k):
                scores[k] *= 0.3
    start, end = _best_run(scores)
    end = _cut_at_gap(lines, start, end)
    return _trim_head(lines, scores, start, end)


def _broken_paragraph(lines: list[_Line], k: int) -> bool:
    """Whether the packed line at ``k`` is part of one paragraph broken over a few lines, set
    apart as a whole (a re-wrapped copy): every line of its run between blank lines is prose."""
    # Walked no further than a broken paragraph reaches: a page's long packed run would
    # otherwise be walked once for each of its lines.
    a = k
    while a > 0 and k - a < _BROKEN_MOST and not lines[a].gap_above:
        a -= 1
    b = k + 1
    while b < len(lines) and b - k <= _BROKEN_MOST and not lines[b].gap_above:
        b += 1
    return (lines[a].gap_above and (b == len(lines) or lines[b].gap_above)
            and 2 <= b - a <= _BROKEN_MOST and all(line.prose for line in lines[a:b]))


_BROKEN_MOST = 3  # lines of one broken paragraph; more packed prose is a list or a thread
GAP_LINES = 10


def _cut_at_gap(lines: list[_Line], start: int, end: int) -> int:
    """The block's end, moved up to a long run of short lines (a staff list, a menu, an
    author box) with under half as much prose after it as before: the text after such a gap
    is an appeal, a comment thread or another story's summary that the maximum-sum run,
    adding up scores, reached across it."""
    before = 0.0
    k = start
    while k < end:
        if lines[k].prose:
            before += lines[k].units
            k += 1
            continue
        a = k
        while k < end and not lines[k].prose:
            k += 1
        if k - a >= GAP_LINES and 4 * sum(ln.units <= 4 for ln in lines[a:k]) >= 3 * (k - a):
            after = sum(ln.units for ln in lines[k:end] if ln.prose)
            if 2 * after < before:
                return a
    return end


def _trim_head(lines: list[_Line], scores: list[float], start: int, end: int) -> tuple[int, int]:
    """Start after a byline or date line met early in the block, then at its first prose line.

    Text above the article's byline/date line is the header (standfirst, kicker,
    caption, a sponsor note), however prose-like it reads.
    """
    total = sum(max(0.0, s) for s in scores[start:end]) or 1.0
    seen = 0.0
    for i in range(start, end):
        if seen > HEAD_SHARE * total:
            break
        text = lines[i].text
        # A tweet's signature ("— Name (@handle) November 1, 2019") is no dateline.
        if not text.startswith(("—", "–", "-")) and (
            (lines[i].units <= 14 and (lines[i].is_date_line() or lines[i].byline()))
            or _dated_byline(lines[i])
        ):
            start = i + 1
        seen += max(0.0, scores[i])
    while start < end and not lines[start].prose:
        start += 1
    while start + 1 < end and _teaser_in_list(lines, start):
        start += 1  # "Maps show where taxes rise." among the site's other headlines
        while start < end and not lines[start].prose:
            start += 1
    # The article's closing short sentences ("We hope to see you soon!") scored too low
    # to join the run; furniture rarely ends in a full stop.
    # So does the signature of a tweet quoted at the end ("— Ann Lee (@annlee) May 1, 2019").
    # The items of a list the text's last line introduces ("The game has:") belong to it too.
    listed = end < len(lines) and lines[end - 1].text.endswith(":")
    while (
        EXTEND
        and end < len(lines)
        and (
            lines[end].sentence
            or is_post_signature(lines[end].text)
            # a sentence broken over lines: "..., もとの商品を小分けにして販売するような行為は、"
            or (lines[end].text.endswith(_CONTINUED) and end + 1 < len(lines))
            or (listed and _list_item(lines[end]))
        )
        and lines[end].units >= 3
        and not (lines[end].boiler or lines[end].caption or lines[end].tail or lines[end].appeal)
        and not _leads_appeal(lines, end)
    ):
        listed = lines[end].text.endswith(":") or (listed and _list_item(lines[end]))
        end += 1
    return start, end


def _leads_appeal(lines: list[_Line], i: int) -> bool:
    """Whether the short line at ``i`` is the heading of an appeal packed under it ("Like this
    article?" over "SIGN UP for our newsletter"): where the article's paragraphs are set apart
    by blank lines, the article's closing words are too."""
    return (
        lines[i].units <= 6
        and not lines[i].spaced
        and i + 1 < len(lines)
        and lines[i + 1].appeal
        and _spaced_page(lines)
    )


def _list_item(line: _Line) -> bool:
    """An item of a list in the text: a line packed under the one before (a paragraph has
    blank lines around it) of a few words, most of them in lower case (a link's title is
    capitalised)."""
    return not line.spaced and line.units >= 4 and line.title_case_share() <= 0.5


def _teaser_in_list(lines: list[_Line], i: int) -> bool:
    """Whether the short prose line at ``i`` sits in a list of other stories' headlines:
    two headline-like lines above it and one below, none of them prose."""
    if lines[i].units > 20 or i < 2:
        return False
    return all(
        not lines[k].prose and 3 <= lines[k].units <= 20 and _headline_like(lines[k])
        for k in (i - 2, i - 1, i + 1)
    )


# ---------------------------------------------------------------- keep / drop


MIN_UNITS = 2.0
TEASERS = True
TEASER_GAP = 8
HEAD_SHARE = 0.15
EXTEND = True
RUN_TITLE = 0.8


def _linkish_run(
    lines: list[_Line], i: int, start: int, end: int, memo: dict[int, bool] | None = None
) -> bool:
    """Whether line i sits in a run of short lines that reads as a link list, not a list.
    ``memo``: answers found for earlier lines of the same call, by the run's first line (every
    line of a run has its answer)."""
    a = i
    while a > start and not lines[a - 1].prose:
        a -= 1
    if memo is not None:
        known = memo.get(a)
        if known is None:
            known = memo[a] = _linkish_run(lines, i, start, end)
        return known
    b = i
    while b + 1 < end and not lines[b + 1].prose:
        b += 1
    run = [ln for ln in lines[a : b + 1] if not (ln.boiler or ln.caption)]
    if len(run) < 2:
        return False
    # Where paragraphs are set apart by blank lines, short lines so set apart between two
    # paragraphs, with no furniture among them, are the text's own (a roundup's "Cocoa d.
    # West Shore 61-21", "BOYS SOCCER"): a link list's items come packed together.
    if (
        b + 1 < end
        and len(run) == b + 1 - a
        and all(ln.spaced and not ln.tail for ln in run)
        and _spaced_page(lines)
    ):
        return False
    return sum(ln.title_case_share() for ln in run) / len(run) > RUN_TITLE


def _keep_inside(lines: list[_Line], start: int, end: int) -> list[bool]:
    keep = [start <= i < end for i in range(len(lines))]
    linkish: dict[int, bool] = {}
    # Lines the passes below look at, noted on the way: tail lines, lines cut off with an
    # ellipsis, "Sources" headings.
    tails: list[int] = []
    cut: list[int] = []
    refs: list[int] = []
    for i in range(start, end):
        line = lines[i]
        text = line.text
        if line.tail:
            tails.append(i)
        elif text.endswith(_CUT_ENDS):
            cut.append(i)
        elif line.units <= 4 and _REFERENCES_RE.match(text):
            refs.append(i)
        if (
            (line.boiler and not _reports_in_text(lines, i, end))
            or line.caption
            or line.tail
            or (_BRACKETED_RE.match(text) and not _aside(text))
            or (line.units <= 3 and _COUNTER_RE.match(text))
            or (text.endswith("]") and _SHORTCODE_RE.search(text) is not None)
        ):
            keep[i] = False
            continue
        # An all-capitals "READ MORE"-style link set into the text; not a row of a table
        # ("HD\tTHE HOME DEPOT INC.\t225.86") nor a subhead asking a question ("WHAT NEXT?").
        if line.units >= 6 and not line.table and line.shouting() and not line.text.endswith("?"):
            keep[i] = False
            continue
        if line.prose or line.table:
            continue
        # A short line stays when it reads as part of the article (a subhead or a
        # one-line quote) rather than as a row in a stack of short links.
        if (
            not line.sentence
            and (line.units < MIN_UNITS or _linkish_run(lines, i, start, end, linkish))
            and not _signs_quote(lines, keep, i, start)
        ):
            keep[i] = False
    # A short summary cut off with an ellipsis right under furniture ("See also"), or under
    # a title right under it, is the teaser of another story; the title goes with it.
    for i in cut:
        if not (keep[i] and lines[i].units < 40):
            continue
        titled = i - 1 > start and keep[i - 1] and not lines[i - 1].sentence
        if titled and lines[i - 1].units <= 20 and not keep[i - 2]:
            keep[i - 1] = keep[i] = False
        elif i == start or not keep[i - 1]:
            keep[i] = False
    _drop_link_boxes(lines, keep, start, end, tails)
    _drop_embedded_teasers(lines, keep, start, end)
    _drop_references(lines, keep, start, end, refs)
    _drop_about_box(lines, keep, start, end)
    # Appeals and furniture prose trailing off the end of the text ("Need more? Subscribe...").
    kept = [i for i in range(start, end) if keep[i]]
    for i in reversed(kept[1:]):
        line = lines[i]
        if (line.appeal and line.units < 80) or (line.units < 60 and _furniture_words(line)):
            keep[i] = False
        else:
            break
    # A caption's text sits right above or below its credit ("Photo by Lee Chan"); where the
    # page sets paragraphs apart with blank lines, one with no blank line between it and the
    # credit is the caption at any length.
    spaced_page: bool | None = None
    for i in range(start, end):
        if not lines[i].caption or lines[i].units >= 8:
            continue
        for j in (i - 1, i + 1):
            if not (start <= j < end and keep[j]):
                continue
            if lines[j].units < 15:
                keep[j] = False
                continue
            # Neither set apart by blank lines: packed together (or each with another line).
            if lines[i].spaced or lines[j].spaced:
                continue
            if spaced_page is None:
                spaced_page = _spaced_page(lines)
            keep[j] = not spaced_page
    _drop_shaped_credits(lines, keep, start, end)
    _drop_packed_links(lines, keep, start, end)
    return keep


_LINK_ENDS = (".", ":", "?", "!", ",", ";", "…")


def _drop_packed_links(lines: list[_Line], keep: list[bool], start: int, end: int) -> None:
    """Drop a box of links set between paragraphs ("Profile: Julian Assange" / "Timeline of
    saga"): where paragraphs are set apart by blank lines, two to five short capitalised
    lines without a stop, packed together between two such paragraphs, are links; a list the
    paragraph above introduces ("... three steps:") is the text's."""
    spaced_page: bool | None = None
    k = max(start, 1)
    while k < end:
        if lines[k].spaced or not (lines[k - 1].spaced and lines[k - 1].prose):
            k += 1
            continue
        j = k
        while j < end and not lines[j].spaced:
            j += 1
        run = range(k, j)
        if (
            2 <= j - k <= 5  # a box of a few links; a longer run may be a poem's stanza
            and j < end
            and lines[j].prose
            and not lines[k - 1].text.endswith(":")
            and all(_link_shaped(lines[r]) for r in run)
        ):
            if spaced_page is None:
                spaced_page = _spaced_page(lines)
            if not spaced_page:
                return
            for r in run:
                keep[r] = False
        k = j + 1


def _link_shaped(line: _Line) -> bool:
    return line.units <= 8 and line.text[:1].isupper() and not line.text.endswith(_LINK_ENDS)


def _drop_shaped_credits(lines: list[_Line], keep: list[bool], start: int, end: int) -> None:
    """Drop a picture's or a chart's caption and credit that no vocabulary names ("Air
    pollution in Delhi remains unhealthy this week." / "Berkeley Earth"): where paragraphs are
    set apart by blank lines, a sentence and a short line of capitalised words under it,
    packed together between two paragraphs so set apart, are a caption and its credit."""
    spaced_page: bool | None = None
    for i in range(max(start, 2), end - 1):
        credit, caption = lines[i], lines[i - 1]
        if not (keep[i] and credit.units <= 4 and not credit.spaced and not credit.sentence):
            continue
        if not (caption.sentence or caption.caption) or caption.units >= 40:
            continue
        if not (lines[i - 2].spaced and lines[i + 1].spaced) or credit.title_case_share() < 1.0:
            continue
        if spaced_page is None:
            spaced_page = _spaced_page(lines)
        if not spaced_page:
            return
        keep[i - 1] = keep[i] = False


def _drop_embedded_teasers(lines: list[_Line], keep: list[bool], start: int, end: int) -> None:
    """Drop another story's card set into the text: where paragraphs are set apart by blank
    lines, a paragraph packed under a headline printed twice just above it (the card's link
    and its picture's), between the article's paragraphs, is the card's summary; its headline
    is furniture already (a repeat)."""
    spaced_page: bool | None = None
    for i in range(start + 2, end - 1):
        line, above = lines[i], lines[i - 1]
        if not (line.prose and keep[i] and not line.spaced and above.boiler):
            continue
        if above.spaced or above.sentence or not 3 <= above.units <= 20:
            continue
        if all(lines[j].text != above.text for j in range(max(start, i - 4), i - 1)):
            continue  # the headline not printed twice over it: no card
        if spaced_page is None:
            spaced_page = _spaced_page(lines)
        if not spaced_page:
            return
        # Mid-text: the article's paragraphs above and below (a first paragraph packed under
        # the headline, or a closing "More information:", is the article's).
        if any(keep[j] and lines[j].prose for j in range(start, i - 1)) and any(
            keep[j] and lines[j].prose for j in range(i + 1, end)
        ):
            keep[i] = False


_DASHES = ("–", "—", "-")
_QUOTE_ENDS = ("”", '"', "»", "“")


# What a call to action or a page's notice starts with ("Visit our homepage for more.",
# "Follow Ann on Twitter.", "Story continues below advertisement.").
_CALL_RE = re.compile(
    r"(?i)(?:visit|follow|click|tap|share|read|sign|subscribe|download|watch|listen|join|get"
    r"|like|see|check|find|learn|support|donate|contribute|register|log|email|send|tell|let"
    r"|do|don'?t|please|stay|continue|discover|explore|be|story|article|this|copyright|all)\b"
)
# Words of a page's notices that no reported sentence needs.
_NOTICE_RE = re.compile(
    r"(?i)advertisement|\bbelow\b|\babove\b|newsletter|subscri|cookie|sign[\s-]?up|log[\s-]?in"
    r"|rights\s+reserved|click|read\s+more|©"
)


def _reports_in_text(lines: list[_Line], i: int, end: int) -> bool:
    """Whether the line at ``i``, furniture by a word of its vocabulary ("Facebook", "privacy",
    "promoted", "registered"), is a short sentence of the article's ("Facebook declined to
    comment.", "He was promoted to captain in 2015."): a sentence in lower-case words with a
    full stop, between two of the text's paragraphs, that neither asks the reader for
    anything nor reads as a call to action or a notice."""
    line = lines[i]
    if not line.boiler_words or line.appeal or not 4 <= line.units <= 40:
        return False
    text = line.text
    if not (text.rstrip(CLOSERS).endswith(".") and text[:1].isupper()):
        return False
    if not (i > 0 and i + 1 < end and lines[i - 1].prose and lines[i + 1].prose):
        return False
    if lines[i + 1].boiler or lines[i - 1].boiler or line.title_case_share() > 0.5:
        return False
    return (
        _CALL_RE.match(text) is None
        and _NOTICE_RE.search(text) is None
        and not addresses_reader(text)
    )


def _aside(text: str) -> bool:
    """A writer's aside in brackets, a sentence of four words or more ("(I know, radical
    statement, right?)"), not a label ("[Photo]", "(Reuters)")."""
    inner = text[1:-1].rstrip()
    return inner.endswith((".", "?", "!")) and inner.count(" ") >= 3


def _signs_quote(lines: list[_Line], keep: list[bool], i: int, start: int) -> bool:
    """Whether the short line at ``i`` signs the quotation kept above it ("– Ann L.", a
    review's or an epigraph's author), however few its words."""
    line = lines[i]
    return (
        i > start
        and keep[i - 1]
        and line.units <= 6
        and line.text.startswith(_DASHES)
        and lines[i - 1].text.rstrip("!?.… ").endswith(_QUOTE_ENDS)
    )


def _drop_link_boxes(
    lines: list[_Line], keep: list[bool], start: int, end: int, tails: list[int]
) -> None:
    """Drop the links under a "Related articles" / "Trending" heading set into the article
    (``tails``: the block's tail lines): where paragraphs are set apart by blank lines, the
    lines packed under the heading up to the next paragraph so set apart are the box's
    links, however sentence-like."""
    spaced_page: bool | None = None
    for i in tails:
        _drop_cut_teaser(lines, keep, start, i)
        if spaced_page is None:
            spaced_page = _spaced_page(lines)
        if spaced_page:
            j = i + 1
            while j < end and not lines[j].spaced:
                keep[j] = False
                j += 1
            # A box closing with its "More in ..." link: the short lines packed above it (a
            # heading such as "Most read" opens its box, so what is above it stays).
            j = i - 1
            closes = _MORE_RE.match(lines[i].text) is not None
            while closes and j > start and not (lines[j].spaced or lines[j].prose):
                keep[j] = False
                j -= 1


_MORE_RE = re.compile(r"(?i)more\b")
_READ_ON_RE = re.compile(r"(?i)^(?:read|continue)\b")
_CUT_ENDS = ("...", "…")


def _drop_cut_teaser(lines: list[_Line], keep: list[bool], start: int, i: int) -> None:
    """A "Read more" link at ``i`` under another story's summary cut off mid-sentence
    ("... and have even died due to"): drop the summary and the title above it."""
    j = i - 1
    if j <= start or not keep[j] or not _READ_ON_RE.match(lines[i].text):
        return
    summary = lines[j]
    if summary.sentence and not summary.text.endswith(_CUT_ENDS):
        return
    keep[j] = False
    title = lines[j - 1]
    if keep[j - 1] and not title.sentence and title.units <= 20:
        keep[j - 1] = False


# The heading of the list of sources a fact-check or a feature closes with.
_REFERENCES_RE = re.compile(
    r"(?i)^(?:sources?|references|bibliography|works\s+cited|sources\s+and\s+notes)\s*:?$"
)


def _drop_references(
    lines: list[_Line], keep: list[bool], start: int, end: int, refs: list[int]
) -> None:
    """Drop a list of sources and what follows it: the article has ended at its heading
    (``refs``: the block's "Sources" headings). Only in the text's last part: a heading
    "Sources" with most of the text still to come is a subhead."""
    for i in refs:
        before = sum(lines[j].units for j in range(start, i) if keep[j])
        after = sum(lines[j].units for j in range(i + 1, end) if keep[j])
        if after < before:
            for j in range(i, end):
                keep[j] = False
            return


# The heading of an author's box, in the languages most often pasted: "About Ann Lee".
_ABOUT_RE = re.compile(r"(?i)^(?:about|sobre|acerca\s+de|[àa]\s+propos\s+de|über)\s+(\w.*)$")


def _drop_about_box(lines: list[_Line], keep: list[bool], start: int, end: int) -> None:
    """Drop an author's box and what follows it: a short "About <Name>" heading in the
    text's last part whose name the paragraph under it repeats ("Sobre Carlos Lima" / "Pai
    de três, Carlos Lima é ...")."""
    kept = [i for i in range(start, end) if keep[i]]
    total = sum(lines[i].units for i in kept)
    seen = 0.0
    for n, i in enumerate(kept[:-1]):
        seen += lines[i].units
        line = lines[i]
        if line.units > 5 or line.sentence or 2 * seen < total:
            continue
        match = _ABOUT_RE.match(line.text)
        if match is None:
            continue
        names = match.group(1).split()
        if all(w[:1].isupper() for w in names) and all(w in lines[kept[n + 1]].text for w in names):
            for j in kept[n:]:
                keep[j] = False
            return


def _furniture_words(line: _Line) -> bool:
    """Boilerplate vocabulary besides an appeal's: "subscription" or "sign up" in a paragraph
    that does not speak to the reader is the article's, not an appeal (``Line.appeal``)."""
    if not line.has_boiler_words():
        return False
    return not line.appeal_words or is_boiler_text(APPEAL.reference.sub(" ", fold(line.text)))


# A picture's credit: "© Lee Chan", "... in Nogales, Ariz. (AP)", "Lee Chan, ASSOCIATED PRESS".
_CREDIT_END_RE = re.compile(r"©|\)$|, [A-Z]{2,}(?: [A-Z]{2,})*$")


def _keep_spaced_above(
    lines: list[_Line], keep: list[bool], start: int, header: set[str | None]
) -> None:
    """Keep the lines just above the block set apart by blank lines like its paragraphs (a
    roundup's first score lines, a subhead, a disclosure): the header's lines (``header``: the
    headline and standfirst read; byline, date, a picture's caption and credit) come packed,
    or are furniture."""
    k = start - 1
    while k >= 0 and lines[k].spaced:
        line = lines[k]
        if (
            line.text in header
            or line.units < MIN_UNITS
            or line.boiler
            or line.caption
            or line.tail
            or line.appeal
            or line.is_date_line()
            or line.byline()
            or _CREDIT_END_RE.search(line.text)
        ):
            break
        if k == start - 1 and not _spaced_page(lines):
            return
        keep[k] = True
        k -= 1


def _drop_author_bio(
    lines: list[_Line], keep: list[bool], start: int, end: int, byline: tuple[str, ...]
) -> None:
    """The text's last line opening with the byline's full name ("Meg James (meg@...) covers
    the council ...") is the author's note, not the article."""
    last = next((i for i in range(end - 1, start, -1) if keep[i]), None)
    if last is not None and lines[last].units < 80 and lines[last].text.startswith(byline):
        keep[last] = False


# ---------------------------------------------------------------- metadata


@dataclass(frozen=True, slots=True)
class _Header:
    title: str | None = None
    standfirst: str | None = None
    byline: tuple[str, ...] = ()
    published: str | None = None
    credit: str | None = None  # the byline's line as written
    month_day: tuple[int, int] | None = None  # a date without its year by the byline ("Nov 18")
    updated: bool = False  # the date is an update's stamp ("Updated on: November 19, 2019")


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = url.split("?", 1)[0].split("#", 1)[0].split("//", 1)[-1].partition("/")[2]
    return {w for w in re.split(r"[^a-z]+", path.lower()) if len(w) > 2}


def _slug_overlap(text: str, slug: set[str]) -> float:
    """The share of the URL's slug words that ``text`` holds."""
    words = {w.lower() for w in _WORD_RE.findall(text)}
    return len(words & slug) / max(1, len(slug))


_LINE_PARTS = re.compile(r"\s[|·•]\s")
_BY_LABEL = re.compile(r"(?i)(?:by|authors?|written by|words by|autor(?:es)?|auteurs?):?$")


def _header_meta(
    lines: list[_Line], start: int, url: str | None, body_lead: list[str], site: str | None = None
) -> _Header:
    """Headline, standfirst, byline and date line from the lines just above the main block;
    ``body_lead`` is the article's first paragraphs, which a headline's words come back in;
    ``site``: the outlet's name, which no headline is."""
    start = _above_story_list(lines, start)
    head = lines[_head_start(lines, start) : start]
    date = by_names = None
    date_pos = by_pos = None
    bare_at_date = False  # the names are a bare one on the date's line ("Brent Co November 20")
    for k in range(len(head) - 1, -1, -1):
        text = head[k].text
        if date is None and (head[k].is_date_line() or _stamped(head[k])):
            date, date_pos = head[k].date(), k
            # "October 9, 2018 | by Olivia Larsen": the names may share the date's line
            # or a blog's meta row ("21/06/2014 Tony Carter All, Books, Kit Reviews")
            parts = _LINE_PARTS.split(text)[1:]
            names = (
                parse_byline(text, need_by=False)
                or next((n for part in parts if (n := parse_byline(part.strip()))), ())
                or dated_author_and_topics(text)
            )
            if names and by_names is None:
                by_names, by_pos = names, k
                bare_at_date = not head[k].byline()
        elif by_names is None and head[k].units <= 12 and (names := head[k].byline()):
            by_names, by_pos = names, k
        elif date is None and head[k].units <= 4 and _year_below(head, k) and (
                found := split_date([ln.text for ln in head[k : k + 3]])):
            date, date_pos = found, k  # "November 20" / "15:23" / "2019"
        elif bare_at_date and k >= (date_pos or 0) - 3 and head[k].units <= 12 and (
                names := head[k].byline()):
            # A byline ("By Jo Li", "Jo LiView More Articles") a line or two over a date
            # line that opens with a bare name: that name is the picture's credit.
            by_names, by_pos, bare_at_date = names, k, False
        elif by_names is None and k and head[k].units <= 8 and _BY_LABEL.match(head[k - 1].text):
            # "Author:" above "Practical Horseman Editorial Staff": a credit, not a headline
            by_names, by_pos = parse_byline(head[k].text, need_by=False) or (head[k].text,), k
        elif by_names is None and date is None and _dated_byline(head[k]):
            by_names, by_pos = head[k].byline(), k
            date, date_pos = head[k].date(), k
    if by_names is None and date_pos is not None:
        # A bare name right next to the date line ("Arpan Rai" / "Thursday 24 October 2024"),
        # or above it (and an "updated" line under it) a name then an outlet ("Ann Lee
        # Harbour Today" / "Published 2:16 AM EST Nov 20, 2019") or an agency and the
        # dateline's place ("Reuters, Washington,").
        above = date_pos - 1
        while above > 0 and head[above].is_date_line():
            above -= 1
        for k in (above, date_pos + 1):
            if 0 <= k < len(head) and head[k].units <= 5 and not head[k].boiler:
                text = head[k].text
                names = parse_byline(text, need_by=False)
                if names and len(names) == 1 and len(names[0].split()) in (2, 3):
                    by_names, by_pos = names, k
                    break
                if k == above:
                    split = name_then_outlet(text)
                    names = (split[0],) if split else wire_dateline(text)
                    if names:
                        by_names, by_pos = names, k
                        break
    anchor = min((p for p in (date_pos, by_pos) if p is not None), default=len(head))
    taken, lead = (date_pos, by_pos), _lead_text(body_lead)
    skip = frozenset(k for k, line in enumerate(head) if site and _same_name(line.text, site))
    best = _stamped_headline(head, _pick_headline(head, anchor, taken, lead, url, skip), anchor,
                             taken, lead, url, skip)  # fmt: skip
    title = _shouted_tail(_last_crumb(head[best].text), head[best + 1 : best + 5]) if (
        best is not None) else None
    if by_names is None and best is not None:
        # A credit line under the headline and standfirst, often without "By" ("Ann Lee, AP
        # Sports Writer"); an author box at the foot may repeat it, so a repeat is no bar.
        # Within four lines that could say something: a share panel's one-word buttons
        # ("Share", "Pin", "Tweet") between them do not count.
        solid = 0
        for k in range(best + 1, min(len(head), best + 16)):
            line = head[k]
            if line.units <= 12 and not line.has_boiler_words():
                names = parse_credit(line.text)
                if names:
                    by_names, by_pos = names, k
                    break
            solid += line.units >= 2 and not line.boiler
            if solid >= 4:
                break
    standfirst = None
    if best is not None:
        for k in range(best + 1, min(len(head), best + 4)):
            line = head[k]
            if (
                k in (date_pos, by_pos)
                or line.date()
                or _NUM_DATE_RE.search(line.text)
                or _STAMP_RE.search(line.text[:40])
            ):
                continue
            if 8 <= line.units <= 70 and not (line.boiler or line.caption or line.appeal) and (
                    not _PICTURED_RE.search(line.text)):
                standfirst = line.text
                break
    credit = head[by_pos].text if by_pos is not None else None
    if date is None and by_pos is not None:
        # a meta row too long for a date line, read for its names: "Carlos Nadalim
        # 23/08/2018 2 comentários Alfabetização, Atividades, ..."
        date = head[by_pos].date()
    day = None
    if date is None and by_pos is not None:
        # "By Ann Lee" / "Nov 18": the year left out, as pages do for this year's stories
        day = next((md for k in (by_pos + 1, by_pos - 1) if 0 <= k < len(head)
                    and (md := month_day(head[k].text))), None)  # fmt: skip
    updated = date_pos is not None and _UPDATED.match(head[date_pos].text) is not None
    return _Header(title, standfirst, by_names or (), date, credit, day, updated)


def _year_below(head: list[_Line], k: int) -> bool:
    """Whether one of the two lines under line k opens with a year's first digits: the cheap
    test before a date set over lines ("November 20" / "15:23" / "2019") is looked for."""
    return any(ln.text[:2] in ("19", "20") for ln in head[k + 1 : k + 3])


def _head_start(lines: list[_Line], start: int, size: int = 60, most: int = 240) -> int:
    """Where the header search starts: ``size`` lines above ``start``, where a long run of
    one- and two-word items (a dropdown of 50 car makes between the headline and the body)
    counts as ten lines; never more than ``most`` lines up."""
    k = start
    counted = run = 0
    while k > 0 and counted < size and start - k < most:
        k -= 1
        run = run + 1 if lines[k].units <= 2 else 0
        counted += run <= 10
    return k


_UPDATED = re.compile(r"(?i)(?:last\s+)?updated\b")
_FIRST_PUBLISHED = re.compile(r"(?i)(?:first|originally)\s+published\b")


def _first_published(lines: list[_Line], end: int) -> str | None:
    """The date of a "First published on November 19, 2019 / 8:16 AM" line under the
    article, where the header gives only the update's stamp."""
    for line in lines[end : end + 6]:
        if _FIRST_PUBLISHED.match(line.text) and (found := line.date()):
            return found
    return None


def _foot_credit(lines: list[_Line], end: int) -> tuple[tuple[str, ...], str | None]:
    """The byline and date a page prints under the article instead of over it ("Written by
    Rachael Link, MS, RD on November 14, 2019" after the last paragraph), else ((), None):
    read only where the header gives neither."""
    for line in lines[max(0, end - 2) : end + 3]:
        if line.units <= 24 and (names := line.byline()) and (found := line.date()):
            return names, found
    return (), None


def _yearless_date(lines: list[_Line], start: int, raw: list[str]) -> str | None:
    """A publication stamp without its year in the header ("Updated Nov 19, 9:41 AM;Posted
    Nov 18, 8:19 PM"), dated in the year the page was printed (``_page_year``); else None."""
    head = (ln.text for ln in lines[max(0, start - 60) : start] if ln.units <= 16)
    stamps = [text for text in head if "osted" in text or "ublished" in text]
    year = _page_year(lines, raw) if stamps else None
    if year is None:
        return None
    return next((found for text in reversed(stamps) if (found := yearless_stamp(text, year))), None)


def _in_page_year(day: tuple[int, int] | None, lines: list[_Line], raw: list[str]) -> str | None:
    """A day and month without a year, dated in the year of the page's copyright line
    (``_page_year``), else None."""
    year = _page_year(lines, raw) if day else None
    return f"{year:04d}-{day[0]:02d}-{day[1]:02d}" if year and day else None


def _page_year(lines: list[_Line], raw: list[str]) -> int | None:
    """The year the page was printed: its copyright line's, unless a date on the page is
    later (a copyright line left at last year's: "© 2018" over a story of 2019)."""
    year = copyright_year(raw)
    if year is None:
        return None
    later = str(year + 1)
    for line in lines:
        found = line.date() if later in line.text or str(year + 2) in line.text else None
        if found and int(found[:4]) > year:
            return None
    return year


def _above_story_list(lines: list[_Line], start: int) -> int:
    """Where the header search starts: above a list of other stories set between the
    article's header and its body ("MORE STORIES": kicker, headline, date, again and
    again), whose dates and headlines are not the article's."""
    dates: list[int] = []
    k = start - 1
    while k >= 0 and not lines[k].prose and lines[k].units <= 15:
        if lines[k].is_date_line():
            if len(dates) >= 2 and dates[-2] - dates[-1] != dates[-1] - k:
                break
            dates.append(k)
        k -= 1
    # Three dates or more at one stride, the list's last item right above the body, each
    # date under a line of its own: a list, not a header (whose date and update stamp sit
    # together).
    if len(dates) >= 3 and start - dates[0] <= 2 and 2 <= dates[0] - dates[1] <= 5:
        return dates[-1] - (dates[0] - dates[1] - 1)
    return start


def _pick_headline(
    head: list[_Line],
    anchor: int,
    taken: tuple[int | None, ...],
    lead: str,
    url: str | None,
    skip: frozenset[int] = frozenset(),
) -> int | None:
    """The index in ``head`` of the headline: the line whose words the article's opening
    repeats, nearest the byline or date line at ``anchor``; ``taken``: the byline and date
    line themselves; ``skip``: lines that are no headline (the site's name)."""
    slug = _slug_words(url)
    # Distance to the anchor counts lines that could say something: a share panel or a
    # menu of one-word items between a headline and its byline does not push it away.
    solid = [0] * (len(head) + 1)
    for k, line in enumerate(head):
        solid[k + 1] = solid[k] + (line.units >= 2 and not line.boiler)
    anchors = {anchor, *(a for a in taken if a is not None)}

    def candidate(k: int) -> bool:
        return k >= 0 and k not in taken and k not in skip and _headline_like(head[k])

    echoes: dict[int, float] = {}

    def echo(k: int) -> float:
        if k not in echoes:
            echoes[k] = _echo(head[k].text, lead)
            if slug:
                echoes[k] = max(echoes[k], _slug_overlap(head[k].text, slug))
        return echoes[k]

    # Reading the opening for a line's words (``_echo``) is the costly part: each line's
    # score is bounded first as if the opening repeated all its words, the lines are
    # visited best bound first, and the visit stops where no bound reaches the best score.
    bounded: list[tuple[float, int, int, bool]] = []
    for k, line in enumerate(head):
        if k in taken or k in skip or not _headline_shape(line):
            continue
        # The gap to the byline or date line, whichever is nearer above it: a headline
        # may sit between a date line and the byline under it.
        gap = max(_gap(solid, k, a) for a in anchors)
        over_credit = gap < 0 and _over_credit(head, k)
        if over_credit:
            gap = 0  # right above a credit line ("Anna Menin"), under the date line
        # A line right above its credit is the likelier of two lines alike in all else.
        bound = _title_score(line, _ECHO_CAP, gap) + 0.05 * over_credit
        bounded.append((-bound, k, gap, over_credit))
    bounded.sort()
    best, best_score = None, _TITLE_FLOOR
    for minus_bound, k, gap, over_credit in bounded:
        if -minus_bound < best_score:
            break
        if not _headline_like(head[k]):
            continue
        score = _title_score(head[k], echo(k), gap) + 0.05 * over_credit
        # The best score; of equal scores, the first line's.
        if score > best_score or (best is not None and score == best_score and k < best):
            best, best_score = k, score
    if best is None:
        return None
    # Of two lines on the story, one above the other, the upper is the headline and the
    # lower its standfirst (a breadcrumb of a few words above the headline is neither).
    above = best - 1 if candidate(best - 1) or not candidate(best - 2) else best - 2
    if (
        best - 1 == taken[1]  # the byline between them: the upper is the headline over it
        and candidate(best - 2)
        and echo(best - 2) >= 0.25
        and head[best - 2].units >= 5
        and not head[best - 2].has_boiler_words()
    ):
        return best - 2
    if (
        best - 1 not in taken  # a date line between them: the upper is another item's
        and not (best - 1 >= 0 and head[best - 1].is_date_line())
        and candidate(above)
        and 5 <= head[above].units <= head[best].units
        and echo(above) >= 0.25
        and not head[above].has_boiler_words()
    ):
        return above
    return best


# Between the crumbs of a breadcrumb trail: "Mensagens » Mensagens de Autoestima » Só quem ..."
_CRUMB_SEP = re.compile(r"\s+[»›]\s+")


def _same_name(a: str, b: str) -> bool:
    """The same words, case and punctuation aside ("The Harbour Post", "THE HARBOUR POST")."""
    key = _NOT_WORD.sub("", a).casefold()
    return bool(key) and key == _NOT_WORD.sub("", b).casefold()


_NOT_WORD = re.compile(r"\W+")


def _last_crumb(title: str) -> str:
    """The headline where the line picked is a breadcrumb trail that ends with it (two
    separators or more, so that a headline's own "»" stays)."""
    crumbs = _CRUMB_SEP.split(title)
    return crumbs[-1] if len(crumbs) >= 3 and len(crumbs[-1].split()) >= 2 else title


def _shouted_tail(title: str, below: list[_Line]) -> str:
    """The headline where the line picked is a breadcrumb trail copied without separators
    ("Home Natural & Eco-FriendlyBabywearing Hiking the Boulder Flat Irons") and the page
    prints the headline under it in capitals ("HIKING THE BOULDER FLAT IRONS"): the trail's
    end, as the trail spells it."""
    for line in below:
        caps = line.text.strip()
        if len(caps.split()) < 3 or not caps.isupper() or len(caps) >= len(title):
            continue
        tail, before = title[-len(caps) :], title[-len(caps) - 1]
        # the tail starts a word: after a space, or glued to the crumb before it
        glued = before.islower() and tail[0].isupper()
        if tail.upper() == caps and (before.isspace() or glued):
            return tail
    return title


def _stamped_headline(
    head: list[_Line],
    best: int | None,
    anchor: int,
    taken: tuple[int | None, ...],
    lead: str,
    url: str | None,
    skip: frozenset[int] = frozenset(),
) -> int | None:
    """``best``, or a headline ending with a full stop ("... They just might be.") that
    scores better: ``_pick_headline`` passes such lines over, as captions and sentences end
    so, but one right over the story's publication stamp (``_over_stamp``) is a headline."""
    dotted = [
        k
        for k, line in enumerate(head)
        if k not in taken
        and k not in skip
        and line.text.endswith(".")
        and 3 <= line.units <= 20
        and not (line.caption or line.tail or line.appeal)
        and _over_stamp(head, k)
        and _headline_words(line)
    ]
    if not dotted:
        return best
    slug = _slug_words(url)
    solid = [0] * (len(head) + 1)
    for k, line in enumerate(head):
        solid[k + 1] = solid[k] + (line.units >= 2 and not line.boiler)
    anchors = {anchor, *(a for a in taken if a is not None)}

    def score(k: int) -> float:  # as ``_pick_headline`` scores a line
        echo = _echo(head[k].text, lead)
        if slug:
            echo = max(echo, _slug_overlap(head[k].text, slug))
        gap = max(_gap(solid, k, a) for a in anchors)
        over_credit = gap < 0 and _over_credit(head, k)
        return _title_score(head[k], echo, 0 if over_credit else gap) + 0.05 * over_credit

    best_score = _TITLE_FLOOR if best is None else score(best)
    for k in dotted:
        if (k_score := score(k)) > best_score:
            best, best_score = k, k_score
    return best


def _over_credit(head: list[_Line], k: int) -> bool:
    """Whether a bare credit line ("Anna Menin") follows line k, perhaps after an "Updated
    ..." stamp."""
    below = k + 1
    if below < len(head) and (head[below].is_date_line() or _WHEN_RE.search(head[below].text)):
        below += 1
    return below < len(head) and head[below].units <= 6 and bool(parse_credit(head[below].text))


def _gap(solid: list[int], k: int, anchor: int) -> int:
    """Lines that could say something between line k and the anchor below it; negative
    when the anchor is above."""
    return solid[anchor] - solid[k + 1] if k < anchor else -(solid[k] - solid[anchor] + 1)


def _lead(lines: list[_Line], keep: list[bool], start: int, end: int) -> list[str]:
    """The article's first few paragraphs (about 300 words)."""
    lead: list[str] = []
    words = 0.0
    for i in range(start, end):
        if keep[i]:
            lead.append(lines[i].text)
            words += lines[i].units
            if words >= 300:
                break
    return lead


# Function words of the languages most often pasted: they echo in any text.
_STOP_WORDS = """the and for with from that this are was were has have had not but its his her
    their they you your our will would can could about after into over than then what when
    who why how all new more one two says said just also been being which les des une est
    pour dans que qui par sur del los las por con para una der die das und mit von den dem ist"""
_STOP = frozenset(_STOP_WORDS.split())
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}")


def _lead_text(body_lead: list[str]) -> str:
    """The article's opening in lower case, for ``_echo``."""
    return " " + " ".join(body_lead).lower()


def _echo(text: str, lead: str) -> float:
    """The share of a line's content words that the article's opening repeats: a headline
    is about the story under it; a menu item, a teaser or a site slogan is not. Words are
    compared by their first five letters ("hibernating" meets "hibernation"); runs of
    unspaced script (Chinese, Japanese) by their character pairs."""
    low = text.lower()
    words = {w[:5] for w in _WORD_RE.findall(low) if len(w) >= 3 and w not in _STOP}
    pairs: set[str] = set()
    if not low.isascii():
        pairs = {run[i : i + 2] for run in _UNSPACED_RE.findall(low) for i in range(len(run) - 1)}
        pairs -= words
    if not words and not pairs:
        return 0.0
    # A substring test per word, in C, instead of splitting the opening into words; a short
    # word must start a word there ("war" is not "software").
    hits = sum((w if len(w) == 5 else " " + w) in lead for w in words)
    hits += sum(p in lead for p in pairs)
    return hits / (len(words) + len(pairs))


# Below this no line is taken for the headline: furniture with nothing better around it.
_TITLE_FLOOR = -0.6
# An echo counts up to this share of a line's words (``_title_score``).
_ECHO_CAP = 0.5


def _title_score(line: _Line, echo: float, gap: int) -> float:
    """How headline-like a line above the article is. ``gap``: the lines that could hold
    text between it and the byline or date line (or the article's first line); negative
    for a line below that anchor."""
    # Half its words echoed is as good as all: a short menu item echoes by chance as often.
    score = 2.0 * min(echo, _ECHO_CAP)
    # Headlines sit just above the byline and date (a standfirst between); some sites put
    # the date first.
    if gap < 0:
        score -= 0.2 + 0.1 * -gap
    else:
        score += 0.3 if gap == 0 else 0.25 if gap == 1 else -0.04 * gap
    if line.has_boiler_words():
        # "Advertise with us", "Continue reading the main story"; a headline may name
        # Twitter or the comments, so a longer line pays less.
        score -= 1.0 if line.units <= 6 else 0.4
    if line.units <= 4:
        score -= 0.3  # menu items and section names are short
        if line.boiler:
            score -= 0.3  # and printed more than once: "The Jersey Journal" in every menu
    elif line.units > 22:
        score -= 0.3  # a standfirst, or the article's first sentence without its stop
    return score


def _dated_byline(line: _Line) -> bool:
    """A byline that carries the date and time, too long for the plain byline test ("By Ann
    Lee and Bo Chan on Monday, November 18th, 2019 at 11:08 a.m.")."""
    return line.units <= 24 and bool(line.byline()) and line.date() is not None


def _stamped(line: _Line) -> bool:
    """A long stamp line that opens with its publication date ("PUBLISHED: November 19,
    2019 at 8:59 pm | UPDATED: ...")."""
    return line.units <= 30 and _PUBLISHED_RE.match(line.text) is not None and bool(line.date())


_PUBLISHED_RE = re.compile(r"(?i)(?:first\s+)?(?:published|posted)\b(?:\s+on)?\s*:?\s*\w")
_STAMP_RE = re.compile(r"(?i)\b(?:updated|published|posted|tested\s+by)\b")
_NUM_DATE_RE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}\b")
# A picture's caption under the headline: "Kristi Noem, ..., pictured at the White House".
_PICTURED_RE = re.compile(r"(?i)\b(?:pictured|seen here|shown here)\b")
# Lines that say when, not what: "Today 12:01 AM", "Published 1 day ago", "Posted on ...".
_WHEN_RE = re.compile(
    r"(?i)\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\W|$)|\bago$|^(?:updated|published|posted)\b"
    r"|\d{1,2}/\d{1,2}/\d{2}\b"
)
# "Anna Moneymaker/The New York Times", "Media captionWho is ...": picture credits and captions.
_CREDIT_RE = re.compile(r"^(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+ ?/ ?[A-Z]|^Media caption")
# "Catherine Shu @catherineshu / 2 days", "New, 15 comments", "You are here: Home > News".
_CHROME_RE = re.compile(r"(?:^|\s)@\w+|\b\d+ comments?\b|^you are here\b", re.I)


def _over_stamp(head: list[_Line], k: int) -> bool:
    """Whether line k sits right above the story's publication stamp ("Updated Nov 19, 9:41
    AM;Posted Nov 18, 8:19 PM"), where a headline that ends with a full stop ("... They just
    might be.") is still the headline: a caption or a sentence is not printed there."""
    below = head[k + 1] if k + 1 < len(head) else None
    return below is not None and bool(_PUBLISHED_AT.search(below.text))


# A publication stamp: "Posted Nov 18, 8:19 PM", "Published: 10:31 am", "Updated 2019-11-19";
# not a byline's date line, which a standfirst ending with a full stop may sit over.
_PUBLISHED_AT = re.compile(
    r"(?i)^(?:updated|published|posted)\b.{0,40}(?:\b\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b)"
)


def _headline_shape(line: _Line) -> bool:
    """The cheap half of ``_headline_like``: most lines near a headline are one-word menu
    items, and the other tests cost a regex each."""
    return (
        3 <= line.units <= 30
        and not line.text.endswith((".", ":"))
        and not (line.caption or line.tail or line.appeal)
    )


def _headline_like(line: _Line) -> bool:
    return _headline_shape(line) and _headline_words(line)


def _headline_words(line: _Line) -> bool:
    """The costly half of ``_headline_like``: what the line says is no date, byline, credit
    or page chrome."""
    if line.is_date_line() or line.byline() or line.shouting():
        return False
    text = line.text
    if text.startswith(("(", "[")) and text.endswith((")", "]")):
        return False  # "(Reed Saxon / Associated Press)": a credit or an aside, never a title
    if _WHEN_RE.search(text) or _CREDIT_RE.match(text):
        return False
    if line.units <= 8 and _CHROME_RE.search(text):
        return False
    if text.startswith(("http://", "https://", "www.")):
        return False  # the page's own address, printed for sharing
    # "By Staff Reports -": a byline whose names we could not read
    return not (line.units <= 6 and text.startswith("By ") and ":" not in text)


# ---------------------------------------------------------------- public API


_SPACE_RUN = re.compile(r"  +")


def _split_lines(text: str) -> list[str]:
    """The page's lines, with runs of spaces and no-break spaces inside them collapsed: a
    copy's spacing is an accident of the page, and every later test (repeats, furniture
    vocabulary) should see "Sharing  is caring!" as "Sharing is caring!". Tabs stay: they
    mark table cells."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return list(map(str.strip, text.split("\n")))  # map: no bytecode per line


def _cut_hover_cards(page: list[str]) -> dict[str, list[str]]:
    """Cut hover cards out of the page's lines in place (before the lines are judged, so a
    paragraph is not taken for a list of links): each line that had one -> its cards."""
    cards: dict[str, list[str]] = {}
    for i, text in enumerate(page):
        if " MORE" in text:
            page[i], cut = strip_hover_cards(text)
            if cut:  # a line repeated with its card reports the card once per copy
                cards.setdefault(page[i], cut)
    return cards


# A blog's pull quote closes with its share button, glued to it: "... the 'space-time
# continuum.'Click To Tweet".
_TWEET_BUTTON_RE = re.compile(r"\s*Click [Tt]o Tweet$")


def _cut_tweet_buttons(page: list[str], cards: dict[str, list[str]]) -> None:
    """Cut the button off the lines that end with one, in place; ``cards`` gets each cut line's
    button, as it gets hover cards, so that the removed lines show it."""
    for i, text in enumerate(page):
        if text.endswith("o Tweet") and (match := _TWEET_BUTTON_RE.search(text)) and match.start():
            page[i], button = text[: match.start()], match.group().strip()
            cut = cards.setdefault(page[i], [])
            if button not in cut:  # a line printed twice reports its button once per copy
                cut.append(button)


def _describe_lines(all_lines: list[str]) -> list[_Line]:
    """The non-empty lines, described; a line met again (menus, share rows) is described once."""
    lines: list[_Line] = []
    seen: dict[str, _Line] = {}
    # Padded with an empty line at each end, so that every line has two neighbours.
    padded = ["", *all_lines, ""]
    for i, text in enumerate(all_lines):
        if not text:
            continue
        known = seen.get(text)
        if known is None:
            line = seen[text] = describe(len(lines), text)
        else:
            line = known.at(len(lines))
        line.spaced = not padded[i] and not padded[i + 2]
        line.gap_above = not padded[i]
        lines.append(line)
    return lines


def clean_pasted_text(text: str, url: str | None = None) -> Article:
    """Remove a pasted page's boilerplate and read its metadata.

    ``Article.body`` holds the article's paragraphs only (not the headline,
    standfirst, byline or date line); ``Article.removed`` every dropped line,
    in page order (both with runs of spaces inside a line collapsed to one).
    """
    page = _split_lines(text)
    # Every hover card closes with "MORE": most pages have none, one scan of the text says so.
    cards = _cut_hover_cards(page) if "MORE" in text else {}
    if "o Tweet" in text:
        _cut_tweet_buttons(page, cards)
    lines = _describe_lines(page)
    raw = [line.text for line in lines]
    _mark_repeats(lines, raw)
    _spread_appeals(lines)
    if TEASERS:
        _mark_teasers(lines)
        _mark_cards(lines)
    start, end = _main_block(lines)
    if end <= start or not any(line.prose or line.units >= 3 for line in lines[start:end]):
        return Article(
            meta=SourceMeta(url=url, outlet=find_outlet(raw, url)), body=(), removed=tuple(raw)
        )
    keep = _keep_inside(lines, start, end)
    lead = _lead(lines, keep, start, end)
    header = _header_meta(lines, start, url, lead)
    outlet = find_outlet(raw, url, header.credit)
    if header.title and outlet and _same_name(header.title, outlet):
        header = _header_meta(lines, start, url, lead, outlet)  # the masthead, read as a headline
    _keep_spaced_above(lines, keep, start, {header.title, header.standfirst})
    _drop_author_bio(lines, keep, start, end, header.byline)
    date = header.published or next(
        (lines[i].date() for i in range(start, min(end, start + 3)) if lines[i].is_date_line()),
        None,
    ) or _yearless_date(lines, start, raw) or _in_page_year(header.month_day, lines, raw)
    if header.updated:
        date = _first_published(lines, end) or date
    byline = header.byline
    if not byline and date is None:
        byline, date = _foot_credit(lines, end)
    outlet = outlet or bio_outlet(raw, byline)
    body: list[str] = []
    removed: list[str] = []
    for line, kept in zip(lines, keep, strict=True):
        if kept:
            body.append(line.text)
        else:
            removed.append(line.text)
        if cards:  # most pages have none: no lookup per line
            removed += cards.get(line.text, ())
    meta = SourceMeta(
        url=url,
        outlet=outlet,
        title=header.title,
        standfirst=header.standfirst,
        byline=_without_site_names(byline, outlet),
        published=date,
    )
    return Article(meta=meta, body=tuple(body), removed=tuple(removed))


def _without_site_names(byline: tuple[str, ...], outlet: str | None) -> tuple[str, ...]:
    """The byline's names without those that end with the site's own name, a menu's
    section read for a name ("Reportagens Autoracing" on Autoracing); an agency stays."""
    if not outlet or len(outlet) < 3:
        return byline
    tail = " " + outlet.casefold()
    return tuple(n for n in byline if fold(n) in WIRE_SERVICES or not n.casefold().endswith(tail))


def article_from_clean_text(text: str, url: str | None = None) -> Article:
    """An Article from text that is already the body (``--input clean``).

    Paragraphs are blocks separated by blank lines; with no blank line at all,
    every non-empty line is a paragraph. Nothing is removed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blank = re.compile(r"\n[ \t]*\n")
    parts = blank.split(text) if blank.search(text) else text.split("\n")
    body = tuple(p.strip() for p in parts if p.strip())
    return Article(meta=SourceMeta(url=url), body=body)
