"""The entry page renders headless and reacts to its widgets."""

from streamlit.testing.v1 import AppTest

from indicators.paths import REPO_ROOT

APP = str(REPO_ROOT / "dashboard.py")


def test_dashboard_shows_regions_for_the_chosen_indicator():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 48
    munich = table.loc[table["Region"] == "Europäische Metropolregion München", "Wert"].iloc[0]
    assert round(munich, -1) == 58_360  # GDP per capita 2021, as INKAR publishes it

    at.selectbox[0].set_value("population").run()
    table = at.dataframe[0].value
    rostock = table.loc[table["Region"] == "Regiopolregion Rostock", "Wert"].iloc[0]
    assert round(rostock) == 460_971
