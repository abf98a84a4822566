"""Build newscli with its per-article core compiled to C by mypyc.

The modules below run once or more per article; compiled from their type hints they do the
same work in about two thirds of the time (``python bench/speed.py``). The source stays plain
Python: ``NEWSCLI_PURE=1`` builds a pure-Python package (for development, where an editable
install must pick up edits, or where no C compiler is at hand), and both give the same output
(``tests/test_compiled.py`` compares them).
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, CompileError, LinkError, PlatformError
from setuptools.errors import ExecError as DistutilsExecError

# modules on every article's path; the CLI, readers, rendering and start-up helpers stay
# Python (they run once per process or are not the bottleneck)
COMPILED = [
    "segment",
    "metadata",
    "dateline",
    "language",
    "quote_marks",
    "quote_lexicon",
    "quote_cues",
    "quotes",
    "speakers",
    "sources",
    "ner_lexicon",
    "ner_rules",
    "ner_sport",
    "ner_page",
    "entities",
    "timex_norm",
    "timeline",
    "pipeline",
    "model",
]


def ext_modules() -> list:
    if os.environ.get("NEWSCLI_PURE", "") not in ("", "0"):
        return []
    from mypyc.build import mypycify

    return mypycify(
        [f"newscli/{name}.py" for name in COMPILED],
        opt_level="3",
        debug_level="0",
        group_name="newscli",
    )


class BuildExt(build_ext):
    """Compile the core when a C compiler is at hand; without one (a slim container, Windows
    without build tools) install the same modules as plain Python, and say so in one line."""

    def run(self) -> None:
        try:
            super().run()
        except (CCompilerError, CompileError, LinkError, DistutilsExecError, PlatformError) as exc:
            self.extensions = []
            print(
                f"newscli: no working C compiler ({type(exc).__name__}): installing the "
                "pure-Python core, the same output at about three quarters of the speed",
                file=sys.stderr,
            )


setup(ext_modules=ext_modules(), cmdclass={"build_ext": BuildExt})
