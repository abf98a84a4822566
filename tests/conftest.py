"""Shared fixtures: the seed article, a CLI runner with a pinned terminal, article factories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tass-2020-04-27-dprk-russia.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"

# A terminal of known size and no colour variables, so output does not depend on the machine.
CLEAN_ENV = {"COLUMNS": "100", "LINES": "50", "NO_COLOR": "", "FORCE_COLOR": "", "TERM": "dumb"}


@pytest.fixture()
def seed_path() -> Path:
    return SEED


@pytest.fixture()
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner(env=CLEAN_ENV)


@pytest.fixture()
def invoke(runner, monkeypatch):
    """Run the CLI: ``invoke("show", path, "--json")`` → click Result (stdout and stderr apart)."""
    from newscli import cli

    for var in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(cli, "env", cli.Env(environ=dict(CLEAN_ENV)))

    def run(*args: str | Path, input: str | bytes | None = None):
        argv = [str(a) for a in args]
        # the app as main() runs it: reduced to the command named, when one is
        return runner.invoke(cli._app_for(argv), argv, input=input)

    return run


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]
