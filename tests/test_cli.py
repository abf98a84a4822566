"""The command line: inputs, JSON contract, exit codes, colour handling, terminal safety."""

from __future__ import annotations

import json

import pytest

from newscli import __version__
from newscli.cli import Env, app

from .conftest import json_lines

ESC = "\x1b"


def test_show_json_prints_one_object_with_the_contract_keys(invoke, seed_path):
    result = invoke("show", seed_path, "--json")
    assert result.exit_code == 0, result.stderr
    (obj,) = json_lines(result.stdout)
    assert obj["schema_version"] == "1.1"
    assert obj["source"] == str(seed_path)
    for key in ("metadata", "quotes", "entities", "timeline"):
        assert key in obj
    assert "text" not in obj
    meta = obj["metadata"]
    assert meta["date"] == "2020-04-27"
    assert meta["date_source"] == "header"
    assert meta["dateline"]["place"] == "MOSCOW"
    assert meta["dateline"]["agency"] == "TASS"


def test_include_text_gives_the_text_the_offsets_refer_to(invoke, seed_path, seed_text):
    result = invoke("show", seed_path, "--json", "--include-text")
    (obj,) = json_lines(result.stdout)
    assert obj["text"] == seed_text
    d = obj["metadata"]["dateline"]
    assert obj["text"][d["start"] : d["end"]] == d["text"]


def test_stdin_is_read_with_a_dash_and_reported_as_dash(invoke, seed_text):
    result = invoke("show", "-", "--json", input=seed_text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    (obj,) = json_lines(result.stdout)
    assert obj["source"] == "-"
    assert obj["metadata"]["dateline"]["place"] == "MOSCOW"


def test_no_path_with_piped_stdin_reads_stdin(invoke):
    result = invoke("show", "--json", input=b"LONDON, May 2 (Reuters) - Rain fell.\n")
    assert result.exit_code == 0, result.stderr
    (obj,) = json_lines(result.stdout)
    assert obj["source"] == "-"


def test_several_inputs_and_folders_give_json_lines_in_order(invoke, tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("PARIS, May 3 (AFP) - The talks ended.\n", encoding="utf-8")
    (folder / "sub" / "a.md").write_text("BERLIN, May 4 (dpa) - It rained.\n", encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    single = tmp_path / "one.txt"
    single.write_text("ROME, May 5 (ANSA) - A vote was held.\n", encoding="utf-8")
    result = invoke("show", single, folder, "--json")
    assert result.exit_code == 0, result.stderr
    objs = json_lines(result.stdout)
    assert [o["source"] for o in objs] == [
        str(single),
        str(folder / "b.txt"),
        str(folder / "sub" / "a.md"),
    ]
    assert [o["metadata"]["dateline"]["agency"] for o in objs] == ["ANSA", "AFP", "dpa"]


def test_a_missing_file_fails_alone_with_one_line_and_exit_1(invoke, seed_path, tmp_path):
    missing = tmp_path / "nope.txt"
    result = invoke("show", missing, seed_path, "--json")
    assert result.exit_code == 1
    assert len(json_lines(result.stdout)) == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"newscli: {missing}: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty"), (b"   \n\t\n", "empty"), (b"abc\x00\x00def\x00", "not a text file")],
)
def test_unreadable_content_is_an_error_not_output(invoke, tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = invoke("show", path, "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert reason in result.stderr
    assert result.stderr.startswith(f"newscli: {path}: ")


@pytest.mark.parametrize("bad", ["2020-02-31", "tomorrow", "27/04/2020"])
def test_invalid_date_is_a_usage_error(invoke, seed_path, bad):
    result = invoke("show", seed_path, "--date", bad)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_date_option_overrides_and_is_reported_as_option(invoke, seed_path):
    result = invoke("show", seed_path, "--json", "--date", "2021-01-02")
    meta = json_lines(result.stdout)[0]["metadata"]
    assert meta["date"] == "2021-01-02"
    assert meta["date_source"] == "option"


def test_unknown_option_and_unknown_kind_are_usage_errors(invoke, seed_path):
    assert invoke("show", seed_path, "--bogus").exit_code == 2
    assert invoke("quotes", seed_path, "--kind", "rumour").exit_code == 2


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newscli {__version__}"


def test_table_output_to_a_pipe_has_no_escape_codes(invoke, seed_path):
    for command in ("show", "quotes", "entities", "timeline"):
        result = invoke(command, seed_path)
        assert result.exit_code == 0, result.stderr
        assert ESC not in result.stdout
        assert "MOSCOW" in result.stdout or command != "show"


def _run_with_env(runner, monkeypatch, args, environ, isatty=None):
    from newscli import cli

    monkeypatch.setattr(cli, "env", Env(environ=environ, stdout_isatty=isatty))
    return runner.invoke(app, args)


def test_force_color_colours_and_no_color_wins(runner, monkeypatch, seed_path):
    forced = _run_with_env(
        runner, monkeypatch, ["show", str(seed_path)], {"FORCE_COLOR": "1", "COLUMNS": "100"}
    )
    assert ESC in forced.stdout
    both = _run_with_env(
        runner,
        monkeypatch,
        ["show", str(seed_path)],
        {"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "100"},
    )
    assert "\x1b[3" not in both.stdout  # no colour codes (bold may remain)
    flag = _run_with_env(
        runner,
        monkeypatch,
        ["show", str(seed_path), "--no-color"],
        {"FORCE_COLOR": "1", "COLUMNS": "100"},
    )
    assert "\x1b[3" not in flag.stdout


HOSTILE = (
    "[bold red]Headline[/] with \x1b[31mred\x1b[0m and \x1b]0;pwned\x07 and "
    "\x1b]8;;https://example.com\x07link\x1b]8;;\x07 \u202eevil\n\n"
    "LONDON, May 2 (Reuters) - [link=https://example.com]click[/link] \x1b[2J said "
    "the minister.\r\x08\x08 Done.\n"
)


def test_article_text_never_controls_the_terminal(runner, monkeypatch, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    for forced in ({"COLUMNS": "120"}, {"COLUMNS": "120", "FORCE_COLOR": "1"}):
        result = _run_with_env(runner, monkeypatch, ["show", str(path)], forced)
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        assert "\x1b]" not in out and "\x1b[2J" not in out and "\x1b[31m" not in out
        assert "\x07" not in out and "\x08" not in out and "\r" not in out
        assert "\u202e" not in out
        if "FORCE_COLOR" not in forced:
            assert ESC not in out
        assert "[bold red]" in out  # shown literally, not interpreted
        assert "\\x1b" in out


def test_json_escapes_hostile_text(invoke, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = invoke("show", path, "--json", "--include-text")
    assert result.exit_code == 0
    assert ESC not in result.stdout and "\x07" not in result.stdout
    assert json_lines(result.stdout)[0]["text"] == HOSTILE


def test_schema_command_prints_the_schema_and_the_seed_validates(invoke, seed_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(invoke("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    for command in ("show", "quotes", "entities", "timeline"):
        result = invoke(command, seed_path, "--json", "--include-text")
        (obj,) = json_lines(result.stdout)
        jsonschema.validate(obj, schema)


def test_every_span_in_the_json_slices_to_its_text(invoke, seed_path):
    (obj,) = json_lines(invoke("show", seed_path, "--json", "--include-text").stdout)
    text = obj["text"]
    spans = []
    for q in obj["quotes"]:
        spans.append(q)
        spans.extend(x for x in (q["speaker_mention"], q["cue"]) if x)
    for e in obj["entities"]:
        spans.extend(e["mentions"])
    spans.extend(obj["timeline"])
    assert spans
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"]


@pytest.mark.parametrize("command", ["show", "quotes", "entities", "timeline"])
def test_tables_fit_an_80_column_terminal(runner, monkeypatch, seed_path, command):
    result = _run_with_env(runner, monkeypatch, [command, str(seed_path)], {"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    widths = [len(line) for line in result.stdout.splitlines()]
    assert widths and max(widths) <= 80
    assert "Im Chon Il" in result.stdout or command in ("timeline",)


def _commands() -> list[str]:
    from newscli.cli import _command_name

    return [_command_name(c) for c in app.registered_commands]


@pytest.mark.parametrize("name", _commands())
def test_each_command_alone_behaves_as_in_the_whole_app(name, runner):
    """main() builds only the command being run; its help (options, defaults, text) is the
    same as in the whole app."""
    from newscli.cli import _app_for, _command_name

    lean = _app_for([name, "--help"])
    assert lean is not app
    assert [_command_name(c) for c in lean.registered_commands] == [name]
    alone = runner.invoke(lean, [name, "--help"]).output
    assert alone == runner.invoke(app, [name, "--help"]).output
    assert f"Usage: newscli {name} [OPTIONS]" in alone


def test_whole_app_for_help_version_and_unknown_commands():
    from newscli.cli import _app_for

    for argv in ([], ["--help"], ["--version"], ["shwo", "x.txt"], ["-h"]):
        assert _app_for(argv) is app


def test_a_speaker_without_a_name_is_shown_by_the_words_that_name_it(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Bridge to reopen\n\nThe bridge will reopen next week, the ministry said on Monday. "
        "It was closed in May, it said.\n",
        encoding="utf-8",
    )
    out = invoke("quotes", path).stdout
    rows = [line for line in out.splitlines() if "reopen next week" in line]
    assert rows and "(the ministry)" in rows[0]  # in brackets: a description, not a name
    # a pronoun that names no one stays unknown
    rows = [line for line in out.splitlines() if "closed in May" in line]
    assert rows and "(unknown)" in rows[0]
    # and neither is counted as a person: one row for the quotes no name was found for
    counts = out[out.index("Quotes per speaker") :]
    assert "(no name found)" in counts and "the ministry" not in counts


@pytest.mark.parametrize(("given", "hint"), [("PERSONS", "did you mean PERSON?"), ("BOGUS", "")])
def test_an_unknown_label_is_a_usage_error(invoke, seed_path, given, hint):
    for command in ("entities", "read"):
        result = invoke(command, seed_path, "--label", f"ORG,{given}")
        assert result.exit_code == 2
        assert f"unknown label '{given}'" in result.stderr and hint in result.stderr
        assert "WORK_OF_ART" in result.stderr  # the valid labels are listed


def test_quotes_per_speaker_counts_one_person_once(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "OSLO (Reuters) - “The line opens in June,” said Kari Nordmann, the port's director.\n\n"
        "“We are ready,” Nordmann said. “It took a year,” she added.\n",
        encoding="utf-8",
    )
    out = invoke("quotes", path, "--date", "2024-01-01").stdout
    counts = out[out.index("Quotes per speaker") :]
    rows = [line for line in counts.splitlines() if "Nordmann" in line]
    assert len(rows) == 1 and rows[0].split()[-1] == "3", counts


@pytest.mark.parametrize("width", [60, 80])
def test_entity_names_never_break_at_80_or_60_columns(runner, monkeypatch, seed_path, width):
    from newscli import cli

    monkeypatch.setattr(cli, "env", Env(environ={"COLUMNS": str(width)}))
    out = runner.invoke(app, ["entities", str(seed_path)]).stdout
    assert all(len(line) <= width for line in out.splitlines())
    assert "Vladimir Vladimirovich Putin" in out  # the name whole, on one line
    assert " E3 " in out  # the id quotes and the JSON refer to
    assert ("Role" in out) == (width >= 64)  # the low-value columns go first


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_timeline_takes_one_or_two_lines_an_expression(runner, monkeypatch, tmp_path, width):
    from newscli import cli

    path = tmp_path / "a.txt"
    path.write_text(
        "OSLO (Reuters) - The harbour authority, which has run the port since the war, said on "
        "Tuesday that the new ferry line to the islands would open in the summer of 2025, and "
        "that the old pier would close every Monday from then on, its director said, adding "
        "that nobody knew when the bridge would reopen on Sunday.",
        encoding="utf-8",
    )
    monkeypatch.setattr(cli, "env", Env(environ={"COLUMNS": str(width)}))
    out = runner.invoke(app, ["timeline", str(path), "--date", "2024-03-06"]).stdout
    body = out[out.index("────") :].splitlines()[1:]
    rows = [i for i, line in enumerate(body) if line[2:3].strip()]  # a row starts with its When
    assert len(rows) >= 4
    for a, b in zip(rows, [*rows[1:], len(body)], strict=True):
        lines = [line for line in body[a:b] if line.strip()]
        assert 1 <= len(lines) <= 2, (width, lines)  # a line or two, never a sentence's worth
    assert all(len(line) <= width for line in out.splitlines())
    assert "2024-03-05" in out and "Tuesday" in out  # the value, and the words in context


def test_unnamed_sources_read_as_descriptions_not_names(invoke, tmp_path):
    from newscli import inspect
    from newscli.render import speaker_label

    text = (
        "OSLO, May 2 (Reuters) - The deal is close, one source familiar with the talks said. "
        "Another deal is near, a second source said.\n"
    )
    first = inspect(text, "2024-05-02").quotes[0]
    assert speaker_label(first) == ("(unnamed: one source familiar with the talks)", "italic")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    words = " ".join(invoke("quotes", path, "--no-color").stdout.split())
    assert "(unnamed sources) 2" in words and " unnamed source " not in words
