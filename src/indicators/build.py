"""Build data/regiopole.duckdb from the curated tables in data/ (`python -m indicators.build`).

The database is a public contract (the app, the tests and analysts with the DuckDB CLI
read it), so its schema is fixed here and documented in the README. The file is written
under a temporary name and renamed when complete: a reader never sees half a database.
"""

import hashlib
import json
import os
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd

from indicators import catalogue as catalogue_module
from indicators import groups
from indicators.aggregation import aggregate, weight_years
from indicators.groups import GERMANY
from indicators.paths import CATALOGUE_PATH, DATA_DIR, DB_PATH

SCHEMA_VERSION = 4
INPUT_FILES = (
    "kreise.csv",
    "regions.csv",
    "region_members.csv",
    "region_member_gemeinden.csv",
    "kreis_values.parquet",
    "gemeinde_values.parquet",
    "value_origins.csv",
    "reference_inkar.csv",
)


class BuildError(RuntimeError):
    """The curated data in data/ is missing or unreadable."""


def data_fingerprint(data_dir=DATA_DIR):
    """Hash of everything the database is built from; a changed input means a stale file."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    for path in [*(Path(data_dir) / n for n in INPUT_FILES), CATALOGUE_PATH]:
        if not path.exists():
            raise BuildError(
                f"{path} is missing: run `python -m indicators.ingest` "
                "(needs ../shared/data) or restore it from git"
            )
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_inputs(data_dir):
    read = {"dtype": {"ags": str, "core_ags": str}, "keep_default_na": True}
    return {
        "kreise": pd.read_csv(data_dir / "kreise.csv", **read),
        "regions": pd.read_csv(data_dir / "regions.csv", **read),
        "region_members": pd.read_csv(data_dir / "region_members.csv", **read),
        "region_member_gemeinden": pd.read_csv(
            data_dir / "region_member_gemeinden.csv", dtype={"ags": str, "gemeinde_ags": str}
        ),
        "kreis_values": pd.read_parquet(data_dir / "kreis_values.parquet"),
        "gemeinde_values": pd.read_parquet(data_dir / "gemeinde_values.parquet"),
        "kreis_value_origins": pd.read_csv(data_dir / "value_origins.csv"),
        "reference_inkar": pd.read_csv(data_dir / "reference_inkar.csv"),
    }


def _create_tables(con, tables, catalogue):
    for name, frame in tables.items():
        con.register("frame", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
        con.unregister("frame")
    con.register("meta", pd.DataFrame(catalogue.metadata_rows()))
    con.execute("""
        CREATE TABLE indicators AS
        SELECT m.*, y.first_year, y.last_year
        FROM meta m LEFT JOIN (
            SELECT indicator_id, min(year) AS first_year, max(year) AS last_year
            FROM kreis_values GROUP BY indicator_id) y USING (indicator_id)
    """)
    con.unregister("meta")
    sources = pd.DataFrame([{"source_id": k, **v} for k, v in catalogue.sources.items()])
    con.register("src", sources)
    con.execute("CREATE TABLE sources AS SELECT * FROM src")
    con.unregister("src")


def _create_region_values(con):
    con.register("wy", weight_years(con))
    con.execute("CREATE TABLE weight_years AS SELECT * FROM wy")
    con.unregister("wy")
    members = con.execute(
        """
        SELECT region_id AS group_id, ags, share, area_share FROM region_members
        UNION ALL SELECT ?, ags, 1.0, 1.0 FROM kreise
    """,
        [GERMANY],
    ).df()
    gemeinden = con.execute(
        "SELECT region_id AS group_id, ags, gemeinde_ags FROM region_member_gemeinden"
    ).df()
    values = aggregate(con, members, gemeinden).rename(columns={"group_id": "region_id"})
    con.register("rv", values)
    con.execute("CREATE TABLE region_values AS SELECT * FROM rv")
    con.unregister("rv")


def _create_group_values(con):
    """Each comparison group taken as one region, for every regiopole list and the switch."""
    regions = con.execute("SELECT * FROM regions").df()
    unions = {g: groups.union(con, groups.member_ids(regions, g)) for g in groups.standard_groups()}
    members = pd.concat([kreise.assign(group_id=g) for g, (kreise, _) in unions.items()])
    gemeinden = pd.concat([parts.assign(group_id=g) for g, (_, parts) in unions.items()])
    con.register("gv", aggregate(con, members, gemeinden))
    con.execute("CREATE TABLE group_values AS SELECT * FROM gv")
    con.unregister("gv")


def _create_overlaps(con, reference_year):
    """Where a regiopole region shares Kreise with a metropolitan region, and how much."""
    con.execute(
        """
        CREATE TABLE region_overlaps AS
        WITH pop AS (SELECT ags, value FROM kreis_values
                     WHERE indicator_id = 'population' AND year = ?),
        rp AS (SELECT m.region_id, m.ags, m.share * p.value AS people
               FROM region_members m JOIN regions r USING (region_id) JOIN pop p USING (ags)
               WHERE r.kind = 'regiopole'),
        mr AS (SELECT m.region_id, m.ags FROM region_members m JOIN regions r USING (region_id)
               WHERE r.kind = 'metropolitan_region'),
        total AS (SELECT region_id, sum(people) AS people FROM rp GROUP BY region_id)
        SELECT rp.region_id, mr.region_id AS metropolitan_region_id,
               count(*) AS shared_kreise,
               round(sum(rp.people) / any_value(total.people), 4) AS population_share
        FROM rp JOIN mr USING (ags) JOIN total ON total.region_id = rp.region_id
        GROUP BY rp.region_id, mr.region_id
        ORDER BY rp.region_id, population_share DESC
    """,
        [reference_year],
    )


def build(db_path=DB_PATH, data_dir=DATA_DIR):
    """Write a fresh database; returns its path. Raises BuildError if data/ is unusable."""
    db_path, data_dir = Path(db_path), Path(data_dir)
    fingerprint = data_fingerprint(data_dir)
    catalogue = catalogue_module.load()
    try:
        tables = _read_inputs(data_dir)
    except (OSError, ValueError) as exc:
        raise BuildError(f"cannot read the curated tables in {data_dir}: {exc}") from exc
    tmp = db_path.with_name(f"{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(tmp)) as con:
            con.execute("SET enable_progress_bar = false")
            _create_tables(con, tables, catalogue)
            _create_region_values(con)
            _create_group_values(con)
            _create_overlaps(con, catalogue.reference_year)
            con.execute(
                "CREATE TABLE build_info AS SELECT ? AS schema_version, "
                "? AS data_fingerprint, CAST(current_timestamp AS TIMESTAMP) AS built_at",
                [SCHEMA_VERSION, fingerprint],
            )
            con.execute("CHECKPOINT")
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return db_path


def main():
    start = time.perf_counter()
    try:
        path = build()
    except BuildError as exc:
        print(f"Build failed: {exc}", file=sys.stderr)
        return 1
    with duckdb.connect(str(path), read_only=True) as con:
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("kreise", "regions", "indicators", "kreis_values", "region_values")
        }
    print(f"Built {path} in {time.perf_counter() - start:.2f} s: {json.dumps(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
