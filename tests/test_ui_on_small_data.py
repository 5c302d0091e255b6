"""UI behaviour on the small fixture database: the pages show what the engine computes,
formatted for the reader – expectations come from the fixture, never typed in."""

from helpers import open_app

from indicators import compare
from indicators.display import formatting


def _metrics(at):
    return {m.label: m.value for m in at.metric}


def test_overview_cards_show_the_group_aggregates(small_app):
    at = open_app()
    summary = compare.group_summary(small_app, "gdp_per_capita", 2021)
    regiopoles = summary.set_index("group")["aggregate"].iloc[0]
    label = "BIP je Einwohner (2021), EUR je Einwohner"
    assert _metrics(at)[label] == formatting.number(regiopoles, "de", 0)
    english = open_app(lang="en")
    assert _metrics(english)["GDP per capita (2021), EUR per inhabitant"] == formatting.number(
        regiopoles, "en", 0
    )


def test_ranking_lists_exactly_the_fixture_regions(small_app):
    at = open_app("ranking", ind="gdp_per_capita", year="2021")
    table = at.dataframe[0].value
    expected = compare.ranking(small_app, "gdp_per_capita", 2021, kind="regiopole")
    assert list(table["Region"]) == list(expected["name"])
    assert len(table) == 6


def test_profile_card_is_the_regions_value(small_app):
    at = open_app("profile", region="trier", year="2021")
    value = compare.profile(small_app, "trier", 2021).set_index("indicator_id")
    expected = formatting.number(value.loc["gdp_per_capita", "value"], "de", 0)
    assert _metrics(at)["BIP je Einwohner (2021), EUR je Einwohner"] == expected
