"""Federal funds, childcare, schools, training and students from INKAR 2024: values checked
by hand against the raw files (pandas on ../shared/data/raw, numbers copied here)."""

import pytest
from helpers import kreis_value, region_value, scalar

ROSTOCK = "13003"


@pytest.mark.parametrize(
    ("indicator", "year", "raw"),
    [
        # raumwirksame_mittel.parquet, kennziffer 13003000
        ("funds_universities_5y", 2019, 147.45),  # q_rwm_hsf_05_bev
        ("funds_universities_5y", 2021, 102.70),
        ("funds_grw_firms_5y", 2021, 104.05),  # q_rwm_grw_gw_05_bev
        ("funds_labour_market_10y", 2021, 4035.96),  # q_rwm_amph_10_bev
        ("funds_urban_development_10y", 2020, 227.73),  # q_rwm_sbf_10_bev
        # medizinische_und_soziale_versorgung.parquet
        ("childcare_under_3", 2020, 64.01),  # a_betr0003_bev0003
        ("childcare_3_to_6", 2020, 103.77),  # a_betr0306_bev0306, above 100 by design
        # bildung.parquet
        ("students_per_100_aged_18_25", 2021, 76.21),  # q_stud_1825
        ("school_leavers_without_certificate", 2019, 11.09),  # a_schul_oA
        ("school_leavers_without_certificate", 2021, 7.76),
        ("apprentices_per_100_aged_15_25", 2021, 14.43),  # q_azubi_1525
    ],
)
def test_rostock_kreis_values_equal_the_raw_file(con, indicator, year, raw):
    assert kreis_value(con, ROSTOCK, indicator, year) == pytest.approx(raw, abs=1e-9)


def test_age_counts_for_rostock_come_from_the_genesis_table(con):
    """12411-02-03-4_2019.csv, code 13003: the age groups summed by hand."""
    assert kreis_value(con, ROSTOCK, "persons_under_3", 2019) == 5604
    assert kreis_value(con, ROSTOCK, "persons_3_to_6", 2019) == 5370
    assert kreis_value(con, ROSTOCK, "persons_under_15", 2019) == 5604 + 5370 + 6588 + 7601
    assert kreis_value(con, ROSTOCK, "persons_18_to_25", 2019) == 4261 + 14210
    assert kreis_value(con, ROSTOCK, "persons_15_to_25", 2019) == 4393 + 4261 + 14210


def test_students_per_age_group_and_per_inhabitant_count_the_same_students(con):
    """Rostock 2019: 76.87 per 100 aged 18–25 and the rate per 1,000 inhabitants both imply
    about 14,200 students, so the age group is the right denominator."""
    per_age = kreis_value(con, ROSTOCK, "students_per_100_aged_18_25", 2019)
    per_1000 = kreis_value(con, ROSTOCK, "students_per_1000", 2019)
    students_a = per_age * kreis_value(con, ROSTOCK, "persons_18_to_25", 2019) / 100
    students_b = per_1000 * kreis_value(con, ROSTOCK, "population", 2019) / 1000
    assert students_a == pytest.approx(14_198, abs=5)
    assert students_a == pytest.approx(students_b, rel=1e-3)


@pytest.mark.parametrize(
    ("indicator", "hand", "bbsr"),
    [
        # Σ Kreis value × population 31.12.2021 (04-kreise_2021-12-31.xlsx) / Σ population,
        # and BBSR's own row "Bundesrepublik Deutschland" 2021
        ("funds_labour_market_10y", 3353.310, 3353.31),
        ("funds_urban_development_5y", 47.155, 47.16),
        ("funds_project_funding_10y", 896.162, 896.16),
    ],
)
def test_germany_2021_funds_by_hand_and_as_published(con, indicator, hand, bbsr):
    ours = region_value(con, "de", indicator, 2021)
    assert ours == pytest.approx(hand, abs=0.001)
    assert ours == pytest.approx(bbsr, abs=0.01)


@pytest.mark.parametrize(
    ("indicator", "hand"),
    [
        # Rostock 104.05, Landkreis Rostock 152.71, Vorpommern-Rügen 137.74 (share 0.1328)
        ("funds_grw_firms_5y", 129.497),
        # 836.66, 170.91, 1060.55
        ("funds_grw_infrastructure_10y", 533.551),
    ],
)
def test_rostock_region_2021_weights_kreise_by_population_and_share(con, indicator, hand):
    """Σ value × population × share / Σ population × share, population of 31.12.2021."""
    assert region_value(con, "rostock", indicator, 2021) == pytest.approx(hand, abs=0.001)


def test_school_leavers_weighted_by_the_age_group_stay_near_bbsr(con):
    """No count of school leavers exists in the sources; Germany 2019 lies within the
    declared 4 % of BBSR's figure."""
    bbsr = scalar(
        con,
        "SELECT value FROM reference_inkar WHERE region_id = 'de' AND year = 2019 "
        "AND indicator_id = 'school_leavers_without_certificate'",
    )
    ours = region_value(con, "de", "school_leavers_without_certificate", 2019)
    assert ours == pytest.approx(bbsr, rel=0.04)
