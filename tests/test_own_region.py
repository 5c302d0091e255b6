"""Own regions: uploads checked with clear messages, the compact link, and values computed
by the official aggregation rules."""

import tomllib

import pytest
from helpers import open_app, scalar, warnings_text

from indicators import own_region, paths
from indicators.display import urlstate

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


def test_long_field_is_an_upload_problem_not_a_crash():
    """A field over the csv module's limit raised _csv.Error on every rerun."""
    with pytest.raises(own_region.UploadError) as error:
        own_region.parse_csv(b"ags\n" + b"x" * 200_000, KNOWN)
    assert "line 2 is too long or wrongly quoted" in str(error.value)
    assert "Zeile 2 ist zu lang" in error.value.problems[0]["de"]


def test_problems_quote_the_file_briefly():
    """A 438 KB header came back as a 489,000-character alert."""
    header = ";".join(f"[click{n}](https://evil.example/phish)" + "y" * 40 for n in range(10_000))
    with pytest.raises(own_region.UploadError) as error:
        own_region.parse_csv(header.encode() + b"\n13003\n", KNOWN)
    message = error.value.problems[0]["en"]
    assert message.startswith("no column 'ags' (found: [click0](https://evil.example/…, [click1]")
    assert len(message) < 400


def test_upload_limit_is_one_megabyte_and_said_beside_the_uploader():
    """Streamlit's 200 MB default let a refused 150 MB upload hold ~290 MB of memory."""
    config = tomllib.loads((paths.REPO_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == 1
    at = open_app("own_region")
    uploader = at.get("file_uploader")[0].proto
    assert uploader.max_upload_size_mb == 1 and "höchstens 1 MB" in uploader.label


def test_link_form_round_trip_and_hostile_input():
    members = {"13003": 1.0, "13073": 0.5}
    text = own_region.encode("Küste <script>", members, KNOWN)
    assert text == "Küste script~kIA,13073*0.5"  # 13003 as a bitmap over 5 Kreise: shorter
    assert own_region.decode(text, KNOWN) == ("Küste script", members)
    assert own_region.encode("x", members, {f"{n:05}" for n in range(13000, 13100)}) == (
        "x~13003,13073*0.5"  # listed where that is shorter
    )
    for bad in ("x~99999", "x~13003,13003", "x~13003*2", "x~13003*-1", "x", "x~", "x~k!", "x~kA"):
        with pytest.raises(ValueError):
            own_region.decode(bad, KNOWN)


@pytest.mark.parametrize("count", [1, 82, 200, 400])
def test_links_the_app_writes_reopen(con, count):
    """Beyond ~82 Kreise the link passed the URL's 500 characters and was refused."""
    kreise = sorted(con.execute("SELECT ags FROM kreise").df()["ags"])
    members = dict.fromkeys((kreise[::2] + kreise[1::2])[:count], 1.0)  # scattered first
    members[kreise[5]] = 0.00001  # was written as 1e-05, which the link refused
    text = own_region.encode("Mein Raum", members, kreise)
    assert len(text) <= urlstate.MAX_VALUE_LENGTH and "e-" not in text
    assert own_region.decode(text, kreise) == ("Mein Raum", members)


def test_longest_possible_link_fits(con):
    """Any name, any Kreise and the most partly included Kreise an upload may have."""
    kreise = sorted(con.execute("SELECT ags FROM kreise").df()["ags"])
    members = {ags: 1.0 for ags in kreise[::2]}
    members |= {ags: 0.123457 for ags in kreise[1::2][: own_region.MAX_PARTIAL]}
    text = own_region.encode("Ä" * 80, members, kreise)
    assert len(text) <= urlstate.MAX_VALUE_LENGTH
    assert own_region.decode(text, kreise)[1] == members
    rows = "\n".join(f"{ags};0,5" for ags in kreise[: own_region.MAX_PARTIAL + 1])
    with pytest.raises(own_region.UploadError, match="at most 24"):
        own_region.parse_csv(f"ags;share\n{rows}\n".encode(), set(kreise))
    with pytest.raises(ValueError):  # nor from a link typed by hand
        own_region.decode("x~" + rows.replace(";0,5", "*.5").replace("\n", ","), kreise)


def test_old_links_still_open():
    assert own_region.decode("Name~13003,13072,13073*0.5", KNOWN) == (
        "Name",
        {"13003": 1.0, "13072": 1.0, "13073": 0.5},
    )


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
    assert at.subheader[0].value == "`Rostock-Kreise`"  # plain text: a code span
    assert "3 Kreise, davon 1 anteilig" in [c.value for c in at.caption]
    assert at.metric[0].value == "20 / 25"  # among the 24 regiopole regions (Gera = Jena) + own
    assert at.query_params["own"] in (
        "Rostock-Kreise~13003,13072,13073*0.5",
        ["Rostock-Kreise~13003,13072,13073*0.5"],
    )


def test_page_reopens_a_link_it_wrote(con):
    """82 Kreise and a share of 0,00001: the German page showed "not a valid own region"."""
    kreise = sorted(con.execute("SELECT ags FROM kreise").df()["ags"])
    members = dict.fromkeys(kreise[::4][:82], 1.0) | {kreise[1]: 0.00001}
    link = own_region.encode("Viele Kreise", members, kreise)
    at = open_app("own_region", own=link, ind="population", year="2021")
    assert not at.warning and not at.info and at.subheader[0].value == "`Viele Kreise`"
    assert "83 Kreise, davon 1 anteilig" in [c.value for c in at.caption]


@pytest.mark.parametrize("name", ["www.evil.example/login", "__x__"])  # a live link, bold
def test_name_from_a_link_is_plain_text(name):
    at = open_app("own_region", own=f"{name}~13003", ind="population", year="2021")
    assert at.subheader[0].value == f"`{name}`"  # a code span: taken literally


def test_page_without_region_and_with_a_bad_link():
    at = open_app("own_region")
    assert "Noch keine eigene Region" in at.info[0].value
    at = open_app("own_region", own="x~99999,<b>")
    assert "Die Angabe `x~99999,<b>` für „own“ ist ungültig" in warnings_text(at)


def test_rank_among_peers_respects_polarity_and_ties():
    peers = [3.0, 5.0, float("nan"), 5.0]
    assert own_region.rank_among(5.0, peers, "higher_better") == (1, 4)  # shares rank 1
    assert own_region.rank_among(4.0, peers, "higher_better") == (3, 4)
    assert own_region.rank_among(4.0, peers, "lower_better") == (2, 4)
    assert own_region.rank_among(float("nan"), peers, "neutral") == (None, 4)
