"""BBSR INKAR: the 2024 release (parquet, on today's Kreise), the 2021 release (parquet,
Kreise of 2019) and INKAR web exports (.xls)."""

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
from indicators.ingest.readers.registry import reader
from indicators.ingest.territory import DISSOLVED, merge_dissolved


def _single_year(periods):
    """INKAR also stores multi-year periods ('2016/2017/2018'); we keep single years only."""
    return periods.astype(str).str.fullmatch(r"\d{4}")


@cache
def _parquet(path):
    return pd.read_parquet(path)


def inkar2024_table(table):
    path = path_of(f"inkar-bbsr/release2024/{table}.parquet")
    frame = _parquet(path)
    require(frame, ["raumbezug", "kennziffer", "zeitbezug"], path)
    return path, frame


@reader("inkar")
def inkar2024(table, column):
    """One INKAR 2024 indicator for all Kreise and years (already on today's territory)."""
    path, frame = inkar2024_table(table)
    require(frame, [column], path)
    rows = frame[(frame["raumbezug"] == "Kreise") & _single_year(frame["zeitbezug"])]
    out = pd.DataFrame(
        {
            "ags": keys(rows["kennziffer"], path, "kennziffer"),
            "year": pd.to_numeric(rows["zeitbezug"]).astype(int),
            "value": rows[column].astype("float64"),
        }
    ).dropna(subset=["value"])
    out["ags"] = out["ags"].replace(DISSOLVED)
    check_unique(out, path, "kennziffer")
    return out, label(path, column)


def _inkar2021_regions(raumbezug="Kreise"):
    path = path_of("inkar-bbsr/release2021/_regionen.parquet")
    regions = _parquet(path)
    require(regions, ["id", "raumbezug", "kennziffer", "name"], path)
    return regions[regions["raumbezug"] == raumbezug].set_index("id")


def inkar2021_table(table, indicator, raumbezug):
    """Rows (name, year, value) of one INKAR 2021 indicator for one kind of spatial unit."""
    path = path_of(f"inkar-bbsr/release2021/{table}.parquet")
    column = f"x{indicator}"
    frame = _parquet(path)
    require(frame, ["region_id", "zeitbezug", column], path)
    units = _inkar2021_regions(raumbezug)
    rows = frame[frame["region_id"].isin(units.index) & _single_year(frame["zeitbezug"])]
    return path, pd.DataFrame(
        {
            "region_id": rows["region_id"],
            "name": rows["region_id"].map(units["name"]),
            "kennziffer": rows["region_id"].map(units["kennziffer"]),
            "year": pd.to_numeric(rows["zeitbezug"]).astype(int),
            "value": rows[column].astype("float64"),
        }
    )


@reader("inkar")
def inkar2021(table, indicator, merge_weight="population"):
    """One INKAR 2021 indicator (`x<id>` column), on the 401 Kreise of 2019 in every year;
    Eisenach is merged into the Wartburgkreis weighted by `merge_weight`."""
    path, rows = inkar2021_table(table, indicator, "Kreise")
    rows = rows.assign(ags=keys(rows["kennziffer"], path, "region_id"))
    rows = rows[["ags", "year", "value"]]
    check_unique(rows, path, "region_id", current=False)  # 401 Kreise of 2019
    return merge_dissolved(rows, merge_weight, path, f"x{indicator}"), label(path, f"x{indicator}")


@reader("inkar")
def inkar_export(file):
    """INKAR web export (.xls, sheet 'Daten'): row 1 names, row 2 years, then Kreise."""
    path = path_of(f"inkar-bbsr/exports-via-gisd/{file}")
    sheet = pd.read_excel(path, sheet_name="Daten", header=None, dtype=str, engine="calamine")
    if sheet.iloc[0, 0] != "Kennziffer":
        raise IngestError(path, "first column is not 'Kennziffer'", column=0, row=0)
    years = sheet.iloc[1, 3:]
    body = sheet.iloc[2:]
    parts = []
    for col, year in years.items():
        parts.append(
            pd.DataFrame(
                {
                    "ags": keys(body[0], path, "Kennziffer"),
                    "year": int(float(year)),
                    "value": numbers(body[col], path, f"{year}"),
                }
            )
        )
    out = pd.concat(parts).dropna(subset=["value"])
    check_unique(out, path, "Kennziffer")
    return out, label(path, "sheet Daten")
