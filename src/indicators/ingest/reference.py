"""BBSR's own published values for the metropolitan regions and Germany (INKAR 2024), and
for Germany from INKAR 2021 (whose tables have no metropolitan regions).

They are kept beside our aggregates so that anyone, and our tests, can see that our
aggregation rules reproduce the official figures.
"""

import pandas as pd

from indicators.ingest.readers.inkar import inkar2021_table, inkar2024_table

# INKAR's names for the IKM regions (raumbezug "Metropolregionen") and Germany ("Bund").
INKAR_REGIONS = {
    "Hauptstadtregion Berlin-Brandenburg": "berlin_brandenburg",
    "Metropolregion FrankfurtRheinMain": "frankfurt_rhein_main",
    "Metropolregion Hamburg": "hamburg",
    "Metropolregion Hannover Braunschweig Göttingen Wolfsburg": "hannover",
    "Metropolregion Mitteldeutschland": "mitteldeutschland",
    "Metropolregion München": "muenchen",
    "Metropolregion Nordwest": "nordwest",
    "Metropolregion Nürnberg": "nuernberg",
    "Metropolregion Rhein-Neckar": "rhein_neckar",
    "Metropole Ruhr": "ruhr",
    "Metropolregion Rheinland": "rheinland",
    "Metropolregion Stuttgart": "stuttgart",
    "Bundesrepublik Deutschland": "de",
}


def _inkar2024_rows(ind, origin):
    _, table = inkar2024_table(origin["args"]["table"])
    column = origin["args"]["column"]
    picked = table[
        table["raumbezug"].isin(["Metropolregionen", "Bund"])
        & table["name"].isin(INKAR_REGIONS)
        & table["zeitbezug"].astype(str).str.fullmatch(r"\d{4}")
    ].dropna(subset=[column])
    return pd.DataFrame(
        {
            "region_id": picked["name"].map(INKAR_REGIONS),
            "indicator_id": ind.id,
            "year": picked["zeitbezug"].astype(int),
            "value": picked[column].astype(float) * origin.get("scale", 1),
            "inkar_name": picked["name"],
        }
    )


def _inkar2021_rows(ind, origin):
    args = origin["args"]
    _, table = inkar2021_table(args["table"], args["indicator"], "Bund")
    table = table.dropna(subset=["value"])
    return pd.DataFrame(
        {
            "region_id": "de",
            "indicator_id": ind.id,
            "year": table["year"],
            "value": table["value"] * origin.get("scale", 1),
            "inkar_name": table["name"] + " (INKAR 2021)",
        }
    )


READERS = {"inkar2024": _inkar2024_rows, "inkar2021": _inkar2021_rows}


def inkar_reference(catalogue, min_year):
    """(region_id, indicator_id, year, value, inkar_name) for every INKAR indicator."""
    rows = [
        READERS[origin["reader"]](ind, origin)
        for ind in catalogue
        for origin in ind.origins
        if origin.get("reader") in READERS
    ]
    out = pd.concat(rows, ignore_index=True)
    return out[out["year"] >= min_year].sort_values(
        ["indicator_id", "region_id", "year"], ignore_index=True
    )
