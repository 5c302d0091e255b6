"""Deutschlandatlas: Kreis columns as published and Gemeinde columns averaged to Kreise by
population. A sheet's suffix is its territory; the data year comes from the catalogue."""

from functools import cache

import pandas as pd

from indicators.ingest.errors import IngestError
from indicators.ingest.readers.common import (
    check_unique,
    keys,
    label,
    numbers,
    path_of,
    require,
)
from indicators.ingest.readers.destatis import gv_gemeinden, gv_verbaende
from indicators.ingest.readers.registry import reader
from indicators.ingest.territory import DISSOLVED

ATLAS = "deutschlandatlas/Deutschlandatlas-Daten_Stand-2024-12-12.xlsx"


def _atlas_sheet(sheet):
    return _excel_sheet(path_of(ATLAS), sheet)


@cache
def _excel_sheet(path, sheet):
    try:
        frame = pd.read_excel(path, sheet_name=sheet, engine="calamine")
    except ValueError as exc:
        raise IngestError(path, f"sheet {sheet!r} not found") from exc
    return path, frame


def _atlas_values(frame, column, path):
    require(frame, [column], path)
    values = numbers(frame[column], path, column)
    return values.mask(values <= -9999)  # the atlas marks missing values with -9999


@reader("deutschlandatlas")
def atlas_kreis(sheet, column, year):
    """A Kreis indicator of the Deutschlandatlas (one year per sheet)."""
    path, frame = _atlas_sheet(sheet)
    key = frame.columns[0]
    out = pd.DataFrame(
        {
            "ags": keys(frame[key], path, key),
            "year": year,
            "value": _atlas_values(frame, column, path),
        }
    ).dropna()
    out["ags"] = out["ags"].replace(DISSOLVED)
    check_unique(out, path, key)
    return out, label(path, f"{sheet}.{column}")


@cache
def atlas_gemeinden(sheet, column, weight_year, weight="population"):
    """(ags, gemeinde_ags, value, weight) for every Gemeinde with a value and a weight: its
    population, or its area for shares of the area (mobile coverage). Made once per column:
    the Kreis reader and the Gemeinden kept for partly included Kreise both use it (shared:
    callers must not modify it).

    Gemeindeverband sheets (VBGEM…) give each member Gemeinde its association's value: a
    Gemeinde is the finest unit both a region and the population weights know.
    """
    path, frame = _atlas_sheet(sheet)
    gemeinden = gv_gemeinden(weight_year)
    verband = sheet.startswith("Deutschlandatlas_VBGEM")
    codes = _codes(frame, verband, weight_year)
    values = pd.Series(_atlas_values(frame, column, path).values, index=codes)
    values = values[values.index.notna() & ~values.index.duplicated(keep=False)]
    values = gemeinden["verband" if verband else "gemeinde_ags"].map(values)
    table = pd.DataFrame(
        {
            "ags": gemeinden["gemeinde_ags"].str[:5].replace(DISSOLVED),
            "gemeinde_ags": gemeinden["gemeinde_ags"],
            "value": values,
            "weight": gemeinden[weight],
        }
    ).dropna()
    return path, table[table["weight"] > 0]


def _codes(frame, verband, year):
    """The sheet's keys as GV-ISys keys: 8-digit Gemeinde AGS, or 9-digit Gemeindeverband
    keys. The VBGEM1219 sheet uses INKAR's older 8-digit association keys, which GV-ISys no
    longer has: those are found by the association's name within its Kreis, else by the
    old key's last three digits, else by a Gemeinde of that name (a Gemeinde that belongs
    to no association); a key found twice (associations merged since) is dropped."""
    numbers = frame.iloc[:, 0].map(lambda v: str(int(v)))
    if not verband:
        return numbers.str.zfill(8)
    if numbers.str.len().max() == 9:
        return numbers.str.zfill(9)
    old = numbers.str.zfill(8)
    named = old.str[:5] + "|" + frame.iloc[:, 1].astype(str)
    verbaende, gemeinden = gv_verbaende(year), gv_gemeinden(year)
    kreis = verbaende["verband"].str[:5]
    by_name = _lookup(kreis + "|" + verbaende["name"], verbaende["verband"])
    by_key = _lookup(kreis + verbaende["verband"].str[6:], verbaende["verband"])
    by_gemeinde = _lookup(
        gemeinden["verband"].str[:5] + "|" + gemeinden["name"], gemeinden["verband"]
    )
    return pd.Index(
        [
            by_name.get(n) or by_key.get(o) or by_gemeinde.get(n)
            for n, o in zip(named, old, strict=True)
        ]
    )


def _lookup(keys, values):
    return dict(zip(keys, values, strict=True))


# A Kreis value needs Gemeinden with values that hold this share of its weight: the atlas
# leaves some Gemeinden empty (-9999), and a mean over the rest would speak for them.
MIN_COVERAGE = 0.9


@reader("deutschlandatlas")
def atlas_gemeinde(sheet, column, year, weight_year, weight="population"):
    """A Gemeinde (or Gemeindeverband) indicator, averaged to Kreise weighted by Gemeinde
    population; regions that take only part of a Kreis use its Gemeinden directly."""
    path, table = atlas_gemeinden(sheet, column, weight_year, weight)
    table = table.assign(wv=table["weight"] * table["value"])
    grouped = table.groupby("ags")[["wv", "weight"]].sum()
    means = (grouped["wv"] / grouped["weight"]).round(9)  # no 100.00000000000001 %
    gemeinden = gv_gemeinden(weight_year)
    total = gemeinden.groupby(gemeinden["gemeinde_ags"].str[:5].replace(DISSOLVED))[weight].sum()
    means = means[grouped["weight"] >= MIN_COVERAGE * total.reindex(means.index)]
    out = means.rename("value").reset_index().assign(year=year)
    detail = (
        f"{sheet}.{column}, weighted by Gemeinde {weight} of "
        f"destatis-gv-gemeinden/3112{weight_year}_Auszug_GV.xlsx"
    )
    return out, label(path, detail)
