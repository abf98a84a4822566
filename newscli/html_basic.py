"""The standard library's reading of a web page: the fallback when the main extractor finds
no article (a very short page, or one lxml cannot parse).

Blocks of text in document order, kept to the ``<article>``/``<main>`` when the page marks one;
menus and link lists (blocks that are mostly link text) dropped; the ``<h1>`` first. Standard
library only, and hardened against hostile markup (:func:`_defuse`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from newscli.regex_cache import compile as compile_re

# Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    "script style noscript template svg math nav footer header aside form button select "
    "textarea iframe object embed canvas audio video figure figcaption menu dialog".split()
)
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre br hr tr td th table section "
    "article main address center caption".split()
)
_VOID_TAGS = frozenset(
    "br hr img meta link input source track wbr area base col embed param".split()
)
_WS_RE = compile_re(r"\s+")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "cxenseparse:recs:publishtime",
)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")


class _ExtractorMethods:
    """Collects text blocks, the headline, and meta data from one page (never fails).

    The methods of an ``html.parser.HTMLParser`` subclass made by :func:`_extractor`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # type: ignore[call-arg]
        self.skip: list[str] = []
        self.blocks: list[tuple[str, bool, int, int]] = []  # text, in_article, link_chars, order
        self.buf: list[str] = []
        self.link_chars = 0
        self.article_depth = 0
        self.in_a = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.in_time: str | None = None
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.ld_buf: list[str] | None = None
        self.times: list[str] = []
        self.rel_author: list[str] | None = None
        self.rel_authors: list[str] = []
        self.pre = 0
        self.stack: list[str] = []

    # helpers
    def flush(self) -> None:
        if self.buf:
            raw = "".join(self.buf)
            txt = raw.strip() if self.pre else _WS_RE.sub(" ", raw).strip()
            if txt:
                self.blocks.append((txt, self.article_depth > 0, self.link_chars, len(self.blocks)))
        self.buf = []
        self.link_chars = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            content = a.get("content", "").strip()
            if key and content and key not in self.meta:
                self.meta[key] = content
            return
        if tag == "script":
            if "ld+json" in a.get("type", "").lower():
                self.ld_buf = []
            self.skip.append(tag)
            return
        if tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"].strip())
        if tag == "a" and "author" in a.get("rel", "").lower().split():
            self.rel_author = []
        if a.get("itemprop", "").lower() == "datepublished" and a.get("datetime"):
            self.meta.setdefault("datepublished", a["datetime"].strip())
        if tag == "title":
            self.in_title = True
        if tag == "h1" and self.h1 is None:
            self.h1_parts = []
        if tag in _SKIP_TAGS or self.skip:
            if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
                self.skip.append(tag)
            return
        marks_article = tag in ("article", "main") or a.get("itemprop", "").lower() == "articlebody"
        if marks_article and tag not in _VOID_TAGS:
            self.article_depth += 1
            self.stack.append(tag)
        if tag == "pre":
            self.pre += 1
        if tag == "a":
            self.in_a += 1
        if tag in _BLOCK_TAGS and not self.skip:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS or tag == "meta":
            if tag == "meta":
                self.handle_starttag(tag, attrs)
            return
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == "script" and self.skip[-1] == "script" and self.ld_buf is not None:
                self.jsonld.append("".join(self.ld_buf))
                self.ld_buf = None
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            if tag == "h1" and self.h1_parts is not None:
                self._end_h1()
            if tag == "a" and self.rel_author is not None:
                self._end_rel_author()
            if tag == "title":
                self.in_title = False
            return
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.h1_parts is not None:
            self._end_h1()
        if tag == "a":
            self.in_a = max(0, self.in_a - 1)
            if self.rel_author is not None:
                self._end_rel_author()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in self.stack:
            while self.stack:
                top = self.stack.pop()
                self.article_depth = max(0, self.article_depth - 1)
                if top == tag:
                    break
        if tag in _BLOCK_TAGS:
            self.flush()

    def _end_h1(self) -> None:
        txt = _WS_RE.sub(" ", "".join(self.h1_parts or [])).strip()
        self.h1_parts = None
        if txt:
            self.h1 = txt

    def _end_rel_author(self) -> None:
        txt = _WS_RE.sub(" ", "".join(self.rel_author or [])).strip()
        self.rel_author = None
        if txt:
            self.rel_authors.append(txt)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.rel_author is not None:
            self.rel_author.append(data)
        if self.skip:
            if self.ld_buf is not None:
                self.ld_buf.append(data)
            return
        if self.in_title:
            return
        self.buf.append(data)
        if self.in_a:
            self.link_chars += len(data.strip())

    def close(self) -> None:
        try:
            super().close()  # type: ignore[misc]
        finally:
            self.flush()


@cache
def _extractor() -> type:
    """The page parser class, made on first use: ``html.parser`` (with ``html.entities``) costs
    ~10 ms to import, which plain-text input never needs."""
    from html.parser import HTMLParser

    return type("_Extractor", (_ExtractorMethods, HTMLParser), {})


def _ld_objects(raw: str) -> Iterator[dict[str, Any]]:
    import json  # only HTML pages with JSON-LD need it

    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return
    todo: list[Any] = [data]
    while todo:
        obj = todo.pop(0)
        if isinstance(obj, list):
            todo.extend(obj)
        elif isinstance(obj, dict):
            yield obj
            if isinstance(obj.get("@graph"), list):
                todo.extend(obj["@graph"])


def _ld_author(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        name = value.get("name")
        return name.strip() if isinstance(name, str) and name.strip() else None
    if isinstance(value, list):
        names = [n for n in (_ld_author(v) for v in value) if n]
        return ", ".join(names) if names else None
    return None


def _clean_title(title: str) -> str:
    """Drop a site name appended to a <title>: ``Headline | Site`` -> ``Headline``."""
    for sep in (" | ", " — ", " – ", " - ", " :: "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            words = tail.split()
            if head and len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
                return head.strip()
    return title.strip()


def _defuse(html: str) -> str:
    """Escape every ``<`` that opens a construct never closed later in the page.

    ``html.parser`` rescans to the end of the input for each unterminated comment, declaration
    or tag, which is quadratic on hostile pages (``"<a" * 100_000``). A construct is closed iff
    its terminator occurs after it, which the last occurrence of each terminator answers in O(1),
    so this pass is linear; well-formed pages come out unchanged."""
    last_gt = html.rfind(">")
    last_comment = html.rfind("-->")
    last_cdata = html.rfind("]]>")
    out: list[str] = []
    pos = 0
    i = html.find("<")
    while i >= 0:
        if html.startswith("<!--", i):
            closed = last_comment >= i + 4
        elif html.startswith("<![", i):
            closed = last_cdata > i
        else:
            closed = last_gt > i
        if not closed:
            out.append(html[pos:i])
            out.append("&lt;")
            pos = i + 1
        i = html.find("<", i + 1)
    if not out:
        return html
    out.append(html[pos:])
    return "".join(out)


def extract_basic(html: str) -> tuple[str, dict[str, Any]]:
    """Article text (headline, then paragraphs joined by blank lines) and meta hints.

    Standard library parser only: no network, no entity expansion beyond HTML's own character
    references; script/style/nav/header/footer/aside/form content and comments are dropped.
    When the page marks its article (``<article>``, ``<main>``, ``itemprop=articleBody``) only
    that is kept; blocks that are mostly link text (menus, related-story lists) are dropped."""
    p = _extractor()()
    try:
        p.feed(_defuse(html))
        p.close()
    except Exception:  # html.parser is tolerant, but never let a page crash the reader
        p.flush()
    blocks = p.blocks
    if any(in_art for _, in_art, _, _ in blocks):
        blocks = [b for b in blocks if b[1]]
    paras = [t for t, _, links, _ in blocks if not (links and links >= 0.8 * len(t))]
    hints: dict[str, Any] = {}
    ld_title = ld_date = ld_author = None
    for raw in p.jsonld:
        for obj in _ld_objects(raw):
            if ld_date is None and isinstance(obj.get("datePublished"), str):
                ld_date = obj["datePublished"].strip()
            if ld_author is None and obj.get("author") is not None:
                ld_author = _ld_author(obj.get("author"))
            if ld_title is None and isinstance(obj.get("headline"), str):
                ld_title = obj["headline"].strip()
    title_tag = _WS_RE.sub(" ", "".join(p.title_parts)).strip()
    title = (
        p.meta.get("og:title")
        or p.h1
        or ld_title
        or p.meta.get("twitter:title")
        or (_clean_title(title_tag) if title_tag else None)
    )
    if title:
        hints["title"] = _WS_RE.sub(" ", title).strip()
    date = None
    for key in _DATE_META:
        if p.meta.get(key):
            date = p.meta[key]
            break
        if key == "article:published_time" and ld_date:
            date = ld_date
            break
    date = date or ld_date or (p.times[0] if p.times else None)
    if date:
        hints["date"] = date
    author = None
    for key in _AUTHOR_META:
        v = p.meta.get(key, "")
        if v and not v.startswith(("http://", "https://", "/")):
            author = v
            break
    author = author or ld_author or (p.rel_authors[0] if p.rel_authors else None)
    if author:
        hints["author"] = author
    if p.h1:
        paras = [t for t in paras if t != p.h1]
        paras.insert(0, p.h1)
    return "\n\n".join(paras), hints
