"""Web pages: main text, page chrome, and the page's own metadata (hand-written pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from newscli import inspect
from newscli.chrome import chrome_kind, drop_chrome, printed_date
from newscli.webpage import extract_page, plausible_date

BODY = (
    "<p>LISBON, March 3 (Reuters) - Portugal's tram operator said on Tuesday it would "
    "replace its oldest cars by 2027, after a winter of breakdowns on the hill routes.</p>"
    "<p>The operator said the new trams would be built in Spain and tested on the river line "
    "before they carry passengers through the old town.</p>"
    "<p>“We cannot keep patching cars that are older than most of our drivers,” said "
    "Marta Reis, the company's chief engineer.</p>"
)


def page(head: str = "", body: str = BODY, extra: str = "") -> str:
    return (
        f"<html><head><title>Lisbon to replace old trams | Harbour Times</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article>"
        f"<h1>Lisbon to replace old trams</h1>{body}{extra}</article>"
        "<footer><p>© 2024 Harbour Times. All rights reserved.</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Read more: Why the hill trams keep failing", "label"),
        ("Related: Porto buys electric buses", "label"),
        ("Subscribe to our morning newsletter for the day's top stories.", "prompt"),
        ("Follow The Harbour Times on Twitter and Instagram.", "prompt"),
        ("This article is the copyrighted property of Harbour Times.", "prompt"),
        ("We may earn a commission when you buy through links on this page.", "prompt"),
        ("Share | Tweet | Email", "share"),
        ("12 Comments", "share"),
        ("Category: Transport", "label"),
        ("Photo: Ana Costa/Harbour Times", "label"),
        ("A tram climbs the Bica hill in Lisbon. REUTERS/Ana Costa", "credit"),
        ("Updated 10:55 AM ET, Mon September 25, 2017", "date"),
        ("January 13, 2019", "date"),
        ("3 min read", "prompt"),
    ],
)
def test_chrome_lines(line: str, kind: str) -> None:
    assert chrome_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The operator said the new trams would be built in Spain.",
        "Subscribers to the city's transit pass rose by a fifth last year, the operator said, "
        "and the newsletter it sends to them now reaches more readers than the local paper, "
        "which has cut its own print run twice since the pandemic and moved most of its "
        "reporting online, where it charges for access.",
        "“We cannot keep patching cars,” said Marta Reis.",
        "Share prices of the builder rose 4% on the news.",
    ],
)
def test_story_lines_are_not_chrome(line: str) -> None:
    assert chrome_kind(line) is None


def test_drop_chrome_keeps_order_and_the_title() -> None:
    paras = ["Read more: x", "Headline", "First.", "Share", "Second."]
    kept, dropped = drop_chrome(paras, title="Headline")
    assert kept == ["Headline", "First.", "Second."]
    assert dropped == [(0, "label", "Read more: x"), (3, "share", "Share")]


def test_printed_date() -> None:
    assert printed_date("Published on March 30, 2020") == "2020-03-30"
    assert printed_date("The vote is on March 30, 2020, officials said") is None


def test_page_text_drops_chrome_and_starts_with_the_headline() -> None:
    extra = (
        "<p>Read more: Porto buys electric buses</p>"
        "<p>Subscribe to our newsletter for the day's top stories.</p>"
    )
    text, hints = extract_page(page(extra=extra))
    paras = text.split("\n\n")
    assert paras[0] == "Lisbon to replace old trams"
    assert paras[1].startswith("LISBON, March 3 (Reuters)")
    for junk in ("Read more", "Subscribe", "Home", "rights reserved"):
        assert junk not in text
    assert hints["title"] == "Lisbon to replace old trams"


@pytest.mark.parametrize(
    ("iso", "ok"),
    [
        ("2020-04-27", True),
        ("2020-04-27T10:00:00+03:00", True),
        ("0001-01-01T00:00:00Z", False),
        ("1970-01-01", False),
        ("1700-05-01", False),
        ("2031-01-01", False),
        ("2024-12-08", True),  # tomorrow
        ("2024-12-09", False),
    ],
)
def test_plausible_date(iso: str, ok: bool) -> None:
    assert plausible_date(iso, today=dt.date(2024, 12, 7)) is ok


LD = '<script type="application/ld+json">{}</script>'


def test_json_ld_date_and_author_with_provenance() -> None:
    ld = LD.format(
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", '
        '"datePublished": "2001-01-01"}, {"@type": "NewsArticle", "headline": "Trams", '
        '"datePublished": "2024-03-03T09:00:00Z", "dateModified": "2024-03-04T10:00:00Z", '
        '"author": [{"@type": "Person", "name": "Ana Costa"}, {"name": "Rui Lopes"}]}]}'
    )
    _text, hints = extract_page(page(head=ld))
    assert hints["date"] == "2024-03-03T09:00:00Z" and hints["date_source"] == "json-ld"
    assert hints["modified"] == "2024-03-04T10:00:00Z"
    assert hints["author"] == "Ana Costa and Rui Lopes" and hints["author_source"] == "json-ld"


def test_placeholder_date_is_refused_and_never_fatal() -> None:
    ld = LD.format('{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}')
    meta = '<meta property="article:published_time" content="2024-03-03">'
    _text, hints = extract_page(page(head=ld + meta))
    assert (hints["date"], hints["date_source"]) == ("2024-03-03", "meta")
    _text, hints = extract_page(page(head=ld))
    assert "date" not in hints or hints["date"] != "0001-01-01"
    text, hints = extract_page(page(head=ld))
    article = inspect(text, hints=hints, source="p.html")
    assert article.metadata.title == "Lisbon to replace old trams"
    assert "Marta Reis" in [q.speaker for q in article.quotes]


def test_time_element_marked_as_publication() -> None:
    extra = (
        '<p>Updated <time datetime="2024-03-05">March 5</time></p>'
        '<p class="x"><time class="published" datetime="2024-03-03T08:00">March 3</time></p>'
    )
    _text, hints = extract_page(page(extra=extra))
    assert hints["date"].startswith("2024-03-03") and hints["date_source"] == "time"


def test_printed_time_stamp_is_the_date_when_the_page_declares_none() -> None:
    extra = "<p>Updated 10:55 AM ET, Mon March 4, 2024</p>"
    text, hints = extract_page(page(body=BODY.replace("<p>", extra + "<p>", 1)))
    assert (hints["date"], hints["date_source"]) == ("2024-03-04", "printed")
    assert "10:55" not in text


def test_site_name_is_cut_from_the_title() -> None:
    head = '<meta property="og:site_name" content="Harbour Times">'
    html = page(head=head).replace("<h1>Lisbon to replace old trams</h1>", "")
    _text, hints = extract_page(html)
    assert hints["title"] == "Lisbon to replace old trams"


def test_json_ld_author_by_reference_and_raw_newlines() -> None:
    ld = LD.format(
        '{"@graph": [{"@type": "Article", "headline": "Trams\nreturn", '
        '"author": {"@id": "#p1"}}, {"@type": "Person", "@id": "#p1", "name": "Ana Costa"}]}'
    )
    _text, hints = extract_page(page(head=ld))
    assert hints["author"] == "Ana Costa"


def test_publisher_named_as_author_is_no_author() -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta name="author" content="Harbour Times">'
    )
    _text, hints = extract_page(page(head=head))
    assert hints.get("author") != "Harbour Times"


def test_visible_headline_wins_over_the_sharing_title() -> None:
    head = '<meta property="og:title" content="You will not believe these trams">'
    _text, hints = extract_page(page(head=head))
    assert (hints["title"], hints["title_source"]) == ("Lisbon to replace old trams", "h1")


def test_utc_small_hours_take_the_local_day_the_page_prints() -> None:
    ld = LD.format('{"@type": "NewsArticle", "datePublished": "2023-11-09T05:30:59Z"}')
    extra = '<p><time datetime="2023-11-08T23:30:59">Nov. 8, 2023</time></p>'
    _text, hints = extract_page(page(head=ld, extra=extra))
    assert hints["date"] == "2023-11-08T23:30:59" and hints["date_source"] == "json-ld"
    _text, hints = extract_page(page(head=ld))  # nothing says otherwise: the stamp stands
    assert hints["date"] == "2023-11-09T05:30:59Z"


def test_the_visible_headline_replaces_a_reworded_sharing_title() -> None:
    head = '<meta property="og:title" content="Lisbon will replace its old trams by 2027">'
    body = "<h2>Transport: Lisbon to replace its old trams by 2027</h2>" + BODY
    html = page(head=head, body=body).replace("<h1>Lisbon to replace old trams</h1>", "")
    text, hints = extract_page(html)
    assert hints["title"] == "Transport: Lisbon to replace its old trams by 2027"
    assert text.count("old trams by 2027") == 1


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Posted on", "share"),
        ("Dr Ana Costa at the depot. (Picture by Rui Lopes)", "credit"),
        ("ENERGY/CALIFORNIA OIL PRODUCTION", None),  # a wire headline, not a photo credit
    ],
)
def test_more_chrome_lines(line: str, kind: str | None) -> None:
    assert chrome_kind(line) == kind


def test_a_byline_label_without_a_name_is_no_author() -> None:
    extra = '<div class="byline"><span class="author">Article by</span></div>'
    _text, hints = extract_page(page(extra=extra))
    assert "author" not in hints


def headed(under: str, head: str = "") -> str:
    """A page whose headline is followed by ``under`` (its byline and stamp block), then the
    story; the story's own paragraphs say nothing of who wrote it or when."""
    return (
        f"<html><head><title>Lisbon to replace old trams</title>{head}</head><body>"
        "<div class='top'><h1>Lisbon to replace old trams</h1></div>"
        f"{under}<div class='story'>{BODY}</div>"
        "<aside><p class='date'>2019-01-02</p><p>Older: Porto buys buses</p></aside>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("under", "author"),
    [
        (
            "<div class='x'><span>By</span><span><a href='/p/ana'>Ana Costa</a></span></div>",
            "Ana Costa",
        ),
        ("<div><span>| By</span></div><div>Ana Costa |</div><div>March 4, 2024</div>", "Ana Costa"),
        ("<p>Posted on March 4, 2024 by Ana Costa</p>", "Ana Costa"),
        ("<p>Written by: Ana Costa</p><p>Photo: Rui Lopes</p>", "Ana Costa"),
        ("<p>by acosta on March 4, 2024</p>", "acosta"),
        ("<p>JIJI</p><p>Mar 4, 2024</p>", "JIJI"),
    ],
)
def test_the_byline_printed_under_the_headline(under: str, author: str) -> None:
    _text, hints = extract_page(headed(under))
    assert (hints.get("author"), hints.get("author_source")) == (author, "byline")


def test_a_credit_line_under_the_headline_is_no_byline() -> None:
    _text, hints = extract_page(headed("<p>The Harbour Times</p><p>© Provided by Harbour Wire</p>"))
    assert hints.get("author") != "Harbour Wire"


def test_the_stamp_printed_under_the_headline_is_the_date() -> None:
    under = "<p class='date'>Written: 2024-03-04 15:03:30 / Updated: 2024-03-05 09:00:00</p>"
    _text, hints = extract_page(headed(under))
    assert (hints["date"], hints["date_source"]) == ("2024-03-04T15:03:30", "printed")


def test_a_fuller_author_list_in_meta_completes_the_json_ld_one() -> None:
    ld = LD.format('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ana Costa"}}')
    meta = '<meta name="author" content="Ana Costa, Rui Lopes">'
    _text, hints = extract_page(page(head=ld + meta))
    assert hints["author"] == "Ana Costa and Rui Lopes"


def test_the_extractor_imports_whole_in_a_fresh_interpreter() -> None:
    # lxml.html.clean is a separate project since lxml 5.2: without it trafilatura's first
    # import fails and a second one half-succeeds, so the first page of every process was read
    # by the fallback extractor (a page's date and text then depended on its place in a batch)
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "import trafilatura, trafilatura.external"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
