"""Pair quotation marks into quoted spans, recovering locally from unbalanced marks.

News text mixes straight ``"``, curly ``“…”``, single ``‘…’``, guillemets ``«…»`` and the
typewriter doubles ``''…''`` / ````…''``; the same ``’`` is a closing mark in ``‘new era’`` and
an apostrophe in ``Korea’s``, ``’90s`` and ``rock ’n’ roll``. Direction is read from the
characters around each mark, then marks are paired with a stack per paragraph. A mark that never
pairs is dropped (or, for an opening double mark, closed at the end of its paragraph) so that one
stray mark never spoils the rest of the article. A quote left open at the end of a paragraph
continues when the next paragraph opens with a mark of the same family (the newspaper
convention for quotes running over several paragraphs).

One left-to-right pass over the text: linear time, no regular-expression backtracking.
"""

from __future__ import annotations

from newscli.model import Span
from newscli.regex_cache import compile as compile_re

OPEN, CLOSE, AMBIG = 1, 2, 3
# Families: marks pair only within a family. Straight and curly doubles share one family because
# writers mix them; nesting of the same family is allowed (the stack keeps the order).
DOUBLE, SINGLE, GUILLEMET = "D", "S", "G"

_OPEN_PREV = set("([{—–-/:\u00a0") | {"\n", "\t", " "}
_CLOSE_NEXT = set(".,;:!?)]}—–-…/") | {"\n", "\t", " ", "\u00a0"}
_QUOTE_CHARS = set("\"'“”‘’«»„‟`")
# what may stand before an opening mark and after a closing one
_OPENERS = frozenset(_OPEN_PREV | _QUOTE_CHARS)
_CLOSERS = frozenset(_CLOSE_NEXT | _QUOTE_CHARS)
_MARK_CHARS = "\"'“”‘’«»„‟`"
_DENSE_MIN = 400  # marks in one paragraph, with one mark in every ten characters
_MARK_BUDGET = 60_000  # marks per article; a long real article has a few thousand
_MARK_RE = compile_re("[\"'“”‘’«»„‟`]")
# the same, without the apostrophes inside a word (``Korea’s``, ``don't``: most marks of an
# article), which the scan would only skip; ``[^\W_]`` is ``str.isalnum``. It starts with
# a character set, which lets the engine jump from candidate to candidate at C speed
_SCAN_RE = compile_re("[\"'“”‘’«»„‟`](?:(?<=[\"“”‘«»„‟`])|(?<![^\\W_]['’])|(?![^\\W_]))")
_APOSTROPHES = "'’"
_ELISIONS = ("em ", "em,", "em.", "n ", "cause ", "til ", "tis ", "twas ", "nuff ")


class QuotedSpan:
    """A paired (or recovered) quotation: ``[start, end)`` includes the marks.

    ``inner`` is the text between the marks; ``closed`` is False for a quote recovered at the
    end of its paragraph; ``parts`` holds one span per paragraph for quotes that run over
    paragraphs; ``depth`` is 0 for a top-level quote, 1 for a quote inside a quote. A plain
    class with its own ``__init__`` (not ``@record``), which mypyc compiles to a C struct.
    """

    __slots__ = ("closed", "depth", "end", "family", "inner", "parts", "start")

    def __init__(
        self,
        start: int,
        end: int,
        inner: Span,
        family: str,
        closed: bool = True,
        depth: int = 0,
        parts: list[Span] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.inner = inner
        self.family = family
        self.closed = closed
        self.depth = depth
        self.parts: list[Span] = [] if parts is None else parts

    def __repr__(self) -> str:
        return f"QuotedSpan({self.start}, {self.end}, depth={self.depth})"


class _Mark:
    """A quotation mark: where, how long (2 for typewriter doubles), family and direction."""

    __slots__ = ("direction", "family", "length", "pos")

    def __init__(self, pos: int, length: int, family: str, direction: int) -> None:
        self.pos = pos
        self.length = length
        self.family = family
        self.direction = direction


def _is_elision(text: str, j: int, hi: int) -> bool:
    """``’90s``, ``’em``, ``’n’``: an apostrophe that opens a word, not a quotation."""
    n = text[j : j + 7].lower()
    if len(n) >= 2 and n[0].isdigit() and n[1].isdigit():
        return True
    if n.startswith(("n’", "n'")):
        return True
    return any(n.startswith(e) for e in _ELISIONS) or n in ("em", "n")


def scan_marks(text: str, lo: int, hi: int) -> list[_Mark]:
    """Every quotation mark in ``text[lo:hi]`` with its family and likely direction."""
    marks: list[_Mark] = []
    i = lo
    search = _SCAN_RE.search
    if (lo > 0 and text[lo - 1].isalnum() and text[lo : lo + 1] in _APOSTROPHES) or (
        hi < len(text) and text[hi].isalnum() and text[hi - 1 : hi] in _APOSTROPHES
    ):
        search = _MARK_RE.search  # a word cut at lo or hi: its apostrophe is read as a mark
    openers, closers = _OPENERS, _CLOSERS
    while i < hi:
        m = search(text, i, hi)  # jump to the next mark: no per-character loop
        if m is None:
            break
        i = m.start()
        c = text[i]
        # the characters either side decide whether it can open (a space or an opening
        # bracket before it, no space after it) or close: computed inline, with no call per mark
        # (two-character typewriter doubles, `` and '', are one mark)
        double = c in "'`" and i + 1 < hi and text[i + 1] == c
        j = i + 2 if double else i + 1
        p = text[i - 1] if i > lo else "\n"
        n = text[j] if j < hi else "\n"
        o = (p in openers or p.isspace()) and not n.isspace()
        cl = (n in closers or n.isspace()) and not p.isspace()
        if double:
            if c == "`" or (o and not cl):
                d = OPEN
            elif cl and not o:
                d = CLOSE
            else:
                d = AMBIG if not (o and cl) else 0
            if d:
                marks.append(_Mark(i, 2, DOUBLE, d))
            i = j
            continue
        if c in "“„‟":
            marks.append(_Mark(i, 1, DOUBLE, OPEN))
        elif c == "”":
            marks.append(_Mark(i, 1, DOUBLE, OPEN if (o and not cl) else CLOSE))
        elif c == '"':
            if o and not cl:
                d = OPEN
            elif cl and not o:
                d = CLOSE
            elif not o and not cl:
                d = AMBIG
            else:
                d = 0
            if d:
                marks.append(_Mark(i, 1, DOUBLE, d))
        elif c == "«":
            marks.append(_Mark(i, 1, GUILLEMET, OPEN))
        elif c == "»":
            marks.append(_Mark(i, 1, GUILLEMET, CLOSE))
        elif c == "‘":
            if not _is_elision(text, j, hi) and not n.isspace():
                marks.append(_Mark(i, 1, SINGLE, OPEN))
        elif c in "’'":
            if p.isalnum() and n.isalnum():
                pass  # Korea’s, don’t
            elif o and not cl:
                if not _is_elision(text, j, hi) and (c == "'" or p in _QUOTE_CHARS or p == " "):
                    # A curly ’ opening a quote is rare; trust it only when a word follows
                    # that is not an elision.
                    marks.append(_Mark(i, 1, SINGLE, OPEN))
            elif cl and not o:
                marks.append(_Mark(i, 1, SINGLE, CLOSE))
        elif c == "`":
            marks.append(_Mark(i, 1, SINGLE, OPEN))
        i = j
    return marks


def _pair_paragraph(
    text: str, lo: int, hi: int, carry: _Mark | None
) -> tuple[list[tuple[_Mark, _Mark | None, int]], _Mark | None]:
    """Pair the marks of one paragraph. Returns ``(pairs, still_open)`` where each pair is
    ``(open, close_or_None, depth)`` and ``still_open`` is a top-level double quote left open."""
    marks = scan_marks(text, lo, hi)
    stack: list[_Mark] = []
    # How many marks of each family are open: keeps every test below O(1), so a paragraph
    # full of never-closed single quotes stays linear.
    open_count: dict[str, int] = {DOUBLE: 0, SINGLE: 0, GUILLEMET: 0}
    pairs: list[tuple[_Mark, _Mark | None, int]] = []
    if carry is not None:
        stack.append(carry)
        open_count[carry.family] += 1
    for m in marks:
        d = m.direction
        if d == AMBIG:
            # letter"letter and the like: close if one of its family is open, else open
            d = CLOSE if open_count[m.family] else OPEN
        if d == OPEN:
            if m.family == SINGLE and not open_count[DOUBLE]:
                # a single mark outside double quotes opens a quote only if it closes later
                # on this line; keep it as a candidate on the stack
                stack.append(m)
                open_count[m.family] += 1
            elif (
                m.family == DOUBLE
                and stack
                and stack[-1].family == DOUBLE
                and text[m.pos] == text[stack[-1].pos]
                and text[m.pos] in "\"'"
            ):
                # two straight opens in a row: the first was never closed (or this one is a
                # close written after a space); close the first one here if the content so
                # far ends like a sentence, else treat this one as its closing mark
                top = stack.pop()
                open_count[top.family] -= 1
                pairs.append((top, m, len(stack)))
            else:
                stack.append(m)
                open_count[m.family] += 1
        else:
            if not open_count[m.family]:
                continue  # a stray close (plural possessive, inch mark): ignore
            k = len(stack) - 1
            while stack[k].family != m.family:  # the marks walked over are dropped below
                k -= 1
            opened = stack[k]
            # marks opened above it never closed: drop singles, keep doubles as unclosed
            for s in stack[k + 1 :]:
                if s.family == DOUBLE:
                    pairs.append((s, None, k + 1))
            for s in stack[k:]:
                open_count[s.family] -= 1
            del stack[k:]
            pairs.append((opened, m, k))
    still_open = None
    for s in stack:
        if s.family == DOUBLE or s.family == GUILLEMET:
            if still_open is None:
                still_open = s
            else:
                pairs.append((s, None, 1))
    return pairs, still_open


def find_quoted_spans(text: str, paragraphs: list[Span]) -> list[QuotedSpan]:
    """All quoted spans of the article, in text order (nested ones with ``depth`` > 0)."""
    out: list[QuotedSpan] = []
    carry: _Mark | None = None
    carry_parts: list[Span] = []
    budget = _MARK_BUDGET
    # the first mark at or after the current paragraph, found once for all the paragraphs
    # before it (one search per paragraph with marks, not one per paragraph)
    next_mark = -1
    searched_from = 0
    for p_index, (lo, hi) in enumerate(paragraphs):
        if next_mark < lo or searched_from > lo:
            m = _MARK_RE.search(text, lo)
            next_mark = len(text) if m is None else m.start()
            searched_from = lo
        if carry is None and next_mark >= hi:
            continue  # no mark in this paragraph (most of them): nothing to pair
        n_marks = sum(text.count(c, lo, hi) for c in _MARK_CHARS)
        if n_marks > _DENSE_MIN and n_marks * 10 > hi - lo:
            continue  # a wall of marks (hostile or garbage), not prose: no quotes from it
        budget -= n_marks
        if budget < 0:
            break  # far more marks than any article holds: stop pairing, stay linear and fast
        if carry is not None:
            first = scan_marks(text, lo, min(hi, lo + 2))
            continues = (
                bool(first)
                and first[0].pos == lo
                and first[0].family == carry.family
                and _style(text[lo]) == _style(text[carry.pos])
            )
            if continues and first[0].direction != CLOSE and not _is_turn_label(text, lo, hi):
                carry_parts.append(Span(lo, hi))  # provisional; fixed below
            else:
                _emit_unclosed(text, carry, carry_parts, out, bool(first) and first[0].pos == lo)
                carry = None
                carry_parts = []
        if carry is not None:
            # this paragraph continues the quote: its own opening mark is not a new quote
            pairs, still = _pair_paragraph(text, lo + first[0].length, hi, carry)
        else:
            pairs, still = _pair_paragraph(text, lo, hi, None)
        for o, c, depth in pairs:
            if o is carry and carry is not None:
                assert c is not None
                parts = [*carry_parts[:-1], Span(lo, c.pos + c.length)]
                out.append(
                    QuotedSpan(
                        carry.pos,
                        c.pos + c.length,
                        Span(carry.pos + carry.length, c.pos),
                        carry.family,
                        True,
                        depth,
                        parts,
                    )
                )
                carry = None
                carry_parts = []
                continue
            if c is None:
                if depth == 0 and o.family == DOUBLE:
                    # unclosed: recover by closing at the end of the paragraph
                    end = hi
                    out.append(QuotedSpan(o.pos, end, Span(o.pos + o.length, end), o.family, False))
                continue
            out.append(
                QuotedSpan(
                    o.pos,
                    c.pos + c.length,
                    Span(o.pos + o.length, c.pos),
                    o.family,
                    True,
                    depth,
                )
            )
        if still is not None and still is not carry:
            carry = still
            carry_parts = [Span(still.pos, hi)]
        elif still is not None:
            carry_parts[-1] = Span(lo, hi)
        _ = p_index
    if carry is not None:
        _emit_unclosed(text, carry, carry_parts, out, False)
    out.sort(key=lambda q: (q.start, -q.end))
    _fix_depths(out)
    return out


def _style(c: str) -> str:
    """Typewriter or typographic: a quote continues only with a mark of its own style."""
    return "t" if c in "\"'`" else "c"


def _is_turn_label(text: str, lo: int, hi: int) -> bool:
    """``"WALLACE: …`` opens a new speaker turn in a transcript, not a continued quote."""
    j = lo + 1
    k = j
    while k < hi and k - j < 30 and (text[k].isupper() or text[k] in " .-'"):
        k += 1
    return k - j >= 2 and k < hi and text[k] == ":"


def _emit_unclosed(
    text: str, carry: _Mark, parts: list[Span], out: list[QuotedSpan], next_opens: bool
) -> None:
    """A quote still open when its run of paragraphs ends: close it at the last paragraph.

    An open mark that holds complete quotes of its own, with no quoted paragraph after it, is
    more likely a stray mark than a quote: drop it and keep the quotes inside.
    """
    end = parts[-1].end if parts else carry.pos + carry.length
    if not next_opens:
        for q in reversed(out):
            if q.end <= carry.pos:
                break  # earlier paragraphs: nothing further back can be inside
            if q.family == DOUBLE and carry.pos < q.start and q.end <= end:
                return
    out.append(
        QuotedSpan(
            carry.pos,
            end,
            Span(carry.pos + carry.length, end),
            carry.family,
            False,
            0,
            [Span(carry.pos, parts[0].end), *parts[1:]] if len(parts) > 1 else [],
        )
    )


def _fix_depths(spans: list[QuotedSpan]) -> None:
    """Depth from containment, so callers can rely on it whatever the pairing order was."""
    open_ends: list[int] = []
    for q in spans:
        while open_ends and open_ends[-1] <= q.start:
            open_ends.pop()
        q.depth = len(open_ends)
        open_ends.append(q.end)
