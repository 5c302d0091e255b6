"""Entwicklung's gap sentence agrees with its own numbers (issue 11).

It said the GDP gap became "kleiner" from −4.767 to −6.020 EUR: the verdict used the ratio of
the medians, the text their difference. Now one measure – the difference of the medians in
the indicator's unit, rates in percentage points – is stated and judged, both years named,
and the last year says which group is better off by the indicator's polarity.
"""

from helpers import open_app, plotly_specs

from indicators import compare, sentences
from indicators.display import formatting


def _gap(lang, before, after, polarity="higher_better", unit="EUR je Einwohner", digits=0):
    shown = formatting.difference_unit(unit, lang)
    return sentences.gap_sentence(
        lang,
        start=2010,
        end=2021,
        before=before,
        after=after,
        digits=digits,
        show=lambda v: formatting.with_unit(v, shown, lang, digits),
        polarity=polarity,
    )


def test_widening_and_narrowing_in_both_languages():
    assert _gap("de", -4767.2, -6020.4) == (
        "Der Abstand zwischen den Medianen der Regiopol- und der Metropolregionen ist von 2010 "
        "bis 2021 größer geworden: 2010 lag der Median der Regiopolregionen 4.767 EUR je "
        "Einwohner unter dem der Metropolregionen, 2021 6.020 EUR je Einwohner darunter. 2021 "
        "standen damit die Metropolregionen besser da."
    )
    assert _gap("en", -6020.4, -4767.2, unit="EUR per inhabitant") == (
        "From 2010 to 2021, the gap between the regiopole and the metropolitan median "
        "narrowed: in 2010 the regiopole median was 6,020 EUR per inhabitant below the "
        "metropolitan one, in 2021 4,767 EUR per inhabitant below. In 2021, the metropolitan "
        "regions were thus better off."
    )


def test_rates_in_percentage_points_and_polarity_decides_who_is_better_off():
    narrowing = _gap("de", -3.04, -2.46, "lower_better", "% der unter 65-Jährigen", 1)
    assert "kleiner geworden" in narrowing
    assert "3,0 Prozentpunkte unter dem der Metropolregionen, 2021 2,5 Prozentpunkte" in narrowing
    assert "%" not in narrowing
    assert narrowing.endswith("2021 standen damit die Regiopolregionen besser da.")
    widening = _gap("en", 1.04, 1.46, "higher_better", "%", 1)
    assert "widened: in 2010 the regiopole median was 1.0 percentage points above" in widening
    assert widening.endswith("In 2021, the regiopole regions were thus better off.")


def test_the_verdict_is_made_on_the_numbers_shown():
    same = _gap("de", -1.04, -0.96, "lower_better", "%", 1)  # 1,0 → 1,0 as shown
    assert "gleich geblieben" in same and "kleiner" not in same
    assert "1,0 Prozentpunkte unter dem der Metropolregionen, 2021 1,0 Prozentpunkte" in same
    swapped = _gap("en", -0.19, 0.27, "neutral", "%", 1)
    assert swapped == (
        "From 2010 to 2021, the regiopole and the metropolitan median swapped places: in 2010 "
        "the regiopole median was 0.2 percentage points below the metropolitan one, in 2021 "
        "the regiopole median was 0.3 percentage points above the metropolitan one. Neither "
        "higher nor lower values are better for this indicator."
    )
    level = _gap("de", 0.31, -0.04, "lower_better", "%", 1)  # −0,04 is shown as 0,0
    assert "kleiner geworden" in level and level.endswith("2021 lagen beide gleichauf.")


def test_trends_page_states_the_measure_it_judges(con):
    """GDP per capita (Aring/Reuther): medians 4.157 EUR apart in 2010, 5.653 EUR in 2021 –
    wider; SGB II rate: 3,0 → 2,5 percentage points below the metropolitan median –
    narrower, and lower is better."""
    gdp = compare.convergence(con, "gdp_per_capita").set_index("year")
    assert (round(gdp.loc[2010, "gap"]), round(gdp.loc[2021, "gap"])) == (-4157, -5653)
    at = open_app("trends", ind="gdp_per_capita")
    text = next(m.value for m in at.markdown if "Abstand zwischen" in m.value)
    assert text == (
        "Der Abstand zwischen den Medianen der Regiopol- und der Metropolregionen ist von 2010 "
        "bis 2021 größer geworden: 2010 lag der Median der Regiopolregionen 4.157 EUR je "
        "Einwohner unter dem der Metropolregionen, 2021 5.653 EUR je Einwohner darunter. 2021 "
        "standen damit die Metropolregionen besser da."
    )
    gap_chart = next(
        spec for spec in plotly_specs(at) if spec["data"][0]["name"].startswith("Abstand")
    )
    ys = dict(zip(gap_chart["data"][0]["x"], gap_chart["data"][0]["y"], strict=True))
    assert (round(ys[2010]), round(ys[2021])) == (-4157, -5653)  # the chart shows the same

    sgb2 = compare.convergence(con, "sgb2_rate").set_index("year")
    assert (round(sgb2.loc[2010, "gap"], 1), round(sgb2.loc[2021, "gap"], 1)) == (-3.0, -2.5)
    at = open_app("trends", ind="sgb2_rate", lang="en")
    text = next(m.value for m in at.markdown if "metropolitan median" in m.value)
    assert text == (
        "From 2010 to 2021, the gap between the regiopole and the metropolitan median "
        "narrowed: in 2010 the regiopole median was 3.0 percentage points below the "
        "metropolitan one, in 2021 2.5 percentage points below. In 2021, the regiopole "
        "regions were thus better off."
    )
    gap_chart = next(spec for spec in plotly_specs(at) if spec["data"][0]["name"].startswith("Gap"))
    assert gap_chart["layout"]["yaxis"]["title"]["text"] == "percentage points"
