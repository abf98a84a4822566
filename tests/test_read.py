"""``newscli read``: the annotated article in the terminal and as one HTML page."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscli.annotate import annotate, parse_layers
from newscli.html_export import render_html
from newscli.model import Article, Dateline, Entity, Mention, Metadata, Quote, Span, Timex

from .conftest import CLEAN_ENV, GOLDEN

ESC = "\x1b"

# --- hand-built articles ----------------------------------------------------------------------


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def build(
    text: str,
    *,
    entities: list[tuple[str, str, str, list[tuple[str, int]]]] = (),
    quotes: list[tuple[str, str | None, str]] = (),
    timex: list[tuple[str, str, str]] = (),
    title: str | None = None,
    date: str | None = None,
    dateline: str | None = None,
    source: str = "test.txt",
) -> Article:
    """An Article from substrings: ``entities`` = (id, label, name, [(mention, nth), ...]),
    ``quotes`` = (quoted text, speaker, kind), ``timex`` = (expression, type, value)."""
    ents = []
    for eid, label, name, mentions in entities:
        ms = [Mention(*find(text, m, nth), m) for m, nth in mentions]
        ents.append(Entity(eid, name, label, mentions=ms))
    qs = []
    for i, (qtext, speaker, kind) in enumerate(quotes):
        s, e = find(text, qtext)
        qs.append(Quote(s, e, qtext, kind, speaker, f"S{i}" if speaker else None))
    tl = []
    for expr, type_, value in timex:
        s, e = find(text, expr)
        tl.append(Timex(s, e, expr, type_, value, sentence=Span(0, len(text))))
    dl = None
    if dateline:
        s, e = find(text, dateline)
        dl = Dateline(dateline, s, e, dateline.split(",")[0], None, None, None)
    meta = Metadata(title=title, date=date, dateline=dl, language="en")
    return Article(source, text, meta, quotes=qs, entities=ents, timeline=tl)


MERKEL = (
    "BERLIN, May 4 (dpa) - Angela Merkel said on Monday that the talks in Paris would go on.\n"
    "\n"
    '"We will meet Emmanuel Macron in Paris next week," Merkel told reporters.\n'
    "\n"
    "The Paris talks began in 2019.\n"
)


def merkel() -> Article:
    return build(
        MERKEL,
        entities=[
            ("E1", "PERSON", "Angela Merkel", [("Angela Merkel", 0), ("Merkel", 1)]),
            ("E2", "GPE", "Paris", [("Paris", 0), ("Paris", 1), ("Paris", 2)]),
            ("E3", "PERSON", "Emmanuel Macron", [("Emmanuel Macron", 0)]),
            ("E4", "EVENT", "Paris talks", [("Paris talks", 0)]),
        ],
        quotes=[
            ('"We will meet Emmanuel Macron in Paris next week,"', "Angela Merkel", "direct"),
            ("the talks in Paris would go on", "Angela Merkel", "indirect"),
        ],
        timex=[("Monday", "DATE", "2020-05-04"), ("next week", "DATE", "2020-W20")],
        title="Merkel to meet Macron",
        date="2020-05-06",
        dateline="BERLIN, May 4 (dpa) -",
    )


def covering(doc, layer: str) -> list:
    return [getattr(p, layer) for p in doc.pieces]


# --- annotate ---------------------------------------------------------------------------------


def test_pieces_give_back_the_text_and_keep_paragraphs():
    doc = annotate(merkel(), body_start=0)
    assert "".join(p.text for p in doc.pieces) == MERKEL
    assert [b.kind for b in doc.blocks] == [
        "paragraph",
        "gap",
        "paragraph",
        "gap",
        "paragraph",
        "gap",
    ]
    for b in doc.blocks:
        assert b.start == b.pieces[0].start and b.end == b.pieces[-1].end
        for p in b.pieces:
            assert MERKEL[p.start : p.end] == p.text and p.text


def test_header_title_and_dateline_are_roles():
    text = "Title: Rates rise\nBy Jane Roe\n\nLONDON, May 2 (Reuters) - Rates rose.\n"
    art = build(text, dateline="LONDON, May 2 (Reuters) -", title="Rates rise")
    doc = annotate(art)  # the header comes from the reader
    assert [b.kind for b in doc.blocks] == ["header", "gap", "paragraph", "gap"]
    header = doc.blocks[0]
    assert text[header.start : header.end] == "Title: Rates rise\nBy Jane Roe"
    assert [p.text for p in header.pieces if p.role == "title"] == ["Rates rise"]
    assert "".join(p.text for p in doc.pieces if p.role == "dateline") == art.metadata.dateline.text
    out = render(doc, width=60)
    assert out.splitlines()[:2] == ["Title: Rates rise", "By Jane Roe"]


def test_nested_names_yield_to_the_longer_and_are_counted():
    doc = annotate(merkel(), body_start=0)
    labels = [(p.text, p.entity.label) for p in doc.pieces if p.entity]
    assert ("Paris talks", "EVENT") in labels
    assert ("Paris", "GPE") in labels  # the other mentions
    assert doc.hidden["entities"] == 1  # "Paris" inside "Paris talks"
    assert doc.labels == ["PERSON", "GPE", "EVENT"]


def test_crossing_spans_in_one_layer_leftmost_wins():
    text = "New York City Hall opened."
    art = build(
        text,
        entities=[
            ("E1", "ORG", "City Hall", [("City Hall", 0)]),
            ("E2", "GPE", "New York City", [("New York City", 0)]),
        ],
    )
    doc = annotate(art, body_start=0)
    marked = [(p.text, p.entity.id) for p in doc.pieces if p.entity]
    assert marked == [("New York City", "E2")]
    assert doc.hidden["entities"] == 1


def test_layers_are_carried_together_and_quote_parts_know_the_last():
    doc = annotate(merkel(), body_start=0)
    macron = next(p for p in doc.pieces if p.text == "Emmanuel Macron")
    assert macron.quote is not None and macron.quote.speaker == "Angela Merkel"
    assert macron.entity.label == "PERSON"
    nextweek = next(p for p in doc.pieces if p.text == "next week")
    assert nextweek.quote is not None and nextweek.timex.value == "2020-W20"
    dateline = [p for p in doc.pieces if p.role == "dateline"]
    assert "".join(p.text for p in dateline) == "BERLIN, May 4 (dpa) -"
    # quote numbers follow the article's order, not the text order
    assert {p.quote.number for p in doc.pieces if p.quote} == {1, 2}


def test_interrupted_quote_parts_leave_the_cue_outside():
    text = '"We are ready," she said, "and we will win."'
    s1, e1 = find(text, '"We are ready,"')
    s2, e2 = find(text, '"and we will win."')
    q = Quote(s1, e2, text, "direct", "Ana Lima", parts=[Span(s1, e1), Span(s2, e2)])
    art = Article("t", text, Metadata(), quotes=[q], entities=[], timeline=[])
    doc = annotate(art, body_start=0)
    tags = [(p.text, p.quote.last if p.quote else None) for p in doc.pieces]
    assert tags == [('"We are ready,"', False), (" she said, ", None), ('"and we will win."', True)]


def test_filters_pick_layers_labels_and_speakers():
    art = merkel()
    only_people = annotate(art, layers=["entities"], labels=["person"], body_start=0)
    assert {p.entity.label for p in only_people.pieces if p.entity} == {"PERSON"}
    assert all(p.quote is None and p.timex is None for p in only_people.pieces)
    assert only_people.layers == ("entities",)
    nobody = annotate(art, speaker="macron", body_start=0)
    assert all(p.quote is None for p in nobody.pieces)
    merkel_only = annotate(art, speaker="MERKEL", body_start=0)
    assert merkel_only.counts["quotes"] == 2


def test_bad_spans_are_ignored_not_fatal():
    text = "Short text."
    art = Article(
        "t",
        text,
        Metadata(),
        quotes=[Quote(5, 500, "x", "direct")],
        entities=[Entity("E1", "X", "PERSON", mentions=[Mention(3, 3, ""), Mention(-1, 2, "")])],
        timeline=[Timex(8, 4, "x", "DATE", "2020")],
    )
    doc = annotate(art, body_start=0)
    assert "".join(p.text for p in doc.pieces) == text
    assert all(p.plain for p in doc.pieces)


def test_parse_layers():
    assert parse_layers("timeline, quotes") == ("quotes", "timeline")
    assert parse_layers("entity") == ("entities",)
    assert parse_layers(None) == ("quotes", "entities", "timeline")
    with pytest.raises(ValueError, match="unknown layer 'sports'"):
        parse_layers("quotes,sports")


_spans = st.lists(st.tuples(st.integers(-3, 60), st.integers(-3, 60)), max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet="ab \n\"'.:\u202e<T", max_size=60),
    ents=_spans,
    quotes=_spans,
    times=_spans,
    body=st.one_of(st.none(), st.integers(0, 10)),
)
def test_any_spans_give_a_flat_exact_cover(text, ents, quotes, times, body):
    art = Article(
        "t",
        text,
        Metadata(),
        entities=[
            Entity(f"E{i}", "x", ("PERSON", "ORG")[i % 2], mentions=[Mention(s, e, "")])
            for i, (s, e) in enumerate(ents)
        ],
        quotes=[Quote(s, e, "", "direct", "Someone") for s, e in quotes],
        timeline=[Timex(s, e, "", "DATE", "2020") for s, e in times],
    )
    doc = annotate(art, body_start=None if body is None else min(body, len(text)))
    pieces = doc.pieces
    assert "".join(p.text for p in pieces) == text
    pos = 0
    for p in pieces:
        assert p.start == pos and p.end > p.start and text[p.start : p.end] == p.text
        pos = p.end
        for tag in (p.entity, p.quote, p.timex):
            if tag is not None:
                assert tag.start <= p.start and p.end <= tag.end
    for layer in ("entity", "quote", "timex"):
        tags = sorted({(t.start, t.end) for t in covering(doc, layer) if t is not None})
        assert all(a[1] <= b[0] for a, b in pairwise(tags))
    page = parse_page(render_html([doc]))  # well nested whatever crosses what
    assert "".join(page.text) == text.replace("\u202e", "\\u202e")


# --- the terminal view ------------------------------------------------------------------------


def render(doc, width: int = 100, colour: bool = False) -> str:
    from newscli.render import make_console, render_read

    buf = io.StringIO()
    console = make_console(buf, width=width, force_terminal=colour or None)
    render_read(console, doc)
    return buf.getvalue()


def test_read_view_shows_values_speakers_and_bars():
    out = render(annotate(merkel(), body_start=0))
    flat = " ".join(out.replace("▌ ", "").split())
    assert "Monday [2020-05-04]" in flat
    assert 'next week [2020-W20]," [— Angela Merkel] [Merkel|PERSON] told' in flat
    assert "would go on [— Angela Merkel]." in flat
    lines = out.splitlines()
    assert lines[0] == "Merkel to meet Macron"
    assert "PERSON  GPE  EVENT" in out
    quoted = [ln for ln in lines if "Emmanuel Macron" in ln]
    assert quoted and all(ln.startswith("▌ ") for ln in quoted)
    unquoted = [ln for ln in lines if "began in 2019" in ln]
    assert unquoted and not unquoted[0].startswith("▌")
    assert ESC not in out
    assert all(len(ln) <= 100 for ln in lines)


def test_read_view_wraps_to_any_width():
    doc = annotate(merkel(), body_start=0)
    for width in (30, 60, 120):
        out = render(doc, width=width)
        assert all(len(ln) <= width for ln in out.splitlines()), width
        flat = " ".join(out.replace("▌ ", "").split())
        assert "[Emmanuel Macron|PERSON] in [Paris|GPE]" in flat


HOSTILE = (
    "[bold red]Boom[/] \x1b[5mblink\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 "
    "\x1b]0;title\x07 \u202eevil\r said Ana Lima on Friday.\x08"
)


def _allowed_sgr_params() -> set[str]:
    """Every SGR parameter our own read-view styles can produce, in any colour system."""
    from rich.color import ColorSystem
    from rich.style import Style

    from newscli.render import LABEL_STYLES, READ_STYLES

    allowed = {"0", ""}
    for style in (*LABEL_STYLES.values(), *READ_STYLES.values(), "bold underline", "cyan"):
        for system in ColorSystem:
            rendered = Style.parse(style).render("x", color_system=system)
            for m in re.finditer(r"\x1b\[([0-9;]*)m", rendered):
                allowed.update(m.group(1).split(";"))
    return allowed


def test_hostile_text_is_inert_and_escape_codes_come_only_from_our_styles():
    art = build(
        HOSTILE,
        entities=[("E1", "PERSON", "Ana Lima", [("Ana Lima", 0)])],
        quotes=[("[bold red]Boom[/]", "Ana [i]Lima\x1b[31m", "direct")],
        timex=[("Friday", "DATE", "2020-05-01\x1b[2J")],
    )
    doc = annotate(art, body_start=0)
    plain = render(doc)
    assert "[bold red]Boom[/]" in plain and "\\x1b[5m" in plain and "\\u202e" in plain
    assert ESC not in plain and "\x07" not in plain and "\r" not in plain and "\x08" not in plain
    assert "[— Ana [i]Lima\\x1b[31m]" in plain
    coloured = render(doc, colour=True)
    assert ESC in coloured
    assert "\x1b]" not in coloured and "\x07" not in coloured and "\u202e" not in coloured
    codes = re.findall(r"\x1b(.)", coloured)
    assert set(codes) == {"["}
    sgr = re.findall(r"\x1b\[([0-9;]*)([A-Za-z])", coloured)
    assert {kind for _, kind in sgr} == {"m"}
    allowed = _allowed_sgr_params()
    used = {p for params, _ in sgr for p in params.split(";")}
    assert used <= allowed, used - allowed


# --- the CLI ----------------------------------------------------------------------------------


@pytest.fixture()
def fake_pipeline(monkeypatch):
    """Make the pipeline return hand-built articles: {file name: Article}."""
    import newscli.pipeline

    table: dict[str, Article] = {}

    def inspect(text, date=None, *, source="<text>", sections=(), hints=None):
        art = table[Path(source).name]
        art.source = source
        return art

    monkeypatch.setattr(newscli.pipeline, "inspect", inspect)
    return table


def write_article(tmp_path: Path, name: str, art: Article) -> Path:
    path = tmp_path / name
    path.write_text(art.text, encoding="utf-8")
    return path


def test_cli_read_filters_and_layers(invoke, fake_pipeline, tmp_path):
    fake_pipeline["m.txt"] = merkel()
    path = write_article(tmp_path, "m.txt", merkel())
    result = invoke("read", path, "--only", "entities", "--label", "GPE")
    assert result.exit_code == 0, result.stderr
    assert "[2020-05-04]" not in result.stdout and "[— " not in result.stdout
    assert "GPE" in result.stdout and "PERSON" not in result.stdout
    fake_pipeline["m.txt"] = merkel()
    result = invoke("read", path, "--speaker", "nobody")
    assert result.exit_code == 0
    assert "[— Angela" not in result.stdout and "[2020-05-04]" in result.stdout
    bad = invoke("read", path, "--only", "quotes,gossip")
    assert bad.exit_code == 2 and "gossip" in bad.stderr


def test_cli_read_missing_file_is_exit_1_and_others_still_shown(invoke, fake_pipeline, tmp_path):
    fake_pipeline["m.txt"] = merkel()
    path = write_article(tmp_path, "m.txt", merkel())
    result = invoke("read", tmp_path / "nope.txt", path)
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "Angela Merkel" in result.stdout


def test_pager_only_on_a_terminal_and_not_with_no_pager(
    runner, monkeypatch, fake_pipeline, tmp_path
):
    from newscli import cli

    fake_pipeline["m.txt"] = merkel()
    path = write_article(tmp_path, "m.txt", merkel())
    paged: list[str] = []
    for var in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(cli, "_page", lambda text, height: paged.append(text))
    for isatty, extra, expect in ((True, [], 1), (True, ["--no-pager"], 0), (False, [], 0)):
        paged.clear()
        environ = {"COLUMNS": "70", "LINES": "20"}
        monkeypatch.setattr(cli, "env", cli.Env(environ=environ, stdout_isatty=isatty))
        result = runner.invoke(cli.app, ["read", str(path), *extra], env={"TERM": "xterm"})
        assert result.exit_code == 0, result.stderr
        assert len(paged) == expect
        shown = paged[0] if paged else result.stdout
        assert "Angela Merkel" in shown
        if paged:
            assert ESC in shown and result.stdout == ""  # colours for `less -R`


def test_page_uses_pager_for_long_text_only(monkeypatch, tmp_path):
    from newscli import cli

    sink = tmp_path / "paged.txt"
    script = "import sys; open(sys.argv[1], 'wb').write(sys.stdin.buffer.read())"
    pager = f'{sys.executable} -c "{script}" {sink}'
    out = io.StringIO()
    monkeypatch.setattr(cli, "env", cli.Env(stdout=out, environ={"PAGER": pager}))
    cli._page("short\n", 24)
    assert out.getvalue() == "short\n" and not sink.exists()
    long_text = "".join(f"line {i}\n" for i in range(100))
    cli._page(long_text, 24)
    assert sink.read_text() == long_text and out.getvalue() == "short\n"


@pytest.fixture()
def in_repo(monkeypatch):
    from .conftest import ROOT

    monkeypatch.chdir(ROOT)


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("NEWSCLI_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), (
        f"{name} changed; if the change is right, rerun with NEWSCLI_UPDATE_GOLDEN=1 and look"
    )


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize("width", [60, 120])
def test_seed_golden(runner, monkeypatch, seed_path, width):
    """The seed read at two widths, colours off. The extractors change what is marked; when they
    do, regenerate with NEWSCLI_UPDATE_GOLDEN=1 and check the new file by eye."""
    from newscli import cli

    environ = {**CLEAN_ENV, "COLUMNS": str(width)}
    monkeypatch.setattr(cli, "env", cli.Env(environ=environ))
    result = runner.invoke(cli.app, ["read", "seeds/" + seed_path.name], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert ESC not in out
    assert all(len(line) <= width for line in out.splitlines())
    flat = " ".join(out.replace("▌ ", "").split())
    # without colour, entities are marked in the text itself
    assert "[MOSCOW|GPE], April 27 [2020-04-27]. /[TASS|ORG]/." in flat
    assert not [line for line in out.splitlines() if line != line.rstrip()]
    _golden(f"read-seed-{width}.txt", out)


@pytest.mark.usefixtures("in_repo")
def test_seed_with_colours_uses_only_our_escape_codes(runner, monkeypatch, seed_path):
    from newscli import cli

    monkeypatch.setattr(cli, "env", cli.Env(environ={"COLUMNS": "100", "FORCE_COLOR": "1"}))
    result = runner.invoke(cli.app, ["read", str(seed_path)], env={"TERM": "xterm-256color"})
    assert result.exit_code == 0, result.stderr
    sgr = re.findall(r"\x1b\[([0-9;]*)([A-Za-z])", result.stdout)
    assert sgr and {kind for _, kind in sgr} == {"m"}
    assert result.stdout.count(ESC) == len(sgr)
    used = {p for params, _ in sgr for p in params.split(";")}
    assert used <= _allowed_sgr_params()


# --- HTML -------------------------------------------------------------------------------------


class PageParser(HTMLParser):
    """Collects the text of div.nc-text, the marked elements, and checks nesting."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.text_depth: int | None = None
        self.text: list[str] = []
        self.marks: list[dict] = []  # {class, title, text}
        self.open_marks: list[dict] = []
        self.tags: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.style = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in self.VOID:
            return
        self.stack.append((tag, a))
        cls = a.get("class") or ""
        if tag == "div" and "nc-text" in cls.split():
            self.text_depth = len(self.stack)
        if self.text_depth is not None and {"nc-e", "nc-q", "nc-t"} & set(cls.split()):
            mark = {"class": cls, "title": a.get("title"), "text": "", "depth": len(self.stack)}
            self.marks.append(mark)
            self.open_marks.append(mark)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else None}")
            return
        depth = len(self.stack)
        self.stack.pop()
        if self.open_marks and self.open_marks[-1]["depth"] == depth:
            self.open_marks.pop()
        if self.text_depth == depth:
            self.text_depth = None

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            self.style += data
        if self.text_depth is not None:
            self.text.append(data)
            for m in self.open_marks:
                m["text"] += data


def parse_page(page: str) -> PageParser:
    p = PageParser()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors
    assert not p.stack, p.stack
    return p


def test_html_text_equals_article_and_each_span_wrapped_once():
    art = merkel()
    doc = annotate(art, body_start=0)
    page = render_html([doc])
    p = parse_page(page)
    assert "".join(p.text) == MERKEL
    ents = [m for m in p.marks if "nc-e" in m["class"]]
    shown = [(p_.text, p_.entity.label) for p_ in doc.pieces if p_.entity]
    assert [(m["text"], m["class"].split()[1]) for m in ents] == [
        (t, f"nc-{lab}") for t, lab in shown
    ]
    assert len(ents) == doc.counts["entities"] == 6
    titles = {m["text"]: m["title"] for m in ents}
    assert titles["Emmanuel Macron"] == "PERSON · Emmanuel Macron"
    quotes = [m for m in p.marks if "nc-q" in m["class"]]
    assert [m["text"] for m in quotes] == [
        "the talks in Paris would go on",
        '"We will meet Emmanuel Macron in Paris next week,"',
    ]
    assert all("Angela Merkel" in m["title"] for m in quotes)
    times = {m["text"]: m["title"] for m in p.marks if "nc-t" in m["class"]}
    assert times == {"Monday": "DATE · 2020-05-04", "next week": "DATE · 2020-W20"}
    # the speaker and the value are shown by CSS from empty markers, outside the text
    assert page.count('class="nc-who" data-speaker="Angela Merkel"') == 2
    assert 'data-value="2020-05-04"' in page


def test_html_metadata_legend_and_no_fetches():
    page = render_html([annotate(merkel(), body_start=0)])
    p = parse_page(page)
    assert any(t == "table" and "nc-meta" in (a.get("class") or "") for t, a in p.tags)
    assert "<title>Merkel to meet Macron</title>" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert {t for t, _ in p.tags} <= {
        "html", "head", "meta", "title", "style", "body", "main", "article", "h1", "table",
        "tr", "th", "td", "div", "span", "mark", "p", "small", "footer",
    }  # fmt: skip
    lower = page.lower()
    for needle in ("http:", "https:", "url(", "@import", "<script", "<link", "src="):
        assert needle not in lower, needle
    legend = page[page.index('class="nc-legend"') : page.index('class="nc-text"')]
    assert "PERSON" in legend and "EVENT" in legend and "nc-who" in legend


HOSTILE_HTML = (
    'Breaking: <script>alert(1)</script> and "><img src=x onerror=alert(2)> & more\n\n'
    "Mr <b>Bold</b> said \u202eevil\u202c it's 'fine' & \"done\" on Friday.\n"
)


def test_html_escapes_hostile_text_and_attributes():
    art = build(
        HOSTILE_HTML,
        entities=[('E1"><script>', "PERSON", 'Bold"><script>x</script>', [("<b>Bold</b>", 0)])],
        quotes=[("it's 'fine' & \"done\"", '"><img src=x onerror=alert(3)>', "direct")],
        timex=[("Friday", "DATE", '2020"><script>')],
        title="<script>alert(4)</script>",
    )
    page = render_html([annotate(art, body_start=0)])
    p = parse_page(page)
    assert {t for t, _ in p.tags} & {"script", "img", "b", "iframe", "a", "object"} == set()
    assert not [k for _, a in p.tags for k in a if k.startswith("on")]
    assert "<script" not in page.lower() and "<img" not in page.lower()
    text = "".join(p.text)
    assert text == HOSTILE_HTML.replace("\u202e", "\\u202e").replace("\u202c", "\\u202c")
    assert "\u202e" not in page
    ent = next(m for m in p.marks if "nc-e" in m["class"])
    assert ent["title"] == 'PERSON · Bold"><script>x</script>' and ent["text"] == "<b>Bold</b>"
    assert any(a.get("data-speaker") == '"><img src=x onerror=alert(3)>' for _, a in p.tags)


def test_html_crossing_layers_stay_well_nested():
    text = "He said the Prime Minister Jo Bell met them."
    s, _ = find(text, "Minister Jo Bell")
    _, e = find(text, "the Prime Minister")
    art = build(
        text,
        entities=[("E1", "PERSON", "Jo Bell", [("Minister Jo Bell", 0)])],
        quotes=[("the Prime Minister", None, "indirect")],
        timex=[("Prime Minister Jo", "DATE", "XXXX")],
    )
    doc = annotate(art, body_start=0)
    p = parse_page(render_html([doc]))
    assert "".join(p.text) == text
    assert s < e  # the entity starts inside the quote and ends after it


def test_html_several_articles_one_page():
    a, b = merkel(), build("ROME, May 5 - A vote was held.\n", source="b.txt")
    page = render_html([annotate(a, body_start=0), annotate(b, body_start=0)])
    p = parse_page(page)
    assert sum(1 for t, _ in p.tags if t == "article") == 2
    assert "(+1 more)" in page


def test_cli_read_html_file_and_stdout(invoke, fake_pipeline, tmp_path):
    fake_pipeline["m.txt"] = merkel()
    path = write_article(tmp_path, "m.txt", merkel())
    target = tmp_path / "out.html"
    result = invoke("read", path, "--html", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    p = parse_page(target.read_text(encoding="utf-8"))
    assert "".join(p.text) == MERKEL
    fake_pipeline["m.txt"] = merkel()
    result = invoke("read", path, "--html", "-", "--only", "timeline")
    assert result.exit_code == 0
    p = parse_page(result.stdout)
    assert {m["class"] for m in p.marks} == {"nc-t"}
    bad = invoke("read", path, "--html", tmp_path / "no" / "such" / "dir.html")
    assert bad.exit_code == 1 and "cannot write" in bad.stderr


CHROMIUM = next(
    (c for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(c)), None
)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_chromium_renders_the_page_to_png(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(render_html([annotate(merkel(), body_start=0)]), encoding="utf-8")
    png = tmp_path / "page.png"
    keep = os.environ.get("NEWSCLI_KEEP_PNG")
    if keep:
        png = Path(keep)
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--screenshot={png}",
            "--window-size=900,1000",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_seed_html_text_is_the_article(invoke, seed_path, seed_text):
    result = invoke("read", seed_path, "--html", "-")
    assert result.exit_code == 0, result.stderr
    p = parse_page(result.stdout)
    assert "".join(p.text) == seed_text
    assert any("nc-e" in m["class"] for m in p.marks)
    assert "MOSCOW" in result.stdout.split('class="nc-meta"')[1].split("</table>")[0]


def test_read_from_stdin(invoke, seed_text):
    result = invoke("read", "-", "--only", "timeline", input=seed_text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert "[2020-04-27]" in result.stdout and "[— " not in result.stdout
