"""Benchmark ``newscli batch`` on web archives built from the HTML dev pages.

Run from the repo root: ``.venv/bin/python bench/warc.py [--data ../shared/data]`` (needs the
``warc`` extra; the WARC files are written to a temporary folder, never to the project). It
prints four tables:

1. **Nothing lost, nothing changed**: a WARC (gzip per record, with a request, the response and
   a metadata record per page, as a crawler writes them) against the same pages saved as
   ``.html`` files: one article per page, and the same text and metadata for each.
2. **Throughput**: pages/s with ``--jobs 1`` and ``--jobs 2``, from the WARC and from the files
   (best of ``--rounds`` runs each, alternated, as this machine's speed drifts).
3. **Memory**: peak RSS of ``batch --jobs 1`` over a 1,000-record and a 10,000-record WARC.
4. With ``--readers``: warcio against FastWARC (if installed) reading the same archive.

A page saved as a file is read without its address, a page in a web archive with it (the
record's URL): a date or title that the page only gives in its URL can differ, and is listed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRAWLED = "2024-03-05T10:00:00Z"
FIELDS = "application/warc-fields"


def load_pages(data: Path) -> list[dict]:
    with gzip.open(data / "html" / "dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def page_url(page: dict, copy: int) -> str:
    base = page.get("url") or f"https://pages.invalid/{page['id']}.html"
    return base if copy == 0 else f"{base}{'&' if '?' in base else '?'}copy={copy}"


def write_warc(path: Path, pages: list[dict], records: int, gz: bool = True) -> int:
    """A crawl of ``records`` WARC records (request, response, metadata per page, cycling
    through the pages); returns the number of responses."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    responses = 0
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        n = 0
        while n < records:
            page = pages[responses % len(pages)]
            url = page_url(page, responses // len(pages))
            body = page["html"].encode("utf-8")
            dated = {"WARC-Date": CRAWLED}
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            http = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            for kind, payload, extra in (
                ("request", b"", {"http_headers": request}),
                ("response", body, {"http_headers": http}),
                (
                    "metadata",
                    b"fetchTimeMs: 100\r\n",
                    {"warc_content_type": "application/warc-fields"},
                ),
            ):
                if n >= records:
                    break
                rec = writer.create_warc_record(
                    url, kind, payload=io.BytesIO(payload), warc_headers_dict=dated, **extra
                )
                writer.write_record(rec)
                responses += kind == "response"
                n += 1
    return responses


def newscli(*args: str) -> list[str]:
    exe = Path(sys.executable).parent / "newscli"
    return [str(exe), *args]


def run(cmd: list[str]) -> tuple[float, str, str]:
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - t, done.stdout, done.stderr


def peak_rss(cmd: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one run, measured from a fresh interpreter between, so
    that the children's maximum is this run's alone."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps([time.perf_counter() - t, r.ru_maxrss / 1024]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True)
    seconds, mb = json.loads(out.stdout)
    return seconds, mb


def compare(pages: list[dict], tmp: Path) -> None:
    folder = tmp / "pages"
    folder.mkdir()
    for page in pages:
        (folder / f"{page['id']}.html").write_text(page["html"], encoding="utf-8")
    crawl = tmp / "dev.warc.gz"
    write_warc(crawl, pages, 3 * len(pages))
    _, from_warc, err_warc = run(newscli("batch", str(crawl), "-j", "2", "--include-text"))
    _, from_files, _ = run(newscli("batch", str(folder), "-j", "2", "--include-text"))
    lines = from_warc.splitlines()  # in input order: one per page (two pages share a URL)
    warc = {p["id"]: json.loads(line) for p, line in zip(pages, lines, strict=True)}
    files = {Path(r["source"]).stem: r for r in map(json.loads, from_files.splitlines())}
    same_text = same_meta = crawl_dated = 0
    differ: list[str] = []
    for pid, a in warc.items():
        b = files.get(pid)
        if b is None or "error" in a or "error" in b:
            continue
        same_text += a.get("text") == b.get("text")
        ma, mb = a["metadata"], b["metadata"]
        if ma["date_source"] == "warc" and mb["date"] is None:
            crawl_dated += 1  # the page gives no date: the archive's crawl day stands in
            ma = {**ma, "date": None, "date_source": None, "date_precision": None}
        if ma == mb:
            same_meta += 1
        else:
            keys = [k for k in ma if ma[k] != mb.get(k)]
            differ.append(f"  {pid}: {', '.join(keys)}")
    errors = sum("error" in r for r in warc.values())
    skipped = err_warc.strip().splitlines()[-1].split("; ", 1)[-1] if err_warc.strip() else ""
    print("\n1. Nothing lost, nothing changed (WARC of the dev pages against the same .html files)")
    print(f"   pages {len(pages)}   articles from the WARC {len(warc)}   errors {errors}")
    print(f"   same text {same_text}/{len(warc)}   same metadata {same_meta}/{len(warc)}", end="")
    print(f" ({crawl_dated} undated pages dated by the crawl instead)")
    print(f"   {skipped}")
    for line in differ[:10]:
        print(line)


def throughput(pages: list[dict], tmp: Path, rounds: int, copies: int) -> None:
    folder = tmp / "copies"
    folder.mkdir()
    for c in range(copies):
        for page in pages:
            (folder / f"{page['id']}.{c}.html").write_text(page["html"], encoding="utf-8")
    crawl = tmp / "copies.warc.gz"
    write_warc(crawl, pages, 3 * copies * len(pages))
    files = sorted(str(p) for p in folder.glob("*.html"))
    best: dict[tuple[str, int], float] = {}
    for _ in range(rounds):
        for jobs in (1, 2):
            for name, inputs in (("warc", [str(crawl)]), ("files", files)):
                seconds, _, _ = run(newscli("batch", *inputs, "-j", str(jobs), "-q"))
                key = (name, jobs)
                best[key] = min(best.get(key, float("inf")), seconds)
    n = len(files)
    print(f"\n2. Throughput, {n} pages ({copies} copies of each), best of {rounds} (pages/s)")
    print("   input    --jobs 1   --jobs 2   speed-up")
    for name in ("warc", "files"):
        one, two = n / best[(name, 1)], n / best[(name, 2)]
        print(f"   {name:<7}  {one:8.1f}   {two:8.1f}   {two / one:8.2f}")
    ratio = best[("files", 1)] / best[("warc", 1)]
    print(f"   WARC against files, one core: {ratio:.3f} times the speed")


def memory(pages: list[dict], tmp: Path, sizes: list[int]) -> None:
    print("\n3. Peak RSS, batch --jobs 1 over a WARC (gzip per record)")
    print("   records   responses   seconds   peak MB")
    for records in sizes:
        crawl = tmp / f"m{records}.warc.gz"
        responses = write_warc(crawl, pages, records)
        seconds, mb = peak_rss(newscli("batch", str(crawl), "-j", "1", "-q", "-o", os.devnull))
        print(f"   {records:7,}   {responses:9,}   {seconds:7.1f}   {mb:7.1f}")
        crawl.unlink()


def readers(pages: list[dict], tmp: Path) -> None:
    crawl = tmp / "readers.warc.gz"
    write_warc(crawl, pages, 3 * 10 * len(pages))
    print(f"\n4. Reading only: {crawl.stat().st_size / 1e6:.0f} MB, {10 * len(pages)} responses")
    from newscli.warc import read_warc

    t = time.perf_counter()
    with open(crawl, "rb") as fh:
        n = sum(e.data is not None for e in read_warc(fh))
    print(f"   warcio (newscli.warc.read_warc)  {time.perf_counter() - t:6.2f} s  {n} pages")
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        print("   FastWARC not installed (pip install fastwarc)")
        return
    t = time.perf_counter()
    with open(crawl, "rb") as fh:
        records = ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True)
        n = sum(1 for r in records if r.reader.read())
    print(f"   FastWARC                         {time.perf_counter() - t:6.2f} s  {n} pages")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--copies", type=int, default=4, help="copies of each page for throughput")
    ap.add_argument("--sizes", default="1000,10000", help="records per WARC for the memory table")
    ap.add_argument("--readers", action="store_true", help="warcio against FastWARC")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()
    pages = load_pages(args.data)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        compare(pages, tmp)
        throughput(pages, tmp, args.rounds, args.copies)
        if not args.skip_memory:
            memory(pages, tmp, [int(x) for x in args.sizes.split(",")])
        if args.readers:
            readers(pages, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
