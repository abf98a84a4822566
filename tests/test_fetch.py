"""Articles by URL, against a local HTTP server started inside each test (never the internet)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newscli import fetch as fetch_mod
from newscli.fetch import FetchError, fetch, is_url, read_urls, url_list

PAGE = (
    "<html><head><title>Ferry line opens | Harbour Post</title>"
    '<meta property="article:published_time" content="2022-06-02T08:30:00+02:00"></head>'
    "<body><article><h1>Ferry line opens</h1>"
    "<p>OSLO, June 2 (Reuters) - A new ferry line opened on Thursday between the city and "
    "the islands, the operator said, a year after the old one closed.</p>"
    "<p>“The islands are ours again,” said Kari Nordmann, who runs the cafe on the pier.</p>"
    "</article></body></html>"
)
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send(self, code: int, body: bytes, ctype: str, extra: dict[str, str] | None = None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/story.html":
            self.send(200, PAGE.encode(), "text/html; charset=utf-8")
        elif path == "/latin1.html":
            body = PAGE.replace("cafe", "café").encode("latin-1", errors="replace")
            self.send(200, body, "text/html; charset=iso-8859-1")
        elif path == "/bad-charset.html":
            self.send(200, PAGE.replace("cafe", "café").encode(), "text/html; charset=no-such")
        elif path == "/story.txt":
            body = b"date 2022-06-02\n\nOSLO, June 2 (Reuters) - A ferry line opened on Thursday."
            self.send(200, body, "text/plain")
        elif path == "/moved":
            self.send(301, b"", "text/html", {"Location": "/story.html"})
        elif path == "/loop":
            self.send(302, b"", "text/html", {"Location": "/loop"})
        elif path.startswith("/hop"):
            n = int(path[4:] or 0)
            self.send(302, b"", "text/html", {"Location": f"/hop{n + 1}"})
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif path == "/big.html":
            self.send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        elif path == "/slow.html":
            time.sleep(3)
            self.send(200, PAGE.encode(), "text/html")
        else:
            self.send(404, b"not here", "text/plain")


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://x")
    assert not is_url("story.txt") and not is_url("-") and not is_url("ftp://x")


def test_fetch_follows_a_redirect_and_names_itself(server: str) -> None:
    page = fetch(server + "/moved")
    assert page.url == server + "/story.html"
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert SEEN_AGENTS[-1].startswith("newscli/")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/nothing", "HTTP 404"),
        ("/loop", "redirect"),
        ("/hop0", "redirect"),
        ("/image.png", "content type image/png"),
        ("/big.html", "too large"),
    ],
)
def test_fetch_failures_are_one_line(server: str, path: str, reason: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(server + path, max_bytes=1000)
    assert reason in str(info.value) and "\n" not in str(info.value)


def test_fetch_times_out(server: str) -> None:
    t0 = time.perf_counter()
    with pytest.raises(FetchError, match="timed out"):
        fetch(server + "/slow.html", timeout=0.5)
    assert time.perf_counter() - t0 < 2.5


def test_cannot_connect_is_one_line() -> None:
    with pytest.raises(FetchError, match="cannot connect"):
        fetch("http://127.0.0.1:9/", timeout=2)


def test_charset_from_the_header_and_a_bad_one_sniffed(server: str) -> None:
    from newscli.reader import read_document

    assert "café" in read_document(server + "/latin1.html").text
    assert "café" in read_document(server + "/bad-charset.html").text


def test_show_a_url(invoke, server: str) -> None:
    result = invoke("show", server + "/moved", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == server + "/story.html"  # the final URL
    assert data["metadata"]["title"] == "Ferry line opens"
    assert data["metadata"]["date_source"] == "meta"
    assert data["metadata"]["dateline"]["place"] == "OSLO"


def test_quotes_over_urls_and_a_failure(invoke, server: str, tmp_path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("OSLO, June 2 (Reuters) - “It is open,” said Kari Nordmann.", "utf-8")
    result = invoke("quotes", server + "/story.html", server + "/gone", str(good), "--json")
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["source"] for x in lines] == [server + "/story.html", str(good)]
    errors = [e for e in result.stderr.splitlines() if "/gone" in e]
    assert len(errors) == 1 and "HTTP 404" in errors[0]


def test_url_list_file(tmp_path) -> None:
    f = tmp_path / "urls.txt"
    f.write_text("# morning\nhttps://a.example/1\n\nhttps://b.example/2\n", "utf-8")
    assert url_list(str(f)) == ["https://a.example/1", "https://b.example/2"]
    f.write_text("https://a.example/1\nA line of prose.\n", "utf-8")
    assert url_list(str(f)) is None


def test_read_urls_keeps_order_and_limits_each_host(server: str, monkeypatch) -> None:
    from newscli import reader

    active: dict[str, int] = {}
    peak: dict[str, int] = {}
    lock = threading.Lock()
    real = reader.read_document

    def counting(url: str, **kw: object):
        host = url.split("/")[2]
        with lock:
            active[host] = active.get(host, 0) + 1
            peak[host] = max(peak.get(host, 0), active[host])
        try:
            time.sleep(0.05)
            return real(url, **kw)
        finally:
            with lock:
                active[host] -= 1

    monkeypatch.setattr(reader, "read_document", counting)
    urls = [server + ("/story.html" if i % 3 else "/gone") for i in range(12)]
    got = list(read_urls(urls, threads=6, per_host=2))
    assert [u for u, _ in got] == urls
    assert peak[server.split("/")[2]] == 2
    assert sum(isinstance(d, reader.ReadError) for _, d in got) == 4


def test_batch_reads_a_file_of_urls(invoke, server: str, tmp_path) -> None:
    f = tmp_path / "urls.txt"
    f.write_text(f"{server}/story.html\n{server}/story.txt\n{server}/image.png\n", "utf-8")
    result = invoke("batch", str(f), "--jobs", "1")
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["source"] for x in lines] == [
        server + "/story.html",
        server + "/story.txt",
        server + "/image.png",
    ]
    assert lines[1]["metadata"]["date"] == "2022-06-02"
    assert "content type image/png" in lines[2]["error"]


def test_user_agent_names_the_version() -> None:
    from newscli import __version__

    assert fetch_mod.USER_AGENT.startswith(f"newscli/{__version__}")
