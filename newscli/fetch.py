"""Fetching an article by URL: one bounded HTTP GET, with every failure a one-line reason.

Standard library only (``urllib``), so a URL costs no extra dependency. Each fetch has a
timeout, a cap on the bytes read (the same ``--max-bytes`` as files), a limit on redirects (a
loop is refused), and a content-type check: a web page or plain text, nothing else. The charset
comes from the response's header when it names a known one; otherwise the reader sniffs the
page, as it does for a saved file. The User-Agent names newscli, so a site's logs say who read
it.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from typing import Any

from newscli import __version__

USER_AGENT = f"newscli/{__version__} (news article inspector)"
TIMEOUT = 20.0
MAX_REDIRECTS = 5
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


class FetchError(Exception):
    """A URL that could not be fetched as an article; ``str()`` is the one-line reason."""


def is_url(path: str) -> bool:
    """Does the user's input name a web address rather than a file?"""
    return path[:8].lower().startswith(("http://", "https://"))


class Fetched:
    """A fetched page: the final ``url`` (after redirects), its bytes, and what the response
    said of them (``content_type``, ``charset`` when known)."""

    __slots__ = ("charset", "content_type", "data", "url")

    def __init__(self, url: str, data: bytes, content_type: str, charset: str | None) -> None:
        self.url = url
        self.data = data
        self.content_type = content_type
        self.charset = charset


def _opener(max_redirects: int) -> Any:
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = max_redirects
        max_repeats = 1  # the same address twice is a loop

    return urllib.request.build_opener(Redirects)


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = 20_000_000,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    """GET ``url``; raises :class:`FetchError` with a one-line reason for anything that is not
    a web page or text of at most ``max_bytes`` bytes."""
    import socket  # here, not at import: the reader asks is_url() of every input
    import ssl
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _opener(max_redirects).open(request, timeout=timeout) as response:
            final = response.geturl()
            content_type = response.headers.get_content_type()
            if content_type not in _TEXT_TYPES:
                raise FetchError(f"not a web page or text (content type {content_type})")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"page too large ({int(length):,} bytes > {max_bytes:,} limit)")
            data = response.read(max_bytes + 1)
            charset = response.headers.get_content_charset()
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise FetchError(f"too many redirects (over {max_redirects}) or a loop") from None
        raise FetchError(f"HTTP {exc.code} {exc.reason}".strip()) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"timed out after {timeout:g} s") from None
        if isinstance(reason, ssl.SSLError):
            raise FetchError(f"TLS error: {reason}") from None
        raise FetchError(f"cannot connect: {reason}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except ValueError as exc:  # a malformed URL
        raise FetchError(f"not a valid URL: {exc}") from None
    except OSError as exc:
        raise FetchError(f"cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # http.client's protocol errors (a bad status line, ...)
        raise FetchError(f"bad HTTP response: {type(exc).__name__}") from None
    if len(data) > max_bytes:
        raise FetchError(f"page too large (over the {max_bytes:,}-byte limit)")
    if charset is not None:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None  # an unknown charset in the header: the page is sniffed instead
    return Fetched(final, data, content_type, charset)


def read_urls(
    urls: Iterable[str], *, max_bytes: int = 20_000_000, threads: int = 8, per_host: int = 2
) -> Iterator[tuple[str, Any]]:
    """Fetch and read many URLs concurrently, at most ``per_host`` at a time from one host;
    yields ``(url, Document | ReadError)`` in the order given. At most a few dozen pages are
    held ahead of the consumer, so a long list streams."""
    import threading
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlsplit

    from newscli.reader import ReadError, read_document

    lock = threading.Lock()
    hosts: dict[str, threading.Semaphore] = {}

    def one(url: str) -> tuple[str, Any]:
        host = urlsplit(url).netloc.lower()
        with lock:
            gate = hosts.setdefault(host, threading.Semaphore(per_host))
        with gate:
            try:
                return url, read_document(url, max_bytes=max_bytes)
            except ReadError as exc:
                return url, exc
            except Exception as exc:  # a bug must not cost the other pages
                return url, ReadError(f"could not read: {type(exc).__name__}: {exc}")

    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="newscli-fetch") as pool:
        pending: deque[Any] = deque()
        for url in urls:
            pending.append(pool.submit(one, url))
            if len(pending) >= 4 * threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def url_list(path: str, limit: int = 1_000_000) -> list[str] | None:
    """The URLs of a file that holds nothing else (one a line; blank lines and ``#`` comments
    allowed), or None when it is not such a file (an article, say)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(limit + 1)
    except OSError:
        return None
    if len(head) > limit:
        return None
    try:
        lines = head.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return None
    urls = [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]
    if not urls or not all(is_url(u) and " " not in u for u in urls):
        return None
    return urls
