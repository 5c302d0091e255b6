"""Comparison groups: which regions count as regiopole regions, and how a group of regions
becomes one territory.

Three published lists of regiopoles exist (see README, "Regions"); every comparison says
which one it used. The default is the 25 cities of Aring/Reuther (2008), the concept the
RegioPole network itself uses.
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


def member_ids(regions, group):
    """Region ids of a group name as produced by group_id() or METROPOLITAN.

    `regions` is the regions table as a DataFrame with a region_id column.
    """
    if group == METROPOLITAN:
        return sorted(regions.loc[regions["kind"] == "metropolitan_region", "region_id"])
    parts = group.split(":")
    if parts[0] != "regiopoles" or len(parts) not in (2, 3):
        raise ValueError(f"unknown group {group!r}")
    return regiopole_ids(regions, parts[1], exclude_overlapping=len(parts) == 3)


def regiopole_ids(regions, regiopole_set=DEFAULT_SET, exclude_overlapping=False):
    """Regiopole regions of a list; optionally without those whose core city lies inside a
    metropolitan region (Aachen, Augsburg, Cottbus, Ingolstadt, Jena, Gera, …)."""
    flag = REGIOPOLE_SETS[check_set(regiopole_set)][0]
    rows = regions[regions["kind"] == "regiopole"].sort_values("region_id", kind="stable")
    if flag:
        rows = rows[rows[flag].fillna(False).astype(bool)]
    if exclude_overlapping:
        rows = rows[rows["in_metropolitan_region"].isna()]
    return rows["region_id"].tolist()


def union_members(con, region_ids):
    """Member Kreise of several regions as one territory, each Kreis and Gemeinde once.

    Whole Kreise count fully; a partly included Kreis counts with the shares of the union of
    its member Gemeinden (so regions sharing a territory, like Jena and Gera, count once).
    """
    members = con.execute(
        "SELECT region_id, ags, share, area_share FROM region_members "
        "WHERE region_id IN (SELECT unnest(?))",
        [list(region_ids)],
    ).df()
    whole = set(members.loc[members["share"] >= 1, "ags"])
    gemeinden = con.execute(
        "SELECT ags, gemeinde_ags, share, area_share "
        "FROM region_member_gemeinden WHERE region_id IN (SELECT unnest(?))",
        [list(region_ids)],
    ).df()
    partial = (
        gemeinden[~gemeinden["ags"].isin(whole)]
        .drop_duplicates("gemeinde_ags")
        .groupby("ags", as_index=False)[["share", "area_share"]]
        .sum()
    )
    full = pd.DataFrame({"ags": sorted(whole), "share": 1.0, "area_share": 1.0})
    return pd.concat([full, partial], ignore_index=True)
