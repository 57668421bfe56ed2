"""A debt's term ("10-year notes") names a kind of bond, not a quantity (made-up text)."""

from __future__ import annotations

from bot.facts import extract_facts
from bot.figures import find_figures


def test_a_bonds_term_is_no_figure() -> None:
    sentence = (
        "Benchmark 10-year notes rose 5/32 to yield 2.114%, while the 30-year Treasury bond "
        "slipped and 2-year yields held at 1.9%."
    )
    assert find_figures(sentence) == ["2.114%", "1.9%"]
    assert find_figures("Rates on a 15-year mortgage fell to 3.1%, the lender said.") == ["3.1%"]
    assert find_figures("The 6-month bills sold at 0.4% in a 12-month auction.") == ["0.4%", "12"]


def test_durations_ages_and_counts_beside_terms_stay_figures() -> None:
    assert find_figures("Dockers began a 24-hour strike and 300 ships waited.") == ["24", "300"]
    assert find_figures("A 43-year-old pilot flew 12 years for the line.") == ["43", "12"]
    assert find_figures("The fund bought 40 10-year notes.") == ["40"]
    assert find_figures("He served a 52-month sentence after a 10-year career.") == ["52", "10"]


def test_a_term_gives_a_sentence_no_quantity_of_its_own() -> None:
    body = [
        "Harbour Bank sold 10-year notes on Tuesday in a sale officials called routine.",
        "The bank raised 400 million pounds, the treasurer said.",
    ]
    by_paragraph = {f.paragraph: f for f in extract_facts(body, [])}
    assert by_paragraph[0].figures == ()
    assert by_paragraph[1].figures == ("400 million pounds",)
