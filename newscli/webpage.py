"""Web pages: the story's text and the page's own metadata, each with where it came from.

The main text comes from trafilatura, the field's reference extractor (measured against our own
on the HTML dev set: ``python bench/webpages.py``); what it keeps that a news reader does not want
(subscription prompts, ``Read more`` links, photo credits, copyright lines) is then set aside by
:mod:`newscli.chrome`. trafilatura and lxml are imported here, on the first HTML page, so a run
over plain-text articles never loads them.

The page's metadata is read from the parsed tree before the extractor prunes it: JSON-LD
(``NewsArticle``, ``Article`` ...), OpenGraph and ``<meta>`` tags, ``<time>`` elements, and
htmldate's search of the page as the last resort for the date. A date is taken only when it is
plausible (a real calendar date after 1800 and no later than tomorrow): CMS placeholders such as
``0001-01-01`` and ``1970-01-01`` are refused, and never fatal. ``date_source`` names where the
date was found.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from newscli.chrome import drop_chrome, printed_date
from newscli.dateline import AGENCIES, MONTH_RE, parse_date_value
from newscli.regex_cache import compile as compile_re

_WS_RE = compile_re(r"\s+")
# JSON-LD types that describe the article itself (a WebPage or an Organization does not)
_ARTICLE_TYPES = frozenset(
    """newsarticle article reportagenews analysisnewsarticle opinionnewsarticle
    backgroundnewsarticle reviewnewsarticle blogposting liveblogposting report
    scholarlyarticle techarticle socialmediaposting""".split()
)
# <meta> names and properties that carry the publication date, the most specific first
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "cxenseparse:recs:publishtime",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
    "twitter:creator",
)
# "By", "Article by", "Written by" before a byline's names
_BY_RE = compile_re(r"^(?:(?:article|written|story|posted|words|text)\s+)?by\b[:\s]*", re.I)
_TITLE_SEPARATORS = (" | ", " — ", " – ", " - ", " :: ", " « ", " » ")
# placeholders that content systems write when no date was set
_PLACEHOLDER_DAYS = frozenset(("1970-01-01", "1900-01-01", "0001-01-01"))


def plausible_date(iso: str, today: dt.date | None = None) -> bool:
    """A publication date a page can really have: after 1800, no later than tomorrow, and not
    a content system's placeholder (``0001-01-01``, ``1970-01-01``)."""
    if iso[:10] in _PLACEHOLDER_DAYS or not (iso[:4].isascii() and iso[:4].isdigit()):
        return False  # ("²０２０" are digits to str.isdigit, not to int)
    year = int(iso[:4])
    limit = (today or dt.date.today()) + dt.timedelta(days=1)
    if year <= 1800 or year > limit.year:
        return False
    if len(iso) >= 10:
        try:
            return dt.date.fromisoformat(iso[:10]) <= limit
        except ValueError:
            return False
    return True


def _date(value: Any) -> tuple[str, str] | None:
    """A plausible ISO date (and precision) from a page's date string, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    parsed = parse_date_value(value.strip()[:100])
    if parsed is None or not plausible_date(parsed[0]):
        return None
    return parsed


def _clean(s: Any) -> str:
    return _WS_RE.sub(" ", s).strip() if isinstance(s, str) else ""


# --- the page's metadata ----------------------------------------------------------------------


def _ld_objects(raw: str) -> Iterator[dict[str, Any]]:
    """Every JSON object in one JSON-LD block, ``@graph`` members included, in order."""
    try:
        data = json.loads(raw, strict=False)  # raw newlines inside strings are common
    except (ValueError, RecursionError):
        return
    todo: list[Any] = [data]
    seen = 0
    while todo and seen < 500:  # a page's own graph is small; a hostile one is cut here
        obj = todo.pop(0)
        seen += 1
        if isinstance(obj, list):
            todo.extend(obj)
        elif isinstance(obj, dict):
            yield obj
            if isinstance(obj.get("@graph"), list):
                todo.extend(obj["@graph"])


def _ld_types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    types = t if isinstance(t, list) else [t]
    return {x.lower() for x in types if isinstance(x, str)}


def _person_names(value: Any, nodes: dict[str, Any], depth: int = 0) -> list[str]:
    """Names in a JSON-LD ``author``: a string, a Person, a reference to a node of the graph
    (``{"@id": ...}``, as Yoast writes it) or a list of them."""
    if depth > 3:
        return []
    if isinstance(value, str):
        name = _clean(value)
        return [name] if name and not name.startswith(("http://", "https://", "/")) else []
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = nodes.get(value["@id"], {})
        return _person_names(value.get("name"), nodes, depth + 1)
    if isinstance(value, list):
        return [n for v in value[:20] for n in _person_names(v, nodes, depth + 1)]
    return []


def clean_title(title: str, site: str | None) -> str:
    """Drop a site name set before or after the headline: ``Headline | Site`` -> ``Headline``."""
    title = _clean(title)
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        first, _, rest = title.partition(sep)
        if site and tail.strip().lower() == site.lower():
            return head.strip()
        if site and first.strip().lower() == site.lower():
            return rest.strip()
        words = tail.split()
        if head and len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return head.strip()
    return title


class PageMeta:
    """What a page says about itself, each field with its source (``json-ld``, ``meta``,
    ``time``, ``htmldate``)."""

    __slots__ = (
        "_dated",
        "author",
        "author_source",
        "date",
        "date_source",
        "modified",
        "site",
        "title",
        "title_source",
        "url",
    )  # fmt: skip

    def __init__(self) -> None:
        self.title: str | None = None
        self.title_source: str | None = None
        self.date: str | None = None
        self.date_source: str | None = None
        self.modified: str | None = None
        self.author: str | None = None
        self.author_source: str | None = None
        self.site: str | None = None
        self.url: str | None = None
        self._dated: list[str] = []  # every date the page writes (for the local day)

    def hints(self) -> dict[str, Any]:
        """The fields that are set, as the reader's ``hints``."""
        out: dict[str, Any] = {}
        for key in self.__slots__:
            if key.startswith("_"):
                continue
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


def read_page_meta(tree: Any) -> PageMeta:
    """Title, dates, author and canonical URL from a parsed page (never raises)."""
    pm = PageMeta()
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content") or el.get("datetime") or ""
        if key and content.strip() and key not in meta:
            meta[key] = content.strip()
    pm.site = _clean(meta.get("og:site_name")) or None
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            pm.url = el.get("href").strip()
            break
    pm.url = pm.url or meta.get("og:url")

    # JSON-LD: the article object's headline, dates and author
    ld_title = ld_date = ld_modified = None
    ld_authors: list[str] = []
    objects = [
        obj
        for script in tree.iter("script")
        if "ld+json" in (script.get("type") or "").lower() and script.text
        for obj in _ld_objects(script.text)
    ]
    nodes = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    for obj in objects:
        if _ld_types(obj) & _ARTICLE_TYPES:
            ld_title = ld_title or _clean(obj.get("headline")) or None
            ld_date = ld_date or _date(obj.get("datePublished")) or _date(obj.get("dateCreated"))
            ld_modified = ld_modified or _date(obj.get("dateModified"))
            if not ld_authors:
                ld_authors = _person_names(obj.get("author"), nodes)
            if not pm.site and isinstance(obj.get("publisher"), dict):
                pm.site = _clean(obj["publisher"].get("name")) or None
    if not ld_authors:  # the author given on the page object ("WebPage") instead
        ld_authors = next(
            (n for n in (_person_names(o.get("author"), nodes) for o in objects) if n), []
        )

    pm._dated = [
        p[0]
        for p in (
            *(_date(el.get("datetime")) for el in tree.iter("time")),
            *(_date(meta.get(k)) for k in _DATE_META),
        )
        if p
    ]
    # the date: JSON-LD, then meta tags, then <time> elements
    if ld_date:
        pm.date, pm.date_source = ld_date[0], "json-ld"
    if pm.date is None:
        for key in _DATE_META:
            parsed = _date(meta.get(key))
            if parsed:
                pm.date, pm.date_source = parsed[0], "meta"
                break
    if pm.date is None:
        pm.date = _time_element_date(tree)
        pm.date_source = "time" if pm.date else None
    modified = ld_modified or next(
        (p for p in (_date(meta.get(k)) for k in _MODIFIED_META) if p), None
    )
    pm.modified = modified[0] if modified else None

    # the title: the headline a reader sees (the article's <h1>, or the page's only one), then
    # OpenGraph, the JSON-LD headline and <title>; the social and search titles are often
    # rewritten for sharing (measured on the HTML dev set: 0.93 of titles right in this order,
    # 0.85 with OpenGraph first)
    h1_els = [h for h in tree.iter("h1") if _clean(h.text_content())]
    article_els = [h for h in tree.xpath("//article//h1") if _clean(h.text_content())]
    h1s = [_clean(h.text_content()) for h in h1_els]
    in_article = [_clean(h.text_content()) for h in article_els]
    for value, source in (
        (in_article[0] if in_article else None, "h1"),
        (h1s[0] if len(h1s) == 1 else None, "h1"),
        (meta.get("og:title"), "meta"),
        (ld_title, "json-ld"),
        (meta.get("twitter:title"), "meta"),
    ):
        if value and _clean(value):
            pm.title, pm.title_source = clean_title(value, pm.site), source
            break
    if pm.title is None:
        title_el = tree.find(".//title")
        if title_el is not None and _clean(title_el.text_content()):
            pm.title = clean_title(title_el.text_content(), pm.site)
            pm.title_source = "title"

    # what the page prints under its headline: the stamp and the byline a reader sees there
    headline = _headline_element(h1_els, article_els, pm.title)
    under = _lines_after(tree, headline) if headline is not None else []
    if pm.date is None:
        stamps = (printed_date(line) for line in under)
        pm.date = next((d for d in stamps if d and len(d) >= 10 and plausible_date(d)), None)
        pm.date_source = "printed" if pm.date else None

    # the author: JSON-LD, meta tags, a rel=author link, the byline under the headline, then
    # trafilatura's search of the page's byline elements; the publisher is no author
    not_authors = {"", (pm.site or "").casefold(), "no author", "admin", "administrator"}
    ld_authors = [a for a in dict.fromkeys(ld_authors) if a.casefold() not in not_authors]
    listed = _split_names(_clean(next((meta[k] for k in _AUTHOR_META if meta.get(k)), "")))
    if ld_authors and len(listed) > len(ld_authors) and set(ld_authors) <= set(listed):
        ld_authors = listed  # the meta tag lists the same authors and more
    if ld_authors:
        pm.author, pm.author_source = _join_names(ld_authors), "json-ld"
    else:
        for key in _AUTHOR_META:
            v = _clean(meta.get(key))
            if v.casefold() not in not_authors and not v.startswith(("http", "/", "@")):
                pm.author, pm.author_source = v, "meta"
                break
    if pm.author is None:
        for a in tree.iter("a"):
            if "author" in (a.get("rel") or "").lower().split() and _clean(a.text_content()):
                pm.author, pm.author_source = _clean(a.text_content()), "link"
                break
    if pm.author is None:
        printed = _printed_byline(under)
        if printed and printed.casefold() not in not_authors:
            pm.author, pm.author_source = printed, "byline"
    if pm.author is None:
        found = _byline_element(tree)
        if found and found.casefold() not in not_authors:
            pm.author, pm.author_source = found, "byline"
    return pm


def _headline_element(h1s: list[Any], in_article: list[Any], title: str | None) -> Any:
    """The article's visible headline: its ``<h1>`` inside ``<article>``, else the ``<h1>``
    that reads as the page's title, else the page's only ``<h1>``."""
    if in_article:
        return in_article[0]
    key = (title or "").casefold()
    for h in h1s:
        text = _clean(h.text_content()).casefold()
        if key and (text == key or (len(key) >= 15 and key in text)):
            return h
    return h1s[0] if len(h1s) == 1 else None


# elements that start a new line of the rendered page; what a page hides or never shows
_BLOCK_TAGS = frozenset(
    """p div li ul ol h1 h2 h3 h4 h5 h6 br section header footer article figure figcaption
    table tr td blockquote aside nav address dl dt dd form hr main""".split()
)
_HIDDEN_TAGS = frozenset("script style noscript template svg button select iframe".split())


def _lines_after(tree: Any, headline: Any, limit: int = 1200, most: int = 8) -> list[str]:
    """The first short lines printed after the headline, up to the story's first paragraph
    (a line over 160 characters): where a page prints its time stamp and byline."""
    from lxml import etree

    out: list[str] = []
    after, size = False, 0
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, node in walker:
        tag = node.tag if isinstance(node.tag, str) else None
        if not after:
            if event == "end" and node is headline:
                after = True
                out.append("\n" + (node.tail or ""))
            continue
        if event == "start":
            if tag is None or tag in _HIDDEN_TAGS:
                walker.skip_subtree()  # (a comment's text is not printed either)
                continue
            piece = node.text or ""
        else:
            piece = node.tail or ""
        out.append(("\n" if tag in _BLOCK_TAGS else "") + piece)
        size += len(piece)
        if size > limit:
            break
    lines: list[str] = []
    for line in "".join(out).split("\n"):
        line = _clean(line)
        if len(line) > 160 or len(lines) >= most:
            break
        if line:
            lines.append(line)
    return lines


# a line that opens with a byline: "By Jane Doe", "ByJane Doe" (glued), "| By" then the name
# on the next line, "Posted on September 21, 2020 by Jane Doe", "Written by: Jane Doe"; not a
# credit inside a line ("© Provided by The Guardian")
_PRINTED_BY_RE = compile_re(
    r"(?:^|\|\s*)(?:(?i:posted|written|article|story|words|text|reporting)\b[^|]{0,40}?\s)?"
    r"[Bb]y(?:\s*[:|]\s*|\s+|(?=[A-Z]))"
    r"(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|del|van|von|der|al|bin|la|le)){0,4}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,4})"
)


# a blog's "by jdoe on December 4, 2006": a user name, often in lower case, before the date
_HANDLE_BY_RE = compile_re(
    rf"(?:^|\|\s*)[Bb]y\s+(?P<handle>[a-z][\w.-]{{1,29}})\s+on\s+(?:{MONTH_RE}|\d)",
)


def _printed_byline(lines: list[str]) -> str | None:
    """The names of a byline printed under the headline (``By Jane Doe``), or None."""
    if not lines:
        return None
    for line in lines[:2]:
        if line.casefold() in AGENCIES:  # a wire story's byline is its agency: "JIJI", "AFP"
            return line
    joined = " | ".join(lines[:6])
    handle = _HANDLE_BY_RE.search(joined)
    if handle is not None:
        return handle.group("handle")
    m = _PRINTED_BY_RE.search(joined)
    if m is None:
        return None
    names = m.group("names").strip()
    # words that end a byline's names: "Jane Doe Updated", "Jane Doe Published"
    names = re.split(r"\s+(?:Updated|Published|Posted|Last|Staff|Reporter)\b", names)[0]
    return names if any(c.islower() for c in names) or len(names) <= 4 else None


def _split_names(value: str) -> list[str]:
    """``April Roach, Daniel O'Mahony`` (or ``and``, ``&``, ``;``) as a list of names."""
    return [n.strip() for n in re.split(r"\s*(?:,|;|&|\band\b)\s*", value) if n.strip()]


def _join_names(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``: a byline as it is printed."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _byline_element(tree: Any) -> str | None:
    """The names in the page's byline elements (``class="author"``, ``itemprop="author"`` ...),
    as trafilatura finds them (its list of what bylines look like is the field's)."""
    try:
        from trafilatura.metadata import extract_author

        found = extract_author(tree)
    except Exception:  # a nicety: never costs the page
        return None
    if not found:
        return None
    names = [n for n in (_BY_RE.sub("", n).strip() for n in found.split(";")) if n]
    names = [n for n in names if any(w[:1].isupper() for w in n.split())]
    return _join_names(names) if names else None


def _time_element_date(tree: Any) -> str | None:
    """The first plausible ``<time datetime>``, preferring one marked as the publication."""
    first = None
    for el in tree.iter("time"):
        parsed = _date(el.get("datetime"))
        if parsed is None:
            continue
        marks = " ".join((el.get("itemprop") or "", el.get("class") or "", el.get("pubdate") or ""))
        if "publish" in marks.lower() or "pubdate" in marks.lower():
            return parsed[0]
        first = first or parsed[0]
    return first


# a time stamp in UTC before noon: in the Americas it is still the day before
_UTC_SMALL_HOURS_RE = compile_re(
    r"\d{4}-\d{2}-\d{2}T(?:0\d|1[01]):\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]00:?00)"
)


def _local_day(pm: PageMeta, html: str, url: str | None) -> str:
    """The page's date as its publisher's calendar has it. A content system stores the
    instant in UTC (``2023-11-09T05:30:59Z``) while the page prints the local day (November
    8): the day a story's "Tuesday" counts from. When the page itself, or htmldate's reading
    of it, dates the story the day before the UTC day, that date is taken."""
    date = pm.date or ""
    before = (dt.date.fromisoformat(date[:10]) - dt.timedelta(days=1)).isoformat()
    for other in pm._dated:
        if other[:10] == before:
            return other
    found = _htmldate(html, url)
    return found if found is not None and found[:10] == before else date


def _htmldate(html: str, url: str | None) -> str | None:
    """htmldate's reading of the page's date, when the page declares none."""
    try:
        from htmldate import find_date

        found = find_date(html, url=url, original_date=True, extensive_search=False)
    except Exception:  # the date is a nicety: a failure in the search costs nothing else
        return None
    parsed = _date(found) if found else None
    return parsed[0] if parsed else None


# --- the page -----------------------------------------------------------------------------------


def extract_page(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The story as text (headline, then paragraphs joined by blank lines) and the page's
    metadata as ``hints`` (``title``, ``date`` with ``date_source``, ``modified``, ``author``,
    ``site``, ``url``). Never raises for a malformed page: it yields what it can."""
    tree = _parse(html)
    pm = read_page_meta(tree) if tree is not None else PageMeta()
    paragraphs = _main_text(tree, url) if tree is not None else []
    if not paragraphs:
        from newscli.html_basic import extract_basic  # a page the extractor finds nothing in

        text, basic = extract_basic(html)
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        if pm.title is None and basic.get("title"):
            pm.title, pm.title_source = basic["title"], "h1"
    paragraphs, dropped = drop_chrome(paragraphs, title=pm.title)
    if pm.date is None:
        # a printed time stamp near the top ("Updated 10:55 AM ET, Mon September 25, 2017"),
        # to the day: a month alone is an archive link
        stamps = (printed_date(line) for i, kind, line in dropped if kind == "date" and i < 8)
        pm.date = next((d for d in stamps if d and len(d) >= 10 and plausible_date(d)), None)
        pm.date_source = "printed" if pm.date else None
    if pm.date is None and tree is not None:
        pm.date = _htmldate(html, url)
        pm.date_source = "htmldate" if pm.date else None
    elif pm.date is not None and _UTC_SMALL_HOURS_RE.fullmatch(pm.date):
        pm.date = _local_day(pm, html, url)
    if pm.title and paragraphs and pm.title_source != "h1" and _same_headline(paragraphs[0], pm):
        # the page's visible headline opens the text, worded apart from its sharing title
        pm.title, pm.title_source = paragraphs.pop(0), "h1"
    if pm.title:
        key = pm.title.casefold()
        paragraphs = [p for p in paragraphs if p.casefold() != key]
        paragraphs.insert(0, pm.title)
    return "\n\n".join(paragraphs), pm.hints()


_WORD_RE = compile_re(r"\w+")


def _same_headline(line: str, pm: PageMeta) -> bool:
    """Is ``line`` a headline (short, no closing full stop) that shares most of its words with
    the page's title? ``Coronavirus: New York ramps up mass burials amid outbreak`` against
    ``New York ramps up mass burials amid virus outbreak``."""
    if len(line) > 200 or line.rstrip()[-1:] in ".!?" or not pm.title:
        return False
    a = {w.casefold() for w in _WORD_RE.findall(line)}
    b = {w.casefold() for w in _WORD_RE.findall(pm.title)}
    return len(a) >= 3 and len(a & b) >= 0.6 * min(len(a), len(b))


def _parse(html: str) -> Any:
    """The page as an lxml tree, or None when it holds no element at all."""
    from trafilatura import bare_extraction  # noqa: F401 - a broken install fails here, loudly
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except Exception:  # lxml refuses some hostile inputs outright: nothing to read then
        return None


@cache
def _short_page_config() -> Any:
    """trafilatura's settings for a short page: below its minimum size of a main text (250
    characters) it hands the page to its whole-page fallback, which runs paragraphs together
    and keeps buttons and labels; a short story is read like a long one instead."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")
    return config


# A story of at least this many characters from trafilatura's fast reading is kept; a shorter
# one may be a page its main extractor misreads, and gets the full cascade (the comparison with
# readability and jusText). Measured on the HTML dev set (bench/webpages.py, compiled build):
# the cascade changed 5 of the 29 pages read under 2,000 characters, 4 of them under 600 and
# the fifth by 3 %; snippet F1 / full report speed: cascade on every page 0.961, at 2,000
# characters 0.963 / 38.7 pages/s, at 1,000 0.961 / 42.0, never 0.955 / 46.0.
_FAST_ENOUGH = 1000
_SHORT_PAGE = 250  # trafilatura's own minimum size of a main text


def _main_text(tree: Any, url: str | None) -> list[str]:
    """The main text's paragraphs, as trafilatura finds them: its fast reading first, then
    its full cascade for a short result, then, for a short page, a reading without its
    minimum size (each reading prunes the tree it is given, so each gets a pristine copy)."""
    try:
        from trafilatura import bare_extraction

        full = copy.deepcopy(tree)
        doc = bare_extraction(tree, url=url, include_comments=False, fast=True)
        text = getattr(doc, "text", None) if doc is not None else None
        if len(text or "") < _FAST_ENOUGH:
            short = copy.deepcopy(full) if len(full.text_content()) < 3000 else None
            doc = bare_extraction(full, url=url, include_comments=False)
            text = getattr(doc, "text", None) if doc is not None else text
            if short is not None and len(text or "") < _SHORT_PAGE:
                doc = bare_extraction(
                    short, url=url, include_comments=False, config=_short_page_config()
                )
                text = getattr(doc, "text", None) if doc is not None else text
    except Exception:  # the extractor's own failure on an odd page: fall back, do not crash
        return []
    if not text:
        return []
    return [p.strip() for p in text.split("\n") if p.strip()]
