"""Irregular forms of the report verbs the cue rules know: one table for the rules
(``bot.attribution`` inflects its lexicon with it) and the filter's features
(``bot.attrib_model`` reads a cue back to its base verb)."""

from __future__ import annotations

IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "think": ("thinks", "thought", "thinking"),
    "know": ("knows", "knew", "knowing", "known"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "showing", "shown"),
    "feel": ("feels", "felt", "feeling"),
    "hold": ("holds", "held", "holding"),
    "read": ("reads", "reading"),
    "foresee": ("foresees", "foresaw", "foreseeing"),
    "predict": ("predicts", "predicted", "predicting"),
    "forecast": ("forecasts", "forecasting"),
    "tweet": ("tweets", "tweeted", "tweeting"),
}
# Stance and evaluation verbs the rules try last (the weak tier).
WEAK_IRREGULAR: dict[str, tuple[str, ...]] = {
    "refer": ("refers", "referred", "referring"),
    "slam": ("slams", "slammed", "slamming"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "plan": ("plans", "planned", "planning"),
    "seek": ("seeks", "sought", "seeking"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
    "see": ("sees", "saw", "seeing", "seen"),
    "lash": ("lashes", "lashed", "lashing"),
    "favor": ("favors", "favored", "favoring"),
    "rebuff": ("rebuffs", "rebuffed", "rebuffing"),
}


# Each irregular form's base verb ("said" -> "say", "spoke" -> "speak").
BASE_OF: dict[str, str] = {
    form: base for table in (IRREGULAR, WEAK_IRREGULAR) for base, forms in table.items()
    for form in forms
}


def inflect(base: str) -> set[str]:
    """A report verb's forms: "say" -> say, says, said, saying; "deny" -> denies, denied."""
    if base in IRREGULAR:
        return {base, *IRREGULAR[base]}
    stem = base[:-1] if base.endswith("e") else base
    s = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    return {base, s, stem + "ed", stem + "ing"}
