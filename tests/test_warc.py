"""Web archives: WARC files built here, with warcio itself, from hand-written pages."""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscli import batch
from newscli.batch import Config
from newscli.warc import is_warc, read_warc

pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HAVE_DASK = all(importlib.util.find_spec(m) for m in ("dask", "distributed"))
CRAWLED = "2024-03-05T10:00:00Z"
CITIES = ["Lisbon", "Porto", "Braga", "Faro", "Evora", "Coimbra"]


def story(i: int, *, dated: bool = True) -> str:
    """A small news page, different for every ``i``; ``dated`` gives it its own JSON-LD date."""
    city = CITIES[i % len(CITIES)]
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"datePublished": "2024-02-{10 + i % 15:02d}T09:00:00Z"}}</script>'
        if dated
        else ""
    )
    return (
        f"<html><head><title>{city} opens a new tram line | Harbour Times</title>{ld}</head>"
        "<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article>"
        f"<h1>{city} opens a new tram line</h1>"
        f"<p>{city.upper()}, Feb 12 (Reuters) - The city of {city} opened its {i + 2}th tram "
        "line on Monday, after three years of works on the river front.</p>"
        "<p>“We have waited for this line since 2019,” said Marta Reis, who runs a bakery on "
        "the new route. The operator said trams would run every six minutes next week.</p>"
        "</article><footer><p>© 2024 Harbour Times.</p></footer></body></html>"
    )


def url(i: int) -> str:
    return f"https://news.example.org/{CITIES[i % len(CITIES)].lower()}/tram-{i}.html"


class Crawl:
    """Writes a web archive record by record, as a crawler would."""

    def __init__(self, path: Path, *, gz: bool = True) -> None:
        self.path = path
        self.fh = open(path, "wb")  # noqa: SIM115 - closed by close()
        self.writer = WARCWriter(self.fh, gzip=gz)

    def write(self, kind: str, target: str, body: bytes = b"", **kwargs) -> None:
        rec = self.writer.create_warc_record(
            target,
            kind,
            payload=io.BytesIO(body),
            warc_headers_dict={"WARC-Date": CRAWLED},
            **kwargs,
        )
        self.writer.write_record(rec)

    def request(self, target: str) -> None:
        head = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
        self.write("request", target, http_headers=head)

    def response(
        self,
        target: str,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        status: str = "200 OK",
        extra: list[tuple[str, str]] | None = None,
    ) -> None:
        headers = [("Content-Type", content_type), *(extra or [])]
        if not any(k == "Transfer-Encoding" for k, _ in headers):
            headers.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        self.write("response", target, body, http_headers=http)

    def page(self, i: int, *, dated: bool = True) -> None:
        self.request(url(i))
        self.response(url(i), story(i, dated=dated).encode("utf-8"))
        fields = b"fetchTimeMs: 120\r\n"
        self.write("metadata", url(i), fields, warc_content_type="application/warc-fields")

    def close(self) -> Path:
        self.fh.close()
        return self.path


def crawl(path: Path, pages: range | list[int], *, gz: bool = True) -> Path:
    c = Crawl(path, gz=gz)
    for i in pages:
        c.page(i)
    return c.close()


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


# --- reading ----------------------------------------------------------------------------------


def test_web_archives_are_corpus_files():
    assert batch.corpus_kind("crawl.warc.gz") == "warc"
    assert batch.corpus_kind("CRAWL.WARC") == "warc"
    assert is_warc("a/b.warc.gz") and not is_warc("b.warc.txt")


@pytest.mark.parametrize("gz", [True, False], ids=["gzip-per-record", "uncompressed"])
def test_each_html_response_is_one_article_and_the_rest_is_counted(invoke, tmp_path, gz):
    c = Crawl(tmp_path / ("c.warc.gz" if gz else "c.warc"), gz=gz)
    c.page(0)
    c.response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    c.response("https://news.example.org/gone.html", b"<html>gone</html>", status="404 Not Found")
    c.page(1)
    c.response("https://news.example.org/untyped", story(4).encode(), "application/octet-stream")
    c.response("https://news.example.org/blob", b"\x00\x01binary", "")
    c.response(
        "https://news.example.org/wire.txt",
        b"GENEVA, March 4 (AFP) - Talks resumed on Monday, the envoy said.\n",
        "text/plain; charset=utf-8",
    )
    path = c.close()
    result = invoke("batch", path, "-j", "1")
    assert result.exit_code == 0, result.stderr
    got = records(result)
    assert [r["source"] for r in got] == [
        url(0),
        url(1),
        "https://news.example.org/untyped",  # no type said: its first tag says HTML
        "https://news.example.org/wire.txt",
    ]
    for r in got:
        assert set(r["warc"]) == {"file", "offset", "record_id", "date"}
        assert r["warc"]["file"] == str(path) and r["warc"]["date"] == CRAWLED
        assert r["warc"]["record_id"].startswith("<urn:uuid:")
    assert got[0]["metadata"]["title"] == "Lisbon opens a new tram line"
    assert got[3]["metadata"]["dateline"]["place"] == "GENEVA"
    summary = result.stderr.splitlines()[-1]
    assert "4 articles, 0 errors" in summary
    assert "records skipped" in summary
    skips = ("2 request record", "2 metadata record", "not a web page (image/png)", "HTTP 404")
    for why in (*skips, "not a web page (no content type)"):
        assert why in summary


def test_a_page_in_an_archive_reads_as_the_same_page_saved_to_a_file(invoke, tmp_path):
    path = crawl(tmp_path / "c.warc.gz", [3])
    saved = tmp_path / "page.html"
    saved.write_text(story(3), encoding="utf-8")
    from_archive = records(invoke("batch", path, "-j", "1", "--include-text"))[0]
    from_file = json.loads(invoke("show", saved, "--json", "--include-text").stdout)
    for key in ("source", "warc"):
        from_archive.pop(key)
    from_file.pop("source")
    assert from_archive == from_file


def test_the_crawl_date_is_the_last_resort_for_the_publication_date(invoke, tmp_path):
    c = Crawl(tmp_path / "c.warc.gz")
    c.page(0, dated=False)
    c.page(1, dated=True)
    got = records(invoke("batch", c.close(), "-j", "1"))
    undated, dated = (r["metadata"] for r in got)
    assert (undated["date"], undated["date_source"]) == ("2024-03-05", "warc")
    assert dated["date"].startswith("2024-02-11") and dated["date_source"] == "json-ld"


def test_chunked_and_compressed_bodies_are_decoded(invoke, tmp_path):
    body = story(2).encode("utf-8")
    packed = gzip.compress(body)
    chunked = b"".join(
        b"%x\r\n%s\r\n" % (len(packed[i : i + 500]), packed[i : i + 500])
        for i in range(0, len(packed), 500)
    )
    c = Crawl(tmp_path / "c.warc")
    c.response(
        url(2),
        chunked + b"0\r\n\r\n",
        extra=[("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
    )
    got = records(invoke("batch", c.close(), "-j", "1"))
    assert got[0]["metadata"]["title"] == "Braga opens a new tram line"


@pytest.mark.parametrize("gz", [True, False], ids=["gzip-per-record", "uncompressed"])
def test_a_truncated_last_record_is_one_line_with_its_offset(invoke, tmp_path, gz):
    path = crawl(tmp_path / ("c.warc.gz" if gz else "c.warc"), range(3))
    data = path.read_bytes()
    last = max(e.offset for e in read_warc(io.BytesIO(data)) if e.uri == url(2) and not e.skip)
    path.write_bytes(data[: last + 400])  # the last page's response breaks off
    result = invoke("batch", path, "-j", "1")
    assert result.exit_code == 1
    got = records(result)
    assert [r["source"] for r in got] == [url(0), url(1), url(2)]
    assert "error" in got[2] and got[2]["warc"]["offset"] == last
    errors = [line for line in result.stderr.splitlines() if f"byte {last:,}" in line]
    assert len(errors) == 1 and str(path) in errors[0]


def test_reading_goes_on_after_a_damaged_gzip_member(invoke, tmp_path):
    path = crawl(tmp_path / "c.warc.gz", range(4))
    data = bytearray(path.read_bytes())
    entries = read_warc(io.BytesIO(bytes(data)))
    second = next(e.offset for e in entries if e.uri == url(1) and e.data)
    data[second + 30 : second + 90] = b"\x00" * 60  # inside the deflate stream of that record
    path.write_bytes(bytes(data))
    result = invoke("batch", path, "-j", "1")
    assert result.exit_code == 1
    got = records(result)
    ok = [r["source"] for r in got if "error" not in r]
    assert ok == [url(0), url(2), url(3)]
    assert sum("error" in r for r in got) == 1


def test_damaged_record_header_in_an_uncompressed_archive(invoke, tmp_path):
    path = crawl(tmp_path / "c.warc", range(3), gz=False)
    data = bytearray(path.read_bytes())
    at = next(e.offset for e in read_warc(io.BytesIO(bytes(data))) if e.uri == url(1))
    data[at : at + 8] = b"XXXXXXXX"  # the record's "WARC/1.x" line
    path.write_bytes(bytes(data))
    result = invoke("batch", path, "-j", "1")
    assert result.exit_code == 1
    got = records(result)
    # the damaged record is the request before the second page: its response is found again
    assert [r["source"] for r in got if "error" not in r] == [url(0), url(1), url(2)]
    assert [r["warc"]["offset"] for r in got if "error" in r] == [at]


def test_not_a_web_archive_and_an_empty_one(invoke, tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a crawl\n" * 5)
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    result = invoke("batch", junk, empty, "-j", "1")
    assert result.exit_code == 1
    (only,) = records(result)  # the empty archive holds no records: nothing to say of it
    assert only["source"] == str(junk) and only["error"].startswith("not a WARC file")
    assert result.stderr.count("not a WARC file") == 1
    assert "Traceback" not in result.stderr


def test_a_header_line_without_end_is_refused_not_read_whole(tmp_path):
    import zlib

    path = crawl(tmp_path / "c.warc.gz", [0])
    pack = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = pack.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: ")
    bomb += b"".join(pack.compress(b"A" * (1 << 20)) for _ in range(64)) + pack.flush()
    path.write_bytes(bomb + path.read_bytes())  # 64 MB of one line, then a good record
    with open(path, "rb") as fh:
        entries = list(read_warc(fh))
    assert "header line longer than" in (entries[0].error or "")
    assert [e.uri for e in entries if e.data] == [url(0)]


def test_an_oversized_page_is_refused_and_the_next_one_read(invoke, tmp_path):
    c = Crawl(tmp_path / "c.warc.gz")
    c.response(url(0), story(0).encode() + b"<!-- " + b"x" * 50_000 + b" -->")
    c.page(1)
    result = invoke("batch", c.close(), "-j", "1", "--max-bytes", "20000")
    assert result.exit_code == 1
    got = records(result)
    assert "larger than 20,000 bytes" in got[0]["error"]
    assert got[1]["source"] == url(1) and "error" not in got[1]


def test_without_warcio_the_extra_to_install_is_named(invoke, tmp_path, monkeypatch):
    path = crawl(tmp_path / "c.warc.gz", [0])
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    result = invoke("batch", path, "-j", "1")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any("pip install 'newscli[warc]'" in line for line in lines)
    assert "Traceback" not in result.stderr


def test_folders_of_archives_for_batch_but_not_for_show(invoke, tmp_path):
    folder = tmp_path / "crawls"
    folder.mkdir()
    crawl(folder / "a.warc.gz", [0, 1])
    crawl(folder / "b.warc", [2], gz=False)
    (folder / "note.txt").write_text("PARIS, May 2 (AFP) - Talks resumed, the envoy said.\n")
    got = records(invoke("batch", folder, "-j", "1"))
    assert [r["source"] for r in got] == [url(0), url(1), url(2), str(folder / "note.txt")]
    shown = invoke("show", folder, "--json")
    assert shown.exit_code == 0
    shown_sources = [json.loads(x)["source"] for x in shown.stdout.splitlines()]
    assert shown_sources == [str(folder / "note.txt")]
    named = invoke("show", folder / "a.warc.gz")
    assert named.exit_code == 1 and "newscli batch" in named.stderr


def test_overview_of_a_crawl(invoke, tmp_path):
    path = crawl(tmp_path / "c.warc.gz", range(6))
    result = invoke("overview", path, "--json", "-j", "1")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["articles"] == 6
    assert "12 records skipped" in result.stderr


def test_reading_streams_record_by_record(tmp_path):
    path = crawl(tmp_path / "c.warc.gz", range(300))

    class Counting(io.FileIO):
        most = 0

        def read(self, n=-1):
            data = super().read(n)
            Counting.most = max(Counting.most, self.tell())
            return data

    with Counting(str(path), "rb") as fh:
        entries = read_warc(fh)
        first = next(e for e in entries if e.data)
        assert first.uri == url(0)
        assert Counting.most < path.stat().st_size / 4  # only the head of the file was read


def test_an_archive_compressed_as_one_gzip_stream(invoke, tmp_path):
    plain = crawl(tmp_path / "c.warc", range(3), gz=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    got = records(invoke("batch", whole, "-j", "1"))
    assert [r["source"] for r in got] == [url(0), url(1), url(2)]
    assert [r["warc"]["offset"] for r in got] == [
        r["warc"]["offset"] for r in records(invoke("batch", plain, "-j", "1"))
    ]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    at=st.floats(min_value=0.0, max_value=1.0),
    junk=st.binary(min_size=1, max_size=64),
    kind=st.sampled_from(["member", "plain", "stream"]),
)
def test_damage_anywhere_never_raises(tmp_path, at, junk, kind):
    path = crawl(tmp_path / "d.warc", range(4), gz=kind == "member")
    data = path.read_bytes()
    if kind == "stream":
        data = gzip.compress(data)
    i = int(len(data) * at)
    damaged = data[:i] + junk + data[i + len(junk) :]
    entries = list(read_warc(io.BytesIO(damaged)))
    assert all((e.data is None) or e.uri for e in entries)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.floats(min_value=0.0, max_value=1.0), gz=st.booleans())
def test_any_truncation_keeps_every_whole_record_and_never_raises(tmp_path, cut, gz):
    path = crawl(tmp_path / f"t{int(gz)}.warc", range(5), gz=gz)
    data = path.read_bytes()
    whole = list(read_warc(io.BytesIO(data)))
    short = data[: int(len(data) * cut)]
    got = list(read_warc(io.BytesIO(short)))
    ends = [e.offset for e in whole[1:]] + [len(data)]
    kept = [e for e, end in zip(whole, ends, strict=True) if end <= len(short)]
    pages = [(e.uri, e.data) for e in got if e.data is not None]
    assert pages[: len([e for e in kept if e.data])] == [(e.uri, e.data) for e in kept if e.data]
    assert sum(e.error is not None for e in got) <= 1


# --- at scale ---------------------------------------------------------------------------------


@pytest.mark.skipif(not HAVE_DASK, reason="dask[bag] and distributed are not installed")
def test_dask_cluster_over_two_archives_matches_one_machine(invoke, tmp_path):
    from distributed import LocalCluster

    a = crawl(tmp_path / "a.warc.gz", range(0, 8))
    b = crawl(tmp_path / "b.warc", range(8, 14), gz=False)
    expected = invoke("batch", a, b, "-q", "-j", "2")
    assert expected.exit_code == 0
    out = tmp_path / "parts"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        got = invoke("batch", a, b, "--scheduler", cluster.scheduler_address, "-o", out)
    assert got.exit_code == 0, got.stderr
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == 2
    lines = "".join(p.read_text(encoding="utf-8") for p in parts).splitlines()
    assert lines == expected.stdout.splitlines()
    assert len(lines) == 14
    assert "28 records skipped" in got.stderr


def test_pool_of_two_workers_gives_the_one_worker_output(invoke, tmp_path):
    path = crawl(tmp_path / "c.warc.gz", range(120))
    one = invoke("batch", path, "-q", "-j", "1")
    two = invoke("batch", path, "-q", "-j", "2")
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) == 120


def test_batch_config_is_shared_by_the_archive_items(tmp_path):
    path = crawl(tmp_path / "c.warc.gz", [0])
    items = list(batch.iter_items([str(path)]))
    assert [i.skip for i in items] == ["request record", None, "metadata record"]
    result = batch.process(items[1], Config(sections=("metadata",)))
    assert json.loads(result.output)["warc"]["offset"] == items[1].warc["offset"]
