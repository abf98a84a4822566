"""Issue-22 checks across widths: the tables never cut a word at the terminal's edge."""

from __future__ import annotations

import re

import pytest

from newscli.cli import Env, app

from .conftest import json_lines


@pytest.mark.parametrize("width", range(60, 121, 4))
def test_entities_cut_no_name_or_role_at_any_width(runner, monkeypatch, seed_path, width):
    from newscli import cli

    monkeypatch.setattr(cli, "env", Env(environ={"COLUMNS": str(width)}))
    out = runner.invoke(app, ["entities", str(seed_path)]).stdout
    (obj,) = json_lines(runner.invoke(app, ["entities", str(seed_path), "--json"]).stdout)
    lines = out.splitlines()
    assert all(len(line) <= width for line in lines)
    words = set(re.findall(r"[\w-]+", out))
    for e in obj["entities"]:
        assert set(re.findall(r"[\w-]+", e["name"])) <= words, e["name"]
        if "Role" in out:
            assert set(re.findall(r"[\w-]+", e["role"] or "")) <= words, e["role"]


def test_read_says_one_of_a_kind_in_the_singular(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "OSLO (NTB) - The Nordic Council met in Oslo on Friday.\n\n"
        '"We agreed," said Kari Nordmann, head of the Nordic Council of Ministers.\n',
        encoding="utf-8",
    )
    out = invoke("read", path, "--date", "2024-03-06", "--no-pager").stdout
    counts = next(line for line in out.splitlines() if "quote" in line and "·" in line)
    assert "1 quote " in counts and "1 time expression" in counts, counts


def test_readme_screenshots_exist_and_show_the_tables_as_they_are(monkeypatch):
    """docs/*.svg, linked from the README, are what scripts/make_screenshots.py draws now."""
    import importlib.util

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("shots", ROOT / "scripts" / "make_screenshots.py")
    shots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shots)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in shots.COMMANDS:
        for width in shots.WIDTHS:
            name = f"docs/{command}-{width}.svg"
            assert f"]({name})" in readme, name
            drawn = shots.screenshot(command, width)
            assert (ROOT / name).read_text(encoding="utf-8") == drawn, f"{name}: run the script"
