"""Bad input to the comparison engine: a clear ValueError, never a silent NaN table."""

import pytest

from indicators import compare


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: compare.ranking(c, "gdp_per_head", 2021), "unknown indicator 'gdp_per_head'"),
        (
            lambda c: compare.ranking(c, "gdp_per_capita", 2023),
            r"no data for 'gdp_per_capita' in "
            r"2023 \(available 2010–2021\)",
        ),
        (lambda c: compare.peer_gap(c, "atlantis", "gdp_per_capita", 2021), "unknown region"),
        (lambda c: compare.profile(c, "rostock'; DROP TABLE regions; --", 2021), "unknown region"),
        (
            lambda c: compare.ranking(c, "gdp_per_capita", 2021, regiopole_set="top10"),
            "unknown regiopole_set 'top10'",
        ),
        (
            lambda c: compare.ranking(c, "gdp_per_capita", 2021, region_ids=["rostock", "trier"]),
            "fewer than 3 regions",
        ),
        (lambda c: compare.ranking(c, "gdp_per_capita", 2021, kind="city"), "unknown kind"),
        (lambda c: compare.change(c, "population", 2021, 2011), "must be before"),
        (lambda c: compare.change(c, "population", 2011, 2021, region_ids=["x"]), "unknown region"),
        (lambda c: compare.similar_regions(c, "trier", 2021, n=0), "n must be at least 1"),
        (
            lambda c: compare.similar_regions(c, "trier", 2021, indicators=["nope"]),
            "unknown indicator",
        ),
        (lambda c: compare.similar_regions(c, "trier", 2005), "no data for 'trier' up to 2005"),
        (lambda c: compare.group_summary(c, "population_z22", 2015), "no data"),
    ],
)
def test_bad_input_raises_value_error(con, call, message):
    with pytest.raises(ValueError, match=message):
        call(con)


def test_database_is_untouched_by_hostile_ids(con):
    with pytest.raises(ValueError):
        compare.peer_gap(con, "x' OR '1'='1", "population", 2021)
    assert con.execute("SELECT count(*) FROM regions").fetchone()[0] == 48
