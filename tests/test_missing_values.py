"""Missing stays missing: never 0, and an incomplete region is NULL rather than partial."""

from helpers import scalar


def test_city_state_municipal_finances_are_missing_not_zero(con):
    assert (
        scalar(
            con,
            "SELECT count(*) FROM kreis_values WHERE ags = '02000' "
            "AND indicator_id = 'municipal_debt_per_capita'",
        )
        == 0
    )
    hamburg_region = scalar(
        con,
        "SELECT value FROM region_values WHERE region_id = 'hamburg' "
        "AND indicator_id = 'municipal_debt_per_capita' AND year = 2019",
    )
    assert hamburg_region is None
    germany, coverage = con.execute(
        "SELECT value, coverage FROM region_values WHERE region_id = 'de' "
        "AND indicator_id = 'municipal_debt_per_capita' AND year = 2019"
    ).fetchone()
    assert germany > 0 and 0.9 <= coverage < 1


def test_withheld_kreis_makes_the_region_missing(con):
    """Overnight stays 2020 are withheld for a few Kreise; regions containing one are NULL."""
    missing = {
        r[0]
        for r in con.execute(
            "SELECT ags FROM kreise EXCEPT SELECT ags FROM kreis_values "
            "WHERE indicator_id = 'overnight_stays_per_capita' AND year = 2020"
        ).fetchall()
    }
    assert 0 < len(missing) < 20
    affected = con.execute(
        """
        SELECT DISTINCT region_id FROM region_members WHERE ags IN (SELECT unnest(?))""",
        [sorted(missing)],
    ).fetchall()
    for (region_id,) in affected:
        value, coverage = con.execute(
            "SELECT value, coverage FROM region_values WHERE region_id = ? AND "
            "indicator_id = 'overnight_stays_per_capita' AND year = 2020",
            [region_id],
        ).fetchone()
        assert value is None and coverage < 1


def test_atlas_and_inkar_missing_markers_never_become_values(con):
    assert scalar(con, "SELECT count(*) FROM kreis_values WHERE value <= -9999") == 0
    # INKAR's -0.01 marker for Trier-Saarburg's car density in 2013
    assert (
        scalar(
            con,
            "SELECT count(*) FROM kreis_values WHERE ags = '07235' "
            "AND indicator_id = 'cars_per_1000' AND year = 2013",
        )
        == 0
    )


def test_no_zero_where_the_source_has_no_value(con):
    """Zeros only where they are real: no university or hospital in the Kreis, no road
    deaths that year, a debt-free city (Dresden), the least deprived Kreis (GISD = 0)."""
    zeros = {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT indicator_id FROM kreis_values WHERE value = 0"
        ).fetchall()
    }
    assert zeros == {
        "students_per_1000",
        "hospital_beds_per_1000",
        "cash_credits_per_capita",
        "minutes_to_oberzentrum",
        "minutes_to_ic_station",
        "road_deaths_per_100000",
        "municipal_debt_per_capita",
        "deprivation_index",
        # no university or university of applied sciences in the Kreis
        "students_per_100_aged_18_25",
        "students_applied_sciences_per_1000",
        # no specialist internist: three Landkreise served from the city they surround
        "internists_per_10000",
        # GRW only in eligible areas; university funding only where a university is
        "funds_grw_firms_5y",
        "funds_grw_firms_10y",
        "funds_grw_infrastructure_5y",
        "funds_grw_infrastructure_10y",
        "funds_universities_5y",
        "funds_universities_10y",
        # no higher- or middle-order centre, no sparsely populated municipality
        "share_living_in_oberzentren",
        "share_living_in_mittelzentren",
        "share_living_sparsely_populated",
    }


def test_withheld_zeros_are_missing(con):
    """Kaiserslautern's hotels are reported as 0 stays in 2019: a withheld value."""
    assert (
        scalar(
            con,
            "SELECT count(*) FROM kreis_values WHERE ags = '07312' "
            "AND indicator_id = 'overnight_stays_per_capita' AND year = 2019",
        )
        == 0
    )
    assert (
        scalar(
            con,
            "SELECT value FROM kreis_values WHERE ags = '07312' "
            "AND indicator_id = 'overnight_stays_per_capita' AND year = 2017",
        )
        > 1
    )
