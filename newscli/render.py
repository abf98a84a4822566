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

from newscli.model import Article

LABEL_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "LOC": "green",
    "NORP": "yellow",
    "FAC": "blue",
    "EVENT": "bright_red",
    "LAW": "bright_magenta",
    "PRODUCT": "bright_blue",
    "WORK_OF_ART": "bright_yellow",
    "LANGUAGE": "bright_cyan",
}
KIND_STYLES = {"direct": "bold", "mixed": "italic", "indirect": "dim"}

# C0 and C1 controls (but tab and newline), DEL, and the bidi embedding/override/isolate marks.
_UNSAFE_RE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str | None) -> str:
    """Make article text safe to print: control and bidi characters become visible escapes."""
    if not text:
        return ""
    return _UNSAFE_RE.sub(_visible, text)


def _t(text: str | None, style: str = "") -> Text:
    return Text(inert(text), style=style)


def _one_line(text: str | None, limit: int = 0) -> str:
    flat = " ".join((text or "").split())
    if limit and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat


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
    return Console(
        file=file,
        no_color=no_color,
        color_system=None if no_color else "auto",
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
            grid.add_row(key, value if isinstance(value, Text) else _t(str(value)))

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


def quotes_table(article: Article, *, compact: bool = False) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=not compact, expand=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Speaker", overflow="fold", max_width=24)
    if not compact:
        table.add_column("Cue", overflow="fold", max_width=14)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Quote", overflow="fold", ratio=1)
    for i, q in enumerate(article.quotes or [], 1):
        speaker = _t(q.speaker, "bold") if q.speaker else Text("unknown", style="dim")
        text = _t(_one_line(q.text, 160 if compact else 600), KIND_STYLES.get(q.kind, ""))
        cells = [str(i), speaker]
        if not compact:
            cells.append(_t(q.cue.text if q.cue else ""))
        cells += [Text(q.kind), text]
        table.add_row(*cells)
    return table


def speaker_counts(article: Article) -> Table:
    counts = Counter(q.speaker or "unknown" for q in article.quotes or [])
    table = Table(box=box.SIMPLE_HEAD, title="Quotes per speaker", title_justify="left")
    table.add_column("Speaker")
    table.add_column("Quotes", justify="right")
    for name, n in counts.most_common():
        table.add_row(_t(name), str(n))
    return table


# --- entities -------------------------------------------------------------------------------


def entities_table(article: Article, *, compact: bool = False) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("Name", overflow="fold")
    table.add_column("Label", no_wrap=True)
    table.add_column("Mentions", justify="right", no_wrap=True)
    if not compact:
        table.add_column("Aliases", overflow="fold")
    table.add_column("Role", overflow="fold")
    for e in article.entities or []:
        cells: list[Any] = [
            _t(e.name, LABEL_STYLES.get(e.label, "")),
            Text(e.label),
            str(e.count),
        ]
        if not compact:
            cells.append(_t(", ".join(a for a in e.aliases if a != e.name)))
        cells.append(_t(e.role or ""))
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


def _context(article: Article, t: Any, limit: int) -> str:
    if t.sentence is None:
        return ""
    return _one_line(article.text[t.sentence.start : t.sentence.end], limit)


def timeline_table(article: Article, *, compact: bool = False) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("When", overflow="fold", max_width=26)
    table.add_column("Value", no_wrap=not compact, overflow="fold")
    if not compact:
        table.add_column("Type", no_wrap=True)
    table.add_column("Expression", overflow="fold", max_width=28)
    if not compact:
        table.add_column("What happened", overflow="fold", ratio=1)
    for t in article.timeline or []:
        when = describe_value(t.value, t.type)
        if t.anchor and t.type == "DURATION":
            when += f"\n{t.anchor[0]} … {t.anchor[1]}"
        cells: list[Any] = [_t(when), _t(t.value, "cyan")]
        if not compact:
            cells.append(Text(t.type))
        cells.append(_t(_one_line(t.text), "bold"))
        if not compact:
            cells.append(_t(_context(article, t, 200)))
        table.add_row(*cells)
    return table


# --- commands -------------------------------------------------------------------------------


def _section(console: Console, title: str, items: list[Any] | None, table: Any) -> None:
    if items is None:
        return
    console.print(Text(f"{title} ({len(items)})", style="bold underline"))
    if items:
        console.print(table)
    else:
        console.print(Text(f"No {title.lower()} found.", style="dim"))
        console.print()


def render_show(console: Console, article: Article) -> None:
    console.print(metadata_panel(article))
    _section(console, "Quotes", article.quotes, quotes_table(article, compact=True))
    _section(console, "Entities", article.entities, entities_table(article, compact=True))
    _section(console, "Timeline", article.timeline, timeline_table(article, compact=True))


def render_quotes(console: Console, article: Article) -> None:
    console.print(_t(article.metadata.title or article.source, "bold"))
    _section(console, "Quotes", article.quotes, quotes_table(article))
    if article.quotes:
        console.print(speaker_counts(article))


def render_entities(console: Console, article: Article) -> None:
    console.print(_t(article.metadata.title or article.source, "bold"))
    _section(console, "Entities", article.entities, entities_table(article))


def render_timeline(console: Console, article: Article) -> None:
    console.print(_t(article.metadata.title or article.source, "bold"))
    ref = article.metadata.date
    console.print(Text(f"Reference date: {ref}" if ref else "Reference date: none", style="dim"))
    _section(console, "Timeline", article.timeline, timeline_table(article))


__all__ = [
    "inert",
    "make_console",
    "render_entities",
    "render_quotes",
    "render_show",
    "render_timeline",
]
