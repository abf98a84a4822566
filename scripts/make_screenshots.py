"""Write the SVG screenshots in docs/: each table command on the seed article at 80 and 120
columns, so that a reader of the README sees the output before installing.

Run from the repository root after a change to the tables: ``python scripts/make_screenshots.py``.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from newscli import render
from newscli.pipeline import inspect

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/tass-2020-04-27-dprk-russia.txt"
COMMANDS = {
    "show": render.render_show,
    "quotes": render.render_quotes,
    "entities": render.render_entities,
    "timeline": render.render_timeline,
}
WIDTHS = (80, 120)


def screenshot(command: str, width: int) -> str:
    text = (ROOT / SEED).read_text(encoding="utf-8")
    article = inspect(text, source=SEED)
    console = Console(
        file=io.StringIO(), record=True, width=width, force_terminal=True,
        color_system="truecolor", markup=False, emoji=False, highlight=False,
    )  # fmt: skip
    COMMANDS[command](console, article)
    return console.export_svg(title=f"newscli {command} {SEED}  (COLUMNS={width})")


def main() -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    for command in COMMANDS:
        for width in WIDTHS:
            (docs / f"{command}-{width}.svg").write_text(
                screenshot(command, width), encoding="utf-8"
            )


if __name__ == "__main__":
    main()
