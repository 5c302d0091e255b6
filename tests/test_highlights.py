"""Was auffällt: a region's strongest and weakest ranks and its largest changes against its
peers, as citable sentences that never claim more than the numbers."""

import pytest
from helpers import open_app

from indicators import compare, highlights
from indicators.snapshot import snapshot


@pytest.fixture(scope="module")
def rostock(con):
    return highlights.changes(con, "rostock", 2023)


def test_changes_skip_indices_breaks_and_sizes(con, rostock):
    snap = snapshot(con)
    meta = snap.indicators.loc[rostock["indicator_id"]]
    assert "deprivation_index" not in set(rostock["indicator_id"])  # rescaled every year
    assert meta["over_time"].all()
    assert (meta["aggregation"] != "sum").all() and (meta["polarity"] != "neutral").all()
    for row in rostock.itertuples():
        breaks = snap.indicators.loc[row.indicator_id, "break_years"]
        assert not any(row.start < b <= row.end for b in breaks), row.indicator_id
        assert row.end - row.start <= highlights.SPAN


def test_municipal_debt_fell_most_in_rostock(con, rostock):
    """Kommunale Schulden je Einwohner 2014 → 2019: 1.207 → 600 EUR in the Rostock region,
    the largest fall of the 24 regiopole regions (each territory once); recomputed here
    from region_values for every peer."""
    row = rostock.set_index("indicator_id").loc["municipal_debt_per_capita"]
    assert (row["start"], row["end"], row["rank"], row["n"]) == (2014, 2019, 1, 24)
    assert round(row["before"]) == 1207 and round(row["after"]) == 600
    snap = snapshot(con)
    peers = compare.peer_group(snap, "rostock")
    before = snap.values("municipal_debt_per_capita", 2014, peers)
    after = snap.values("municipal_debt_per_capita", 2019, peers)
    change = after - before
    assert change.idxmin() == "rostock"
    assert change.drop("rostock").median() == pytest.approx(row["peer_median_change"])


def test_improvements_are_improvements(con, rostock):
    """'Largest improvement' is only said of a change in the better direction."""
    snap = snapshot(con)
    better, worse = highlights.largest_changes(rostock, snap.indicators["polarity"])
    sign = {"higher_better": 1, "lower_better": -1}
    for row in better.itertuples():
        assert sign[snap.indicators.loc[row.indicator_id, "polarity"]] * row.change > 0
        assert row.place in (1, 2) and row.rank == row.place
    for row in worse.itertuples():
        assert sign[snap.indicators.loc[row.indicator_id, "polarity"]] * row.change < 0
        assert row.rank == row.n - row.place + 1


def test_positions_are_rates_ranked_among_enough_peers(con):
    snap = snapshot(con)
    profile = compare.profile(con, "rostock", 2023)
    strengths, weaknesses = highlights.positions(profile, snap)
    assert len(strengths) == len(weaknesses) == highlights.PICK
    assert (strengths["percentile"] > 50).all() and (weaknesses["percentile"] < 50).all()
    assert (strengths["n"] >= highlights.MIN_PEERS).all()
    assert set(strengths["indicator_id"]) == {
        "internal_migration_balance",
        "tourist_beds_per_1000",
        "overnight_stays_per_capita",
    }


@pytest.mark.parametrize("lang", ["de", "en"])
def test_profile_shows_what_stands_out(lang):
    at = open_app("profile", region="rostock", lang=lang)
    at.run(timeout=60)
    assert not at.exception
    heading = "Was auffällt" if lang == "de" else "What stands out"
    assert heading in [s.value for s in at.subheader]
    texts = "\n".join(c.value for c in at.get("code"))
    if lang == "de":
        assert (
            "von 1.207 EUR je Einwohner auf 600 EUR je Einwohner (−607 EUR je Einwohner) – "
            "die stärkste Verbesserung unter 24 Regiopolregionen" in texts
        )
        assert "(Quelle: BBSR, INKAR, 2014–2019)" in texts
    else:
        assert "the largest improvement among 24 regiopole regions" in texts
        assert "(source: BBSR, INKAR, 2014–2019)" in texts
