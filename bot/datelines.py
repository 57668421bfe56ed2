"""Datelines: the place and wire credit that open a story's first paragraph.

"WASHINGTON (Reuters) - ", "HAYWARD, Calif. (AP) — ", "Hong Kong (CNN Business)", "MOSCOW,
Oct 24 (Reuters) -", "LONDON — ". They belong to the article's body but not to the fact or
the reported words that follow them: a digest shows "The State Duma voted ..." rather than
"MOSCOW (Reuters) - The State Duma voted ...", still a span of the article.
"""

from __future__ import annotations

import re

# A place: one to four capitalised words, perhaps with a state or country after a comma
# ("HAYWARD, Calif.", "BEIRUT, Lebanon") and a short date ("Oct 24", "Nov. 19").
_PLACE = (
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
    r"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
)
# A wire or outlet credit in brackets: "(Reuters)", "(AP)", "(CNN Business)".
_CREDIT = r"\((?:[A-Z][\w.&’'-]*)(?: [A-Z][\w.&’'-]*){0,2}\)"
_DASH = r"(?:--|[—–―-])"
_DATELINE = re.compile(
    # place and credit, then a dash or the story's first capital ("(CNN Business)A muddled")
    rf"(?:{_PLACE} )?{_CREDIT}(?:\s*{_DASH}\s*|\s*(?=[A-Z“\"]))"
    # or a place in capitals and a dash: "LONDON — ", "SELMA, Ala. -- "
    rf"|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){{0,3}}"
    rf"(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}})? {_DASH} "
)


def dateline_end(paragraph: str) -> int:
    """Where the words after a dateline opening ``paragraph`` start; 0 when it has none."""
    m = _DATELINE.match(paragraph)
    if m is None or m.end() >= len(paragraph):
        return 0
    first = paragraph[m.end()]
    # The story starts as a sentence does: "IT - is weird" has no dateline.
    return m.end() if first.isupper() or first.isdigit() or first in "“\"‘'" else 0
