"""Speaker noun phrases: names, roles, pronouns, anonymous sources, and their resolution.

Pure functions over strings. A speaker phrase as written ("State Duma speaker Vyacheslav
Volodin", "he", "the spy agency") is parsed into a name and a role, and pronouns and
descriptors are resolved against the speakers named so far (or, for a descriptor met
before its name, the next named speaker that fits).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.sentences import SENTENCE_STARTERS


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


PRONOUNS = wordset("he she they it i we you who which")
MALE = wordset("he him his mr")
FEMALE = wordset("she her hers mrs ms")
DETERMINERS = wordset(
    "the a an this that these those another some many several most few other his her its "
    "their our my two three four five both each one all no any such"
)
# Lower-case words allowed inside a proper-name run ("Jean de la Fontaine", "Osama bin Laden").
NAME_PARTICLES = wordset("de da del der van von bin al la le du dos of")
TITLES = wordset(
    "mr mrs ms dr gov sen rep gen lt col maj capt adm sgt prof rev president sens reps "
    "gov. sen. rep. mr. mrs. ms. dr. gen. lt. col. maj. capt. adm. sgt. prof. rev. "
    "senator governor secretary mayor judge chairman speaker minister gen. justice "
    "congressman congresswoman ambassador spokesman spokeswoman former"
)
# Role nouns: heads of descriptors that stand for a person.
PERSON_ROLES = wordset(
    "president secretary minister spokesman spokeswoman spokesperson spokespeople official "
    "officials senator congressman congresswoman lawmaker lawmakers governor mayor leader "
    "chairman chairwoman chair speaker director chief ambassador adviser advisor aide aides "
    "candidate nominee general commander diplomat envoy prosecutor judge attorney lawyer "
    "analyst analysts expert experts source sources person people representative "
    "strategist manager head founder ceo executive economist professor researcher "
    "researchers scientist critic critics supporter supporters voter voters resident "
    "residents witness witnesses member members officer officers agent agents campaigner "
    "activist activists operative operatives donor donors insider insiders investigator "
    "investigators author writer columnist reporter correspondent editor host anchor "
    "pollster candidate candidates democrat democrats republican republicans chancellor "
    "premier king queen prince pope cleric monarch emperor vice deputy staffer staffers "
    "colleague colleagues friend friends man woman men women mother father son daughter "
    "wife husband brother sister family lawmaker delegate delegates administrator "
    "counsel counselor attorney-general surrogate surrogates backer backers"
)
ORG_NOUNS = wordset(
    "agency service ministry department office bureau committee council party campaign "
    "government administration commission court parliament house senate assembly "
    "company firm group organization organisation institute foundation network newspaper "
    "paper outlet army military navy police union alliance coalition board team center "
    "centre association authority authorities kremlin pentagon agency's regime cabinet "
    "university poll survey study report analysis data statement website site station "
    "channel magazine times post journal press news"
)
# Words that make an unnamed source anonymous ("officials said", "a person familiar ...").
ANON_HEADS = wordset(
    "official officials source sources person people aide aides insider insiders "
    "diplomat diplomats staffer staffers operative operatives adviser advisers advisor "
    "advisors someone spokesman spokeswoman spokesperson observers analysts experts "
    "critics supporters"
)

_HEAD_CUTS = wordset(
    "of for with at in from on familiar close who briefed like to by near under about than "
    "including"
)
# Courtesy and rank abbreviations stay part of the name ("Dr Jane Lee", "Col. Ann Ware").
HONORIFICS = wordset("mr mrs ms miss dr prof rev sir dame lord lady gen lt col maj capt adm sgt")
# Office words that end a title before a full name, capitalised or not: "Indian Prime
# Minister Narendra Modi" -> role "Indian Prime Minister", name "Narendra Modi"; "NASA
# Administrator Jim Bridenstine". Ranks are no office: like "Col." and "Sgt.", "Officer"
# and "Colonel" stay in the name.
ROLE_TITLES = wordset(
    "president minister secretary senator sen gov governor rep representative congressman "
    "congresswoman mayor chancellor premier speaker spokesman spokeswoman spokesperson "
    "ambassador judge justice chairman chairwoman chair director chief commissioner "
    "prosecutor general leader king queen prince princess pope ceo executive envoy "
    "vice-president deputy treasurer inspector sheriff superintendent attorney counsel "
    "recorder clerk auditor comptroller solicitor coroner assessor administrator adviser "
    "advisor strategist economist analyst founder co-founder professor correspondent editor "
    "manager coordinator trustee coach publisher supervisor cllr councillor councilor "
    "alderman alderwoman"
)
# A name after one of these is an object, not the speaker: "a spokesman for the Pentagon",
# "a region like Delhi", "footage of Trump".
PREPOSITIONS = wordset(
    "of for with at in from on like to by near under about than including against among "
    "between behind within outside inside toward towards across over into"
)
# Heads naming people (not documents, places or things), for ``anonymous``.
PEOPLE = PERSON_ROLES | ANON_HEADS | wordset(
    "politician politicians someone anyone everyone nobody many others respondent respondents "
    "employee employees worker workers student students teacher teachers doctor doctors "
    "nurse nurses parent parents citizen citizens protester protesters organizer organizers "
    "participant participants investor investors scientists economists observer observers "
    "ally allies leaders official's"
)
_WORD = re.compile(r"[\w’'.&-]+")
# "WASHINGTON -- President Obama": a dateline is no part of the speaker.
_DATELINE = re.compile(r"^[A-Z][A-Z .,]+\s*(?:--|—|–|―)\s*")
_CLAUSE = re.compile(r"(?<!\d),|,(?!\d)|\(|\s[—–-]\s|\s--\s|\b(?:who|whose|which)\b")


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """A parsed speaker phrase.

    ``anonymous``: no name, and the head is a person or a group of people ("officials",
    "a person familiar with the matter", "politicians", "two sources"). Documents, polls,
    estimates, places and things ("one estimate", "the report") are unnamed but not
    anonymous; neither is a pronoun.
    """

    text: str
    name: str | None  # the proper-name run, if any ("Vyacheslav Volodin")
    role: str | None  # the words before the name, or the whole descriptor
    pronoun: str | None  # "he", "she", "they" ... when the phrase is only a pronoun
    head: str  # lower-cased last word of the phrase core ("agency", "volodin")
    anonymous: bool
    gender: str | None  # "m", "f" or None
    group: bool = False  # two named people ("Volker and Morrison"): no one entity


def _is_cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0].isdigit() and len(word) > 1)) and (
        word.lower() not in DETERMINERS
    )


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def _bare(word: str) -> str:
    return word.lower().rstrip(".")


def _last_run(words: list[str], low: list[str]) -> tuple[int, int] | None:
    """[start, end) of the last run of capitalised words (particles and initials inside)."""
    best: tuple[int, int] | None = None
    i = 0
    while i < len(words):
        if _is_cap(words[i]) and low[i] not in TITLES:
            j = i + 1
            while j < len(words) and (
                _is_cap(words[j]) or (low[j] in NAME_PARTICLES and _particles_to_cap(words, low, j))
                or (low[j] in _ORG_JOINS and j + 1 < len(words) and _is_cap(words[j + 1])
                    and any(w.rstrip("s") in _ORG_STEMS for w in low[i:j]))
            ):
                j += 1
            best = (i, j)
            i = j
        else:
            i += 1
    return best


_AFFILIATION_PREPS = wordset("of from at with")


def _name_before_of(words: list[str], low: list[str]) -> tuple[tuple[int, int], str] | None:
    """A person's name opening the phrase before "of"/"from"/"at" and an organisation or
    place: ((start, end) of the name, the affiliation). "Ross Eisenbrey of the Economic
    Policy Institute" -> Ross Eisenbrey, "Economic Policy Institute"; not "Secretary of
    State" (one word) nor "Bank of America" (an organisation)."""
    p = next((k for k, w in enumerate(low) if w in _AFFILIATION_PREPS), None)
    if p is None or p < 2 or p == len(words) - 1:
        return None
    run = _last_run(words[:p], low[:p])  # after any titles: "President Barack Obama"
    if run is None or run[1] != p or p - run[0] < 2 or not all(
            w in TITLES or w in _OFFICE_ANY for w in low[: run[0]]):
        return None
    if _has_org_word(low[:p]):
        return None
    where = _without_the(" ".join(words[p + 1 :]))
    return (run, where) if where else None


def _without_the(words: str) -> str:
    """ "the Economic Policy Institute" -> "Economic Policy Institute"."""
    first, _, rest = words.partition(" ")
    return rest if rest and first.lower() in DETERMINERS else words


def _particles_to_cap(words: list[str], low: list[str], j: int) -> bool:
    """Whether the particles from ``j`` lead on to a capitalised word: "von der Leyen"."""
    while j < len(words) and low[j] in NAME_PARTICLES:
        j += 1
    return j < len(words) and _is_cap(words[j])


def _has_org_word(low: Iterable[str]) -> bool:
    """Whether a lower-cased word, possessive and plural aside, names a kind of organisation
    ("department", "ministry's", "banks")."""
    return not _ORG_STEMS.isdisjoint(_strip_possessive(w).rstrip("s") for w in low)


def _after_preposition(low: list[str], s: int) -> bool:
    """The name run at ``s`` is a preposition's object ("analysts at Goldman Sachs")."""
    k = s - 1
    while k >= 0 and (low[k] in DETERMINERS or low[k] in TITLES or low[k] in HONORIFICS):
        k -= 1
    return k >= 1 and low[k] in PREPOSITIONS


# Texts and findings: "the statement said" is not a name for whoever issued it.
_DOCUMENTS = wordset("statement report study data survey poll analysis website site letter "
                     "memo book lawsuit document documents")
# What a body puts out, and the participles that say so: "an analysis by the Local
# Government Association", "a summary released by the union", "a statement from the
# ministry" report the body's words, so the body is the speaker's name.
_DOCUMENT_NOUNS = _DOCUMENTS | wordset("""analyses reports studies surveys polls statements
    summary figures estimate estimates research review audit filing release assessment
    forecast tally count""")
_ISSUED = wordset("released published issued compiled conducted produced prepared put out")
_POLLS = wordset("poll polls survey surveys")
_LIST_WORDS = wordset("and or &")


def _document_by(low: list[str], s: int) -> bool:
    """The name run at ``s`` is who wrote a document: "analysis by the LGA"."""
    k = s - 1
    while k >= 0 and low[k] in DETERMINERS:
        k -= 1
    if k < 1 or low[k] not in ("by", "from") or not _LIST_WORDS.isdisjoint(low[k + 1 :]):
        return False  # "reports from the Gazette and Harbour FM": a list, shown as written
    j = k - 1
    if low[j] in _ISSUED and j >= 1:
        j -= 1
    # "a poll from Utah" is where the poll was taken, not who took it
    return low[j] in _DOCUMENT_NOUNS and not (low[k] == "from" and low[j] in _POLLS)


def _org_across_preposition(words: list[str], low: list[str], s: int,
                            e: int) -> tuple[int, int]:
    """Widen "New Delhi" to "US Embassy in New Delhi" when an organisation comes before,
    and "State John Kerry" to "Secretary of State John Kerry" after an office word."""
    k = s - 1
    if k < 1 or low[k] not in _ORG_LINKS or not words[k - 1][:1].isupper():
        return s, e
    r = k - 1
    while r > 0 and (_is_cap(words[r - 1]) or low[r - 1] in NAME_PARTICLES):
        r -= 1
    office = low[k] == "of" and low[k - 1] in ROLE_TITLES
    if office or _has_org_word(low[r:k]):
        return r, e
    return s, e


# A middle initial: "John F. Kerry", "Harry M. Reid".
_INITIAL = re.compile(r"[A-Z]\.?")


def _name_start(words: list[str], low: list[str], s: int, e: int) -> int:
    """Where the name starts, for the capitalised run [s, e): after its office words.

    "Indian Prime Minister Narendra Modi" -> at "Narendra"; "Secretary of State Antony
    Blinken" -> at "Antony". A lone surname keeps its title ("Chief Justice Roberts",
    "Texas Sen. Cruz" -> "Sen. Cruz"); courtesy titles stay ("Dr Jane Lee"); organisations
    ("Justice Department", "General Motors") are left whole.
    """
    b = s
    while b > 0 and low[b - 1] in _OFFICE:
        b -= 1  # titles the run loop left out: "Sen." in "Sen. Ted Cruz"
    last = None
    for t in range(b, e - 1):
        if low[t] in _OFFICE and not (low[t] == "general" and t == b):
            last = t
    start = s
    if last is not None:
        start = last + 1
        if low[start] == "of":  # "Secretary of State Antony Blinken": the name is last
            start = e - 2
            while start > last and _INITIAL.fullmatch(words[start]):
                start -= 1  # a middle initial: "John F. Kerry"
        if e - start < 2:
            # "Chief Justice Roberts", "President Biden": the title block is in the name.
            start = last
            while start > 0 and low[start - 1] in _OFFICE_ANY:
                start -= 1
        if _has_org_word(low[start:e]):
            start = b
    else:
        start = _after_owner(words, low, s, e)
    while start > 0 and low[start - 1] in HONORIFICS:
        start -= 1  # "Dr Jane Lee", "the Rev. Peter Wherry"
    return start


def _after_owner(words: list[str], low: list[str], s: int, e: int) -> int:
    """Start of a name after what it belongs to, in a run with no office word: "Gallup's
    Jeffrey M. Jones", "Retired U.S. Air Force Gen. Norman Ham" (a rank opens the name)."""
    start = s
    for t in range(s, e - 2):
        if words[t].endswith(("’s", "'s", "s’", "s'")):
            start = t + 1
        elif low[t] in HONORIFICS and t > s:
            start = t
    if _has_org_word(low[start:e]):
        return s  # "Gallup's Polling Center", "the Pentagon's Defense Policy Board"
    return start


_TITLE_CASE_PREPOSITIONS = wordset("on in at for of to with about over after against from into")
# Capitalised only in a title-case headline: inside a run of capitals, no name's words.
_TITLE_CASE_WORDS = (_TITLE_CASE_PREPOSITIONS - wordset("of")) | wordset(
    "the he she him his her himself herself they their is are was has have had")


def _as_written(name: str, text: str) -> str:
    """``name``, joined from its words, as ``text`` writes it where a mark the words leave
    out stands between them ("E! News", "Yahoo! Finance"); else ``name``."""
    if not name or name in text:
        return name
    pattern = r"[^\w\s]*\s+".join(map(re.escape, name.split()))
    m = re.search(pattern, text)
    return " ".join(m.group(0).split()) if m else name  # (a no-break space as a space)


# An organisation's name listing its remits: "Department for Environment, Food and Rural
# Affairs" (an organisation's noun, "of" or "for", capitalised words joined by commas and a
# last "and").
_CAP_WORDS = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
_COMMA_NAME = re.compile(
    rf"\b((?:Ministry|Department|Office|Agency|Bureau|Committee|Council|Commission|Institute)"
    rf"\s+(?:of|for)\s+{_CAP_WORDS}(?:,\s+{_CAP_WORDS})+,?\s+(?:and|&)\s+{_CAP_WORDS})")


@lru_cache(maxsize=4096)  # pure; "he", "she", "officials" and surnames recur
def parse_speaker(text: str) -> SpeakerPhrase:
    """Split a speaker phrase into name and role: "Ukrainian president Volodymyr Zelensky".

    A name is the last run of capitalised words, minus any office words leading it ("Indian
    Prime Minister" becomes the role); courtesy titles stay ("Dr Jane Lee"). A run that is a
    preposition's object ("a spokesman for the Pentagon", "a region like Delhi") or that
    modifies a lower-case head ("South Korea's spy agency") is no name: the phrase is a
    descriptor, its role None, to be resolved or shown as written. Without words before the
    name, an appositive is the role: "Aseem Prakash, founding director of the Center ...".
    """
    text = text.strip(" ,;:-—–\"“”")
    if text.lower() in PRONOUNS:  # the commonest speaker, fast
        pron = text.lower()
        gender = "m" if pron == "he" else "f" if pron == "she" else None
        return SpeakerPhrase(text, None, None, pron, pron, False, gender)
    text = _DATELINE.sub("", text) or text
    chain = _COMMA_NAME.search(text) if ", " in text else None
    if chain is not None and "," not in text[: chain.start()]:
        # "the Ministry of Housing, Communities and Local Government": its commas are its own
        core = (text[: chain.end()] + _CLAUSE.split(text[chain.end():])[0]).strip()
    else:
        chain = None
        core = _CLAUSE.split(text)[0].strip() or text
    words = _WORD.findall(core)
    low = [_bare(w) for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        gender = "m" if low[0] == "he" else "f" if low[0] == "she" else None
        return SpeakerPhrase(text, None, None, low[0], low[0], False, gender)
    if " and " in core:
        group = _group(text, core)
        if group is not None:
            return group
    elif ", and " in text and (pair := _PAIR.match(text)) and all(
            len(part.split()) >= 2 for part in (pair.group(1), pair.group(3))):
        # "Ann Lee, a harbour master, and Tom Bell, a pilot": two people, each with a role
        # (each named in two words at least: "Boeing Defense, Space, and Security" is one).
        group = _group(text, f"{pair.group(1)} and {pair.group(3)}")
        if group is not None:
            return group
    best = _last_run(words, low)
    gender = None
    if any(w == "mr" for w in low):
        gender = "m"
    elif any(w in ("mrs", "ms") for w in low):
        gender = "f"
    name = None
    role = None
    head = low[-1] if low else ""
    if best and (any(w not in NAME_PARTICLES for w in low[best[1]:])
                 or all(w in _CALENDAR for w in low[best[0]:best[1]])):
        # "South Korea's spy agency", "the US defence secretary", "an ad released Thursday"
        best = None
    if best and any(w[:1].isupper() and w.lower() in _TITLE_CASE_WORDS
                    for w in words[best[0] + 1 : best[1]]):
        best = None  # a headline's words, "Ben Carson Defends Himself Against": no name
    if best and all(w[:1].isdigit() for w in words[best[0]:best[1]]):
        best = None  # "The 125,000 suspensions": a number is no name
    if best and (_OFFICE_ANY.issuperset(low[best[0]:best[1]])
                 or (best == (0, 1) and low[0] in _COMMON_HEADS)):
        best = None  # "the Prime Minister", "Analysts said": descriptors, not names
    if best:
        best = _org_across_preposition(words, low, *best)
    affiliation = None
    if best and _after_preposition(low, best[0]) and (lead := _name_before_of(words, low)):
        # "Ross Eisenbrey of the Economic Policy Institute": the name, then where from.
        best, affiliation = lead
    if best and not (_after_preposition(low, best[0]) and not _document_by(low, best[0])):
        s, e = best
        start = _name_start(words, low, s, e)
        while start == s and s > 0 and low[s - 1] in _LOWER_PARTICLES and words[s - 1].islower():
            s = start = s - 1  # "de Blasio", "von der Leyen": the particle opens the name
        name = _as_written(" ".join(words[start:e]).strip(" ,."), text)
        if chain is not None and name.replace(" ", "") == chain[1].replace(",", "").replace(
                " ", ""):
            name = chain[1]  # as written, with its commas
        if name.endswith(("'s", "’s")):
            name = name[:-2]  # "Mrs. Clinton's embrace of ...": the speaker is Mrs. Clinton
        first, _, rest = name.partition(" ")
        if rest and first[:1].isdigit() and first.endswith("-year-old"):
            name = rest  # "43-year-old Martin Taylor": an age is no name
        if name.split()[0].lower() in _TITLE_CASE_PREPOSITIONS:
            # A headline in title case ("CNN Chief On Trump: ..."): "On Trump" names the
            # topic, not the speaker, and must not become the Trump a later "Trump" is.
            name = None
        if name and start and words[start - 1] == "The" and name.isalpha() and (
                not name.isupper()):
            # "according to The Wrap", "The Verge reported": a one-word name after a capital
            # "The" is a title ("Wrap" alone reads wrong); no person is "The Smith". (An
            # acronym reads as well alone: "the FBI".)
            name = f"The {name}"
        before = [w for w in words[:start]]
        while before and before[0].lower() in _ROLE_LEADS:
            before = before[1:]  # "But Sen. Richard Durbin", "the US envoy ...", "like Trump"
        while before and before[-1].lower() in DETERMINERS:
            before = before[:-1]  # "Vatican spokesman the Rev. Federico Lombardi"
        while before and (before[-1].lower() in ("by", "from") or before[-1] in _ISSUED):
            before = before[:-1]  # "new analysis by the LGA": the role is the document
        while before and before[0].lower() in DETERMINERS:
            before = before[1:]
        if before and before[-1].lower() in ("and", "or", "&"):
            # "reports from The Wrap and Deadline": a list, not a role and a name; shown
            # as written.
            return SpeakerPhrase(text, None, None, None, _strip_possessive(low[-1]), False, None)
        role = ", ".join(filter(None, (" ".join(before), affiliation))) or _appositive(
            text, core)
        if name and " of " in name:
            person, _, where = name.partition(" of ")
            sub = parse_speaker(person) if len(person.split()) >= 2 and not (
                _has_org_word(person.lower().split())
                or not PEOPLE.isdisjoint(person.lower().split())  # "Communications Workers"
            ) else None
            if sub is not None and sub.name and len(sub.name.split()) >= 2:
                # "Sen. Marco Rubio of Florida", "Representative Peter T. King of New York":
                # the person, then where from (not "Bank of America"; not "Secretary of
                # State": no person before "of").
                office = " ".join(before) or sub.role or ""
                name, role = sub.name, ", ".join(filter(None, (office, _without_the(where))))
        head = _strip_possessive(low[e - 1])
    elif low:
        # "a person familiar with the matter" -> person; "officials at the agency" -> official
        cut = next((k for k, w in enumerate(low) if k and w in _HEAD_CUTS
                    and not (w == "of" and low[k - 1] in _QUANTIFIERS)), len(low))
        head = _strip_possessive(low[cut - 1])
        role = core
        appo = _appositive(text, core)
        if appo and 2 <= len(_WORD.findall(appo)) <= 4 and all(
            _is_cap(w) for w in _WORD.findall(appo)
        ):
            name = parse_speaker(appo).name or appo  # "the head of the agency, Rafael Grossi"
    # "the president" is someone the reader can identify; "a resident", "politicians" not.
    definite = bool(low) and (low[0] in _DEFINITE or (words[0][:1].isupper()
                                                        and low[0] in _OFFICE_ANY))
    anonymous = name is None and (
        head in ANON_HEADS or head.rstrip("s") in ANON_HEADS
        or (head in PEOPLE and (head.endswith("s") or not definite))
    )
    return SpeakerPhrase(text, name, role, None, head, anonymous, gender)


# Two names each followed by a role set off by commas; a role opens in lower case or with a
# figure ("a pilot", "29"), so "Lee, Bell, and Cho" is a list, not this; the second name
# opens with a capital ("..., and who is now supporting Senator Rubio" is no partner).
_PAIR = re.compile(r"^([^,]+), ([^,A-Z].*?), and ([A-Z][^,]*?)(?:, [^,A-Z][^,]*)?$")


def _group(text: str, core: str) -> SpeakerPhrase | None:
    """ "Kurt Volker and Ann Morrison": two named people speak together; the name is both
    names, with no role (the words before one name need not fit the other)."""
    left, _, right = core.rpartition(" and ")
    lp, rp = parse_speaker(left), parse_speaker(right)
    if lp.pronoun in ("he", "she") and (rp.name or rp.head in PEOPLE) and not rp.pronoun:
        # "he and his wife Kali": two people, one of them a pronoun: shown as written.
        return SpeakerPhrase(text, None, None, None, rp.head, False, None, group=True)
    if not (lp.name and rp.name) or lp.pronoun or rp.pronoun or " and " in lp.name:
        return None
    if _looks_org(lp.name, lp.role) or _looks_org(rp.name, rp.role):
        return None  # "the Department of Health and Human Services"
    # "Mr. Volker and Ms. Morrison": courtesy titles are house style (see _without_courtesy).
    name = f"{_COURTESY.sub('', lp.name)} and {_COURTESY.sub('', rp.name)}"
    return SpeakerPhrase(text, name, None, None, rp.head, False, None, group=True)


_PICTURES = wordset("image images photo photos photograph picture pictures map graphic chart "
                    "screenshot footage")


def is_caption(ph: SpeakerPhrase) -> bool:
    """A picture caption's subject ("This satellite image from NASA shows ..."): no source.

    Only the deictic "this"/"these" of a caption: "the video showed ..." can report evidence.
    """
    return ph.name is None and ph.head in _PICTURES and bool(
        re.match(r"(?i)(this|these)\b", ph.text)
    )


_APPOSITIVE_STOP = wordset(
    "who whose which that and but while when where after before as meanwhile however though "
    "too instead also nonetheless nevertheless likewise then now"
)  # "Sanders, meanwhile, said": an aside, no description of him
_APPOSITIVE_ADJ = wordset(
    "founding acting managing leading ranking outgoing incoming reigning presiding visiting "
    "sitting retiring longstanding long-standing consulting supervising governing"
)


def _appositive(text: str, core: str) -> str | None:
    """ "Tom Reyes, the campaign's chair" -> "the campaign's chair" (not a "who" clause).

    Articles are optional ("Aseem Prakash, founding director of ..."); an age is skipped
    ("Ann Lee, 44, a nurse"); a comma inside a proper name ("the Council on Energy,
    Environment and Water") does not end it; a relative clause does. A participle ("Fiorina,
    speaking to Iowans") is no appositive.
    """
    rest = text[len(core) :].strip()
    if not rest.startswith(","):
        return None
    segs = [x.strip(" ;:-—–") for x in rest[1:].split(",")]
    while segs and segs[0].isdigit():
        segs = segs[1:]  # an age: "Ann Lee, 44, a retired nurse"
    if not segs:
        return None
    out = segs[0]
    for seg in segs[1:]:
        # A list inside a name: "Council on Energy, Environment and Water think tank"
        # (not "..., a policy institute": a second appositive, about the organisation).
        nxt = _WORD.findall(seg)
        if not (nxt and _is_cap(nxt[0]) and _is_cap(out.split()[-1] if out.split() else "")):
            break
        out = f"{out}, {seg}"
    out = re.split(r"\s(?:who|whose|which|that)\s", out)[0].strip()
    words = _WORD.findall(out)
    if not words or len(words) > 20 or words[0].lower() in _APPOSITIVE_STOP:
        return None
    if words[0].lower() != "of" and words[0].lower() in PREPOSITIONS:
        return None  # "Ms. Gil, with games of capture the flag": no description of her
    first = words[0].lower()
    if first.endswith("ing") and first not in _APPOSITIVE_ADJ and not any(
        _strip_possessive(w.lower()).rstrip("s") in _PERSON_STEMS for w in words[1:3]
    ):
        return None  # "speaking to Iowans", "using a term ..."
    return out


_OFFICE = ROLE_TITLES | (TITLES - HONORIFICS - wordset("former"))
# Words inside a title before its office word: "Prime Minister", "Attorney General".
_OFFICE_MODS = wordset(
    "prime foreign defence defense finance interior home deputy vice attorney chief first "
    "surgeon lieutenant senior assistant under majority minority state"
)
_OFFICE_ANY = _OFFICE | _OFFICE_MODS
# Common nouns capitalised only because they open the sentence ("Officials said ...").
_COMMON_HEADS = (PEOPLE | ORG_NOUNS) - wordset("democrat democrats republican republicans")
_RANK_MODS = wordset("former vice deputy acting assistant ex interim first")
_LEADERS = DETERMINERS | wordset("but and or so yet also then")
# Words before a name that are no role: "like Trump", "Sanders meanwhile", "soon Mr. Lee".
_ROLE_LEADS = _LEADERS | wordset("like including meanwhile soon now even only especially")
_LOWER_PARTICLES = NAME_PARTICLES - wordset("of")
_CALENDAR = wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday tonight"
)
_DEFINITE = wordset("the this that these those his her its their our")
_QUANTIFIERS = wordset("one two three four five some many several most none few all each both "
                       "dozens hundreds thousands millions any")
_ORG_LINKS = wordset("in at for on of")
_ORG_NOUN_STEMS = frozenset(w.rstrip("s") for w in ORG_NOUNS)
_ORG_STEMS = _ORG_NOUN_STEMS | wordset("embassy bank ministry")
ORG_STEMS = _ORG_STEMS
# Inside an organisation's name: "Center for Disease Control and Prevention".
_ORG_JOINS = wordset("and for on &")
_PERSON_STEMS = frozenset(w.rstrip("s") for w in PERSON_ROLES)


@dataclass(slots=True)
class Entity:
    name: str
    role: str | None
    gender: str | None
    is_org: bool
    seen: int = 0  # index of its last mention in the resolver's mention list


def _role_heads(role: str | None) -> set[str]:
    if not role:
        return set()
    return {w.lower().rstrip("s") for w in _WORD.findall(role)}


def _looks_org(name: str, role: str | None) -> bool:
    words = {w.lower().rstrip("s") for w in _WORD.findall(name)}
    if not _ORG_NOUN_STEMS.isdisjoint(words):
        return True
    return bool(_role_heads(role) & {"agency", "party", "company", "group"})


def resolve(phrases: Sequence[SpeakerPhrase | None], gender_hint: dict[str, str],
            rivals: Sequence[Sequence[str]] | None = None,
            subjects: Sequence[str | None] | None = None,
            plain: Sequence[bool] | None = None) -> list[str | None]:
    """Resolve each phrase to a name: its own, an earlier entity's, or a later one's.

    ``rivals[k]`` lists the person names the text mentions between phrase k-1 and phrase
    k: a "he" is left unresolved when another such name could be its antecedent, unless
    ``subjects[k]``, the name that opens the sentence before it, is a person already met
    (or, where ``plain[k]`` says that sentence has no quotation in it, a person named).
    """
    out: list[str | None] = [None] * len(phrases)
    entities: list[Entity] = []
    pending: list[int] = []  # descriptors met before any matching name
    met: dict[int, int] = {}  # pending descriptor -> how many mentions came before it
    mentions: list[str] = []  # every person name met so far, in order
    for k, ph in enumerate(phrases):
        if rivals is not None:
            mentions.extend(rivals[k])
        if ph is None:
            continue
        if ph.group:
            out[k] = ph.name  # two people: no one entity a later "he" or surname can be
            continue
        if ph.name:
            ent = _find_entity(entities, ph.name)
            if ent is None:
                gender = ph.gender or _gender_of(ph.name, gender_hint)
                ent = Entity(ph.name, ph.role, gender, _looks_org(ph.name, ph.role))
            elif ph.role and not ent.role:
                ent.role = ph.role
            if ent.name[:1] == "M" and _COURTESY.match(ent.name) and not _COURTESY.match(
                    ph.name) and len(ph.name.split()) >= 2:
                ent.name = ph.name  # "Mr. Trump" first, "Donald J. Trump" later
            if ent in entities:
                entities.remove(ent)
            entities.append(ent)
            ent.seen = len(mentions)
            mentions.append(ent.name)
            out[k] = ent.name
            # A role-only descriptor waiting for its name: "the US defence secretary said".
            for p in list(pending):
                prev = phrases[p]
                if prev is not None and not ent.is_org and (
                    not ph.role or _role_head(ph.role) == _head_noun(prev.head)
                ) and k - p <= 3 and _modifiers_fit(prev, ent, strict=False) and any(
                    _same_person(m, ent.name) for m in mentions[: met[p]]):
                    # (someone the article named before: "the Florida senator" is a Rubio
                    # met earlier, not whoever speaks next)
                    out[p] = ent.name
                    pending.remove(p)
            continue
        if ph.pronoun:
            subject = subjects[k] if subjects is not None else None
            ent = _subject_entity(entities, ph.pronoun, subject) if subject else None
            if ent is None and subject:
                # Plain narration, and no one else named since the last speaker: the
                # opener need not be said to be of the pronoun's sex.
                alone = rivals is not None and all(_same_person(m, subject) or _same_person(
                    subject, m) for m in rivals[k])
                ent = _subject_person(mentions, ph.pronoun, subject, gender_hint,
                                      plain=plain is not None and plain[k] and alone)
                if ent is not None:
                    entities.append(ent)
            if ent is not None:
                ent.seen = len(mentions)
                mentions.append(ent.name)
                out[k] = ent.name
            else:
                out[k] = _resolve_pronoun(entities, ph.pronoun, mentions, gender_hint)
            continue
        owner = _titled_owner(ph.text)
        if owner is not None and owner.name and _find_entity(entities, owner.name) is None:
            # "a spokeswoman for Mayor Tom Reyes": the mayor is someone a later "the mayor"
            # can be, though not the speaker here.
            entities.append(Entity(owner.name, owner.role, owner.gender, False,
                                   max(len(mentions) - 1, 0)))
        if ph.anonymous:
            out[k] = None
            continue
        ent = _resolve_descriptor(entities, ph)
        if ent is not None:
            out[k] = ent.name
        elif ph.head in PERSON_ROLES and re.match(r"(?i)the\b", ph.text):
            pending.append(k)
            met[k] = len(mentions)
    return _without_courtesy(out, [e.name for e in entities])


_OWNER = re.compile(r"\b(?:for|of|to)\s+((?:[A-Z][\w.’'-]*\s+){2,4}[A-Z][\w’'-]*)\s*$")


def _titled_owner(text: str) -> SpeakerPhrase | None:
    """The titled person a descriptor speaks for: "a spokeswoman for Mayor Tom Reyes" ->
    Tom Reyes, Mayor. None unless an office title opens a full name."""
    m = _OWNER.search(text) if text[:1].islower() or text[:2] in ("A ", "An") else None
    if m is None:
        return None
    ph = parse_speaker(m.group(1))
    if ph.name is None or ph.role is None or len(ph.name.split()) < 2 or (
            _bare(ph.role.split()[-1]) not in ROLE_TITLES):
        return None
    return ph


_COURTESY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx)\.? (?=[A-Z])")


def _without_courtesy(names: list[str | None], known: list[str]) -> list[str | None]:
    """"Mr. Trump" as the full name the article gives him ("Donald J. Trump"), else as
    "Trump": a courtesy title is house style, not part of the name."""
    if not any(n is not None and n.startswith("M") and _COURTESY.match(n) for n in names):
        return names  # the common case: no courtesy title, nothing to do
    full: dict[str, str] = {}
    for n in known:
        if not _COURTESY.match(n) and len(n.split()) >= 2:
            full.setdefault(n.split()[-1].lower(), n)
    out: list[str | None] = []
    for name in names:
        if name is not None and _COURTESY.match(name):
            bare = _COURTESY.sub("", name)
            name = full.get(bare.split()[-1].lower(), bare) if bare.split() else name
        out.append(name)
    return out


_TITLE_WORDS = _OFFICE_ANY | HONORIFICS | PEOPLE | PERSON_ROLES | wordset("mr mrs ms miss mx")
# Words a team sheet puts before a name: "Captain Rui Santos", "substitute Idris Bello".
_LEAD_ROLES = _TITLE_WORDS | wordset("""captain skipper substitute striker goalkeeper keeper
    defender midfielder forward winger coach quarterback pitcher rookie veteran""")
# Words that open a sentence before a name ("Although James ...", "Perhaps Russia"): no
# first name.
_NOT_FIRST_NAMES = SENTENCE_STARTERS | wordset(
    "because perhaps maybe indeed instead unlike like only even just leading don’t don't")


# "Sacramento-based McClatchy", "Texas-born Ann Lee": a compound adjective, no first name.
_DESCRIBING_HYPHEN = re.compile(r"-[a-z]")


def complete_surnames(names: Sequence[str | None], full_names: Sequence[str],
                     text: str = "") -> list[str | None]:
    """A speaker named by surname alone ("Volker") as the full name the article gives that
    person ("Kurt Volker": news names someone in full first, then by surname), where the
    article's full names ending in that surname are one person's (the first met of "Donald
    Trump" and "Donald J. Trump"; "Hillary Clinton" and "Bill Clinton" leave "Clinton").
    ``text``: the article: a word it also writes in lower case ("journalist", "whip") is no
    first name."""
    # A surname: one capitalised word, no acronym ("FBI"), no group ("Republicans").
    wanted = {n.lower() for n in names
              if n is not None and " " not in n and n[:1].isupper() and not n.isupper()
              and n.lower() not in _TITLE_WORDS}
    by_last: dict[str, list[list[str]]] = {}
    for run in full_names:
        last = run.rsplit(" ", 1)[-1].lower()
        if last not in wanted:
            continue  # parse only the runs that can complete a speaker
        name = parse_speaker(run).name  # without its title: "Director James Comey"
        words = name.split() if name else []
        # Words before the name the run took in: "Democrat Zephyr Teachout".
        while len(words) > 2 and (words[0].lower().rstrip(".") in _LEAD_ROLES or (
                _written_lower(words[0], text))):
            words = words[1:]
        # Two words, or three with a middle initial ("Harry M. Reid"): a longer run may
        # hold a place or a title ("Ukraine Kurt Volker" of "envoy to Ukraine Kurt Volker"),
        # and the surname as written is never wrong.
        if (len(words) == 2 or (len(words) == 3 and _INITIAL.fullmatch(words[1]))) and (
                not words[0].endswith(".") and words[0].lower() not in _TITLE_WORDS
                and not _DESCRIBING_HYPHEN.search(words[0])
                and words[0].lower() not in _NOT_FIRST_NAMES):
            by_last.setdefault(last, []).append(words)
    out: list[str | None] = []
    for name in names:
        fulls = by_last.get(name.lower()) if name is not None else None
        if fulls:
            # One form inside another is one person's: "Ukraine Kurt Volker" (of "special
            # envoy to Ukraine Kurt Volker") is "Kurt Volker".
            short = [f for f in fulls if not any(
                len(g) < len(f) and f[-len(g):] == g for g in fulls)]
            if len({f[0].lower() for f in short}) == 1:
                name = " ".join(short[0])
        out.append(name)
    return out


def _written_lower(word: str, text: str) -> bool:
    low = word.lower()
    return low != word and low in text and re.search(
        rf"(?<![\w’'-]){re.escape(low)}(?![\w’'-])", text) is not None


def _surname(low: str) -> str:
    """The word two mentions of one person share: "jason gilbert of cheyenne" -> gilbert
    (the town is no surname: "Scott Hawkins of Cheyenne" is someone else)."""
    words = low.split(" of ", 1)[0].split()
    return words[-1] if words else ""


def _find_entity(entities: list[Entity], name: str) -> Entity | None:
    low = name.lower()
    last = _surname(low)
    padded = f" {low} "
    for ent in reversed(entities):
        el = ent.name.lower()
        # whole words: "Day" (Kristen Day) is no part of "USA Today"
        if el == low or _surname(el) == last or padded in f" {el} ":
            return ent
    return None


def _same_person(a: str, b: str) -> bool:
    la, lb = a.lower(), b.lower()
    return bool(la.split() and lb.split()) and (_surname(la) == _surname(lb) or la in lb)


def asks_sex(ph: SpeakerPhrase | None) -> bool:
    """Whether resolving this phrase reads anyone's sex: "he"/"she", or a descriptor whose
    head says a sex ("the woman", "the congressman"). Only then is the article searched
    for it."""
    return ph is not None and (ph.pronoun in ("he", "she") or _head_noun(ph.head) in _GENDERED)


def _gender_of(name: str, hint: dict[str, str]) -> str | None:
    words = _COURTESY.sub("", name).lower().split()  # "Mr. Charlie McDowell": by "charlie"
    return (hint.get(words[0]) or hint.get(words[-1])) if words else None


# Nouns that say a person's sex, as an apposition says it of a name: "her son, filmmaker
# Charlie McDowell", "actress Mary Steenburgen", "Ann Lee, his widow". ("chairman" and
# "spokesman" are left out: some newsrooms use them of women.)
_MALE_NOUNS = wordset("son husband father brother grandson grandfather nephew uncle boyfriend "
                      "widower stepson stepfather businessman congressman")
_FEMALE_NOUNS = wordset("daughter wife mother sister granddaughter grandmother niece aunt "
                        "girlfriend widow stepdaughter stepmother businesswoman congresswoman "
                        "spokeswoman chairwoman actress")
SEX_NOUNS = {**dict.fromkeys(_MALE_NOUNS, "m"), **dict.fromkeys(_FEMALE_NOUNS, "f")}


def _subject_entity(entities: list[Entity], pronoun: str, subject: str) -> Entity | None:
    """The person met before whom the previous sentence opens with, if "he"/"she" fits."""
    want = {"he": "m", "she": "f"}.get(pronoun)
    if want is None:
        return None
    for ent in reversed(entities):
        if not ent.is_org and ent.gender in (want, None) and _same_person(subject, ent.name):
            return ent
    return None


def _subject_person(mentions: list[str], pronoun: str, subject: str,
                    hint: dict[str, str], *, plain: bool = False) -> Entity | None:
    """A person who has not spoken yet but opens the sentence before a "he"/"she", when the
    article has named them and says they are of the pronoun's sex ("Adam Neumann ... Mr.
    Neumann left in September. He declined to comment"). Only the article's own word for
    their sex counts: the sentence before may be a quote's, its opener someone else. Where
    that sentence is ``plain`` narration, the article need not have said: only no word of
    the other sex may stand against it ("Carla Voss was furious. 'Never a foul,' she
    said")."""
    want = {"he": "m", "she": "f"}.get(pronoun)
    if want is None:
        return None
    surname = _surname(subject.lower())
    named = [n for n in reversed(mentions) if _surname(n.lower()) == surname]
    if not named:
        return None
    sex = _gender_of(named[0], hint)
    if sex != want and not (plain and sex is None):
        return None
    # The latest full name ("President Barack Obama": the name, the title as role), not
    # "Neumann" or "Mr. Neumann".
    phrases = [parse_speaker(n) for n in named]
    ph = next((ph for ph in phrases
               if len(_COURTESY.sub("", ph.name or "").split()) >= 2), phrases[0])
    return Entity(ph.name or named[0], ph.role, sex, is_org=False)


_IT_REACH = 2  # person names mentioned between an organisation and an "it" for it


def _resolve_pronoun(entities: list[Entity], pronoun: str, mentions: list[str],
                     hint: dict[str, str]) -> str | None:
    if pronoun in ("he", "she"):
        want = "m" if pronoun == "he" else "f"
        for ent in reversed(entities):
            if ent.is_org or ent.gender not in (want, None):
                continue
            # Another person named since, who could be "he" too: too close to call. One
            # the article gives the other sex rules out only for a person whose sex it
            # gives too ("Brian Fallon" is no "she" because a Mr. Trump came after him).
            others = [_gender_of(o, hint) for o in mentions[ent.seen + 1 :]
                      if not _same_person(o, ent.name)]
            if any(g in (want, None) for g in others) or (others and ent.gender is None):
                return None
            ent.seen = len(mentions)
            mentions.append(ent.name)
            return ent.name
        return None
    if pronoun == "it":
        for ent in reversed(entities):
            if ent.is_org:
                # People named since the organisation spoke: "it" may well be something
                # else the text has turned to (a newspaper, a poll) by then.
                return ent.name if len(mentions) - ent.seen <= _IT_REACH else None
            if ent.gender is None and " " not in ent.name:
                # "Twitter said ... It added": a one-word name of no known sex may be the
                # company "it" is; an organisation named before it is too far to call.
                return None
        return None
    if pronoun == "i" and entities:
        return entities[-1].name
    return None


def _resolve_descriptor(entities: list[Entity], ph: SpeakerPhrase) -> Entity | None:
    """ "the spy agency" -> the last agency; "the senator" -> the last senator named."""
    if not re.match(r"(?i)(the|this|that)\b", ph.text):
        return None
    heads = _role_heads(ph.role)
    head = _head_noun(ph.head)
    if head in _DOCUMENTS:
        return None  # "the statement", "the study": a text, not whoever wrote it
    person = head in _PERSON_STEMS or head in _GENDERED
    for ent in reversed(entities):
        theirs = _role_heads(ent.role)
        # "the former president" is not "Vice President Joe Biden"; "the president" is not
        # "an adviser to President Obama" (the role's own head must be the descriptor's).
        if (heads & theirs and head == _role_head(ent.role)
                and _plural(ph.head) == _plural(_role_word(ent.role))
                and heads & _RANK_MODS == theirs & _RANK_MODS
                and not (person and ent.is_org) and _modifiers_fit(ph, ent)):
            return ent
    if ph.head in ORG_NOUNS:
        for ent in reversed(entities):
            if ent.is_org and _org_kind_fits(head, ent) and _modifiers_fit(ph, ent):
                return ent
    return None


_NEWS_NAMES = wordset("times post journal news tribune herald daily gazette globe examiner "
                      "inquirer")
_GROUP_NAMES = wordset("group organization organisation foundation institute association "
                       "network center centre council coalition alliance union fund project "
                       "committee")
# Organisations named without the descriptor's own noun: "the agency" for the State
# Department, "the newspaper" for The Washington Post, "the group" for the Tax Foundation.
_ORG_KIN: dict[str, frozenset[str]] = {
    "agency": wordset("agency department office bureau service administration commission "
                      "ministry"),
    "newspaper": _NEWS_NAMES, "paper": _NEWS_NAMES, "outlet": _NEWS_NAMES | wordset("network"),
    "network": wordset("network news"), "group": _GROUP_NAMES,
    "organization": _GROUP_NAMES, "organisation": _GROUP_NAMES,
}
_ABBREVIATED = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general",
                "sens": "senator", "reps": "representative"}
_GENDERED = {"man": "m", "father": "m", "husband": "m", "son": "m", "brother": "m",
             "congressman": "m", "businessman": "m", "woman": "f", "mother": "f", "wife": "f",
             "daughter": "f", "sister": "f", "congresswoman": "f", "businesswoman": "f",
             "spokeswoman": "f", "chairwoman": "f", "spokesman": "m", "chairman": "m"}


def _plural(word: str) -> bool:
    """ "senators", "chairmen": many people, not the one a name stands for."""
    low = _strip_possessive(word.lower())
    return _head_noun(low) != low.rstrip(".") and _bare(low) not in _ABBREVIATED


# Heads that say nothing but a sex: "the woman" is no one whose sex the article never gave.
_KIN = wordset("man woman father mother husband wife son daughter brother sister")


def _head_noun(word: str) -> str:
    """ "senators" -> "senator", "Sen." -> "senator": a head to compare."""
    w = _strip_possessive(word.lower()).rstrip(".")
    w = _ABBREVIATED.get(w, w)
    if w.endswith("men"):
        return w[:-3] + "man"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


def _role_word(role: str | None) -> str:
    """The noun a role is about, as written: "a former senior adviser to President Obama"
    -> adviser, "Rules Committee Chairman" -> Chairman."""
    words = _WORD.findall(role or "")
    cut = next((k for k, w in enumerate(words) if k and _bare(w) in _HEAD_CUTS), len(words))
    words = [w for w in words[:cut] if w not in ("and", "&")]
    return words[-1] if words else ""


def _role_head(role: str | None) -> str:
    return _head_noun(_role_word(role)) if role else ""


def _proper_words(text: str) -> set[str]:
    """Capitalised words that say which one ("Florida", "Trump", "French"), not titles."""
    out = set()
    for i, w in enumerate(_WORD.findall(_CLAUSE.split(text)[0])):
        low = _bare(_strip_possessive(w))
        if w[:1].isupper() and low not in DETERMINERS and low not in _OFFICE_ANY and not (
                i == 0 and low in _LEADERS):
            out.add(low)
    return out


def _modifiers_fit(ph: SpeakerPhrase, ent: Entity, *, strict: bool = True) -> bool:
    """ "the Trump campaign" is no other campaign; "the Florida senator" is not "the
    senator from Vermont"; "the man" is not a woman the article named. Not ``strict``: a
    name given with no role of its own may be "the Florida senator" (nothing says not)."""
    want = _GENDERED.get(_head_noun(ph.head))
    if want and ent.gender != want and (ent.gender or _head_noun(ph.head) in _KIN):
        return False  # "the woman" is someone the article says is a woman, not a guess
    mine = _proper_words(ph.text) - {_head_noun(ph.head)}
    if not mine or not (strict or _proper_words(ent.role or "")):
        return True
    theirs = {_bare(_strip_possessive(w)) for w in _WORD.findall(f"{ent.name} {ent.role or ''}")}
    return bool(mine & theirs)


def _org_kind_fits(head: str, ent: Entity) -> bool:
    """ "the department" -> a Department, "the agency" -> an Office or a Bureau; "the
    company" names none of them (a company's name seldom says it is one)."""
    words = {_head_noun(w) for w in _WORD.findall(ent.name)}
    return head in words or bool(words & _ORG_KIN.get(head, frozenset()))


# Before a speaker: clause punctuation, or a full stop after a word of two letters or more
# (a sentence's end, unless the word is a title: "Sen. Ann Poole"; not the stop of "J.J.").
_CLAUSE_BREAK = re.compile(r"[,;:“”\"—–()]|(?<=([A-Za-z0-9]{2}))[.!?](?=\s)")
_CLAUSE_BREAK_TITLE = re.compile(
    r"\b(?:" + "|".join(sorted(w for w in TITLES | HONORIFICS if "." not in w)) + r")$", re.I)
_AGE = re.compile(r",\s+\d{1,3},\s*$")
_NAME_LEADS = _LEADERS | _CALENDAR | wordset(
    "in on at by for from with after before during to of as when while since just last "
    "earlier later meanwhile still however instead now then also separately similarly overall "
    "finally first today yesterday tonight again asked according like including"
)
_PLACE_LINK = re.compile(r"\b(?:of|in|from)\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*,\s+$")


def _name_piece(piece: str) -> bool:
    """A person's name as written, opening a clause: "Gustav Ando", "J.J. Goldberg",
    "Sen. Ann Poole" (not "In Dallas", "Last week", a dateline "WASHINGTON")."""
    words = piece.split()
    if not 2 <= len(words) <= 5 or words[0].lower().rstrip(".") in _NAME_LEADS or any(
            w.lower() in _CALENDAR for w in words):
        return False
    if any(w.isupper() and sum(c.isalpha() for c in w) > 3 for w in words):
        return False  # a dateline or a shouted label
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words) and not _has_org_word(
        w.lower() for w in words)


def _last_break(head: str) -> int:
    """Where the last clause break in ``head`` ends (a title's stop, as in "Sen.", is none).
    A name is short, so only the last 200 characters of a long paragraph are read."""
    low_end = max(0, len(head) - 200)
    return max((m.end() for m in _CLAUSE_BREAK.finditer(head, low_end) if not (
        m.group(1) and _CLAUSE_BREAK_TITLE.search(head, max(0, m.start() - 8), m.start()))),
        default=low_end)


_ARTICLES = wordset("a an the")
_NOT_APPOSED = _QUANTIFIERS | wordset("these those other others")


def antecedent_before(before: str) -> int | None:
    """Where the noun phrase a "who" follows starts ("Bernie Sanders, who cites ...", "an
    internal company fraud investigator, who expressed ..."): a name, or a short phrase
    opened by an article; None when the words before the comma are neither. ``before`` is
    the paragraph up to "who"."""
    if not before.endswith(", "):
        return None
    head = before[: len(before) - 2]
    cut = _last_break(head)
    words = head[cut:].split()
    # The phrase is the last words after a verb or preposition: "the wild card is Trump",
    # "has been attacked on the speeches by Bernie Sanders".
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in NAME_PARTICLES):
        k -= 1
    tail = words[k:]
    if len(tail) > 4 and _name_piece(" ".join(tail[-2:])):
        # "North Dakota RNC Committeeman Curly Haugland, who": titles, then the name.
        tail = tail[-3:] if len(tail[-2].rstrip(".")) == 1 else tail[-2:]  # "John F. Kirby"
        return len(head) - len(" ".join(tail)) if head.endswith(" ".join(tail)) else None
    if 0 < len(tail) <= 4 and (k == 0 or words[k - 1].islower()) and (
            _name_piece(" ".join(tail)) if len(tail) > 1 else _name_piece(f"{tail[0]} {tail[0]}")):
        # (one word is a name when it would be one doubled: the same checks, one length rule)
        name = tail
        if k > 0 and words[k - 1].lower() in _ARTICLES:
            return None  # "the Senate, who": an article before a capital is no person's name
    else:
        art = max((j for j, w in enumerate(words) if w.lower() in _ARTICLES),
                  default=None)
        if art is None or len(words) - art > 6 or not all(
                w.islower() or w[:1].isupper() for w in words[art:]):
            return None
        name = words[art:]
    return len(head) - len(" ".join(name)) if head.endswith(" ".join(name)) else None


def named_before(before: str, speaker: str) -> int | None:
    """Where the speaker's phrase really starts, when the cue rules took only what follows
    its name: the appositive of "Gustav Ando, research director for IHS, said" or "Carole
    Bower, 75, a retiree in Carthage, Ill., said", or the state of "Stacy Baker of Columbia,
    South Carolina, says". ``before`` is the paragraph up to the speaker's words; the
    answer is an offset into it (None: the phrase stands as found)."""
    if not before.endswith(", ") or not speaker:
        return None
    if speaker[0].islower():
        ph = parse_speaker(speaker)
        if ph.pronoun or ph.head.endswith("s") or speaker.split()[0] in _NOT_APPOSED:
            return None  # "Mr. Obama, officials said, has ...": an inserted report, no apposition
        m = _AGE.search(before)
        end = m.start() if m else len(before) - 2
    elif _PLACE_LINK.search(before) and all(w[:1].isupper() for w in speaker.split()[:3]):
        # "of Columbia, South Carolina": the state goes with the town, the subject is before.
        end = len(before) - 2
    else:
        return None
    head = before[:end]
    cut = _last_break(head)
    piece = head[cut:]
    start = cut + len(piece) - len(piece.lstrip())
    core = piece.split(" of ")[0] if speaker[0].isupper() else piece
    if not _name_piece(core.strip()):
        return None
    if head[:cut].endswith(",") and len(head[:cut].split()) > 6:
        return None  # after a comma, only a short lead-in ("Just last week,") may come first
    return start
