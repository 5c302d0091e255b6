"""A widget that comes back after a run that did not draw it shows the view, not its default.

Vergleich with one region stops early (no indicator box, no year slider, no index list).
Adding a second region draws them again: the browser mounts each at its own default, so
the page must send it the view's value. It did not: the box showed "Bevölkerung" and 2010
while the chart showed GDP per capita 2021, and the next change applied 2010 and emptied
the index list. AppTest keeps widget values itself, so these tests read what the page
tells the browser (the widget's message) and send that back, as the browser does.
"""

import pytest
from helpers import open_app, plotly_specs

from indicators import open_db
from indicators.snapshot import snapshot


@pytest.fixture(scope="module")
def label_ids():
    meta = snapshot(open_db()).meta
    return {info["label_de"]: indicator_id for indicator_id, info in meta.items()}


def browser_shows(widget):
    """The label(s) the browser puts in a widget when it mounts it from this message."""
    proto = widget.proto
    if widget.type == "multiselect":
        if proto.set_value:
            return list(proto.raw_values)
        return [proto.options[i] for i in proto.default]
    if widget.type == "select_slider":
        return proto.raw_value[0] if proto.set_value else proto.options[int(proto.default[0])]
    return proto.raw_value if proto.set_value else proto.options[proto.default]


def send_back_what_the_browser_shows(at, label_ids):
    """The next interaction carries the values the browser shows, as a real browser's."""
    at.selectbox(key="w_ind").set_value(label_ids[browser_shows(at.selectbox(key="w_ind"))])
    at.selectbox(key="w_year").set_value(int(browser_shows(at.selectbox(key="w_year"))))
    at.multiselect(key="w_inds").set_value(
        [label_ids[label] for label in browser_shows(at.multiselect(key="w_inds"))]
    )


def _query(at, name):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def _remove_to_one_region(at):
    for region_id in ("bielefeld", "trier", "muenchen"):
        at.multiselect(key="w_regions").unselect(region_id).run()
    assert any("mindestens zwei" in i.value for i in at.info)
    assert _query(at, "regions") == "rostock"  # the stopped page writes its URL too


def test_compare_widgets_come_back_with_the_view(label_ids):
    at = open_app("compare")  # Rostock, Bielefeld, Trier, München; GDP per capita 2021
    _remove_to_one_region(at)
    at.multiselect(key="w_regions").select("hamburg").run()
    assert browser_shows(at.selectbox(key="w_ind")) == "BIP je Einwohner"
    assert browser_shows(at.selectbox(key="w_year")) == "2021"
    assert browser_shows(at.multiselect(key="w_inds")) == [
        "BIP je Einwohner",
        "Arbeitslosenquote",
        "Verfügbares Einkommen je Einwohner",
        "Ärzte je 10.000 Einwohner",
        "Gigabit-Versorgung (≥ 1.000 Mbit/s)",
        "Anteil ab 65-Jähriger",
    ]
    assert plotly_specs(at)[0]["layout"]["title"]["text"].startswith("BIP je Einwohner, 2021")

    send_back_what_the_browser_shows(at, label_ids)
    at.multiselect(key="w_regions").select("kiel").run()
    state = at.session_state["view_state"]
    assert (state["ind"], state["year"], len(state["inds"])) == ("gdp_per_capita", 2021, 6)
    assert (_query(at, "ind"), _query(at, "year")) == ("gdp_per_capita", "2021")
    assert _query(at, "regions") == "rostock,hamburg,kiel"
    bars, index_chart, _ = plotly_specs(at)
    assert bars["layout"]["title"]["text"].startswith("BIP je Einwohner, 2021")
    values = next(t for t in bars["data"] if t.get("yaxis") == "y2")  # the column at the right
    drawn = dict(zip(bars["data"][0]["y"], bars["layout"]["yaxis2"]["ticktext"], strict=True))
    assert values["y"] == bars["layout"]["yaxis2"]["tickvals"]
    assert set(drawn) == {"Regiopolregion Rostock", "Metropolregion Hamburg", "Regiopole Kiel"}
    assert drawn["Regiopole Kiel"] == "38.684"  # GDP per capita 2021, EUR
    series = {trace["name"]: len(trace["y"]) for trace in index_chart["data"][:3]}
    assert series == dict.fromkeys(drawn, 6)  # one series per region, six indicators each


def test_an_edit_made_before_the_stop_survives_it(label_ids):
    at = open_app("compare")
    at.selectbox(key="w_ind").set_value("unemployment_rate").run()
    at.selectbox(key="w_year").set_value(2019).run()
    _remove_to_one_region(at)
    at.multiselect(key="w_regions").select("hamburg").run()
    assert browser_shows(at.selectbox(key="w_ind")) == "Arbeitslosenquote"
    assert browser_shows(at.selectbox(key="w_year")) == "2019"
    send_back_what_the_browser_shows(at, label_ids)
    at.multiselect(key="w_regions").select("kiel").run()
    assert (_query(at, "ind"), _query(at, "year")) == ("unemployment_rate", "2019")
    assert plotly_specs(at)[0]["layout"]["title"]["text"].startswith("Arbeitslosenquote, 2019")


def test_a_page_that_stops_early_still_writes_its_url():
    """The tile map ends its page early; its link must still say 'tiles' (it said 'kreis')."""
    at = open_app("map", ind="gdp_per_capita", year="2021")
    level = next(g for g in at.get("button_group") if g.proto.id.endswith("w_level"))
    level.set_value("tiles").run()
    assert not at.exception
    assert (_query(at, "level"), _query(at, "ind"), _query(at, "year")) == (
        "tiles",
        "gdp_per_capita",
        "2021",
    )
