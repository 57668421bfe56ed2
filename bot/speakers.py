"""Speaker noun phrases: names, roles, pronouns, anonymous sources, and their resolution.

Pure functions over strings. A speaker phrase as written ("State Duma speaker Vyacheslav
Volodin", "he", "the spy agency") is parsed into a name and a role, and pronouns and
descriptors are resolved against the speakers named so far (or, for a descriptor met
before its name, the next named speaker that fits).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


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

_HEAD_CUTS = wordset("of for with at in from on familiar close who briefed")
_WORD = re.compile(r"[\w’'.&-]+")


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """A parsed speaker phrase."""

    text: str
    name: str | None  # the proper-name run, if any ("Vyacheslav Volodin")
    role: str | None  # the words before the name, or the whole descriptor
    pronoun: str | None  # "he", "she", "they" ... when the phrase is only a pronoun
    head: str  # lower-cased last word of the phrase core ("agency", "volodin")
    anonymous: bool
    gender: str | None  # "m", "f" or None


def _is_cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0].isdigit() and len(word) > 1)) and (
        word.lower() not in DETERMINERS
    )


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def parse_speaker(text: str) -> SpeakerPhrase:
    """Split a speaker phrase into name and role: "Ukrainian president Volodymyr Zelensky"."""
    text = text.strip(" ,;:-—–\"“”")
    core = re.split(r",|\(|\s[—–-]\s|\b(?:who|whose|which)\b", text)[0].strip() or text
    words = _WORD.findall(core)
    low = [w.lower().rstrip(".") for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        gender = "m" if low[0] == "he" else "f" if low[0] == "she" else None
        return SpeakerPhrase(text, None, None, low[0], low[0], False, gender)
    # Last run of capitalised words (allowing particles and initials inside).
    best: tuple[int, int] | None = None
    i = 0
    while i < len(words):
        if _is_cap(words[i]) and low[i] not in TITLES:
            j = i + 1
            while j < len(words) and (
                _is_cap(words[j]) or (low[j] in NAME_PARTICLES and j + 1 < len(words)
                                      and _is_cap(words[j + 1]))
            ):
                j += 1
            # A run ending in a possessive is a modifier ("South Korea's spy agency")
            # unless nothing lower-case follows it.
            best = (i, j)
            i = j
        else:
            i += 1
    gender = None
    if any(w in ("mr", "mr.") for w in low):
        gender = "m"
    elif any(w in ("mrs", "ms", "mrs.", "ms.") for w in low):
        gender = "f"
    name = None
    role = None
    head = low[-1] if low else ""
    if best:
        s, e = best
        run = words[s:e]
        trailing_lower = [w for w in low[e:] if w not in NAME_PARTICLES]
        if trailing_lower and words[e - 1].endswith(("'s", "’s")):
            # "South Korea's spy agency": the descriptor is the speaker, not the name.
            role = core
            head = _strip_possessive(low[-1])
        elif trailing_lower:
            role = core
        else:
            name = " ".join(run).strip(" ,.")
            if e - s == 1 and s > 0 and low[s - 1] in TITLES:
                name = f"{words[s - 1]} {name}"
            before = list(words[:s])
            if before and before[0].lower() in DETERMINERS:
                before = before[1:]
            role = " ".join(before) or _appositive(text, core)
            head = _strip_possessive(low[e - 1])
    else:
        role = core
    if role is not None and name is None and low:
        # "a person familiar with the matter" -> person; "officials at the agency" -> official
        cut = next((k for k, w in enumerate(low) if k and w in _HEAD_CUTS), len(low))
        head = _strip_possessive(low[cut - 1])
    anonymous = name is None and (head in ANON_HEADS or head.rstrip("s") in ANON_HEADS)
    return SpeakerPhrase(text, name, role, None, head, anonymous, gender)


def _appositive(text: str, core: str) -> str | None:
    """ "Tom Reyes, the campaign's chair" -> "the campaign's chair" (not a "who" clause)."""
    rest = text[len(core) :].strip()
    if not rest.startswith(","):
        return None
    segs = [x.strip(" ;:-—–") for x in rest[1:].split(",")]
    while segs and segs[0].isdigit():
        segs = segs[1:]  # an age: "Ann Lee, 44, a nurse"
    words = _WORD.findall(segs[0]) if segs else []
    if not words or len(words) > 12 or words[0].lower() in ("who", "whose", "which", "that"):
        return None
    return segs[0]


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
    if words & {w.rstrip("s") for w in ORG_NOUNS}:
        return True
    return bool(_role_heads(role) & {"agency", "party", "company", "group"})


def resolve(phrases: Sequence[SpeakerPhrase | None], gender_hint: dict[str, str],
            rivals: Sequence[Sequence[str]] | None = None) -> list[str | None]:
    """Resolve each phrase to a name: its own, an earlier entity's, or a later one's.

    ``rivals[k]`` lists the person names the text mentions between phrase k-1 and phrase
    k: a "he" is left unresolved when another such name could be its antecedent.
    """
    out: list[str | None] = [None] * len(phrases)
    entities: list[Entity] = []
    pending: list[int] = []  # descriptors met before any matching name
    mentions: list[str] = []  # every person name met so far, in order
    for k, ph in enumerate(phrases):
        if rivals is not None:
            mentions.extend(rivals[k])
        if ph is None:
            continue
        if ph.name:
            ent = _find_entity(entities, ph.name)
            if ent is None:
                gender = ph.gender or _gender_of(ph.name, gender_hint)
                ent = Entity(ph.name, ph.role, gender, _looks_org(ph.name, ph.role))
            elif ph.role and not ent.role:
                ent.role = ph.role
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
                    not ph.role or _role_heads(prev.role) & _role_heads(ph.role)
                ) and k - p <= 3:
                    out[p] = ent.name
                    pending.remove(p)
            continue
        if ph.pronoun:
            out[k] = _resolve_pronoun(entities, ph.pronoun, mentions, gender_hint)
            continue
        if ph.anonymous:
            out[k] = None
            continue
        ent = _resolve_descriptor(entities, ph)
        if ent is not None:
            out[k] = ent.name
        elif ph.head in PERSON_ROLES and re.match(r"(?i)the\b", ph.text):
            pending.append(k)
    return out


def _find_entity(entities: list[Entity], name: str) -> Entity | None:
    low = name.lower()
    last = low.split()[-1]
    for ent in reversed(entities):
        el = ent.name.lower()
        if el == low or el.split()[-1] == last or low in el:
            return ent
    return None


def _same_person(a: str, b: str) -> bool:
    la, lb = a.lower().split(), b.lower().split()
    return bool(la and lb) and (la[-1] == lb[-1] or a.lower() in b.lower())


def _gender_of(name: str, hint: dict[str, str]) -> str | None:
    words = name.lower().split()
    return (hint.get(words[0]) or hint.get(words[-1])) if words else None


def _resolve_pronoun(entities: list[Entity], pronoun: str, mentions: list[str],
                     hint: dict[str, str]) -> str | None:
    if pronoun in ("he", "she"):
        want = "m" if pronoun == "he" else "f"
        for ent in reversed(entities):
            if ent.is_org or ent.gender not in (want, None):
                continue
            # Another person named since, who could be "he" too: too close to call.
            for other in mentions[ent.seen + 1 :]:
                if not _same_person(other, ent.name) and _gender_of(other, hint) in (
                    want, None
                ):
                    return None
            ent.seen = len(mentions)
            mentions.append(ent.name)
            return ent.name
        return None
    if pronoun == "it":
        for ent in reversed(entities):
            if ent.is_org:
                return ent.name
        return None
    if pronoun == "i" and entities:
        return entities[-1].name
    return None


def _resolve_descriptor(entities: list[Entity], ph: SpeakerPhrase) -> Entity | None:
    """ "the spy agency" -> the last organisation; "the senator" -> last senator named."""
    if not re.match(r"(?i)(the|this|that)\b", ph.text):
        return None
    heads = _role_heads(ph.role)
    for ent in reversed(entities):
        if heads & _role_heads(ent.role) and ph.head.rstrip("s") in _role_heads(ent.role):
            return ent
    if ph.head in ORG_NOUNS:
        for ent in reversed(entities):
            if ent.is_org:
                return ent
    return None
