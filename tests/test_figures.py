"""Figures: verbatim spans, kinds and values, and what a count counts."""

from __future__ import annotations

import pytest

from bot.figures import counted_noun, find_figures, lemma, scan_figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Pyongyang had deployed 3,000 soldiers to aid the war effort.", ["3,000"]),
        ("The State Duma voted 397-0 to endorse the treaty.", ["397-0"]),
        ("The Senate passed the bill 52-48 on party lines.", ["52-48"]),
        ("The bill passed by 52 votes to 48.", ["52 votes to 48"]),
        (
            "The plan costs $1.2bn, or £40 million, plus €5m in fees.",
            ["$1.2bn", "£40 million", "€5m"],
        ),
        ("Inflation rose to 3.5% while wages grew 12 per cent.", ["3.5%", "12 per cent"]),
        ("Two million people fled and 10,000 homes were lost.", ["Two million", "10,000"]),
        ("The vote was held on 24 October 2024 in Moscow.", ["24 October 2024"]),
        ("Talks resume on October 24, 2024, officials said.", ["October 24, 2024"]),
        ("Thousands of people marched in the capital.", ["Thousands"]),
        ("At least five people were killed, police said.", ["five"]),
        ("Nobody opposed him: he was confirmed 92 to 0.", ["92 to 0"]),
        (
            "Cruz has 370 delegates, Marco Rubio has 163 and John Kasich has 63.",
            ["370", "163", "63"],
        ),
    ],
)
def test_find_figures(sentence: str, expected: list[str]) -> None:
    assert find_figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty was signed in 2024 after talks that began in 2019.",
        "The F-16 jets and Covid-19 rules were discussed under Article 5.",
        "The two countries met on Thursday in June.",
        "They had since been deployed to three training grounds, he added.",
        "The meeting started at 08:37 and ended at 9am.",
        "Between 10-15 people attended the rally in Leeds.",
        "She may return to the post next week.",
        "Students at Intermediate School 285 in Brooklyn took part.",
        'See <tweet tweet-id="770390718095486977"> for the post.',
        "Turnout in those precincts was 72-75 percent.",
        "The plan lets people aged 55 to 65 buy in.",
    ],
)
def test_non_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_figures_are_verbatim_spans() -> None:
    sentence = (
        "Officials said 1,500 troops, $3.2bn and 40% of supplies reached Kursk by 2 May 2025."
    )
    for fig in scan_figures(sentence):
        assert sentence[fig.start : fig.end] == fig.text


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("It cost $1.2bn in total.", "money", 1.2e9),
        ("It cost £40 million in total.", "money", 4e7),
        ("Some 3,000 soldiers were sent.", "count", 3000),
        ("Two million people fled.", "count", 2e6),
        ("Turnout was 61.5%.", "percent", 61.5),
        ("The vote was 397-0.", "vote", None),
    ],
)
def test_kinds_and_values(text: str, kind: str, value: float | None) -> None:
    (fig,) = scan_figures(text)
    assert fig.kind == kind
    assert fig.value == value


@pytest.mark.parametrize(
    ("sentence", "figure", "key"),
    [
        ("The US said 3,000 soldiers were sent.", "3,000", "troops"),
        ("Navy ships carried some 1,500 North Korean special forces troops.", "1,500", "troops"),
        ("A 3,000-strong force was massing.", "3,000", "troops"),
        ("At least 40 people were killed in the quake.", "40", "deaths"),
        ("The death toll rose to 250 on Friday.", "250", "deaths"),
        ("Shelling hit the town, killing 12.", "12", "deaths"),
        ("Another 80 people were injured.", "80", "injured"),
        ("Some 10,000 homes were flooded.", "10,000", "home"),
    ],
)
def test_counted_noun(sentence: str, figure: str, key: str) -> None:
    fig = next(f for f in scan_figures(sentence) if f.text == figure)
    noun = counted_noun(sentence, fig)
    assert noun is not None
    assert noun.key == key


def test_counted_noun_modifier() -> None:
    sentence = "Navy ships carried some 1,500 North Korean special forces troops."
    fig = scan_figures(sentence)[0]
    noun = counted_noun(sentence, fig)
    assert noun is not None and noun.modifier == "North Korean"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("troops", "troop"), ("casualties", "casualty"), ("servicemen", "serviceman"),
     ("people", "people"), ("lives", "life"), ("forces", "force"), ("status", "status")],
)  # fmt: skip
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Under Article\xa05 of the treaty, allies must respond.",  # a no-break space
        "The treaty’s “Article 5” clause—Article 5—was cited.",  # curly quotes and dashes
        "They cited \u017fection 12 of the act.",  # long s: the label regex ignores case
    ],
)
def test_labels_before_numbers_in_non_ascii_text(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_figures_in_non_ascii_text() -> None:
    sentence = "Officials—citing “early counts”—said 1,200 people were evacuated."
    assert find_figures(sentence) == ["1,200"]


def test_atomic_numbers_match_as_backtracking_ones_would() -> None:
    # figures._NUM is an atomic group for speed: it must never change what matches.
    import random
    import re

    from bot import figures

    atomic = figures._FIGURE_RE
    backtracking = re.compile(atomic.pattern.replace("(?>", "(?:"), atomic.flags)
    assert backtracking.pattern != atomic.pattern
    pieces = [*"0123456789,. %$-–:/x", "  ", "\u0663", "US$", "£", "USD ", " per cent",
              "percent", " percentage points", " bn", " million", "m", " dollars",
              " votes to ", " people", ",000", ".5"]  # fmt: skip
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        for at in range(len(text)):
            a, b = atomic.match(text, at), backtracking.match(text, at)
            assert (a and (a.lastgroup, a.span())) == (b and (b.lastgroup, b.span())), text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Addresses and phone numbers name a place to write or call: they count nothing.
        ("Write to the desk at P.O. Box 69440, Springfield, IL 62701.", []),
        ("The council meets at 1600 Harbour Avenue on Tuesdays.", []),
        ("Call the hotline (800-273-8255) or +44 (0)20 7946 0958 for help.", []),
        # Counts beside them stay: 120 people, a 397-0 vote, a season's years are no phone.
        (
            "In 2019-2020, 120 people came to 12 Harbour Road and voted 397-0.",
            ["120", "397-0"],
        ),
    ],
)
def test_addresses_and_phone_numbers_are_no_figures(sentence: str, expected: list[str]) -> None:
    assert find_figures(sentence) == expected
