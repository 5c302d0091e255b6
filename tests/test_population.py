"""Real numbers: our Germany and Kreis totals equal the official figures in the raw files."""

import pytest
from helpers import scalar

# Official totals as printed in the raw files (see ../shared/data/raw/MANIFEST.md):
# GENESIS 12411-02-03-4 (2010, 2011, 2019), Destatis 04-kreise (2021), BKG VG250-EW (2022),
# Eurostat demo_r_pjanaggr3 1 Jan 2024 and 2025 (Zensus-2022 base).
GERMANY = [
    ("population", 2010, 81_751_602),
    ("population", 2011, 80_327_900),
    ("population", 2019, 83_166_711),
    ("population", 2020, 83_155_031),
    ("population", 2021, 83_237_124),
    ("population", 2022, 84_358_845),
    ("population_z22", 2023, 83_456_045),
    ("population_z22", 2024, 83_577_140),
]


@pytest.mark.parametrize(("indicator", "year", "official"), GERMANY)
def test_germany_equals_official_total(con, indicator, year, official):
    value = scalar(
        con,
        "SELECT value FROM region_values WHERE region_id = 'de' AND indicator_id = ? AND year = ?",
        indicator,
        year,
    )
    assert value == pytest.approx(official, abs=0.5)


@pytest.mark.parametrize(
    ("indicator", "year", "official"),
    [
        ("population", 2010, 202_735),  # GENESIS
        ("population", 2019, 209_191),  # GENESIS
        ("population", 2021, 208_400),  # Destatis 04-kreise
        ("population_z22", 2022, 203_909),  # Eurostat 1 Jan 2023, Zensus 2022
    ],
)
def test_rostock_kreis_population(con, indicator, year, official):
    value = scalar(
        con,
        "SELECT value FROM kreis_values WHERE ags = '13003' AND indicator_id = ? AND year = ?",
        indicator,
        year,
    )
    assert value == official


def test_all_400_kreise_every_population_year(con):
    counts = con.execute(
        "SELECT year, count(*) FROM kreis_values WHERE indicator_id = 'population' GROUP BY year"
    ).fetchall()
    assert {y for y, _ in counts} == set(range(2010, 2023))
    assert all(n == 400 for _, n in counts)


def test_eisenach_is_merged_into_the_wartburgkreis(con):
    assert scalar(con, "SELECT count(*) FROM kreis_values WHERE ags = '16056'") == 0
    # 2019: Eisenach (42,250) + Wartburgkreis (118,974) in the GENESIS table of that year
    value = scalar(
        con,
        "SELECT value FROM kreis_values WHERE ags = '16063' "
        "AND indicator_id = 'population' AND year = 2019",
    )
    assert value == 42_250 + 118_974


def test_census_bases_are_separate_series(con):
    rows = dict(
        con.execute(
            "SELECT indicator_id, basis FROM indicators WHERE indicator_id "
            "IN ('population', 'population_z22')"
        ).fetchall()
    )
    assert rows == {"population": "zensus2011", "population_z22": "zensus2022"}
    # 31.12.2022 exists on both bases and differs by the census correction (-1.24 m).
    z11 = scalar(
        con,
        "SELECT value FROM region_values WHERE region_id='de' "
        "AND indicator_id='population' AND year=2022",
    )
    z22 = scalar(
        con,
        "SELECT value FROM region_values WHERE region_id='de' "
        "AND indicator_id='population_z22' AND year=2022",
    )
    assert z11 - z22 == pytest.approx(1_240_344, abs=1)
