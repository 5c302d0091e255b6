"""Deutschlandatlas columns carry their true data year, not the sheet's territorial status.

Evidence recomputed from the raw files where a second source overlaps; official national
figures (BA annual averages) are quoted where none does.
"""

import pandas as pd
import pytest
from helpers import kreis_value, needs_raw, scalar

from indicators import catalogue as cat
from indicators import paths

ATLAS = "deutschlandatlas/Deutschlandatlas-Daten_Stand-2024-12-12.xlsx"


def germany(con, indicator, year):
    return scalar(
        con,
        "SELECT value FROM region_values WHERE region_id = 'de' AND indicator_id = ? AND year = ?",
        indicator,
        year,
    )


def test_every_atlas_origin_states_its_year_and_the_evidence():
    origins = [
        o for ind in cat.load() for o in ind.origins if o.get("reader", "").startswith("atlas_")
    ]
    assert len(origins) == 38
    for origin in origins:
        assert len(origin["year_evidence"]) > 80
        assert str(origin["args"]["year"]) in origin["year_evidence"]


def test_atlas_without_evidence_is_rejected():
    text = cat.CATALOGUE_PATH.read_text(encoding="utf-8")
    start = text.index(', year_evidence = "BA annual average 2023')
    end = text.index('" }', start) + 1
    with pytest.raises(cat.CatalogueError, match="year_evidence"):
        cat.parse(text[:start] + text[end:])


def test_unemployment_2023_is_the_ba_annual_average_of_2023_and_2022_is_missing(con):
    """BA annual averages (Statistik der BA): 2021 5.7 %, 2022 5.3 %, 2023 5.7 %. The audit
    found 5.67 labelled 2022; it is the 2023 figure, and the sources have no 2022."""
    assert round(germany(con, "unemployment_rate", 2023), 1) == 5.7
    assert germany(con, "unemployment_rate", 2022) is None
    assert round(germany(con, "unemployment_rate", 2021), 1) == 5.7


def test_latest_years_follow_the_evidence(con):
    latest = dict(
        con.execute(
            "SELECT indicator_id, max(year) FROM kreis_values WHERE indicator_id IN "
            "('unemployment_rate', 'share_employees_academic', 'broadband_1000_share', "
            "'broadband_50_share', 'vacancy_rate') GROUP BY 1"
        ).fetchall()
    )
    assert latest == {
        "unemployment_rate": 2023,
        "share_employees_academic": 2023,
        "broadband_1000_share": 2022,
        "broadband_50_share": 2022,
        "vacancy_rate": 2022,
    }


@pytest.fixture(scope="module")
def atlas_1222():
    return pd.read_excel(
        paths.RAW_DIR / ATLAS, sheet_name="Deutschlandatlas_KRS1222", engine="calamine"
    )


def _gerda(column, year):
    import pyreadr

    table = pyreadr.read_r(str(paths.RAW_DIR / "gerda-inkar-covariates/sysdata.rda"))
    table = table["county_covariates_internal"]
    rows = table[table["year"] == year]
    return rows.set_index("county_code")[column]


def _atlas(sheet, column):
    keys = sheet.iloc[:, 0].map(lambda k: str(int(k)).zfill(8)[:5])
    values = pd.to_numeric(sheet[column], errors="coerce")
    return pd.Series(values.where(values > -9999).to_numpy(), index=keys.to_numpy())


@needs_raw
def test_alq_is_no_inkar_year_up_to_2021(atlas_1222):
    alq = _atlas(atlas_1222, "alq")
    for year in range(2017, 2022):
        inkar = _gerda("unemployment_rate", year)
        equal = ((alq - inkar.reindex(alq.index)).abs() < 0.005).sum()
        assert equal <= 10, (year, equal)


@needs_raw
def test_age_shares_are_31_december_2022(atlas_1222):
    """The sheet's share 65+ equals INKAR's 2022 value in every Kreis (2011-census base)."""
    ue65 = _atlas(atlas_1222, "bev_ue65")
    inkar = _gerda("share_65plus", 2022).reindex(ue65.index)
    assert ((ue65 - inkar).abs() < 0.006).sum() == 400
    total = _atlas(atlas_1222, "bev_u18") + _atlas(atlas_1222, "bev_18_65") + ue65
    assert (total - 100).abs().max() < 0.02


def test_internal_migration_cancels_nationally_in_2022(con):
    assert abs(germany(con, "internal_migration_balance", 2022)) < 0.05


def kreis(con, indicator, ags, year):
    return kreis_value(con, ags, indicator, year)


def test_hand_checked_rostock_values(con):
    """Rostock (13003) as read by hand from the atlas sheets KRS1221 and KRS1222."""
    assert kreis(con, "voter_turnout", "13003", 2021) == pytest.approx(72.8)
    assert kreis(con, "share_18_64", "13003", 2022) == pytest.approx(61.05)
    assert kreis(con, "share_employees_vocational", "13003", 2023) == pytest.approx(62.81)


def test_turnout_is_the_federal_election_of_2021(con):
    """Official turnouts 2021 (2017): Hamburg 77.8 (76.0), Berlin 75.2 (75.6)."""
    assert kreis(con, "voter_turnout", "02000", 2021) == pytest.approx(77.8)
    assert kreis(con, "voter_turnout", "11000", 2021) == pytest.approx(75.2)


def test_burglaries_sum_to_the_pks_count_of_2023(con):
    """PKS 2023: 77,819 domestic burglaries (2022: 65,908)."""
    rate = germany(con, "burglaries_per_100000", 2023)
    population = germany(con, "population", 2022)
    assert abs(rate * population / 1e5 - 77_819) < 100


def test_debtor_quota_and_electric_cars_match_the_published_national_figures(con):
    """Creditreform: 8.86 % (2021), 8.15 % (2023); KBA 1 January 2023: 2.1 % electric.
    Population weights reproduce the 2021 figure within 0.01 points."""
    assert round(germany(con, "debtor_quota", 2021), 2) == 8.85
    assert round(germany(con, "debtor_quota", 2023), 2) == 8.14
    assert germany(con, "debtor_quota", 2022) is None
    assert round(germany(con, "electric_car_share", 2022), 1) == 2.1
