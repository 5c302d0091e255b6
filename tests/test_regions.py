"""Regions: the three regiopole lists, definitions, partial Kreise, overlaps."""

import pytest
from helpers import scalar


def test_region_counts_and_lists(con):
    counts = dict(con.execute("SELECT kind, count(*) FROM regions GROUP BY kind").fetchall())
    assert counts == {"metropolitan_region": 12, "regiopole": 36}
    flags = con.execute("""
        SELECT sum(in_aring_reuther_2008::int), sum(in_regiostar_2018::int),
               sum(network_member::int)
        FROM regions WHERE kind = 'regiopole'""").fetchone()
    assert flags == (25, 35, 8)
    network = {
        r[0] for r in con.execute("SELECT region_id FROM regions WHERE network_member").fetchall()
    }
    assert network == {
        "bielefeld",
        "erfurt",
        "koblenz",
        "paderborn",
        "rostock",
        "siegen",
        "trier",
        "wuerzburg",
    }


def test_region_ids_follow_the_shared_definitions(con):
    ids = {r[0] for r in con.execute("SELECT region_id FROM regions").fetchall()}
    assert {"rostock", "muenchen", "ruhr", "ulm_neu_ulm", "berlin_brandenburg"} <= ids
    status = dict(con.execute("SELECT region_id, definition FROM regions").fetchall())
    assert status["rostock"] == "documented" and status["trier"] == "derived"


def test_rostock_region_close_to_its_own_publication(con):
    """The Regiopolregion publishes 4,282 km² and about 458,000 residents (seeds/000)."""
    population = scalar(
        con,
        "SELECT value FROM region_values WHERE region_id = 'rostock' "
        "AND indicator_id = 'population' AND year = 2022",
    )
    area = scalar(
        con,
        "SELECT value FROM region_values WHERE region_id = 'rostock' "
        "AND indicator_id = 'area_km2' AND year = 2022",
    )
    assert population == pytest.approx(458_000, rel=0.01)
    assert area == pytest.approx(4_282, rel=0.05)


def test_partial_kreis_enters_with_its_gemeinden_share(con):
    share, area_share = con.execute(
        "SELECT share, area_share FROM region_members WHERE region_id = 'rostock' AND ags = '13073'"
    ).fetchone()
    # 11 Gemeinden of Vorpommern-Rügen: 30,244 of 227,348 residents (VG250-EW 2022)
    assert share == pytest.approx(0.133, abs=0.0005)
    assert area_share != pytest.approx(share, abs=0.01)  # area is counted by area


def test_metropolitan_regions_are_whole_kreise(con):
    assert (
        scalar(
            con,
            """SELECT count(*) FROM region_members m JOIN regions r USING (region_id)
                          WHERE r.kind = 'metropolitan_region' AND m.share < 1""",
        )
        == 0
    )
    assert scalar(con, "SELECT count(*) FROM region_members WHERE region_id = 'muenchen'") == 33


def test_overlaps_with_metropolitan_regions_are_recorded(con):
    overlaps = con.execute(
        "SELECT region_id, metropolitan_region_id, population_share FROM region_overlaps"
    ).df()
    pairs = set(zip(overlaps["region_id"], overlaps["metropolitan_region_id"], strict=True))
    assert ("cottbus", "berlin_brandenburg") in pairs
    assert ("augsburg", "muenchen") in pairs
    assert not any(r == "trier" for r, _ in pairs)
    braunschweig = overlaps[overlaps["region_id"] == "braunschweig"]
    assert braunschweig["population_share"].max() == pytest.approx(1.0)
