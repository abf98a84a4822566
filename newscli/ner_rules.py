"""The rule-and-gazetteer recogniser: capitalised chunks in, typed name mentions out.

Why rules: no model download, ~50x faster than a small statistical tagger, and every decision
can be explained. The recogniser works per *unit* (a sentence, or a line of a sentence when the
line is a headline, dateline or table row) in three steps:

1. Decide how far capitalisation can be trusted: in ALL-CAPS and Title-Case lines, and for the
   first word of a unit, a capitalised common English word is not a name unless a gazetteer or
   the rest of the document says so.
2. Cut runs of capitalised words (joined by ``of``, ``de``, ``bin``, initials ...) into chunks.
3. Type each chunk from strong cues (gazetteers, organisation and place heads, titles, given
   names, initials, patronymics, East Asian names) or leave it weak; weak and ALL-CAPS mentions
   are then settled from what the document says elsewhere (``Putin`` after ``Vladimir Putin``).

Every loop is linear in the number of tokens; there are no regular expressions with nested
quantifiers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter
from typing import Final

from newscli import ner_lexicon as lx
from newscli.gazetteer import AnyGazetteer, Place, load, multi_lengths
from newscli.model import Token
from newscli.ner_page import agency_pair, camel_company, furniture, modifier_compound, party_town
from newscli.ner_sport import score_after
from newscli.regex_cache import compile as compile_re
from newscli.segment import Segmentation, tokenize

_QUOTES_OPEN: Final = frozenset("\"'“‘«(`[")
_POSSESSIVE: Final = frozenset(("'s", "’s", "'S", "’S"))
_DIGIT: Final = compile_re(r"\d")
_LOWER_WORD: Final = compile_re(r"\b[a-z]{4,}")
_LOWER3_WORD: Final = compile_re(r"\b[a-z]{3}\b")
# nine matches of _LOWER_WORD (the ones findall finds, in turn): a match stops at the ninth
# instead of listing every word. Each step is a look-ahead then its back-reference, an atomic
# group that Python 3.10 can write: nothing is retried, so a failure is linear too
_NINE_LOWER_WORDS: Final = compile_re(r"(?:(?=(.*?\b[a-z]{4,}))\1){9}", re.S)
_HEADLINE_LOWER: Final = frozenset("and the for but nor off out via".split())
# an ALL-CAPS word (the group: \b[A-Z]{2,}\b) or a Title-Case one (\b[A-Z][a-z]{3,}), counted in
# one scan: the two never overlap (both start at a word boundary, the second letter decides)
_UPPER_OR_TITLE: Final = compile_re(r"\b(?:([A-Z]{2,})\b|[A-Z][a-z]{3,})")
# the group of the pattern above, \b[A-Z]{2,}\b, written to open with a character class (the
# engine then skips ahead to the next capital in C) and the boundary before it as a look-behind
_ALL_CAPS_WORD: Final = compile_re(r"[A-Z](?<!\w[A-Z])[A-Z]+\b")
# the translation table of _caps_mode's line shapes (ASCII: lower-case letter "a", capital "A",
# digit or underscore "0", any other character " ")
_SHAPES: Final = bytes.maketrans(
    bytes(range(128)),
    bytes(
        97 if 97 <= c <= 122 else 65 if 65 <= c <= 90 else 48 if 48 <= c <= 57 or c == 95 else 32
        for c in range(128)
    ),
)
_ISO_DATE: Final = compile_re(r"\d{4}-\d\d-\d\d$")
# Abbreviations written with a full stop inside a name: "Mr. Smith", "Gen. Powell", "St. Louis".
_ABBREV: Final = frozenset(
    "Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Capt Sgt Maj Adm Cmdr Prof Rev Hon St Mt Ft Jr Sr Pres"
    " Supt Insp Det Brig Lieut Cdr Fr Msgr".split()
)
_STATE_HEADS: Final = frozenset(
    "republic kingdom commonwealth state states emirate principality".split()
)
_WEEKDAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DAY_EPITHETS: Final = frozenset(
    "black bloody good super ash palm holy maundy shrove cyber easter".split()
)
_EVENT_HEADS: Final = frozenset("hurricane typhoon cyclone storm tropical operation".split())
_LANGUAGE_CUES: Final = frozenset(
    "in into speak speaks spoke spoken speaking fluent learn learned learning translated".split()
)
_COORD: Final = frozenset((" and ", ", ", " or ", ", and ", " & "))
_APPOSITIVE_GLUE: Final = frozenset("the a an of and for 's ’s".split())
# Hostile-input guards: a run of capitalised words longer than this is not one name; past
# this many chunks in one document (a normal article has ~100) only list lookups run; sentences
# and tokens past the unit and token budgets (a book, not an article: ~60x a long article) are
# not read.
_MAX_RUN: Final = 14
_CHUNK_BUDGET: Final = 5_000
_UNIT_BUDGET: Final = 4_000
_TOKEN_BUDGET: Final = 60_000
_ES_STEMS: Final = ("oes", "ses", "xes", "zes", "ches", "shes")
_LEGAL_SUFFIXES: Final = frozenset("inc corp ltd co plc llc ag sa nv gmbh bv".split())
# "(D-Nev.)", "(R-S.C.)": a party and state after a lawmaker's name, not an entity (tried only
# on words with a hyphen: a regular expression call costs more than the test)
_PARTY_STATE: Final = compile_re(r"[DRI]-[A-Z][A-Za-z]{0,3}\.?$")
_ROLE_PREP: Final = frozenset("to of for at in on with".split())
_ROLE_GLUE: Final = _ROLE_PREP | _APPOSITIVE_GLUE
_COMPASS: Final = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast"
    " southwest central".split()
)
# a newspaper's word after its place: "The Washington Post" in a Title-Case byline
_PAPER_WORDS: Final = frozenset(
    """post times journal herald tribune telegraph guardian gazette observer chronicle globe
    star sun mirror express courier dispatch inquirer bulletin""".split()
)
_OFFICE_WORDS: Final = frozenset("office department bureau".split())
# bodies named by their purpose, whose names run on over "for the" / "of the"
_PURPOSE_HEADS: Final = frozenset(
    """committee committees commission council association foundation centre center institute
    fund coalition alliance campaign society league union federation movement front party
    ministry agency""".split()
)
_SENT_PUNCT: Final = frozenset(".!?:;\"“”'‘’«»()[]-–—|•·▪●■►")  # (and a bullet)


# a match score ("beat Arsenal 2-1", "drew 0-0") and the words of a match report
_SCORE_AT = compile_re(r"(?<![\d.,-])\d{1,2}-\d{1,2}(?![\d-])")
_RESULT_BEFORE = compile_re(r"\b(?:beat|drew|won|lost|draw|win|defeat|victory)\b[^.\n]*$")


def _has_score(text: str) -> bool:
    """A match result: a score after a verb of winning or before a noun of the result
    (``a 2-1 victory``). Found from the hyphens (a search in
    C): a regular-expression scan of every article cost more than the rest of this check."""
    i = text.find("-", 1)
    checked = 0
    while i != -1 and checked < 2000:
        if text[i - 1].isdigit() and text[i + 1 : i + 2].isdigit():
            checked += 1
            k = i - 1
            if k > 0 and text[k - 1].isdigit():
                k -= 1
            m = _SCORE_AT.match(text, k)
            if m is not None and (
                _RESULT_BEFORE.search(text, max(0, k - 45), k) or score_after(text, m.end())
            ):
                return True
        i = text.find("-", i + 1)
    return False


_MATCH_WORDS_RE = compile_re(
    r"\b(?:goals?|scored|scorer|penalty|striker|midfielder|goalkeeper|defender|coach|league"
    r"|match|fixture|halftime|half-time|stadium|playoffs?|touchdown|quarterback|innings?|wicket"
    r"|tournament|championship|manager|referee|minute|season|squad|club)\b"
)
_ZONE_REGIONS = frozenset("eastern central mountain pacific atlantic alaska hawaii".split())


def _zone_name(u: _Unit, idx: list[int]) -> bool:
    """``Eastern time``, ``Pacific Daylight Time``: the chunk and the word after it name a
    time zone."""
    words = [u.forms[m].lower() for m in idx]
    after = idx[-1] + 1
    if after < len(u.toks):
        words.append(u.toks[after].text.lower())
    if len(words) >= 2 and words[1] in ("standard", "daylight"):
        del words[1]
    return words[1:2] == ["time"]


class Raw:
    """A typed mention before merging (a plain slotted class: ~11k are made per 100 articles
    and a dataclass ``__init__`` with defaults is slower)."""

    __slots__ = (
        "canon",
        "caps",
        "end",
        "first_word_start",
        "label",
        "role",
        "start",
        "strong",
        "unit",
        "words",
    )

    def __init__(
        self,
        start: int,
        end: int,
        label: str,
        strong: bool,
        canon: str | None = None,
        role: str | None = None,
        caps: bool = False,
        words: tuple[str, ...] = (),
        unit: int = 0,
        first_word_start: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.label = label
        self.strong = strong
        self.canon = canon  # gazetteer canonical (country alias table, demonym place)
        self.role = role  # title/description as written next to a person
        self.caps = caps  # found in an ALL-CAPS line (its text is not the display form)
        self.words = words  # the name's words (forms), for surname matching
        self.unit = unit
        self.first_word_start = first_word_start  # the mention starts its unit

    def __repr__(self) -> str:
        return (
            f"Raw({self.start}, {self.end}, {self.label!r}, strong={self.strong}, "
            f"canon={self.canon!r}, role={self.role!r}, words={self.words!r})"
        )


class _Unit:
    """One unit's tokens and per-word features (a plain slotted class: built once per sentence,
    a dataclass ``__init__`` with list factories cost more than the fields it fills)."""

    __slots__ = ("cap", "caps", "dateline", "forms", "index", "text_caps", "toks", "words")

    def __init__(self, toks: list[Token], caps: bool, index: int) -> None:
        self.toks = toks
        self.caps = caps  # ALL-CAPS or Title-Case: capitalisation is no evidence
        self.index = index
        self.words: list[str] = []  # the tokens' texts
        self.forms: list[str] = []
        self.cap: list[bool] = []
        self.text_caps = False  # ALL-CAPS (not merely Title-Case)
        self.dateline = False  # "NEW YORK 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29"


def _form(text: str, caps: bool) -> str:
    """The spelling to look up: ALL-CAPS words are title-cased (``MOSCOW`` -> ``Moscow``)."""
    if text.isupper() and (len(text) > 1 if caps else len(text) > 4):
        return "-".join(p.capitalize() for p in text.split("-"))
    return text


_LONE_LAWS: Final = frozenset(("constitution", "charter", "treaty"))
_NUMBERED_LAWS: Final = frozenset(("bill", "proposition", "prop", "measure", "initiative"))
_BILL_PREFIXES: Final = frozenset(("S.B.", "H.B.", "A.B.", "SB", "HB", "AB", "H.R.", "S."))


def _is_number(w: str) -> bool:
    return w.isdigit() and len(w) <= 5


def _is_cap(t: str) -> bool:
    """A capitalised word (not ``COVID-19``, not ``4-6``, not a contraction: ``Don't``,
    ``We'll``)."""
    return t[0].isupper() and (
        t.isalpha()
        or (t[0].isalpha() and _DIGIT.search(t) is None and not t.lower().endswith(_CONTRACTIONS))
    )


_CONTRACTIONS: Final = tuple(a + e for a in "'’" for e in ("t", "ll", "re", "ve", "m", "d"))


_KNOWN_MULTI_LEN: Final = multi_lengths(k for k in lx.KNOWN_NAMES if " " in k)
# word -> (its lookup form in running text, is it capitalised): _form(w, False) and _is_cap(w),
# cached across documents for the words that do not open with a lower-case ASCII letter
_WORDS: Final[dict[str, tuple[str, bool]]] = {}
_START: Final = attrgetter("start")


def _count_mid_cap(mid_caps: dict[str, int], words: list[str], k: int) -> None:
    """Count ``words[k]``, a capitalised word between two others, unless a sentence mark or
    a connector stands before it (then it may open a sentence or continue a name)."""
    before = words[k - 1]
    if before not in _SENT_PUNCT and before not in lx.CONNECTORS:
        w = words[k]
        mid_caps[w] = mid_caps.get(w, 0) + 1


def _org_word(low: str) -> bool:
    """An organisation's head or suffix, plurals too (``Centers for Disease Control``)."""
    if low in lx.ORG_HEADS or low in lx.ORG_SUFFIXES:
        return True
    return low.endswith("s") and (low[:-1] in lx.ORG_HEADS or low[:-1] in lx.ORG_SUFFIXES)


def _is_title(low: str) -> bool:
    """A title word, hyphenated ones too (``major-general``, ``vice-premier``)."""
    if low in lx.TITLES:
        return True
    return "-" in low and all(p in lx.TITLES for p in low.split("-"))


def _split_units(seg: Segmentation, notes: list[str] | None = None) -> list[list[Token]]:
    """Sentences, cut further at line breaks that end a headline, dateline or table row.
    Past the unit and token budgets (hostile input) the rest is not read: ``notes`` says so."""
    text = seg.text
    units: list[list[Token]] = []
    if seg.title is not None:
        units.append(tokenize(text, seg.title.start, seg.title.end))
    starts = seg.token_starts
    sentences = seg.sentences
    if len(sentences) > _UNIT_BUDGET:  # hostile input: a normal article has ~30 sentences
        if notes is not None:
            notes.append(
                f"entities cut short: only the first {_UNIT_BUDGET:,} of {len(sentences):,} "
                f"sentences are read for names (a limit against hostile input); the text from "
                f"character {sentences[_UNIT_BUDGET].start:,} of {len(text):,} is not"
            )
        sentences = sentences[:_UNIT_BUDGET]
    left = _TOKEN_BUDGET
    n_toks = len(starts)
    j = 0
    for s in sentences:
        # the tokens that start inside the sentence (Segmentation.token_range): sentences are
        # in order and only white space lies between them, so the first token is most often
        # where the previous sentence's tokens ended (checked, else found by bisection)
        a = s.start
        if (j == n_toks or starts[j] >= a) and (j == 0 or starts[j - 1] < a):
            i = j
        else:
            i = bisect_right(starts, a - 1)
        j = bisect_right(starts, s.end - 1, i)
        if j - i > left:  # hostile input: stop reading past the token budget
            j = i + left
            if notes is not None:
                notes.append(
                    f"entities cut short: only the first {_TOKEN_BUDGET:,} words are read for "
                    f"names (a limit against hostile input); the text from character "
                    f"{starts[j] if j < n_toks else len(text):,} of {len(text):,} is not"
                )
        left -= j - i
        if i >= j:
            break
        toks = seg.token_slice(i, j)  # made per sentence: a long article's are not all kept
        nl = text.find("\n", s.start, s.end)
        if nl < 0:  # one line: the sentence is the unit
            units.append(toks)
            continue
        # visit the line breaks, not the tokens: the token after a break is found by bisection
        # (a break is white space, so it lies between two tokens)
        cut = i
        while nl >= 0:
            k = bisect_right(starts, nl, i, j)  # the first token after the break
            if k >= j:
                break
            if k > i:
                p = toks[k - 1 - i].text
                last = p[-1]
                if (not last.isalpha() or (p.isupper() and len(p) > 1) or p in lx.MONTHS_DAYS) and (
                    last not in ",(" and p not in {"of", "and", "the"}
                ):
                    units.append(toks[cut - i : k - i])
                    cut = k
            nl = text.find("\n", toks[k - i].end, s.end)
        units.append(toks[cut - i :])
    return units


def _caps_mode(text: str, toks: list[Token], first: bool = False) -> bool:
    """ALL-CAPS (headline, dateline) or Title-Case (headline) line. The words are counted over
    the whole line at C speed: from the line's shape (below) when it is ASCII, otherwise with
    regular expressions."""
    a = toks[0].start
    b = toks[-1].end
    is_long = b - a > 150
    if is_long:
        # running text settles it within its first 150 characters: tested on those alone (most
        # lines stop here), by the same two means as below (the shape of an ASCII window, whole
        # line ASCII or not, counts what the regular expression counts there)
        head = text[a : a + 150]
        if head.isascii():
            head_shape = head.encode("ascii").translate(_SHAPES)
            if head_shape.startswith(b"aaaa") + head_shape.count(b" aaaa") > 8:
                return False
        elif _NINE_LOWER_WORDS.match(head) is not None:
            return False
    line = text[a:b]
    if line.isascii():
        # one byte per character: "a" lower-case, "A" capital, "0" another word character, " "
        # anything else. A lower-case word (_LOWER_WORD) is then "aaaa" at the start or after a
        # " ", a Title-Case one "Aaaa": counted by bytes.count, not by the regular expression
        # engine stepping through every character (about ten times the work)
        shape = line.encode("ascii").translate(_SHAPES)
        lower_first = shape.startswith(b"aaaa")
        # a shorter line with a lower-case word and no ALL-CAPS word (as below). bytes.find,
        # not "in": CPython's bytes "in" first tries the operand as an integer, and raising and
        # clearing that TypeError costs more than the search
        if (
            not is_long
            and (lower_first or shape.find(b" aaaa") >= 0)
            and (shape.find(b"AA") < 0 or _ALL_CAPS_WORD.search(line) is None)
        ):
            return False
        if line.isupper():
            return True
        lower = lower_first + shape.count(b" aaaa", 0, 300)
        if lower > 8:  # running text: its first 300 characters settle it
            return False
        if len(line) > 300:
            lower = lower_first + shape.count(b" aaaa")
            if lower > 8:
                return False
        title = shape.startswith(b"Aaaa") + shape.count(b" Aaaa")
        upper = len(_ALL_CAPS_WORD.findall(line)) if shape.find(b"AA") >= 0 else 0
    else:
        # a line longer than 150 characters was tested on its first 150 above (the matches in a
        # shorter window are a subset of those in the 300-character one below, so the answer is
        # the same as without that test); a shorter line with a lower-case word and no ALL-CAPS
        # word: both tests below fail (the first needs an ALL-CAPS word, the Title-Case one no
        # lower-case word)
        if (
            not is_long
            and _LOWER_WORD.search(line) is not None
            and _ALL_CAPS_WORD.search(line) is None
        ):
            return False
        if line.isupper():
            return True
        lower = len(_LOWER_WORD.findall(line, 0, 300))
        if lower > 8:  # running text: its first 300 characters settle it
            return False
        if len(line) > 300:
            lower = len(_LOWER_WORD.findall(line))
            if lower > 8:
                return False
        # one pass for both counts: the ALL-CAPS words are the matches with a group
        caps_words = _UPPER_OR_TITLE.findall(line)
        title = caps_words.count("")
        upper = len(caps_words) - title
    words = upper + lower + title
    if upper >= 1 and upper >= 0.6 * words and lower <= 0.25 * words:
        return True
    # Title Case headline: long words are all capitalised, no final full stop.
    if title < 3 or lower or len(toks) < 4:
        return False
    # a final full stop is allowed on a line that stands alone (a headline, a heading)
    if toks[-1].text in '.!?"”':
        a = toks[0].start
        return (
            (first or a == 0 or text[a - 1] == "\n")
            and text[toks[-1].end : toks[-1].end + 1] in ("\n", "")
            # a headline capitalises its short words too ("As", "Win"); prose does not ("met")
            and all(w in _HEADLINE_LOWER for w in _LOWER3_WORD.findall(line))
        )
    return True


class Recogniser:
    """One document's recognition state (gazetteer, document memory, mentions)."""

    def __init__(self, seg: Segmentation, gaz: AnyGazetteer | None = None) -> None:
        self.seg = seg
        self.text = seg.text
        g = gaz or load()
        # the gazetteer's lists held here: compiled, an attribute of this class is a struct
        # field, one of the gazetteer (either form) a dictionary lookup
        self.places = g.places
        self.demonyms: dict[str, str] = g.demonyms
        self.given = g.given
        self.surnames = g.surnames
        self.common = g.common
        self.languages: frozenset[str] = g.languages
        self.multi_first = g.multi_first
        self.multi_len = g.multi_len
        self.max_place_tokens: int = g.max_place_tokens
        self.out: list[Raw] = []
        # capitalised words seen alone mid-sentence in normal text, with their counts
        self.mid_caps: dict[str, int] = {}
        self.sports = False
        # sentence-initial common words set aside: "May" is a name if "Theresa May" is
        self.dropped: list[tuple[_Unit, int]] = []
        # chunks analysed in full; past the budget (hostile input) only the list lookups run
        self.budget = _CHUNK_BUDGET
        # what was cut short, for the article's warnings
        self.notes: list[str] = []

    # ---------------------------------------------------------------------------- driver
    def run(self) -> list[Raw]:
        raw_units = _split_units(self.seg, self.notes)
        text = self.text
        units = [
            _Unit(toks, _caps_mode(text, toks, n == 0), n)
            for n, toks in enumerate(raw_units)
            if toks
        ]
        cache = _WORDS
        if len(cache) > 200_000:
            cache.clear()
        mid_caps = self.mid_caps
        for u in units:
            toks = u.toks
            if text.find("-", toks[0].start, toks[-1].end) >= 0:
                toks = u.toks = self._split_hyphens(toks, u.caps)
            words = u.words = [t.text for t in toks]
            n_words = len(words)
            caps = u.caps
            forms = u.forms
            cap = u.cap
            # one pass: each word's form and whether it is capitalised. A word that opens with a
            # lower-case ASCII letter is neither (about two words in three); the others are
            # looked up in a cache shared by documents. A capitalised word alone in running
            # text is counted (mid_caps) once the word after it is known.
            prev = prev2 = False  # the previous two words are capitalised
            for k in range(n_words):
                w = words[k]
                c = ord(w[0])
                if 97 <= c <= 122:
                    forms.append(w)
                    cap.append(False)
                    is_cap = False
                else:
                    e = cache.get(w)
                    if e is None:
                        e = cache[w] = (_form(w, False), _is_cap(w))
                    forms.append(e[0])
                    is_cap = e[1]
                    cap.append(is_cap)
                if prev and not prev2 and not is_cap and k >= 2 and not caps:
                    _count_mid_cap(mid_caps, words, k - 1)
                prev2 = prev
                prev = is_cap
            if prev and not prev2 and n_words >= 2 and not caps:
                _count_mid_cap(mid_caps, words, n_words - 1)
            if caps:
                u.forms = [_form(w, True) for w in words]
                u.text_caps = sum(w.isupper() for w in words) * 2 > n_words
            u.dateline = (
                u.index <= 3
                and n_words <= 12
                and cap[0]
                and any(_ISO_DATE.match(w) or w in lx.MONTHS_DAYS for w in words)
            )
        self.sports = self._is_sports(units)
        for u in units:
            if not u.caps:
                self._unit(u)
        memory = self._memory()
        for u, k in self.dropped:
            if u.forms[k].lower() in self.person_parts_strong:
                self._emit(u, [k], "PERSON", True)
        for u in units:
            if u.caps:
                self._unit(u, memory)
        self._resolve(memory)
        return self.out

    def _is_sports(self, units: list[_Unit]) -> bool:
        """A team-sport report (from its headline, or from a score and the words of a match
        report in its body): towns there are mostly clubs."""
        for u in units[:2]:
            for t in u.toks[:3]:
                if t.text.lower() in lx.TEAM_SPORTS:
                    return True
        text = self.text
        if not _has_score(text):
            return False
        found = set(_MATCH_WORDS_RE.findall(text[:20000].lower()))
        return len(found) >= 4

    def _split_hyphens(self, toks: list[Token], caps: bool) -> list[Token]:
        """``DPRK-Russia`` -> ``DPRK`` ``-`` ``Russia`` when every part is a known place."""
        out: list[Token] | None = None
        places = self.places
        for n, t in enumerate(toks):
            w = t.text
            if "-" in w and _is_cap(w) and not (n + 1 < len(toks) and _is_cap(toks[n + 1].text)):
                parts = w.split("-")
                if len(parts) > 1 and all(
                    p and (_form(p, caps) in places) and places[_form(p, caps)].kind == "C"
                    for p in parts
                ):
                    if out is None:
                        out = list(toks[:n])
                    pos = t.start
                    for m, p in enumerate(parts):
                        if m:
                            out.append(Token(pos, pos + 1, "-"))
                            pos += 1
                        out.append(Token(pos, pos + len(p), p))
                        pos += len(p)
                    continue
            if out is not None:
                out.append(t)
        return toks if out is None else out

    # ---------------------------------------------------------------------------- units
    def _known(self, f: str) -> bool:
        return (
            f in self.places
            or f in self.demonyms
            or f in lx.KNOWN_ORGS
            or f in lx.KNOWN_NAMES
            or self.mid_caps.get(f, 0) >= 2
        )

    def _is_common(self, low: str) -> bool:
        """An English word (``automakers``, ``re-education`` by their parts)."""
        common = self.common
        if low in common:
            return True
        if (
            low.endswith("s")
            and (
                low[:-1] in common
                # -es after a sibilant or -o ("goes", "watches"), not "James" (jam) or "Hayes"
                or (low.endswith(_ES_STEMS) and low[:-2] in common)
            )
        ):
            return True
        if "-" in low:
            last = low.rsplit("-", 1)[1]
            return last in common or (last.endswith("s") and last[:-1] in common)
        return False

    def _multi_place(self, forms: list[str], k: int) -> int:
        """Length of a multi-word gazetteer name starting at ``forms[k]`` (``New York``)."""
        first = forms[k]
        if " " in first:
            top = self.max_place_tokens
        else:  # no longer name opens with this word: try only the lengths that exist
            top = min(
                self.max_place_tokens,
                max(self.multi_len.get(first, 0), _KNOWN_MULTI_LEN.get(first, 0)),
            )
            if top < 2:
                return 0
        for m in range(min(len(forms), k + top), k + 1, -1):
            name = " ".join(forms[k:m])
            if name in self.places or name in self.demonyms or name in lx.KNOWN_NAMES:
                return m - k
        return 0

    def _in_city(self, forms: list[str], e: int) -> bool:
        """``Embassy in Pyongyang``: a city after ``in`` is a place of its own."""
        p: Place | None = self.places.get(forms[e])
        return p is not None and p.kind in "TS"

    def _of_place(self, forms: list[str], k: int, j: int, e: int) -> bool:
        """``Karlsruhe of Germany``: ``of`` + a country does not continue a name unless the
        name so far has an organisation head (``Bank of England``)."""
        p: Place | None = self.places.get(forms[e])
        if p is None:
            span = self._multi_place(forms, e)
            if span:
                p = self.places.get(" ".join(forms[e : e + span]))
        if p is None or p.kind not in "CS":
            return False
        # a title right before "of" keeps it ("Foreign Minister of France"); a title further
        # left does not ("King Hussein of Jordan", "Rep. Elijah Cummings of Maryland")
        if forms[j - 1].lower().rstrip(".") in lx.TITLES:
            return False
        return not any(
            f.lower() in lx.ORG_HEADS
            or f.lower() in lx.ORG_SUFFIXES
            or f.lower() in lx.LOC_SUFFIXES
            or f.lower() in _STATE_HEADS
            for f in forms[k:j]
        )

    def _unit(self, u: _Unit, memory: dict[str, tuple[str, str | None]] | None = None) -> None:
        toks = u.toks
        words = u.words  # words[k], as a plain list
        forms = u.forms
        n = len(toks)
        cand = [False] * n
        caps = u.caps
        capl = u.cap
        for k in range(n):
            if not capl[k]:
                continue
            prev = words[k - 1] if k else ""
            start_pos = k == 0 or prev in _SENT_PUNCT
            if not start_pos and not caps:
                # mid-sentence in running text: every branch below makes it a candidate
                cand[k] = True
                continue
            w = words[k]
            f = forms[k]
            if (
                prev == "."
                and k >= 2
                and (
                    (cand[k - 2] and (len(words[k - 2]) == 1 or words[k - 2] in _ABBREV))
                    or (words[k - 2] == "v" and k >= 3 and cand[k - 3])
                )
            ):
                start_pos = False  # after an initial or a title: "M. Butcher", "Mr. Smith"
                cand[k] = True
                continue
            elif (
                k
                and cand[k - 1]
                and forms[k - 1] in self.given
                and not u.text_caps
                and f.lower() not in lx.FUNCTION_WORDS
                and f not in self.places
                and f.lower() not in lx.SPEECH_VERBS
                and not (  # a headline verb: "Lindsey Graham Says", "Clinton Goes"
                    u.caps
                    and f[-1] == "s"
                    and f not in self.surnames
                    and self._is_common(f.lower())
                    and not self._known(f)
                )
            ):
                start_pos = False  # a surname after a given name: "Tiger Woods"
                cand[k] = True
                continue
            if u.caps or start_pos:
                low = f.lower()
                if f in self.multi_first or f in lx.KNOWN_NAMES_FIRST:
                    span = self._multi_place(forms, k)
                    if span:
                        for m in range(k, k + span):
                            cand[m] = True
                        continue
                if (
                    len(w) == 1
                    and k + 1 < n
                    and words[k + 1] == "."
                    and (toks[k + 1].start == toks[k].end and k + 2 < n and u.cap[k + 2])
                ):
                    cand[k] = True
                    continue
                if low in lx.FUNCTION_WORDS:
                    continue
                if (
                    low in lx.TITLES
                    and not u.caps
                    and k + 2 < n
                    and (u.cap[k + 1] or (words[k + 1] == "of" and u.cap[k + 2]))
                ):
                    cand[k] = True  # "Pope Francis said", "President Putin arrived"
                    continue
                if low in _EVENT_HEADS and k + 1 < n and u.cap[k + 1] and not u.caps:
                    cand[k] = True  # "Hurricane Sandy hit", "Tropical Storm Debby weakened"
                    continue
                if (
                    (
                        self._is_common(low)
                        and not self._known(f)
                        and not (u.caps and (w in lx.KNOWN_ORGS or w in self.places))
                    )
                    and (memory is None or low not in memory)
                    and not (
                        low in _PAPER_WORDS
                        and k > 0
                        and cand[k - 1]
                        and forms[k - 1] in self.places
                    )
                    and not (
                        # "Business Secretary Jane Doe said": the portfolio before a title
                        k + 2 < n
                        and not caps
                        and u.cap[k + 1]
                        and u.cap[k + 2]
                        and forms[k + 1].lower() in lx.ROLE_HEADS
                    )
                    and not (
                        f in self.given
                        and k + 1 < n
                        and u.cap[k + 1]
                        and not self._known(forms[k + 1])
                    )
                ):
                    if memory is None and not (k + 1 < n and u.cap[k + 1]):
                        self.dropped.append((u, k))
                    continue
            cand[k] = True
        done = 0
        for k in range(n):
            if not cand[k] or k < done:
                continue
            j = k + 1
            case = False
            while j < n:
                if cand[j]:
                    j += 1
                    continue
                w = words[j]
                if w == "v" and j + 2 < n and words[j + 1] == "." and cand[j + 2]:
                    case = True  # "Roe v. Wade": a court case
                    j += 2
                    continue
                # initials and abbreviations: "P. Simmons", "St. Louis"
                if (
                    w == "."
                    and toks[j - 1].end == toks[j].start
                    and (len(words[j - 1]) == 1 or words[j - 1] in _ABBREV)
                ):
                    if j + 1 < n and cand[j + 1]:
                        j += 1
                        continue
                    break
                if w in _POSSESSIVE and j + 1 < n and cand[j + 1]:
                    # "People's Republic"; "St. Peter's Square" (a place head right after 's)
                    nl = forms[j + 1].lower()
                    if forms[j - 1] == "People" or (
                        (
                            nl in lx.FAC_SUFFIXES
                            or nl in lx.LOC_SUFFIXES
                            # "the District Attorney's Office": an office named by its holder
                            or (nl in _OFFICE_WORDS and forms[j - 1].lower() in lx.TITLES)
                        )
                        and (j + 2 >= n or not cand[j + 2])
                    ):
                        j += 1
                        continue
                if w in lx.CONNECTORS:
                    e = j
                    while e < n and e < j + 3 and words[e] in lx.CONNECTORS:
                        e += 1
                    if e >= n or not cand[e] or e == j + 3:
                        break
                    if all(
                        words[m] in lx.NAME_PARTICLES or words[m] in ("of", "&")
                        for m in range(j, e)
                    ) and (e - j == 1 or words[j] != "of"):
                        if w == "of" and self._of_place(forms, k, j, e):
                            break
                        j = e
                        continue
                    if w == "in" and (self._in_city(forms, e) or forms[e] in lx.MONTHS_DAYS):
                        break
                    if w == "and" and (forms[e] in self.places or self._multi_place(forms, e)):
                        break  # "the United States and China"
                    if w == "and" and forms[j - 1].lower().rstrip(".") in _LEGAL_SUFFIXES:
                        break  # "Apple Inc and Alphabet Inc": a legal suffix closes a name
                    if (
                        e - j == 1
                        and w in ("for", "and", "on", "the", "in")
                        and any(_org_word(forms[m].lower()) for m in range(k, j))
                    ):
                        j = e
                        continue
                    if (
                        e - j == 2
                        and words[j + 1] == "the"
                        and w in ("for", "of")
                        and any(forms[m].lower() in _PURPOSE_HEADS for m in range(k, j))
                    ):
                        # "the Committee for the Peaceful Reunification of the Fatherland"
                        j = e
                        continue
                break
            if (
                j < n
                and _is_number(words[j])
                and (forms[j - 1].lower() in _NUMBERED_LAWS or words[j - 1] in _BILL_PREFIXES)
            ):
                # "Senate Bill 8", "Proposition 22", "S.B. 8": a law with its number
                self._emit(u, list(range(k, j + 1)), "LAW", True)
                done = j + 1
                continue
            if case and j - k <= _MAX_RUN + 2:
                self._emit(u, [m for m in range(k, j) if words[m] != "."], "LAW", True)
                done = j
                continue
            if j - k <= _MAX_RUN:  # longer runs of capitalised words are not one name
                if j == k + 1 and words[k] != ".":  # one word (most runs)
                    self._chunk(u, [k], memory)
                else:
                    self._chunk(u, [m for m in range(k, j) if words[m] != "."], memory)
            done = j

    # ---------------------------------------------------------------------------- chunks
    def _emit(
        self,
        u: _Unit,
        idx: list[int],
        label: str,
        strong: bool,
        canon: str | None = None,
        role: str | None = None,
    ) -> None:
        toks = u.toks
        # never start or end on a connector
        cap = u.cap
        while idx and not cap[idx[0]]:
            idx = idx[1:]
        while idx and not cap[idx[-1]] and not (label == "LAW" and toks[idx[-1]].text.isdigit()):
            idx = idx[:-1]  # (a law keeps its number: "Senate Bill 8")
        if not idx:
            return
        if label == "PERSON" and role is None:
            role = self._left_role(u, idx[0]) or self._right_role(u, idx[-1])
        a = toks[idx[0]]
        b = toks[idx[-1]]
        end = b.end
        last = idx[-1]
        if (
            last + 1 < len(toks)
            and toks[last + 1].text == "."
            and toks[last + 1].start == end
            and len(b.text) == 1
            and b.text.isalpha()
        ):
            end += 1
        self.out.append(
            Raw(
                a.start,
                end,
                label,
                strong,
                canon,
                role,
                u.caps,
                # one word: capitalised (the trimming above ensures it)
                (u.forms[idx[0]],) if len(idx) == 1 else tuple([u.forms[m] for m in idx if cap[m]]),
                u.index,
                idx[0] == 0,
            )
        )

    def _titled(
        self,
        u: _Unit,
        idx: list[int],
        fs: list[str],
        lows: list[str],
        start: int,
        role_from: int,
        memory: dict | None,
    ) -> None:
        """Titles from ``start`` then a name: the name is a person, the titles its role.
        ``Secretary of State Antony Blinken``: a title with ``of`` runs up to a given name."""
        n = len(idx)
        if all(_is_title(w) for w in lows[start:]):
            return  # "the European Commissioner": a title, nobody named
        k = start
        while k < n - 1 and _is_title(lows[k]):
            k += 1
        if k > start and k < n - 2 and _is_title(lows[k + 1]):
            # "Former French President Nicolas Sarkozy": the nationality between the titles
            # is a name of its own
            d = self.demonyms.get(fs[k])
            pl = self.places.get(fs[k]) if d is None else None
            if d is not None or pl is not None:
                if d is not None:
                    self._emit(u, idx[k : k + 1], "NORP", True, d)
                elif pl is not None:
                    self._emit(u, idx[k : k + 1], pl.label, True, pl.canonical or fs[k])
                self._titled(u, idx, fs, lows, k + 1, role_from, memory)
                return
        if lows[k] in lx.CONNECTORS:
            p = next((q for q in range(k + 1, n - 1) if fs[q] in self.given), 0)
            if not p and n > k + 2 and (lows[k + 1] in lx.TITLES or lows[k + 1] in self.common):
                p = k + 2  # "Secretary of State Blinken"
                while p < n - 1 and (_is_title(lows[p]) or lows[p] == "affairs"):
                    p += 1
            if p:
                role = self._role_text(u, idx[role_from], idx[p - 1])
                self._person_or(u, idx[p:], memory, role)
            else:  # "Foreign Minister of France": a title, no name
                had = len(self.out)
                self._chunk(u, idx[k + 1 :], memory)
                if any(r.label == "PERSON" or not r.strong for r in self.out[had:]):
                    # "Professor of Neuroscience", "Minister of Finance": a field, nobody
                    self.out[had:] = [r for r in self.out[had:] if r.label != "PERSON" and r.strong]
            return
        if all(w in lx.HONORIFICS for w in lows[start:k]):
            self._person_or(u, idx[k:], memory, "", honorific=True)
            return
        p = k
        while (
            p < n - 2
            and fs[p] not in self.given
            and lows[p] in self.common
            and fs[p] not in self.places
        ):
            p += 1
        if p > k and fs[p] in self.given:
            k = p  # "Miss Universe Alicia Machado": the description is part of the role
        role = self._role_text(u, idx[role_from], idx[k - 1])
        self._person_or(u, idx[k:], memory, role, honorific=lows[start] in lx.HONORIFICS)

    def _epithet(self, f: str, low: str) -> bool:
        """A capitalised common adjective before a name (``Crooked``, ``Sleepy``), not a
        place, title, organisation word or a word that opens place names (``Port``)."""
        return (
            low in self.common
            and f not in self.given
            and f not in self.surnames
            and f not in self.places
            and f not in self.demonyms
            and f not in lx.KNOWN_ORGS
            and low not in lx.TITLES
            and low not in lx.FUNCTION_WORDS
            and low not in lx.NAME_PREFIX_WORDS
        )

    def _role_text(self, u: _Unit, i: int, j: int) -> str:
        """The text of tokens ``i..j`` with the full stop of a final abbreviation (``Gen.``)."""
        toks = u.toks
        end = toks[j].end
        if j + 1 < len(toks) and toks[j + 1].text == "." and toks[j + 1].start == end:
            end += 1
        return self.text[toks[i].start : end]

    def _left_role(self, u: _Unit, a: int) -> str | None:
        """``North Korean leader Kim Jong-un``: the lower-case title before a name, with the
        nationality before it."""
        toks = u.toks
        m = a - 1
        head = False
        while m >= 0 and not u.cap[m]:
            low = toks[m].text.lower()
            if low not in lx.TITLES and low not in lx.ROLE_HEADS:
                break
            head = head or low in lx.ROLE_HEADS
            m -= 1
        if not head:
            return None
        start = m + 1
        dem = self.demonyms
        if m >= 0 and (
            u.forms[m] in dem
            or u.forms[m] in self.places
            or u.forms[m] in lx.KNOWN_ORGS
            or (u.caps is False and 2 <= len(toks[m].text) <= 5 and toks[m].text.isupper())
        ):
            start = m
            if m >= 1 and f"{u.forms[m - 1]} {u.forms[m]}" in dem:
                start = m - 1
        return self.text[toks[start].start : toks[a - 1].end]

    def _right_role(self, u: _Unit, b: int) -> str | None:
        """``Im Chon Il, North Korea's vice foreign minister, said``: an appositive title."""
        toks = u.toks
        n = len(toks)
        if b + 2 >= n or toks[b + 1].text != ",":
            return None
        m = b + 2
        head = False
        while m < n and m <= b + 10:
            w = toks[m].text
            low = w.lower()
            if w in (",", ".", ";", ")") or low in lx.SPEECH_VERBS:
                break
            if head and u.cap[m] and toks[m - 1].text.lower() not in _ROLE_GLUE:
                return None  # another person's title: ", President Barack Obama's ..."
            if head and low in ("and", "or") and not (m + 1 < n and u.cap[m + 1]):
                break  # "..., Britain's National Security Adviser and a veteran negotiator"
            if low in lx.ROLE_HEADS:
                head = True
            elif head and not (
                u.cap[m] or low in lx.TITLES or low in _APPOSITIVE_GLUE or low in _ROLE_PREP
            ):
                # "vice chairman of the Tibet regional government,": lower-case words up to an
                # organisation's word that closes the description belong to it
                e = m
                while e < n and e < m + 3 and toks[e].text.islower():
                    if toks[e].text in lx.ORG_SUFFIXES and (
                        e + 1 >= n or toks[e + 1].text in (",", ".", ";", ")")
                    ):
                        m = e + 1
                        break
                    e += 1
                break  # the description ends at the first word that is not part of a title
            elif not (
                u.cap[m]
                or low in lx.TITLES
                or low in _APPOSITIVE_GLUE
                or w in _POSSESSIVE
                or (head and w.isalpha())
            ):
                return None
            m += 1
        if not head or m == b + 2:
            return None
        start = b + 2
        while start < m and toks[start].text.lower() in ("the", "a", "an"):
            start += 1
        while m > start + 1 and toks[m - 1].text.lower() in _ROLE_GLUE:
            m -= 1  # no glue at the end: "... Adviser and", "... envoy to"
        return self.text[toks[start].start : toks[m - 1].end] if start < m else None

    def _single(self, u: _Unit, idx: list[int], memory: dict | None) -> bool:
        """The general path of :meth:`_chunk` for one word of running text that no list knows
        (a third of all chunks), without its lists and multi-word tests: the same checks in the
        same order, straight to the person cues. False: a list or a special shape applies, and
        :meth:`_chunk` goes on as for any chunk."""
        toks = u.toks
        k = idx[0]
        f = u.forms[k]
        after = k + 1
        nxt = toks[after].text if after < len(toks) else ""
        if nxt == "." and toks[after].start == toks[k].end and (len(f) == 1 or f in _ABBREV):
            f += "."
        name = f
        if "s" in name and ("'s" in name or "’s" in name):
            name = name.replace(" 's", "'s").replace(" ’s", "'s")
        if f in lx.NEVER_ALONE or len(f) == 1 or ("-" in f and _PARTY_STATE.match(f) is not None):
            return True
        if k > 0 and len(f) <= 4 and f.isupper() and furniture([f.lower()], toks[k - 1].text):
            return True  # "9:30 ET", "10 a.m. ET"
        if ("'" in f or "’" in f) and f.replace("’", "'").split("'", 1)[0].lower() in (
            lx.FUNCTION_WORDS
        ):
            return True  # "I’m", "She’ll"
        if (
            "-" in f
            or (u.dateline and k == 0 and (nxt == "," or nxt[:1].isdigit()))
            or name in lx.KNOWN_NAMES
            or name in lx.KNOWN_ORGS
            or name in self.places
            or name in self.languages
            or name in self.demonyms
        ):
            return False
        nxt2 = toks[after + 1].text if nxt == "." and after + 1 < len(toks) else ""
        before = toks[k - 1].text.lower() if k > 0 else ""
        if before == "the" and f.lower() in _LONE_LAWS:
            self._emit(u, idx, "LAW", True)  # "the Constitution"
            return True
        if not f[1:].islower() and camel_company(f) and f not in self.surnames:
            self._emit(u, idx, "ORG", False)  # "FactSet", "PayPal"
            return True
        self._person_or(u, idx, memory, None, nxt=nxt, nxt2=nxt2, before=before)
        return True

    def _chunk(self, u: _Unit, idx: list[int], memory: dict | None, hint: str = "") -> None:
        if not idx:
            return
        toks = u.toks
        forms = u.forms
        self.budget -= 1
        if self.budget == -1:
            self.notes.append(
                f"entities: past {_CHUNK_BUDGET:,} candidate names (a limit against hostile "
                f"input), from character {toks[idx[0]].start:,} only names that a list knows "
                "are recognised"
            )
        if forms[idx[0]].lower() in _ZONE_REGIONS and _zone_name(u, idx):
            return  # "5 p.m. Eastern time", "Pacific Daylight Time": a clock, not a place
        if len(idx) == 1 and (not u.caps or self.budget < 0):
            # fast path: one word of running text that a list knows (most chunks)
            f = forms[idx[0]]
            if f == "Games" and idx[0] > 0 and toks[idx[0] - 1].text.lower() == "the":
                self._emit(u, idx, "EVENT", True)  # "soon after the Games": the Olympics
                return
            if f not in lx.KNOWN_NAMES:
                if f in lx.KNOWN_ORGS:
                    self._emit(u, idx, "ORG", True)
                    return
                p: Place | None = self.places.get(f)
                if p is not None and (p.kind not in "TS" or not self.sports):
                    self._emit(u, idx, p.label, True, p.canonical or f)
                    return
                d = self.demonyms.get(f)
                if d is not None and f not in self.languages and "-" not in f:
                    self._emit(u, idx, "NORP", True, d)
                    return
        if self.budget < 0:
            return
        if len(idx) == 1 and not u.caps and self._single(u, idx, memory):
            return
        fs = [forms[m] for m in idx]
        for q, m in enumerate(idx):
            if (
                m + 1 < len(toks)
                and toks[m + 1].text == "."
                and toks[m + 1].start == toks[m].end
                and (len(fs[q]) == 1 or fs[q] in _ABBREV)
            ):
                fs[q] += "."
        name = " ".join(fs)
        if "s" in name and ("'s" in name or "’s" in name):
            name = name.replace(" 's", "'s").replace(" ’s", "'s")
        n = len(idx)
        lows = [f.lower() for f in fs]
        last = lows[-1]
        after = idx[-1] + 1
        nxt = toks[after].text if after < len(toks) else ""
        nxt2 = toks[after + 1].text if nxt == "." and after + 1 < len(toks) else ""
        before = toks[idx[0] - 1].text.lower() if idx[0] > 0 else ""

        if (
            fs[0] in lx.MONTHS_DAYS
            and n > 1
            and fs[1] not in lx.MONTHS_DAYS
            and not (n == 2 and fs[0] in self.given and fs[1] in self.surnames)  # "June Carter"
        ):
            self._chunk(u, idx[1:], memory)
            return
        if n == 2 and lows[1] in _WEEKDAYS and lows[0] in _DAY_EPITHETS:
            # "Bloody Sunday", "Black Saturday" are events; "Black Friday", "Good Friday",
            # "Super Tuesday" are days of the calendar, no name
            if lows[0] == "bloody" or (lows[0] == "black" and lows[1] != "friday"):
                self._emit(u, idx, "EVENT", True)
            return
        if (
            fs[-1] in lx.MONTHS_DAYS
            and n > 1
            and fs[-2] not in lx.MONTHS_DAYS
            and fs[-2] not in self.given  # "Theresa May"
        ):
            cut = n - 1  # "the Premier League on Saturday": the joining word goes too
            while cut > 1 and not u.cap[idx[cut - 1]]:
                cut -= 1
            self._chunk(u, idx[:cut], memory)
            return
        if n == 1 and (
            fs[0] in lx.NEVER_ALONE
            or len(fs[0]) == 1
            or ("-" in fs[0] and _PARTY_STATE.match(fs[0]) is not None)
            or ("-" in fs[0] and all(p in lx.MONTHS_DAYS for p in fs[0].split("-")))
        ):
            return  # (the "April-June" quarter, "Monday-Friday": dates)
        if furniture(lows, toks[idx[0] - 1].text if idx[0] > 0 else ""):
            return  # "9:30 AM ET", "4 Min Read": a clock, a reading time
        if all(len(f) == 1 for f in fs):
            return
        if (
            n == 1
            and ("'" in fs[0] or "’" in fs[0])
            and fs[0].replace("’", "'").split("'", 1)[0].lower() in lx.FUNCTION_WORDS
        ):
            return  # "I’m", "She’ll"
        if "&" in fs and n >= 3:
            self._emit(u, idx, "ORG", True)
            return
        if fs[0] in lx.MONTHS_DAYS and all(f in lx.MONTHS_DAYS for f in fs):
            return
        # dateline: "NEW YORK 1996-08-30", "KINSHASA, Zaire 1996-08-30"
        if u.dateline and idx[0] == 0 and (nxt == "," or nxt[:1].isdigit()):
            p = self.places.get(name)
            self._emit(u, idx, p.label if p else "GPE", True, (p.canonical or name) if p else None)
            return
        # "New York-based", "Surinamese-born": a place or people as a modifier (CoNLL MISC)
        if "-" in fs[-1]:
            base, _, tail = name.rpartition("-")
            if tail.islower() and (base in self.places or base in self.demonyms):
                self._emit(u, idx, "NORP", True)
                return
            if n == 1:
                w = toks[idx[0]].text
                if party_town(w, before) or (
                    tail.islower() and modifier_compound(w) and base not in lx.KNOWN_ORGS
                ):
                    return  # "(D-Kenosha)", "Android-based": no name
                if not u.text_caps and agency_pair(w):
                    self._emit(u, idx, "ORG", True)  # "EPA-EFE": a photo credit's agencies
                    return
        # 0. ALL-CAPS: the document's own spelling of the name decides
        if u.caps and memory is not None:
            hit = memory.get(name.lower())
            if hit is not None and not (self.sports and name in self.places):
                self._emit(u, idx, hit[0], True, hit[1])
                return
        # 1. exact gazetteer and list hits
        if name in lx.KNOWN_NAMES:
            self._emit(u, idx, lx.KNOWN_NAMES[name], True)
            return
        if name in lx.KNOWN_ORGS or (u.caps and toks[idx[0]].text in lx.KNOWN_ORGS and n == 1):
            self._emit(u, idx, "ORG", True)
            return
        p = self.places.get(name)
        if p is None and u.caps and n == 1 and toks[idx[0]].text in self.places:
            p = self.places[toks[idx[0]].text]
        if p is not None:
            label = p.label
            if (
                self.sports
                and p.kind in "TS"
                and before not in lx.PLACE_PREPOSITIONS
                and not u.dateline
                and not (idx[0] == 0 and nxt in (":", "("))  # a venue: "Leicester: ..."
                and nxt.lower() != "at"  # a fixture: "CHICAGO AT TORONTO"
            ):
                label = "ORG"  # a club named after its town: "Leicestershire beat Essex"
            self._emit(u, idx, label, True, p.canonical or name)
            return
        if (
            n == 1
            and name in self.languages
            and (
                before in _LANGUAGE_CUES
                or (
                    before in ("and", "or")
                    and idx[0] >= 3
                    and u.forms[idx[0] - 2] in self.languages
                    and toks[idx[0] - 3].text.lower() in _LANGUAGE_CUES
                )
            )
        ):
            self._emit(u, idx, "LANGUAGE", True)  # "spoke in Arabic and Spanish"
            return
        d = self.demonyms.get(name)
        if d is None and n == 2 and lows[0] in _COMPASS:
            d = self.demonyms.get(fs[1])
        if d is not None:
            self._emit(u, idx, "NORP", True, d)
            return
        # 1a. a named storm or operation ("Hurricane Sandy": not an epithet and a given name)
        if (
            n >= 2
            and lows[0] in _EVENT_HEADS
            and (
                lows[0] != "storm"
                or fs[1] in self.given
                or (n == 2 and not self._is_common(lows[1]) and fs[1] not in self.places)
            )
        ):  # ("Storm Babet": a storm's name, not "Storm Shadow" missiles)
            self._emit(u, idx, "EVENT", True)
            return
        # 1b. an epithet before a given name: "Crooked Hillary Clinton", "Sleepy Joe"
        if n >= 2 and fs[1] in self.given and self._epithet(fs[0], lows[0]):
            self._chunk(u, idx[1:], memory)
            return
        # 2. organisation heads and suffixes
        if (
            n >= 2
            and (
                last in lx.ORG_SUFFIXES
                or (lows[0] in lx.ORG_HEADS and ("of" in lows or "for" in lows))
                or any(
                    lows[m + 1] in ("of", "in", "for") and lows[m] in lx.ORG_SUFFIXES
                    for m in range(1, n - 1)
                )
            )
            and lows[0] not in lx.HONORIFICS
        ):
            self._emit(u, idx, "ORG", True)
            return
        # 3b. "ECB President Christine Lagarde": an organisation, its title, a name
        if n >= 3 and not u.caps:
            for q in range(1, n - 1):
                if lows[q] in lx.ROLE_HEADS and (
                    fs[q - 1].isupper()
                    or fs[q - 1] in lx.KNOWN_ORGS
                    or (q >= 2 and lows[q - 1] in lx.ORG_SUFFIXES)
                ):
                    self._chunk(u, idx[:q], memory)
                    # titles from q ("US Secretary of State Mary Albright"), the role keeps the
                    # organisation or place before them
                    self._titled(u, idx, fs, lows, q, 0, memory)
                    return
        # 3. titles before a name: strip them, keep them as the role ("First Amendment" is a law)
        if _is_title(lows[0]) and n > 1:
            if last in lx.LAW_SUFFIXES and not any(f in self.given for f in fs[1:]):
                self._emit(u, idx, "LAW", True)
                return
            self._titled(u, idx, fs, lows, 0, 0, memory)
            return
        # 4. a demonym or a place before other words
        m = 0
        if (
            fs[0] in self.given
            and n <= 3
            and not (
                last in lx.LOC_SUFFIXES
                or last in lx.EVENT_SUFFIXES
                or last in lx.FAC_SUFFIXES
                or last in lx.LAW_SUFFIXES
                or last in lx.ORG_SUFFIXES
            )
            and all(f not in self.places and f not in self.demonyms for f in fs[1:])
        ):
            cut_from = 0
        else:
            cut_from = min(n - 1, 3)
        for cut in range(cut_from, 0, -1):
            head = " ".join(fs[:cut])
            if head in self.demonyms or head in self.places:
                m = cut
                break
        if m:
            rest = lows[m:]
            if rest[-1] in lx.EVENT_SUFFIXES:
                self._emit(u, idx, "EVENT", True)
                return
            if rest[-1] in lx.LOC_SUFFIXES:
                self._emit(u, idx, "LOC", True)
                return
            if rest[-1] in lx.FAC_SUFFIXES:
                self._emit(u, idx, "FAC", True)
                return
            if rest[-1] in lx.LAW_SUFFIXES:
                self._emit(u, idx, "LAW", True)
                return
            head = " ".join(fs[:m])
            if (
                head in self.demonyms
                and rest[0] not in lx.TITLES
                and all(
                    w in self.common or (w.endswith("s") and w[:-1] in self.common) for w in rest
                )
            ):
                self._emit(u, idx, "NORP", True)
                return
            if head in self.demonyms:
                self._emit(u, idx[:m], "NORP", True, self.demonyms[head])
                if _is_title(rest[0]):
                    self._titled(u, idx, fs, lows, m, 0, memory)
                else:
                    self._chunk(u, idx[m:], memory)
                return
            pl: Place = self.places[head]
            if _is_title(rest[0]):
                self._emit(u, idx[:m], pl.label, True, pl.canonical or head)
                self._titled(u, idx, fs, lows, m, 0, memory)
                return
            if (any(f in self.given for f in fs[m : m + 1]) and n - m >= 2) or any(
                _is_title(lows[q]) for q in range(m + 1, n - 1)
            ):
                # "U.S. District Judge Robert Pitman": a place, then a title and a name
                self._emit(u, idx[:m], pl.label, True, pl.canonical or head)
                self._chunk(u, idx[m:], memory)
                return
            self._emit(u, idx, "ORG", False)
            return
        # 4b. a description, a title, then a given name: "Homeland Security Secretary Jeh Johnson"
        if n >= 4 and not u.caps:
            for q in range(1, n - 2):
                if lows[q] in lx.ROLE_HEADS:
                    k = q + 1
                    while k < n - 1 and _is_title(lows[k]):
                        k += 1
                    rest = lows[k:]
                    if not any(f in self.given for f in fs[:q]) and (
                        fs[k] in self.given
                        or (
                            len(rest) >= 2
                            and not any(w in self.common or w in lx.ORG_SUFFIXES for w in rest)
                        )
                    ):
                        self._person_or(u, idx[k:], memory, self._role_text(u, idx[0], idx[k - 1]))
                        return
                    break
        # 4c. a title alone, nobody named: "National Security Adviser", "Attorney General"
        if (
            n >= 2
            and last in lx.ROLE_HEADS
            and not any(f in self.given or f in self.places or f in self.demonyms for f in fs)
            and all(self._is_common(w) or w in lx.TITLES for w in lows[:-1])
        ):
            return
        # 5. place, event, law and facility heads
        if n >= 2:
            if last in lx.LOC_SUFFIXES or lows[0] in ("mount", "mt", "lake", "cape", "gulf"):
                self._emit(u, idx, "LOC", True)
                return
            if last in lx.EVENT_SUFFIXES:
                self._emit(u, idx, "EVENT", True)
                return
            if last in lx.LAW_SUFFIXES:
                self._emit(u, idx, "LAW", True)
                return
            if last in lx.FAC_SUFFIXES and fs[0] not in self.given:
                self._emit(u, idx, "FAC", True)
                return
        self._person_or(u, idx, memory, None, nxt=nxt, nxt2=nxt2, before=before)

    def _person_or(
        self,
        u: _Unit,
        idx: list[int],
        memory: dict | None,
        role: str | None,
        honorific: bool = False,
        nxt: str = "",
        nxt2: str = "",
        before: str = "",
    ) -> None:
        """Person cues; otherwise a weak guess for the document pass to settle."""
        if not idx:
            return
        toks = u.toks
        fs = [u.forms[m] for m in idx]
        n = len(fs)
        name = " ".join(fs)
        if role is not None and not honorific:
            p: Place | None = self.places.get(name)
            if p is not None and (n > 1 or p.kind != "T" or not role):
                self._emit(u, idx, p.label, True, p.canonical or name)
                return
            if name in lx.KNOWN_ORGS:
                self._emit(u, idx, "ORG", True)
                return
        if role is not None:
            self._emit(u, idx, "PERSON", True, role=role or None)
            return
        if u.caps and all(len(f) <= 3 for f in fs):
            return
        if (
            n >= 3
            and before == "the"
            and fs[0] not in self.given
            and any(f in lx.NAME_PARTICLES for f in fs[1:-1])
        ):
            self._emit(u, idx, "LOC", False)  # "the Bois de Boulogne", "the Rio de la Plata"
            return
        if n >= 2 and (fs[0] in self.given or self._person_shape(u, idx, fs)):
            self._emit(u, idx, "PERSON", True)
            return
        low_next = nxt.lower()
        if low_next in lx.SPEECH_VERBS and name not in self.places:
            self._emit(u, idx, "PERSON", n >= 2)
            return
        if low_next in lx.ORG_CONTEXT or before in lx.ORG_CONTEXT:
            self._emit(u, idx, "ORG", False)  # "the daily Zycie Warszawy", "Acme shares"
            return
        if self._left_role(u, idx[0]):
            self._emit(u, idx, "PERSON", True)  # "striker Zoltan Kiss"
            return
        if n == 1:
            w = toks[idx[0]].text
            if not u.caps and w.isupper() and 2 <= len(w) <= 6:
                self._emit(u, idx, "ORG", False)
                return
            if (
                self.sports
                and fs[0] in self.places
                and fs[0] not in self.surnames
                and not self._place_context(u, idx, before, nxt)
            ):
                self._emit(u, idx, "ORG", False)  # "drew 0-0 with Liverpool": a club
                return
            if fs[0] in self.given or fs[0] in self.surnames:
                self._emit(u, idx, "PERSON", False)
                return
            if self.sports and self._place_context(u, idx, before, nxt):
                self._emit(u, idx, "GPE", False)
                return
            if not self.sports and self._place_context(u, idx, before, nxt):
                self._emit(u, idx, "GPE", False)
                return
            if self.sports or fs[0].lower() in self.common:
                self._emit(u, idx, "ORG", False)
                return
            self._emit(u, idx, "PERSON", False)
            return
        common = self.common
        if self._paren_country(u, idx[-1]):
            self._emit(u, idx, "PERSON", True)  # "Jansher Khan (Pakistan)": a player
            return
        if n <= 3 and (fs[-1] in self.surnames or not any(f.lower() in common for f in fs)):
            self._emit(u, idx, "PERSON", False)
            return
        self._emit(u, idx, "ORG", False)

    def _person_shape(self, u: _Unit, idx: list[int], fs: list[str]) -> bool:
        """Initials, a patronymic, an East Asian surname first, or a name particle."""
        toks = u.toks
        n = len(fs)
        for m in idx:
            t = toks[m].text
            if len(t) == 1 or (
                "." in t
                and len(t) <= 4
                and t.isupper()
                and t not in self.places
                and t not in lx.KNOWN_ORGS
            ):
                return True
        for f in fs:
            if f.lower().endswith(lx.PATRONYMIC_ENDINGS):
                return True
        if fs[0] in lx.ASIAN_SURNAMES and n <= 3 and all(len(f) <= 8 for f in fs):
            return True
        if "of" in fs:
            return False
        return any(f in lx.NAME_PARTICLES for f in fs) and any(not f[0].isupper() for f in fs)

    def _paren_country(self, u: _Unit, b: int) -> bool:
        """A country in brackets after a name: ``Jansher Khan (Pakistan)``."""
        toks = u.toks
        if b + 3 >= len(toks) or toks[b + 1].text != "(":
            return False
        for e in range(b + 3, min(b + 6, len(toks))):
            if toks[e].text == ")":
                name = " ".join(u.forms[b + 2 : e])
                p: Place | None = self.places.get(name)
                return p is not None and p.kind == "C"
        return False

    def _place_context(self, u: _Unit, idx: list[int], before: str, nxt: str) -> bool:
        """``in X``, ``the town of X``, ``the X region``, ``X is a town``."""
        toks = u.toks
        if before in lx.PLACE_PREPOSITIONS:
            return True
        if nxt.lower() in lx.PLACE_NOUNS:
            return True
        a = idx[0]
        if before == "of" and a >= 2 and toks[a - 2].text.lower() in lx.PLACE_NOUNS:
            return True
        b = idx[-1]
        if nxt in ("is", "was") and b + 3 < len(toks):
            return toks[b + 3].text.lower() in lx.PLACE_NOUNS
        return False

    # ---------------------------------------------------------------------------- document
    def _memory(self) -> dict[str, tuple[str, str | None]]:
        """Lower-cased name -> (label, canonical) from the strong mentions seen so far; the
        words of multi-word person names map to PERSON (``Putin`` after ``Vladimir Putin``),
        the first word of a multi-word organisation to ORG (``Magna`` after ``Magna Inc``) unless
        it names a place (``Ohio`` after ``Ohio State University`` is still the state; a town
        only after a company's legal suffix)."""
        mem: dict[str, tuple[str, str | None]] = {}
        parts: dict[str, tuple[str, str | None]] = {}
        self.person_parts = person_parts = set[str]()
        self.person_parts_strong: set[str] = set()
        self.org_firsts = org_firsts = set[str]()
        text = self.text
        common = self.common
        for r in self.out:
            if not r.strong:
                continue
            key = " ".join(text[r.start : r.end].lower().split())
            mem.setdefault(key, (r.label, r.canon))
            if len(r.words) == 1 and r.label == "PERSON" and r.role:
                self.person_parts_strong.add(r.words[0].lower())
            if len(r.words) >= 2:
                if r.label == "PERSON":
                    if r.words[0] in self.given or r.role or len(r.words[0]) == 1:
                        self.person_parts_strong.add(r.words[-1].lower())
                        person_parts.add(r.words[-1].lower())
                    for w in (r.words[-1], r.words[0]):
                        lw = w.lower()
                        if lw not in common and len(w) > 1:
                            person_parts.add(lw)
                elif r.label == "ORG":
                    w = r.words[0]
                    lw = w.lower()
                    p: Place | None = self.places.get(w)
                    if (
                        lw not in common
                        and w not in self.demonyms
                        and (
                            p is None
                            or (p.kind == "T" and r.words[1].lower().rstrip(".") in _LEGAL_SUFFIXES)
                        )
                    ):
                        parts.setdefault(lw, ("ORG", None))
                        org_firsts.add(lw)
        for k in person_parts:
            parts[k] = ("PERSON", None)
        for k, v in parts.items():
            mem.setdefault(k, v)
        return mem

    def _resolve(self, memory: dict[str, tuple[str, str | None]]) -> None:
        """Settle weak mentions from the document; a place word that is part of a person's
        name in this document is that person (``Jordan`` after ``Michael Jordan``)."""
        text = self.text
        pp = self.person_parts_strong
        places = self.places
        self.out.sort(key=_START)
        out = self.out
        for i, r in enumerate(out):
            if not r.strong:
                hit = memory.get(" ".join(text[r.start : r.end].lower().split()))
                if hit is not None:
                    r.label, r.canon = hit
                    r.strong = True
                    continue
                # coordination: "the towns of Longyear and Barentsburg", "Essex, Kent and ..."
                for j in (i - 1, i + 1):
                    if 0 <= j < len(out):
                        o = out[j]
                        a, b = (o.end, r.start) if j < i else (r.end, o.start)
                        if o.strong and o.unit == r.unit and text[a:b] in _COORD:
                            r.label = o.label
                            break
            elif len(r.words) == 1 and r.label in ("GPE", "LOC"):
                w = r.words[0]
                p: Place | None = places.get(w)
                lw = w.lower()
                if p is None or (p.kind == "C" and lw not in pp):
                    continue
                if lw in pp:
                    r.label = "PERSON"
                    r.canon = None
                elif lw in self.org_firsts:  # "Magna" after "Magna Inc"
                    r.label = "ORG"
                    r.canon = None
