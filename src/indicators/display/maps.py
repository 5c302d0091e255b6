"""Choropleth maps as Plotly geo figures (SVG, no map tiles, no WebGL).

Why not deck.gl: on a machine without a GPU (software WebGL, as in our benchmark and on
many office laptops in remote sessions) every redraw of 400 stroked Kreis polygons took
~2 s, so an indicator change took 4–5 s; the SVG map redraws in under 1 s. Being a Plotly
figure, the map also exports to PNG with its title, legend and source line like every chart.

Colours are viridis quintiles (colour-blind safe); each class is one trace, so the legend
states the class limits; missing values are a light-grey class of their own.
"""

import functools
import hashlib
import itertools
import json

import numpy as np
import plotly.graph_objects as go

from indicators.display.charts import FAMILY, FrozenFigure
from indicators.paths import DATA_DIR, REPO_ROOT

# The simplified geometry of all Germany's maps, loaded by the browser once per visit from
# static/geo/ (Streamlit's static serving) rather than sent inside every map (0.4 MB of
# JSON, encoded and compressed for each view). `python -m indicators.display.maps` writes
# the files from data/; a test checks they match.
GEO_URL = "/app/static/geo/"
GEO_FOLDER = REPO_ROOT / "static" / "geo"  # what Streamlit serves at GEO_URL
OVERVIEW_FILES = ("kreise.geojson", "laender.geojson", "region_outlines.geojson")

VIRIDIS_5 = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"]
MISSING = "#d7d7d7"
OUTLINE = {"regiopole": "#0072B2", "metropolitan_region": "#E69F00"}
HOVER = "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"


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


def palette(n):
    """n viridis colours, spread over the scale (n ≤ 5)."""
    picks = np.linspace(0, len(VIRIDIS_5) - 1, n).round().astype(int) if n > 1 else [2]
    return [VIRIDIS_5[i] for i in picks]


def colour(value, breaks):
    index = classify(value, breaks)
    return MISSING if index is None else palette(len(breaks) + 1)[index]


def legend_labels(breaks, fmt):
    """'< a', 'a – b', …, '≥ z' for the classes given by `breaks`."""
    if not breaks:
        return []
    labels = [f"< {fmt(breaks[0])}"]
    labels += [f"{fmt(a)} – {fmt(b)}" for a, b in itertools.pairwise(breaks)]
    labels.append(f"≥ {fmt(breaks[-1])}")
    return labels


def simplified(source, coverage, tolerance=0.02):
    """The collection with fewer vertices, for a map of all Germany (~1 km per pixel).

    The browser redraws every vertex on each change: with 62,000 the indicator change took
    1.3 s; simplified (26,000), it is below 1 s. coverage=True (the Kreise tile Germany
    without gaps): shared borders are simplified once, so neighbours still fit together.
    """
    import shapely
    from shapely.geometry import mapping, shape

    shapes = [shape(f["geometry"]) for f in source["features"]]
    if coverage:
        shapes = shapely.coverage_simplify(shapes, tolerance)
    else:
        shapes = [g.simplify(tolerance / 2) for g in shapes]
    # Coordinates to 0.001° (~100 m): every figure digit travels to each browser.
    shapes = shapely.set_precision(shapes, 0.001)
    features = [
        {"type": "Feature", "properties": _ids(f["properties"]), "geometry": mapping(g)}
        for f, g in zip(source["features"], shapes, strict=True)
    ]
    return collection(features)


def overview(name, data_dir=DATA_DIR):
    """A GeoJSON file of data/, simplified for a map of all Germany."""
    source = json.loads((data_dir / name).read_text(encoding="utf-8"))
    return simplified(source, name == "kreise.geojson")


def _static_name(name):
    return name.replace(".geojson", ".json")


@functools.cache
def overview_url(name):
    """Where the browser finds the simplified file `name` (one of OVERVIEW_FILES), with a
    version from its content: a browser that cached an older one asks for the new one."""
    content = (GEO_FOLDER / _static_name(name)).read_bytes()
    return f"{GEO_URL}{_static_name(name)}?v={hashlib.sha256(content).hexdigest()[:12]}"


def static_files(data_dir=DATA_DIR):
    """{file name: bytes} of the simplified geometry at GEO_URL."""
    return {
        _static_name(name): json.dumps(
            overview(name, data_dir), ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        for name in OVERVIEW_FILES
    }


def feature_ids(features, key):
    """The property `key` of each feature, in their order."""
    return [f["properties"][key] for f in features]


def _ids(properties):
    """The identifying properties only: names travel in the tooltips already."""
    return {k: v for k, v in properties.items() if k != "name"}


def collection(features):
    return {"type": "FeatureCollection", "features": features}


def area_trace(geojson, ids, key, colour_hex, name, customdata=None, line=None, legend=True):
    """Polygons of one colour: the features of `geojson` (a collection, or the URL of one)
    whose property `key` is in `ids`, drawn in that order; with customdata (name, value
    text, rank text) they have a tooltip. line: (colour, width) of their outline; legend:
    whether they have a legend entry (None: Plotly's default, none for a choropleth)."""
    line_colour, width = line or ("white", 0.4)
    return go.Choropleth(
        geojson=geojson,
        featureidkey=f"properties.{key}",
        locations=list(ids),
        z=[0] * len(ids),
        colorscale=[[0, colour_hex], [1, colour_hex]],
        showscale=False,
        marker={"line": {"color": line_colour, "width": width}},
        name=name,
        showlegend=legend,
        customdata=customdata,
        hovertemplate=HOVER if customdata is not None else None,
        hoverinfo=None if customdata is not None else "skip",
    )


def value_traces(geojson, ids, key, frame, breaks, labels, missing_label):
    """One trace per class, from the highest class down (the legend reads top-down), then
    the missing values. `ids`: the features to draw, in drawing order.

    frame: columns id, name, value, value_text, rank_text."""
    rows = frame.set_index("id")
    classes = {i: classify(v, breaks) for i, v in rows["value"].items()}
    colours = palette(len(breaks) + 1)
    traces = []
    for index in [*reversed(range(len(breaks) + 1)), None]:
        members = [i for i in ids if i in classes and classes[i] == index]
        if not members:
            continue
        data = rows.loc[members]
        traces.append(
            area_trace(
                geojson,
                members,
                key,
                MISSING if index is None else colours[index],
                missing_label if index is None else labels[index],
                customdata=data[["name", "value_text", "rank_text"]].to_numpy().tolist(),
            )
        )
    return traces


def outline_trace(geojson, ids, key, colour_hex, width, name):
    """Outlines only (transparent fill); outline_key gives them their legend entry."""
    fill = "rgba(0,0,0,0)"
    return area_trace(geojson, ids, key, fill, name, line=(colour_hex, width), legend=None)


def background_trace(geojson, ids):
    """The Länder in light grey: orientation without any map tiles."""
    return area_trace(
        geojson, ids, "land", "#f5f5f5", "Länder", line=("#787878", 0.8), legend=False
    )


# A white halo around dark text: readable on the darkest and the lightest fill alike.
HALO = (
    ", ".join(f"{x}px {y}px 0 #ffffff" for x in (-1, 0, 1) for y in (-1, 0, 1) if x or y)
    + ", 0 0 3px #ffffff"
)
LABEL_FONT = {"size": 13, "color": "#111111", "weight": "bold", "shadow": HALO}
MARKER_SIZE = 8
# Where a core city's name may stand, in order of preference.
POSITIONS = (
    "middle right",
    "top center",
    "middle left",
    "bottom center",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)


def cores_trace(frame, name):
    """Core cities: a dot and the name (columns lon, lat, name); the names in the order of
    the frame's rows (the first are placed first, see place_labels)."""
    return go.Scattergeo(
        lon=frame["lon"],
        lat=frame["lat"],
        text=frame["name"],
        hovertext=frame["name"],  # the name stays in the tooltip where the label is left out
        mode="markers+text",
        textposition="middle right",
        textfont=LABEL_FONT,
        marker={
            "size": MARKER_SIZE,
            "color": "#D55E00",
            "symbol": "circle",
            "line": {"width": 1.5, "color": "white"},
        },
        name=name,
        hoverinfo="text",
        legendrank=2000,
    )


# Advance widths of Arial (regular) in em, by character; others count as 0.556 em.
_EM = {
    **dict.fromkeys("ijlI", 0.222),
    **dict.fromkeys("ft .,:;/!'()[]", 0.278),
    **dict.fromkeys("r-", 0.333),
    **dict.fromkeys("ckvxyzsJ", 0.5),
    **dict.fromkeys("FTZ", 0.611),
    **dict.fromkeys("ABEKPSVXYÄ", 0.667),
    **dict.fromkeys("CDHNRUÜw", 0.722),
    **dict.fromkeys("GOQÖ", 0.778),
    **dict.fromkeys("mM", 0.833),
    "W": 0.944,
    "L": 0.556,
}


def text_width(text, size, bold=True):
    """Estimated width in pixels of one line of Arial text, 5 % generous (bold ≈ 10 %
    wider than regular)."""
    return 1.05 * sum(_EM.get(c, 0.556) for c in text) * size * (1.1 if bold else 1.0)


def label_box(x, y, text, position, size=LABEL_FONT["size"], marker=MARKER_SIZE):
    """(x0, y0, x1, y1) in pixels (y down) of a label set by Plotly at `position` next to a
    marker at (x, y): its text beside the marker's radius, with 1 px of halo around."""
    w, h, r = text_width(text, size), 1.2 * size, (marker / 2) / 0.8 + 1
    vertical, horizontal = position.split()
    x0 = {"left": x - r - w, "right": x + r, "center": x - w / 2}[horizontal]
    y0 = {"top": y - r - h, "bottom": y + r, "middle": y - h / 2}[vertical]
    return x0 - 1, y0 - 1, x0 + w + 1, y0 + h + 1


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(xs, ys, texts, frame=None, size=LABEL_FONT["size"], marker=MARKER_SIZE):
    """A position (of POSITIONS) for each label, or None where it is left out, such that no
    two labels overlap, no label covers another marker and all stay inside `frame`
    (x0, y0, x1, y1). Labels earlier in the list are placed first (give the larger cities
    first), each at its first free candidate; a label without one gets a place where a
    single label placed before can move to another free place. Deterministic."""
    points = list(zip(xs, ys, strict=True))
    half = marker / 2
    dots = [(x - half, y - half, x + half, y + half) for x, y in points]
    boxes = {}  # index -> (position, box) of the labels placed so far

    def box(i, position):
        return label_box(*points[i], texts[i], position, size, marker)

    def blocked(i, candidate, ignore=()):
        """The labels (indices) a candidate box overlaps, or None if it leaves the frame or
        covers another marker."""
        if frame is not None and not (
            frame[0] <= candidate[0]
            and candidate[2] <= frame[2]
            and frame[1] <= candidate[1]
            and candidate[3] <= frame[3]
        ):
            return None
        if any(overlaps(candidate, d) for k, d in enumerate(dots) if k != i):
            return None
        return [k for k, (_, b) in boxes.items() if k not in ignore and overlaps(candidate, b)]

    for i in range(len(points)):
        options = [(p, box(i, p)) for p in POSITIONS]
        free = next(((p, b) for p, b in options if blocked(i, b) == []), None)
        if free is not None:
            boxes[i] = free
            continue
        for position, candidate in options:  # move one label out of the way
            others = blocked(i, candidate)
            if others is None or len(others) != 1:
                continue
            (j,) = others
            boxes[i] = (position, candidate)
            moved = next(
                (
                    (q, box(j, q))
                    for q in POSITIONS
                    if q != boxes[j][0] and blocked(j, box(j, q), ignore=(j,)) == []
                ),
                None,
            )
            if moved is not None:
                boxes[j] = moved
                break
            del boxes[i]
    return [boxes[i][0] if i in boxes else None for i in range(len(points))]


def _array(values):
    """Floats from a list or from Plotly's binary encoding (a figure made from a dict)."""
    if isinstance(values, dict):
        import base64

        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
    return np.asarray(values, dtype=float)


def _mercator(lat):
    return np.log(np.tan(np.pi / 4 + np.radians(np.asarray(lat, dtype=float)) / 2))


def projected(fig, lon, lat):
    """(x, y, frame) in pixels, y down, of points on a geo figure with lon/lat ranges, as
    Plotly draws it: the range fitted into the plot area (height minus the top and bottom
    margins; the width taken as large enough, as on every desktop screen), frame being the
    box of the range around the centre (0, 0)."""
    layout = fig.layout
    (lon0, lon1), (lat0, lat1) = layout.geo.lonaxis.range, layout.geo.lataxis.range
    height = (
        layout.height
        - (layout.margin.t or 0)
        - (80 if layout.margin.b is None else layout.margin.b)
    )
    y0, y1 = _mercator([lat0, lat1])
    scale = height / (y1 - y0)  # pixels per radian
    centre_x, centre_y = np.radians((lon0 + lon1) / 2), (y0 + y1) / 2
    x = scale * (np.radians(_array(lon)) - centre_x)
    y = -scale * (_mercator(_array(lat)) - centre_y)
    half_w, half_h = scale * np.radians(lon1 - lon0) / 2, height / 2
    return x, y, (-half_w, -half_h, half_w, half_h)


def label_cores(fig):
    """Places the core cities' names of a finished geo figure (its first trace, see
    cores_trace) so that no two overlap at the figure's own extent; a name without room is
    left out of the map (it stays in the tooltip and the table). Returns the figure."""
    cores = fig.data[0]
    names = list(cores.hovertext)  # the full names, also after an earlier placing
    x, y, frame = projected(fig, cores.lon, cores.lat)
    size, marker = cores.textfont.size, cores.marker.size
    positions = place_labels(list(x), list(y), names, frame, size, marker)
    cores.update(
        text=[n if p else "" for n, p in zip(names, positions, strict=True)],
        textposition=[p or "middle right" for p in positions],
    )
    return fig


def relayout(fig, side="left"):
    """A geo figure laid out anew in other type (e.g. by charts.projector for a slide): its
    legend back beside the map, titled in the legend's font size, and the core cities'
    names placed again for their new size and the new margins."""
    legend = fig.layout.legend
    title = legend.title.text if legend.title else None
    top = fig.layout.margin.t
    side_legend(fig, top, title, side)
    if title:
        fig.update_layout(legend_title_font_size=legend.font.size or LABEL_FONT["size"])
    return label_cores(fig)


def legend_title(label, unit):
    """The legend's title: what the colours show and in which unit, on two lines."""
    import textwrap

    return "<br>".join([*textwrap.wrap(label, 20), *textwrap.wrap(unit, 20)])


def bounds(features, pad=0.15):
    """(lon0, lat0, lon1, lat1) around the features, with `pad` of their size added."""
    points = np.asarray(list(_points([f["geometry"]["coordinates"] for f in features])))
    (lon0, lat0), (lon1, lat1) = points.min(axis=0), points.max(axis=0)
    dx, dy = (lon1 - lon0) * pad + 0.05, (lat1 - lat0) * pad + 0.05
    return float(lon0 - dx), float(lat0 - dy), float(lon1 + dx), float(lat1 + dy)


def _points(coordinates):
    if isinstance(coordinates[0], (int, float)):
        yield coordinates[:2]
        return
    for part in coordinates:
        yield from _points(part)


def geo_figure(points, traces, bounds=None):
    """A map without basemap, fitted to all traces or to `bounds` (lon0, lat0, lon1, lat1).

    `points` (a Scattergeo of lon/lat) must come first: plotly.js decides from the first
    trace alone whether to fetch its world topojson from cdn.plot.ly, and that fetch (which
    fails offline and blocks the whole map) is skipped only for a trace without locations.
    """
    geo = {
        "visible": False,
        "projection": {"type": "mercator"},
        "bgcolor": "white",
        "fitbounds": "locations" if bounds is None else False,
    }
    if bounds is not None:
        geo |= {"lonaxis": {"range": [bounds[0], bounds[2]]}}
        geo |= {"lataxis": {"range": [bounds[1], bounds[3]]}}
    fig = FrozenFigure([points, *traces])
    fig.update_layout(geo=geo, dragmode="pan")
    return fig


def side_legend(fig, top=70, title=None, side="right"):
    """Legend in the map's upper right (or left) corner (Germany leaves room there: the
    Baltic, the North Sea), with `title` (what the colours show, in which unit) above the
    classes."""
    x = {"right": 1.0, "left": 0.0}[side]
    legend = {"orientation": "v", "x": x, "xanchor": side, "y": 1.0, "yanchor": "top"}
    if title is not None:
        legend["title"] = {"text": title, "side": "top", "font": {"size": 13, "weight": "bold"}}
    fig.update_layout(legend=legend, margin={"l": 0, "r": 0, "t": top})
    return fig


def outline_key(colour_hex, width, name):
    """A legend entry only: a line in an outline's colour, named like the regions it
    surrounds (a geo trace without locations, so it draws nothing on the map)."""
    return go.Scattergeo(
        lon=[None],
        lat=[None],
        mode="lines",
        line={"color": colour_hex, "width": width + 1},
        name=name,
        hoverinfo="skip",
        legendrank=1500,
    )


def tile_positions(frame, cell=0.55):
    """Grid cells (col, row) for points (columns id, lon, lat) that keep their rough places:
    each point takes its own cell or, if taken, the nearest free one. Equal tiles make a
    small regiopole as visible as a large metropolitan region."""
    taken, cells = set(), {}
    order = frame.assign(x=frame["lon"] * 0.63 / cell, y=frame["lat"] / cell)
    for row in order.sort_values("lat", ascending=False).itertuples():
        home = (round(row.x), round(row.y))
        free = min(
            (
                (home[0] + dx, home[1] + dy)
                for dx in range(-3, 4)
                for dy in range(-3, 4)
                if (home[0] + dx, home[1] + dy) not in taken
            ),
            key=lambda c: (c[0] - row.x) ** 2 + (c[1] - row.y) ** 2,
        )
        taken.add(free)
        cells[row.id] = free
    return cells


def tile_traces(frame, breaks, labels, missing_label, rims=None):
    """(traces, tile shapes): one square per region (columns id, x, y, label, kind, value,
    name, value_text, rank_text), coloured by class; metropolitan regions with an orange
    rim; legend entries for the classes and for the rims (rims: kind -> name)."""
    rims = rims or {}
    colours = palette(len(breaks) + 1)
    classes = [classify(v, breaks) for v in frame["value"]]
    frame = frame.assign(
        fill=[MISSING if c is None else colours[c] for c in classes],
        ink=["#000000" if c is not None and c >= len(colours) - 2 else "#ffffff" for c in classes],
        rim=[OUTLINE.get(k, "#333333") for k in frame["kind"]],
    )
    traces = [
        go.Scatter(  # the names and values; the invisible markers carry the tooltips
            x=frame["x"],
            y=frame["y"],
            mode="markers+text",
            marker={"symbol": "square", "size": 30, "opacity": 0},
            text=frame["label"],
            textfont={"size": TILE_FONT, "color": frame["ink"], "family": FAMILY},
            customdata=frame[["name", "value_text", "rank_text"]].to_numpy().tolist(),
            hovertemplate=HOVER,
            showlegend=False,
        )
    ]
    for colour, label in [*list(zip(colours, labels, strict=True))[::-1], (MISSING, missing_label)]:
        traces.append(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": "square", "size": 14, "color": colour},
                name=label,
            )
        )
    for kind, name in rims.items():  # the rims' meaning, by colour and in words
        traces.append(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "symbol": "square-open",
                    "size": 14,
                    "color": OUTLINE[kind],
                    "line": {"width": 3},
                },
                name=name,
            )
        )
    return traces, [
        {
            "type": "rect",
            "x0": x - TILE * WIDE / 2,
            "x1": x + TILE * WIDE / 2,
            "y0": y - TILE / 2,
            "y1": y + TILE / 2,
            "fillcolor": fill,
            "line": {"color": rim, "width": 3},
            "layer": "below",
        }
        for x, y, fill, rim in frame[["x", "y", "fill", "rim"]].itertuples(index=False)
    ]


TILE = 0.92  # a tile's height in grid cells
WIDE = 1.5  # a tile's width in heights: room for a city's name (columns are that far apart)
TILE_FONT = 10


def tile_name(name, room, size=TILE_FONT):
    """The name as it fits `room` pixels at `size`: whole; else its first word (Freiburg im
    Breisgau: Freiburg); else cut before a vowel with a full stop (Saarbrücken: Saarbr.,
    Kaiserslautern: Kaisersl.) – a deliberate abbreviation, the full name is in the tooltip."""
    if text_width(name, size, bold=False) <= room:
        return name
    first = name.split()[0]
    if first != name and text_width(first, size, bold=False) <= room:
        return first
    vowels = set("aeiouäöüyAEIOUÄÖÜ")
    # At least three letters left out: "Saarbr.", not "Saarbrück." (which reads as cut).
    cuts = [
        k for k in range(3, len(first) - 2) if first[k] in vowels and first[k - 1] not in vowels
    ]
    fitting = [k for k in cuts if text_width(first[:k] + ".", size, bold=False) <= room]
    return first[: max(fitting)] + "." if fitting else first[:3] + "."


def tile_room(width, height, columns, rows):
    """A tile's inner width in pixels when `columns` × `rows` grid cells (WIDE:1) fill a
    plot area of width × height px at most, less 2 px of rim and 2 px of air each side."""
    cell = min(width / (columns * WIDE), height / rows)  # a cell's height in pixels
    return cell * TILE * WIDE - 2 * 4


def tile_layout(fig, tiles):
    """Equal tiles (as shapes in data units: they fit their cells at any screen width); the
    legend right of them, where it covers no tile."""
    fig.update_layout(
        shapes=tiles,
        legend={"x": 1.01, "xanchor": "left"},
        margin={"r": 10},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    return fig


if __name__ == "__main__":
    GEO_FOLDER.mkdir(parents=True, exist_ok=True)
    for file_name, data in static_files().items():
        (GEO_FOLDER / file_name).write_bytes(data)
        print(f"{GEO_FOLDER.relative_to(REPO_ROOT)}/{file_name}: {len(data):,} bytes")
