"""Regionsprofil page: figures, all indicators vs peers, similar regions, members."""

from helpers import map_areas, open_app, plotly_specs, warnings_text


def test_rostock_profile_from_a_shared_link():
    at = open_app("profile", region="rostock", year="2021")
    assert at.title[0].value == "Regiopolregion Rostock"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["BIP je Einwohner (2021), EUR je Einwohner"] == "34.120"
    gdp = next(m for m in at.metric if m.label.startswith("BIP"))
    assert gdp.delta.startswith("-11,8 %")  # below the peer median (38.684): shown as worse
    similar = at.dataframe[1].value
    assert len(similar) == 5
    members = at.dataframe[2].value
    assert set(members["Kreisschlüssel"]) == {"13003", "13072", "13073"}
    _, member_map = plotly_specs(at)
    areas = map_areas(member_map)
    assert set(areas) == {"13003", "13072", "13073"}
    assert areas["13003"][2][:2] == ["Rostock", "Anteil: 100 %"]


def test_switching_region_changes_everything():
    at = open_app("profile", region="rostock")
    at.selectbox[0].set_value("trier").run()
    assert at.title[0].value == "Regiope Trier".replace("Regiope", "Regiopole")
    assert at.query_params["region"] in ("trier", ["trier"])


def test_unknown_region_falls_back_with_notice():
    at = open_app("profile", region="'; DROP TABLE regions; --")
    assert "region" in warnings_text(at)
    assert at.title[0].value == "Regiopolregion Rostock"
