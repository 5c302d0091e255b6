"""Entwicklung page: group medians over time, gap, index, census break marked."""

from helpers import open_app, plotly_specs


def test_population_trend_marks_the_census_break():
    at = open_app("trends", ind="population", regions="rostock")
    lines = plotly_specs(at)[0]
    names = [trace["name"] for trace in lines["data"]]
    assert names == [
        "Median Regiopolregionen",
        "Median Metropolregionen",
        "Regiopolregion Rostock",
    ]  # no Germany line for a size
    breaks = [a["text"] for a in lines["layout"]["annotations"] if "Bruch" in a["text"]]
    assert breaks == ["Bruch in der Reihe"]


def test_index_to_base_year():
    at = open_app("trends", ind="gdp_per_capita", base="2015")
    lines = plotly_specs(at)[0]
    germany = next(t for t in lines["data"] if t["name"] == "Deutschland")
    assert abs(germany["y"][germany["x"].index(2015)] - 100) < 1e-9


def test_gap_sentence_and_single_year_indicator():
    at = open_app("trends", ind="gdp_per_capita")
    assert any("Abstand" in m.value for m in at.markdown)
    at.selectbox[0].set_value("broadband_1000_share").run()
    assert any("nur ein Jahr" in i.value for i in at.info)
