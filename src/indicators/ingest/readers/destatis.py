"""Destatis: the Regionaldatenbank age table (GENESIS 12411-02-03-4), the GV-ISys Kreis lists
(area, population) and the GV-ISys Gemeinde extracts (population per municipality)."""

from functools import cache

import pandas as pd

from indicators.ingest.errors import IngestError
from indicators.ingest.readers.common import (
    keys,
    label,
    numbers,
    path_of,
)
from indicators.ingest.readers.registry import reader
from indicators.ingest.territory import to_current_counts

GENESIS_AGE = "destatis-regionalstatistik-genesis/12411-02-03-4/12411-02-03-4_{year}.csv"


@cache
def _genesis_age_table(path):
    try:
        frame = pd.read_csv(
            path,
            sep=";",
            encoding="latin-1",
            skiprows=6,
            header=None,
            names=["code", "name", "age", "total", "male", "female"],
            dtype=str,
            on_bad_lines="skip",
            engine="python",
        )
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"cannot be decoded as Latin-1: {exc}") from exc
    # Hamburg and Berlin are Land and Kreis at once and appear only under their Land code.
    frame["code"] = frame["code"].replace({"02": "02000", "11": "11000"})
    frame = frame[frame["code"].str.fullmatch(r"\d{5}", na=False)]
    if frame.empty or frame["age"].isna().all():
        raise IngestError(path, "no Kreis rows found (layout changed?)", column="code")
    return path, frame


@reader("destatis", per_year=True)
def genesis_age(year, groups):
    """Persons in the given age groups (table 12411-02-03-4) on today's Kreise."""
    path, frame = _genesis_age_table(path_of(GENESIS_AGE.format(year=year)))
    rows = frame[frame["age"].isin(groups)].copy()
    found = set(rows["age"])
    missing = [g for g in groups if g not in found]
    if missing:
        raise IngestError(path, f"age group {missing[0]!r} not found", column="Altersgruppe")
    rows["value"] = numbers(rows["total"], path, "Insgesamt")
    rows = rows.dropna(subset=["value"])  # '-' marks keys that did not exist that year
    rows["ags"] = keys(rows["code"], path, "code")
    counts = rows.groupby("ags", as_index=False)["value"].sum()
    out = to_current_counts(counts, year, path, "code")
    return out.assign(year=year), label(path, "Insgesamt: " + ", ".join(groups))


@reader("destatis", per_year=True)
def destatis_kreise(year, column):
    """Area (column 4) or population (column 5) from the Destatis 04-kreise workbook."""
    path = path_of(f"destatis-gv-kreise/04-kreise_{year}-12-31.xlsx")
    sheet = pd.read_excel(path, sheet_name=1, header=None, dtype=str, engine="calamine")
    rows = sheet[sheet[0].str.fullmatch(r"\d{5}", na=False)]
    if rows.empty:
        raise IngestError(path, "no 5-digit Kreis keys in the first column", column=0)
    index = {"area_km2": 4, "population": 5}[column]
    frame = pd.DataFrame(
        {
            "ags": keys(rows[0], path, "Schlüsselnummer"),
            "value": numbers(rows[index], path, column),
        }
    )
    out = to_current_counts(
        frame, year, path, "Schlüsselnummer", key="area_key" if column == "area_km2" else "pop_key"
    )
    return out.assign(year=year), label(path, column)


@cache
def gv_gemeinden(year):
    """Gemeinden of 31.12.<year>: AGS, Gemeindeverband (9 digits: Kreis and 4-digit
    association key), population, area (km²) and name, from the GV-ISys extract (shared:
    callers must not modify it)."""
    path, sheet = _gv_sheet(year)
    rows = sheet[sheet[0] == "60"]
    if rows.empty:
        raise IngestError(path, "no Gemeinde rows (Satzart 60)", column=0)
    kreis = rows[2] + rows[3] + rows[4]
    return pd.DataFrame(
        {
            "gemeinde_ags": (kreis + rows[6]).values,
            "verband": (kreis + rows[5]).values,
            "population": numbers(rows[9], path, "Bevölkerung").values,
            "area": numbers(rows[8], path, "Fläche").values,
            "name": rows[7].values,
        }
    )


@cache
def gv_verbaende(year):
    """Gemeindeverbände of 31.12.<year>: key (9 digits) and name, from the GV-ISys extract."""
    _, sheet = _gv_sheet(year)
    rows = sheet[sheet[0] == "50"]
    return pd.DataFrame(
        {"verband": (rows[2] + rows[3] + rows[4] + rows[5]).values, "name": rows[7].values}
    )


@cache
def _gv_sheet(year):
    """The GV-ISys extract of 31.12.<year> as text, read once for Gemeinden and Verbände."""
    path = path_of(f"destatis-gv-gemeinden/3112{year}_Auszug_GV.xlsx")
    return path, pd.read_excel(path, sheet_name=1, header=None, dtype=str, engine="calamine")
