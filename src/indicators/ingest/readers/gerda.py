"""GERDA: INKAR-derived Kreis covariates and the municipal Zensus 2022 table."""

from functools import cache

import pandas as pd

from indicators.ingest.readers.common import (
    check_unique,
    keys,
    label,
    path_of,
    require,
)
from indicators.ingest.readers.registry import reader
from indicators.ingest.territory import DISSOLVED


@cache
def _gerda(path):
    import pyreadr

    table = pyreadr.read_r(str(path))["county_covariates_internal"]
    require(table, ["county_code", "year"], path)
    return path, table


@reader("gerda")
def gerda(column):
    path, table = _gerda(path_of("gerda-inkar-covariates/sysdata.rda"))
    require(table, [column], path)
    out = pd.DataFrame(
        {
            "ags": keys(table["county_code"], path, "county_code"),
            "year": table["year"].astype(int),
            "value": table[column].astype("float64"),
        }
    ).dropna(subset=["value"])
    check_unique(out, path, "county_code")
    return out, label(path, f"county_covariates_internal.{column}")


@reader("gerda")
def gerda_census(column, year):
    """A Zensus 2022 count per municipality (GERDA's census table), summed to Kreise."""
    path = path_of("gerda-inkar-covariates/sysdata.rda")
    table = _gerda_census(path)
    require(table, ["ags", column], path)
    frame = pd.DataFrame(
        {"ags": keys(table["ags"].str[:5], path, "ags"), "value": table[column].astype(float)}
    )
    out = frame.groupby("ags", as_index=False)["value"].sum(min_count=1).assign(year=year)
    out["ags"] = out["ags"].replace(DISSOLVED)
    check_unique(out, path, "ags")
    return out, label(path, f"census_2022_internal.{column}, summed over municipalities")


@cache
def _gerda_census(path):
    import pyreadr

    return pyreadr.read_r(str(path))["census_2022_internal"]
