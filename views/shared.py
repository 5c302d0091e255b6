"""Streamlit glue shared by every page: cached data access, state ↔ URL, common controls.

Pages stay thin: they ask this module for data and for the current state, and draw. All
logic lives in src/indicators (compare, display); this module only adds caching and widgets.
"""

import importlib
import json
import logging
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from indicators import compare, groups, open_db, sentences
from indicators.build import BuildError
from indicators.display import (
    charts,
    exports,
    formatting,
    i18n,
    maps,
    presentations,
    urlstate,
)
from indicators.display.context import Context
from indicators.display.pages import overview, presentation
from indicators.groups import REGIOPOLE_SETS
from indicators.paths import DATA_DIR
from indicators.snapshot import snapshot

# (URL path, file in views/, text key). No icons: with them the last pages of the top
# navigation move into a "2 more" menu at laptop width. The folder is deliberately not
# called pages/:
# Streamlit scans a folder of that name before the entry script runs and then breaks deep
# links (a "Page not found" dialog or the page run without this frame).
# UNUSED since issue 13: the pages are listed in the registry, indicators.display.pages.
PAGES = [
    ("ueberblick", "overview", "page_overview"),
    ("karte", "map", "page_map"),
    ("vergleich", "compare", "page_compare"),
    ("rangliste", "ranking", "page_ranking"),
    ("profil", "profile", "page_profile"),
    ("entwicklung", "trends", "page_trends"),
    ("zusammenhaenge", "scatter", "page_scatter"),
    ("daten", "methods", "page_methods"),
    ("eigene-region", "own_region", "page_own"),
    ("praesentation", "presentation", "page_presentation"),
]


STATE = "view_state"
RUNS = "widget_runs"  # which widgets the last runs drew (see begin_run and bound)
HEADLINES = overview.HEADLINES  # the indicators the overview and every profile lead with


# --- data ------------------------------------------------------------------------------------


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
    s = snap()
    years = {}
    for indicator_id in s.indicators.index:
        present = [
            y
            for y in range(s.first_year, s.first_year + s.cube.shape[2])
            if s.has_year(indicator_id, y)
        ]
        years[indicator_id] = tuple(present)
    kreise = tuple(con().execute("SELECT ags FROM kreise ORDER BY ags").df()["ags"])
    return urlstate.Options(
        tuple(s.indicators.index),
        tuple(s.regions.index),
        years,
        presentations.available(),
        kreise,
    )


@st.cache_resource(show_spinner=False)
def geojson(name, overview=False):
    """A GeoJSON file of data/, shared by all sessions: callers must not modify it.

    overview=True: simplified for a map of all Germany (see maps.simplified)."""
    collection = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return maps.simplified(collection, name == "kreise.geojson") if overview else collection


@st.cache_data(show_spinner=False)
def kreis_values(indicator_id, year):
    return (
        con()
        .execute(
            "SELECT k.ags, k.name, v.value FROM kreise k LEFT JOIN kreis_values v "
            "ON v.ags = k.ags AND v.indicator_id = ? AND v.year = ?",
            [indicator_id, year],
        )
        .df()
    )


@st.cache_data(show_spinner=False)
def table(name):
    """A whole (small) table of the database, e.g. for downloads and the methods page."""
    allowed = {
        "kreise",
        "regions",
        "region_members",
        "indicators",
        "sources",
        "region_overlaps",
        "kreis_value_origins",
        "group_values",
        "region_values",
    }
    if name not in allowed:
        raise ValueError(f"unknown table {name!r}")
    return con().execute(f"SELECT * FROM {name}").df()  # name checked against a fixed set


def context():
    """The view model's context for this run: cached data and engine, the view state."""
    return Context(
        snap(),
        options(),
        state(),
        con,
        call=lambda function, _con, *args, **kwargs: call(_named(function), *args, **kwargs),
        figure=lambda builder, *args, **kwargs: figure(builder.__name__, *args, **kwargs),
        kreise=table("kreise"),
        geojson=geojson,
        keep=keep,
        tables=lambda _con, name: table(name),
        session=st.session_state,
    )


def keep(key, make):
    """A costly result of a view model (a map), made once per `key` (which names all it
    depends on) and shared by all sessions; dropped with the other caches on a data fault."""
    return _kept(key, make)


@st.cache_resource(show_spinner=False, max_entries=64)
def _kept(key, _make):
    return _make()


def absorb_widgets():
    """Before a page's view model is built: the values the user just set in the widgets the
    browser shows (bound() hands back the same values when it draws them). Not on a page's
    first run, whose widgets are seeded from the state instead."""
    if st.session_state.get("page_switched"):
        return
    for name in st.session_state[RUNS]["shown"]:
        key = f"w_{name}"
        if key in st.session_state and name in state():
            value = st.session_state[key]
            state()[name] = None if value == NONE else value


@st.cache_data(show_spinner=False, max_entries=512)
def call(function, *args, **kwargs):
    """A cached call of a function of indicators.compare (results are small DataFrames), or
    of a function(con, *args) of another module named "module:function" (see _named)."""
    module, _, name = function.rpartition(":")
    found = getattr(importlib.import_module(module) if module else compare, name)
    return found(con(), *args, **kwargs)


def _named(function):
    """How call() names a function: compare's by its name, others' with their module."""
    if function.__module__ == compare.__name__:
        return function.__name__
    return f"{function.__module__}:{function.__name__}"


# --- state -----------------------------------------------------------------------------------


def init_state():
    """Read the URL once per session; afterwards the session state is the truth."""
    if STATE not in st.session_state:
        state, invalid, unknown = urlstate.parse(st.query_params.to_dict(), options())
        st.session_state[STATE] = state
        st.session_state["url_notices"] = (invalid, unknown, repr(state))
    return st.session_state[STATE]


def state():
    """The view state (read hundreds of times per run: one lookup on the usual path)."""
    try:
        return st.session_state[STATE]
    except KeyError:
        return init_state()


def lang():
    return state()["lang"]


def t(key, **values):
    return i18n.t(key, lang(), **values)


def write_url(page):
    st.query_params.from_dict(urlstate.serialize(state(), page))


def begin_run():
    """Start of every run, before any widget: the view state; no page switch noted yet.

    Also notes which widgets the browser still shows from earlier runs (see bound): those
    of the last run that finished, or, after a run cut short for a rerun (a click while it
    ran, st.rerun), those of the runs before it as well, since the browser keeps them."""
    st.session_state["page_switched"] = False
    runs = st.session_state.setdefault(RUNS, {"drawn": set(), "shown": set(), "done": True})
    runs["shown"] = runs["drawn"] if runs["done"] else runs["shown"] | runs["drawn"]
    runs["drawn"], runs["done"] = set(), False
    return init_state()


def end_run(page, finished):
    """End of every run: the URL of the view; `finished` is False for a run cut short by a
    rerun (its widgets are still in the browser). Pure bookkeeping first: after st.stop()
    any Streamlit call raises again."""
    if finished:
        st.session_state[RUNS]["done"] = True
    write_url(page)


def stop():
    """End the page here. The URL is written first (Streamlit sends nothing after a stop),
    and the run counts as finished: the browser drops the widgets it did not draw."""
    st.session_state[RUNS]["done"] = True
    write_url(st.session_state["page_now"])
    st.stop()


def enter_page(path):
    """Note whether this run is the first on a newly opened page.

    Streamlit gives a widget on another page a new identity even under the same key, so a
    key kept from the previous page would show the new widget at its default (the map's
    indicator turned into the first one on the ranking page); bound() therefore seeds the
    widgets drawn after this call from the view state on a page's first run. (The entry
    script's own widgets keep their identity and are drawn before it.)"""
    st.session_state["page_switched"] = st.session_state.get("page_now") != path
    st.session_state["page_now"] = path


def show_url_notices():
    """Say which parts of the opening link were ignored, until the user changes the view."""
    invalid, unknown, loaded = st.session_state.get("url_notices", ([], 0, None))
    if loaded != repr(state()):
        return
    if invalid:
        st.warning(t("notice_params", names=", ".join(invalid)), icon="⚠️")
    if unknown:
        st.info(t("notice_unknown_params", n=unknown))


NONE = "–"


def bound(widget, name, label, none_label=None, **kwargs):
    """A widget whose value lives in the view state (and so in the URL).

    The widget's own key is seeded from the state whenever the browser does not show the
    widget yet: when it first appears, on the first run of a page (see enter_page), and
    when the last finished run did not draw it (a page that stopped early, e.g. the
    comparison with one region, or a slider shown as a caption for a single year). The
    browser mounts such a widget at its default, and Streamlit, still holding the old
    value under the key, would not tell it otherwise – the page showed "Bevölkerung" and
    2010 while drawing GDP 2021, and the next click applied them. A seeded key is sent to
    the browser. The widget's value is written back on every run. With `none_label`,
    the first option stands for "none" (state None), which Streamlit itself would show as
    an empty box with an English placeholder.
    """
    key = f"w_{name}"
    if none_label is not None:
        kwargs["options"] = [NONE, *kwargs["options"]]
        shown = kwargs.pop("format_func", str)
        kwargs["format_func"] = lambda v: none_label if v == NONE else shown(v)
    runs = st.session_state[RUNS]
    if (
        name not in runs["shown"]
        or key not in st.session_state
        or st.session_state.get("page_switched")
    ):
        value = state()[name]
        st.session_state[key] = NONE if value is None and none_label is not None else value
    runs["drawn"].add(name)
    value = widget(label, key=key, **kwargs)
    state()[name] = None if value == NONE else value
    return state()[name]


def ensure_choice(name, choices, fallback=None):
    """Reset a state value that the current page cannot offer (e.g. 'all' on the map)."""
    if state()[name] not in choices:
        set_state(name, fallback if fallback is not None else choices[0])


def set_state(name, value):
    """Change a value programmatically (e.g. a fallback), keeping its widget in step."""
    state()[name] = value
    st.session_state[f"w_{name}"] = NONE if value is None else value


def slide():
    """(presentation, slide number, slide) named by the URL state.

    Entering a slide applies its view once, before any widget is drawn (so the dashboard
    calls this ahead of the sidebar); afterwards the slide's widgets can be used live.
    Raises ValueError for a presentation that cannot be loaded.
    """
    deck, number, chosen = presentation.locate(state())
    if st.session_state.get("slide_shown") != (state()["deck"], number):
        for name, value in presentation.slide_view(chosen, options()).items():
            set_state(name, value)
        st.session_state["slide_shown"] = (state()["deck"], number)
    return deck, number, chosen


# --- common controls --------------------------------------------------------------------------


def print_style():
    """Our own static print stylesheet (no data or user input in it): content only, full
    width, when a page is printed or saved as PDF from the browser."""
    st.html(f"<style>{(Path(__file__).with_name('print.css')).read_text()}</style>")


def language_switch():
    bound(
        st.sidebar.segmented_control,
        "lang",
        "Sprache / Language",
        options=list(i18n.LANGUAGES),
        format_func=str.upper,
        required=True,
    )


def group_controls():
    bound(
        st.sidebar.selectbox,
        "set",
        t("regiopole_list"),
        options=list(REGIOPOLE_SETS),
        format_func=lambda s: t(f"set_{s}"),
    )
    bound(st.sidebar.toggle, "outside", t("outside_only"), help=t("outside_help"))


def group_args():
    return {"regiopole_set": state()["set"], "exclude_overlapping": state()["outside"]}


def group_caption():
    """Which regiopole list is compared, and which of its cities share one region."""
    suffix = t("set_outside_suffix") if state()["outside"] else ""
    text = t("set_used", set=t(f"set_{state()['set']}"), outside=suffix)
    listed = groups.regiopole_ids(snap().regions, **group_args(), distinct=False)
    shared = [ids for ids in groups.territories(snap().regions, listed).values() if len(ids) > 1]
    if not shared:
        return text
    cores = snap().regions["core_city"]
    names = [" / ".join(cores[r] for r in ids) for ids in shared]
    return f"{text} " + t(
        "set_shared",
        names=f" {t('and')} ".join(names),
        n=len(listed) - sum(len(ids) - 1 for ids in shared),
    )


def indicator_label(indicator_id):
    info = snap().meta[indicator_id]
    return info["label_de"] if lang() == "de" else info["label_en"]


def unit_label(indicator_id):
    info = snap().meta[indicator_id]
    return info["unit_de"] if lang() == "de" else info["unit"]


def decimals(indicator_id):
    return int(snap().meta[indicator_id]["decimals"])


def formatter(indicator_id):
    """fmt() for many values of one indicator: language, unit and precision looked up once."""
    language, unit, digits = lang(), unit_label(indicator_id), decimals(indicator_id)
    return lambda value: formatting.with_unit(value, unit, language, digits)


def fmt(indicator_id, value):
    return formatting.with_unit(value, unit_label(indicator_id), lang(), decimals(indicator_id))


def number(indicator_id, value):
    """A value without its unit, in the indicator's usual precision."""
    return formatting.number(value, lang(), decimals(indicator_id))


def references(indicator_id, year, summary, kinds=("regiopole", "metropolitan_region")):
    """Reference lines for bar charts: Germany and the group medians, values in the label."""
    medians = summary.set_index("group")["median"]
    lines = [
        (t("germany"), snap().value(indicator_id, year, "de"), charts.COLORS["germany"], "solid")
    ]
    if "regiopole" in kinds:
        lines.append((t("regiopole_median"), medians.iloc[0], charts.COLORS["regiopole"], "dash"))
    if "metropolitan_region" in kinds:
        lines.append(
            (
                t("metropolitan_median"),
                medians["metropolitan_regions"],
                charts.COLORS["metropolitan_region"],
                "dot",
            )
        )
    return [
        (f"{label}: {number(indicator_id, value)}", value, colour, dash)
        for label, value, colour, dash in lines
    ]


def metric_label(indicator_id, year):
    """Card label with the unit, so the big number stays short enough to read."""
    unit = unit_label(indicator_id)
    suffix = "" if unit == "%" else f", {unit}"
    return f"{indicator_label(indicator_id)} ({year}){suffix}"


def metric_value(indicator_id, value):
    unit = unit_label(indicator_id)
    number = formatting.number(value, lang(), decimals(indicator_id))
    return (
        f"{number} %"
        if unit == "%" and lang() == "de"
        else (f"{number}%" if unit == "%" else number)
    )


def delta_text(pct, suffix):
    """Signed percentage for st.metric; an ASCII minus, which Streamlit reads as 'down'."""
    return f"{formatting.percent(pct, lang(), 1, sign=True).replace('−', '-')} {suffix}"


def region_label(region_id):
    if region_id == "de":
        return t("germany")
    return region_names()[region_id]


@st.cache_resource(show_spinner=False)
def region_order():
    """Region ids for pickers: regiopole regions first, then metropolitan regions, by name."""
    regions = snap().regions
    return sorted(
        regions.index, key=lambda r: (regions.loc[r, "kind"] != "regiopole", regions.loc[r, "name"])
    )


@st.cache_resource(show_spinner=False)
def region_names():
    return snap().regions["name"].to_dict()


def regions_select(label, options=None):
    """Multiselect of up to eight regions (state key `regions`), regiopoles listed first."""
    return bound(
        st.multiselect,
        "regions",
        label,
        options=options or region_order(),
        format_func=region_label,
        max_selections=urlstate.MAX_REGIONS,
    )


def indicator_select(name="ind", label=None, topic_order=True):
    """Selectbox over all indicators, labelled in the current language, grouped by topic."""
    ids = list(snap().indicators.index)
    if topic_order:
        topics = snap().indicators["topic"]
        ids = sorted(ids, key=lambda i: list(dict.fromkeys(topics)).index(topics[i]))
    return bound(
        st.selectbox, name, label or t("indicator"), options=ids, format_func=indicator_label
    )


def year_select(indicator_ids, name="year", label=None, container=st):
    """Year slider limited to years all given indicators have; falls back to the latest."""
    years = sorted(set.intersection(*(set(options().years[i]) for i in indicator_ids)))
    if not years:
        years = sorted(options().years[indicator_ids[0]])
    if state()[name] not in years:
        set_state(name, years[-1])
    if len(years) == 1:
        container.caption(f"{label or t('year')}: {years[0]}")
        return years[0]
    return bound(container.select_slider, name, label or t("year"), options=years)


def _sources(indicator_ids, years):
    """(publishers, licences, year span) behind exactly what is shown, each once."""
    rows = [
        row
        for indicator_id in dict.fromkeys(indicator_ids)
        for row in snap().sources_for(indicator_id, years)
    ]
    span = f"{min(years)}–{max(years)}" if len(set(years)) > 1 else f"{years[0]}"
    return (
        "; ".join(dict.fromkeys(r["short"] for r in rows)),
        ", ".join(dict.fromkeys(r["licence"] for r in rows)),
        span,
    )


def source_line(indicator_ids, years):
    """'Quelle: BBSR, INKAR (2021); … Lizenz: dl-de/by-2-0' for exactly what is shown."""
    publishers, licences, span = _sources(indicator_ids, years)
    return f"{t('source')}: {publishers} ({span}). {t('licence')}: {licences}"


def short_source(indicator_ids, years):
    """'BBSR, INKAR, 2021' – publisher and year only, for sentences."""
    publishers, _, span = _sources(indicator_ids, years)
    return f"{publishers}, {span}"


def core_points(region_ids):
    """Name, lon, lat of each region's (first) core city, indexed by region id."""
    regions = snap().regions.loc[list(region_ids)]
    kreise = table("kreise").set_index("ags")
    core_ags = [a.split(";")[0] for a in regions["core_ags"]]
    return pd.DataFrame(
        {
            "name": [c.split(";")[0] for c in regions["core_city"]],
            "lon": kreise.loc[core_ags, "lon"].to_numpy(),
            "lat": kreise.loc[core_ags, "lat"].to_numpy(),
        },
        index=regions.index,
    )


def row_id(ranked, region_id):
    """The region_id of the row of a frame of compare.ranking that stands for a region (its
    own or its shared territory's), None if there is none."""
    position = sentences.ranked_row(ranked, region_id)
    return None if position is None else ranked["region_id"].iloc[position]


def in_ranking(ranked, region_id):
    return row_id(ranked, region_id) is not None


def rank_sentence(ranked, region_id, kind, indicator_id, year, name=None):
    """The citable sentence for one region in a frame of compare.ranking; `name`: the name
    to use instead of the region's own (the ranking's row naming every shared core)."""
    rank, n, tied = sentences.rank_facts(ranked, region_id)
    value = snap().value(indicator_id, year, region_id)
    return sentences.rank_sentence(
        lang(),
        year=year,
        indicator=indicator_label(indicator_id),
        region=name or region_label(region_id),
        value=fmt(indicator_id, value),
        rank=rank,
        n=n,
        tied=tied,
        kind=kind,
        polarity=snap().meta[indicator_id]["polarity"],
        source=short_source([indicator_id], [year]),
        note=snap().meta[indicator_id][f"ranking_note_{lang()}"],
    )


def change_sentence(indicator_id, region_id, start, end, name=None):
    s = snap()
    before, after = (s.value(indicator_id, y, region_id) for y in (start, end))
    pct = 100 * (after - before) / before if before else float("nan")
    return sentences.change_sentence(
        lang(),
        indicator=indicator_label(indicator_id),
        region=name or region_label(region_id),
        start=start,
        end=end,
        before=None if before != before else fmt(indicator_id, before),
        after=None if after != after else fmt(indicator_id, after),
        pct=None if pct != pct else formatting.percent(pct, lang(), 1, sign=True),
        breaks=[
            (b["year"], b[lang()]) for b in json.loads(s.meta[indicator_id].get("breaks") or "[]")
        ],
        source=short_source([indicator_id], [start, end]),
    )


def sentence(text):
    """A citable sentence with a copy button (the code block's own)."""
    st.caption(t("sentence_label"))
    st.code(text, language=None, wrap_lines=True)


def break_marks(indicator_id):
    """(year, label) of each statistical break of an indicator, for charts."""
    return [(year, t("break_marker")) for year in snap().meta[indicator_id]["break_years"]]


def indicator_notes(indicator_ids):
    """Definition and caveats of each indicator beside its chart or table, so that whoever
    quotes a figure sees its limits there (e.g. students counted at the seat of a
    distance-learning university), not only on the methods page."""
    de = lang() == "de"
    for indicator_id in dict.fromkeys(indicator_ids):
        meta = snap().meta[indicator_id]
        if meta[f"ranking_note_{lang()}"]:
            st.caption("⚠️ " + meta[f"ranking_note_{lang()}"])
        with st.expander(t("indicator_notes", indicator=indicator_label(indicator_id))):
            st.caption(f"{t('description')}: " + meta["description_de" if de else "description_en"])
            st.caption(f"{t('caveats')}: " + meta["caveats_de" if de else "caveats"])


def download(frame, stem, key, label=None, indicators=None, notes=True):
    """CSV and Excel downloads of exactly the data shown, generated only when clicked.

    The workbook's second sheet describes the indicators (`indicators`, or the frame's
    column indicator_id) with their sources and licences. Indicators named explicitly also
    get their definition and caveats on the page (`notes`)."""
    language = lang()
    if indicators is not None and notes:
        indicator_notes(indicators)
    if indicators is None:
        indicators = list(frame["indicator_id"].unique()) if "indicator_id" in frame else []
    left, right = st.columns([1, 1], width=420)
    left.download_button(
        label or t("download_csv"),
        lambda: exports.csv_bytes(frame, language),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=key,
        icon="⬇️",
    )
    note = i18n.t("export_note", language, date=formatting.today(language))
    right.download_button(
        t("download_xlsx"),
        lambda: exports.excel_bytes(
            frame,
            exports.metadata(snap(), indicators, language),
            (i18n.t("sheet_data", language), i18n.t("sheet_meta", language)),
            note,
        ),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        icon="⬇️",
    )


def figure(builder, *args, **kwargs):
    """A chart by a function of indicators.display.charts (named, e.g. "bar_chart"), built
    once per distinct input and day (the date is printed in it) and frozen: building and
    validating a Plotly figure costs ~0.1 s, and a page has up to three."""
    return _built(formatting.today(), builder, args, kwargs)


@st.cache_resource(show_spinner=False, max_entries=256)
def _built(day, builder, args, kwargs):
    return charts.FrozenFigure(getattr(charts, builder)(*args, **kwargs)).freeze()


def chart(fig, frame, stem, key, indicators=None, notes=True):
    """A Plotly chart (its camera button saves a PNG with title, source and date) followed
    by the notes on its indicators and the downloads of the data it shows."""
    st.plotly_chart(fig, key=f"chart_{key}", config=chart_config(stem))
    download(frame, stem, key=f"dl_{key}", indicators=indicators, notes=notes)


def chart_config(stem):
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": stem, "scale": 2},
    }


def styled(frame, digits):
    """A table whose numbers use the language's separators but still sort as numbers.

    digits: column -> number of decimals. (No `decimal=`/`thousands=` here: pandas would
    apply them again to the formatter's output and swap the separators back.)
    """
    language = lang()
    return frame.style.format(
        {c: (lambda v, d=d: formatting.number(v, language, d)) for c, d in digits.items()},
        na_rep=formatting.MISSING,
    )


def stop_with(message):
    """A friendly stop when inputs are missing (never a traceback)."""
    st.info(message)
    stop()


def value_frame(region_ids, indicator_id, year):
    s = snap()
    return pd.DataFrame(
        {
            "region_id": region_ids,
            "name": [region_label(r) for r in region_ids],
            "kind": [
                s.regions.loc[r, "kind"] if r in s.regions.index else "germany" for r in region_ids
            ],
            "value": s.values(indicator_id, year, region_ids).to_numpy(),
        }
    )
