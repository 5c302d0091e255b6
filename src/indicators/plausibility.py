"""A plausibility scan over all Kreis values: year-on-year jumps and copied years.

A single odd Kreis value is normal (small numbers, a new hospital); many at once in one
indicator and year point at the source: a change of definition or territory, or last
year's figures carried forward. Every such hit must be fixed in the ingest or explained in
the catalogue (`known_anomalies`), and tests/test_plausibility.py holds both sides to it.
"""

import numpy as np
import pandas as pd

JUMP_FACTOR = 2.0  # a Kreis value at least doubles or halves from one year to the next
MIN_SHARE = 0.10  # ... in at least this share of the Kreise reporting both years


def _consecutive(values):
    """Pairs of a Kreis value and the same Kreis's value of the year before."""
    ordered = values.sort_values(["indicator_id", "ags", "year"])
    groups = ordered.groupby(["indicator_id", "ags"])
    pairs = ordered.assign(prev=groups["value"].shift(), prev_year=groups["year"].shift())
    return pairs[pairs["prev_year"] == pairs["year"] - 1]


def scan(values):
    """(indicator_id, year, kind, kreise, share) for each hit; kind is 'jump' or 'copied'.

    Zero in both years is not a copy (Kreise without a university stay at zero students).
    """
    pairs = _consecutive(values)
    positive = (pairs["value"] > 0) & (pairs["prev"] > 0)
    ratio = np.where(positive, pairs["value"] / pairs["prev"].where(positive, 1), 1.0)
    flags = pd.DataFrame(
        {
            "indicator_id": pairs["indicator_id"],
            "year": pairs["year"],
            "jump": positive & (np.maximum(ratio, 1 / ratio) >= JUMP_FACTOR),
            "copied": (pairs["value"] == pairs["prev"]) & (pairs["value"] != 0),
        }
    )
    counts = flags.groupby(["indicator_id", "year"]).agg(
        n=("jump", "size"), jump=("jump", "sum"), copied=("copied", "sum")
    )
    hits = counts.reset_index().melt(
        id_vars=["indicator_id", "year", "n"],
        value_vars=["jump", "copied"],
        var_name="kind",
        value_name="kreise",
    )
    hits["share"] = hits["kreise"] / hits["n"]
    hits = hits[hits["share"] >= MIN_SHARE]
    return hits[["indicator_id", "year", "kind", "kreise", "share"]].sort_values(
        ["indicator_id", "kind", "year"], ignore_index=True
    )
