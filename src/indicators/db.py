"""Open the database read-only, building it first when it is missing, stale or corrupt.

Callers never deal with the file's state: a fresh clone, a changed catalogue or a damaged
file all end in a working read-only connection (or a BuildError saying what to do).
"""

import duckdb

from indicators import paths
from indicators.build import BuildError, build, data_fingerprint


def _current_fingerprint(con):
    try:
        return con.execute("SELECT data_fingerprint FROM build_info").fetchone()[0]
    except duckdb.Error:
        return None  # not our schema: treat like a corrupt file


def open_db(db_path=None, data_dir=None):
    """Read-only DuckDB connection to an up-to-date database. The default places are looked
    up on each call (paths.DB_PATH, paths.DATA_DIR), so that a test can move them."""
    db_path, data_dir = db_path or paths.DB_PATH, data_dir or paths.DATA_DIR
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


def file_bytes(db_path=None, data_dir=None):
    """The database file for a download. A file that vanished or broke while the app served
    it (from a connection opened earlier) is rebuilt first; BuildError if it cannot be."""
    open_db(db_path, data_dir).close()
    return (db_path or paths.DB_PATH).read_bytes()
