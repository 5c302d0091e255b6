"""A small fixture database: six regiopole regions, three metropolitan regions and their
Kreise, cut from the curated tables. UI tests that check behaviour run against it and read
their expectations from it, so a data refresh cannot break them while the UI is unchanged."""

import json

import pandas as pd

from indicators import build, paths

REGIOPOLES = ["rostock", "bielefeld", "trier", "paderborn", "erfurt", "wuerzburg"]
METROPOLITAN = ["hamburg", "muenchen", "stuttgart"]


def make(folder):
    """Write the cut tables into `folder` (a data directory the app can be pointed at)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = paths.DATA_DIR
    regions = pd.read_csv(source / "regions.csv", dtype=str)
    regions = regions[regions["region_id"].isin(REGIOPOLES + METROPOLITAN)]
    members = pd.read_csv(source / "region_members.csv", dtype={"ags": str})
    members = members[members["region_id"].isin(regions["region_id"])]
    kreise = set(members["ags"])
    tables = {
        "regions.csv": regions,
        "region_members.csv": members,
        "region_member_gemeinden.csv": _rows(source, "region_member_gemeinden.csv", regions),
        "kreise.csv": _kreise(source, kreise),
        "value_origins.csv": pd.read_csv(source / "value_origins.csv"),
        "reference_inkar.csv": pd.read_csv(source / "reference_inkar.csv"),
    }
    for name, table in tables.items():
        table.to_csv(folder / name, index=False, lineterminator="\n")
    values = pd.read_parquet(source / "kreis_values.parquet")
    values[values["ags"].isin(kreise)].to_parquet(folder / "kreis_values.parquet", index=False)
    gemeinden = pd.read_parquet(source / "gemeinde_values.parquet")
    gemeinden[gemeinden["ags"].isin(kreise)].to_parquet(folder / "gemeinde_values.parquet")
    for name in ("kreise.geojson", "region_outlines.geojson", "laender.geojson"):
        _geojson(source / name, folder / name, kreise, set(regions["region_id"]))
    assert set(build.INPUT_FILES) <= {p.name for p in folder.iterdir()}
    return folder


def _rows(source, name, regions):
    table = pd.read_csv(source / name, dtype={"ags": str, "gemeinde_ags": str})
    return table[table["region_id"].isin(regions["region_id"])]


def _kreise(source, kreise):
    table = pd.read_csv(source / "kreise.csv", dtype={"ags": str})
    return table[table["ags"].isin(kreise)]


def _geojson(path, target, kreise, regions):
    collection = json.loads(path.read_text(encoding="utf-8"))
    keep = []
    for feature in collection["features"]:
        props = feature["properties"]
        if (
            props.get("ags", next(iter(kreise))) in kreise
            and props.get("region_id", next(iter(regions))) in regions
        ):
            keep.append(feature)
    target.write_text(json.dumps({**collection, "features": keep}), encoding="utf-8")


def clear_app_caches():
    """Streamlit keeps connections and tables per process: drop them when switching data."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
