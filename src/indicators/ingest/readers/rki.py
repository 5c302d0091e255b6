"""RKI: the German Index of Socioeconomic Deprivation (GISD), Kreise, every year."""

import pandas as pd

from indicators.ingest.readers.common import (
    check_unique,
    keys,
    label,
    numbers,
    path_of,
    require,
)
from indicators.ingest.readers.registry import reader

GENESIS_AGE = "destatis-regionalstatistik-genesis/12411-02-03-4/12411-02-03-4_{year}.csv"


@reader("rki")
def gisd(column):
    path = path_of("rki-gisd/GISD_Bund_Kreis.csv")
    table = pd.read_csv(path, dtype={"kreis_id": str})
    require(table, ["kreis_id", "year", column], path)
    out = pd.DataFrame(
        {
            "ags": keys(table["kreis_id"], path, "kreis_id"),
            "year": table["year"].astype(int),
            "value": numbers(table[column], path, column),
        }
    ).dropna()
    check_unique(out, path, "kreis_id")
    return out, label(path, column)
