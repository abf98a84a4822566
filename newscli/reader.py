"""Reading articles: finding input files, decoding bytes, extracting HTML, parsing the header.

Offsets everywhere in newscli refer to the text this module returns, so decoding normalises
nothing: no newline conversion, no Unicode normalisation, no whitespace trimming. The one thing
not kept is a byte-order mark: it is an encoding signature, not text (as with Python's
``utf-8-sig``), so ``text[0]`` is the first real character.

The header (``date 2020-04-27``, ``Title:`` lines, a headline line, a ``By ...`` byline) is
metadata, not body: :func:`parse_header` says where the body starts.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from newscli.chrome import chrome_kind, nav_line, printed_date
from newscli.dateline import AGENCIES, known_place, match_dateline, parse_date_value
from newscli.fetch import is_url
from newscli.model import Span
from newscli.record import factory, record
from newscli.regex_cache import compile as compile_re

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
CORPUS_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".warc": "warc",  # a web archive: each HTML response is an article (newscli/warc.py)
}
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")
HTML_SUFFIXES = (".html", ".htm")
MAX_BYTES = 20_000_000


class ReadError(Exception):
    """An input that cannot be read as an article; ``str()`` is the one-line reason."""


@record
class Document:
    """A decoded article: ``text`` (offsets refer to it), ``hints`` found outside the text
    (HTML meta: ``title``, ``date``, ``author``) and decoding ``warnings``."""

    source: str
    text: str
    hints: dict[str, Any] = factory(dict)
    warnings: list[str] = factory(list)


# --- discovering inputs -----------------------------------------------------------------------


def _walk(root: str, suffixes: tuple[str, ...]) -> Iterator[tuple[str, ReadError | None]]:
    """The articles under ``root``, depth first in sorted order, with a stack instead of
    recursion (a folder nested thousands deep is walked like any other). A folder is entered
    once (symlink loops), and a link that leads out of ``root`` is not followed: the walk never
    leaves the folder the user gave."""
    top = os.path.realpath(root)
    seen: set[str] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []
    error = _enter(root, top, seen, stack)
    if error is not None:
        yield root, error
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        article = entry.name.lower().endswith(suffixes)
        try:
            mode = entry.stat().st_mode  # follows symlinks
        except OSError as exc:
            # a dangling or looping link, or a file deleted while we looked: an article the
            # user expects to see is accounted for; anything else is not ours to mention
            if article:
                yield entry.path, ReadError(_path_error(entry.path, exc))
            continue
        if stat.S_ISDIR(mode):
            error = _enter(entry.path, top, seen, stack)
            if error is not None:
                yield entry.path, error
        elif article:
            yield entry.path, None if stat.S_ISREG(mode) else ReadError("not a regular file")


def _enter(
    path: str, top: str, seen: set[str], stack: list[Iterator[os.DirEntry[str]]]
) -> ReadError | None:
    """Push a folder's sorted entries for :func:`_walk`; a reason when it cannot be read."""
    try:
        real = os.path.realpath(path)
        if real in seen:
            return None  # a symlink loop, or a folder reached twice
        if real != top and not real.startswith(top.rstrip(os.sep) + os.sep):
            return None  # a link out of the folder given
        seen.add(real)
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except PermissionError:
        return ReadError("permission denied")
    except OSError as exc:
        return ReadError((exc.strerror or "cannot read folder").lower())
    stack.append(iter(entries))
    return None


def _path_error(path: str, exc: OSError) -> str:
    """The one-line reason a path cannot be opened."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def discover(paths: list[str], *, archives: bool = False) -> Iterator[tuple[str, ReadError | None]]:
    """Expand the paths the user gave into articles to read, in a stable order.

    ``-`` (stdin) and files are passed through as given (whatever their suffix: the user named
    them); folders are walked recursively in sorted order for ``ARTICLE_SUFFIXES`` files,
    skipping hidden entries and never visiting a folder twice (symlink loops); with
    ``archives`` (``batch``, ``overview``), web archives in folders are found too. A missing
    path or a folder with no articles yields ``(path, ReadError)``."""
    for path in paths:
        if path == "-" or is_url(path):
            yield path, None
        elif os.path.isdir(path):
            found = False
            suffixes = ARTICLE_SUFFIXES + ARCHIVE_SUFFIXES if archives else ARTICLE_SUFFIXES
            for item in _walk(path, suffixes):
                found = True  # an article, or a reason one could not be read: not "no articles"
                yield item
            if not found:
                yield path, ReadError("is a directory with no articles")
        else:
            try:
                os.stat(path)
            except OSError as exc:
                yield path, ReadError(_path_error(path, exc))
                continue
            yield path, None


def corpus_kind(path: str) -> str | None:
    """``"jsonl"``, ``"csv"``, ``"tsv"`` or ``"warc"`` for a corpus file (by suffix, ``.gz``
    allowed)."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix, kind in CORPUS_KINDS.items():
        if name.endswith(suffix):
            return kind
    return None


# --- decoding ---------------------------------------------------------------------------------

_CHARSET_RE = compile_re(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_\-]{2,30})""", re.I)


def _is_html(path: str, head: str) -> bool:
    if path.lower().endswith(HTML_SUFFIXES):
        return True
    h = head.lstrip()[:200].lower()
    return h.startswith(("<!doctype html", "<html")) or (
        h.startswith("<?xml") and "<html" in head[:1000].lower()
    )


# Bytes that never occur in text: C0 controls other than tab, newlines, form feed and escape.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CP1252_TABLE = "".join(
    chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
    for b in range(256)
)
BINARY_SHARE = 0.05  # NUL bytes and more control bytes than this (5 %): binary, not text


def _control_share(data: bytes) -> float:
    """The share of bytes that are C0 controls text never uses (NUL, BEL, ...), at C speed."""
    if not data:
        return 0.0
    return len(data.translate(None, _TEXT_BYTES)) / len(data)


def _is_binary(data: bytes) -> bool:
    """Binary data: NUL bytes (over 1 %, or any among over 5 % of control bytes). Text with
    escape sequences, bells and backspaces but no NUL is hostile text, not binary: it is read
    (and shown inert)."""
    nul = data.count(0)
    return nul > 0 and (nul > 0.01 * len(data) or _control_share(data) > BINARY_SHARE)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when ``data`` looks like UTF-16 that lost its byte-order mark.

    Text in UTF-16 has a NUL in the high byte of every ASCII character (spaces, digits,
    punctuation, Latin letters): many NULs at odd offsets and next to none at even offsets
    (little-endian), or the reverse. Binary data has NULs at both, UTF-8 text at neither. CJK
    text in UTF-16 without a BOM has too few NULs to be recognised: it is then read as cp1252
    (with the warning) or refused as binary: the reason is printed either way."""
    sample = data[: 1 << 16]
    half = len(sample) // 2
    if half < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.2 * half and even <= 0.05 * odd:
        return "utf-16-le"
    if even >= 0.2 * half and odd <= 0.05 * even:
        return "utf-16-be"
    return None


def decode(data: bytes, *, html: bool = False) -> tuple[str, list[str]]:
    """Decode bytes to text; returns ``(text, warnings)``.

    UTF-8 (a BOM is dropped), UTF-32 or UTF-16 with a BOM, UTF-16 without one (recognised by
    where its NUL bytes fall, with a warning), else a charset an HTML page declares, else
    cp1252 (latin-1 for its five undefined bytes) with a warning. NUL bytes among many control
    bytes mean binary data (:func:`_is_binary`); a stray NUL in a long text is kept (JSON
    escapes it, the terminal view shows it as ``\\x00``) with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), []
        except UnicodeDecodeError:
            data = data[3:]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        try:
            return data.decode("utf-32"), []
        except UnicodeDecodeError:
            pass  # "FF FE 00 00" may also open UTF-16 whose first character is U+0000
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError("not a text file (invalid UTF-16)") from exc
        if _is_binary(text.encode("utf-8", "surrogatepass")):
            raise ReadError("not a text file (binary data)")
        return text, []
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is not None:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                pass
            else:
                if not _is_binary(text.encode("utf-8", "surrogatepass")):
                    name = codec.upper().replace("UTF-16-", "UTF-16")
                    return text, [f"no byte-order mark: decoded as {name} (from its NUL bytes)"]
    if _is_binary(data):
        raise ReadError("not a text file (binary data)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            # a file cut inside its last character (a truncated download): UTF-8 still, not
            # cp1252 mojibake for every accent in it
            cut = "the file ends inside a UTF-8 character (shown as U+FFFD)"
            return data[: exc.start].decode("utf-8") + "\ufffd", [cut]
    if html:
        m = _CHARSET_RE.search(data[:4096])
        if m:
            name = m.group(1).decode("ascii").lower()
            try:
                codec = codecs.lookup(name).name
            except LookupError:
                codec = ""
            if codec and codec not in ("utf-8", "utf-16"):
                try:
                    return data.decode(codec), []
                except UnicodeDecodeError:
                    pass
    # cp1252 leaves five bytes undefined: they become the latin-1 characters (C1 controls),
    # through one table at C speed (an error handler per byte is slow on hostile data)
    text = codecs.charmap_decode(data, "strict", _CP1252_TABLE)[0]
    return text, ["not valid UTF-8: decoded as cp1252 (Windows-1252)"]


def read_document(
    path: str, *, max_bytes: int = MAX_BYTES, stdin: BinaryIO | None = None
) -> Document:
    """Read and decode one article (``-`` is stdin); HTML pages are reduced to their text.

    Raises :class:`ReadError` with a one-line reason for anything that is not a readable,
    non-empty text article."""
    if is_url(path):
        return _read_url(path, max_bytes)
    if path != "-" and corpus_kind(path):
        # one article per record: its JSON or CSV is not prose
        raise ReadError("a corpus file (one article per record): read it with `newscli batch`")
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
        else:
            info = os.stat(path)
            if stat.S_ISDIR(info.st_mode):
                raise ReadError("is a directory")
            if not stat.S_ISREG(info.st_mode):
                # a FIFO would block until a writer came, a device never ends: refused before
                # they are opened (stdin is "-")
                raise ReadError("not a regular file (use - to read standard input)")
            size = info.st_size
            if size > max_bytes:
                raise ReadError(_too_large(size, max_bytes))
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise ReadError("no such file") from exc
    except PermissionError as exc:
        raise ReadError("permission denied") from exc
    except IsADirectoryError as exc:
        raise ReadError("is a directory") from exc
    except OSError as exc:
        raise ReadError(_path_error(path, exc)) from exc
    if len(data) > max_bytes:
        # stdin, a pipe or a device (/dev/zero), or a file that grew: read only this far
        raise ReadError(_too_large(len(data), max_bytes, at_least=True))
    return _document(path, data)


def _read_url(url: str, max_bytes: int) -> Document:
    """Fetch and decode one page; the document's ``source`` is the URL after redirects."""
    from newscli.fetch import FetchError, fetch

    try:
        page = fetch(url, max_bytes=max_bytes)
    except FetchError as exc:
        raise ReadError(str(exc)) from None
    return page_document(
        page.url, page.data, html=page.content_type != "text/plain", charset=page.charset
    )


def page_document(url: str, data: bytes, *, html: bool, charset: str | None) -> Document:
    """A page's bytes as served (fetched, or from a web archive) as a document: decoded with
    the charset the response named when it fits the bytes, else sniffed as a file is."""
    text = None
    if charset is not None:
        try:
            text = data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            text = None  # the header's charset does not fit the bytes: sniff them instead
    return _document(url, data, text=text, html=html, url=url)


def _document(
    path: str,
    data: bytes,
    *,
    text: str | None = None,
    html: bool | None = None,
    url: str | None = None,
) -> Document:
    """Decode (unless ``text`` is given), check, and extract a page's story when it is HTML."""
    if html is None:
        sniff = data[:1024].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")
        html = _is_html(path, sniff)
    warnings: list[str] = []
    if text is None:
        text, warnings = decode(data, html=html)
    if not text.strip():
        raise ReadError("empty file")
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0)):,} NUL characters in the text (kept)")
    hints: dict[str, Any] = {}
    if html:
        from newscli.webpage import extract_page  # lxml and trafilatura: HTML input only

        text, hints = extract_page(text, url=url)
        if not text.strip():
            raise ReadError("no article text found in the HTML page")
    return Document(source=path, text=text, hints=hints, warnings=warnings)


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    """``file too large (25.0 MB > 20 MB limit)``; in bytes when MB would round them equal;
    ``at_least``: only the first ``size`` bytes were read (stdin, a pipe, a device)."""
    shown, cap = f"{size / 1e6:.1f} MB", f"{limit / 1e6:g} MB"
    if f"{size / 1e6:.1f}" == f"{limit / 1e6:.1f}":  # rounding would make them look equal
        shown, cap = f"{size:,} bytes", f"{limit:,}-byte"
    if at_least:
        return f"file too large (over the {cap} limit)"
    return f"file too large ({shown} > {cap} limit)"


# --- the header -------------------------------------------------------------------------------


@record
class Header:
    """What precedes the body: ``body_start`` is the offset of the first body character.

    ``date`` is ISO 8601 with its ``date_precision`` (``day``/``month``/``year``); ``fields``
    keeps every ``Key: value`` header line as written (lower-cased keys)."""

    body_start: int = 0
    title: str | None = None
    title_span: Span | None = None
    date: str | None = None
    date_precision: str | None = None
    date_span: Span | None = None
    byline: str | None = None
    byline_span: Span | None = None
    source: str | None = None
    date_source: str | None = None  # "printed": a web page's time stamp, not a header field
    fields: dict[str, str] = factory(dict)


# " date 2020-04-27 " (the seed's form) and "date 2020-04" before the text
_DATE_HEADER_RE = compile_re(
    r"[ \t\r\n\ufeff]*date[ \t]+(\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?)?)(?![\w\-:])[ \t]*",
    re.I,
)
_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "dated": "date",
    "published": "date",
    "publication date": "date",
    "published on": "date",
    "pubdate": "date",
    "by": "byline",
    "byline": "byline",
    "author": "byline",
    "authors": "byline",
    "written by": "byline",
    "source": "source",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
    "section": "section",
    "category": "section",
    "tags": "tags",
    "keywords": "tags",
    "updated": "updated",
    "last updated": "updated",
    "subtitle": "subtitle",
    "dateline": "dateline",
    "agency": "agency",
    "editor": "editor",
    "editors": "editor",
    "reporter": "byline",
}
_KEY_LINE_RE = compile_re(r"[ \t]*(?P<key>[A-Za-z][A-Za-z ]{0,18}?)[ \t]*:[ \t]*(?P<value>[^\n]*)")
_LINE_RE = compile_re(r"[^\n]*")
_BLANK_RE = compile_re(r"[ \t\r\n\f\v]*")
_BY_RE = compile_re(r"(?:(?:[Ww]ritten|WRITTEN|[Ss]tory|STORY)[ \t]+)?(?:by|BY|By)[ \t]+(?=\S)")
_NAME_WORD_RE = compile_re(r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*$|[A-ZÀ-ÖØ-Þ]\.$")
_NAME_JOINERS = frozenset(
    "and & de da del della der den di do dos du la le van von bin ibn al el ter st. y".split()
)
_ABBREV_END_RE = compile_re(r"(?:\b[A-Za-z]\.){2,}$")
# a sentence ending inside the line ("... in 2020. REUTERS/...") : a caption or prose
_SENTENCE_INSIDE_RE = compile_re(r"([A-Za-z0-9]{2,})[.!?][\"'”’)]*\s+[\"'“‘]?[A-Z]")
_TITLE_ABBREVS = frozenset(
    """mr mrs ms dr gen sen rep gov lt col capt sgt maj adm prof rev hon st mt ft no nos vs
    inc corp co ltd jr sr bros jan feb mar apr jun jul aug sep sept oct nov dec dept univ""".split()
)
_CAPTION_OPENERS = ("FILE PHOTO", "PHOTO:", "FILE:", "IMAGE:", "PICTURE:", "IN THIS PHOTO")
_WEB_CHROME = frozenset(
    "home menu search advertisement skip navigation news login subscribe close share".split()
)


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the line starting at ``pos`` (end excludes the newline)."""
    m = _LINE_RE.match(text, pos)
    end = m.end() if m else pos
    return pos, end


def _next_nonblank(text: str, pos: int) -> int:
    """The first non-space character at or after ``pos`` (``len(text)`` if none)."""
    m = _BLANK_RE.match(text, pos)
    return m.end() if m else pos


def _ends_paragraph(text: str, end: int) -> bool:
    """Is the line ending at ``end`` followed by a blank line or the end of the text?"""
    n = len(text)
    if end >= n:
        return True
    if text[end] != "\n":
        return False
    j = end + 1
    while j < n and text[j] in " \t\r\f\v":
        j += 1
    return j >= n or text[j] == "\n"


def strip_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def looks_like_byline(line: str) -> bool:
    """``By Greg McCune, Reuters``, ``BY MICHAEL FITZPATRICK``, ``By Jane Roe and John Doe``."""
    s = line.strip()
    if len(s) > 160 or not _BY_RE.match(s):
        return False
    rest = _BY_RE.sub("", s, count=1).strip()
    if not rest or (rest[-1] in ".!?;" and not _NAME_WORD_RE.search(rest.split()[-1])):
        return False
    first = compile_re(r"[,;|(]| - | — | – ").split(rest, maxsplit=1)[0].strip()
    words = first.split()
    if not words or len(words) > 12:
        return False
    names = [w for w in words if w.lower() not in _NAME_JOINERS]
    if not names or not all(_NAME_WORD_RE.match(w) for w in names):
        return False
    if len(names) == 1:
        return names[0].lower().strip(".") in AGENCIES
    return True


def looks_like_title(line: str) -> bool:
    """A headline: short, not a sentence (no final period unless an abbreviation ends it),
    not a dateline paragraph, not a byline."""
    s = line.strip()
    if not s or len(s) > 200:
        return False
    words = s.split()
    if len(words) > 30 or not any(c.isalpha() for c in s):
        return False
    if s.upper().startswith(_CAPTION_OPENERS):
        return False
    if not s.isupper():  # wire headlines in capitals are full of abbreviations: "PLC. SAYS"
        for m in _SENTENCE_INSIDE_RE.finditer(s):
            if m.group(1).lower() not in _TITLE_ABBREVS:
                return False  # two sentences: prose or a caption, not a headline
    if s.lower() in _WEB_CHROME:
        return False
    last = s[-1]
    # a final period is allowed after an abbreviation ("... U.S.") or in an all-caps line
    if last in ".:;," and (last != "." or not (_ABBREV_END_RE.search(s) or s.isupper())):
        return False
    if s.endswith(('."', ".”", ".'", ".’")):
        return False
    if looks_like_byline(s):
        return False
    if s.startswith(("http://", "https://", "www.")):
        return False
    if s.isupper() and len(words) <= 3 and known_place(s):
        return False  # "ANKARA" alone on its line: the dateline of the story below
    dl = match_dateline(s, 0)
    return not (dl is not None and len(s) - dl.end > 20)


_PREAMBLE_LINES = 14  # how far a copied page's chrome may run before the story starts


def _preamble_kind(line: str) -> str | None:
    """What a line before the story of a copied web page is: ``nav`` (menus, breadcrumbs,
    prompts, captions), ``date`` (a printed time stamp), ``byline``, ``title`` (a headline of
    four words or more), ``label`` (a section name or topic tag: ``COVID-19``, ``Markets``), or
    None for the story itself."""
    s = line.strip()
    if not s or len(s) > 200:
        return None
    if printed_date(s) is not None:
        return "date"
    by = s.split("|", 1)[0]
    if looks_like_byline(by) or (by.lower().startswith("by ") and len(by.split()) <= 6):
        return "byline"
    if nav_line(s) or chrome_kind(s) is not None:
        return "nav"
    words = [w for w in s.split() if any(c.isalpha() for c in w)]
    if len(words) >= 4 and looks_like_title(s):
        return "title"
    if len(words) <= 5 and s[-1] not in ".!?:;," and any(c.isalpha() for c in s):
        return "label"
    return None


def _before_stamps(text: str, end: int, found: list[tuple[str, int, int]]) -> bool:
    """Is the prose line ending at ``end`` a standfirst: under the headline, short, and
    followed by a printed stamp or byline (``Published On 18 Oct 2023``) before the story?"""
    if not any(kind == "title" for kind, _, _ in found):
        return False
    line_start = text.rfind("\n", 0, end) + 1
    if end - line_start > 300:
        return False
    nxt = _next_nonblank(text, end)
    s, e = _line_at(text, nxt)
    return nxt < len(text) and _preamble_kind(text[s:e]) in ("date", "byline")


def _take_stamp(h: Header, line: str, span: Span | None) -> None:
    """A printed stamp's day as the header's date (``date_source: printed``), unless the
    header already has one."""
    stamp = printed_date(line) if h.date is None else None
    if stamp is not None:
        h.date, h.date_precision, h.date_span = stamp[:10], "day", span
        h.date_source = "printed"


def _page_preamble(h: Header, text: str, pos: int) -> bool:
    """Text copied from a web page opens with its chrome: ``Go to Contents``, ``Home>>``, a
    site or section name, the headline, ``Updated 10:55 AM ET, ...``, ``By UPI Staff | Jan. 03,
    2018``. When the first line is such chrome, the lines up to the story's first paragraph
    are header: the headline is the title, a printed stamp the date, a byline the byline, and
    the rest yields nothing. Returns False (``h`` untouched) for any other opening."""
    n = len(text)
    first_start, first_end = _line_at(text, pos)
    first = _preamble_kind(text[first_start:first_end])
    if first is None:
        return False
    if first in ("label", "byline", "title"):
        # a section label, byline or headline opens a page only when page chrome follows it
        # (a headline, then a byline, is a wire story's header: the plain path reads it)
        nxt = _next_nonblank(text, first_end)
        s, e = _line_at(text, nxt)
        second = _preamble_kind(text[s:e]) if nxt < n else None
        if second is None or second == "byline" or (first == "title" and second != "nav"):
            return False
    found: list[tuple[str, int, int]] = []
    p = pos
    body = -1
    standfirst = False  # one line of prose under the headline, before the stamps
    for _ in range(_PREAMBLE_LINES):
        p = _next_nonblank(text, p)
        if p >= n:
            break
        start, end = _line_at(text, p)
        dl = match_dateline(text, start, end)
        kind = None if dl is not None else _preamble_kind(text[start:end])
        if kind is None and dl is None and not standfirst and _before_stamps(text, end, found):
            kind = standfirst = "standfirst"  # type: ignore[assignment]
        if kind is None:
            body = start
            break
        found.append((kind, start, end))
        p = end
    if body < 0:
        return False
    if not any(kind == "title" for kind, _, _ in found):
        # a short headline: a label that stands as a paragraph of its own ("Stocks fall\n\n")
        # and reads as one; stacked section names ("World\nEurope\n") do not
        found = [
            ("title", a, b)
            if kind == "label" and _ends_paragraph(text, b) and looks_like_title(text[a:b])
            else (kind, a, b)
            for kind, a, b in found
        ]
    for kind, start, end in found:
        sp = strip_span(text, start, end)
        if sp is None:
            continue
        line = text[sp.start : sp.end]
        if kind == "title" and h.title is None:  # (a dek under it reads as one too)
            h.title, h.title_span = line, sp
        elif kind in ("date", "nav"):
            _take_stamp(h, line, sp)
        if kind == "date" and h.byline is None and looks_like_byline(line.split("|", 1)[0]):
            kind = "byline"  # "By UPI Staff | Jan. 03, 2018": the byline before its stamp
        if kind == "byline" and h.byline is None:
            by = line.split("|", 1)[0].strip()
            h.byline, h.byline_span = by, Span(sp.start, sp.start + len(by))
            if "|" in line:
                _take_stamp(h, line, sp)
    h.body_start = _line_start(text, body)
    return True


def parse_header(text: str) -> Header:
    """Find the header before the body: the ``date YYYY-MM-DD`` prefix, ``Key: value`` lines
    (``Title:``, ``Date:``, ``By:``, ``Source:`` ...), YAML front matter, a headline line (or a
    Markdown ``# heading``) set off by a blank line, and a byline line. Never raises."""
    h = Header()
    n = len(text)
    pos = 0
    # 1. the seed's "date 2020-04-27" prefix; text after it on the same line is body
    m = _DATE_HEADER_RE.match(text)
    if m:
        parsed = parse_date_value(m.group(1))
        if parsed:
            h.date, h.date_precision = parsed
            h.date_span = Span(m.start(1), m.end(1))
            pos = m.end()
            if pos < n and text[pos] not in "\r\n":
                if _page_preamble(h, text, pos):
                    return h
                # Text on the date line: in the seed layout it is the first body paragraph (a
                # standfirst, followed by a blank line); in stored web pages it is the page's
                # first line: a headline (or "Home") with the next paragraph on the next line.
                start, end = _line_at(text, pos)
                line = text[start:end]
                if _ends_paragraph(text, end) and not (
                    _is_title_case(line) and looks_like_title(line)
                ):
                    h.body_start = pos
                    return h
                if line.strip().lower() in _WEB_CHROME:
                    pos = _next_nonblank(text, end)
                    start, end = _line_at(text, pos)
                    line = text[start:end]
                if _own_paragraph(text, end) and looks_like_title(line):
                    sp = strip_span(text, start, end)
                    if sp:
                        h.title, h.title_span = text[sp.start : sp.end], sp
                        pos = _next_nonblank(text, end)
                        return _after_title(h, text, pos)
                h.body_start = _line_start(text, pos)
                return h
    pos = _next_nonblank(text, pos)
    # 2. YAML front matter
    if text.startswith("---", pos) and text[pos : pos + 4].rstrip("\r") in ("---", "---\n"):
        close = text.find("\n---", pos + 3)
        if 0 < close < pos + 5000:
            for fm in _KEY_LINE_RE.finditer(text, text.find("\n", pos) + 1, close + 1):
                _take_field(h, text, fm)
            eol = text.find("\n", close + 4)
            pos = _next_nonblank(text, n if eol < 0 else eol)
    # 3. Key: value lines
    saw_keys = False
    while pos < n:
        km = _KEY_LINE_RE.match(text, pos)
        if not km or km.group("key").strip().lower() not in _KEYS:
            break
        _take_field(h, text, km)
        saw_keys = True
        pos = _next_nonblank(text, km.end())
    # 4. a copied web page's chrome around its headline, or a headline line (or "# Heading"),
    # then a byline / date line
    if h.title is None and not saw_keys and pos < n and _page_preamble(h, text, pos):
        return h
    if h.title is None and pos < n:
        start, end = _line_at(text, pos)
        line = text[start:end]
        heading = line.lstrip()
        if heading.startswith("# "):
            sp = strip_span(text, start + (len(line) - len(heading)) + 2, end)
            if sp:
                h.title, h.title_span = text[sp.start : sp.end], sp
                pos = _next_nonblank(text, end)
        elif not saw_keys and _own_paragraph(text, end) and looks_like_title(line):
            sp = strip_span(text, start, end)
            if sp:
                h.title, h.title_span = text[sp.start : sp.end], sp
                pos = _next_nonblank(text, end)
    return _after_title(h, text, pos)


def _after_title(h: Header, text: str, pos: int) -> Header:
    """Byline, ``Key: value`` and date lines right after the headline end the header."""
    n = len(text)
    for _ in range(4):
        if pos >= n:
            break
        start, end = _line_at(text, pos)
        line = text[start:end]
        km = _KEY_LINE_RE.match(text, pos)
        if km and km.group("key").strip().lower() in _KEYS:
            _take_field(h, text, km)
            pos = _next_nonblank(text, km.end())
            continue
        by = line.split("|", 1)[0]
        if h.byline is None and looks_like_byline(by) and _ends_line_block(text, end):
            sp = strip_span(text, start, start + len(by))
            if sp:  # "By UPI Staff | Jan. 03, 2018": the byline, then its stamp
                h.byline, h.byline_span = text[sp.start : sp.end], sp
                if "|" in line:
                    _take_stamp(h, line, strip_span(text, start, end))
                pos = _next_nonblank(text, end)
                continue
        if _ends_line_block(text, end) and len(line.strip()) <= 120:
            if printed_date(line) is not None and not parse_date_value(line.strip(), whole=True):
                # "Updated 10:55 AM ET, Mon September 25, 2017", "(Xinhua) 11:25, April 21"
                _take_stamp(h, line, strip_span(text, start, end))
                pos = _next_nonblank(text, end)
                continue
            if nav_line(line):  # "2 Min Read", "Home>>"
                pos = _next_nonblank(text, end)
                continue
        if h.date is None and len(line.strip()) <= 60 and _ends_line_block(text, end):
            dm = _DATE_HEADER_RE.match(line)
            if dm and dm.end() == len(line):  # "date 2023-11-03" on its own line
                parsed = parse_date_value(dm.group(1))
                if parsed:
                    h.date, h.date_precision = parsed
                    h.date_span = Span(start + dm.start(1), start + dm.end(1))
                    pos = _next_nonblank(text, end)
                    continue
            parsed = parse_date_value(line.strip(), whole=True)
            if parsed:
                h.date, h.date_precision = parsed
                sp = strip_span(text, start, end)
                h.date_span = sp
                pos = _next_nonblank(text, end)
                continue
        break
    h.body_start = _line_start(text, min(pos, n))
    return h


_SMALL_WORDS = frozenset(
    "a an the and or nor but of in on at to for by with from as vs via per into over up off".split()
)


def _is_title_case(line: str) -> bool:
    """Headline Case Or ALL CAPS (a standfirst or a lead is written in sentence case)."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    big = [w for w in words if w.lower().strip("'\"‘’“”()") not in _SMALL_WORDS]
    if len(big) < 3:
        return False
    caps = sum(1 for w in big if w.lstrip("'\"‘’“”(")[:1].isupper() or w[:1].isdigit())
    return caps >= 0.8 * len(big)


def _own_paragraph(text: str, end: int) -> bool:
    """Is the line ending at ``end`` a paragraph of its own? Followed by a blank line, or by a
    single newline when the text is not hard-wrapped there: the next line starts a sentence and
    is either long (unwrapped web text) or could have taken its first word on this line."""
    if _ends_paragraph(text, end):
        return True
    if end >= len(text) or text[end] != "\n":
        return False
    line_start = text.rfind("\n", 0, end) + 1
    this = text[line_start:end].strip()
    nxt_end = text.find("\n", end + 1)
    nxt = text[end + 1 : len(text) if nxt_end < 0 else nxt_end]
    if nxt[:1] in (" ", "\t"):
        return True  # an indented line starts a paragraph (wire copy)
    nxt = nxt.strip()
    if not nxt or not (
        nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"'“‘«(" or nxt.startswith("date ")
    ):
        return False
    if (
        len(nxt) > 100
        or looks_like_byline(nxt)
        or parse_date_value(nxt, whole=True)
        or _DATE_HEADER_RE.fullmatch(nxt)
    ):
        return True
    first_word = nxt.split(None, 1)[0]
    return len(this) + 1 + len(first_word) <= max(len(this), len(nxt))


def _ends_line_block(text: str, end: int) -> bool:
    """A header line ends a paragraph or is followed by another header-ish line."""
    return _ends_paragraph(text, end) or (end < len(text) and text[end] == "\n")


def _line_start(text: str, pos: int) -> int:
    """Move ``pos`` back over the spaces that indent its line (they belong to the body)."""
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j if j == 0 or text[j - 1] == "\n" else pos


def _take_field(h: Header, text: str, km: re.Match[str]) -> None:
    key = _KEYS.get(km.group("key").strip().lower())
    value = km.group("value").strip()
    if key is None or not value:
        return
    h.fields.setdefault(key, value)
    sp = strip_span(text, km.start("value"), km.end("value"))
    if key == "title" and h.title is None:
        h.title, h.title_span = value, sp
    elif key == "date" and h.date is None:
        parsed = parse_date_value(value)
        if parsed:
            h.date, h.date_precision = parsed
            h.date_span = sp
    elif key == "byline" and h.byline is None:
        h.byline, h.byline_span = value, sp
    elif key == "source" and h.source is None:
        h.source = value
