"""Vergleich, Entwicklung and Zusammenhänge built as plain data, without Streamlit (issue 13),
and the engine functions they now use: an index to a base (Germany, a base year), the
percentage change, and the verdict on the gap between regiopole and metropolitan regions."""

import math
import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from helpers import of

from indicators import compare
from indicators.display import elements as el
from indicators.display import urlstate
from indicators.display.context import Context
from indicators.display.pages import compare as compare_page
from indicators.display.pages import scatter, trends


def context(con, plain, **params):
    snap, options, _ = plain
    return Context(snap, options, urlstate.parse(params, options)[0], con.cursor)


def value(con, indicator, year, region):
    row = con.execute(
        "SELECT value FROM region_values WHERE indicator_id = ? AND year = ? AND region_id = ?",
        [indicator, int(year), region],
    ).fetchone()
    return row[0]


def test_view_models_do_not_import_streamlit():
    code = (
        "import sys\n"
        "from indicators.display.pages import compare, scatter, trends\n"
        "assert 'streamlit' not in sys.modules, 'streamlit imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- engine: index, change, verdict ---------------------------------------------------------


def test_index_to_a_number_or_a_series_is_missing_for_a_zero_or_missing_base():
    assert compare.index_to(50.0, 200.0) == 25.0
    assert math.isnan(compare.index_to(50.0, 0.0))
    assert math.isnan(compare.index_to(50.0, np.nan))
    values = pd.Series([10.0, 20.0, 30.0])
    shown = compare.index_to(values, pd.Series([20.0, 0.0, np.nan]))
    assert shown.iloc[0] == 50.0 and shown.iloc[1:].isna().all()
    assert compare.index_to(values, 10.0).tolist() == [100.0, 200.0, 300.0]


def test_percent_change_is_the_engine_s_change(con):
    assert compare.percent_change(80.0, 100.0) == 25.0
    assert math.isnan(compare.percent_change(0.0, 5.0))
    change = compare.change(con, "gdp_per_capita", 2015, 2021, region_ids=["rostock", "trier"])
    for row in change.itertuples():
        before = value(con, "gdp_per_capita", 2015, row.region_id)
        after = value(con, "gdp_per_capita", 2021, row.region_id)
        assert row.pct_change == pytest.approx(100 * (after - before) / before)
        assert compare.percent_change(before, after) == pytest.approx(row.pct_change)


def test_index_to_base_year_per_series():
    frame = pd.DataFrame(
        {
            "year": [2010, 2011, 2012] * 3,
            "series": ["a"] * 3 + ["zero"] * 3 + ["gap"] * 3,
            "value": [50.0, 100.0, 150.0, 3.0, 0.0, 2.0, 7.0, np.nan, 9.0],
        }
    )
    indexed = compare.index_to_base(frame, 2011)
    by = indexed.set_index(["series", "year"])["value"]
    assert by["a"].tolist() == [50.0, 100.0, 150.0]
    assert by["zero"].isna().all()  # an index to 0 is undefined, not infinite
    assert by["gap"].isna().all()  # no value in the base year
    assert frame["value"].iloc[0] == 50.0  # the input is left as it was
    with pytest.raises(ValueError, match="more than one"):
        compare.index_to_base(pd.concat([frame, frame]), 2011)


@pytest.mark.parametrize(
    ("before", "after", "digits", "verdict"),
    [
        (-4157.2, -5653.1, 0, "widened"),
        (-3.04, -2.46, 1, "narrowed"),
        (-1.04, -0.96, 1, "same"),  # 1.0 → 1.0 as shown
        (-1.04, -0.96, None, "narrowed"),  # unrounded
        (-0.19, 0.27, 1, "reversed"),
        (0.31, -0.04, 1, "narrowed"),  # −0.04 is shown as 0.0: not a swap
    ],
)
def test_gap_verdict(before, after, digits, verdict):
    assert compare.gap_verdict(before, after, digits) == verdict


def test_convergence_carries_the_verdict_as_a_note(con):
    gdp = compare.convergence(con, "gdp_per_capita", digits=0)
    note = gdp.attrs["verdict"]
    assert note.code == "gap_widened"
    first, last = gdp.iloc[0], gdp.iloc[-1]
    assert note.params == {
        "verdict": "widened",
        "start": 2010,
        "end": 2021,
        "before": first["gap"],
        "after": last["gap"],
        "better": "metropolitan_region",
    }
    assert (round(note.params["before"]), round(note.params["after"])) == (-4157, -5653)
    assert gdp.attrs["notes"] == []  # the verdict is not a caption
    sgb2 = compare.convergence(con, "sgb2_rate", digits=1).attrs["verdict"]
    assert (sgb2.code, sgb2.params["better"]) == ("gap_narrowed", "regiopole")  # lower is better
    cached = pickle.loads(pickle.dumps(gdp))  # the app caches results pickled
    assert cached.attrs["verdict"].code == "gap_widened"
    assert cached.attrs["verdict"].params == note.params


def test_germany_index(con):
    index = compare.germany_index(con, "gdp_per_capita", 2021, ["rostock", "de"]).set_index(
        "region_id"
    )
    germany = value(con, "gdp_per_capita", 2021, "de")
    rostock = value(con, "gdp_per_capita", 2021, "rostock")
    assert index.loc["rostock", "value"] == pytest.approx(rostock)
    assert index.loc["rostock", "index_de"] == pytest.approx(100 * rostock / germany)
    assert index.loc["de", "index_de"] == pytest.approx(100)
    with pytest.raises(ValueError, match="unknown region"):
        compare.germany_index(con, "gdp_per_capita", 2021, ["atlantis"])


# --- Vergleich --------------------------------------------------------------------------------


def test_compare_page_as_data(con, plain):
    ctx = context(con, plain, regions="rostock,trier,siegen", ind="gdp_per_capita", year="2021")
    parts = compare_page.build(ctx)
    assert parts[0] == el.Title("Vergleich")
    assert [c.name for c in of(el.Control, parts)] == ["regions", "ind", "year", "inds"]
    bars, index, lines = of(el.Chart, parts)
    assert (bars.stem, bars.key, bars.indicators) == (
        "vergleich_gdp_per_capita_2021",
        "compare_bar",
        ("gdp_per_capita",),
    )
    shown = bars.data.set_index("region_id")["value"]
    for region in ("rostock", "trier", "siegen", "de"):
        assert shown[region] == pytest.approx(value(con, "gdp_per_capita", 2021, region))
    # the value in its own column, not in the row's name ("Deutschland: 43.271")
    assert bars.data.set_index("region_id").loc["de", "name"] == "Deutschland"
    assert set(bars.data["unit"]) == {"EUR je Einwohner"} and set(bars.data["year"]) == {2021}
    sentence, values = of(el.Sentence, parts)  # the ranks; every indicator's values
    assert "Regiopolregion Rostock" in sentence.text and "Regiopole Trier" in sentence.text
    assert sentence.text.endswith(
        "Zum Vergleich: Deutschland insgesamt 43.271 EUR je Einwohner (2021)."
    )
    assert "Deutschland 43.271 EUR je Einwohner." in values.text
    # Germany = 100 for each chosen indicator in its latest year
    assert (index.stem, index.key, index.indicators) == ("vergleich_index", "compare_index", ())
    row = index.data.set_index(["indicator_id", "region_id"]).loc[("gdp_per_capita", "rostock")]
    germany = value(con, "gdp_per_capita", row["year"], "de")
    assert row["index_de"] == pytest.approx(100 * row["raw_value"] / germany)
    assert lines.stem == "vergleich_gdp_per_capita_zeitreihe"
    assert set(lines.data["series"]) == {
        "Regiopolregion Rostock",
        "Regiopole Trier",
        "Regiopole Siegen",
        "Deutschland",
    }


def test_compare_page_stops_below_two_regions_and_asks_for_indicators(con, plain):
    parts = compare_page.build(context(con, plain, regions="rostock"))
    assert parts[-1] == el.Stop("Bitte wählen Sie mindestens zwei Regionen.")
    assert [c.name for c in of(el.Control, parts)] == ["regions"] and not of(el.Chart, parts)
    ctx = context(con, plain, regions="rostock,trier")
    ctx.state["inds"] = []
    parts = compare_page.build(ctx)
    assert any("mindestens einen Indikator" in n.text for n in of(el.Notice, parts))
    assert [c.key for c in of(el.Chart, parts)] == ["compare_bar", "compare_lines"]


# --- Entwicklung ------------------------------------------------------------------------------


def test_trends_page_as_data(con, plain):
    ctx = context(con, plain, ind="gdp_per_capita", regions="rostock")
    parts = trends.build(ctx)
    assert [c.name for c in of(el.Control, parts)] == ["ind", "regions", "base"]
    lines, gap = of(el.Chart, parts)
    assert (lines.stem, lines.key) == ("entwicklung_gdp_per_capita", "trend_lines")
    rostock = lines.data[lines.data["series"] == "Regiopolregion Rostock"].set_index("year")
    assert rostock.loc[2021, "value"] == pytest.approx(
        value(con, "gdp_per_capita", 2021, "rostock")
    )
    (text,) = of(el.Text, parts)
    assert text.text == (
        "Der Abstand zwischen den Medianen der Regiopol- und der Metropolregionen ist von 2010 "
        "bis 2021 größer geworden: 2010 lag der Median der Regiopolregionen 4.157 EUR je "
        "Einwohner unter dem der Metropolregionen, 2021 5.653 EUR je Einwohner darunter. 2021 "
        "standen damit die Metropolregionen besser da."
    )
    assert (gap.stem, gap.key, gap.notes) == ("abstand_gdp_per_capita", "trend_gap", False)
    convergence = compare.convergence(con, "gdp_per_capita")
    assert gap.data["gap"].tolist() == pytest.approx(convergence["gap"].tolist())
    (cv,) = of(el.Figure, parts)
    assert cv.key == "chart_trend_cv"


def test_trends_page_indexes_every_series_to_the_base_year(con, plain):
    parts = trends.build(context(con, plain, ind="gdp_per_capita", base="2015", regions="trier"))
    (lines, _) = of(el.Chart, parts)
    assert set(lines.data["unit"]) == {"2015 = 100"}
    germany = lines.data[lines.data["series"] == "Deutschland"].set_index("year")["index"]
    assert germany[2015] == pytest.approx(100)
    expected = (
        100 * value(con, "gdp_per_capita", 2021, "de") / value(con, "gdp_per_capita", 2015, "de")
    )
    assert germany[2021] == pytest.approx(expected)
    trier = lines.data[lines.data["series"] == "Regiopole Trier"].set_index("year")["index"]
    assert trier[2015] == pytest.approx(100)


def test_trends_page_verdict_in_english_for_a_rate(con, plain):
    parts = trends.build(context(con, plain, ind="sgb2_rate", lang="en"))
    (text,) = of(el.Text, parts)
    assert "narrowed" in text.text and "2.5 percentage points below" in text.text
    assert text.text.endswith("In 2021, the regiopole regions were thus better off.")


@pytest.mark.parametrize(
    ("indicator", "words"),
    [("broadband_1000_share", "nur ein Jahr"), ("deprivation_index", "jedes Jahr neu skaliert")],
)
def test_trends_page_stops_where_there_is_no_trend(con, plain, indicator, words):
    parts = trends.build(context(con, plain, ind=indicator))
    assert isinstance(parts[-1], el.Stop) and words in parts[-1].text
    assert not of(el.Chart, parts)
    assert [c.name for c in of(el.Control, parts)] == ["ind"]


def test_trends_page_resets_a_base_year_the_indicator_lacks(con, plain):
    ctx = context(con, plain, ind="gdp_per_capita")
    ctx.state["base"] = 1999
    trends.build(ctx)
    assert ctx.state["base"] is None and "base" in ctx.changed


# --- Zusammenhänge ----------------------------------------------------------------------------


def test_scatter_page_as_data(con, plain):
    ctx = context(
        con,
        plain,
        x="gdp_per_capita",
        y="unemployment_rate",
        year="2021",
        regions="rostock,trier",
        start="2015",
    )
    parts = scatter.build(ctx)
    assert [c.name for c in of(el.Control, parts)] == ["x", "y", "year", "start", "regions"]
    (chart,) = of(el.Chart, parts)
    assert chart.stem == "zusammenhang_gdp_per_capita_unemployment_rate_2021"
    assert chart.indicators == ("gdp_per_capita", "unemployment_rate")
    data = chart.data.set_index("region_id")
    assert len(data) == 25 + 12  # Aring/Reuther list and the metropolitan regions
    assert data.loc["rostock", "gdp_per_capita"] == pytest.approx(
        value(con, "gdp_per_capita", 2021, "rostock")
    )
    assert data.loc["trier", "population"] == pytest.approx(value(con, "population", 2021, "trier"))
    assert set(data["year"]) == {2021}
    assert of(el.Caption, parts)[-1].text.startswith("Kreisgröße: Einwohner (2021).")


def test_scatter_page_resets_a_start_after_the_year_and_stops_without_common_years(con, plain):
    ctx = context(con, plain, year="2012", start="2015")
    scatter.build(ctx)
    assert ctx.state["start"] is None and "start" in ctx.changed
    parts = scatter.build(context(con, plain, x="broadband_1000_share", y="gdp_per_capita"))
    assert isinstance(parts[-1], el.Stop) and not of(el.Chart, parts)
