"""How a region stands against its peers, the metropolitan regions and Germany.

Plain functions over a read-only connection (`indicators.open_db()`), returning pandas
DataFrames. Each result carries `.attrs` saying what it used: indicator, year(s),
`regiopole_set`, `exclude_overlapping`, and `notes` (e.g. a census break inside a period).

Groups: regiopole regions of one list (default "aring_reuther": the 25 cities of
Aring/Reuther 2008; or "regiostar" (35), "network" (8), "all" (36)), optionally without those
whose core city lies in a metropolitan region (`exclude_overlapping=True`); the 12
metropolitan regions; Germany ("de").
Bad input (unknown id, year without data, group below 3 members) raises ValueError.
"""

import numpy as np
import pandas as pd

from indicators import groups
from indicators.groups import DEFAULT_SET, GERMANY, METROPOLITAN, MIN_GROUP_SIZE
from indicators.snapshot import snapshot

# --- checks and small helpers ---------------------------------------------------------------


class NoAnswer(ValueError):
    """The data cannot answer this question (no value in that year, too few regions, an
    index without change). The app shows it as a notice; any other error is a real one."""


def indicator_info(snap, indicator_id):
    if indicator_id not in snap.indicators.index:
        raise ValueError(f"unknown indicator {indicator_id!r}")
    return snap.indicators.loc[indicator_id]


def region_info(snap, region_id):
    if region_id not in snap.regions.index:
        raise ValueError(f"unknown region {region_id!r}")
    return snap.regions.loc[region_id]


def _check_year(snap, indicator_id, year):
    info = indicator_info(snap, indicator_id)
    if not snap.has_year(indicator_id, year):
        raise NoAnswer(
            f"no data for {indicator_id!r} in {year} (available "
            f"{info['first_year']}–{info['last_year']})"
        )
    return info


class Note(str):
    """A note on a result: readable English for the Python API, plus a `code` and its
    `params`, which the app translates (it never matches the English text)."""

    def __new__(cls, code, text, **params):
        note = super().__new__(cls, text)
        note.code, note.params = code, params
        return note

    def __reduce__(self):  # cached results are pickled
        return (_note, (self.code, str(self), self.params))


def _note(code, text, params):
    return Note(code, text, **params)


def _attrs(frame, notes=(), **meta):
    frame.attrs.update({k: v for k, v in meta.items() if v is not None})
    frame.attrs["notes"] = [n for n in notes if n]
    return frame


def _sign(polarity):
    """+1 when higher is better, -1 when lower is better, 0 when neutral."""
    return {"higher_better": 1, "lower_better": -1}.get(polarity, 0)


def direction(value, reference, polarity):
    """'better', 'worse' or 'equal' by the indicator's polarity; None if neutral/missing."""
    sign = _sign(polarity)
    if not sign or pd.isna(value) or pd.isna(reference):
        return None
    diff = sign * (value - reference)
    return "better" if diff > 0 else "worse" if diff < 0 else "equal"


def _over_time(info, indicator_id):
    """An index rescaled every year has no meaningful change: refuse rather than mislead."""
    if not info["over_time"]:
        raise NoAnswer(
            f"{indicator_id!r} is rescaled every year; its changes over time are not meaningful"
        )
    return info


def _break_note(info, start, end):
    """Warning when the period start→end spans a statistical break of the indicator."""
    inside = [y for y in info["break_years"] if start < y <= end]
    if not inside:
        return None
    years = ", ".join(map(str, inside))
    return Note(
        "break_in_change",
        f"{info['indicator_id']}: statistical break in {years} "
        f"(e.g. a new census base); the change {start}→{end} mixes two bases",
        years=years,
        start=start,
        end=end,
    )


def rank_order(values, polarity, axis=0):
    """The one ranking rule: 1 = best by polarity (largest first for neutral indicators),
    ties share the better rank, missing values get none. `polarity` may be one per row of
    a DataFrame ranked along axis=1 (an array of polarities)."""
    signs = pd.Series(polarity).map(_sign).replace(0, 1).to_numpy()
    sign = signs[0] if signs.size == 1 else signs[:, None]
    return (-sign * values).rank(method="min", axis=axis)


def _ranked(values, polarity):
    """Ranks and percentiles (100 = best) of one indicator's values."""
    ranks = rank_order(values, polarity)
    n = values.notna().sum()
    percentile = 100 * (n - ranks) / (n - 1) if n > 1 else ranks * np.nan
    return ranks.astype("Int64"), percentile


def _group_ids(snap, kind, regiopole_set, exclude_overlapping, distinct=True):
    """Region ids of a kind, each territory once (distinct=False: every listed city)."""
    if kind == "regiopole":
        return groups.regiopole_ids(snap.regions, regiopole_set, exclude_overlapping, distinct)
    if kind == "metropolitan_region":
        return groups.member_ids(snap.regions, METROPOLITAN, distinct)
    if kind is None:
        return groups.regiopole_ids(
            snap.regions, regiopole_set, exclude_overlapping, distinct
        ) + groups.member_ids(snap.regions, METROPOLITAN, distinct)
    raise ValueError(f"unknown kind {kind!r}; use 'regiopole', 'metropolitan_region' or None")


def peer_group(snap, region_id, regiopole_set=DEFAULT_SET, exclude_overlapping=False):
    """The region's peers (the regions of its kind and list, without those sharing its
    territory), then the region itself: the group its ranks are taken in."""
    kind = snap.regions.loc[region_id, "kind"]
    peers = _without(snap, _group_ids(snap, kind, regiopole_set, exclude_overlapping), region_id)
    return [*peers, region_id]


def _without(snap, region_ids, region_id):
    """The ids without the region and the regions sharing its territory (its peers)."""
    territory = snap.regions["territory"]
    return [r for r in region_ids if territory[r] != territory[region_id]]


def _germany(snap, indicator_id, year):
    return snap.value(indicator_id, year, GERMANY)


def _pct(diff, base):
    return index_to(diff, base)


# --- index, change and the gap verdict: one implementation, used by the engine and the app ---


def index_to(values, base):
    """100 · values / base: `values` (a number or a series) as an index with `base` = 100.
    `base` is a number or a series aligned with `values`; missing where it is 0 or missing
    (an index to nothing is undefined, not infinite)."""
    if isinstance(base, pd.Series):
        base = base.where(base != 0)
    elif isinstance(base, np.ndarray):
        base = np.where(base == 0, np.nan, base)
    elif pd.isna(base) or base == 0:
        base = np.nan
    return 100 * values / base


def percent_change(before, after):
    """Change from `before` to `after` in % of `before` (numbers, series or arrays);
    missing where `before` is 0 or missing."""
    return index_to(after - before, before)


def index_to_base(frame, base, series="series", year="year", value="value"):
    """A long frame of series (one row per series and year) with each series indexed to its
    own value in the year `base` (= 100). A series without a value in `base`, or with 0
    there, is missing throughout."""
    at_base = frame.loc[frame[year] == base].set_index(series)[value]
    if not at_base.index.is_unique:
        raise ValueError(f"more than one value per series in {base}")
    return frame.assign(**{value: index_to(frame[value], frame[series].map(at_base))})


def gap_verdict(before, after, digits=None):
    """How a gap (a difference between two groups) changed from `before` to `after`:
    'reversed' (the sign flipped), else 'narrowed', 'widened' or 'same' by its size.
    Judged on the values rounded to `digits` (the precision they are shown in; None: as
    they are), so that the verdict never contradicts the numbers printed beside it."""
    a, b = float(before), float(after)
    if digits is not None:
        a, b = round(a, digits), round(b, digits)
    if np.sign(a) * np.sign(b) < 0:
        return "reversed"
    return "narrowed" if abs(b) < abs(a) else "widened" if abs(b) > abs(a) else "same"


def _gap_note(frame, polarity, digits):
    """The verdict on the gap between the first and the last year of a convergence frame,
    with who is better off in the last year ('regiopole', 'metropolitan_region', 'level';
    None when the indicator has no better or worse)."""
    first, last = frame.iloc[0], frame.iloc[-1]
    start, end = int(first["year"]), int(last["year"])
    before, after = float(first["gap"]), float(last["gap"])
    verdict = gap_verdict(before, after, digits)
    shown = after if digits is None else round(after, digits)
    sign = _sign(polarity)
    better = (
        None
        if not sign
        else "level"
        if not shown
        else "regiopole"
        if sign * shown > 0
        else "metropolitan_region"
    )
    return Note(
        f"gap_{verdict}",
        f"the gap between the regiopole and the metropolitan median {verdict} from {start} "
        f"to {end} ({before:g} → {after:g})",
        verdict=verdict,
        start=start,
        end=end,
        before=before,
        after=after,
        better=better,
    )


# --- public API -----------------------------------------------------------------------------


def group_summary(
    con,
    indicator_id,
    year,
    regiopole_set=DEFAULT_SET,
    exclude_overlapping=False,
    compare_sets=False,
):
    """Distribution of the regions of each group, and the group taken as one region.

    Columns: group, label, n, n_missing, median, q1, q3, min, max, mean (unweighted mean of the
    regions), aggregate (all member Kreise aggregated by the indicator's own rule, each Kreis
    counted once). Rows: regiopole regions, metropolitan regions, Germany ('de'); with
    `compare_sets=True` also one row per other regiopole list.
    """
    snap = snapshot(con)
    info = _check_year(snap, indicator_id, year)
    rows = [
        (groups.group_id(regiopole_set, exclude_overlapping), "regiopole regions"),
        (METROPOLITAN, "metropolitan regions"),
    ]
    if compare_sets:
        rows += [
            (groups.group_id(s, exclude_overlapping), groups.REGIOPOLE_SETS[s][1])
            for s in groups.REGIOPOLE_SETS
            if s != regiopole_set
        ]
    records = []
    for group, label in rows:
        values = snap.values(indicator_id, year, groups.member_ids(snap.regions, group))
        present = values.dropna()
        records.append(
            {
                "group": group,
                "label": label,
                "n": len(present),
                "n_missing": int(values.isna().sum()),
                "median": present.median(),
                "q1": present.quantile(0.25),
                "q3": present.quantile(0.75),
                "min": present.min(),
                "max": present.max(),
                "mean": present.mean(),
                "aggregate": snap.group_values.get((group, indicator_id, year)),
            }
        )
    germany = _germany(snap, indicator_id, year)
    records.append(
        {
            "group": GERMANY,
            "label": "Germany",
            "n": 1,
            "n_missing": 0,
            **dict.fromkeys(("median", "q1", "q3", "min", "max", "mean", "aggregate"), germany),
        }
    )
    frame = pd.DataFrame(records).astype({"aggregate": float})
    return _attrs(
        frame,
        indicator_id=indicator_id,
        year=year,
        unit=info["unit"],
        regiopole_set=regiopole_set,
        exclude_overlapping=exclude_overlapping,
    )


def ranking(
    con,
    indicator_id,
    year,
    kind="regiopole",
    regiopole_set=DEFAULT_SET,
    exclude_overlapping=False,
    region_ids=None,
):
    """All regions of a group ranked on one indicator and year.

    kind: 'regiopole', 'metropolitan_region', or None for both together; or rank exactly the
    regions in `region_ids` (at least 3). Regions with the same member Kreise are one row
    (Braunschweig, Salzgitter and Wolfsburg: region_id 'braunschweig', name 'Regiopole
    Braunschweig / Salzgitter / Wolfsburg'), so every territory counts once.
    Columns: region_id, name, region_ids (the ids the row stands for, comma-separated),
    kind, value, rank (1 = best by polarity; ties share a rank;
    regions without a value get none), percentile (100 = best), index_de (Germany = 100),
    core_in_metropolitan_region, overlaps (metropolitan regions sharing Kreise, with the
    share of the region's residents).
    """
    snap = snapshot(con)
    info = _check_year(snap, indicator_id, year)
    if region_ids is None:
        listed = _group_ids(snap, kind, regiopole_set, exclude_overlapping, distinct=False)
    else:
        listed = list(dict.fromkeys(region_ids))
        for region_id in listed:
            region_info(snap, region_id)
    rows = groups.territories(snap.regions, listed)
    ids = list(rows)
    frame = snap.regions.loc[ids, ["region_id", "name", "kind"]].reset_index(drop=True)
    frame["name"] = groups.joint_names(snap.regions, [rows[r] for r in ids])
    frame.insert(2, "region_ids", [",".join(rows[r]) for r in ids])
    frame["value"] = snap.values(indicator_id, year, ids).to_numpy()
    if frame["value"].notna().sum() < MIN_GROUP_SIZE:
        raise NoAnswer(
            f"cannot rank {indicator_id!r} in {year}: fewer than "
            f"{MIN_GROUP_SIZE} regions have a value"
        )
    frame["rank"], frame["percentile"] = _ranked(frame["value"], info["polarity"])
    frame["index_de"] = index_to(frame["value"], _germany(snap, indicator_id, year))
    frame = frame.merge(snap.overlaps, on="region_id", how="left")
    frame = frame.sort_values(["rank", "name"], na_position="last", ignore_index=True)
    neutral = info["polarity"] == "neutral"
    return _attrs(
        frame,
        notes=[
            Note(
                "neutral_ranking",
                f"{indicator_id} has no better or worse: rank 1 is the largest value",
            )
            if neutral
            else None
        ],
        indicator_id=indicator_id,
        year=year,
        kind=kind,
        unit=info["unit"],
        polarity=info["polarity"],
        regiopole_set=regiopole_set,
        exclude_overlapping=exclude_overlapping,
    )


def peer_gap(
    con, region_id, indicator_id, year, regiopole_set=DEFAULT_SET, exclude_overlapping=False
):
    """A region against its peers (the other regions of its kind and list).

    One row: value, n_peers, peer_median (peers without the region and without regions
    sharing its territory), peer_mean_loo
    (unweighted mean of the peers, the region left out), gap_median, gap_median_pct,
    gap_mean, gap_mean_pct, metropolitan_median, germany, gap_germany_pct, direction
    ('better', 'worse', 'equal' against the peer median; None if neutral or missing).
    """
    snap = snapshot(con)
    region = region_info(snap, region_id)
    info = _check_year(snap, indicator_id, year)
    peers = _without(
        snap, _group_ids(snap, region["kind"], regiopole_set, exclude_overlapping), region_id
    )
    peer_values = snap.values(indicator_id, year, peers).dropna()
    if len(peer_values) < MIN_GROUP_SIZE:
        raise NoAnswer(
            f"too few peers with a value for {indicator_id!r} in {year} "
            f"({len(peer_values)} < {MIN_GROUP_SIZE})"
        )
    value = snap.value(indicator_id, year, region_id)
    median, mean = peer_values.median(), peer_values.mean()
    germany = _germany(snap, indicator_id, year)
    metropolitan = snap.values(indicator_id, year, groups.member_ids(snap.regions, METROPOLITAN))
    frame = pd.DataFrame(
        [
            {
                "region_id": region_id,
                "name": region["name"],
                "kind": region["kind"],
                "value": value,
                "n_peers": len(peer_values),
                "peer_median": median,
                "peer_mean_loo": mean,
                "gap_median": value - median,
                "gap_median_pct": _pct(value - median, median),
                "gap_mean": value - mean,
                "gap_mean_pct": _pct(value - mean, mean),
                "metropolitan_median": metropolitan.median(),
                "germany": germany,
                "gap_germany_pct": _pct(value - germany, germany),
                "direction": direction(value, median, info["polarity"]),
            }
        ]
    )
    return _attrs(
        frame,
        indicator_id=indicator_id,
        year=year,
        unit=info["unit"],
        regiopole_set=regiopole_set,
        exclude_overlapping=exclude_overlapping,
    )


def change(
    con,
    indicator_id,
    start,
    end,
    region_ids=None,
    regiopole_set=DEFAULT_SET,
    exclude_overlapping=False,
):
    """Change of every region of both groups plus Germany (or of `region_ids`) between two
    years.

    Columns: region_id, name, kind, start_value, end_value, abs_change, pct_change, cagr_pct
    (average annual growth rate, %). A region or year without data appears with missing
    values, never dropped. attrs['notes'] warns when the period spans a statistical break.
    """
    snap = snapshot(con)
    if start >= end:
        raise ValueError(f"start year {start} must be before end year {end}")
    info = _over_time(_check_year(snap, indicator_id, start), indicator_id)
    _check_year(snap, indicator_id, end)
    if region_ids is None:
        region_ids = [*_group_ids(snap, None, regiopole_set, exclude_overlapping), GERMANY]
    for region_id in region_ids:
        if region_id != GERMANY:
            region_info(snap, region_id)
    names = snap.regions["name"].to_dict() | {GERMANY: "Deutschland"}
    kinds = snap.regions["kind"].to_dict() | {GERMANY: "germany"}
    frame = pd.DataFrame(
        {
            "region_id": list(region_ids),
            "name": [names[r] for r in region_ids],
            "kind": [kinds[r] for r in region_ids],
            "start_value": snap.values(indicator_id, start, region_ids).to_numpy(),
            "end_value": snap.values(indicator_id, end, region_ids).to_numpy(),
        }
    )
    frame["abs_change"] = frame["end_value"] - frame["start_value"]
    frame["pct_change"] = percent_change(frame["start_value"], frame["end_value"])
    ratio = (frame["end_value"] / frame["start_value"]).where(frame["start_value"] > 0)
    frame["cagr_pct"] = 100 * (ratio.where(ratio > 0) ** (1 / (end - start)) - 1)
    return _attrs(
        frame,
        notes=[_break_note(info, start, end)],
        indicator_id=indicator_id,
        start=start,
        end=end,
        unit=info["unit"],
        regiopole_set=regiopole_set,
        exclude_overlapping=exclude_overlapping,
    )


def germany_index(con, indicator_id, year, region_ids):
    """Regions against Germany (= 100) on one indicator and year.

    Columns: region_id, value, index_de (100 · value / Germany's value; missing where either
    is missing or Germany's is 0). 'de' may be among `region_ids`.
    """
    snap = snapshot(con)
    info = _check_year(snap, indicator_id, year)
    region_ids = list(region_ids)
    for region_id in region_ids:
        if region_id != GERMANY:
            region_info(snap, region_id)
    frame = pd.DataFrame(
        {
            "region_id": region_ids,
            "value": snap.values(indicator_id, year, region_ids).to_numpy(),
        }
    )
    frame["index_de"] = index_to(frame["value"], _germany(snap, indicator_id, year))
    return _attrs(frame, indicator_id=indicator_id, year=year, unit=info["unit"])


def convergence(
    con, indicator_id, regiopole_set=DEFAULT_SET, exclude_overlapping=False, digits=None
):
    """Is the gap between regiopole and metropolitan regions closing?

    Per year: regiopole_median, metropolitan_median, n_regiopole, n_metropolitan, gap
    (regiopole − metropolitan), ratio (regiopole / metropolitan), cv (coefficient of
    variation = sample standard deviation / mean across all regions of both groups; falling
    means converging), break (True in a year where the series has a statistical break).
    Years with fewer than 3 regions with a value in either group are left out.
    attrs['verdict']: a Note on the gap from the first to the last year (code 'gap_narrowed',
    'gap_widened', 'gap_same' or 'gap_reversed'; params verdict, start, end, before, after,
    better), judged on the gaps rounded to `digits` (as shown; None: unrounded).
    """
    snap = snapshot(con)
    info = _over_time(indicator_info(snap, indicator_id), indicator_id)
    rp = groups.regiopole_ids(snap.regions, regiopole_set, exclude_overlapping)
    mr = groups.member_ids(snap.regions, METROPOLITAN)
    if len(rp) < MIN_GROUP_SIZE:
        raise NoAnswer(f"the regiopole group has fewer than {MIN_GROUP_SIZE} regions")
    records = []
    for year in range(int(info["first_year"]), int(info["last_year"]) + 1):
        a = snap.values(indicator_id, year, rp).dropna()
        b = snap.values(indicator_id, year, mr).dropna()
        if min(len(a), len(b)) < MIN_GROUP_SIZE:
            continue
        both = pd.concat([a, b])
        records.append(
            {
                "year": year,
                "regiopole_median": a.median(),
                "metropolitan_median": b.median(),
                "n_regiopole": len(a),
                "n_metropolitan": len(b),
                "gap": a.median() - b.median(),
                "ratio": a.median() / b.median() if b.median() else np.nan,
                "cv": both.std() / abs(both.mean()) if both.mean() else np.nan,
                "break": year in info["break_years"],
            }
        )
    if not records:
        raise NoAnswer(
            f"no year with at least {MIN_GROUP_SIZE} regions per group for {indicator_id!r}"
        )
    frame = pd.DataFrame(records)
    breaks = frame.loc[frame["break"], "year"].tolist()
    years = ", ".join(map(str, breaks))
    note = (
        Note(
            "break_in_series",
            f"statistical break in {years}: levels before and after are not strictly comparable",
            years=years,
        )
        if breaks
        else None
    )
    frame = _attrs(
        frame,
        notes=[note],
        indicator_id=indicator_id,
        unit=info["unit"],
        regiopole_set=regiopole_set,
        exclude_overlapping=exclude_overlapping,
    )
    frame.attrs["verdict"] = _gap_note(frame, info["polarity"], digits)
    return frame


def similar_regions(con, region_id, year, n=5, indicators=None, min_share=0.7):
    """Regions with the most similar profile (every territory of the 48 regions once).

    Each indicator in `indicators` (default: those the catalogue marks `similarity`) is
    taken in `year` or the latest earlier year, standardised to z-scores across all
    territories (regions with the same member Kreise, Jena/Gera and
    Braunschweig/Salzgitter/Wolfsburg, count once and appear as one candidate named for
    all), and compared by root-mean-square difference
    over the indicators both regions have. Candidates sharing fewer than `min_share` of the
    region's indicators are left out, as is the region's own territory.
    Columns: region_id, name, kind, distance, n_indicators, most_different (the three
    indicators with the largest z-score difference; + means the candidate is higher).
    """
    snap = snapshot(con)
    if indicators is None:
        indicators = tuple(snap.indicators.index[snap.indicators["similarity"]])
    region_info(snap, region_id)
    if n < 1:
        raise ValueError("n must be at least 1")
    for indicator_id in indicators:
        indicator_info(snap, indicator_id)
    wide, years = snap.latest(list(indicators), list(snap.regions.index), year)
    if wide.loc[region_id].isna().all():
        raise NoAnswer(f"no data for {region_id!r} up to {year}")
    shared = groups.territories(snap.regions, snap.regions.index)
    distinct = wide.loc[list(shared)]
    z = (wide - distinct.mean()) / distinct.std(ddof=0)
    diff = z.loc[_without(snap, list(shared), region_id)] - z.loc[region_id]
    used = diff.notna().sum(axis=1)
    frame = pd.DataFrame(
        {"distance": np.sqrt((diff**2).sum(axis=1) / used.where(used > 0)), "n_indicators": used}
    )
    frame = frame[used >= min_share * z.loc[region_id].notna().sum()]
    frame = frame.sort_values("distance").head(n)
    frame["different"] = [
        [
            {"indicator": k, "higher": bool(diff.loc[r, k] > 0)}
            for k in diff.loc[r].abs().nlargest(3).index
        ]
        for r in frame.index
    ]
    frame["most_different"] = [
        ", ".join(f"{d['indicator']} ({'+' if d['higher'] else '−'})" for d in different)
        for different in frame["different"]
    ]
    frame = frame.join(snap.regions[["name", "kind"]]).reset_index(names="region_id")
    frame["name"] = groups.joint_names(snap.regions, [shared[r] for r in frame["region_id"]])
    columns = ["region_id", "name", "kind", "distance", "n_indicators", "most_different"]
    frame = frame[[*columns, "different"]]
    own = years.loc[region_id]
    older = sorted(f"{k} ({y})" for k, y in own.items() if not pd.isna(y) and y < year)
    note = (
        Note(
            "earlier_years",
            f"latest earlier year used for: {', '.join(older)}",
            older=", ".join(older),
        )
        if older
        else None
    )
    return _attrs(frame, notes=[note], region_id=region_id, year=year, indicators=list(indicators))


def profile(con, region_id, year, regiopole_set=DEFAULT_SET, exclude_overlapping=False):
    """Every indicator for one region: where it stands and where it is heading.

    Per indicator, the value of `year` or of the latest earlier year (column `year`; missing
    if there is none): label_de, label_en, unit, topic, value, rank and n within its group
    (regiopole regions of the list, or the metropolitan regions, in that year; each
    territory once), percentile, peer_median (the group without the region and the regions
    sharing its territory), germany, direction against the peer median
    ('better'/'worse'/'equal'; None for neutral indicators), and the latest change
    (previous_year, change, change_pct, change_across_break).
    """
    snap = snapshot(con)
    region_info(snap, region_id)
    group = peer_group(snap, region_id, regiopole_set, exclude_overlapping)
    meta = snap.indicators
    (own,) = snap.positions([region_id])
    cols = np.array(snap.positions(group))
    series = snap.cube[:, own, : max(0, min(year - snap.first_year + 1, snap.cube.shape[2]))]
    used = _last_present(series)  # cube year position per indicator, -1 if none
    have = used >= 0
    rows = np.arange(len(meta))
    at = np.where(have, used, 0)
    in_group = np.where(have[:, None], snap.cube[rows[:, None], cols[None, :], at[:, None]], np.nan)
    value = np.where(have, snap.cube[rows, own, at], np.nan)
    ranks = rank_order(pd.DataFrame(in_group), meta["polarity"].to_numpy(), axis=1).to_numpy()
    n = (~np.isnan(in_group)).sum(axis=1)
    rank = ranks[:, group.index(region_id)]
    peers = np.delete(in_group, group.index(region_id), axis=1)
    peer_median = pd.DataFrame(peers).median(axis=1).to_numpy()
    with np.errstate(all="ignore"):
        percentile = np.where(n > 1, 100 * (n - rank) / (n - 1), np.nan)
    previous = _last_present(
        np.where(np.arange(series.shape[1])[None, :] < used[:, None], series, np.nan)
    )
    before = np.where(previous >= 0, series[rows, np.maximum(previous, 0)], np.nan)
    frame = meta[["indicator_id", "label_de", "label_en", "unit", "topic"]].reset_index(drop=True)
    frame["year"] = pd.array(np.where(have, used + snap.first_year, -1), dtype="Int64")
    frame.loc[~have, "year"] = pd.NA
    frame["value"] = value
    frame["rank"] = pd.array(np.where(have, rank, -1), dtype="Int64")
    frame.loc[~have, "rank"] = pd.NA
    frame["n"] = pd.array(n, dtype="Int64")
    frame.loc[~have, "n"] = pd.NA
    frame["percentile"] = percentile
    frame["peer_median"] = peer_median
    frame["germany"] = np.where(have, snap.cube[rows, snap.positions([GERMANY])[0], at], np.nan)
    frame["direction"] = [
        direction(v, m, p) for v, m, p in zip(value, peer_median, meta["polarity"], strict=True)
    ]
    prev_year = np.where(previous >= 0, previous + snap.first_year, -1)
    frame["previous_year"] = pd.array(prev_year, dtype="Int64")
    frame.loc[previous < 0, "previous_year"] = pd.NA
    before = np.where(meta["over_time"].to_numpy(dtype=bool), before, np.nan)
    frame["change"] = value - before
    with np.errstate(all="ignore"):
        frame["change_pct"] = percent_change(before, value)
    frame["change_across_break"] = [
        None if p < 0 else any(p < b <= u for b in breaks)
        for p, u, breaks in zip(prev_year, used + snap.first_year, meta["break_years"], strict=True)
    ]
    return _attrs(
        frame,
        region_id=region_id,
        year=year,
        regiopole_set=regiopole_set,
        exclude_overlapping=exclude_overlapping,
    )


def _last_present(rows):
    """Per row of a 2-D array: position of the last non-NaN entry, or -1."""
    if rows.shape[1] == 0:
        return np.full(rows.shape[0], -1)
    present = ~np.isnan(rows)
    last = rows.shape[1] - 1 - np.argmax(present[:, ::-1], axis=1)
    return np.where(present.any(axis=1), last, -1)
