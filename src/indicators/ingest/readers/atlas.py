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
from indicators.ingest.readers.destatis import gv_gemeinde_population
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


@reader("deutschlandatlas")
def atlas_gemeinde(sheet, column, year, weight_year):
    """A Gemeinde indicator, averaged to Kreise weighted by Gemeinde population."""
    path, frame = _atlas_sheet(sheet)
    key = frame.columns[0]
    gem = frame[key].map(lambda v: str(int(v)).zfill(8))
    population = gv_gemeinde_population(weight_year)
    weights = gem.map(population)
    values = _atlas_values(frame, column, path)
    table = pd.DataFrame({"ags": gem.str[:5], "w": weights, "v": values}).dropna()
    table["wv"] = table["w"] * table["v"]
    grouped = table.groupby("ags")[["wv", "w"]].sum()
    out = (grouped["wv"] / grouped["w"]).rename("value").reset_index().assign(year=year)
    out["ags"] = out["ags"].replace(DISSOLVED)
    detail = (
        f"{sheet}.{column}, weighted by Gemeinde population of "
        f"destatis-gv-gemeinden/3112{weight_year}_Auszug_GV.xlsx"
    )
    return out, label(path, detail)
