"""What every reader shares: where raw files are, how keys and numbers are read, and how a
misfit is reported (file, column, row), so that a changed source stops the ingest loudly."""

import pandas as pd

from indicators import paths
from indicators.ingest.errors import IngestError
from indicators.ingest.territory import kreise_2022, normalise_ags

MISSING_MARKERS = {"-", ".", "x", "/", "...", ":", ""}


def path_of(relative):
    """Resolve a raw file at call time (tests point paths.RAW_DIR at doctored copies)."""
    path = paths.RAW_DIR / relative
    if not path.exists():
        raise IngestError(path, "file not found")
    return path


def label(path, detail):
    """Where a value came from: the raw file relative to the raw folder, plus the column."""
    return f"{path.relative_to(paths.RAW_DIR)} ({detail})"


def require(frame, columns, file):
    for column in columns:
        if column not in frame.columns:
            raise IngestError(file, "expected column is missing (renamed?)", column=column)


def keys(series, file, column):
    """Normalise keys; a key that is not a Kreis key at all is an error."""
    keys = series.map(normalise_ags)
    bad = keys.isna() & series.notna()
    if bad.any():
        row = bad.idxmax()
        raise IngestError(file, f"not a Kreis key: {series[row]!r}", column, row)
    return keys


def numbers(series, file, column):
    """Numbers, with the statistical offices' special characters read as missing."""
    text = series.astype("string").str.strip()
    text = text.mask(text.isin(MISSING_MARKERS))
    values = pd.to_numeric(text, errors="coerce")
    bad = values.isna() & text.notna()
    if bad.any():
        row = bad.idxmax()
        raise IngestError(file, f"not a number: {series[row]!r}", column, row)
    return values.astype("float64")


def check_unique(frame, file, column, current=True):
    """Keys appear once per year and, once on today's territory, are among the 400 Kreise."""
    unknown = ~frame["ags"].isin(kreise_2022().index) if current else frame["ags"].isna()
    if unknown.any():
        row = unknown.idxmax()
        raise IngestError(file, f"unknown Kreis key {frame.loc[row, 'ags']!r}", column, row)
    dup = frame.duplicated(["ags", "year"], keep="first")
    if dup.any():
        row = dup.idxmax()
        raise IngestError(
            file,
            f"duplicate Kreis key {frame.loc[row, 'ags']!r} for year {frame.loc[row, 'year']}",
            column,
            row,
        )
