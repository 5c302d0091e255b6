"""Eigene Region: Kreise chosen from a list or uploaded as CSV, aggregated by the official
rules and compared with the regiopole regions. Kept in the session and the link only."""

import numpy as np
import pandas as pd

from indicators import compare, groups, own_region
from indicators.display import charts, deckmap, formatting
from indicators.display import elements as el
from indicators.display.pages.common import indicator_control, year_choice

USED = "own_file_used"  # the session's note of the upload it applied (applied once only)
MAP_KEY = "own_map_drawn"  # (the region the map was last drawn with, its key's number)
SUMMARY_NAMES = 40  # Kreise named in the map's summary (all are in the list above it)


def build(ctx):
    t = ctx.t
    known = set(ctx.options.kreise)
    _apply_clicks(ctx, known)
    encoded = ctx.state["own"]
    name, members = own_region.decode(encoded, known) if encoded else ("", {})
    parts = [
        el.Title(t("page_own")),
        el.Caption(t("own_intro")),
        el.Tabs(
            (t("own_tab_list"), t("own_tab_upload")),
            (_picker(ctx, name, members, known), _uploader(ctx, known)),
        ),
    ]
    if not members:
        return [*parts, el.Stop(t("own_empty"))]
    # Built after the picker is drawn: the map and its summary reach the browser before the
    # region's figures are computed (a click shows in well under a second).
    return [*parts, el.Then(lambda values: _region(ctx, name, members))]


def _apply_clicks(ctx, known):
    """Clicks on the map since the last run, applied before anything is built: Streamlit
    keeps the map's selection in the session under its key, so the click's run draws the
    changed region at once (reading it only where the map is drawn would cost a second run
    of the whole page per click, ~1 s more)."""
    seen = ctx.session.get(MAP_KEY)
    widget = ctx.session.get(_widget_key(seen[1])) if seen else None
    selection = widget.get("selection") if hasattr(widget, "get") else None
    if not selection:
        return
    keys = deckmap.clicked(selection, _geometry(ctx).ags)
    if not keys:
        return
    encoded = ctx.state["own"]
    name, members = own_region.decode(encoded, known) if encoded else ("", {})
    changed = deckmap.toggled(members, keys)
    ctx.state["own"] = own_region.encode(name, changed, known) if changed else None


def _geometry(ctx):
    kreise = ctx.kreise.set_index("ags")["name"]
    return ctx.keep(
        ("own_map_geometry",),
        lambda: deckmap.geometry(ctx.geojson("kreise.geojson", overview=True), kreise.to_dict()),
    )


def use(ctx, name, members, known):
    """Make the given Kreise the own region (its link form in the view state) and redraw."""
    ctx.state["own"] = own_region.encode(name, members, known)
    return [el.Rerun()]


def _picker(ctx, name, members, known):
    """A name, Kreise from the list and the same Kreise on a map, where a click adds or
    removes one. Every change applies at once: the list, the map and the link always name
    the same Kreise."""
    t = ctx.t
    kreise = ctx.kreise.set_index("ags")["name"]

    def apply_list(values):
        chosen, typed = values["chosen"], values["typed"]
        renamed = members and own_region.clean_name(typed) != name
        if set(chosen) == set(members) and not renamed:
            return []
        if not chosen:  # the list emptied: no region (a name alone is none)
            ctx.state["own"] = None
            return [el.Rerun()]
        return use(ctx, typed, {a: members.get(a, 1.0) for a in chosen}, known)

    listed = (
        el.Input(
            "text_input",
            "typed",
            t("own_name"),
            extra={"value": name, "max_chars": own_region.MAX_NAME},
        ),
        el.Input(
            "multiselect",
            "chosen",
            t("own_pick"),
            tuple(kreise.index),
            lambda a: f"{kreise[a]} ({a})",
            extra={"placeholder": t("choose_placeholder")},
            key="own_chosen",
            seed=list(members),
        ),
        el.Then(apply_list),
    )
    return (el.Columns((listed, _map(ctx, members, kreise)), widths=(2, 3)),)


def _map(ctx, members, kreise):
    """The Kreis map (display.deckmap): a click toggles the Kreis; its caption says how,
    and which Kreise are chosen, in words."""
    t = ctx.t
    geo = _geometry(ctx)
    chart = el.DeckMap(
        "map",
        deckmap.deck(geo, members),
        _map_key(ctx),
        deckmap.HEIGHT,
        t("own_map_alt"),
    )
    return (
        chart,
        el.Caption(t("own_map_help")),
        el.Caption(_summary(ctx, members, kreise)),
    )


def _map_key(ctx):
    """A new key for the map whenever the chosen Kreise changed since the last run (see
    display.deckmap): the map starts with nothing selected, and never under an old key,
    whose selection the browser might still hold."""
    encoded = ctx.state["own"]
    seen = ctx.session.get(MAP_KEY)
    number = 0 if seen is None else seen[1] + (seen[0] != encoded)
    ctx.session[MAP_KEY] = (encoded, number)
    return _widget_key(number)


def _widget_key(number):
    return f"own_map_{number}"


def _summary(ctx, members, kreise):
    """The chosen Kreise in words: the map's text alternative."""
    t = ctx.t
    if not members:
        return t("own_map_none")
    names = [  # as the list names them: a city and its Landkreis may share a name
        f"{kreise.get(a, a)} ({a})" + (f", {t('own_map_partial')}" if share < 1 else "")
        for a, share in sorted(members.items(), key=lambda item: (kreise.get(item[0]), item[0]))
    ]
    shown = ", ".join(names[:SUMMARY_NAMES])
    if len(names) > SUMMARY_NAMES:
        shown += " " + t("own_map_more", n=len(names) - SUMMARY_NAMES)
    key = "own_map_summary_one" if len(members) == 1 else "own_map_summary"
    return t(key, n=len(members), names=shown)  # names from our own table


def _uploader(ctx, known):
    """A CSV upload, applied once; its problems listed as plain text while it is there."""

    def apply(values):
        file = values["file"]
        if file is None or ctx.session.get(USED) == file.id:
            return []
        try:
            parsed = own_region.parse_csv(file.data, known)
        except own_region.UploadError as exc:
            listed = "\n".join(f"- {formatting.plain(p[ctx.lang])}" for p in exc.problems)
            return [el.Notice(ctx.t("own_upload_error") + "\n\n" + listed, "error")]
        ctx.session[USED] = file.id
        return use(ctx, values["typed"] or file.name.rsplit(".", 1)[0], parsed, known)

    upload = el.Upload("file", ctx.t("own_upload"), ("csv", "txt"), "own_file")
    return (upload, el.Then(apply))


def _region(ctx, name, members):
    """The own region on one indicator among the regiopole regions, and on all indicators."""
    t, snap = ctx.t, ctx.snap
    values = ctx.call(own_region.values, ctx.con, members)
    values = values.set_index(["indicator_id", "year"])["value"]
    partial = sum(share < 1 for share in members.values())
    parts = [
        el.Subheader(formatting.plain(name)),
        el.Caption(t("own_members", n=len(members), partial=partial)),
    ]
    indicator_id = ctx.state["ind"]
    year, year_part = year_choice(ctx, [indicator_id])
    parts += [indicator_control(ctx), year_part]

    ids = groups.regiopole_ids(snap.regions, **ctx.group_args())
    peers = snap.values(indicator_id, year, ids)
    own = values.get((indicator_id, year), np.nan)
    rank, n = own_region.rank_among(own, peers.to_numpy(), ctx.meta(indicator_id)["polarity"])
    frame = pd.DataFrame(
        {
            "region_id": [own_region.OWN_ID, *ids],
            "name": [name, *[ctx.region_label(r) for r in ids]],
            "kind": ["highlight", *["regiopole"] * len(ids)],
            "value": [own, *peers.to_numpy()],
            "highlight": [True, *[False] * len(ids)],
        }
    )
    frame["text"] = [ctx.number(indicator_id, v) for v in frame["value"]]
    summary = ctx.compare(compare.group_summary, indicator_id, year, **ctx.group_args())
    fig = ctx.figure(
        charts.bar_chart,
        frame,
        t("own_bar_title", indicator=ctx.indicator_label(indicator_id), year=year, name=name),
        ctx.unit_label(indicator_id),
        ctx.references(indicator_id, year, summary, ["regiopole"]),
        ctx.source_line([indicator_id], [year]),
        ctx.lang,
        ctx.decimals(indicator_id),
    )
    stem = f"eigene_region_{indicator_id}_{year}"
    data = frame.drop(columns=["text"]).assign(year=year)
    references = ctx.references(indicator_id, year, summary, ["regiopole"])
    words = ctx.bars_in_words(frame, indicator_id, year, references)
    data = data.drop(columns=["highlight"])
    chart = el.Chart(fig, data, stem, "own_bar", (indicator_id,), notes=False, summary=words)
    parts.append(chart)
    if rank is not None:
        parts.append(el.Metric(t("own_rank"), f"{rank} / {n}", border=False))

    table = _table(ctx, name, values, ids)
    raw = values.reset_index().assign(region=name)
    return [
        *parts,
        el.Subheader(t("own_table_title")),
        el.Table(table.drop(columns=["indicator_id"]), "own_table", height=420),
        el.Download(raw, "eigene_region", "dl_own"),
    ]


def _table(ctx, name, values, ids):
    """Each indicator in its latest year with a value: own region, regiopole median, Germany.
    Read straight from the snapshot's cube: this table is rebuilt on every click on the map."""
    t, snap = ctx.t, ctx.snap
    rows = []
    latest_years = values.dropna().reset_index().groupby("indicator_id")["year"].max()
    peers, germany = snap.positions(ids), snap.positions(["de"])[0]
    for position, ind in enumerate(snap.indicators.index):
        if ind not in latest_years.index:
            continue
        latest = int(latest_years[ind])
        column = snap.cube[position, :, latest - snap.first_year]
        group = column[peers]
        median = np.nanmedian(group) if (~np.isnan(group)).any() else np.nan
        rows.append(
            {
                "indicator_id": ind,
                t("indicator"): ctx.indicator_label(ind),
                t("year"): latest,
                name: ctx.fmt(ind, values[(ind, latest)]),
                t("regiopole_median"): ctx.fmt(ind, median),
                t("germany"): ctx.fmt(ind, column[germany]),
            }
        )
    return pd.DataFrame(rows)
