"""The ingest in one shape: load → transform (everything in memory) → save (all or nothing).

Run it as `python -m indicators.ingest`. It reads ../shared/data and rewrites the curated
tables in data/. If any source fails a check, no file in data/ is touched.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

from indicators import catalogue as catalogue_module
from indicators.ingest.geometry import (
    kreis_shapes,
    kreise_geojson,
    label_points,
    laender_geojson,
    regions_geojson,
)
from indicators.ingest.reference import inkar_reference
from indicators.ingest.regions import kreise_table, load_members, load_regions, member_gemeinden
from indicators.ingest.values import all_values, gemeinde_values
from indicators.paths import DATA_DIR


def transform(catalogue):
    """Everything the app needs, as in-memory tables; raises IngestError on bad input."""
    regions = load_regions()
    gemeinden = member_gemeinden()
    members = load_members(regions, gemeinden)
    values, origins = all_values(catalogue)
    shapes = kreis_shapes()
    return {
        "kreise.csv": kreise_table(label_points(shapes)),
        "regions.csv": regions,
        "region_members.csv": members,
        "region_member_gemeinden.csv": gemeinden,
        "gemeinde_values.parquet": gemeinde_values(catalogue, set(gemeinden["ags"])),
        "kreis_values.parquet": values,
        "value_origins.csv": origins,
        "reference_inkar.csv": inkar_reference(catalogue, catalogue.min_year),
        "kreise.geojson": kreise_geojson(shapes),
        "region_outlines.geojson": regions_geojson(shapes, members),
        "laender.geojson": laender_geojson(shapes),
    }


def _write(name, table, folder):
    path = folder / name
    if name.endswith(".geojson"):
        path.write_text(
            json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    elif name.endswith(".parquet"):
        table.to_parquet(path, index=False, compression="zstd")
    else:
        table.to_csv(path, index=False, lineterminator="\n")


def save(tables, target=DATA_DIR):
    """Write into a temporary folder first, then move each finished file into place."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".ingest-", dir=target))
    try:
        for name, table in tables.items():
            _write(name, table, staging)
        for name in tables:
            os.replace(staging / name, target / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run(target=DATA_DIR):
    catalogue = catalogue_module.load()
    tables = transform(catalogue)
    save(tables, target)
    return tables
