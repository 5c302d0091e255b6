"""What stands out about a region ("Was auffällt"): its strongest and weakest positions
against its peers, and where it changed most against them.

Only rates with a better and a worse direction qualify (never sizes, never neutral
indicators), ranks need at least MIN_PEERS regions, and changes are never taken on an
indicator whose scale is reset every year or across a break in its series.
"""

import numpy as np
import pandas as pd

from indicators import catalogue
from indicators.compare import peer_group, rank_order
from indicators.groups import DEFAULT_SET
from indicators.snapshot import snapshot

MIN_PEERS = 5  # a rank among fewer regions says little
SPAN = 5  # changes over this many years
PICK = 3  # sentences per kind


def rankable(snap):
    """Indicator ids whose ranks mean better or worse: rates with a polarity."""
    meta = snap.indicators
    return meta.index[(meta["polarity"] != "neutral") & (meta["aggregation"] != "sum")]


def positions(profile, snap):
    """Strongest and weakest positions, from compare.profile's frame: (strengths,
    weaknesses) as frames of its rows, best resp. worst first. A strength is a rank in the
    better half, a weakness one in the worse half; the gap to the peer median breaks ties."""
    rows = profile[
        profile["indicator_id"].isin(rankable(snap))
        & profile["value"].notna()
        & (profile["n"].fillna(0) >= MIN_PEERS)
    ].copy()
    rows["gap"] = (rows["value"] / rows["peer_median"] - 1).abs()
    ordered = rows.sort_values(["percentile", "gap"], ascending=[False, False])
    strengths = ordered[ordered["percentile"] > 50].head(PICK)
    weaknesses = ordered[ordered["percentile"] < 50].sort_values(
        ["percentile", "gap"], ascending=[True, False]
    )
    return strengths, weaknesses.head(PICK)


def changes(con, region_id, year, regiopole_set=DEFAULT_SET, exclude_overlapping=False):
    """Per rankable indicator: the region's change over the SPAN years up to its latest
    value in or before `year`, and its rank among the changes of its peers over the same
    years (1 = the largest improvement). Skips indicators not comparable over time, periods
    across a break, and indicators with fewer than MIN_PEERS regions with both values."""
    snap = snapshot(con)
    group = peer_group(snap, region_id, regiopole_set, exclude_overlapping)
    cols = snap.positions(group)
    meta = snap.indicators
    rows = []
    for indicator_id in rankable(snap):
        row = meta.loc[indicator_id]
        if not row["over_time"]:
            continue
        found = _period(snap, indicator_id, group[-1], year)
        if found is None:
            continue
        start, end = found
        if any(start < b <= end for b in row["break_years"]) or _jumps(indicator_id) & {
            start,
            end,
        }:
            continue
        i = snap.indicators.index.get_loc(indicator_id)
        before, after = (snap.cube[i, cols, y - snap.first_year] for y in (start, end))
        change = pd.Series(after - before, index=group)
        if change.notna().sum() < MIN_PEERS or np.isnan(change[region_id]):
            continue
        ranks = rank_order(change, row["polarity"])
        rows.append(
            {
                "indicator_id": indicator_id,
                "start": start,
                "end": end,
                "before": before[-1],
                "after": after[-1],
                "change": change[region_id],
                "peer_median_change": change.drop(region_id).median(),
                "rank": int(ranks[region_id]),
                "n": int(change.notna().sum()),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "indicator_id", "start", "end", "before", "after", "change",
            "peer_median_change", "rank", "n",
        ],
    )  # fmt: skip


def _jumps(indicator_id):
    """Years in which the catalogue knows many Kreise to jump (small numbers, a changed
    count): a change ending or starting there is noise, not news."""
    anomalies = catalogue.load()[indicator_id].known_anomalies
    return {year for kind, year, _ in anomalies if kind == "jump"}


def _period(snap, indicator_id, region_id, year):
    """(start, end): end the latest year up to `year` with a value, start SPAN years
    earlier (or the earliest year with a value after that); None without two years."""
    i, r = snap.indicators.index.get_loc(indicator_id), snap.positions([region_id])[0]
    series = snap.cube[i, r, : max(0, year - snap.first_year + 1)]
    present = np.flatnonzero(~np.isnan(series)) + snap.first_year
    if len(present) < 2:
        return None
    end = int(present[-1])
    earlier = present[(present >= end - SPAN) & (present < end)]
    return (int(earlier[0]), end) if len(earlier) else None


def largest_changes(table, polarity):
    """(improvements, deteriorations): indicators where the region's change is the largest
    or second-largest among its peers in the better resp. worse direction (`place` 1 or
    2), strongest against the peer median first. `polarity`: indicator id -> polarity."""
    if table.empty:
        empty = table.assign(place=pd.Series(dtype=int))
        return empty, empty
    sign = table["indicator_id"].map(polarity).map({"higher_better": 1, "lower_better": -1})
    spread = (table["change"] - table["peer_median_change"]).abs()
    scaled = spread / table["before"].abs().where(table["before"] != 0)
    table = table.assign(distance=scaled.fillna(0), gain=sign * table["change"])
    better = table[(table["rank"] <= 2) & (table["gain"] > 0)]
    better = better.assign(place=better["rank"])
    worse = table[(table["rank"] >= table["n"] - 1) & (table["gain"] < 0)]
    worse = worse.assign(place=worse["n"] - worse["rank"] + 1)
    order = {"by": ["place", "distance"], "ascending": [True, False]}
    return better.sort_values(**order).head(PICK), worse.sort_values(**order).head(PICK)
