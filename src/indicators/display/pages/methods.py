"""Daten & Methodik: the catalogue, the region definitions, the three regiopole lists,
downloads and how to cite."""

from datetime import date

from indicators import catalogue as indicators_catalogue
from indicators import db
from indicators.display import elements as el
from indicators.display import i18n

# The tables offered as CSV and Excel, in the order of the download grid (three columns).
DOWNLOADS = ("indicators", "regions", "region_members", "kreise", "region_values", "sources")


def build(ctx):
    t = ctx.t
    return [
        el.Title(t("page_methods")),
        el.Subheader(t("methods_aggregation")),
        el.Text(t("methods_aggregation_text")),
        el.Subheader(t("methods_catalogue")),
        *_catalogue(ctx),
        el.Subheader(t("methods_lists")),
        el.Text(t("methods_lists_text")),
        el.Subheader(t("methods_regions")),
        _regions(ctx),
        el.Subheader(t("methods_downloads")),
        _downloads(ctx),
        el.Subheader(t("methods_cite")),
        el.Code(_citation(ctx)),
    ]


def _rule(ctx, row):
    """How an indicator is aggregated from Kreise to regions, with indicators named."""
    label = ctx.indicator_label
    if row["aggregation"] == "ratio":
        return f"Σ {label(row['numerator'])} / Σ {label(row['denominator'])}"
    if row["aggregation"] == "weighted_mean":
        return f"{ctx.t('weighted_by')} {label(row['weight'])}"
    return "Σ"


def _catalogue(ctx):
    """The indicator catalogue as a table, and as CSV and Excel (the ids are in the
    database table `indicators`, offered below)."""
    t, topics = ctx.t, indicators_catalogue.load().topics
    catalogue = ctx.table("indicators")
    view = catalogue.assign(
        label=i18n.field(catalogue, "label", ctx.lang),
        unit_shown=i18n.field(catalogue, "unit", ctx.lang),
        description=i18n.field(catalogue, "description", ctx.lang),
        caveat=i18n.field(catalogue, "caveats", ctx.lang),
        years=catalogue["first_year"].astype(str) + "–" + catalogue["last_year"].astype(str),
        rule=[_rule(ctx, row) for _, row in catalogue.iterrows()],
        topic_shown=[topics[topic][ctx.lang] for topic in catalogue["topic"]],
    )
    columns = {
        "label": t("indicator"),
        "unit_shown": t("unit"),
        "topic_shown": t("topic"),
        "description": t("description"),
        "years": t("years"),
        "rule": t("aggregation"),
        "source": t("source"),
        "licence": t("licence"),
        "caveat": t("caveats"),
    }
    return [
        el.Table(view[list(columns)].rename(columns=columns), "methods_catalogue", height=420),
        el.Download(view[list(columns)].rename(columns=columns), "indikatoren", "dl_catalogue"),
    ]


def _regions(ctx):
    """Every region with its lists, status and member Kreise (shares below 100 % named)."""
    t, de, regions = ctx.t, ctx.lang == "de", ctx.snap.regions
    members = ctx.table("region_members").merge(ctx.table("kreise")[["ags", "name"]], on="ags")
    member_text = (
        members.assign(
            text=members["name"]
            + [f" ({100 * v:.0f} %)" if v < 1 else "" for v in members["share"]]
        )
        .groupby("region_id")["text"]
        .agg(", ".join)
    )
    view = regions.assign(
        kind_label=[t(f"kind_{k}") for k in regions["kind"]],
        members=regions["region_id"].map(member_text),
        status=[t(f"definition_{d}") for d in regions["definition"]],
    )
    columns = {
        "name": t("region"),
        "kind_label": t("kind"),
        "in_aring_reuther_2008": "Aring/Reuther",
        "in_regiostar_2018": "RegioStaR",
        "network_member": "Netzwerk" if de else "Network",
        "status": t("status"),
        "members": t("members"),
        "source": t("source"),
    }
    return el.Table(view[list(columns)].rename(columns=columns), "methods_regions", height=420)


def _downloads(ctx):
    """The tables row by row in three columns, then the whole database file (generated
    only when clicked: a file that vanished or broke is rebuilt first, see db.file_bytes)."""
    columns = [[], [], []]
    for position, name in enumerate(DOWNLOADS):
        columns[position % 3].append(
            el.Download(
                ctx.table(name),
                name,
                f"dl_table_{name}",
                label=ctx.t("table_download", table=ctx.t(f"table_{name}")),
                raw=True,
            )
        )
    columns[0].append(
        el.FileDownload(
            ctx.t("db_file"),
            db.file_bytes,
            "regiopole.duckdb",
            "application/octet-stream",
            "dl_db",
        )
    )
    return el.Columns(tuple(tuple(parts) for parts in columns))


def _citation(ctx):
    sources = "; ".join(ctx.table("sources")["short"])
    return ctx.t("methods_cite_text", date=date.today().isoformat(), sources=sources)
