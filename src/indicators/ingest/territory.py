"""Bring every Kreis key to the 400 Kreise of 31.12.2022.

Sources spell the same key five ways and describe older territories; mixing them
unconverted would silently drop or double-count people.
"""

from functools import cache

import pandas as pd

from indicators import paths
from indicators.ingest.errors import IngestError

CROSSWALK_FILE = "bbsr-umsteigeschluessel/ref-kreise-umrech-2021-1990-2020.xlsx"
DISSOLVED = {"16056": "16063"}  # Eisenach joined the Wartburgkreis on 1 July 2021


def normalise_ags(value):
    """Return the 5-digit Kreis key for any of the spellings the sources use, else None."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, int | float):
        digits = str(int(value))
        digits = digits.zfill(8) if len(digits) >= 7 else digits.zfill(5)
    else:
        digits = str(value).strip()
        if not digits.isdigit():
            return None
        if len(digits) == 7:
            digits = digits.zfill(8)
        elif len(digits) < 5:
            digits = digits.zfill(5)
    return digits[:5] if len(digits) >= 5 else None


def kreise_2022():
    """The 400 valid keys with name, Land and NUTS-3 code (BKG VG250-EW, 31.12.2022)."""
    path = paths.REGIONS_DIR / "kreise_2022.csv"
    if not path.exists():
        raise IngestError(path, "file not found")
    return _kreise(path)


@cache
def _kreise(path):
    return pd.read_csv(path, dtype={"kreis_ags": str}).set_index("kreis_ags")


def _crosswalk_path():
    path = paths.RAW_DIR / CROSSWALK_FILE
    if not path.exists():
        raise IngestError(path, "file not found")
    return path


@cache
def _crosswalk_book(path):
    return pd.read_excel(path, sheet_name=None, engine="calamine")


def crosswalk(year):
    """BBSR conversion keys from the Kreise of 31.12.<year> to today's Kreise.

    Columns: old, new, pop_key, area_key, and of the old unit: population (persons),
    area (km²) and employees (SV-employees at the workplace, persons).
    """
    path = _crosswalk_path()
    sheet = _crosswalk_book(path).get(str(min(year, 2020)))
    if sheet is None:
        raise IngestError(path, f"no sheet for year {year}")

    def column(prefix, last=False):
        names = [c for c in sheet.columns if str(c).replace("\n", " ").strip().startswith(prefix)]
        if not names:
            raise IngestError(path, f"sheet {year}: no column starting with {prefix!r}")
        return sheet[names[-1] if last else names[0]]

    cw = pd.DataFrame(
        {
            "old": column("Kreise").map(normalise_ags),
            "area_key": pd.to_numeric(column("flächen"), errors="coerce"),
            "pop_key": pd.to_numeric(column("bevölkerungs"), errors="coerce"),
            "population": pd.to_numeric(column("Bevölkerung am"), errors="coerce") * 1000,
            "area": pd.to_numeric(column("Fläche am"), errors="coerce"),
            "employees": pd.to_numeric(column("sozialvers"), errors="coerce") * 1000,
            "new": column("Kreise", last=True).map(normalise_ags),
        }
    ).dropna(subset=["old", "new"])
    cw["new"] = cw["new"].replace(DISSOLVED)
    return cw


def _check_known(frame, file, column):
    valid = kreise_2022().index
    unknown = frame.loc[~frame["ags"].isin(valid)]
    if len(unknown):
        row = unknown.index[0]
        raise IngestError(file, f"unknown Kreis key {unknown['ags'].iloc[0]!r}", column, row)


def to_current_counts(frame, year, file, column, key="pop_key"):
    """Convert counts (ags, value) of an older territory by the BBSR key; sums are preserved."""
    if year >= 2021:
        out = frame.assign(ags=frame["ags"].replace(DISSOLVED))
    else:
        cw = crosswalk(year)
        unknown = frame.loc[~frame["ags"].isin(cw["old"])]
        if len(unknown):
            row = unknown.index[0]
            raise IngestError(
                file,
                f"Kreis key {unknown['ags'].iloc[0]!r} not in the BBSR crosswalk for {year}",
                column,
                row,
            )
        out = frame.merge(cw[["old", "new", key]], left_on="ags", right_on="old")
        out = out.assign(ags=out["new"], value=out["value"] * out[key])
    _check_known(out, file, column)
    return out.groupby("ags", as_index=False)["value"].sum(min_count=1)


# INKAR 2021 recomputed its whole history on the 401 Kreise of 31.12.2019 (Thuringia's 2019
# reform included), so its only step to today's Kreise is Eisenach joining the Wartburgkreis.
INKAR2021_TERRITORY = 2019
MERGE_WEIGHTS = ("population", "area", "employees")


def merge_dissolved(frame, weight, file, column):
    """Merge Eisenach's value (ags, year, value) into the Wartburgkreis as a weighted mean.

    The weight is the one the indicator itself is averaged by (area for drive times and land
    shares, SV-employees at the workplace for commuter rates, population otherwise), taken
    from the BBSR key of 31.12.2019, the last date both units existed. A merged value needs
    both parts: a mean over the Wartburgkreis alone would pass for the whole new Kreis.
    """
    if weight not in MERGE_WEIGHTS:
        raise IngestError(file, f"unknown merge weight {weight!r}", column)
    weights = crosswalk(INKAR2021_TERRITORY).set_index("old")[weight]
    merging = frame["ags"].isin([*DISSOLVED, *DISSOLVED.values()])
    parts = frame[merging].assign(
        w=lambda f: f["ags"].map(weights), ags=lambda f: f["ags"].replace(DISSOLVED)
    )
    parts = parts.assign(wv=parts["w"] * parts["value"])
    grouped = parts.groupby(["ags", "year"]).agg(
        wv=("wv", "sum"), w=("w", "sum"), n=("value", "count")
    )
    complete = grouped["n"] == len(DISSOLVED) + 1
    merged = (grouped["wv"] / grouped["w"])[complete].rename("value").reset_index()
    out = pd.concat([frame[~merging], merged], ignore_index=True).dropna(subset=["value"])
    _check_known(out, file, column)
    return out[["ags", "year", "value"]]
