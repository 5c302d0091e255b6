"""An in-memory, read-only view of one database build, for fast comparisons.

The database is small and never changes while the app runs, so the comparison functions
read it once per build into a dense cube (indicator × region × year, about 50,000 cells,
NaN where missing) and answer from array lookups instead of a dozen SQL round trips per
call. The cache is keyed by the build's fingerprint: a rebuilt database is picked up on the
next call.
"""

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

_CACHE = {}


@dataclass(frozen=True)
class Snapshot:
    regions: pd.DataFrame  # regions table, indexed by region_id (column kept as well)
    indicators: pd.DataFrame  # indicators table, indexed by indicator_id, with break_years
    region_ids: list  # cube axis 1: the regions and Germany ('de')
    first_year: int  # cube axis 2 starts here
    cube: np.ndarray  # [indicator, region, year] -> value (NaN = missing)
    group_values: dict  # (group_id, indicator_id, year) -> value or None
    overlaps: pd.DataFrame  # region_id, core_in_metropolitan_region, overlaps ([{region, percent}])
    same_territory: dict  # region_id -> regions with identical member Kreise
    # regions also has a column `territory`: the smallest region id with the same member
    # Kreise (its own id if none), so that groups count each territory once (groups.py).
    sources: pd.DataFrame  # sources table, indexed by source_id
    year_sources: dict  # (indicator_id, year) -> tuple of source ids
    meta: dict  # indicator_id -> dict of its catalogue row (fast lookups for the UI)
    source_meta: dict  # source_id -> dict of its row

    def sources_for(self, indicator_id, years):
        """Source rows (short name, licence, …) behind an indicator in the given years."""
        keys = [k for y in years for k in self.year_sources.get((indicator_id, y), ())]
        return [self.source_meta[k] for k in dict.fromkeys(keys)]

    def _i(self, indicator_id):
        return self.indicators.index.get_loc(indicator_id)

    def positions(self, region_ids):
        """Cube positions (axis 1) of region ids."""
        return self._r(region_ids)

    def _r(self, region_ids):
        position = {r: k for k, r in enumerate(self.region_ids)}
        return [position[r] for r in region_ids]

    def _y(self, year):
        return year - self.first_year

    def has_year(self, indicator_id, year):
        y = self._y(year)
        return (
            0 <= y < self.cube.shape[2]
            and not np.isnan(self.cube[self._i(indicator_id), :, y]).all()
        )

    def values(self, indicator_id, year, region_ids):
        """Series region_id -> value (NaN where missing)."""
        y = self._y(year)
        if not 0 <= y < self.cube.shape[2]:
            return pd.Series(np.nan, index=list(region_ids), dtype=float)
        return pd.Series(
            self.cube[self._i(indicator_id), self._r(region_ids), y], index=list(region_ids)
        )

    def value(self, indicator_id, year, region_id):
        """One value (NaN where missing); without a Series, as pages ask for hundreds."""
        y = self._y(year)
        if not 0 <= y < self.cube.shape[2]:
            return np.nan
        return self.cube[self._i(indicator_id), self.region_ids.index(region_id), y]

    def latest(self, indicator_ids, region_ids, year):
        """For each region and indicator, the value of `year` or else of the latest earlier
        year: (values, years) as DataFrames region × indicator (NaN / <NA> where none)."""
        y = min(self._y(year), self.cube.shape[2] - 1)
        block = (
            self.cube[
                np.ix_([self._i(i) for i in indicator_ids], self._r(region_ids), np.arange(y + 1))
            ]
            if y >= 0
            else None
        )
        if block is None:
            empty = pd.DataFrame(np.nan, index=list(region_ids), columns=list(indicator_ids))
            return empty, empty.astype("Int64")
        present = ~np.isnan(block)
        last = block.shape[2] - 1 - np.argmax(present[:, :, ::-1], axis=2)
        found = present.any(axis=2)
        picked = np.take_along_axis(block, last[:, :, None], axis=2)[:, :, 0]
        values = np.where(found, picked, np.nan).T
        years = np.where(found, last + self.first_year, -1).T
        index, columns = list(region_ids), list(indicator_ids)
        return (
            pd.DataFrame(values, index=index, columns=columns),
            pd.DataFrame(years, index=index, columns=columns).replace(-1, pd.NA).astype("Int64"),
        )


def _load(con):
    regions = con.execute("SELECT * FROM regions ORDER BY region_id").df()
    regions.index = pd.Index(regions["region_id"].to_numpy())
    indicators = con.execute("SELECT * FROM indicators ORDER BY sort_order").df()
    indicators.index = pd.Index(indicators["indicator_id"].to_numpy())
    indicators["break_years"] = [
        [b["year"] for b in json.loads(text or "[]")] for text in indicators["breaks"]
    ]
    values = con.execute(
        "SELECT region_id, indicator_id, year, value FROM region_values WHERE value IS NOT NULL"
    ).df()
    region_ids = [*regions.index, "de"]
    first, last = int(values["year"].min()), int(values["year"].max())
    cube = np.full((len(indicators), len(region_ids), last - first + 1), np.nan)
    cube[
        indicators.index.get_indexer(values["indicator_id"]),
        pd.Index(region_ids).get_indexer(values["region_id"]),
        values["year"].to_numpy() - first,
    ] = values["value"].to_numpy()
    group_rows = con.execute("SELECT group_id, indicator_id, year, value FROM group_values")
    group_values = {(g, i, y): v for g, i, y, v in group_rows.fetchall()}
    overlaps = con.execute("""
        SELECT r.region_id, r.in_metropolitan_region AS core_in_metropolitan_region,
               list({'region': o.metropolitan_region_id,
                     'percent': CAST(round(100 * o.population_share) AS INTEGER)}
                    ORDER BY o.population_share DESC)
                   FILTER (WHERE o.metropolitan_region_id IS NOT NULL) AS overlaps
        FROM regions r LEFT JOIN region_overlaps o USING (region_id)
        GROUP BY ALL""").df()
    same = con.execute("""
        WITH sig AS (SELECT region_id, string_agg(ags || ':' || share, ',' ORDER BY ags) AS s
                     FROM region_members GROUP BY region_id)
        SELECT a.region_id, list(b.region_id ORDER BY b.region_id) AS same
        FROM sig a JOIN sig b ON a.s = b.s AND a.region_id <> b.region_id
        GROUP BY a.region_id""").fetchall()
    same = {r: list(s) for r, s in same}
    regions["territory"] = [min([r, *same.get(r, [])]) for r in regions.index]
    sources = con.execute("SELECT * FROM sources").df().set_index("source_id", drop=False)
    year_sources = {
        (i, y): tuple(s.split(","))
        for i, y, s in con.execute(
            "SELECT indicator_id, year, sources FROM kreis_value_origins"
        ).fetchall()
    }
    return Snapshot(
        regions,
        indicators,
        region_ids,
        first,
        cube,
        group_values,
        overlaps,
        same,
        sources,
        year_sources,
        indicators.to_dict("index"),
        sources.to_dict("index"),
    )


def snapshot(con):
    """The snapshot of the database behind `con` (loaded on first use per build)."""
    key = con.execute(
        "SELECT data_fingerprint, CAST(built_at AS VARCHAR) FROM build_info"
    ).fetchone()
    if key not in _CACHE:
        _CACHE.clear()  # one build at a time is enough
        _CACHE[key] = _load(con)
    return _CACHE[key]
