"""Cached data for the app: one read-only connection, the snapshot, what is valid, whole
small tables, engine results, figures and maps – shared by all sessions, and all dropped
together when the database breaks so the next run reopens it without a restart."""

import logging

import duckdb
import streamlit as st

from indicators import open_db
from indicators.build import BuildError
from indicators.display import charts, formatting, i18n
from indicators.display.context import Context, options_for, read_geojson, read_table
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
    """A GeoJSON file, read once and shared by all sessions (see context.read_geojson)."""
    return read_geojson(name, overview)


@st.cache_data(show_spinner=False)
def table(name):
    """A whole (small) table of the database, e.g. for downloads and the methods page."""
    return read_table(con, name)


@st.cache_resource(show_spinner=False)
def kreise():
    """The Kreis table, one shared frame (read-only for its callers): no copy per rerun."""
    return read_table(con, "kreise")


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
    return charts.frozen(_builder(*args, **kwargs))


def context(view_state):
    """The view model's context for this run: the cached data and engine, and the view state."""
    return Context(
        snap(),
        options(),
        view_state,
        con,
        call=lambda function, _con, *args, **kwargs: call(function, *args, **kwargs),
        figure=figure,
        kreise=kreise(),
        geojson=geojson,
        keep=keep,
        tables=lambda _con, name: table(name),
        session=st.session_state,
    )
