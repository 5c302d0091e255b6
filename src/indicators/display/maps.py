"""pydeck maps that work without any map tiles: Länder outlines give orientation, the
regions themselves are the content. Colours are viridis (colour-blind safe), classes are
quintiles and stated in the legend, missing values are drawn in light grey."""

import base64
import itertools
import json

import numpy as np
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

VIRIDIS_5 = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
MISSING = (215, 215, 215)
OUTLINE = {"regiopole": (0, 114, 178), "metropolitan_region": (230, 159, 0)}
# An inline map style with nothing but a white background: no tiles, no fonts, no requests.
# (Without a style, Streamlit substitutes a Carto basemap fetched from the internet; it only
# accepts a style given as a URL, so the style travels as a data: URL.)
BLANK_STYLE = (
    "data:application/json;base64,"
    + base64.b64encode(
        json.dumps(
            {
                "version": 8,
                "sources": {},
                "layers": [
                    {
                        "id": "background",
                        "type": "background",
                        "paint": {"background-color": "#ffffff"},
                    }
                ],
            }
        ).encode()
    ).decode()
)
VIEW = pdk.ViewState(latitude=51.15, longitude=10.45, zoom=5.1, min_zoom=4, max_zoom=11)


def class_breaks(values, k=5):
    """Quantile class limits (k−1 inner breaks) of the non-missing values."""
    present = np.asarray([v for v in values if v == v and v is not None], dtype=float)
    if present.size == 0:
        return []
    inner = np.quantile(present, np.linspace(0, 1, k + 1)[1:-1])
    return sorted(set(np.round(inner, 10)))


def classify(value, breaks):
    """Index of the class a value falls into (0 … len(breaks)), None if missing."""
    if value is None or value != value:
        return None
    return int(np.searchsorted(breaks, value, side="right"))


def colour(value, breaks):
    index = classify(value, breaks)
    if index is None:
        return MISSING
    palette = VIRIDIS_5 if len(breaks) == 4 else _palette(len(breaks) + 1)
    return palette[index]


def _palette(n):
    picks = np.linspace(0, len(VIRIDIS_5) - 1, n).round().astype(int)
    return [VIRIDIS_5[i] for i in picks]


def painted(geojson, key, values, texts, breaks):
    """A new FeatureCollection whose features carry fill colour and tooltip texts.

    The geometries are shared with `geojson`, not copied (the Kreis map has 400 polygons).
    key: the property holding the id; values: id -> value; texts: id -> dict of extra
    properties (name, value text, rank …) for the tooltip.
    """
    features = []
    for feature in geojson["features"]:
        ident = feature["properties"][key]
        properties = {
            **feature["properties"],
            **texts.get(ident, {}),
            "fill": [*colour(values.get(ident), breaks), 235],
        }
        features.append(
            {"type": "Feature", "geometry": feature["geometry"], "properties": properties}
        )
    return {"type": "FeatureCollection", "features": features}


def fill_layer(geojson, layer_id):
    return pdk.Layer(
        "GeoJsonLayer",
        geojson,
        id=layer_id,
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color=[255, 255, 255],
        line_width_min_pixels=0.4,
    )


def outline_layer(geojson, colour_rgb, layer_id, width=2.0):
    return pdk.Layer(
        "GeoJsonLayer",
        geojson,
        id=layer_id,
        pickable=False,
        stroked=True,
        filled=False,
        get_line_color=list(colour_rgb),
        line_width_min_pixels=width,
    )


def background_layer(geojson):
    return pdk.Layer(
        "GeoJsonLayer",
        geojson,
        id="laender",
        pickable=False,
        stroked=True,
        filled=True,
        get_fill_color=[245, 245, 245],
        get_line_color=[120, 120, 120],
        line_width_min_pixels=1,
    )


def point_layers(frame):
    """Core cities: a dot and the name (columns lon, lat, name)."""
    records = frame[["lon", "lat", "name"]].to_dict("records")
    # The glyphs to draw, as a quoted literal: pydeck turns any unquoted string (even
    # "auto") into an accessor expression, and deck.gl then renders no text at all.
    characters = '"' + "".join(sorted(set("".join(frame["name"])) - {'"'})) + '"'
    return [
        pdk.Layer(
            "ScatterplotLayer",
            records,
            id="cores",
            get_position=["lon", "lat"],
            get_radius=4500,
            radius_min_pixels=4,
            get_fill_color=[213, 94, 0],
            get_line_color=[255, 255, 255],
            line_width_min_pixels=1,
            stroked=True,
        ),
        pdk.Layer(
            "TextLayer",
            records,
            id="core_names",
            get_position=["lon", "lat"],
            get_text="name",
            get_size=13,
            get_color=[30, 30, 30],
            get_pixel_offset=[0, -14],
            font_weight=600,
            character_set=characters,
            font_family='"Source Sans Pro, DejaVu Sans, Arial, sans-serif"',
            background=True,
            get_background_color=[255, 255, 255, 210],
            background_padding=[3, 1],
        ),
    ]


class CompactDeck(pdk.Deck):
    """A Deck serialised without indentation: pydeck's default (indent=2, one coordinate per
    line) makes the Kreis map five times larger on the wire (6.1 MB instead of 1.3 MB)."""

    def to_json(self):
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def view(lat, lon, zoom):
    return pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom)


def deck(layers, tooltip_html, view=VIEW):
    return CompactDeck(
        layers=layers,
        initial_view_state=view,
        map_provider="mapbox",
        map_style=BLANK_STYLE,
        tooltip={
            "html": tooltip_html,
            "style": {"fontSize": "14px", "backgroundColor": "#222", "color": "white"},
        },
    )


def legend_png(colours, labels, width=1100):
    """The colour legend as a small PNG: a map page then needs no charting library at all
    (Plotly's browser bundle alone is 4.7 MB)."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=15)
    height, top = 42, 0
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    step = width / len(colours)
    for k, (colour, label) in enumerate(zip(colours, labels, strict=True)):
        x0 = round(k * step)
        draw.rectangle([x0, top, round((k + 1) * step) - 2, height - 1], fill=tuple(colour))
        ink = (255, 255, 255) if sum(colour[:3]) < 380 else (0, 0, 0)
        label = label.replace("–", "-").replace("≥", ">=")  # the built-in font's glyphs
        box = draw.textbbox((0, 0), label, font=font)
        draw.text((x0 + (step - (box[2] - box[0])) / 2, top + 10), label, fill=ink, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def legend_labels(breaks, fmt):
    """'< a', 'a – b', …, '≥ z' for the classes given by `breaks`."""
    if not breaks:
        return []
    labels = [f"< {fmt(breaks[0])}"]
    labels += [f"{fmt(a)} – {fmt(b)}" for a, b in itertools.pairwise(breaks)]
    labels.append(f"≥ {fmt(breaks[-1])}")
    return labels
