"""Shared fixtures: the real database and a private copy of the curated data."""

import shutil

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from indicators import build, open_db, paths


@pytest.fixture(scope="session")
def con():
    connection = open_db()
    yield connection
    connection.close()


@pytest.fixture
def deferred_downloads(monkeypatch):
    """File name -> the callable behind a download button (the last one drawn), which
    Streamlit calls when the button is clicked (AppTest cannot click it)."""
    found = {}
    add = MediaFileManager.add_deferred

    def recorded(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        found[file_name] = data_callable
        return add(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recorded)
    return found


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of the curated tables, for tests that build or break databases."""
    target = tmp_path / "data"
    target.mkdir()
    for name in build.INPUT_FILES:
        shutil.copy(paths.DATA_DIR / name, target / name)
    return target


@pytest.fixture
def small_app(tmp_path, monkeypatch):
    """The app on the small fixture database (tests/small_data.py); yields its connection."""
    import small_data

    folder = small_data.make(tmp_path / "small")
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    monkeypatch.setattr(paths, "DB_PATH", folder / "regiopole.duckdb")
    small_data.clear_app_caches()
    connection = open_db()
    yield connection
    connection.close()
    small_data.clear_app_caches()


@pytest.fixture(scope="session")
def plain(con):
    """(snapshot, options, kreise) as the app builds them, without its caches."""
    from indicators.display.context import options_for
    from indicators.snapshot import snapshot

    kreise = con.execute("SELECT * FROM kreise ORDER BY ags").df()
    snap = snapshot(con)
    return snap, options_for(snap, kreise["ags"]), kreise
