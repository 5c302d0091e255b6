"""Handlungsfelder: the indicators of one of the network's fields for one region, with the
field's lead region and what official statistics can and cannot show."""

import pytest
from helpers import open_app, warnings_text

from indicators import catalogue


def _table(at):
    return at.table[0].value.reset_index()  # a static table, the indicator as row name


@pytest.mark.parametrize("lang", ["de", "en"])
def test_health_care_for_trier(lang):
    at = open_app("fields", field="health_care", region="trier", lang=lang)
    at.run(timeout=60)
    assert not at.exception
    field = catalogue.load().fields["health_care"]
    assert field[lang] in [s.value for s in at.subheader]
    assert at.info[0].value == field[f"note_{lang}"]
    table = _table(at)
    label = "Fahrzeit zur Hausarztpraxis" if lang == "de" else "Travel time to a GP"
    row = table[table.iloc[:, 0] == label].iloc[0]
    # Trier region 2022: 4.4 minutes by car, rank 23 of 24 regiopole regions
    assert row.iloc[1] == ("Minuten mit dem Pkw" if lang == "de" else "minutes by car")
    assert row.iloc[2] == 2022
    assert row.iloc[3] == ("4,4" if lang == "de" else "4.4")
    assert row.iloc[4] == "23 / 24"
    # the other regiopole regions 3.4, the metropolitan regions 2.8, Germany 3.1 minutes
    assert list(row.iloc[5:8]) == (["3,4", "2,8", "3,1"] if lang == "de" else ["3.4", "2.8", "3.1"])
    assert len(table) == len([i for i in catalogue.load() if "health_care" in i.fields])


def test_every_field_draws_for_its_lead_region():
    for key, field in catalogue.load().fields.items():
        at = open_app("fields", field=key, region=field["lead"])
        at.run(timeout=60)
        assert not at.exception, key
        assert len(_table(at)) >= 4, key
        assert at.get("plotly_chart"), key


def test_unknown_field_in_the_link_falls_back_with_a_notice():
    at = open_app("fields", field="<b>quantum</b>")
    assert not at.exception
    assert catalogue.load().fields["mobility"]["de"] in [s.value for s in at.subheader]
    assert "Unbekanntes Handlungsfeld `<b>quantum</b>` – es wird „Mobilität“ gezeigt." in (
        warnings_text(at)
    )
