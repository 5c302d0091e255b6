"""data/ is exactly what the ingest makes from the raw files: nothing hand-edited."""

import json

import pandas as pd
from helpers import needs_raw

from indicators import catalogue, paths
from indicators.ingest import pipeline


@needs_raw
def test_curated_tables_are_reproducible_from_raw():
    tables = pipeline.transform(catalogue.load())
    for name, table in tables.items():
        path = paths.DATA_DIR / name
        if name.endswith(".geojson"):
            assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(table))
            continue
        if name.endswith(".parquet"):
            committed = pd.read_parquet(path)
        else:
            committed = pd.read_csv(path, dtype=dict.fromkeys(("ags", "core_ags"), str))
            table = pd.read_csv(
                pd.io.common.StringIO(table.to_csv(index=False)),
                dtype=dict.fromkeys(("ags", "core_ags"), str),
            )
        pd.testing.assert_frame_equal(
            committed, table.reset_index(drop=True), check_dtype=False, obj=name
        )


def test_geometries_are_small_and_complete():
    kreise = json.loads((paths.DATA_DIR / "kreise.geojson").read_text(encoding="utf-8"))
    assert len(kreise["features"]) == 400
    assert "16056" not in {f["properties"]["ags"] for f in kreise["features"]}
    assert (paths.DATA_DIR / "kreise.geojson").stat().st_size < 2_000_000
    lon, lat = kreise["features"][0]["geometry"]["coordinates"][0][0]
    assert 5 < lon < 16 and 47 < lat < 56  # WGS84 longitude/latitude
