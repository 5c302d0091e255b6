"""Plausibility scan over all Kreis values: every hit is explained in the catalogue, and every
explanation still answers a hit (none left behind after a fix)."""

import pandas as pd

from indicators import catalogue as cat
from indicators import paths
from indicators.plausibility import scan


def _values():
    return pd.read_parquet(paths.DATA_DIR / "kreis_values.parquet")


def test_every_hit_is_explained_and_every_explanation_is_needed():
    hits = {(h.indicator_id, h.kind, h.year) for h in scan(_values()).itertuples()}
    explained = {
        (ind.id, kind, year) for ind in cat.load() for kind, year, _ in ind.known_anomalies
    }
    assert hits - explained == set(), sorted(hits - explained)
    assert explained - hits == set(), sorted(explained - hits)


def test_scan_finds_a_copied_year_and_a_jump():
    """Doctored values: 3 of 4 Kreise repeat 2020 in 2021; 1 of 4 triples in 2022."""
    rows = [
        (ags, "x", year, value)
        for ags, values in {
            "01001": (5, 5, 15),
            "01002": (6, 6, 6.5),
            "01003": (7, 7, 7),
            "01004": (8, 9, 9.5),
        }.items()
        for year, value in zip((2020, 2021, 2022), values, strict=True)
    ]
    hits = scan(pd.DataFrame(rows, columns=["ags", "indicator_id", "year", "value"]))
    found = {(h.kind, h.year, h.kreise) for h in hits.itertuples()}
    assert ("copied", 2021, 3) in found
    assert ("copied", 2022, 1) in found  # 01003: 25 % of the Kreise
    assert ("jump", 2022, 1) in found
    assert not any(kind == "jump" and year == 2021 for kind, year, _ in found)


def test_no_value_outside_its_indicators_range():
    values = _values()
    for ind in cat.load():
        low, high = ind.bounds()
        own = values.loc[values["indicator_id"] == ind.id, "value"]
        assert low is None or own.min() >= low, ind.id
        assert high is None or own.max() <= high, ind.id


def test_readme_states_the_number_of_hits():
    hits = scan(_values())
    readme = " ".join((paths.REPO_ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"Plausibility scan**: {len(hits)} hits" in readme
    architecture = " ".join(
        (paths.REPO_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").split()
    )
    assert f"Its {len(hits)} hits ({hits['indicator_id'].nunique()} indicators)" in architecture
