"""Regionsprofil: one region on one page – figures, all indicators against peers, trends,
similar regions, member Kreise and the region's definition. Prints cleanly."""

import pandas as pd

from indicators import catalogue, compare, highlights, sentences
from indicators.display import charts, exports, formatting, i18n, maps
from indicators.display import elements as el
from indicators.display.pages.overview import DELTA_COLOR, HEADLINES
from indicators.display.pages.ranking import year_control

SINCE = catalogue.load().sizes_since  # sizes: compared with the first year of the census base


def controls(ctx):
    """The region (regiopole regions first) and the year (those of the population)."""
    order = ctx.region_order()
    ctx.ensure("region", order)
    years = ctx.years(["population"])
    ctx.ensure("year", years, years[-1])
    region = el.Control(
        "selectbox", "region", ctx.t("profile_region"), tuple(order), ctx.region_label
    )
    return el.Columns(((region,), (year_control(ctx, years),)), widths=(3, 2))


def build(ctx):
    t = ctx.t
    # The stylesheet only here: this page is made to be printed.
    parts = [controls(ctx), el.PrintStyle()]
    region_id, year = ctx.state["region"], ctx.state["year"]
    region = ctx.snap.regions.loc[region_id]
    caption = describe(ctx, region)
    profile = ctx.compare(compare.profile, region_id, year, **ctx.group_args())
    rows = profile.set_index("indicator_id")
    parts += [el.Title(region["name"]), el.Caption(caption), el.Subheader(t("profile_headlines"))]
    parts.append(el.Columns(tuple(tuple(c) for c in cards(ctx, rows, region_id))))
    texts = citable(ctx, rows, region_id, region["kind"])
    if texts:
        parts.append(el.Sentence("\n\n".join(texts)))
    parts += notable(ctx, profile, region_id, region["kind"], year)
    parts += [el.Subheader(t("profile_all")), dots(ctx, profile, region_id)]
    parts.append(el.Caption(t("profile_all_help")))
    table = profile_table(ctx, profile)
    parts += [el.Table(table, "profile_table", height=420), *warnings(ctx, profile)]
    parts.append(el.Download(profile, f"profil_{region_id}_{year}", "dl_profile"))
    parts.append(pdf(ctx, region_id, profile, table, texts, f"{caption} · {t('year')} {year}"))
    columns = (tuple(similar(ctx, region_id)), tuple(members(ctx, region_id)))
    return [*parts, el.Columns(columns), el.Caption(t("profile_print"))]


def describe(ctx, region):
    """Kind, core cities, Länder and the compared list: the caption and the PDF's subtitle."""
    return (
        f"{ctx.t('kind_' + region['kind'])} · {region['core_city'].replace(';', ',')} · "
        f"{region['states'].replace(';', ', ')} · {ctx.group_caption()}"
    )


def cards(ctx, rows, region_id):
    """The headline cards with a sparkline each, dealt left to right into three columns."""
    columns = [[], [], []]
    for position, indicator_id in enumerate(HEADLINES):
        columns[position % 3].append(card(ctx, rows.loc[indicator_id], indicator_id, region_id))
    return columns


def card(ctx, row, indicator_id, region_id):
    """One headline in its latest year up to the chosen one: a size against its own value
    in SINCE, a rate against the peer median of that same year."""
    delta = None
    if ctx.meta(indicator_id)["aggregation"] == "sum":  # a size: its own change
        since = ctx.snap.value(indicator_id, SINCE, region_id)
        if pd.notna(row["value"]) and pd.notna(since) and row["year"] > SINCE:
            delta = ctx.delta_text(100 * (row["value"] / since - 1), f"{ctx.t('since')} {SINCE}")
    elif pd.notna(row["value"]) and pd.notna(row["peer_median"]) and row["peer_median"]:
        gap = 100 * (row["value"] / row["peer_median"] - 1)
        delta = ctx.delta_text(gap, ctx.t("vs_peers"))
    return el.Metric(
        ctx.metric_label(indicator_id, row["year"]),
        ctx.metric_value(indicator_id, row["value"]),
        delta=delta,
        delta_color=DELTA_COLOR[ctx.meta(indicator_id)["polarity"]],
        # no sparkline: Streamlit draws it as an image without a text alternative (WCAG
        # 1.1.1); the course over the years is on the Entwicklung page, in words as well
    )


def citable(ctx, rows, region_id, kind):
    """Sentences to quote: the headline rates' ranks among the region's own kind, and the
    change of the sizes since SINCE (also printed in the PDF)."""
    texts = []
    for indicator_id in HEADLINES:
        row = rows.loc[indicator_id]
        if pd.isna(row["value"]):
            continue
        year = int(row["year"])
        if ctx.meta(indicator_id)["aggregation"] == "sum":
            if row["year"] > SINCE:
                texts.append(ctx.change_sentence(indicator_id, region_id, SINCE, year))
            continue
        ranked = ctx.compare(compare.ranking, indicator_id, year, kind=kind, **ctx.group_args())
        if ctx.in_ranking(ranked, region_id):
            texts.append(ctx.rank_sentence(ranked, region_id, kind, indicator_id, year))
    return texts


def notable(ctx, profile, region_id, kind, year):
    """Was auffällt: the strongest and weakest ranks against the peers and the largest
    changes against theirs, each as a citable sentence (highlights picks them)."""
    t = ctx.t
    strengths, weaknesses = highlights.positions(profile, ctx.snap)
    table = ctx.compare(highlights.changes, region_id, year, **ctx.group_args())
    better, worse = highlights.largest_changes(table, ctx.snap.indicators["polarity"])
    groups = (
        ("notable_strengths", [_rank(ctx, r, region_id, kind) for r in strengths.itertuples()]),
        ("notable_weaknesses", [_rank(ctx, r, region_id, kind) for r in weaknesses.itertuples()]),
        ("notable_better", [_change(ctx, r, region_id, kind, True) for r in better.itertuples()]),
        ("notable_worse", [_change(ctx, r, region_id, kind, False) for r in worse.itertuples()]),
    )
    blocks = [
        (
            el.Text(f"**{t(key)}**"),
            el.Sentence("\n\n".join(texts)) if texts else el.Caption(t("notable_none")),
        )
        for key, texts in groups
    ]
    return [
        el.Subheader(t("profile_notable")),
        el.Caption(t("profile_notable_help")),
        el.Columns((blocks[0], blocks[1])),  # ranks: strengths beside weaknesses
        el.Columns((blocks[2], blocks[3])),  # changes: better beside worse
    ]


def _rank(ctx, row, region_id, kind):
    year = int(row.year)
    ranked = ctx.compare(compare.ranking, row.indicator_id, year, kind=kind, **ctx.group_args())
    return ctx.rank_sentence(ranked, region_id, kind, row.indicator_id, year)


def _change(ctx, row, region_id, kind, better):
    indicator_id = row.indicator_id
    text = sentences.change_rank_sentence(
        ctx.lang,
        indicator=ctx.indicator_label(indicator_id),
        region=ctx.region_label(region_id),
        start=row.start,
        end=row.end,
        before=ctx.fmt(indicator_id, row.before),
        after=ctx.fmt(indicator_id, row.after),
        change=ctx.difference(indicator_id, row.change),
        peers=ctx.difference(indicator_id, row.peer_median_change),
        place=int(row.place),
        n=row.n,
        better=better,
        kind=kind,
        source=ctx.short_source([indicator_id], [row.start, row.end]),
    )
    note = i18n.field(ctx.meta(indicator_id), "ranking_note", ctx.lang)
    return f"{text} {ctx.t('note')}: {note}" if note else text


def rates(ctx, profile):
    """The indicators that can be indexed to Germany, by topic: levels only – no sizes
    (sums, whose index says little) and no balances (which may be negative or, for Germany
    as a whole, close to zero)."""
    indicators = ctx.snap.indicators
    indexable = (indicators["aggregation"] != "sum") & (indicators["valid_min"] >= 0)
    shown = profile[
        profile["indicator_id"].map(indexable) & profile["value"].notna() & (profile["germany"] > 0)
    ]
    topics = list(dict.fromkeys(indicators["topic"]))
    ordered = shown.assign(order=shown["topic"].map(topics.index))
    return ordered.sort_values("order", kind="stable")


def dots(ctx, profile, region_id, title=None):
    """Every rate of the region and its peers' median, Germany = 100 (log scale)."""
    t, shown, region = ctx.t, rates(ctx, profile), ctx.snap.regions.loc[region_id]
    title = title or f"{region['name']}: {t('profile_all')}"
    labels = shown[f"label_{ctx.lang}"] + " (" + shown["year"].astype(str) + ")"
    colour, symbol = ctx.region_styles([region_id])[region_id]  # as on every other page
    series = (
        (ctx.region_label(region_id), shown["value"], colour, symbol),
        (t("peer_median"), shown["peer_median"], charts.COLORS["median"], "diamond-open"),
    )
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "label": labels,
                    "series": name,
                    "value": 100 * values / shown["germany"],
                    "color": colour,
                    "symbol": symbol,
                }
            )
            for name, values, colour, symbol in series
        ]
    )
    years = sorted({int(y) for y in shown["year"]})
    fig = ctx.figure(
        charts.dot_chart,
        frame,
        f"{title} ({t('germany')} = 100)",
        ctx.source_line(list(shown["indicator_id"]), years),
        ctx.lang,
        reference_label=t("germany"),
        log=True,
    )
    words = ctx.index_in_words(frame, title)
    data = frame.drop(columns=["color", "symbol"])
    return el.Figure(fig, "profile_dots", f"profil_{region_id}", summary=words, data=data)


def profile_table(ctx, profile):
    """All indicators as display strings (also the PDF's table). The change is since the
    previous year with data, which may lie years back: both years are named."""
    t, lang = ctx.t, ctx.lang
    show = {i: ctx.formatter(i) for i in profile["indicator_id"]}
    ids = profile["indicator_id"]

    def shown(column):
        return [show[i](v) for i, v in zip(ids, profile[column], strict=True)]

    changes = zip(profile["change_pct"], profile["previous_year"], profile["year"], strict=True)
    return pd.DataFrame(
        {
            t("indicator"): profile[f"label_{lang}"],
            t("year"): profile["year"],
            t("value"): shown("value"),
            t("rank"): [
                f"{r} / {n}" if pd.notna(r) else formatting.MISSING
                for r, n in zip(profile["rank"], profile["n"], strict=True)
            ],
            t("peer_median"): shown("peer_median"),
            t("germany"): shown("germany"),
            "±": [t(d) if isinstance(d, str) else "" for d in profile["direction"]],
            f"{t('change')} (%)": [
                formatting.percent(v, lang, 1, sign=True) + (f" ({p}–{y})" if pd.notna(v) else "")
                for v, p, y in changes
            ],
        }
    )


def warnings(ctx, profile):
    """The warning of each indicator shown that has one (e.g. distance-learning students)."""
    shown = profile.loc[profile["value"].notna(), "indicator_id"]
    notes = [(i, ctx.meta(i)[f"ranking_note_{ctx.lang}"]) for i in shown]
    return [el.Caption(f"⚠️ {ctx.indicator_label(i)}: {note}") for i, note in notes if note]


def pdf(ctx, region_id, profile, table, texts, subtitle):
    """The profile as a one-page PDF, generated only when the button is clicked."""
    t, lang = ctx.t, ctx.lang
    years = sorted({int(y) for y in profile["year"].dropna()})
    source = ctx.source_line(list(profile["indicator_id"]), years)
    rows, title = table[profile["value"].notna().to_numpy()], ctx.region_label(region_id)

    def data():
        footer = [source, f"Regiopolen-Monitor · {t('as_of')} {formatting.today(lang)}"]
        return exports.profile_pdf(title, subtitle, rows, texts, footer)

    file_name = f"profil_{region_id}_{ctx.state['year']}.pdf"
    return el.FileDownload(
        t("download_pdf"), data, file_name, "application/pdf", "dl_profile_pdf", icon="📄"
    )


def _differences(ctx, different):
    """'Übernachtungen je Einwohner (höher), …': the indicators that differ most, in words."""
    return ", ".join(
        f"{ctx.indicator_label(d['indicator'])} ({ctx.t('higher' if d['higher'] else 'lower')})"
        for d in different
    )


def similar(ctx, region_id):
    """The five regions with the most similar profile, then how the region is defined."""
    t, region = ctx.t, ctx.snap.regions.loc[region_id]
    found = ctx.compare(compare.similar_regions, region_id, ctx.state["year"], n=5)
    found = found.assign(most_different=[_differences(ctx, d) for d in found["different"]])
    names = {"name": t("region"), "distance": t("distance"), "most_different": t("most_different")}
    return [
        el.Subheader(t("profile_similar")),
        el.Table(found[list(names)].rename(columns=names), "profile_similar", {t("distance"): 2}),
        el.Caption(t("profile_similar_help", n=len(found.attrs["indicators"]))),
        el.Subheader(t("profile_definition")),
        el.Text(region["note_de" if ctx.lang == "de" else "note_en"]),
        el.Caption(f"{t('source')}: {region['source']}"),
    ]


def member_shares(ctx, region_id):
    """The region's member Kreise (ags) and the share of each that belongs to it (1: whole)."""
    members = ctx.table("region_members")
    return members[members["region_id"] == region_id]


def members(ctx, region_id):
    """Where the region lies (a map of its Kreise) and the Kreise with their shares."""
    t, shares = ctx.t, member_shares(ctx, region_id)
    named = shares.merge(ctx.kreise[["ags", "name"]], on="ags")
    table = named[["ags", "name", "share"]].rename(
        columns={"ags": t("col_ags"), "name": t("members"), "share": t("share")}
    )
    return [
        el.Subheader(t("profile_members")),
        el.Figure(
            member_map(ctx, region_id, shares),
            "profile_map",
            summary=t(
                "member_map_words",
                region=ctx.region_label(region_id),
                n=len(shares),
                whole=int((shares["share"] >= 1).sum()),
                part=int((shares["share"] < 1).sum()),
            ),
        ),
        el.Table(table, "profile_members", {t("share"): 3}),
    ]


def member_map(ctx, region_id, shares):
    """The map of the member Kreise, built once per region and language (0.1 s)."""
    key = ("profile_map", region_id, ctx.lang)
    return ctx.keep(key, lambda: _member_map(ctx, region_id, shares))


def _member_map(ctx, region_id, members):
    """Member Kreise on the Länder: darker when whole, lighter when partly included."""
    shares = dict(members[["ags", "share"]].to_numpy())
    kreise = ctx.geojson("kreise.geojson")["features"]
    features = [f for f in kreise if f["properties"]["ags"] in shares]
    laender = ctx.geojson("laender.geojson")  # in full detail: the map zooms in
    traces = [maps.background_trace(laender, maps.feature_ids(laender["features"], "land"))]
    for whole, colour, label in (
        (True, "#0072B2", "share_whole"),
        (False, "#56B4E9", "share_part"),
    ):
        part = [f for f in features if (shares[f["properties"]["ags"]] >= 1) == whole]
        if part:
            info = [
                [
                    f["properties"]["name"],
                    f"{ctx.t('share')}: "
                    + formatting.percent(100 * shares[f["properties"]["ags"]], ctx.lang, 0),
                    "",
                ]
                for f in part
            ]
            ids = maps.feature_ids(part, "ags")
            collection = maps.collection(part)
            traces.append(
                maps.area_trace(collection, ids, "ags", colour, ctx.t(label), customdata=info)
            )
    city = maps.cores_trace(ctx.core_points([region_id]), ctx.t("map_cores"))
    fig = maps.geo_figure(city, traces, maps.bounds(features))
    fig.update_layout(font=charts.FONT, height=400, paper_bgcolor="white")
    return maps.side_legend(fig, top=10).freeze()
