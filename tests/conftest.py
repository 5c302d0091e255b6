"""Shared fixtures: the real database and a private copy of the curated data."""

import shutil

import pytest

from indicators import build, open_db, paths


@pytest.fixture(scope="session")
def con():
    connection = open_db()
    yield connection
    connection.close()


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of the curated tables, for tests that build or break databases."""
    target = tmp_path / "data"
    target.mkdir()
    for name in build.INPUT_FILES:
        shutil.copy(paths.DATA_DIR / name, target / name)
    return target
