"""Calendar arithmetic and clause tense for TIMEX3 normalisation.

Small pure functions: the values of weeks, quarters, seasons and holidays, shifting a date by
a number of calendar units, and the tense of the clause around an expression (which decides
whether ``Monday`` is the one before or after the publication date).
"""

from __future__ import annotations

import datetime as dt

from newscli.regex_cache import compile as compile_re

PAST, FUTURE, PRESENT = "PAST", "FUTURE", "PRESENT"
_OPEN = "OPEN"  # a cue that leaves the time open (an infinitive): the nearest date wins

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_FUTURE_CUES = frozenset(
    """will ll shall wo going scheduled expected expects expect due would upcoming slated
    tomorrow planned effective""".split()
)
# Future only when followed by "to": "plans to meet Monday", not "vacation plans".
_TO_FUTURE = frozenset(
    "plans plan planning hopes hope intends intend aims aim set promised vowed".split()
)
_PAST_CUES = frozenset(
    """said told was were had did ago yesterday met began came went took gave made left won lost
    held fell rose sold bought paid spent found got saw sent built brought thought wrote broke
    ran struck knew led chose flew fled became drew grew threw spoke stood kept felt heard
    meant swore wore shot fought caught taught sought slept quit rang sank shook stole stuck
    swept woke arose forgave froze hid rode slid sprang tore wept withdrew underwent undertook
    upheld withheld overtook began sat lay laid fed bred bled dealt""".split()
)
# Present-tense verbs of schedules: "the talks resume Friday" is a plan, not a report.
_SCHEDULE_VERBS = frozenset(
    """meet meets resume resumes begin begins start starts open opens reopen reopens visit
    visits travel travels arrive arrives leave leaves return returns vote votes convene
    convenes face faces hold holds host hosts play plays launch launches close closes ends
    expires kicks""".split()
)
_FINITE_PAST = frozenset("said told was were had did ago yesterday".split())
_PRESENT_CUES = frozenset("is are am says say does do".split())
_ED_STOP = frozenset(
    """need needed indeed red bed united hundred proceed exceed succeed speed seed feed based
    limited related detailed concerned interested armed expected scheduled planned proposed
    supposed unprecedented advanced sophisticated alleged accused embattled called
    so-called unidentified unnamed named disabled troubled deed greed breed shed wed weed""".split()
)
_WORD = compile_re(r"[a-z]+")
# nothing but an opening preposition between the sentence start and the expression
_FRONTED = compile_re(r"\W*(?:(?:in|on|by|since|until|last|early|late|earlier|later)\s+)?$")
_BE_AUX = frozenset("is are be being".split())
# words after "to" that show it is a preposition, not an infinitive marker
_NOT_VERBS = frozenset(
    """the a an its their his her this that these those our my your some all each every
    date which whom where what when about around nearly almost over under more less than
    record highs lows new high low""".split()
)
# words before "to" that make it a preposition: "up to", "according to", "next to"
_TO_PREPOSITION = frozenset(
    "up according next close prior compared similar thanks owing addition relative".split()
)
# before a schedule verb, words that make it a noun: "the close", "a first vote", "its visit"
_NOUN_MARKERS = frozenset(
    "the a an its their his her this that another first second third final last next".split()
)
# "a still unspecified date", "the revised plan": an adjective, not a verb
_DETERMINERS = frozenset("a an the its their his her our still".split())


def _noun_after(words: list[str], j: int) -> bool:
    """``words[j]`` (the word left of a schedule verb) makes the verb a noun."""
    return j < len(words) and words[j] in _NOUN_MARKERS


def word_tense(words: list[str], leftward: bool = True) -> str | None:
    """Tense cue from words ordered outward from the expression (nearest first)."""
    weak: str | None = None
    for i, w in enumerate(words):
        if leftward and i < 3 and w in _SCHEDULE_VERBS and not _noun_after(words, i + 1):
            return FUTURE  # (after "the" it is a noun: "at the close of business Thursday")
        if (
            w == "to"
            and leftward
            and i + 1 < len(words)
            and words[i + 1] in ("is", "are", "was", "were")
        ):
            return FUTURE  # "is to resume trading Tuesday"
        if leftward and w == "be" and i + 1 < len(words) and words[i + 1] == "to":
            return FUTURE  # "guidelines to be published in November"
        if leftward and w == "to" and words[i + 1 : i + 2] and words[i + 1] in _TO_PREPOSITION:
            continue  # "up to 8 inches", "according to": no infinitive
        if (
            leftward
            and w == "to"
            and i >= 1
            and words[i - 1] not in _NOT_VERBS
            and not (i >= 2 and words[i - 2] in ("the", "a", "an"))
        ):
            # "decided to admit them in March": the infinitive's time is open, whatever the
            # tense of the decision; "expects to", "plans to" look ahead
            gov = words[i + 1] if i + 1 < len(words) else ""
            if gov in _FUTURE_CUES or gov in _TO_FUTURE:
                if words[i + 2 : i + 4] == ["been", "had"]:
                    return PAST  # "had been scheduled to expire Friday": the plan lies behind
                return FUTURE
            return _OPEN
        if w in _TO_FUTURE:
            j = i - 1 if leftward else i + 1
            if 0 <= j < len(words) and words[j] == "to":
                return FUTURE
            continue
        if w == "planned":
            # "is planned for Monday" looks ahead; "planned to pay" reports a past plan;
            # "a service planned for Monday" says nothing by itself
            outer = words[i + 1 : i + 2]  # the word beyond, away from the expression
            inner = words[i - 1 : i] if i else []  # the word between it and the expression
            before, after = (outer, inner) if leftward else (inner, outer)
            if before and (before[0] in _BE_AUX or (leftward and before[0] in ("was", "were"))):
                return FUTURE  # "is planned for Monday", "was planned for early March"
            if after == ["to"]:
                return weak if weak == FUTURE else PAST
            if leftward and inner and inner[0] in ("a", "an", "their", "its", "his", "her"):
                return FUTURE  # "protesters planned a rally on Saturday": the rally lies ahead
            continue
        if w in _FUTURE_CUES:
            if leftward and words[i + 1 : i + 3] == ["been", "had"]:
                return PAST  # "had been due to expire Friday": a plan overtaken by events
            return FUTURE
        if leftward and i + 1 < len(words) and words[i + 1] in _BE_AUX and w not in _FINITE_PAST:
            continue  # "when the case is heard in May": a passive, not a past tense
        if w in _PAST_CUES:
            if leftward and w not in _FINITE_PAST:
                # "will be held", "is to be made": a participle after a future auxiliary
                for w2 in words[i + 1 : i + 4]:
                    if w2 in _FUTURE_CUES:
                        return FUTURE
            return weak if weak == FUTURE else PAST
        if w in _PRESENT_CUES:
            return weak or PRESENT
        if (
            len(w) > 4
            and w.endswith("ed")
            and w not in _ED_STOP
            and weak is None
            and not (leftward and i + 1 < len(words) and words[i + 1] in _DETERMINERS)
        ):
            # "will be held on Monday": an auxiliary a few words further decides.
            for w2 in words[i + 1 : i + 4]:
                if w2 in _FUTURE_CUES:
                    return FUTURE
            return PAST
    return weak


def clause_tense(low: str, sent_start: int, sent_end: int, start: int, end: int) -> str | None:
    """The tense of the clause around ``low[start:end]``: nearest cues to the left first."""
    left = _WORD.findall(low, max(sent_start, start - 90), start)[-10:]
    left.reverse()
    t = word_tense(left)
    if t in (PAST, FUTURE):
        return t
    if t == _OPEN:
        return None
    right = _WORD.findall(low, end, min(sent_end, end + 70))[:8]
    t2 = word_tense(right, leftward=False)
    if t2 in (PAST, FUTURE):
        return t2
    if (
        t is None
        and t2 is None
        and start - sent_start <= 16
        and _FRONTED.match(low, sent_start, start)
    ):
        # a fronted adverbial ("In January, ... a bomb killed"): the main verb comes later
        far = _WORD.findall(low, end, min(sent_end, end + 200))[:30]
        t3 = word_tense(far, leftward=False)
        if t3 in (PAST, FUTURE):
            return t3
    return t or t2


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    month = m + 1
    day = min(d.day, _month_len(year, month))
    return dt.date(year, month, day)


def _month_len(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _month_len(year, month)


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar units (Y, Q, M, W, D, DE, CE)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_months(d, 12 * n)
    if unit == "DE":
        return add_months(d, 120 * n)
    if unit == "CE":
        return add_months(d, 1200 * n)
    return d


def at_granularity(d: dt.date, unit: str) -> str:
    """The TIMEX3 value naming the ``unit``-sized period that contains ``d``."""
    if unit in ("D", "H", "MIN", "S"):
        return d.isoformat()
    if unit in ("W", "WE"):
        return iso_week(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def resolve_weekday(ref: dt.date, wd: int, tense: str | None) -> dt.date:
    """The ``wd`` (Monday = 0) meant by a bare weekday: the same day, else before or after
    the reference date by tense (news reports the past by default)."""
    if ref.weekday() == wd:
        return ref
    if tense == FUTURE:
        return ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
    return ref - dt.timedelta(days=(ref.weekday() - wd) % 7)


def nearest_weekday(ref: dt.date, wd: int) -> dt.date:
    """The ``wd`` closest to the reference date, before it on a tie: ``a strike for Sunday``
    called on a Friday is two days ahead; a service "for Saturday" on a Sunday, one behind."""
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    return ref + dt.timedelta(days=ahead) if ahead < back else ref - dt.timedelta(days=back)


def relative_weekday(ref: dt.date, wd: int, how: str) -> dt.date:
    """``last Friday`` (strictly before), ``next Friday`` (strictly after), ``this Friday``
    (the reference day or the first one after it)."""
    if how == "last":
        return ref - dt.timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
    if how == "next":
        return ref + dt.timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    return ref + dt.timedelta(days=(wd - ref.weekday()) % 7)


def resolve_month_year(ref: dt.date, month: int, tense: str | None) -> int:
    """The year of a bare month name: behind the reference date in a past clause, ahead of it
    in a future one, else the nearer of the two (ties to the past)."""
    if month == ref.month:
        return ref.year
    if tense == PAST:
        return ref.year if month < ref.month else ref.year - 1
    if tense == FUTURE:
        return ref.year if month > ref.month else ref.year + 1
    diff = month - ref.month
    # the nearer of the two, leaning to the past as news does: up to seven months back,
    # up to five ahead
    if diff > 5:
        return ref.year - 1
    if diff < -7:
        return ref.year + 1
    return ref.year


def resolve_day_year(ref: dt.date, month: int, day: int, tense: str | None) -> int:
    """The year of a month-day without one: the nearest, unless tense says otherwise."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if not valid_day(y, month, day):
            continue
        d = dt.date(y, month, day)
        delta = (d - ref).days
        if tense == PAST and delta > 60:
            continue
        if tense == FUTURE and delta < -60:
            continue
        # news looks back more often than ahead: a future date must be clearly nearer
        cost = delta * 1.25 if delta > 0 else -delta
        if best is None or cost < best[1]:
            best = (y, cost)
    if best is None:
        return ref.year
    return best[0]


def season_year(ref: dt.date, season: str, how: str | None) -> int:
    """Year of ``last``/``next``/``this`` or a tensed bare season (winter = the December year)."""
    start, end = SEASON_MONTHS[season]
    m = ref.month
    if season == "WI":
        # the winter containing or just before the reference date
        current = ref.year if m == 12 else ref.year - 1
        in_it = m in (12, 1, 2)
        if how == "last":
            return current - 1 if in_it else current
        if how == "next":
            return current + 1
        if how == FUTURE:
            return current if in_it else current + 1
        return current
    ended = m > end
    started = m >= start
    if how == "last":
        return ref.year if ended else ref.year - 1
    if how == "next":
        return ref.year + 1 if started else ref.year
    if how == PAST:
        return ref.year if started else ref.year - 1
    if how == FUTURE:
        return ref.year if not ended else ref.year + 1
    return ref.year


def nth_weekday(year: int, month: int, wd: int, n: int) -> dt.date:
    """The ``n``-th weekday ``wd`` of a month (``n = -1``: the last one)."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(wd - d.weekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    d = dt.date(year, month, _month_len(year, month))
    return d - dt.timedelta(days=(d.weekday() - wd) % 7)


def holiday_date(name: str, year: int) -> tuple[str, dt.date | None]:
    """(value suffix kind, date) of a holiday in ``year``; Easter by the Gregorian computus."""
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's": (1, 1),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "veterans day": (11, 11),
        "valentine's day": (2, 14),
        "halloween": (10, 31),
        "boxing day": (12, 26),
        "bastille day": (7, 14),
        "st patrick's day": (3, 17),
        "remembrance day": (11, 11),
        "canada day": (7, 1),
        "australia day": (1, 26),
        "anzac day": (4, 25),
    }
    name = " ".join(name.replace("’", "'").replace("st.", "st").split())
    if name in fixed:
        m, d = fixed[name]
        return "D", dt.date(year, m, d)
    if name.startswith("thanksgiving"):
        return "D", nth_weekday(year, 11, 3, 4)
    if name in ("black friday", "cyber monday"):  # the shopping days after Thanksgiving
        return "D", nth_weekday(year, 11, 3, 4) + dt.timedelta(days=1 if name[0] == "b" else 4)
    if name == "election day":
        first_monday = nth_weekday(year, 11, 0, 1)
        return "D", first_monday + dt.timedelta(days=1)
    if name == "labor day":
        return "D", nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return "D", nth_weekday(year, 5, 0, -1)
    if name == "mother's day":
        return "D", nth_weekday(year, 5, 6, 2)
    if name == "father's day":
        return "D", nth_weekday(year, 6, 6, 3)
    if name == "martin luther king day":
        return "D", nth_weekday(year, 1, 0, 3)
    if name.startswith("easter") or name == "good friday":
        from dateutil.easter import easter

        e = easter(year)
        if name == "good friday":
            return "D", e - dt.timedelta(days=2)
        if name == "easter monday":
            return "D", e + dt.timedelta(days=1)
        if name in ("easter week", "easter weekend"):
            return "W", e
        return "D", e
    return "D", None


_VALID = compile_re(
    r"(?:\d{2,4}|XXXX|\d{3}X|\d{2}XX)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-\d|-WE)?|-Q[1-4X]|-H[12]|-(?:SP|SU|FA|WI))?"
    r"(?:T(?:\d{2}(?::\d{2})?|MO|AF|EV|NI|DT))?"
    r"|XXXX-WXX-\d(?:T(?:MO|AF|EV|NI))?|XXXX-(?:\d{2}|SP|SU|FA|WI)|XXXX-XX-XX(?:T(?:MO|AF|EV|NI))?"
    r"|P(?:(?:\d+|X)(?:Y|M|W|D|DE|CE|ML))+(?:T(?:(?:\d+|X)[HMS])+)?|PT(?:(?:\d+|X)[HM])*"
    r"(?:(?:\d+(?:\.\d+)?|X)S|(?<=[HM]))"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
)


def is_valid_value(value: str) -> bool:
    """Whether ``value`` is a TIMEX3 value of a shape this tagger produces."""
    return _VALID.fullmatch(value) is not None
