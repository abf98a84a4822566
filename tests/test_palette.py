"""One palette for entity labels and quotes, in the terminal and in the HTML export."""

from __future__ import annotations

import colorsys
import io
import re
from itertools import combinations

import pytest

from newscli import palette
from newscli.model import ENTITY_LABELS, Article, Entity, Mention, Metadata

COLOURS = {**palette.LABEL_COLOURS, "quote": palette.QUOTE_COLOUR}


def _hue(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def test_every_label_has_its_own_colour_and_none_is_the_quote_colour():
    assert set(palette.LABEL_COLOURS) == set(ENTITY_LABELS)
    for (a, ca), (b, cb) in combinations(COLOURS.items(), 2):
        gap = abs(_hue(ca) - _hue(cb))
        assert min(gap, 360 - gap) >= 20, (a, b)


def test_every_colour_reads_on_black_and_on_white():
    for name, colour in {**COLOURS, "other": palette.OTHER_COLOUR}.items():
        assert palette.contrast(colour, "#000000") >= 4.0, name
        assert palette.contrast(colour, "#ffffff") >= 4.0, name


def test_labels_stay_apart_on_a_256_colour_terminal():
    from rich.color import Color, ColorSystem

    numbers = {c: Color.parse(c).downgrade(ColorSystem.EIGHT_BIT).number for c in COLOURS.values()}
    assert len(set(numbers.values())) == len(COLOURS)
    common = [palette.LABEL_COLOURS[k] for k in ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT")]
    sixteen = {Color.parse(c).downgrade(ColorSystem.STANDARD).number for c in common}
    assert len(sixteen) == len(common)


@pytest.fixture()
def fresh_rich_styles():
    """Rich keeps a parsed style's escape codes for the first colour system it is drawn in:
    forget them before and after drawing in several systems in one process."""
    from rich.style import Style

    def clear() -> None:
        for name in dir(Style):
            cache_clear = getattr(getattr(Style, name, None), "cache_clear", None)
            if cache_clear is not None:
                cache_clear()

    clear()
    yield
    clear()


def _coloured_read(article: Article, system: str) -> str:
    from rich.console import Console

    from newscli.annotate import annotate
    from newscli.render import render_read

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system=system)  # type: ignore[arg-type]
    render_read(console, annotate(article, body_start=0))
    return out.getvalue()


def _colour_before(output: str, word: str) -> str:
    """The foreground colour set by the escape codes just before ``word`` (bold and the like
    left out: two labels apart only by boldness look alike)."""
    m = re.search(r"((?:\x1b\[[0-9;]*m)+)" + re.escape(word), output)
    assert m, word
    params = ";".join(re.findall(r"\x1b\[([0-9;]*)m", m.group(1))).split(";")
    colour: list[str] = []
    for i, p in enumerate(params):
        if p == "38":
            colour = params[i : i + (5 if params[i + 1] == "2" else 3)]
    basic = [p for p in params if re.fullmatch(r"3[0-7]|9[0-7]", p)]
    return ";".join(colour or basic)


@pytest.mark.parametrize("system", ["truecolor", "256", "standard"])
@pytest.mark.usefixtures("fresh_rich_styles")
def test_read_colours_gpe_loc_and_event_apart_from_each_other_and_the_quote_bar(system):
    text = 'Mira said: "In Oslo, by the Nordkapp, at Expo 2030."\n'
    ents = [
        ("E1", "GPE", "Oslo"),
        ("E2", "LOC", "Nordkapp"),
        ("E3", "EVENT", "Expo 2030"),
        ("E4", "PERSON", "Mira"),
    ]
    entities = []
    for eid, label, name in ents:
        s = text.index(name)
        entities.append(Entity(eid, name, label, mentions=[Mention(s, s + len(name), name)]))
    from newscli.model import Quote

    q0 = text.index('"')
    quotes = [Quote(q0, len(text) - 1, text[q0:-1], "direct", "Mira", "E4")]
    art = Article("t.txt", text, Metadata(language="en"), quotes=quotes, entities=entities)
    out = _coloured_read(art, system)
    colours = {name: _colour_before(out, name) for _, _, name in ents}
    assert all(colours.values()) and len(set(colours.values())) == len(colours), colours
    if system != "standard":  # 16 colours: the common labels differ, the quote bar may not
        assert _colour_before(out, "▌ ") not in colours.values()


def test_html_export_uses_the_palette():
    from newscli.html_export import LABEL_COLOURS, QUOTE_ACCENT, _css

    css = _css()
    for label, colour in palette.LABEL_COLOURS.items():
        assert LABEL_COLOURS[label][1] == colour
        assert f"mark.nc-{label}{{background:{palette.tint(colour)};border-color:{colour};}}" in css
    assert QUOTE_ACCENT == palette.QUOTE_COLOUR and QUOTE_ACCENT in css


def test_tint_is_pale_and_keeps_the_hue():
    for colour in palette.LABEL_COLOURS.values():
        pale = palette.tint(colour)
        assert palette.luminance(pale) > 0.6
        gap = abs(_hue(pale) - _hue(colour))
        assert min(gap, 360 - gap) < 3
