"""Cached data for the app: one read-only connection, the snapshot, what is valid, whole
small tables, engine results, figures and maps – shared by all sessions, and all dropped
together when the database breaks so the next run reopens it without a restart."""

import json
import logging

import duckdb
import streamlit as st

from indicators import open_db
from indicators.build import BuildError
from indicators.display import charts, formatting, i18n, maps
from indicators.display.context import TABLES, options_for
from indicators.paths import DATA_DIR
from indicators.snapshot import snapshot

# A database that cannot be read: broken, replaced or gone while the app serves it.
DATA_FAULTS = (BuildError, duckdb.Error, OSError)


_LOG = logging.getLogger(__name__)


def _close(connection):
    """A new duckdb.connect() to a path joins the database instance still open there, so a
    broken or replaced file stays in use until its last connection is closed."""
    connection.close()


@st.cache_resource(show_spinner=False, on_release=_close)
def _connection():
    return open_db()


def data_fault(error):
    """Say plainly, in both languages, that the data cannot be read; the details, which name
    server paths or SQL, go to the server log only. Every cached connection, table and figure
    is dropped, so the next run opens the file afresh (rebuilt or replaced) without a
    restart: a cached connection would keep reading the broken file."""
    _LOG.warning("database fault: %s: %s", type(error).__name__, error)
    st.cache_resource.clear()
    st.cache_data.clear()
    st.error(i18n.t("db_error", "de") + "\n\n" + i18n.t("db_error", "en"))


def con():
    """A cursor of the shared read-only connection (cursors are safe across threads)."""
    return _connection().cursor()


@st.cache_resource(show_spinner=False)
def snap():
    """The in-memory view of the database; the file does not change while the app serves
    it (read-only), so one per process."""
    return snapshot(con())


@st.cache_resource(show_spinner=False)
def options():
    kreise = con().execute("SELECT ags FROM kreise ORDER BY ags").df()["ags"]
    return options_for(snap(), kreise)


@st.cache_resource(show_spinner=False)
def geojson(name, overview=False):
    """A GeoJSON file of data/, shared by all sessions: callers must not modify it.

    overview=True: simplified for a map of all Germany (see maps.simplified)."""
    collection = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return maps.simplified(collection, name == "kreise.geojson") if overview else collection


@st.cache_data(show_spinner=False)
def table(name):
    """A whole (small) table of the database, e.g. for downloads and the methods page."""
    allowed = TABLES
    if name not in allowed:
        raise ValueError(f"unknown table {name!r}")
    return con().execute(f"SELECT * FROM {name}").df()  # name checked against a fixed set


def keep(key, make):
    """A costly result of a view model (a map), made once per `key` (which names all it
    depends on) and shared by all sessions; dropped with the other caches on a data fault."""
    return _kept(key, make)


@st.cache_resource(show_spinner=False, max_entries=64)
def _kept(key, _make):
    return _make()


def call(function, *args, **kwargs):
    """A cached call of `function(con, *args)` (a function of indicators.compare or another
    engine module; results are small DataFrames). The cache keys it by its qualified name."""
    return _called(f"{function.__module__}.{function.__qualname__}", function, *args, **kwargs)


@st.cache_data(show_spinner=False, max_entries=512)
def _called(key, _function, *args, **kwargs):  # `key` stands for the unhashed function
    return _function(con(), *args, **kwargs)


def figure(builder, *args, **kwargs):
    """A chart by a builder of indicators.display (e.g. charts.bar_chart), built once per
    distinct input and day (the date is printed in it) and frozen: building and validating a
    Plotly figure costs ~0.1 s, and a page has up to three."""
    key = f"{builder.__module__}.{builder.__qualname__}"
    return _built(formatting.today(), key, builder, args, kwargs)


@st.cache_resource(show_spinner=False, max_entries=256)
def _built(day, key, _builder, args, kwargs):  # `key` stands for the unhashed builder
    return charts.FrozenFigure(_builder(*args, **kwargs)).freeze()
