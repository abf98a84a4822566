"""README is the manual: every command and option is documented, and every example works."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys

import pytest
import typer.main

from newscli.cli import app

from .conftest import CLEAN_ENV, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_command(app)
    return group.commands


def _code_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_every_command_is_documented():
    for name in _commands():
        assert f"`{name}`" in README, f"command {name} is not in README"


def test_every_option_is_documented():
    for name, command in _commands().items():
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("-"):
                    assert f"`{opt}" in README, f"{name} {opt} is not in README"


def _examples() -> list[str]:
    lines = []
    for block in _code_blocks("sh"):
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()
            if "newscli" in line and not line.startswith(("python3 -m venv", ". .venv")):
                lines.append(line)
    return lines


def test_readme_has_examples_for_every_command():
    examples = _examples()
    for name in _commands():
        assert any(f"newscli {name}" in e for e in examples), name


@pytest.mark.parametrize("example", _examples())
def test_readme_example_runs(example):
    if "| jq" in example and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    newscli = f"{shlex.quote(sys.executable)} -m newscli"
    command = re.sub(r"(^|\|\s*)newscli\b", lambda m: m.group(1) + newscli, example)
    env = {"PATH": "/usr/bin:/bin", **CLEAN_ENV}
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip(), "example printed nothing"
    assert "Traceback" not in proc.stderr


def test_readme_library_example_runs(monkeypatch):
    (block,) = [b for b in _code_blocks("python") if "from newscli import inspect" in b]
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["data"]["metadata"]["dateline"]["place"] == "MOSCOW"
