"""The command line: arguments, reading inputs, choosing JSON or Rich output, exit codes.

Nothing here analyses text; the core does (``newscli.pipeline.inspect``). JSON goes straight to
stdout with ``json.dumps`` (never through Rich), diagnostics go to stderr as one line each:
``newscli: PATH: reason``. Exit codes: 0 success, 1 an input failed, 2 usage error.
"""

from __future__ import annotations

import copy
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Annotated, Any

import typer

from newscli import __version__
from newscli.record import factory, record

app = typer.Typer(
    name="newscli",
    help="Inspect news articles: metadata, quotes and speakers, entities, and a timeline.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@record
class Env:
    """Where the CLI reads and writes. Tests swap it to fake a terminal or a pipe."""

    stdin: IO[bytes] | None = None
    stdout: IO[str] | None = None
    stderr: IO[str] | None = None
    stdout_isatty: bool | None = None
    environ: dict[str, str] = factory(lambda: dict(os.environ))

    def out(self) -> IO[str]:
        return self.stdout or sys.stdout

    def err(self) -> IO[str]:
        return self.stderr or sys.stderr

    def inp(self) -> IO[bytes]:
        return self.stdin or sys.stdin.buffer

    def isatty(self) -> bool:
        if self.stdout_isatty is not None:
            return self.stdout_isatty
        try:
            return self.out().isatty()
        except (AttributeError, ValueError):
            return False


env = Env()


def _say(message: str) -> None:
    """One diagnostic line on stderr. Paths and reasons may hold control characters (a file
    named ``\\x1b]0;pwned\\x07.txt``, a newline in a name): shown escaped, never acted on."""
    from newscli.terminal import inert_line

    print(f"newscli: {inert_line(message)}", file=env.err(), flush=True)


def _parse_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a valid calendar date (use YYYY-MM-DD)"
        ) from None


def _version(value: bool) -> None:
    if value:
        print(f"newscli {__version__}")
        raise typer.Exit()


def _split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _count(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


ENTITY_LABELS = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART",
    "LANGUAGE",
)  # fmt: skip


def _labels(value: str | None) -> set[str]:
    """The ``--label`` values, upper-cased; an unknown one is a usage error that lists the
    valid labels and suggests the nearest (``PERSONS`` -> ``PERSON``)."""
    labels = {v.upper() for v in _split_list(value)}
    unknown = sorted(labels - set(ENTITY_LABELS))
    if unknown:
        import difflib

        near = difflib.get_close_matches(unknown[0], ENTITY_LABELS, n=1, cutoff=0.5)
        hint = f" (did you mean {near[0]}?)" if near else ""
        raise typer.BadParameter(
            f"unknown label {unknown[0]!r}{hint}; the labels are {', '.join(ENTITY_LABELS)}",
            param_hint="--label",
        )
    return labels


Paths = Annotated[
    list[str] | None,
    typer.Argument(
        help="Article files (.txt, .md, .html), folders (searched recursively), or - for stdin.",
        show_default=False,
    ),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="One JSON object per article on stdout (JSON Lines).")
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="Reference date for relative dates; overrides the article's own date.",
        callback=_parse_date,
    ),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="Plain output without colours.")]
IncludeTextOpt = Annotated[
    bool, typer.Option("--include-text", help="With --json: add the article text as 'text'.")
]
MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes", min=1, help="Skip files larger than this many bytes.", show_default=True
    ),
]


SpeakerOpt = Annotated[
    str | None,
    typer.Option(
        "--speaker", metavar="NAME", help="Only quotes whose speaker's name contains NAME."
    ),
]
LabelOpt = Annotated[
    str | None,
    typer.Option(
        "--label", metavar="LABELS", help="Only entities with these labels, e.g. PERSON,ORG."
    ),
]


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Inspect news articles: metadata, quotes and speakers, entities, and a timeline."""


@record
class _Options:
    as_json: bool
    date: str | None
    no_color: bool
    include_text: bool
    max_bytes: int


def _inputs(paths: list[str] | None) -> list[str]:
    if paths:
        return list(paths)
    if env.stdin is not None or not sys.stdin.isatty():
        return ["-"]
    raise typer.BadParameter("give at least one PATH, or - for stdin", param_hint="PATH")


def _articles(
    paths: list[str], opts: _Options, sections: Iterable[str]
) -> Iterator[tuple[Any | None, bool]]:
    """Analyse each input in order; yield (article, failed). Errors are reported here."""
    from newscli.pipeline import inspect
    from newscli.reader import ReadError, discover, read_document

    sections = tuple(sections)
    for path, error in discover(paths):
        if error is not None:
            _say(f"{path}: {error}")
            yield None, True
            continue
        try:
            doc = read_document(path, max_bytes=opts.max_bytes, stdin=env.inp())
        except ReadError as exc:
            _say(f"{path}: {exc}")
            yield None, True
            continue
        except OSError as exc:
            _say(f"{path}: {exc.strerror or exc}")
            yield None, True
            continue
        for warning in doc.warnings:
            _say(f"{path}: warning: {warning}")
        try:
            article = inspect(
                doc.text, opts.date, source=doc.source, sections=sections, hints=doc.hints
            )
        except Exception as exc:  # a bug must not cost the other inputs
            _say(f"{path}: could not analyse: {type(exc).__name__}: {exc}")
            yield None, True
            continue
        yield article, False


def _run(
    paths: list[str] | None,
    opts: _Options,
    sections: Iterable[str],
    to_json: Callable[[Any], dict[str, Any]],
    to_screen: Callable[[Any, Any], None],
) -> None:
    sections = tuple(sections)
    inputs = _inputs(paths)
    try:
        _emit(inputs, opts, sections, to_json, to_screen)
    except KeyboardInterrupt:
        _say("interrupted")
        raise typer.Exit(130) from None


def _emit(
    inputs: list[str],
    opts: _Options,
    sections: tuple[str, ...],
    to_json: Callable[[Any], dict[str, Any]],
    to_screen: Callable[[Any, Any], None],
) -> None:
    failed = False
    undated = 0
    console = None
    out = env.out()
    for article, bad in _articles(inputs, opts, sections):
        _settle_gc()
        if bad:
            failed = True
            continue
        for w in article.warnings:
            if not w.startswith("no reference date"):
                _say(f"{article.source}: warning: {w}")
            elif "timeline" in sections:
                undated += 1
                if undated == 1:  # said once, for the first such article, with the remedy
                    _say(f"{article.source}: {w} (give --date YYYY-MM-DD)")
        if opts.as_json:
            from newscli.pipeline import write_json_line

            write_json_line(to_json(article), out.write)
            out.flush()
        else:
            if console is None:
                from newscli.render import make_console

                console = make_console(
                    out, no_color=opts.no_color, environ=env.environ, force_terminal=None
                )
            to_screen(console, article)
    if undated > 1:
        _say(f"{_count(undated - 1, 'more article')} had no reference date either")
    if failed:
        raise typer.Exit(1)


def _opts(as_json: bool, date: str | None, no_color: bool, include_text: bool, max_bytes: int):
    return _Options(as_json, date, no_color, include_text, max_bytes)


@app.command()
def show(
    paths: Paths = None,
    as_json: JsonOpt = False,
    date: DateOpt = None,
    no_color: NoColorOpt = False,
    include_text: IncludeTextOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
) -> None:
    """The full report: metadata, then quotes, entities and timeline."""
    opts = _opts(as_json, date, no_color, include_text, max_bytes)

    def screen(console: Any, article: Any) -> None:
        from newscli.render import render_show

        render_show(console, article)

    _run(
        paths,
        opts,
        ("metadata", "quotes", "entities", "timeline"),
        lambda a: a.to_dict(include_text=include_text, lazy=True),
        screen,
    )


@app.command()
def quotes(
    paths: Paths = None,
    speaker: SpeakerOpt = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Only these kinds: direct,mixed,indirect.", metavar="KINDS"),
    ] = None,
    as_json: JsonOpt = False,
    date: DateOpt = None,
    no_color: NoColorOpt = False,
    include_text: IncludeTextOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
) -> None:
    """Quotations and who said them."""
    kinds = set(_split_list(kind))
    unknown = kinds - {"direct", "mixed", "indirect"}
    if unknown:
        raise typer.BadParameter(
            f"unknown kind {sorted(unknown)[0]!r} (use direct, mixed, indirect)",
            param_hint="--kind",
        )
    opts = _opts(as_json, date, no_color, include_text, max_bytes)
    needle = speaker.casefold() if speaker else None

    def keep(article: Any) -> Any:
        from newscli.model import nest_quotes

        article.quotes = [
            q
            for q in article.quotes or []
            if (not kinds or q.kind in kinds)
            and (needle is None or (q.speaker and needle in q.speaker.casefold()))
        ]
        nest_quotes(article.quotes)  # ``within`` indexes the quotes kept
        return article

    def screen(console: Any, article: Any) -> None:
        from newscli.render import render_quotes

        render_quotes(console, keep(article))

    _run(
        paths,
        opts,
        ("metadata", "quotes"),
        lambda a: keep(a).to_dict(include_text=include_text, lazy=True),
        screen,
    )


@app.command()
def entities(
    paths: Paths = None,
    label: LabelOpt = None,
    as_json: JsonOpt = False,
    date: DateOpt = None,
    no_color: NoColorOpt = False,
    include_text: IncludeTextOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
) -> None:
    """Named entities, typed and merged, most salient first."""
    labels = _labels(label)
    opts = _opts(as_json, date, no_color, include_text, max_bytes)

    def keep(article: Any) -> Any:
        if labels:
            article.entities = [e for e in article.entities or [] if e.label in labels]
        return article

    def screen(console: Any, article: Any) -> None:
        from newscli.render import render_entities

        render_entities(console, keep(article))

    _run(
        paths,
        opts,
        ("metadata", "entities"),
        lambda a: keep(a).to_dict(include_text=include_text, lazy=True),
        screen,
    )


@app.command()
def timeline(
    paths: Paths = None,
    as_json: JsonOpt = False,
    date: DateOpt = None,
    no_color: NoColorOpt = False,
    include_text: IncludeTextOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
) -> None:
    """Every date, time, duration and frequency, resolved and in order."""
    opts = _opts(as_json, date, no_color, include_text, max_bytes)

    def screen(console: Any, article: Any) -> None:
        from newscli.render import render_timeline

        render_timeline(console, article)

    _run(
        paths,
        opts,
        ("metadata", "timeline"),
        lambda a: a.to_dict(include_text=include_text, lazy=True),
        screen,
    )


@app.command()
def schema() -> None:
    """Print the JSON Schema of the --json output."""
    from newscli.schema import ARTICLE_SCHEMA

    env.out().write(json.dumps(ARTICLE_SCHEMA, indent=2) + "\n")


@app.command()
def batch(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Article files, folders, URLs, corpus files (.jsonl, .csv, .tsv, each maybe "
            ".gz), web archives (.warc, .warc.gz), -.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (.gz: compressed) instead of stdout; with --scheduler, a folder.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes (default: all)."),
    ] = None,
    sections: Annotated[
        str,
        typer.Option("--sections", metavar="LIST", help="Comma-separated sections to compute."),
    ] = "metadata,quotes,entities,timeline",
    unordered: Annotated[
        bool, typer.Option("--unordered", help="Print in completion order (faster).")
    ] = False,
    as_csv: Annotated[
        bool,
        typer.Option("--csv", help="CSV: one row per quote, entity or time expression."),
    ] = False,
    text_field: Annotated[
        str, typer.Option("--text-field", metavar="NAME", help="Corpus field with the text.")
    ] = "text",
    id_field: Annotated[
        str, typer.Option("--id-field", metavar="NAME", help="Corpus field with the record id.")
    ] = "id",
    date_field: Annotated[
        str | None,
        typer.Option(
            "--date-field", metavar="NAME", help="Corpus field with each record's reference date."
        ),
    ] = None,
    date: DateOpt = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Add the article text as 'text'.")
    ] = False,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes", min=1, metavar="N", help="Skip files and records larger than this."
        ),
    ] = 20_000_000,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Run on Dask (a scheduler address, or threads/processes); needs -o FOLDER.",
        ),
    ] = None,
) -> None:
    """Many articles or corpus records on all cores: one JSON line (or CSV rows) each."""
    from newscli import batch as core
    from newscli.pipeline import SECTIONS

    wanted = set(_split_list(sections))
    unknown = wanted - set(SECTIONS)
    if unknown:
        raise typer.BadParameter(
            f"unknown section {sorted(unknown)[0]!r} (use {', '.join(SECTIONS)})",
            param_hint="--sections",
        )
    if as_csv and not wanted & set(core.ROW_SECTIONS):
        raise typer.BadParameter(
            "--csv needs quotes, entities or timeline in --sections", param_hint="--csv"
        )
    config = core.Config(
        sections=tuple(s for s in SECTIONS if s in wanted or s == "metadata"),
        csv=as_csv,
        include_text=include_text,
        date=date,
        max_bytes=max_bytes,
    )
    fields = core.Fields(text=text_field, id=id_field or None, date=date_field or None)
    inputs = _inputs(paths)
    try:
        if scheduler:
            failed = _batch_dask(inputs, config, fields, scheduler, output, quiet)
        else:
            failed = _batch_local(inputs, config, fields, jobs, not unordered, output, quiet)
    except KeyboardInterrupt:
        _say("interrupted")
        raise typer.Exit(130) from None
    if failed:
        raise typer.Exit(1)


def _open_output(output: str | None) -> tuple[IO[str], Callable[[], None]]:
    if output is None or output == "-":
        out = env.out()
        return out, out.flush
    try:
        if output.lower().endswith(".gz"):
            import gzip

            handle: IO[str] = gzip.open(output, "wt", encoding="utf-8", newline="")  # noqa: SIM115
        else:
            handle = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise typer.BadParameter(
            f"cannot write {output}: {(exc.strerror or str(exc)).lower()}", param_hint="--output"
        ) from None
    return handle, handle.close


def _batch_local(
    inputs: list[str],
    config: Any,
    fields: Any,
    jobs: int | None,
    ordered: bool,
    output: str | None,
    quiet: bool,
) -> bool:
    from newscli import batch as core

    handle, close = _open_output(output)
    summary = core.Summary()
    progress = None if quiet else _batch_progress(inputs)
    stdin = env.inp() if "-" in inputs else None
    items = core.iter_items(inputs, fields=fields, max_bytes=config.max_bytes, stdin=stdin)
    results = core.run(items, config, jobs=jobs, ordered=ordered)
    # CSV carries article text as it is: on a terminal, made inert as the tables are
    shown: Callable[[str], str] = str
    if config.csv and output is None and env.isatty():
        from newscli.terminal import inert

        shown = inert
    try:
        if config.csv:
            handle.write(core.csv_header())
        for result in results:
            if result.output:
                handle.write(shown(result.output))
            for message in result.messages:
                _say(message)
            summary.add(result)
            _settle_gc()  # after the first article, as for the other commands
            if progress is not None:
                progress(summary)
    finally:
        results.close()  # stops the workers at once on an error or Ctrl-C
        if progress is not None:
            progress(None)
        close()
    if summary.undated and "timeline" in config.sections:
        _say(
            f"{_count(summary.undated, 'article')} had no reference date: relative dates are left "
            "unresolved (give --date or --date-field)"
        )
    if not quiet:
        _say(summary.line())
    return summary.errors > 0


def _batch_progress(inputs: list[str]) -> Callable[[Any], None] | None:
    """A Rich progress bar on stderr, only when stderr is a terminal; call with None to stop."""
    err = env.err()
    try:
        if not err.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    import time

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from newscli.batch import estimate_total

    total = estimate_total(inputs)
    bar = Progress(
        TextColumn("batch"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(file=err),
        redirect_stdout=False,
        transient=True,
    )
    task = bar.add_task("batch", total=total, rate="")
    bar.start()
    last = [0.0]

    def update(summary: Any) -> None:
        if summary is None:
            bar.stop()
            return
        now = time.perf_counter()
        if now - last[0] < 0.1:
            return
        last[0] = now
        done = summary.articles + summary.errors
        rate = done / max(now - summary.started, 1e-9)
        bar.update(task, completed=done, rate=f"{rate:,.0f} articles/s")

    return update


def _batch_dask(
    inputs: list[str],
    config: Any,
    fields: Any,
    scheduler: str,
    output: str | None,
    quiet: bool,
) -> bool:
    from newscli import dask as ndask

    if not output or output == "-":
        raise typer.BadParameter(
            "with --scheduler, give -o FOLDER for the JSONL partitions", param_hint="--output"
        )
    try:
        report = ndask.run(
            inputs,
            output,
            config=config,
            fields=fields,
            scheduler=scheduler,
            stdin=env.inp() if "-" in inputs else None,
        )
    except ndask.DaskMissing as exc:
        _say(str(exc))
        raise typer.Exit(2) from None
    except FileExistsError as exc:
        raise typer.BadParameter(str(exc), param_hint="--output") from None
    except OSError as exc:  # the scheduler cannot be reached, the folder cannot be written
        _say(f"dask: {exc}")
        raise typer.Exit(1) from None
    for message in report.messages:
        _say(message)
    if not quiet:
        _say(f"{report.summary.line()}; {len(report.files)} partitions in {output}")
    return report.summary.errors > 0


# --- read and overview ------------------------------------------------------------------------


@app.command()
def read(
    paths: Paths = None,
    only: Annotated[
        str | None,
        typer.Option(
            "--only", metavar="LAYERS", help="Only these layers: quotes,entities,timeline."
        ),
    ] = None,
    label: LabelOpt = None,
    speaker: SpeakerOpt = None,
    html: Annotated[
        str | None,
        typer.Option(
            "--html", metavar="FILE", help="Write one self-contained HTML page (- for stdout)."
        ),
    ] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Do not page long output on a terminal.")
    ] = False,
    date: DateOpt = None,
    no_color: NoColorOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
) -> None:
    """The article itself, with quotes, entities and time expressions marked in the text."""
    from newscli.annotate import annotate, parse_layers

    try:
        layers = parse_layers(only)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--only") from None
    labels = _labels(label) or None
    opts = _opts(False, date, no_color, False, max_bytes)
    sections = ("metadata", *layers)

    def annotated(article: Any) -> Any:
        return annotate(article, layers=layers, labels=labels, speaker=speaker)

    if html is not None:
        docs: list[Any] = []
        code = _run_collecting(paths, opts, sections, lambda a: docs.append(annotated(a)))
        if docs:
            _write_html(html, docs)
        raise typer.Exit(code or (0 if docs else 1))

    from newscli.render import make_console, render_read

    if no_pager or not env.isatty():
        _run(paths, opts, sections, dict, lambda c, a: render_read(c, annotated(a)))
        return
    import io

    probe = make_console(env.out(), no_color=no_color, environ=env.environ)
    buf = io.StringIO()
    console = make_console(
        buf, no_color=no_color, environ=env.environ, force_terminal=True, width=probe.width
    )
    code = _run_collecting(paths, opts, sections, lambda a: render_read(console, annotated(a)))
    _page(buf.getvalue(), probe.height)
    if code:
        raise typer.Exit(code)


def _run_collecting(
    paths: list[str] | None, opts: _Options, sections: tuple[str, ...], take: Callable[[Any], None]
) -> int:
    """Run the pipeline, handing each article to ``take``; the exit code instead of raising it
    (so what did work is still written)."""
    try:
        _run(paths, opts, sections, dict, lambda _console, article: take(article))
    except typer.Exit as exc:
        if exc.exit_code == 130:
            raise
        return exc.exit_code
    return 0


def _write_html(target: str, docs: list[Any]) -> None:
    from newscli.html_export import render_html

    page = render_html(docs)
    if target == "-":
        env.out().write(page)
        env.out().flush()
        return
    try:
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(page)
    except OSError as exc:
        _say(f"{target}: cannot write: {(exc.strerror or str(exc)).lower()}")
        raise typer.Exit(1) from None


def _page(text: str, height: int) -> None:
    """Show ``text`` through $PAGER (or ``less -FRX``) when it is longer than the terminal."""
    import shlex
    import shutil
    import subprocess

    out = env.out()
    command = env.environ.get("PAGER", "").strip()
    argv = shlex.split(command) if command else (["less"] if shutil.which("less") else [])
    if text.count("\n") < max(height - 1, 1) or not argv:
        out.write(text)
        out.flush()
        return
    environ = dict(env.environ)
    environ["LESS"] = (environ.get("LESS", "") + " -R").strip() if environ.get("LESS") else "-FRX"
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, env=environ)
    except OSError:
        out.write(text)
        out.flush()
        return
    try:
        assert proc.stdin is not None
        proc.stdin.write(text.encode("utf-8", "replace"))
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager early
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:
            pass  # the pager handles Ctrl-C itself


@app.command()
def overview(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Article files, folders, URLs, corpus files (.jsonl, .csv, .tsv, each maybe "
            ".gz), web archives (.warc, .warc.gz), -.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="The overview as one JSON object on stdout.")
    ] = False,
    top: Annotated[
        int,
        typer.Option("--top", min=1, metavar="N", help="How many speakers and names per label."),
    ] = 10,
    by: Annotated[
        str,
        typer.Option("--by", metavar="month|year", help="Histogram of dates per month or year."),
    ] = "month",
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes (default: all)."),
    ] = None,
    text_field: Annotated[
        str, typer.Option("--text-field", metavar="NAME", help="Corpus field with the text.")
    ] = "text",
    date_field: Annotated[
        str | None,
        typer.Option(
            "--date-field", metavar="NAME", help="Corpus field with each record's reference date."
        ),
    ] = None,
    date: DateOpt = None,
    no_color: NoColorOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
) -> None:
    """A corpus at a glance: who is quoted, who is named, and when things happen."""
    from newscli import batch as core
    from newscli.overview import BY, Overview

    by = by.strip().lower()
    if by not in BY:
        raise typer.BadParameter(f"{by!r} is not month or year", param_hint="--by")
    config = core.Config(date=date, max_bytes=max_bytes)
    fields = core.Fields(text=text_field, id=None, date=date_field or None)
    inputs = _inputs(paths)
    summary = Overview()
    undated = 0
    skipped: dict[str, int] = {}
    items = core.iter_items(inputs, fields=fields, max_bytes=max_bytes, stdin=env.inp())
    results = core.run(items, config, jobs=jobs, ordered=False)
    try:
        for result in results:
            for message in result.messages:
                _say(message)
            if result.skipped is not None:
                skipped[result.skipped] = skipped.get(result.skipped, 0) + 1
                continue
            if result.error is not None:
                summary.failed += 1
                continue
            undated += result.undated
            summary.add(json.loads(result.output))
    except KeyboardInterrupt:
        _say("interrupted")
        raise typer.Exit(130) from None
    finally:
        results.close()
    if undated:
        _say(
            f"{_count(undated, 'article')} had no reference date: relative dates are left "
            "unresolved (give --date or --date-field)"
        )
    if skipped:
        _say(core.skipped_line(skipped))
    data = summary.to_dict(top=top, by=by)
    if as_json:
        from newscli.pipeline import json_line

        env.out().write(json_line(data))
        env.out().flush()
    else:
        from newscli.render import make_console, render_overview

        render_overview(make_console(env.out(), no_color=no_color, environ=env.environ), data)
    if summary.failed:
        raise typer.Exit(1)


def _settle_gc() -> None:
    """Once the first article is done, the lexicons and compiled patterns are loaded for good:
    move them out of the collector's sight and collect normally from then on."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _app_for(args: list[str]) -> typer.Typer:
    """The app, reduced to the one command the arguments name.

    Typer turns the signature of every registered command into Click objects at each run
    (about 10 ms for all of them, a third of what a one-article ``--json`` run may cost beyond
    importing Typer); only the command being run needs it. Anything else (no command, options
    first, a misspelt name) gets the whole app, so help and error messages are unchanged."""
    if not args or args[0].startswith("-"):
        return app
    chosen = [c for c in app.registered_commands if _command_name(c) == args[0]]
    if len(chosen) != 1:
        return app
    lean = copy.copy(app)
    lean.registered_commands = chosen
    return lean


def _command_name(info: Any) -> str:
    """The name Typer gives a registered command (its function name, dashed)."""
    return info.name or info.callback.__name__.replace("_", "-")


def main() -> None:
    """Console-script entry point: quiet on a closed pipe and on Ctrl-C."""
    # Start-up builds hundreds of thousands of long-lived objects (lexicons, patterns); the
    # cyclic collector would scan them again and again for nothing (about 13 % of a one-article
    # run). It is switched back on after the first article (see _settle_gc).
    gc.disable()
    try:
        _app_for(sys.argv[1:])()
    except BrokenPipeError:
        # The reader went away (``| head -1``): stop quietly, as other Unix tools do.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        _leave(0)
    except KeyboardInterrupt:
        _say("interrupted")
        _leave(130)
    except SystemExit as exc:
        _leave(exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1)


def _leave(code: int) -> None:
    """Exit with ``code``. A process pool stopped early (Ctrl-C, a closed pipe) can leave its
    manager thread waiting on a half-written result for ever, and the interpreter joins that
    thread at exit: then flush what was written and exit without the joins."""
    import threading

    if not any(type(t).__name__ == "_ExecutorManagerThread" for t in threading.enumerate()):
        sys.exit(code)
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    # multiprocessing's own exit clean-up (stop the workers, release the semaphores, so that
    # its resource tracker has nothing to warn about), given five seconds at most (two were
    # sometimes too few on a loaded machine: the tracker then reported a leaked semaphore)
    from multiprocessing import util

    cleanup = threading.Thread(target=getattr(util, "_exit_function", lambda: None), daemon=True)
    cleanup.start()
    cleanup.join(5.0)
    os._exit(code)
