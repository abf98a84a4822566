"""The edges that broke (the "nothing lost, nothing leaks, nothing hangs" issue): each test
failed before its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

PROSE = (
    "OSLO, June 2 (Reuters) - The ferry company said on Tuesday that the new route would open "
    "in the summer, a year after the old one closed. “We are ready,” said Kari Nordmann.\n\n"
)


def _cli(*args: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="", FORCE_COLOR="")
    return subprocess.Popen(
        [sys.executable, "-m", "newscli", *args], cwd=ROOT, env=env, text=True, **kw
    )


@pytest.mark.parametrize("command", ["show", "quotes", "entities", "timeline"])
def test_tables_into_a_closed_pipe_exit_0(tmp_path, command):
    path = tmp_path / "a.txt"
    path.write_text(PROSE * 30, encoding="utf-8")
    many = [str(path)] * 40  # more than a pipe holds: the writer meets the closed end
    proc = _cli(
        command, *many, "--date", "2020-06-02", stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    proc.wait(timeout=60)
    err = proc.stderr.read()
    assert proc.returncode == 0 and err == "", err


HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b]0;title\x07\x1b[2J\x1b]8;;http://x\x07link\x1b]8;;\x07"


def test_lone_surrogates_in_a_corpus_are_written_not_fatal(invoke, tmp_path):
    corpus = tmp_path / "c.jsonl"
    records = [
        {
            "id": "a",
            "text": "OSLO, June 2 (Reuters) - Ferries \ud83d returned, Kari Nordmann said.",
        },
        {"id": "b", "text": PROSE},
    ]
    corpus.write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )  # json.dumps writes the lone surrogate as \\ud83d: valid JSON, invalid UTF-16 pair
    result = invoke("batch", str(corpus), "-q", "-j", "1", "--date", "2020-06-02")
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    result = invoke("batch", str(corpus), "-q", "-j", "1", "--csv", "--date", "2020-06-02")
    assert result.exit_code == 0, result.stderr
    assert "\ufffd" not in result.stdout or "Ferries" in result.stdout
    out = tmp_path / "out.jsonl"
    result = invoke("batch", str(corpus), "-q", "-j", "1", "-o", str(out))
    assert result.exit_code == 0 and len(out.read_text("utf-8").splitlines()) == 2


def test_csv_on_a_terminal_is_inert(runner, monkeypatch, tmp_path):
    from newscli import cli

    path = tmp_path / "a.txt"
    path.write_text(f"“Ferries {HOSTILE} are back,” said Kari Nordmann.\n", encoding="utf-8")
    monkeypatch.setattr(cli, "env", cli.Env(environ={}, stdout_isatty=True))
    result = runner.invoke(cli.app, ["batch", str(path), "--csv", "-q", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]52;c;" in result.stdout  # shown, not acted on
    monkeypatch.setattr(cli, "env", cli.Env(environ={}, stdout_isatty=False))
    piped = runner.invoke(cli.app, ["batch", str(path), "--csv", "-q", "-j", "1"])
    assert "\x1b]52;c;" in piped.stdout  # into a pipe or a file: the data as it is


def test_read_escapes_line_separators(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The ferry\u2028line\u2029opened on Tuesday, officials said.\n", "utf-8")
    result = invoke("read", str(path), "--no-pager", "--no-color")
    assert result.exit_code == 0, result.stderr
    assert "\u2028" not in result.stdout and "\u2029" not in result.stdout
    assert "\\u2028" in result.stdout
