"""A paragraph broken over two or three lines, set apart as a whole, is one paragraph of the
article on a page that spaces its paragraphs (a re-wrapped copy of the same page must not
lose it: the watcher would call that a removed paragraph). Made-up page."""

from __future__ import annotations

from bot.clean_text import clean_pasted_text

MENU = "\n".join(["Home", "News", "Sport", "Weather", "Login", "Register", "World", "Science"])
PARAS = [
    "Harbour officials in Millford have confirmed that a third ferry has been withdrawn from "
    "service, after two boats were found to have cracked hulls earlier this month. The port "
    "authority said in a statement that the third boat had been checked on Monday.",
    "The other two ferries were taken out of service last week, and the crossing now runs "
    "on a single boat that carries about 300 passengers a trip, the authority said.",
    "Passengers have been told to expect delays of up to an hour at peak times, and the "
    "council has asked the operator to hire a replacement vessel before the winter timetable.",
    "A spokesperson for the operator said repairs to the two damaged boats would take at "
    "least six weeks, and that the company was talking to two other ports about a loan.",
]


def _page(first: str) -> str:
    head = [MENU, "Third Millford ferry withdrawn as hull checks widen",
            "A THIRD ferry has been taken out of service in Millford.", "By Ann Lee",
            "PUBLISHED: 09:12, Tue, Nov 19, 2019 | UPDATED: 10:43, Tue, Nov 19, 2019"]
    # A related box right under the first paragraph, as the news sites set one.
    related = "Related articles\nFerry strike: crossings cut for a week\nMillford port to close"
    return "\n".join(head) + "\n\n" + "\n\n".join([first, related, *PARAS[1:]]) + "\n"


def test_a_paragraph_broken_over_lines_stays_whole() -> None:
    whole = clean_pasted_text(_page(PARAS[0]))
    cut = PARAS[0].index(" The port authority")
    broken = clean_pasted_text(_page(PARAS[0][:cut] + "\n" + PARAS[0][cut + 1 :]))
    assert whole.body[0] == PARAS[0]
    kept = " ".join(broken.body)
    assert PARAS[0][:cut] in kept and PARAS[0][cut + 1 :] in kept
    assert not [line for line in broken.removed if line in PARAS[0]]
