"""Comparison groups: which regions count as regiopole regions, and how a group of regions
becomes one territory.

Three published lists of regiopoles exist (see README, "Regions"); every comparison says
which one it used. The default is the 25 cities of Aring/Reuther (2008), the concept the
RegioPole network itself uses.

A group counts each territory once. Some listed cities share one region definition (the
same member Kreise: Braunschweig, Salzgitter and Wolfsburg; Jena and Gera), so counting
each city would weigh that territory two or three times in every median, mean, rank and
count. The group keeps the first of them (by region id) and stands for all: see
`territories` and `joint_names`.
"""

import pandas as pd

REGIOPOLE_SETS = {
    "aring_reuther": ("in_aring_reuther_2008", "Aring/Reuther 2008 (25)"),
    "regiostar": ("in_regiostar_2018", "RegioStaR 2018 (35)"),
    "network": ("network_member", "RegioPole-Netzwerk (8)"),
    "all": (None, "alle Kandidaten (36)"),
}
DEFAULT_SET = "aring_reuther"
GERMANY = "de"  # region_id of Germany as a whole in region_values
METROPOLITAN = "metropolitan_regions"
MIN_GROUP_SIZE = 3


def check_set(regiopole_set):
    if regiopole_set not in REGIOPOLE_SETS:
        raise ValueError(
            f"unknown regiopole_set {regiopole_set!r}; choose one of {', '.join(REGIOPOLE_SETS)}"
        )
    return regiopole_set


def group_id(regiopole_set=DEFAULT_SET, exclude_overlapping=False):
    """Stable name of a regiopole group, e.g. 'regiopoles:aring_reuther:outside'."""
    check_set(regiopole_set)
    return f"regiopoles:{regiopole_set}" + (":outside" if exclude_overlapping else "")


def standard_groups():
    """All groups whose aggregates the build precomputes."""
    return [group_id(s, x) for s in REGIOPOLE_SETS for x in (False, True)] + [METROPOLITAN]


def member_ids(regions, group, distinct=True):
    """Region ids of a group name as produced by group_id() or METROPOLITAN.

    `regions` is the regions table as a DataFrame with a region_id column (and, as in the
    snapshot, a territory column; see `territories`). distinct=False: every listed city,
    e.g. for drawing them all on a map.
    """
    if group == METROPOLITAN:
        ids = sorted(regions.loc[regions["kind"] == "metropolitan_region", "region_id"])
        return list(territories(regions, ids)) if distinct else ids
    parts = group.split(":")
    if parts[0] != "regiopoles" or len(parts) not in (2, 3):
        raise ValueError(f"unknown group {group!r}")
    return regiopole_ids(regions, parts[1], exclude_overlapping=len(parts) == 3, distinct=distinct)


def regiopole_ids(regions, regiopole_set=DEFAULT_SET, exclude_overlapping=False, distinct=True):
    """Regiopole regions of a list, each territory once (distinct=False: every listed city);
    optionally without those whose core city lies inside a metropolitan region (Aachen,
    Augsburg, Cottbus, Ingolstadt, Jena, Gera, …)."""
    flag = REGIOPOLE_SETS[check_set(regiopole_set)][0]
    rows = regions[regions["kind"] == "regiopole"].sort_values("region_id", kind="stable")
    if flag:
        rows = rows[rows[flag].fillna(False).astype(bool)]
    if exclude_overlapping:
        rows = rows[rows["in_metropolitan_region"].isna()]
    ids = rows["region_id"].tolist()
    return list(territories(regions, ids)) if distinct else ids


def territories(regions, region_ids):
    """{first id: [all ids]} for the given regions, one entry per territory, in order.

    Regions with the same member Kreise share a territory (the `territory` column of the
    snapshot's regions: the smallest region id among them); without that column each
    region is its own territory. Braunschweig, Salzgitter and Wolfsburg in one list give
    {'braunschweig': ['braunschweig', 'salzgitter', 'wolfsburg']}.
    """
    if "territory" in regions:
        key = dict(zip(regions["region_id"], regions["territory"], strict=True))
    else:
        key = {}
    first, grouped = {}, {}
    for region_id in region_ids:
        kept = first.setdefault(key.get(region_id, region_id), region_id)
        grouped.setdefault(kept, []).append(region_id)
    return grouped


def joint_names(regions, territories):
    """The name of each territory (a list of region ids) that several cities may share,
    naming every core city: 'Regiopole Braunschweig / Salzgitter / Wolfsburg'; one region
    keeps its own name. (The lookups are made once for all: a ranking names ~100 rows.)"""
    name = dict(zip(regions["region_id"], regions["name"], strict=True))
    core = dict(zip(regions["region_id"], regions["core_city"], strict=True))

    def joint(region_ids):
        if len(region_ids) == 1:
            return name[region_ids[0]]
        pairs = [(name[r], core[r].split(";")[0].strip()) for r in region_ids]
        prefixes = {n.removesuffix(c) for n, c in pairs}
        if len(prefixes) == 1 and all(n.endswith(c) for n, c in pairs):
            return prefixes.pop() + " / ".join(c for _, c in pairs)
        return " / ".join(n for n, _ in pairs)

    return [joint(list(ids)) for ids in territories]


def union(con, region_ids):
    """Member Kreise of several regions as one territory, each Kreis and Gemeinde once:
    (kreise: ags, share, area_share; gemeinden: ags, gemeinde_ags of the partly included
    Kreise, which the aggregation averages for Gemeinde-level indicators).

    Whole Kreise count fully; a partly included Kreis counts with the shares of the union of
    its member Gemeinden (so regions sharing a territory, like Jena and Gera, count once).
    """
    ids = [list(region_ids)]
    whole = set(
        con.execute(
            "SELECT ags FROM region_members WHERE share >= 1 AND region_id IN (SELECT unnest(?))",
            ids,
        ).df()["ags"]
    )
    gemeinden = con.execute(
        "SELECT ags, gemeinde_ags, share, area_share "
        "FROM region_member_gemeinden WHERE region_id IN (SELECT unnest(?))",
        ids,
    ).df()
    gemeinden = gemeinden[~gemeinden["ags"].isin(whole)].drop_duplicates("gemeinde_ags")
    partial = gemeinden.groupby("ags", as_index=False)[["share", "area_share"]].sum()
    full = pd.DataFrame({"ags": sorted(whole), "share": 1.0, "area_share": 1.0})
    return pd.concat([full, partial], ignore_index=True), gemeinden[["ags", "gemeinde_ags"]]
