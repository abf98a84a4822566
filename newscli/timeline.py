"""Every time expression of an article, normalised to TIMEX3 against the publication date.

Recognition is trigger-driven: regex scans of the lower-cased text (a trie of head words:
month and weekday names, time units, ``today``, ``now``..., and numbers, which a cheap check of
their length and next character mostly dismisses) find the heads, and only the rules a head can
start or end are tried, anchored at the head and at the few useful words before it -- each
(rule, start) once, and only where the rule can begin. This keeps the tagger linear and fast;
a budget of heads per document (``MAX_HEADS``) bounds the cost of hostile input.
Overlapping candidates resolve longest-first. Normalisation then runs in document order so that
``the quarter`` or ``a year earlier`` can lean on the period the article last talked about.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

from newscli.model import Dateline, Span, Timex
from newscli.regex_cache import compile as compile_re
from newscli.segment import Segmentation
from newscli.timex_lex import (
    MONTH_NUM,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_PLURALS,
    UNITS,
    WEEKDAY_NUM,
    parse_number,
)
from newscli.timex_norm import (
    FUTURE,
    PAST,
    add_months,
    at_granularity,
    clause_tense,
    holiday_date,
    iso_week,
    nearest_weekday,
    nth_weekday,
    quarter_of,
    relative_weekday,
    resolve_day_year,
    resolve_month_year,
    resolve_weekday,
    season_year,
    shift,
    valid_day,
    word_tense,
)
from newscli.timex_patterns import COMPILED, MON, NUM_W, PRIORITY, SOURCES

__all__ = ["extract_timeline", "tag"]


_RULE = COMPILED  # compiled on first use

# How many tokens before its head a rule may start (its longest optional prefix).
_BACK = {
    "md": 6, "iso": 0, "slash": 0, "wd": 3, "time": 0, "daypart": 3, "rel": 2, "ref": 4,
    "dur": 9, "vague": 2, "relunit": 6, "quarter": 8, "year": 6, "decade": 6, "century": 4,
    "set": 5, "season": 3, "holiday": 3, "anniv": 5, "anchored": 4, "yago": 0,
}  # fmt: skip


def _build_heads() -> dict[str, tuple[str, ...]]:
    h: dict[str, list[str]] = {}

    def add(words: object, *rules: str) -> None:
        for w in words:  # type: ignore[attr-defined]
            h.setdefault(w, [])
            for r in rules:
                if r not in h[w]:
                    h[w].append(r)

    add(MONTH_NUM, "md", "set")
    add(WEEKDAY_NUM, "wd", "set", "holiday")
    add([w + "s" for w in WEEKDAY_NUM], "wd", "set")  # "on Mondays"
    add(list(UNITS) + list(UNIT_PLURALS), "dur", "set", "relunit", "anchored")
    add(["years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries"], "vague")
    add(["quarters"], "vague")
    add(["quarter", "half", "period", "periods", "quarters", "q"], "quarter")
    add(["today", "yesterday", "tomorrow", "tonight"], "rel", "daypart")
    add(["day"], "rel", "holiday")
    add(["morning", "afternoon", "evening", "night", "overnight"], "daypart", "set", "anchored")
    add(["noon", "midnight", "midday"], "time")
    add(
        """now currently presently nowadays days recently lately formerly future past soon
        current recent term someday later then""".split(),
        "ref",
    )
    add(["spring", "summer", "fall", "autumn", "winter"], "season", "set")
    add(
        """christmas new year thanksgiving easter good election independence labor memorial
        veterans valentine halloween boxing bastille victory mother father martin st
        remembrance canada australia anzac black cyber""".split(),
        "holiday",
    )
    add(["anniversary"], "anniv")
    add(
        ["daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly", "biweekly"], "set"
    )
    add(["bimonthly", "semiannually", "semi", "fortnightly"], "set")
    add(["century"], "century")
    add("twenties thirties forties fifties sixties seventies eighties nineties".split(), "decade")
    add(["nineteen", "thousand"], "year")
    add(["year", "earlier", "ago", "end"], "yago")
    return {k: tuple(v) for k, v in h.items()}


_HEADS = _build_heads()
_DIGIT_RULES = ("iso", "slash", "time", "year", "decade", "md", "century", "anniv", "quarter")


class _Cand:
    """A rule's match around a head. A plain class, not a ``@record``: compiled, its fields
    are a C struct's (a record's go through the generic attribute lookup)."""

    __slots__ = ("end", "m", "rule", "start")

    def __init__(self, start: int, end: int, rule: str, m: re.Match[str]) -> None:
        self.start = start
        self.end = end
        self.rule = rule
        self.m = m


# A long non-ASCII text is lower-cased in pieces of about this many characters, each cut at
# white space (no case rule looks across it): ``str.lower`` then takes a scratch buffer of
# twelve bytes a character, 60 MB for a 5 MB article
_LOWER_PIECE = 1 << 16
_SPACE_RE = compile_re(r"[ \t\n\r\f\v]")


def _lower(text: str) -> str:
    """``text`` lower-cased, its length kept (the offsets of ``low`` are the text's)."""
    n = len(text)
    cuts = [0]
    if n > _LOWER_PIECE and not text.isascii():
        while cuts[-1] < n:
            m = _SPACE_RE.search(text, min(n, cuts[-1] + _LOWER_PIECE))
            cuts.append(m.start() if m else n)
    else:
        cuts.append(n)
    low = "".join([text[a:b].lower() for a, b in pairwise(cuts)])
    if len(low) == n:
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _start_words() -> frozenset[str]:
    """Every word a rule can start or continue with: other words never begin a candidate."""
    words: set[str] = set(_HEADS) | set(ORDINALS)
    for src in SOURCES.values():
        words.update(compile_re(r"[a-z]{2,}").findall(src))
    words.update(("a", "q"))
    return frozenset(words)


_USEFUL = _start_words()


def _rule_words() -> dict[str, frozenset[str]]:
    """Per rule, the words a match may start with (a superset: every literal word of the
    pattern and the rule's heads). Start positions on other words are never tried."""
    out = {name: set(compile_re(r"[a-z]+").findall(src)) for name, src in SOURCES.items()}
    # rules whose possible first words are few, listed by hand (a match can start nowhere else)
    nums = set(compile_re(r"[a-z]+").findall(NUM_W))
    out["set"] = {"every", "each", "once", "twice", "thrice", "a", "per", "semi"} | nums
    out["anchored"] = {"earlier", "later", "that", "the"}
    out["yago"] = {"year"}
    out["holiday"] = {"last", "next", "this", "new", "good", "martin"}
    for w, rules in _HEADS.items():
        for r in rules:
            out[r].add(w)
    out["anniv"].update(ORDINALS)
    return {k: frozenset(v) for k, v in out.items()}


_RULE_WORDS = _rule_words()
_MAX_BACK = max(_BACK.values())


def _trie_regex(words: list[str]) -> str:
    """An alternation of ``words`` factored into a trie, so that ``re`` decides in one pass
    per position instead of trying every word in turn."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        # letters need no escaping (re.escape per character was most of the build time)
        alts = [
            (ch if ch.isalpha() else re.escape(ch)) + emit(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


# (ordinals head nothing: "the 75th anniversary" is found from "anniversary")
_HEAD_WORDS = sorted(w for w in _HEADS if w.isalpha())
# Words are found together with the character before them: a scan led by ``\b`` asks at
# every character whether it is a Unicode letter, which made such scans the costliest part of
# the tagger; a class of ASCII characters is a bitmap test, and only the non-letters that pass
# it pay for the ``\W`` test. (A word at offset 0 has nothing before it: ``_WORD_AT_0``.)
_BEFORE_WORD = r"[^a-z0-9](?<=\W)"
# Heads come from three scans merged by position (one alternation of them tried every
# branch at every character): a whole letter run that is a head word (group 1),
_HEAD_TRIE = _trie_regex(_HEAD_WORDS)
_HEAD_WORD_SET = frozenset(_HEAD_WORDS)
_WORD_HEAD_RE = compile_re(_BEFORE_WORD + "(" + _HEAD_TRIE + r")\b")
# a whole digit run (``_digit_rules`` dismisses most; ``\d\d*`` rather than ``\d+``, which
# ``re`` tries at every character instead of skipping to the digits),
_DIGITS_RE = compile_re(r"\d\d*")
# and the "q" of "q3" (not in "faq3").
_Q_HEAD_RE = compile_re(r"q(?<![a-z]q)(?=[1-4]\b)")
_AFTER_DIGIT = compile_re(r"(?<=\d)")
_NON_WORD = compile_re(r"\W")
_CHUNK = 50_000
# The useful tokens (those a rule can start or continue with): a whole letter run that is a
# useful word (group 1), or a whole digit run. A rule is tried only at the tokens whose bit
# is set in ``_START_MASK`` (its possible first words; digit runs: the ``_DIGIT_START`` rules).
_USEFUL_WORDS = frozenset(w for w in _USEFUL if w.isalpha())
_USEFUL_TRIE = _trie_regex(sorted(_USEFUL_WORDS))
_USEFUL_WORD_RE = compile_re(_BEFORE_WORD + "(" + _USEFUL_TRIE + r")\b")
# The same three scans for ASCII text (most articles; ``str.isascii`` is a flag test): there
# ``\W``, ``\b`` and ``\d`` mean the same with ASCII classes, which ``re`` tests without the
# Unicode tables -- a quarter faster.
_WORD_HEAD_ASCII = compile_re(r"\W(" + _HEAD_TRIE + r")\b", re.ASCII)
_USEFUL_WORD_ASCII = compile_re(r"\W(" + _USEFUL_TRIE + r")\b", re.ASCII)
_DIGITS_ASCII = compile_re(r"[0-9][0-9]*")
_CLOCK_ZONE = compile_re(r"\s?(?:gmt|utc|hrs)(?![a-z])")
_WORD_AT_0 = compile_re(r"([a-z]+)\b")

# Safety budget against hostile input (megabytes of dates or month names): no news article
# comes near these, and beyond them the rest of the text is not tagged, so that the cost of
# a document stays bounded whatever its content.
MAX_HEADS = 8000


def _digit_rules(low: str, ts: int, te: int) -> tuple[str, ...]:
    """The rules a number can be the head of, from its length and the next character: most
    numbers (prices, counts, scores) try none or one."""
    n = te - ts
    nxt = low[te : te + 1]
    if n == 4:
        if _CLOCK_ZONE.match(low, te):
            return ("time",)  # "0700 GMT"
        if low[ts : ts + 2] not in _CENTURIES:
            return ()
        if nxt in ("-", "/"):
            return ("iso", "year")
        if nxt == "s" or low.startswith(("'s", "’s"), te):
            return ("decade", "year")
        return ("year",)
    if n <= 2:
        if nxt == "s" or low.startswith(("'s", "’s"), te):
            return ("decade",)
        if n == 2 and ts > 0 and low[ts - 1] in "'’":
            return ("year",)  # "in '98"
        if nxt == ":":
            return ("time",) if low[te + 1 : te + 3].isdigit() else ()
        if nxt in "./" and _SLASH_REST.match(low, te):
            return ("slash", "time") if nxt == "." else ("slash",)
        if nxt == ".":
            return ("time",) if low[te + 1 : te + 3].isdigit() else ()
        after = low[te : te + 14].lstrip()
        if after[:1] in ("a", "p", "o", "i"):
            return ("time",)  # 3 p.m., 9am, ten o'clock, 7 in the morning
        return ()
    return ()


_CENTURIES = frozenset(str(c) for c in range(10, 22))
_SLASH_REST = compile_re(r"[./]\d{1,2}[./]\d\d")
# heads that only ever start a holiday name: what must follow them
_HEAD_NEEDS = {
    w: compile_re(follow)
    for w, follow in (
        ("new", r"\s+year"),
        ("good", r"\s+friday"),
        ("father", r"['’]s\s+day"),
        ("mother", r"['’]s\s+day"),
        ("valentine", r"['’]s\s+day"),
        ("martin", r"\s+luther"),
        ("election", r"\s+day"),
        ("independence", r"\s+day"),
        ("labor", r"\s+day"),
        ("memorial", r"\s+day"),
        ("veterans", r"\s+day"),
        ("boxing", r"\s+day"),
        ("bastille", r"\s+day"),
        ("victory", r"\s+day"),
    )
    if _HEADS.get(w) == ("holiday",)
}
# rules whose match may begin with a number ("25 April", "3 times a week", "75th anniversary")
_DIGIT_START = frozenset("md iso slash time dur quarter year decade century set anniv".split())
_RULE_BIT = {rule: 1 << i for i, rule in enumerate(SOURCES)}


def _start_masks() -> dict[str, int]:
    """Per useful word, the bits of the rules a match may start with it (``_RULE_WORDS``), so
    that a token's rules are looked up once, not once per rule and head."""
    masks = dict.fromkeys(_USEFUL_WORDS, 0)
    for rule, words in _RULE_WORDS.items():
        for w in words & _USEFUL_WORDS:
            masks[w] |= _RULE_BIT[rule]
    return masks


_START_MASK = _start_masks()
_DIGIT_MASK = sum(_RULE_BIT[r] for r in _DIGIT_START)


class _Plans(dict):  # type: ignore[type-arg]
    """A head's rule set -> per rule (name, look-back, bit), built on first use and then a
    plain dict lookup, instead of three lookups per rule and head."""

    def __missing__(self, rules: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
        plan = self[rules] = tuple((r, _BACK[r], _RULE_BIT[r]) for r in rules)
        return plan


_PLANS = _Plans()
# the rule sets of heads whose rules all start at the head (``_BACK`` 0): words, and numbers
# as ``_digit_rules`` sees them
_HEAD_ONLY = frozenset(
    rules
    for rules in [*_HEADS.values(), ("time",), ("slash", "time"), ("slash",)]
    if not any(_BACK[r] for r in rules)
)


def _heads(low: str, start: int, num_starts: list[int]) -> Iterator[tuple[int, int, str]]:
    """Every possible head from ``start`` on, as (start, end, word) in document order, and
    the offset of every digit run that is a token appended to ``num_starts`` as the scan goes.

    The text is scanned ``_CHUNK`` characters at a time, cut at a non-word character (which
    no head spans or looks past), so that a document cut short by ``MAX_HEADS`` is not scanned
    to its end. Within a chunk the scans' matches are disjoint, and ``sort`` merges their
    sorted runs in linear time."""
    pos = start
    n = len(low)
    ascii_text = low.isascii()
    word_re = _WORD_HEAD_ASCII if ascii_text else _WORD_HEAD_RE
    digits_re = _DIGITS_ASCII if ascii_text else _DIGITS_RE
    while pos < n:
        end = n
        if n - pos > _CHUNK:
            cut = _NON_WORD.search(low, pos + _CHUNK)
            if cut:
                end = cut.start()
        found = [
            (m.start(1), m.end(1), m.group(1)) for m in word_re.finditer(low, max(pos - 1, 0), end)
        ]
        if pos == 0:
            m = _WORD_AT_0.match(low, 0, end)
            if m and m.group(1) in _HEADS:
                found.append((0, m.end(1), m.group(1)))
        numbers = [(m.start(), m.end(), m.group()) for m in digits_re.finditer(low, pos, end)]
        # every digit run is a token, except the tail of one that began before ``start``
        across = pos == start and numbers and numbers[0][0] == pos and _AFTER_DIGIT.match(low, pos)
        num_starts += [ns for ns, _, _ in numbers[1 if across else 0 :]]
        found += numbers
        found += [(m.start(), m.end(), "q") for m in _Q_HEAD_RE.finditer(low, pos, end)]
        found.sort()
        yield from found
        pos = end


# Compiled, a walk over the characters finds the heads and the useful tokens at a fraction of
# the cost of the regex scans (``_scan_tokens``); interpreted, the regex scans are several
# times faster. Both give the same heads and tokens (``tests/test_timeline.py`` checks).
_CHAR_SCAN = not __file__.endswith(".py")


def _non_word(low: str, i: int) -> bool:
    """Is ``low[i]`` a ``\\W`` character (not a Unicode letter or digit, not ``_``)?"""
    c = ord(low[i])
    if c < 128:
        return not (97 <= c <= 122 or 48 <= c <= 57 or 65 <= c <= 90 or c == 95)
    return not low[i].isalnum()


def _is_decimal(low: str, i: int) -> bool:
    """Is ``low[i]`` a ``\\d`` character (a Unicode decimal digit)?"""
    c = ord(low[i])
    if c < 128:
        return 48 <= c <= 57
    return low[i].isdecimal()


def _word_filter() -> list[int]:
    """Per (first letter, last letter) of a word, a bit per length of the useful words of that
    shape: most other words are dismissed without a slice and a dictionary look-up."""
    bits = [0] * (26 * 26)
    for w in _USEFUL_WORDS:
        if not (w.isascii() and w.islower()):
            continue  # (the character walk finds only a-z words: every word list is so)
        bits[(ord(w[0]) - 97) * 26 + ord(w[-1]) - 97] |= 1 << min(len(w), 63)
    return bits


_WORD_FILTER = _word_filter()


def _scan_tokens(
    low: str,
    start: int,
    num_starts: list[int],
    ustart: list[int],
    uend: list[int],
    umask: list[int],
) -> list[tuple[int, int, str]]:
    """What ``_heads`` yields, from one walk over the characters from ``start``; also every
    digit run that is a token into ``num_starts`` (as ``_heads``), and every useful word a
    window can count: its offset, its end (negated when a word character follows it: then
    it counts only in a window that ends right there, as ``\\b`` at a window's end sees it)
    and its rule bits."""
    heads: list[tuple[int, int, str]] = []
    start_mask = _START_MASK
    head_words = _HEAD_WORD_SET
    word_filter = _WORD_FILTER
    n = len(low)
    i = start
    while i < n:
        c = ord(low[i])
        if 97 <= c <= 122:
            j = i + 1
            while j < n:
                d = ord(low[j])
                if d < 97 or d > 122:
                    break
                j += 1
            if (word_filter[(c - 97) * 26 + ord(low[j - 1]) - 97] >> min(j - i, 63)) & 1 and (
                i == 0 or _non_word(low, i - 1)
            ):
                w = low[i:j]
                mask = start_mask.get(w, -1)
                if mask >= 0:
                    free = j == n or _non_word(low, j)
                    ustart.append(i)
                    uend.append(j if free else -j)
                    umask.append(mask)
                    if free and w in head_words:
                        heads.append((i, j, w))
            if (
                c == 113  # "q" of "q3" (not of "faq3")
                and j == i + 1
                and j < n
                and 49 <= ord(low[j]) <= 52
                and (i == 0 or not 97 <= ord(low[i - 1]) <= 122)
                and (j + 1 == n or _non_word(low, j + 1))
            ):
                heads.append((i, j, "q"))
            i = j
        elif (48 <= c <= 57) or (c >= 128 and low[i].isdecimal()):
            j = i + 1
            while j < n and _is_decimal(low, j):
                j += 1
            if not (i == start and i and _is_decimal(low, i - 1)):
                num_starts.append(i)  # (not the tail of a number cut by ``start``)
            heads.append((i, j, low[i:j]))
            i = j
        else:
            i += 1
    return heads


def _candidates(low: str, start: int, notes: list[str] | None = None) -> list[_Cand]:
    """Anchored rule attempts around every head word, each (rule, start) at most once.

    Heads come from one pass of regex scans; the useful tokens before a head (at most 100
    characters back) are found once, as the heads move on, so the work is linear in the text."""
    start_mask = _START_MASK
    digit_mask = _DIGIT_MASK
    useful_re = _USEFUL_WORD_ASCII if low.isascii() else _USEFUL_WORD_RE
    num_starts: list[int] = []  # offsets of the digit runs that are tokens, filled by ``_heads``
    ni = 0  # the numbers before ``num_starts[ni]`` have been taken as tokens
    rpos: list[int] = []  # offsets of the useful tokens so far (only the tail is read)
    rmask: list[int] = []  # their rule bits
    scanned = start  # text before this offset has been tokenised into ``rpos``/``rmask``
    last_try: dict[str, int] = {}  # per rule, the last start offset tried
    out: list[_Cand] = []
    heads = 0
    char_scan = _CHAR_SCAN
    ustart: list[int] = []  # with ``char_scan``: the useful words (``_scan_tokens``)
    uend: list[int] = []
    umask: list[int] = []
    ui = 0  # the useful words before ``ustart[ui]`` have been taken as tokens
    heads_found = (
        _scan_tokens(low, start, num_starts, ustart, uend, umask)
        if char_scan
        else _heads(low, start, num_starts)
    )
    for ts, te, w in heads_found:
        if w[0].isdigit():
            rules = _digit_rules(low, ts, te)
        else:
            rules = _HEADS[w]
            need = _HEAD_NEEDS.get(w)
            if need is not None and not need.match(low, te):
                continue  # "father" without "'s day", "new" without "year": no holiday
        if not rules:
            continue  # (a later head's window still sees this number as a start)
        heads += 1
        if heads > MAX_HEADS:
            if notes is not None:
                notes.append(
                    f"timeline cut short: after {MAX_HEADS:,} candidate expressions (a limit "
                    f"against hostile input), the text from character {ts:,} of {len(low):,} "
                    "is not searched for dates and times"
                )
            break
        if (
            rules in _HEAD_ONLY
            and not (ts and "a" <= low[ts - 1] <= "z")
            and not (ts == start and _AFTER_DIGIT.match(low, ts))
        ):
            # rules that start at the head itself ("3 p.m.", "a year ago") need no tokens
            # before it: the window is left to the next head, which scans it if it is near.
            # (Not after a glued word: "at5pm" -- a window that ends at the head counts "at";
            # nor for the tail of a number cut by ``start``, which no window counts.)
            for rule in rules:
                m = _RULE[rule].match(low, ts)
                if m and m.end() > ts:
                    out.append(_Cand(m.start(), m.end(), rule, m))
            continue
        # the useful tokens between the last scan and this head (100 characters at most):
        # the words, then the numbers merged in by position when there are any
        ws = max(scanned, ts - 100)
        if ws < ts:
            if char_scan:
                ua = bisect_left(ustart, ws, ui)
                ui = bisect_left(ustart, ts, ua)
                wpos = [ustart[k] for k in range(ua, ui) if uend[k] > 0 or uend[k] == -ts]
                wmask = [umask[k] for k in range(ua, ui) if uend[k] > 0 or uend[k] == -ts]
            else:
                if ws:
                    found = list(useful_re.finditer(low, ws - 1, ts))
                else:  # (a word at offset 0 has no character before it)
                    m = _WORD_AT_0.match(low, 0, ts)
                    found = [m] if m and m.group(1) in _USEFUL_WORDS else []
                    found += useful_re.finditer(low, 0, ts)
                wpos = [m.start(1) for m in found]
                wmask = [start_mask[m.group(1)] for m in found]
            na = bisect_left(num_starts, ws, ni)
            ni = bisect_left(num_starts, ts, na)
            if na == ni:
                rpos += wpos
                rmask += wmask
            else:
                toks = list(zip(wpos, wmask, strict=True))
                toks += [(p, digit_mask) for p in num_starts[na:ni]]
                toks.sort()
                rpos += [p for p, _ in toks]
                rmask += [k for _, k in toks]
        rpos.append(ts)
        rmask.append(start_mask.get(w, digit_mask))
        scanned = te
        if len(rpos) > 64:
            del rpos[:-16], rmask[:-16]
        n = len(rpos)
        lo100 = bisect_left(rpos, ts - 100)
        for rule, back, bit in _PLANS[rules]:
            done = last_try.get(rule, -1)
            k = max(n - 1 - back, lo100)
            if rpos[k] <= done:
                k = bisect_right(rpos, done, k, n)
            if k >= n:
                continue
            last_try[rule] = ts
            match = _RULE[rule].match
            for j in range(k, n):
                if rmask[j] & bit:
                    m = match(low, rpos[j])
                    if m and m.end() > ts and m.end() > m.start():
                        out.append(_Cand(m.start(), m.end(), rule, m))
    return out


def _clusters(cands: list[_Cand]) -> list[list[_Cand]]:
    """Groups of overlapping candidates in document order, each sorted by preference:
    longest first, earlier rule first on ties."""
    cands.sort(key=lambda c: (c.start, -c.end))
    groups: list[list[_Cand]] = []
    end = -1
    for c in cands:
        if groups and c.start < end:
            groups[-1].append(c)
            end = max(end, c.end)
        else:
            groups.append([c])
            end = c.end
    for g in groups:
        if len(g) > 1:  # (most groups are one candidate)
            g.sort(key=lambda c: (-(c.end - c.start), PRIORITY[c.rule], c.start))
    return groups


# --------------------------------------------------------------------------- normalisation

_MONTH_CUES = frozenset(
    """in since by until till through from during of before after between and or to early late
    mid last next this that the for around on a""".split()
)
# before "the morning" etc.: words that make it the time of an event
_DAYPART_PREPOSITIONS = frozenset("in during by until till since through throughout".split())
_NEAREST = "NEAREST"  # a weekday's tense: the closer one, whichever side
# "for" a day: the time an event is set for, reported before or after it
_FOR_DAY = compile_re(r"\bfor\s+(?:on\s+)?$")
# statistics "for" a month are published after it ends
_DATA_FOR = compile_re(
    r"\b(?:figures|data|sales|statistics|numbers|results|report|reports|output|exports|imports"
    r"|payrolls|readings)\s+for\s+$"
)
# a participle that points ahead from the clause's event: "delays starting in April"
_STARTING = compile_re(r"\b(?:starting|beginning)\s+(?:in\s+|on\s+)?$")
# a verb after a sentence-initial month makes the month its subject
_MONTH_SUBJECT_VERB = compile_re(r"\s+(?:was|is|will\s+be|has\s+been|had\s+been|saw|brought)\b")
_YEAR_BAD_NEXT = frozenset(
    """people persons men women children troops soldiers shares tons pounds feet miles meters
    metres kilometers kilometres acres votes units cars vehicles workers employees jobs homes
    dollars yen marks francs cents barrels gallons hours hrs gmt utc est edt pst pdt bc percent
    pct points""".split()
)
_YEAR_BAD_PREV = frozenset(
    """no number route flight room suite highway interstate page pages channel chapter article
    resolution section rule form bill model version windows vol volume p pp box apt unit
    lot gate platform""".split()
)
_STREET = compile_re(
    r"\s+[A-Z][a-z]+\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|"
    r"Place|Pl|Court|Ct|Square|Sq|Parkway|Pkwy|Highway)\b"
)
_QUANT_BEFORE = compile_re(
    r"(?:\d|\b(?:million|billion|trillion|thousand|hundred|percent|times|once|twice|dollars|"
    r"cents|[a-z]{3,}s))[\s%]*$"
)
_FUNCTION_WORDS = frozenset(
    """is was are were will would that which and or but for in on at with to as by than
    remains looks seems of""".split()
)
_MODS = {
    "early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END",
    "mid": "MID", "middle": "MID", "pre": "BEFORE", "post": "AFTER",
}  # fmt: skip
_DECADE_WORDS = "twenties thirties forties fifties sixties seventies eighties nineties".split()

# nouns after "today's" that make it the present age, not the day ("today's youth")
_GENERIC_NOW = frozenset(
    """world youth society standards economy generation children kids teenagers young
    technology culture politics media computers families parents students consumers""".split()
)
_TODAYS_NEXT = compile_re(r"['’]s\s+([a-z]+)(?:\s+([a-z]+))?")

_WD_PAIR_PL = compile_re(
    r"\s+(?:and|or)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:s\b|\s+(mornings|afternoons|evenings|nights)\b)"
)
_DAY_PAIR = compile_re(
    r"[ \t]+(?:and|or|to|through)[ \t]+(\d{1,2})\b"
    r"(?=\s*(?:[.,;:)]|$|\s(?:in|at|on|when|as|but|with|for)\b))"
)
_UNTIL_BEFORE = compile_re(r"\b(?:until|till)\s+$")
# "the then-current price", "its then current owner": "then" and the five characters it takes
_THEN_BEFORE = compile_re(r"(?:\bthen-|\b(?:the|its|their|his|her) then )$")
# "will one day be": after a modal, "one day" is an unspecified future time, not a length
_MODALS = frozenset("will would could can may might shall should must ll".split())
# a capitalised word just before a capitalised "Today": part of a name ("USA Today")
_NAME_BEFORE = compile_re(r"\b[A-Z][A-Za-z]*[ \t]$")
# a value naming a day ("2021-03-04", "2021-03-04TMO")
_FULL_DATE = compile_re(r"\d{4}-\d{2}-\d{2}")
# "he was soon released", "a trickle that soon became a flood": "soon" in a past narrative
# follows an earlier event and says nothing about the future of the article's date
_SOON_PAST_BEFORE = compile_re(r"\b(?:was|were|had)\s+$")
_SOON_PAST_AFTER = compile_re(
    r"\s+(?:[a-z]{2,}[^e\s]ed|became|began|came|went|got|grew|fell|rose|found|left|took|made"
    r"|gave|saw|sent|won|lost|ran|broke|spread|drew|knew|held)\b"
)

_UNIT_CODE = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "millennium": "ML",
}  # fmt: skip
_TIME_UNITS = ("H", "MIN", "S")


def _unit(word: str) -> str:
    w = word.replace("-", "")
    return UNIT_PLURALS.get(w, w)


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3Y``, ``PT5H30M``, ``P2Y6M``, ``PXW`` for an unknown count."""
    code = _UNIT_CODE[unit]
    mult = 1
    if unit == "fortnight":
        mult = 2
    if code == "Q":
        code, mult = "M", 3
    elif code == "DE":
        code, mult = "Y", 10
    elif code == "CE":
        code, mult = "Y", 100
    elif code == "ML":
        code, mult = "Y", 1000
    elif code == "WE":
        code, mult = "D", 2
    if n is None:
        if unit in ("decade", "century", "millennium"):
            # counted ones are written in years (P10Y, P100Y), so "decades" is PXY too
            return "PXY"
        if code in _TIME_UNITS:
            return "PTX" + ("M" if code == "MIN" else code)
        return "PX" + code
    n = n * mult
    whole = int(n)
    frac = n - whole
    if code == "S" and frac > 1e-9:
        return f"PT{n:g}S"  # "9.58 seconds": no smaller unit to carry the fraction
    sub = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}
    sub["MIN"] = ("S", 60)
    parts: list[tuple[int, str]] = []
    if whole:
        parts.append((whole, code))
    if frac > 1e-9 and code in sub:
        scode, k = sub[code]
        parts.append((round(frac * k), scode))
    if not parts:
        parts.append((0, code))
    date_part = "".join(f"{v}{c}" for v, c in parts if c not in _TIME_UNITS)
    time_part = "".join(f"{v}{'M' if c == 'MIN' else c}" for v, c in parts if c in _TIME_UNITS)
    return "P" + date_part + ("T" + time_part if time_part else "")


class _Out:
    """A normalised expression (a plain class for the same reason as ``_Cand``)."""

    __slots__ = ("anchor", "end", "mod", "start", "topic", "type", "value")

    def __init__(
        self,
        start: int,
        end: int,
        type: str,
        value: str,
        mod: str | None = None,
        anchor: tuple[str, str] | None = None,
        topic: bool = True,  # may the value become the article's current topic period?
    ) -> None:
        self.start = start
        self.end = end
        self.type = type
        self.value = value
        self.mod = mod
        self.anchor = anchor
        self.topic = topic


class _Doc:
    """One article's normalisation state. A plain class: compiled, its ``r_*`` methods are
    direct C calls and its fields a C struct's (a ``@record``'s go through generic lookups)."""

    def __init__(
        self,
        text: str,
        low: str,
        seg: Segmentation,
        ref: dt.date | None,
        dateline: Dateline | None,
        timeml: bool = False,
    ) -> None:
        self.text = text
        self.low = low
        self.seg = seg
        self.ref = ref
        self.dateline = dateline
        self.topic_quarter: tuple[int, int] | None = None
        self.topic_day: dt.date | None = None
        self.topic_year: int | None = None
        self.topic_month: tuple[int, int] | None = None
        self.out: list[_Out] = []
        self.day_named = False  # some value in ``out`` names a day (``_unnamed_day``)
        self.day_checked = 0  # how many of ``out`` were looked at for that
        # TimeML (TimeBank) conventions where they differ from the timeline's: ``Friday night``
        # is annotated as the day (DATE), not as a part of day (TIME); ``Friday evening`` keeps
        # TEV
        self.timeml = timeml
        # expressions whose value the calendar cannot hold (a reference date near year 1 or
        # 9999): each is left unresolved, and said so
        self.warnings: list[str] = []

    def norm_total(self, c: _Cand) -> _Out | None:
        """:meth:`norm`, total: when the arithmetic leaves the calendar (``OverflowError``,
        ``ValueError``: a year before 1 or after 9999), the expression is read again without
        the reference date, so it stays in the timeline unresolved."""
        try:
            return self.norm(c)
        except (OverflowError, ValueError):
            pass
        ref = self.ref
        self.ref = None
        try:
            o = self.norm(c)
        except (OverflowError, ValueError):
            o = None
        finally:
            self.ref = ref
        shown = self.text[c.start : c.end]
        self.warnings.append(
            f"time expression {shown!r} at {c.start} is out of the calendar's range from the "
            f"reference date {ref}: left unresolved"
        )
        return o

    # ---------------------------------------------------------------- helpers
    def _capitalised_title(self, pos: int) -> bool:
        """A capitalised word inside a sentence: a title (``This Week``, ``High Noon``)."""
        if not self.text[pos : pos + 1].isupper():
            return False
        before = self.text[max(0, pos - 3) : pos]
        return (
            not compile_re(r"(?:^|[.!?\n:]\s*|[\"“‘'(]\s*)$").search(before)
            and pos > self.seg.body_start
        )

    def _sentence_initial(self, pos: int) -> bool:
        return (
            compile_re(r"(?:^|[.!?\n][\"'“”’]?)\s*[\"'“‘]?$").search(
                self.text[max(0, pos - 4) : pos]
            )
            is not None
        )

    def tense(self, start: int, end: int) -> str | None:
        i = self.seg.sentence_index(start)
        if i >= 0:
            s = self.seg.sentences[i]
            return clause_tense(self.low, s.start, s.end, start, end)
        return clause_tense(self.low, 0, len(self.low), start, end)

    def wide_tense(self, start: int, end: int) -> str | None:
        """The clause's tense, else the first tense cue further left in the sentence: a day
        in a verbless phrase (``with the third flight departing from August 6``) shares the
        time of the clause it hangs on (``would leave``)."""
        t = self.tense(start, end)
        if t is not None:
            return t
        i = self.seg.sentence_index(start)
        if i < 0:
            return None
        s = self.seg.sentences[i]
        left = _WORDS_RE.findall(self.low, s.start, start)
        left.reverse()
        t = word_tense(left)
        return t if t in (PAST, FUTURE) else None

    def prev_word(self, pos: int) -> str:
        """The ASCII letter run ending at most three characters (no line break) before ``pos``
        and within 30 characters -- what ``([A-Za-z]+)[^A-Za-z\\n]{0,3}$`` finds in
        ``text[pos - 30 : pos]``, by a walk back: the ``re`` search tried every start."""
        s = self.text[max(0, pos - 30) : pos]
        e = len(s)
        if s.endswith("\n"):
            e -= 1  # ``$`` also matches before a final line break
        r = e
        while r > 0 and not _is_ascii_letter(s[r - 1]):
            if s[r - 1] == "\n" or e - r == 3:
                return ""
            r -= 1
        k = r
        while k > 0 and _is_ascii_letter(s[k - 1]):
            k -= 1
        return s[k:r]

    def note(self, value: str) -> None:
        """Remember the period the article is talking about, for anaphoric expressions."""
        m = _NOTE_RE.match(value)
        if not m:
            return
        y = int(m.group(1))
        self.topic_year = y
        if m.group(2) and m.group(2).startswith("Q"):
            q = int(m.group(2)[1])
            if (
                self.ref is None
                or self.topic_quarter is None
                or (self.topic_quarter < (y, q) < (self.ref.year, quarter_of(self.ref)))
            ):
                # results are reported for quarters that have ended; a mention of the current
                # or a later one is a forecast, and "the quarter" still means the one reported;
                # an earlier one ("after a weak second quarter") is a comparison
                self.topic_quarter = (y, q)
        elif m.group(2):
            self.topic_month = (y, int(m.group(2)))
            if m.group(3):
                self.topic_day = dt.date(y, int(m.group(2)), int(m.group(3)))

    def day_value(self, d: dt.date | None) -> str:
        return d.isoformat() if d else "XXXX-XX-XX"

    # ---------------------------------------------------------------- rules
    def norm(self, c: _Cand) -> _Out | None:
        # a chain of direct calls, not ``getattr(self, "r_" + rule)``: compiled, a name
        # lookup and a bound-method call cost more than the rule's own work
        rule = c.rule
        m = c.m
        if rule == "md":
            return self.r_md(c, m)
        if rule == "dur":
            return self.r_dur(c, m)
        if rule == "wd":
            return self.r_wd(c, m)
        if rule == "year":
            return self.r_year(c, m)
        if rule == "ref":
            return self.r_ref(c, m)
        if rule == "rel":
            return self.r_rel(c, m)
        if rule == "time":
            return self.r_time(c, m)
        if rule == "relunit":
            return self.r_relunit(c, m)
        if rule == "quarter":
            return self.r_quarter(c, m)
        if rule == "vague":
            return self.r_vague(c, m)
        if rule == "set":
            return self.r_set(c, m)
        if rule == "iso":
            return self.r_iso(c, m)
        if rule == "slash":
            return self.r_slash(c, m)
        if rule == "daypart":
            return self.r_daypart(c, m)
        if rule == "decade":
            return self.r_decade(c, m)
        if rule == "century":
            return self.r_century(c, m)
        if rule == "season":
            return self.r_season(c, m)
        if rule == "holiday":
            return self.r_holiday(c, m)
        if rule == "anniv":
            return self.r_anniv(c, m)
        if rule == "anchored":
            return self.r_anchored(c, m)
        if rule == "yago":
            return self.r_yago(c, m)
        fn = getattr(self, "r_" + rule)  # a rule added without a line above
        return fn(c, m)  # type: ignore[no-any-return]

    def r_md(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        mon_key = next(k for k in ("m1", "m2", "m3", "m4") if g(k))
        ms = m.start(mon_key)
        if not self.text[ms].isupper():
            return None
        mword = g(mon_key).rstrip(".")
        month = MONTH_NUM[mword]
        start, end = m.start(), m.end()
        pre = (g("pre") or "").strip()
        mod = None
        if pre:
            p0 = pre.split()[0].rstrip("-")
            mod = {"early": "START", "beginning": "START", "start": "START", "late": "END"}.get(p0)
            if "end" in pre.split() or p0 == "end":  # "the end of March", "end-March"
                mod = "END"
            if p0 in ("mid", "middle"):
                mod = "MID"
            if p0 in ("the",) and len(pre.split()) > 1:
                p1 = pre.split()[1]
                mod = {"end": "END", "beginning": "START", "start": "START"}.get(p1, mod)
                if p1 == "middle":
                    mod = "MID"
        day = g("d1") or g("d2")
        year_s = g("y1") or g("y2") or g("y3")
        if mon_key == "m4":
            # a bare month: "May" the verb, "March" the verb, names
            if (
                len(mword) <= 4
                and mword not in ("may", "june", "july")
                and not g(mon_key).endswith(".")
            ):
                return None
            if g(mon_key).endswith(".") and not pre:
                return None
            if not pre:
                pw = self.prev_word(ms).lower()
                if pw not in _MONTH_CUES and not (
                    self._sentence_initial(ms) and _MONTH_SUBJECT_VERB.match(self.low, m.end())
                ):
                    return None  # (but "January was the smoggiest month" names it)
                if mword in ("may", "march") and pw in ("the", "that", "and", "or", "to", "a"):
                    return None
            if g("wd") or g("wd2"):
                # "Friday, March" is not a date: give back the weekday part
                return None
        if day is not None:
            if day.isdigit() or day[:1].isdigit():
                dnum = int(compile_re(r"\d+").match(day).group())  # type: ignore[union-attr]
            else:
                dnum = ORDINALS.get(" ".join(day.split()), 0)
                if not dnum:
                    return None
        else:
            dnum = None
        year = None
        if year_s:
            if year_s.startswith(("'", "’")):
                yy = int(year_s[1:])
                year = (2000 if yy < 30 else 1900) + yy
            elif year_s.isdigit():
                year = int(year_s)
            else:
                year = _spoken_year(year_s)
        rel = (g("rel") or "").split()
        if rel and self.ref:
            year = self.ref.year + {"this": 0, "last": -1, "next": 1}[rel[0]]
        elif rel:
            year = None
        ppre = pre.split()
        if (
            dnum is not None
            and ppre
            and ppre[0] in ("last", "next", "this")
            and not (g("wd") or g("wd2"))
        ):  # ("next Tuesday, March 19" is one date)
            start = m.start(mon_key) if mon_key in ("m1",) else m.start("d2")
            ppre = []
        # "the week of March 6"
        if dnum is not None and "week" in ppre and "of" in ppre and ppre[0] != "last":
            y = year or (
                resolve_day_year(self.ref, month, dnum, self.tense(start, end))
                if self.ref
                else None
            )
            if y is None or not valid_day(y, month, dnum):
                return None
            return _Out(start, end, "DATE", iso_week(dt.date(y, month, dnum)), mod)
        if dnum is not None:
            if year is None:
                # "in February 2007 ... and again on 24 February": the year just named
                year = self.year_of_month_in_sentence(start, month)
            if year is None and self.ref:
                year = resolve_day_year(self.ref, month, dnum, self.wide_tense(start, end))
            if year is None:
                if not 1 <= dnum <= 31:
                    return None
                return _Out(start, end, "DATE", f"XXXX-{month:02d}-{dnum:02d}", mod)
            if not valid_day(year, month, dnum):
                return None
            value = f"{year:04d}-{month:02d}-{dnum:02d}"
            dl = self.dateline
            if dl and dl.date and len(dl.date) >= 10 and dl.start <= start < dl.end:
                value = dl.date[:10]
            return _Out(start, end, "DATE", value, mod)
        if year is None and self.ref:
            how = ppre[0] if ppre and ppre[0] in ("last", "next", "this") else None
            if how == "last":
                year = self.ref.year if month < self.ref.month else self.ref.year - 1
            elif how == "next":
                year = self.ref.year if month > self.ref.month else self.ref.year + 1
            elif how == "this":
                year = self.ref.year
            else:
                tense = self.tense(start, end)
                before = self.low[max(0, start - 9) : start]
                if compile_re(r"\b(?:until|till|by)\s+$").search(before):
                    # a deadline ("talks due to end by May") lies ahead unless the clause is past
                    tense = None if tense == PAST else FUTURE
                elif compile_re(r"\bthrough\s+$").search(before):
                    tense = None  # "loans through January": the nearest one
                elif tense == FUTURE and _DATA_FOR.search(self.low, max(0, start - 24), start):
                    tense = None  # "figures for February will be published": a month reported
                elif _STARTING.search(self.low, max(0, start - 16), start):
                    # "warned of delays beginning in April": the one ahead of the report
                    tense = None if tense == PAST else FUTURE
                year = resolve_month_year(self.ref, month, tense)
        if year is None:
            return _Out(start, end, "DATE", f"XXXX-{month:02d}", mod)
        return _Out(start, end, "DATE", f"{year:04d}-{month:02d}", mod)

    def r_iso(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if not valid_day(y, mo, d):
            return None
        if m.group("hh"):
            v = f"{y:04d}-{mo:02d}-{d:02d}T{m.group('hh')}:{m.group('mi')}"
            return _Out(m.start(), m.end(), "TIME", v)
        return _Out(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}")

    def r_slash(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        mo, d, ys = int(m.group("m")), int(m.group("d")), m.group("y")
        if m.group("sep") == "." or (mo > 12 and d <= 12):
            mo, d = d, mo  # 27.04.2020 and 27/04/2020 are day-first
        y = int(ys)
        if len(ys) == 2:
            base = self.ref.year if self.ref else 2000
            y = 1900 + y if abs(1900 + y - base) <= abs(2000 + y - base) else 2000 + y
        if not valid_day(y, mo, d):
            return None
        return _Out(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}")

    def r_wd(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        ws = m.start("wd")
        if not self.text[ws].isupper():
            return None
        wd = WEEKDAY_NUM[m.group("wd")]
        if (
            _WD_NAME_AFTER.match(self.text, m.end("wd"))
            and self.prev_word(ws).lower() not in _WD_PREPOSITIONS
        ) or self.text.endswith("Mail on ", 0, ws):
            return None  # "The Sunday Times", "The Mail on Sunday": a name
        if self.prev_word(ws) in _WD_NAME_BEFORE and self.text[ws - 1 : ws] == " ":
            return None  # "Black Saturday", "Bloody Sunday": a day's name, not a date
        if m.group("nth"):
            return self._nth_weekday(m, wd)
        pre = (m.group("pre") or "").split()
        pod = m.group("pod")
        podc = PARTS_OF_DAY.get(pod or "", "")
        start, end = m.start(), m.end()
        if m.group("pods"):
            podc = PARTS_OF_DAY[m.group("pods")[:-1]]
        shared = None if (pod or m.group("pl") or pre) else _WD_PAIR_PL.match(self.text, end)
        if shared:
            # "on Monday and Tuesday nights": the plural is shared, so both are sets
            podc = PARTS_OF_DAY.get(shared.group(1)[:-1] if shared.group(1) else "", "")
        if m.group("pl") or m.group("pods") or shared or (pre and pre[0] in ("every", "each")):
            v = f"XXXX-WXX-{wd + 1}" + (f"T{podc}" if podc else "")
            return _Out(start, end, "SET", v)
        if self.ref is None:
            v = f"XXXX-WXX-{wd + 1}" + (f"T{podc}" if podc else "")
            return _Out(start, end, "TIME" if podc else "DATE", v)
        how = pre[0] if pre else None
        ref = self.ref
        second = pre[1] if len(pre) > 1 else ""
        if "previous" in pre or "following" in pre:
            ref = self.topic_day or ref  # "the previous Friday": before the day in discussion
        if how == "last" or second in ("past", "previous"):
            d = relative_weekday(ref, wd, "last")
        elif how in ("next", "coming") or second in ("coming", "following", "next"):
            d = relative_weekday(ref, wd, "next")
        elif how == "this":
            d = relative_weekday(ref, wd, "this")
        else:
            tense = self.tense(start, end)
            before = self.low[max(0, start - 40) : start]
            if compile_re(r"as (?:early|soon) as\s+$|as soon as [a-z ]{0,25}$").search(before):
                tense = FUTURE  # "as soon as trading opens Monday": a condition ahead
            elif compile_re(r"\b(?:until|till)\s+$").search(before):
                # "postponed until Friday" looks ahead; "until Friday, they had not ..." is past
                had = compile_re(r"\bhad\b").search(self.low[end : end + 60])
                tense = PAST if had else FUTURE
            elif _STARTING.search(before) and tense != PAST:
                tense = FUTURE  # "flights resume starting Monday"
            elif (
                tense != FUTURE
                and _FOR_DAY.search(before)
                and not self.low.startswith(("'s", "’s"), m.end("wd"))
            ):
                tense = _NEAREST  # "called a strike for Sunday": the day it was set for
            elif self.low.startswith(("'s", "’s"), m.end("wd")):
                tense = None  # "Friday's meeting": reported events lie behind
            elif compile_re(r"\bby\s+$|\ba\s+$").search(before) and (
                not before.endswith("a ") or self.low.startswith(" deadline", end)
            ):
                # "snow by Saturday afternoon", "before a Monday deadline": a deadline ahead,
                # unless the clause is past ("missed a Friday deadline"); "the Tuesday
                # deadline" may be one already passed
                tense = None if tense == PAST else FUTURE
            near = tense == _NEAREST
            d = nearest_weekday(ref, wd) if near else resolve_weekday(ref, wd, tense)
        mod = {"early": "START", "late": "END"}.get(how or "")
        if how in ("earlier", "later"):
            start = ws
        if podc and (not self.timeml or podc == "EV"):
            return _Out(start, end, "TIME", f"{d.isoformat()}T{podc}", mod)
        return _Out(start, end, "DATE", d.isoformat(), mod)

    def _nth_weekday(self, m: re.Match[str], wd: int) -> _Out | None:
        """``the first Monday in February``, ``the last Thursday of November 2012``."""
        if not self.text[m.start("nm")].isupper():
            return None
        month = MONTH_NUM[m.group("nm").rstrip(".")]
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
        nth = n[m.group("nth")]
        if m.group("ny"):
            year: int | None = int(m.group("ny"))
        elif self.ref:
            year = resolve_month_year(self.ref, month, self.tense(m.start(), m.end()))
        else:
            year = None
        if year is None:
            return _Out(m.start(), m.end(), "DATE", f"XXXX-{month:02d}")
        d = nth_weekday(year, month, wd, nth)
        if d.month != month:
            return None  # no fifth Monday that month
        return _Out(m.start(), m.end(), "DATE", d.isoformat())

    def r_time(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        hh: int | None = None
        mi = 0
        if g("h"):
            hh = int(g("h"))
            mi = int(g("mi") or 0)
            ap = g("ap").replace(".", "").replace(" ", "")
            if hh > 12 or hh == 0:
                return None
            if ap.startswith("p") and hh != 12:
                hh += 12
            if ap.startswith("a") and hh == 12:
                hh = 0
        elif g("h2"):
            hh, mi = int(g("h2")), int(g("mi2"))
        elif g("h6"):
            hh, mi = int(g("h6")), int(g("mi6"))  # "0700 GMT", "1430 hrs"
        elif g("h7"):
            # a bare 24-hour clock only after a preposition of time: "until 14:00", "at 09:30"
            # (not a score, a ratio or a race time)
            if self.prev_word(m.start()).lower() not in _CLOCK_PREPOSITIONS:
                return None
            hh, mi = int(g("h7")), int(g("mi7"))
        elif g("word"):
            if self._capitalised_title(m.start("word")) or self.low.endswith("high ", 0, m.start()):
                return None
            hh = 24 if g("word") == "midnight" else 12
        elif g("h4") or g("h5"):
            n = parse_number(g("h4") or g("h5"))
            if n is None or not 1 <= n <= 12:
                return None
            hh = int(n)
            if g("pod4") in ("afternoon", "evening") and hh != 12:
                hh += 12
        if hh is None:
            return None
        start, end = m.start(), m.end()
        # the day: an explicit one in the expression, else resolved later from the sentence
        day: dt.date | None = None
        explicit = False
        mon = g("m") or g("md")
        if mon:
            # "8 a.m. on March 26", "9 p.m. Friday, March 19": the month-day names the day
            mk = "m" if g("m") else "md"
            if not self.text[m.start(mk)].isupper():
                return None
            month = MONTH_NUM[mon.rstrip(".")]
            dnum = int(compile_re(r"\d+").match(g("d") or g("dm")).group())  # type: ignore[union-attr]
            y = int(g("y")) if g("y") else self.year_of_month_in_sentence(start, month)
            if y is None and self.ref:
                y = resolve_day_year(self.ref, month, dnum, self.tense(start, end))
            if y and valid_day(y, month, dnum):
                day = dt.date(y, month, dnum)
                explicit = True
        elif g("wd"):
            if not self.text[m.start("wd")].isupper():
                return None  # "at 9 a.m. friday": not a weekday name
            elif self.ref:
                tense = self.tense(start, end)
                if _UNTIL_BEFORE.search(self.low, max(0, start - 8), start):
                    # "until 9 a.m. Tuesday": a deadline ahead, unless the clause is past perfect
                    tense = (
                        PAST if compile_re(r"\bhad\b").search(self.low[end : end + 60]) else FUTURE
                    )
                wdn = WEEKDAY_NUM[g("wd")]
                if g("wdpre"):
                    day = relative_weekday(self.ref, wdn, g("wdpre"))  # "noon next Monday"
                elif tense != FUTURE and _FOR_DAY.search(self.low, max(0, start - 6), start):
                    day = nearest_weekday(self.ref, wdn)  # "a strike for midday on Sunday"
                else:
                    day = resolve_weekday(self.ref, wdn, tense)
                explicit = True
        elif g("rel") and self.ref:
            day = self.ref + dt.timedelta(
                days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g("rel")]
            )
            explicit = True
        if not explicit:
            day = self.topic_day_in_sentence(start) or self.topic_day or self.ref
        hm = f"T{hh:02d}:{mi:02d}"
        value = (day.isoformat() if day else "XXXX-XX-XX") + hm
        return _Out(start, end, "TIME", value)

    def sentence_values(self, pos: int) -> list[str]:
        """The values found so far in the sentence holding ``pos``, the nearest first."""
        i = self.seg.sentence_index(pos)
        if i < 0:
            return []
        first = self.seg.sentences[i].start
        found: list[str] = []
        for o in reversed(self.out[-20:]):
            if o.start < first:
                break
            found.append(o.value)
        return found

    def year_of_month_in_sentence(self, pos: int, month: int) -> int | None:
        """The year of an earlier value in the sentence that names ``month`` with a year."""
        for value in self.sentence_values(pos):
            v = _YEAR_MONTH_RE.match(value)
            if v and int(v.group(2)) == month:
                return int(v.group(1))
        return None

    def topic_day_in_sentence(self, pos: int) -> dt.date | None:
        for value in self.sentence_values(pos):
            if _FULL_DATE.fullmatch(value):
                return dt.date.fromisoformat(value)
        return None

    def r_daypart(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        ref = self.ref
        if g("pod"):
            a = " ".join(g("a").split())
            podc = PARTS_OF_DAY[g("pod")]
            if a in ("this", "tomorrow", "yesterday", "last"):
                if a == "last" and g("pod") != "night":
                    return None
                off = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[a]
                d = ref + dt.timedelta(days=off) if ref else None
            else:
                base = self.topic_day or ref
                off = -1 if a == "the previous" else 1
                d = base + dt.timedelta(days=off) if base else None
                if self.timeml and podc != "EV":
                    # TimeML convention as for "Friday night": "the next morning" is the day
                    return _Out(start, end, "DATE", self.day_value(d))
            return _Out(start, end, "TIME", f"{self.day_value(d)}T{podc}")
        if g("pod2"):
            return _Out(start, end, "TIME", f"{self.day_value(ref)}TNI")
        if g("pod3"):
            off = {"yesterday": -1, "tomorrow": 1}.get(g("rel3") or "", 0)
            d = ref + dt.timedelta(days=off) if ref else None
            return _Out(start, end, "TIME", f"{self.day_value(d)}T{PARTS_OF_DAY[g('pod3')]}")
        pod = g("pod5") or g("pod6")
        if pod is None:
            return None
        pre = g("pre6")
        if pre == "the" and self.prev_word(start).lower() not in _DAYPART_PREPOSITIONS:
            return None  # "the morning rush", "spent the evening": not said when
        mod = {"early": "START", "late": "END"}.get(self.low[start : start + 5].strip())
        # "buy orders in the morning", "waiting since early morning": the day in discussion
        d = self.topic_day_in_sentence(start) or self.topic_day or ref
        return _Out(start, end, "TIME", f"{self.day_value(d)}T{PARTS_OF_DAY[pod]}", mod)

    def r_rel(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        ref = self.ref
        if g("ba"):
            off = -2 if g("ba").startswith("before") else 2
            d = ref + dt.timedelta(days=off) if ref else None
            return _Out(start, end, "DATE", self.day_value(d))
        w = g("w")
        if (
            not g("pre")
            and self._capitalised_title(start)
            and _NAME_BEFORE.search(self.text, max(0, start - 20), start)
        ):
            return None  # "USA Today", "VOA Today": a publication or programme
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        d = ref + dt.timedelta(days=off) if ref else None
        pre = (g("pre") or "").strip()
        mod = {"early": "START", "late": "END"}.get(pre)
        if pre in ("earlier", "later"):
            start = m.start("w")
        if w == "tonight":
            return _Out(start, end, "TIME", f"{self.day_value(d)}TNI", mod)
        if g("pod"):
            return _Out(start, end, "TIME", f"{self.day_value(d)}T{PARTS_OF_DAY[g('pod')]}", mod)
        if w == "today" and self.low.startswith(("'s", "’s"), end):
            nxt = _TODAYS_NEXT.match(self.low, end)
            if nxt and (nxt.group(1) in _GENERIC_NOW or nxt.group(2) in _GENERIC_NOW):
                # "today's world", "today's personal computers": the present age, which
                # TimeBank leaves unannotated; the timeline shows it as the present
                return None if self.timeml else _Out(start, end, "DATE", "PRESENT_REF")
        return _Out(start, end, "DATE", self.day_value(d), mod)

    def r_ref(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        w = " ".join(m.group("w").split())
        start, end = m.start(), m.end()
        if w == "now" and self.text.startswith(",", end) and self._sentence_initial(start):
            return None  # "Now, he says, ...": a discourse marker, not the present time
        if w == "current" and _THEN_BEFORE.search(self.low, max(0, start - 11), start):
            # "the then-current price": the present of a past moment
            return _Out(start - 5, end, "DATE", "PAST_REF")
        if w in ("now", "currently", "presently", "nowadays", "these days", "current"):
            v = "PRESENT_REF"
        elif w in ("recently", "lately", "formerly", "recent", "the past") or w.endswith(
            "recently"
        ):
            v = "PAST_REF"
        else:
            v = "FUTURE_REF"
        if w == "then":
            # "terminates on Nov. 30. Until then, ...": the day just named
            for o in reversed(self.out[-5:]):
                if start - o.end < 300 and _FULL_DATE.fullmatch(o.value):
                    return _Out(start, end, "DATE", o.value, topic=False)
            return None
        if w == "soon" and (
            _SOON_PAST_BEFORE.search(self.low, max(0, start - 6), start)
            or _SOON_PAST_AFTER.match(self.low, end)
        ):
            return None
        if w == "future":
            # "future earnings" is an adjective, not a time; "his future" or "the future" is
            nxt = compile_re(r"\s+([a-z]+)").match(self.text[end : end + 20])
            if nxt and nxt.group(1) not in _FUNCTION_WORDS:
                return None
        return _Out(start, end, "DATE", v)

    def _ago(
        self, n: float | None, unit: str, sign: int, start: int, end: int, mod: str | None
    ) -> _Out:
        code = _UNIT_CODE[unit]
        if n is None or self.ref is None:
            v = "PAST_REF" if sign < 0 else "FUTURE_REF"
            if self.ref is None and n is not None:
                v = "XXXX"
            return _Out(start, end, "DATE", v, mod)
        k = int(n) if n == int(n) else n
        if code in ("H", "MIN", "S"):
            return _Out(start, end, "DATE", self.ref.isoformat(), mod)
        if code == "WE":
            code = "W"
        if unit == "fortnight":
            k *= 2
        if code == "ML":
            code, k = "Y", int(k * 1000)
        if code == "DE" and isinstance(k, int):
            d = shift(self.ref, "Y", sign * 10 * k)
            return _Out(start, end, "DATE", f"{d.year:04d}", mod)
        if code == "CE" and isinstance(k, int):
            d = shift(self.ref, "Y", sign * 100 * k)
            return _Out(start, end, "DATE", f"{d.year // 100:02d}", mod)
        if not isinstance(k, int):
            if code == "Y":
                d = add_months(self.ref, round(sign * n * 12))
                return _Out(start, end, "DATE", f"{d.year:04d}-{d.month:02d}", mod)
            k = round(k)
        d = shift(self.ref, code, sign * int(k))
        return _Out(start, end, "DATE", at_granularity(d, code), mod)

    def r_dur(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        unit = _unit(g("unit"))
        qs = " ".join(g("q").split())
        post = (g("post") or "").strip()
        start, end = m.start(), m.end()
        if post in ("old",) or post.endswith("old"):
            return None
        if qs in ("a", "an") and unit == "second":
            return None
        n = parse_number(qs)
        if n is None and not compile_re(
            r"few|several|many|couple|dozens|hundreds|thousands"
        ).search(qs):
            return None
        if n is not None and (n > 5000 or n <= 0):
            return None
        if compile_re(r"\d{4}").fullmatch(qs) and not g("unit").endswith("s"):
            return None
        det = (g("det") or "").strip()
        dirw = (g("dir") or "").strip()
        approx = " ".join((g("approx") or "").split())
        adjectival = "-" in g("sep") or (n is not None and n != 1 and not g("unit").endswith("s"))
        if g("noun") and det in ("a", "an"):
            adjectival = False  # "a three-year period", "a one-year term": the whole phrase
        elif g("noun"):
            end = m.end("noun") - len(g("noun"))  # "the seven-day period": the modifier only
        elif det in ("a", "an") and not compile_re(r"few|couple|dozen|half").match(qs):
            start = m.start("dir") if dirw else m.start("q")
            det = ""
        if dirw == "following" and not det and not approx:
            start = m.start("q")  # "retired following 26 years at the club": a preposition
            dirw = ""
        if det in ("its", "their", "his", "her") and (adjectival or g("noun")):
            start = m.start("dir") if dirw else m.start("q")
            det = ""
        if adjectival and not post:
            # "a five-year low", "the eight-year war": the article is not part of the duration
            start = m.start("dir") if dirw else m.start("q")
            det = approx = ""
        elif approx in ("over", "under") and (det or dirw or qs not in ("a", "an")):
            start = m.start("det") if det else (m.start("dir") if dirw else m.start("q"))
            approx = ""
        if g("half"):
            n = (n or 0) + 0.5 if n is not None else None
        after = self.low[end : end + 12]
        if unit == "quarter" and compile_re(r"\s+of\s+(?!\d)|-").match(after):
            return None  # "three-quarters of the votes", "a quarter-century"
        if self._capitalised_title(m.start("unit")):
            return None  # "60 Minutes", a programme
        if qs in ("a", "an") and not det and not dirw and not approx and not post:
            before = self.low[max(0, start - 30) : start]
            if _QUANT_BEFORE.search(before) and not compile_re(
                r"\b(?:for|in|within|over|than)\s+$"
            ).search(before):
                return None  # "$35 a night", "700 seats a week": a rate, not a duration
        mod = {
            "nearly": "APPROX", "almost": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
            "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
            "well over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
            "under": "LESS_THAN", "just under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
            "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
            "no more than": "EQUAL_OR_LESS",
        }.get(approx)  # fmt: skip
        if post in ("ago", "or so ago") or (post == "earlier" and unit == "year"):
            if unit == "year" and n == 1 and self.topic_quarter and self.ref:
                y, q = self.topic_quarter
                return _Out(start, end, "DATE", f"{y - 1:04d}-Q{q}", topic=False)
            o = self._ago(n, unit, -1, start, end, mod)
            o.topic = post != "earlier"
            return o
        if post in ("from now", "hence"):
            return self._ago(n, unit, 1, start, end, mod)
        if g("fromd"):
            # "a week from Wednesday": counted from the coming day named
            fd = g("fromd")
            if fd in WEEKDAY_NUM and not self.text[m.start("fromd")].isupper():
                return None
            code = _UNIT_CODE[unit]
            if self.ref is None or n is None or n != int(n) or code not in ("D", "W", "M", "Y"):
                return _Out(start, end, "DATE", "XXXX-XX-XX")
            if fd in WEEKDAY_NUM:
                base = resolve_weekday(self.ref, WEEKDAY_NUM[fd], FUTURE)
            else:
                base = self.ref + dt.timedelta(days=1 if fd == "tomorrow" else 0)
            d = shift(base, code, int(n))
            return _Out(start, end, "DATE", d.isoformat())
        if post == "earlier":
            if unit == "year" and n == 1 and self.topic_quarter and self.ref:
                y, q = self.topic_quarter
                return _Out(start, end, "DATE", f"{y - 1:04d}-Q{q}")
            if unit in ("year", "month", "week", "day", "decade"):
                return self._ago(n, unit, -1, start, end, mod)
        if (
            qs == "one"
            and unit == "day"
            and not (det or dirw or approx or post)
            and self.prev_word(start).lower() in _MODALS
        ):
            return _Out(start, end, "DATE", "FUTURE_REF")
        # "in three days": a date when the clause is about the future
        if not det and not dirw and not approx and n is not None and self.ref:
            pw = self.prev_word(start).lower()
            if (
                pw == "in"
                and self.tense(start, end) == FUTURE
                and unit not in ("hour", "minute", "second")
            ):
                return self._ago(n, unit, 1, start, end, None)
        value = duration_value(n, unit)
        if unit == "month" and n in (6, 9) and det == "the" and not approx:
            # "the first nine months": the article now compares year-to-date figures
            self.topic_quarter = None
        anchor = None
        if (
            self.ref
            and n is not None
            and dirw.split()[:1]
            and dirw.split()[0] in ("past", "last", "recent", "next", "coming")
        ):
            code = _UNIT_CODE[unit]
            if code not in _TIME_UNITS and n == int(n):
                k = int(n)
                cc = {"WE": "W", "ML": "Y"}.get(code, code)
                if code == "ML":
                    k *= 1000
                if dirw.split()[0] in ("next", "coming"):
                    anchor = (self.ref.isoformat(), shift(self.ref, cc, k).isoformat())
                else:
                    anchor = (shift(self.ref, cc, -k).isoformat(), self.ref.isoformat())
        return _Out(start, end, "DURATION", value, mod, anchor)

    def r_vague(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        det = (g("det") or "").strip()
        dirw = (g("dir") or "").strip()
        start = m.start()
        if (
            g("unit") == "hours"
            and self.low.endswith("early ", 0, m.start("unit"))
            and self.low.startswith(" of ", m.end())
        ):
            return None  # "the early hours of Sunday": a time of that day, not a length
        if det in ("in", "for", "within", "over", "after"):
            start = m.start("dir") if g("dir") else m.start("unit")
        elif not det and not dirw and g("post") != "-long":
            nxt = self.low[m.end() : m.end() + 4]
            if not (nxt.startswith(" of ") or nxt.startswith(" or ")):
                return None
        if det == "the" and not dirw and not g("post"):
            nxt = self.low[m.end() : m.end() + 16]
            if not compile_re(r"\s+(?:ahead|that followed|to come|since)").match(nxt) and (
                self.prev_word(start).lower() != "over"
            ):
                return None  # but "the years ahead", "the years that followed", "over the years"
        unit = _unit(g("unit"))
        post = (g("post") or "").strip()
        if unit == "quarter" and (
            self.low[start - 1 : start] == "-" or self.low.startswith(" of", m.end())
        ):
            return None
        if post == "ago" or (unit == "year" and dirw in ("recent", "past") and det != "the"):
            return _Out(start, m.end(), "DATE", "PAST_REF")
        return _Out(start, m.end(), "DURATION", duration_value(None, unit))

    def r_relunit(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        unit = g("unit")
        det = " ".join(g("det").split())
        pre = " ".join((g("pre") or "").split())
        post = " ".join((g("post") or "").split())
        ref = self.ref
        mod = None
        if post == "before" and compile_re(r"[ \t]+[A-Za-z0-9]").match(self.text[end:]):
            # "later in the day before returning home": "before" links to an event
            end = m.start("post")
            post = ""
        if pre in ("earlier", "later") and det == "this" and unit == "week":
            start = m.start("det")
            pre = ""
        if pre:
            p0 = pre.split()[0].rstrip("-")
            mod = _MODS.get(p0)
            if p0 == "the":
                mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}.get(
                    pre.split()[1]
                )
        after = self.low[end : end + 20]
        code = _UNIT_CODE[unit]
        if self._capitalised_title(m.start("unit")):
            return None
        if unit == "fortnight":
            # no calendar fortnight to name: "the past fortnight" is a length
            if pre or post or det.split()[-1] not in ("past", "last", "next", "coming"):
                return None
            return _Out(start, end, "DURATION", "P2W", mod)
        if (
            unit == "day"
            and not pre
            and det
            not in ("that", "the same", "that same", "the previous", "the following", "the next")
        ):
            return None
        if det == "the" and not pre and not post and unit in ("decade", "century", "week", "month"):
            return None
        if det in ("a",):
            return None
        if post == "ago":
            return None
        if g("ofm"):
            mw = g("ofm").split()[0].rstrip(".")
            if not self.text[m.start("ofm")].isupper():
                return None
            month = MONTH_NUM[mw]
            dnum = int(compile_re(r"\d+").search(g("ofm")).group())  # type: ignore[union-attr]
            y = resolve_day_year(ref, month, dnum, self.tense(start, end)) if ref else None
            if y is None or not valid_day(y, month, dnum):
                return None
            week = iso_week(dt.date(y, month, dnum))
            return _Out(start, end, "DATE", week + "-WE" if code == "WE" else week, mod)
        if g("ofy"):
            return _Out(start, end, "DATE", g("ofy"), mod)
        ended = compile_re(
            r"\s+(?:ended|ending|ends|to\s+date|through"
            r"|to\s+(?:the\s+end\s+of\s+|end-)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
        ).match(after)  # "in the year to February": the twelve months up to it
        if unit == "year" and det in ("the", "the current") and ended:
            return _Out(start, end, "DURATION", "P1Y", mod)
        # anaphoric: that year, the following month, the previous day
        if det in (
            "that",
            "the same",
            "that same",
            "the previous",
            "the following",
            "the preceding",
            "previous",
            "following",
            "the prior",
            "prior",
        ) or post in ("before", "earlier"):
            off = 0
            if det in (
                "the previous",
                "the preceding",
                "previous",
                "the prior",
                "prior",
            ) or post in ("before", "earlier"):
                off = -1
            if det in ("the following", "following"):
                off = 1
            base = self._topic_date(code)
            if base is None and code == "D" and self._unnamed_day(det.split()):
                return None
            base = base or ref
            if base is None:
                return None
            d = shift(base, "W" if code == "WE" else code, off)
            return _Out(start, end, "DATE", at_granularity(d, code), mod)
        if ref is None:
            v = {
                "Y": "XXXX",
                "M": "XXXX-XX",
                "W": "XXXX-WXX",
                "WE": "XXXX-WXX-WE",
                "D": "XXXX-XX-XX",
            }.get(code, "XXXX")
            return _Out(start, end, "DATE", v, mod)
        off = 0
        d0 = det.split()
        key = d0[-1] if d0 else ""
        if key in ("last", "past") or det in ("this past",):
            off = -1
        elif key in ("next", "coming") or det == "this coming":
            off = 1
        if code == "WE":
            # the weekend: the one just past unless the clause looks ahead
            tense = self.tense(start, end)
            base = ref
            if off == 0:
                if tense != PAST and compile_re(r"\b(?:until|till|by)\s+$").search(
                    self.low, max(0, start - 7), start
                ):
                    tense = FUTURE  # "stay indoors until the weekend"
                if ref.weekday() < 5 and tense != FUTURE and key != "this":
                    base = ref - dt.timedelta(days=7)
            else:
                base = ref + dt.timedelta(days=7 * off)
                if off == -1 and ref.weekday() >= 5:
                    base = ref - dt.timedelta(days=7)
            return _Out(start, end, "DATE", iso_week(base) + "-WE", mod)
        if code == "D":
            return _Out(start, end, "DATE", shift(ref, "D", off).isoformat(), mod)
        d = shift(ref, code, off)
        return _Out(start, end, "DATE", at_granularity(d, code), mod)

    def _unnamed_day(self, words: list[str]) -> bool:
        """``that day`` before any day has been named: any day ("redemptions that day")."""
        if words[:1] != ["that"] and words[:2] != ["the", "same"]:
            return False
        out = self.out  # append-only: each value is looked at once however many "that day"s
        while not self.day_named and self.day_checked < len(out):
            self.day_named = _FULL_DATE.match(out[self.day_checked].value) is not None
            self.day_checked += 1
        return not self.day_named

    def _topic_date(self, code: str) -> dt.date | None:
        if code == "D" and self.topic_day:
            return self.topic_day
        if code in ("W", "WE") and self.topic_day:
            return self.topic_day
        if code == "M" and self.topic_month:
            return dt.date(self.topic_month[0], self.topic_month[1], 1)
        if code in ("Y", "DE", "CE") and self.topic_year:
            return dt.date(self.topic_year, 6, 30)
        return None

    def r_quarter(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        ref = self.ref
        if g("qn") or g("qn2"):
            q = int(g("qn") or g("qn2"))
            ys = g("qy") or g("qy2")
            if ys:
                return _Out(start, end, "DATE", f"{ys}-Q{q}")
            return self._quarter_value(q, None, start, end, 0)
        if g("mq1"):
            # "the October-December quarter": three months that make a calendar quarter
            m1, m2 = MONTH_NUM[g("mq1").rstrip(".")], MONTH_NUM[g("mq2").rstrip(".")]
            if m1 % 3 != 1 or m2 != m1 + 2:
                return None
            if g("mqy"):
                return _Out(start, end, "DATE", f"{g('mqy')}-Q{m2 // 3}")
            return self._quarter_value(m2 // 3, None, start, end, 0)
        if g("mqe"):
            # "the September quarter": the calendar quarter ending that month
            q = MONTH_NUM[g("mqe").rstrip(".")] // 3
            if g("mqey"):
                return _Out(start, end, "DATE", f"{g('mqey')}-Q{q}")
            return self._quarter_value(q, None, start, end, 0)
        unit = g("unit")
        if g("pl") or self.low.startswith("-", m.end()):
            return None
        det = (g("det") or "").strip()
        hyphen = g("ord") and self.low[m.end("ord") : m.end("ord") + 1] == "-"
        fiscal_hyphen = g("fisc2") and "-" in self.low[m.start("fisc2") : m.start("unit")]
        if det and (hyphen or fiscal_hyphen or det in ("its", "their")) and g("ord"):
            start = m.start("adj") if g("adj") else m.start("ord")
        adj = " ".join((g("adj") or "").replace("-", " - ").split()).replace(" - ", "-")
        ordw = g("ord")
        post = " ".join((g("post") or "").split())
        year: int | None = None
        yshift = 0
        if g("qyear"):
            year = int(g("qyear"))
        if g("y2") or g("y3"):
            year = int(g("y2") or g("y3"))
        yy = g("yy") or g("yy2") or (g("yrs") or "").split(" ")[0] or None
        if yy and ref:
            year = ref.year + {"this": 0, "last": -1, "next": 1}[yy]
        if any(
            k in adj for k in ("year-earlier", "year-ago", "year earlier", "year ago")
        ) or post.endswith(("ago", "earlier")):
            yshift = -1
        qnum = None
        if ordw:
            qnum = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                    "4th": 4, "final": 4, "last": 4}[ordw]  # fmt: skip
        if unit == "half":
            if qnum not in (1, 2) and ordw not in ("last", "final"):
                return None
            h = 2 if ordw in ("last", "final", "second", "2nd") else 1
            y = year if year is not None else (ref.year if ref else None)
            if y is None:
                return _Out(start, end, "DATE", f"XXXX-H{h}")
            return _Out(start, end, "DATE", f"{y + yshift:04d}-H{h}")
        if unit == "period":
            if not adj and not (det and ordw):
                return None
            if qnum is None and year is not None and not self.topic_quarter:
                return _Out(start, end, "DATE", f"{year + yshift:04d}")
        if ordw == "last" and not det.startswith("the") and year is None:
            # "last quarter": the one before the current one
            return self._quarter_value(None, None, start, end, -1)
        if qnum is None:
            if det == "a" or (not det and not adj and not yy):
                return None
            if det in ("next",):
                return self._quarter_value(None, None, start, end, 1)
            if "latest" in adj and ref is not None and year is None:
                done = shift(ref, "Q", -1)
                last = (done.year, quarter_of(done))
                tq = self.topic_quarter
                y, q = tq if tq and tq <= last else last
                return _Out(start, end, "DATE", f"{y + yshift:04d}-Q{q}", topic=False)
            if det == "last":
                return self._quarter_value(None, None, start, end, -1)
            ended_on = (
                self._quarter_end_day(end)
                if unit == "quarter" and not yshift and self.topic_quarter is None
                else None
            )
            if ended_on is not None:
                # "the quarter ended July 31": the calendar quarter holding most of its
                # three months (May to July: the second); once the article has named its
                # quarter ("fiscal first quarter"), that number stands
                mid = add_months(ended_on, -1)
                return _Out(start, end, "DATE", f"{mid.year:04d}-Q{quarter_of(mid)}")
            if "current" in adj and ref is not None and year is None:
                return _Out(start, end, "DATE", f"{ref.year + yshift:04d}-Q{quarter_of(ref)}")
            if self.topic_quarter and year is None:
                y, q = self.topic_quarter
                return _Out(start, end, "DATE", f"{y + yshift:04d}-Q{q}", topic=False)
            if year is not None and self.topic_quarter:
                v = f"{year + yshift:04d}-Q{self.topic_quarter[1]}"
                return _Out(start, end, "DATE", v, topic=False)
            if ref is None:
                return _Out(start, end, "DATE", "XXXX-QX")
            cur = "this" in det or "current" in adj
            base = shift(ref, "Q", 0 if cur else -1)
            v = f"{base.year + yshift:04d}-Q{quarter_of(base)}"
            return _Out(start, end, "DATE", v, topic=not yshift)
        if year is None and not yshift and ref is not None:
            ended_on = self._quarter_end_day(end)  # a fiscal quarter: the year it ended in
            year = ended_on.year if ended_on else None
        if year is not None:
            return _Out(start, end, "DATE", f"{year + yshift:04d}-Q{qnum}", topic=not yshift)
        out = self._quarter_value(qnum, None, start, end, 0)
        if out and yshift and out.value[:4].isdigit():
            out.value = f"{int(out.value[:4]) + yshift:04d}" + out.value[4:]
            out.topic = False
        return out

    def _quarter_end_day(self, end: int) -> dt.date | None:
        """The day a quarter ended, when the text gives it right after: ``the fiscal second
        quarter, which ended Feb. 28``."""
        m = _QUARTER_ENDED.match(self.low, end)
        if m is None or self.ref is None:
            return None
        month = MONTH_NUM[m.group("mon").rstrip(".")]
        dnum = int(m.group("d"))
        if m.group("y"):
            year = int(m.group("y"))
        else:
            ended = "ended" in m.group("how")
            year = resolve_day_year(self.ref, month, dnum, PAST if ended else None)
        return dt.date(year, month, dnum) if valid_day(year, month, dnum) else None

    def _quarter_value(
        self, q: int | None, year: int | None, start: int, end: int, rel: int
    ) -> _Out:
        ref = self.ref
        if ref is None:
            return _Out(start, end, "DATE", f"XXXX-Q{q}" if q else "XXXX-QX")
        if q is None:
            d = shift(ref, "Q", rel)
            return _Out(start, end, "DATE", f"{d.year:04d}-Q{quarter_of(d)}")
        cq = quarter_of(ref)
        y = ref.year
        if q > cq and self.tense(start, end) != FUTURE:
            y -= 1
        return _Out(start, end, "DATE", f"{y:04d}-Q{q}")

    def r_year(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        pre = " ".join((g("pre") or "").split())
        if g("yq"):
            # "in '98", "the class of '09": a clipped year after a word that takes a year
            ys = m.start("yq")
            if pre or self.prev_word(ys - 1).lower() not in _CLIPPED_YEAR_CUES:
                return None
            yy = int(g("yq"))
            pivot = (self.ref.year % 100 if self.ref else 30) + 10
            y = (2000 if yy <= pivot else 1900) + yy
            return _Out(ys - 1, end, "DATE", f"{y:04d}")
        if g("y"):
            y = int(g("y"))
            ys = m.start("y")
            if not pre:
                pw = self.prev_word(ys)
                if pw.lower() in _YEAR_BAD_PREV:
                    return None
                if (
                    pw[:1].isupper()
                    and pw.lower() not in _MONTH_CUES
                    and pw.lower()
                    not in (
                        "since",
                        "until",
                        "in",
                        "by",
                        "from",
                        "before",
                        "after",
                        "between",
                        "during",
                        "through",
                        "fiscal",
                        "circa",
                        "about",
                        "around",
                        "of",
                    )
                    and pw.lower() not in MONTH_NUM
                    and self.text[ys - 2 : ys] not in (". ", "\n")
                ):
                    prev_text = self.text[max(0, ys - len(pw) - 3) : ys]
                    if not compile_re(r"[.!?\"“]\s*[A-Za-z]+\s*$").search(prev_text):
                        return None
                if y < 1800 and pw.lower() not in (
                    "in",
                    "since",
                    "by",
                    "from",
                    "until",
                    "of",
                    "to",
                    "and",
                    "between",
                    "before",
                    "after",
                    "circa",
                    "the",
                    "year",
                    "around",
                ):
                    return None
            if y > 2100:
                return None
            nxt = compile_re(r"\s+([A-Za-z]+)").match(self.text[end : end + 20])
            if nxt and nxt.group(1).lower() in _YEAR_BAD_NEXT:
                return None
            if _STREET.match(self.text, end):
                return None
            glued = self.text[end : end + 1] == "-" or self.text[ys - 1 : ys] in ("-", "/")
            if glued and not pre and not self._year_range(ys, end, y):
                return None
        else:
            spoken = _spoken_year(g("sy"))
            if spoken is None:
                return None
            y = spoken
            if not pre and not self.text[m.start("sy")].isalpha():
                return None
        mod = None
        p0 = pre.split()[0].rstrip("-") if pre else ""
        if p0 == "the" and len(pre.split()) > 1:
            p0 = pre.split()[1]
        mod = _MODS.get(p0)
        value = f"{y:04d}"
        if p0 in ("spring", "summer", "fall", "autumn", "winter"):
            value += "-" + SEASONS[p0]
        elif p0 in ("first", "second", "third", "fourth", "last", "latter"):
            words = pre.split()
            nxt_w = (
                words[words.index(p0) + 1]
                if p0 in words and words.index(p0) + 1 < len(words)
                else ""
            )
            if nxt_w == "quarter":
                value += f"-Q{ {'first': 1, 'second': 2, 'third': 3, 'fourth': 4}.get(p0, 4) }"
            elif nxt_w == "half":
                value += "-H1" if p0 == "first" else "-H2"
        return _Out(start, end, "DATE", value, mod)

    def _year_range(self, ys: int, end: int, y: int) -> bool:
        """Whether the year glued to a hyphen is one end of a range of years: ``2008-2010``,
        ``the 1995-96 season`` (a later year after it, or an earlier one before it)."""
        after = _YEAR_RANGE_AFTER.match(self.text, end)
        if after:
            y2 = after.group(1)
            later = int(y2) if len(y2) == 4 else y // 100 * 100 + int(y2)
            return y < later <= y + 30 and self.text[ys - 1 : ys] not in ("-", "/")
        before = _YEAR_RANGE_BEFORE.search(self.text, max(0, ys - 6), ys)
        return (
            before is not None
            and y - 30 <= int(before.group(1)) < y
            and self.text[end : end + 1] != "-"
        )

    def r_decade(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        if g("dec"):
            v = g("dec")[:3]
            if len(g("dec")) == 4 and int(g("dec")) > 2090:
                return None
            if g("dec").endswith("00") and int(g("dec")) < 2000:
                v = g("dec")[:2]  # "the 1800s": the century, not its first decade
        elif g("dec2"):
            dd = g("dec2").lstrip("'’")[0]
            century = "20" if dd in "01" and (not self.ref or self.ref.year >= 2000) else "19"
            v = century + dd
        else:
            w = g("decw") or g("decw2")
            v = "19" + str(_DECADE_WORDS.index(w) + 2)
        pre = " ".join((g("pre") or "").split())
        mod = None
        for k, mm in (("early", "START"), ("late", "END"), ("mid", "MID")):
            if k in pre:
                mod = mm
        if g("dec2") and self.text[start - 1 : start] in ("'", "’"):
            start -= 1  # "the 1950s and '60s": the scan starts at the digits
        return _Out(start, end, "DATE", v, mod)

    def r_century(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        if g("cn"):
            n = int(g("cn"))
        elif g("cw"):
            n = ORDINALS.get(" ".join(g("cw").split()), 0)
        else:
            if self.ref is None:
                return _Out(start, end, "DATE", "XX")
            det = g("cdet").split()[-1]
            n = (
                self.ref.year // 100
                + 1
                + {"last": -1, "past": -1, "previous": -1, "next": 1}.get(det, 0)
            )
        if not 1 <= n <= 30:
            return None
        return _Out(start, end, "DATE", f"{n - 1:02d}")

    def r_set(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        if g("w"):
            if g("w") == "daily" and self.low.endswith("average ", 0, start):
                return None  # "average daily volume": a quantity per day, not a recurrence
            if _RATE_BEFORE.search(self.low, max(0, start - 12), start):
                return None  # "to rise 8.5% annually": a growth rate, not a recurrence
            v = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
                 "annually": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
                 "bimonthly": "P2M", "semiannually": "P6M", "semi-annually": "P6M",
                 "fortnightly": "P2W"}[g("w")]  # fmt: skip
            return _Out(start, end, "SET", v)
        if g("ev"):
            u = g("u")
            uw = u.rstrip(".")
            if uw in WEEKDAY_NUM or uw.rstrip("s") in WEEKDAY_NUM:
                if not self.text[m.start("u")].isupper():
                    return None
                return _Out(start, end, "SET", f"XXXX-WXX-{WEEKDAY_NUM[uw.rstrip('s')] + 1}")
            if uw in MONTH_NUM:
                if not self.text[m.start("u")].isupper():
                    return None
                return _Out(start, end, "SET", f"XXXX-{MONTH_NUM[uw]:02d}")
            if uw in SEASONS:
                return _Out(start, end, "SET", f"XXXX-{SEASONS[uw]}")
            if uw == "weekend":
                return _Out(start, end, "SET", "XXXX-WXX-WE")
            if uw in ("morning", "afternoon", "evening", "night") and uw != "night":
                return _Out(start, end, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[uw]}")
            if uw == "night":
                return _Out(start, end, "SET", "XXXX-XX-XXTNI")
            unit = _unit(uw)
            if unit not in _UNIT_CODE:
                return None
            n = parse_number(g("q")) if g("q") else 1.0
            if g("other"):
                n = (n or 1) * 2
            return _Out(start, end, "SET", duration_value(n, unit))
        if g("we"):
            return _Out(start, end, "SET", "XXXX-WXX-WE")  # "shops close on weekends"
        # "a year" as a rate: only with a frequency ("twice a week", "three times a year")
        if not g("rate"):
            return None
        unit = _unit(g("u2"))
        return _Out(start, end, "SET", duration_value(1.0, unit))

    def r_season(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        s = g("s")
        code = SEASONS[s]
        pre = " ".join((g("pre") or "").split())
        ys = (g("y") or "").replace("of", " ").strip()
        if self.text[m.start("s")].isupper() and m.start("s") > 0:
            before = self.text[max(0, m.start("s") - 3) : m.start("s")]
            if not compile_re(r"(?:^|[.!?\n]\s*|[\"“(]\s*)$").search(before) and not pre and not ys:
                return None
        if not pre and not ys:
            pw = self.prev_word(start).lower()
            if pw not in ("in", "during", "by", "until", "through", "since", "till"):
                return None
        if s == "fall" and not ys and pre in ("", "the"):
            pw = self.prev_word(start).lower()
            if pw not in ("in", "during", "by", "until", "through", "since", "till") or compile_re(
                r"\s+of\b"
            ).match(self.low[end:]):
                return None
        if pre in ("the",) and not ys:
            pw = self.prev_word(start).lower()
            if pw not in (
                "in",
                "during",
                "by",
                "until",
                "through",
                "since",
                "till",
                "over",
                "for",
                "into",
            ):
                return None
        mod = None
        if "early" in pre:
            mod = "START"
        elif "late" in pre:
            mod = "END"
        elif "mid" in pre:
            mod = "MID"
        if ys:
            y = int(ys) if ys.isdigit() else _spoken_year(ys)
            if y is None:
                return None
            return _Out(start, end, "DATE", f"{y:04d}-{code}", mod)
        if self.ref is None:
            return _Out(start, end, "DATE", f"XXXX-{code}", mod)
        words = pre.split()
        if "last" in words or "past" in words or "previous" in words:
            how: str | None = "last"
        elif "next" in words or "coming" in words or "following" in words:
            how = "next"
        elif "this" in words:
            how = None
        else:
            t = self.tense(start, end)
            how = t if t in (PAST, FUTURE) else None
        y = season_year(self.ref, code, how)
        return _Out(start, end, "DATE", f"{y:04d}-{code}", mod)

    def r_holiday(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        if not self.text[m.start("h")].isupper():
            return None
        name = " ".join(g("h").split())
        pre = (g("pre") or "").strip()
        if g("y"):
            y = int(g("y").strip(", "))
        elif self.ref is None:
            kind, d = holiday_date(name, 2000)
            if d is None:
                return None
            return _Out(
                start, end, "DATE", "XXXX-" + d.strftime("%m-%d") if kind == "D" else "XXXX-WXX"
            )
        else:
            ref = self.ref
            cands = []
            for yy in (ref.year - 1, ref.year, ref.year + 1):
                _, d = holiday_date(name, yy)
                if d is not None:
                    cands.append((yy, d))
            if not cands:
                return None
            tense = self.tense(start, end)
            near = [(yy, d) for yy, d in cands if abs((d - ref).days) <= 10]
            if near and not pre:
                tense = None
            if pre == "last" or (not pre and tense == PAST):
                ok = (
                    [(yy, d) for yy, d in cands if d < ref]
                    if pre == "last"
                    else [(yy, d) for yy, d in cands if d <= ref]
                )
                y = ok[-1][0] if ok else ref.year
            elif pre == "next" or (not pre and tense == FUTURE):
                ok = (
                    [(yy, d) for yy, d in cands if d > ref]
                    if pre == "next"
                    else [(yy, d) for yy, d in cands if d >= ref]
                )
                y = ok[0][0] if ok else ref.year
            elif pre == "this":
                y = ref.year
            else:
                gaps = [abs((d - ref).days) for _, d in cands]
                y = cands[gaps.index(min(gaps))][0]
        kind, d = holiday_date(name, y)
        if d is None:
            return None
        if kind == "W":
            return _Out(start, end, "DATE", iso_week(d))
        return _Out(start, end, "DATE", d.isoformat())

    def r_anniv(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        g = m.group
        start, end = m.start(), m.end()
        ns = g("n")
        dm = compile_re(r"\d+").match(ns)
        if dm:
            n = int(dm.group())
        else:
            ordinal = _ordinal_value(ns)
            if ordinal is None:
                return None
            n = ordinal
        event = None
        if g("of"):
            end = m.end("n") + len(" anniversary")
            ev_end = _event_name_end(self.text, m.end())
            if ev_end > m.end():
                event = self.text[m.end() : ev_end]
                end = ev_end
            else:
                end = m.end() - len(g("of"))
        else:
            end = m.end()
        if self.text[end - 1 : end] in (" ",):
            end -= 1
        base = lookup_anniversary(event) if event else None
        if base is not None:
            y = base.year + n
            if valid_day(y, base.month, base.day):
                return _Out(start, end, "DATE", f"{y:04d}-{base.month:02d}-{base.day:02d}")
        if self.ref is None:
            return _Out(start, end, "DATE", "XXXX")
        return _Out(start, end, "DATE", f"{self.ref.year:04d}")

    def r_anchored(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        a = " ".join(m.group("a").split())
        start, end = m.start(), m.end()
        if m.group("bl"):
            # "the week before last": two calendar units back from the publication date
            code = _UNIT_CODE[m.group("bl")]
            if self.ref is None:
                return _Out(start, end, "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX"}.get(code, "XXXX"))
            return _Out(start, end, "DATE", at_granularity(shift(self.ref, code, -2), code))
        words = a.split()
        unit = words[-1] if words[-1] not in ("before", "after") else words[-2]
        pod = PARTS_OF_DAY.get(unit)
        code = "D" if pod or unit == "day" else _UNIT_CODE.get(unit, "D")
        off = 0
        if any(w in ("next", "following", "after") for w in words):
            off = 1
        if any(w in ("previous", "preceding", "before") for w in words):
            off = -1
        if words[-1] in ("before", "after") and compile_re(r"[ \t]+[A-Za-z0-9]").match(
            self.text[end:]
        ):
            # "the day before the vote": "before" links to an event; only "the day" is a time,
            # and its day is known only when it restates a date ("Oct. 12, the day before ...")
            d0 = self.topic_day_in_sentence(start)
            if d0 is None or not compile_re(r",\s*$").search(self.text[max(0, start - 3) : start]):
                return None
            end = start + len(self.low[start:end].rsplit(None, 1)[0])
            return _Out(start, end, "DATE", d0.isoformat(), topic=False)
        if "in" in words and "the" in words:
            # "later in the day": the reference day
            base = self.ref
            off = 0
        else:
            base = self._topic_date(code)
            if base is None and unit == "day" and self._unnamed_day(words):
                return None
            base = base or self.ref
        if base is None:
            return _Out(start, end, "DATE", "XXXX-XX-XX" if code == "D" else "XXXX")
        d = shift(base, code, off)
        v = at_granularity(d, code)
        if pod:
            return _Out(start, end, "TIME", v + "T" + pod)
        return _Out(start, end, "DATE", v)

    def r_yago(self, c: _Cand, m: re.Match[str]) -> _Out | None:
        w = m.group()
        start, end = m.start(), m.end()
        if self.ref is None:
            return _Out(start, end, "DATE", "XXXX")
        if "end" in w:
            return _Out(start, end, "DATE", f"{self.ref.year:04d}", "END")
        if self.topic_quarter:
            y, q = self.topic_quarter
            return _Out(start, end, "DATE", f"{y - 1:04d}-Q{q}")
        return _Out(start, end, "DATE", f"{self.ref.year - 1:04d}")


def _is_ascii_letter(ch: str) -> bool:
    c = ord(ch)
    return 97 <= c <= 122 or 65 <= c <= 90


def _spoken_year(s: str) -> int | None:
    words = s.replace("-", " ").split()
    if not words:
        return None
    if words[0] == "two" and len(words) > 1 and words[1] == "thousand":
        rest = [w for w in words[2:] if w != "and"]
        n = parse_number(" ".join(rest)) if rest else 0
        return 2000 + int(n or 0)
    if words[0] == "nineteen":
        rest = words[1:]
        if rest == ["hundred"]:
            return 1900
        n = parse_number(" ".join(rest))
        if n is None:
            return None
        return 1900 + int(n)
    return None


def _ordinal_value(s: str) -> int | None:
    s = " ".join(s.replace("-", " ").split())
    if s in ORDINALS:
        return ORDINALS[s]
    tens = {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
            "eightieth": 80, "ninetieth": 90, "hundredth": 100}  # fmt: skip
    if s in tens:
        return tens[s]
    parts = s.split()
    if len(parts) == 2:
        t = parse_number(parts[0])
        o = ORDINALS.get(parts[1])
        if t is not None and o is not None:
            return int(t) + o
    return None


_EVENT_TOKEN = compile_re(r"\s*(?:[A-Z0-9][\w'’.&-]*|of|the|and|for|de|von)(?![\w])")


def _event_name_end(text: str, pos: int) -> int:
    """End of a capitalised event name at ``pos`` (``the Korean Liberation``); ``pos`` if none."""
    end = pos
    p = pos
    first = True
    has_cap = False
    for _ in range(12):  # event names are short; this also bounds the work
        m = _EVENT_TOKEN.match(text, p)
        if not m:
            break
        word = m.group().strip()
        if word in ("of", "the", "and", "for", "de", "von"):
            if word == "and" and not first:
                # "X and the 20th anniversary": stop at a coordinated new phrase
                nxt = _EVENT_TOKEN.match(text, m.end())
                if not nxt or not nxt.group().strip()[:1].isupper():
                    break
                if nxt.group().strip() in ("the",):
                    break
            p = m.end()
            first = False
            continue
        has_cap = True
        first = False
        p = m.end()
        end = p
        if word.endswith("."):
            break
    if not has_cap:
        return pos
    return end


_ANNIV: dict[str, dt.date] | None = None


def _event_key(name: str) -> str:
    s = compile_re(r"[’']").sub("'", name.lower())
    s = compile_re(r"^the\s+").sub("", s.strip())
    return " ".join(compile_re(r"[^a-z0-9' -]").sub(" ", s).split())


def lookup_anniversary(event: str | None) -> dt.date | None:
    """Base date of a well-known event (``newscli/data/anniversaries.tsv``)."""
    global _ANNIV
    if not event:
        return None
    if _ANNIV is None:
        _ANNIV = {}
        path = Path(__file__).parent / "data" / "anniversaries.tsv"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                continue
            try:
                d = dt.date.fromisoformat(cols[0].strip())
            except ValueError:
                continue
            for alias in cols[1].split("|"):
                _ANNIV[_event_key(alias)] = d
    return _ANNIV.get(_event_key(event))


# --------------------------------------------------------------------------- public API


_A_YMD = compile_re(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_A_WEEK = compile_re(r"(\d{4})-W(\d{2})(-WE)?$")
_A_QH = compile_re(r"(\d{4})-([QH])(\d)$")
_A_SEASON = compile_re(r"(\d{4})-(SP|SU|FA|WI)$")
_NOTE_RE = compile_re(r"(\d{4})(?:-(Q[1-4]|\d{2})(?:-(\d{2}))?)?")
_YEAR_MONTH_RE = compile_re(r"(\d{4})-(\d{2})")
_WORDS_RE = compile_re(r"[a-z]+")
# a weekday in a newspaper's or a programme's name
_WD_NAME_AFTER = compile_re(
    r"[ \t]+(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Independent|Tribune|Star|Sport"
    r"|Observer|Sun|Business|Night\s+Football|Night\s+Live)\b"
)
_WD_NAME_BEFORE = frozenset("Black Bloody Super Ash Palm Holy Maundy Shrove Cyber Blue".split())
_WD_PREPOSITIONS = frozenset("on by since until till from last next this that before after".split())
_YEAR_RANGE_AFTER = compile_re(r"-((?:1[89]|20)\d\d|\d\d)(?![\d-])")
_YEAR_RANGE_BEFORE = compile_re(r"(?<![\d-])((?:1[89]|20)\d\d)-$")
# words before a clipped year ("in '98", "class of '09", "summer of '69")
_CLIPPED_YEAR_CUES = frozenset("in since of from until till by and to through during".split())
_RATE_BEFORE = compile_re(r"(?:\d%|\bpercent|\bper\s+cent|\bpct\.?)\s+$")
# "quarter, which ended Feb. 28", "quarter ending Sept. 30, 2012" (on lower-cased text)
_QUARTER_ENDED = compile_re(
    r",?\s+(?P<how>(?:which\s+|that\s+)?(?:ended|ends|ending)|through|to)\s+"
    r"(?P<mon>" + MON + r")\s*(?P<d>\d{1,2})\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
)


def _anchor(value: str, ref: dt.date | None) -> tuple[str, str] | None:
    """ISO dates bounding a DATE/TIME value, for sorting and filtering."""
    m = _A_YMD.match(value)
    if m:
        y = int(m.group(1))
        if m.group(3):
            d = f"{y:04d}-{m.group(2)}-{m.group(3)}"
            return (d, d)
        if m.group(2):
            mo = int(m.group(2))
            if not 1 <= mo <= 12:
                return None
            last = shift(dt.date(y, mo, 1), "M", 1) - dt.timedelta(days=1)
            return (f"{y:04d}-{mo:02d}-01", last.isoformat())
        return (f"{y:04d}-01-01", f"{y:04d}-12-31")
    m = _A_WEEK.match(value)
    if m:
        try:
            mon = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        if m.group(3):
            return (
                (mon + dt.timedelta(days=5)).isoformat(),
                (mon + dt.timedelta(days=6)).isoformat(),
            )
        return (mon.isoformat(), (mon + dt.timedelta(days=6)).isoformat())
    m = _A_QH.match(value)
    if m:
        y, k, n = int(m.group(1)), m.group(2), int(m.group(3))
        months = 3 if k == "Q" else 6
        first = dt.date(y, (n - 1) * months + 1, 1)
        last = shift(first, "M", months) - dt.timedelta(days=1)
        return (first.isoformat(), last.isoformat())
    m = _A_SEASON.match(value)
    if m:
        y = int(m.group(1))
        a, b = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}[m.group(2)]
        first = dt.date(y, a, 1)
        yb = y + 1 if b < a else y
        last = shift(dt.date(yb, b, 1), "M", 1) - dt.timedelta(days=1)
        return (first.isoformat(), last.isoformat())
    m = compile_re(r"(\d{3})$").match(value)
    if m:
        d0 = int(m.group(1)) * 10
        return (f"{d0:04d}-01-01", f"{d0 + 9:04d}-12-31")
    m = compile_re(r"(\d{2})$").match(value)
    if m:
        c0 = int(m.group(1)) * 100
        return (f"{c0:04d}-01-01", f"{c0 + 99:04d}-12-31")
    if value == "PRESENT_REF" and ref:
        return (ref.isoformat(), ref.isoformat())
    return None


def tag(
    seg: Segmentation,
    ref: dt.date | None,
    *,
    dateline: Dateline | None = None,
    timeml: bool = False,
    warnings: list[str] | None = None,
) -> list[Timex]:
    """Time expressions in document order (what the bench scores).

    ``timeml=True`` keeps to what TimeML annotates as TIMEX3: anniversaries (``the 75th
    anniversary of ...``), which the timeline shows as dates, are event nouns there.
    ``warnings`` receives a line for each expression the calendar cannot resolve."""
    text = seg.text
    low = _lower(text)
    doc = _Doc(text=text, low=low, seg=seg, ref=ref, dateline=dateline, timeml=timeml)
    out: list[Timex] = []
    cands = _candidates(low, seg.body_start, doc.warnings)
    if timeml:
        cands = [c for c in cands if c.rule != "anniv"]
    for group in _clusters(cands):
        # the preferred candidate that normalises wins; the rest of its span stays open
        accepted: list[tuple[_Cand, _Out]] = []
        starts: list[int] = []  # sorted starts of the accepted (disjoint) candidate spans
        ends: list[int] = []
        for c in group:
            k = bisect_left(starts, c.end)  # accepted spans starting before c ends
            if k and ends[k - 1] > c.start:
                continue
            o = doc.norm_total(c)
            if o is not None:
                accepted.append((c, o))
                starts.insert(k, c.start)
                ends.insert(k, c.end)
        if len(accepted) > 1:
            accepted.sort(key=lambda co: co[1].start)
        for c, o in accepted:
            try:
                out.extend(_emit(doc, c, o, seg, ref))
            except (OverflowError, ValueError):  # a neighbour day past the calendar's end
                doc.warnings.append(
                    f"time expression {text[o.start : o.end]!r} at {o.start} is out of the "
                    "calendar's range: left out"
                )
                continue
            if c.rule == "md" and doc.ref is not None and _is_dateline(text, seg.body_start, o):
                # "WASHINGTON, August 13 (Xinhua) --": the story's own day is the better reference
                d = dt.date.fromisoformat(o.value)
                if 0 <= (doc.ref - d).days <= 3:
                    doc.ref = d
    if warnings is not None:
        warnings.extend(doc.warnings)
    return out


_DATELINE_LEAD = compile_re(
    r"(?:^|\n)\s*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30}){0,2},\s*$"
)


_CLOCK_PREPOSITIONS = frozenset(
    "at until till by from before after since around about to least between".split()
)
_DAY_NEXT_TO = compile_re(r"(?<![a-z])(?:the\s+)?day\s+(before|after)\s+$")


def _is_dateline(text: str, body_start: int, o: _Out) -> bool:
    """Is ``o`` the date of a wire dateline (``MOSCOW, April 27``) near the start of the body?"""
    if o.start - body_start > 200 or not compile_re(r"\d{4}-\d{2}-\d{2}").fullmatch(o.value):
        return False
    return _DATELINE_LEAD.search(text, max(body_start, o.start - 80), o.start) is not None


def _emit(doc: _Doc, c: _Cand, o: _Out, seg: Segmentation, ref: dt.date | None) -> list[Timex]:
    text = seg.text
    out: list[Timex] = []
    if o.start >= 0:
        while o.end > o.start and text[o.end - 1] in " \t\n,":
            o.end -= 1
        if o.end <= o.start:
            return out
        if o.type == "DATE" and len(o.value) == 10 and o.value[:4].isdigit():
            near = _DAY_NEXT_TO.search(doc.low, max(0, o.start - 16), o.start)
            if near is not None:
                # "the day before last Tuesday's hearing", "the day after Christmas"
                d = dt.date.fromisoformat(o.value)
                d += dt.timedelta(days=-1 if near.group(1) == "before" else 1)
                o.start = near.start()
                o.value = d.isoformat()
        doc.out.append(o)
        if (
            o.type in ("DATE", "TIME")
            and o.topic
            and c.rule not in ("rel", "daypart", "ref", "yago")
        ):
            doc.note(o.value)
        anchor = o.anchor if o.type == "DURATION" else None
        if o.type in ("DATE", "TIME"):
            anchor = _anchor(o.value, ref)
        si = seg.sentence_index(o.start)
        sent = Span(seg.sentences[si].start, seg.sentences[si].end) if si >= 0 else None
        out.append(
            Timex(
                start=o.start,
                end=o.end,
                text=text[o.start : o.end],
                type=o.type,
                value=o.value,
                anchor=anchor,
                sentence=sent,
                mod=o.mod,
            )
        )
        pair = _DAY_PAIR.match(text, o.end) if c.rule == "md" and len(o.value) == 10 else None
        if pair and o.value[:4].isdigit():
            # "on April 24 and 25": the second day is a date of its own (TimeML tags each)
            y, mo, d1 = (int(x) for x in o.value.split("-"))
            d2 = int(pair.group(1))
            if d1 < d2 and valid_day(y, mo, d2):
                o2 = _Out(pair.start(1), pair.end(1), "DATE", f"{y:04d}-{mo:02d}-{d2:02d}")
                out.extend(_emit(doc, c, o2, seg, ref))
    return out


def extract_timeline(
    seg: Segmentation,
    ref: dt.date | None,
    *,
    dateline: Dateline | None = None,
    warnings: list[str] | None = None,
) -> list[Timex]:
    """The article's time expressions ordered chronologically: anchored items by their anchor
    (begin, then end, then position), then sets and unanchored items in document order."""
    items = tag(seg, ref, dateline=dateline, warnings=warnings)
    dated = [t for t in items if t.anchor is not None]
    rest = [t for t in items if t.anchor is None]
    # (tag returns document order)
    dated.sort(key=lambda t: (t.anchor[0], t.anchor[1], t.start))  # type: ignore[index]
    return dated + rest
