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
   just above the block (see :mod:`bot.textmeta`).

Everything is line-local arithmetic and a few regexes: a 1,000-word page takes
a few milliseconds. Scripts written without spaces (Chinese, Japanese, Thai)
are measured in characters so their paragraphs count as prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.model import Article, SourceMeta
from bot.textmeta import find_outlet, is_date_line, parse_byline, parse_date

# ---------------------------------------------------------------- line features

_NOSPACE_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
_THAI_LIKE_RE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_WORD_RE = re.compile(r"\w+")
_SENT_END = tuple(".!?…:;。！？")
_CLOSERS = "\"'”’»)]」』）*"
_CJK_STOP_RE = re.compile(r"[。！？]")


def word_units(line: str) -> float:
    """Length in words; unspaced scripts count about two characters (Thai four) a word."""
    return _units(line, not line.isascii() and _NOSPACE_RE.search(line) is not None)


def _units(line: str, unspaced: bool) -> float:
    """``word_units`` for a line already known to hold unspaced script or not."""
    if not unspaced:  # the common case: one regex pass, not three
        return float(len(_WORD_RE.findall(line)))
    spaced = _NOSPACE_RE.sub(" ", line)
    units = float(len(_WORD_RE.findall(spaced)))
    nospace = _NOSPACE_RE.findall(line)
    if nospace:
        thai = len(_THAI_LIKE_RE.findall(line))
        units += (len(nospace) - thai) / 2 + thai / 4
    return units


# Boilerplate vocabulary. A short line that matches is page furniture; a long one
# is only furniture when the match is an appeal (a paragraph asking for money).
_BOILER_RE = re.compile(
    r"""(?ix)
    \b(?:cookies?|newsletters?|subscribe[drs]?|subscriptions?|sign[\s-]?(?:up|in|out)|log[\s-]?(?:in|out)
    |register(?:ing)?|my\s+account|privacy(?:\s+policy)?|terms\s+(?:of|and)\s+|all\s+rights\s+reserved
    |copyright|advertisement|advertising|advertise|sponsored|promoted|share\s+(?:on|this|via|the|article|story)
    |facebook|twitter|whatsapp|linkedin|pinterest|reddit|instagram|youtube|telegram|e-?mail\s+(?:us|this)
    |related(?:\s+(?:articles?|stories|content|coverage|topics|posts|news))?\s*:?$|^related\b|read\s+(?:more|next|also)
    |see\s+also|more\s+(?:from|on|about|stories|news|in)\b|recommended|most\s+(?:read|popular|viewed|shared)
    |trending|you\s+may\s+(?:also\s+)?like|don'?t\s+miss|also\s+read|comments?|reply|leave\s+a\s+
    |join\s+(?:the|our)\s+(?:conversation|discussion|commenting)|notifications?|skip\s+to|jump\s+to
    |main\s+(?:menu|content|story)|continue\s+reading|click(?:ing)?\s+here|follow\s+us|download\s+(?:the|our)\s+app
    |donat(?:e|ion|ions)|contribut(?:e|ion)|support\s+(?:us|our|independent|quality)|your\s+support
    |paywalls?|getty\s*images|shutterstock|photo(?:graph)?\s*(?:by|credit)?\s*:|image\s*(?:credit)?\s*:
    |picture\s*:|credit\s*:|\(ap\s+photo|ap\s+photo/|afp\s+via|/\s*reuters$|file\s+photo|tags?\s*:|topics\s*:
    |filed\s+under|about\s+the\s+author|print\s+this|back\s+to\s+top|loading|watch\s*:|listen\s*:
    |min(?:ute)?s?\s+read|updated\s*:|published\s*:|image\s+\d+\s+of\s+\d+|enlarge\s+this|toggle
    |we\s+use\s+cookies|accept\s+(?:all|cookies)|manage\s+(?:preferences|cookies)|©|\(c\)\s*\d{4}
    |lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|datenschutz|impressum|anzeige|teilen|abonnieren
    |à\s+lire\s+aussi|lire\s+aussi|partager|publicité|leer\s+más|lea\s+también|compartir|publicidad
    |leia\s+(?:também|mais)|publicidade|compartilhe|leggi\s+anche|condividi|pubblicità
    )
    |分享|相关(?:阅读|新闻|文章|报道)|责任编辑|编辑：|版权所有|广告|关注我们|関連記事|シェア|広告|続きを読む
    |อ่านเพิ่มเติม|แชร์|โฆษณา|관련기사|공유하기|광고""",
)
# Lines that announce what follows is no longer the article.
_TAIL_RE = re.compile(
    r"""(?ix)^(?:
    comments?(?:\s*\(\d+\))?|\d+\s+comments?|join\s+(?:the|our)\s+\w+|leave\s+a\s+(?:reply|comment)
    |related(?:\s+\w+)?|read\s+more|more\s+(?:from|on|stories|in)\b.*|recommended(?:\s+\w+)?
    |you\s+may\s+(?:also\s+)?like.*|most\s+(?:read|popular|viewed)|trending(?:\s+\w+)?|popular\s+\w+
    |about\s+the\s+author|share\s+this\s+(?:article|story)|tags|topics|filed\s+under.*|site\s+index
    |site\s+information.*|footer.*|more\s+news|latest(?:\s+news|\s+stories)?|what\s+to\s+read\s+next
    |sponsored(?:\s+stories|\s+content)?|around\s+the\s+web|from\s+around\s+the\s+web
    )\s*:?$""",
)
_APPEAL_RE = re.compile(
    r"(?i)\b(?:donat(?:e|ion|ions|ing)|paywalls?|subscri(?:be|ption|bers?)|your support"
    r"|support (?:us|our journalism|independent)|contribut(?:e|ion)|membership|sign up"
    r"|newsletters?|inbox|e-?mails?|spam|unsubscribe|join our|forums?|news tip|cookies?"
    r"|privacy policy|terms of (?:use|service))\b"
)
_CAPTION_RE = re.compile(
    r"(?i)(?:^(?:photo|image|picture|pic|credit|source|caption|illustration|video|graphic)s?\b\s*[:.|]"
    r"|^(?:above|below|top|pictured|left|right|main|inset)\s*:"
    r"|^(?:photo|image|picture|video|illustration)s?\s+(?:by|credit|courtesy)\b"
    r"|\b(?:getty\s*images|shutterstock|afp|epa|ap\s+photo|reuters|pa\s+(?:wire|media)|alamy"
    r"|istock|bloomberg|dpa|xinhua|handout)\b\s*\)?\s*$|^credit\.{0,3}$|\(photo[^)]*\)\s*$"
    r"|\((?:ap|afp|reuters|getty|epa|pa)\s*(?:photo|images?)?\s*/[^)]*\)?\s*$)"
)
_MENU_SEP_RE = re.compile(r"\s[|/•·»]\s")


# Cheap tests that must pass before the costly regexes above can match: literal pieces
# every match contains, looked for in the case-folded line. Most lines are prose that
# holds none of them, and a substring scan costs a fraction of a case-insensitive
# alternation tried at every position.
def _literal_trie(words: tuple[str, ...]) -> re.Pattern[str]:
    """A regex matching any of ``words`` (literally), as a trie so each position is cheap."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        if "" in node:  # a shorter word ends here: containing it is enough
            return ""
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(emit(trie))


def _fold(text: str) -> str:
    """Lower case as re.IGNORECASE sees it, one character for one: the dotless i, the long s
    and the dotted capital I equal ASCII letters there but not under str.lower()."""
    if not text.isascii():
        text = text.replace("İ", "i").replace("ı", "i").replace("ſ", "s")
    return text.lower()


def _on_folded(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` without its case-insensitive flag, for folded text: three to four times faster,
    and it matches the same lines (the patterns' letters are ASCII or uncased)."""
    return re.compile(rx.pattern.replace("(?ix)", "(?x)", 1).replace("(?i)", "", 1))


_BOILER_HINT = _literal_trie(
    (
        "cookie", "newsletter", "subscribe", "subscription", "sign", "log", "register",
        "account", "privacy", "terms", "reserved", "copyright", "advertis", "sponsored",
        "promoted", "share", "facebook", "twitter", "whatsapp", "linkedin", "pinterest",
        "reddit", "instagram", "youtube", "telegram", "mail", "related", "read", "also",
        "more", "recommended", "most", "trending", "like", "miss", "comment", "reply", "leave",
        "join", "notification", "skip", "jump", "main", "continue", "click", "follow",
        "download", "donat", "contribut", "support", "paywall", "getty", "shutterstock",
        "photo", "image", "picture", "credit", "afp", "reuters", "tag", "topics", "filed",
        "author", "print", "back", "loading", "watch", "listen", "updated", "published",
        "enlarge", "toggle", "accept", "manage", "©", "(c)", "lesen", "thema", "datenschutz",
        "impressum", "anzeige", "teilen", "abonnieren", "lire", "partager", "publicit", "leer",
        "tambi", "compartir", "publicid", "leia", "compartilhe", "leggi", "condividi",
        "pubblicit", "分享", "相关", "责任编辑", "编辑：", "版权所有", "广告", "关注我们",
        "関連記事", "シェア", "広告",
        "続きを読む", "อ่านเพิ่มเติม", "แชร์", "โฆษณา", "관련기사", "공유하기", "광고",
    )
)  # fmt: skip
_APPEAL_HINT = _literal_trie(
    (
        "donat", "paywall", "subscri", "support", "contribut", "membership", "sign up",
        "newsletter", "inbox", "mail", "spam", "join our", "forum", "news tip", "cookie",
        "privacy policy", "terms of ",
    )
)  # fmt: skip
_CAPTION_STARTS = (
    "photo", "image", "pic", "credit", "source", "caption", "illustration", "video", "graphic",
    "above", "below", "top", "left", "right", "main", "inset",
)  # fmt: skip
_CAPTION_ENDS = (
    "images", "shutterstock", "afp", "epa", "photo", "reuters", "wire", "media", "alamy",
    "istock", "bloomberg", "dpa", "xinhua", "handout",
)  # fmt: skip


def _might_be_caption(low: str) -> bool:
    """False when _CAPTION_RE cannot match the folded line ``low``: its patterns are
    anchored at the start, end with a credit word, or hold "(photo" or "(agency/"."""
    if low.startswith(_CAPTION_STARTS) or ("(" in low and "/" in low) or "(photo" in low:
        return True
    end = low.rstrip()
    if end.endswith(")"):
        end = end[:-1].rstrip()
    return end.endswith(_CAPTION_ENDS)


_BOILER_FOLDED = _on_folded(_BOILER_RE)
_APPEAL_FOLDED = _on_folded(_APPEAL_RE)
_CAPTION_FOLDED = _on_folded(_CAPTION_RE)


def _is_boiler_text(low: str) -> bool:
    return _BOILER_HINT.search(low) is not None and _BOILER_FOLDED.search(low) is not None


def _is_appeal_text(low: str) -> bool:
    return _APPEAL_HINT.search(low) is not None and _APPEAL_FOLDED.search(low) is not None


_AGO_RE = re.compile(
    r"(?i)^(?:\d+\s*(?:[smhd]|mins?|minutes?|hrs?|hours?|days?|weeks?|months?)\s+ago\b.*"
    r"|(?:just\s+now|yesterday|today)$)"
)
_BRACKETED_RE = re.compile(r"^[\[(][^\])]{0,40}[\])]$")
_PERSON_RE = re.compile(r"(?i)\b(?:we|our|us|you|your)\b")


@dataclass(slots=True)
class _Line:
    index: int  # position in the list of non-empty lines
    text: str
    units: float
    sentence: bool  # ends like a sentence
    prose: bool
    boiler: bool
    appeal: bool  # asks the reader for something (money, e-mail, consent)
    caption: bool
    tail: bool
    table: bool
    teaser: bool = False
    spaced: bool = True  # a blank line on both sides, as <p> paragraphs get


def _shouting(text: str) -> bool:
    # Lower case letters in the first part alone often rule it out, at a fraction of the cost:
    # more than a tenth of all characters in lower case leaves under 90% in upper case.
    if sum(map(str.islower, text[: len(text) // 4 + 20])) * 10 >= len(text) + 10:
        return False
    upper = sum(map(str.isupper, text))
    cased = upper + sum(map(str.islower, text))
    return cased >= 15 and upper > 0.9 * cased


def _title_case_share(text: str) -> float:
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _describe(index: int, text: str) -> _Line:
    ascii_only = text.isascii()  # most lines: no unspaced script, no CJK full stop to look for
    unspaced = not ascii_only and _NOSPACE_RE.search(text) is not None
    units = _units(text, unspaced)
    low = _fold(text)
    sentence = text.rstrip(_CLOSERS).endswith(_SENT_END) or (
        not ascii_only and bool(_CJK_STOP_RE.search(text))
    )
    table = text.count("\t") >= 2
    # Only a line long enough to be prose needs the menu test.
    prose = (
        not table
        and ((units >= 10 and sentence) or units >= 20)
        and not (units >= 6 and not unspaced and _menu_like(text))
    )
    # Only short lines can be furniture by vocabulary alone; skipping the long ones
    # saves most of the regex time.
    boiler_hit = units < 16 and _is_boiler_text(low)
    appeal_hits = len(_APPEAL_FOLDED.findall(low)) if _APPEAL_HINT.search(low) else 0
    appeal = appeal_hits >= 1 and (units < 16 or bool(_PERSON_RE.search(text)))
    boiler = (
        (boiler_hit and units < 16)
        or (appeal_hits >= 2 and units < 80)
        or bool(_AGO_RE.match(text))
    )
    caption = units < 40 and _might_be_caption(low) and bool(_CAPTION_FOLDED.search(low))
    tail = units <= 8 and bool(_TAIL_RE.match(text.strip(" \t:>»›-–—|•·")))
    return _Line(index, text, units, sentence, prose, boiler, appeal, caption, tail, table)


def _menu_like(text: str) -> bool:
    """Separated items ("Home | News | Sport") or mostly capitalised words."""
    seps = text.count("|") + text.count("/") + text.count("•") + text.count("·")
    if seps + text.count("»") >= 2 and len(_MENU_SEP_RE.findall(text)) >= 2:
        return True
    # Words after a space that start with a-z are lower-case words: a quarter of them (and
    # one more, a margin for rounding) rule out the title-case test without running it.
    limit = len(text.split()) + 4
    # Counted in the first half first: in prose that is usually enough, and never too many.
    if len(_LOWER_WORD_RE.findall(text, 0, len(text) // 2)) * 4 > limit:
        return False
    if len(_LOWER_WORD_RE.findall(text)) * 4 > limit:
        return False
    return _title_case_share(text) > 0.75


_LOWER_WORD_RE = re.compile(r" [a-z]")


def _mark_repeats(lines: list[_Line]) -> None:
    """A line printed twice on one page (menus, teasers, share rows) is furniture."""
    seen: dict[str, int] = {}
    for line in lines:
        if line.units >= 2 and not line.table:
            seen[line.text] = seen.get(line.text, 0) + 1
    for line in lines:
        if seen.get(line.text, 0) > 1:
            line.boiler = True


def _spread_appeals(lines: list[_Line]) -> None:
    """Mark the paragraphs of a donation/subscription appeal as boilerplate.

    An appeal is a short furniture line ("Your support helps us...") with
    paragraphs addressed to the reader next to it; a paragraph sandwiched
    between two appeal lines belongs to it too.
    """
    if not any(line.boiler and line.appeal for line in lines):
        return  # no appeal line for a paragraph to join: the usual page
    n = len(lines)

    def appeal_boiler(i: int) -> bool:
        return 0 <= i < n and lines[i].boiler and lines[i].appeal

    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if line.boiler:
                continue
            near = appeal_boiler(i - 1) or appeal_boiler(i + 1)
            if (line.appeal and near) or (appeal_boiler(i - 1) and appeal_boiler(i + 1)):
                line.boiler = line.appeal = True
                changed = True


def _mark_teasers(lines: list[_Line]) -> None:
    """Prose standing alone between short lines is a teaser's summary, not article text.

    Teaser lists repeat "Headline / one-sentence summary / 2H ago"; an article's
    paragraphs come in runs.
    """
    n = len(lines)
    candidates: list[int] = []
    for i in range(1, n - 1):
        prev, line, nxt = lines[i - 1], lines[i], lines[i + 1]
        if not line.prose or line.units > 45 or prev.prose or nxt.prose or prev.boiler:
            continue
        boxed = i >= 2 and not lines[i - 2].prose and i + 2 < n and not lines[i + 2].prose
        titled = not prev.sentence and prev.units >= 3
        if boxed or (titled and (nxt.boiler or nxt.units < 8 or not nxt.sentence)):
            candidates.append(i)
    # A list repeats its shape; one paragraph set off by a caption or a date line is not a list.
    for k, i in enumerate(candidates):
        near = [j for j in candidates[max(0, k - 1) : k + 2] if j != i and abs(j - i) <= TEASER_GAP]
        if near:
            lines[i].teaser = True


def _score(line: _Line) -> float:
    if line.tail:
        return -25.0
    if line.boiler or line.caption:
        return -8.0
    if line.teaser:
        return -1.0
    if line.prose:
        return min(line.units, 60.0)
    if line.table or (line.sentence and line.units >= 5):
        return 1.0
    return -2.0


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


def _main_block(lines: list[_Line]) -> tuple[int, int]:
    if not lines:
        return (0, 0)
    scores = [_score(line) for line in lines]
    # Where the page sets its paragraphs apart with blank lines (a copy of <p>s), prose
    # packed between other lines is more likely a teaser, a comment or a caption.
    prose = [line for line in lines if line.prose]
    if prose and sum(line.spaced for line in prose) >= 0.4 * len(prose):
        for k, line in enumerate(lines):
            if line.prose and not line.spaced and scores[k] > 0:
                scores[k] *= 0.3
    start, end = _best_run(scores)
    return _trim_head(lines, scores, start, end)


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
        if lines[i].units <= 14 and not text.startswith(("—", "–", "-")) and (
            is_date_line(text) or parse_byline(text)
        ):
            start = i + 1
        seen += max(0.0, scores[i])
    while start < end and not lines[start].prose:
        start += 1
    # The article's closing short sentences ("We hope to see you soon!") scored too low
    # to join the run; furniture rarely ends in a full stop.
    while (
        EXTEND
        and end < len(lines)
        and lines[end].sentence
        and lines[end].units >= 3
        and not (lines[end].boiler or lines[end].caption or lines[end].tail or lines[end].appeal)
    ):
        end += 1
    return start, end


# ---------------------------------------------------------------- keep / drop


MIN_UNITS = 2.0
TEASERS = True
TEASER_GAP = 8
HEAD_SHARE = 0.15
EXTEND = True
RUN_TITLE = 0.8


def _linkish_run(lines: list[_Line], i: int, start: int, end: int) -> bool:
    """Whether line i sits in a run of short lines that reads as a link list, not a list."""
    a = i
    while a > start and not lines[a - 1].prose:
        a -= 1
    b = i
    while b + 1 < end and not lines[b + 1].prose:
        b += 1
    run = [ln for ln in lines[a : b + 1] if not (ln.boiler or ln.caption)]
    if len(run) < 2:
        return False
    return sum(_title_case_share(ln.text) for ln in run) / len(run) > RUN_TITLE


def _keep_inside(lines: list[_Line], start: int, end: int) -> list[bool]:
    keep = [start <= i < end for i in range(len(lines))]
    for i in range(start, end):
        line = lines[i]
        if line.boiler or line.caption or line.tail or _BRACKETED_RE.match(line.text):
            keep[i] = False
            continue
        if line.units >= 6 and _shouting(line.text):
            keep[i] = False  # an all-capitals "READ MORE"-style link set into the text
            continue
        if line.prose or line.table:
            continue
        # A short line stays when it reads as part of the article (a subhead or a
        # one-line quote) rather than as a row in a stack of short links.
        if not line.sentence and (line.units < MIN_UNITS or _linkish_run(lines, i, start, end)):
            keep[i] = False
    # Appeals and furniture prose trailing off the end of the text ("Need more? Subscribe...").
    kept = [i for i in range(start, end) if keep[i]]
    for i in reversed(kept[1:]):
        line = lines[i]
        low = _fold(line.text)
        if line.units < 60 and (
            _is_appeal_text(low) or _is_boiler_text(low)
        ):
            keep[i] = False
        else:
            break
    # A caption's text sits right above or below its credit ("Photo by Lee Chan").
    for i in range(start, end):
        if not lines[i].caption or lines[i].units >= 8:
            continue
        for j in (i - 1, i + 1):
            if start <= j < end and keep[j] and lines[j].units < 15:
                keep[j] = False
    return keep


# ---------------------------------------------------------------- metadata


@dataclass(frozen=True, slots=True)
class _Header:
    title: str | None = None
    standfirst: str | None = None
    byline: tuple[str, ...] = ()
    published: str | None = None


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = url.split("?", 1)[0].split("#", 1)[0].split("//", 1)[-1].partition("/")[2]
    return {w for w in re.split(r"[^a-z]+", path.lower()) if len(w) > 2}


def _header_meta(lines: list[_Line], start: int, url: str | None) -> _Header:
    """Headline, standfirst, byline and date line from the lines just above the main block."""
    lo = max(0, start - 30)
    head = lines[lo:start]
    date = by_names = None
    date_pos = by_pos = None
    for k in range(len(head) - 1, -1, -1):
        text = head[k].text
        if date is None and is_date_line(text):
            date, date_pos = parse_date(text), k
            names = parse_byline(text, need_by=False)
            if names and by_names is None:
                by_names, by_pos = names, k
        elif by_names is None and head[k].units <= 12 and (names := parse_byline(text)):
            by_names, by_pos = names, k
    if by_names is None and date_pos is not None:
        # A bare name right next to the date line ("Arpan Rai" / "Thursday 24 October 2024").
        for k in (date_pos - 1, date_pos + 1):
            if 0 <= k < len(head) and head[k].units <= 5 and not head[k].boiler:
                names = parse_byline(head[k].text, need_by=False)
                if names and len(names) == 1 and len(names[0].split()) in (2, 3):
                    by_names, by_pos = names, k
                    break
    anchor = min((p for p in (date_pos, by_pos) if p is not None), default=len(head))
    slug = _slug_words(url)
    best, best_score = None, 0.0
    overlaps: dict[int, float] = {}
    for k in range(anchor):
        if not _headline_like(head[k]):
            continue
        words = {w.lower() for w in _WORD_RE.findall(head[k].text)}
        overlaps[k] = len(words & slug) / max(1, len(slug)) if slug else 0.0
        score = (
            1.0 + 3.0 * overlaps[k] - 0.05 * (anchor - k) + (0.3 if not head[k].boiler else -1.0)
        )
        if score > best_score:
            best, best_score = k, score
    if best is not None and head[best].units >= 10:
        # A long line just under a shorter headline is the standfirst, not the title.
        for k in (best - 1, best - 2):
            if (
                k in overlaps
                and head[k].units < head[best].units
                and (overlaps[k] >= overlaps[best])
            ):
                best = k
                break
    title = head[best].text if best is not None else None
    standfirst = None
    if best is not None:
        for k in range(best + 1, min(len(head), best + 4)):
            line = head[k]
            if (
                k in (date_pos, by_pos)
                or parse_date(line.text)
                or _NUM_DATE_RE.search(line.text)
                or _STAMP_RE.search(line.text[:40])
            ):
                continue
            if 8 <= line.units <= 70 and not (line.boiler or line.caption or line.appeal):
                standfirst = line.text
                break
    return _Header(title, standfirst, by_names or (), date)


_STAMP_RE = re.compile(r"(?i)\b(?:updated|published|posted|tested\s+by)\b")
_NUM_DATE_RE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}\b")


def _headline_like(line: _Line) -> bool:
    if line.caption or line.tail or line.appeal:
        return False
    if is_date_line(line.text) or parse_byline(line.text) or _shouting(line.text):
        return False
    return 3 <= line.units <= 30 and not line.text.endswith((".", ":"))


# ---------------------------------------------------------------- public API


def _split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [ln.strip() for ln in text.split("\n")]


def clean_pasted_text(text: str, url: str | None = None) -> Article:
    """Remove a pasted page's boilerplate and read its metadata.

    ``Article.body`` holds the article's paragraphs only (not the headline,
    standfirst, byline or date line); ``Article.removed`` every dropped line,
    verbatim, in page order.
    """
    all_lines = _split_lines(text)
    raw: list[str] = []
    lines: list[_Line] = []
    for i, t in enumerate(all_lines):
        if t:
            line = _describe(len(raw), t)
            line.spaced = (i == 0 or not all_lines[i - 1]) and (
                i + 1 == len(all_lines) or not all_lines[i + 1]
            )
            raw.append(t)
            lines.append(line)
    _mark_repeats(lines)
    _spread_appeals(lines)
    if TEASERS:
        _mark_teasers(lines)
    start, end = _main_block(lines)
    if end <= start or not any(line.prose or line.units >= 3 for line in lines[start:end]):
        return Article(
            meta=SourceMeta(url=url, outlet=find_outlet(raw, url)), body=(), removed=tuple(raw)
        )
    keep = _keep_inside(lines, start, end)
    header = _header_meta(lines, start, url)
    date = header.published or next(
        (parse_date(lines[i].text) for i in range(start, min(end, start + 3))
         if is_date_line(lines[i].text)),
        None,
    )  # fmt: skip
    body = tuple(lines[i].text for i in range(len(lines)) if keep[i])
    removed = tuple(lines[i].text for i in range(len(lines)) if not keep[i])
    meta = SourceMeta(
        url=url,
        outlet=find_outlet(raw, url),
        title=header.title,
        standfirst=header.standfirst,
        byline=header.byline,
        published=date,
    )
    return Article(meta=meta, body=body, removed=removed)


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
