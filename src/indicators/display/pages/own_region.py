"""Eigene Region: Kreise chosen from a list or uploaded as CSV, aggregated by the official
rules and compared with the regiopole regions. Kept in the session and the link only."""

import numpy as np
import pandas as pd

from indicators import compare, groups, own_region
from indicators.display import charts, formatting
from indicators.display import elements as el
from indicators.display.pages.common import indicator_control, year_choice

USED = "own_file_used"  # the session's note of the upload it applied (applied once only)


def build(ctx):
    t = ctx.t
    known = set(ctx.options.kreise)
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
    return parts + _region(ctx, name, members)


def use(ctx, name, members, known):
    """Make the given Kreise the own region (its link form in the view state) and redraw."""
    ctx.state["own"] = own_region.encode(name, members, known)
    return [el.Rerun()]


def _picker(ctx, name, members, known):
    """A name and Kreise from the list, applied by a button once any are chosen."""
    t = ctx.t
    kreise = ctx.kreise.set_index("ags")["name"]

    def apply(values):
        if not values["apply"]:
            return []
        chosen = {a: members.get(a, 1.0) for a in values["chosen"]}
        return use(ctx, values["typed"], chosen, known)

    def button(values):
        extra = {"type": "primary", "disabled": not values["chosen"]}
        return [el.Input("button", "apply", t("own_apply"), extra=extra), el.Then(apply)]

    return (
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
            extra={"default": list(members), "placeholder": t("choose_placeholder")},
        ),
        el.Then(button),
    )


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
    """Each indicator in its latest year with a value: own region, regiopole median, Germany."""
    t, snap = ctx.t, ctx.snap
    rows = []
    latest_years = values.dropna().reset_index().groupby("indicator_id")["year"].max()
    for ind in snap.indicators.index:
        if ind not in latest_years.index:
            continue
        latest = int(latest_years[ind])
        group_values = snap.values(ind, latest, ids).dropna()
        rows.append(
            {
                "indicator_id": ind,
                t("indicator"): ctx.indicator_label(ind),
                t("year"): latest,
                name: ctx.fmt(ind, values[(ind, latest)]),
                t("regiopole_median"): ctx.fmt(ind, group_values.median()),
                t("germany"): ctx.fmt(ind, snap.value(ind, latest, "de")),
            }
        )
    return pd.DataFrame(rows)
