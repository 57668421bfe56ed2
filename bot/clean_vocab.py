"""The pasted-text cleaner's vocabularies: words that mark a line as page furniture.

Each vocabulary is a tuple of regex *terms* on case-folded text (see :func:`fold`), and
means what ``\\b(?:term|term|...)`` means. That alternation is slow in ``re``: it tries
every term at every position of the line. :class:`Vocabulary` gives the same answers
faster: terms are grouped by their first letter, so a position costs one letter test
per group, and a match is tried only at the line's start and after a non-word
character, which ``re`` finds with a quick character-class scan instead of a full
attempt per position. ``Vocabulary.reference`` is the plain alternation, kept as the
definition (the tests check the two agree).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby


def fold(text: str) -> str:
    """Lower case as re.IGNORECASE sees it, one character for one: the dotless i, the long s
    and the dotted capital I equal ASCII letters there but not under str.lower()."""
    if not text.isascii():
        text = text.replace("İ", "i").replace("ı", "i").replace("ſ", "s")
    return text.lower()


def by_first_char(terms: tuple[str, ...]) -> str:
    """``terms`` as one alternation factored by first character ("c(?:ookies?|opyright)").

    Only terms with the same first character can match at one position, and their order
    among themselves is kept, so every search finds the same match as the plain alternation.
    """
    groups: dict[str, list[str]] = {}
    for term in terms:
        if not re.match(r"\w", term[0]):
            raise ValueError(f"a vocabulary term must start with a letter: {term!r}")
        groups.setdefault(term[0], []).append(term[1:])
    return "|".join(
        re.escape(first) + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
        for first, rests in groups.items()
    )


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Terms that start a word, matched fast (see the module docstring)."""

    reference: re.Pattern[str]  # \b(?:terms), the definition
    at_start: re.Pattern[str]  # a term at the start of the text
    inside: re.Pattern[str]  # a non-word character, then a term

    @classmethod
    def of(
        cls, terms: tuple[str, ...], *, suffix: str = "", start_only: tuple[str, ...] = ()
    ) -> Vocabulary:
        """Each term must start with a letter: a word boundary before it is then the text's
        start or a non-word character, which is what ``at_start`` and ``inside`` look for.
        ``start_only``: terms that count only at the start of the text."""
        starts = tuple("^" + term for term in start_only)
        return cls(
            reference=re.compile(r"\b(?:" + "|".join(terms + starts) + ")" + suffix),
            at_start=re.compile("(?:" + by_first_char(terms + start_only) + ")" + suffix),
            inside=re.compile(r"\W(?:" + by_first_char(terms) + ")" + suffix),
        )

    def search(self, low: str) -> bool:
        """Whether a term occurs in ``low``, the folded text."""
        return self.at_start.match(low) is not None or self.inside.search(low) is not None

    def count_to_two(self, low: str) -> int:
        """How many times terms occur, as ``findall`` counts them: 0, 1, or 2 for two or more.

        Terms end with a word character, so the next match never starts where one ends and
        searching on from the end of the first finds findall's second.
        """
        first = self.at_start.match(low) or self.inside.search(low)
        if first is None:
            return 0
        return 2 if self.inside.search(low, first.end()) is not None else 1


# ------------------------------------------------------------------ boilerplate

# "Contribute" as an appeal's button or plea ("Contribute", "Contribute to our work"), not
# the verb of a sentence ("Skipping meals can contribute to cravings").
_CONTRIBUTE = r"contribut(?:e|ion)(?!\s+to\s+(?!us\b|our\b))"
# A short line holding one of these is page furniture.
BOILER_TERMS = (
    # accounts, newsletters, consent, legal
    r"cookies?", r"newsletters?", r"subscribe[drs]?", r"subscriptions?", r"sign[\s-]?(?:up|in|out)",
    r"log[\s-]?(?:in|out)", r"register(?:ing)?", r"my\s+account", r"privacy(?:\s+policy)?",
    r"terms\s+(?:of|and)\s+", r"all\s+rights\s+reserved", r"copyright", r"user\s+agreement",
    r"constitutes\s+acceptance", r"may\s+not\s+be\s+reproduced",
    r"community\s+(?:rules|guidelines|standards)",
    # advertising and sharing
    r"advertisement", r"advertising", r"advertise", r"sponsored", r"promoted",
    r"share\s+(?:on|this|via|the|article|story|it\s+with)", r"facebook", r"twitter", r"whatsapp",
    r"linkedin", r"pinterest", r"reddit", r"instagram", r"youtube", r"telegram",
    r"e-?mail\s+(?:us|this)",
    # links to other stories
    r"related(?:\s+(?:articles?|stories|content|coverage|topics|posts|news))?\s*:?$",
    r"read\s+(?:more|next|also)", r"see\s+also", r"see\s+more\s*:",
    r"more\s+(?:from|on|about|stories|news|in)\b",
    r"recommended", r"most\s+(?:read|popular|viewed|shared)", r"trending",
    r"you\s+may\s+(?:also\s+)?like", r"don'?t\s+miss", r"also\s+read",
    # comments, navigation, calls to action
    r"comments?", r"reply", r"leave\s+a\s+",
    r"tell\s+us\s+what\s+you\s+think", r"let\s+us\s+know\s+what\s+you\s+think",
    r"join\s+(?:the|our)\s+(?:conversation|discussion|commenting)", r"notifications?",
    r"skip\s+to", r"jump\s+to", r"main\s+(?:menu|content|story)", r"continue\s+reading",
    r"click(?:ing)?\s+here", r"follow\s+us", r"download\s+(?:the|our)\s+app",
    r"donat(?:e|ion|ions)", _CONTRIBUTE, r"support\s+(?:us|our|independent|quality)",
    r"your\s+support", r"paywalls?",
    # pictures and credits
    r"getty\s*images", r"shutterstock", r"photo(?:graph)?\s*(?:by|credit)?\s*:",
    r"image\s*(?:credit)?\s*:", r"picture\s*:", r"credit\s*:", r"ap\s+photo/", r"afp\s+via",
    r"file\s+photo",
    # tags, widgets, stamps
    r"tags?\s*:", r"topics\s*:", r"filed\s+under", r"about\s+the\s+author", r"print\s+this",
    r"back\s+to\s+(?:top|gallery)", r"view\s+all\b", r"loading", r"watch\s*:", r"listen\s*:",
    r"min(?:ute)?s?\s+read", r"reading\s+time\s*:", r"read\s+time\s*:",
    r"updated\s*:", r"published\s*:", r"image\s+\d+\s+of\s+\d+", r"enlarge\s+this", r"toggle",
    r"media\s+playback", r"enable\s+javascript", r"requires\s+javascript",
    r"your\s+browser\s+(?:does\s+not|doesn'?t)",
    r"we\s+use\s+cookies", r"accept\s+(?:all|cookies)", r"manage\s+(?:preferences|cookies)",
    # players, galleries and breaks in the text
    r"story\s+continues\s+(?:below|after)", r"article\s+continues\s+(?:below|after)",
    r"scroll\s+to\s+continue", r"skip\s+ad\b", r"listen\s+to\s+this\s+(?:article|story)",
    r"hide\s+caption", r"show\s+caption",
    r"read\s+the\s+full\s+(?:story|article)", r"view\s+(?:the\s+)?(?:gallery|photos|slideshow)",
    # German, French, Spanish, Portuguese, Italian
    r"lesen\s+sie\s+(?:auch|mehr)", r"mehr\s+zum\s+thema", r"datenschutz", r"impressum",
    r"anzeige", r"teilen", r"abonnieren", r"à\s+lire\s+aussi", r"lire\s+aussi", r"partager",
    r"publicité", r"leer\s+más", r"lea\s+también", r"compartir", r"publicidad",
    r"leia\s+(?:também|mais)", r"publicidade", r"compartilhe", r"leggi\s+anche", r"condividi",
    r"pubblicità", r"lesezeit", r"temps\s+de\s+lecture", r"tiempo\s+de\s+lectura",
    r"tempo\s+de\s+leitura", r"tempo\s+di\s+lettura",
)  # fmt: skip
# "Related" counts at the very start of a line too ("Related: How the vote went"), and so do
# a science site's "Explore further" and "Citation: <the headline> (2019) retrieved ...".
# So does a link to another story set into the text: "MORE: <headline>" and its kin in the
# other languages most often pasted ("Читайте также: ...", "Baca juga: ...").
BOILER_START_ONLY = (
    r"related\b", r"citation\s*:", r"explore\s+further", r"more\s*:",
    r"updated\s+(?:at|on)\b", r"published\s+(?:at|on)\b", r"veja\s+tamb[ée]m",
    r"ver\s+tambi[ée]n", r"читайте\s+также", r"baca\s+juga",
)  # fmt: skip
BOILER = Vocabulary.of(BOILER_TERMS, start_only=BOILER_START_ONLY)
# Terms that start with a symbol: a word boundary before one needs a word character before it.
_BOILER_AFTER_WORD = re.compile(
    r"\w(?:\(ap\s+photo|/\s*(?:reuters|ap|afp|epa|getty(?:\s+images)?)$|©|\(c\)\s*\d{4})"
)
# Scripts without word boundaries: the terms stand anywhere.
_BOILER_UNSPACED = re.compile(
    "分享|相关(?:阅读|新闻|文章|报道)|责任编辑|编辑：|版权所有|广告|关注我们|関連記事|シェア|広告"
    "|続きを読む|อ่านเพิ่มเติม|แชร์|โฆษณา|관련기사|공유하기|광고"
)


# The link to a picture attached to a tweet ("... needed pic.twitter.com/MYwRz9euaq"): the
# line is the text of a tweet set into the article, and the link's "twitter" no share button.
_TWEET_PICTURE_RE = re.compile(r"\bpic\.twitter\.com/\w+")


# A reporter's "declined to comment", "did not respond to a request for comment": the
# article's words, not a link to the comments.
_NO_COMMENT_RE = re.compile(
    r"\b(?:declin|refus|request|reached|available|respond)\w*\s+(?:to|for)\s+(?:a\s+)?comment"
)


def is_boiler_text(low: str) -> bool:
    """Whether the folded line holds boilerplate vocabulary."""
    if "pic.twitter.com/" in low:
        low = _TWEET_PICTURE_RE.sub(" ", low)
    if "comment" in low:
        low = _NO_COMMENT_RE.sub(" ", low)
    return (
        BOILER.search(low)
        or (
            ("(" in low or "/" in low or "©" in low)
            and _BOILER_AFTER_WORD.search(low) is not None
        )
        or unspaced_boiler(low)
        or (low.endswith(("]", "]|")) and _SECTION_TAG.search(low) is not None)
    )


# The signature under a social post set into the article: "— Rep. Jo Roe (@JoRoe) November
# 19, 2019".
_POST_SIGNATURE_RE = re.compile(
    r"[—–-]\s*[^()]{1,80}\(@\w{1,15}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$"
)


def is_post_signature(line: str) -> bool:
    """Whether the line signs a social post quoted in the article."""
    return "(@" in line and _POST_SIGNATURE_RE.match(line) is not None


# A politician's hover card copied into the sentence that names them: the card's full name and
# its latest headlines, glued to the link text and closed by "MORE", as in "Rep. Ilhan
# OmarIlhan OmarHillicon Valley: ... | ... MORE (D-Minn.)". Both glues (link text to card name,
# card name to first headline) are required, so prose with "MORE" in capitals stays.
_CARD_NAME_WORD = r"\(?(?:Mc|Mac|De|La|Le|O['’])?[A-Z][a-z'’.]*(?:-[A-Z][a-z'’.]*)?\)?"
_HOVER_CARD_RE = re.compile(
    r"(?<=[a-z.])"
    rf"(?:{_CARD_NAME_WORD} ){{1,3}}{_CARD_NAME_WORD}(?<=[a-z.])(?=[A-Z‘“'\"])"
    r"[^\n]{0,1200}? MORE(?=[\s,.;:)]|$)"
)


def strip_hover_cards(text: str) -> tuple[str, list[str]]:
    """The paragraph without hover cards, and the cards cut from it."""
    if " MORE" not in text:
        return text, []
    cards = [m.group() for m in _HOVER_CARD_RE.finditer(text)]
    return (_HOVER_CARD_RE.sub("", text), cards) if cards else (text, [])


# A link to another story set into the text under the site's own name, at any length:
# "Also on rt.com Journalists threatened with arrest as ...". A domain, not a word, follows
# "on", so "Also on Tuesday, ..." stays.
SITE_LINK_STARTS = ("also on ", "more on ", "read more on ", "see more on ")
_SITE_LINK_RE = re.compile(
    r"(?:also|more|read\s+more|see\s+more)\s+on\s+(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:com|org|net|co\.uk|news|tv|info|io|[a-z]{2})\b(?!\.\w)"
)


def is_site_link(low: str) -> bool:
    """Whether the folded line opens with a link to the site's other stories."""
    return low.startswith(SITE_LINK_STARTS) and _SITE_LINK_RE.match(low) is not None


# The heading of a list of other stories in a script without spaces ("関連記事", "相关阅读",
# "관련기사"), as TAIL_RE's "Related" is in English: every term is one of _BOILER_UNSPACED's.
_UNSPACED_TAIL_RE = re.compile(
    r"[\s:：>»›|•·【\[]*(?:相关(?:阅读|新闻|文章|报道)|関連記事|관련기사)[\s:：<«‹|•·】\]]*$"
)


def unspaced_tail(low: str) -> bool:
    """Whether the folded line is a "Related" heading of a script without spaces."""
    return _UNSPACED_TAIL_RE.match(low) is not None


def unspaced_boiler(low: str) -> bool:
    """Whether the folded line holds boilerplate vocabulary of a script without spaces."""
    return not low.isascii() and _BOILER_UNSPACED.search(low) is not None


# "Plane passengers quarantined after plague outbreak [NEWS]": a link to another story, its
# section in brackets.
_SECTION_TAG = re.compile(
    r"\[(?:news|insight|video|videos|pics|pictures|poll|latest|live|analysis|revealed|warning"
    r"|comment|opinion|update|gallery|watch|listen|podcast|reaction|report|exclusive|explained"
    r"|interview|quiz)\]\|?$"
)


# ------------------------------------------------------------------ appeals

# A paragraph asking the reader for money, an e-mail address or consent.
APPEAL_TERMS = (
    r"donat(?:e|ion|ions|ing)", r"paywalls?", r"subscri(?:be|ption|bers?)", r"your support",
    r"support (?:us|our journalism|independent)", _CONTRIBUTE, r"membership",
    r"sign up", r"newsletters?", r"inbox", r"e-?mails?", r"spam", r"unsubscribe", r"join our",
    r"forums?", r"news tip", r"cookies?", r"privacy policy", r"terms of (?:use|service)",
)  # fmt: skip
APPEAL = Vocabulary.of(APPEAL_TERMS, suffix=r"\b")
# Every appeal term holds one of these, and most lines hold none: a few substring tests
# (plain C scans) rule a line out for a fraction of a regex search.
_APPEAL_HINTS = (
    "donat", "paywall", "subscri", "support", "contribut", "membership", "sign up",
    "newsletter", "inbox", "mail", "spam", "join our", "forum", "news tip", "cookie",
    "privacy policy", "terms of ",
)  # fmt: skip


# The hints as one search, grouped by first letter: on a short line one regex call costs
# less than a substring test per hint; on a long one the substring tests (plain C scans) win.
_APPEAL_HINT_RE = re.compile(
    "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(h[1:]) for h in group) + ")"
        for first, group in groupby(sorted(_APPEAL_HINTS), key=lambda h: h[0])
    )
)
_HINT_RE_MAX = 80  # characters


def appeal_count(low: str, hint_text: str | None = None) -> int:
    """Appeal terms in the folded line: 0, 1, or 2 for two or more. ``hint_text``: where to
    look for the hints, if not in ``low`` (a copy holding the same lower-case ASCII words)."""
    hint_text = hint_text or low
    if len(hint_text) < _HINT_RE_MAX:
        if _APPEAL_HINT_RE.search(hint_text) is None:
            return 0
        return APPEAL.count_to_two(low)
    for hint in _APPEAL_HINTS:
        if hint in hint_text:
            return APPEAL.count_to_two(low)
    return 0


# ------------------------------------------------------------------ captions

# A caption or credit line: it starts with a label ("Photo:", "Pictured:") ...
_CAPTION_START_RE = re.compile(
    r"^(?:photo|image|picture|pic|credit|source|caption|illustration|video|graphic)s?\b\s*[:.|]"
    r"|^(?:above|below|top|pictured|left|right|main|inset)\s*:"
    r"|^(?:photo|image|picture|video|illustration)s?\s+(?:by|credit|courtesy)\b"
    r"|^credit\.{0,3}$"
    r"|^(?:media|image|video|photo)\s*caption"
    r"|^file\s+photo\s*:|^\(?(?:reporting|writing|editing)\s+by\b"
    # an agency's caption of a file picture: "FILE - In this Oct. 3, 2019, file photo, ..."
    r"|^file\s*[-–—]\s+(?:in\s+)?this\b"
    r"|^(?:in\s+)?this\s+(?:(?:[a-z]+\.?\s+\d{1,2},\s+\d{4}|[a-z]+\.?\s+\d{4}|\d{4}),?\s+"
    r"|(?:undated|handout|file|aerial|satellite|recent)\s+){0,3}(?:photo|image|picture|photograph)s?\b"
)
# ... or ends with a credit: an agency, "(Photo ...)", "(AP Photo/Name)".
_CAPTION_END_RE = re.compile(
    r"\b(?:getty\s*images|shutterstock|afp|epa|ap\s+photo|reuters|pa\s+(?:wire|media)|alamy"
    r"|istock|bloomberg|dpa|xinhua|handout)\b\s*\)?\s*$|\(photo[^)]*\)\s*$"
    r"|\((?:ap|afp|reuters|getty|epa|pa)\s*(?:photo|images?)?\s*/[^)]*\)?\s*$"
    r"|\.\s+(?:photo\s+|image\s+)?credit\s*:\s*[^.:]{2,60}$"
)
# Rarer credit endings, each with a word or character the line must hold (_MORE_HINTS): a
# second search, so that the common one stays short.
_CAPTION_END_MORE_RE = re.compile(
    r"\b(?:submitted|contributed|courtesy)\s+(?:photo|image)s?\s*$"
    r"|\b(?:reuters|afp|epa)\s*/\s*[a-z][\w.'’ -]{2,40}$"
    r"|\[[^\[\]]{1,60}(?:\svia\s|/)[^\[\]]{1,40}\]$"
    r"|\bvia\s+(?:ap|afp|reuters|getty\s*images)\s*$"
)
_MORE_HINTS = ("]", "via", "submitted", "contributed", "courtesy", "reuters", "afp", "epa")
# Cheap tests first: every start match begins with one of these words, and every end
# match holds "credit" or "(photo", or "/" with "(" or an agency, or ends (past any ")")
# with one of the credit words or "]".
_CAPTION_STARTS = (
    "photo", "image", "pic", "credit", "source", "caption", "illustration", "video", "graphic",
    "above", "below", "top", "left", "right", "main", "inset", "media", "file", "reporting",
    "writing", "editing", "(reporting", "(writing", "(editing", "this", "in this",
)  # fmt: skip
# A picture's label alone on its line, in the languages most often pasted: "Фото", "Foto:".
_PHOTO_LABELS = frozenset(
    word + colon
    for word in ("photo", "photos", "foto", "fotos", "фото", "imagem", "imagen", "immagine", "bild")
    for colon in ("", ":", " :")
)


def is_photo_label(low: str) -> bool:
    """Whether the folded line is a picture's label alone ("Photo", "Фото", "Foto:"), which
    marks the lines next to it as the picture's caption."""
    return low in _PHOTO_LABELS
_CAPTION_ENDS = (
    "images", "shutterstock", "afp", "epa", "photo", "reuters", "wire", "media", "alamy",
    "istock", "bloomberg", "dpa", "xinhua", "handout", "photos", "image", "via ap", "]",
)  # fmt: skip


# How the start and end words above can start and end (first / last three characters), for
# a set lookup that rules out most lines before a startswith or endswith of many words.
_CAPTION_HEADS = frozenset(word[:3] for word in _CAPTION_STARTS)
_CAPTION_END_TAILS = frozenset(word[-3:] for word in _CAPTION_ENDS if len(word) >= 3)
_SHORT_CAPTION_ENDS = tuple(word for word in _CAPTION_ENDS if len(word) < 3)


def _ends_in_credit_word(low: str) -> bool:
    """``low.rstrip(" )").endswith(_CAPTION_ENDS)``, its last three characters looked up first."""
    tail = low.rstrip(" )")
    if tail[-3:] not in _CAPTION_END_TAILS and not tail.endswith(_SHORT_CAPTION_ENDS):
        return False
    return tail.endswith(_CAPTION_ENDS)


def _might_end_in_credit(low: str) -> bool:
    if "credit" in low or "(photo" in low:
        return True
    if "/" in low and ("(" in low or "reuters" in low or "afp" in low or "epa" in low):
        return True
    # "... Getty Images)", "[Ann Lee/Reuters]", "[NASA via AP]"
    return _ends_in_credit_word(low)


def is_caption_text(low: str, head: str | None = None) -> bool:
    """Whether the folded line reads as a picture caption or credit. ``head``: its first three
    characters, if the caller has them."""
    # A set lookup on the first three characters rules out most lines before the startswith
    # of 26 words.
    if (
        (low[:3] if head is None else head) in _CAPTION_HEADS
        and low.startswith(_CAPTION_STARTS)
        and _CAPTION_START_RE.match(low) is not None
    ):
        return True
    # A credit closes the line within its last ~120 characters: a long paragraph need not be
    # scanned whole.
    end = low if len(low) <= _CREDIT_TAIL else low[-_CREDIT_TAIL:]
    # Most lines end in none of the credit words and hold no "/": that test, from
    # ``_might_end_in_credit``, comes first here, saving a call for nearly every line.
    if "/" not in end and "credit" not in end and "(photo" not in end:
        tail = end.rstrip(" )")  # _ends_in_credit_word's first test, inlined
        if tail[-3:] not in _CAPTION_END_TAILS and not tail.endswith(_SHORT_CAPTION_ENDS):
            return False
    if not _might_end_in_credit(end):
        return False
    if _CAPTION_END_RE.search(end) is not None:
        return True
    return any(hint in end for hint in _MORE_HINTS) and _CAPTION_END_MORE_RE.search(end) is not None


_CREDIT_TAIL = 120  # characters


# ------------------------------------------------------------------ other furniture

# The headings of the same boxes ("You may also like", "Related articles", "Most read") in the
# other languages most often pasted: Portuguese, Spanish, French, German, Italian, Russian,
# Indonesian. Whole phrases, so that no common short word ("te", "les") makes every line
# a candidate for ``maybe_furniture``.
_TAIL_OTHER = (
    r"voc[êe]\s+(?:tamb[ée]m\s+)?(?:pode|vai)\s+gostar", r"veja\s+tamb[ée]m",
    r"leia\s+tamb[ée]m", r"posts\s+relacionados", r"artigos\s+relacionados",
    r"mat[ée]rias\s+relacionadas", r"not[íi]cias\s+relacionadas", r"mais\s+lid[oa]s",
    r"tambi[ée]n\s+te\s+(?:puede|podr[íi]a)n?\s+interesar",
    r"te\s+(?:puede|podr[íi]a)n?\s+interesar", r"art[íi]culos\s+relacionados",
    r"noticias\s+relacionadas", r"lo\s+m[áa]s\s+le[íi]do", r"m[áa]s\s+le[íi]d[oa]s",
    r"vous\s+aimerez\s+(?:peut-[êe]tre\s+)?aussi", r"à\s+lire\s+aussi", r"lire\s+aussi",
    r"articles\s+(?:similaires|li[ée]s|recommand[ée]s)", r"sur\s+le\s+m[êe]me\s+sujet",
    r"les\s+plus\s+lus", r"das\s+k[öo]nnte\s+sie\s+auch\s+interessieren",
    r"ähnliche\s+artikel", r"meistgelesen", r"ti\s+potrebbe(?:ro)?\s+interessare",
    r"potrebbe(?:ro)?\s+interessarti", r"articoli\s+correlati", r"leggi\s+anche",
    r"i\s+pi[ùu]\s+lett[ie]", r"читайте\s+также", r"похожие\s+(?:статьи|новости|записи)",
    r"вам\s+может\s+понравиться", r"самое\s+популярное", r"материалы\s+по\s+теме",
    r"по\s+теме", r"другие\s+новости", r"baca\s+juga",
    r"artikel\s+terkait", r"berita\s+terkait",
)  # fmt: skip
# Lines that announce what follows is no longer the article (with a colon or "..." after).
_TAIL_ENGLISH = r"""
    comments?(?:\s*\(\d+\))?|\d+\s+comments?|join\s+(?:the|our)\s+\w+|leave\s+a\s+(?:reply|comment)
    |related(?:\s+\w+)?|read\s+more|more\s+(?:from|on|stories|in)\b.*|recommended(?:\s+\w+)?
    |you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in).*
    |most\s+(?:read|popular|viewed)|trending(?:\s+\w+)?|popular\s+\w+
    |about\s+the\s+author|share\s+this\s+(?:article|story)|tags|topics|filed\s+under.*|site\s+index
    |site\s+information.*|footer.*|more\s+news|latest(?:\s+news|\s+stories)?|what\s+to\s+read\s+next
    |sponsored(?:\s+stories|\s+content)?|around\s+the\s+web|from\s+around\s+the\s+web
    |up\s+next|next\s+up(?:\s+(?:in|on)\b.*)?|watch\s+next
"""
_TAIL_END = r")\s*(?::|\.{3}|…)?$"
TAIL_RE = re.compile(r"(?ix)^(?:" + _TAIL_ENGLISH + "|" + by_first_char(_TAIL_OTHER) + _TAIL_END)
# TAIL_RE in two parts, for ``is_tail_text``.
_TAIL_ENGLISH_RE = re.compile(r"(?ix)^(?:" + _TAIL_ENGLISH + _TAIL_END)
_TAIL_OTHER_RE = re.compile(r"(?i)^(?:" + by_first_char(_TAIL_OTHER) + _TAIL_END)
_TAIL_MARKS = " \t:>»›-–—|•·"


def is_tail_text(text: str) -> bool:
    """``TAIL_RE`` on the line without the marks around it ("» Related:"); the other
    languages' terms only where the line starts as one of them does (a set lookup)."""
    text = text.strip(_TAIL_MARKS)
    if _TAIL_ENGLISH_RE.match(text) is not None:
        return True
    return text[:3].lower() in _TAIL_OTHER_HEADS and _TAIL_OTHER_RE.match(text) is not None
# The words TAIL_RE's lines start with (in lower case).
TAIL_WORDS = (
    "comment", "join", "leave", "related", "read", "more", "recommended", "you", "most",
    "trending", "popular", "about", "share", "tags", "topics", "filed", "site", "footer",
    "latest", "what", "sponsored", "around", "from", r"up\s+next", r"next\s+up", r"watch\s+next",
)  # fmt: skip
# What a short line needs to be furniture by its words: a boilerplate or appeal term or a
# tail line's first word at the start of a word, or the "(", "/", "©" or "[" the other
# boilerplate tests need (only unspaced scripts' terms are left out: ``unspaced_boiler``).
# One search of " " + the folded line (a term at its start then follows a non-word
# character too) rules most short lines out for the price of the boilerplate search alone.
_MAYBE_FURNITURE = re.compile(
    r"\W(?:(?<=[(/©\[])|"
    + by_first_char(BOILER_TERMS + BOILER_START_ONLY + APPEAL_TERMS + TAIL_WORDS)
    + ")"
)


# The other languages' tail headings count only at the line's start (after what
# ``describe`` strips), so a line's first three characters rule most lines out for a set
# lookup, instead of more terms for the search above to try at every word of every line.
_MAYBE_TAIL_OTHER = re.compile(r"[\s:>»›\-–—|•·]*(?:" + by_first_char(_TAIL_OTHER) + ")")
# How each _TAIL_OTHER term can start: its first three characters, folded.
_TAIL_OTHER_HEADS = frozenset(
    (
        "voc", "vej", "lei", "pos", "art", "mat", "not", "mai", "tam", "te ", "lo ", "más",
        "mas", "vou", "à l", "lir", "sur", "les", "das", "ähn", "mei", "ti ", "pot", "leg",
        "i p", "чит", "пох", "вам", "сам", "мат", "по ", "дру", "bac", "ber",
    )
)  # fmt: skip
# ... and after one mark ("» Leia também", "›Veja também").
_TAIL_OTHER_STARTS = _TAIL_OTHER_HEADS | frozenset(
    mark + rest for mark in ":>»›-–—|•·" for h in _TAIL_OTHER_HEADS for rest in (" " + h[0], h[:2])
)


def maybe_furniture(low: str, head: str | None = None) -> bool:
    """False when the folded line can hold no boilerplate or appeal vocabulary (but for
    ``unspaced_boiler``'s) and cannot be a TAIL_RE line: a superset of what those find (for
    the other languages' headings, with one mark before them at most). ``head``: the line's
    first three characters, if the caller has them."""
    if _MAYBE_FURNITURE.search(" " + low) is not None:
        return True
    return (low[:3] if head is None else head) in _TAIL_OTHER_STARTS and (
        _MAYBE_TAIL_OTHER.match(low) is not None
    )


# "2 hours ago", "Yesterday": a time stamp of a teaser.
_AGO_RE = re.compile(
    r"(?i)^(?:\d+\s*(?:[smhd]|mins?|minutes?|hrs?|hours?|days?|weeks?|months?)\s+ago\b.*"
    r"|(?:just\s+now|yesterday|today)$)"
)


def is_time_ago(text: str, low: str) -> bool:
    """A teaser's time stamp ("2 hours ago", "Just now"); only lines starting with a digit or
    one of those words can be one, and testing that first skips the regex for nearly all."""
    return (text[:1].isdecimal() or low.startswith(("just", "yesterday", "today"))) and (
        _AGO_RE.match(text) is not None
    )


PERSON_RE = re.compile(r"(?i)\b(?:we|our|us|you|your)\b")
