"""Rangliste page: sortable table, change column, group filter, bar chart."""

from helpers import open_app, plotly_specs


def test_ranking_table_and_filters():
    at = open_app("ranking", ind="gdp_per_capita", year="2021", kind="regiopole")
    table = at.dataframe[0].value
    assert len(table) == 24 and table.iloc[0]["Region"] == "Regiopole Ingolstadt"  # Gera = Jena
    assert table.iloc[0]["Rang"] == 1
    at.get("button_group")[0].set_value("all").run()
    assert len(at.dataframe[0].value) == 24 + 12


def test_list_and_overlap_switch_come_from_the_url():
    at = open_app("ranking", set="regiostar", outside="1")
    table = at.dataframe[0].value
    assert len(table) == 19 + 0  # RegioStaR 35 without the 16 with a core in an MR
    assert "Regiopole Aachen" not in set(table["Region"])


def test_change_since_start_year():
    at = open_app("ranking", ind="population", year="2021", start="2011")
    table = at.dataframe[0].value
    column = "Veränderung 2011–2021 (%)"
    assert column in table.columns
    assert "no better or worse" not in " ".join(c.value for c in at.caption)
    assert any("Wertung" in c.value for c in at.caption)  # neutral indicator note


def test_bar_chart_colours_groups():
    at = open_app("ranking", kind="all")
    colours = set(plotly_specs(at)[0]["data"][0]["marker"]["color"])
    assert colours == {"#0072B2", "#B35C00"}  # regiopole blue, metropolitan dark orange
