"""Paragraphs, sentences and tokens with character offsets, computed once per article.

Every extractor works from this one pass. The rules are tuned for news text: hard-wrapped wire
copy (a paragraph ends at a blank line or an indented line, not at every newline), datelines
(``MOSCOW, April 27. /TASS/.`` opens a sentence, it is not one), abbreviations and initials, quotes
that close a sentence, and the ``said .`` artifact of some scraped wire copy.
All regular expressions here are linear: no nested quantifiers over the same characters.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from newscli.model import Sentence, Span, Token
from newscli.regex_cache import compile as compile_re

# Abbreviations after which a period never ends a sentence (titles, months before a day).
_NEVER_FINAL = frozenset(
    """mr mrs ms mx dr gen sen rep gov lt col capt sgt maj adm cmdr prof rev hon st mt ft pres
    supt insp det cpl pvt messrs mme mlle msgr gov brig lieut cdr fr sens reps gens
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art fig ca approx dept univ ave
    blvd rd""".split()
)
# Abbreviations that may end a sentence: a boundary only when a typical sentence opener follows.
_MAYBE_FINAL = frozenset(
    "inc corp co ltd llc plc jr sr bros etc vs al ph.d a.m p.m u.s u.n u.k e.u d.c".split()
)
_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there here
    but and so yet or nor in on at by for from with as after before when while if since
    although though however meanwhile now then still also many some most one two no not
    mr mrs ms dr""".split()
)

_TOKEN_RE = compile_re(
    r"(?:[A-Za-z]\.){2,}"  # U.S., a.m.
    r"|\d+(?:[.,:/-]\d+)*"  # numbers, 3.5, 1,000, 4/25/2019
    r"|['’][sS]\b"  # possessive 's, a token of its own
    r"|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*(?:-[^\W_]+(?:['’](?![sS]\b)[^\W\d_]+)*)*"
    r"|\S"
)
# A candidate sentence end: terminal punctuation, then closing quotes or brackets. The
# lookbehind lets a match start only at the first mark of a run: without it a long run of dots
# with no space after it ("......") is retried from every dot (quadratic).
_END_RE = compile_re(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE_RE = compile_re(r"([A-Za-z]+(?:\.[A-Za-z]+)*)\.$")
_DATELINE_RE = compile_re(
    r"[A-Z][A-Za-z.'\- ]{1,40}(?:\s*/[^/\n]{1,40}/)?(?:,\s*[A-Z][A-Za-z.\- ]{1,25}){0,2},"
    r"\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}\.(?:\s*/[A-Za-z][A-Za-z .\-]{0,25}/\.)?"
)
_DATELINE_MAX = 200  # characters from a paragraph's start within which a dateline may end
_BLANK_LINE_RE = compile_re(r"\n[ \t\r\f\v]*\n")
_OPEN_CHARS = "\"'“‘«([`"


@dataclass(slots=True)
class Segmentation:
    """The article text with its paragraphs, sentences and tokens (body only).

    ``body_start`` is where the body begins after any header (``date 2020-04-27``, ``Title:``);
    ``title`` is the headline span when the reader found one.
    """

    text: str
    body_start: int
    paragraphs: list[Span]
    sentences: list[Sentence]
    title: Span | None = None
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _tokens: list[Token] | None = field(default=None, repr=False)
    _token_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def tokens(self) -> list[Token]:
        """The body's tokens, made on first use (a metadata-only run never pays for them)."""
        if self._tokens is None:
            self._tokens = tokenize(self.text, self.body_start)
            self._token_starts = [t.start for t in self._tokens]
        return self._tokens

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or nearest before) ``offset``; -1 if none."""
        return bisect_right(self._sentence_starts, offset) - 1

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing (or nearest before) ``offset``; -1 if none."""
        i = self.sentence_index(offset)
        if i >= 0:
            return self.sentences[i].paragraph
        return -1

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices ``[i, j)`` of the tokens that start inside ``[start, end)``."""
        if self._tokens is None:
            self.tokens  # noqa: B018 - builds the token index
        return (
            bisect_right(self._token_starts, start - 1),
            bisect_right(self._token_starts, end - 1),
        )

    def sentence_tokens(self, index: int) -> list[Token]:
        s = self.sentences[index]
        i, j = self.token_range(s.start, s.end)
        return self.tokens[i:j]


def _strip(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return None
    start += len(piece) - len(stripped)
    return Span(start, start + len(stripped.rstrip()))


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped copy: every line but the last fills most of a column of 40-100 characters,
    and ends only because the next line's first word would not have fitted on it."""
    widest = max(len(ln) for ln in lines)
    if not 40 <= widest <= 100:
        return False
    for line, nxt in pairwise(lines):
        first_word = nxt.split(None, 1)[0] if nxt.split() else ""
        if len(line) < 0.6 * widest or len(line) + 1 + len(first_word) <= widest:
            return False
    return True


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Paragraphs of ``text[start:end]``: blank lines, indented lines, or one line each
    when a block is not hard-wrapped prose."""
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    blocks: list[tuple[int, int]] = []
    for m in _BLANK_LINE_RE.finditer(text, start, end):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, end))
    for b_start, b_end in blocks:
        if text.find("\n", b_start, b_end) < 0:  # the common case: a one-line paragraph
            sp = _strip(text, b_start, b_end)
            if sp:
                out.append(sp)
            continue
        lines: list[tuple[int, int]] = []
        p = b_start
        while p <= b_end:
            nl = text.find("\n", p, b_end)
            if nl < 0:
                nl = b_end
            lines.append((p, nl))
            p = nl + 1
        lines = [ln for ln in lines if text[ln[0] : ln[1]].strip()]
        if not lines:
            continue
        if len(lines) == 1:
            sp = _strip(text, *lines[0])
            if sp:
                out.append(sp)
            continue
        indented = [text[a] in " \t" for a, _ in lines]
        groups: list[list[tuple[int, int]]] = []
        by_indent = any(indented[1:]) and not all(indented)
        if by_indent:
            # Wire copy: an indented line opens a paragraph, the lines below it continue it.
            for ln, ind in zip(lines, indented, strict=True):
                if ind or not groups:
                    groups.append([ln])
                else:
                    groups[-1].append(ln)
        else:
            groups = [lines]
        for g in groups:
            if len(g) == 1 or by_indent or _looks_wrapped([text[a:b].strip() for a, b in g]):
                sp = _strip(text, g[0][0], g[-1][1])
                if sp:
                    out.append(sp)
            else:
                for a, b in g:
                    sp = _strip(text, a, b)
                    if sp:
                        out.append(sp)
    return out


def _is_boundary(text: str, par_start: int, dot_start: int, end: int) -> bool:
    """Does a sentence end at ``end`` (just after the terminal punctuation at ``dot_start``)?"""
    n = len(text)
    j = end
    while j < n and text[j].isspace():
        j += 1
    if j >= n:
        return True
    nxt = text[j]
    if nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPEN_CHARS or not nxt.isalnum()):
        return False
    if text[dot_start] == ".":
        if dot_start > par_start and "A" <= text[dot_start - 1] <= "Z":
            prev = text[dot_start - 2] if dot_start - 2 >= par_start else " "
            if not prev.isalpha() and prev != ".":
                return False  # an initial (the fast path of the test below)
        before = text[max(par_start, dot_start - 24) : dot_start + 1]
        m = _WORD_BEFORE_RE.search(before)
        if m:
            word = m.group(1).lower()
            if len(word) == 1 and m.group(1).isupper():
                return False  # an initial: Vladimir V. Putin
            if word in _NEVER_FINAL:
                return False
            if word in _MAYBE_FINAL or "." in word:
                w_end = j
                while w_end < n and text[w_end].isalpha():
                    w_end += 1
                return text[j:w_end].lower() in _OPENERS
        # (the length test comes first: slicing from the paragraph start at every candidate
        # would be quadratic in a long paragraph)
        if end - par_start <= _DATELINE_MAX:
            prefix = text[par_start:end].strip()
            if len(prefix) <= 90 and _DATELINE_RE.fullmatch(prefix):
                return False
    # "MOSCOW, April 27. /TASS/." : the agency tag still belongs to the dateline.
    return not (
        nxt == "/"
        and end - par_start <= _DATELINE_MAX
        and _DATELINE_RE.fullmatch(text[par_start:end].strip() + " /X/.")
    )


def split_sentences(text: str, paragraphs: list[Span]) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        s_start = p_start
        for m in _END_RE.finditer(text, p_start, p_end):
            if m.end() >= p_end:
                break
            if _is_boundary(text, p_start, m.start(), m.end()):
                sp = _strip(text, s_start, m.end())
                if sp:
                    out.append(Sentence(sp.start, sp.end, p_index))
                s_start = m.end()
        sp = _strip(text, s_start, p_end)
        if sp:
            out.append(Sentence(sp.start, sp.end, p_index))
    return out


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    # findall is several times faster than finditer; every non-space character belongs to a
    # token, so each token starts at the first non-space character after the previous one.
    out: list[Token] = []
    append, find, pos = out.append, text.find, start
    for tok in _TOKEN_RE.findall(text, start, end):
        pos = find(tok, pos)
        append(Token(pos, pos + len(tok), tok))
        pos += len(tok)
    return out


def segment(text: str, body_start: int = 0, title: Span | None = None) -> Segmentation:
    """Segment the body ``text[body_start:]``."""
    paragraphs = split_paragraphs(text, body_start)
    sentences = split_sentences(text, paragraphs)
    return Segmentation(
        text=text,
        body_start=body_start,
        paragraphs=paragraphs,
        sentences=sentences,
        title=title,
        _sentence_starts=[s.start for s in sentences],
    )
