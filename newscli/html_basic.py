"""The standard library's reading of a web page: the fallback when the main extractor finds
no article (a very short page, or one lxml cannot parse).

Blocks of text in document order, kept to the ``<article>``/``<main>`` when the page marks one;
menus and link lists (blocks that are mostly link text) dropped; the ``<h1>`` first. Standard
library only, and hardened against hostile markup (:func:`_defuse`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from newscli.regex_cache import compile as compile_re
from newscli.webpage import clean_title

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


class _ExtractorMethods:
    """Collects text blocks, the headline and the meta tags of one page (never fails).

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
        self.meta: dict[str, str] = {}
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
            self.skip.append(tag)
            return
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
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            if tag == "h1" and self.h1_parts is not None:
                self._end_h1()
            if tag == "title":
                self.in_title = False
            return
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.h1_parts is not None:
            self._end_h1()
        if tag == "a":
            self.in_a = max(0, self.in_a - 1)
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

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.skip:
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
    """Article text (headline, then paragraphs joined by blank lines) and the ``title`` hint
    (the page's metadata is :mod:`newscli.webpage`'s to read).

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
    title_tag = _WS_RE.sub(" ", "".join(p.title_parts)).strip()
    title = p.meta.get("og:title") or p.h1 or (clean_title(title_tag, None) if title_tag else None)
    if title:
        hints["title"] = _WS_RE.sub(" ", title).strip()
    if p.h1:
        paras = [t for t in paras if t != p.h1]
        paras.insert(0, p.h1)
    return "\n\n".join(paras), hints
