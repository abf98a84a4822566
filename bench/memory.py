"""Memory benchmark: peak resident set of ``newscli show --json`` on large articles, and of
``newscli batch`` over many ordinary ones (is it flat?).

Run from the repository root: ``.venv/bin/python bench/memory.py`` (``--help`` for options).
Standard library and the project only. The articles are synthetic prose made here from a few
templates (names, quotes, cue verbs, dates, places, organisations, numbers) with a seeded
random generator, written to a temporary folder that is deleted afterwards.

Each command runs in a child of a small measuring process that reads the largest resident set
of its children (``ru_maxrss`` of ``RUSAGE_CHILDREN``): the peak of ``newscli`` itself, the
interpreter and its imports included. The bar (issue #21) is the raw peak over the input size:
at most 40x for a 5 MB article, 20x for large ones. The ratio over the interpreter baseline
(the peak of the same command on a one-paragraph article subtracted first) is printed beside
it, to show what the analysis itself costs per byte.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Runs a command and reports its wall time and the peak RSS of it and its children.
_MEASURE = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "t = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'rc': p.returncode, 'seconds': t, 'rss_kb': u.ru_maxrss,"
    " 'stderr': p.stderr.decode(errors='replace')[-2000:]}))\n"
)
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

FIRST = "Anna Maria John Pieter Olga Kofi Mei Rahul Elena Tomás Fatima Lars Grace Yusuf".split()
LAST = "Keller Okafor Lindqvist Moreau Tanaka Novak Haddad Brennan Costa Ivanova Mensah".split()
PLACES = "Geneva Lagos Oslo Nairobi Lima Hanoi Quebec Tbilisi Porto Dakar Riga Perth".split()
ORGS = (
    "the Ministry of Finance|the Harbour Authority|Northwind Bank|the River Council|"
    "the Electoral Commission|Acme Rail|the Farmers' Union|the Supreme Court"
).split("|")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
VERBS = "said told reporters added explained warned noted insisted".split()
CLAIMS = [
    "the budget would be balanced by the end of the year",
    "talks with the unions had stalled over pensions",
    "the new line would open to passengers in the spring",
    "nobody had been consulted before the vote",
    "prices at the market had doubled since the floods",
    "the agreement protects both sides for a decade",
]
QUOTES = [
    "We are not there yet, but we are close",
    "This is the most important decision of my career",
    "Nobody told us anything, and we found out from the radio",
    "The numbers speak for themselves",
    "I will not resign over this",
]


def _person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _date(r: random.Random) -> str:
    return r.choice(
        [
            f"on {r.choice(DAYS)}",
            f"on {r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1990, 2023)}",
            f"in {r.choice(MONTHS)}",
            f"{r.randint(2, 9)} years ago",
            "last week",
            "next month",
            f"since {r.randint(1990, 2023)}",
        ]
    )


def _sentence(r: random.Random) -> str:
    kind = r.randrange(6)
    if kind == 0:
        return f'"{r.choice(QUOTES)}," {_person(r)} {r.choice(VERBS[:2])} {_date(r)}.'
    if kind == 1:
        return f"{_person(r)} of {r.choice(ORGS)} {r.choice(VERBS)} that {r.choice(CLAIMS)}."
    if kind == 2:
        org = r.choice(ORGS)
        return (
            f"{org[0].upper()}{org[1:]} announced {_date(r)} that it would spend "
            f"{r.randint(2, 900)} million dollars in {r.choice(PLACES)}."
        )
    if kind == 3:
        return (
            f"In {r.choice(PLACES)}, officials met for {r.randint(2, 9)} hours {_date(r)}, "
            f"according to a statement from {r.choice(ORGS)}."
        )
    if kind == 4:
        return f'"{r.choice(QUOTES)}," said {_person(r)}, a spokesman for {r.choice(ORGS)}.'
    return f"Mr. {r.choice(LAST)} {r.choice(VERBS)} {_date(r)} that {r.choice(CLAIMS)}."


def article(size: int, seed: int = 0) -> str:
    """A news article of about ``size`` characters: a header, then paragraphs of prose."""
    r = random.Random(seed)
    place = r.choice(PLACES).upper()
    parts = [
        f"Title: Talks resume in {r.choice(PLACES)}\nDate: 2021-03-12\n\n",
        f"{place}, March 12 (Wire) - {_sentence(r)}",
    ]
    n = sum(map(len, parts))
    while n < size:
        para = " ".join(_sentence(r) for _ in range(r.randint(2, 5)))
        parts.append("\n\n" + para)
        n += len(para) + 2
    return "".join(parts) + "\n"


def newscli_cmd() -> list[str]:
    script = Path(sys.executable).parent / "newscli"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newscli"]


def measure(cmd: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd],
        capture_output=True,
        text=True,
        check=True,
        env=CHILD_ENV,
    )
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"failed ({result['rc']}): {' '.join(cmd)}\n{result['stderr']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1,5,19.5", help="article sizes in MB (default 1,5,19.5: under 20 MB)"
    )
    parser.add_argument(
        "--batch", default="100,1000", help="batch sizes in articles (default 100,1000; '' none)"
    )
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s]
    batches = [int(s) for s in args.batch.split(",") if s]

    tmp = Path(tempfile.mkdtemp(prefix="newscli-memory-"))
    rows: list[tuple[str, int, dict]] = []
    try:
        small = tmp / "small.txt"
        small.write_text(article(2_000, seed=1), encoding="utf-8")
        base = measure([*newscli_cmd(), "show", str(small), "--json"])
        rows.append(("show --json, baseline", small.stat().st_size, base))
        for mb in sizes:
            path = tmp / f"article-{mb:g}mb.txt"
            path.write_text(article(int(mb * 1_000_000), seed=2), encoding="utf-8")
            res = measure([*newscli_cmd(), "show", str(path), "--json"])
            rows.append((f"show --json, {mb:g} MB", path.stat().st_size, res))
        for n in batches:
            path = tmp / f"corpus-{n}.jsonl"
            with open(path, "w", encoding="utf-8") as fh:
                for i in range(n):
                    rec = {"id": str(i), "text": article(3_000, seed=10 + i % 97)}
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            cmd = [*newscli_cmd(), "batch", str(path), "-o", str(tmp / "out.jsonl"), "-q"]
            res = measure([*cmd, "--jobs", "1"])
            rows.append((f"batch --jobs 1, {n:,} articles", path.stat().st_size, res))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    base_kb = base["rss_kb"]
    print(f"newscli memory (Python {sys.version.split()[0]}; baseline {base_kb / 1024:.0f} MB)")
    head = f"{'run':<32} {'input':>10} {'peak RSS':>10} {'ratio':>7} {'over base':>10} {'wall':>8}"
    print(head)
    print("-" * len(head))
    for name, size, res in rows:
        rss = res["rss_kb"] * 1024
        one = name.startswith("show") and size > 100_000  # a ratio means something for one
        ratio = f"{rss / size:.1f}x" if one else "-"
        over = f"{(rss - base_kb * 1024) / size:.1f}x" if one else "-"
        print(
            f"{name:<32} {size / 1e6:>8.2f}MB {rss / 2**20:>8.0f}MB {ratio:>7} {over:>10}"
            f" {res['seconds']:>7.1f}s"
        )
    print("bar: raw peak / input <= 40x at 5 MB, <= 20x at 20 MB; batch peak flat in size")


if __name__ == "__main__":
    main()
