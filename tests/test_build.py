"""The database file: built atomically, opened read-only, rebuilt when missing, stale or
corrupt — never a crash."""

import duckdb
import pytest

from indicators import open_db
from indicators.build import BuildError, build


def _tables(con):
    return {r[0] for r in con.execute("SHOW TABLES").fetchall()}


def test_schema_has_the_documented_tables(con):
    assert _tables(con) >= {
        "kreise",
        "regions",
        "region_members",
        "indicators",
        "kreis_values",
        "region_values",
        "region_overlaps",
        "kreis_value_origins",
        "reference_inkar",
        "sources",
        "weight_years",
        "build_info",
    }
    columns = {r[0] for r in con.execute("DESCRIBE indicators").fetchall()}
    assert columns >= {
        "indicator_id",
        "label_de",
        "label_en",
        "unit",
        "topic",
        "aggregation",
        "numerator",
        "denominator",
        "weight",
        "polarity",
        "source",
        "licence",
        "description_de",
        "description_en",
        "caveats",
        "first_year",
        "last_year",
    }


def test_every_value_is_traceable_to_a_raw_file(con):
    untraced = con.execute("""
        SELECT DISTINCT indicator_id, year FROM kreis_values
        EXCEPT SELECT indicator_id, year FROM kreis_value_origins""").fetchall()
    assert untraced == []
    origin = con.execute(
        "SELECT origin FROM kreis_value_origins WHERE indicator_id = "
        "'gdp_per_capita' AND year = 2021"
    ).fetchone()[0]
    assert origin == "inkar-bbsr/release2024/wirtschaft.parquet (q_bip_ew)"


def test_missing_database_is_built(tmp_path, data_copy):
    db = tmp_path / "regiopole.duckdb"
    with open_db(db, data_copy) as con:
        assert con.execute("SELECT count(*) FROM kreise").fetchone()[0] == 400


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 1000])
def test_corrupt_or_truncated_database_is_rebuilt(tmp_path, data_copy, damage):
    db = tmp_path / "regiopole.duckdb"
    build(db, data_copy)
    db.write_bytes(damage or db.read_bytes()[:4096])  # empty: truncate the real file
    with open_db(db, data_copy) as con:
        assert con.execute("SELECT count(*) FROM regions").fetchone()[0] == 48


def test_database_of_another_schema_is_rebuilt(tmp_path, data_copy):
    db = tmp_path / "regiopole.duckdb"
    with duckdb.connect(str(db)) as other:
        other.execute("CREATE TABLE kreise (x INTEGER)")
    with open_db(db, data_copy) as con:
        assert "build_info" in _tables(con)


def test_stale_database_is_rebuilt_when_data_changes(tmp_path, data_copy):
    db = tmp_path / "regiopole.duckdb"
    build(db, data_copy)
    regions = data_copy / "regions.csv"
    regions.write_text(regions.read_text().replace("Regiopolregion Rostock", "Region Rostock X"))
    with open_db(db, data_copy) as con:
        name = con.execute("SELECT name FROM regions WHERE region_id = 'rostock'").fetchone()[0]
    assert name == "Region Rostock X"


def test_connection_is_read_only(tmp_path, data_copy):
    with (
        open_db(tmp_path / "regiopole.duckdb", data_copy) as con,
        pytest.raises(duckdb.InvalidInputException, match="read-only"),
    ):
        con.execute("DELETE FROM kreise")


def test_build_leaves_no_temporary_files(tmp_path, data_copy):
    build(tmp_path / "regiopole.duckdb", data_copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "regiopole.duckdb"]


def test_missing_curated_data_gives_a_clear_error(tmp_path):
    with pytest.raises(BuildError, match=r"missing or unusable.*no curated tables"):
        open_db(tmp_path / "regiopole.duckdb", tmp_path / "empty")


def test_database_locked_by_another_process_still_opens(tmp_path, data_copy):
    """Another process holds the file open for writing: the app builds a fresh file
    beside it (rename) instead of failing."""
    import subprocess
    import sys
    import time

    db = tmp_path / "regiopole.duckdb"
    build(db, data_copy)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                "print('locked', flush=True); time.sleep(60)"
            ),
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        time.sleep(0.2)
        with open_db(db, data_copy) as con:
            assert con.execute("SELECT count(*) FROM kreise").fetchone()[0] == 400
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_the_app_never_writes_to_the_database():
    """Serve every page; the database file is byte-for-byte unchanged afterwards."""
    import hashlib

    from helpers import open_app

    from indicators.paths import DB_PATH

    open_app()  # builds the file if needed
    before = hashlib.sha256(DB_PATH.read_bytes()).hexdigest()
    for page in ["map", "compare", "ranking", "profile", "trends", "scatter", "methods"]:
        open_app(page)
    assert hashlib.sha256(DB_PATH.read_bytes()).hexdigest() == before
