"""Choropleth maps as Plotly geo figures (SVG, no map tiles, no WebGL).

Why not deck.gl: on a machine without a GPU (software WebGL, as in our benchmark and on
many office laptops in remote sessions) every redraw of 400 stroked Kreis polygons took
~2 s, so an indicator change took 4–5 s; the SVG map redraws in under 1 s. Being a Plotly
figure, the map also exports to PNG with its title, legend and source line like every chart.

Colours are viridis quintiles (colour-blind safe); each class is one trace, so the legend
states the class limits; missing values are a light-grey class of their own.
"""

import itertools

import numpy as np
import plotly.graph_objects as go

from indicators.display.charts import FrozenFigure

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


def simplified(collection, coverage, tolerance=0.02):
    """The collection with fewer vertices, for a map of all Germany (~1 km per pixel).

    The browser redraws every vertex on each change: with 62,000 the indicator change took
    1.3 s; simplified (26,000), it is below 1 s. coverage=True (the Kreise tile Germany
    without gaps): shared borders are simplified once, so neighbours still fit together.
    """
    import shapely
    from shapely.geometry import mapping, shape

    shapes = [shape(f["geometry"]) for f in collection["features"]]
    if coverage:
        shapes = shapely.coverage_simplify(shapes, tolerance)
    else:
        shapes = [g.simplify(tolerance / 2) for g in shapes]
    # Coordinates to 0.001° (~100 m): every figure digit travels to each browser.
    shapes = shapely.set_precision(shapes, 0.001)
    features = [
        {"type": "Feature", "properties": _ids(f["properties"]), "geometry": mapping(g)}
        for f, g in zip(collection["features"], shapes, strict=True)
    ]
    return _collection(features)


def _ids(properties):
    """The identifying properties only: names travel in the tooltips already."""
    return {k: v for k, v in properties.items() if k != "name"}


def _collection(features):
    return {"type": "FeatureCollection", "features": features}


def area_trace(features, key, colour_hex, name, customdata=None, line=None, legend=True):
    """Polygons of one colour; with customdata (name, value text, rank text) they have a
    tooltip. line: (colour, width) of their outline."""
    ids = [f["properties"][key] for f in features]
    line_colour, width = line or ("white", 0.4)
    return go.Choropleth(
        geojson=_collection(features),
        featureidkey=f"properties.{key}",
        locations=ids,
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


def value_traces(base, key, frame, breaks, labels, missing_label):
    """One trace per class, from the highest class down (the legend reads top-down), then
    the missing values.

    frame: columns id, name, value, value_text, rank_text."""
    rows = frame.set_index("id")
    classes = {i: classify(v, breaks) for i, v in rows["value"].items()}
    colours = palette(len(breaks) + 1)
    traces = []
    for index in [*reversed(range(len(breaks) + 1)), None]:
        members = [
            f
            for f in base["features"]
            if f["properties"][key] in classes and classes[f["properties"][key]] == index
        ]
        if not members:
            continue
        data = rows.loc[[f["properties"][key] for f in members]]
        traces.append(
            area_trace(
                members,
                key,
                MISSING if index is None else colours[index],
                missing_label if index is None else labels[index],
                customdata=data[["name", "value_text", "rank_text"]].to_numpy().tolist(),
            )
        )
    return traces


def outline_trace(features, key, colour_hex, width, name):
    """Outlines only (transparent fill), with a legend entry that explains them."""
    ids = [f["properties"][key] for f in features]
    return go.Choropleth(
        geojson=_collection(features),
        featureidkey=f"properties.{key}",
        locations=ids,
        z=[0] * len(ids),
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        marker={"line": {"color": colour_hex, "width": width}},
        name=name,
        hoverinfo="skip",
    )


def background_trace(laender):
    """The Länder in light grey: orientation without any map tiles."""
    return area_trace(
        laender["features"], "land", "#f5f5f5", "Länder", line=("#787878", 0.8), legend=False
    )


def cores_trace(frame, name):
    """Core cities: a dot and the name (columns lon, lat, name)."""
    return go.Scattergeo(
        lon=frame["lon"],
        lat=frame["lat"],
        text=frame["name"],
        mode="markers+text",
        textposition="top center",
        textfont={"size": 12, "color": "#1e1e1e"},
        marker={"size": 7, "color": "#D55E00", "line": {"width": 1, "color": "white"}},
        name=name,
        hoverinfo="text",
        legendrank=2000,
    )


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


def side_legend(fig, top=70):
    """Legend in the map's upper right corner (the map leaves room there: the Baltic)."""
    fig.update_layout(
        legend={"orientation": "v", "x": 1.0, "xanchor": "right", "y": 1.0, "yanchor": "top"},
        margin={"l": 0, "r": 0, "t": top},
    )
    return fig


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


def tile_traces(frame, breaks, labels, missing_label):
    """(traces, tile shapes): one square per region (columns id, x, y, label, kind, value,
    name, value_text, rank_text), coloured by class; metropolitan regions with an orange
    rim; legend entries for the classes."""
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
            textfont={"size": 10, "color": frame["ink"]},
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
    return traces, [
        {
            "type": "rect",
            "x0": x - 0.46,
            "x1": x + 0.46,
            "y0": y - 0.46,
            "y1": y + 0.46,
            "fillcolor": fill,
            "line": {"color": rim, "width": 3},
            "layer": "below",
        }
        for x, y, fill, rim in frame[["x", "y", "fill", "rim"]].itertuples(index=False)
    ]


def tile_layout(fig, tiles):
    """Square tiles (as shapes in data units: they fit their cells at any screen width)."""
    fig.update_layout(shapes=tiles)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    return fig
