"""Kreis values → values for any set of Kreise (a region, Germany, a user's own region).

Each indicator aggregates by its catalogue rule, never by the plain mean of Kreis ratios:
  sum            Σ value·share
  ratio          factor · Σ numerator·share / Σ denominator·share
  weighted_mean  Σ value·weight·share / Σ weight·share
A partly included Kreis enters with its share: the population share, or the area share for
counts whose catalogue entry says `share_basis = "area"`. For indicators published per
Gemeinde, a partly included Kreis enters with the mean over its included Gemeinden and their
share of its weight, so the region's value is exact rather than the Kreis-wide rate.
Coverage is the share of the group's population (in the catalogue's reference year) living
in Kreise that have a value. Leaving out a Kreis whose value is withheld biases the result,
so by default a group needs full coverage; the catalogue may lower this per indicator
(`min_coverage`). Otherwise the result is missing (NULL).
"""

import pandas as pd

from indicators import catalogue

_SQL = """
WITH mref AS (
    SELECT m.group_id, m.ags, m.share, m.area_share, r.value * m.share AS cw
    FROM agg_members m
    JOIN kreis_values r ON r.ags = m.ags AND r.indicator_id = 'population'
                       AND r.year = {reference_year}
),

totals AS (SELECT group_id, SUM(cw) AS total_cw FROM mref GROUP BY group_id),
sums AS (
    SELECT m.group_id, v.indicator_id, v.year,
           SUM(v.value * {f_i}) AS value, SUM(m.cw) AS cw, COUNT(*) AS n
    FROM kreis_values v
    JOIN indicators i ON i.indicator_id = v.indicator_id AND i.aggregation = 'sum'
    JOIN mref m ON m.ags = v.ags
    GROUP BY ALL
),
ratios AS (
    SELECT m.group_id, i.indicator_id, num.year,
           any_value(i.factor) * SUM(num.value * {f_n}) / NULLIF(SUM(den.value * {f_d}), 0)
               AS value,
           SUM(m.cw) AS cw, COUNT(*) AS n
    FROM indicators i
    JOIN indicators ni ON ni.indicator_id = i.numerator
    JOIN indicators di ON di.indicator_id = i.denominator
    JOIN kreis_values num ON num.indicator_id = i.numerator
    JOIN kreis_values den ON den.indicator_id = i.denominator
                         AND den.ags = num.ags AND den.year = num.year
    JOIN mref m ON m.ags = num.ags
    WHERE i.aggregation = 'ratio'
    GROUP BY m.group_id, i.indicator_id, num.year
),
kreis_weights AS (
    SELECT indicator_id, year, ags, SUM(weight) AS weight
    FROM gemeinde_values GROUP BY ALL
),
parts AS (
    SELECT p.group_id, g.indicator_id, g.year, g.ags,
           SUM(g.value * g.weight) / SUM(g.weight) AS value,
           SUM(g.weight) / any_value(k.weight) AS wshare
    FROM agg_gemeinden p
    JOIN gemeinde_values g ON g.gemeinde_ags = p.gemeinde_ags AND g.ags = p.ags
    JOIN kreis_weights k ON k.indicator_id = g.indicator_id AND k.year = g.year
                        AND k.ags = g.ags
    GROUP BY ALL
),
means AS (
    SELECT m.group_id, v.indicator_id, v.year,
           SUM(coalesce(p.value, v.value) * w.value * coalesce(p.wshare, {f_w}))
               / NULLIF(SUM(w.value * coalesce(p.wshare, {f_w})), 0) AS value,
           SUM(m.cw) AS cw, COUNT(*) AS n
    FROM kreis_values v
    JOIN indicators i ON i.indicator_id = v.indicator_id AND i.aggregation = 'weighted_mean'
    JOIN indicators wi ON wi.indicator_id = i.weight
    JOIN weight_years wy ON wy.indicator_id = v.indicator_id AND wy.year = v.year
    JOIN kreis_values w ON w.indicator_id = i.weight AND w.year = wy.weight_year
                       AND w.ags = v.ags
    JOIN mref m ON m.ags = v.ags
    LEFT JOIN parts p ON p.group_id = m.group_id AND p.ags = v.ags
                     AND p.indicator_id = v.indicator_id AND p.year = v.year
    GROUP BY ALL
),
results AS (
    SELECT * FROM sums UNION ALL SELECT * FROM ratios UNION ALL SELECT * FROM means
),
grid AS (
    SELECT t.group_id, y.indicator_id, y.year, i.min_coverage, t.total_cw
    FROM totals t
    CROSS JOIN (SELECT DISTINCT indicator_id, year FROM kreis_values) y
    JOIN indicators i USING (indicator_id)
)
SELECT g.group_id, g.indicator_id, g.year,
       CASE WHEN coalesce(r.cw, 0) / g.total_cw >= g.min_coverage - 1e-9
            THEN r.value END AS value,
       coalesce(r.cw, 0) / g.total_cw AS coverage
FROM grid g
LEFT JOIN results r USING (group_id, indicator_id, year)
ORDER BY g.group_id, g.indicator_id, g.year
"""


def _share(alias):
    """SQL for the member's share that applies to the count described by `alias`."""
    return f"CASE {alias}.share_basis WHEN 'area' THEN m.area_share ELSE m.share END"


def weight_years(con):
    """For weighted means: the year of the weight to use, the same year or the nearest one
    with data (later year wins a tie). Lets e.g. 2022 unemployment use 2021's labour force."""
    return con.execute("""
        WITH need AS (
            SELECT DISTINCT v.indicator_id, v.year, i.weight
            FROM kreis_values v JOIN indicators i USING (indicator_id)
            WHERE i.aggregation = 'weighted_mean'
        ),
        have AS (SELECT DISTINCT indicator_id AS weight, year AS weight_year FROM kreis_values)
        SELECT indicator_id, year, weight_year FROM (
            SELECT n.indicator_id, n.year, h.weight_year,
                   row_number() OVER (
                       PARTITION BY n.indicator_id, n.year
                       ORDER BY abs(h.weight_year - n.year), h.weight_year DESC) AS rk
            FROM need n JOIN have h USING (weight)
        ) WHERE rk = 1
    """).df()


def aggregate(con, members, gemeinden=None):
    """Aggregate every indicator and year for each group in `members`
    (group_id, ags, share, and optionally area_share; it defaults to share).

    `gemeinden` (group_id, ags, gemeinde_ags) names the Gemeinden of partly included Kreise:
    indicators published per Gemeinde then average exactly those Gemeinden instead of
    borrowing the Kreis-wide value. Needs the tables kreis_values, gemeinde_values,
    indicators and weight_years in `con`; returns (group_id, indicator_id, year, value,
    coverage).
    """
    members = pd.DataFrame(members)
    if "area_share" not in members:
        members = members.assign(area_share=members["share"])
    members = members[["group_id", "ags", "share", "area_share"]]
    if gemeinden is None:
        gemeinden = pd.DataFrame(columns=["group_id", "ags", "gemeinde_ags"], dtype=str)
    partial = members.loc[members["share"] < 1, ["group_id", "ags"]]
    gemeinden = gemeinden[["group_id", "ags", "gemeinde_ags"]].merge(partial)
    con.register("agg_members", members)
    con.register("agg_gemeinden", gemeinden)
    try:
        return con.execute(
            _SQL.format(
                f_i=_share("i"),
                f_n=_share("ni"),
                f_d=_share("di"),
                f_w=_share("wi"),
                reference_year=int(catalogue.load().reference_year),
            )
        ).df()
    finally:
        con.unregister("agg_members")
        con.unregister("agg_gemeinden")
