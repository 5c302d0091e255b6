"""Eurostat: population on 1 January by NUTS-3 region (demo_r_pjanaggr3), both vintages."""

from pathlib import Path

import pandas as pd

from indicators.ingest.errors import IngestError
from indicators.ingest.readers.common import (
    label,
    numbers,
    path_of,
)
from indicators.ingest.readers.registry import reader
from indicators.ingest.territory import DISSOLVED, kreise_2022

EUROSTAT_POP = {
    "nuts2021": "eurostat-nuts3/demo_r_pjanaggr3_1990-2022.tsv.gz",
    "nuts2024": "eurostat-nuts3/demo_r_pjanaggr3_2016-2025.tsv",
}
# NUTS 2024 recodes Thuringian units (merged Eisenach + Wartburgkreis, boundary moves); the
# table lists each old code, its successor and the Kreis key of today.
_NUTS2024 = pd.read_csv(Path(__file__).parent.parent / "tables" / "nuts2024_thuringia.csv")
NUTS2024_RECODES = dict(
    zip(_NUTS2024["new_nuts"], _NUTS2024["ags"].astype(str).str.zfill(5), strict=False)
)
NUTS2024_SUCCESSOR = dict(zip(_NUTS2024["old_nuts"], _NUTS2024["new_nuts"], strict=True))


def _nuts_to_ags():
    mapping = {nuts: ags for ags, nuts in kreise_2022()["nuts3"].items()}
    mapping["DEG0N"] = "16056"  # Eisenach's own NUTS code until 2021
    return mapping


@reader("eurostat", per_year=True)
def eurostat_population(vintage, year):
    """Population on 1 January <year+1> (= German Stichtag 31.12.<year>), all ages."""
    path = path_of(EUROSTAT_POP[vintage])
    table = pd.read_csv(path, sep="\t", dtype=str)
    key_col = table.columns[0]
    keys = table[key_col].str.split(",", expand=True)
    column = next((c for c in table.columns if c.strip() == str(year + 1)), None)
    if column is None:
        raise IngestError(path, f"no column for 1 January {year + 1}", column=str(year + 1))
    geo = keys.iloc[:, -1]
    pick = (keys.iloc[:, -3] == "T") & (keys.iloc[:, -2] == "TOTAL") & geo.str.match(r"DE\w{3}$")
    rows = table[pick]
    geo = geo[pick]
    values = rows[column].str.replace(r"\s*[a-z]+$", "", regex=True).str.strip()
    frame = pd.DataFrame({"nuts": geo, "value": numbers(values, path, column)}).dropna()
    # From 2023 on, Eurostat carries new Thuringian codes, for a while beside the old ones:
    # drop an old code whenever its successor has a value, so nobody is counted twice.
    present = set(frame["nuts"])
    frame = frame[~frame["nuts"].map(lambda n: NUTS2024_SUCCESSOR.get(n) in present)]
    mapping = _nuts_to_ags()
    recoded = frame["nuts"].map(NUTS2024_RECODES)
    frame["ags"] = recoded.fillna(frame["nuts"].map(mapping))
    unknown = frame["ags"].isna()
    if unknown.any():
        row = unknown.idxmax()
        raise IngestError(path, f"NUTS code {frame.loc[row, 'nuts']!r} has no Kreis", key_col, row)
    frame["ags"] = frame["ags"].replace(DISSOLVED)
    out = frame.groupby("ags", as_index=False)["value"].sum()
    return out.assign(year=year), label(path, f"T, TOTAL, 1 Jan {year + 1}")
