"""One palette on every page: a region keeps its colour wherever it is drawn with the same
others, the colours are safe for colour-blind readers and have 3:1 against white, and the
references are grey."""

from helpers import open_app, plotly_specs

from indicators.display import charts


def contrast(colour):
    """WCAG contrast ratio of a #rrggbb colour against white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_every_colour_has_3_to_1_against_white():
    for colour in [*charts.REGION_PALETTE, *charts.COLORS.values()]:
        assert contrast(colour) >= 3, colour


def test_shown_regions_get_distinct_colours_and_markers():
    order = [f"r{i}" for i in range(40)]
    picked = ["r0", "r8", "r16", "r3"]  # r0, r8 and r16 would share the first colour
    styles = charts.region_styles(picked, order)
    assert len({c for c, _ in styles.values()}) == 4
    assert len({m for _, m in styles.values()}) == 4
    assert styles == charts.region_styles(list(reversed(picked)), order)  # order-free


def test_rostock_keeps_its_colour_from_comparison_to_trends():
    regions = "rostock,trier,bielefeld"
    compare = plotly_specs(open_app("compare", regions=regions))
    trends = plotly_specs(open_app("trends", regions=regions))
    bars = compare[0]["data"][0]
    bar_colour = dict(zip(bars["y"], bars["marker"]["color"], strict=True))
    lines = {t["name"]: t["line"]["color"] for t in compare[2]["data"] if "line" in t}
    trend = {t["name"]: t["line"]["color"] for t in trends[0]["data"] if "line" in t}
    for name in ("Regiopolregion Rostock", "Regiopole Trier"):
        assert bar_colour[name] == lines[name] == trend[name], name
    assert trend["Median Regiopolregionen"] == charts.COLORS["median"]  # references grey
    assert trend["Deutschland"] == charts.COLORS["germany"]
