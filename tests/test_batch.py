"""Batch mode: corpus readers, order, error records, exit codes, CSV, the pool, and Dask."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscli import batch
from newscli.batch import Config, Fields, Item

from .conftest import ROOT, json_lines

CITIES = ["OSLO", "LIMA", "ACCRA", "HANOI", "QUITO", "DAKAR", "RIGA", "SUVA"]
AGENCIES = ["AFP", "Reuters", "AP", "dpa"]
PEOPLE = ["Maria Lindqvist", "Tomas Okafor", "Ana Beltran", "Pieter de Wit", "Lena Sorensen"]
MONTHS = ["January", "March", "May", "July", "September", "November"]

META = "metadata"


def article(i: int) -> str:
    """A small hand-written wire story, different for every ``i``."""
    city, agency = CITIES[i % len(CITIES)], AGENCIES[i % len(AGENCIES)]
    person, month = PEOPLE[i % len(PEOPLE)], MONTHS[i % len(MONTHS)]
    day = 1 + i % 27
    return (
        f"{city}, {month} {day} ({agency}) - The harbour authority of {city.title()} reopened "
        f"the northern pier on Tuesday after {i % 9 + 2} weeks of repairs.\n\n"
        f'"We expect the first ferries next week," said {person}, who heads the authority. '
        f"The works cost {i + 3} million euros, officials said on {month} {day}.\n\n"
        f"{person.split()[-1]} added that traffic would grow by {i % 7 + 1} percent in 2025.\n"
    )


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    return path


# --- corpus readers ---------------------------------------------------------------------------


def test_corpus_kind_by_suffix():
    assert batch.corpus_kind("a/b.jsonl") == "jsonl"
    assert batch.corpus_kind("b.NDJSON.gz") == "jsonl"
    assert batch.corpus_kind("x.csv.gz") == "csv"
    assert batch.corpus_kind("x.tsv") == "tsv"
    assert batch.corpus_kind("x.txt") is None
    assert batch.corpus_kind("x.gz") is None


def test_iso_day_accepts_dates_and_datetimes_only():
    assert batch.iso_day("2020-04-27") == "2020-04-27"
    assert batch.iso_day(" 2020-04-27T10:00:00Z ") == "2020-04-27"
    assert batch.iso_day("2020-04-27T23:30:00+05:00") == "2020-04-27"
    for bad in ("27/04/2020", "2020-02-30", "", "yesterday", 20200427, None):
        assert batch.iso_day(bad) is None


def test_jsonl_records_become_items_with_line_sources(tmp_path):
    path = write_jsonl(
        tmp_path / "c.jsonl",
        [
            {"id": 7, "text": article(0), "day": "2021-03-04"},
            "",
            {"text": article(1)},
            "{not json",
            "[1, 2]",
            {"id": "x", "body": "no text here"},
            {"id": "y", "text": 42},
            {"id": "z", "text": article(2), "day": "someday"},
        ],
    )
    items = list(batch.iter_corpus(str(path), fields=Fields(date="day")))
    got = [(i.source.rsplit(":", 1)[1], i.id, i.error) for i in items]
    assert got == [
        ("1", "7", None),
        ("3", None, None),
        ("4", None, "not valid JSON: Expecting property name enclosed in double quotes (column 2)"),
        ("5", None, "not a JSON object"),
        ("6", "x", "no 'text' field"),
        ("7", "y", "field 'text' is not a string"),
        ("8", "z", None),
    ]
    assert items[0].date == "2021-03-04" and items[0].text == article(0)
    assert items[-1].date is None
    assert items[-1].warnings == ("field 'day': 'someday' is not a date",)


def test_csv_and_tsv_records_with_multiline_fields(tmp_path):
    rows = [["doc", "body", "published"], ["a1", article(3), "2022-06-01T08:00:00Z"]]
    rows += [["a2", article(4), ""]]
    for suffix, delimiter in (("csv", ","), ("tsv", "\t")):
        path = tmp_path / f"c.{suffix}"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, delimiter=delimiter).writerows(rows)
        fields = Fields(text="body", id="doc", date="published")
        items = list(batch.iter_corpus(str(path), fields=fields))
        assert [i.id for i in items] == ["a1", "a2"]
        assert [i.text for i in items] == [article(3), article(4)]
        assert [i.date for i in items] == ["2022-06-01", None]
        # The second record starts on the line after the first one's last (multi-line) line.
        assert items[0].source == f"{path}:2"
        assert items[1].source == f"{path}:{3 + article(3).count(chr(10))}"


def test_csv_without_the_text_column_is_one_error(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,body\n1,hello\n2,world\n", encoding="utf-8")
    (item,) = batch.iter_corpus(str(path))
    assert item.error == "no 'text' column (columns: id, body)"


def test_gzip_corpus_reads_like_the_plain_one_and_a_truncated_one_reports(tmp_path):
    records = [{"id": i, "text": article(i)} for i in range(5)]
    plain = write_jsonl(tmp_path / "c.jsonl", records)
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    strip = [(i.id, i.text, i.source.rsplit(":", 1)[1]) for i in batch.iter_corpus(str(plain))]
    assert strip == [
        (i.id, i.text, i.source.rsplit(":", 1)[1]) for i in batch.iter_corpus(str(packed))
    ]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed.read_bytes()[:-30])
    items = list(batch.iter_corpus(str(cut)))
    assert items[-1].error and items[-1].error.startswith("could not read to the end")


def test_non_utf8_and_bom_lines_are_decoded_with_a_warning(tmp_path):
    path = tmp_path / "c.jsonl"
    good = json.dumps({"id": 1, "text": "LIMA, May 2 (AP) - Rain."}).encode()
    bad = json.dumps({"id": 2, "text": "Caf\u00e9 opens."}, ensure_ascii=False).encode("cp1252")
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + bad + b"\n")
    one, two = batch.iter_corpus(str(path))
    assert one.error is None and one.warnings == ()
    assert two.text == "Caf\u00e9 opens." and "cp1252" in two.warnings[0]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400), suffix=st.sampled_from(["jsonl", "csv", "tsv"]))
def test_corpus_readers_never_raise(tmp_path, data, suffix):
    path = tmp_path / f"fuzz.{suffix}"
    path.write_bytes(data)
    for item in batch.iter_corpus(str(path)):
        assert item.error is not None or isinstance(item.text, str)
        assert item.source.startswith(str(path))


# --- the worker -------------------------------------------------------------------------------


def test_process_never_raises_and_adds_the_id_after_source():
    config = Config(sections=(META,))
    ok = batch.process(Item(source="c.jsonl:1", id="7", text=article(5)), config)
    data = json.loads(ok.output)
    assert list(data)[:3] == ["schema_version", "source", "id"]
    assert data["id"] == "7" and ok.error is None and ok.words > 10
    bad = batch.process(Item(source="gone.txt", path="/nonexistent/gone.txt"), config)
    assert json.loads(bad.output) == {"source": "gone.txt", "id": None, "error": "no such file"}
    assert bad.messages == ["gone.txt: no such file"]


def test_batch_output_validates_against_the_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from newscli.schema import ARTICLE_SCHEMA

    result = batch.process(Item(source="x:1", id="a", text=article(6)), Config(sections=(META,)))
    jsonschema.validate(json.loads(result.output), ARTICLE_SCHEMA)


def test_csv_rows_cover_each_section_with_article_id_and_source():
    data = {
        "source": "c.jsonl:3",
        "id": "a9",
        "quotes": [
            {
                "start": 5,
                "end": 20,
                "text": '"We go," she said',
                "kind": "direct",
                "speaker": "Ana Beltran",
                "speaker_id": "E1",
                "cue": {"start": 1, "end": 2, "text": "said"},
            }
        ],
        "entities": [
            {
                "id": "E1",
                "name": "Ana Beltran",
                "label": "PERSON",
                "aliases": ["Beltran"],
                "role": "minister",
                "count": 2,
                "mentions": [{"start": 30, "end": 41, "text": "Ana Beltran"}],
            }
        ],
        "timeline": [
            {
                "start": 50,
                "end": 57,
                "text": "Tuesday",
                "type": "DATE",
                "value": "2021-03-02",
                "mod": None,
                "anchor": {"begin": "2021-03-02", "end": "2021-03-02"},
            }
        ],
    }
    rows = list(
        csv.DictReader(
            io.StringIO(
                batch.csv_header() + batch.csv_rows(data, ("quotes", "entities", "timeline"))
            )
        )
    )
    assert [r["section"] for r in rows] == ["quote", "entity", "timex"]
    assert all(r["id"] == "a9" and r["source"] == "c.jsonl:3" for r in rows)
    assert rows[0]["speaker"] == "Ana Beltran" and rows[0]["cue"] == "said"
    assert rows[1]["type"] == "PERSON" and rows[1]["start"] == "30" and rows[1]["count"] == "2"
    assert rows[2]["value"] == "2021-03-02" and rows[2]["anchor_end"] == "2021-03-02"
    only = batch.csv_rows(data, ("timeline",))
    assert only.count("\n") == 1 and ",timex," in only


# --- the pool ---------------------------------------------------------------------------------


def test_pool_keeps_input_order_and_unordered_loses_nothing():
    config = Config(sections=(META,))
    items = [Item(source=f"a{i}", text=article(i)) for i in range(40)]
    items.insert(17, Item(source="broken", error="no such file"))
    inline = [r.output for r in batch.run(items, config, jobs=1)]
    pooled = [r.output for r in batch.run(items, config, jobs=2, chunk_size=3, inline_below=0)]
    assert pooled == inline
    loose = [r.output for r in batch.run(items, config, jobs=2, ordered=False, inline_below=0)]
    assert sorted(loose) == sorted(inline)


def test_inline_batch_collects_young_objects_less_often_and_restores_the_threshold():
    import gc

    config = Config(sections=(META,))
    items = [Item(source=f"a{i}", text=article(i)) for i in range(3)]
    before = gc.get_threshold()
    gc.set_threshold(700, *before[1:])
    try:
        seen = [gc.get_threshold()[0] for _ in batch.run(items, config, jobs=1)]
        assert seen == [batch.GC_YOUNG] * 3  # raised while the batch runs
        assert gc.get_threshold()[0] == 700  # and given back at the end
        results = batch.run(items, config, jobs=1)
        next(results)
        results.close()  # also when the caller stops early
        assert gc.get_threshold()[0] == 700
    finally:
        gc.set_threshold(*before)


class _KillWorker:
    """Unpickling this in a worker ends the worker abruptly (as the OOM killer would)."""

    def __reduce__(self):
        return (os._exit, (3,))


def test_a_dead_worker_costs_its_chunk_not_the_batch():
    config = Config(sections=(META,))
    items = [Item(source=f"a{i}", text=article(i)) for i in range(12)]
    items[4] = Item(source="killer", text=article(4), hints={"x": _KillWorker()})
    pickle.dumps(items[4])  # picklable in the parent: it only dies on the other side
    results = list(batch.run(items, config, jobs=2, chunk_size=1, inline_below=0))
    assert [r.source for r in results] == [i.source for i in items]
    assert results[4].error and "worker failed" in results[4].error
    assert [r.source for r in results if r.error] == ["killer"]  # the others were retried
    assert json.loads(results[4].output)["error"] == results[4].error


def test_a_script_read_from_stdin_runs_on_one_core_without_worker_tracebacks(tmp_path):
    """``python -`` cannot start spawned workers (they would re-import ``<stdin>``): the batch
    says so once and runs in the process, instead of every worker printing a traceback."""
    import subprocess
    import sys

    script = (
        "from newscli import batch\n"
        "from newscli.batch import Config, Item\n"
        "text = 'PARIS, May 3 (AFP) - Talks ended on Monday, officials said.'\n"
        "items = [Item(source=str(i), text=text) for i in range(120)]\n"
        "results = list(batch.run(items, Config(sections=('metadata',)), jobs=2))\n"
        "print(len(results), sum(r.error is not None for r in results))\n"
        "print(results[0].messages)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-"], input=script, capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "120 0"
    assert "worker processes could not start" in out.stdout
    assert "Traceback" not in out.stderr


# --- the command ------------------------------------------------------------------------------


@pytest.fixture()
def corpus(tmp_path) -> Path:
    records: list[dict | str] = [{"id": f"r{i}", "text": article(i)} for i in range(6)]
    records.insert(3, "{broken")
    return write_jsonl(tmp_path / "corpus.jsonl", records)


def test_batch_jsonl_order_error_records_and_exit_code(invoke, corpus):
    result = invoke("batch", corpus, "--sections", META, "--jobs", "1")
    assert result.exit_code == 1
    lines = json_lines(result.stdout)
    assert [o.get("id") for o in lines] == ["r0", "r1", "r2", None, "r3", "r4", "r5"]
    assert lines[3] == {
        "source": f"{corpus}:4",
        "id": None,
        "error": "not valid JSON: Expecting property name enclosed in double quotes (column 2)",
    }
    assert set(lines[0]) == {"schema_version", "source", "id", "metadata", "warnings"}
    err = result.stderr.splitlines()
    assert f"newscli: {corpus}:4: not valid JSON" in err[0]
    assert err[-1].startswith("newscli: 6 articles, 1 error in ")
    assert "articles/s" in err[-1]


def test_batch_equals_show_json_for_files_and_folders(invoke, tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for i in range(3):
        (folder / ("sub" if i else "") / f"s{i}.txt").write_text(article(i), encoding="utf-8")
    show = invoke("show", folder, "--json", "--date", "2021-05-06")
    got = invoke("batch", folder, "--date", "2021-05-06", "-q")
    assert got.exit_code == 0, got.stderr
    assert got.stdout == show.stdout and len(json_lines(got.stdout)) == 3
    assert got.stderr == ""


def test_batch_sections_and_per_record_dates(invoke, tmp_path):
    path = tmp_path / "c.tsv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["id", "text", "when"])
        w.writerow(["t1", article(7), "2023-02-14"])
        w.writerow(["t2", article(8), "2019-11-30T12:00:00Z"])
    result = invoke("batch", path, "--sections", "metadata,timeline", "--date-field", "when", "-q")
    assert result.exit_code == 0, result.stderr
    one, two = json_lines(result.stdout)
    assert (one["metadata"]["date"], two["metadata"]["date"]) == ("2023-02-14", "2019-11-30")
    assert "timeline" in one and "quotes" not in one and "entities" not in one
    assert (one["source"], one["id"]) == (f"{path}:2", "t1")


def test_batch_missing_input_and_usage_errors(invoke, tmp_path, corpus):
    result = invoke("batch", tmp_path / "nope.txt", corpus, "--sections", META, "-q")
    assert result.exit_code == 1
    first = json_lines(result.stdout)[0]
    assert first == {"source": str(tmp_path / "nope.txt"), "id": None, "error": "no such file"}
    assert invoke("batch", corpus, "--sections", "metadata,gossip").exit_code == 2
    assert invoke("batch", corpus, "--csv", "--sections", META).exit_code == 2
    assert invoke("batch", corpus, "--jobs", "0").exit_code == 2
    assert invoke("batch", corpus, "--scheduler", "threads").exit_code == 2  # needs -o FOLDER


def test_batch_csv_output_and_output_files(invoke, tmp_path, corpus):
    out = tmp_path / "rows.csv.gz"
    result = invoke("batch", corpus, "--csv", "--sections", "timeline", "-o", out, "-q")
    assert result.exit_code == 1 and result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(gzip.decompress(out.read_bytes()).decode())))
    assert {r["section"] for r in rows} == {"timex", "error"}
    assert {r["id"] for r in rows if r["section"] == "timex"} <= {f"r{i}" for i in range(6)}
    (error,) = [r for r in rows if r["section"] == "error"]
    assert error["source"] == f"{corpus}:4" and error["error"].startswith("not valid JSON")
    plain = tmp_path / "out.jsonl"
    assert invoke("batch", corpus, "--sections", META, "-o", plain, "-q").exit_code == 1
    assert len(plain.read_text(encoding="utf-8").splitlines()) == 7


def test_batch_reads_stdin(invoke):
    result = invoke("batch", "-", "--sections", META, "-q", input=article(9).encode())
    assert result.exit_code == 0, result.stderr
    (obj,) = json_lines(result.stdout)
    assert obj["source"] == "-" and "id" not in obj


# --- Dask -------------------------------------------------------------------------------------

HAVE_DASK = all(importlib.util.find_spec(m) for m in ("dask", "distributed"))


@pytest.mark.skipif(not HAVE_DASK, reason="dask[bag] and distributed are not installed")
def test_dask_blocks_keep_line_numbers(tmp_path):
    from newscli import dask as ndask

    path = write_jsonl(tmp_path / "c.jsonl", [{"id": i, "text": article(i)} for i in range(30)])
    config = Config(sections=(META,))
    parts = ndask.plan([str(path)], blocksize=2000)
    assert len(parts) > 3
    sources = [i.source for p in parts for i in ndask.part_items(p, Fields(), config.max_bytes)]
    assert sources == [i.source for i in batch.iter_corpus(str(path))]
    report = ndask.run(
        [str(path)], str(tmp_path / "out"), config=config, scheduler="sync", blocksize=2000
    )
    text = "".join(Path(f).read_text(encoding="utf-8") for f in report.files)
    assert text == "".join(
        r.output for r in batch.run(batch.iter_corpus(str(path)), config, jobs=1)
    )
    with pytest.raises(FileExistsError):
        ndask.run([str(path)], str(tmp_path / "out"), config=config, scheduler="sync")


@pytest.mark.skipif(not HAVE_DASK, reason="dask[bag] and distributed are not installed")
def test_dask_cluster_output_equals_batch_line_for_line(invoke, tmp_path):
    from distributed import LocalCluster

    folder = tmp_path / "files"
    folder.mkdir()
    for i in range(40):
        (folder / f"a{i:02d}.txt").write_text(article(i), encoding="utf-8")
    records: list[dict | str] = [{"id": i, "text": article(100 + i)} for i in range(60)]
    records[10] = "{oops"
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    out = tmp_path / "parts"
    expected = invoke("batch", folder, corpus, "--date", "2024-01-15", "-q", "-j", "2")
    assert expected.exit_code == 1
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        got = invoke(
            "batch",
            folder,
            corpus,
            "--date",
            "2024-01-15",
            "--scheduler",
            cluster.scheduler_address,
            "-o",
            out,
        )
    assert got.exit_code == 1
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) >= 2
    lines = "".join(p.read_text(encoding="utf-8") for p in parts)
    assert lines.splitlines() == expected.stdout.splitlines()
    assert len(lines.splitlines()) == 100
    assert "1 error" in got.stderr.splitlines()[-1]


def test_dask_missing_is_a_clear_error(invoke, monkeypatch, tmp_path, corpus):
    import sys

    monkeypatch.setitem(sys.modules, "dask", None)  # as if the extra were not installed
    result = invoke("batch", corpus, "--scheduler", "threads", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "pip install 'newscli[dask]'" in result.stderr


def test_an_oversized_line_is_skipped_without_being_held(tmp_path):
    path = tmp_path / "c.jsonl"
    huge = json.dumps({"id": "big", "text": "x" * (1 << 21)})
    write_jsonl(path, [{"id": "a", "text": article(1)}, huge, {"id": "b", "text": "y" * 150}])
    items = list(batch.iter_corpus(str(path), max_bytes=100))
    assert [(i.source.rsplit(":", 1)[1], i.error) for i in items] == [
        ("1", "text larger than 100 bytes"),
        ("2", "record larger than 100 bytes"),
        ("3", "text larger than 100 bytes"),
    ]
    csv_path = tmp_path / "c.csv"
    csv_path.write_text(f"id,text\n1,{'z' * (1 << 21)}\n2,fine\n", encoding="utf-8")
    (item,) = batch.iter_corpus(str(csv_path), max_bytes=100)
    assert item.error and "file abandoned" in item.error


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_quiet_silences_it(monkeypatch, corpus):
    from typer.testing import CliRunner

    from newscli import cli

    for var in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(var, raising=False)
    runner = CliRunner(env={"TERM": "xterm-256color", "COLUMNS": "100"})

    for quiet, expect_bar in ((False, True), (True, False)):
        err = _Terminal()
        monkeypatch.setattr(cli, "env", cli.Env(stderr=err, environ={}))
        args = ["batch", str(corpus), "--sections", META, "-j", "1", "--unordered"]
        result = runner.invoke(cli.app, args + (["-q"] if quiet else []))
        assert result.exit_code == 1
        assert len(json_lines(result.stdout)) == 7
        shown = err.getvalue()
        assert ("articles, 1 error in" in shown) is expect_bar
        assert ("/7" in shown and "━" in shown) is expect_bar  # done/total and the bar
        assert "not valid JSON" in shown  # errors are reported even with --quiet
