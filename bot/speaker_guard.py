"""Words the cue rules take for a speaker that no reader would call one.

An editor reads the speaker first: "NEW DELHI" (a dateline), "Shortly" (an adverb opening the
sentence) or "The company flat-out" (an adverb glued to the subject) make a digest look broken.
These checks run on the words found, before a speaker is resolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.speakers import wordset

# Sentence adverbs and auxiliaries the subject search can stop at: "Shortly after, ...
# claiming", "Critically, however, it pointed out", "Do you think ...".
_NOT_A_SUBJECT = wordset(
    "shortly critically currently however meanwhile moreover furthermore instead perhaps "
    "do does did"
)
# Adverbs between a subject and its verb: "The company flat-out denied", "The founder always
# argued", "Others, though, said".
_TRAILING_ADVERBS = wordset(
    "always never also still just even very often again repeatedly flat-out later then "
    "recently previously once ever meanwhile however though too"
)
# Words linking a sentence to the one before, left in front of its subject.
_LEADING_LINKS = wordset("and but then while so yet also")
# A dateline: the place in capitals at a story's start, then a comma, "(AP)" or a dash.
_DATELINE_END = re.compile(r"\s*(?:,|\(|[—–-]\s)")
# A transcript's speaker label ("WALLACE:"), after an opening quote mark when the transcript
# is set in quotes ('"PENCE: ...').
_CAPS_LABEL = re.compile(r"[\"“]?[A-Z][A-Z.’' -]+:")


# Where or how someone spoke ("in a statement", "during his speech", "through his lawyer"):
# the content rules (``bot.attribution``) end a report before such an adjunct, and
# ``tidy_speaker`` cuts it from a speaker.
CHANNEL_NOUNS = (
    "statement", "interview", "speech", "tweet", "post", "letter", "email", "e-mail",
    "appearance", "broadcast", "conference", "remarks", "op-ed", "column", "memo", "release",
    "video", "address", "debate", "rally", "hearing", "filing", "lawyer", "attorney",
    "spokesman", "spokeswoman", "spokesperson",
)  # fmt: skip
# How it was said, after the speaker's name: "said a company spokesperson in an email", "Ann
# Poole, on a conference call with reporters", "the mayor on Twitter".
_CHANNEL_TAIL = re.compile(
    r",?\s+(?:in|on|during|via|through)\s+(?:(?:an?|the|his|her|their|its)\s+)?(?:"
    + "|".join((*CHANNEL_NOUNS, r"(?:news|press)\s+release", r"(?:phone|conference)\s+call",
                r"text\s+message", "Twitter", "Facebook"))
    + r")s?(?:$|[,;]|\s+(?:to|with|on|from|at|for|after|before|that|late|early|last|this)\b)"
)


# What the speaker put out, left in the speaker when the report follows a colon or
# "saying": "Gowdy released a statement", "His office put out a statement", "The Cruz
# campaign sent a fundraising email", "Trump fired back a response".
_ISSUED_TAIL = re.compile(
    r"\s+(?:issued|released|put\s+out|sent(?:\s+out)?|published|fired\s+back|posted)"
    r"\s+(?:an?|the|his|her|its|their)\s+[\w\s-]{0,30}?(?:"
    + "|".join((*CHANNEL_NOUNS, "report", "response", "note", "message", "ad"))
    + r")s?$"
)


def tidy_speaker(text: str) -> str:
    """The speaker's words without how it was said ("a spokesperson in an email" -> "a
    spokesperson") or an adverb trailing them ("The company flat-out" -> "The company",
    "Others, though" -> "Others"; short phrases only, where the last word is the adverb and
    not the end of a longer description)."""
    issued = _ISSUED_TAIL.search(text)
    if issued and issued.start() > 0:
        text = text[: issued.start()]  # "Clinton issued a statement" (": ..." / "saying")
    channel = _CHANNEL_TAIL.search(text)
    # ("some on Twitter" keeps its place: "some" alone says nothing of who)
    if channel and (" " in text[: channel.start()].strip() or text[:1].isupper()):
        text = text[: channel.start()]
    words = text.split()
    if len(words) >= 2 and words[0].lower().strip(",") in _LEADING_LINKS:
        # "And he", "Then she added", "While Mr. Ryan, ...": the link joins the sentence to
        # the one before; the speaker is what follows it.
        text = text.split(None, 1)[1].lstrip(" ,")
        words = words[1:]
    if 2 <= len(words) <= 5 and words[-1].lower().strip(",") in _TRAILING_ADVERBS:
        return text[: text.rstrip().rfind(" ")].rstrip(" ,")
    return text


def is_dateline(text: str, body: Sequence[str], para: int) -> bool:
    """Whether the speaker's words are the dateline opening a paragraph ("BUFFALO, N.Y. (AP)
    —", "NEW DELHI: ..."), not a transcript's speaker label ("WALLACE: ..."), which comes
    back in other paragraphs."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    paragraph = body[para]
    if not paragraph.startswith(text):
        return False
    rest = paragraph[len(text) :]
    if _DATELINE_END.match(rest):
        return True
    if not rest.startswith(":"):
        return False
    return not any(_CAPS_LABEL.match(p) for i, p in enumerate(body) if i != para)


def is_not_a_speaker(text: str, body: Sequence[str], para: int) -> bool:
    """Words that cannot be who said it: an opening adverb or auxiliary, a dateline, or a
    letter's salutation."""
    words = text.split()
    if not words:
        return True
    if len(words) == 1 and words[0].replace(",", "").isdigit():
        return True  # "34 points during ...": a bare count, not a source ("47%" polled is)
    if words[0].lower() == "dear" and len(words) <= 4:
        return True  # "DEAR ABBY: My husband ...": a letter's salutation, not its writer
    return words[0].lower().strip(",") in _NOT_A_SUBJECT or is_dateline(text, body, para)
