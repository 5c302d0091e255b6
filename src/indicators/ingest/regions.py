"""Region definitions: the 12 IKM metropolitan regions and the 36 regiopole candidates.

The definitions themselves were researched and documented in shared/data/regions
(SOURCES.md); here we only check them against the 400 Kreise and reshape them.
"""

import tomllib
from pathlib import Path

import pandas as pd

from indicators import paths
from indicators.ingest.errors import IngestError
from indicators.ingest.territory import kreise_2022

REGION_COLUMNS = [
    "region_id",
    "name",
    "type",
    "core_city",
    "core_kreis_ags",
    "states",
    "network_member",
    "in_regiostar_2018",
    "in_aring_reuther_2008",
    "in_metropolitan_region",
    "definition_status",
    "source",
]
MEMBER_COLUMNS = ["region_id", "kreis_ags", "share", "note"]
KINDS = {"regiopole", "metropolitan_region"}
# How each region was delineated, in our words (de/en), with its own or an official source.
NOTES_PATH = Path(__file__).with_name("region_notes.toml")
NOT_A_SOURCE = ("wiki", "grokipedia", "de-academic", "askwikinow")  # encyclopedias, mirrors


def load_notes(region_ids):
    """{region_id: {de, en, source}} for every region; stops on a missing note or an
    encyclopedia (or a mirror of one) cited as the source."""
    notes = tomllib.loads(NOTES_PATH.read_text(encoding="utf-8"))
    for region_id in region_ids:
        note = notes.get(region_id, {})
        for field in ("de", "en", "source"):
            if not str(note.get(field, "")).strip():
                raise IngestError(NOTES_PATH, f"region {region_id!r} has no {field!r} note")
        if any(bad in note["source"].lower() for bad in NOT_A_SOURCE):
            raise IngestError(NOTES_PATH, f"region {region_id!r} cites an encyclopedia")
    return notes


def _read(name, columns):
    path = paths.REGIONS_DIR / name
    if not path.exists():
        raise IngestError(path, "file not found")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in columns:
        if column not in frame.columns:
            raise IngestError(path, "expected column is missing (renamed?)", column=column)
    return path, frame


def _flag(series):
    """true/false for regiopoles; empty (not applicable) for metropolitan regions."""
    return series.map({"true": True, "false": False, "": None}).astype("boolean")


def load_regions():
    path, raw = _read("regions.csv", REGION_COLUMNS)
    if raw["region_id"].duplicated().any():
        row = raw["region_id"].duplicated().idxmax()
        raise IngestError(
            path, f"duplicate region_id {raw.loc[row, 'region_id']!r}", "region_id", row
        )
    bad = ~raw["type"].isin(KINDS)
    if bad.any():
        raise IngestError(
            path, f"unknown type {raw.loc[bad.idxmax(), 'type']!r}", "type", bad.idxmax()
        )
    notes = load_notes(raw["region_id"])
    return pd.DataFrame(
        {
            "region_id": raw["region_id"],
            "name": raw["name"],
            "kind": raw["type"],
            "core_city": raw["core_city"],
            "core_ags": raw["core_kreis_ags"],
            "states": raw["states"],
            "network_member": _flag(raw["network_member"]),
            "in_regiostar_2018": _flag(raw["in_regiostar_2018"]),
            "in_aring_reuther_2008": _flag(raw["in_aring_reuther_2008"]),
            "in_metropolitan_region": raw["in_metropolitan_region"].replace("", None),
            "definition": raw["definition_status"],
            "source": [notes[r]["source"] for r in raw["region_id"]],
            "note_de": [notes[r]["de"] for r in raw["region_id"]],
            "note_en": [notes[r]["en"] for r in raw["region_id"]],
        }
    )


def load_members(regions, gemeinden):
    path, raw = _read("region_members.csv", MEMBER_COLUMNS)
    valid = kreise_2022().index
    for row, record in raw.iterrows():
        if record["region_id"] not in set(regions["region_id"]):
            raise IngestError(path, f"unknown region {record['region_id']!r}", "region_id", row)
        if record["kreis_ags"] not in valid:
            raise IngestError(path, f"unknown Kreis key {record['kreis_ags']!r}", "kreis_ags", row)
    members = pd.DataFrame(
        {
            "region_id": raw["region_id"],
            "ags": raw["kreis_ags"],
            "share": pd.to_numeric(raw["share"], errors="coerce"),
            "note": raw["note"].replace("", None),
        }
    )
    bad = ~members["share"].between(0, 1, inclusive="right")
    if bad.any():
        raise IngestError(
            path,
            f"share must be in (0, 1], found {raw.loc[bad.idxmax(), 'share']!r}",
            "share",
            bad.idxmax(),
        )
    dup = members.duplicated(["region_id", "ags"])
    if dup.any():
        raise IngestError(path, "Kreis listed twice for the same region", "kreis_ags", dup.idxmax())
    members = _with_gemeinde_shares(members, gemeinden)
    missing = set(regions["region_id"]) - set(members["region_id"])
    if missing:
        raise IngestError(path, f"region without members: {sorted(missing)[0]}", "region_id")
    return members


def member_gemeinden():
    """Gemeinden behind every partly included Kreis, with their shares of that Kreis.

    Needed to merge regions without counting a Gemeinde twice (Verl belongs to both the
    Bielefeld and the Paderborn region).
    """
    path, parts = _read("partial_kreis_gemeinden.csv", ["region_id", "kreis_ags", "gemeinde_ags"])
    _, gemeinden = _read(
        "gemeinden_2022.csv", ["gemeinde_ags", "kreis_ags", "population_2022_12_31", "area_km2"]
    )
    gemeinden = gemeinden.astype({"population_2022_12_31": float, "area_km2": float})
    totals = gemeinden.groupby("kreis_ags")[["population_2022_12_31", "area_km2"]].transform("sum")
    gemeinden = gemeinden.assign(
        share=gemeinden["population_2022_12_31"] / totals["population_2022_12_31"],
        area_share=gemeinden["area_km2"] / totals["area_km2"],
    )
    listed = parts.merge(gemeinden, on=["gemeinde_ags", "kreis_ags"], how="left")
    unknown = listed["share"].isna()
    if unknown.any():
        row = unknown.idxmax()
        raise IngestError(
            path, f"unknown Gemeinde {listed.loc[row, 'gemeinde_ags']!r}", "gemeinde_ags", row
        )
    return listed.rename(columns={"kreis_ags": "ags"})[
        ["region_id", "ags", "gemeinde_ags", "share", "area_share"]
    ]


def _with_gemeinde_shares(members, gemeinden):
    """Exact population and area shares of partly included Kreise, from their Gemeinden.

    regions.csv rounds the population share to three digits; area needs a share of its own
    (a region's area is not its population share of the Kreis area).
    """
    shares = gemeinden.groupby(["region_id", "ags"])[["share", "area_share"]].sum()
    members = members.assign(area_share=members["share"])
    for (region_id, ags), row in shares.iterrows():
        hit = (members["region_id"] == region_id) & (members["ags"] == ags)
        stated = members.loc[hit, "share"]
        if stated.empty or abs(stated.iloc[0] - row["share"]) > 0.0006:
            raise IngestError(
                paths.REGIONS_DIR / "partial_kreis_gemeinden.csv",
                f"Gemeinden of {region_id}/{ags} give a population share of "
                f"{row['share']:.4f}, region_members.csv says {stated.tolist()}",
                "share",
            )
        members.loc[hit, "share"] = row["share"]
        members.loc[hit, "area_share"] = row["area_share"]
    return members


def kreise_table(points):
    """The 400 Kreise with name, Land, type, NUTS-3, area (31.12.2022) and a label point."""
    k = kreise_2022().reset_index()
    return pd.DataFrame(
        {
            "ags": k["kreis_ags"],
            "name": k["kreis_name"],
            "state": k["state_code"],
            "state_name": k["state_name"],
            "kreis_type": k["kreis_type"],
            "nuts3": k["nuts3"],
            "area_km2": k["area_km2"].astype(float),
            "lon": k["kreis_ags"].map(lambda a: points[a][0]),
            "lat": k["kreis_ags"].map(lambda a: points[a][1]),
        }
    )
