"""Switching pages keeps the view: the indicator, year and map level chosen on one page are
what the next page shows, and the sidebar still answers on the first click after a switch.
(Streamlit gives a widget on another page a new identity; without re-seeding, the ranking
page showed the first indicator, "Bevölkerung", and the first year.)"""

from helpers import open_app


def _switch(at, page):
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_indicator_year_and_level_survive_page_switches():
    at = open_app("map", ind="gdp_per_capita", year="2021", level="region")
    assert at.selectbox(key="w_ind").value == "gdp_per_capita"
    _switch(at, "ranking")
    assert at.selectbox(key="w_ind").value == "gdp_per_capita"
    assert at.selectbox(key="w_year").value == 2021
    assert at.session_state["view_state"]["level"] == "region"
    at.selectbox(key="w_ind").set_value("unemployment_rate").run()
    _switch(at, "map")
    assert at.selectbox(key="w_ind").value == "unemployment_rate"
    state = at.session_state["view_state"]
    assert (state["ind"], state["year"], state["level"]) == ("unemployment_rate", 2021, "region")


def test_language_switch_right_after_a_page_switch():
    at = open_app("map", ind="gdp_per_capita")
    _switch(at, "ranking")
    at.sidebar.get("button_group")[0].set_value("en").run()
    assert at.session_state["view_state"]["lang"] == "en"
    assert at.selectbox(key="w_ind").value == "gdp_per_capita"
    assert at.selectbox(key="w_ind").label == "Indicator"
