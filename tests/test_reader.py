"""Reading articles: discovery, decoding, HTML extraction and the header (hand-written inputs)."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscli.html_basic import extract_basic
from newscli.reader import (
    ARTICLE_SUFFIXES,
    ReadError,
    decode,
    discover,
    looks_like_byline,
    looks_like_title,
    parse_header,
    read_document,
)
from newscli.webpage import extract_page

STORY = (
    "OSLO, June 2. /TASS/. The ferry company said on Tuesday that the new route would open "
    "in the summer.\n\nThe company has ordered two ships."
)


# --- discover -----------------------------------------------------------------------------


def test_discover_walks_folders_sorted_and_filters_suffixes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("x")
    (tmp_path / "b" / "a.html").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "c.TXT").write_text("x")
    (tmp_path / "notes.pdf").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    got = [os.path.relpath(p, tmp_path) for p, err in discover([str(tmp_path)]) if err is None]
    assert got == ["a.md", os.path.join("b", "a.html"), os.path.join("b", "z.txt"), "c.TXT"]


def test_discover_passes_stdin_and_named_files_and_reports_missing(tmp_path):
    f = tmp_path / "story.dat"
    f.write_text("x")
    out = list(discover(["-", str(f), str(tmp_path / "nope.txt")]))
    assert out[0] == ("-", None)
    assert out[1] == (str(f), None)  # a file the user named is read whatever its suffix
    assert out[2][0].endswith("nope.txt")
    assert str(out[2][1]) == "no such file"


def test_discover_empty_folder_is_an_error(tmp_path):
    (tmp_path / "junk.csv").write_text("x")
    out = list(discover([str(tmp_path)]))
    assert len(out) == 1 and str(out[0][1]) == "is a directory with no articles"


def test_discover_survives_symlink_loops(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    try:
        os.symlink(tmp_path, tmp_path / "loop")
    except OSError:
        pytest.skip("no symlinks here")
    got = [p for p, err in discover([str(tmp_path)]) if err is None]
    assert got == [str(tmp_path / "a.txt")]


def test_suffixes():
    assert ARTICLE_SUFFIXES == (".txt", ".text", ".md", ".html", ".htm")


# --- decoding -----------------------------------------------------------------------------


def _read(tmp_path, data: bytes, name: str = "a.txt"):
    p = tmp_path / name
    p.write_bytes(data)
    return read_document(str(p))


def test_utf8_plain_and_with_bom(tmp_path):
    assert _read(tmp_path, "Zürich café".encode()).text == "Zürich café"
    doc = _read(tmp_path, b"\xef\xbb\xbf" + "Zürich café".encode())
    assert doc.text == "Zürich café"  # the BOM is a signature, not text: offset 0 is "Z"
    assert doc.warnings == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    text = "Kyiv — the talks resumed «today»."
    data = text.encode(codec)
    if codec != "utf-16":
        data = ("\ufeff" + text).encode(codec)
    doc = _read(tmp_path, data)
    assert doc.text == text


def test_cp1252_fallback_warns(tmp_path):
    doc = _read(tmp_path, "The “quoted” café costs 5€".encode("cp1252"))
    assert doc.text == "The “quoted” café costs 5€"
    assert doc.warnings and "cp1252" in doc.warnings[0]


def test_undefined_cp1252_bytes_do_not_crash():
    text, warnings = decode(b"abc \x81\x8d def \xff")
    assert text == "abc \x81\x8d def ÿ" and warnings


def test_nul_bytes_are_binary(tmp_path):
    with pytest.raises(ReadError, match=r"not a text file \(binary data\)"):
        _read(tmp_path, b"PK\x03\x04\x00\x00binary")


def test_utf16_is_decoded_before_the_nul_check(tmp_path):
    # UTF-16 text is full of NUL bytes; with a BOM it is text, not binary
    assert _read(tmp_path, "\ufeffHello".encode("utf-16-le")).text == "Hello"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_file(tmp_path, data):
    with pytest.raises(ReadError) as info:
        _read(tmp_path, data)
    assert str(info.value) == "empty file"


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_document(str(tmp_path / "missing.txt"))
    with pytest.raises(ReadError, match="is a directory"):
        read_document(str(tmp_path))


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 600)
    with pytest.raises(ReadError, match=r"file too large \(3,000 bytes > 1,000-byte limit\)"):
        read_document(str(p), max_bytes=1000)


def test_stdin():
    doc = read_document("-", stdin=io.BytesIO(STORY.encode()))
    assert doc.source == "-" and doc.text == STORY


def test_crlf_is_kept():
    doc = read_document("-", stdin=io.BytesIO(b"Line one\r\n\r\nLine two"))
    assert doc.text == "Line one\r\n\r\nLine two"


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Ferry line opens | The Harbour Post</title>
<meta property="og:title" content="Ferry line opens">
<meta property="article:published_time" content="2022-06-02T08:30:00+02:00">
<meta name="author" content="Kari Nordmann">
<script>document.write("<p>script text</p>")</script>
<style>p { color: blue }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul></nav>
<header><h1>Ferry line opens</h1></header>
<article>
<p>OSLO, June 2 (Reuters) - A new ferry line &amp; a bus link opened on Thursday.</p>
<!-- <p>commented out</p> -->
<p>The company said <b>two</b> ships would
   serve the route.</p>
<aside>Related: <a href="/x">other ferries</a></aside>
<form><input name="q"><button>Search</button></form>
</article>
<footer>All rights reserved</footer>
</body></html>"""


def test_html_extraction():
    text, hints = extract_page(PAGE)
    assert text == (
        "Ferry line opens\n\n"
        "OSLO, June 2 (Reuters) - A new ferry line & a bus link opened on Thursday.\n\n"
        "The company said two ships would serve the route."
    )
    assert hints == {
        "title": "Ferry line opens",
        "title_source": "h1",
        "date": "2022-06-02T08:30:00+02:00",
        "date_source": "meta",
        "author": "Kari Nordmann",
        "author_source": "meta",
    }
    for junk in ("script text", "color", "commented", "Home", "Related", "Search", "rights"):
        assert junk not in text


def test_html_malformed_markup_and_jsonld():
    page = (
        "<html><head><title>Dam report - Valley News</title>"
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"datePublished": "2019-11-05", "author": [{"name": "Ana Lima"}, {"name": "Rui Sá"}]}]}'
        "</script></head><body><div><p>The dam held <i>overnight<p>Engineers "
        "checked it twice</div></span></b><p>Unclosed at the end"
    )
    text, hints = extract_page(page)
    assert text.split("\n\n") == [
        "Dam report",  # the headline (from <title>) opens the text
        "The dam held overnight",
        "Engineers checked it twice",
        "Unclosed at the end",
    ]
    assert hints["date"] == "2019-11-05"
    assert hints["author"] == "Ana Lima and Rui Sá"
    assert hints["title"] == "Dam report"  # <title> without the site name


def test_html_time_and_rel_author():
    page = (
        '<html><body><p>By <a rel="author" href="/a">Li Wei</a></p>'
        '<p>Posted <time datetime="2020-01-09">Jan 9</time></p><p>Rain fell all day.</p>'
        "</body></html>"
    )
    _text, hints = extract_page(page)
    assert hints["date"] == "2020-01-09" and hints["author"] == "Li Wei"


def test_html_sniffed_without_suffix(tmp_path):
    doc = _read(tmp_path, PAGE.encode(), name="page.txt")
    assert doc.text.startswith("Ferry line opens\n\nOSLO") and doc.hints["title"]
    doc = _read(tmp_path, PAGE.encode(), name="page.htm")
    assert "<p>" not in doc.text


def test_html_without_text(tmp_path):
    with pytest.raises(ReadError):
        _read(tmp_path, b"<html><body><script>x()</script></body></html>", name="e.html")


def test_hostile_html_is_linear():
    import time

    t0 = time.perf_counter()
    for page in ("<a" * 20_000, "<!--" * 20_000, "<![CDATA[" * 10_000, "<?" * 20_000):
        extract_page(page)
        extract_basic(page)  # the fallback parser (the standard library's) too
    assert time.perf_counter() - t0 < 5


def test_html_garbage_never_raises():
    for page in ["<", "<<>>", "<p", "</p></div>", "<script>", "<!--", "&#xffffff;", "<a <b>"]:
        extract_page(page)
        extract_basic(page)


# --- the header ---------------------------------------------------------------------------


def test_seed_date_prefix_on_the_first_paragraph_line():
    text = ' date 2021-05-06 "We are ready," the mayor said .\n\nOSLO, May 6. /TASS/. News.'
    h = parse_header(text)
    assert h.date == "2021-05-06" and h.date_precision == "day"
    assert text[h.date_span.start : h.date_span.end] == "2021-05-06"
    assert text[h.body_start :].startswith('"We are ready,"')
    assert h.title is None


def test_date_prefix_month_precision_and_own_line():
    h = parse_header("date 2020-08\nHarbour closes for winter\n\nThe harbour closed today.")
    assert h.date == "2020-08" and h.date_precision == "month"
    assert h.title == "Harbour closes for winter"


def test_date_line_after_the_headline():
    for sep in ("\n", "\n\n"):
        text = f"Ferry fares rise in spring{sep}date 2023-11-03\n\nBy Ann Lee\n\nFares rose."
        h = parse_header(text)
        assert h.title == "Ferry fares rise in spring"
        assert h.date == "2023-11-03"
        assert text[h.date_span.start : h.date_span.end] == "2023-11-03"
        assert h.byline == "By Ann Lee"
        assert text[h.body_start :] == "Fares rose."


def test_date_prefix_invalid_is_not_a_header():
    h = parse_header("date 2020-13-45 was a typo.")
    assert h.date is None and h.body_start == 0


def test_key_value_header_lines():
    text = (
        "Title: Bridge reopens after repairs\n"
        "Date: March 3, 2021 10:30 am\n"
        "By: Tom Hale\n"
        "Source: Valley News\n\n"
        "The bridge reopened on Wednesday."
    )
    h = parse_header(text)
    assert h.title == "Bridge reopens after repairs"
    assert text[h.title_span.start : h.title_span.end] == h.title
    assert h.date == "2021-03-03T10:30:00"
    assert h.byline == "Tom Hale" and h.source == "Valley News"
    assert text[h.body_start :] == "The bridge reopened on Wednesday."


def test_headline_then_byline_then_indented_dateline():
    text = (
        "GRAIN PRICES SLIDE AS U.S.\n\n"
        "    By Mary Okafor, Reuters\n\n"
        "    CHICAGO, May 2 - Grain futures fell\nsharply on Friday.\n"
    )
    h = parse_header(text)
    assert h.title == "GRAIN PRICES SLIDE AS U.S."
    assert h.byline == "By Mary Okafor, Reuters"
    assert text[h.byline_span.start : h.byline_span.end] == h.byline
    assert text[h.body_start :].startswith("    CHICAGO, May 2 -")


def test_long_headline_without_final_period_and_standfirst_stays_body():
    text = (
        "Ministers agree to extend the fishing quota talks into next spring says the "
        "negotiator\n\nThe talks will continue in Bergen\n\nBERGEN, May 3. /TASS/. The talks "
        "went on."
    )
    h = parse_header(text)
    assert h.title.startswith("Ministers agree") and h.title.endswith("negotiator")
    assert text[h.body_start :].startswith("The talks will continue in Bergen")


def test_sentence_first_line_is_not_a_title():
    for text in (
        "The council met on Monday and voted to close the pool.\n\nIt reopens in May.",
        "OSLO, June 2. /TASS/. The council met.\n\nMore later.",
        "The council met on Monday\nand voted to close the pool.",
    ):
        h = parse_header(text)
        assert h.title is None and h.body_start == 0


def test_single_line_brief_is_a_title():
    text = "ACME CORP 1ST QTR SHR 12 CTS VS NINE CTS\n"
    h = parse_header(text)
    assert h.title == "ACME CORP 1ST QTR SHR 12 CTS VS NINE CTS"
    assert h.body_start == len(text)


def test_web_page_layout_title_on_the_date_line():
    # stored pages: the page's first line (the headline) follows the date; lines end paragraphs
    text = (
        " date 2021-09-28 Drivers queue for fuel as pumps run dry\n"
        "Cars wait outside a filling station in the capital, September 27, 2021. "
        "PHOTO AGENCY/Jan Novak\n"
        "LONDON, Sept 28 (Reuters) - Drivers queued for hours on Tuesday as filling stations "
        "in big cities ran out of petrol."
    )
    h = parse_header(text)
    assert h.date == "2021-09-28"
    assert h.title == "Drivers queue for fuel as pumps run dry"
    assert text[h.body_start :].startswith("LONDON, Sept 28")  # the photo caption is chrome


def test_web_page_layout_sets_home_and_the_photo_caption_aside():
    text = (
        " date 2021-09-28 Home\nFILE PHOTO: Cars wait outside a filling station in the capital "
        "on Monday, September 27, 2021. PHOTO AGENCY/Jan Novak\n\nLONDON (Reuters) - Drivers "
        "queued for hours on Tuesday."
    )
    h = parse_header(text)
    assert h.title is None and h.date == "2021-09-28"
    assert text[h.body_start :].startswith("LONDON (Reuters)")  # the caption is page chrome


COPIED_PAGES = [
    # (text, title, date, byline, body opens with)
    (
        "Go to Contents\nGo to Navigation\nN. Korea fires missile into sea: JCS\n\nAll News\n"
        "10:05 October 10, 2023\n\nSEOUL, Oct. 10 (Yonhap) -- North Korea fired a missile.",
        "N. Korea fires missile into sea: JCS",
        "2023-10-10",
        None,
        "SEOUL",
    ),
    (
        "Trump says he will attend the summit\n\nUpdated 10:55 AM ET, Mon September 25, 2017\n\n"
        "(CNN) — President Donald Trump said on Monday he would attend.",
        "Trump says he will attend the summit",
        "2017-09-25",
        None,
        "(CNN)",
    ),
    (
        "Ukraine downs 27 drones overnight\n\nBy UPI Staff | Jan. 03, 2018\n\nKYIV, Ukraine, "
        "Jan. 3 (UPI) -- Air defenses shot down 27 drones.",
        "Ukraine downs 27 drones overnight",
        "2018-01-03",
        "By UPI Staff",
        "KYIV",
    ),
    (
        "Our Bureau New Delhi | Updated on March 30, 2020 Published on March 29, 2020\n\n"
        "Government extends relief for small firms\n\nThe government on Monday extended relief "
        "measures for small firms by three months, the finance ministry said in a statement.",
        "Government extends relief for small firms",
        "2020-03-29",
        None,
        "The government",
    ),
    (
        "COVID-19\nRussian Politics & Diplomacy\nPutin to hold talks with Erdogan next week\n\n"
        "MOSCOW, April 21. /TASS/. Russian President Vladimir Putin will hold talks.",
        "Putin to hold talks with Erdogan next week",
        None,
        None,
        "MOSCOW",
    ),
    (
        "News\nCategory: World Published on Tuesday, 21 April 2020 19:07 Hits: 4\nFloods kill "
        "dozens in eastern Congo\n\nKINSHASA, April 21 (Reuters) - Floods killed 40 people.",
        "Floods kill dozens in eastern Congo",
        "2020-04-21",
        None,
        "KINSHASA",
    ),
    (
        "Markets\n2 Min Read\nStocks slip as investors weigh rate outlook\n\nNEW YORK (Reuters) - "
        "U.S. stocks slipped on Tuesday.",
        "Stocks slip as investors weigh rate outlook",
        None,
        None,
        "NEW YORK",
    ),
]


COPIED_PAGES.append(
    (
        "Stocks fall sharply\n\nUpdated 4:05 PM ET, Fri May 3, 2024\n\nNEW YORK (Reuters) - "
        "Stocks fell.",
        "Stocks fall sharply",
        "2024-05-03",
        None,
        "NEW YORK",
    )
)


@pytest.mark.parametrize(("text", "title", "date", "byline", "opens"), COPIED_PAGES)
def test_text_copied_from_a_page(text, title, date, byline, opens):
    h = parse_header(text)
    assert (h.title, h.date, h.byline) == (title, date, byline)
    assert text[h.body_start :].startswith(opens)
    if h.date is not None:
        assert h.date_source == "printed"
    if h.title_span is not None:
        assert text[h.title_span.start : h.title_span.end] == h.title


def test_chrome_words_before_the_story_yield_no_names():
    from newscli import inspect

    article = inspect(COPIED_PAGES[1][0].replace("(CNN)", "WASHINGTON (CNN)"))
    names = {e.name for e in article.entities}
    assert "AM ET" not in names and "Donald Trump" in names
    article = inspect(COPIED_PAGES[-1][0])
    assert "Min Read" not in {e.name for e in article.entities}


def test_title_case_headline_on_the_date_line_before_a_blank_line():
    text = " date 2021-11-17 Public Holiday Declared in Delhi for Chhath Puja\n\nNew Delhi, "
    text += "November 17: The government declared a holiday."
    assert parse_header(text).title == "Public Holiday Declared in Delhi for Chhath Puja"
    # a sentence-case standfirst there is the first body paragraph (the seed layout)
    text = " date 2021-11-17 Offices will stay shut on the day of the festival\n\nNew Delhi, "
    text += "November 17: The government declared a holiday."
    h = parse_header(text)
    assert h.title is None and text[h.body_start :].startswith("Offices will")


def test_headline_then_single_newline_then_byline_or_body():
    text = "Storm closes the coast road for a second day\nBy Lena Holt\nThe road stayed shut."
    h = parse_header(text)
    assert (h.title, h.byline) == ("Storm closes the coast road for a second day", "By Lena Holt")
    assert text[h.body_start :] == "The road stayed shut."
    # hard-wrapped prose: the first line continues on the next
    text = "The council said it would close the coast road for a second day\nbecause of the storm."
    assert parse_header(text).title is None


def test_headlines_with_abbreviations_and_captions():
    assert looks_like_title("Gen. Okafor inspects troops in the north")
    assert looks_like_title("ACME CORP SAYS 1ST QTR NET UP 10 PCT.")
    assert looks_like_title("BRITANNIA HOLDINGS PLC. SAYS PROFIT ROSE")
    assert not looks_like_title("Rain stops play. Match resumes on Monday")
    assert not looks_like_title("FILE PHOTO: A man walks past a bank")


def test_markdown_heading_and_front_matter():
    h = parse_header("# Storm hits coast\n\nWinds reached 120 km/h.")
    assert h.title == "Storm hits coast"
    text = "---\ntitle: Storm hits coast\ndate: 2022-01-30\n---\n\nWinds reached 120 km/h."
    h = parse_header(text)
    assert h.title == "Storm hits coast" and h.date == "2022-01-30"
    assert text[h.body_start :] == "Winds reached 120 km/h."


def test_byline_and_title_predicates():
    assert looks_like_byline("By Greg Lind, Reuters")
    assert looks_like_byline("BY ANNA BERG")
    assert looks_like_byline("By Jane Roe and John van Doe")
    assert not looks_like_byline("By the time we arrived, it was over.")
    assert not looks_like_byline("By Monday")
    assert looks_like_byline("Written by Jane Roe")
    assert looks_like_byline("STORY BY ANNA BERG")
    assert not looks_like_byline("Written by hand, the note was short.")
    assert looks_like_title("PORT STRIKE ENDS")
    assert looks_like_title("Is the strike over?")
    assert not looks_like_title("The strike ended.")
    assert not looks_like_title("Home")


# --- properties -----------------------------------------------------------------------------

_pieces = st.sampled_from(
    [
        " date 2020-04-27 ",
        "date 2020-04\n",
        "Title: A B\n",
        "Date: May 5, 2020\n",
        "By Ann Lee, Reuters\n",
        "HEADLINE HERE\n",
        "\n\n",
        "\n",
        "    ",
        "MOSCOW, April 27. /TASS/. ",
        "NEW YORK, March 3 - ",
        "word ",
        "Sentence ends. ",
        "# ",
        "---\n",
        ": ",
        "\ufeff",
        "é",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=14).map("".join))
def test_parse_header_never_raises_and_spans_slice(text):
    h = parse_header(text)
    assert 0 <= h.body_start <= len(text)
    if h.title_span is not None:
        assert text[h.title_span.start : h.title_span.end].strip() == h.title.strip()
    if h.byline_span is not None:
        assert text[h.byline_span.start : h.byline_span.end] == h.byline
    for sp in (h.title_span, h.byline_span, h.date_span):
        if sp is not None:
            assert 0 <= sp.start <= sp.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_extract_html_never_raises(html):
    text, hints = extract_page("<html><body>" + html)
    assert isinstance(text, str) and isinstance(hints, dict)


MORE_DESKS = [
    # (text, title, date, byline)
    (
        "News|Israel-Palestine conflict\nUN council fails to pass Gaza resolution\nThe draft "
        "called for a pause in the fighting.\nPublished On 18 Oct 2023\n18 Oct 2023\n\nThe "
        "council failed to adopt the text on Wednesday.",
        "UN council fails to pass Gaza resolution",
        "2023-10-18",
        None,
    ),
    (
        "Storm Babet\nAmber weather warning issued for Scotland\nHeavy rain expected to cause "
        "flooding from Thursday\nJane Roe\nWed 18 Oct 2023 09.15 BST\n\nThe Met Office has "
        "issued an amber warning for rain across eastern Scotland.",
        "Amber weather warning issued for Scotland",
        "2023-10-18",
        None,
    ),
    (
        "Climate talks end without deal on fossil fuels\n3 hours ago\nShare\nBy Matt McGrath\n\n"
        "Climate talks in Dubai ended on Wednesday without an agreement, negotiators said.",
        "Climate talks end without deal on fossil fuels",
        None,
        "By Matt McGrath",
    ),
    (
        "Markets\nOil prices rise on supply worries\nBy Jane Roe\nOctober 10, 20232:15 PM "
        "GMT+1Updated 2 hours ago\n\nLONDON, Oct 10 (Reuters) - Oil prices rose on Tuesday.",
        "Oil prices rise on supply worries",
        "2023-10-10",
        "By Jane Roe",
    ),
    (
        "World News\nJan. 3, 2024 / 9:15 AM\nUkraine downs 27 drones overnight\nBy Darryl "
        "Coote\n\nJan. 3 (UPI) -- Ukraine's air defenses shot down 27 drones overnight.",
        "Ukraine downs 27 drones overnight",
        "2024-01-03",
        "By Darryl Coote",
    ),
]


@pytest.mark.parametrize(("text", "title", "date", "byline"), MORE_DESKS)
def test_copied_pages_from_more_desks(text, title, date, byline):
    h = parse_header(text)
    assert (h.title, h.date, h.byline) == (title, date, byline)
    body = text[h.body_start :]
    assert not any(w in body for w in ("Published", "Updated", "ago", "Share")), body
