"""How often the watcher's "what changed" judgement is right, on real articles.

    .venv/bin/python bench/eval_diff.py                # table: all, ids 0-7 (tuned), 8-f (held out)
    .venv/bin/python bench/eval_diff.py --show figure  # print the failures of one operator
    .venv/bin/python bench/eval_diff.py --ids 0123     # only ids starting with these chars

Each article is a page's pasted text from ../shared/data/cleaning-dev/text (plus the seed
story in ../shared/data/seed), read at run time and never copied. Seeded edit operators
make a second version with a known label: IMMATERIAL (whitespace, quote and dash styles, an
"Updated ..." line, a changed timestamp, a typo fix, furniture added or re-ordered, a page
flipping back) or MATERIAL with the field the diff should report. Both versions go through
the watcher's path: bot.pipeline cleans them, the stored version is rebuilt from its JSON
(``article_from_json`` + ``build_digest``, as ``watcher.digest_from_version`` does), equal
content hashes are "unchanged", and otherwise ``diff_digests`` judges.

Per operator: false alarms (immaterial judged material), misses (material judged not
material) and field accuracy (the expected field, with the right old/new). Rules in
bot/diff.py were tuned looking at ids 0-7 only; ids 8-f are reported as held out.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from bot.diff import StoryDiff, diff_digests, is_timestamp  # noqa: E402
from bot.errors import NewsdeskError  # noqa: E402
from bot.model import Digest, InputMode, RawDocument, article_from_json  # noqa: E402
from bot.pipeline import build_digest, content_hash, digest_raw  # noqa: E402
from bot.watcher import EARLIER_VERSIONS  # noqa: E402
from config.settings import Settings, get_settings  # noqa: E402

# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Page:
    id: str
    text: str  # the raw page: pasted text, or HTML with --input html
    digest: Digest  # the original version, cleaned
    html: bool = False


def load_pages(settings: Settings, prefixes: str, is_html: bool = False) -> list[Page]:
    folder, ext = ("html", "html") if is_html else ("text", "txt")
    sources: list[tuple[str, Path]] = [
        (p.stem, p) for p in sorted((SHARED / "cleaning-dev" / folder).glob(f"*.{ext}"))
    ]
    for p in sorted((SHARED / "seed").glob("*.txt")) if not is_html else ():
        # The seed has no hex id: hash its name so it falls in a half like the rest.
        sources.append((hashlib.sha256(p.name.encode()).hexdigest(), p))
    pages: list[Page] = []
    for pid, path in sources:
        if prefixes and pid[0] not in prefixes:
            continue
        text = path.read_text(encoding="utf-8")
        try:
            pages.append(Page(pid, text, _digest(text, settings, is_html), is_html))
        except NewsdeskError:
            continue  # not an article for the cleaner: nothing to watch
    return pages


def _digest(text: str, settings: Settings, is_html: bool = False) -> Digest:
    mode = InputMode.HTML if is_html else InputMode.TEXT
    return digest_raw(RawDocument(content=text, is_html=is_html), mode, settings)


def _stored(d: Digest) -> Digest:
    """A version as the watcher keeps it and reads it back."""
    return build_digest(article_from_json(d.to_json()))


@dataclass(frozen=True)
class Verdict:
    material: bool
    diff: StoryDiff | None  # None: the watcher never diffs (same content hash)


def judge(versions: list[Digest], new: Digest) -> Verdict:
    """The watcher's ``_compare``: hash check, flip-back check, then diff_digests."""
    chash = content_hash(new.article)
    if chash == content_hash(versions[-1].article):
        return Verdict(False, None)
    if any(content_hash(v.article) == chash for v in versions):
        return Verdict(False, None)
    stored = [_stored(v) for v in versions]
    diff = diff_digests(stored[-1], new, earlier=stored[:-1][-EARLIER_VERSIONS:])
    return Verdict(diff.material, diff)


# ------------------------------------------------------------------------ operators


@dataclass
class Edit:
    """A version pair: ``chain`` holds the versions before the judged one (oldest first)."""

    chain: list[str]
    new: str
    check: Callable[[StoryDiff], bool] | None = None  # material ops: the expected field
    what: str = ""


_NAMES = ["Margaret Okafor", "Tomasz Wieczorek", "Aisha Rahman", "Daniel Whitcombe", "Lucia Ferro"]
_ROLES = [
    "a spokeswoman for the regional council",
    "a senior analyst at the institute",
    "the committee's chair",
    "a local business owner",
    "a former minister",
]
_QUOTES = [
    "We will not accept this outcome, and we will keep pressing for answers",
    "Nobody here expected the decision to come so quickly",
    "This changes the picture for thousands of families across the area",
    "The figures we have seen so far simply do not add up",
]
_RELATED = [
    "Council approves new budget after marathon session",
    "Five things we learned from the weekend's results",
    "Storm warning issued for coastal towns",
    "Opinion: why the vote still matters",
]


def _norm(s: str) -> str:
    return " ".join(s.split())


def _present(para: str, text: str, is_html: bool) -> bool:
    """Is the paragraph in the raw page as it stands: a line of text, or in the HTML?"""
    return para in text if is_html else para in text.splitlines()


def _targets(page: Page, min_words: int = 12) -> list[str]:
    """Body paragraphs that occur verbatim in the raw page as a reader sees it (a line of
    text; in HTML, text that ends its element, not a copy in a <meta>): editable there."""
    lines = set(page.text.splitlines())
    return [
        p
        for p in page.digest.article.body
        if len(p.split()) >= min_words
        and (_shown_at(page, page.text, p) >= 0 if page.html else p in lines)
    ]


# The paragraph's copy that a reader sees ends its element; a copy in a <script> (JSON-LD)
# or a <meta> does not.
_ELEMENT_END_RE = re.compile(
    r"\s*(?:</(?:a|em|strong|span|b|i|font|u)>\s*)*</(?:p|div|li|h\d|blockquote|section|td)>",
    re.I,
)


def _shown_at(page: Page, text: str, para: str, start: int = 0) -> int:
    """Where the paragraph ends in the page as shown (HTML: the copy that ends an
    element), or -1."""
    if not page.html:
        i = text.find(para, start)
        return i + len(para) if i >= 0 else -1
    i = text.find(para, start)
    while i >= 0:
        if _ELEMENT_END_RE.match(text, i + len(para)):
            return i + len(para)
        i = text.find(para, i + 1)
    return -1


def _insert_after(page: Page, text: str, para: str, block: str, start: int = 0) -> str:
    """``block`` (lines) after the paragraph: new lines of text, or after the HTML element
    holding it, one <p> a line."""
    i = _shown_at(page, text, para, start)
    if i < 0:  # a title seen only in <title>: put the line at the top of the body
        i = text.find(">", max(text.find("<body"), 0)) + 1 if page.html else 0
    if not page.html:
        return text[:i] + "\n\n" + block + text[i:]
    m = _ELEMENT_END_RE.match(text, i)
    j = m.end() if m else i
    return text[:j] + "".join(f"\n<p>{html.escape(x)}</p>" for x in block.split("\n")) + text[j:]


def _replace(page: Page, old: str, new: str) -> str:
    """An edit to a paragraph: every copy in HTML (the page and its JSON-LD change
    together), the one line in pasted text."""
    return page.text.replace(old, new) if page.html else page.text.replace(old, new, 1)


def _text_only(page: Page, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to the text, or in HTML to what lies between tags (not the markup)."""
    if not page.html:
        return fn(page.text)
    return "".join(p if p.startswith("<") else fn(p) for p in re.split(r"(<[^>]*>)", page.text))


def _middle(page: Page, rng: random.Random) -> str | None:
    t = _targets(page, 6)
    return t[len(t) // 2 + rng.randint(-1, 1) if len(t) > 3 else 0] if t else None


def op_whitespace(page: Page, rng: random.Random) -> Edit | None:
    """Trailing spaces and extra blank lines between paragraphs."""
    return Edit([page.text], page.text.replace("\n\n", "\n\n\n").replace("\n", " \n"))


def op_inline_spaces(page: Page, rng: random.Random) -> Edit | None:
    """Doubled spaces and no-break spaces inside lines (a template's &nbsp; changed)."""
    nbsp = "&nbsp;" if page.html else "\u00a0"
    out = _text_only(
        page,
        lambda t: re.sub(
            r"(?<=\S) (?=\S)", lambda m: rng.choice(["  ", nbsp]) if rng.random() < 0.1 else " ", t
        ),
    )
    return Edit([page.text], out)


def op_rewrap(page: Page, rng: random.Random) -> Edit | None:
    """A paragraph broken into two lines at a sentence end (a re-wrapped paragraph)."""
    for para in _targets(page, 25):
        m = list(re.finditer(r"(?<=[a-z]\.) (?=[A-Z])", para))
        if m:
            cut = m[len(m) // 2].start()
            return Edit([page.text], page.text.replace(para, para[:cut] + "\n" + para[cut + 1 :]))
    return None


def op_quotes(page: Page, rng: random.Random) -> Edit | None:
    if re.search("[“”‘’]", page.text):
        table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
        out = _text_only(page, lambda t: t.translate(table))
    else:
        out = _text_only(
            page, lambda t: re.sub(r'"(\S)', r"“\1", t).replace('"', "”").replace("'", "’")
        )
    return Edit([page.text], out) if out != page.text else None


def op_dashes(page: Page, rng: random.Random) -> Edit | None:
    if " — " in page.text or " – " in page.text:
        out = _text_only(page, lambda t: t.replace(" — ", " - ").replace(" – ", " - "))
    elif " - " in page.text:
        out = _text_only(page, lambda t: t.replace(" - ", " — "))
    else:
        out = re.sub(r"(?<=\w), (?=\w)", " — ", page.text, count=1)
    return Edit([page.text], out) if out != page.text else None


def _after_title(page: Page, text: str, line: str) -> str:
    title = page.digest.article.meta.title or ""
    if page.html:  # after the <h1>, not the <title>; at the top of the body without one
        return _insert_after(page, text, title or "\x00", line, max(text.find("<body"), 0))
    if title and title in text:
        return _insert_after(page, text, title, line)
    return line + "\n\n" + text


def op_updated_line(page: Page, rng: random.Random) -> Edit | None:
    line = rng.choice(
        [
            "Updated 3 minutes ago",
            "Last modified on Tue 4 Mar 2025 10.32 GMT",
            "Updated: 14:05 BST, 24 October 2024",
        ]
    )
    if rng.random() < 0.5:
        return Edit([page.text], _after_title(page, page.text, line))
    if page.html:
        return Edit([page.text], page.text.replace("</body>", f"<p>{line}</p>\n</body>", 1))
    return Edit([page.text], page.text.rstrip("\n") + "\n\n" + line + "\n")


def op_timestamp(page: Page, rng: random.Random) -> Edit | None:
    old = _after_title(page, page.text, "Published 24 October 2024, 10:32 BST")
    new = _after_title(page, page.text, "Published 24 October 2024, 14:07 BST")
    return Edit([old], new)


def op_typo_fix(page: Page, rng: random.Random) -> Edit | None:
    """The old version had a one-letter typo in a long word; the new one fixes it."""
    for para in rng.sample(_targets(page), k=len(_targets(page))):
        words = [m for m in re.finditer(r"\b[a-z]{9,}\b", para)]
        if words:
            m = rng.choice(words)
            w = m.group(0)
            k = rng.randrange(1, len(w) - 1)
            typo = w[:k] + w[k + 1 :]  # a dropped letter
            bad = para[: m.start()] + typo + para[m.end() :]
            return Edit([page.text.replace(para, bad)], page.text, what=f"{typo}->{w}")
    return None


def op_related_block(page: Page, rng: random.Random) -> Edit | None:
    at = _middle(page, rng)
    if at is None:
        return None
    head = rng.choice(["Related:", "Read more", "Related stories", "More on this story"])
    block = head + "\n" + "\n".join(rng.sample(_RELATED, 3))
    if head == "Related:":
        block = "Related: " + _RELATED[rng.randrange(len(_RELATED))]
    return Edit([page.text], _insert_after(page, page.text, at, block))


def op_most_read(page: Page, rng: random.Random) -> Edit | None:
    at = _middle(page, rng)
    if at is None:
        return None
    items = rng.sample(_RELATED, 4)
    block = "Most read\n" + "\n".join(f"{i + 1}. {h}" for i, h in enumerate(items))
    return Edit([page.text], _insert_after(page, page.text, at, block))


def op_cookie_newsletter(page: Page, rng: random.Random) -> Edit | None:
    at = _middle(page, rng)
    if at is None:
        return None
    block = rng.choice(
        [
            "We use cookies to improve your experience on our site. By continuing to browse you "
            "agree to our use of cookies.",
            "Sign up for our free morning newsletter and get the day's top stories in your inbox",
            "Get our daily briefing\nThe stories you need, every morning. Subscribe now.",
        ]
    )
    return Edit([page.text], _insert_after(page, page.text, at, block))


def op_reorder_furniture(page: Page, rng: random.Random) -> Edit | None:
    at = _middle(page, rng)
    if at is None:
        return None
    items = rng.sample(_RELATED, 4)
    old = _insert_after(page, page.text, at, "Most popular\n" + "\n".join(items))
    rng.shuffle(items)
    new = _insert_after(page, page.text, at, "Most popular\n" + "\n".join(items))
    return Edit([old], new) if old != new else None


def op_flip_back(page: Page, rng: random.Random) -> Edit | None:
    """v1 changed the headline; v2 is v0 again (re-wrapped whitespace)."""
    title = page.digest.article.meta.title
    if not title or title not in page.text:
        return None
    v1 = page.text.replace(title, title + " as talks collapse", 1)
    v2 = page.text.replace("\n\n", "\n\n\n")
    return Edit([page.text, v1], v2)


def op_headline(page: Page, rng: random.Random) -> Edit | None:
    title = page.digest.article.meta.title
    # A "title" that is a dateline or byline is the cleaner's mistake, not a headline.
    if not title or title not in page.text or len(title.split()) < 3:
        return None
    if is_timestamp(title) or re.match(r"(?i)\W*(?:by|posted|published)\b", title):
        return None
    words = title.split()
    new = rng.choice(
        [
            title.rstrip(".") + ", officials confirm",
            " ".join(words[: max(2, len(words) - 3)]) + " amid growing protests",
            "Live: " + title,
        ]
    )
    out = page.text.replace(title, new)  # every copy: the <h1> and the page title

    def check(d: StoryDiff) -> bool:
        return d.headline is not None and _norm(d.headline[1]) == _norm(new)

    return Edit([page.text], out, check, f"{title!r} -> {new!r}")


# A count of something: "12 people", "3,000 soldiers", "$8 billion"; not part of a
# word or code ("RDR2", "4K"), a name ("Artemis 1", "Nikkei 225"), a time or a year.
_NUM_RE = re.compile(r"(?<![\w.,:/#~-])(?:\d{1,3}(?:,\d{3})+|\d+)(?= (?!a\.m|p\.m)[a-z])")


# Any number standing as a word: "~9x", "#1", "Corso Monforte 15", "10 a.m."
_ANY_NUM_RE = re.compile(r"(?<![\w.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w,:/-]|\.\d)")


def op_figure(page: Page, rng: random.Random) -> Edit | None:
    return _change_number(page, rng, _NUM_RE)


def op_any_number(page: Page, rng: random.Random) -> Edit | None:
    return _change_number(page, rng, _ANY_NUM_RE)


def _change_number(page: Page, rng: random.Random, pattern: re.Pattern[str]) -> Edit | None:
    for para in rng.sample(_targets(page), k=len(_targets(page))):
        nums = [
            m
            for m in pattern.finditer(para)
            if not re.fullmatch(r"1[89]\d\d|20\d\d", m[0])
            and (pattern is _ANY_NUM_RE or not re.search(r"[A-Z][\w.]* $", para[: m.start()]))
        ]
        if not nums:
            continue
        m = rng.choice(nums)
        old = m.group(0)
        value = int(old.replace(",", ""))
        new_value = value * 2 if "," in old else value + 3
        new = f"{new_value:,}" if "," in old else str(new_value)
        out = _replace(page, para, para[: m.start()] + new + para[m.end() :])

        def check(d: StoryDiff, old: str = old, new: str = new) -> bool:
            return any(
                old in f.old and new in f.new and new in f.sentence for f in d.figures_changed
            )

        return Edit([page.text], out, check, f"{old} -> {new} in {para[:80]!r}")
    return None


def op_add_quote(page: Page, rng: random.Random) -> Edit | None:
    at = _middle(page, rng)
    if at is None:
        return None
    name = rng.choice(_NAMES)
    para = f"“{rng.choice(_QUOTES)},” said {name}, {rng.choice(_ROLES)}."
    out = _insert_after(page, page.text, at, para)

    def check(d: StoryDiff) -> bool:
        return any(_norm(p) == _norm(para) for p in d.added_paragraphs) and name in d.new_sources

    return Edit([page.text], out, check, para)


def op_add_sentence(page: Page, rng: random.Random) -> Edit | None:
    """A sentence appended to a paragraph that stays."""
    t = [p for p in _targets(page) if p.rstrip().endswith((".", "”", '"'))]
    if not t:
        return None
    para = rng.choice(t)
    sentence = rng.choice(
        [
            "The vote is expected to be held again in March.",
            "Police have since closed the road in both directions.",
            "The company did not respond to a request for comment.",
        ]
    )
    out = _replace(page, para, para + " " + sentence)

    def check(d: StoryDiff) -> bool:
        return any(_norm(sentence) in _norm(x) for x in (*d.added_sentences, *d.added_paragraphs))

    return Edit([page.text], out, check, sentence)


def op_remove_paragraph(page: Page, rng: random.Random) -> Edit | None:
    t = [p for p in _targets(page, 15) if page.html or page.text.count(p) == 1][1:]
    if not t:
        return None
    para = rng.choice(t)
    if page.html:
        out = page.text.replace(para, "")
    elif para + "\n" in page.text:
        out = page.text.replace(para + "\n", "", 1)
    else:
        out = page.text.replace(para, "")

    def check(d: StoryDiff) -> bool:
        return any(_norm(p) == _norm(para) for p in d.removed_paragraphs)

    return Edit([page.text], out, check, para[:80])


def op_correction(page: Page, rng: random.Random) -> Edit | None:
    body = _targets(page, 6)
    if not body:
        return None
    note = rng.choice(
        [
            "Correction: An earlier version of this article misstated the date of the vote.",
            "This article has been amended to correct the spelling of a name.",
            "Editor's note: This story has been updated with a response from the company.",
        ]
    )
    out = _insert_after(page, page.text, body[-1], note)

    def check(d: StoryDiff) -> bool:
        return any(_norm(note) in _norm(c) for c in d.corrections)

    return Edit([page.text], out, check, note)


_PERSON_RE = re.compile(r"(?:[A-Z][a-z][\w'’.-]* ){1,3}[A-Z][a-z][\w'’-]*")


def op_speaker_change(page: Page, rng: random.Random) -> Edit | None:
    body = page.digest.article.body
    cands = []
    for a in page.digest.attributions:
        name = (a.speaker or "").strip()
        # A person's name as the extractor found it ("Ana Ruiz"), not "The study".
        if (
            _PERSON_RE.fullmatch(name)
            and not a.anonymous
            and a.speaker_text
            and a.speaker_text.strip() == name
            and _present(body[a.paragraph], page.text, page.html)
            and body[a.paragraph].count(name) == 1
        ):
            cands.append((name, body[a.paragraph]))
    if not cands:
        return None
    name, para = rng.choice(cands)
    new_name = rng.choice([n for n in _NAMES if n != name])
    out = _replace(page, para, para.replace(name, new_name))

    def check(d: StoryDiff) -> bool:
        return new_name in d.new_sources

    return Edit([page.text], out, check, f"{name} -> {new_name}")


IMMATERIAL: dict[str, Callable[[Page, random.Random], Edit | None]] = {
    "whitespace": op_whitespace,
    "inline_spaces": op_inline_spaces,
    "rewrap": op_rewrap,
    "quotes": op_quotes,
    "dashes": op_dashes,
    "updated_line": op_updated_line,
    "timestamp": op_timestamp,
    "typo_fix": op_typo_fix,
    "related_block": op_related_block,
    "most_read": op_most_read,
    "cookie_newsletter": op_cookie_newsletter,
    "reorder_furniture": op_reorder_furniture,
    "flip_back": op_flip_back,
}
MATERIAL: dict[str, Callable[[Page, random.Random], Edit | None]] = {
    "headline": op_headline,
    "figure": op_figure,
    "any_number": op_any_number,
    "add_quote": op_add_quote,
    "add_sentence": op_add_sentence,
    "remove_paragraph": op_remove_paragraph,
    "correction": op_correction,
    "speaker_change": op_speaker_change,
}

# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    n: int = 0
    wrong: int = 0  # false alarm (immaterial ops) or miss (material ops)
    field_ok: int = 0
    cleaner: int = 0  # wrong judgements where the cleaner kept different unedited lines
    failures: list[str] = field(default_factory=list)


def cleaner_unstable(
    old_text: str, old: Digest, new_text: str, new: Digest, is_html: bool = False
) -> bool:
    """Did the cleaner keep a paragraph in one version and drop it in the other although
    the edit left it alone? Then a wrong judgement starts in the cleaner, not the diff."""

    def present(p: str, text: str) -> bool:
        return _present(p, text, is_html)

    def kept(d: Digest) -> set[str]:
        return set(d.article.body)

    old_body, new_body = kept(old), kept(new)
    return any(
        present(p, old_text) and present(p, new_text) and p not in new_body for p in old_body
    ) or any(present(p, old_text) and present(p, new_text) and p not in old_body for p in new_body)


def run_one(page: Page, name: str, edit: Edit, settings: Settings) -> tuple[bool, bool, bool, str]:
    """(judgement wrong, field right, cleaner unstable, a note) for one version pair."""
    try:
        versions = [
            page.digest if t == page.text else _digest(t, settings, page.html) for t in edit.chain
        ]
        new = _digest(edit.new, settings, page.html)
    except NewsdeskError as err:
        return True, False, True, f"pipeline refused a version: {err}"
    v = judge(versions, new)
    unstable = cleaner_unstable(edit.chain[-1], versions[-1], edit.new, new, page.html)
    tag = "[cleaner] " if unstable else ""
    if edit.check is None:
        note = "" if not v.material else tag + _summary(v.diff)
        return v.material, False, unstable, note
    ok = v.diff is not None and edit.check(v.diff)
    return not v.material, ok, unstable, f"{tag}{edit.what} || {_summary(v.diff)}"


def _summary(d: StoryDiff | None) -> str:
    if d is None:
        return "no diff (same hash)"
    j = d.to_json()
    return "; ".join(f"{k}={v!r}"[:300] for k, v in j.items() if v and k != "material")


def evaluate(pages: list[Page], settings: Settings, seed: int) -> dict[str, dict[str, Tally]]:
    """operator -> half ("all", "0-7", "8-f") -> Tally."""
    out: dict[str, dict[str, Tally]] = {}
    for name, op in {**IMMATERIAL, **MATERIAL}.items():
        halves = {"all": Tally(), "0-7": Tally(), "8-f": Tally()}
        for page in pages:
            edit = op(page, random.Random(f"{seed}:{page.id}:{name}"))
            if edit is None:
                continue
            wrong, ok, unstable, note = run_one(page, name, edit, settings)
            for h in ("all", "0-7" if page.id[0] in "01234567" else "8-f"):
                t = halves[h]
                t.n += 1
                t.wrong += wrong
                t.field_ok += ok
                t.cleaner += wrong and unstable
                if wrong or (edit.check is not None and not ok):
                    t.failures.append(f"{page.id[:8]}: {note}")
        out[name] = halves
    return out


def _pct(a: int, n: int) -> str:
    return f"{100 * a / n:5.1f}%" if n else "    - "


_HALVES = ("all", "0-7", "8-f")


def _cell(ts: list[Tally], material: bool) -> str:
    n, w = sum(t.n for t in ts), sum(t.wrong for t in ts)
    c, ok = sum(t.cleaner for t in ts), sum(t.field_ok for t in ts)
    return f"{n:>5} {_pct(w, n)} {c:>3} {_pct(ok, n) if material else ' ' * 6}"


def print_table(res: dict[str, dict[str, Tally]]) -> None:
    heads = ("all", "0-7 (tuned)", "8-f (held out)")
    print(f"{'operator':<31}" + "".join(f"{h:^26}" for h in heads))
    print(f"{'':<31}" + f"{'n  wrong cln  field':>26}" * 3)
    for name, halves in res.items():
        material = name in MATERIAL
        kind = "material" if material else "immaterial"
        cells = [_cell([halves[h]], material) for h in _HALVES]
        print(f"{name:<20}{kind:<11}" + "".join(f"{c:>26}" for c in cells))
    for label, ops in (("immaterial (false alarms)", IMMATERIAL), ("material (misses)", MATERIAL)):
        material = ops is MATERIAL
        cells = [_cell([res[o][h] for o in ops], material) for h in _HALVES]
        print(f"{'TOTAL ' + label:<31}" + "".join(f"{c:>26}" for c in cells))
    print(
        "wrong = false-alarm rate (immaterial ops) or miss rate (material ops); cln = how many "
        "wrong ones had the cleaner keep different unedited lines in the two versions; "
        "field = the expected field with the right old/new"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--ids", default="", help="only ids starting with one of these chars")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--input", choices=["text", "html"], default="text", help="pasted text or the HTML pages"
    )
    ap.add_argument("--show", action="append", default=[], help="print failures of an operator")
    args = ap.parse_args(argv)
    settings = get_settings()
    pages = load_pages(settings, args.ids, args.input == "html")
    what = "cleaning-dev html" if args.input == "html" else "cleaning-dev text + seed"
    print(f"{len(pages)} articles ({what}), seed {args.seed}")
    res = evaluate(pages, settings, args.seed)
    print_table(res)
    for name in args.show:
        for h in ("0-7", "8-f"):
            for f in res[name][h].failures:
                print(f"[{name} {h}] {f}")


if __name__ == "__main__":
    main()
