"""The view state and the URL, and the widgets bound to them: the state is read from the
link once per session, every bound widget writes into it, and every run writes it back to
the URL, so any view can be bookmarked and shared."""

import streamlit as st

from indicators.display import i18n, urlstate
from indicators.display.pages import MISSING, presentation
from indicators.groups import REGIOPOLE_SETS
from views import cache

STATE = "view_state"


RUNS = "widget_runs"  # which widgets the last runs drew (see begin_run and bound)


NONE = "–"


def init_state():
    """Read the URL once per session; afterwards the session state is the truth."""
    if STATE not in st.session_state:
        params = st.query_params.to_dict()
        missing = params.pop(MISSING, None)  # an unknown page path (serve.py redirects it)
        state, invalid, unknown = urlstate.parse(params, cache.options())
        st.session_state[STATE] = state
        raw = {name: params[name] for name in invalid}  # shown as typed, as plain text
        if missing is not None:
            raw = {MISSING: missing, **raw}
        st.session_state["url_notices"] = (raw, unknown, repr(state))
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
    """Note whether this run is the first on a newly opened page (or in a new language,
    see language_switch).

    Streamlit gives a widget on another page a new identity even under the same key, so a
    key kept from the previous page would show the new widget at its default (the map's
    indicator turned into the first one on the ranking page); bound() therefore seeds the
    widgets drawn after this call from the view state on a page's first run. (The entry
    script's own widgets keep their identity and are drawn before it.)"""
    switched = st.session_state.get("page_now") != path
    st.session_state["page_switched"] = st.session_state["page_switched"] or switched
    st.session_state["page_now"] = path


def show_url_notices():
    """Say which parts of the opening link were ignored, until the user changes the view."""
    raw, unknown, loaded = st.session_state.get("url_notices", ({}, 0, None))
    if loaded != repr(state()):
        return
    if raw:
        ctx = cache.context(state())
        st.warning("\n\n".join(ctx.url_notice(n, v) for n, v in raw.items()), icon="⚠️")
    if unknown:
        st.info(t("notice_unknown_params", n=unknown))


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


SEEDS = "input_seeds"  # the seed each keyed el.Input was last drawn with


def seed_input(key, seed):
    """Before a keyed el.Input is drawn: set it to `seed` when the browser does not show it
    yet (first run, first run on this page or in a new language) or when the seed changed
    since the last run and the widget holds something else. Otherwise it keeps what the
    user just set (which the page applies, changing the seed to it on the next run: then
    nothing is set, so a list keeps the user's order). Lists compare as sets."""
    seeds = st.session_state.setdefault(SEEDS, {})

    def same(a, b):
        if isinstance(a, list | tuple) and isinstance(b, list | tuple):
            return sorted(map(str, a)) == sorted(map(str, b))
        return a == b

    fresh = key not in st.session_state or st.session_state.get("page_switched")
    moved = key in seeds and not same(seeds[key], seed)
    if fresh or (moved and not same(st.session_state[key], seed)):
        st.session_state[key] = seed
    seeds[key] = seed


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
    asked = state()["slide"]
    deck, number, chosen = presentation.locate(state())
    if asked != number:  # slide=99 in a link: say which slide is shown instead
        st.warning(t("notice_bad_slide", asked=asked, shown=number, total=len(deck["slides"])))
    if st.session_state.get("slide_shown") != (state()["deck"], number):
        for name, value in presentation.slide_view(chosen, cache.options()).items():
            set_state(name, value)
        st.session_state["slide_shown"] = (state()["deck"], number)
    return deck, number, chosen


def language_switch():
    """The language. A switch reseeds the other widgets from the view state, as on a new
    page: Streamlit keeps a selectbox's value as its label, so after a switch the browser
    would send back a label of the other language ("GDP per capita" as the indicator)."""
    before = lang()
    bound(
        st.sidebar.segmented_control,
        "lang",
        "Sprache / Language",
        options=list(i18n.LANGUAGES),
        format_func=str.upper,
        required=True,
    )
    if lang() != before:
        st.session_state["page_switched"] = True  # see enter_page


def accessibility_link():
    """The accessibility statement, linked from the sidebar of every page."""
    st.sidebar.page_link("views/accessibility.py", label=t("page_accessibility"))


def group_controls():
    bound(
        st.sidebar.selectbox,
        "set",
        t("regiopole_list"),
        options=list(REGIOPOLE_SETS),
        format_func=lambda s: t(f"set_{s}"),
    )
    bound(st.sidebar.toggle, "outside", t("outside_only"), help=t("outside_help"))
