"""Hostile and broken input (issue 7): never crash, never lose an article, never let article
text control the terminal. Property tests over the core and the CLI, the hostile corpus of
``scripts/make_hostile_corpus.py`` through ``newscli batch``, and the process edges: a closed
pipe, Ctrl-C, invalid options, files that vanish or cannot be read."""

from __future__ import annotations

import codecs
import datetime as dt
import importlib.util
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscli.pipeline import inspect
from newscli.reader import ReadError, decode, discover, read_document
from newscli.schema import ARTICLE_SCHEMA

from .conftest import ROOT, json_lines

jsonschema = pytest.importorskip("jsonschema")
VALIDATOR = jsonschema.Draft202012Validator(ARTICLE_SCHEMA)
ESC = "\x1b"


def _corpus_module():
    spec = importlib.util.spec_from_file_location(
        "make_hostile_corpus", ROOT / "scripts" / "make_hostile_corpus.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


CORPUS = _corpus_module()

# Pieces that break naive extractors, mixed by hypothesis with arbitrary text.
FRAGMENTS = [
    '"',
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "'",
    "「",
    "」",
    " said ",
    ", said Anna Keller.",
    " told reporters ",
    "Mr. ",
    "U.S. ",
    "GENEVA, May 4 (Reuters) - ",
    "MOSCOW, April 27. /TASS/. ",
    "date 2020-04-27 ",
    "Title: ",
    "By Anna Keller\n",
    "12/03/2020",
    "2020-02-31",
    "last Monday",
    "next week",
    "three years ago",
    "1990s",
    "12:30",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "  ",
    "\t",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u202e",
    "\u2067",
    "\u0301",
    "👨‍👩‍👧",
    "外交部长",
    "。",
    "قال",
    "[bold red]",
    "[/]",
    "\x1b[31m",
    "\x1b]0;x\x07",
    "\x00",
    "\x08",
    "Geneva",
    "Keller",
    "PRESIDENT",
    "-",
    "—",
    ".",
    "...",
    "?",
    "(",
    ")",
]
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    "".join
)
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1)))


def spans_of(obj, path="$"):
    """Every (path, dict) in the JSON that carries offsets."""
    if isinstance(obj, dict):
        if "start" in obj and "end" in obj:
            yield path, obj
        for key, value in obj.items():
            yield from spans_of(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from spans_of(value, f"{path}[{i}]")


def check_article_json(data: dict, text: str) -> None:
    """Valid against the schema, round-trips through JSON, every span slices to its text."""
    errors = sorted(VALIDATOR.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert json.loads(json.dumps(data)) == data
    for path, span in spans_of(data):
        start, end = span["start"], span["end"]
        assert 0 <= start <= end <= len(text), (path, span)
        if "text" in span and path != "$":
            assert text[start:end] == span["text"], (path, span)


# --- the core ---------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, date=DATES)
def test_inspect_returns_valid_json_with_exact_spans_for_any_text(text, date):
    article = inspect(text, date)
    data = article.to_dict(include_text=True)
    assert data["text"] == text
    check_article_json(data, text)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=300))
def test_decode_never_raises_anything_but_read_error(data):
    try:
        text, warnings = decode(data)
    except ReadError as exc:
        assert str(exc).startswith("not a text file")
        return
    assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)


def test_text_hazards_are_analysed_with_exact_spans():
    for name, text in CORPUS.hazards(3000).items():
        data = inspect(text, "2020-04-27", source=name).to_dict(include_text=True)
        check_article_json(data, text)


# --- decoding faults ----------------------------------------------------------------------------

PROSE = "GENEVA, May 4 (Reuters) - Talks resumed, said Anna Keller. “We are close,” she said.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec):
    text, warnings = decode(PROSE.encode(codec))
    assert text == PROSE
    assert warnings and "no byte-order mark" in warnings[0]


def test_utf32_with_bom_and_binary_and_stray_nul(tmp_path):
    assert decode(codecs.BOM_UTF32_LE + PROSE.encode("utf-32-le")) == (PROSE, [])
    with pytest.raises(ReadError, match="binary"):
        decode(bytes(range(256)) * 8)
    # one NUL in a long text is kept (and reported), not a reason to drop the article
    path = tmp_path / "nul.txt"
    path.write_bytes(PROSE.encode() * 20 + b"\x00" + PROSE.encode())
    doc = read_document(str(path))
    assert doc.text.count("\x00") == 1 and any("NUL" in w for w in doc.warnings)
    # ANSI art with bells and backspaces but no NUL is hostile text, not binary
    assert decode(b"\x1b]0;t\x07\x08\x08\x07 Hi\x07")[0].endswith("Hi\x07")


def test_cp1252_fallback_is_linear():
    data = (b"caf\xe9 \x81\x8d\x8f\x90\x9d " * 200_000)[:2_000_000]
    t0 = time.perf_counter()
    text, warnings = decode(data)
    assert time.perf_counter() - t0 < 1.0
    assert len(text) == len(data) and "\x81" in text and warnings


def test_folder_links_loops_and_fifos_are_accounted_for(tmp_path):
    (tmp_path / "real.txt").write_text(PROSE)
    (tmp_path / "self").symlink_to(".")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    found = {Path(p).name: (str(e) if e else None) for p, e in discover([str(tmp_path)])}
    assert found == {
        "a.txt": "symbolic link loop",
        "b.txt": "symbolic link loop",
        "gone.txt": "broken symbolic link",
        "pipe.txt": "not a regular file",
        "real.txt": None,
    }
    (named,) = discover([str(tmp_path / "a.txt")])
    assert str(named[1]) == "symbolic link loop"


def test_html_never_touches_the_network(tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access while reading HTML")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    CORPUS.build(tmp_path, size=500, big=1000, max_bytes=10_000)
    doc = read_document(str(tmp_path / "faults" / "hostile.html"))
    assert "Talks" in doc.text
    assert "alert" not in doc.text and "comment" not in doc.text and "passwd" not in doc.text


# --- the CLI ------------------------------------------------------------------------------------


# what JSON output must never carry raw: C0/C1 controls, DEL, line separators, bidi marks
_RAW_IN_JSON = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary()))
def test_cli_json_is_valid_for_any_input_bytes(invoke, data):
    result = invoke("show", "-", "--json", "--include-text", "--date", "2020-04-27", input=data)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.stderr
    for line in result.stderr.splitlines():
        assert line.startswith("newscli: -: ")
    assert not _RAW_IN_JSON.search(result.stdout.replace("\n", ""))  # only the record ends
    objs = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert len(objs) == (result.exit_code == 0)
    for obj in objs:
        check_article_json(obj, obj["text"])


_OUR_SGR = re.compile(r"\x1b\[[0-9;]*m")
_NEVER_RAW = re.compile(r"[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@settings(max_examples=40, deadline=None)
@given(text=TEXTS)
def test_table_output_is_inert_for_any_text(text):
    from newscli.render import make_console, render_show, render_timeline

    article = inspect(text, "2020-04-27")
    for environ in ({"COLUMNS": "90"}, {"COLUMNS": "90", "FORCE_COLOR": "1"}):
        buf = io.StringIO()
        console = make_console(buf, environ=environ)
        render_show(console, article)
        render_timeline(console, article)
        out = buf.getvalue()
        if "FORCE_COLOR" not in environ:
            assert ESC not in out
        rest = _OUR_SGR.sub("", out)  # Rich's own colours are the only escapes allowed
        assert ESC not in rest
        assert not _NEVER_RAW.search(rest.replace("\r\n", "\n")), repr(rest)


def test_max_bytes_for_files_stdin_and_batch(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(PROSE * 30)  # about 2.6 kB
    size = path.stat().st_size
    small = invoke("show", path, "--json", "--max-bytes", "1000")
    assert small.exit_code == 1 and small.stdout == ""
    assert small.stderr == f"newscli: {path}: file too large ({size:,} bytes > 1,000-byte limit)\n"
    assert invoke("show", path, "--json", "--max-bytes", str(size)).exit_code == 0
    piped = invoke("show", "-", "--json", "--max-bytes", "1000", input=path.read_bytes())
    assert piped.exit_code == 1 and "file too large" in piped.stderr
    batch = invoke("batch", path, "-q", "-j", "1", "--max-bytes", "1000")
    assert batch.exit_code == 1
    (rec,) = json_lines(batch.stdout)
    assert rec["source"] == str(path) and "file too large" in rec["error"]
    for bad in ("0", "-5", "lots"):
        assert invoke("show", path, "--max-bytes", bad).exit_code == 2


@pytest.mark.parametrize(
    "bad", ["2020-02-31", "tomorrow", "", "2020-13-01", "27/04/2020", "\x1b[31m2020"]
)
@pytest.mark.parametrize("command", ["show", "batch", "timeline"])
def test_invalid_dates_are_usage_errors(invoke, tmp_path, command, bad):
    path = tmp_path / "a.txt"
    path.write_text(PROSE)
    result = invoke(command, path, "--date", bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.output and ESC not in result.output


def test_a_file_that_vanishes_during_a_batch_is_an_error_record(invoke, tmp_path, monkeypatch):
    import newscli.reader as reader

    folder = tmp_path / "c"
    folder.mkdir()
    for name in ("a", "b", "c", "d"):
        (folder / f"{name}.txt").write_text(PROSE)
    original = reader.discover

    def vanishing(paths, **kwargs):
        for path, error in original(paths, **kwargs):
            if path.endswith("a.txt"):  # gone from the folder before it is listed ...
                (folder / "c.txt").unlink()
            if path.endswith("b.txt"):  # ... and gone after it is found, before it is read
                Path(path).unlink()
            yield path, error

    monkeypatch.setattr(reader, "discover", vanishing)
    result = invoke("batch", folder, "-q", "-j", "1")
    assert result.exit_code == 1
    recs = {Path(r["source"]).name: r for r in json_lines(result.stdout)}
    assert sorted(recs) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert recs["b.txt"]["error"] == "no such file"
    assert recs["c.txt"]["error"] == "no such file"
    assert "metadata" in recs["a.txt"] and "metadata" in recs["d.txt"]
    assert "Traceback" not in result.stderr


def _root_drops_to_nobody():
    """Act as ``nobody`` (root reads any file: chmod 000 does not stop it)."""
    if os.geteuid() != 0:
        return None
    try:
        os.setegid(65534)
        os.seteuid(65534)
    except OSError:
        return None
    return True


def test_permission_denied_file_and_folder(invoke):
    base = Path(tempfile.mkdtemp(prefix="newscli-perm-"))
    try:
        base.chmod(0o755)
        ok = base / "ok.txt"
        ok.write_text(PROSE)
        ok.chmod(0o644)
        denied = base / "denied.txt"
        denied.write_text(PROSE)
        denied.chmod(0)
        closed = base / "closed"
        closed.mkdir()
        (closed / "x.txt").write_text(PROSE)
        closed.chmod(0)
        args = ("batch", ok, denied, closed, "-q", "-j", "1", "--date", "2020-04-27")
        invoke(*args)  # as root first: every module the command needs is imported
        if os.geteuid() == 0 and not _root_drops_to_nobody():
            pytest.skip("running as root and cannot drop privileges: chmod 000 is not enforced")
        try:
            result = invoke(*args)
        finally:
            if os.getuid() == 0:
                os.seteuid(0)
                os.setegid(0)
        assert result.exit_code == 1
        recs = json_lines(result.stdout)
        assert [r["source"] for r in recs] == [str(ok), str(denied), str(closed)]
        assert "metadata" in recs[0]
        assert recs[1]["error"] == "permission denied" == recs[2]["error"]
        assert result.stderr.splitlines() == [
            f"newscli: {denied}: permission denied",
            f"newscli: {closed}: permission denied",
        ]
    finally:
        for p in (base / "closed", base / "denied.txt"):
            p.chmod(0o700)
        import shutil

        shutil.rmtree(base, ignore_errors=True)


# --- the hostile corpus through `newscli batch`, and the process edges -------------------------


def _cli(*args: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="", FORCE_COLOR="")
    return subprocess.Popen(
        [sys.executable, "-m", "newscli", *args], cwd=ROOT, env=env, text=True, **kw
    )


def test_batch_over_the_hostile_corpus_accounts_for_every_input(tmp_path):
    max_bytes = 200_000
    cases = CORPUS.build(tmp_path / "h", size=1500, big=20_000, max_bytes=max_bytes)
    root = os.geteuid() == 0
    proc = _cli(
        "batch",
        *(c.arg for c in cases),
        "--max-bytes",
        str(max_bytes),
        "--date",
        "2020-04-27",
        "-j",
        "1",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert "Traceback" not in err and "Exception" not in err
    for line in err.splitlines():
        assert line.startswith("newscli: "), line
    records = [json.loads(line) for line in out.split("\n") if line]  # JSON Lines: \n only
    assert len(records) == sum(c.records for c in cases)  # nothing lost, nothing doubled
    for case in cases:
        mine = [  # a file, a folder's files, or a corpus file's records (path:line)
            r
            for r in records
            if r["source"] == case.arg or r["source"].startswith((case.arg + "/", case.arg + ":"))
        ]
        assert len(mine) == case.records, case
        expect = "ok" if case.root_ok and root else case.expect
        if case.records == 1:
            assert ("error" not in mine[0]) == (expect == "ok"), (case, mine[0])
        if "error" in mine[0]:
            assert f"newscli: {mine[0]['source']}: {mine[0]['error']}" in err
    for rec in records:
        if "error" not in rec:
            errors = sorted(VALIDATOR.iter_errors(rec), key=str)
            assert not errors, (rec["source"], errors[0].message)


@pytest.mark.parametrize("command", ["show", "batch"])
def test_closed_pipe_ends_quietly(tmp_path, command):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):  # batch: enough for the process pool (it starts at 100 inputs)
        (folder / f"{i:03d}.txt").write_text(PROSE * 20)
    extra = ("-q", "-j", "2") if command == "batch" else ("--json",)
    proc = _cli(command, str(folder), *extra, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    proc.wait(timeout=60)  # a process pool that hangs at exit fails here
    err = proc.stderr.read()
    assert json.loads(first)["source"].endswith("000.txt")
    assert "Traceback" not in err and "BrokenPipe" not in err and "Warning" not in err, err
    assert proc.returncode in (0, 1), err


@pytest.mark.parametrize("command", ["show", "batch"])
def test_ctrl_c_exits_130_with_one_line(tmp_path, command):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:03d}.txt").write_text(PROSE * 40)
    extra = ("-q", "-j", "2") if command == "batch" else ("--json",)
    proc = _cli(
        command,
        str(folder),
        "--date",
        "2020-04-27",
        *extra,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline()  # it is working: interrupt it mid-run
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.splitlines() == ["newscli: interrupted"], err


def test_batch_json_lines_escape_what_splits_lines_or_acts_on_terminals(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(PROSE + "Odd\x85line\u2028sep \x9b31m csi \u202eevil\n")
    result = invoke("batch", path, "-q", "-j", "1", "--include-text")
    assert result.exit_code == 0
    assert not _RAW_IN_JSON.search(result.stdout.rstrip("\n"))


def test_diagnostics_show_hostile_file_names_inert_on_one_line(invoke, tmp_path):
    (tmp_path / "evil\x1b]0;pwned\x07\nname.txt").write_bytes(b"")
    result = invoke("show", tmp_path, "--json")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and ESC not in result.stderr
    assert "evil\\x1b]0;pwned\\x07\\x0aname.txt: empty file" in result.stderr


def test_read_view_is_linear_on_long_runs_of_blanks(invoke, tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("GENEVA, May 4 (Reuters) - Keller said" + " " * 60_000 + "the talks ended.\n")
    t0 = time.perf_counter()
    result = invoke("read", path, "--no-pager", "--date", "2020-04-27")
    assert result.exit_code == 0, result.stderr
    assert time.perf_counter() - t0 < 5  # was quadratic: a minute for these 60 kB


def test_a_file_cut_inside_its_last_character_stays_utf8():
    text, warnings = decode("Genève café ".encode() + "€".encode()[:2])
    assert text == "Genève café \ufffd"  # not "GenÃ¨ve" mojibake from a cp1252 fallback
    assert warnings and "ends inside a UTF-8 character" in warnings[0]


def test_an_article_leaves_no_reference_cycles():
    """Batch runs keep the cyclic collector off for long stretches: an analysed article must be
    freed by reference counting alone, whatever it holds (speakers resolved or not)."""
    import gc
    from pathlib import Path

    from newscli import inspect

    seed = Path(__file__).resolve().parent.parent / "seeds" / "tass-2020-04-27-dprk-russia.txt"
    texts = [
        seed.read_text(encoding="utf-8"),
        "OSLO, March 3 (Reuters) - The fjord froze early this year. Ferries ran late on Monday.",
        '"We will rebuild the pier," Mayor Ingrid Dahl told reporters on Tuesday.',
    ]
    for text in texts:
        inspect(text, date="2020-04-27")  # warm-up: lazy tables load once
    gc.collect()
    saved = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in texts:
            inspect(text, date="2020-04-27").to_dict()
        gc.collect()
        leaked = [type(o).__qualname__ for o in gc.garbage]
    finally:
        gc.set_debug(saved)
        gc.garbage.clear()
    assert leaked == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, date=DATES)
def test_json_written_in_pieces_is_the_json_line(text, date):
    from newscli.pipeline import json_line, write_json_line

    article = inspect(text, date)
    pieces: list[str] = []
    write_json_line(article.to_dict(include_text=True, lazy=True), pieces.append)
    assert "".join(pieces) == json_line(article.to_dict(include_text=True))


def test_a_long_articles_json_is_written_in_small_pieces():
    # the whole line of a long article (and its escaped copy) was held at once, with every
    # item's dictionary: some thirty times the article at its peak
    from newscli.pipeline import json_line, write_json_line

    para = '"We are close\u2028," Anna Keller said on Monday in Genève.\x85 '
    article = inspect("Date: 2021-03-12\n\n" + "\n\n".join([para * 3] * 400))
    assert len(article.quotes) > 1000
    pieces: list[str] = []
    write_json_line(article.to_dict(lazy=True), pieces.append)
    line = "".join(pieces)
    assert line == json_line(article.to_dict())
    assert max(map(len, pieces)) < len(line) / 4
    assert "\u2028" not in line and "\\u2028" in line
