"""newscli: inspect news articles — metadata, quotes and speakers, entities, timeline.

Use it as a library::

    from newscli import inspect
    article = inspect(text, date="2020-04-27")
    article.to_dict()
"""

from newscli.pipeline import SECTIONS, inspect

__version__ = "0.1.0"
__all__ = ["SECTIONS", "__version__", "inspect"]
