"""A sentence or card never compares values of different years without naming both years
(issue 11). Cards compare within their year or say since when; the profile's change column
names the previous year with data, which may lie years back; arrows name their start."""

import re

import pytest
from helpers import open_app, plotly_specs

from indicators import compare


def _group_value(con, group, indicator, year):
    return con.execute(
        "SELECT value FROM group_values WHERE group_id = ? AND indicator_id = ? AND year = ?",
        [group, indicator, year],
    ).fetchone()[0]


def _germany(con, indicator, year):
    return con.execute(
        "SELECT value FROM region_values WHERE region_id = 'de' AND indicator_id = ? AND year = ?",
        [indicator, year],
    ).fetchone()[0]


def test_overview_cards_compare_within_the_year_they_name(con):
    at = open_app()
    cards = {m.label: m for m in at.metric}
    for label, card in cards.items():
        year = int(re.search(r"\((\d{4})\)", label).group(1))  # every card names its year
        if label.startswith("Bevölkerung"):  # a size: its change, naming the start year
            assert card.delta.endswith("seit 2011")
            start = _group_value(con, "regiopoles:aring_reuther", "population", 2011)
            end = _group_value(con, "regiopoles:aring_reuther", "population", year)
            assert card.delta.startswith(f"+{100 * (end / start - 1):.1f} %".replace(".", ","))
            continue
        assert card.delta.endswith("ggü. Deutschland")
    gdp = cards["BIP je Einwohner (2021), EUR je Einwohner"]  # group and Germany both 2021
    group = _group_value(con, "regiopoles:aring_reuther", "gdp_per_capita", 2021)
    germany = _germany(con, "gdp_per_capita", 2021)
    assert round(germany) == 43_271
    pct = f"{100 * (group / germany - 1):.1f}".replace(".", ",")
    assert gdp.delta == f"{pct} % ggü. Deutschland"


def test_profile_card_compares_with_the_peers_of_its_own_year(con):
    """Trier 2022: GDP per capita exists up to 2021, so the card says 2021 and its peer
    median is that of 2021 (the other 23 regions of the Aring/Reuther list)."""
    at = open_app("profile", region="trier", year="2022")
    gdp = next(m for m in at.metric if m.label.startswith("BIP"))
    assert gdp.label == "BIP je Einwohner (2021), EUR je Einwohner"
    assert gdp.value == "31.988"
    row = compare.profile(con, "trier", 2022).set_index("indicator_id").loc["gdp_per_capita"]
    gap = compare.peer_gap(con, "trier", "gdp_per_capita", 2021).iloc[0]
    assert row["year"] == 2021 and row["peer_median"] == pytest.approx(gap["peer_median"])
    pct = f"{100 * (gap['value'] / gap['peer_median'] - 1):.1f}".replace(".", ",")
    assert gdp.delta == f"{pct} % ggü. Vergleichsgruppe" == "-17,3 % ggü. Vergleichsgruppe"


def test_profile_change_column_names_both_years():
    """Trier's share of under-18s exists for 2019 and 2022 only: 16,07 % → 16,46 % is
    +2,4 % over three years, not over one; care dependency is biennial (4,43 → 5,25 per
    100 inhabitants, 2019–2021)."""
    at = open_app("profile", region="trier", year="2022")
    table = at.dataframe[0].value.set_index("Indikator")
    change = "Veränderung (%)"
    assert table.loc["Anteil unter 18-Jähriger", change] == "+2,4 % (2019–2022)"
    assert table.loc["Pflegebedürftige je 100 Einwohner", change] == "+18,5 % (2019–2021)"
    assert table.loc["Bevölkerung", change] == "+1,8 % (2021–2022)"
    assert table.loc["Bevölkerung (Basis Zensus 2022)", change] == "–"  # a single year


def test_scatter_arrows_name_their_start_year():
    at = open_app("scatter", x="gdp_per_capita", y="unemployment_rate", year="2021", start="2015")
    title = plotly_specs(at)[0]["layout"]["title"]["text"]
    assert title.startswith("BIP je Einwohner und Arbeitslosenquote, 2015 → 2021")
    at = open_app("scatter", x="gdp_per_capita", y="unemployment_rate", year="2021")
    title = plotly_specs(at)[0]["layout"]["title"]["text"]
    assert title.startswith("BIP je Einwohner und Arbeitslosenquote, 2021")
    assert "→" not in title


def test_card_without_a_value_up_to_the_year_shows_no_placeholder():
    """Broadband starts in 2022: a 2021 profile shows a dash, never pandas' '<NA>'."""
    from helpers import open_app

    at = open_app("profile", region="trier", year="2021", lang="en")
    labels = [m.label for m in at.metric]
    assert "Gigabit broadband (≥ 1,000 Mbit/s) (–), % of households" in labels
    assert not any("<NA>" in label for label in labels)
