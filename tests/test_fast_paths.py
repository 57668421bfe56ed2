"""Shortcuts taken for speed in the text path give what their plain definitions give.

Each test writes the definition out (every pair, every sentence, every hint) and checks
the fast version against it on many generated or hand-made cases.
"""

from __future__ import annotations

import itertools
import random
import re

from bot.clean_vocab import (
    _APPEAL_HINTS,
    APPEAL,
    TAIL_RE,
    appeal_count,
    fold,
    is_boiler_text,
    maybe_furniture,
    unspaced_boiler,
)
from bot.facts import (
    _Count,
    _disagree,
    _disputed_paragraphs,
    _keyword_set,
    _says_disputed,
    _sentences,
)
from bot.pipeline import _control_characters
from bot.quality import _PAYWALL, _says_paywalled
from tests.test_clean_lines import LINES


def _count(value: float, speaker: str | None, estimate: bool = True) -> _Count:
    return _Count(
        key="soldier", surface="soldiers", modifier=None, owner=None, figure=str(value),
        value=value,
        speaker=speaker, paragraph=0, estimate=estimate,
    )  # fmt: skip


def _disagree_by_pairs(counts: list[_Count], key: str, disputed: bool) -> bool:
    """``_disagree`` as first written: try every pair."""
    eligible = [c for c in counts if disputed or key == "troops" or c.estimate]

    def same(a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and a.casefold() == b.casefold()

    return any(
        a.value != b.value and not same(a.speaker, b.speaker)
        for a, b in itertools.combinations(eligible, 2)
    )


def test_disagree_without_pairs_matches_every_pair() -> None:
    rng = random.Random(7)
    speakers = [None, "Army", "army", "ARMY", "Police", "Ministry"]
    for _ in range(3000):
        counts = [
            _count(rng.choice([10.0, 12.0, 40.0]), rng.choice(speakers), rng.random() < 0.7)
            for _ in range(rng.randint(0, 6))
        ]
        for key, disputed in (("soldier", False), ("soldier", True), ("troops", False)):
            assert _disagree(counts, key, disputed) == _disagree_by_pairs(counts, key, disputed)


def test_disputed_paragraphs_match_a_test_per_sentence() -> None:
    body = (
        "The army said 300 soldiers died. Opponents said the figure was far too low.",
        "Nothing here counts.",
        "The group disputed those numbers on Friday. A TALLY WAS WRONG.",
        "No dispute at all.",
    )
    sentences = _sentences(body)
    expected = {s.paragraph for s in sentences if _says_disputed(s.text)}
    assert _disputed_paragraphs(sentences) == expected == {0, 2}
    assert _disputed_paragraphs(_sentences(body[1::2])) == set()


def test_appeal_hint_search_matches_the_hint_list() -> None:
    lines = [
        "Sign up for our newsletter", "Support us", "Cookie policy", "e-mail", "Join our forum",
        "News tips: write to us", "Terms of use", "Donate now", "PAYWALL", "Membership",
        "Spam", "Inbox", "Privacy Policy", "Subscribers only", "Contributors", "Nothing at all",
        "sign-up", "terms ofuse", "a" * 200 + " mail", "x" * 90, "İnbox ſpam",
    ]  # fmt: skip
    for line in lines + [ln.upper() for ln in lines]:
        low = fold(line)
        defined = APPEAL.count_to_two(low) if any(h in low for h in _APPEAL_HINTS) else 0
        assert appeal_count(low) == defined, line


def test_sentence_keywords_read_from_the_paragraph_match_each_sentence() -> None:
    body = (
        "Ten soldiers died on Monday. “Two more,” she said — maybe three?",
        "Café owners voted; the \u212aelvin sign and naïve “One” words. Thirty-ONE May.",
        "日本語の文。Then two thousand people fled in January.",
        "Lone \udc80 surrogate, then four hundred. İstanbul had ſeven.",
    )
    sentences = _sentences(body)
    assert len(sentences) >= 7
    for sent in sentences:
        assert sent.keywords == _keyword_set(sent.text), sent.text


def test_control_characters_count_what_the_character_class_finds() -> None:
    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(40)] + list("aé’日\u2028\x7f\x85") + ["\udc80", "😀"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _control_characters(text) == len(control.findall(text)), repr(text)


PAYWALL_PHRASES = [
    "Subscribe now to continue reading", "keep reading, please log in", "To continue reading",
    "This article is only available for paying subscribers", "Members-only content",
    "Already a subscriber?", "You've reached your limit", "you have used all your free articles",
    "to read the rest of the story", "Subscribe to unlock this", "Unlock the full article",
    "Become a member to continue", "subscriber only story", "nothing to see here",
]  # fmt: skip
# Characters re.IGNORECASE matches to ASCII letters that str.lower() alone would miss or keep.
LOOKALIKES = {"i": ["ı", "İ", "I"], "s": ["ſ", "S"], "k": ["\u212a", "K"]}


def test_paywall_prefilter_agrees_with_the_regex() -> None:
    rng = random.Random(5)
    texts = list(PAYWALL_PHRASES)
    for phrase in PAYWALL_PHRASES * 40:
        chars = [
            rng.choice([c, c.upper(), *LOOKALIKES.get(c.lower(), [])]) if c.isalpha() else c
            for c in phrase
        ]
        texts.append("Story text. " + "".join(chars) + " More text.")
    for text in texts:
        assert _says_paywalled(text) == (_PAYWALL.search(text) is not None), text
    assert sum(_PAYWALL.search(t) is not None for t in texts) > len(texts) // 2


FURNITURE_LINES = [
    "Related", "Related: the vote", "COMMENTS (12)", "12 comments", "» Read more", "— More from us",
    "Filed under: Politics", "(AP Photo/Evan Vucci)", "Text © 2019 The Paper", "Plague [NEWS]",
    "Sign-up now", "E-mail us", "Citation: a study (2019)", "Explore further", "Fıled under x",
    "ſite index", "ReaD MORE", "Don't miss", "À lire aussi", "You may also like", "Tags",
    "Sponsored content", "From around the web", "Latest stories", "What to read next",
    "Footer links", "Most popular", "Trending now", "Join the conversation", "Leave a reply",
    "Share this article", "About the author", "Around the web", "Popular topics", "Topics",
    "Newsletter", "Donate", "Your support", "Cookies", "Our privacy policy", "分享到微信",
    "Photo/Reuters", "word(c) 2019", "Home", "Sport", "The harbour at dawn", "Weather",
    "\u212aeep reading", "Le\u212a", "recommended for you", "Subscribers", "news tip line",
]  # fmt: skip


def test_maybe_furniture_misses_no_vocabulary_or_tail_line() -> None:
    lines = FURNITURE_LINES + LINES
    lines += [ln.upper() for ln in FURNITURE_LINES] + [f"x {ln}" for ln in FURNITURE_LINES]
    passed = 0
    for text in lines:
        low = fold(text)
        if maybe_furniture(low):
            passed += 1
            continue
        assert is_boiler_text(low) == unspaced_boiler(low), text
        assert appeal_count(low) == 0, text
        assert TAIL_RE.match(text.strip(" \t:>»›-–—|•·")) is None, text
    assert 0 < passed < len(lines)
