"""Past one machine: the batch core mapped over a Dask bag, writing JSONL partitions.

A corpus that outgrows one machine should run on a real scheduler, not on a home-made one. This
module cuts the inputs into partitions (groups of article files; a corpus file, or a block of
lines of a big uncompressed JSONL file), makes a ``dask.bag`` of them and maps
:func:`newscli.batch.process` over each, streaming: a worker reads its partition record by
record and writes ``part-NNNNN.jsonl`` (or ``.csv``) as it goes, so its memory does not grow
with the partition. Read in name order, the partitions are exactly what ``newscli batch`` prints.

Dask is an optional extra (``pip install 'newscli[dask]'``), imported only here and only when
used. Paths are read by the workers, so inputs and the output folder must be visible to them (a
shared file system, or an fsspec URL such as ``s3://bucket/out`` for the output).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

from newscli.batch import (
    Config,
    Fields,
    Item,
    Result,
    Summary,
    corpus_kind,
    csv_header,
    iter_corpus,
    iter_inputs,
    process,
)

LOCAL_SCHEDULERS = ("threads", "processes", "synchronous", "sync", "single-threaded")
BLOCKSIZE = 64 * 2**20
DEFAULT_FIELDS = Fields()
DEFAULT_CONFIG = Config()


class DaskMissing(RuntimeError):
    """The ``dask`` extra is not installed."""


def _require() -> Any:
    try:
        import dask
        import dask.bag
    except ImportError as exc:
        raise DaskMissing(
            "Dask is not installed: pip install 'newscli[dask]' (dask[bag] and distributed)"
        ) from exc
    return dask


@dataclass(slots=True)
class Part:
    """The recipe for one partition, small enough to ship to a worker."""

    items: list[Item] = field(default_factory=list)  # article files (paths) or stdin text
    corpus: str | None = None  # a corpus file read by the worker
    label: str | None = None  # the corpus path as given, for ``source``
    start: int = 0
    end: int | None = None
    first_line: int = 1


def _blocks(path: str, blocksize: int) -> list[tuple[int, int]]:
    """Byte ranges of a plain JSONL file, each starting at the beginning of a line."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as fh:
        at = blocksize
        while at < size:
            fh.seek(at)
            fh.readline()
            pos = fh.tell()
            if pos >= size:
                break
            if pos > cuts[-1]:
                cuts.append(pos)
            at = pos + blocksize
    return list(zip(cuts, [*cuts[1:], size], strict=True))


def _count_newlines(path: str, start: int, end: int) -> int:
    count = 0
    with open(path, "rb") as fh:
        fh.seek(start)
        left = end - start
        while left > 0:
            block = fh.read(min(left, 1 << 20))
            if not block:
                break
            count += block.count(b"\n")
            left -= len(block)
    return count


def plan(
    inputs: Iterable[str],
    *,
    fields: Fields = DEFAULT_FIELDS,
    max_bytes: int = 20_000_000,
    blocksize: int = BLOCKSIZE,
    files_per_partition: int = 256,
    stdin: IO[bytes] | None = None,
) -> list[Part]:
    """Cut the inputs into partitions, in input order.

    Folders are listed here (the client); a big uncompressed JSONL file is cut into blocks of
    about ``blocksize`` bytes whose first line numbers are counted on the cluster."""
    dask = _require()
    parts: list[Part] = []
    pending: list[Item] = []
    counted: list[tuple[Part, str, int, int]] = []
    for entry in iter_inputs(inputs, max_bytes=max_bytes, stdin=stdin):
        if isinstance(entry, Item):
            if entry.path is not None:
                entry.path = os.path.abspath(entry.path)
            pending.append(entry)
            if len(pending) >= files_per_partition:
                parts.append(Part(items=pending))
                pending = []
            continue
        if pending:
            parts.append(Part(items=pending))
            pending = []
        path = os.path.abspath(entry)
        plain_jsonl = corpus_kind(entry) == "jsonl" and not entry.lower().endswith(".gz")
        if not plain_jsonl or os.path.getsize(path) <= blocksize:
            parts.append(Part(corpus=path, label=entry))
            continue
        for start, end in _blocks(path, blocksize):
            part = Part(corpus=path, label=entry, start=start, end=end)
            parts.append(part)
            counted.append((part, path, start, end))
    if pending:
        parts.append(Part(items=pending))
    if counted:
        counts = dask.compute(*[dask.delayed(_count_newlines)(*c[1:]) for c in counted])
        line = {}
        for (part, path, _, _), n in zip(counted, counts, strict=True):
            part.first_line = line.get(path, 1)
            line[path] = part.first_line + n
    return parts


def part_items(part: Part, fields: Fields, max_bytes: int) -> Iterator[Item]:
    """The items of one partition, read lazily on the worker."""
    yield from part.items
    if part.corpus is not None:
        yield from iter_corpus(
            part.corpus,
            fields=fields,
            max_bytes=max_bytes,
            start=part.start,
            end=part.end,
            first_line=part.first_line,
            label=part.label,
        )


def parts_bag(parts: list[Part]) -> Any:
    """A ``dask.bag`` with one partition per :class:`Part`."""
    _require()
    import dask.bag as db

    return db.from_sequence(parts, npartitions=max(1, len(parts)))


def articles_bag(parts: list[Part], config: Config, fields: Fields = DEFAULT_FIELDS) -> Any:
    """A bag of article dicts (the ``show --json`` objects, or error records) to go on with in
    Dask: ``articles_bag(plan(["corpus.jsonl"]), Config()).pluck("metadata")``."""
    import json

    as_json = Config(config.sections, False, config.include_text, config.date, config.max_bytes)

    def analyse(part: Part) -> list[dict[str, Any]]:
        items = part_items(part, fields, as_json.max_bytes)
        results = (process(item, as_json) for item in items)
        return [json.loads(r.output) for r in results if r.skipped is None]

    return parts_bag(parts).map(analyse).flatten()


@dataclass(slots=True)
class PartStats:
    articles: int = 0
    errors: int = 0
    words: int = 0
    undated: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def write_part(part: Part, url: str, config: Config, fields: Fields) -> PartStats:
    """Analyse one partition and write it to ``url``, streaming; returns its counts."""
    import fsspec

    stats = PartStats()
    with fsspec.open(url, "wt", encoding="utf-8", newline="") as out:
        if config.csv:
            out.write(csv_header())
        for item in part_items(part, fields, config.max_bytes):
            result: Result = process(item, config)
            out.write(result.output)
            stats.messages.extend(result.messages)
            if result.skipped is not None:
                stats.skipped[result.skipped] = stats.skipped.get(result.skipped, 0) + 1
            elif result.error is None:
                stats.articles += 1
                stats.words += result.words
                stats.undated += result.undated
            else:
                stats.errors += 1
    return stats


@dataclass(slots=True)
class Report:
    """What a Dask run did: the partition files in order, counts, and the stderr lines."""

    files: list[str]
    summary: Summary
    messages: list[str]


@contextmanager
def scheduler_context(scheduler: str | None) -> Iterator[None]:
    """``None``: Dask's default (an active ``distributed.Client`` if there is one); a local
    scheduler name (``threads``, ``processes``, ``synchronous``); else a scheduler address."""
    dask = _require()
    if scheduler is None:
        yield
    elif scheduler in LOCAL_SCHEDULERS:
        with dask.config.set(scheduler=scheduler):
            yield
    else:
        try:
            from distributed import Client
        except ImportError as exc:
            raise DaskMissing(
                "dask.distributed is not installed: pip install 'newscli[dask]'"
            ) from exc
        with Client(scheduler):
            yield


def run(
    inputs: Iterable[str],
    output: str,
    *,
    config: Config = DEFAULT_CONFIG,
    fields: Fields = DEFAULT_FIELDS,
    scheduler: str | None = None,
    blocksize: int = BLOCKSIZE,
    files_per_partition: int = 256,
    stdin: IO[bytes] | None = None,
) -> Report:
    """Analyse ``inputs`` on a Dask cluster into ``output/part-NNNNN.jsonl`` (``.csv``)."""
    _require()
    import fsspec

    fs, _, (root,) = fsspec.get_fs_token_paths(output)
    fs.makedirs(root, exist_ok=True)
    stale = [p for p in fs.ls(root, detail=False) if os.path.basename(p).startswith("part-")]
    if stale:
        raise FileExistsError(f"{output} already holds partitions (part-*): use an empty folder")
    suffix = "csv" if config.csv else "jsonl"
    summary = Summary()
    with scheduler_context(scheduler):
        parts = plan(
            inputs,
            fields=fields,
            max_bytes=config.max_bytes,
            blocksize=blocksize,
            files_per_partition=files_per_partition,
            stdin=stdin,
        )
        base = output.rstrip("/")
        files = [f"{base}/part-{i:05d}.{suffix}" for i in range(len(parts))]
        stats: list[PartStats] = []
        if parts:
            import dask.bag as db

            jobs = db.from_sequence(list(zip(parts, files, strict=True)), npartitions=len(parts))
            stats = jobs.starmap(write_part, config=config, fields=fields).compute()
    messages: list[str] = []
    for s in stats:
        summary.articles += s.articles
        summary.errors += s.errors
        summary.words += s.words
        summary.undated += s.undated
        for why, n in s.skipped.items():
            summary.skipped[why] = summary.skipped.get(why, 0) + n
        messages.extend(s.messages)
    return Report(files=files, summary=summary, messages=messages)
