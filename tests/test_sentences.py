"""Citable sentences: real values, shared ranks never 'best', breaks stated."""

import pandas as pd
from helpers import open_app

from indicators import compare, sentences


def _sentence(ranked, region_id, lang="de", polarity="higher_better"):
    rank, n, tied = sentences.rank_facts(ranked, region_id)
    return sentences.rank_sentence(
        lang,
        year=2021,
        indicator="BIP je Einwohner",
        region="Regiopolregion Rostock",
        value="34.120 EUR je Einwohner",
        rank=rank,
        n=n,
        tied=tied,
        kind="regiopole",
        polarity=polarity,
        source="BBSR, INKAR, 2021",
    )


def test_rank_sentence_with_real_ranking(con):
    ranked = compare.ranking(con, "gdp_per_capita", 2021)
    assert sentences.rank_facts(ranked, "rostock") == (20, 24, False)  # Jena/Gera: one region
    assert _sentence(ranked, "rostock") == (
        "Im Jahr 2021 lag „BIP je Einwohner“ in der Regiopolregion Rostock bei 34.120 EUR je "
        "Einwohner; das ist Rang 20 von 24 Regiopolregionen (Quelle: BBSR, INKAR, 2021)."
    )


def test_shared_first_rank_is_never_called_best():
    ranked = pd.DataFrame(
        {"region_id": ["a", "b", "c"], "value": [5.0, 5.0, 3.0], "rank": [1, 1, 3]}
    )
    assert sentences.rank_facts(ranked, "a") == (1, 3, True)
    text = _sentence(ranked, "a")
    assert "Rang 1 von 3" in text and "gleichauf" in text and "beste" not in text
    alone = _sentence(ranked.assign(value=[6.0, 5.0, 3.0], rank=[1, 2, 3]), "a", "en")
    assert "rank 1 of 3" in alone and "the best value" in alone
    neutral = _sentence(ranked.assign(rank=[1, 2, 3]), "a", "en", polarity="neutral")
    assert "by size" in neutral and "best" not in neutral


def test_missing_value_says_so_instead_of_a_rank():
    ranked = pd.DataFrame({"region_id": ["a", "b"], "value": [None, 3.0], "rank": [None, 1]})
    assert "kein Wert" in _sentence(ranked, "a") and "Rang" not in _sentence(ranked, "a")


def test_change_sentence_states_the_census_break():
    args = {
        "indicator": "Bevölkerung",
        "region": "Deutschland",
        "before": "81.751.602 Personen",
        "after": "83.237.124 Personen",
        "pct": "+1,8 %",
        "breaks": [(2011, "Zensus 2011: Umstellung der Fortschreibungsbasis")],
        "source": "Statistische Ämter des Bundes und der Länder, 2010–2021",
    }
    across = sentences.change_sentence("de", start=2010, end=2021, **args)
    assert "in Deutschland von 81.751.602" in across and "Zensus 2011" in across
    within = sentences.change_sentence("en", start=2011, end=2021, **args)
    assert "break" not in within and "from 81.751.602" in within


def test_sentences_on_the_pages():
    at = open_app("ranking", ind="population", year="2021", region="rostock", start="2010")
    text = at.code[0].value
    assert "Rang 23 von 24 Regiopolregionen nach Größe" in text
    assert "von 449.574 Personen auf 456.203 Personen (+1,5 %)" in text
    assert "Zensus 2011" in text  # 2010 → 2021 spans the 2011 census break
    at = open_app("profile", region="rostock", year="2021", lang="en")
    assert "rank 1 of 24 regiopole regions – the best value" in at.code[0].value  # physicians
    at = open_app("compare")
    assert "Rang 1 von 12 Metropolregionen" in at.code[0].value  # München, GDP 2021


def test_change_without_a_start_value_says_so_instead_of_from_dash():
    from indicators import sentences

    text = sentences.change_sentence(
        "de",
        indicator="Gemeindliche Schulden",
        region="Regiopolregion Rostock",
        start=2010,
        end=2019,
        before=None,
        after="1.234 EUR",
        pct=None,
        breaks=[],
        source="BBSR",
    )
    assert "von –" not in text and "für 2010 kein Wert" in text and "2010–2019" in text
    english = sentences.change_sentence(
        "en",
        indicator="Debt",
        region="Rostock",
        start=2010,
        end=2019,
        before="1",
        after=None,
        pct=None,
        breaks=[],
        source="BBSR",
    )
    assert "available for 2019" in english
