"""Quotations and reported speech, with the speaker when the article makes it knowable.

How it works, in one pass over the article:

1. Quote marks are paired (``quote_marks``); each top-level quotation becomes one opaque item,
   split at paragraph breaks when a quotation runs over several paragraphs.
2. Sentences are merged so that no quotation straddles two units; each unit is a list of words,
   punctuation and quotation items.
3. Cues (``said``, ``told``, ``according to``, ``, adding``) are found with their speaker phrase
   on the left (``Im Chon Il said``), on the right (``said Putin``) or inherited (``, adding``).
   The content is what the cue governs: the clause after it (``stated that …``) or the part of the
   sentence before it (``"…," he said``, ``…, officials said``), or both around a parenthetical
   cue (``A, he said, B``). Content that is a quotation alone is *direct*; content holding a
   quoted fragment is *mixed*; content without marks is *indirect*.
4. Quotations standing alone in their sentence are direct and take the speaker from the
   paragraph (or the previous one, which may end with ``X said:``). Quotations inside a
   sentence with no cue are scare quotes or titles, and are left out.

Interrupted quotes (``"A," he said, "B."``) and quotes running over paragraphs are reported as
separate, linked quotes: each piece is a contiguous span with the same speaker, and every piece
lists the spans of all pieces of the utterance in ``parts``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from newscli.model import Entity, Mention, Quote, Span, Token
from newscli.ner_lexicon import MINOR_WORDS
from newscli.quote_cues import (
    OBJECT_CUES,
    PREP_ING,
    clause_next,
    in_bullet_headline,
    that_ahead,
)
from newscli.quote_lexicon import (
    BETWEEN,
    CUE_FORMS,
    DETERMINERS,
    EVAL_CUES,
    FEMALE_NAMES,
    HEARER_CUES,
    MALE_NAMES,
    NOT_SPEAKER_LABELS,
    NOUN_LIKE,
    PARTICLE_CUES,
    PRONOUNS,
    SPEECH_NOUNS,
    THAT_CUES,
    TITLES,
    TO_NOUNS,
    VAGUE_HEADS,
    WEAK_CUES,
)
from newscli.quote_marks import find_quoted_spans
from newscli.regex_cache import compile as compile_re
from newscli.segment import Segmentation
from newscli.speakers import (
    Item,
    Phrase,
    Resolved,
    Resolver,
    first_name_sex,
    phrase_ending_at,
    phrase_left,
    plain_name_run,
)
from newscli.speakers import phrase_right as _phrase_right

_PASSIVE = frozenset("was were been be being is are".split())
_INHERIT_BEFORE = frozenset("and while before after by when then but".split())
_PREPS = frozenset(
    """on in at during to via after before from while when with through over for last this
    earlier later late early monday tuesday wednesday thursday friday saturday sunday today
    yesterday tonight morning afternoon evening night""".split()
)
_ABBREV = frozenset(
    """mr mrs ms dr sen rep gov gen lt col sgt capt maj adm prof rev hon st jr sr mt ft
    supt insp det cpl pvt cmdr brig messrs mme mlle msgr pres atty del""".split()
)
_DASHES = frozenset("—―–-")
_CLAUSE_PUNCT = frozenset(",;:—―–")
_END_PUNCT = frozenset(".!?…;:,—―–")


# The records below are plain classes with their own ``__init__`` (not ``@record``): mypyc
# compiles them to C structs, whose attributes are read without a dictionary or slot lookup.


class _Piece:
    """One contiguous piece of a top-level quotation (one paragraph of it)."""

    __slots__ = ("closed", "continued", "end", "start", "utterance", "words")

    def __init__(
        self, start: int, end: int, closed: bool, utterance: int, words: int, continued: bool
    ) -> None:
        self.start = start
        self.end = end
        self.closed = closed
        self.utterance = utterance
        self.words = words
        self.continued = continued  # one paragraph of a quotation running over several


class _Unit:
    """Sentences merged so that no quotation straddles two units, with their items."""

    __slots__ = (
        "cue",
        "end",
        "has_q",
        "items",
        "loud",
        "paragraph",
        "sentence",
        "start",
        "title_case",
        "toks",
        "windows",
    )

    def __init__(
        self,
        start: int,
        end: int,
        paragraph: int,
        sentence: int,
        items: list[Item] | None = None,
        title_case: bool = False,
        windows: list[tuple[int, int, int]] | None = None,
        loud: bool = False,
        cue: bool = False,
        has_q: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.sentence = sentence
        self.items: list[Item] = [] if items is None else items
        self.title_case = title_case
        # a quiet unit (no cue word, no quote mark, no colon, no dash) keeps only short
        # windows around its capitalised words, enough to learn the names it mentions
        self.windows = windows
        self.loud = loud  # a quote mark, a colon or a dash
        self.cue = cue  # a word that may be a cue
        self.has_q = has_q  # a quotation among the items
        # a long article's unit keeps the token ranges its items are made from, (first, end,
        # first piece), instead of the items: see _settle and _unit_items
        self.toks: list[tuple[int, int, int]] | None = None


class _Attr:
    """An attribution: a cue with its speaker phrase."""

    __slots__ = ("a_i", "a_j", "base", "cue_i", "cue_j", "phrase", "resolved", "side")

    def __init__(
        self,
        a_i: int,
        a_j: int,
        cue_i: int,
        cue_j: int,
        phrase: Phrase | None,
        side: str,
        base: str,
    ) -> None:
        self.a_i = a_i  # first item of the attribution (speaker or cue)
        self.a_j = a_j  # item after the attribution
        self.cue_i = cue_i
        self.cue_j = cue_j
        self.phrase = phrase
        self.side = side  # left | right | inherit | according | noun
        self.base = base
        self.resolved: Resolved | None = None


class _Found:
    """A quotation or reported speech found in a unit, before it becomes a ``Quote``."""

    __slots__ = ("attr", "cue", "end", "kind", "pieces", "speaker", "start", "unit")

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        attr: _Attr | None,
        unit: _Unit,
        pieces: list[int] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.attr = attr
        self.unit = unit
        self.pieces: list[int] = [] if pieces is None else pieces
        self.speaker: Resolved | None = None
        self.cue: Mention | None = None


def _pieces(seg: Segmentation) -> list[_Piece]:
    text = seg.text
    out: list[_Piece] = []
    for u, q in enumerate(s for s in find_quoted_spans(text, seg.paragraphs) if s.depth == 0):
        parts = q.parts or [Span(q.start, q.end)]
        for p in parts:
            s, e = p.start, p.end
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(_Piece(s, e, q.closed, u, len(text[s:e].split()), len(parts) > 1))
    out.sort(key=lambda p: p.start)
    return out


def _units(seg: Segmentation, pieces: list[_Piece]) -> list[_Unit]:
    units: list[_Unit] = []
    pi = 0
    for si, s in enumerate(seg.sentences):
        while pi < len(pieces) and pieces[pi].end <= s.start:
            pi += 1
        straddles = False
        if units and units[-1].paragraph == s.paragraph:
            k = pi - 1
            # a piece that began in the previous unit and ends in or after this sentence
            while k >= 0 and pieces[k].start >= units[-1].start:
                if pieces[k].end > s.start:
                    straddles = True
                    break
                k -= 1
            if not straddles and pi < len(pieces):
                p = pieces[pi]
                straddles = p.start < s.start < p.end
        if straddles:
            units[-1].end = max(units[-1].end, s.end)
        else:
            units.append(_Unit(s.start, s.end, s.paragraph, si))
    # extend units over pieces that run past their sentence (a closing mark after the period)
    text = seg.text
    npieces = len(pieces)
    # the first piece ending after an offset is found by a binary search in C
    piece_ends = [p.end for p in pieces]
    # ``seg.token_range`` inlined: two binary searches on the token starts, no method call
    token_starts = seg.token_starts
    # a long article's units are settled one by one, each as the next one starts (the body
    # below may stop early), so that only the last unit's items are alive at a time
    long = seg.long
    settled: list[_Unit] = []
    for n, u in enumerate(units):
        if long and n > 0:
            _settle(units[n - 1], settled, token_starts)
        chunk = text[u.start : u.end]
        low_chunk = chunk.lower()
        if chunk == low_chunk and not _WORTH_RE.search(chunk):
            continue  # no capital, no quote mark, no cue: nothing to find (checked at C speed)
        # an ASCII chunk (a flag of the string, no scan) can hold only the ASCII marks: four
        # substring tests in C instead of a regular-expression scan
        ascii_chunk = chunk.isascii()
        if ascii_chunk:
            loud = '"' in chunk or "'" in chunk or "`" in chunk or ":" in chunk
        else:
            loud = _LOUD_RE.search(chunk) is not None
        u.loud = loud
        u.cue = _has_cue_word(low_chunk, loud)
        quiet = not loud and not u.cue
        if (
            loud
            and not u.cue
            and (":" not in chunk if ascii_chunk else _COLON_DASH_RE.search(chunk) is None)
        ):
            k = bisect_right(piece_ends, u.start)
            # marks that make no quotation here (apostrophes: "Korea’s", "don’t"), no cue,
            # no colon: only names to learn, as in a quiet unit
            quiet = k >= npieces or pieces[k].start >= u.end
        if quiet:
            rest = chunk[1:]
            if rest == rest.lower():
                u.windows = _FIRST_ONLY  # only its first letter is a capital: decided later
                continue
        i = bisect_right(token_starts, u.start - 1)
        j = bisect_right(token_starts, u.end - 1)
        if j - i > _MAX_TOKENS:
            k = bisect_right(piece_ends, u.start)
            if k >= npieces or pieces[k].start >= u.end:
                continue  # a thousand tokens without a stop or a quotation: not prose
        # the unit's tokens, made for it (a long article keeps none: see Segmentation)
        tokens = seg.token_slice(i, j)
        if quiet:
            u.windows = _windows(tokens, 0, j - i, i)
            continue
        if loud and j - i > 40:
            n_marks = sum(chunk.count(c) for c in _MARK_CHARS)
            if n_marks > 20 and n_marks * 5 > len(chunk):
                k = bisect_right(piece_ends, u.start)
                if k >= npieces or pieces[k].start >= u.end:
                    continue  # a wall of quote marks that paired into nothing: not prose
        k = bisect_right(piece_ends, u.start)
        items = _itemize(tokens, 0, j - i, text, pieces, k)
        u.items = items
        if long:
            u.toks = [(i, j, k)]
        u.has_q = k < npieces and pieces[k].start < u.end and any(it.kind == "q" for it in items)
        u.title_case = _title_case(items)
    if long and units:
        _settle(units[-1], settled, token_starts)
        return settled
    return _merge_tails(_chop(units))


def _settle(u: _Unit, out: list[_Unit], token_starts: Sequence[int]) -> None:
    """Chop and merge one unit of a long article into ``out``, as ``_units`` does for all the
    units of an ordinary one; then every unit but the last (which a later one may still join)
    drops its items, to be made again from its token ranges (``_unit_items``)."""
    parts = _chop([u])
    if u.toks is not None and len(parts) > 1:
        i, j, k = u.toks[0]
        # a part begins at the first token of its first item (a word, or a quotation's mark)
        cuts = [i, *(bisect_left(token_starts, p.start, i, j) for p in parts[1:]), j]
        for m, p in enumerate(parts):
            p.toks = [(cuts[m], cuts[m + 1], k)]
    n = len(out)
    if n > 0:
        parts.insert(0, out.pop())
    out.extend(_merge_tails(parts))
    for v in out[max(0, n - 1) : len(out) - 1]:
        if v.toks is not None:
            v.items = []


def _unit_items(u: _Unit, seg: Segmentation, pieces: list[_Piece]) -> list[Item]:
    """A unit's items: kept by an ordinary article's unit, made again from the token ranges of
    a long one's (the same items: see ``_settle``)."""
    if u.items or u.toks is None:
        return u.items
    items: list[Item] = []
    for i, j, k in u.toks:
        items.extend(_itemize(seg.token_slice(i, j), 0, j - i, seg.text, pieces, k))
    return items


_MAX_ITEMS = 120
_MAX_TOKENS = 1000
_WORTH_RE = compile_re(
    "[\"'“”‘’«»`:]|\\b(?:" + "|".join(sorted(CUE_FORMS, key=len, reverse=True)) + ")\\b"
)
_MAX_ATTRS = 12
_CUE_WORDS = frozenset(CUE_FORMS) | SPEECH_NOUNS | {"according"}

# every byte but a-z made a space: ``split()`` then gives the runs of a-z letters of an
# ASCII-encoded chunk (other characters encode as "?"), as ``[a-z]+`` would, three times cheaper
_NOT_AZ = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


# cue words that speak only with a quotation, a colon or a that-clause close after them
_SOFT_CUES = frozenset(
    w for w, b in CUE_FORMS.items() if (b in WEAK_CUES or b in EVAL_CUES) and w not in NOUN_LIKE
) | (SPEECH_NOUNS - TO_NOUNS - set(CUE_FORMS))
_CUE_BYTES = frozenset(w.encode() for w in _CUE_WORDS if w.isascii())
_SOFT_BYTES = frozenset(w.encode() for w in _SOFT_CUES if w.isascii())


def _has_cue_word(low_chunk: str, marks: bool = False) -> bool:
    """Could this chunk (lowercased by the caller) hold a cue? A byte translation, a split
    and set tests, all at C speed: a soft cue (``called``, ``reported``) counts only with
    a ``that`` in the chunk (a quotation or a colon is checked by the caller)."""
    words = low_chunk.encode("ascii", "replace").translate(_NOT_AZ).split()
    if marks:
        return not _CUE_BYTES.isdisjoint(words)
    cues = _CUE_BYTES.intersection(words)
    if not cues:
        return False
    return not cues <= _SOFT_BYTES or b"that" in words


_MARK_RE = compile_re("[\"'“”‘’«»`]")


_DASH_RE = compile_re("[—―–]")
_MARK_CHARS = "\"'“”‘’«»„‟`"
_FIRST_ONLY: list[tuple[int, int, int]] = []  # marks a quiet unit capitalised only at its start
_LOUD_RE = compile_re("[\"'“”‘’«»`:—―–]")
_COLON_DASH_RE = compile_re("[:—―–]")


def _windows(tokens: list[Token], i: int, j: int, base: int = 0) -> list[tuple[int, int, int]]:
    """Token ranges around the capitalised words of ``tokens[i:j]``: each run of capitalised
    words (with the full stops of ``Mr.`` and initials) with one token of context either side,
    as ``(start, end, capitalised words in the run)``, the indices counted from ``base`` for
    ``tokens[0]``. Items are made only when needed."""
    out: list[tuple[int, int, int]] = []
    t = i
    while t < j:
        c = tokens[t].text
        o = ord(c[0])  # an ASCII letter is tested by its code, without a method call
        if not (65 <= o <= 90 if o < 128 else c[0].isupper()):
            t += 1
            continue
        s = t - 1 if t > i else t
        e = t + 1
        caps = 1
        while e < j:
            c = tokens[e].text
            o = ord(c[0])
            if 65 <= o <= 90 if o < 128 else c[0].isupper():
                caps += 1
            elif c != ".":
                break
            e += 1
        e = min(j, e + 1)
        out.append((s + base, e + base, caps))
        t = e
    return out


_NO_PIECES: list[_Piece] = []


def _itemize(
    tokens: list[Token],
    s: int,
    e: int,
    text: str,
    pieces: list[_Piece] = _NO_PIECES,
    k: int = 0,
) -> list[Item]:
    """Words and punctuation of ``tokens[s:e]``, ``Mr.`` and initials as one word, and each
    quotation of ``pieces`` (from ``pieces[k]`` on) as one ``q`` item.

    The hottest loop of the extractor: typed precisely (tokens, pieces, items), so that the
    compiled form reads every field directly.
    """
    items: list[Item] = []
    npieces = len(pieces)
    beyond = len(text) + 1
    next_piece = pieces[k].start if k < npieces else beyond
    skip_until = -1
    last: Item | None = None
    for ts, te, tt in tokens[s:e]:
        if ts < skip_until:
            continue  # inside a quotation already made one item
        if ts >= next_piece:
            while k < npieces and pieces[k].end <= ts:
                k += 1
            next_piece = pieces[k].start if k < npieces else beyond
            if k < npieces and pieces[k].start <= ts:
                p = pieces[k]
                last = Item("q", p.start, p.end, text[p.start : p.end], "", k)
                items.append(last)
                skip_until = p.end
                continue
        if (
            tt == "."
            and last is not None
            and last.kind == "w"
            and last.end == ts
            and (last.low in _ABBREV or (len(last.text) == 1 and last.cap))
        ):
            # "Mr." and initials are one word for the speaker finder
            last = Item("w", last.start, te, last.text + ".", last.low + ".")
            items[-1] = last
            continue
        last = Item("w" if tt[0].isalnum() else "p", ts, te, tt, tt.lower())
        items.append(last)
    return items


def _title_case_text(chunk: str) -> bool:
    """``_title_case`` on raw text, for quiet units that have no items."""
    n = 0
    for w in chunk.split():
        c = w[0]
        if not c.isalnum() or w.lower() in MINOR_WORDS:
            continue
        if not (c.isupper() or c.isdigit()):
            return False
        n += 1
    return n >= 3


def _chop(units: list[_Unit]) -> list[_Unit]:
    """No news sentence runs to hundreds of words: a unit that does (a table, a list without
    stops, hostile input) is cut into pieces, which keeps every step linear."""
    out: list[_Unit] = []
    for u in units:
        if len(u.items) <= _MAX_ITEMS:
            out.append(u)
            continue
        for k in range(0, len(u.items), _MAX_ITEMS):
            part = u.items[k : k + _MAX_ITEMS]
            out.append(
                _Unit(
                    part[0].start,
                    part[-1].end,
                    u.paragraph,
                    u.sentence,
                    part,
                    u.title_case,
                    None,
                    u.loud,
                    u.cue,
                    any(it.kind == "q" for it in part),
                )
            )
    return out


def _merge_tails(units: list[_Unit]) -> list[_Unit]:
    """Join ``"…?" Clinton said.`` and ``"…" ― Name`` back to the quotation they follow:
    the sentence splitter rightly ends a sentence at ``?"`` but the attribution belongs to it."""
    out: list[_Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.paragraph == u.paragraph
            and prev.items
            and prev.items[-1].kind == "q"
            and u.items
            and len(u.items) <= 16
            and (
                u.items[0].text in _DASHES
                or any(it.kind == "w" and it.low in CUE_FORMS for it in u.items[:8])
            )
            and u.items[0].kind != "q"
            and not u.has_q  # "Asked …, he said: “…”" introduces a quotation of its own
            and (
                not prev.items[-1].text.rstrip("\"”’'").endswith(".")
                or u.items[0].text in _DASHES
                or any(it.kind == "w" and it.low in CUE_FORMS for it in u.items[:3])
            )  # after a full stop, only a bare attribution ("Clinton said."), not a sentence
        ):
            prev.end = u.end
            prev.items.extend(u.items)
            if prev.toks is not None and u.toks is not None:
                prev.toks.extend(u.toks)
            prev.loud = prev.loud or u.loud
            prev.cue = prev.cue or u.cue
            prev.has_q = prev.has_q or u.has_q
            continue
        out.append(u)
    return out


# -- attribution -------------------------------------------------------------------------------


def _prev_word(items: list[Item], k: int) -> Item | None:
    return items[k - 1] if k > 0 else None


def _has_content_after(items: list[Item], k: int) -> bool:
    """A weak cue (``called``) counts only with a quotation or a ``that`` clause close after."""
    for m in range(k, min(len(items), k + 9)):
        it = items[m]
        if it.kind == "q" or it.low in ("that", ":"):
            return True
        if it.kind == "p" and it.text in ".;":
            return False
    return False


def _quote_ahead(items: list[Item], k: int) -> bool:
    """A quotation in the clause after ``items[k]`` (before the sentence or clause ends)."""
    for m in range(k, min(len(items), k + 30)):
        it = items[m]
        if it.kind == "q":
            return True
        if it.kind == "p" and it.text in ".;!?":
            return False
    return False


def _title_case(items: list[Item]) -> bool:
    """A headline: every word but the minor ones is capitalised."""
    n = 0
    for it in items:
        if it.kind != "w" or it.low in MINOR_WORDS:
            continue
        if not (it.cap or it.text[0].isdigit()):
            return False  # most sentences: decided at their second or third word
        n += 1
    return n >= 3


def _find_attrs(items: list[Item], title_case: bool = False) -> list[_Attr]:
    """The attributions of one unit (a cue with its speaker phrase), left to right."""
    out: list[_Attr] = []
    n = len(items)
    starts = _CUE_WORDS  # the words an attribution can start at
    nxt = 0  # the first item not yet read (an attribution found skips its words)
    # most words are no cue and no speech noun: only the others are looked at
    for k in [m for m, x in enumerate(items) if x.low in starts]:
        if k < nxt:
            continue
        nxt = k + 1
        it = items[k]
        low = it.low
        if it.kind != "w":
            continue
        if low == "according" and k + 1 < n and items[k + 1].low == "to":
            p = _phrase_right(items, k + 1, n)
            if p is None or (p.j < n and items[p.j].kind == "w" and items[p.j].low != "and"):
                p = _according_source(items, k + 2, n) or p
            if p is not None:
                out.append(_Attr(k, p.j, k, k + 2, p, "according", "according to"))
                nxt = p.j
            continue
        if low in SPEECH_NOUNS and k + 1 < n:
            na = _noun_attr(items, k, n)
            if na is not None:
                out.append(na)
                nxt = na.a_j
                continue
        base = CUE_FORMS.get(low)
        if base is None or (
            it.cap and not (title_case and low not in ("states", "state")) and k != 0
        ):
            # "United States", "Wayne State": a capitalised cue only in a title-case headline
            continue
        cue_j = k + 1
        if base in PARTICLE_CUES:
            if k + 1 < n and items[k + 1].low == PARTICLE_CUES[base]:
                cue_j = k + 2
            else:
                continue
        prev = _prev_word(items, k)
        if (
            prev is not None
            and prev.low in ("’s", "'s")
            and not low.endswith("ing")
            and not (cue_j < n and items[cue_j].low == "that")
        ):
            continue  # "Editor’s note:", "Trump’s comments": a noun ("Trump’s claim that" counts)
        negated = prev is not None and (
            prev.low in ("not", "n't", "never") or prev.low.endswith(("n’t", "n't"))
        )
        if negated and not (cue_j < n and items[cue_j].low in _WH_CONTENT):
            continue  # "did not respond": no speech ("has not said when …" reports a question)
        pv = k - 1
        while pv > 0 and (
            items[pv].low in ("first", "also", "later", "then", "widely", "often")
            or (items[pv].low.endswith("ly") and not items[pv].cap)
        ):
            pv -= 1
        if pv >= 0 and items[pv].low in _PASSIVE and not low.endswith("ing") and pv < k - 1:
            continue  # "was first declared"
        if (
            prev is not None
            and prev.low in _PASSIVE
            and not low.endswith("ing")
            and (low != "said" or prev.low not in ("has", "have"))
        ):
            continue  # "was told", "were asked": passive, not speech
        if base in EVAL_CUES and not _quote_ahead(items, cue_j):
            continue
        if base in THAT_CUES and not that_ahead(items, cue_j):
            continue
        weak = base in WEAK_CUES and not _has_content_after(items, cue_j)
        attr: _Attr | None = None
        if (
            low.endswith("ing")
            and prev is not None
            and (prev.text == "," or prev.low in _INHERIT_BEFORE)
            and not (prev.low == "by" and base == "add" and not _has_content_after(items, cue_j))
        ):
            if base in OBJECT_CUES and prev.low in PREP_ING and not clause_next(items, cue_j):
                continue  # "by posting results that …", "after observing waves of …": no speech
            attr = _Attr(k - 1, cue_j, k, cue_j, None, "inherit", base)
        if attr is None and prev is not None and prev.low in ("’s", "'s") and k >= 2:
            # "Trump’s claim that …": the possessor is the source
            p = phrase_ending_at(items, k - 2)
            if p is not None and p.kind in ("name", "pron", "desc"):
                attr = _Attr(p.i, cue_j, k, cue_j, p, "left", base)
        if attr is None:
            p = phrase_left(items, k)
            if p is not None and p.kind == "pron" and p.i > 0 and _noun_before(items[p.i - 1]):
                p = None  # "the target it pledged to reach": a relative clause
            if p is not None:
                if p.kind == "pron" and p.head in ("who", "which"):
                    q = _relative_antecedent(items, p.i)
                    if q is not None:
                        p = q
                attr = _Attr(p.i, cue_j, k, cue_j, p, "left", base)
        if (
            attr is not None
            and low in NOUN_LIKE
            and (
                attr.phrase is None
                or attr.phrase.kind not in ("name", "pron")
                or (cue_j < n and items[cue_j].text == ",")
            )
        ):
            attr = None
        if attr is None and (prev is None or prev.kind == "q" or prev.text in ",:—―–("):
            p = _phrase_right(items, cue_j - 1, n)
            if p is not None and p.kind == "pron" and p.j < n and items[p.j].kind == "w":
                p = None  # "…, said he had fought": not an inverted speaker
            if p is not None and p.kind == "pron" and p.head in _OBJECT_PRONOUNS:
                p = None  # "…, called it “a blueprint”": an object, never the speaker
            if p is not None and p.j < n and items[p.j].low in _CLAUSE_VERBS:
                p = None  # "…,” said the administration would …": the reported clause
            if p is not None:
                attr = _Attr(k, p.j, k, cue_j, p, "right", base)
        pw = k - 1
        while pw > 0 and items[pw].low in BETWEEN and not items[pw].cap:
            pw -= 1
        if attr is None and pw >= 0 and items[pw].low in ("and", "but") and not weak:
            # "Smith toured the plant and said …": the subject of the sentence speaks
            attr = _Attr(pw, cue_j, k, cue_j, None, "inherit", base)
        if attr is not None and weak:
            # a weak cue ("continued", "demanded", "reads") with nothing after it speaks only
            # right after a quotation: "“…?” Vitter demanded."
            before = items[attr.a_i - 1] if attr.a_i > 0 else None
            if (
                before is None
                or not (before.kind == "q" or before.text == ",")
                or attr.side == "inherit"
                or not _is_adjunct(items, attr.a_j, n)
            ):
                attr = None
        if (
            attr is not None
            and attr.phrase is not None
            and attr.phrase.kind == "pron"
            and attr.phrase.head in ("i", "we")
            and not any(
                items[m].kind == "q" for m in range(max(0, attr.a_i - 2), min(n, attr.a_j + 3))
            )
        ):
            attr = None  # the writer speaking: only around a quotation
        if attr is not None:
            out.append(attr)
            nxt = max(attr.a_j, k + 1)
    return out


_POSS_PRON = {"his": "he", "her": "she", "its": "it", "their": "they"}


def _according_source(items: list[Item], i: int, n: int) -> Phrase | None:
    """The source after ``according to`` when it is not a plain name: ``an analysis by Rita
    Moss``, ``federal statistics``, ``a new report by the Herald``. It runs to the next comma
    or the end; a name after ``by`` speaks, anything else is a source without a name."""
    j = i
    while j < n and j - i < 12 and items[j].kind == "w":
        j += 1
    if j == i or (j < n and items[j].text not in ",.;:—―–)"):
        return None
    for m in range(i, j - 1):
        b = m + 2 if items[m + 1].low == "the" and m + 2 < j else m + 1
        if items[m].low == "by" and items[b].cap:
            e = b
            while e + 1 < j and (items[e + 1].cap or items[e + 1].low in ("of", "for")):
                e += 1
            p = phrase_ending_at(items, e, b)
            if p is not None and p.kind == "name":
                p.i, p.start, p.j, p.end = i, items[i].start, j, items[j - 1].end
                return p
    return Phrase(i, j, "vague", items[i].start, items[j - 1].end, head=items[j - 1].low)


def _noun_attr(items: list[Item], k: int, n: int) -> _Attr | None:
    """``her acknowledgment that …``, ``Smith’s claim that …``, ``an agreement to …``: a speech
    noun after a determiner or possessor, then a that-clause (or ``to`` for a promise). The
    possessor, when there is one, is the source."""
    nxt = items[k + 1].low
    if nxt == "to":
        if items[k].low not in TO_NOUNS or k + 2 >= n or items[k + 2].cap:
            return None
    elif nxt != "that":
        return None
    # a determiner or possessor within three words, only adjectives between
    m = k - 1
    while m >= 0 and k - m <= 3:
        w = items[m]
        if w.low in DETERMINERS or w.low in ("’s", "'s"):
            break
        if (
            w.kind != "w"
            or w.cap
            or w.low in VAGUE_HEADS
            or w.low in BETWEEN
            or w.low in PRONOUNS
            or w.low in CUE_FORMS
        ):
            return None
        m -= 1
    else:
        return None
    if m < 0:
        return None
    phrase: Phrase | None = None
    w = items[m]
    if items[k].low.endswith("s") and w.low not in _POSS_PRON and w.low not in ("’s", "'s"):
        return None  # "the claims that critics raise": a relative clause, most often
    if w.low in ("’s", "'s") and m >= 1:
        p = phrase_ending_at(items, m - 1)
        if p is not None and p.kind in ("name", "desc"):
            phrase = p
    elif w.low in _POSS_PRON:
        pron = _POSS_PRON[w.low]
        phrase = Phrase(m, m + 1, "pron", w.start, w.end, head=pron)
    i = phrase.i if phrase is not None else m
    return _Attr(i, k + 1, k, k + 1, phrase, "noun", items[k].low)


_WH_CONTENT = frozenset("when whether if why how what where who".split())


def _neg_wh(items: list[Item], a: _Attr) -> bool:
    """``have not said when …``, ``isn't saying if …``: a negated cue reporting a question."""
    if a.cue_i == 0 or a.cue_j >= len(items) or items[a.cue_j].low not in _WH_CONTENT:
        return False
    prev = items[a.cue_i - 1].low
    return prev in ("not", "n't", "never") or prev.endswith(("n’t", "n't"))


_OBJECT_PRONOUNS = frozenset("it him her them us me".split())
# a verb right after the phrase that follows a cue: the phrase opens the reported clause
_CLAUSE_VERBS = frozenset(
    """would will could can should must might may is are was were has have had does do did
    wo won't wouldn't isn't wasn't""".split()
)

_NOT_NOUN = frozenset(
    """and but or so then yet that which who when while if as because since though although
    after before said says told added also later now still just even again once what whom
    whose where why how whatever everything something nothing anything all""".split()
)


def _noun_before(it: Item) -> bool:
    """A lower-case word that is likely a noun right before a pronoun subject."""
    return (
        it.kind == "w"
        and not it.cap
        and it.low not in _NOT_NOUN
        and it.low not in _PREPS
        and it.low not in CUE_FORMS
        and not it.low.endswith("ly")
        and it.low.isalpha()
    )


def _relative_antecedent(items: list[Item], who: int) -> Phrase | None:
    j = who - 1
    if j >= 0 and items[j].text == ",":
        j -= 1
    if j < 0:
        return None
    p = phrase_ending_at(items, j)
    if p is not None and p.kind in ("name", "desc", "vague"):
        p.j = who + 1
        return p
    return None


def _subject(items: list[Item], upto: int) -> Phrase | None:
    """The subject at the start of the unit, for ``X did Y, saying …``."""
    # skip a dateline ("AUSTIN, Texas (AP) —"), then an introductory phrase ending in a
    # comma: "On Thursday, ..."
    k = d = _skip_dateline(items, 0, upto)
    for m in range(d, min(upto, d + 8)):
        if items[m].text == ",":
            k = m + 1
            break
    j = k
    while j < upto and items[j].kind == "w" and (items[j].cap or items[j].low in ("the", "a")):
        j += 1
    if j > k:
        return phrase_ending_at(items, j - 1, k)
    if k < upto and items[k].low in PRONOUNS:
        return phrase_ending_at(items, k, k)
    return None


# -- content -----------------------------------------------------------------------------------


_AUX_NEXT = frozenset(
    "is was would will could can should may might must has had does did isn’t wasn’t".split()
)


_TRIM_LEFT = _END_PUNCT | {"(", ")"}
_TRIM_RIGHT = _END_PUNCT | {")"}


def _trim(items: list[Item], i: int, j: int) -> tuple[int, int]:
    while i < j and (
        (items[i].kind == "p" and items[i].text in _TRIM_LEFT)
        or (
            items[i].low == "that"
            and not (i + 1 < j and (items[i + 1].text == "," or items[i + 1].low in _AUX_NEXT))
        )
    ):
        i += 1
    while j > i and items[j - 1].kind == "p" and items[j - 1].text in _TRIM_RIGHT:
        j -= 1
    return i, j


def _is_adjunct(items: list[Item], i: int, j: int) -> bool:
    """Only circumstances after the cue: ``on Monday``, ``in a statement published …``."""
    i, j = _trim(items, i, j)
    if i >= j:
        return True
    if j - i > 30:
        return False  # circumstances are short; this is a clause
    for m in range(i, j):
        it = items[m]
        if it.kind == "q" or it.low == "that":
            return False  # a quotation, or a that-clause: what was said
    first = items[i].low
    if first.endswith("ing") and not items[i].cap and i > 0 and items[i - 1].low in _SAY_FORMS:
        return True  # "said responding to a question", "said, speaking at a rally"
    return first in _PREPS or (j - i <= 3 and all(items[m].cap for m in range(i, j)))


_SAY_FORMS = frozenset(
    """said says say added adds noted notes stated states told tells wrote writes explained
    continued responded replied commented , ,""".split()
)


def _after_start(items: list[Item], a: _Attr, end: int) -> int:
    """Where the content after a cue begins: after ``that``/``:`` if close, else after the cue
    (and after the hearer for ``told reporters``)."""
    k = a.a_j if a.side == "right" else a.cue_j
    if a.a_i > 0 and items[a.a_i - 1].low == "as" and a.side == "left":
        # "As Ms. Vance put it in a letter in July, the station is …": after the comma
        for m in range(k, min(end, k + 12)):
            if items[m].text == ",":
                return m + 1
            if items[m].kind != "w":
                break
    # "said that", "said in a statement that", "told reporters that"; but in "said officers
    # have footage that shows …" the "that" belongs to the reported clause
    circum = k < end and (
        items[k].low in _PREPS
        or items[k].text == ","
        or items[k].low in _ADVERBS
        or (items[k].low.endswith("ly") and not items[k].cap)
        or a.base in HEARER_CUES
    )
    for m in range(k, min(end, k + 10)):
        it = items[m]
        if it.kind == "q":
            break
        if it.low == "that" or it.text == ":":
            if m == k or circum:
                if (
                    it.low == "that"
                    and m + 1 < end
                    and (items[m + 1].text == "," or items[m + 1].low in _AUX_NEXT)
                ):
                    return m  # "said that, if elected, he …"; "said that would …" (a subject)
                return m + 1
            break
        if it.kind == "p" and it.text not in ",":
            break
    if k < end and items[k].low in _PREPS and a.base not in HEARER_CUES:
        # "said after the rally he would …": circumstances, then a pronoun subject
        for m in range(k + 1, min(end, k + 7)):
            it = items[m]
            if it.kind != "w" or it.low in CUE_FORMS:
                break
            if it.low in ("he", "she", "they", "we", "i", "it") and m > k + 1:
                return m
    if a.base in HEARER_CUES:
        m = _skip_hearer(items, k, end)
        while m < end and m - k < 8 and items[m].kind == "w" and items[m].low not in ("to", "that"):
            if items[m].low in _PREPS:
                break
            m += 1
        if m < end and items[m].low == "to":
            return m
        return _skip_hearer(items, k, end)
    return k


_ADVERBS = frozenset("also again later then publicly privately repeatedly recently".split())


def _skip_hearer(items: list[Item], k: int, end: int) -> int:
    """Past the hearer of ``told``: ``reporters``, ``the crowd``, ``The Huffington Post``,
    ``MSNBC’s “Morning Joe”``."""
    m = k
    if m < end and items[m].low in ("the", "a", "an", "his", "her", "their", "its", "our"):
        m += 1
    if m < end and items[m].cap:
        while m < end and (items[m].cap or items[m].low in ("’s", "'s")):
            m += 1
        if m < end and items[m].kind == "q" and m > k and items[m - 1].low in ("’s", "'s"):
            m += 1
    elif (
        m < end
        and items[m].kind == "w"
        and items[m].low not in ("that", "to", "about")
        and (items[m].low not in _PREPS or m > k)
    ):
        m += 1
    return m


_TO_CUES = frozenset(
    "promise pledge vow urge ask warn tell encourage agree threaten demand propose".split()
)
_NOT_CLAUSE_START = frozenset(
    """is was are were has have had will would could can should may might must do does did
    by be been being and or but nor""".split()
)


def _bad_clause(items: list[Item], a: _Attr, i: int, j: int) -> bool:
    """Text after a cue that is not what the cue reports: circumstances only (``said at a
    briefing``), a verb phrase (``everything Trump says is a lie``), an agent (``declared by``),
    or a clause cut off by a comma (``claims, prosecutors rarely …``)."""
    after_that = i > 0 and (items[i - 1].low == "that" or items[i - 1].text == ":")
    t_i, _ = _trim(items, i, j)
    infinitive = (
        t_i + 1 < j
        and items[t_i].low == "to"
        and (a.base in HEARER_CUES or a.base in _TO_CUES)
        and not items[t_i + 1].cap
    )
    if not after_that and not infinitive and not _neg_wh(items, a) and _is_adjunct(items, i, j):
        return True
    if t_i < j and items[t_i].low in _NOT_CLAUSE_START:
        return True
    return (
        not after_that
        and a.cue_j < len(items)
        and items[a.cue_j].text == ","
        and items[t_i].kind != "q"
    )


def _skip_dateline(items: list[Item], i: int, j: int) -> int:
    """``MOSCOW, April 27. /TASS/.`` or ``WASHINGTON (AP) —`` opening a paragraph is not part
    of what was said."""
    for m in range(i, min(j, i + 14)):
        it = items[m]
        if it.text == "/" and m + 2 < j and items[m + 2].text == "/":
            k = m + 3
            while k < j and items[k].kind == "p":
                k += 1
            return k
        if (
            it.text in ("—", "―", "--", "–", "-")
            and m > i
            and (items[m - 1].cap or items[m - 1].text in (")", ".") or items[m - 1].text.isdigit())
        ):
            k = m + 1
            while k < j and items[k].text in ("—", "―", "--", "–", "-"):
                k += 1  # "--" may come as two hyphens
            return k
        if it.text == ":" and m > i and _place_words(items, i, m):
            return m + 1  # "NEW DELHI: The cabinet approved ..., the minister said"
        if it.kind == "w" and not it.cap and not it.text[:1].isdigit():
            break
    return i


def _place_words(items: list[Item], i: int, j: int) -> bool:
    """Are ``items[i:j]`` a place as a bare dateline writes it: words in capitals (``NEW
    DELHI``), or a city the gazetteer of datelines knows (``Mumbai``)?"""
    if j - i > 4 or any(items[k].kind != "w" for k in range(i, j)):
        return False
    words = [items[k].text for k in range(i, j)]
    if all(w.isupper() and len(w) > 1 for w in words):
        return True
    from newscli.dateline import known_place

    return known_place(" ".join(words)) == "T"


def _resumed(items: list[Item], i: int, j: int) -> list[int]:
    """Quotations that resume an interrupted quote after its attribution: the items after
    the cue are circumstances (no ``that``, no other quotation first), then a comma and the
    quotation(s), then nothing but punctuation."""
    m = i
    while m < j and m - i < 16 and items[m].kind != "q":
        if items[m].low == "that":
            return []
        m += 1
    if m >= j or items[m].kind != "q" or (m > i and items[m - 1].text not in ",:—―–"):
        return []
    out = []
    while m < j:
        if items[m].kind == "q":
            out.append(m)
        elif items[m].kind == "w":
            return []
        m += 1
    return out


def _next_cuts(items: list[Item], attrs: list[_Attr]) -> list[int]:
    """For each attribution, where its content must stop: at the next attribution that starts
    a new clause (``, adding``, ``and warned``, ``, according to``, ``; Y said``), but not at one
    nested inside its own that-clause (``noted that the commission announced that …``).
    One backward pass."""
    out = [len(items)] * len(attrs)
    cut = len(items)
    for idx in range(len(attrs) - 1, -1, -1):
        out[idx] = cut
        b = attrs[idx]
        starts_clause = b.a_i > 0 and (
            items[b.a_i - 1].kind == "q" or items[b.a_i - 1].text in ",;:—―–("
        )
        if b.side in ("inherit", "according", "right") or starts_clause:
            cut = b.a_i
        elif b.a_i > 0 and items[b.a_i - 1].low in _NEW_CLAUSE:
            # "…, though she acknowledged …": a new clause, not part of the content
            k = b.a_i - 1
            cut = k - 1 if k > 0 and items[k - 1].text == "," else k
    return out


_SUBORD = frozenset(
    "but when if as after before while because although though since once unless until".split()
)
_NEW_CLAUSE = frozenset("though although while but whereas and yet".split())


def _stats(items: list[Item]) -> tuple[list[int], list[int]]:
    """Positions of the quotations and running word counts of a unit, so that classifying
    many candidate contents of one long sentence stays linear."""
    qpos: list[int] = []
    wprefix: list[int] = [0]
    words = 0
    for m, it in enumerate(items):
        kind = it.kind
        if kind == "w":
            words += 1
        elif kind == "q":
            qpos.append(m)
        wprefix.append(words)
    return qpos, wprefix


def _classify(
    items: list[Item],
    i: int,
    j: int,
    lead_in: bool = False,
    stats: tuple[list[int], list[int]] | None = None,
) -> tuple[str, list[tuple[int, int]]] | None:
    """Kind of the content ``items[i:j]`` and its span(s) as item ranges. With ``lead_in``
    (content after a cue), words then a comma or colon before a closing quotation are
    circumstances of a direct quote, not reported speech."""
    i, j = _trim(items, i, j)
    if i >= j:
        return None
    qpos, wprefix = stats if stats is not None else _stats(items)
    qs = qpos[bisect_left(qpos, i) : bisect_left(qpos, j)]
    words = wprefix[j] - wprefix[i]
    if qs and words == 0:
        return "direct", [(m, m + 1) for m in qs]
    if (
        qs
        and lead_in
        and qs[0] > i
        and items[qs[0] - 1].text in ",:"
        and wprefix[qs[0]] - wprefix[i] <= 5
        and not any(items[m].low == "that" for m in range(i, qs[0]))
        and wprefix[j] - wprefix[qs[0]] == 0
    ):
        # "told the crowd on Monday, “…”", "scolded him: “…”": circumstances, then the quote
        return "direct", [(m, m + 1) for m in qs]
    if qs:
        return "mixed", [(i, j)]
    if words >= 3:
        return "indirect", [(i, j)]
    return None


def _speech_like(piece: _Piece, text: str) -> bool:
    inner = text[piece.start : piece.end].strip("\"'“”‘’«»` ")
    if _titled(inner):
        return False
    if piece.words >= 4:
        return True
    return bool(inner) and inner[-1] in ".?!," and piece.words >= 2


# -- the extractor -----------------------------------------------------------------------------


def extract_quotes(seg: Segmentation, entities: list[Entity] | None = None) -> list[Quote]:
    """Every quotation and piece of reported speech, in text order."""
    text = seg.text
    pieces = _pieces(seg)
    units = _units(seg, pieces)
    resolver = Resolver(text, entities)
    resolver.prepare = lambda: _register_names(units, resolver, seg, pieces)  # on first use
    found: list[_Found] = []
    by_para: dict[int, list[_Found]] = {}
    last_para_speaker: dict[int, tuple[Resolved, Mention | None]] = {}
    para_starts = [p.start for p in seg.paragraphs]
    for u in units:
        if u.windows is not None or not (u.items or u.toks):
            continue  # a quiet unit: no cue, no quotation
        items = _unit_items(u, seg, pieces)
        pstart = para_starts[u.paragraph] if u.paragraph < len(para_starts) else u.start
        # most sentences hold no cue and no quotation: decided in _units at C speed
        marks = u.loud
        chunk = text[u.start : u.end]
        attrs = _find_attrs(items, u.title_case) if u.cue else []
        if len(attrs) > 1:
            attrs = _inner_cues_dropped(items, attrs)
        if len(attrs) > _MAX_ATTRS:
            continue  # dozens of cues in one sentence: a list or hostile text, not speech
        has_q = u.has_q if (attrs or marks) else False
        got = _analyse(u, items, attrs, pieces, text, resolver, pstart) if attrs or has_q else []
        if not got and (has_q or ":" in chunk):
            got = _label_or_dash(u, items, pieces, text, resolver, pstart)
        if has_q and not any(f.pieces for f in got):
            # quoted words no cue claimed: "Cruz exhorted Republicans to "vote …" and said …"
            upto = min((a.a_i for a in attrs), default=len(items))
            vm = _verb_mixed(u, items, text, resolver, pstart, upto)
            if vm and not any(f.start < vm[0].end and vm[0].start < f.end for f in got):
                got = sorted([*got, *vm], key=lambda f: f.start)
        if got:
            got = [
                f for f in got if f.kind == "direct" or not in_bullet_headline(text, f.start, f.end)
            ]
        for f in got:
            if f.speaker is None and f.kind == "direct":
                _colon_subject(f, items, resolver, pstart)
        found.extend(got)
        by_para.setdefault(u.paragraph, []).extend(got)
        for f in got:
            if f.speaker is not None and f.speaker.name:
                last_para_speaker[u.paragraph] = (f.speaker, f.cue)
        # "Caddell continued:" at the end of a unit announces the next quotation
        if attrs and items and items[-1].text == ":" and attrs[-1].a_j >= len(items) - 2:
            a = attrs[-1]
            if a.resolved is None and a.phrase is not None:
                a.resolved = resolver.resolve(a.phrase, items[a.cue_i].start, pstart)
            if a.resolved is not None and a.resolved.name:
                last_para_speaker[u.paragraph] = (a.resolved, _cue_mention(items, a, text))
    _fill_context(found, by_para, last_para_speaker, pieces, text)
    # the callback and the resolver refer to each other: unhook it, so that an article whose
    # speakers were never resolved is freed at once, not at the next cyclic collection
    resolver.prepare = None
    return _to_quotes(found, pieces, seg, text)


def _inner_cues_dropped(items: list[Item], attrs: list[_Attr]) -> list[_Attr]:
    """``The court would then ask the office to respond …, Means said.``: a sentence that ends
    with ``, X said`` reports the whole clause before it, so a cue inside that clause is part of
    what was said, not an attribution of its own."""
    last = attrs[-1]
    n = len(items)
    if last.side != "left" or last.a_i < 2 or items[last.a_i - 1].text != ",":
        return attrs
    if last.phrase is None or last.phrase.kind not in ("name", "pron"):
        return attrs
    if any(items[m].kind != "p" for m in range(last.a_j, n)):
        return attrs  # "…, X said on Monday" or more: leave it to the analysis
    m = last.a_i - 1
    while m >= 0 and items[m].kind != "q" and items[m].text not in (":", ";"):
        m -= 1
    keep = [a for a in attrs[:-1] if a.cue_i <= m or a.side not in ("left", "inherit")]
    keep.append(last)
    return keep


def _register_names(
    units: list[_Unit], resolver: Resolver, seg: Segmentation, pieces: list[_Piece]
) -> None:
    """Learn the article's people before resolving: full names, titles, genders.

    Title-case lines (headlines) are skipped: ``Lindsey Graham Says`` is not a name.
    """
    text = resolver.text
    cache: dict[str, _CachedPhrase | None] = {}
    people = resolver.people
    for u in units:
        if u.windows is None:
            if not u.title_case:
                _register_run_names(_unit_items(u, seg, pieces), resolver, text, cache)
            continue
        windows = u.windows
        if windows is _FIRST_ONLY:
            low = text[u.start : u.end].split(None, 1)[0].lower()
            if resolver.people.get(low.strip(".,")) is None and not first_name_sex(low):
                continue  # "The", "But", "In": no name to learn
            i, j = seg.token_range(u.start, u.end)
            windows = _windows(seg.token_slice(i, j), 0, j - i, i)
        title: bool | None = None
        for s, e, caps in windows:
            tokens = seg.token_slice(s, e)
            if caps == 1:
                # one capitalised word ("The", "Monday", "Smith"): a name only if it is a known
                # person or a first name, as _register_run_names decides; most windows are
                # settled here, before any item is made
                low = (tokens[0] if tokens[0].text[0].isupper() else tokens[1]).text.lower()
                if people.get(low.strip(".,")) is None and not first_name_sex(low.strip(".")):
                    continue
            if title is None:
                title = _title_case_text(text[u.start : u.end])
            if title:
                break
            _register_run_names(_itemize(tokens, 0, e - s, text), resolver, text, cache)


def _register_run_names(
    items: list[Item], resolver: Resolver, text: str, cache: dict[str, _CachedPhrase | None]
) -> None:
    """Register the names in one list of items (a unit, or a window of a quiet unit)."""
    n = len(items)
    done = 0  # items before this are part of a run already seen
    people = resolver.people
    for k, it in enumerate(items):
        if not it.cap or k < done:
            continue  # only a capitalised word (a "w") starts a run
        j = k
        while j + 1 < n and items[j + 1].cap and items[j + 1].low not in CUE_FORMS:
            j += 1
        if j == k:
            known = people.get(it.low.strip(".,")) is not None
            if not (
                (k > 0 and items[k - 1].text not in '.!?"“')
                or known
                or (first_name_sex(it.low) != "" and k + 1 < n and not items[k + 1].cap)
            ):
                continue
            if not known and not first_name_sex(it.low.strip(".")):
                # one word alone ("Monday", "American"): its phrase is itself and has no
                # title, so it is noted only as a known person or a first name (as below)
                continue
        done = j + 1
        if plain_name_run(items, k, j):
            # a bare name (most runs): its phrase is the run itself, without titles
            p_i, p_start, ns, ne, titles = k, it.start, it.start, items[j].end, _NO_TITLES
        else:
            p = _cached_phrase(items, j, k, text, cache)
            if p is None or p.kind != "name":
                continue
            p_i, p_start, ns, ne, titles = p.i, p.start, p.name_start, p.name_end, p.titles
        ws = text[ns:ne].split()
        first = ws[0].lower().strip(".") if ws else ""
        if (len(ws) >= 2 and len(ws) <= 4) or (
            titles and (first in FEMALE_NAMES or first in MALE_NAMES or ws)
        ):
            person = resolver.note_name(ns, ne, titles, p_start)
            if p_i == 0 or (p_i > 0 and items[p_i - 1].text == ","):
                resolver.note_subject(p_start, person)
        elif people.get(ws[-1].lower().strip(".,")) or (len(ws) == 1 and first_name_sex(first)):
            # "Scott bristles at …" (a known person), "Melanie said" (a first name)
            person = resolver.note_name(ns, ne, titles, p_start)
            if p_i == 0 or items[p_i - 1].text == ",":
                resolver.note_subject(p_start, person)


_NO_TITLES: list[str] = []  # shared and never changed: note_name only reads titles


# a phrase found for a run of capitalised words, with offsets relative to the run's start
_CachedPhrase = tuple[int, int, str, int, int, int, int, str, tuple[str, ...]]


def _cached_phrase(
    items: list[Item], j: int, k: int, text: str, cache: dict[str, _CachedPhrase | None]
) -> Phrase | None:
    """``phrase_ending_at(items, j, k)`` for a run of capitalised words, memoised on the run's
    text: articles repeat their names, and the phrase depends only on the run itself."""
    base = items[k].start
    key = text[base : items[j].end]
    if key not in cache:
        p = phrase_ending_at(items, j, k)
        if p is None:
            cache[key] = None
            return None
        cache[key] = (
            p.i - k,
            p.j - k,
            p.kind,
            p.start - base,
            p.end - base,
            p.name_start - base,
            p.name_end - base,
            p.head,
            tuple(p.titles),
        )
        return p
    hit = cache[key]
    if hit is None:
        return None
    i, jj, kind, s, e, ns, ne, head, titles = hit
    return Phrase(i + k, jj + k, kind, s + base, e + base, ns + base, ne + base, head, list(titles))


_IRREGULAR_PAST = frozenset(
    """went gone took taken made gave given held brought sent kept left put set got began
    begun spoke spoken drew drawn threw thrown struck hit led sought""".split()
)
_VERB_STOP = frozenset(
    """is was are were has have had does did says said would will could can should may might
    must seems seemed appeared looks looked""".split()
)


def _verb_mixed(
    u: _Unit, items: list[Item], text: str, resolver: Resolver, pstart: int, upto: int
) -> list[_Found]:
    """``Cruz exhorted Republicans to "vote your conscience"``, ``Trump proclaimed a goal of
    "Peace Through Strength"``: a named speaker, a verb, and an object holding a quoted
    phrase report speech even without a speech verb (the quoted words are the speaker's)."""
    p = _subject(items, upto)
    if (
        p is None
        or p.kind not in ("name", "pron", "desc")
        or (p.kind == "pron" and p.head not in ("he", "she"))
    ):
        return []
    v = p.j
    n = len(items)
    while v < n and (items[v].low in BETWEEN or items[v].low.endswith("ly")) and not items[v].cap:
        if items[v].low in _PASSIVE:
            return []  # "He's been investigated by …": what others did, not his words
        v += 1
    if v >= n:
        return []
    verb = items[v]
    if (
        verb.kind != "w"
        or verb.cap
        or verb.low in _VERB_STOP
        or not (
            verb.low.endswith("ed")
            or (verb.low.endswith("s") and not verb.low.endswith("ss"))
            or verb.low in _IRREGULAR_PAST
        )
    ):
        return []
    i, j = _trim(items, v + 1, min(n, upto))
    # the clause ends at the first full stop or semicolon
    for m in range(i, j):
        if items[m].kind == "p" and items[m].text in ";":
            j = m
            break
    qs = [items[m] for m in range(i, j) if items[m].kind == "q"]
    if j - i < 2 or not qs or p.head in VAGUE_HEADS:
        return []
    if all(_all_caps_words(q.text) for q in qs):
        return []  # "watched the film “Blue Night”": a title, not the speaker's words
    if items[i].kind == "q" and j - i == 1:
        return []
    a = _Attr(p.i, v + 1, v, v + 1, p, "left", verb.low)
    a.resolved = resolver.resolve(p, verb.start, pstart)
    cue = Mention(verb.start, verb.end, verb.text)
    return [_make(items, i, j, "mixed", a, u, cue)]


def _all_caps_words(quoted: str) -> bool:
    """Every word of a quotation capitalised (``“Blue Night”``): a title or a name."""
    words = [w for w in quoted.strip("\"'“”‘’«»` .,").split() if w.lower() not in MINOR_WORDS]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _cue_mention(items: list[Item], a: _Attr, text: str) -> Mention:
    s, e = items[a.cue_i].start, items[a.cue_j - 1].end
    return Mention(s, e, text[s:e])


def _analyse(
    u: _Unit,
    items: list[Item],
    attrs: list[_Attr],
    pieces: list[_Piece],
    text: str,
    resolver: Resolver,
    pstart: int,
) -> list[_Found]:
    out: list[_Found] = []
    n = len(items)
    boundary = 0  # content of a later attribution cannot reach before this item
    prev_attr: _Attr | None = None
    cuts = _next_cuts(items, attrs)
    st = _stats(items)
    for idx, a in enumerate(attrs):
        nxt = cuts[idx]
        # speaker
        if a.side == "inherit":
            if prev_attr is not None:
                a.resolved = prev_attr.resolved
            else:
                p = _subject(items, a.a_i)
                a.phrase = p
                if p is not None:
                    a.resolved = resolver.resolve(p, items[a.cue_i].start, pstart)
        elif a.phrase is not None:
            a.resolved = resolver.resolve(a.phrase, items[a.cue_i].start, pstart)
        cue = _cue_mention(items, a, text)
        b_i, b_j = _trim(items, boundary, a.a_i)
        has_before = b_j > b_i
        before_q = bisect_left(st[0], b_i) < bisect_left(st[0], b_j)
        before_words = st[1][b_j] - st[1][b_i] if has_before else 0
        joined = a.a_i > 0 and (items[a.a_i - 1].kind == "q" or items[a.a_i - 1].text in ",—―–(:")
        tail_i = a.a_j
        if a.base in HEARER_CUES and a.side != "right":
            tail_i = _skip_hearer(items, tail_i, nxt)
        tail_comma = tail_i < n and items[tail_i].text == ","
        # what follows is computed only where the decision below needs it: all of it reads
        # the items and nothing else, so the order does not matter
        pre: tuple[str, list[tuple[int, int]]] | None = None
        not_adjunct = False  # the tail is more than circumstances, whatever _is_adjunct says
        if a.side != "right":  # "…, said X": the content is before, never after
            after_i = a.a_j if a.side == "according" else _after_start(items, a, nxt)
            if (
                a.side == "left"
                and after_i > a.cue_j
                and after_i < n
                and items[after_i].low in ("he", "she", "they", "we", "i", "it")
                and items[after_i - 1].low != "that"
            ):
                not_adjunct = True  # "said after the rally he would …"
            pre = _classify(items, after_i, nxt, lead_in=True, stats=st)
            if (
                pre is not None
                and pre[0] != "direct"
                and a.side != "noun"
                and _bad_clause(items, a, after_i, nxt)
            ):
                pre = None
        mode = ""
        if a.side == "right":
            mode = "post" if has_before else ""
        elif a.side == "according":
            mode = "post" if has_before and joined else "pre"
        elif a.side in ("inherit", "noun"):
            mode = "pre"
        elif joined and before_q and before_words == 0:
            mode = "post"  # "…," X said (, "…")
        elif joined and has_before and tail_comma and _paren_tail(items, tail_i, nxt, st):
            mode = "paren"
        elif pre is not None and (not_adjunct or not _tail_adjunct(items, a, tail_i, nxt)):
            mode = "pre"
        elif (
            joined
            and has_before
            and (before_q or before_words >= 3)
            and not _intro(items, b_i, b_j, before_q)
        ):
            mode = "post"
        if mode == "post" and before_q and before_words == 0:
            # "A," he said (during a rally in X), "B."  -> two linked pieces of one utterance
            for rs in _resumed(items, tail_i, nxt):
                out.append(_make(items, rs, rs + 1, "direct", a, u, cue))
        spans: tuple[str, list[tuple[int, int]]] | None = None
        if mode == "post":
            if u.start == pstart and all(items[k].kind == "p" for k in range(b_i)):
                # (from the paragraph's first item: "(CNN) --" opens with a bracket)
                b_i = max(b_i, _skip_dateline(items, 0, b_j))
            for m in range(b_j - 1, b_i, -1):
                if items[m].text == ":" and m + 1 < b_j and items[m + 1].kind == "q":
                    b_i = m + 1  # "X scolded him: “…,” McCaskill said": the quote is after
                    break
            b_i = _skip_connective(items, b_i, b_j)
            spans = _classify(items, b_i, b_j, lead_in=True, stats=st)
            boundary = a.a_j
        elif mode == "paren":
            for m in range(a.a_i - 1, b_i, -1):
                if items[m].text == ":":
                    b_i = m + 1  # "an explanation: Before birth, they say, mammals …"
                    break
            spans = _classify(items, b_i, nxt, stats=st)
            if spans is not None and spans[0] == "direct":
                spans = ("mixed", [(b_i, _trim(items, b_i, nxt)[1])])
            boundary = nxt
        elif mode == "pre":
            spans = pre
            if spans is not None and spans[0] != "direct":
                s_i, s_j = spans[1][0]
                c_j = _clip_tail(items, s_i, s_j)
                if c_j < s_j:
                    has_q = any(items[m].kind == "q" for m in range(s_i, c_j))
                    spans = ("mixed" if has_q else "indirect", [(s_i, c_j)])
            boundary = nxt
        else:
            boundary = max(boundary, a.a_j)
        if spans is not None:
            kind, rng = spans
            for s_i, s_j in rng:
                out.append(_make(items, s_i, s_j, kind, a, u, cue))
        prev_attr = a
    out.sort(key=lambda f: f.start)
    # a quotation already reported is not reported twice
    seen: set[tuple[int, int]] = set()
    res: list[_Found] = []
    for f in out:
        if (f.start, f.end) in seen:
            continue
        seen.add((f.start, f.end))
        res.append(f)
    if not attrs:
        # a unit made of quotations alone is direct speech whose speaker is in the context
        qs = st[0]
        words = st[1][-1]
        if qs and words == 0:
            for m in qs:
                pc = pieces[items[m].piece]
                if not pc.closed and not pc.continued:
                    continue  # a stray mark opening a line is not a quotation
                inner = text[pc.start : pc.end].strip("\"'“”‘’«»` ")
                if _titled(inner):
                    continue
                if _speech_like(pc, text) or (len(qs) == 1 and pc.words >= 2):
                    res.append(_Found(pc.start, pc.end, "direct", None, u, [items[m].piece]))
            return res
    # a long quotation no cue claimed ("…," Scott Pruitt, the attorney general of Oklahoma,
    # one of the states suing, said): still speech; the nearest speaker of the unit says it
    covered = [(f.start, f.end) for f in res]
    for m in st[0]:  # the quotations
        it = items[m]
        if any(s0 <= it.start and it.end <= e0 for s0, e0 in covered):
            continue
        pc = pieces[it.piece]
        if not _long_speech(pc, text):
            continue
        if not attrs:
            # "… as its headline: “Finally. Someone who thinks like me.”": a quotation
            # announced by a colon; its speaker comes from the context
            if m > 0 and items[m - 1].text == ":":
                res.append(_Found(pc.start, pc.end, "direct", None, u, [it.piece]))
            continue
        best = min(attrs, key=lambda a: min(abs(a.a_i - m), abs(a.a_j - m)))
        f = _Found(pc.start, pc.end, "direct", best, u, [it.piece])
        f.speaker = best.resolved
        f.cue = _cue_mention(items, best, text)
        res.append(f)
    res.sort(key=lambda f: f.start)
    return res


def _paren_tail(items: list[Item], tail_i: int, nxt: int, st: tuple[list[int], list[int]]) -> bool:
    """``A, he said, B``: reported content (not a quotation alone) after the cue."""
    t_i, t_j = _trim(items, tail_i, nxt)
    tail = _classify(items, t_i, t_j, stats=st)
    return tail is not None and tail[0] != "direct"


def _tail_adjunct(items: list[Item], a: _Attr, tail_i: int, nxt: int) -> bool:
    """Only circumstances after the cue (``said on Monday``), not a clause it reports."""
    n = len(items)
    return (
        _is_adjunct(items, tail_i, nxt)
        and not _neg_wh(items, a)
        and not (
            tail_i < n
            and (
                items[tail_i].low == "that"
                or items[tail_i].text == ":"
                or (items[tail_i].low == "to" and (a.base in HEARER_CUES or a.base in _TO_CUES))
            )
        )
    )


def _intro(items: list[Item], b_i: int, b_j: int, before_q: bool) -> bool:
    """``In his speech, Graham urged …``, ``But when Congress cut funding, Mexico said …``:
    an introductory phrase is not what was said."""
    c_i = _skip_connective(items, b_i, b_j)
    return not before_q and (items[c_i].low in _PREPS or items[c_i].low in _SUBORD)


def _titled(inner: str) -> bool:
    """``The Steve Harvey Morning Show``, ``All Bets Are Off.``: a title, not speech
    (``We're America.`` and ``The Donald. Big Daddy.`` are speech)."""
    words = [w for w in inner.split() if w.lower().strip(".,!?:;") not in MINOR_WORDS]
    if len(words) < 3 or any(c in inner.rstrip(".,!?;: ") for c in ".!?"):
        return False
    if words[0].lower().strip(".,") in PRONOUNS or "’" in words[0] or "'" in words[0]:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _long_speech(piece: _Piece, text: str) -> bool:
    """Long enough, and shaped like a sentence, to be speech wherever it stands."""
    inner = text[piece.start : piece.end].strip("\"'“”‘’«»` ")
    if not inner or _titled(inner):
        return False
    if piece.words >= 8:
        return True
    return piece.words >= 4 and inner[-1] in ".?!,"


_CONNECTIVES = frozenset("and but so yet or also however still meanwhile instead".split())


def _skip_connective(items: list[Item], i: int, j: int) -> int:
    """``And …, he said`` / ``However, …, the IMF said``: the connective opening the sentence
    links it to the article, it is not part of what was said."""
    if i + 2 < j and items[i].cap and items[i].low in _CONNECTIVES:
        i += 1
        if items[i].text == ",":
            i += 1
    return i


_TAIL_WORDS = frozenset("although though whereas when".split())


def _clip_tail(items: list[Item], i: int, j: int) -> int:
    """Where reported speech ends before what the reporter adds: an aside in parentheses or a
    concessive or temporal clause after a comma (``, although …``, ``, when …``). The reported
    clause needs a few words first; a quotation after the cut keeps the text (it is speech).
    Measured on news: cutting at ``, which``, ``, but``, dashes or participles loses more than
    it gains, since annotators often keep those inside the reported speech."""
    words = 0
    last_q = max((m for m in range(i, j) if items[m].kind == "q"), default=-1)
    for m in range(i, j):
        it = items[m]
        if it.kind == "w":
            words += 1
            continue
        if words < 4 or m <= last_q:
            continue
        t = it.text
        if t == "(":
            return m
        if t == "," and m + 1 < j and items[m + 1].low in _TAIL_WORDS:
            return m
    return j


def _make(items: list[Item], i: int, j: int, kind: str, a: _Attr, u: _Unit, cue: Mention) -> _Found:
    f = _Found(items[i].start, items[j - 1].end, kind, a, u)
    f.pieces = [items[m].piece for m in range(i, j) if items[m].kind == "q"]
    f.speaker = a.resolved
    f.cue = cue
    return f


def _label_or_dash(
    u: _Unit,
    items: list[Item],
    pieces: list[_Piece],
    text: str,
    resolver: Resolver,
    pstart: int,
) -> list[_Found]:
    """``Pence: …`` at the start of a paragraph, ``"WALLACE: …``, and ``"…" ― Name``."""
    n = len(items)
    if n >= 3 and items[0].kind == "q" and items[1].text in _DASHES | {"―"}:
        p = phrase_ending_at(items, n - 1 if items[-1].kind == "w" else n - 2, 2)
        if p is not None and p.kind == "name" and p.i <= 3:
            r = resolver.resolve(p, items[1].start, pstart)
            f = _Found(items[0].start, items[0].end, "direct", None, u, [items[0].piece])
            f.speaker = r
            f.cue = Mention(items[1].start, items[1].end, items[1].text)
            return [f]
        return []
    if u.start != pstart or not items:
        return []
    # label inside an opening quotation: "WALLACE: ...
    if items[0].kind == "q":
        pc = pieces[items[0].piece]
        s = pc.start + 1
        colon = text.find(":", s, min(pc.end, s + 40))
        if colon < 0:
            return []
        label = text[s:colon]
        if not _label_ok(label):
            return []
        cs = colon + 1
        while cs < pc.end and text[cs].isspace():
            cs += 1
        r = _label_speaker(label, s, colon, resolver, pstart)
        f = _Found(cs, pc.end, "direct", None, u, [])
        f.speaker = r
        f.cue = Mention(colon, colon + 1, ":")
        return [f]
    if n < 3:
        return []
    for m in range(min(n, 6)):
        if items[m].text == ":":
            if m == 0:
                return []
            s, e = items[0].start, items[m - 1].end
            label = text[s:e]
            if not _label_ok(label) or not all(items[x].kind == "w" for x in range(m)):
                return []
            kind_span = _classify(items, m + 1, n)
            if kind_span is None:
                return []
            kind, spans = kind_span
            r = _label_speaker(label, s, e, resolver, pstart)
            out = []
            for s_i, s_j in spans:
                f = _Found(items[s_i].start, items[s_j - 1].end, kind, None, u)
                f.pieces = [items[x].piece for x in range(s_i, s_j) if items[x].kind == "q"]
                f.speaker = r
                f.cue = Mention(items[m].start, items[m].end, ":")
                out.append(f)
            return out
        if items[m].kind != "w":
            return []
    return []


def _label_ok(label: str) -> bool:
    """``Pence:``, ``Pat Caddell:``, ``WALLACE:`` label a speaker; ``Stealth Over Health:``
    (a headline's first half) does not: a label of several words needs a first name or a
    title, or to be written in capitals as transcripts do."""
    words = label.split()
    if not words or len(words) > 4:
        return False
    if words[0].lower().strip(".") in NOT_SPEAKER_LABELS:
        return False
    if not all(w[:1].isupper() for w in words) or any(c.isdigit() for c in label):
        return False
    if len(words) == 1 or label.isupper():
        return True
    first = words[0].lower().strip(".")
    return bool(first_name_sex(first)) or first in TITLES


def _colon_subject(f: _Found, items: list[Item], resolver: Resolver, pstart: int) -> None:
    """``Asked about it, Emanuel was blunt: "…"``: a quotation after a colon, with no cue,
    is the words of the sentence's subject when that is a name or a pronoun."""
    qi = next((m for m in range(len(items)) if items[m].start == f.start), -1)
    if qi < 2 or items[qi - 1].text != ":":
        return
    p = _subject(items, qi - 1)
    if p is None or p.kind not in ("name", "pron") or p.head in _OBJECT_PRONOUNS:
        return
    r = resolver.resolve(p, items[p.i].start, pstart)
    if r.name:
        f.speaker = r
        f.cue = Mention(items[qi - 1].start, items[qi - 1].end, ":")


def _label_speaker(label: str, s: int, e: int, resolver: Resolver, pstart: int) -> Resolved:
    p = Phrase(0, 0, "name", s, e, s, e, head=label.split()[-1].lower())
    return resolver.resolve(p, s, pstart)


def _fill_context(
    found: list[_Found],
    by_para: dict[int, list[_Found]],
    last_para_speaker: dict[int, tuple[Resolved, Mention | None]],
    pieces: list[_Piece],
    text: str,
) -> None:
    """Speakers for quotations that stand alone: from the paragraph, else the one before.
    Pieces of one utterance (a quote running over paragraphs) share their speaker."""
    by_utt: dict[int, _Found] = {}
    for f in found:
        if f.speaker is not None and f.speaker.name and f.pieces and f.kind == "direct":
            by_utt.setdefault(pieces[f.pieces[0]].utterance, f)
    for f in found:
        if f.speaker is None and f.pieces and f.kind == "direct":
            src = by_utt.get(pieces[f.pieces[0]].utterance)
            if src is not None:
                f.speaker = src.speaker
    # one forward and one backward pass per paragraph: linear however many quotes it holds
    for para in by_para.values():
        order = sorted(para, key=lambda g: g.start)
        after: list[_Found | None] = [None] * len(order)
        cur: _Found | None = None
        for idx in range(len(order) - 1, -1, -1):
            g = order[idx]
            after[idx] = cur if cur is not None and cur.start > g.start else None
            if g.speaker is not None and g.attr:
                cur = g
        last: _Found | None = None
        for idx, f in enumerate(order):
            if f.speaker is None:
                src = None
                if last is not None and last.speaker and last.speaker.name:
                    src = last
                else:
                    nx = after[idx]
                    if nx is not None and nx.speaker and nx.speaker.name:
                        src = nx
                if src is not None:
                    f.speaker = src.speaker
                    f.cue = None
                else:
                    prev = last_para_speaker.get(f.unit.paragraph - 1)
                    if prev is not None:
                        f.speaker = prev[0]
            if f.speaker is not None:
                last = f


def _to_quotes(
    found: list[_Found], pieces: list[_Piece], seg: Segmentation, text: str
) -> list[Quote]:
    # reported speech that is mostly one long quotation closing the sentence ("The diplomat
    # stated that during the summit, Kim Jong-un "formed excellent personal relations …"") is
    # reported as the mixed reported speech, lead-in included, and its quotation is also
    # reported as a direct quote nested in it: the words are his, the lead-in the reporter's
    nested: list[_Found] = []
    for f in found:
        if f.kind != "mixed" or len(f.pieces) != 1:
            continue
        pc = pieces[f.pieces[0]]
        if (
            _long_speech(pc, text)
            and pc.words >= 10
            and pc.end == f.end
            and pc.end - pc.start >= 0.6 * (f.end - f.start)
        ):
            g = _Found(pc.start, pc.end, "direct", f.attr, f.unit, list(f.pieces))
            g.speaker, g.cue = f.speaker, f.cue
            nested.append(g)
    inner = {id(g) for g in nested}
    found = found + nested
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Quote] = []
    last_end = -1
    outer_end = -1
    utter: dict[int, list[Quote]] = {}
    for f in found:
        if id(f) in inner:
            if f.end > outer_end:
                continue
        elif f.start < last_end:
            continue  # overlaps an earlier quote
        else:
            last_end = f.end
            if f.kind == "mixed":
                outer_end = f.end
        sp = f.speaker
        q = Quote(
            start=f.start,
            end=f.end,
            text=text[f.start : f.end],
            kind=f.kind,
            speaker=sp.name if sp else None,
            speaker_id=sp.entity_id if sp else None,
            speaker_mention=sp.mention if sp else None,
            cue=f.cue,
            paragraph=f.unit.paragraph,
            sentence=max(0, seg.sentence_index(f.start)),
        )
        out.append(q)
        if f.kind == "direct" and f.pieces:
            utter.setdefault(pieces[f.pieces[0]].utterance, []).append(q)
        if f.kind == "direct" and f.attr is not None:
            utter.setdefault(-1 - id(f.attr), []).append(q)
    for group in utter.values():
        if len(group) > 1:
            spans = [Span(q.start, q.end) for q in group]
            for q in group:
                if not q.parts:
                    q.parts = list(spans)
    return out
