"""Artefacts of the sources are not shown as facts: dropped, withheld, or said wherever the
indicator appears. Numbers in the caveats are checked against the data they describe."""

import pytest
from helpers import kreis_value, scalar

from indicators import catalogue as cat
from indicators import compare, sentences


def years(con, indicator):
    rows = con.execute(
        "SELECT DISTINCT year FROM kreis_values WHERE indicator_id = ? ORDER BY 1", [indicator]
    ).fetchall()
    return [y for (y,) in rows]


def test_road_deaths_2017_repeat_2016_and_are_left_out(con):
    assert 2017 not in years(con, "road_deaths_per_100000")
    assert {2016, 2018} <= set(years(con, "road_deaths_per_100000"))
    assert "2017" in cat.load()["road_deaths_per_100000"].caveats


def test_investment_stops_before_the_unexplained_collapse(con):
    """2019: Böblingen 387.8 → 39.2 EUR in the source; 2016: all of Rhineland-Palatinate."""
    assert years(con, "investment_per_capita")[-1] == 2017
    rp_2016 = scalar(
        con,
        "SELECT count(*) FROM kreis_values WHERE indicator_id = 'investment_per_capita' "
        "AND year = 2016 AND ags LIKE '07%'",
    )
    assert rp_2016 == 0
    assert kreis_value(con, "07111", "investment_per_capita", 2015) is not None


def test_students_caveat_numbers_agree_with_the_data(con):
    """Hagen about 350 to 455 per 1,000 in every year; Erfurt about 45 in 2018, 400 in 2021."""
    hagen = con.execute(
        "SELECT min(value), max(value) FROM kreis_values "
        "WHERE ags = '05914' AND indicator_id = 'students_per_1000'"
    ).fetchone()
    assert hagen[0] >= 345 and hagen[1] <= 455
    assert kreis_value(con, "16051", "students_per_1000", 2018) == pytest.approx(45, abs=2)
    assert kreis_value(con, "16051", "students_per_1000", 2021) == pytest.approx(400, abs=5)
    ind = cat.load()["students_per_1000"]
    assert "Erfurt" in ind.caveats and "Erfurt" in ind.caveats_de


def test_students_rank_sentence_carries_the_distance_learning_note(con):
    ranked = compare.ranking(con, "students_per_1000", 2021, kind="regiopole")
    top = ranked.iloc[0]
    assert top["region_id"] == "erfurt"
    meta = cat.load()["students_per_1000"]
    text = sentences.rank_sentence(
        "de",
        year=2021,
        indicator="Studierende",
        region=top["name"],
        value="142,9",
        rank=1,
        n=len(ranked),
        tied=False,
        kind="regiopole",
        polarity="higher_better",
        source="BBSR",
        note=meta.ranking_note_de,
    )
    assert "Fernhochschulen" in text and "Erfurt" in text.split("Hinweis:")[1]
    english = sentences.rank_sentence(
        "en",
        year=2021,
        indicator="Students",
        region="Erfurt",
        value="142.9",
        rank=1,
        n=25,
        tied=False,
        kind="regiopole",
        polarity="higher_better",
        source="BBSR",
        note=meta.ranking_note_en,
    )
    assert english.endswith(meta.ranking_note_en)


def test_deprivation_index_has_no_change_or_trend(con):
    with pytest.raises(ValueError, match="rescaled every year"):
        compare.change(con, "deprivation_index", 2015, 2021)
    with pytest.raises(ValueError, match="rescaled every year"):
        compare.convergence(con, "deprivation_index")
    row = compare.profile(con, "rostock", 2021).set_index("indicator_id").loc["deprivation_index"]
    assert row["value"] == row["value"]  # the level is shown
    assert row["change"] != row["change"]  # the change is not (NaN)


@pytest.mark.parametrize(
    "indicator",
    ["unemployed", "overnight_stays", "hospital_beds_per_1000", "care_home_places_per_10000"],
)
def test_counts_and_arguable_supply_are_ranked_by_size(indicator):
    assert cat.load()[indicator].polarity == "neutral"


@pytest.mark.parametrize(
    ("indicator", "must", "must_not"),
    [
        ("municipal_debt_per_capita", "core budgets", "off-budget"),
        ("municipal_staff_per_10000", "full-time equivalents", "administrations"),
        ("trade_tax_per_capita", "before the levy", "(net)"),
        ("minutes_to_ic_station", "area-weighted", "population"),
    ],
)
def test_definitions_say_what_the_source_measures(indicator, must, must_not):
    text = cat.load()[indicator].description_en
    assert must in text and must_not not in text


def test_contradicted_earnings_are_missing_but_germany_is_kept(con):
    """Wartburgkreis 2018: INKAR 2024 says 3,992 EUR, INKAR 2021 about 2,610 (Eisenach and
    Wartburgkreis alike); where the sources disagree the value is missing."""
    assert kreis_value(con, "16063", "gross_earnings_monthly", 2017) is not None
    for year in (2018, 2021):
        assert kreis_value(con, "16063", "gross_earnings_monthly", year) is None
        germany = scalar(
            con,
            "SELECT value FROM region_values WHERE region_id = 'de' "
            "AND indicator_id = 'gross_earnings_monthly' AND year = ?",
            year,
        )
        assert germany is not None


def test_pages_show_no_change_for_the_rescaled_index():
    from helpers import open_app

    trends = open_app("trends", ind="deprivation_index")
    assert "jedes Jahr neu skaliert" in " ".join(i.value for i in trends.info)
    assert not trends.get("plotly_chart")
    ranking = open_app("ranking", ind="deprivation_index", year="2021")
    assert not ranking.exception
    columns = " ".join(map(str, ranking.dataframe[0].value.columns))
    assert "Rang" in columns and "%" not in columns  # no change column
    gdp = open_app("ranking", ind="gdp_per_capita", year="2021")
    assert "%" in " ".join(map(str, gdp.dataframe[0].value.columns))
