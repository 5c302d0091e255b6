"""Kreis values for every catalogue indicator: load each origin, transform, check.

Returns long tables only; writing them is the pipeline's job, so a failure anywhere here
leaves the curated files untouched.
"""

import numpy as np
import pandas as pd

from indicators.catalogue import expr_names, origin_source
from indicators.ingest.errors import IngestError
from indicators.ingest.readers import read
from indicators.ingest.readers.atlas import atlas_gemeinden


def _evaluate(expr, values, years):
    """Evaluate an expression over other indicators of the same Kreis and year."""
    names = sorted({n for n in values if n in expr})
    wide = pd.concat({n: values[n].set_index(["ags", "year"])["value"] for n in names}, axis=1)
    wide = wide[wide.index.get_level_values("year").isin(years)]
    with np.errstate(divide="ignore", invalid="ignore"):
        result = wide.eval(expr)
    result = result.replace([np.inf, -np.inf], np.nan).dropna()
    return result.rename("value").reset_index()


INKAR_READERS = {"inkar2024", "inkar2021", "gerda"}


def _drop_inkar_marker(ind, origin, frame):
    """INKAR writes -0.01 where a value is unavailable (e.g. Trier-Saarburg's car density
    2013, between 602 and 615). For quantities that cannot be negative it is read as missing.
    """
    if origin["reader"] in INKAR_READERS and ind.bounds()[0] == 0:
        return frame[frame["value"] != -0.01]
    return frame


def _check_plausible(ind, frame, origin_label):
    low, high = ind.bounds()
    for bound, bad in (
        (low, frame["value"] < low if low is not None else None),
        (high, frame["value"] > high if high is not None else None),
    ):
        if bad is not None and bad.any():
            row = frame[bad].iloc[0]
            raise IngestError(
                origin_label,
                f"implausible value {row['value']} for "
                f"{ind.id} (limit {bound}) in Kreis {row['ags']}, year "
                f"{row['year']}",
                column=ind.id,
                row=f"{row['ags']}/{row['year']}",
            )


def _origin_parts(ind, origin, values, first, last):
    """(frame, label) parts of one origin, restricted to its years, markers removed."""
    if "expr" in origin:
        return [
            (
                _evaluate(origin["expr"], values, range(first, last + 1)),
                f"derived: {origin['expr']}",
            )
        ]
    parts = []
    for frame, label in read(origin, first, last):
        frame = _drop_inkar_marker(ind, origin, frame[frame["year"].between(first, last)])
        parts.append((frame, label))
    return parts


def _clean(ind, origin, frame):
    frame = frame.assign(value=frame["value"] * origin.get("scale", 1)).dropna()
    frame = frame[~frame["ags"].isin(ind.not_applicable)]
    for year, key in ind.withheld:
        frame = frame[~((frame["year"] == year) & frame["ags"].str.startswith(key))]
    if ind.zero_means_missing:
        frame = frame[frame["value"] != 0]
    return frame[["ags", "year", "value"]].astype({"year": int, "value": float})


def _publishers(origin, year, sources):
    if "expr" in origin:
        used = [k for dep in expr_names(origin["expr"]) for k in sources[(dep, year)]]
    else:
        used = [origin_source(origin)]
    return tuple(dict.fromkeys(used))


def indicator_values(ind, values, min_year, max_year=2030, sources=None):
    """Values and per-year origins of one indicator.

    `values` holds the indicators done so far (for expressions); `sources` maps
    (indicator_id, year) to the publishers behind it and is extended here.
    """
    parts, origins = [], []
    sources = {} if sources is None else sources
    for origin in ind.origins:
        first, last = origin.get("years", [min_year, max_year])
        first = max(first, min_year)
        found = False
        for raw, label in _origin_parts(ind, origin, values, first, last):
            frame = _clean(ind, origin, raw)
            if frame.empty:
                continue
            found = True
            clash = set(frame["year"]) & {y for p in parts for y in p["year"]}
            if clash:
                raise IngestError(label, f"origins of {ind.id} overlap in {sorted(clash)}")
            _check_plausible(ind, frame, label)
            parts.append(frame)
            for year in sorted(set(frame["year"])):
                sources[(ind.id, year)] = _publishers(origin, year, sources)
                origins.append(
                    {
                        "indicator_id": ind.id,
                        "year": year,
                        "origin": label,
                        "sources": ",".join(sources[(ind.id, year)]),
                    }
                )
        if not found:
            raise IngestError(
                str(origin.get("expr", origin.get("reader"))),
                f"no values for {ind.id} in {first}–{last}",
                column=ind.id,
            )
    return pd.concat(parts, ignore_index=True), origins


def all_values(catalogue):
    """Kreis values of all indicators in dependency order, plus where each year came from."""
    values, origins, sources = {}, [], {}
    for ind in catalogue.ingest_order():
        values[ind.id], ind_origins = indicator_values(
            ind, values, catalogue.min_year, sources=sources
        )
        origins.extend(ind_origins)
    table = pd.concat([v.assign(indicator_id=k) for k, v in values.items()], ignore_index=True)
    table = table[["ags", "indicator_id", "year", "value"]].sort_values(
        ["indicator_id", "year", "ags"], ignore_index=True
    )
    return table, pd.DataFrame(origins)


def gemeinde_values(catalogue, kreise):
    """Gemeinde values and weights of the Gemeinde-level indicators, for the Kreise some
    region takes only in part: the aggregation averages exactly those Gemeinden."""
    parts = []
    for ind in catalogue:
        for origin in ind.origins:
            if origin.get("reader") != "atlas_gemeinde":
                continue
            args = origin["args"]
            _, table = atlas_gemeinden(
                args["sheet"], args["column"], args["weight_year"], args.get("weight", "population")
            )
            parts.append(
                table[table["ags"].isin(kreise)].assign(indicator_id=ind.id, year=args["year"])
            )
    columns = ["indicator_id", "year", "ags", "gemeinde_ags", "value", "weight"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns].sort_values(columns[:4], ignore_index=True)
