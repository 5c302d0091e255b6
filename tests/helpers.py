"""Helpers for the tests: raw-file switch, scalar queries, and the headless app."""

import pytest

from indicators import paths

HAS_RAW = (paths.RAW_DIR / "MANIFEST.md").exists()
needs_raw = pytest.mark.skipif(not HAS_RAW, reason="needs ../shared/data/raw")


def scalar(con, sql, *params):
    row = con.execute(sql, list(params)).fetchone()
    return None if row is None else row[0]


def region_value(con, region, indicator, year):
    return scalar(
        con,
        "SELECT value FROM region_values WHERE region_id = ? AND indicator_id = ? AND year = ?",
        region,
        indicator,
        year,
    )


def kreis_value(con, ags, indicator, year):
    return scalar(
        con,
        "SELECT value FROM kreis_values WHERE ags = ? AND indicator_id = ? AND year = ?",
        ags,
        indicator,
        year,
    )


def open_app(page=None, **params):
    """Run the dashboard headless as if its URL carried `params`, then go to `page`."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(paths.REPO_ROOT / "dashboard.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(f"views/{page}.py")
        at.run()
    assert not at.exception, at.exception
    return at


def plotly_specs(at):
    """Plotly figure specs, with binary-encoded arrays decoded to lists."""
    import base64
    import json

    import numpy as np

    def decode(obj):
        if isinstance(obj, dict) and {"dtype", "bdata"} <= set(obj):
            return np.frombuffer(base64.b64decode(obj["bdata"]), dtype=obj["dtype"]).tolist()
        if isinstance(obj, dict):
            return {k: decode(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [decode(v) for v in obj]
        return obj

    return [decode(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def map_areas(spec):
    """id -> (trace name, colour, customdata) for every polygon with a tooltip on a map."""
    areas = {}
    for trace in spec["data"]:
        if trace["type"] == "choropleth" and trace.get("customdata"):
            colour = trace["colorscale"][0][1]
            for ident, data in zip(trace["locations"], trace["customdata"], strict=True):
                areas[ident] = (trace["name"], colour, data)
    return areas


def warnings_text(at):
    return " ".join(w.value for w in at.warning)


def flat(parts):
    """Every element of a view model (display.elements.flat)."""
    from indicators.display.elements import flat as flatten

    return flatten(parts)


def of(kind, parts):
    return [part for part in flat(parts) if isinstance(part, kind)]
