"""newscli: inspect news articles — metadata, quotes and speakers, entities, timeline.

Use it as a library::

    from newscli import inspect
    article = inspect(text, date="2020-04-27")
    article.to_dict()

``inspect`` and ``SECTIONS`` are loaded on first use, so that importing a submodule (the
command line does, first thing) does not load the whole core before it is asked for.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not imported from typing: the command starts before typing loads
if TYPE_CHECKING:
    from typing import Any

    from newscli.pipeline import SECTIONS, inspect

__version__ = "0.1.0"
__all__ = ["SECTIONS", "__version__", "inspect"]


def __getattr__(name: str) -> Any:
    if name in ("inspect", "SECTIONS"):
        from newscli import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newscli' has no attribute {name!r}")
