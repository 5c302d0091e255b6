"""The own region's Kreis map as a pydeck (deck.gl) chart whose clicks add or remove Kreise:
the geometry, the chart built from the chosen Kreise, and a click read back as Kreis keys.
No Streamlit here (views/render.py draws it with st.pydeck_chart).

Made to stay usable without a GPU (software WebGL, e.g. SwiftShader in headless Chromium;
see maps.py for what 400 stroked polygons cost there): the overview geometry of the Karte
page (maps.simplified, ~14,000 vertices), polygons filled but never stroked, the borders as
gaps over one polygon of Germany (no line layer: see `layers`), no hover highlight, flat (no
extrusion, no pitch), and no base map at all: nothing is fetched from beyond the app's own
server. The Kreise and Germany, which never change, are static files the browser loads once;
the chart itself carries only the chosen Kreise (a few kB instead of 0.46 MB). With
everything inline, a click kept the browser busy for 1.5 s before it even sent the click
(Streamlit re-converts the whole chart on a selection, and deck.gl then re-tessellated every
polygon), and the update took ~4 s; with a PathLayer for the borders and the hover
highlight, still ~2 s.

How clicks become members (see pages/own_region.py): Streamlit's multi-object selection
toggles the clicked object in the chart's own selection, which Python cannot set. The chart
therefore gets a new key whenever the chosen Kreise change (by a click, the list, an upload
or a link), so it always starts with nothing selected, and whatever its selection holds on
the next run are the Kreise clicked since: each is toggled in the region (clicked twice
before the run: toggled twice, i.e. unchanged).
"""

import functools
import json
import math
from dataclasses import dataclass

FILL_LAYER = "kreise"
CHOSEN_LAYER = "chosen"
BORDER_LAYER = "kreis_borders"
# Served by Streamlit's static serving (server.enableStaticServing) from static/own_map/.
STATIC_URL = "/app/static/own_map/"
KREISE_FILE = "kreise.json"
BORDERS_FILE = "borders.json"
CHOSEN = (213, 94, 0)  # #D55E00, the own region's colour in its bar chart
PARTIAL = (240, 170, 120)  # a Kreis included in part (a share from an upload)
OTHER = (232, 232, 232)  # 3:1 against CHOSEN (WCAG 1.4.11: 3:1 for graphics)
BORDER = (145, 145, 145)  # 3:1 against white: Germany's outline stands out from the page
# Each Kreis is drawn this many degrees inside its border (~1.5 px at the map's zoom).
GAP = 0.018
# Germany (47.3–55.1° N, 5.9–15.0° E) fills a map of this height at this zoom.
VIEW = {"longitude": 10.45, "latitude": 51.25, "zoom": 4.9}
HEIGHT = 560
TILE = 512  # deck.gl's world is 512 × 2^zoom pixels wide (Web Mercator)
# Keep the map still under a double click (it would zoom while toggling a Kreis twice).
CONTROLLER = {"doubleClickZoom": False, "scrollZoom": True, "dragRotate": False}


@dataclass(frozen=True)
class Geometry:
    """The Kreise for the map, in key order (a fill layer's object index is its position)."""

    ags: tuple
    features: tuple  # GeoJSON features: geometry and properties ags, name
    borders: tuple  # (Germany as one GeoJSON feature,): drawn beneath, it makes the borders
    points: dict  # ags -> (lon, lat): a point inside the Kreis (where a click lands)
    vertices: int  # of the Kreise and Germany together


def geometry(collection, names):
    """The map's geometry from the simplified Kreis collection (maps.simplified, coverage:
    shared borders identical on both sides) and the Kreis names (ags -> name)."""
    import shapely
    from shapely.geometry import mapping, shape

    by_key = sorted(
        ((f["properties"]["ags"], shape(f["geometry"])) for f in collection["features"]),
        key=lambda item: item[0],
    )
    shapes = [g for _, g in by_key]
    insets = [_inset(g) for g in shapes]
    # Germany as one polygon beneath the Kreise: the gaps between them are the borders.
    germany = shapely.union_all(shapes).simplify(0.002)
    borders = ({"type": "Feature", "properties": {}, "geometry": mapping(germany)},)
    features = tuple(
        {
            "type": "Feature",
            "properties": {"ags": ags, "name": names.get(ags, ags)},
            "geometry": mapping(g),
        }
        for (ags, _), g in zip(by_key, insets, strict=True)
    )
    points = {
        ags: tuple(g.representative_point().coords[0])
        for (ags, _), g in zip(by_key, insets, strict=True)
    }
    vertices = int(sum(shapely.get_num_coordinates(insets))) + int(
        shapely.get_num_coordinates(germany)
    )
    return Geometry(tuple(a for a, _ in by_key), features, borders, points, vertices)


def _inset(shape):
    """The Kreis drawn GAP° inside its border, so that Germany's dark polygon beneath shows
    as the border line (a Kreis too small for that keeps a third of the gap, or none)."""
    import numpy as np
    import shapely

    for gap in (GAP, GAP / 3, 0):
        inset = shape.buffer(-gap, join_style="mitre") if gap else shape
        if not inset.is_empty and inset.area > 0.3 * shape.area:
            return shapely.transform(inset, lambda xy: np.round(xy, 4))  # ~10 m, short JSON
    return shape


def colour(share):
    """Fill colour of a chosen Kreis by its share in the region."""
    return list(CHOSEN if share >= 1 else PARTIAL)


def static_files(geo):
    """{file name: bytes} of the static map data the browser loads once (STATIC_URL): all
    Kreise (the clickable layer) and all borders. Written by `python -m
    indicators.display.deckmap` into static/own_map/ (served by Streamlit's static serving);
    a test checks they match data/kreise.geojson."""

    def compact(data):
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    return {KREISE_FILE: compact(list(geo.features)), BORDERS_FILE: compact(list(geo.borders))}


def layers(geo, members):
    """Germany beneath in the border colour, all Kreise from the static file on it (pickable,
    unstroked, light grey, each drawn a little inside its border so the gaps are the border
    lines), and the chosen ones on top (inline: only they change with the region; not
    pickable, so a click on one reaches the Kreis beneath and removes it).

    Three filled layers and no lines: in software WebGL a PathLayer of the ~8,000 border
    segments made every redraw cost ~0.4 s (a click redraws several times), the fills alone
    ~0.07 s. No hover highlight either: it redraws the map on every Kreis the pointer
    crosses (the tooltip names the Kreis without a redraw)."""
    import pydeck as pdk

    by_key = dict(zip(geo.ags, geo.features, strict=True))
    chosen = [
        {**by_key[a], "properties": {"ags": a, "c": colour(share)}}
        for a, share in sorted(members.items())
        if a in by_key
    ]
    borders = _filled(pdk, BORDER_LAYER, STATIC_URL + BORDERS_FILE, list(BORDER))
    kreise = _filled(pdk, FILL_LAYER, STATIC_URL + KREISE_FILE, list(OTHER), pickable=True)
    region = _filled(pdk, CHOSEN_LAYER, chosen, "properties.c")
    return [borders, kreise, region]


def _filled(pdk, layer_id, data, colour, pickable=False):
    """A GeoJSON layer of filled polygons: never stroked, flat."""
    return pdk.Layer(
        "GeoJsonLayer",
        data=data,
        id=layer_id,
        pickable=pickable,
        get_fill_color=colour,
        stroked=False,
        filled=True,
        extruded=False,
    )


def deck(geo, members):
    """The pydeck chart: the Kreise, the chosen ones in CHOSEN, the name as tooltip, no base
    map (map_provider=None: Streamlit then loads no map tiles either)."""
    import pydeck as pdk

    return _compact_deck()(
        layers=layers(geo, members),
        initial_view_state=pdk.ViewState(**VIEW, pitch=0, bearing=0),
        views=[pdk.View(type="MapView", controller=CONTROLLER)],
        map_provider=None,
        tooltip={"text": "{name} ({ags})"},  # as the list names it
    )


@functools.cache
def _compact_deck():
    """pydeck's Deck, serialised without pydeck's indentation (which more than tripled the
    ~0.7 MB that travel to the browser on every change of the chosen Kreise)."""
    import pydeck as pdk
    from pydeck.bindings.json_tools import default_serialize

    class CompactDeck(pdk.Deck):
        def to_json(self):
            return json.dumps(
                self, sort_keys=True, default=default_serialize, separators=(",", ":")
            )

    return CompactDeck


def write_static(folder):
    """Write the static map data (static_files) from data/kreise.geojson into `folder`."""
    from pathlib import Path

    from indicators import open_db
    from indicators.display.context import read_geojson

    names = dict(open_db().execute("SELECT ags, name FROM kreise").fetchall())
    geo = geometry(read_geojson("kreise.geojson", overview=True), names)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in static_files(geo).items():
        (folder / name).write_bytes(data)
    return geo


def clicked(selection, order):
    """The Kreis keys a selection payload of the fill layer names, in click order.

    selection: {'indices': {layer id: [index, …]}, 'objects': {layer id: [object, …]}} as
    st.pydeck_chart returns it (from the browser, so checked: unknown keys and indices out
    of range are ignored). An object's own key wins over its index."""
    known = set(order)
    selection = selection if isinstance(selection, dict) else {}
    indices = (selection.get("indices") or {}).get(FILL_LAYER) or []
    objects = (selection.get("objects") or {}).get(FILL_LAYER) or []
    keys = []
    for n, index in enumerate(indices):
        obj = objects[n] if n < len(objects) and isinstance(objects[n], dict) else {}
        ags = (obj.get("properties") or {}).get("ags") if isinstance(obj, dict) else None
        if ags is None and isinstance(index, int) and 0 <= index < len(order):
            ags = order[index]
        if ags in known:
            keys.append(ags)
    return list(dict.fromkeys(keys))


def toggled(members, keys):
    """The members with each of `keys` removed if it was in, else added whole (share 1)."""
    changed = dict(members)
    for ags in keys:
        if ags in changed:
            del changed[ags]
        else:
            changed[ags] = 1.0
    return changed


def pixel(lon, lat, width, height, view=VIEW):
    """Where (lon, lat) lies on a map of width × height pixels at the view (deck.gl's Web
    Mercator): for tests and the benchmark, which click on Kreise."""

    def x(degrees):
        return (degrees + 180) / 360

    def y(degrees):
        phi = math.radians(degrees)
        return (1 - math.log(math.tan(math.pi / 4 + phi / 2)) / math.pi) / 2

    scale = TILE * 2 ** view["zoom"]
    return (
        width / 2 + (x(lon) - x(view["longitude"])) * scale,
        height / 2 + (y(lat) - y(view["latitude"])) * scale,
    )


def contrast(a, b):
    """WCAG contrast ratio of two RGB colours."""

    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


if __name__ == "__main__":
    from indicators.paths import REPO_ROOT

    written = write_static(REPO_ROOT / "static" / "own_map")
    print(f"static/own_map/: {len(written.ags)} Kreise, {written.vertices} vertices")
