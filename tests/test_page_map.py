"""Karte page: choropleth per Kreis or region, outlines, core cities, legend, no tiles."""

from helpers import deck_spec, open_app, plotly_specs, warnings_text


def _layer(spec, layer_id):
    return next(layer for layer in spec["layers"] if layer["id"] == layer_id)


def _feature(spec, key, ident):
    features = _layer(spec, "values")["data"]["features"]
    return next(f["properties"] for f in features if f["properties"][key] == ident)


def test_kreis_map_has_values_tooltips_and_no_tiles():
    at = open_app("map")
    spec = deck_spec(at)
    assert spec["mapStyle"].startswith("data:application/json")  # blank style, no tiles
    rostock = _feature(spec, "ags", "13003")
    assert rostock["name"] == "Rostock" and rostock["value_text"].endswith("EUR je Einwohner")
    assert rostock["rank_text"].startswith("Rang ")
    assert len(_layer(spec, "values")["data"]["features"]) == 400
    cores = {c["name"] for c in _layer(spec, "cores")["data"]}
    assert {"Rostock", "Trier", "Siegen", "Paderborn"} <= cores
    assert plotly_specs(at) == []  # the legend is an image: no charting library needed
    assert len(at.get("image")) == 1
    assert any(
        m.value == "**Arbeitslosenquote (%), 2021**" or "BIP je Einwohner" in m.value
        for m in at.markdown
    )


def test_missing_kreis_is_grey_not_zero():
    at = open_app("map", ind="overnight_stays_per_capita", year="2020")
    speyer = _feature(deck_spec(at), "ags", "07318")  # withheld in 2020
    assert speyer["fill"][:3] == [215, 215, 215]
    assert speyer["value_text"] == "–" and speyer["rank_text"] == ""


def test_region_level_from_url_and_widget_change():
    at = open_app("map", ind="unemployment_rate", year="2021", level="region")
    spec = deck_spec(at)
    rostock = _feature(spec, "region_id", "rostock")
    assert rostock["value_text"].endswith("%") and "/ 25" in rostock["rank_text"]
    at.get("button_group")[1].set_value("metropolitan_region").run()
    features = _layer(deck_spec(at), "values")["data"]["features"]
    assert len(features) == 12
    assert at.query_params["kind"] in ("metropolitan_region", ["metropolitan_region"])


def test_changing_the_indicator_changes_the_map():
    at = open_app("map")
    before = _feature(deck_spec(at), "ags", "13003")["value_text"]
    at.selectbox[0].set_value("physicians_per_10000").run()
    after = _feature(deck_spec(at), "ags", "13003")["value_text"]
    assert before != after and after.endswith("je 10.000 Einwohner")


def test_invalid_indicator_and_year_fall_back_with_notice():
    at = open_app("map", ind="gdp_per_head", year="1850")
    assert "ind" in warnings_text(at) and "year" in warnings_text(at)
    assert at.selectbox[0].value == "gdp_per_capita"
