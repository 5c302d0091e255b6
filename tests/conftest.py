"""Shared fixtures: the real database, and a switch for tests that need the raw files."""

import shutil

import pytest

from indicators import build, open_db, paths

HAS_RAW = (paths.RAW_DIR / "MANIFEST.md").exists()
needs_raw = pytest.mark.skipif(not HAS_RAW, reason="needs ../shared/data/raw")


@pytest.fixture(scope="session")
def con():
    connection = open_db()
    yield connection
    connection.close()


def scalar(con, sql, *params):
    row = con.execute(sql, list(params)).fetchone()
    return None if row is None else row[0]


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of the curated tables, for tests that build or break databases."""
    target = tmp_path / "data"
    target.mkdir()
    for name in build.INPUT_FILES:
        shutil.copy(paths.DATA_DIR / name, target / name)
    return target
