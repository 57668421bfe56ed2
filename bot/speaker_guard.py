"""Words the cue rules take for a speaker that no reader would call one.

An editor reads the speaker first: "NEW DELHI" (a dateline), "Shortly" (an adverb opening the
sentence) or "The company flat-out" (an adverb glued to the subject) make a digest look broken.
These checks run on the words found, before a speaker is resolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from bot.model import Attribution
from bot.speakers import antecedent_before, parse_speaker, wordset

# Sentence adverbs and auxiliaries the subject search can stop at: "Shortly after, ...
# claiming", "Critically, however, it pointed out", "Do you think ...".
_NOT_A_SUBJECT = wordset(
    "shortly critically currently however meanwhile moreover furthermore instead perhaps "
    "do does did "
    # A verb's past opening the words: a predicate ("made it the center of his closing
    # remarks"), its subject further back.
    "made took gave went came"
)
# Adverbs between a subject and its verb: "The company flat-out denied", "The founder always
# argued", "Others, though, said".
_TRAILING_ADVERBS = wordset(
    "always never also still just even very often again repeatedly flat-out later then "
    "recently previously once ever meanwhile however though too"
)
# Words linking a sentence to the one before, left in front of its subject.
_LEADING_LINKS = wordset("and but then while so yet also")
# Sentence adverbs left before a subject that the filter kept ("Now Bloomberg", "Later, Marco
# Rubio"): cut from the words shown.
_LEADING_ADVERBS = wordset("now later still")
# Taken alone for the subject, these go on with the last speaker ("Then, later that month on
# CNN: ...").
_GOING_ON = wordset("then later")
# A sentence adverb or a bare participle taken alone for the subject ("Then, ...", "Having
# ..."): no one said it.
_LONE_ADVERBS = _LEADING_ADVERBS | _GOING_ON | {"having"}
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# A time adjunct before the subject: "Last week State Department official David Holmes".
_LEADING_TIME = re.compile(
    r"^(?:(?:late|early|earlier|later)\s+)?(?:last|this|next)\s+(?:week|month|year|night|"
    rf"spring|summer|fall|autumn|winter|weekend|{_WEEKDAYS})\b,?\s+(?=\S)",
    re.IGNORECASE,
)
# A time or an aside ending the words: "on Monday", "last week", "long ago", ", for instance".
_TRAILING_TIME = re.compile(
    rf",?\s+(?:(?:on\s+)?(?:{_WEEKDAYS})"
    r"|(?:(?:late|early|earlier|later)\s+)?(?:last|this|next)\s+(?:week|month|year|night|"
    r"weekend)|long ago|(?:earlier|later) this (?:week|month|year)|for (?:instance|example))$",
    re.IGNORECASE,
)
# A relative pronoun ending the words: the speaker is its antecedent ("Ann Poole, who").
_TRAILING_RELATIVE = re.compile(r",?\s+(?:who|which|that)$", re.IGNORECASE)
# A clause set off after the speaker: "The company, which is expected to lay off thousands",
# "The news organization, citing an anonymous government source", "Jim Bridenstine, noting
# that there wasn't funding ..." (a report of its own, shown apart).
_SET_OFF_CLAUSE = re.compile(
    r",\s+(?:who|which|whose|citing|speaking|noting|adding|saying|arguing|explaining|"
    r"referring|recalling|insisting|stressing|warning|acknowledging|pointing|suggesting)\s")
_RELATIVE_WORD = re.compile(r"\b(?:who|which|that)\b", re.IGNORECASE)
# A past-tense verb with an object: "the manager believed the waitress", "Mr. Trump canceled
# an increase". A participle modifying a noun takes no determiner after it ("a report
# released Friday", "people briefed on the talks").
_CLAUSE_VERB = re.compile(
    r"(?<=[\w.’']\s)(?!(?:[Ll]ast|[Nn]ext)\b)[a-z]+ed,?\s+"
    r"(?P<np>(?:the|a|an|his|her|its|their|our)\s+\S.*)$"
)
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
    r",?\s+(?:in|on|during|via|through)\s+(?:(?:an?|the|his|her|their|its)\s+"
    r"(?:[\w’'-]+\s+){0,2}?)?(?:"  # "in a Friday tweet", "in a Medium post"
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
    text = _STRAY_MARKS.sub("", text)  # '’’ Will Moy': a closing mark typed twice
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
    when = _TRAILING_TIME.search(text)
    if when and when.start() > 0 and not text[: when.start()].endswith(("ed", " out")):
        # "The Sanders campaign on Monday", "The administration long ago", "Party leaders,
        # for instance": when (or how) it was said, not who. ("A report released Monday",
        # "a poll out Monday" keep their day: the participle needs it.)
        text = text[: when.start()]
        words = text.split()
    if 2 <= len(words) <= 5 and words[-1].lower().strip(",") in _TRAILING_ADVERBS:
        return text[: text.rstrip().rfind(" ")].rstrip(" ,")
    if len(words) >= 2 and words[-1].lower() in _SUBJECT_PRONOUNS and (
            words[-2].lower() not in ("and", "or", "nor")):
        # "The only regret he acknowledged", "Recently she announced", "a decision they
        # say": the pronoun right before the cue is its subject; the words before it are
        # the sentence's, not the speaker's. ("Clinton and he said": both speak.)
        return words[-1]
    return text


_SUBJECT_PRONOUNS = wordset("he she they we i")
_STRAY_MARKS = re.compile(r"^[’‘'`]+\s+")


# A preposition opening the words ("Among those who believe ..."): an adjunct, not the subject.
_LEADING_PREPOSITIONS = wordset("among like unlike")


def _has_antecedent(head: str) -> bool:
    """Whether a relative pronoun after ``head`` refers to a noun in it: not after another
    relative pronoun (which noun it follows is anyone's guess), nor after a verb, where "who"
    opens a question ("Buckley first learned who had written it")."""
    words = head.split()
    return bool(words) and not _RELATIVE_WORD.search(head) and not (
        words[-1].islower() and words[-1].endswith("ed"))


def _antecedent(text: str) -> str:
    """What a relative pronoun after ``text`` refers to: the object of a verb the words hold
    ("the manager believed the waitress" -> "the waitress"), or the noun phrase after an
    opening preposition ("Among those" -> "those")."""
    verb = _CLAUSE_VERB.search(text)
    if verb and "," not in text[: verb.start()]:
        return verb.group("np")
    words = text.split(None, 1)
    if len(words) == 2 and words[0].lower() in _LEADING_PREPOSITIONS:
        return words[1]
    return text


def _clause_verb(text: str) -> re.Match[str] | None:
    """The verb of a clause the words hold ("Mr. Trump canceled an increase in tariffs"), not
    inside a relative clause or aside, nor before a relative pronoun ending the words."""
    if _TRAILING_RELATIVE.search(text) or _ISSUED_TAIL.search(text):
        return None
    verb = _CLAUSE_VERB.search(text)
    if not verb or "," in text[: verb.start()] or _RELATIVE_WORD.search(text, 0, verb.start()):
        return None
    return verb


def _participial(cue: str) -> bool:
    """Whether the cue opens with an -ing participle ("calling", "saying")."""
    return cue.split(None, 1)[0].lower().endswith("ing") if cue.strip() else False


# An infinitive after the verb's object: "This prompted the tabloid to do a cover showing ...".
_OBJECT_TO = re.compile(r"\s+to\s+[a-z]")


@lru_cache(maxsize=4096)  # pure; a story gives the same few speakers again and again
def shown_speaker(text: str, cue: str) -> str | None:
    """The words an editor would show for the speaker, or None when they name no one.

    A lone sentence adverb ("Then", "Having") or a clause with its own verb and object
    ("Mr. Trump canceled an increase in tariffs", before "planned") names no one; before an
    -ing participle the clause's subject speaks ("Sanders started a petition calling on ...").
    A relative pronoun ending the words means the speaker is its antecedent ("Ann Poole,
    who"; "the manager believed the waitress, who" -> "the waitress"). A time adjunct or a
    sentence adverb before the subject is cut ("Last week State Department official ...").
    """
    words = text.split()
    if len(words) == 1 and words[0].lower().strip(",") in _LONE_ADVERBS:
        return None
    clause = _clause_verb(text)
    if clause:
        if not _participial(cue):  # (_CLAUSE_VERB never matches at 0: a word precedes it)
            return None
        to = _OBJECT_TO.search(clause.group("np"))
        # ("This prompted the tabloid to do a cover showing ...": the cover is the tabloid's)
        text = clause.group("np")[: to.start()] if to else text[: clause.start()].rstrip()
    text = _LEADING_TIME.sub("", text)
    rel = _TRAILING_RELATIVE.search(text)
    if rel and _has_antecedent(text[: rel.start()]):
        text = _antecedent(text[: rel.start()])
    aside = _SET_OFF_CLAUSE.search(text)
    if aside and _has_antecedent(text[: aside.start()]):
        text = text[: aside.start()]
    first, _, rest = text.partition(" ")
    if rest and first.lower().strip(",") in _LEADING_ADVERBS:
        text = rest.lstrip(" ,")
    return text


# Words opening a description that an appositive name follows: "another witness in the
# probe, former adviser Fiona Hill", "One superdelegate, party chairwoman Nancy Worley".
_DESCRIPTION_OPENERS = wordset("a an the another one")
_NOT_A_NAME_OPENER = wordset("a an the including such especially like")


def _named_appositive(text: str) -> tuple[str, str] | None:
    """(name, role) when the words are one person's description and then, after a comma,
    their office and name ("another witness in the probe, former adviser Fiona Hill" ->
    ("Fiona Hill", "former adviser")); None otherwise (two people, a list, an example)."""
    head, sep, tail = text.rpartition(", ")
    words = head.split()
    if not sep or not words or words[0].lower() not in _DESCRIPTION_OPENERS or (
            " and " in text or "," in head or tail.split()[0].lower() in _NOT_A_NAME_OPENER):
        return None
    ph = parse_speaker(tail)
    if not ph.name or not ph.role or ph.name == tail or not tail.endswith(ph.name):
        return None
    return ph.name, ph.role


def _who_antecedent(a: Attribution, paragraph: str) -> str | None:
    """For a speaker "who" ("..., Bernie Sanders, who cites them as ..."), the noun phrase
    before it, when it is a name or a short phrase opened by an article."""
    end = a.span[0] if a.span else len(paragraph)
    at = None
    # The relative stands just before its report: a window, not the whole paragraph.
    for m in _WHO_AFTER_BREAK.finditer(paragraph, max(0, end - _WHO_REACH), end):
        at = m.start()  # the last one before the content
    if at is None:
        return None
    # "Curly Haugland, who’s argued", "Hillary Clinton — who’s called for": a dash or a
    # contraction sets the relative off as a comma does.
    start = antecedent_before(paragraph[:at] + ", ")
    return None if start is None else paragraph[start:at]


_WHO_REACH = 400  # characters before the content where its "who" is looked for
_WHO_AFTER_BREAK = re.compile(r"\s?[,—–]\s+who(?:[’']s)?\s")


def honest_speakers(
    pairs: Sequence[tuple[Attribution, list[str]]], body: Sequence[str],
) -> list[tuple[Attribution, list[str]]]:
    """``pairs`` with the speakers' words as ``shown_speaker`` gives them and a "who" as the
    noun phrase before it. The resolved name stays unless it was cut away. Done after the
    filter's features are read (it was trained on the words as found). Words that name no
    one keep the attribution, with no speaker and the words as read (a "Then" goes on with
    the last speaker): dropping such attributions lowered the cross-validated figures (the
    retrained filter and cut model shift)."""
    out: list[tuple[Attribution, list[str]]] = []
    for a, f in pairs:
        out.append((_honest_speaker(a, body, out[-1][0] if out else None), f))
    return out


def _honest_speaker(a: Attribution, body: Sequence[str], last: Attribution | None,
                    ) -> Attribution:
    """One attribution of ``honest_speakers``; ``last`` is the one before it, as shown."""
    text = a.speaker_text or ""
    if text.lower() == "who" and a.speaker == text:
        text = _who_antecedent(a, body[a.paragraph]) or text
        if text != a.speaker_text:
            a = replace(a, speaker=parse_speaker(text).name or text, speaker_text=text)
    if a.speaker == text and (named := _named_appositive(text)):
        a = replace(a, speaker=named[0], speaker_role=named[1])
    shown = shown_speaker(text, a.cue or "") if text else text
    if shown is None:
        if text.strip(" ,").lower() in _GOING_ON and last and (
                last.paragraph >= a.paragraph - 1):
            # "Then, later that month on CNN: ...": the same speaker goes on.
            return replace(a, speaker=last.speaker, speaker_text=last.speaker_text,
                           speaker_role=last.speaker_role, anonymous=last.anonymous)
        if a.speaker == text:
            # Words that name no one ("Mr. Christie roused the crowd to spontaneous", a
            # lone "Still"): no speaker, the words kept as read.
            return replace(a, speaker=None)
        return a
    if shown == text:
        return a
    speaker = a.speaker
    if not speaker or speaker == text or (speaker in text and speaker not in shown):
        speaker = parse_speaker(shown).name or shown
    cut = text[: text.find(shown)] if shown in text else ""  # the words cut before it
    role = a.speaker_role
    if role and cut and role.startswith(cut):
        role = role[len(cut) :].strip() or None
    return replace(a, speaker=speaker, speaker_text=shown, speaker_role=role)


def is_dateline(text: str, body: Sequence[str], para: int) -> bool:
    """Whether the speaker's words are the dateline opening a paragraph ("BUFFALO, N.Y. (AP)
    —", "NEW DELHI: ..."), not a transcript's speaker label ("WALLACE: ..."), which comes
    back in other paragraphs."""
    if text.isascii() and not text.isupper():
        return False  # a lower-case letter or none: most speakers, without the list below
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


# "a region like Delhi", "a city such as Lagos": a kind named by an example.
_KIND_BY_EXAMPLE = re.compile(r"(?i)an?\s+(?:[\w’'-]+\s+){1,2}(?:like|such\s+as)\s")


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
    if _KIND_BY_EXAMPLE.match(text):
        return True  # "a region like Delhi demands ...": a kind of thing, no one's report
    return words[0].lower().strip(",") in _NOT_A_SUBJECT or is_dateline(text, body, para)
