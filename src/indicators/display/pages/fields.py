"""Handlungsfelder: the indicators grouped by the RegioPole network's fields of work, one
region against the other regiopole regions, the metropolitan regions and Germany, with a
note on what official statistics can and cannot say about the field."""

import pandas as pd

from indicators import catalogue, compare, groups
from indicators.display import elements as el
from indicators.display import formatting
from indicators.display.pages.profile import dots, warnings
from indicators.display.pages.ranking import year_control

FIELDS = catalogue.load().fields


def controls(ctx):
    """The field, the region (regiopole regions first) and the year."""
    t = ctx.t
    order = ctx.region_order()
    ctx.ensure("region", order)
    years = ctx.years(["population"])
    ctx.ensure("year", years, years[-1])
    field = el.Control(
        "selectbox",
        "field",
        t("fields_field"),
        tuple(FIELDS),
        lambda key: FIELDS[key][ctx.lang],
    )
    region = el.Control("selectbox", "region", t("profile_region"), tuple(order), ctx.region_label)
    return el.Columns(((field,), (region,), (year_control(ctx, years),)), widths=(3, 3, 2))


def members(ctx, field_key):
    """The field's indicators in catalogue order (only those the database has)."""
    return [i for i in ctx.snap.indicators.index if field_key in _fields(i)]


def _fields(indicator_id):
    return catalogue.load()[indicator_id].fields


def build(ctx):
    t = ctx.t
    parts = [el.Title(t("page_fields")), controls(ctx)]
    field_key, region_id, year = ctx.state["field"], ctx.state["region"], ctx.state["year"]
    field = FIELDS[field_key]
    lead = ctx.region_label(field["lead"])
    parts += [
        el.Subheader(field[ctx.lang]),
        el.Caption(t("fields_lead", region=lead)),
        el.Notice(field[f"note_{ctx.lang}"]),
    ]
    ids = members(ctx, field_key)
    profile = ctx.compare(compare.profile, region_id, year, **ctx.group_args())
    rows = profile[profile["indicator_id"].isin(ids)].reset_index(drop=True)
    if rows["value"].isna().all():
        return [*parts, el.Stop(t("fields_no_values", region=ctx.region_label(region_id)))]
    rows = rows.assign(metropolitan_median=_metropolitan(ctx, rows))
    parts += [
        el.Caption(ctx.group_caption()),
        el.Table(_table(ctx, rows), "fields_table", static=True),  # every row; wraps
        *warnings(ctx, rows),
        el.Download(
            rows,
            f"handlungsfeld_{field_key}_{region_id}_{year}",
            "dl_fields",
        ),
        dots(ctx, rows, region_id, title=f"{field[ctx.lang]}: {ctx.region_label(region_id)}"),
        el.Caption(t("profile_all_help")),
    ]
    return parts


def _table(ctx, rows):
    """Numbers without their unit (a column of its own), so that all columns fit the page
    beside each other: the region, its rank, the peer median, the metropolitan median and
    Germany in one row."""
    t, ids = ctx.t, rows["indicator_id"]

    def numbers(values):
        return [
            ctx.number(i, v) if pd.notna(v) else formatting.MISSING
            for i, v in zip(ids, values, strict=True)
        ]

    return pd.DataFrame(
        {
            t("indicator"): rows[f"label_{ctx.lang}"],
            t("unit"): [ctx.unit_label(i) for i in ids],
            t("year"): rows["year"],
            t("value"): numbers(rows["value"]),
            t("rank"): [
                f"{r} / {n}" if pd.notna(r) else formatting.MISSING
                for r, n in zip(rows["rank"], rows["n"], strict=True)
            ],
            t("peer_median"): numbers(rows["peer_median"]),
            t("metropolitan_median"): numbers(rows["metropolitan_median"]),
            t("germany"): numbers(rows["germany"]),
            "±": [t(d) if isinstance(d, str) else "" for d in rows["direction"]],
        }
    )


def _metropolitan(ctx, rows):
    """Median of the metropolitan regions in each row's year (each territory once)."""
    ids = groups.member_ids(ctx.snap.regions, groups.METROPOLITAN)
    return [
        ctx.snap.values(i, int(y), ids).median() if pd.notna(y) else float("nan")
        for i, y in zip(rows["indicator_id"], rows["year"], strict=True)
    ]
