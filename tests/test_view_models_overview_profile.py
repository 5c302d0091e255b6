"""The overview's and the profile's view models, built without Streamlit: the elements they
return carry the values of the database, formatted as the pages show them."""

import itertools

from helpers import of

from indicators import catalogue, compare
from indicators.display import elements as el
from indicators.display import urlstate
from indicators.display.context import Context
from indicators.display.pages import PAGES, overview, profile


def context(con, plain, **params):
    snap, options, kreise = plain
    state = urlstate.parse(params, options)[0]
    return Context(snap, options, state, con.cursor, kreise=kreise)


def _group_value(con, indicator, year):
    return con.execute(
        "SELECT value FROM group_values WHERE group_id = 'regiopoles:aring_reuther' "
        "AND indicator_id = ? AND year = ?",
        [indicator, year],
    ).fetchone()[0]


def _region_value(con, region, indicator, year):
    return con.execute(
        "SELECT value FROM region_values WHERE region_id = ? AND indicator_id = ? AND year = ?",
        [region, indicator, year],
    ).fetchone()[0]


def test_headlines_are_the_catalogues():
    assert catalogue.load().headlines() == overview.HEADLINES


def test_overview_cards_carry_the_group_values(con, plain):
    parts = overview.build(context(con, plain))
    assert parts[0] == el.Title("Regiopolen-Monitor")
    cards = {m.label: m for m in of(el.Metric, parts)}
    assert len(cards) == len(overview.HEADLINES)
    population = cards["Bevölkerung (2022), Personen"]
    assert population.value == f"{round(_group_value(con, 'population', 2022)):,}".replace(",", ".")
    start = _group_value(con, "population", 2011)
    change = 100 * (_group_value(con, "population", 2022) / start - 1)
    assert population.delta == f"+{change:.1f} % seit 2011".replace(".", ",", 1)
    gdp = cards["BIP je Einwohner (2021), EUR je Einwohner"]
    assert gdp.value == f"{round(_group_value(con, 'gdp_per_capita', 2021)):,}".replace(",", ".")
    assert gdp.delta.startswith("-7,6 %") and gdp.delta_color == "normal"
    assert cards["Arbeitslosenquote (2023)"].delta_color == "inverse"  # lower is better


def test_overview_chart_guide_and_order(con, plain):
    parts = overview.build(context(con, plain, lang="en"))
    kinds = [type(p).__name__ for p in parts]
    assert kinds == [
        "Title",
        "Text",
        "Caption",
        "Columns",
        "Chart",
        "Caption",
        "Subheader",
        "Columns",
    ]
    chart = parts[4]
    assert (chart.stem, chart.key, chart.indicators) == (
        "regiopolen_ueberblick",
        "overview",
        tuple(overview.HEADLINES),
    )
    assert "color" not in chart.data and set(chart.data["indicator_id"]) == set(
        overview.HEADLINES[1:]  # no dots for the population, a size
    )
    assert parts[5].text.startswith("Source:")
    left, right = parts[7].parts  # dealt left, right, left, …
    links = [link.page for pair in itertools.zip_longest(left, right) for link in pair if link]
    assert links == [
        "map",
        "compare",
        "ranking",
        "profile",
        "fields",
        "trends",
        "scatter",
        "methods",
    ]
    assert links == [page.name for page in PAGES if page.guide]
    assert parts[7].parts[0][0].label.startswith("Map – ")


def test_rostock_profile_cards_and_sentences(con, plain):
    ctx = context(con, plain, region="rostock", year="2021")
    parts = profile.build(ctx)
    assert isinstance(parts[1], el.PrintStyle)
    assert parts[2] == el.Title("Regiopolregion Rostock")
    cards = {m.label: m for m in of(el.Metric, parts)}
    gdp = cards["BIP je Einwohner (2021), EUR je Einwohner"]
    value = _region_value(con, "rostock", "gdp_per_capita", 2021)
    assert gdp.value == f"{round(value):,}".replace(",", ".") == "34.120"
    row = compare.profile(con, "rostock", 2021).set_index("indicator_id").loc["gdp_per_capita"]
    gap = 100 * (value / row["peer_median"] - 1)
    assert gdp.delta == f"{gap:.1f}".replace(".", ",") + " % ggü. Vergleichsgruppe"
    assert gdp.delta.startswith("-11,8 %")
    assert gdp.chart_data is None  # no sparkline: an image without a text alternative
    sentence, *notable = of(el.Sentence, parts)  # the headlines, then "Was auffällt"
    assert len(notable) == 4  # strengths, weaknesses, improvements, deteriorations
    first, *ranks = sentence.text.split("\n\n")
    before, after = (_region_value(con, "rostock", "population", y) for y in (2011, 2021))
    shown = [f"{round(v):,} Personen".replace(",", ".") for v in (before, after)]
    assert f"von {shown[0]} auf {shown[1]}" in first  # a size: its change since 2011
    assert all("Rang" in r for r in ranks)  # the rates with a value: their ranks
    assert any("„BIP je Einwohner“" in r and f"bei {gdp.value} EUR" in r for r in ranks)


def test_profile_tables_downloads_and_map(con, plain):
    parts = profile.build(context(con, plain, region="rostock", year="2021"))
    tables = {t.key: t for t in of(el.Table, parts)}
    assert list(tables) == ["profile_table", "profile_similar", "profile_members"]
    assert len(tables["profile_similar"].frame) == 5
    members = tables["profile_members"].frame
    assert set(members["Kreisschlüssel"]) == {"13003", "13072", "13073"}
    (download,) = of(el.Download, parts)
    assert (download.stem, download.key) == ("profil_rostock_2021", "dl_profile")
    (pdf,) = of(el.FileDownload, parts)
    assert (pdf.file_name, pdf.key, pdf.icon) == ("profil_rostock_2021.pdf", "dl_profile_pdf", "📄")
    assert pdf.data().startswith(b"%PDF")
    figures = {f.key: f for f in of(el.Figure, parts)}
    assert figures["profile_dots"].stem == "profil_rostock"
    assert figures["profile_map"].stem is None
    areas = {
        ags
        for trace in figures["profile_map"].figure.to_dict()["data"]
        if trace["type"] == "choropleth" and trace.get("customdata") is not None
        for ags in trace["locations"]
    }
    assert areas == {"13003", "13072", "13073"}
    assert parts[-1] == el.Caption(context(con, plain).t("profile_print"))


def test_profile_year_falls_back_to_the_populations(con, plain):
    ctx = context(con, plain, region="trier")
    ctx.state["year"] = 1900
    profile.build(ctx)
    assert ctx.state["year"] == plain[1].latest("population") and "year" in ctx.changed
