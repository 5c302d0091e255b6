"""Plotly figures for the dashboard. Every figure carries its title and source line, so a
downloaded or screenshotted chart still says what it shows and where the data comes from.
"""

import textwrap

import plotly.graph_objects as go

from indicators.display import i18n
from indicators.display.formatting import plotly_separators, today

# Okabe–Ito colours: distinguishable with the common forms of colour blindness.
COLORS = {
    "regiopole": "#0072B2",
    "metropolitan_region": "#E69F00",
    "germany": "#333333",
    "highlight": "#D55E00",
    "other": "#999999",
}
SERIES = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#F0E442", "#000000"]
# One font the browser has locally: the PNG export redraws the chart without web fonts, so a
# web font would be measured in one width and drawn in another (cutting legend texts).
FAMILY = "Arial, Liberation Sans, Helvetica, sans-serif"
FONT = {"size": 15, "family": FAMILY}


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


def finish(fig, title, source, lang, height=460, legend=True):
    """Common layout: title, language-specific number format, source line at the bottom
    with the date (so a saved PNG says when it was made). One layout update: Plotly
    validates each call, and separate calls cost ~0.1 s per chart."""
    source = f"{source} · {i18n.t('as_of', lang)} {today(lang)}"
    lines = textwrap.wrap(source, 120)  # a long source line would run out of the image
    note = {
        "text": "<br>".join(lines),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "yshift": -75,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 12, "color": "#555555", "family": FAMILY},
        "align": "left",
    }
    # ",~f": full numbers with the language's separators (10.000, not 10k), no trailing zeros
    axes = {
        "gridcolor": "#e5e5e5",
        "zerolinecolor": "#bbbbbb",
        "tickformat": ",~f",
        "tickfont": {"family": FAMILY},
        "title": {"font": {"family": FAMILY}},
        "automargin": True,
    }
    fig.update_layout(
        {
            "title": {
                "text": title,
                "x": 0.005,
                "xref": "container",  # from the image's left edge, not the plot area's
                "xanchor": "left",
                "font": {"size": 19, "family": FAMILY},
                "yref": "container",
                "y": 1,
                "yanchor": "top",
                "pad": {"t": 12},
            },
            "font": FONT,
            "separators": plotly_separators(lang),
            "height": height,
            "margin": {"l": 10, "r": 20, "t": 100, "b": 75 + 15 * len(lines)},
            "showlegend": legend,
            "legend": {
                "orientation": "h",
                "yanchor": "bottom",
                "y": 1.01,
                "x": 0,
                "font": {"family": FAMILY, "size": 13},
            },
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "annotations": [*fig.layout.annotations, note],
            "xaxis": axes,
            "yaxis": axes,
        }
    )
    return fig


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
    """Horizontal bars (columns name, value, kind, optional text) with reference lines.

    references: list of (label, value, colour, dash); each becomes a vertical line with a
    legend entry (readable on a projector, unlike labels written along the lines).
    Missing values are skipped.
    """
    frame = frame.sort_values("value", na_position="first")
    fig = go.Figure(
        go.Bar(
            x=frame["value"],
            y=frame["name"],
            orientation="h",
            showlegend=False,
            marker_color=[COLORS.get(k, COLORS["other"]) for k in frame["kind"]],
            text=frame.get("text", None),
            textposition="outside",
            hovertemplate=f"%{{y}}: %{{x:,.{decimals}f}} {unit_label}<extra></extra>",
            cliponaxis=False,
        )
    )
    names = list(frame["name"])
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
    top = max([frame["value"].max(), *[r[1] for r in references if r[1] == r[1]]])
    fig.update_xaxes(title=unit_label, range=[min(0, frame["value"].min()), top * 1.15])
    height = max(320, 40 * len(frame) + 180)
    return finish(fig, title, source, lang, height=height)


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
                    "color": part["color"].iloc[0] if "color" in part else SERIES[i % len(SERIES)],
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
                name=series,
                line={
                    "color": style.get("color", SERIES[i % len(SERIES)]),
                    "width": style.get("width", 2.5),
                    "dash": style.get("dash", "solid"),
                },
                marker={"size": 6},
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
    for kind, part in frame.groupby("kind", sort=False):
        fig.add_trace(
            go.Scatter(
                x=part["x"],
                y=part["y"],
                mode="markers+text",
                name=part["kind_label"].iloc[0],
                text=part["label"],
                textposition="top center",
                marker={
                    "size": part["size"],
                    "sizemode": "area",
                    "sizeref": 2.0 * largest / 55**2,
                    "sizemin": 5,
                    "color": COLORS.get(kind, COLORS["other"]),
                    "opacity": 0.75,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=part["name"],
                hovertemplate="%{customdata}<br>%{x:,.1f} | %{y:,.1f}<extra></extra>",
            )
        )
    fig.update_xaxes(title=x_title)
    fig.update_yaxes(title=y_title)
    return finish(fig, title, source, lang, height=560)
