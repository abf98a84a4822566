"""Paragraphs, sentences and tokens with character offsets, computed once per article.

Every extractor works from this one pass. The rules are tuned for news text: hard-wrapped wire
copy (a paragraph ends at a blank line or an indented line, not at every newline), datelines
(``MOSCOW, April 27. /TASS/.`` opens a sentence, it is not one), abbreviations and initials, quotes
that close a sentence, and the ``said .`` artifact of some scraped wire copy.
All regular expressions here are linear: no nested quantifiers over the same characters.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, pairwise, repeat
from operator import attrgetter
from sys import intern

from newscli.model import Sentence, Span, Token
from newscli.record import factory, record
from newscli.regex_cache import compile as compile_re

# Abbreviations after which a period never ends a sentence (titles, months before a day).
_NEVER_FINAL = frozenset(
    """mr mrs ms mx dr gen sen rep gov lt col capt sgt maj adm cmdr prof rev hon st mt ft pres
    supt insp det cpl pvt messrs mme mlle msgr gov brig lieut cdr fr sens reps gens
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art fig ca approx dept univ ave
    blvd rd v""".split()
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


def _token_pattern(letter: str, alnum: str, apostrophe: str, other: str = r"\S") -> str:
    """The token pattern over the given classes of letters, letters-or-digits and apostrophes.

    One token is the group: split() returns [space, token, space, token, ..., space]; every
    character that is neither white space nor excluded from ``other`` belongs to a token, and
    the pieces cover the text.

    The tokens are, in order of preference: initials and dotted abbreviations (``U.S.``,
    ``a.m.``), numbers (``3.5``, ``1,000``, ``4/25/2019``), a possessive ``'s`` on its own,
    words with inner apostrophes and hyphens (``O'Neill``, ``don't``, ``Jong-un``,
    ``COVID-19``), any other single character. The pattern is written so that the regex
    engine does little work per character (the tokenizer is on every article's path): the
    common word of two letters or more is the first alternative (it can be neither an
    abbreviation, a number nor ``'s``), every alternative opens with a character class the
    engine can test before entering it, and a word's apostrophe and hyphen parts are entered
    only when such a mark follows, so a plain word sets up no repeat. Same tokens as the
    plain ``(?:[A-Za-z]\\.){2,}|\\d+(?:[.,:/-]\\d+)*|'[sS]\\b|L+(?:'L+)*(?:-A+(?:'L+)*)*|\\S``
    (``'`` not followed by a possessive ``s``); about 40 % fewer instructions."""
    part = rf"{apostrophe}(?![sS]\b){letter}+"  # O'Neill, don't (not the possessive 's)
    hyphenated = rf"-{alnum}+(?:{part})*"  # Jong-un, COVID-19
    rest = rf"(?:{part}(?:{part})*(?:{hyphenated})*|{hyphenated}(?:{hyphenated})*|)"
    return (
        rf"({letter}{letter}+{rest}"  # most tokens: a word of two letters or more
        r"|[A-Za-z]\.(?:[A-Za-z]\.)+"  # U.S., a.m.
        r"|\d\d*(?:[.,:/-]\d+)*"  # numbers, 3.5, 1,000, 4/25/2019
        rf"|{apostrophe}[sS]\b"  # possessive 's, a token of its own
        rf"|{letter}{rest}"  # a one-letter word: I, a, A-list
        rf"|{other})"  # any other character that is not white space
    )


_TOKEN_SPLIT_RE = compile_re(_token_pattern(r"[^\W\d_]", r"[^\W_]", "['’]"))
# Combining marks (a decomposed "é" is "e" + U+0301), variation selectors, and the invisible
# characters that sit inside words in copied or scraped text (soft hyphen, zero-width space and
# joiners, word joiner, BOM): none is a word character to ``re``, so each would cut a word into
# pieces and become a token of its own. Texts that contain any get a pattern whose letter is a
# letter with its marks, joined to the next letter across invisible characters, and in which an
# invisible character outside a word is no token (it is skipped like white space, so "\ufeffsaid"
# is the token "said"); texts without them (nearly all) keep the faster pattern above.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
)
_INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060\ufeff"
_IN_WORD_RE = compile_re(f"[{_MARKS}{_INVISIBLE}]")
_MARKED_LETTER = rf"(?:[^\W\d_][{_MARKS}]*(?:[{_INVISIBLE}]+(?=[^\W\d_]))?)"
_TOKEN_SPLIT_MARKED_RE = compile_re(
    _token_pattern(_MARKED_LETTER, r"[^\W_]", "['’]", other=rf"[^\s{_INVISIBLE}]")
)
# The same tokens for ASCII text (most English copy), with ASCII classes: found ~20% faster
# (a range test per character instead of a Unicode category lookup)
_TOKEN_SPLIT_ASCII_RE = compile_re(_token_pattern("[A-Za-z]", "[A-Za-z0-9]", "'"), re.ASCII)

# A candidate sentence end: terminal punctuation, then closing quotes or brackets, then the
# white space before the next sentence (group 1). The lookbehind lets a match start only at the
# first mark of a run: without it a long run of dots with no space after it ("......") is
# retried from every dot (quadratic). It comes after the first mark, not before it: a pattern
# that opens with a character class lets the engine skip to the next mark at C speed instead
# of trying a match at every character of the paragraph.
_END_RE = compile_re(r"[.!?…](?<![.!?…].)[.!?…]*[\"'”’»)\]]*(\s+)")
# The letters-and-dots word that ends at a full stop ("said", "U.S"), matched on the reversed
# text: the full stop, then letter runs joined by single dots (the longest such run)
_WORD_BEFORE_REV_RE = compile_re(r"\.((?:[A-Za-z]+\.)*[A-Za-z]+)")
_DATELINE_RE = compile_re(
    r"[A-Z][A-Za-z.'\- ]{1,40}(?:\s*/[^/\n]{1,40}/)?(?:,\s*[A-Z][A-Za-z.\- ]{1,25}){0,2},"
    r"\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}\.(?:\s*/[A-Za-z][A-Za-z .\-]{0,25}/\.)?"
)
_DATELINE_MAX = 200  # characters from a paragraph's start within which a dateline may end
_BLANK_LINE_RE = compile_re(r"\n[ \t\r\f\v]*\n")
_OPEN_CHARS = "\"'“‘«([`"


@record
class Segmentation:
    """The article text with its paragraphs, sentences and tokens (body only).

    ``body_start`` is where the body begins after any header (``date 2020-04-27``, ``Title:``);
    ``title`` is the headline span when the reader found one.

    The tokens are kept as their offsets only: ``token_slice(i, j)`` makes the tokens of a
    range. An article of ordinary size also keeps the made tokens (slicing them is cheaper than
    making them again); a long one does not, as a token object costs some forty times its
    characters and the extractors need only a sentence's tokens at a time.
    """

    text: str
    body_start: int
    paragraphs: list[Span]
    sentences: list[Sentence]
    title: Span | None = None
    _sentence_starts: list[int] = factory(list)
    _tokens: list[Token] | None = None
    _token_starts: Sequence[int] = factory(list)
    _token_ends: Sequence[int] = factory(list)
    _tokenized: bool = False

    @property
    def tokens(self) -> list[Token]:
        """The body's tokens (a new list for a long article: use ``token_slice`` there)."""
        self._tokenize()
        if self._tokens is not None:
            return self._tokens
        return self.token_slice(0, len(self._token_starts))

    def _tokenize(self) -> None:
        """Tokenise the body on first use (a metadata-only run never pays for it)."""
        if self._tokenized:
            return
        self._tokenized = True
        if len(self.text) - self.body_start <= _TOKEN_LIST_MAX_CHARS:
            self._tokens, self._token_starts = _tokens_and_starts(self.text, self.body_start)
        else:
            self._token_starts, self._token_ends = _token_offsets(self.text, self.body_start)

    @property
    def long(self) -> bool:
        """A long article keeps no token list (see above): the extractors then keep only one
        sentence's worth of what they make from the tokens at a time."""
        self._tokenize()
        return self._tokens is None

    def token_slice(self, i: int, j: int) -> list[Token]:
        """The tokens ``[i, j)`` (indices into ``token_starts``), made anew for a long article."""
        self._tokenize()
        if self._tokens is not None:
            return self._tokens[i:j]
        starts = self._token_starts[i:j]
        ends = self._token_ends[i:j]
        # interned: a word made again for every unit that asks for it is one string, not many
        words = map(intern, map(self.text.__getitem__, map(slice, starts, ends)))
        return list(
            map(tuple.__new__, repeat(Token, len(starts)), zip(starts, ends, words, strict=True))
        )

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or nearest before) ``offset``; -1 if none."""
        return bisect_right(self._sentence_starts, offset) - 1

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing (or nearest before) ``offset``; -1 if none."""
        i = self.sentence_index(offset)
        if i >= 0:
            return self.sentences[i].paragraph
        return -1

    @property
    def token_starts(self) -> Sequence[int]:
        """The start offset of every token, in order (the index behind ``token_range``)."""
        self._tokenize()
        return self._token_starts

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices ``[i, j)`` of the tokens that start inside ``[start, end)``."""
        starts = self.token_starts
        return bisect_right(starts, start - 1), bisect_right(starts, end - 1)

    def sentence_tokens(self, index: int) -> list[Token]:
        s = self.sentences[index]
        return self.token_slice(*self.token_range(s.start, s.end))


def _strip(text: str, start: int, end: int) -> Span | None:
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return Span(start, end)  # the common case, without copying the piece
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


def _is_boundary(text: str, par_start: int, dot_start: int, end: int, j: int) -> bool:
    """Does a sentence end at ``end`` (just after the terminal punctuation at ``dot_start``)?

    ``j`` is where the next sentence would start: the first character after the white space
    that follows ``end``."""
    n = len(text)
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
        # the word before the full stop, read backwards from it: one anchored match instead of
        # a search from every position of the window
        m = _WORD_BEFORE_REV_RE.match(before[::-1])
        if m:
            raw = m.group(1)[::-1]
            word = raw.lower()
            if len(word) == 1 and raw.isupper():
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
    """The sentences of ``paragraphs``, spans without white space at either end (as
    :func:`split_paragraphs` makes them).

    Every sentence is then stripped by construction, with no slicing: it opens at the paragraph
    start or after the white space that follows a boundary (the end of ``_END_RE``'s match),
    and closes just after its terminal mark, or at the paragraph end."""
    out: list[Sentence] = []
    append = out.append
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        s_start = p_start
        for m in _END_RE.finditer(text, p_start, p_end):
            end, nxt = m.span(1)
            if _is_boundary(text, p_start, m.start(), end, nxt):
                append(Sentence(s_start, end, p_index))
                s_start = nxt
        append(Sentence(s_start, p_end, p_index))
    return out


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with their offsets.

    Made without a Python step per token (the cost of the whole pass is in the article's
    budget): one ``split`` gives spaces and tokens in turn, their running lengths are the
    offsets, and the tokens are built by ``tuple.__new__`` through ``map``."""
    return _tokens_and_starts(text, start, end)[0]


def _tokens_and_starts(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[Token], list[int]]:
    """:func:`tokenize`, and the tokens' start offsets (the index of ``token_range``)."""
    if end is None:
        end = len(text)
    # (a slice, not pos/endpos: the pattern has no look-behind, nothing sees before ``start``)
    piece = text if start == 0 and end == len(text) else text[start:end]
    if piece.isascii():
        pattern = _TOKEN_SPLIT_ASCII_RE
    else:
        pattern = _TOKEN_SPLIT_MARKED_RE if _IN_WORD_RE.search(piece) else _TOKEN_SPLIT_RE
    parts = pattern.split(piece)
    pos = list(accumulate(map(len, parts), initial=start))
    starts = pos[1:-1:2]
    fields = zip(starts, pos[2::2], parts[1::2], strict=True)
    # Token(start, end, text) at C speed: tuple.__new__ called by map (a sixth fewer
    # instructions per token than through a functools.partial)
    return list(map(tuple.__new__, repeat(Token, len(starts)), fields)), starts


# A body longer than this keeps its tokens as offsets only (see Segmentation): about 60,000
# words, far longer than any news story, and some 50 MB of token objects. Below it the token
# list is kept: an article repeated a hundred times (300 KB) costs 65 times one article with
# it, about 120 times when its tokens and quote items are made again on demand
_TOKEN_LIST_MAX_CHARS = 400_000
# A long body is tokenised in pieces of about this many characters, each cut at white space
# (no token holds any), so that the pieces' strings are never all alive at once
_TOKEN_CHUNK = 1 << 16
_SPACE_RE = compile_re(r"[ \t\n\r\f\v]")


def _token_offsets(
    text: str, start: int, chunk: int = _TOKEN_CHUNK
) -> tuple[array[int], array[int]]:
    """The start and end offsets of the tokens of ``text[start:]``, as :func:`tokenize` finds
    them, in compact arrays (4 bytes an offset instead of a list's 40)."""
    n = len(text)
    cuts = [start]
    while cuts[-1] < n:
        m = _SPACE_RE.search(text, min(n, cuts[-1] + chunk))
        cuts.append(m.start() if m else n)
    # the pattern is the one that the whole body would get (see _tokens_and_starts)
    pieces = list(pairwise(cuts))
    if all(text[a:b].isascii() for a, b in pieces):
        pattern = _TOKEN_SPLIT_ASCII_RE
    elif any(_IN_WORD_RE.search(text, a, b) for a, b in pieces):
        pattern = _TOKEN_SPLIT_MARKED_RE
    else:
        pattern = _TOKEN_SPLIT_RE
    code = "i" if n < 1 << 31 else "q"  # 4 bytes an offset for any text that fits them
    starts: array[int] = array(code)
    ends: array[int] = array(code)
    for a, b in pieces:
        parts = pattern.split(text[a:b])
        pos = list(accumulate(map(len, parts), initial=a))
        starts.extend(pos[1:-1:2])
        ends.extend(pos[2::2])
    return starts, ends


_START = attrgetter("start")


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
        _sentence_starts=list(map(_START, sentences)),
    )
