"""Karte page: choropleth per Kreis or region, outlines, core cities, legend, no tiles."""

import json

from helpers import map_areas, open_app, plotly_specs, warnings_text


def _map(at):
    return plotly_specs(at)[0]


def test_kreis_map_has_values_tooltips_legend_and_no_tiles():
    at = open_app("map")
    spec = _map(at)
    assert spec["layout"]["geo"]["visible"] is False  # no basemap, no tiles
    areas = map_areas(spec)
    assert len(areas) == 400
    name, _, (kreis, value_text, rank_text) = areas["13003"]
    assert kreis == "Rostock" and value_text.endswith("EUR je Einwohner")
    assert rank_text.startswith("Rang ") and rank_text.endswith("/ 400")
    legend = [t["name"] for t in spec["data"] if t.get("customdata")]
    assert legend[0].startswith("≥ ") and legend[-1].startswith("< ")  # top class first
    assert len(legend) == 5  # no Kreis without a value in this year
    assert name in legend
    cores = next(t for t in spec["data"] if t["type"] == "scattergeo")["text"]
    assert {"Rostock", "Trier", "Siegen", "Paderborn"} <= set(cores)
    title = spec["layout"]["title"]["text"]
    assert title == "BIP je Einwohner (EUR je Einwohner), 2021" or "Arbeitslosenquote" in title
    assert "BKG" in spec["layout"]["annotations"][0]["text"]


def test_missing_kreis_is_grey_not_zero():
    at = open_app("map", ind="overnight_stays_per_capita", year="2020")
    name, colour, (_, value_text, rank_text) = map_areas(_map(at))["07318"]  # withheld 2020
    assert colour == "#d7d7d7" and name == "keine Daten"
    assert value_text == "–" and rank_text == ""


def test_region_level_from_url_and_widget_change():
    at = open_app("map", ind="unemployment_rate", year="2021", level="region")
    _, _, (_, value_text, rank_text) = map_areas(_map(at))["rostock"]
    assert value_text.endswith("%") and rank_text == "Rang 21 / 24"
    at.get("button_group")[1].set_value("metropolitan_region").run()
    assert len(map_areas(_map(at))) == 12
    assert at.query_params["kind"] in ("metropolitan_region", ["metropolitan_region"])


def test_changing_the_indicator_changes_the_map():
    at = open_app("map")
    before = map_areas(_map(at))["13003"][2][1]
    at.selectbox[0].set_value("physicians_per_10000").run()
    after = map_areas(_map(at))["13003"][2][1]
    assert before != after and after.endswith("je 10.000 Einwohner")


def test_invalid_indicator_and_year_fall_back_with_notice():
    at = open_app("map", ind="gdp_per_head", year="1850")
    notices = warnings_text(at)
    assert "Unbekannter Indikator `gdp_per_head`" in notices and "Jahr `1850`" in notices
    assert at.selectbox[0].value == "gdp_per_capita"


def test_tile_map_one_equal_tile_per_region():
    at = open_app("map", ind="unemployment_rate", year="2021", level="tiles")
    spec = _map(at)
    tiles = spec["layout"]["shapes"]
    assert len(tiles) == 24 + 12  # Jena and Gera share one region: one tile
    assert {round(s["x1"] - s["x0"], 2) for s in tiles} == {1.38}  # all the same size
    cells = {(s["x0"], s["y0"]) for s in tiles}
    assert len(cells) == len(tiles)  # no two regions share a cell
    hover = {row[0]: row for row in spec["data"][0]["customdata"]}
    assert hover["Regiopolregion Rostock"][1] == "6,7 %"
    assert hover["Regiopolregion Rostock"][2].startswith("Rang ")


def test_geometry_is_loaded_once_per_browser_not_sent_with_every_map():
    """The simplified borders come from static files (the browser fetches and caches them);
    the map itself carries only keys, colours and tooltips."""
    at = open_app("map", level="kreis")
    (element,) = at.get("plotly_chart")
    spec = json.loads(element.proto.spec)
    urls = {trace["geojson"].split("?v=")[0] for trace in spec["data"] if "geojson" in trace}
    assert urls == {
        "/app/static/geo/kreise.json",
        "/app/static/geo/laender.json",
        "/app/static/geo/region_outlines.json",
    }
    assert len(element.proto.spec) < 60_000  # 41,823 bytes; with the polygons: 457,345


def test_static_geometry_files_match_the_data():
    """Rebuild with `python -m indicators.display.maps` after data/*.geojson changed."""
    from indicators.display import maps
    from indicators.paths import REPO_ROOT

    files = maps.static_files()
    assert set(files) == {"kreise.json", "laender.json", "region_outlines.json"}
    for name, data in files.items():
        assert (REPO_ROOT / "static" / "geo" / name).read_bytes() == data, f"{name} is outdated"
    kreise = json.loads(files["kreise.json"])
    assert len(kreise["features"]) == 400
    assert set(kreise["features"][0]["properties"]) == {"ags"}  # names travel in tooltips
