"""Benchmark newscli on web pages against the HTML dev set, with trafilatura beside it.

Run from the repo root: ``.venv/bin/python bench/webpages.py [--data ../shared/data]``.
For each system it writes predictions (the scorer's format) to ``bench/out/html.<name>.jsonl``
and prints the scorer's table, then the speed on one core:

* ``newscli``: ``newscli show --json --include-text`` as the user runs it, over every page
  written to a folder (the full report: text, metadata, quotes, entities, timeline);
* ``trafilatura``: its own text and metadata (``bare_extraction`` with metadata, comments off,
  the setting its published benchmark uses), in the same run on the same pages.

``--errors`` adds the scorer's per-page list of missed and leaked snippets.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def newscli_predictions(pages: list[dict], out: Path) -> float:
    """Run the CLI over the pages; returns seconds of wall time for the whole run."""
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            (Path(tmp) / f"{page['id']}.html").write_text(page["html"], encoding="utf-8")
        files = sorted(str(p) for p in Path(tmp).glob("*.html"))
        exe = Path(sys.executable).parent / "newscli"
        cmd = [str(exe), "show", "--json", "--include-text", *files]
        t0 = time.perf_counter()
        run = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
    with out.open("w", encoding="utf-8") as f:
        for line in run.stdout.splitlines():
            r = json.loads(line)
            md = r.get("metadata") or {}
            page_id = os.path.basename(r.get("source", ""))[: -len(".html")]
            pred = {
                "id": page_id,
                "text": r.get("text"),
                "title": md.get("title"),
                "date": md.get("date"),
                "byline": md.get("byline"),
            }
            f.write(json.dumps(pred, ensure_ascii=False) + "\n")
    errors = [e for e in run.stderr.splitlines() if "could not" in e or "Traceback" in e]
    for e in errors[:5]:
        print("  newscli:", e)
    return seconds


TEXT_ONLY: list[float] = []  # trafilatura's speed on the text alone, pages/s


def trafilatura_predictions(pages: list[dict], out: Path) -> float:
    import trafilatura

    t0 = time.perf_counter()
    preds = []
    for page in pages:
        d = trafilatura.bare_extraction(page["html"], include_comments=False, with_metadata=True)
        preds.append(
            {
                "id": page["id"],
                "text": d.text if d else None,
                "title": d.title if d else None,
                "date": d.date if d else None,
                "byline": d.author if d else None,
            }
        )
    seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    for page in pages:  # its text alone, for the speed line
        trafilatura.bare_extraction(page["html"], include_comments=False)
    TEXT_ONLY.append(len(pages) / (time.perf_counter() - t0))
    with out.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "out"))
    ap.add_argument("--errors", action="store_true", help="list each page's snippet errors")
    ap.add_argument("--no-trafilatura", action="store_true", help="newscli only")
    a = ap.parse_args()

    gold = Path(a.data) / "html" / "dev.jsonl.gz"
    with gzip.open(gold, "rt", encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    out_dir = Path(a.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    runs = [("newscli", newscli_predictions)]
    if not a.no_trafilatura:
        runs.append(("trafilatura", trafilatura_predictions))
    speeds = []
    for name, run in runs:
        pred = out_dir / f"html.{name}.jsonl"
        seconds = run(pages, pred)
        speeds.append((name, len(pages) / seconds))
        print(f"== {name}")
        cmd = [sys.executable, str(Path(a.eval) / "score_html.py"), str(gold), str(pred)]
        subprocess.run([*cmd, *(["--errors"] if a.errors else [])], check=True)
    print()
    for name, speed in speeds:
        what = "full report, one process" if name == "newscli" else "text and metadata"
        print(f"speed  {name:12} {speed:6.1f} pages/s  ({what}, one core)")
    for speed in TEXT_ONLY:
        print(f"speed  {'trafilatura':12} {speed:6.1f} pages/s  (text alone, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
