"""Überblick page: headline cards for regiopole regions vs Germany, one chart, a guide."""

from helpers import open_app, plotly_specs, warnings_text


def test_cards_show_group_values_with_german_formatting():
    at = open_app()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Bevölkerung (2022), Personen"] == "20.112.949"
    assert metrics["BIP je Einwohner (2021), EUR je Einwohner"] == "39.990"
    assert metrics["Arbeitslosenquote (2023)"].endswith(" %")  # BA annual average 2023
    gdp = next(m for m in at.metric if m.label.startswith("BIP"))
    assert gdp.delta.startswith("-7,6 %")  # ASCII minus: Streamlit shows a red down arrow
    population = next(m for m in at.metric if m.label.startswith("Bevölkerung"))
    assert population.delta.endswith("seit 2011")
    assert len(plotly_specs(at)) == 1
    assert "Quelle:" in plotly_specs(at)[0]["layout"]["annotations"][-1]["text"]
    assert dict(at.query_params) == {"lang": "de", "set": "aring_reuther"}


def test_english_and_another_list_change_the_cards():
    at = open_app(lang="en", set="network")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Population (2022), persons"] == "5,767,571"
    assert at.title[0].value == "Regiopole Monitor"


def test_language_switch_rerenders_in_english():
    at = open_app()
    at.sidebar.get("button_group")[0].set_value("en").run()
    assert at.title[0].value == "Regiopole Monitor"
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"


def test_invalid_parameters_give_a_notice_and_defaults():
    at = open_app(lang="xx", set="<script>alert(1)</script>", foo="bar")
    notices = warnings_text(at)
    assert "Die Angabe `xx` für „lang“ ist ungültig" in notices
    # shown as typed, but only inside a code span: text, never markup
    assert "`<script>alert(1)</script>`" in notices
    assert notices.count("<script>") == 1
    assert any("unbekannte Angabe" in i.value for i in at.info)
    assert at.title[0].value == "Regiopolen-Monitor"
