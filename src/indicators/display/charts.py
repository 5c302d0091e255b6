"""Plotly figures for the dashboard. Every figure carries its title and source line, so a
downloaded or screenshotted chart still says what it shows and where the data comes from.
"""

import re
import textwrap

import plotly.graph_objects as go

from indicators.display import i18n
from indicators.display.formatting import plotly_separators, today

# One palette for every page, safe for the common forms of colour blindness (Okabe–Ito and
# Paul Tol's colours) and at least 3:1 against white (WCAG 2.1, 1.4.11), the reference
# series in neutral greys. Colour never stands alone: groups also differ by marker shape and
# bar pattern, regions by marker shape, references by dash and a legend entry.
COLORS = {
    "regiopole": "#0072B2",
    "metropolitan_region": "#B35C00",
    "germany": "#222222",
    "median": "#666666",
    "highlight": "#D55E00",
    "other": "#767676",
}
SYMBOLS = {"regiopole": "circle", "metropolitan_region": "diamond"}
PATTERNS = {"regiopole": "", "metropolitan_region": "/"}
# A region keeps its colour (and marker) on every page: see region_styles.
REGION_PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#332288",
    "#8F6B00",
    "#882255",
    "#6A3D9A",
)
REGION_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross", "hexagon")
# One font the browser has locally: the PNG export redraws the chart without web fonts, so a
# web font would be measured in one width and drawn in another (cutting legend texts).
FAMILY = "Arial, Liberation Sans, Helvetica, sans-serif"
FONT = {"size": 15, "family": FAMILY}
# What finish() lays out for: the chart's width assumed when estimating how many lines the
# legend and the title take (the main column at 1280 px is ~820 px wide; narrower guesses
# only add white space), and the projector's larger type (presentation slides, 1920 px).
SCREEN = {"scale": 1.0, "width": 640, "height": None}
PROJECTOR = {"scale": 1.65, "width": 1100, "height": 560}  # also at 1280 px; least height


def short_name(name, limit=48):
    """A region's name as a chart label: a long name without its explanation in brackets
    ('Regiopolregion Bielefeld (Ostwestfälisch-Lippische Regiopolregion)' → 'Regiopolregion
    Bielefeld'); tables, sentences and the chart in words keep the full name."""
    if len(name) <= limit or not name.endswith(")") or " (" not in name:
        return name
    return name[: name.rindex(" (")]


def region_styles(region_ids, order):
    """{region id: (colour, marker)} for the regions shown together.

    A region's place in `order` (all regions, a fixed order) picks its colour, so Rostock is
    drawn alike on every page; where two shown regions would get the same colour, the one
    later in `order` takes the next free one – the same regions always look the same."""
    taken, styles = set(), {}
    for region_id in sorted(region_ids, key=lambda r: order.index(r) if r in order else 0):
        start = order.index(region_id) if region_id in order else 0
        free = [i % len(REGION_PALETTE) for i in range(start, start + len(REGION_PALETTE))]
        slot = next((i for i in free if i not in taken), start % len(REGION_PALETTE))
        taken.add(slot)
        styles[region_id] = (REGION_PALETTE[slot], REGION_SYMBOLS[slot])
    return styles


class FrozenFigure(go.Figure):
    """A figure that, once `freeze()` is called, hands out one prepared dict.

    st.plotly_chart calls `to_dict()`, which deep-copies the whole figure on every rerun
    (0.5 s for the 400 Kreis polygons); a cached, frozen figure skips that. Do not change a
    figure after freezing it.
    """

    def freeze(self):
        self._frozen = super().to_dict()
        return self

    def to_dict(self):
        return getattr(self, "_frozen", None) or super().to_dict()


def frozen(fig):
    """`fig` frozen in place (see FrozenFigure), so a builder must hand over a figure of its
    own. Not `FrozenFigure(fig)`: that copies and validates the whole figure once more, a
    fifth of a new view's CPU under load."""
    fig.__class__ = FrozenFigure
    return fig.freeze()


def finish(fig, title, source, lang, height=460, legend=True):
    """Common layout: title, language-specific number format, source line at the bottom
    with the date (so a saved PNG says when it was made). What the layout was made from is
    kept in the figure's meta, so projector() can lay it out again in larger type."""
    # a no-break space: the date stays with its word when the line is wrapped
    source = f"{source} · {i18n.t('as_of', lang)}\u00a0{today(lang)}"
    fig.update_layout(
        meta={"title": title, "source": source, "lang": lang, "height": height, "legend": legend}
    )
    return lay_out(fig, SCREEN)


def lay_out(fig, screen):
    """Title, legend and source line placed so that none lies on another or runs out of the
    image: the title and the source wrapped to the assumed width, the top margin made for
    the legend's estimated lines. The layout is set once, as a whole: Plotly's
    update_layout() resolves and validates every key path of the update one by one, three
    times as slow (a quarter of a new view's CPU under load)."""
    meta, scale, width = fig.layout.meta, screen["scale"], screen["width"]
    size = round(15 * scale)
    title = _wrap(meta["title"], width, round(19 * scale))
    # the source ends where the plot does, on the right, and may reach left below the
    # category names; the legend starts where the plot does, right of the longest name
    inner = max(240, width - _label_width(fig, size))
    lines = _wrap(meta["source"], width - 30, 12 if scale == 1 else 24).split("<br>")
    legend_lines = _legend_lines(fig, inner, size) if meta["legend"] else 0
    title_height = round(26 * scale) * (title.count("<br>") + 1) + 16 if title else 10
    title_height += round(0.8 * 26 * scale * title.count("<br>"))
    top = title_height + round(22 * scale) * legend_lines + 14
    bottom = round(60 * scale) + (15 if scale == 1 else 29) * len(lines)
    note = {
        "text": "<br>".join(lines),
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 0,
        "yshift": -round(60 * scale),
        "xanchor": "right",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 12 if scale == 1 else 24, "color": "#555555", "family": FAMILY},
        "align": "right",
        "name": "source",
    }
    # ",~f": full numbers with the language's separators (10.000, not 10k), no trailing zeros
    axes = {
        "gridcolor": "#e5e5e5",
        "zerolinecolor": "#bbbbbb",
        "tickformat": ",~f",
        "tickfont": {"family": FAMILY, "size": size},
        "title": {"font": {"family": FAMILY, "size": size}},
        "automargin": True,
    }
    current = fig.layout.to_plotly_json()
    others = [a for a in current.get("annotations", ()) if a.get("name") != "source"]
    fig.layout = merged(
        current,
        {
            "title": {
                "text": title,
                "x": 0.005,
                "xref": "container",  # from the image's left edge, not the plot area's
                "xanchor": "left",
                "font": {"size": round(19 * scale), "family": FAMILY},
                "yref": "container",
                "y": 1,
                "yanchor": "top",
                # Plotly lifts a title's first line by ~0.8 line per extra line: pushed down
                "pad": {"t": 12 + round(0.8 * 26 * scale * title.count("<br>"))},
            },
            "font": {"size": size, "family": FAMILY, "color": "#222222"},
            "separators": plotly_separators(meta["lang"]),
            "height": _height(meta["height"], top, bottom, screen),
            "margin": {"l": 10, "r": 20, "t": top, "b": bottom + round(20 * scale)},
            "showlegend": meta["legend"],
            "legend": {
                "orientation": "h",
                "yanchor": "bottom",
                "y": 1.0,
                "yref": "paper",
                "x": 0,
                "font": {"family": FAMILY, "size": size},
            },
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "annotations": [*others, note],
            "xaxis": axes,
            "yaxis": axes,
            # a bar chart's column of values, if it has one
            **({"yaxis2": {"tickfont": {"size": size}}} if "yaxis2" in current else {}),
        },
    )
    return fig


def merged(current, update):
    """A layout's properties (`current`, plain values) with `update` applied as Plotly's
    update() applies it: objects merged key by key; a list of objects element by element
    (the update's elements taken in turn, its further ones appended); anything else
    replaced."""
    if isinstance(current, dict) and isinstance(update, dict):
        return current | {
            key: merged(current[key], value) if key in current else value
            for key, value in update.items()
        }
    objects = isinstance(current, list) and current and all(isinstance(c, dict) for c in current)
    if objects and isinstance(update, list | tuple):
        if not update:
            return current
        turns = [merged(c, update[k % len(update)]) for k, c in enumerate(current)]
        return turns + list(update[len(current) :])
    return update


def _height(asked, top, bottom, screen):
    """The image's height: the plot area finish() was asked for (its height less the
    usual 175 px of margins), scaled up for the projector, plus the margins the title,
    legend and source actually need – a long legend never squeezes the plot."""
    plot = max(asked - 175, 150) * (1.25 if screen["scale"] > 1 else 1)
    return round(max(plot + top + bottom, screen["height"] or 0))


def _wrap(text, width, size):
    """Text broken into lines that fit `width` pixels at font `size` (Arial averages ~0.55
    of the size per character; generous so that nothing runs out of the image)."""
    return "<br>".join(textwrap.wrap(text, max(20, int(width / (0.56 * size))))) or text


def _label_width(fig, size):
    """Estimated width in pixels of the longest category name on the y axis (bar and dot
    charts), which pushes the plot area to the right."""
    names = [
        re.sub(r"<[^>]+>", "", str(v))
        for trace in fig.data
        if getattr(trace, "y", None) is not None
        for v in trace.y
        if isinstance(v, str)
    ]
    return 0.5 * size * max(map(len, names)) + 20 if names else 60


def _legend_lines(fig, width, size):
    """How many lines a horizontal legend of the figure's named traces takes at `width`.
    Plotly gives every entry the widest entry's width once they do not fit in one line."""
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    if not names:
        return 0
    widths = [0.56 * size * len(name) + 50 for name in names]  # symbol and gap
    if sum(widths) <= width:
        return 1
    per_line = max(1, int(width // max(widths)))
    return -(-len(names) // per_line)


def projector(fig):
    """A copy of a finished chart in projector type (text >= 24 px at 1920 px): fonts,
    markers and lines scaled, laid out again for the full width. Figures without finish()'s
    meta (e.g. a map drawn otherwise) get their fonts scaled only."""
    big = go.Figure(fig.to_dict())
    scale = PROJECTOR["scale"]
    for trace in big.data:
        if getattr(trace, "textfont", None) is not None:
            trace.textfont.size = round((trace.textfont.size or 15) * scale)
        marker = getattr(trace, "marker", None)
        if isinstance(getattr(marker, "size", None), int | float):
            marker.size = marker.size * scale
        line = getattr(trace, "line", None)
        if isinstance(getattr(line, "width", None), int | float):
            line.width = line.width * scale
    for annotation in big.layout.annotations:
        annotation.font.size = round((annotation.font.size or 15) * scale)
    if big.layout.meta and "title" in big.layout.meta:
        return lay_out(big, PROJECTOR)
    big.update_layout(font={"size": round(15 * scale)}, height=PROJECTOR["height"])
    return big


def reference_line(value, categories, name, colour, dash, width=2, hover=None):
    """A vertical reference across categorical rows, as a trace in data units: it gets a
    legend entry, and unlike a layout shape it stays right on log axes."""
    return go.Scatter(
        x=[value] * len(categories),
        y=categories,
        mode="lines",
        name=name,
        line={"color": colour, "dash": dash, "width": width},
        hovertemplate=None if hover is None else hover + "<extra></extra>",
        hoverinfo="skip" if hover is None else None,
    )


def bar_chart(frame, title, unit_label, references, source, lang, decimals=1):
    """Horizontal bars (columns name, value, kind; optional text, highlight, color) with
    reference lines.

    The values stand in a column at the right (the axis there), where no reference line can
    cross them and no bar can push them out of the image. Bars take their group's colour and
    pattern (or their own `color`); a highlighted bar (the region the reader picked) is
    outlined and its name and value are bold. references: list of (label, value, colour,
    dash); each becomes a vertical line with a legend entry. Missing values are skipped.
    """
    frame = frame.sort_values("value", na_position="first")
    marked = frame["highlight"] if "highlight" in frame else [False] * len(frame)
    names = [
        f"<b>{short_name(n)}</b>" if m else short_name(n)
        for n, m in zip(frame["name"], marked, strict=True)
    ]
    texts = frame["text"] if "text" in frame else [""] * len(frame)
    values = [f"<b>{v}</b>" if m else v for v, m in zip(texts, marked, strict=True)]
    colours = (
        frame["color"]
        if "color" in frame
        else [COLORS.get(k, COLORS["other"]) for k in frame["kind"]]
    )
    fig = go.Figure(
        go.Bar(
            x=frame["value"],
            y=names,
            orientation="h",
            showlegend=False,
            marker={
                "color": list(colours),
                "pattern": {
                    "shape": [PATTERNS.get(k, "") for k in frame["kind"]],
                    "fgcolor": "white",
                    "size": 8,
                },
                "line": {
                    "color": ["#000000" if m else "white" for m in marked],
                    "width": [3 if m else 0 for m in marked],
                },
            },
            hovertemplate=f"%{{y}}: %{{x:,.{decimals}f}} {unit_label}<extra></extra>",
        )
    )
    for kind in dict.fromkeys(frame["kind"]):
        if kind in PATTERNS and "color" not in frame:  # a legend entry per group shown
            fig.add_trace(_legend_entry(kind, lang))
    for label, value, color, dash in references:
        if value is None or value != value:
            continue
        fig.add_trace(
            reference_line(
                value,
                names,
                label,
                color,
                dash,
                width=2.5,
                hover=f"{label}: %{{x:,.{decimals}f}} {unit_label}",
            )
        )
    low = min(0, frame["value"].min())
    top = max([frame["value"].max(), *[r[1] for r in references if r[1] == r[1]]])
    fig.update_xaxes(title=unit_label, range=[low, top * 1.04])
    height = max(320, 40 * len(frame) + 180)
    finish(fig, title, source, lang, height=height)
    right = {"tickmode": "array", "tickvals": names, "ticktext": list(values), "ticks": ""}
    fig.update_layout(
        barmode="overlay",  # the legend's bars of length 0 take no room beside the real ones
        yaxis={"categoryorder": "array", "categoryarray": names},
        yaxis2={
            **right,
            "overlaying": "y",
            "side": "right",
            "matches": "y",
            "showgrid": False,
            "automargin": True,
            "tickfont": {"family": FAMILY},
        },
    )
    fig.add_trace(
        go.Scatter(x=[None] * len(names), y=names, yaxis="y2", showlegend=False, hoverinfo="skip")
    )
    return fig


def _legend_entry(kind, lang):
    """A legend entry for a group's bars: its colour, and in words its pattern (a legend
    draws no pattern)."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=i18n.t(f"legend_{kind}", lang),
        marker={"color": COLORS[kind], "symbol": "square", "size": 14},
        hoverinfo="skip",
    )


def dot_chart(frame, title, source, lang, reference=100, reference_label="", log=False):
    """One row per category (column `label`), a dot per series (`series`, `value`).

    log=True suits indices spanning a wide range (50 and 500 are equally far from 100)."""
    fig = go.Figure()
    for i, (series, part) in enumerate(frame.groupby("series", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=part["value"],
                y=part["label"],
                mode="markers",
                name=series,
                marker={
                    "size": 14,
                    "color": part["color"].iloc[0]
                    if "color" in part
                    else REGION_PALETTE[i % len(REGION_PALETTE)],
                    "symbol": part["symbol"].iloc[0] if "symbol" in part else "circle",
                    "line": {"width": 1, "color": "white"},
                },
                hovertemplate="%{y}: %{x:,.1f}<extra>" + str(series) + "</extra>",
            )
        )
    labels = list(dict.fromkeys(frame["label"]))
    # The reference as a line trace in data units: a layout shape would mis-scale on log axes.
    fig.add_trace(
        reference_line(
            reference, labels, f"{reference_label} = {reference}", COLORS["germany"], "dot"
        )
    )
    fig.update_yaxes(
        autorange="reversed",
        categoryorder="array",
        categoryarray=list(dict.fromkeys(frame["label"])),
    )
    height = max(360, 34 * frame["label"].nunique() + 180)
    fig = finish(fig, title, source, lang, height=height)
    if log:
        fig.update_xaxes(type="log", tickformat=",~f")
    return fig


def line_chart(frame, title, unit_label, source, lang, breaks=(), styles=None):
    """Lines over years (columns year, series, value); dashed vertical lines mark breaks."""
    fig = go.Figure()
    styles = styles or {}
    for i, (series, part) in enumerate(frame.groupby("series", sort=False)):
        style = styles.get(series, {})
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["value"],
                mode="lines+markers",
                name=short_name(series),
                line={
                    "color": style.get("color", REGION_PALETTE[i % len(REGION_PALETTE)]),
                    "width": style.get("width", 2.5),
                    "dash": style.get("dash", "solid"),
                },
                marker={"size": 7, "symbol": style.get("symbol", REGION_SYMBOLS[i % 8])},
                connectgaps=False,
                hovertemplate=f"%{{x}}: %{{y:,.1f}} {unit_label}<extra>{series}</extra>",
            )
        )
    for year, label in breaks:
        fig.add_vline(
            x=year - 0.5,
            line={"color": "#777777", "dash": "dash"},
            annotation={"text": label, "font": {"size": 12}},
            annotation_position="top left",
        )
    fig = finish(fig, title, source, lang)
    fig.update_xaxes(dtick=1, title=None, tickformat="d")  # years without separators
    fig.update_yaxes(title=unit_label)
    return fig


def scatter_chart(frame, x_title, y_title, title, source, lang, moves=None):
    """Bubbles (columns name, x, y, size, kind, label); optional arrows from earlier
    positions (`moves`: name, x0, y0, x1, y1)."""
    fig = go.Figure()
    if moves is not None:
        for row in moves.itertuples():
            fig.add_annotation(
                x=row.x1,
                y=row.y1,
                ax=row.x0,
                ay=row.y0,
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                showarrow=True,
                arrowhead=2,
                arrowwidth=1.2,
                arrowcolor="#888888",
                text="",
            )
    largest = frame["size"].max() or 1
    middle = (frame["x"].min() + frame["x"].max()) / 2
    for kind, part in frame.groupby("kind", sort=False):
        fig.add_trace(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                mode="markers+text",
                name=part["kind_label"].iloc[0],
                text=part["label"],
                # names run inwards: a long name at the edge stays inside the chart
                textposition=["top right" if x < middle else "top left" for x in part["x"]],
                marker={
                    "size": part["size"],
                    "sizemode": "area",
                    "sizeref": 2.0 * largest / 55**2,
                    "sizemin": 5,
                    "color": COLORS.get(kind, COLORS["other"]),
                    "symbol": SYMBOLS.get(kind, "circle"),  # the group by shape, too
                    "opacity": 0.75,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=part["name"],
                hovertemplate="%{customdata}<br>%{x:,.1f} | %{y:,.1f}<extra></extra>",
            )
        )
    fig.update_xaxes(title=x_title, range=_padded(frame["x"], 0.06, 0.06))
    fig.update_yaxes(title=y_title, range=_padded(frame["y"], 0.06, 0.14))  # room for names
    return finish(fig, title, source, lang, height=560)


def _padded(values, low, high):
    """An axis range around the values with room below and above (shares of their span), so
    that the names written above the points stay inside the chart."""
    lo, hi = values.min(), values.max()
    span = (hi - lo) or abs(hi) or 1
    return [lo - low * span, hi + high * span]
