"""Own regions: uploads checked with clear messages, the compact link, and values computed
by the official aggregation rules."""

import pytest
from helpers import open_app, scalar, warnings_text

from indicators import own_region

KNOWN = {"13003", "13072", "13073", "01001", "09162"}


def test_csv_with_shares_and_excel_habits():
    data = "AGS;Share\n13003;1\n13073;0,5\n1001;\n".encode("utf-8-sig")
    assert own_region.parse_csv(data, KNOWN) == {"13003": 1.0, "13073": 0.5, "01001": 1.0}
    assert own_region.parse_csv(b"ags,share\n09162,0.25\n", KNOWN) == {"09162": 0.25}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("ags\n13003\n".encode("utf-16"), "not UTF-8"),
        (b"kreis;anteil\n13003;1\n", "no column 'ags' (found: kreis, anteil)"),
        (b"ags\n13003\n99999\nabc\n", "unknown AGS: 99999 (3), abc (4)"),
        (b"ags\n13003\n13003\n", "AGS listed twice: 13003 (3)"),
        (b"ags;share\n13003;1,5\n", "share must be above 0 and at most 1 (line 2)"),
        (b"", "the file is empty"),
        (b"ags\n" + b"13003\n" * 9_000_000, "file too large: 54.0 MB (at most 1 MB)"),
    ],
)
def test_malformed_uploads_say_what_is_wrong(data, message):
    with pytest.raises(own_region.UploadError) as error:
        own_region.parse_csv(data, KNOWN)
    assert message in str(error.value)
    assert all(problem["de"] for problem in error.value.problems)  # German text as well


def test_link_form_round_trip_and_hostile_input():
    members = {"13003": 1.0, "13073": 0.5}
    text = own_region.encode("Küste <script>", members)
    assert text == "Küste script~13003,13073*0.5"
    assert own_region.decode(text, KNOWN) == ("Küste script", members)
    for bad in ("x~99999", "x~13003,13003", "x~13003*2", "x~13003*-1", "x", "x~"):
        with pytest.raises(ValueError):
            own_region.decode(bad, KNOWN)


def test_values_follow_the_aggregation_rules(con):
    values = own_region.values(con, {"13003": 1.0, "13072": 1.0, "13073": 0.5})
    got = values.set_index(["indicator_id", "year"])["value"]
    population = {
        ags: scalar(
            con,
            "SELECT value FROM kreis_values WHERE indicator_id='population' AND year=2021 "
            "AND ags=?",
            ags,
        )
        for ags in ("13003", "13072", "13073")
    }
    expected = population["13003"] + population["13072"] + 0.5 * population["13073"]
    assert got[("population", 2021)] == pytest.approx(expected)
    # a rate is a ratio of sums, never a mean of the Kreis rates
    assert 6.0 < got[("unemployment_rate", 2021)] < 8.0


def test_page_from_a_shared_link():
    at = open_app(
        "own_region", own="Rostock-Kreise~13003,13072,13073*0.5", ind="population", year="2021"
    )
    assert at.subheader[0].value == "Rostock-Kreise"
    assert "3 Kreise, davon 1 anteilig" in [c.value for c in at.caption]
    assert at.metric[0].value == "20 / 25"  # among the 24 regiopole regions (Gera = Jena) + own
    assert at.query_params["own"] in (
        "Rostock-Kreise~13003,13072,13073*0.5",
        ["Rostock-Kreise~13003,13072,13073*0.5"],
    )


def test_page_without_region_and_with_a_bad_link():
    at = open_app("own_region")
    assert "Noch keine eigene Region" in at.info[0].value
    at = open_app("own_region", own="x~99999,<b>")
    assert "own" in warnings_text(at) and "<b>" not in warnings_text(at)


def test_rank_among_peers_respects_polarity_and_ties():
    peers = [3.0, 5.0, float("nan"), 5.0]
    assert own_region.rank_among(5.0, peers, "higher_better") == (1, 4)  # shares rank 1
    assert own_region.rank_among(4.0, peers, "higher_better") == (3, 4)
    assert own_region.rank_among(4.0, peers, "lower_better") == (2, 4)
    assert own_region.rank_among(float("nan"), peers, "neutral") == (None, 4)
