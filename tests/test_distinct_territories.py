"""Group statistics count each region once (issue 11).

Braunschweig, Salzgitter and Wolfsburg share one region definition (ROR Braunschweig), as do
Jena and Gera (Ostthüringen). Counting each city would weigh that territory three or two
times: the RegioStaR median unemployment rate 2021 is 5.18 % with the duplicates and 5.03 %
without. Medians, means, ranks within a group and convergence use each territory once; the
ranking shows such cities as one row naming every core.
"""

import numpy as np
import pytest
from helpers import open_app

from indicators import compare, sentences


def regiostar_unemployment_2021(con, distinct):
    """Straight from the database: the RegioStaR regions' unemployment rates 2021, with or
    without the cities whose member Kreise repeat those of a region with a smaller id."""
    frame = con.execute("""
        WITH sig AS (SELECT region_id, string_agg(ags || ':' || share, ',' ORDER BY ags) AS s
                     FROM region_members GROUP BY region_id)
        SELECT r.region_id, v.value, sig.s FROM regions r
        JOIN region_values v USING (region_id) JOIN sig USING (region_id)
        WHERE r.in_regiostar_2018 AND v.indicator_id = 'unemployment_rate' AND v.year = 2021
        ORDER BY r.region_id""").df()
    if distinct:
        frame = frame.drop_duplicates("s")
    return frame.set_index("region_id")["value"]


def test_regiostar_median_counts_braunschweig_salzgitter_wolfsburg_once(con):
    everyone = regiostar_unemployment_2021(con, distinct=False)
    distinct = regiostar_unemployment_2021(con, distinct=True)
    assert (len(everyone), len(distinct)) == (35, 33)
    assert round(everyone.median(), 2) == 5.18  # Chemnitz: the 18th of 35 cities
    assert round(distinct.median(), 2) == 5.03  # Paderborn: the 17th of 33 regions

    summary = compare.group_summary(con, "unemployment_rate", 2021, "regiostar")
    row = summary.set_index("group").loc["regiopoles:regiostar"]
    assert row["n"] == 33
    assert row["median"] == pytest.approx(5.0283, abs=1e-4)
    assert row["mean"] == pytest.approx(distinct.mean()) and row["mean"] != pytest.approx(
        everyone.mean()
    )
    convergence = compare.convergence(con, "unemployment_rate", "regiostar").set_index("year")
    assert convergence.loc[2021, "n_regiopole"] == 33
    assert convergence.loc[2021, "regiopole_median"] == pytest.approx(5.0283, abs=1e-4)
    both = np.concatenate(
        [
            distinct.to_numpy(),
            compare.ranking(con, "unemployment_rate", 2021, "metropolitan_region")["value"],
        ]
    )
    assert convergence.loc[2021, "cv"] == pytest.approx(both.std(ddof=1) / both.mean())


def test_ranking_shows_one_row_naming_every_core(con):
    ranked = compare.ranking(con, "unemployment_rate", 2021, regiopole_set="regiostar")
    assert len(ranked) == 33
    row = ranked.set_index("region_id").loc["braunschweig"]
    assert row["name"] == "Regiopole Braunschweig / Salzgitter / Wolfsburg"
    assert row["region_ids"] == "braunschweig,salzgitter,wolfsburg"
    assert not {"salzgitter", "wolfsburg"} & set(ranked["region_id"])
    # 5.59 %: after Kassel 4.93, Paderborn 5.03, Chemnitz 5.18 – rank 19, not 19 to 21
    assert (round(row["value"], 2), row["rank"]) == (5.59, 19)
    assert ranked.set_index("region_id").loc["erfurt", "rank"] == 20
    for city in ("braunschweig", "salzgitter", "wolfsburg"):
        assert sentences.rank_facts(ranked, city) == (19, 33, False)
    # peers and profile leave out the region's own territory, and count the rest once
    gap = compare.peer_gap(con, "salzgitter", "unemployment_rate", 2021, "regiostar").iloc[0]
    assert gap["n_peers"] == 32
    profile = compare.profile(con, "wolfsburg", 2021, "regiostar").set_index("indicator_id")
    assert (profile.loc["unemployment_rate", "rank"], profile.loc["unemployment_rate", "n"]) == (
        19,
        33,
    )
    assert profile.loc["unemployment_rate", "peer_median"] == pytest.approx(gap["peer_median"])


def test_similar_regions_offer_each_territory_once(con):
    similar = compare.similar_regions(con, "rostock", 2021, n=50)
    assert len(similar) == 48 - 3 - 1  # 48 regions, 3 repeated territories, Rostock itself
    assert "Regiopole Braunschweig / Salzgitter / Wolfsburg" in set(similar["name"])
    assert "Regiopole Gera / Jena" in set(similar["name"])


def test_pages_use_the_distinct_count():
    at = open_app(
        "ranking",
        set="regiostar",
        ind="unemployment_rate",
        year="2021",
        region="salzgitter",
    )
    table = at.dataframe[0].value
    assert len(table) == 33
    assert table.loc[table["Rang"] == 19, "Region"].tolist() == [
        "Regiopole Braunschweig / Salzgitter / Wolfsburg"
    ]
    assert at.selectbox(key="w_region").value == "braunschweig"  # Salzgitter's row
    assert at.code[0].value.startswith(
        "Im Jahr 2021 lag „Arbeitslosenquote“ in der Regiopole Braunschweig / Salzgitter / "
        "Wolfsburg bei 5,6 %; das ist Rang 19 von 33 Regiopolregionen"
    )
    assert any(
        "Braunschweig / Salzgitter / Wolfsburg teilen eine Abgrenzung und zählen als eine "
        "Region (33 Regionen)." in c.value
        for c in at.caption
    )

    at = open_app(
        "compare",
        set="regiostar",
        ind="unemployment_rate",
        year="2021",
        regions="salzgitter,trier",
        lang="en",
    )
    texts = at.code[0].value
    assert "in Regiopole Salzgitter was 5.6%, rank 19 of 33 regiopole regions" in texts
    assert "in Regiopole Trier was 3.7%, rank 8 of 33 regiopole regions" in texts
