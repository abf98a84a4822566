"""Regular expressions that recognise time expressions (TIMEX3) in lower-cased text.

Every pattern runs over ``text.lower()`` (same offsets), so none needs case-insensitive
matching, which is several times slower in ``re``; where capitals matter (``May`` the month
against ``may`` the verb) the normaliser checks the original text. Each rule is one pattern
with named groups; the normaliser reads the groups. The patterns have no nested unbounded
quantifiers over the same characters, so matching stays linear on hostile input.
"""

from __future__ import annotations

import re

from newscli.regex_cache import compile as compile_re
from newscli.timex_lex import ORDINALS


def _alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A non-capturing alternation, longest first so that ``sept`` wins over ``sep`` (ties in
    alphabetical order: the same pattern in every process, so its compiled form can be cached)."""
    return (
        "(?:"
        + "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=lambda w: (-len(w), w)))
        + ")"
    )


MON_FULL = "january|february|march|april|may|june|july|august|september|october|november|december"
_MON_ABBR = "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
MON = rf"(?:(?:{MON_FULL})(?![a-z])|(?:{_MON_ABBR})(?:\.|(?![a-z])))"
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUM_W = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_ONES})(?![a-z]))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)(?![a-z])"
)
# The ordinals, with "twenty-first"/"thirty first" factored (no ordinal is a prefix of another,
# so the factored form matches exactly the same words, and it is a third as long to compile).
_ORD_COMPOUND = [w.replace(" ", "-").split("-") for w in ORDINALS if " " in w or "-" in w]
ORD_W = (
    rf"(?:{_alt({t for t, _ in _ORD_COMPOUND})}(?:-|\s+){_alt({o for _, o in _ORD_COMPOUND})}"
    rf"|{_alt([w for w in ORDINALS if w != 'last' and not (' ' in w or '-' in w)])})(?![a-z])"
)
ORD_TENS = r"(?:thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[:.,]\d)"
# a year; "-" and a digit may follow only as a range ("2008-2010", "1995-96")
YEAR = (
    r"(?<![\d$#£€.,/:])(?:1[0-9]|20|21)\d\d"
    r"(?![\d%]|[.,:/]\d|-(?!(?:1[89]|20)\d\d(?![\d-])|\d\d(?![\d-]))\d)"
)
SPOKEN_YEAR = (
    r"(?:nineteen[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[- ](?:{_ONES})(?![a-z]))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|hundred)(?![a-z])"
    rf"|two[- ]thousand(?:[- ](?:and[- ])?(?:{_ONES}|ten|eleven|twelve)(?![a-z]))?(?![a-z]))"
)
QTY = (
    r"(?:\d+(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?"
    r"|a\s+(?:couple\s+of|few|dozen|hundred|thousand)(?![a-z])|half\s+an?(?![a-z])"
    r"|(?:a\s+)?couple\s+of|several|few|many|dozens\s+of|hundreds\s+of|thousands\s+of"
    rf"|{NUM_W}(?:[\s-]+(?:hundred|thousand)(?![a-z]))?"
    rf"(?:[\s-]+(?:and\s+)?{NUM_W})?"
    r"|(?:one|a)\s+hundred|an?(?![a-z]))"
)
UNIT_S = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century"
    r"|millennium)"
)
UNIT_P = (
    r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades"
    r"|centuries|millennia)"
)
UNIT = rf"(?:{UNIT_P}|{UNIT_S})(?![a-z])"
TZ = (
    r"(?:gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|et|ct|mt|pt|bst|cet|cest|eet|msk|jst|ist|hkt"
    r"|aest|aedt|sast|local\s+time|(?:eastern|central|mountain|pacific)(?:\s+(?:standard|daylight))?"
    r"\s+time)"
    r"(?![a-z])"
)
AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am(?![a-z])|pm(?![a-z]))"
POD = r"(?:morning|afternoon|evening|night|overnight)(?![a-z])"

_MONTH_PRE = (
    r"(?:(?:the\s+)?(?:(?:very\s+)?(?:early|late|middle|end|beginning|start|first\s+half|"
    r"second\s+half|last\s+half|latter\s+half|first\s+week|last\s+week|rest|remainder)"
    r"\s+of\s+|(?:very\s+)?(?:early|late|first\s+week|last\s+week)\s+in\s+)"
    r"|(?:early|late|mid)[\s-]+|end-|(?:the\s+)?week\s+of\s+|last\s+|next\s+"
    r"|this\s+(?:past\s+|coming\s+)?"
    r"|(?:earlier|later)\s+(?:in\s+)?)"
)

RULES: list[tuple[str, str]] = [
    (
        "md",
        rf"(?:(?P<wd>{WD}),?\s+)?(?P<pre>{_MONTH_PRE})?(?:(?P<wd2>{WD}),?\s+)?"
        rf"(?:(?P<m1>{MON})\s*(?P<d1>{DAY}|{ORD_W})(?:(?:,\s*|\s+)(?P<y1>{YEAR}))?"
        rf"|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MON})(?:,?\s+(?P<y2>{YEAR}))?"
        rf"|(?P<m3>{MON}),?\s+(?:of\s+)?(?P<y3>{YEAR}|{SPOKEN_YEAR}|'\d\d(?!\d))"
        rf"|(?P<m4>{MON}))"
        r"(?P<rel>\s+(?:this|last|next)\s+year(?![a-z']))?",
    ),
    (
        "iso",
        r"(?<![\d./-])(?P<y>(?:1[6-9]|20)\d\d)(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
        r"(?:t(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?)?"
        r"(?![\d/-])",
    ),
    (
        "slash",
        r"(?<![\d./-])(?P<m>3[01]|[12]\d|0?[1-9])(?P<sep>[/.])(?P<d>3[01]|[12]\d|0?[1-9])(?P=sep)"
        r"(?P<y>(?:19|20)\d\d|(?<=/)\d\d)(?![\d/]|\.\d)",
    ),
    (
        "wd",
        # "the first Monday in February": the nth weekday of a month
        rf"(?:(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last)\s+"
        rf"(?={WD}\s+(?:in|of)\s+{MON}))?"
        r"(?P<pre>(?:(?:this|next|last)\s+(?:coming|past)\s+|last\s+|next\s+|this\s+|coming\s+"
        r"|early\s+|late\s+|earlier\s+|later\s+|the\s+previous\s+|the\s+following\s+"
        r"|the\s+next\s+|every\s+|each\s+))?"
        rf"(?P<wd>{WD})(?P<pl>s)?(?![a-z])(?:\s+(?P<pod>{POD}|(?P<pods>mornings|afternoons|evenings|nights)))?"
        rf"(?(nth)\s+(?:in|of)\s+(?P<nm>{MON})(?:,?\s+(?P<ny>{YEAR}))?)",
    ),
    (
        "time",
        r"(?<![\d.$:,])(?:(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>" + AMPM + r")"
        rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?=\s*{TZ}|\s+hours)"
        r"|(?P<h6>[01]\d|2[0-3])(?P<mi6>[0-5]\d)(?=\s*(?:gmt|utc|hrs)(?![a-z]))"
        r"|(?P<h7>[01]?\d|2[0-3]):(?P<mi7>[0-5]\d)(?![\d:])"
        r"|(?P<word>noon|midnight|midday)(?![a-z])"
        rf"|(?P<h4>\d{{1,2}}|{NUM_W})\s+(?:o'clock\s+)?in\s+the\s+(?P<pod4>morning|afternoon|evening)"
        rf"|(?P<h5>\d{{1,2}}|{NUM_W})\s+o'clock)"
        rf"(?P<tz>\s+{TZ})?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wdpre>next|this|last)\s+)?(?P<wd>{WD})(?![a-z])"
        r"|,?\s+(?P<rel>today|yesterday|tomorrow|tonight))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<m>{MON})\s+(?P<d>{DAY})|(?P<dm>{DAY})\s+(?P<md>{MON}))"
        rf"(?:,?\s+(?P<y>{YEAR}))?)?",
    ),
    (
        "daypart",
        r"(?:(?P<pre>(?:early|late|earlier|later)\s+)?"
        r"(?P<a>this|last|tomorrow|yesterday|the\s+next|the\s+following|the\s+previous)\s+"
        r"(?P<pod>morning|afternoon|evening|night)(?![a-z])"
        r"|(?P<pod2>tonight|overnight)(?![a-z])"
        r"|mid[\s-]?(?P<pod3>morning|afternoon|evening)(?:\s+(?P<rel3>yesterday|today|tomorrow))?"
        r"|(?:early|late)\s+in\s+the\s+(?P<pod5>morning|afternoon|evening)(?![a-z])"
        r"|(?P<pre6>early|late|the)\s+(?P<pod6>morning|afternoon|evening)(?![a-z'’-]))",
    ),
    (
        "rel",
        r"(?P<pre>(?:early|late|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?![a-z])"
        rf"(?:\s+(?P<pod>{POD}))?"
        r"|the\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow)",
    ),
    (
        "ref",
        r"(?P<w>now|currently|presently|nowadays|these\s+days|(?:more\s+|most\s+)?recently|lately|formerly|"
        r"(?:the\s+)?(?:(?:near|distant|immediate|not\s+too\s+distant)\s+)?future(?!\s+of\b)"
        r"|the\s+past(?!\s+(?:\d|few|several|many|couple|decade|century|week|month|year|day|hour"
        rf"|quarter|{NUM_W}|spring|summer|fall|autumn|winter))"
        r"|soon(?!\s+(?:as|after|afterwards?|thereafter)(?![a-z]))"
        r"|current(?!\s+(?:accounts?|affairs)(?![a-z]))|recent"
        r"|the\s+(?:near|short|long)\s+term|someday|(?:a|some)\s+(?:later|future)\s+date"
        r"|(?<=until )then|(?<=till )then|(?<=by )then)(?![a-z])",
    ),
    (
        "dur",
        r"(?P<approx>(?:nearly|almost|roughly|approximately|more\s+than|less\s+than|fewer\s+than|"
        r"over|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|"
        r"well\s+over|a\s+full|another|an\s+additional|an\s+extra)\s+)?"
        r"(?P<det>(?:the|its|their|his|her|this|that|these|those|each\s+of\s+the|an?)\s+)?"
        r"(?P<dir>(?:past|last|next|first|coming|previous|preceding|following|final|remaining|"
        r"latest|recent|initial|ensuing|succeeding|same|last\s+few|past\s+few|next\s+few|"
        r"coming\s+few)\s+)?"
        rf"(?P<q>{QTY})(?P<more>\s+(?:more|additional|straight|consecutive|full|long|trading|"
        r"business|calendar|working))?"
        rf"(?P<sep>[\s-]+)(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?"
        r"(?P<post>\s+ago|\s+earlier|\s+or\s+so\s+ago|\s+from\s+now|\s+hence|\s+or\s+so(?![a-z])"
        rf"|\s+from\s+(?P<fromd>today|tomorrow|{WD})(?![a-z])"
        r"|\s+ahead|-long"
        r"|[\s-]+old(?![a-z]))?(?P<noun>[\s-]+(?:period|term)(?![a-z]))?",
    ),
    (
        "vague",
        r"(?P<det>(?:the|in|for|within|over|after)\s+)?"
        r"(?P<dir>(?:past|last|next|coming|recent|early|first|later|ensuing)\s+)?"
        r"(?P<unit>years|months|weeks|days|hours|minutes|decades|centuries|quarters)(?![a-z])"
        r"(?P<post>\s+ahead|\s+ago|-long)?",
    ),
    (
        "relunit",
        r"(?P<pre>(?:(?:early|late|mid|earlier|later)[\s-]+(?:in\s+)?)"
        r"|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|balance)\s+of\s+)?"
        r"(?P<det>this\s+past|this\s+coming|this|last|next|past|coming|that|the\s+same|that\s+same"
        r"|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following"
        r"|the\s+preceding|previous|following|the\s+current|current|the\s+latest|latest"
        r"|the\s+present|the\s+prior|prior|the\s+whole|the\s+entire|the\s+full|the)\s+"
        r"(?P<fiscal>(?:fiscal|calendar)[\s-]+)?"
        r"(?P<unit>week|weekend|fortnight|month|year|decade|century|day)(?![a-z-]|['’](?!s))"
        r"(?P<post>\s+ago|\s+earlier|\s+before|\s+or\s+so(?![a-z])"
        rf"|\s+of\s+(?P<ofm>{MON}\s+{DAY})|\s+of\s+(?P<ofy>{YEAR}))?",
    ),
    (
        "quarter",
        r"(?P<det>(?:the|this|last|next|its|their|a|that)\s+)?"
        r"(?P<yrs>(?:this|last|next)\s+year['’]s\s+)?"
        rf"(?P<adj>(?:(?:same|latest|current|previous|prior|comparable|corresponding|year-earlier"
        rf"|year-ago|year\s+earlier|year\s+ago|flat|fiscal|calendar|(?P<qyear>{YEAR}))[\s-]+){{0,3}})"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)?(?:[\s-]+|(?=\s))?"
        r"(?P<fisc2>fiscal[\s-]+)?(?P<unit>quarter|half|period)(?P<pl>s)?(?![a-z])"
        rf"(?P<post>\s+of\s+(?:fiscal\s+)?(?P<y2>{YEAR})|\s+of\s+(?P<yy>this|last|next)\s+year"
        rf"|,?\s+(?P<y3>{YEAR})|\s+(?:a|one)\s+year\s+(?:ago|earlier)"
        r"|\s+(?P<yy2>last|this|next)\s+year(?![a-z']))?"
        rf"|(?<![a-z\d])q(?P<qn>[1-4])(?![a-z\d])(?:\s+(?P<qy>{YEAR}))?"
        rf"|(?P<qy2>{YEAR})\s+q(?P<qn2>[1-4])(?![a-z\d])"
        rf"|(?:the\s+)?(?P<mq1>{MON})\s*[-–]\s*(?P<mq2>{MON})\s+(?:quarter|period)(?![a-z])"
        rf"(?:(?:,?\s+|\s+of\s+)(?P<mqy>{YEAR}))?"
        r"|(?:the\s+)?(?P<mqe>march|june|september|december|mar\.|jun\.|sept?\.|dec\.)"
        rf"[\s-]+quarter(?![a-z])(?:(?:,?\s+|\s+of\s+)(?P<mqey>{YEAR}))?",
    ),
    (
        "year",
        r"(?P<pre>(?:the\s+)?(?:(?:very\s+)?(?:early|late|middle|end|beginning|start|first\s+half"
        r"|second\s+half|last\s+half|latter\s+half|rest|remainder|course|spring|summer|fall"
        r"|autumn|winter|first\s+quarter|second\s+quarter|third\s+quarter|fourth\s+quarter)"
        r"\s+of\s+(?:fiscal\s+)?)"
        r"|(?:early|late|mid|pre|post)[\s-]|fiscal\s+(?:year\s+)?|calendar\s+(?:year\s+)?"
        r"|the\s+year\s+|fy\s?|a\s+good\s+part\s+of\s+|much\s+of\s+)?"
        rf"(?:(?P<y>{YEAR})|(?P<sy>{SPOKEN_YEAR})|(?<=['’])(?P<yq>\d\d)(?![\w'’%]))"
        r"(?P<post>\s+or\s+(?:later|earlier|so)(?![a-z])|\s+and\s+beyond)?",
    ),
    (
        "decade",
        r"(?P<pre>(?:the\s+)?(?:(?:early|late|mid)[\s-]+|(?:first|second|last|latter)\s+half\s+of"
        r"\s+the\s+)?)"
        r"(?:(?P<dec>(?:1[0-9]|20)\d0)['’]?s|(?P<dec2>['’]\d0s|(?<=the\s)\d0s|(?<=['’])\d0s)"
        r"|(?<=the\s)(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties"
        r"|nineties)|(?<=-)(?P<decw2>twenties|thirties|forties|fifties|sixties|seventies|eighties"
        r"|nineties))(?![a-z\d])",
    ),
    (
        "century",
        r"(?:the\s+)?(?P<pre>(?:early|late|mid)[\s-]+)?(?:(?P<cn>\d{1,2})(?:st|nd|rd|th)|"
        rf"(?P<cw>{ORD_W}))[\s-]+century(?![a-z])"
        r"|(?P<cdet>this|last|next|the\s+last|the\s+next|the\s+past|the\s+previous|the\s+current"
        r"|the\s+present)\s+century(?![a-z])",
    ),
    (
        "set",
        r"(?P<w>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|bimonthly"
        r"|semiannually|semi-annually|fortnightly)(?![a-z])"
        rf"|(?P<ev>every|each)\s+(?P<other>other\s+)?(?:(?P<q>{QTY})\s+)?"
        rf"(?P<u>{UNIT}|{WD}s?(?![a-z])|{MON}|morning|afternoon|evening|night|spring|summer|fall"
        r"|autumn|winter)(?![a-z])"
        rf"|(?P<rate>(?:once|twice|thrice|(?:\d+|{NUM_W})\s+times)\s+)?(?:a|per)\s+"
        r"(?P<u2>second|minute|hour|day|week|month|quarter|year)(?![a-z])"
        r"|(?<=on\s|at\s)(?P<we>weekends)(?![a-z])",
    ),
    (
        "season",
        r"(?P<pre>(?:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|the\s+following"
        r"|the\s+previous|early|late|mid|the\s+early|the\s+late|the|that)[\s-]+)?"
        r"(?P<s>spring|summer|fall|autumn|winter)(?![a-z])"
        rf"(?P<y>(?:\s+of)?\s+(?:{YEAR}|{SPOKEN_YEAR}))?",
    ),
    (
        "holiday",
        r"(?P<pre>(?:last|next|this)\s+)?"
        r"(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year['’]s(?:\s+(?:day|eve))?"
        r"|thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday|week|weekend))?|good\s+friday"
        r"|black\s+friday|cyber\s+monday"
        r"|election\s+day|independence\s+day|labor\s+day|memorial\s+day|veterans\s+day"
        r"|valentine['’]s\s+day|halloween|boxing\s+day|bastille\s+day|victory\s+day"
        r"|mother['’]s\s+day|father['’]s\s+day|martin\s+luther\s+king\s+day|christmas\s+eve"
        r"|st\.?\s+patrick['’]s\s+day|remembrance\s+day|canada\s+day|australia\s+day|anzac\s+day)"
        rf"(?![a-z])(?:,?\s+(?P<y>{YEAR}))?",
    ),
    (
        "anniv",
        rf"(?P<det>(?:the|its|his|her|their|this\s+year['’]s|next\s+year['’]s)\s+)?"
        rf"(?P<n>\d{{1,3}}(?:st|nd|rd|th)|{ORD_W}|{ORD_TENS}"
        rf"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-{ORD_W})"
        r"\s+anniversary(?![a-z])(?P<of>\s+of\s+)?",
    ),
    (
        "anchored",
        r"(?P<a>(?:earlier|later)\s+that\s+(?:day|week|month|year|morning|night|evening)"
        r"|(?:earlier|later)\s+in\s+the\s+(?:day|week|month|year)"
        r"|that\s+(?:same\s+)?(?:day|week|month|year|morning|night|evening)"
        r"|the\s+same\s+(?:day|week|month|year)"
        r"|the\s+(?:next|following|previous|preceding)\s+(?:day|morning|evening|night)"
        r"|the\s+following\s+(?:week|month|year)|the\s+previous\s+(?:week|month|year)"
        r"|the\s+(?P<bl>week|month|year)\s+before\s+last"
        r"|the\s+day\s+(?:before|after)|the\s+(?:week|month|year)\s+(?:before|after))(?![a-z])",
    ),
    (
        "yago",
        r"(?<![a-z-])(?:year-(?:earlier|ago|end)|year['’]s\s+end|year\s+end)(?![a-z-])",
    ),
]

SOURCES: dict[str, str] = dict(RULES)
PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}


class _LazyRules(dict):  # type: ignore[type-arg]
    """Rule name -> compiled pattern, each compiled on first use: ``re`` compiles in pure Python
    and these big patterns cost tens of milliseconds at start-up, yet an article tries only
    some of them. After the first use a lookup is a plain dict lookup."""

    def __missing__(self, name: str) -> re.Pattern[str]:
        pat = self[name] = compile_re(SOURCES[name])
        return pat


COMPILED: dict[str, re.Pattern[str]] = _LazyRules()
