"""The command line: arguments, reading inputs, choosing JSON or Rich output, exit codes.

Nothing here analyses text; the core does (``newscli.pipeline.inspect``). JSON goes straight to
stdout with ``json.dumps`` (never through Rich), diagnostics go to stderr as one line each:
``newscli: PATH: reason``. Exit codes: 0 success, 1 an input failed, 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Annotated, Any

import typer

from newscli import __version__

app = typer.Typer(
    name="newscli",
    help="Inspect news articles: metadata, quotes and speakers, entities, and a timeline.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Env:
    """Where the CLI reads and writes. Tests swap it to fake a terminal or a pipe."""

    stdin: IO[bytes] | None = None
    stdout: IO[str] | None = None
    stderr: IO[str] | None = None
    stdout_isatty: bool | None = None
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))

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
    """One diagnostic line on stderr."""
    print(f"newscli: {message}", file=env.err(), flush=True)


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


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Inspect news articles: metadata, quotes and speakers, entities, and a timeline."""


@dataclass
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
            article = inspect(doc.text, opts.date, source=path, sections=sections, hints=doc.hints)
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
    warned_no_date = False
    console = None
    out = env.out()
    for article, bad in _articles(inputs, opts, sections):
        if bad:
            failed = True
            continue
        if "timeline" in sections and article.warnings and not warned_no_date:
            for w in article.warnings:
                if w.startswith("no reference date"):
                    _say(f"{w} (give --date YYYY-MM-DD)")
                    warned_no_date = True
        if opts.as_json:
            out.write(json.dumps(to_json(article), ensure_ascii=False) + "\n")
            out.flush()
        else:
            if console is None:
                from newscli.render import make_console

                console = make_console(
                    out, no_color=opts.no_color, environ=env.environ, force_terminal=None
                )
            to_screen(console, article)
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
        lambda a: a.to_dict(include_text=include_text),
        screen,
    )


@app.command()
def quotes(
    paths: Paths = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker", help="Only quotes whose speaker's name contains NAME.", metavar="NAME"
        ),
    ] = None,
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
        article.quotes = [
            q
            for q in article.quotes or []
            if (not kinds or q.kind in kinds)
            and (needle is None or (q.speaker and needle in q.speaker.casefold()))
        ]
        return article

    def screen(console: Any, article: Any) -> None:
        from newscli.render import render_quotes

        render_quotes(console, keep(article))

    _run(
        paths,
        opts,
        ("metadata", "quotes"),
        lambda a: keep(a).to_dict(include_text=include_text),
        screen,
    )


@app.command()
def entities(
    paths: Paths = None,
    label: Annotated[
        str | None,
        typer.Option("--label", help="Only these labels, e.g. PERSON,ORG.", metavar="LABELS"),
    ] = None,
    as_json: JsonOpt = False,
    date: DateOpt = None,
    no_color: NoColorOpt = False,
    include_text: IncludeTextOpt = False,
    max_bytes: MaxBytesOpt = 20_000_000,
) -> None:
    """Named entities, typed and merged, most salient first."""
    labels = {v.upper() for v in _split_list(label)}
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
        lambda a: keep(a).to_dict(include_text=include_text),
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
        lambda a: a.to_dict(include_text=include_text),
        screen,
    )


@app.command()
def schema() -> None:
    """Print the JSON Schema of the --json output."""
    from newscli.schema import ARTICLE_SCHEMA

    env.out().write(json.dumps(ARTICLE_SCHEMA, indent=2) + "\n")


def main() -> None:
    """Console-script entry point: quiet on a closed pipe and on Ctrl-C."""
    try:
        app()
    except BrokenPipeError:
        # The reader went away (``| head -1``): stop quietly, as other Unix tools do.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        sys.exit(0)
    except KeyboardInterrupt:
        _say("interrupted")
        sys.exit(130)
