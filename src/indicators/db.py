"""Open the database read-only, building it first when it is missing, stale or corrupt.

Callers never deal with the file's state: a fresh clone, a changed catalogue or a damaged
file all end in a working read-only connection (or a BuildError saying what to do).
"""

import duckdb

from indicators.build import BuildError, build, data_fingerprint
from indicators.paths import DATA_DIR, DB_PATH


def _current_fingerprint(con):
    try:
        return con.execute("SELECT data_fingerprint FROM build_info").fetchone()[0]
    except duckdb.Error:
        return None  # not our schema: treat like a corrupt file


def open_db(db_path=DB_PATH, data_dir=DATA_DIR):
    """Read-only DuckDB connection to an up-to-date database."""
    try:
        expected = data_fingerprint(data_dir)
    except BuildError:
        expected = None  # no curated data here: use the database as it is, if it opens
    if db_path.exists():
        try:
            con = duckdb.connect(str(db_path), read_only=True)
        except duckdb.Error:
            con = None
        if con is not None:
            found = _current_fingerprint(con)
            if found is not None and (expected is None or found == expected):
                return con
            con.close()
    if expected is None:
        raise BuildError(
            f"{db_path} is missing or unusable and {data_dir} has no curated "
            "tables to rebuild it from"
        )
    build(db_path, data_dir)
    return duckdb.connect(str(db_path), read_only=True)
