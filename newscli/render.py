"""Rich output for people. Thin: it lays out what the core found and decides nothing.

Article text is data, never markup: every string that comes from an article goes through
:func:`inert` and into a :class:`rich.text.Text` (never parsed as Rich markup), so no article can
change the terminal's colours, links, title or layout.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newscli.model import Article, Quote
from newscli.palette import LABEL_COLOURS, OTHER_COLOUR, QUOTE_COLOUR
from newscli.quote_lexicon import PRONOUNS
from newscli.regex_cache import compile as compile_re
from newscli.sources import UNNAMED
from newscli.terminal import inert

# every label its own colour, from the one palette (also the HTML export's): bold, so that a
# name stands out of the text it is in
LABEL_STYLES = {label: f"bold {colour}" for label, colour in LABEL_COLOURS.items()}
OTHER_LABEL_STYLE = f"bold {OTHER_COLOUR}"


def label_style(label: str) -> str:
    """The terminal style of an entity label, from :mod:`newscli.palette`."""
    return LABEL_STYLES.get(label, OTHER_LABEL_STYLE)


KIND_STYLES = {"direct": "bold", "mixed": "italic", "indirect": "dim"}


def _t(text: str | None, style: str = "") -> Text:
    return Text(inert(text), style=style)


# A terminal table is for reading, and Rich takes about a millisecond a row: a hostile article
# with 30,000 time expressions would take half a minute to draw. Tables stop here (the rest is
# counted under the table; --json has everything); long field values are cut likewise.
ROWS_COMPACT = 100
ROWS_FULL = 1000
FIELD_CHARS = 400


def _first(items: list[Any] | None, compact: bool) -> list[Any]:
    return (items or [])[: ROWS_COMPACT if compact else ROWS_FULL]


def _cut(text: str, limit: int = FIELD_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(text: str | None, limit: int = 0) -> str:
    """``text`` on one line, cut to ``limit`` characters at a word boundary (``…`` marks it)."""
    flat = " ".join((text or "").split())
    if limit and len(flat) > limit:
        cut = flat.rfind(" ", 0, limit)
        if cut < limit * 0.6:  # one very long word: cut inside it rather than lose the line
            cut = limit - 1
        flat = flat[:cut].rstrip(" ,;:") + "…"
    return flat


class _Console(Console):
    """Rich's console, except that a closed pipe (``| head -1``) is a normal end: Rich exits
    with status 1 there; the error goes up to ``cli.main``, which ends quietly with 0."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def make_console(
    file: IO[str],
    *,
    no_color: bool = False,
    environ: Mapping[str, str] | None = None,
    force_terminal: bool | None = None,
    width: int | None = None,
) -> Console:
    """A console for ``file`` that honours ``--no-color``, ``NO_COLOR`` and ``FORCE_COLOR``."""
    environ = environ if environ is not None else {}
    no_color = no_color or bool(environ.get("NO_COLOR"))
    if force_terminal is None and environ.get("FORCE_COLOR") and not no_color:
        force_terminal = True
    if width is None and environ.get("COLUMNS", "").isdigit():
        width = int(environ["COLUMNS"])
    color_system: str | None = "auto"
    if no_color:
        color_system = None
    elif force_terminal and environ.get("TERM", "dumb") in ("", "dumb"):
        color_system = "standard"  # forced colour on a terminal that does not say what it has
    return _Console(
        file=file,
        no_color=no_color,
        color_system=color_system,  # type: ignore[arg-type]
        force_terminal=force_terminal,
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


# --- metadata -------------------------------------------------------------------------------


def metadata_panel(article: Article) -> Panel:
    meta = article.metadata
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")

    def row(key: str, value: Any) -> None:
        if value is None or value == "" or value == []:
            grid.add_row(key, Text("—", style="dim"))
        else:
            grid.add_row(key, value if isinstance(value, Text) else _t(_cut(str(value))))

    row("Title", meta.title)
    date = meta.date
    if date and meta.date_source:
        date = f"{date}  ({meta.date_source}, {meta.date_precision or '?'})"
    row("Date", date)
    if meta.dateline:
        d = meta.dateline
        parts = [p for p in (d.place, d.date_text, d.agency) if p]
        row("Dateline", " · ".join(parts) if parts else d.text)
    else:
        row("Dateline", None)
    row("Byline", ", ".join(meta.authors) if meta.authors else meta.byline)
    row("Language", meta.language)
    c = meta.counts
    row(
        "Counts",
        f"{c.paragraphs} paragraphs · {c.sentences} sentences · {c.words} words · "
        f"{c.characters} characters · {meta.reading_minutes:g} min read",
    )
    row("Lead", _one_line(meta.lead, 400) if meta.lead else None)
    title = _t(_one_line(meta.title or article.source, 70), "bold")
    return Panel(
        grid,
        title=title,
        title_align="left",
        subtitle=_t(article.source, "dim"),
        subtitle_align="right",
        box=box.ROUNDED,
    )


# --- quotes ---------------------------------------------------------------------------------


UNKNOWN_SPEAKER = "(unknown)"


def speaker_label(q: Quote) -> tuple[str, str]:
    """What to call a quote's speaker, and its style: the entity's name; else, in brackets so
    that it reads as no name without colour, the words that describe the speaker ("(the
    ministry)", "(officials)"), and an unnamed source as one ("(unnamed: a senior official)");
    else "(unknown)"."""
    m = q.speaker_mention
    if q.speaker == UNNAMED and q.speaker_id is None:
        words = " ".join(m.text.split()) if m is not None else ""
        return (f"(unnamed: {words})" if words else "(unnamed source)"), "italic"
    if q.speaker:
        return q.speaker, "bold"
    if m is not None:
        words = " ".join(m.text.split())
        if words and words.lower() not in PRONOUNS:
            return f"({words})", "italic"
    return UNKNOWN_SPEAKER, "dim"


def _folded(quotes: list[Quote]) -> dict[int, list[int]]:
    """Quotes shown inside the row of the quote that holds them (``within``: the direct quote
    inside a mixed one, the same words): container index -> the indices folded into it."""
    inside: dict[int, list[int]] = {}
    for i, q in enumerate(quotes):
        j = q.within
        if j is None or not 0 <= j < len(quotes) or j == i:
            continue
        for _ in quotes:  # up to the outermost quote: that is the row
            up = quotes[j].within
            if up is None or not 0 <= up < len(quotes) or up in (i, j):
                break
            j = up
        inside.setdefault(j, []).append(i)
    return inside


def quotes_table(article: Article, *, compact: bool = False) -> Table:
    """One row per quote, numbered as in the JSON (1 is ``quotes[0]``). A quote inside another
    (the direct part of a mixed quote) is not a row of its own words: its number and kind are
    listed under the holding quote's, whose text shows it in its quote marks."""
    table = Table(box=box.SIMPLE_HEAD, show_lines=not compact, expand=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Speaker", overflow="fold", max_width=24)
    if not compact:
        table.add_column("Cue", overflow="fold", max_width=14)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Quote", overflow="fold", ratio=1)
    quotes = _first(article.quotes, compact)
    inside = _folded(quotes)
    folded = {i for members in inside.values() for i in members}
    for i, q in enumerate(quotes):
        if i in folded:
            continue
        speaker = _t(*speaker_label(q))
        text = _t(_one_line(q.text, 160 if compact else 600), KIND_STYLES.get(q.kind, ""))
        number, kind = Text(str(i + 1)), Text(q.kind)
        for j in inside.get(i, []):
            number.append(f"\n{j + 1}")
            kind.append(f"\n└ {quotes[j].kind}", style="dim")
        cells: list[Any] = [number, speaker]
        if not compact:
            cells.append(_t(_cut(q.cue.text) if q.cue else ""))
        cells += [kind, text]
        table.add_row(*cells)
    return table


def speaker_counts(article: Article) -> Table:
    """Quotes per speaker: one row per person or organisation (by entity, so one speaker is
    never counted under two names), then one row for the quotes no name was found for. A quote
    inside another (the same words) is counted once, with the quote that holds it."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    unnamed = sources = 0
    quotes = article.quotes or []
    folded = {i for members in _folded(quotes).values() for i in members}
    for i, q in enumerate(quotes):
        if i in folded:
            continue
        if not q.speaker:
            unnamed += 1
            continue
        if q.speaker == UNNAMED and q.speaker_id is None:
            sources += 1  # described, not named: no one person to count them under
            continue
        key = q.speaker_id or q.speaker
        names.setdefault(key, q.speaker)
        counts[key] += 1
    table = Table(box=box.SIMPLE_HEAD, title="Quotes per speaker", title_justify="left")
    table.add_column("Speaker")
    table.add_column("Quotes", justify="right")
    for key, n in counts.most_common(ROWS_FULL):
        table.add_row(_t(_cut(names[key]), "bold"), str(n))
    if sources:
        table.add_row(_t("(unnamed sources)", "italic"), str(sources))
    if unnamed:
        table.add_row(_t("(no name found)", "dim"), str(unnamed))
    return table


# --- entities -------------------------------------------------------------------------------


def entities_table(article: Article, *, compact: bool = False, width: int = 100) -> Table:
    """Entities with their id (what quotes and the JSON refer to). The name has the first
    claim on the width (as wide as the longest, up to 32 columns); as the terminal narrows the
    aliases go first (under 100 columns), then the role (under 64, or when it would have fewer
    than 10 columns). Every column's width is set here, so that the table never runs past the
    terminal's edge (where it would be cut inside a word)."""
    rows = _first(article.entities, compact)
    name_w = min(32, max((len(e.name) for e in rows), default=4), max(8, width - 30))
    id_w = max((len(e.id) for e in rows), default=2)
    label_w = max([5, *(len(e.label) for e in rows)])
    aliases = not compact and width >= 100
    roles = width >= 64
    ncols = 4 + aliases + roles
    # what the columns have between them: padding and edges (three a column, measured)
    rest = width - (3 * ncols + 1) - (id_w + name_w + label_w + len("Mentions"))
    role_w = min(max((len(e.role or "") for e in rows), default=4), rest)
    if aliases:  # the role has what the aliases do not need, and at least half
        alias_w = max(
            (len(", ".join(a for a in e.aliases if a != e.name)) for e in rows),
            default=0,
        )
        role_w = min(role_w, max(rest // 2, rest - max(7, alias_w)))
    if role_w < 10 and roles:
        roles, rest = False, rest + 2
        role_w = 0
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("Id", style="dim", no_wrap=True, width=id_w)
    table.add_column("Name", overflow="fold", width=name_w)
    table.add_column("Label", no_wrap=True, width=label_w)
    table.add_column("Mentions", justify="right", no_wrap=True)
    if aliases:
        table.add_column("Aliases", overflow="fold", max_width=max(7, rest - role_w))
    if roles:
        table.add_column("Role", overflow="fold", max_width=max(4, role_w))
    for e in rows:
        cells: list[Any] = [
            Text(e.id),
            _t(_cut(e.name), label_style(e.label)),
            Text(e.label, style=label_style(e.label)),  # the legend of the names' colours
            str(e.count),
        ]
        if aliases:
            cells.append(_t(_cut(", ".join(a for a in e.aliases if a != e.name))))
        if roles:
            cells.append(_t(_cut(e.role or "")))
        table.add_row(*cells)
    return table


# --- timeline -------------------------------------------------------------------------------

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_UNITS = {
    "Y": "year",
    "M": "month",
    "W": "week",
    "D": "day",
    "H": "hour",
    "S": "second",
    "DE": "decade",
    "CE": "century",
}


def describe_value(value: str, type_: str) -> str:
    """A human reading of a TIMEX3 value: ``2020-04-27`` → ``27 Apr 2020``, ``P1Y`` → ``1 year``."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value)
    if m:
        y, mo, d, t = m.groups()
        return f"{int(d)} {_MONTHS[int(mo) - 1]} {y}" + (f" {t[1:]}" if t else "")
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"P(T?)(\d+|X)(DE|CE|[YMWDHS])", value)
    if m:
        n, unit = m.group(2), m.group(3)
        name = "minute" if (m.group(1) and unit == "M") else _UNITS.get(unit, unit)
        if n == "X":
            return f"{name}s"
        return f"{n} {name}" + ("s" if n != "1" else "")
    readable = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
    return readable.get(value, value)


def _window(article: Article, t: Any, budget: int) -> Text:
    """The expression in its sentence, keyword-in-context: about ``budget`` characters around
    it, cut at word boundaries (``…`` marks a cut), the expression itself in bold."""
    text = article.text
    lo, hi = (t.sentence.start, t.sentence.end) if t.sentence is not None else (t.start, t.end)
    left = " ".join(text[lo : t.start].split())
    right = " ".join(text[t.end : hi].split())
    expr = " ".join(text[t.start : t.end].split())
    room = max(0, budget - len(expr))
    keep_left = min(len(left), max(room * 2 // 5, room - len(right)))
    keep_right = min(len(right), room - keep_left)
    if keep_left < len(left):
        cut = left.find(" ", len(left) - keep_left)
        left = "…" + (left[cut:] if cut >= 0 else "")
    if keep_right < len(right):
        cut = right.rfind(" ", 0, keep_right)
        right = (right[:cut] if cut > 0 else "") + "…"
    out = Text()
    if left:
        out.append(inert(left) + ("" if left.endswith(("…", "(", "“", '"')) else " "))
    out.append(inert(expr), style="bold")
    if right:
        out.append(("" if right[:1] in ",.;:)”\"'’…" else " ") + inert(right))
    return out


def _unresolved(value: str) -> bool:
    """A value with unknown parts (``XXXX-WXX-3``, ``PXY`` is a known unit and resolved)."""
    return value[:1] != "P" and "X" in value


def timeline_table(article: Article, *, compact: bool = False, width: int = 100) -> Table:
    """One or two lines per expression, in chronological order: the day or period it resolves
    to (``unresolved`` when the text does not say), its TIMEX3 value, and the expression in its
    sentence, cut to the width left (keyword in context)."""
    show_type = not compact and width >= 90
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("When", no_wrap=True)
    table.add_column("Value", no_wrap=True, style="cyan")
    if show_type:
        table.add_column("Type", no_wrap=True)
    table.add_column("In context", overflow="fold", ratio=1)
    rows = _first(article.timeline, compact)
    when_w = max((len(describe_value(t.value, t.type)) for t in rows), default=4)
    value_w = max((len(t.value) for t in rows), default=5)
    fixed = min(when_w, 16) + min(value_w, 16) + (10 if show_type else 0) + 10
    budget = max(24, int(1.8 * (width - fixed)) - 4)  # two lines of the column, as it wraps
    for t in rows:
        if _unresolved(t.value):
            when = _t("unresolved", "dim")
        else:
            when = _t(describe_value(t.value, t.type))
        cells: list[Any] = [when, _t(t.value)]
        if show_type:
            cells.append(Text(t.type, style="dim"))
        cells.append(_window(article, t, budget))
        table.add_row(*cells)
    return table


# --- the timeline's picture (laid out by newscli/timeline_picture.py) -----------------------


def _styled(cells: list[str], styles: dict[str, str], default: str = "") -> Text:
    out = Text(no_wrap=True, overflow="crop")
    for ch in "".join(cells).rstrip():
        out.append(ch, style=styles.get(ch, default) or None)
    return out


def timeline_strip(
    timeline: list[Any], reference: str | None, width: int, now: str = "the article's date"
) -> list[Text]:
    """The picture above the timeline table: marks, axis, labels and what the marks mean."""
    from newscli.timeline_picture import MARK, NOW, PERIOD, strip_cells, strip_key

    rows = strip_cells(timeline, reference, width - 2) if width >= 40 else None
    if rows is None:  # nothing resolved, or too narrow for the key
        return []
    marks, axis, labels = rows
    digits = {str(n): "bold" for n in range(2, 10)}
    lines = [
        _styled(marks, {MARK: "bold", "+": "bold", PERIOD: "dim", **digits}),
        _styled(axis, {NOW: "bold"}, "dim"),
        _styled(labels, {}, "dim"),
    ]
    lines += [Text(line, style="dim") for line in strip_key(axis, width, now)]
    for line in lines:
        line.pad_left(2)
    return lines


def timeline_line(timeline: list[Any], reference: str | None, width: int) -> list[Text]:
    """The picture in two lines, for ``show``: ``Jan 2019 ───▲── Aug 2020`` under its marks."""
    from newscli.timeline_picture import AXIS, MARK, NOW, PERIOD, TICK, line_cells

    cells = line_cells(timeline, reference, width)
    if cells is None:
        return []
    left, right, marks, axis = cells
    top = _styled([" "] * (len(left) + 1) + marks, {MARK: "bold", PERIOD: "dim"}, "bold")
    bottom = Text(f"{left} ", style="dim", no_wrap=True, overflow="crop")
    bottom.append_text(_styled([AXIS if a == TICK else a for a in axis], {NOW: "bold"}, "dim"))
    bottom.append(f" {right}", style="dim")
    for line in (top, bottom):
        line.pad_left(2)
    return [top, bottom]


# --- commands -------------------------------------------------------------------------------


def _section(
    console: Console,
    title: str,
    items: list[Any] | None,
    table: Any,
    compact: bool = False,
    before: list[Text] | None = None,
) -> None:
    """A heading with the count, lines ``before`` the table (a picture), the table, and how
    many items the table left out (counted in items, not rows: a quote inside another shares
    its row)."""
    if items is None:
        return
    console.print(Text(f"{title} ({len(items)})", style="bold underline"))
    if items:
        for line in before or []:
            console.print(line)
        console.print(table)
        more = len(items) - len(_first(items, compact))
        if more > 0:
            console.print(Text(f"… and {more:,} more (--json gives them all)", style="dim"))
            console.print()
    else:
        console.print(Text(f"No {title.lower()} found.", style="dim"))
        console.print()


def render_show(console: Console, article: Article) -> None:
    console.print(metadata_panel(article))
    _section(console, "Quotes", article.quotes, quotes_table(article, compact=True), True)
    table = entities_table(article, compact=True, width=console.width)
    _section(console, "Entities", article.entities, table, True)
    table = timeline_table(article, compact=True, width=console.width)
    picture: list[Text] = []
    if article.timeline:
        picture = timeline_line(article.timeline, article.metadata.date, console.width)
    _section(console, "Timeline", article.timeline, table, True, picture)


def render_quotes(console: Console, article: Article) -> None:
    console.print(_t(article.metadata.title or article.source, "bold"))
    _section(console, "Quotes", article.quotes, quotes_table(article))
    if article.quotes:
        console.print(speaker_counts(article))


def render_entities(console: Console, article: Article) -> None:
    console.print(_t(article.metadata.title or article.source, "bold"))
    _section(console, "Entities", article.entities, entities_table(article, width=console.width))


def render_timeline(console: Console, article: Article) -> None:
    console.print(_t(article.metadata.title or article.source, "bold"))
    ref = article.metadata.date
    console.print(Text(f"Reference date: {ref}" if ref else "Reference date: none", style="dim"))
    if article.timeline:  # the picture first, then the table of what it shows
        option = article.metadata.date_source == "option"
        now = "the reference date" if option else "the article's date"
        lines = timeline_strip(article.timeline, ref, console.width, now)
        if lines:
            console.print()
            for line in lines:
                console.print(line)
            console.print()
    _section(console, "Timeline", article.timeline, timeline_table(article, width=console.width))


__all__ = [
    "inert",
    "make_console",
    "render_entities",
    "render_quotes",
    "render_show",
    "render_timeline",
]


# --- read: the annotated article ------------------------------------------------------------

READ_STYLES = {
    "title": "bold",
    "dateline": "bold",
    "date": "bold dim",
    "byline": "italic",
    "header": "dim",
    "quote": "italic",
    "quote_bar": QUOTE_COLOUR,
    "speaker": f"bold {QUOTE_COLOUR}",
    "timex": "underline",
    "value": "dim",
    "note": "dim",
}
# the lookbehind starts a match only at the first blank of a run: without it a long run of
# spaces with no newline after it is retried from every space (quadratic: 20 s for 40 kB)
_REFLOW_RE = compile_re(r"(?<![ \t])[ \t]*\r?\n[ \t\r]*")


class _Bar:
    """A coloured bar down the left of a renderable, on every line it wraps to."""

    def __init__(self, renderable: Any, style: str, bar: str = "▌ ") -> None:
        self.renderable = renderable
        self.style = style
        self.bar = bar

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.segment import Segment

        width = max(1, options.max_width - len(self.bar))
        lines = console.render_lines(self.renderable, options.update_width(width), pad=False)
        bar = Segment(self.bar, console.get_style(self.style) if self.style else None)
        for line in lines:
            while line and not line[-1].text.rstrip():
                line = line[:-1]
            if line and line[-1].text != line[-1].text.rstrip():
                last = line[-1]
                line = [*line[:-1], Segment(last.text.rstrip(), last.style, last.control)]
            if self.bar:
                yield bar
            yield from line
            yield Segment.line()


def _piece_style(piece: Any, header: bool) -> str:
    styles = []
    if piece.role is not None:
        styles.append(READ_STYLES.get(piece.role, ""))
    elif header:
        styles.append(READ_STYLES["header"])
    if piece.quote is not None:
        styles.append(READ_STYLES["quote"])
    if piece.entity is not None:
        styles.append(label_style(piece.entity.label))
    if piece.timex is not None:
        styles.append(READ_STYLES["timex"])
    return " ".join(s for s in styles if s)


def read_block_text(block: Any, plain: bool = False) -> Text:
    """One block of an annotated article as a styled Text, built from spans (never markup).

    Paragraph text is reflowed (a hard-wrapped line break becomes a space); the header keeps
    its lines. A time expression is followed by its value in a dim bracket and the last part
    of a quote by its speaker, so both show even without colour; with ``plain`` (no colour)
    an entity mention is written ``[Kim Jong-un|PERSON]``."""
    header = block.kind == "header"
    out = Text(overflow="fold", end="")
    for piece in block.pieces:
        shown = piece.text if header else _REFLOW_RE.sub(" ", piece.text)
        if header and piece is block.pieces[-1]:
            shown = shown.rstrip()
        if header and piece is block.pieces[0]:
            shown = shown.lstrip()
        e = piece.entity if plain else None
        if e is not None and piece.start == e.start:
            out.append("[")
        out.append(inert(shown), style=_piece_style(piece, header) or None)
        if e is not None and piece.end == e.end:
            out.append(f"|{e.label}]")
        t = piece.timex
        if t is not None and piece.end == t.end:
            out.append(f" [{inert(t.value)}]", style=READ_STYLES["value"])
        q = piece.quote
        if q is not None and q.last and piece.end == q.end:
            out.append(f" [— {inert(q.speaker or UNKNOWN_SPEAKER)}]", style=READ_STYLES["speaker"])
    return out


def read_legend(doc: Any) -> Text:
    legend = Text(end="")
    for label in doc.labels:
        legend.append(inert(label), style=label_style(label))
        legend.append("  ")
    if "quotes" in doc.layers:
        legend.append("▌", style=READ_STYLES["quote_bar"])
        legend.append("quote", style=READ_STYLES["quote"])
        legend.append(" [— speaker]", style=READ_STYLES["speaker"])
        legend.append("  ")
    if "timeline" in doc.layers:
        legend.append("time", style=READ_STYLES["timex"])
        legend.append(" [value]", style=READ_STYLES["value"])
    legend.rstrip()
    return legend


def render_read(console: Console, doc: Any) -> None:
    """The article itself with its layers (an :class:`newscli.annotate.AnnotatedArticle`)."""
    from rich.rule import Rule

    meta = doc.metadata
    # without colour, entity mentions are marked in the text itself: [Kim Jong-un|PERSON]
    plain = console.no_color or console.color_system is None
    header = next((b for b in doc.blocks if b.kind == "header"), None)
    has_title = header is not None and any(p.role == "title" for p in header.pieces)
    if meta.title and not has_title:
        console.print(_t(_one_line(meta.title), READ_STYLES["title"]))
    if header is not None and doc.text[header.start : header.end].strip():
        console.print(_Bar(read_block_text(header, plain), "", ""))
    info = [doc.source]
    if meta.date:
        info.append(meta.date)
    byline = ", ".join(meta.authors) if meta.authors else meta.byline
    if byline:
        info.append(byline)
    if meta.counts.words:
        info.append(f"{meta.counts.words} words · {meta.reading_minutes:g} min read")
    console.print(_Bar(_t(" · ".join(info), READ_STYLES["note"]), "", ""))
    names = {"quotes": "quote", "entities": "entity mention", "timeline": "time expression"}

    def many(n: int, layer: str) -> str:
        return names[layer] + ("" if n == 1 else "s")

    shown = [f"{doc.counts[x]} {many(doc.counts[x], x)}" for x in doc.layers if x in doc.counts]
    hidden = [f"{n} overlapping {many(n, x)}" for x, n in doc.hidden.items() if n]
    if shown or hidden:
        line = " · ".join(shown) + (f" (not shown: {', '.join(hidden)})" if hidden else "")
        console.print(_Bar(Text(line, style=READ_STYLES["note"]), "", ""))
    legend = read_legend(doc)
    if legend.plain:
        console.print(_Bar(legend, "", ""))
    console.print(Rule(style="dim", characters="─"))
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    if not paragraphs:
        console.print(Text("(no article text)", style=READ_STYLES["note"]))
    for i, block in enumerate(paragraphs):
        if i:
            console.print()
        text = read_block_text(block, plain)
        console.print(
            _Bar(text, READ_STYLES["quote_bar"]) if block.has_quote else _Bar(text, "", "")
        )
    console.print()


# --- overview: a corpus at a glance ---------------------------------------------------------

_EIGHTHS = " ▏▎▍▌▋▊▉"


def block_bar(value: float, top: float, width: int) -> str:
    """A horizontal bar of ``width`` cells at most, in eighths of a cell; never empty for > 0."""
    if top <= 0 or value <= 0 or width <= 0:
        return ""
    units = round(value / top * width * 8)
    units = max(1, min(units, width * 8))
    full, rest = divmod(units, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def _heading(console: Console, title: str) -> None:
    console.print()
    console.print(Text(title, style="bold underline"))


def render_overview(console: Console, data: Mapping[str, Any]) -> None:
    """Speakers, names per label and a date histogram (``Overview.to_dict`` output)."""
    from rich.columns import Columns

    from newscli.annotate import LABEL_NAMES
    from newscli.overview import fill_gaps

    n, failed = data["articles"], data.get("failed", 0)
    head = f"Overview of {n} article" + ("" if n == 1 else "s")
    if failed:
        head += f" ({failed} failed)"
    console.print(Text(head, style="bold"))

    q = data["quotes"]
    _heading(console, "Who is quoted")
    if not q["total"]:
        console.print(Text("No quotes found.", style="dim"))
    else:
        share = q["attributed"] / q["total"] if q["total"] else 0
        console.print(
            Text(
                f"{q['total']} quotes, {q['attributed']} attributed ({share:.0%}), "
                f"{q['distinct_speakers']} speaker" + ("" if q["distinct_speakers"] == 1 else "s"),
                style="dim",
            )
        )
    if q["speakers"]:
        # narrow terminals: what a speaker talks about goes under the name, not in a column
        narrow = console.width < 100
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
        table.add_column("Speaker", overflow="fold", ratio=2, min_width=16)
        table.add_column("Quotes", justify="right", no_wrap=True)
        table.add_column("Share", no_wrap=True)
        table.add_column("Articles", justify="right", no_wrap=True)
        if not narrow:
            table.add_column("Talks about", overflow="fold", ratio=3, min_width=12)
        top = max(s["quotes"] for s in q["speakers"])
        for s in q["speakers"]:
            who = _t(s["name"], "bold")
            if s.get("role"):
                who.append("\n")
                who.append(_t(_one_line(s["role"], 60), "dim"))
            linked = Text()
            for i, e in enumerate(s["linked"]):
                linked.append(", " if i else ("talks about " if narrow else ""), style="dim")
                linked.append(inert(e["name"]), style=label_style(e["label"]))
                linked.append(f" {e['count']}", style="dim")
            bar = Text(f"{s['share']:>4.0%} ", style="")
            bar.append(block_bar(s["quotes"], top, 8), style=READ_STYLES["quote_bar"])
            cells: list[Any] = [who, str(s["quotes"]), bar, str(s["articles"])]
            if narrow:
                if linked.plain:
                    who.append("\n")
                    who.append(linked)
            else:
                cells.append(linked)
            table.add_row(*cells)
        console.print(table)

    _heading(console, "Who and what is named")
    entities = data["entities"]
    if not entities:
        console.print(Text("No entities found.", style="dim"))
    tables = []
    for label, rows in entities.items():
        title = Text(inert(label), style=label_style(label))
        if label in LABEL_NAMES:
            title.append(f" {LABEL_NAMES[label]}", style="dim")
        t = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False)
        t.add_column("Name", overflow="fold", max_width=24)
        t.add_column("Articles", justify="right", no_wrap=True)
        t.add_column("Mentions", justify="right", no_wrap=True)
        for row in rows:
            t.add_row(
                _t(row["name"], label_style(label)),
                str(row["articles"]),
                str(row["mentions"]),
            )
        tables.append(t)
    if tables:
        console.print(Columns(tables, padding=(0, 3)))

    tl = data["timeline"]
    by = tl["by"]
    _heading(console, f"When: dates mentioned per {by}")
    hist = fill_gaps(tl["histogram"], by)
    if not hist:
        console.print(Text("No resolved dates.", style="dim"))
    else:
        top = max(r["count"] for r in hist)
        digits = len(str(top))
        width = max(8, min(60, console.width - 7 - 2 - digits - 2))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(justify="right", no_wrap=True)
        for r in hist:
            grid.add_row(
                Text(r["period"]),
                Text(block_bar(r["count"], top, width), style="cyan"),
                Text(str(r["count"]), style="dim" if not r["count"] else ""),
            )
        console.print(grid)
    note = f"{tl['placed']} of {tl['dates']} dates placed"
    if tl["unplaced"]:
        note += f"; {tl['unplaced']} not within one {by} (weeks, seasons, unresolved years)"
    console.print(Text(note, style="dim"))


__all__ += ["block_bar", "read_block_text", "render_overview", "render_read"]
