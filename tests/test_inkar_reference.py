"""Our aggregation rules reproduce BBSR's own published values (INKAR 2024, raumbezug
"Metropolregionen" and "Bund") for every indicator and year both have."""

import pytest

from indicators import catalogue as cat


def _comparison(con):
    return con.execute("""
        SELECT r.indicator_id, r.region_id, r.year, r.value AS inkar, v.value AS ours,
               v.coverage
        FROM reference_inkar r
        JOIN region_values v USING (region_id, indicator_id, year)
    """).df()


def _resolution(indicator_id):
    """INKAR rounds to 0.01 of its own unit; GDP and GVA are published in 1,000 EUR."""
    return 10.0 if indicator_id.startswith(("gdp_per", "gva_per")) else 0.01


def _errors(con):
    table = _comparison(con).dropna(subset=["ours"])
    table["error"] = (table["ours"] - table["inkar"]).abs()
    table["relative"] = table["error"] / table["inkar"].abs()
    return table


def test_every_comparable_value_matches_within_rounding(con):
    """Except where the catalogue declares (and explains) an approximation."""
    catalogue = cat.load()
    table = _errors(con)
    exact = table[~table["indicator_id"].map(lambda i: bool(catalogue[i].approximate))]
    tolerance = exact["indicator_id"].map(_resolution) + 1e-9
    off = exact[exact["error"] > tolerance]
    assert off.empty, off.head(10).to_string()
    assert len(table) >= 2500
    assert table["indicator_id"].nunique() >= 30
    assert set(table["region_id"]) >= {
        "muenchen",
        "ruhr",
        "hamburg",
        "berlin_brandenburg",
        "mitteldeutschland",
        "rheinland",
        "de",
    }


def test_declared_approximations_hold_and_are_not_inflated(con):
    """Each declared error bounds the measured one and is at most twice it."""
    table = _errors(con)
    approximate = [ind for ind in cat.load() if ind.approximate]
    assert len(approximate) == 16
    for ind in approximate:
        rows = table[table["indicator_id"] == ind.id]
        assert len(rows) >= 1, ind.id
        declared = ind.approximation()
        kind = "relative" if "relative_error" in declared else "error"
        bound = declared.get("relative_error", declared.get("error"))
        measured = rows[kind].max()
        assert measured <= bound, (ind.id, measured)
        assert measured > bound / 2, (ind.id, measured)


def test_municipal_finances_differ_only_by_the_city_states_share(con):
    """BBSR's Germany value = ours × the population share of Kreise with municipal finances."""
    table = _errors(con)
    rows = table[table["indicator_id"] == "municipal_debt_per_capita"]
    assert len(rows) == 10
    assert (rows["inkar"] / rows["ours"] - rows["coverage"]).abs().max() < 0.015


@pytest.mark.parametrize(
    ("indicator", "region", "year", "inkar"),
    [
        ("gdp_per_capita", "muenchen", 2021, 58_360),
        ("gdp_per_employed", "frankfurt_rhein_main", 2021, 92_240),
        ("physicians_per_10000", "hamburg", 2021, 15.07),
        ("students_per_1000", "ruhr", 2021, 50.66),
        ("population_density", "nordwest", 2022, 206.00),
        ("overnight_stays_per_capita", "de", 2021, 3.66),
    ],
)
def test_selected_values_by_hand(con, indicator, region, year, inkar):
    """A few INKAR figures copied from the raw parquet files, to read at a glance."""
    ours = con.execute(
        "SELECT value FROM region_values WHERE region_id = ? AND indicator_id = ? AND year = ?",
        [region, indicator, year],
    ).fetchone()[0]
    assert ours == pytest.approx(inkar, abs=_resolution(indicator))


def test_gdp_per_capita_is_a_ratio_of_sums_not_a_mean_of_ratios(con):
    """Recompute München's 2021 value from the member Kreise by hand."""
    rows = con.execute("""
        SELECT g.value AS gdp, p.value AS pop, c.value AS per_capita
        FROM region_members m
        JOIN kreis_values g ON g.ags = m.ags AND g.indicator_id = 'gdp' AND g.year = 2021
        JOIN kreis_values p ON p.ags = m.ags AND p.indicator_id = 'population' AND p.year = 2021
        JOIN kreis_values c ON c.ags = m.ags AND c.indicator_id = 'gdp_per_capita'
             AND c.year = 2021
        WHERE m.region_id = 'muenchen'
    """).df()
    assert len(rows) == 33
    ratio_of_sums = rows["gdp"].sum() * 1e6 / rows["pop"].sum()
    mean_of_ratios = rows["per_capita"].mean()
    ours = con.execute(
        "SELECT value FROM region_values WHERE region_id = 'muenchen' AND "
        "indicator_id = 'gdp_per_capita' AND year = 2021"
    ).fetchone()[0]
    assert ours == pytest.approx(ratio_of_sums)
    assert abs(mean_of_ratios - ours) > 1000  # the naive mean would be off by > 1,000 EUR


def test_readme_states_the_measured_totals(con):
    from indicators import paths

    table = _errors(con)
    approximate = {ind.id for ind in cat.load() if ind.approximate}
    exact = table[~table["indicator_id"].isin(approximate)]
    readme = (paths.REPO_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    short = " ".join((paths.REPO_ROOT / "README.md").read_text(encoding="utf-8").split())

    assert f"{len(table):,} comparable values" in readme
    assert f"{len(exact):,} are reproduced" in readme
    assert f"the other {len(table) - len(exact)} belong to {len(approximate)} indicators" in readme
    assert f"of {len(table):,} comparable values, {len(exact):,} are reproduced" in short
