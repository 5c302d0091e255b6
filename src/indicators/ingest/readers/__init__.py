"""Readers for the official source files, one module per publisher; each returns
(ags, year, value) on today's Kreise and a label naming file and column.

A reader is registered with `@reader(source, per_year=...)`; the catalogue names it in an
origin, and `read()` calls it for the origin's years.
"""

from indicators.ingest.readers import atlas, bkg, destatis, eurostat, gerda, inkar, rki
from indicators.ingest.readers.registry import READERS, reader

__all__ = [
    "READERS",
    "atlas",
    "bkg",
    "destatis",
    "eurostat",
    "gerda",
    "inkar",
    "read",
    "reader",
    "rki",
]


def read(origin, first_year, last_year):
    """(frame, label) parts of a reader origin: one per year for a per-year reader, so each
    year is traced to its own file."""
    spec = READERS[origin["reader"]]
    args = dict(origin.get("args", {}))
    if spec.per_year:
        return [spec.function(year=y, **args) for y in range(first_year, last_year + 1)]
    return [spec.function(**args)]
