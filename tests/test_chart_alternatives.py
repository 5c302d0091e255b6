"""Every chart and map has a text alternative (WCAG 1.1.1): its finding in words, with the
numbers it shows, and its data as a table; and the words agree with the data."""

import re

import pytest
from helpers import flat, open_app
from test_words_not_ids import _pages

from indicators.display import elements as el
from indicators.display import summaries


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_chart_and_map_has_words_and_a_table(con, plain, lang):
    charts = 0
    for name, parts in _pages(con, plain, lang):
        shown = list(flat(parts))
        for part in shown:
            if not isinstance(part, el.Chart | el.Figure):
                continue
            charts += 1
            assert re.search(r"\d", part.summary), (name, part.key, part.summary)
            has_table = part.data is not None and not part.data.empty
            beside = any(isinstance(p, el.Table) for p in shown)  # the profile's member map
            assert has_table or beside, (name, part.key)
    assert charts >= 12


def test_ranking_words_name_the_extremes_and_germany(con, plain):
    """GDP per capita 2021 among the regiopole regions: highest Ingolstadt (65.110 EUR);
    Germany 43.271 EUR (hand-checked in region_values)."""
    at = open_app("ranking", ind="gdp_per_capita", year="2021", kind="regiopole")
    words = next(h.value for h in at.get("html") if "Diagramm in Worten" in h.value)
    assert "höchster Wert Regiopole Ingolstadt (65.110 EUR je Einwohner)" in words
    assert "Deutschland: 43.271" in words
    assert "24 Regionen mit Wert" in words  # 25 regiopoles, two share one territory
    (table,) = at.table
    assert len(table.value) == 24


def test_summaries_leave_out_and_count_missing_values():
    text = summaries.extremes("en", "X 2021", [("A", 3.0), ("B", None), ("C", 1.0)], str)
    assert text == (
        "X 2021: highest value A (3.0), lowest C (1.0); 2 regions with a value. Without a value: 1."
    )
    r = summaries.correlation("de", "x/y", [1, 2, 3, 4], [2, 4, 6, 8.5])
    assert "r = 1,00" in r or "r = 0,99" in r


def test_scatter_words_give_r_and_warn_of_the_outlier():
    """Students per 1,000 against GDP per employed person, 2021, network list: r = −0,32 over
    20 regions (recomputed from INKAR by an independent check); Erfurt's distance-learning
    university carries it, which the words say."""
    at = open_app(
        "scatter", x="students_per_1000", y="gdp_per_employed", year="2021", set="network"
    )
    words = next(h.value for h in at.get("html") if "Diagramm in Worten" in h.value)
    assert "20 Regionen; Korrelationskoeffizient nach Pearson r = −0,32" in words
    assert "Hinweis: Fernhochschulen zählen alle Studierenden an ihrem Sitz (IU in Erfurt" in words
