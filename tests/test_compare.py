"""The comparison engine, checked against values recomputed by hand from the database and
against figures from the raw files."""

import numpy as np
import pandas as pd
import pytest

from indicators import catalogue as cat
from indicators import compare

AR25 = "in_aring_reuther_2008"


def region_values(con, indicator, year, where="TRUE", distinct=True):
    """Values straight from the database, independent of the engine; with `distinct`, each
    set of member Kreise once (the first region id of those selected that share it)."""
    frame = con.execute(
        f"""
        WITH sig AS (SELECT region_id, string_agg(ags || ':' || share, ',' ORDER BY ags) AS s
                     FROM region_members GROUP BY region_id)
        SELECT r.region_id, v.value, sig.s FROM regions r
        JOIN region_values v ON v.region_id = r.region_id
        JOIN sig ON sig.region_id = r.region_id
        WHERE v.indicator_id = ? AND v.year = ? AND {where}
        ORDER BY r.region_id""",
        [indicator, year],
    ).df()
    if distinct:
        frame = frame.drop_duplicates("s")
    return frame.set_index("region_id")["value"]


# --- group_summary ----------------------------------------------------------------------------


def test_group_summary_statistics_by_hand(con):
    table = compare.group_summary(con, "gdp_per_capita", 2021).set_index("group")
    rp = region_values(con, "gdp_per_capita", 2021, f"r.kind = 'regiopole' AND r.{AR25}")
    mr = region_values(con, "gdp_per_capita", 2021, "r.kind = 'metropolitan_region'")
    assert len(rp) == 24 and len(mr) == 12  # 25 cities; Jena and Gera share one region
    row = table.loc["regiopoles:aring_reuther"]
    assert row["n"] == 24
    assert row["median"] == pytest.approx(np.median(rp))
    assert row["q1"] == pytest.approx(np.quantile(rp, 0.25))
    assert row["q3"] == pytest.approx(np.quantile(rp, 0.75))
    assert row["mean"] == pytest.approx(rp.mean())
    assert (row["min"], row["max"]) == (rp.min(), rp.max())
    assert table.loc["metropolitan_regions", "median"] == pytest.approx(np.median(mr))
    assert table.attrs["regiopole_set"] == "aring_reuther"


def test_group_aggregate_is_a_ratio_over_distinct_kreise(con):
    """The 12 metropolitan regions taken as one: Σ GDP / Σ population over their Kreise, each
    Kreis once although e.g. Duisburg belongs to both Rheinland and Ruhr."""
    gdp, pop = con.execute("""
        WITH k AS (SELECT DISTINCT m.ags FROM region_members m JOIN regions r USING (region_id)
                   WHERE r.kind = 'metropolitan_region')
        SELECT sum(g.value), sum(p.value) FROM k
        JOIN kreis_values g ON g.ags = k.ags AND g.indicator_id = 'gdp' AND g.year = 2021
        JOIN kreis_values p ON p.ags = k.ags AND p.indicator_id = 'population' AND p.year = 2021
    """).fetchone()
    table = compare.group_summary(con, "gdp_per_capita", 2021).set_index("group")
    assert table.loc["metropolitan_regions", "aggregate"] == pytest.approx(gdp * 1e6 / pop)
    assert table.loc["metropolitan_regions", "aggregate"] != pytest.approx(
        table.loc["metropolitan_regions", "mean"], rel=0.01
    )


def test_group_aggregate_counts_shared_territory_once(con):
    """Bielefeld and Paderborn both include Verl: the network's population counts it once."""
    table = compare.group_summary(con, "population", 2022, regiopole_set="network")
    network = region_values(con, "population", 2022, "r.network_member")
    verl = con.execute("""
        SELECT g.share * k.value FROM region_member_gemeinden g
        JOIN kreis_values k ON k.ags = g.ags AND k.indicator_id = 'population' AND k.year = 2022
        WHERE g.region_id = 'paderborn' AND g.ags = '05754'""").fetchone()[0]
    aggregate = table.set_index("group").loc["regiopoles:network", "aggregate"]
    assert aggregate == pytest.approx(network.sum() - verl)


def test_group_summary_can_compare_all_lists(con):
    table = compare.group_summary(con, "unemployment_rate", 2021, compare_sets=True)
    assert list(table["group"]) == [
        "regiopoles:aring_reuther",
        "metropolitan_regions",
        "regiopoles:regiostar",
        "regiopoles:network",
        "regiopoles:all",
        "de",
    ]
    assert list(table["n"]) == [24, 12, 33, 8, 33, 1]  # each territory once


def test_germany_row_is_the_official_value(con):
    """INKAR publishes 43.27 (1,000 EUR) GDP per inhabitant for Germany in 2021."""
    table = compare.group_summary(con, "gdp_per_capita", 2021).set_index("group")
    assert table.loc["de", "aggregate"] == pytest.approx(43_270, abs=10)


# --- ranking ----------------------------------------------------------------------------------


def test_ranking_follows_polarity(con):
    gdp = compare.ranking(con, "gdp_per_capita", 2021)
    assert gdp.iloc[0]["region_id"] == "ingolstadt" and gdp.iloc[0]["rank"] == 1
    assert gdp["value"].is_monotonic_decreasing
    unemployment = compare.ranking(con, "unemployment_rate", 2021)
    best = unemployment.iloc[0]
    assert best["value"] == unemployment["value"].min() and best["rank"] == 1
    assert best["percentile"] == 100 and unemployment.iloc[-1]["percentile"] == 0


def test_cities_sharing_a_region_are_one_row(con):
    """Jena and Gera have the same region (Ostthüringen): one row naming both, counted once,
    and the next region follows on the next rank."""
    table = compare.ranking(con, "gdp_per_capita", 2021).set_index("region_id")
    assert "jena" not in table.index
    row = table.loc["gera"]
    assert (row["name"], row["region_ids"]) == ("Regiopole Gera / Jena", "gera,jena")
    following = table[table["value"] < row["value"]]["rank"].min()
    assert following == row["rank"] + 1
    assert table["rank"].is_unique and len(table) == 24


def test_ranking_index_and_overlap_columns(con):
    table = compare.ranking(con, "gdp_per_capita", 2021, kind=None).set_index("region_id")
    assert len(table) == 24 + 12
    germany = con.execute(
        "SELECT value FROM region_values WHERE region_id = 'de' AND "
        "indicator_id = 'gdp_per_capita' AND year = 2021"
    ).fetchone()[0]
    assert table.loc["rostock", "index_de"] == pytest.approx(
        100 * table.loc["rostock", "value"] / germany
    )
    assert table.loc["cottbus", "core_in_metropolitan_region"] == "berlin_brandenburg"
    assert list(table.loc["osnabrueck", "overlaps"]) == [{"region": "nordwest", "percent": 75}]
    assert pd.isna(table.loc["trier", "overlaps"])


def test_ranking_lists_and_overlap_switch(con):
    assert len(compare.ranking(con, "gdp_per_capita", 2021, regiopole_set="regiostar")) == 33
    outside = compare.ranking(con, "gdp_per_capita", 2021, exclude_overlapping=True)
    assert len(outside) == 19
    assert not {"aachen", "augsburg", "cottbus", "ingolstadt", "jena", "gera"} & set(
        outside["region_id"]
    )
    assert outside.attrs["exclude_overlapping"] is True


def test_neutral_indicator_is_ordered_by_size_with_a_note(con):
    table = compare.ranking(con, "population", 2022, kind="metropolitan_region")
    assert table.iloc[0]["region_id"] == "rheinland"
    assert "no better or worse" in table.attrs["notes"][0]


# --- peer_gap ---------------------------------------------------------------------------------


def test_peer_gap_leave_one_out_by_hand(con):
    gap = compare.peer_gap(con, "rostock", "gdp_per_capita", 2021).iloc[0]
    rp = region_values(con, "gdp_per_capita", 2021, f"r.kind = 'regiopole' AND r.{AR25}")
    others = rp.drop("rostock")
    assert gap["value"] == pytest.approx(rp["rostock"])
    assert gap["n_peers"] == 23  # 24 territories of the 25 cities, without Rostock
    assert gap["peer_mean_loo"] == pytest.approx(others.mean())
    assert gap["peer_median"] == pytest.approx(others.median())
    assert gap["gap_mean_pct"] == pytest.approx(100 * (rp["rostock"] / others.mean() - 1))
    mr = region_values(con, "gdp_per_capita", 2021, "r.kind = 'metropolitan_region'")
    assert gap["metropolitan_median"] == pytest.approx(mr.median())
    assert gap["direction"] == "worse"


def test_metropolitan_region_is_compared_with_the_other_metropolitan_regions(con):
    gap = compare.peer_gap(con, "muenchen", "unemployment_rate", 2021).iloc[0]
    mr = region_values(con, "unemployment_rate", 2021, "r.kind = 'metropolitan_region'")
    assert gap["n_peers"] == 11
    assert gap["peer_median"] == pytest.approx(mr.drop("muenchen").median())
    assert gap["direction"] == "better"  # lower unemployment than its peers


# --- change -----------------------------------------------------------------------------------


def test_change_by_hand(con):
    table = compare.change(con, "population", 2011, 2021).set_index("region_id")
    start = region_values(con, "population", 2011)["rostock"]
    end = region_values(con, "population", 2021)["rostock"]
    row = table.loc["rostock"]
    assert row["abs_change"] == pytest.approx(end - start)
    assert row["pct_change"] == pytest.approx(100 * (end / start - 1))
    assert row["cagr_pct"] == pytest.approx(100 * ((end / start) ** (1 / 10) - 1))
    assert table.attrs["notes"] == []


def test_change_of_germany_matches_the_official_totals(con):
    """GENESIS 12411-02-03-4: 80,327,900 (31.12.2011) → 83,166,711 (31.12.2019)."""
    row = compare.change(con, "population", 2011, 2019, region_ids=["de"]).iloc[0]
    assert row["abs_change"] == pytest.approx(83_166_711 - 80_327_900)


def test_change_across_the_census_break_says_so(con):
    table = compare.change(con, "population", 2010, 2012)
    assert "statistical break in 2011" in table.attrs["notes"][0]


def test_change_keeps_regions_without_data(con):
    """Overnight stays 2020 are withheld for some Kreise: those regions stay, as missing."""
    table = compare.change(con, "overnight_stays_per_capita", 2019, 2020)
    assert len(table) == 24 + 12 + 1
    missing = table[table["end_value"].isna()]
    assert len(missing) > 0 and missing["abs_change"].isna().all()


# --- convergence ------------------------------------------------------------------------------


def test_convergence_by_hand(con):
    table = compare.convergence(con, "gdp_per_capita").set_index("year")
    assert list(table.index) == list(range(2010, 2022))
    rp = region_values(con, "gdp_per_capita", 2015, f"r.kind = 'regiopole' AND r.{AR25}")
    mr = region_values(con, "gdp_per_capita", 2015, "r.kind = 'metropolitan_region'")
    both = pd.concat([rp, mr])
    row = table.loc[2015]
    assert row["regiopole_median"] == pytest.approx(rp.median())
    assert row["gap"] == pytest.approx(rp.median() - mr.median())
    assert row["ratio"] == pytest.approx(rp.median() / mr.median())
    assert row["cv"] == pytest.approx(both.std(ddof=1) / both.mean())


def test_convergence_marks_the_census_break(con):
    table = compare.convergence(con, "population")
    assert table.set_index("year").loc[2011, "break"]
    assert "2011" in table.attrs["notes"][0]


# --- similar_regions --------------------------------------------------------------------------


def test_similarity_distance_by_hand(con):
    result = compare.similar_regions(con, "trier", 2021, n=5)
    assert len(result) == 5 and result["distance"].is_monotonic_increasing
    latest = con.execute(
        """
        SELECT region_id, indicator_id, arg_max(value, year) AS value
        FROM region_values WHERE indicator_id IN (SELECT unnest(?)) AND year <= 2021
          AND value IS NOT NULL AND region_id <> 'de'
        GROUP BY ALL""",
        [list(cat.load().similarity())],
    ).df()
    wide = latest.pivot(index="region_id", columns="indicator_id", values="value")
    distinct = wide.loc[region_values(con, "population", 2022).index]  # each territory once
    assert len(wide) - len(distinct) == 3  # Jena (= Gera), Salzgitter, Wolfsburg (= Braunschweig)
    z = (wide - distinct.mean()) / distinct.std(ddof=0)
    best = result.iloc[0]["region_id"]
    expected = np.sqrt(((z.loc[best] - z.loc["trier"]) ** 2).mean())
    assert result.iloc[0]["distance"] == pytest.approx(expected)
    assert "commuter_balance (2019)" in result.attrs["notes"][0]


def test_similarity_leaves_out_identical_territories(con):
    result = compare.similar_regions(con, "jena", 2021, n=47)
    assert "gera" not in set(result["region_id"]) and "jena" not in set(result["region_id"])


# --- profile ----------------------------------------------------------------------------------


def test_profile_agrees_with_ranking_and_peer_gap(con):
    table = compare.profile(con, "rostock", 2021).set_index("indicator_id")
    assert len(table) == con.execute("SELECT count(*) FROM indicators").fetchone()[0]
    row = table.loc["gdp_per_capita"]
    ranked = compare.ranking(con, "gdp_per_capita", 2021).set_index("region_id")
    gap = compare.peer_gap(con, "rostock", "gdp_per_capita", 2021).iloc[0]
    assert row["rank"] == ranked.loc["rostock", "rank"] and row["n"] == 24
    assert row["peer_median"] == pytest.approx(gap["peer_median"])
    assert row["germany"] == pytest.approx(gap["germany"])
    assert row["direction"] == "worse"
    by_year = region_values(con, "gdp_per_capita", 2020)
    assert row["previous_year"] == 2020
    assert row["change"] == pytest.approx(row["value"] - by_year["rostock"])


def test_profile_uses_latest_year_and_keeps_missing(con):
    table = compare.profile(con, "rostock", 2021).set_index("indicator_id")
    assert table.loc["commuter_balance", "year"] == 2019
    assert pd.isna(table.loc["external_migration_balance", "value"])  # only 2022 exists
    assert pd.isna(table.loc["population", "direction"])  # neutral: no better or worse


def test_profile_flags_a_change_across_the_break(con):
    table = compare.profile(con, "rostock", 2011).set_index("indicator_id")
    assert table.loc["population", "previous_year"] == 2010
    assert table.loc["population", "change_across_break"]
    assert not table.loc["gdp_per_capita", "change_across_break"]
