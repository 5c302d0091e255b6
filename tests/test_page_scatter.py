"""Zusammenhänge page: two indicators, bubbles by population, labels, movement."""

from helpers import open_app, plotly_specs


def test_scatter_with_labels_and_movement():
    at = open_app(
        "scatter",
        x="gdp_per_capita",
        y="unemployment_rate",
        year="2021",
        regions="rostock,trier",
        start="2015",
    )
    spec = plotly_specs(at)[0]
    labels = [text for trace in spec["data"] for text in trace["text"] if text]
    assert sorted(labels) == ["Regiopole Trier", "Regiopolregion Rostock"]
    arrows = [a for a in spec["layout"]["annotations"] if a.get("showarrow")]
    assert len(arrows) == 25 + 12
    assert {trace["name"] for trace in spec["data"]} == {"Regiopolregion", "Metropolregion"}


def test_changing_an_axis_changes_the_chart():
    at = open_app("scatter")
    before = plotly_specs(at)[0]["layout"]["xaxis"]["title"]["text"]
    at.selectbox[0].set_value("students_per_1000").run()
    after = plotly_specs(at)[0]["layout"]["xaxis"]["title"]["text"]
    assert before != after and after.startswith("Studierende")


def test_one_indicator_on_both_axes_gives_one_column():
    """The load test's random views found it: x = y gave two columns of one name, and the
    chart's table failed."""
    at = open_app("scatter", x="unemployment_rate", y="unemployment_rate", regions="trier")
    (table,) = at.table
    assert list(table.value.columns).count("Arbeitslosenquote (%)") == 1


def test_population_on_an_axis_gives_one_population_column():
    """Also found by the load test: the population on an axis and as the bubbles' size gave
    two columns of one name."""
    at = open_app("scatter", x="population", y="unemployment_rate", year="2021")
    assert not at.exception
    (table,) = at.table
    columns = list(table.value.columns)
    assert sum(c.startswith("Bevölkerung") for c in columns) == 1, columns
