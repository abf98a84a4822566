"""Web archives (WARC files, as in the CC-NEWS crawl): each HTML or text response is an article.

The records are read by warcio, a well-kept reader of the format (the optional extra
``newscli[warc]``, imported only when a WARC input is seen). Measured against FastWARC on one
1,470-record crawl of real pages (``python bench/warc.py --readers``), warcio reads a
gzip-per-record file at about 0.7 ms a record and FastWARC at 0.3 ms; the analysis of one page
takes about 25 ms, so the difference is near 1 % of a batch, while warcio is 0.3 MB of pure
Python and FastWARC, with what it pulls in, 38 MB of compiled wheels that not every platform has.

This module only reads: :func:`read_warc` yields one :class:`Entry` per record, in file order,
one at a time (memory stays flat however big the file). A page is handed on as bytes with its
content type and charset, and the worker turns it into text exactly as it does a fetched URL.
Records that are not articles (requests, metadata, revisits, images, redirects) are entries
with a ``skip`` reason, counted in the summary. A record that cannot be read (a corrupt or
truncated one) is an entry with an ``error`` naming its offset; reading resumes at the next
record the file lets us find (the next gzip member, or the next ``WARC/`` header line).
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

WARC_SUFFIXES = (".warc", ".warc.gz")
INSTALL_HINT = "reading web archives needs the warc extra: pip install 'newscli[warc]'"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
# content types that say nothing of what the body is: the body is looked at instead
_UNLABELLED = ("", "application/octet-stream", "binary/octet-stream", "text/x-unknown")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"^WARC/\d\.\d\r?\n", re.M)
_SCAN = 1 << 20  # bytes read at a time while looking for the next record


def is_warc(path: str) -> bool:
    """A web archive, by its name (``.warc`` or ``.warc.gz``)?"""
    return path.lower().endswith(WARC_SUFFIXES)


class WarcUnavailable(Exception):
    """warcio is not installed; ``str()`` says which extra to install."""


@dataclass(slots=True)
class Entry:
    """One record of a web archive, as batch needs it.

    A page has ``data`` (the HTTP body, transfer and content encodings undone), ``html`` and
    ``charset`` from the HTTP header; ``skip`` says why a record is not an article; ``error``
    why it could not be read."""

    offset: int
    uri: str | None = None
    record_id: str | None = None
    date: str | None = None
    data: bytes | None = None
    html: bool = True
    charset: str | None = None
    skip: str | None = None
    error: str | None = None


MAX_LINE = 1 << 18  # a header line longer than 256 KB is damage (or a bomb), not a header


class LineTooLong(ValueError):
    """A header line without end: read no further into it."""


def _require() -> Any:
    """warcio's record iterator, made to refuse header lines without end: warcio reads a
    header line whole, so one gzip member inflating to gigabytes without a newline would
    otherwise be held in memory at once."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.bufferedreaders import DecompressingBufferedReader
    except ImportError:
        raise WarcUnavailable(INSTALL_HINT) from None

    class BoundedLines(DecompressingBufferedReader):  # type: ignore[misc]
        def readline(self, length: int | None = None) -> bytes:
            if length is not None and 0 <= length <= MAX_LINE:
                return super().readline(length)  # type: ignore[no-any-return]
            line: bytes = super().readline(MAX_LINE + 1)
            if len(line) > MAX_LINE:
                raise LineTooLong(f"a header line longer than {MAX_LINE // 1024} KB")
            return line

    def iterator(fh: IO[bytes], **kwargs: Any) -> Any:
        records = ArchiveIterator(fh, **kwargs)
        records.reader = BoundedLines(records.fh, block_size=16384)
        return records

    return iterator


def read_warc(fh: IO[bytes], *, max_bytes: int = 20_000_000) -> Iterator[Entry]:
    """Every record of the (seekable, binary) web archive ``fh`` as an :class:`Entry`, in
    order. Never raises for bad content: a record that cannot be read is an error entry, and
    reading goes on at the next record found after it."""
    archive_iterator = _require()
    gzipped = fh.read(3) == _GZIP_MAGIC
    fh.seek(0)
    starts = _starts_record(fh, 0) if gzipped else fh.read(8).startswith(b"WARC/")
    if not starts:
        fh.seek(0, io.SEEK_END)
        if fh.tell():  # an empty file is an archive of no records
            yield Entry(offset=0, error="not a WARC file (it does not begin with a WARC/ record)")
        return
    fh.seek(0)
    if gzipped and not _member_per_record(fh):
        # the whole file compressed as one stream (gzip crawl.warc): read it uncompressed;
        # offsets then count the uncompressed bytes, and damage is searched past in them
        import gzip

        with gzip.GzipFile(fileobj=fh) as stream:
            yield from _records(stream, False, max_bytes, archive_iterator)  # type: ignore[arg-type]
        return
    yield from _records(fh, gzipped, max_bytes, archive_iterator)


def _records(
    fh: IO[bytes], gzipped: bool, max_bytes: int, archive_iterator: Any
) -> Iterator[Entry]:
    """:func:`read_warc` once the kind of file is known."""
    fh.seek(0)
    start: int | None = 0
    last = 0
    while start is not None:
        resume_from: int | None = None
        # warcio reports damage by writing to stderr itself: caught, and said in our words
        noise = io.StringIO()
        records = archive_iterator(fh, check_digests=False)
        while True:
            failed: Entry | None = None
            record: Any = None
            # (never yield inside this block: the consumer's own stderr would be caught too)
            with contextlib.redirect_stderr(noise):
                try:
                    record = next(records, None)
                    if record is not None:
                        offset = start if records.offset is None else records.offset
                        entry = _entry(record, offset, max_bytes)
                        records.read_to_end()
                        missing = getattr(record.raw_stream, "limit", 0)
                        if isinstance(missing, int) and missing > 0:
                            # the file ends (or a gzip member breaks off) inside the record
                            entry = Entry(offset=offset, uri=entry.uri, error=_broken_off(missing))
                            resume_from = offset
                except Exception as exc:  # warcio raises many kinds on damaged input
                    failed = Entry(offset=_offset(records, start), error=_reason(exc))
            if failed is not None:
                yield failed
                resume_from = failed.offset
                break
            if record is None:
                break
            if noise.getvalue():
                # a record shorter than its Content-Length, or a gzip member broken off
                yield Entry(offset=entry.offset, uri=entry.uri, error=_damage(noise.getvalue()))
                resume_from = entry.offset
                break
            yield entry
            if resume_from is not None:
                break
        if resume_from is None:
            break
        # (warcio's offset of a damaged record may be off; never search before the last start)
        last = max(last, resume_from, start or 0)
        try:
            start = _next_record(fh, last + 1, gzipped)
            if start is not None:
                fh.seek(start)
        except (OSError, EOFError, zlib.error):  # the file itself breaks off: nothing more
            start = None


def _entry(record: Any, offset: int, max_bytes: int) -> Entry:
    """The entry for one record (its body read here, at most ``max_bytes`` of it)."""
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI")
    entry = Entry(
        offset=offset,
        uri=uri,
        record_id=headers.get_header("WARC-Record-ID"),
        date=headers.get_header("WARC-Date"),
    )
    kind = record.rec_type
    if kind != "response":
        entry.skip = f"{kind} record"
        return entry
    http = record.http_headers
    if http is None:
        entry.skip = "response without HTTP headers"
        return entry
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        entry.skip = f"HTTP {status or 'status unknown'} response"
        return entry
    content_type = (http.get_header("Content-Type") or "").lower()
    mime = content_type.split(";", 1)[0].strip()
    unlabelled = mime in _UNLABELLED
    if mime not in HTML_TYPES and mime not in TEXT_TYPES and not unlabelled:
        entry.skip = f"not a web page ({mime})"
        return entry
    entry.html = mime in HTML_TYPES
    entry.charset = _charset(content_type)
    data = record.content_stream().read(max_bytes + 1)
    if unlabelled:
        # a server that names no type, or a generic one: a page is known by its first tag
        head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if not head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")):
            entry.skip = f"not a web page ({mime or 'no content type'})"
            return entry
        entry.html = True
    if len(data) > max_bytes:
        entry.error = f"page larger than {max_bytes:,} bytes"
        return entry
    entry.data = data
    return entry


def _charset(content_type: str) -> str | None:
    """The charset a Content-Type header names, when Python knows it."""
    import codecs

    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1)).name
    except LookupError:
        return None


def _offset(records: Any, start: int) -> int:
    """Where the record being read began (warcio's offset of the last good one, else ours)."""
    offset = getattr(records, "offset", None)
    return offset if isinstance(offset, int) else start


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:160]
    if isinstance(exc, zlib.error | EOFError):
        return f"damaged record: {text or 'compressed data broken off'}"
    name = type(exc).__name__
    if name == "ArchiveLoadFailed":
        return "not a readable WARC record (its header is damaged)"
    if isinstance(exc, LineTooLong):
        return f"damaged record: {text}"
    return f"damaged record (the WARC reader failed: {name})"


def _broken_off(missing: int) -> str:
    return f"record broken off: {missing:,} bytes of it missing (a truncated or damaged file)"


def _damage(noise: str) -> str:
    first = " ".join(noise.strip().splitlines()[0].split())[:160]
    if "Content-Length" in noise:
        return "record does not end where its Content-Length says (damaged)"
    return f"damaged record: {first}"


def _next_record(fh: IO[bytes], position: int, gzipped: bool) -> int | None:
    """The offset of the next record at or after ``position``: a gzip member that starts a
    WARC record, or a ``WARC/1.x`` header line; None at the end of the file."""
    while True:
        found = _scan(fh, position, gzipped)
        if found is None:
            return None
        if not gzipped or _starts_record(fh, found):
            return found
        position = found + 1


def _scan(fh: IO[bytes], position: int, gzipped: bool) -> int | None:
    overlap = 16
    while True:
        fh.seek(position)
        block = fh.read(_SCAN)
        if not block:
            return None
        if gzipped:
            at = block.find(_GZIP_MAGIC)
            if at >= 0:
                return position + at
        else:
            m = _WARC_LINE.search(block)
            if m:
                return position + m.start()
        if len(block) < _SCAN:
            return None
        position += len(block) - overlap


def _member_per_record(fh: IO[bytes]) -> bool:
    """Is each record its own gzip member, as the WARC standard asks (``.warc.gz``), rather
    than the whole file one stream? The first member holds one record header, not two."""
    fh.seek(0)
    inflate = zlib.decompressobj(31)
    seen = b""
    try:
        while not inflate.eof and len(seen) < (1 << 16):
            block = fh.read(1 << 14)
            if not block:
                break
            seen += inflate.decompress(block, (1 << 16) - len(seen))
            while inflate.unconsumed_tail and len(seen) < (1 << 16):
                seen += inflate.decompress(inflate.unconsumed_tail, (1 << 16) - len(seen))
    except zlib.error:
        return True  # a damaged first member: the record reader says so
    finally:
        fh.seek(0)
    return _WARC_LINE.search(seen, 1) is None


def _starts_record(fh: IO[bytes], at: int) -> bool:
    """Does a gzip member start at ``at`` whose text begins ``WARC/``?"""
    fh.seek(at)
    try:
        head = zlib.decompressobj(31).decompress(fh.read(4096), 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")
