"""The layout is the architecture: a plain-Python core, thin CLI and rendering layers."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT

THIN = {"cli.py", "render.py", "__main__.py"}


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_modules_import_neither_typer_nor_rich():
    for path in sorted((ROOT / "newscli").glob("*.py")):
        if path.name in THIN:
            continue
        assert not _imports(path) & {"typer", "rich", "click"}, path.name


def test_library_import_is_light():
    code = (
        "import sys, newscli; newscli.inspect('PARIS, May 3 (AFP) - Talks ended.'); "
        "print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_json_run_does_not_import_rich_tables_or_pydantic(seed_path):
    code = (
        "import sys\nfrom newscli import cli\n"
        "try:\n    cli.app(['show', sys.argv[1], '--json'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rich.table', 'pydantic', 'newscli.render', 'lxml', "
        "'trafilatura', 'newscli.webpage') "
        "if m in sys.modules), file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(seed_path)], capture_output=True, text=True
    )
    assert out.stderr.strip().splitlines()[-1] == "[]"


_COUNT_COLLECTIONS = (
    "import gc, sys\n"
    "import newscli.__main__\n"
    "runs = []\n"
    "gc.callbacks.append(lambda phase, info: phase == 'start' and runs.append(info))\n"
    "sys.argv = ['newscli', '--version']\n"
    "{start}\n"
    "print(len(runs), file=sys.stderr)"
)


def test_command_starts_without_collecting_among_its_imports():
    """The console script (``newscli.__main__:run``) turns the cyclic collector off before it
    imports Typer and the rest: the same imports with the collector on do collect."""

    def collections(start: str) -> int:
        code = _COUNT_COLLECTIONS.format(start=start)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        return int(out.stderr.split()[-1])

    run = "try:\n    newscli.__main__.run()\nexcept SystemExit:\n    pass"
    assert collections(run) == 0
    assert collections("import newscli.cli, newscli.pipeline") > 0


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff not installed")
def test_ruff_is_clean():
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "newscli", "tests", "bench", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
