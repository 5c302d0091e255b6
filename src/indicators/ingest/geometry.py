"""Kreis and region outlines for the maps, small enough to ship in the repository.

BKG's VG5000 (1 January 2021) still has Eisenach as its own Kreis; it is merged into the
Wartburgkreis so the map shows the 400 Kreise of 2022.
"""

import json

from shapely import geometry, ops, set_precision

from indicators import paths
from indicators.ingest.errors import IngestError
from indicators.ingest.territory import DISSOLVED, kreise_2022

VG5000 = "bkg-vg5000-2021/Ebene_Kreise_wgs84.geojson"
TOLERANCE = 0.002  # degrees (≈ 150 m): invisible at national zoom, keeps the file small
GRID = 0.0001  # round coordinates to about 10 m


def _clean(shape):
    shape = shape.simplify(TOLERANCE, preserve_topology=True)
    return set_precision(shape, GRID)


def kreis_shapes():
    """{ags: shapely geometry} for the 400 Kreise of 2022 (WGS84)."""
    path = paths.RAW_DIR / VG5000
    if not path.exists():
        raise IngestError(path, "file not found")
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    parts = {}
    for row, feature in enumerate(features):
        ags = DISSOLVED.get(feature["properties"].get("ARS"), feature["properties"].get("ARS"))
        if ags not in kreise_2022().index:
            raise IngestError(path, f"unknown Kreis key {ags!r}", "ARS", row)
        parts.setdefault(ags, []).append(geometry.shape(feature["geometry"]))
    missing = set(kreise_2022().index) - set(parts)
    if missing:
        raise IngestError(path, f"no geometry for Kreis {sorted(missing)[0]}", "ARS")
    return {ags: ops.unary_union(shapes) for ags, shapes in parts.items()}


def _collection(features):
    return {"type": "FeatureCollection", "features": features}


def kreise_geojson(shapes):
    names = kreise_2022()["kreis_name"]
    return _collection(
        [
            {
                "type": "Feature",
                "properties": {"ags": ags, "name": names[ags]},
                "geometry": geometry.mapping(_clean(shape)),
            }
            for ags, shape in sorted(shapes.items())
        ]
    )


def label_points(shapes):
    """A point inside each Kreis (WGS84), to mark core cities on the map."""
    points = {ags: shape.representative_point() for ags, shape in shapes.items()}
    return {ags: (round(p.x, 4), round(p.y, 4)) for ags, p in points.items()}


def laender_geojson(shapes):
    """Outlines of the 16 Länder, dissolved from the Kreise: orientation without map tiles."""
    by_land = {}
    for ags, shape in shapes.items():
        by_land.setdefault(ags[:2], []).append(shape)
    return _collection(
        [
            {
                "type": "Feature",
                "properties": {"land": land},
                "geometry": geometry.mapping(_clean(ops.unary_union(parts))),
            }
            for land, parts in sorted(by_land.items())
        ]
    )


def regions_geojson(shapes, members):
    """Outline of each region: the union of its member Kreise (partial ones included whole)."""
    features = []
    for region_id, group in members.groupby("region_id", sort=True):
        outline = ops.unary_union([shapes[a] for a in group["ags"]])
        features.append(
            {
                "type": "Feature",
                "properties": {"region_id": region_id},
                "geometry": geometry.mapping(_clean(outline)),
            }
        )
    return _collection(features)
