"""Time the full report on each adversarial text (issue 7): which input is slowest, and where.

    .venv/bin/python bench/adversarial.py [--size 1000000] [--only NAME ...] [--timeout 60]

Each hazard from ``scripts/make_hostile_corpus.py`` (1 MB by default) runs in a fresh child
process, section by section (header, segment, metadata, entities, quotes, timeline, then the
JSON and the Rich table output), so that a runaway regex shows up as a TIMEOUT in the section
that was running instead of hanging the benchmark. Cases over a second are profiled once more
with cProfile to name the functions that dominate. The table is sorted slowest first; anything
over the budget (2 s a case) is flagged. ``--scaling`` also times each case at a quarter of
the size and prints the growth exponent (1.0 = linear, 2.0 = quadratic). Times are CPU seconds
of the child process.
It measures the newscli this interpreter has installed (the compiled build after `pip install .`),
or the source tree when none is. Stdlib + the project only; not a unit test.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import io
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 2.0
PROFILE_OVER = 1.0  # seconds: cases slower than this are profiled once more
# CPU time of the child process: on a busy machine wall-clock time measures the neighbours
# too (the child is single-threaded, so on an idle machine the two agree)
CLOCK = time.process_time
SECTIONS = ("header", "segment", "metadata", "entities", "quotes", "timeline", "json", "render")


def _hazards(size: int) -> dict[str, str]:
    spec = importlib.util.spec_from_file_location(
        "make_hostile_corpus", ROOT / "scripts" / "make_hostile_corpus.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod.hazards(size)


def _report(text: str, timed: dict[str, float] | None, emit: bool) -> None:
    """The pipeline of ``newscli show`` (as in ``pipeline.inspect``), one section at a time."""
    from newscli.entities import extract_entities
    from newscli.metadata import extract_metadata
    from newscli.model import Article
    from newscli.pipeline import reference_date
    from newscli.quotes import extract_quotes
    from newscli.reader import parse_header
    from newscli.render import make_console, render_show
    from newscli.segment import segment
    from newscli.timeline import extract_timeline

    state: dict[str, object] = {}

    def header() -> None:
        state["h"] = parse_header(text)

    def seg() -> None:
        h = state["h"]
        state["s"] = segment(text, h.body_start, h.title_span)  # type: ignore[attr-defined]

    def meta() -> None:
        state["m"] = extract_metadata(state["s"], state["h"], date="2020-04-27")  # type: ignore[arg-type]

    def ents() -> None:
        state["e"] = extract_entities(state["s"])  # type: ignore[arg-type]

    def quotes() -> None:
        state["q"] = extract_quotes(state["s"], state["e"])  # type: ignore[arg-type]

    def timeline() -> None:
        m = state["m"]
        state["t"] = extract_timeline(
            state["s"],  # type: ignore[arg-type]
            reference_date(m.date),  # type: ignore[attr-defined]
            dateline=m.dateline,  # type: ignore[attr-defined]
        )

    def to_json() -> None:
        art = Article(source="x", text=text, metadata=state["m"])  # type: ignore[arg-type]
        art.entities, art.quotes, art.timeline = state["e"], state["q"], state["t"]  # type: ignore[assignment]
        state["a"] = art
        json.dumps(art.to_dict(include_text=True), ensure_ascii=False)

    def render() -> None:
        console = make_console(io.StringIO(), environ={"COLUMNS": "100"})
        render_show(console, state["a"])  # type: ignore[arg-type]

    steps = (header, seg, meta, ents, quotes, timeline, to_json, render)
    for name, step in zip(SECTIONS, steps, strict=True):
        t0 = CLOCK()
        step()
        took = CLOCK() - t0
        if timed is not None:
            timed[name] = took
        if emit:
            print(json.dumps({"section": name, "seconds": took}), flush=True)


def _child(name: str, size: int) -> None:
    text = _hazards(size)[name]
    # imports and gazetteer loading are not the article's cost: the warm-up run pays them

    _report("date 2020-04-27 Warm up. GENEVA, May 4 (Reuters) - Talks.", None, False)
    # As the command does once its first article is done (cli._settle_gc), and a batch worker
    # at start: the lexicons frozen out of the collector's sight, the collector on with its
    # usual thresholds. The figures are those of an article that is not the first of a run;
    # ``newscli show FILE`` analyses its first article with the collector off, a little faster.
    gc.collect()
    gc.freeze()
    print(json.dumps({"chars": len(text)}), flush=True)
    timed: dict[str, float] = {}
    _report(text, timed, True)
    if sum(timed.values()) > PROFILE_OVER:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(_report, text, None, False)
        stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        by_func = sorted(
            ((v[2], k) for k, v in stats.items() if "newscli" in k[0] or k[0][:2] == "re"),
            reverse=True,
        )
        top = [
            f"{Path(k[0]).stem}.{k[2]}:{k[1]} {t:.2f}s" if "newscli" in k[0] else f"{k[2]} {t:.2f}s"
            for t, k in by_func[:3]
        ]
        print(json.dumps({"profile": top}), flush=True)


def _child_env() -> dict[str, str]:
    """The children import the newscli installed here, or the source tree when none is."""
    env = dict(os.environ)
    if importlib.util.find_spec("newscli") is None:
        env["PYTHONPATH"] = str(ROOT)
    return env


def _run_case(name: str, size: int, timeout: float) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", name, "--size", str(size)]
    env = _child_env()
    timed_out = False
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env, check=False
        )
        out, err, code = proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        timed_out = True
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        err, code = "", None
    row: dict[str, object] = {"name": name, "sections": {}, "profile": [], "chars": 0}
    for line in out.splitlines():
        obj = json.loads(line)
        if "section" in obj:
            row["sections"][obj["section"]] = obj["seconds"]  # type: ignore[index]
        elif "profile" in obj:
            row["profile"] = obj["profile"]
        elif "chars" in obj:
            row["chars"] = obj["chars"]
    done = row["sections"]
    assert isinstance(done, dict)
    if timed_out and all(s in done for s in SECTIONS):
        row["status"] = "ok (profile pass timed out)"
    elif timed_out:
        running = next(s for s in SECTIONS if s not in done)
        row["status"] = f"TIMEOUT in {running}"
        done[running] = max(0.0, timeout - sum(done.values()))
    elif code != 0:
        last = (err.strip().splitlines() or ["?"])[-1]
        running = next((s for s in SECTIONS if s not in done), "?")
        row["status"] = f"CRASH in {running}: {last[:80]}"
    else:
        row["status"] = "ok"
    row["total"] = sum(done.values())
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters per hazard")
    ap.add_argument("--only", nargs="*", help="run only these hazards")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is killed")
    ap.add_argument("--scaling", action="store_true", help="also time 1/4 and 1/2 size")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child, args.size)
        return 0
    names = args.only or list(_hazards(1000))
    probe = "import newscli.quotes as q; print(q.__file__)"
    where = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=_child_env(),
        check=True,
        cwd=ROOT / "bench",  # as the children see it: not the source tree via the cwd
    ).stdout.strip()
    kind = "compiled" if where.endswith((".so", ".pyd")) else "interpreted"
    print(f"measuring the {kind} newscli in {Path(where).parent}", file=sys.stderr)
    rows = []
    for name in names:
        row = _run_case(name, args.size, args.timeout)
        if args.scaling and str(row["status"]).startswith("ok"):
            quarter = _run_case(name, args.size // 4, args.timeout)["total"]
            t = float(row["total"])  # type: ignore[arg-type]
            q = float(quarter)  # type: ignore[arg-type]
            row["exponent"] = math.log(max(t, 1e-3) / max(q, 1e-3), 4)
        rows.append(row)
        print(f"  {name}: {row['total']:.2f} s {row['status']}", file=sys.stderr, flush=True)
    rows.sort(key=lambda r: -float(r["total"]))  # type: ignore[arg-type]
    short = {
        "header": "hdr",
        "segment": "seg",
        "metadata": "meta",
        "entities": "ents",
        "quotes": "quot",
        "timeline": "time",
        "json": "json",
        "render": "rndr",
    }
    head = f"{'hazard':24} {'chars':>9} {'total':>7} " + " ".join(
        f"{short[s]:>5}" for s in SECTIONS
    )
    print(head + "  dominant            status")
    over = 0
    for r in rows:
        secs = r["sections"]
        assert isinstance(secs, dict)
        dom = max(secs, key=secs.get) if secs else "?"  # type: ignore[arg-type]
        bad = float(r["total"]) > BUDGET or not str(r["status"]).startswith("ok")  # type: ignore[arg-type]
        flag = " !!" if bad else ""  # type: ignore[arg-type]
        over += bool(flag)
        cells = " ".join(f"{secs[s]:5.2f}" if s in secs else "    -" for s in SECTIONS)
        extra = f" x^{r['exponent']:.2f}" if "exponent" in r else ""
        print(
            f"{r['name']:24} {r['chars']:>9,} {float(r['total']):7.2f} {cells}  "  # type: ignore[arg-type]
            f"{dom:18} {r['status']}{extra}{flag}"
        )
    print()
    for r in rows:
        if r["profile"]:
            print(f"{r['name']}: " + "; ".join(r["profile"]))  # type: ignore[arg-type]
    slow = rows[0]
    print(
        f"\n{len(rows)} hazards of {args.size:,} characters; slowest: {slow['name']} "
        f"{float(slow['total']):.2f} s; {over} over the {BUDGET:g} s budget or failed"  # type: ignore[arg-type]
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
