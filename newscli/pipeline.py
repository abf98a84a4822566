"""One article in, one :class:`~newscli.model.Article` out: the library entry point.

The pipeline reads the header once, segments the body once, and hands the same segmentation to
every extractor. Sections that were not asked for are not computed (and their modules are not
imported), which keeps a ``--json`` run for one section cheap.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from newscli.model import Article, clear_of_dateline, nest_quotes
from newscli.regex_cache import compile as compile_re
from newscli.segment import segment

SECTIONS = ("metadata", "quotes", "entities", "timeline")


def reference_date(iso: str | None) -> _dt.date | None:
    """The calendar day an ISO date/datetime string names; None for month or year precision."""
    if not iso or len(iso) < 10:
        return None
    try:
        return _dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def inspect(
    text: str,
    date: str | _dt.date | None = None,
    *,
    source: str = "<text>",
    sections: Iterable[str] = SECTIONS,
    hints: Mapping[str, Any] | None = None,
) -> Article:
    """Analyse one article.

    ``date`` (``YYYY-MM-DD`` or a :class:`datetime.date`) is the reference date; it overrides a
    date found in the article. ``hints`` carries metadata found outside the text (HTML meta
    tags: ``title``, ``date``, ``author``). ``sections`` picks what to compute besides metadata.
    """
    from newscli.metadata import extract_metadata
    from newscli.reader import parse_header

    wanted = set(sections)
    if isinstance(date, _dt.date):
        date = date.isoformat()
    header = parse_header(text)
    seg = segment(text, header.body_start, header.title_span)
    meta = extract_metadata(seg, header, hints=hints, date=date)
    article = Article(source=source, text=text, metadata=meta)
    ref = reference_date(meta.date)
    if ref is None and meta.date is None:
        article.warnings.append("no reference date: relative dates are left unresolved")

    entities = None
    if "entities" in wanted or "quotes" in wanted:
        from newscli.entities import extract_entities

        entities = extract_entities(seg, meta.dateline, article.warnings)
        if "entities" in wanted:
            article.entities = entities
    if "quotes" in wanted:
        from newscli.quotes import extract_quotes

        article.quotes = extract_quotes(seg, entities)
        if meta.dateline is not None:
            clear_of_dateline(article.quotes, text, meta.dateline.start, meta.dateline.end)
        nest_quotes(article.quotes)
    if "timeline" in wanted:
        from newscli.timeline import extract_timeline

        article.timeline = extract_timeline(
            seg, ref, dateline=meta.dateline, warnings=article.warnings
        )
    return article


# json.dumps(ensure_ascii=False) escapes C0 controls but writes these raw: DEL and the C1
# controls (0x9b is CSI to some terminals), the line separators that str.splitlines() and older
# JSON parsers split on (U+0085, U+2028, U+2029), and the bidi marks that reorder what a reader
# sees. Inside JSON they can only be in strings, where a \uXXXX escape means the same character.
# A lone surrogate (a truncated emoji in a corpus record) cannot be written as UTF-8 at all:
# escaped too, it is the same string to ``json.loads``.
_JSON_UNSAFE_RE = compile_re(
    r"[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


@cache
def _encoder() -> Any:
    """The JSON encoder, made once: ``json.dumps`` with options builds a new one per call.

    ``check_circular=False``: the article dictionaries are trees, and the cycle check records
    every list and dictionary it enters (about a sixth of the encoding time). A cyclic value
    raises ``RecursionError`` instead of ``ValueError``."""
    import json  # here, not at import: a library user who never writes JSON does not load it

    return json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _safe(json_text: str) -> str:
    # most records are ASCII without DEL: two C scans instead of the class search
    if json_text.isascii() and "\x7f" not in json_text:
        return json_text
    return _JSON_UNSAFE_RE.sub(_escape, json_text)


def json_line(data: Any) -> str:
    """One JSON Lines record: UTF-8 text kept readable, every character that could end the line
    early or act on a terminal escaped. ``json.loads`` gives ``data`` back unchanged."""
    return _safe(_encoder().encode(data)) + "\n"


_ITEMS_PER_WRITE = 256


def write_json_line(data: Mapping[str, Any], write: Callable[[str], object]) -> None:
    """``write(json_line(data))`` in pieces, the same characters: a value that is a list or an
    iterator (``Article.to_dict(lazy=True)``) is encoded a few hundred items at a time, so that
    a long article's whole line, and its escaped copy, are never held at once."""
    encode = _encoder().encode
    sep = "{"
    for key, value in data.items():
        head = f"{sep}{encode(key)}: "
        sep = ", "
        if isinstance(value, (dict, str)) or not isinstance(value, Iterable):
            write(_safe(head + encode(value)))
            continue
        write(_safe(head + "["))
        batch: list[str] = []
        more = ""
        for item in value:
            batch.append(encode(item))
            if len(batch) == _ITEMS_PER_WRITE:
                write(_safe(more + ", ".join(batch)))
                batch.clear()
                more = ", "
        write(_safe((more if batch else "") + ", ".join(batch) + "]"))
    write("}\n" if sep == ", " else "{}\n")
