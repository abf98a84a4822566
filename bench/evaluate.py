"""Reproduce newscli's whole accuracy table in one command.

Runs every capability's bench script (metadata, entities, timeline, quotes) over its development
set, then scores the predictions they wrote to ``bench/out/`` again with each scorer's ``--json``
output and prints one summary table with the bar each capability must clear.

    python bench/evaluate.py [--data ../shared/data] [--eval ../shared/eval] [--quiet]

Standard library and the project only. The development data lives in ``../shared`` beside the
checkout and is never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

# (capability, bench script, extra args)
BENCHES = [
    ("metadata", "meta.py", []),
    ("entities", "ner.py", ["--repeat", "3"]),
    ("timeline", "timex.py", ["--repeat", "1"]),
    ("quotes", "quotes.py", ["--repeat", "1"]),
]


def _score(scorer: Path, args: list[str]) -> dict:
    if scorer.name == "score_meta.py":  # this scorer writes its JSON to a file
        out = OUT / "meta.score.json"
        subprocess.run(
            [sys.executable, str(scorer), *args, "--json", str(out)],
            capture_output=True,
            check=True,
        )
        return json.loads(out.read_text(encoding="utf-8"))
    proc = subprocess.run(
        [sys.executable, str(scorer), *args, "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def _find(obj: object, *keys: str) -> object:
    for key in keys:
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return obj


def _pct(x: object) -> str:
    if not isinstance(x, (int, float)):
        return "?"
    return f"{x * 100:.1f}" if x <= 1.0 else f"{x:.1f}"


def summary(data: Path, eval_dir: Path) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    meta = _score(
        eval_dir / "score_meta.py",
        ["--gold", str(data / "meta" / "dev.jsonl"), "--pred", str(OUT / "meta.pred.jsonl")],
    )
    fields = meta["fields"]
    for field, bar in (
        ("title", "≥ 97"),
        ("dateline.place", "≥ 98"),
        ("dateline.agency", "≥ 98"),
        ("byline", "≥ 97"),
    ):
        rows.append(("metadata", f"{field} accuracy", _pct(_find(fields, field, "acc")), bar))
    ner_args = ["--gold", str(data / "ner" / "conll03-dev.jsonl"), "--pred"]
    ner_args.append(str(OUT / "ner-pred.jsonl"))
    ner_all = _score(eval_dir / "score_ner.py", ner_args)
    ner_prose = _score(eval_dir / "score_ner.py", [*ner_args, "--prose-only"])
    rows.append(("entities", "micro F1, all docs", _pct(_find(ner_all, "micro", "f1")), "≥ 68"))
    rows.append(("entities", "micro F1, prose", _pct(_find(ner_prose, "micro", "f1")), "≥ 72"))
    timex = _score(
        eval_dir / "score_timex.py",
        ["--gold", str(data / "timex" / "tbaq.jsonl"), "--pred", str(OUT / "timex_pred.jsonl")],
    )
    for metric, bar in (("strict", "≥ 86"), ("relaxed", "≥ 93"), ("value", "≥ 86")):
        rows.append(("timeline", f"{metric} F1", _pct(_find(timex, "micro", metric, "f1")), bar))
    q_args = ["--gold", str(data / "quotes" / "dev.jsonl"), "--pred"]
    q_args.append(str(OUT / "quotes-pred.jsonl"))
    q_all = _score(eval_dir / "score_quotes.py", q_args)
    q_direct = _score(eval_dir / "score_quotes.py", [*q_args, "--kinds", "direct"])
    rows.append(
        ("quotes", "overlap F1, all kinds", _pct(_find(q_all, "span_overlap", "f1")), "≥ 80")
    )
    rows.append(
        ("quotes", "overlap F1, direct", _pct(_find(q_direct, "span_overlap", "f1")), "≥ 95")
    )
    rows.append(
        ("quotes", "speaker accuracy", _pct(_find(q_all, "speaker_accuracy", "acc")), "≥ 90")
    )
    rows.append(("quotes", "end-to-end F1", _pct(_find(q_all, "end_to_end", "f1")), "≥ 75"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--quiet", action="store_true", help="only the summary table")
    args = ap.parse_args(argv)
    for name, script, extra in BENCHES:
        cmd = [sys.executable, str(ROOT / "bench" / script), "--data", str(args.data), *extra]
        if not args.quiet:
            print(f"\n=== {name}: {' '.join(Path(c).name if '/' in c else c for c in cmd[1:])}")
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=args.quiet, text=True)
        if proc.returncode != 0:
            print(f"bench/{script} failed", file=sys.stderr)
            return 1
    rows = summary(args.data, args.eval)
    print("\n=== summary (development sets)")
    print(f"{'capability':<10} {'metric':<26} {'score':>6}  bar")
    for cap, metric, score, bar in rows:
        print(f"{cap:<10} {metric:<26} {score:>6}  {bar}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
