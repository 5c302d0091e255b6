"""Vergleich page: bars with reference lines, index chart, time series for 2–8 regions."""

from helpers import open_app, plotly_specs


def test_regions_from_url_become_bars_with_references():
    at = open_app("compare", regions="rostock,trier,siegen", ind="gdp_per_capita", year="2021")
    bars = plotly_specs(at)[0]
    assert set(bars["data"][0]["y"]) == {
        "Regiopolregion Rostock",
        "Regiopole Trier",
        "Regiopole Siegen",
    }
    references = [t["name"] for t in bars["data"] if t.get("mode") == "lines"]
    assert [r.split(":")[0] for r in references] == [
        "Deutschland",
        "Median Regiopolregionen",
        "Median Metropolregionen",
    ]
    assert references[0] == "Deutschland: 43.271"  # GDP per capita 2021, EUR
    assert len(plotly_specs(at)) == 3  # bars, index chart, time series


def test_fewer_than_two_regions_asks_for_more():
    at = open_app("compare", regions="rostock")
    assert any("mindestens zwei" in i.value for i in at.info)
    assert plotly_specs(at) == []


def test_changing_the_indicator_changes_the_bars():
    at = open_app("compare", regions="rostock,trier")
    before = plotly_specs(at)[0]["data"][0]["x"]
    at.selectbox[0].set_value("unemployment_rate").run()
    after = plotly_specs(at)[0]["data"][0]["x"]
    assert before != after
    assert at.query_params["ind"] in ("unemployment_rate", ["unemployment_rate"])


def test_unknown_region_in_url_is_dropped_with_notice():
    at = open_app("compare", regions="rostock,atlantis,trier")
    assert "Nicht alle Einträge in `rostock,atlantis,trier` sind bekannt" in " ".join(
        w.value for w in at.warning
    )
    assert at.multiselect[0].value == ["rostock", "trier"]


def test_empty_indicator_selection_says_what_to_choose():
    at = open_app("compare", regions="rostock,trier")
    at.multiselect[1].set_value([]).run()
    assert any("mindestens einen Indikator" in i.value for i in at.info)
    assert len(plotly_specs(at)) == 2  # bars and time series remain


def test_rostock_hamburg_germany_in_one_quotable_sentence():
    """The journalist's question – Rostock vs Hamburg vs Germany on GDP per capita and
    unemployment – in one sentence with every value's year (values as in region_values:
    unemployment 2023 Rostock 6.757, Hamburg 6.274, Germany 5.672)."""
    at = open_app("compare", regions="rostock,hamburg", inds="gdp_per_capita,unemployment_rate")
    sentence = at.code[-1].value
    assert sentence == (
        "BIP je Einwohner (2021): Regiopolregion Rostock 34.120 EUR je Einwohner, "
        "Metropolregion Hamburg 45.967 EUR je Einwohner; Deutschland 43.271 EUR je Einwohner. "
        "Arbeitslosenquote (2023): Regiopolregion Rostock 6,8 %, Metropolregion Hamburg "
        "6,3 %; Deutschland 5,7 %."
    )
