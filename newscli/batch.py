"""Corpus-scale analysis: many inputs in, one JSON line (or CSV rows) per article out, on all cores.

Inputs are article files and folders (as for ``show``) and corpus files: JSON Lines
(``.jsonl``/``.ndjson``), CSV and TSV, each optionally gzip-compressed (``.gz``), one article per
record. Every input or record becomes one :class:`Item`; :func:`process` turns an item into the
text to print (the ``show --json`` object, or CSV rows) and never raises, so one bad record
costs only itself. :func:`run` maps :func:`process` over a process pool with a bounded window of
chunks in flight: memory stays flat however long the corpus (a plain ``Pool.imap`` would read
the whole input ahead into its task queue), order is kept unless asked otherwise, and a worker
that dies turns its chunk into error records instead of hanging the batch.

Nothing here imports typer or rich; ``cli.py`` and ``dask.py`` are thin layers over it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import io
import itertools
import json
import os
import re
import sys
import time
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from newscli.pipeline import SECTIONS
from newscli.reader import corpus_kind

CSV_COLUMNS = (
    "source",
    "id",
    "section",
    "start",
    "end",
    "text",
    "type",
    "value",
    "speaker",
    "speaker_id",
    "cue",
    "entity_id",
    "role",
    "count",
    "aliases",
    "mod",
    "anchor_begin",
    "anchor_end",
    "error",
)
ROW_SECTIONS = ("quotes", "entities", "timeline")  # the sections that have rows in --csv
MAX_FIELD = 2**31 - 1  # csv's default field limit (128 KiB) is smaller than many articles


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a corpus record hold the text, the id and the reference date."""

    text: str = "text"
    id: str | None = "id"
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Config:
    """What every worker needs to know; small and picklable (it travels to each process)."""

    sections: tuple[str, ...] = SECTIONS
    csv: bool = False
    include_text: bool = False
    date: str | None = None
    max_bytes: int = 20_000_000


@dataclass(slots=True)
class Item:
    """One unit of work: a file to read in the worker (``path``) or a text already in hand."""

    source: str
    id: str | None = None
    text: str | None = None
    path: str | None = None
    date: str | None = None
    hints: dict[str, Any] | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    page: Any = None  # a page's bytes as served (a web archive's response): fetch.Fetched
    warc: dict[str, Any] | None = None  # where in a web archive the item came from
    skip: str | None = None  # a record that is no article (a WARC request, an image): why


@dataclass(slots=True)
class Result:
    """What to print for one item: ``output`` for stdout, ``messages`` for stderr."""

    source: str
    id: str | None
    output: str
    error: str | None = None
    messages: list[str] = field(default_factory=list)
    words: int = 0
    undated: bool = False
    skipped: str | None = None  # for a record that is no article: why (output is empty)


# --- reading inputs ---------------------------------------------------------------------------


def iter_inputs(
    inputs: Iterable[str], *, max_bytes: int = 20_000_000, stdin: IO[bytes] | None = None
) -> Iterator[Item | str]:
    """Expand the paths as given into items, in order; a corpus file is yielded as its path.

    Folders are walked by :func:`newscli.reader.discover` (article files only); a corpus file
    must be named. Stdin (``-``) is read here, in the parent, since workers cannot see it."""
    from newscli.fetch import is_url, url_list
    from newscli.reader import ReadError, discover, read_document

    for arg in inputs:
        urls = [arg] if is_url(arg) else None
        if urls is None and os.path.isfile(arg) and not corpus_kind(arg):
            urls = url_list(arg)  # a file of URLs, one a line
        if urls is not None:
            yield from _fetched(urls, max_bytes)
            continue
        for path, error in discover([arg], archives=True):
            if error is not None:
                yield Item(source=path, error=str(error))
            elif path == "-":
                try:
                    doc = read_document(path, max_bytes=max_bytes, stdin=stdin)
                except ReadError as exc:
                    yield Item(source=path, error=str(exc))
                    continue
                yield Item(
                    source=path, text=doc.text, hints=doc.hints, warnings=tuple(doc.warnings)
                )
            elif corpus_kind(path) and os.path.isfile(path):
                yield path
            else:
                yield Item(source=path, path=path)


def _fetched(urls: list[str], max_bytes: int) -> Iterator[Item]:
    """Pages fetched here, in the parent, several at a time (the workers then only analyse):
    network waits overlap, and a host gets at most two requests at once."""
    from newscli.fetch import read_urls
    from newscli.reader import ReadError

    for url, doc in read_urls(urls, max_bytes=max_bytes):
        if isinstance(doc, ReadError):
            yield Item(source=url, error=str(doc))
        else:
            yield Item(
                source=doc.source, text=doc.text, hints=doc.hints, warnings=tuple(doc.warnings)
            )


def iter_items(
    inputs: Iterable[str],
    *,
    fields: Fields = Fields(),
    max_bytes: int = 20_000_000,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Every article file and every corpus record among ``inputs``, as items, in input order."""
    for entry in iter_inputs(inputs, max_bytes=max_bytes, stdin=stdin):
        if isinstance(entry, str):
            yield from iter_corpus(entry, fields=fields, max_bytes=max_bytes)
        else:
            yield entry


def _open_binary(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        import gzip

        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def iter_corpus(
    path: str,
    *,
    fields: Fields = Fields(),
    max_bytes: int = 20_000_000,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
    label: str | None = None,
) -> Iterator[Item]:
    """The records of one corpus file as items; ``source`` is ``PATH:LINE`` (1-based).

    ``start``/``end`` (byte offsets at line starts) and ``first_line`` read one block of an
    uncompressed JSONL file, so that several machines can share a big file (see ``dask.py``).
    A file that breaks off (a truncated gzip stream) yields the records before the break and
    then an error item. ``label`` (default: ``path``) names the file in ``source``."""
    kind = corpus_kind(path) or "jsonl"
    name = path if label is None else label
    if kind == "warc":
        yield from _warc_items(path, name, max_bytes)
        return
    try:
        raw = _open_binary(path)
    except OSError as exc:
        yield Item(source=name, error=(exc.strerror or str(exc)).lower())
        return
    with raw:
        try:
            if start:
                raw.seek(start)
            limit = 6 * max_bytes + (1 << 20)  # JSON escapes: up to 6 bytes a character
            lines = _bounded_lines(raw, limit, end)
            if kind == "jsonl":
                yield from _jsonl_items(name, lines, fields, max_bytes, first_line)
            else:
                yield from _csv_items(
                    name, lines, fields, max_bytes, "\t" if kind == "tsv" else ","
                )
        except (OSError, EOFError, zlib.error) as exc:
            yield Item(source=name, error=f"could not read to the end: {exc}")


def _warc_items(path: str, name: str, max_bytes: int) -> Iterator[Item]:
    """The records of a web archive as items: a page for each HTML or text response (its
    ``source`` the page's URL), a skip for every other record, an error for a damaged one
    (named by its byte offset)."""
    from newscli.fetch import Fetched
    from newscli.warc import WarcUnavailable, read_warc

    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below, also when the reader stops early
    except OSError as exc:
        yield Item(source=name, error=(exc.strerror or str(exc)).lower())
        return
    with raw:
        try:
            for entry in read_warc(raw, max_bytes=max_bytes):
                info = {
                    "file": name,
                    "offset": entry.offset,
                    "record_id": entry.record_id,
                    "date": entry.date,
                }
                if entry.error is not None:
                    if entry.offset == 0 and entry.uri is None:
                        yield Item(source=name, error=entry.error, warc=info)
                    else:
                        where = f"record at byte {entry.offset:,} of {name}"
                        source = entry.uri or name
                        yield Item(source=source, error=f"{where}: {entry.error}", warc=info)
                    continue
                if entry.skip is not None or entry.data is None:
                    yield Item(source=entry.uri or name, warc=info, skip=entry.skip or "empty")
                    continue
                uri = entry.uri or name
                kind = "text/html" if entry.html else "text/plain"
                page = Fetched(uri, entry.data, kind, entry.charset)
                yield Item(source=uri, page=page, warc=info)
        except WarcUnavailable as exc:
            yield Item(source=name, error=str(exc))
        except OSError as exc:
            yield Item(source=name, error=f"could not read to the end: {exc}")


def _bounded_lines(raw: IO[bytes], limit: int, end: int | None = None) -> Iterator[bytes | None]:
    """The lines of ``raw`` (up to byte ``end``); None for a line longer than ``limit``, skipped
    and never held whole, so that one hostile line cannot take all the memory."""
    while (end is None or raw.tell() < end) and (line := raw.readline(limit + 1)):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (more := raw.readline(1 << 20)) and not more.endswith(b"\n"):
            pass
        yield None


def _decode_line(line: bytes, first: bool) -> tuple[str, str | None]:
    """Decode one line as the reader decodes files (UTF-8, else cp1252 with a warning)."""
    from newscli.reader import ReadError, decode

    if first and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text, warnings = decode(line)
    except ReadError as exc:
        return line.decode("utf-8", "replace"), str(exc)
    return text, warnings[0] if warnings else None


def _jsonl_items(
    path: str, lines: Iterable[bytes | None], fields: Fields, max_bytes: int, first_line: int
) -> Iterator[Item]:
    for n, raw_line in enumerate(lines, first_line):
        source = f"{path}:{n}"
        if raw_line is None:
            yield Item(source=source, error=f"record larger than {max_bytes:,} bytes")
            continue
        if not raw_line.strip():
            continue
        line, warning = _decode_line(raw_line, n == 1)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(source=source, error=f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        except ValueError as exc:
            yield Item(source=source, error=f"not valid JSON: {exc}")
            continue
        except RecursionError:
            yield Item(source=source, error="not valid JSON here: nested too deeply")
            continue
        if not isinstance(record, dict):
            yield Item(source=source, error="not a JSON object")
            continue
        yield _record_item(source, record, fields, max_bytes, warning)


def _csv_items(
    path: str, lines: Iterable[bytes | None], fields: Fields, max_bytes: int, delimiter: str
) -> Iterator[Item]:
    csv.field_size_limit(min(MAX_FIELD, 4 * max_bytes + 1))
    warned: dict[int, str] = {}
    quotes: list[int] = []  # quote marks on each line of the record being read
    ended: list[bool] = []  # set when the file is read to its end

    def text_lines() -> Iterator[str]:
        for n, raw_line in enumerate(lines, 1):
            if raw_line is None:  # cannot skip part of a CSV record: give up on the file
                raise csv.Error(f"line {n} is larger than {max_bytes:,} bytes; file abandoned")
            line, warning = _decode_line(raw_line, n == 1)
            if warning:
                warned[n] = warning
            quotes.append(line.count('"'))
            yield line
        ended.append(True)

    reader = csv.reader(text_lines(), delimiter=delimiter)
    header: list[str] | None = None
    while True:
        first = reader.line_num + 1
        quotes.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Item(source=f"{path}:{first}", error=f"not valid CSV: {exc}")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header is None:
            header = [h.strip() for h in row]
            if fields.text not in header:
                shown = ", ".join(header[:10])
                yield Item(source=path, error=f"no {fields.text!r} column (columns: {shown})")
                return
            continue
        record: dict[str, Any] = dict(zip(header, row, strict=False))
        for key in (fields.id, fields.date):
            if key and record.get(key) == "":
                record[key] = None
        warning = next((warned[i] for i in range(first, reader.line_num + 1) if i in warned), None)
        if ended and len(quotes) > 1 and sum(quotes) % 2:
            # a quote opened and never closed: csv reads to the end of the file as one field
            warning = (
                f"unterminated quoted field: lines {first} to {reader.line_num} "
                f"({reader.line_num - first + 1:,} lines) were read as one record"
            )
        yield _record_item(f"{path}:{first}", record, fields, max_bytes, warning)


def _record_id(raw: Any) -> str | None:
    """A record's id as text: a string as it is, anything else as its JSON (``{"a":1}``,
    ``true``), never a Python repr."""
    if raw is None or isinstance(raw, str):
        return raw
    try:
        return json.dumps(raw, ensure_ascii=False, separators=(",", ":"), allow_nan=True)
    except (TypeError, ValueError, RecursionError):
        return str(raw)


def _record_item(
    source: str, record: dict[str, Any], fields: Fields, max_bytes: int, warning: str | None
) -> Item:
    raw_id = record.get(fields.id) if fields.id else None
    rid = _record_id(raw_id)
    text = record.get(fields.text)
    if text is None:
        return Item(source=source, id=rid, error=f"no {fields.text!r} field")
    if not isinstance(text, str):
        return Item(source=source, id=rid, error=f"field {fields.text!r} is not a string")
    if len(text) > max_bytes or (4 * len(text) > max_bytes and len(text.encode()) > max_bytes):
        return Item(source=source, id=rid, error=f"text larger than {max_bytes:,} bytes")
    if not text.strip():
        return Item(source=source, id=rid, error="empty text")
    warnings = [warning] if warning else []
    date = None
    if fields.date:
        value = record.get(fields.date)
        if value is not None:
            date = iso_day(value)
            if date is None:
                warnings.append(f"field {fields.date!r}: {str(value)[:40]!r} is not a date")
    return Item(source=source, id=rid, text=text, date=date, warnings=tuple(warnings))


def iso_day(value: Any) -> str | None:
    """``YYYY-MM-DD`` for an ISO date or datetime (``Z`` allowed); None for anything else."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


# --- one item ---------------------------------------------------------------------------------


def process(item: Item, config: Config) -> Result:
    """Analyse one item into the text to print; never raises (a failure is an error record)."""
    if item.skip is not None:
        return Result(item.source, item.id, "", skipped=item.skip)
    messages = [f"{item.source}: warning: {w}" for w in item.warnings]
    if item.error is not None:
        return failure(item, item.error, config, messages)
    text, hints = item.text, item.hints
    if text is None:
        from newscli.reader import ReadError, page_document, read_document

        try:
            if item.page is not None:
                page = item.page
                html = page.content_type != "text/plain"
                doc = page_document(page.url, page.data, html=html, charset=page.charset)
            else:
                doc = read_document(item.path or item.source, max_bytes=config.max_bytes)
        except ReadError as exc:
            return failure(item, str(exc), config, messages)
        except OSError as exc:  # pragma: no cover - read_document maps these to ReadError
            return failure(item, (exc.strerror or str(exc)).lower(), config, messages)
        text, hints = doc.text, doc.hints
        messages.extend(f"{item.source}: warning: {w}" for w in doc.warnings)
    if item.warc is not None and not (hints or {}).get("date"):
        # the crawl's date: when the page was fetched, the last resort for when it was written
        day = iso_day(item.warc.get("date"))
        if day is not None:
            hints = {**(hints or {}), "date": day, "date_source": "warc"}
    try:
        from newscli.pipeline import inspect

        article = inspect(
            text,
            item.date or config.date,
            source=item.source,
            sections=config.sections,
            hints=hints,
        )
        data = article.to_dict(include_text=config.include_text)
        undated = any(w.startswith("no reference date") for w in article.warnings)
        messages.extend(  # (the undated are counted in the summary instead)
            f"{item.source}: warning: {w}"
            for w in article.warnings
            if not w.startswith("no reference date")
        )
        words = article.metadata.counts.words
    except Exception as exc:  # a bug must not cost the other articles
        return failure(item, f"could not analyse: {type(exc).__name__}: {exc}", config, messages)
    if item.id is not None or item.warc is not None:
        head = {"schema_version": data.pop("schema_version"), "source": data.pop("source")}
        if item.id is not None:
            head["id"] = item.id
        if item.warc is not None:
            head["warc"] = item.warc
        data = {**head, **data}
    output = csv_rows(data, config.sections) if config.csv else to_json_line(data)
    return Result(item.source, item.id, output, None, messages, words, undated)


def failure(item: Item, error: str, config: Config, messages: list[str] | None = None) -> Result:
    """The error record for an item: ``{"source", "id", "error"}`` (or a CSV ``error`` row)."""
    messages = [*(messages or []), f"{item.source}: {error}"]
    if config.csv:
        output = _csv_text([_row(item.source, item.id, "error", error=error)])
    else:
        record: dict[str, Any] = {"source": item.source, "id": item.id, "error": error}
        if item.warc is not None:
            record["warc"] = item.warc
        output = to_json_line(record)
    return Result(item.source, item.id, output, error, messages)


def to_json_line(data: dict[str, Any]) -> str:
    """One JSON Lines record, with line-breaking and terminal-active characters escaped."""
    from newscli.pipeline import json_line

    return json_line(data)


def csv_header() -> str:
    """The header line of ``--csv`` output."""
    return _csv_text([list(CSV_COLUMNS)])


def _csv_text(rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    text = buf.getvalue()
    if text.isascii():
        return text
    # a lone surrogate (a truncated emoji in a record) cannot be written as UTF-8: one
    # replacement character each, so offsets still count the same characters
    return _SURROGATE_RE.sub("\ufffd", text)


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _row(source: str, aid: str | None, section: str, **values: Any) -> list[Any]:
    values.update(source=source, id=aid, section=section)
    return ["" if values.get(c) is None else values[c] for c in CSV_COLUMNS]


def csv_rows(data: dict[str, Any], sections: Iterable[str]) -> str:
    """One CSV row per quote, entity and time expression of one article (``show --json`` dict)."""
    wanted = set(sections)
    src, aid = data["source"], data.get("id")
    rows: list[list[Any]] = []
    if "quotes" in wanted:
        for q in data.get("quotes") or ():
            cue = q.get("cue") or {}
            rows.append(
                _row(
                    src,
                    aid,
                    "quote",
                    start=q["start"],
                    end=q["end"],
                    text=q["text"],
                    type=q["kind"],
                    speaker=q.get("speaker"),
                    speaker_id=q.get("speaker_id"),
                    cue=cue.get("text"),
                )
            )
    if "entities" in wanted:
        for e in data.get("entities") or ():
            first = (e.get("mentions") or [{}])[0]
            rows.append(
                _row(
                    src,
                    aid,
                    "entity",
                    start=first.get("start"),
                    end=first.get("end"),
                    text=e["name"],
                    type=e["label"],
                    entity_id=e["id"],
                    role=e.get("role"),
                    count=e.get("count"),
                    aliases="; ".join(e.get("aliases") or ()),
                )
            )
    if "timeline" in wanted:
        for t in data.get("timeline") or ():
            anchor = t.get("anchor") or {}
            rows.append(
                _row(
                    src,
                    aid,
                    "timex",
                    start=t["start"],
                    end=t["end"],
                    text=t["text"],
                    type=t["type"],
                    value=t["value"],
                    mod=t.get("mod"),
                    anchor_begin=anchor.get("begin"),
                    anchor_end=anchor.get("end"),
                )
            )
    return _csv_text(rows) if rows else ""


# --- many items -------------------------------------------------------------------------------

_CONFIG: Config | None = None  # set in each worker process by _init_worker
# The young-generation threshold of the cyclic collector while a batch runs. At the default
# (700 allocations) an article triggers a young collection or so, a tenth of the oldest ones
# (which walk every lexicon entry): about 0.1 ms an article (measured). The analysis of one
# article makes almost no cyclic garbage, it is all freed by reference counting when the
# article is done, so a larger threshold lets the collector run only on long articles.
GC_YOUNG = 10_000


def _init_worker(config: Config) -> None:
    """Worker start-up: remember the config, leave Ctrl-C to the parent, load the core once."""
    import signal

    global _CONFIG
    _CONFIG = config
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from newscli import gazetteer

    gazetteer.LAZY_DOCUMENTS = 0  # a worker reads many articles: build the full form now
    process(Item(source="<warm-up>", text="PARIS, May 3 (AFP) - Talks ended."), config)
    # lexicons and compiled patterns now live for the whole process: keep the cyclic
    # collector from scanning them again at every full collection
    gc.collect()
    gc.freeze()
    young, older, oldest = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG), older, oldest)


def _ping() -> bool:
    return _CONFIG is not None


def _work_chunk(chunk: list[Item]) -> list[Result]:
    assert _CONFIG is not None, "worker not initialised"
    return [process(item, _CONFIG) for item in chunk]


def default_jobs() -> int:
    """The cores this process may use (the affinity mask in a container, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


CHUNK_ITEMS = 64  # articles a chunk of work for the pool (see chunked)


def chunked(
    items: Iterable[Item], size: int = CHUNK_ITEMS, chars: int = 262_144
) -> Iterator[list[Item]]:
    """Group items for the pool: few enough round-trips, small enough to keep cores busy.

    A chunk costs the parent about 0.7 ms of CPU whatever its size (futures, pickling, pipe
    and thread hand-offs; measured), taken from the cores the workers run on: 64 news articles
    a chunk (or 256 KB of text) keep that under 1 % of the work; 16 cost 3 %."""
    chunk: list[Item] = []
    held = 0
    for item in items:
        chunk.append(item)
        held += len(item.text or "") + (len(item.page.data) if item.page is not None else 0)
        if len(chunk) >= size or held >= chars:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def run(
    items: Iterable[Item],
    config: Config,
    *,
    jobs: int | None = None,
    ordered: bool = True,
    chunk_size: int = CHUNK_ITEMS,
    inline_below: int = 100,
    start_method: str = "spawn",
) -> Iterator[Result]:
    """Process ``items`` on ``jobs`` processes (default: all cores), yielding results.

    At most ``4 * jobs`` chunks are in flight, so memory does not grow with the corpus. Fewer
    than ``inline_below`` items run in this process: a worker pays about half a second of
    imports and gazetteer loading before its first article (measured), more than it saves on a
    few dozen articles. ``spawn`` workers start clean (no inherited locks or threads) on every
    platform."""
    jobs = jobs or default_jobs()
    it = iter(items)
    head = list(itertools.islice(it, inline_below)) if jobs > 1 else []
    if jobs <= 1 or len(head) < inline_below:
        old = gc.get_threshold()
        gc.set_threshold(max(old[0], GC_YOUNG), *old[1:])
        try:
            for item in itertools.chain(head, it):
                yield process(item, config)
        finally:
            gc.set_threshold(*old)
        return
    yield from _pooled(itertools.chain(head, it), config, jobs, ordered, chunk_size, start_method)


def _pooled(
    items: Iterator[Item],
    config: Config,
    jobs: int,
    ordered: bool,
    chunk_size: int,
    start_method: str,
) -> Iterator[Result]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    executor: ProcessPoolExecutor | None = None
    notice: list[str] = []  # why we fell back to this process, told once
    # Stopped early (a closed pipe, Ctrl-C), the pool's semaphores may be unlinked while the
    # resource tracker is not yet told so; the tracker then warns on stderr of a "leaked"
    # semaphore that no longer exists. Nothing leaks (it cleans up whatever it still holds):
    # silence that one warning in the tracker, which takes its warning options from ours.
    quiet = "ignore::UserWarning:multiprocessing.resource_tracker"
    if quiet not in sys.warnoptions:
        sys.warnoptions.append(quiet)

    def make() -> ProcessPoolExecutor | None:
        """A started pool, or None when workers cannot start at all (e.g. the main script is
        not importable, as with ``python -``): then the rest runs in this process."""
        main_file = getattr(sys.modules.get("__main__"), "__file__", None)
        if start_method != "fork" and main_file is not None and not os.path.exists(main_file):
            # a new worker would re-import the main script and cannot (``<stdin>``): say so
            # here once, rather than let every worker die printing a traceback
            notice.append("worker processes could not start (main script unreadable): one core")
            return None
        pool = ProcessPoolExecutor(
            jobs,
            mp_context=multiprocessing.get_context(start_method),
            initializer=_init_worker,
            initargs=(config,),
        )
        try:
            # every worker is started here, one per ping, with Ctrl-C ignored while it is
            # forked: an ignored signal stays ignored across exec, so a worker interrupted
            # while it still imports prints no traceback (the parent alone handles Ctrl-C)
            with _sigint_ignored():
                pings = [pool.submit(_ping) for _ in range(jobs)]
            for ping in pings:
                ping.result()
        except BaseException as exc:
            _stop(pool)  # interrupted while starting, too: no worker is left behind
            if not isinstance(exc, Exception):
                raise
            notice.append(f"worker processes could not start ({type(exc).__name__}): one core")
            return None
        return pool

    def inline(chunk: list[Item]) -> Future[list[Result]]:
        done: Future[list[Result]] = Future()
        results = [process(item, config) for item in chunk]
        while notice:
            results[0].messages.insert(0, f"batch: warning: {notice.pop()}")
        done.set_result(results)
        return done

    def submit(chunk: list[Item]) -> Future[list[Result]]:
        nonlocal executor
        if executor is not None:
            try:
                return executor.submit(_work_chunk, chunk)
            except BrokenProcessPool:  # a worker died earlier: go on with a fresh pool
                executor.shutdown(wait=False, cancel_futures=True)
                executor = make()
        return inline(chunk) if executor is None else executor.submit(_work_chunk, chunk)

    executor = make()
    window = 4 * jobs

    def collect(future: Future[list[Result]], chunk: list[Item]) -> list[Result]:
        try:
            return future.result()
        except Exception:  # a worker died (killed, out of memory): every chunk in flight failed
            pass
        try:  # so try each failed chunk once more, alone, on a fresh pool
            return submit(chunk).result()
        except Exception as exc:  # it fails again: the chunk itself is to blame
            reason = f"worker failed: {type(exc).__name__}: {exc}".rstrip(": ")
            return [failure(item, reason, config) for item in chunk]

    completed = False
    try:
        if ordered:
            queue: deque[tuple[Future[list[Result]], list[Item]]] = deque()
            for chunk in chunked(items, chunk_size):
                queue.append((submit(chunk), chunk))
                while len(queue) >= window or (queue and queue[0][0].done()):
                    yield from collect(*queue.popleft())
            while queue:
                yield from collect(*queue.popleft())
        else:
            live: dict[Future[list[Result]], list[Item]] = {}
            for chunk in chunked(items, chunk_size):
                live[submit(chunk)] = chunk
                if len(live) >= window:
                    done, _ = wait(live, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield from collect(future, live.pop(future))
            while live:
                done, _ = wait(live, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from collect(future, live.pop(future))
        completed = True
    finally:
        if executor is not None:
            if completed:
                executor.shutdown(wait=True)
            else:  # interrupted or abandoned: do not wait for queued work
                _stop(executor)


def _stop(pool: Any) -> None:
    """Stop a process pool at once: its workers are terminated, its queued work dropped."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored for the duration (in the main thread; elsewhere, nothing changes)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# --- the summary ------------------------------------------------------------------------------


@dataclass(slots=True)
class Summary:
    """Counts for the closing line on stderr."""

    articles: int = 0
    errors: int = 0
    words: int = 0
    undated: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # records that are no article, by why
    started: float = field(default_factory=time.perf_counter)

    def add(self, result: Result) -> None:
        if result.skipped is not None:
            self.skipped[result.skipped] = self.skipped.get(result.skipped, 0) + 1
        elif result.error is None:
            self.articles += 1
            self.words += result.words
            self.undated += result.undated
        else:
            self.errors += 1

    def line(self) -> str:
        seconds = max(time.perf_counter() - self.started, 1e-9)
        total = self.articles + self.errors
        errors = f"{self.errors:,} error" + ("" if self.errors == 1 else "s")
        articles = f"{self.articles:,} article" + ("" if self.articles == 1 else "s")
        line = (
            f"{articles}, {errors} in {seconds:.1f} s "
            f"({total / seconds:,.0f} articles/s, {self.words / seconds:,.0f} words/s)"
        )
        if self.skipped:
            line += f"; {skipped_line(self.skipped)}"
        return line


def skipped_line(skipped: dict[str, int]) -> str:
    """``12 records skipped: 8 request record, 3 metadata record, 1 not a web page (image/png)``"""
    total = sum(skipped.values())
    kinds = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ", ".join(f"{n:,} {why}" for why, n in kinds[:6])
    more = f", {len(kinds) - 6} more kinds" if len(kinds) > 6 else ""
    return f"{total:,} record{'' if total == 1 else 's'} skipped ({shown}{more})"


def estimate_total(inputs: Iterable[str]) -> int | None:
    """A quick count of the items for a progress bar (file listing, newline counts).

    None when counting would cost a second full read (a gzip corpus) or stdin is among them."""
    from newscli.reader import discover

    total = 0
    for arg in inputs:
        for path, error in discover([arg], archives=True):
            kind = corpus_kind(path) if error is None and path != "-" else None
            if kind == "warc":
                return None  # records are not lines: counting them is a full read
            if path == "-" and error is None:
                return None
            if kind is None or not os.path.isfile(path):
                total += 1
                continue
            if path.lower().endswith(".gz"):
                return None
            lines, last = 0, b""
            try:
                with open(path, "rb") as fh:
                    while block := fh.read(1 << 20):
                        lines += block.count(b"\n")
                        last = block[-1:]
                    lines += last not in (b"\n", b"")
            except OSError:
                lines = 1
            total += lines if kind == "jsonl" else max(lines - 1, 0)
    return total
