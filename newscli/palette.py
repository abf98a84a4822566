"""One palette for everything that colours an entity label or a quote: the terminal tables and
``read`` (through ``render.py``) and the HTML export.

Each label has its own hue, about 30 degrees from its neighbours and from the quote colour, so
that no two labels (GPE and LOC, EVENT and the quote bar) look alike. Every colour has a relative
luminance near 0.18, which gives a contrast of about 4.5:1 both against black and against white:
the same colours read on a dark and on a light terminal, and on the HTML page's paper. On a
256-colour terminal they stay eleven colours; on a 16-colour one the common labels (PERSON, ORG,
GPE, LOC, NORP, EVENT) still differ. Without colour, ``read`` writes the label in the text.
"""

from __future__ import annotations

# label -> accent colour (#rrggbb); hue in degrees in the comment
LABEL_COLOURS: dict[str, str] = {
    "PERSON": "#107ac6",  # 205 blue
    "ORG": "#d011d0",  # 300 magenta
    "GPE": "#0b8916",  # 125 green
    "LOC": "#7b770a",  # 58 olive
    "NORP": "#9350f1",  # 265 violet
    "FAC": "#0b8484",  # 180 teal
    "EVENT": "#ec1313",  # 0 red
    "LAW": "#e2127a",  # 330 pink
    "PRODUCT": "#5a67f2",  # 235 indigo
    "WORK_OF_ART": "#4f7f0b",  # 88 moss
    "LANGUAGE": "#0b8452",  # 155 sea green
}
QUOTE_COLOUR = "#b85e0f"  # 28 orange: the quote bar and the speaker after a quote
OTHER_COLOUR = "#707070"  # a label the palette does not know


def label_colour(label: str) -> str:
    """The accent colour of an entity label (grey for an unknown one)."""
    return LABEL_COLOURS.get(label, OTHER_COLOUR)


def tint(colour: str, paper: float = 0.85) -> str:
    """``colour`` mixed with ``paper`` parts of white: a pale fill under text in that colour."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * paper):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb`` (0 black, 1 white)."""
    out = 0.0
    for weight, i in ((0.2126, 1), (0.7152, 3), (0.0722, 5)):
        v = int(colour[i : i + 2], 16) / 255
        v = v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        out += weight * v
    return out


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)
