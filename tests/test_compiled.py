"""The installed build compiles the per-article core with mypyc (``setup.py``); the other tests
import the source tree. These run the installed ``newscli`` and the source side by side on the
same articles and require the same output, so a difference between compiled and interpreted
behaviour cannot ship. Skipped where the installed package is the source itself (an editable or
``NEWSCLI_PURE=1`` install)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED
from .test_robustness import CORPUS

# Articles written for these tests: the quote, speaker, entity and time forms the extractors
# branch on most, so that compiled and interpreted code both walk those paths.
_ARTICLES = {
    "wire.txt": (
        "date 2021-03-15\n\nTrade talks stall as deadline nears\n\n"
        "GENEVA, March 15 (Reuters) - Negotiators from the European Union and Japan failed on "
        'Monday to close a deal, officials said. "We are not there yet," said Ana Ruiz, the '
        "EU's chief negotiator, adding that talks would resume next week.\n\n"
        "Japanese trade minister Kenji Sato told reporters the two sides had met for three hours "
        "and would meet again on Thursday. The diplomat said a deal by the end of the second "
        "quarter was possible, but warned: “Nothing is agreed until everything is agreed.”\n\n"
        "The talks began in 2019 and have been held every month since, according to the World "
        "Trade Organization. Two weeks ago, Ruiz said she was “cautiously optimistic”.\n"
    ),
    "feature.txt": (
        "By Maria Lopez\n\nThe last ferry to Dover\n\nLONDON — For 40 years, Peter Hall has "
        "crossed the Channel twice a day. “I have never missed a sailing,” the 64-year-old "
        "captain says. His employer, P&O Ferries, plans to retire the ship in the spring of "
        "2024.\n\n'It is the end of an era,' said Hall's colleague, Susan Park. She added that "
        "the crew would hold a farewell dinner on Christmas Eve, at 7 p.m., in Calais.\n\n"
        '"We will miss him," the union said in a statement on Tuesday, calling the decision '
        "'short-sighted'. The company declined to comment this week.\n"
    ),
}


def _installed_is_compiled() -> bool:
    probe = "import newscli.pipeline as p; print(p.__file__)"
    out = subprocess.run(
        [sys.executable, "-I", "-c", probe], capture_output=True, text=True, cwd="/", check=False
    )
    return out.returncode == 0 and out.stdout.strip().endswith((".so", ".pyd"))


pytestmark = pytest.mark.skipif(
    not _installed_is_compiled(), reason="the installed newscli is the source, not a build"
)


def _batch(folder: Path, out: Path, *, source: bool) -> list[str]:
    """``newscli batch`` over ``folder``: from the source tree, or (``-I``) the installed build."""
    env = dict(os.environ, PYTHONPATH=str(ROOT)) if source else dict(os.environ)
    flags = [] if source else ["-I"]
    cmd = [sys.executable, *flags, "-m", "newscli", "batch", str(folder), "--jobs", "1"]
    done = subprocess.run(
        [*cmd, "--quiet", "-o", str(out)], cwd=folder, env=env, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    return out.read_text(encoding="utf-8").splitlines()


def test_installed_build_matches_source(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / SEED.name).write_bytes(SEED.read_bytes())
    for name, text in _ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    for name, text in CORPUS.hazards(20_000).items():
        (articles / f"hazard-{name}.txt").write_text(text, encoding="utf-8")
    compiled = _batch(articles, tmp_path / "compiled.jsonl", source=False)
    source = _batch(articles, tmp_path / "source.jsonl", source=True)
    assert len(compiled) == len(source) == len(list(articles.iterdir()))
    for got, want in zip(compiled, source, strict=True):
        assert got == want


def test_installed_build_records_pickle_and_compare() -> None:
    """Compiled records are C structs: they still pickle (worker processes, Dask) and compare."""
    probe = (
        "import pickle, sys, newscli\n"
        "a = newscli.inspect(sys.stdin.read())\n"
        "b = pickle.loads(pickle.dumps(a))\n"
        "assert b == a and b.to_dict() == a.to_dict() and b.quotes and b.entities, repr(b)\n"
        "print(type(a.metadata).__module__, len(a.timeline))\n"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", probe],
        input=_ARTICLES["wire.txt"],
        capture_output=True,
        text=True,
        cwd="/",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "newscli.model" and int(done.stdout.split()[1]) > 3
