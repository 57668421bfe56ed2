"""Metadata found in a pasted page copy: date lines, bylines, outlet names.

Pure functions over single lines (or the whole text for the outlet). The
cleaner decides *where* to look; this module decides *what* a line says.
"""

from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.clean_vocab import by_first_char, fold

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Only zones whose abbreviation is unambiguous enough to print an offset for.
_ZONES = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00",
    "EDT": "-04:00", "EST": "-05:00", "CDT": "-05:00", "CST": "-06:00",
    "MDT": "-06:00", "MST": "-07:00", "PDT": "-07:00", "PST": "-08:00",
    "AKDT": "-08:00", "AKST": "-09:00", "HST": "-10:00",
    "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00",
    "MSK": "+03:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00",
    "NZST": "+12:00", "NZDT": "+13:00",
}  # fmt: skip

# Each name one alternative, none holding an alternation of its own.
_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    # German, French, Spanish month names that differ from the English ones
    r"|januar|februar|märz|mai|juni|juli|oktober|dezember"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    # Portuguese, Italian, Dutch; Russian in the genitive a date uses ("11 октября 2018")
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januari|februari|maart|mei|augustus|oktober"
    # Indonesian, where it differs from the Dutch ("Posted on Maret 30, 2015")
    r"|maret|agustus|desember"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    # Polish, Czech, Ukrainian and Greek in the genitive; Turkish, Romanian, Swedish
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października"
    r"|listopada|grudnia"
    r"|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
    r"|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада"
    r"|грудня"
    r"|ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου"
    r"|οκτωβρίου|νοεμβρίου|δεκεμβρίου"
    r"|ocak|şubat|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
    r"|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie"
    r"|decembrie|maj|augusti"
)
_MON = r"(?P<mon>" + _MONTH_NAMES + r")\.?"
# What the patterns use: the names grouped by first letter ("j(?:an(?:uary)?|une?|...)"),
# the same matches, since no two first letters match one character, even under re.I; under
# re.I the engine enters every alternative at every position it tries, and there are ~20
# first letters to ~80 names.
_MON_GROUPED = r"(?P<mon>" + by_first_char(tuple(_MONTH_NAMES.split("|"))) + r")\.?"

_FOREIGN_MONTHS = {
    "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    "maret": 3, "agustus": 8, "desember": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12,
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6,
    "července": 7, "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "ιανουαρίου": 1, "φεβρουαρίου": 2, "μαρτίου": 3, "απριλίου": 4, "μαΐου": 5,
    "ιουνίου": 6, "ιουλίου": 7, "αυγούστου": 8, "σεπτεμβρίου": 9, "οκτωβρίου": 10,
    "νοεμβρίου": 11, "δεκεμβρίου": 12,
    "ocak": 1, "şubat": 2, "nisan": 4, "mayis": 5, "haziran": 6, "temmuz": 7,
    "ağustos": 8, "eylül": 9, "ekim": 10, "kasim": 11, "aralik": 12,
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7,
    "septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
    "maj": 5, "augusti": 8,
}  # fmt: skip
_TIME = (
    # "at", and its words in other languages ("à 10h31", "um 10.31 Uhr"; not yet Portuguese
    # "às", whose stamp tests/test_clean_text.py pins to the day)
    r"(?:[\s,|·•/-]*(?:(?:at|à|a\s+las|alle|um|kl\.?|в)\s+)?"
    r"(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?(?P<tz>[A-Z]{1,4}|UTC|GMT)"
    r"(?P<tzoff>[+-]\d{1,2}(?::?\d{2})?)?\)?)?)?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})\b"
_DATE_PATTERNS = [
    # 24 October 2024, Thursday 24 Oct 2024 08:37 EDT. The day is written "a digit not after a
    # word character" rather than "\b, a digit": a pattern that starts with a character class
    # lets re skip the positions that cannot start a match, which is most of them.
    re.compile(
        r"(?P<d>\d(?<!\w\d)\d?)(?:\.|"
        + _ORD
        + r")\s+(?:de\s+)?"
        + _MON_GROUPED
        + r",?\s+(?:de\s+)?"
        + _YEAR
        + _TIME,
        re.I,
    ),
    # October 24, 2024 / Oct. 24, 2024, 10:31 pm CST
    re.compile(r"\b" + _MON_GROUPED + r"\s+(?P<d>\d{1,2})" + _ORD + r",?\s+" + _YEAR + _TIME, re.I),
    # 2024-10-24, 2024-10-24T08:37
    re.compile(
        r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
        r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"
    ),
    # 2024/10/24, 2024.10.24, 2024年10月24日, 2024년 10월 24일
    re.compile(
        r"(?P<y>(?:19|20)\d{2})\s*[/.年년]\s*(?P<m>\d{1,2})\s*[/.月월]\s*(?P<d>\d{1,2})[日일]?"
    ),
    # 21/06/2014, 21.06.2014, 06/21/2014 (order settled in _day_month)
    re.compile(
        r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})\b"
        + _TIME
    ),
]


def _day_month(a: int, b: int, sep: str) -> tuple[int, int]:
    """(day, month) of "a/b/yyyy": a number over 12 can only be the day; dotted dates are
    European (day first); an ambiguous slashed date is read day first too, as most of
    the world writes it (a US page usually spells its month out)."""
    if b > 12 >= a and sep == "/":
        return b, a
    return a, b

_ZONE_RE = re.compile(r"\b(" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b")


# Every month name above holds one of these: a line holding none (folded) cannot match
# the first two patterns, the slow ones, which look for a month name at every position.
_MONTH_STEMS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mär", "mai", "okt", "dez", "fév", "avr", "jui", "aoû", "déc", "ene", "abr", "ago", "dic",
    "janei", "fever", "março", "setem", "outub", "genna", "maggi", "giugn", "lugli", "sette",
    "ottob", "maart", "mei", "agust", "desem", "янв", "фев", "мар", "апр", "мая", "июн",
    "июл", "авг", "сен", "окт", "ноя", "дек",
    "maj", "stycz", "luteg", "kwiet", "czerw", "lipca", "sierp", "wrze", "paźd", "listop", "grudn",
    "ledna", "února", "břez", "dubna", "květ", "červ", "srpna", "září", "říjn",
    "prosin", "січн", "лют", "берез", "квіт", "травн", "червн", "липн", "серпн", "верес",
    "жовтн", "листоп", "грудн", "ιανου", "φεβρ", "μαρτ", "απρι", "μαΐ", "ιουν", "ιουλ",
    "μαι", "αυγο", "σεπτ", "οκτω", "νοεμ", "δεκε", "ocak", "şubat", "nisan", "mayis", "hazira",
    "temmu", "ağust", "eylül", "ekim", "kasim", "aralik", "ianua", "februa", "marti",
    "aprili", "iunie", "iulie", "septe", "octom", "noiem", "decem",
)  # fmt: skip


# The stems as one search, grouped by first letter: one pass in C over the line instead of
# a substring test per stem (they number about 130).
_STEM_RE = re.compile(
    by_first_char(tuple(sorted(dict.fromkeys(_MONTH_STEMS), key=lambda s: (s[0], -len(s)))))
)


def _names_a_month(line: str) -> bool:
    return _STEM_RE.search(fold(line)) is not None


# A stamp copied from spans the page set apart without spaces: "NOV 20 20194:29 AM
# ESTUPDATED AN HOUR AGO" is "NOV 20 2019 4:29 AM EST" then "UPDATED ...".
_GLUED_YEAR_TIME = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d)\b")
_GLUED_ZONE = re.compile(r"\b([ECMP][SD]T|GMT|UTC|BST)(UPDATED|Updated)\b")


def _unglue(line: str) -> str:
    if ":" in line:
        line = _GLUED_ZONE.sub(r"\1 \2", _GLUED_YEAR_TIME.sub(r"\1 \2", line))
    return line


# A US stamp with a two-digit year, "11/18/19 11:04 PM EST": read only with its 12-hour
# clock time, which makes it a stamp (month first, as US pages write it) and not a score,
# a fraction or a reference number.
_US_STAMP = re.compile(
    r"(?<![\d/.])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<yy>\d{2})(?![\d/]),?\s+(?:at\s+)?"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ampm>[ap]\.?m\.?)(?:\s*\(?(?P<tz>(?-i:[A-Z]{1,4}))\b\)?)?",
    re.I,  # "PM" or "p.m."; the zone stays capitals ("11:04 PM Tuesday" names none)
)


def parse_date(line: str) -> str | None:
    """The first date in ``line`` as ISO 8601 (with time and offset when given), else None."""
    # Every other pattern needs a 19xx/20xx year.
    found = _full_year_date(line) if "20" in line or "19" in line else None
    if found is None and "/" in line:
        found = _us_stamp(line)
    return found


def _us_stamp(line: str) -> str | None:
    """The first ``_US_STAMP`` in ``line`` as ISO 8601 (20yy, 24-hour clock), else None."""
    m = _US_STAMP.search(line)
    if m is None:
        return None
    month, day, hour, minute = (int(m.group(k)) for k in ("m", "d", "h", "mi"))
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= hour <= 12 and minute <= 59):
        return None
    pm = m.group("ampm").lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    stamp = f"{2000 + int(m.group('yy')):04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00"
    return stamp + _offset(m.group("tz"), None, line[m.end() - 1 :])


# What every month-first date ("November 20, 2019") holds: a word's last letter, a day, a
# year. Most lines naming a month hold none, and the month-first pattern, which tries every
# month name at every position, is the slowest.
_MONTH_FIRST_SHAPE = re.compile(r"[^\W\d_]\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}", re.I)
_NOT_MONTH_FIRST = [_DATE_PATTERNS[0], *_DATE_PATTERNS[2:]]


def _full_year_date(line: str) -> str | None:
    """The first date with a four-digit year in ``line`` (``_DATE_PATTERNS``), else None."""
    line = _unglue(line)
    if not _names_a_month(line):
        patterns = _DATE_PATTERNS[2:]
    elif _MONTH_FIRST_SHAPE.search(line) is None:
        patterns = _NOT_MONTH_FIRST
    else:
        patterns = _DATE_PATTERNS
    for pat in patterns:
        m = pat.search(line)
        if not m:
            continue
        g = m.groupdict()
        if g.get("a"):
            g["d"], g["m"] = (str(x) for x in _day_month(int(g["a"]), int(g["b"]), g["sep"]))
        if g.get("m"):
            month = int(g["m"])
        else:
            # Folded: under re.I "ſeptember" matches, and a plain lower() keeps its "ſ".
            mon = fold(g["mon"]).rstrip(".")
            month = _FOREIGN_MONTHS.get(mon) or _MONTHS.get(mon[:3], 0)
        day, year = int(g["d"]), int(g["y"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        out = f"{year:04d}-{month:02d}-{day:02d}"
        if g.get("h") is None:
            before = _TIME_BEFORE.search(line, max(0, m.start() - 40), m.start())
            if before is None:
                return out
            g = before.groupdict()  # "Updated 10:01 pm PST, Tuesday, November 19, 2019"
            if g["hh"]:
                g["h"], g["mi"] = g["hh"], g["mm"]
        hour, minute, sec = int(g["h"]), int(g["mi"]), int(g.get("s") or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return out
        out += f"T{hour:02d}:{minute:02d}:{sec:02d}"
        rest = line[m.end() - 1 :]
        return out + (_offset(g.get("tz"), g.get("tzoff"), rest)
                      or _us_generic_offset(g.get("tz"), rest, year, month, day, hour))
    return None


# A time printed before the date it belongs to: "10:01 pm PST, Tuesday, November 19, 2019",
# "4:05 PM EST, Sat November 14, 2026";
# a 24-hour time without a colon only with its zone ("0339 GMT (1139 HKT) November 19").
_TIME_BEFORE = re.compile(
    r"(?:(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?"
    r"|(?<!\d)(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s+(?-i:GMT|UTC)))"
    r"(?:\s*(?P<tz>(?-i:[A-Z]{2,4}))\b)?(?:\s*\([^()]{0,12}\))?\s*[,|·•-]?\s*"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?$",
    re.I,
)


# US zones named without saying standard or daylight time ("11:52 p.m. ET"): the offset is
# the zone's on that date, as the time zone database gives it (as channel schedules use it).
_US_GENERIC = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
               "PT": "America/Los_Angeles"}
_US_GENERIC_RE = re.compile(r"\b(ET|CT|MT|PT)\b")


def _us_generic_offset(tz: str | None, rest: str, year: int, month: int, day: int,
                       hour: int) -> str:
    """The offset of "ET", "CT", "MT" or "PT" on that date and hour, else ""."""
    m = _US_GENERIC_RE.fullmatch(tz.upper()) if tz else _US_GENERIC_RE.search(rest[:12])
    if m is None:
        return ""
    try:
        at = _dt.datetime(year, month, day, hour, tzinfo=ZoneInfo(_US_GENERIC[m.group(1)]))
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    offset = at.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _offset(tz: str | None, tzoff: str | None, rest: str) -> str:
    if tz and tz.upper() in ("UTC", "GMT") and tzoff:
        sign, body = tzoff[0], tzoff[1:].replace(":", "")
        hh, mm = (body[:-2], body[-2:]) if len(body) > 2 else (body, "00")
        return f"{sign}{int(hh):02d}:{mm}"
    if tz and tz.upper() in _ZONES:
        return _ZONES[tz.upper()]
    m = _ZONE_RE.search(rest[:12])
    return _ZONES[m.group(1)] if m else ""


_DATE_WORDS = re.compile(
    r"^(?:published|updated|posted|last updated|first published|modified|on)\b[:\s]*", re.I
)


def is_date_line(line: str) -> bool:
    """A line that is mostly a date (a dateline, not a sentence mentioning one)."""
    if len(line) > 90 or parse_date(line) is None:
        return False
    words = line.split()
    return (len(words) <= 12 and not line.rstrip().endswith((".", "?", "!"))) or len(words) <= 6


# A capital that opens a name, in the scripts bylines come in: Latin (with accents), Greek,
# Cyrillic ("Лида Буслаева").
_CAP = "[A-ZÀ-ÖØ-ÞĀĆČĎĘĚŁŃŇŐŘŚŠŤŰŹŻŽΑ-ΩЁА-Я]"
_NAME = (
    _CAP + r"[\w'’.-]*(?:\s+(?:de|van|von|der|da|di|la|le|bin|al|" + _CAP + r"[\w'’.-]*)){1,3}"
)
# The words a credit opens with: "By", and in other languages "Von", "Par", "Por", "Di";
# a label ("Text:", "Texto:", "Текст:", "Автор:") only with its colon, since "Text size"
# or "Autor des Monats" open other lines.
_BY_RE = re.compile(
    r"^(?:(?:by|written by|posted by|words by|story by|reporting by|von|par|por|di)\s*[:\s]"
    r"|(?:text|texto|texte|testo|tekst|текст|автор|autor|auteur|author|door)\s*:)\s*(.+)$",
    re.I,
)
_NAME_RE = re.compile(r"^" + _NAME + r"$")
# A metadata author field that keeps the page's credit label, its colon dropped ("Текст Лида
# Буслаева", "By Ann Lee", "Texto João Silva"): the label, before a capitalised name.
_FIELD_LABEL = re.compile(
    r"^(?:by|von|par|por|text|texto|texte|testo|tekst|текст|автор|autor|auteur|author)"
    r"\s*:?\s+(?=(?-i:" + _CAP + "))",
    re.I,
)


def without_credit_label(name: str) -> str:
    """An author field's name without the credit label the page printed before it."""
    m = _FIELD_LABEL.match(name)
    return name[m.end() :] if m else name
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|\bи\b)\s*")
# "Arpan Rai | Political Correspondent"; "Лида Буслаева·11 октября 2018": a middle dot or
# a bar needs no spaces around it, no name holds one.
_ROLE_CUT = re.compile(r"\s*[|·•]\s*|\s+[–—-]\s+|\s{2,}")
_DATE_CUT = re.compile(
    r"\b(?:\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}\b)"
)
# News agencies credited as a story's author ("Reuters November 18, 2019 11:03 PM"), lower case.
WIRE_SERVICES = frozenset(
    (
        "reuters", "associated press", "the associated press", "ap", "afp", "agence france-presse",
        "upi", "pti", "press trust of india", "ians", "ani", "dpa", "xinhua", "efe", "ansa",
        "kyodo", "kyodo news", "yonhap", "aap", "the canadian press", "press association",
    )
)  # fmt: skip
_STAMP_CUT = re.compile(
    r"\s*@\w|\s+(?:Updated|Published|Posted)\b"
    r"|\s+on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|[A-Z][a-z]{2,8}\.?\s+\d)"
    # the outlet the writer files for, or the place: "By Ann Lee for MailOnline", "in Kyiv",
    # "Ella Brandt at Riverside Park" (a match report's ground)
    r"|\s+(?:[Ff]or|FOR|[Ii]n|at)\s+(?=[A-Z])"
)
_GLUED_OUTLET = re.compile(r"(?<=[a-z])[A-Z]{2,}\w*$")
# "Meg JamesStaff Writer": a role glued to the name by the copy (not "McDonald": the glued
# part must hold a role word).
_GLUED_ROLE = re.compile(r"(?<=[a-z])[A-Z][a-z]+(?:\s+[A-Za-z]+)*$")
ROLE_WORDS = frozenset(
    (
        "writer", "reporter", "correspondent", "editor", "columnist", "contributor",
        "staff", "producer", "critic", "photographer", "journalist",
    )
)  # fmt: skip
_WORD_RE = re.compile(r"\w+")
# Words (lower case) that are no part of a name.
_NOT_NAMES = frozenset(
    (
        "news", "staff", "desk", "reporter", "correspondent", "editor", "writer", "agency",
        "press", "associated", "reuters", "updated", "published", "share", "comment",
        "comments", "opinion", "columnist", "home", "menu", "search", "sign", "subscribe",
        "log", "more", "read", "advertisement", "the", "of", "in", "for", "with", "is", "are",
        "world", "politics", "admin", "administrator",
        # a picture's credit or a section: "By AP Photo", "By Metro Section"
        "photo", "photos", "photograph", "photography", "image", "images", "section",
    )
)  # fmt: skip


def _holds_any(text: str, words: frozenset[str]) -> bool:
    """Whether one of ``words`` is a whole word of ``text``, in any case: what a
    case-insensitive ``\\b(?:word|...)\\b`` finds, without trying each word at each position."""
    return not words.isdisjoint(_WORD_RE.findall(fold(text)))


_AUTHOR_LINK = re.compile(r"(?<=[a-z])(?:View |See )?(?:More|All) (?:Articles|Posts)(?: by .*)?$")


def parse_byline(line: str, *, need_by: bool = True) -> tuple[str, ...]:
    """Names from a byline ("By Arpan Rai and Jane Doe"), or () if the line is not one.

    With ``need_by=False`` a bare name line ("Arpan Rai") is accepted too.
    """
    text = line.strip()
    # "Marcus De GuzmanView More Articles": the name on the author's page link is a byline.
    link = _AUTHOR_LINK.search(text) if "rticles" in text or "osts" in text else None
    if link:
        text = text[: link.start()]
    m = _BY_RE.match(text)
    if m:
        text = m.group(1)
    elif " @" in text and (handle := _HANDLE_TAIL.match(text)) and _bare_name(handle.group(1)):
        # "Nishant Kumar @Nishantopines": a name signed with its handle is a byline
        return (handle.group(1),)
    elif need_by and not link:
        return ()
    # Drop a trailing date or role ("Arpan Rai, Political Correspondent", "Jo Li - Nov 19, 2019"),
    # a handle or a time stamp ("Jo Li @joli / 2 days", "Jo Li Updated Nov 13, 2019").
    text, *role = _ROLE_CUT.split(text, 1)
    if role and _picture_role(role[0]):
        return ()  # "Ann Lee | Getty Images": a picture's credit, not the story's
    text = _STAMP_CUT.split(text, 1)[0]
    date_at = _DATE_CUT.search(text)
    if date_at:
        text = text[: date_at.start()].rstrip(" ,")
    # An agency as the author, on a "By" or a dated line: a bare "AP" under a picture
    # credits the photographer.
    agency = text.strip(" ,.;:-")
    if (m or date_at) and fold(agency) in WIRE_SERVICES:
        return (agency,)
    if not m and not link and not _bare_name(text):
        return ()
    names: list[str] = []
    for part in _SPLIT_NAMES.split(text):
        part = part.strip(" .,;:")
        if not part:
            continue
        # "Jonathan GarberFOXBusiness": an outlet glued to the name by the copy.
        part = _GLUED_OUTLET.sub("", part)
        glued = _GLUED_ROLE.search(part)
        if glued and ROLE_WORDS.intersection(glued.group(0).lower().split()):
            part = part[: glued.start()]
        if names and _holds_any(part, _NOT_BARE):
            break  # "Jill Disis, CNN Business": the outlet, not a second author
        if _NAME_RE.match(part) and not _holds_any(part, _NOT_NAMES):
            names.append(part)
        elif names:
            if _picture_role(part):
                return ()  # "Ann Lee, Photographer"
            break  # "Jane Doe, Political Editor": stop at the role
        elif (
            m
            and m.group(0).lower().startswith(("written", "posted"))
            and _ONE_NAME.match(part)
            and not _holds_any(part, _NOT_NAMES | _NOT_BARE)
        ):
            return (part,)  # "written by Regan", "Posted by Vortex": a blog's one-name author
        else:
            return ()
    return tuple(names)


# Words of a picture's credit: the names before them are the photographer's.
_PICTURE_WORDS = frozenset(
    ("photo", "photos", "photograph", "photographer", "photography", "image", "images",
     "getty", "pictures", "illustration", "shutterstock")
)  # fmt: skip


def _picture_role(role: str) -> bool:
    """Whether the role after a name is a picture's credit ("Getty Images", "Photographer"),
    not another person's ("Photography by Bo Chan": the name before is the writer's)."""
    return _holds_any(role, _PICTURE_WORDS) and not re.search(r"(?i)\bby\b", role)


_LEADING_DATE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}\s+|^\d{4}-\d{2}-\d{2}\s+")


def dated_author_and_topics(line: str) -> tuple[str, ...]:
    """The author of a blog's meta row copied as one line: a date, the author's name, then
    the post's categories ("21/06/2014 Tony Carter All, Books, Kit Reviews, News": the first
    category is glued to the name, the others follow after commas), else ()."""
    m = _LEADING_DATE.match(line)
    if m is None or line.count(",") < 2:
        return ()
    first, *topics = (p.strip() for p in line[m.end() :].split(","))
    words = first.split()
    if not 3 <= len(words) <= 4 or not all(
            t and len(t.split()) <= 3 and t[:1].isupper() for t in topics):
        return ()
    name = " ".join(words[:-1])
    return (name,) if parse_byline(name, need_by=False) == (name,) else ()


_HANDLE_TAIL = re.compile(r"^(.+?)\s+@\w+$")
_ONE_NAME = re.compile(r"^[A-Z][a-z][\w'’-]*$")


# Words that start many short capitalised lines that are not names: menu items, places,
# calls to action. A bare name line (no "By") must avoid them.
_NOT_BARE = frozenset(
    (
        "watch", "live", "listen", "video", "videos", "united", "states", "kingdom", "america",
        "american", "national", "international", "new", "york", "business", "sport", "sports",
        "tech", "technology", "health", "science", "entertainment", "local", "breaking",
        "latest", "top", "stories", "story", "follow", "contact", "about", "us", "home",
        "today", "weather", "market", "markets", "city", "county", "university", "school",
        "police", "court", "house", "senate", "congress", "department", "office", "center",
        "centre", "club", "team", "league", "cup", "day", "week", "year", "free", "best", "all",
        "my", "our", "your", "view", "show", "more", "photo", "photos", "gallery", "click",
        "here", "online", "digital", "media", "previous", "next", "older", "newer", "edition",
    )
)  # fmt: skip


def _bare_name(text: str) -> bool:
    """Whether a line without "By" looks like one person's name: two or three words, each
    capitalised and not an acronym ("CBSN") nor a common furniture/place word."""
    words = [w for w in text.split() if w not in _PARTICLES]
    if not 2 <= len(words) <= 3 or _holds_any(text, _NOT_BARE):
        return False
    return all(w[:1].isupper() and not (len(w) > 2 and w.isupper()) for w in words)


_TAIL_SMALL = frozenset(("and", "of", "the", "for", "to", "at", "in"))


def parse_credit(line: str) -> tuple[str, ...]:
    """Names from a credit line without "By": "Ann Lee", "Ann Lee and Jo Roe, Associated
    Press", "Ann Lee, AP Sports Writer", "Ann Lee and Jo Roe USA TODAY". Only for a line
    where a byline is expected (under a headline): many short lines look like this."""
    names = parse_byline(line, need_by=False)
    if names or _BY_RE.match(line.strip()):
        return names  # "By Staff Reports": a credit label the byline reader found no name in
    people, _, outlet = line.partition(",")
    tail = outlet.split()
    if len(tail) > 5 or any(w[:1].islower() and w not in _TAIL_SMALL for w in tail):
        return ()  # "Boris Johnson, Jeremy Corbyn clash in debate": a headline
    if _picture_role(outlet):
        return ()  # "Ann Lee, Photographer": the picture's credit
    # An outlet in capitals after the last name ("Kevin McCoy USA TODAY").
    words = people.split()
    while words and len(words[-1]) > 1 and words[-1].isupper():
        words.pop()
    parts = [p.strip() for p in _SPLIT_NAMES.split(" ".join(words))]
    if not parts or not all(
            _bare_name(p) and _NAME_RE.match(p)
            and (fold(p) in WIRE_SERVICES or not _holds_any(p, _NOT_NAMES)) for p in parts):
        return ()  # "Staff Reports", "News Desk": no one; an agency is the story's credit
    return tuple(parts)


_PARTICLES = frozenset({"de", "van", "von", "der", "da", "di", "la", "le", "bin", "al"})


# Small words inside a name, between capitalised words: "Mensagens de Reflexão", "Jornal do
# Harbour", "Bank of the Bay".
_NAME_LINKS = (
    r"(?:(?:de|da|do|dos|das|del|della|di|du|des|la|le|los|las|van|von|der|den|of|the)\s){0,2}"
)
_OUTLET_NAME = (
    # a name in Chinese or Japanese script may run on in Latin letters ("ノート100YEN.com")
    r"((?:The\s)?[A-Z][\w&'’.-]*(?:\s" + _NAME_LINKS + r"[A-Z][\w&'’.-]*){0,3}"
    r"|[\u4e00-\u9fff\u3040-\u30ff]{2,12}[\w.-]*)"
)

def _says_from(line: str) -> bool:
    return "from" in line


def _says_copyright(line: str) -> bool:
    # No case of "copyright" changes its "opyr".
    return "©" in line or "(c)" in line or "(C)" in line or "opyr" in line.lower()


# Each pattern with a substring test every match passes: most lines fail it, at a fraction
# of the cost of a case-insensitive search.
_COPYRIGHT_RE = re.compile(
    # "© 2019 Name", "Copyright © 2019 Name", "© Copyright 2011-2019 Name"
    r"(?i:©|\(c\)|copyright)\s*(?:©\s*)?(?i:copyright\s+(?=\d))?"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*(?i:copyright\s+)?"
    + _OUTLET_NAME
)
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_PICTURE_CREDIT_RE = re.compile(r"(?i)\b(?:image|photo|picture|pictured|getty)\b|\w/\w")
_OUTLET_PATTERNS = [
    (re.compile(r"notifications\sfrom\s" + _OUTLET_NAME), _says_from),
    (_COPYRIGHT_RE, _says_copyright),
    (re.compile(r"(?:newsletters?|updates|news)\sfrom\s" + _OUTLET_NAME), _says_from),
]  # fmt: skip
_OUTLET_TRAIL = re.compile(
    r"\s+(?:Company|Inc|Ltd|Limited|LLC|Group|Media|Corporation|Corp|All|Rights|Reserved|Verlag|"
    r"Holdings|plc|GmbH|SA|AG)\b.*$"
)


# The legal form alone, which no reader needs: "Inc.", "Ltd", "All rights reserved".
_LEGAL_TRAIL = re.compile(
    r"\s+(?:Inc|Ltd|Limited|LLC|Corporation|Corp|All|Rights|Reserved|plc|GmbH|SA|AG)\b.*$"
)


def _holder_name(found: str) -> str:
    """The name a copyright line gives, without its company words ("Rheinblatt Verlag" ->
    "Rheinblatt"), unless that leaves one word of page furniture, which names nothing
    alone: "© 2019 Breaking Media Inc." is "Breaking Media", not "Breaking"."""
    name = _OUTLET_TRAIL.sub("", found).strip(" .,")
    if name == found or " " in name or not _holds_any(name, _NOT_BARE):
        return name
    return _LEGAL_TRAIL.sub("", found).strip(" .,") or name


# Where a page names itself as a brand rather than as a company: "Contact SFGATE", "CNN
# Newsletters", "CBS Sports is a registered trademark of ...", "Get the Fox News app", "CBS
# News App", "The Hill 1625 K Street, NW". The copyright line often names the owner instead
# ("Hearst Communications", "Capitol Hill Publishing", "Cable News Network").
_BRAND_NAME = r"((?:The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})"  # within one line
# (words each line read must hold, as cased on it; the pattern for the line)
_BRAND_LINES = tuple(
    (keys, re.compile(pattern, re.MULTILINE))
    for keys, pattern in (
        (("Contact ",), r"^Contact " + _BRAND_NAME + "$"),
        ((" Newsletter",), "^" + _BRAND_NAME + r" Newsletters?$"),
        (("registered trademark",), _BRAND_NAME + r" is a registered trademark"),
        ((" App",), "^" + _BRAND_NAME + r" App\b"),
        (
            ("get the ", "Get the ", "GET THE "),
            r"(?i:get the )([A-Za-z][\w&'’.-]*(?: [A-Za-z][\w&'’.-]*){0,3}) (?i:app)\b",
        ),
        # Links back to the site: "Back to IndieWire", "Continue to IndieWire", "The Verge
        # homepage", "Follow The Verge online:".
        (("Back to ", "Continue to "), r"^(?:Back|Continue) to " + _BRAND_NAME + "$"),
        ((" homepage", " Homepage"), "^" + _BRAND_NAME + r" (?i:homepage)$"),
        (("Follow ",), r"^Follow " + _BRAND_NAME + r" (?:online|on)\b"),
        *(
            ((f" {street}",), "^" + _BRAND_NAME + rf",? \d{{1,5}} (?:[A-Z]\w* ){{1,3}}{street}\b")
            for street in ("Street", "Avenue", "Road", "Boulevard")
        ),
    )
)
_NOT_BRAND = frozenset(("us", "me", "email", "see", "get", "sign", "our", "my", "your", "free"))


# Links a page names itself by, read once where the copyright names a company (and the
# page no brand twice): "Contact CT Post", "Subscribe to Express-News", "msn back to msn
# home"; the link home also where it names another holder ("© 2019 Microsoft").
_Patterns = tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]
_HOME_LINK: _Patterns = (
    (
        ("back to ", "Back to "),
        re.compile(
            r"(?i:back to )([A-Za-z][\w&'’.-]*(?: [A-Za-z][\w&'’.-]*){0,2}) (?i:home(?:page)?)\b"
        ),
    ),
)
_LINK_LINES: _Patterns = (
    _BRAND_LINES[0],  # "Contact X"
    (("Subscribe to ",), re.compile(r"^Subscribe to " + _BRAND_NAME + "$", re.MULTILINE)),
    *_HOME_LINK,
)


def _brand_name(page: str, least: int = 2, patterns: _Patterns = _BRAND_LINES) -> str | None:
    """The name the page gives itself as a brand, when it gives it at least ``least`` times
    (once as ``patterns`` reads it): a single name in capitals or of several words, so "Contact
    Us" or a section's "Health Newsletter" is none. Spelled as the page spells it in mixed case
    somewhere ("FOX NEWS APP" and "Fox News' Jo Roe contributed" give "Fox News")."""
    found: dict[str, None] = {}  # in page order
    for keys, pattern in patterns:
        for key in keys:
            at = page.find(key)
            while at >= 0:
                start, end = page.rfind("\n", 0, at) + 1, page.find("\n", at)
                end = len(page) if end < 0 else end
                m = pattern.search(page, start, end)
                name = m.group(1) if m else ""
                if name.islower() and re.search(rf"\b{re.escape(name.upper())}\b", page):
                    name = name.upper()  # "back to msn home" on a page that says "MSN Blog"
                # One word only in capitals or with a capital inside ("IndieWire"): "Contact
                # Us" and "Back to Top" name no brand.
                one_word_brand = name.isupper() or any(c.isupper() for c in name[1:])
                if (" " in name or one_word_brand) and name.split()[0].lower() not in _NOT_BRAND:
                    found[name] = None
                at = page.find(key, end)
    if not found:
        return None
    low = page.lower()
    if len(low) != len(page):  # a letter whose lower case is longer: offsets would not align
        low = page
    best: tuple[int, str] | None = None
    for name in found:
        # a literal first lets the regex engine skip ahead; the word start is checked after
        mention = re.escape(name.lower()) + r"(?!\w)"
        mentions = [
            page[m.start() : m.end()]
            for m in re.finditer(mention, low, 0 if low is not page else re.IGNORECASE)
            if m.start() == 0 or not low[m.start() - 1].isalnum()
        ]
        # mixed case only: "rt.com" is no spelling of "RT"
        spelled = next((m for m in mentions if not m.isupper() and not m.islower()), name) if (
            name.isupper()) else name
        if len(mentions) >= least and (best is None or len(mentions) > best[0]):
            best = (len(mentions), spelled)
    return best[1] if best else None


def find_outlet(lines: list[str], url: str | None, credit: str | None = None) -> str | None:
    """The publication's name from notification text, the page's brand, the byline's credit
    line (``credit``: "Kevin McCoy USA TODAY"), or copyright text, else from the URL.

    A copyright line is read from the foot of the page up, and one with a year first:
    "© 2019 Hearst Communications" is the page's own; "© NASA/JPL" or "Image copyright EPA"
    under a picture credits a photographer."""
    page = "\n".join(lines)
    # The lines saying "from", found in the page at once: both patterns that need it fail
    # on nearly every line, and a test per line in Python costs more (a copyright line is
    # met from the foot up, soon).
    saying_from = _lines_holding_key(lines, page, "from")
    for pat, might_match in _OUTLET_PATTERNS:
        if pat is _COPYRIGHT_RE:
            brand = _brand_name(page) or credit_outlet(credit) or _staff_outlet(credit, page)
            if brand and brand.isupper() and 2 <= len(brand) <= 3:
                brand = _initials_of(brand, lines, page) or brand
            if brand:
                return brand  # the publication, where the copyright may name its owner
        undated: tuple[str, str] | None = None  # the lowest copyright line without a year
        for line in saying_from if pat is not _COPYRIGHT_RE else reversed(lines):
            if len(line) > 300 or not might_match(line):
                continue
            m = pat.search(line)
            if m is None or (pat is _COPYRIGHT_RE and _PICTURE_CREDIT_RE.search(line)):
                continue
            name = _holder_name(" ".join(m.group(1).split()))
            if not name or name.lower() in ("all", "the", "copyright"):
                continue
            if pat is not _COPYRIGHT_RE:
                if fold(name.split()[0]) in ROLE_WORDS:
                    continue  # "newsletter from Editor Angie Holan": a person, not the outlet
                return name
            if (brand := _brand_before(line, m.start())) and any(
                    brand in other for other in lines if other is not line):
                return brand  # "Wccftech © 2019 NewAge ADS, LLC.": the site, then its owner
            name = name.split(". ")[0]
            kind = "holder"
            if name.isupper() and 2 <= len(name) <= 5 and name != m.group(1).strip(" .,"):
                # "© 2019 NYP Holdings, Inc.": a holding company's initials; the page names
                # the publication they stand for ("New York Post").
                name, kind = _spelled_out(name, lines) or name, "spelled"
            elif _COMPANY.search(line, m.start(1), m.end(1) + 14):
                kind = "company"  # "© 2019 Hearst Communications, Inc.": an owner
            if _YEAR_RE.search(line):
                return _over_holder(lines, page, name, kind, url)
            undated = undated or (name, kind)
        if undated:
            return _over_holder(lines, page, *undated, url)
    return (outlet_from_url(url) or _trailing_outlet(credit) or _named_domain(page)
            or _spelled_domain(page, lines, 3))


# Words that make a copyright holder read as a company rather than a publication.
_COMPANY = re.compile(
    r"\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|Group|Corporation|Corp|Holdings|plc|GmbH|AG"
    r"|Communications|Media|Newspapers|Publishing|Publications|Enterprises|Company)\b"
)


def _over_holder(lines: list[str], page: str, holder: str, kind: str, url: str | None) -> str:
    """The outlet where the copyright names ``holder``: for a company, the brand the page
    names itself by (``_brand_over_owner``); for another holder ("© 2019 Microsoft" over
    "msn back to msn home") only a link back to the site's home, since "Subscribe to The
    Oregonian" over "© OregonLive.com" may name the print paper, not the site."""
    if kind == "company":
        return _brand_over_owner(lines, page, holder, url)
    if kind == "holder":
        return _brand_name(page, least=1, patterns=_HOME_LINK) or holder
    return holder


def _initials_of(initials: str, lines: list[str], page: str) -> str | None:
    """The one word a brand's initials stand for ("SN" of "Sportsnet"), where the page
    prints it as a line of its own at its top or foot (the masthead's or the footer's logo)
    and names it again elsewhere: it opens with the first initial and holds the others in
    order."""
    low = initials.lower()
    for line in (*lines[:5], *lines[-5:]):
        word = line.strip()
        if not (word.isalpha() and word[:1] == initials[0] and len(word) > len(initials) + 2):
            continue
        if word.isupper() or not _in_order(low, word.lower()[1:], 1):
            continue
        if len(re.findall(rf"(?<!\w){word}(?!\w)", page)) >= 2:
            return word
    return None


def _in_order(letters: str, word: str, start: int = 0) -> bool:
    """Whether ``letters[start:]`` appear in ``word`` in that order."""
    rest = iter(word)
    return all(c in rest for c in letters[start:])


def _brand_over_owner(lines: list[str], page: str, owner: str, url: str | None) -> str:
    """The brand a page owned by the company ``owner`` names itself by, else ``owner``: "X
    is part of <owner>", a "Contact X" / "Subscribe to X" / "back to X home" link, the
    owner's initials opening menu lines ("NBC 5 Responds" under NBCUniversal), a domain the
    page names as it spells it ("msn.com", "MSN Blog"), the page's own address printed on
    it, or the URL. The owner is still better than nothing: the publisher of record."""
    return (
        _with_domain(_part_of(page, owner), page)
        or _brand_name(page, least=1, patterns=_LINK_LINES)
        or _owner_initials(lines, owner)
        or _spelled_domain(page, lines)
        or next((outlet_from_url(ln) for ln in _lines_holding(page, ("http",))
                 if _PRINTED_URL.match(ln)), None)
        or outlet_from_url(url)
        or owner
    )


_PART_OF = re.compile(
    r"(?:^|(?<=\. ))" + _BRAND_NAME + r" is (?:a )?(?:part|brand|publication|division) of (\S+)"
)


def _part_of(page: str, owner: str) -> str | None:
    """X in "X is part of <owner>" / "X is a brand of <owner>" on the page."""
    first = owner.split()[0]
    at = page.find(" of " + first)
    while at >= 0:
        start, end = page.rfind("\n", 0, at) + 1, page.find("\n", at)
        m = _PART_OF.search(page[start : len(page) if end < 0 else end])
        if m and m.group(2).startswith(first):
            return m.group(1)
        at = page.find(" of " + first, at + 1)
    return None


def _with_domain(brand: str | None, page: str) -> str | None:
    """A brand that is one plain word ("Space") as its site's domain when the page names it
    ("community@space.com" gives "Space.com"): the word alone reads as no name."""
    if brand is None or not (brand.isalpha() and brand[1:].islower()):
        return brand
    return brand + ".com" if re.search(rf"\b{brand}\.com\b", page, re.I) else brand


def _owner_initials(lines: list[str], owner: str) -> str | None:
    """The capitals that open the owner's name ("NBC" of "NBCUniversal") when two lines or
    more open with them as a word, with a channel number most of them share ("NBC 5")."""
    m = re.match(r"[A-Z]{2,}(?=[A-Z][a-z])", owner)
    if m is None:
        return None
    initials = m.group(0)
    seconds = [ln.split()[1:2] for ln in lines if ln.startswith(initials + " ")]
    if len(seconds) < 2:
        return None
    numbers = [w[0] for w in seconds if w and w[0].isdigit()]
    top = max(set(numbers), key=numbers.count, default=None)
    return f"{initials} {top}" if top and 2 * numbers.count(top) > len(seconds) else initials


# A domain named bare ("www.msn.com", "morebikes.co.uk features"), not in an address or an
# email; a line holds one only if it holds one of _TLDS.
_DOMAIN = re.compile(
    r"(?<![@/\w.-])(?:www\.)?([A-Za-z][\w-]*)\.(?:com|net|org|co\.uk|com\.\w\w)\b(?!/)"
)
_TLDS = (".com", ".net", ".org", ".co.uk")
# The page's own address printed on it: an article's slug ("/Nelson-s-OT-goal-lifts-Isles")
_PRINTED_URL = re.compile(r"https?://[^\s/]+/\S*[a-z]-[a-z]\S*$")


def _lines_holding_key(lines: list[str], page: str, key: str) -> list[str]:
    """The items of ``lines`` that hold ``key``, in order (``page``: the lines joined by line
    breaks), found with str.find: a line is the one after as many breaks as precede the find."""
    if page.count("\n") != len(lines) - 1:  # a line holding a break: no such count
        return [line for line in lines if key in line]
    found: list[str] = []
    k = counted = 0  # line k starts after the breaks in page[:counted]
    at = page.find(key)
    while at >= 0:
        k += page.count("\n", counted, at)
        counted = at
        found.append(lines[k])
        end = page.find("\n", at)
        at = page.find(key, end) if end >= 0 else -1
    return found


def _lines_holding(page: str, keys: tuple[str, ...]) -> list[str]:
    """The page's lines that hold one of ``keys``, found with str.find: a loop over every
    line in Python costs more than the few lines that hold them."""
    found: dict[int, str] = {}
    for key in keys:
        at = page.find(key)
        while at >= 0:
            start, end = page.rfind("\n", 0, at) + 1, page.find("\n", at)
            end = len(page) if end < 0 else end
            found[start] = page[start:end]
            at = page.find(key, end)
    return [found[k] for k in sorted(found)]


def _spelled_domain(page: str, lines: list[str], least: int = 1) -> str | None:
    """The name of a domain the page names bare ("msn.com", not in an address or an email)
    as its short lines spell it, not all in lower case ("MSN Blog"); the most spelled one.
    Short lines (three words or fewer) are the page's furniture, not an article's prose.
    ``least``: the fewest letters a name has ("In" of "In.com" is a word of any line)."""
    best: tuple[int, str] | None = None
    named = (m.group(1) for ln in _lines_holding(page, _TLDS) for m in _DOMAIN.finditer(ln))
    short = ""
    for label in dict.fromkeys(named):
        if len(label) < least:
            continue
        short = short or "\n".join(ln for ln in lines if ln.count(" ") < 3)
        word = re.compile(rf"(?<![\w@.]){re.escape(label)}(?![\w.])", re.I)
        spelled = [m.group(0) for m in word.finditer(short) if not m.group(0).islower()]
        if spelled and (best is None or len(spelled) > best[0]):
            # the first most spelled on the page: a set's order would follow the hash seed
            best = (len(spelled), max(dict.fromkeys(spelled), key=spelled.count))
    return best[1] if best else None


# Platforms a page links to or quotes, whose domains name no publication.
_PLATFORMS = frozenset(
    (
        "twitter", "facebook", "instagram", "youtube", "google", "apple", "amazon", "linkedin",
        "pinterest", "whatsapp", "reddit", "tumblr", "wordpress", "blogspot", "gmail", "yahoo",
        "outlook", "hotmail", "bit", "t", "tiktok", "flickr", "vimeo", "medium", "disqus",
    )
)  # fmt: skip


def _named_domain(page: str) -> str | None:
    """A domain the page names bare at least twice ("Source: Moneycontrol.com", "experts on
    Moneycontrol.com"), as printed, where the page names itself no other way; no platform's."""
    counts: dict[str, int] = {}
    for line in _lines_holding(page, _TLDS):
        for m in _DOMAIN.finditer(line):
            if fold(m.group(1)) not in _PLATFORMS:
                name = m.group(0).removeprefix("www.")
                counts[name] = counts.get(name, 0) + 1
    best = max(counts, key=lambda name: counts[name], default=None)
    return best if best is not None and counts[best] >= 2 else None


_BRAND_BEFORE = re.compile(r"^(?:The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)?$")


def _brand_before(line: str, at: int) -> str | None:
    """A name of one or two capitalised words that opens a copyright line, before its "©"
    (the caller asks that the page name it elsewhere too: "IPSO Regulated" it does not)."""
    head = line[:at].strip(" |·•-–—")
    return head if head and _BRAND_BEFORE.match(head) and fold(head) not in _NOT_BRAND else None


# An outlet in capitals right after a name in mixed case that ends a credit line: "Kevin
# Johnson and Kevin McCoy USA TODAY", "Ann Lee CNN" (not "Jo Li - Nov 19, 10:31 pm CST", nor
# "ANN LEE and JO ROE").
_CAPS_OUTLET = re.compile(r"(?<=[A-Z][a-z])\w*\s+((?:[A-Z&]{2,}\s+){0,3}[A-Z&]{2,})$")


def caps_outlet_at(text: str) -> int | None:
    """Where a run of capitals that ends ``text`` right after a name in mixed case starts
    ("Kevin McCoy USA TODAY" -> 12), or None; a time zone ("... 10:31 pm CST") is none."""
    m = _CAPS_OUTLET.search(text)
    return m.start(1) if m and m.group(1) not in _ZONES else None


# "By Eric Song, IGN Staff": the writer is on the outlet's staff
_OUTLET_STAFF = re.compile(r",\s*((?:The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,2}) [Ss]taff$")
_SPECIAL_TO = re.compile(r"\bSpecial to (?:the |The )?([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})")


_FOR_OUTLET = re.compile(
    r"\s(?:[Ff]or|FOR) ((?:The |the )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})$"
)


def credit_outlet(line: str | None) -> str | None:
    """The outlet a byline's credit line names: in capitals after the names ("Ann Lee
    HNN"), the paper a writer is "Special to" ("By Bo Chan | Special to the Harbour Press"),
    the staff the writer is on ("By Bo Chan, HNN Staff"), or after a two-word name as a USA
    TODAY network credit writes it ("Ann Lee Harbour Today", ``name_then_outlet``)."""
    if not line or any(c.isdigit() for c in line):
        return None
    line = line.strip()
    if "Special to" in line and (special := _SPECIAL_TO.search(line)):
        return special.group(1)
    if (writes_for := _FOR_OUTLET.search(line)) and parse_byline(line[: writes_for.start()]):
        return writes_for.group(1)  # "By Ann Lee for MailOnline"
    if "taff" in line and (staff := _OUTLET_STAFF.search(line)) and parse_byline(
            line[: staff.start()]):
        return staff.group(1)
    at = caps_outlet_at(line)
    if at is None:
        split = name_then_outlet(line)
        return split[1] if split else None
    names = line[:at].strip()
    return line[at:] if parse_credit(names) or parse_byline(names) else None


# A credit that names no person but the outlet's staff: "Harbour Post Editorial Staff",
# "By HNN Staff" (not "Staff Reports", nor a desk: "Metro Desk Staff").
_STAFF_CREDIT = re.compile(
    r"^(?:[Bb]y\s+)?((?:The\s)?[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3}?)"
    r"\s+((?:Editorial|News|Newsroom)\s+)?[Ss]taff$"
)
_NOT_OUTLET_WORDS = frozenset(("desk", "section", "team", "wire", "web", "digital", "online"))


def _staff_outlet(credit: str | None, page: str) -> str | None:
    """The outlet whose staff a credit line names in place of a writer, where the name is
    no single plain word ("Times" might be any paper; initials like "HNN" are a name), holds
    no role or desk, and the page names it again: the site's name, not a one-off label.
    Two words before a bare "Staff" may be a person's name ("Ann Lee Staff", a role glued
    on): only "Editorial Staff", or a name that opens with "The", says it is the outlet's."""
    m = _STAFF_CREDIT.match(credit.strip()) if credit and "taff" in credit else None
    if m is None:
        return None
    name = m.group(1)
    words = name.removeprefix("The ").split()
    initials = name.isupper() and 2 <= len(name) <= 5
    if not initials and (len(words) < 2 or not (m.group(2) or name.startswith("The "))):
        return None
    if _holds_any(name, ROLE_WORDS | _NOT_OUTLET_WORDS):
        return None
    return name if page.count(name) >= 2 else None


# "By Ann Lee, HNN", "By Ann Lee | Harbour Courier": the outlet after the writers' names.
_AFTER_NAMES = re.compile(r"^(?P<names>.+?)\s*(?P<sep>[,|])\s*(?P<outlet>[^,|]+?)\s*$")


def _trailing_outlet(credit: str | None) -> str | None:
    """The outlet a byline names after its writers: "By Ann Lee | Harbour Gazette", "By Ann
    Lee, HNN". After a comma a place, a role or a second writer may stand ("By Ann Lee,
    Kyiv", "By Ann Lee, Tom Bell"): there, only initials count. A section ("| Opinion") or a
    wire service is no outlet of the page's own."""
    if not credit or ("," not in credit and "|" not in credit) or any(
            c.isdigit() for c in credit):
        return None
    m = _AFTER_NAMES.match(credit.strip())
    if m is None or not parse_byline(m["names"]):
        return None
    outlet = m["outlet"]
    words = outlet.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or (
            _holds_any(outlet, ROLE_WORDS | _NOT_OUTLET_WORDS) or outlet.lower() in WIRE_SERVICES):
        return None
    initials = outlet.isupper() and 2 <= len(outlet) <= 5
    if not initials and (len(words) == 1 or m["sep"] == ","):
        return None
    return outlet


def name_then_outlet(line: str) -> tuple[str, str] | None:
    """A two-word name then an outlet of two or three words, every word capitalised: "Ann
    Lee Harbour Today" -> ("Ann Lee", "Harbour Today"); not a role ("Ann Lee Staff Writer").
    Only for a credit line where one is expected (over the date line): a name of three
    words would be split wrong."""
    words = line.split()
    if not 4 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return None
    if fold(words[1]) in _PARTICLES or _AUTHOR_LINK.search(line):
        return None  # "Marcus De GuzmanView More Articles": a longer name, a link to its page
    name, outlet = " ".join(words[:2]), " ".join(words[2:])
    if parse_byline(name, need_by=False) != (name,) or _holds_any(outlet, ROLE_WORDS):
        return None
    return name, outlet


_BIO_ROLES = ("writer", "reporter", "editor", "correspondent", "columnist", "producer", "publisher")
# "Science writer at Gizmodo", "is a media reporter for the Los Angeles Times", "the editor
# and publisher of The Space Review"
_BIO_OUTLET = re.compile(
    r"\b(?:" + "|".join(_BIO_ROLES) + r")\s+(?:at|for|of|with)\s+"
    r"((?:[Tt]he\s)?[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3})"
)


def bio_outlet(lines: list[str], byline: tuple[str, ...]) -> str | None:
    """The outlet the author's note names the writer's post at ("Ed Cara" / "Science writer
    at Gizmodo ..."): the note names the writer (or follows the line that does), so a
    quoted source's title is not read. A guest's note may name another outlet: read only
    where the page names its own no other way."""
    surnames = [name.split()[-1] for name in byline if " " in name]
    if not surnames:
        return None
    page = "\n".join(lines)
    found: list[tuple[int, str]] = []
    for role in _BIO_ROLES:  # the lines holding a role word, found with str.find
        at = page.find(role)
        while at >= 0:
            start, end = page.rfind("\n", 0, at) + 1, page.find("\n", at)
            end = len(page) if end < 0 else end
            m = _BIO_OUTLET.search(page, start, end) if end - start <= 400 else None
            if m:
                # what the note says before the post, and the line over it
                about = page[page.rfind("\n", 0, max(0, start - 1)) + 1 : m.start()]
                if any(re.search(rf"\b{re.escape(s)}\b", about) for s in surnames):
                    found.append((m.start(), m.group(1)))
            at = page.find(role, end)
    if not found:
        return None
    name = min(found)[1].rstrip(".’'")
    return "The" + name[3:] if name.startswith("the ") else name


def wire_dateline(line: str) -> tuple[str, ...]:
    """The agency of a wire credit with its dateline's place ("Reuters, Washington,"), else ()."""
    agency, _, place = line.strip(" ,").partition(",")
    words = place.split()
    if fold(agency.strip()) in WIRE_SERVICES and 1 <= len(words) <= 3 and all(
            w[:1].isupper() for w in words):
        return (agency.strip(),)
    return ()


def _spelled_out(initials: str, lines: list[str]) -> str | None:
    """A line of the page that is a name whose words' initials are ``initials``."""
    n = len(initials)
    for line in lines:
        words = line.split()
        if len(words) == n and all(w[:1].isupper() for w in words) and "".join(
                w[0] for w in words) == initials:
            return line.strip()
    return None


def outlet_from_url(url: str | None) -> str | None:
    """A readable name from the URL's domain ("https://www.slashgear.com/x" -> "Slashgear")."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    parts = [p for p in host.split(".") if p and p not in ("www", "m", "amp", "edition")]
    if not parts:
        return None
    # Skip the public suffix: "com", "co.uk", "com.au"
    if len(parts) > 1:
        parts.pop()
    if len(parts) > 1 and len(parts[-1]) <= 3 and parts[-1] in _SECOND_LEVEL:
        parts.pop()
    return _domain_words(parts[-1])


# Words newspapers are named with: a domain that runs them together ("timesunion",
# "startribune", "seattletimes") is written as the masthead prints it ("Times Union").
_MASTHEAD_WORDS = frozenset(
    (
        "times", "union", "post", "news", "tribune", "herald", "journal", "star", "daily",
        "gazette", "chronicle", "press", "sun", "record", "courier", "observer", "register",
        "examiner", "independent", "inquirer", "dispatch", "telegraph", "mirror", "express",
        "guardian", "standard", "review", "democrat", "leader", "sentinel", "bulletin", "globe",
        "mail", "beacon", "argus", "eagle", "today", "enterprise", "insider", "reporter",
        "monitor", "ledger", "advocate", "messenger", "statesman", "pioneer", "citizen",
        "morning", "evening", "sunday", "weekly", "world", "free",
    )
)  # fmt: skip


def _domain_words(label: str) -> str:
    """A domain's name as words where it is masthead words run together ("timesunion" ->
    "Times Union", "thestar" -> "The Star"); any other label capitalised whole ("slashgear"
    -> "Slashgear", "harbourpost" -> "Harbourpost": where a place's name ends is a guess)."""
    words: list[str] = []
    rest = label
    while rest:
        # the longest masthead word that ends what is left
        word = max((w for w in _MASTHEAD_WORDS if rest.endswith(w)), key=len, default=None)
        if word is None:
            break
        words.insert(0, word)
        rest = rest[: -len(word)]
    if rest == "the" and words:  # "thestar": "The Star"
        words.insert(0, rest)
    elif rest or len(words) < 2:
        return label.capitalize()
    return " ".join(w.capitalize() for w in words)


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ne", "or", "go", "edu"})


# "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM": a stamp without its year, which a page
# leaves out for this year's stories. Only the publication ("Posted", "Published") is read.
_YEARLESS = re.compile(
    r"\b(?:Posted|Published)\s*:?\s*(?:on\s+)?"
    + _MON_GROUPED
    + r"\s+(?P<d>\d{1,2})(?!\d),?\s+(?:at\s+)?"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ampm>[ap]\.?m\.?)",
    re.I,
)


def yearless_stamp(line: str, year: int) -> str | None:
    """The publication stamp of ``line`` without a year ("Posted Nov 18, 8:19 PM"), as ISO
    8601 in ``year`` (the page's copyright year: the year it was printed), else None."""
    m = _YEARLESS.search(line) if "osted" in line or "ublished" in line else None
    if m is None:
        return None
    mon = fold(m.group("mon")).rstrip(".")
    month = _FOREIGN_MONTHS.get(mon) or _MONTHS.get(mon[:3])
    day, hour, minute = int(m.group("d")), int(m.group("h")), int(m.group("mi"))
    if not month or not 1 <= day <= 31 or not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00"


# A day and month alone on a line: "November 20", "Nov 18", "20 November", "Tuesday, Nov. 19".
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_MONTH_DAY = re.compile(
    r"^" + _WEEKDAY + r"(?:" + _MON_GROUPED + r"\s+(?P<d>\d{1,2})" + _ORD
    + r"|(?P<d2>\d{1,2})\.?\s+(?P<mon2>" + _MONTH_NAMES + r")\.?)$",
    re.I,
)
_YEAR_LINE = re.compile(r"^(?:19|20)\d{2}$")
_CLOCK_LINE = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.I)


def month_day(line: str) -> tuple[int, int] | None:
    """(month, day) of a line that is a day and a month alone ("Nov 18"), else None."""
    m = _MONTH_DAY.match(line.strip()) if len(line) <= 30 else None
    if m is None:
        return None
    mon = fold(m.group("mon") or m.group("mon2")).rstrip(".")
    month = _FOREIGN_MONTHS.get(mon) or _MONTHS.get(mon[:3], 0)
    day = int(m.group("d") or m.group("d2"))
    return (month, day) if month and 1 <= day <= 31 else None


def split_date(lines: list[str]) -> str | None:
    """A date a page sets over short lines of their own: the day and month, perhaps a time,
    then the year ("November 20" / "15:23" / "2019"), as ISO 8601; else None."""
    if not lines or month_day(lines[0]) is None:
        return None
    clock = ""
    for part in lines[1:3]:
        part = part.strip()
        if _YEAR_LINE.match(part):
            return parse_date(f"{lines[0].strip()} {part}{clock}")
        if clock or not _CLOCK_LINE.match(part):
            return None
        clock = " " + part
    return None


def copyright_year(lines: list[str]) -> int | None:
    """The latest year of the page's lowest copyright line ("© 2005 - 2019 ..." -> 2019)."""
    for line in reversed(lines):
        if len(line) <= 300 and _says_copyright(line) and (years := _YEAR_RE.findall(line)):
            return max(int(y) for y in years)
    return None
