"""What an article says about itself: title, date, dateline, byline, language, size.

Every field comes from the text (or the HTML page it was extracted from, or the user's
``--date``); when the text does not support a value the field is ``None``: a null is better
than a guess. Date precedence: ``--date`` (``option``) > the header (``header``) > the web page's
own (``json-ld``, ``meta``, ``time``, ``printed``, ``htmldate``: :mod:`newscli.webpage`) > a
dateline that carries its year (``dateline``).

``lead`` is the first paragraph of the story proper: the paragraph that opens with the dateline,
without the dateline, when there is one (a TASS standfirst or a photo caption before it is not
the lead); otherwise the first body paragraph that is not a byline. Whitespace in it is
collapsed to single spaces (hard-wrapped wire copy reads as one line).
``counts`` are over the body (the header is not counted): paragraphs and sentences from the
segmentation, words = whitespace-separated pieces with a letter or digit in them (a lone dash is
not a word), characters = length of the body text from its first to its last non-space
character.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import filterfalse
from typing import Any

from newscli.dateline import (
    AGENCIES,
    DatelineMatch,
    find_dateline,
    parse_date_value,
    resolve_year,
)
from newscli.language import detect_language
from newscli.model import Counts, Dateline, Metadata
from newscli.reader import Header, looks_like_byline
from newscli.regex_cache import compile as compile_re
from newscli.segment import Segmentation

WORDS_PER_MINUTE = 230
_ALNUM_RE = compile_re(r"[^\W_]")
_PARA_END_RE = compile_re(r"\n(?=[ \t]|\r?\n|$)")
DATELINE_PARAGRAPHS = 6  # a dateline opens one of the first few body paragraphs ...
DATELINE_SCAN = 15  # ... or, with an agency or a date, one a little later (after page clutter)

_SPLIT_AUTHORS_RE = compile_re(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
_BY_PREFIX_RE = compile_re(r"^\s*(?:(?:written|story)\s+)?by\s*:?\s+", re.I)
_ROLE_WORDS = frozenset(
    """staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors columnist columnists analyst bureau chief senior special
    political diplomatic economics business foreign desk team news agency agencies service
    wire wires press photographer photographers and in at for of the with from""".split()
)
_PARTICLES = "de|da|del|della|der|den|di|do|dos|du|la|le|van|von|bin|ibn|al|el|ter"
_NAME_WORD_RE = compile_re(rf"^[A-ZÀ-ÖØ-Þ][\w'’.\-]*$|^(?:{_PARTICLES})$")


def _title_case_name(name: str) -> str:
    """``MICHAEL FITZPATRICK`` -> ``Michael Fitzpatrick`` (names written in capitals only)."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name
    out = []
    for word in name.split():
        parts = compile_re(r"([\-'’])").split(word)
        fixed = []
        for p in parts:
            if len(p) > 2 and p.startswith("MC"):
                fixed.append("Mc" + p[2:].capitalize())
            elif p and p[0].isalpha():
                fixed.append(p.capitalize())
            else:
                fixed.append(p)
        out.append("".join(fixed))
    return " ".join(out)


def _drop_trailing_agency(words: list[str]) -> list[str]:
    """``JANE DOE Associated Press`` -> ``JANE DOE``: a name in capitals followed, with no
    comma, by the agency or desk in mixed case."""
    for k in range(len(words) - 1, 1, -1):
        head, tail = words[:k], words[k:]
        if not all(w.isupper() for w in head) or any(w.isupper() for w in tail):
            continue
        rest = " ".join(tail).lower()
        if rest in AGENCIES or all(w.lower().strip(".") in _ROLE_WORDS for w in tail):
            return head
    return words


def parse_authors(byline: str | None) -> list[str]:
    """Person names in a byline: ``By Greg McCune, Reuters`` -> ``["Greg McCune"]``.

    Agencies (``Reuters``), roles (``Staff Writer``) and places (``in Moscow``) are dropped;
    names written all in capitals are title-cased."""
    if not byline:
        return []
    s = _BY_PREFIX_RE.sub("", byline.strip())
    s = compile_re(r"\s+(?:in|at|for|from)\s+[A-Z]").split(s, maxsplit=1)[0]
    s = compile_re(r"\s*[(\[][^)\]]*[)\]]").sub("", s)
    out: list[str] = []
    for part in _SPLIT_AUTHORS_RE.split(s):
        part = part.strip(" .:-–—")
        if not part:
            continue
        words = _drop_trailing_agency(part.split())
        part = " ".join(words)
        if not 2 <= len(words) <= 5:
            continue
        if part.lower() in AGENCIES or any(w.lower().strip(".") in _ROLE_WORDS for w in words):
            continue
        if not all(_NAME_WORD_RE.match(w) for w in words):
            continue
        name = _title_case_name(part)
        if name not in out:
            out.append(name)
    return out


def _dateline_date(dl: DatelineMatch, ref: str | None) -> str | None:
    if dl.month_day is None:
        return None
    month, day = dl.month_day
    if dl.year is not None:
        parsed = parse_date_value(f"{dl.year:04d}-{month:02d}-{day:02d}")
        return parsed[0] if parsed else None
    return resolve_year(month, day, ref)


# ASCII characters that are neither letters, digits nor white space: deleted, they leave the
# pieces with a letter or a digit (the words) and remove the others
_ASCII_NON_WORD = dict.fromkeys(
    (c for c in range(128) if not chr(c).isalnum() and not chr(c).isspace()), None
)


_COUNT_CHUNK = 1 << 16
_SPACE_RE = compile_re(r"[ \t\n\r\f\v]")


def _count_words(body: str) -> int:
    """White-space separated pieces of ``body`` with a letter or a digit in them."""
    if body.isascii():
        # two C passes (str.translate has a fast path for ASCII tables) and no test per piece
        return len(body.translate(_ASCII_NON_WORD).split())
    chunks = body.split()
    # C-level passes: most pieces are all letters or digits; only the others need the search
    others = list(filterfalse(str.isalnum, chunks))
    return len(chunks) - len(others) + sum(map(bool, map(_ALNUM_RE.search, others)))


def _collapse(s: str) -> str:
    return " ".join(s.split())


def extract_metadata(
    seg: Segmentation,
    header: Header,
    *,
    hints: Mapping[str, Any] | None = None,
    date: str | None = None,
) -> Metadata:
    """Fill :class:`~newscli.model.Metadata` from the header, the segmented body, the HTML
    ``hints`` and ``date`` (the user's ``--date``, which overrides the article's own date)."""
    text = seg.text
    hints = hints or {}
    meta = Metadata()

    # title: the header's, else the HTML page's
    title = header.title
    if not title and isinstance(hints.get("title"), str):
        title = hints["title"]
    meta.title = _collapse(title) if title and title.strip() else None

    # byline: the header's, else a byline paragraph among the first body paragraphs, else HTML
    byline = header.byline
    byline_para = -1
    if not byline:
        for i, (a, b) in enumerate(seg.paragraphs[:3]):
            chunk = text[a:b]
            if "\n" not in chunk.strip() and looks_like_byline(chunk):
                byline, byline_para = chunk.strip(), i
                break
    if not byline and isinstance(hints.get("author"), str) and hints["author"].strip():
        byline = hints["author"].strip()
    meta.byline = _collapse(byline) if byline else None
    meta.authors = parse_authors(meta.byline)

    # dateline
    starts = [(a, b) for i, (a, b) in enumerate(seg.paragraphs[:DATELINE_SCAN]) if i != byline_para]
    dl = find_dateline(text, starts, strong_after=DATELINE_PARAGRAPHS)

    # date: --date > header > HTML > dateline with a year
    if date:
        parsed = parse_date_value(date)
        if parsed:
            meta.date, meta.date_precision = parsed
            meta.date_source = "option"
    if meta.date is None and header.date:
        meta.date, meta.date_precision = header.date, header.date_precision or "day"
        meta.date_source = header.date_source or "header"
    if meta.date is None and isinstance(hints.get("date"), str):
        parsed = parse_date_value(hints["date"])
        if parsed:
            meta.date, meta.date_precision = parsed
            source = hints.get("date_source")
            meta.date_source = source if isinstance(source, str) else "html"
    if isinstance(hints.get("modified"), str):
        meta.modified = hints["modified"]
    if meta.date is None and dl is not None and dl.year is not None:
        iso = _dateline_date(dl, None)
        if iso:
            meta.date, meta.date_precision, meta.date_source = iso, "day", "dateline"

    if dl is not None:
        meta.dateline = Dateline(
            text=dl.text,
            start=dl.start,
            end=dl.end,
            place=dl.place,
            date_text=dl.date_text,
            date=_dateline_date(dl, meta.date),
            agency=dl.agency,
        )

    # language: body first, the title helps very short texts
    body = text[seg.body_start : seg.body_start + 3000]
    # (at least 30 words: a split that stops after the 30th, not one over all 3000 characters)
    enough = len(body.split(None, 29)) >= 30
    lang_text = body if enough or not meta.title else f"{meta.title}\n{body}"
    meta.language = detect_language(lang_text)

    # counts: the body without white space at either end is from the first paragraph to the
    # last (paragraphs are stripped and hold all else), counted in pieces cut at white space (a
    # long body's words were a list of some ten times its size)
    paras = seg.paragraphs
    start, end = (paras[0].start, paras[-1].end) if paras else (0, 0)
    words = 0
    while start < end:
        m = _SPACE_RE.search(text, min(end, start + _COUNT_CHUNK), end)
        cut = m.start() if m else end
        words += _count_words(text[start:cut])
        start = cut
    meta.counts = Counts(
        paragraphs=len(paras),
        sentences=len(seg.sentences),
        words=words,
        characters=end - paras[0].start if paras else 0,
    )
    meta.reading_minutes = round(words / WORDS_PER_MINUTE, 1)

    # lead: the dateline paragraph without its dateline, else the first non-byline paragraph
    lead = None
    if dl is not None:
        line_start = text.rfind("\n", 0, dl.start) + 1
        if dl.start > line_start and not text[line_start : dl.start].strip():
            # indented wire copy: the paragraph runs to the next indented or blank line
            m = _PARA_END_RE.search(text, dl.end)
            lead = text[dl.end : m.start() if m else len(text)]
        else:
            for a, b in seg.paragraphs[:DATELINE_SCAN]:
                if a <= dl.start < b:
                    lead = text[dl.end : b]
                    break
    if lead is None or not lead.strip():
        after = dl.end if dl is not None else -1  # a dateline alone on its line: the next one
        for i, (a, b) in enumerate(seg.paragraphs[:DATELINE_SCAN]):
            if i != byline_para and a >= after and text[a:b].strip():
                lead = text[a:b]
                break
    meta.lead = _collapse(lead) if lead and lead.strip() else None
    return meta
