"""A database that vanishes, breaks or is replaced while the app serves it: a clear message
without server paths or SQL, and recovery without a restart."""

import os

import duckdb
import pytest
import streamlit as st
from helpers import open_app

from indicators import build, db, paths


@pytest.fixture
def served_from(tmp_path, monkeypatch):
    """Point the app at a database and data folder of the test's own, with no connection,
    table or figure cached from elsewhere (before and after)."""

    def point(db_path, data_dir):
        monkeypatch.setattr(paths, "DB_PATH", db_path)
        monkeypatch.setattr(paths, "DATA_DIR", data_dir)

    st.cache_resource.clear()
    st.cache_data.clear()
    yield point
    st.cache_resource.clear()
    st.cache_data.clear()


def _broken(path):
    """A file open_db accepts (it has build_info and no data to compare with) but whose
    tables are missing, as when a copy was cut short."""
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE build_info AS SELECT 'x' AS data_fingerprint")


def test_vanished_database_file_is_rebuilt_for_the_download(
    tmp_path, data_copy, served_from, deferred_downloads
):
    """The "DuckDB-Datei" download failed silently when the file had gone."""
    target = tmp_path / "regiopole.duckdb"
    build.build(target, data_copy)
    served_from(target, data_copy)
    open_app("methods")
    target.unlink()
    data = deferred_downloads["regiopole.duckdb"]()
    assert data[8:12] == b"DUCK" and target.exists()


def test_file_bytes_names_what_is_missing(tmp_path):
    with pytest.raises(build.BuildError, match="no curated tables"):
        db.file_bytes(tmp_path / "gone.duckdb", tmp_path / "no-data")


def test_broken_database_message_then_recovery_without_restart(tmp_path, data_copy, served_from):
    target = tmp_path / "regiopole.duckdb"
    _broken(target)
    served_from(target, tmp_path / "no-data")
    at = open_app()
    message = " ".join(e.value for e in at.error)
    assert "Die Daten können gerade nicht gelesen werden" in message
    assert "cannot be read" in message
    for leak in (str(tmp_path), "SELECT", "kreise", "Catalog"):
        assert leak not in message
    good = tmp_path / "good.duckdb"
    build.build(good, data_copy)
    os.replace(good, target)  # the operator puts a good file in place
    at = open_app("methods")
    assert not at.error and at.title[0].value == "Daten & Methodik"
