"""Word lists and number parsing for the time-expression tagger.

Kept apart from the patterns so that both the recogniser (which builds regular expressions
from these lists) and the normaliser (which maps words to numbers and units) read one table.
All lists are hand-written.
"""

from __future__ import annotations

from newscli.regex_cache import compile as compile_re

MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_NUM: dict[str, int] = {m: i + 1 for i, m in enumerate(MONTHS)}
MONTH_NUM.update(
    {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
)
MONTH_NUM.update({"oct": 10, "nov": 11, "dec": 12})

WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
WEEKDAY_NUM: dict[str, int] = {d: i for i, d in enumerate(WEEKDAYS)}  # Monday = 0

_UNITS_0_19 = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_0_19)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "dozen": 12, "couple": 2, "hundred": 100, "thousand": 1000})
NUMBER_WORDS.update({"half": 0})  # only meaningful in "a half", handled by the parser

ORDINALS: dict[str, int] = {
    w: i + 1
    for i, w in enumerate(
        (
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
        ).split()
    )
}
for _t, _w in (("twenty", 20), ("thirty", 30)):
    ORDINALS[_t[:-1] + "ieth"] = _w
    for _o, _v in list(ORDINALS.items())[:9]:
        ORDINALS[f"{_t}-{_o}"] = _w + _v
        ORDINALS[f"{_t} {_o}"] = _w + _v
ORDINALS["last"] = 4  # "the last quarter" of a year

VAGUE = frozenset("few several many some numerous countless multiple".split())

# Unit word (singular) -> (TIMEX3 duration letter, multiplier, calendar granularity)
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1),
    "minute": ("MIN", 1),
    "hour": ("H", 1),
    "day": ("D", 1),
    "night": ("D", 1),
    "week": ("W", 1),
    "weekend": ("WE", 1),
    "fortnight": ("W", 2),
    "month": ("M", 1),
    "quarter": ("Q", 1),
    "year": ("Y", 1),
    "decade": ("DE", 1),
    "century": ("CE", 1),
    "millennium": ("ML", 1),
}
UNIT_PLURALS = {
    "seconds": "second",
    "minutes": "minute",
    "hours": "hour",
    "days": "day",
    "nights": "night",
    "weeks": "week",
    "weekends": "weekend",
    "fortnights": "fortnight",
    "months": "month",
    "quarters": "quarter",
    "years": "year",
    "decades": "decade",
    "centuries": "century",
    "millennia": "millennium",
    "millenniums": "millennium",
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}

_NUM_TOKEN = compile_re(r"\d+(?:[.,]\d+)*|[a-z]+")


def parse_number(text: str) -> float | None:
    """The value of a spelled or written quantity (``18``, ``2 1/2``, ``twenty-four``,
    ``a couple of``, ``a hundred``); ``None`` when vague (``several``) or not a number."""
    s = text.lower().replace("-", " ").strip()
    if not s:
        return None
    frac = 0.0
    if s.endswith(" 1/2") or s.endswith("½"):
        frac = 0.5
        s = s[:-4] if s.endswith(" 1/2") else s[:-1]
    elif s.endswith(" and a half"):
        frac = 0.5
        s = s[: -len(" and a half")]
    s = s.strip()
    if s.endswith(" of"):
        s = s[:-3]
    if compile_re(r"\d+(?:,\d{3})*(?:\.\d+)?").fullmatch(s):
        return float(s.replace(",", "")) + frac
    if s in ("half", "a half", "half a", "half an"):
        return 0.5
    total = 0
    current = 0
    seen = False
    words = _NUM_TOKEN.findall(s)
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]
    for w in words:
        if w in VAGUE:
            return None
        if w == "and":
            continue
        if w not in NUMBER_WORDS:
            if w.isdigit():
                current += int(w)
                seen = True
                continue
            return None
        v = NUMBER_WORDS[w]
        seen = True
        if w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            current += v
    if not seen:
        return None
    return float(total + current) + frac
