"""Everything a page's view model needs to know besides its own logic: the data (snapshot),
what is valid (options), the view state, the language, and the labels, units, number
formats, sources and sentences derived from them. No Streamlit: the app hands in its cached
snapshot and a cached way to call the comparison engine, tests hand in plain ones.
"""

import functools
import json
from dataclasses import dataclass, field

import pandas as pd

from indicators import catalogue, compare, groups, sentences
from indicators.display import (
    charts,
    formatting,
    i18n,
    maps,
    pages,
    presentations,
    summaries,
    urlstate,
)
from indicators.paths import DATA_DIR


def _direct(function, con, *args, **kwargs):
    return function(con(), *args, **kwargs)


def _figure(builder, *args, **kwargs):
    return charts.frozen(builder(*args, **kwargs))


# The (small) tables a view model may read whole, e.g. for downloads.
TABLES = frozenset(
    {
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
)


def read_table(con, name):
    """A whole small table of the database by its name (one of TABLES)."""
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}")
    return con().execute(f"SELECT * FROM {name}").df()  # name checked against a fixed set


def read_geojson(name, overview=False):
    """A GeoJSON file of data/ (callers must not modify it); overview=True: simplified for a
    map of all Germany (see maps.simplified)."""
    if overview:
        return maps.overview(name, DATA_DIR)
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _make(key, make):
    return make()


def options_for(snap, kreise):
    """What is valid (display.urlstate.Options) for a snapshot and the Kreis keys: ids, the
    years each indicator has, the shipped presentations."""
    years = {
        indicator_id: tuple(
            y
            for y in range(snap.first_year, snap.first_year + snap.cube.shape[2])
            if snap.has_year(indicator_id, y)
        )
        for indicator_id in snap.indicators.index
    }
    return urlstate.Options(
        tuple(snap.indicators.index),
        tuple(snap.regions.index),
        years,
        presentations.available(),
        tuple(kreise),
    )


@dataclass
class Context:
    snap: object  # indicators.snapshot.Snapshot
    options: object  # display.urlstate.Options
    state: dict  # the view state (display.urlstate): changed in place by ensure()
    con: object  # () -> a DuckDB cursor
    # (function(con, *args) of compare or another module, con, *args) -> result; the app
    # caches it
    call: object = _direct
    figure: object = _figure  # (charts builder, *args) -> frozen figure; the app caches it
    kreise: pd.DataFrame | None = None  # the kreise table (names, core-city positions)
    tables: object = read_table  # (con, name) -> a whole small table; the app caches it
    changed: set = field(default_factory=set)  # state names a view model had to reset
    # (file of data/, overview=False) -> a GeoJSON collection, shared: do not modify it
    geojson: object = functools.cache(read_geojson)
    # (key, make) -> make(): a costly result (a map), kept across runs by the app under key
    keep: object = _make
    # the user's session beyond the view state (e.g. the upload already applied)
    session: dict = field(default_factory=dict)

    # --- language and labels -------------------------------------------------------------

    @property
    def lang(self):
        return self.state["lang"]

    def t(self, key, **values):
        return i18n.t(key, self.lang, **values)

    def compare(self, function, *args, **kwargs):
        """A function of indicators.compare, with the group chosen in the sidebar."""
        return self.call(function, self.con, *args, **kwargs)

    def group_args(self):
        return {"regiopole_set": self.state["set"], "exclude_overlapping": self.state["outside"]}

    def table(self, name):
        """A whole (small) table of the database, e.g. for downloads."""
        return self.tables(self.con, name)

    def meta(self, indicator_id):
        return self.snap.meta[indicator_id]

    def indicator_label(self, indicator_id):
        return i18n.field(self.meta(indicator_id), "label", self.lang)

    def unit_label(self, indicator_id):
        return i18n.field(self.meta(indicator_id), "unit", self.lang)

    def decimals(self, indicator_id):
        return int(self.meta(indicator_id)["decimals"])

    def formatter(self, indicator_id):
        """fmt() for many values of one indicator: unit and precision looked up once."""
        language, unit, digits = (
            self.lang,
            self.unit_label(indicator_id),
            self.decimals(indicator_id),
        )
        return lambda value: formatting.with_unit(value, unit, language, digits)

    def fmt(self, indicator_id, value):
        return self.formatter(indicator_id)(value)

    def number(self, indicator_id, value):
        """A value without its unit, in the indicator's usual precision."""
        return formatting.number(value, self.lang, self.decimals(indicator_id))

    def region_label(self, region_id):
        if region_id == "de":
            return self.t("germany")
        return self.snap.regions.at[region_id, "name"]

    def region_styles(self, region_ids):
        """{region id: (colour, marker)}: each region drawn alike on every page. The eight
        network regions come first in the order, so each always has its own colour (the
        steering committee sees Rostock in one colour on every page and slide)."""
        regions = self.snap.regions
        network = groups.regiopole_ids(regions, "network", distinct=False)
        order = [*network, *[r for r in regions.index if r not in set(network)]]
        return charts.region_styles(list(region_ids), order)

    def series_styles(self, region_ids):
        """Line styles by series name: each region in its own colour and marker, Germany as
        the black reference line."""
        styles = {
            self.region_label(r): {"color": colour, "symbol": symbol}
            for r, (colour, symbol) in self.region_styles(
                [r for r in region_ids if r != "de"]
            ).items()
        }
        germany = {"color": charts.COLORS["germany"], "width": 3, "symbol": "square"}
        return styles | {self.t("germany"): germany}

    def region_order(self):
        """Region ids for pickers: regiopole regions first, then metropolitan regions."""
        regions = self.snap.regions
        return sorted(
            regions.index,
            key=lambda r: (regions.at[r, "kind"] != "regiopole", regions.at[r, "name"]),
        )

    def indicators_by_topic(self):
        topics = self.snap.indicators["topic"]
        order = list(dict.fromkeys(topics))
        return sorted(self.snap.indicators.index, key=lambda i: order.index(topics[i]))

    # --- state ---------------------------------------------------------------------------

    def ensure(self, name, choices, fallback=None):
        """Reset a state value the page cannot offer (e.g. 'all' on the map); the app then
        keeps the widget in step (see `changed`)."""
        if self.state[name] not in choices:
            self.state[name] = fallback if fallback is not None else choices[0]
            self.changed.add(name)
        return self.state[name]

    def years(self, indicator_ids):
        """Years all given indicators have (else those of the first)."""
        common = set.intersection(*(set(self.options.years[i]) for i in indicator_ids))
        return sorted(common) or sorted(self.options.years[indicator_ids[0]])

    # --- notices on the opening link ------------------------------------------------------

    def url_notice(self, name, raw):
        """What was wrong with one setting of the opening link, in words, and what is shown
        instead ("Unbekannte Region `atlantis` – es wird Regiopolregion Rostock gezeigt").
        `raw` is shown as typed, as plain text and cut short (formatting.plain)."""
        value, shown = formatting.plain(raw, 60), self.state.get(name)
        if name == pages.MISSING:  # an unknown page path; the default page is shown
            return self.t("notice_bad_page", value=value, fallback=self.t(pages.DEFAULT.title_key))
        if name in ("region", "ind", "x", "y"):
            label = self.region_label if name == "region" else self.indicator_label
            kind = "region" if name == "region" else "indicator"
            return self.t(f"notice_bad_{kind}", value=value, fallback=label(shown))
        if name in ("regions", "inds"):
            return self.t("notice_bad_list", value=value)
        if name == "field":
            fallback = catalogue.load().fields[shown][self.lang]
            return self.t("notice_bad_field", value=value, fallback=fallback)
        if name in ("year", "start", "base"):
            fallback = shown if shown is not None else self.t("notice_latest")
            return self.t("notice_bad_year", value=value, fallback=fallback)
        return self.t("notice_bad_setting", value=value, name=name)

    # --- cards, captions and sources -----------------------------------------------------

    def metric_label(self, indicator_id, year):
        """Card label with the unit, so the big number stays short enough to read."""
        unit = self.unit_label(indicator_id)
        label = self.indicator_label(indicator_id)
        suffix = "" if unit == "%" or unit in label else f", {unit}"  # not "je 10.000 …" twice
        when = formatting.MISSING if pd.isna(year) else year  # no value up to the chosen year
        return f"{label} ({when}){suffix}"

    def metric_value(self, indicator_id, value):
        unit, text = self.unit_label(indicator_id), self.number(indicator_id, value)
        if unit != "%":
            return text
        return f"{text} %" if self.lang == "de" else f"{text}%"

    def delta_text(self, pct, suffix):
        """Signed percentage for a card; an ASCII minus, which Streamlit reads as 'down'."""
        return f"{formatting.percent(pct, self.lang, 1, sign=True).replace('−', '-')} {suffix}"

    def group_caption(self):
        """Which regiopole list is compared, and which of its cities share one region."""
        suffix = self.t("set_outside_suffix") if self.state["outside"] else ""
        text = self.t("set_used", set=self.t(f"set_{self.state['set']}"), outside=suffix)
        listed = groups.regiopole_ids(self.snap.regions, **self.group_args(), distinct=False)
        territories = groups.territories(self.snap.regions, listed).values()
        shared = [ids for ids in territories if len(ids) > 1]
        if not shared:
            return text
        cores = self.snap.regions["core_city"]
        names = [" / ".join(cores[r] for r in ids) for ids in shared]
        return f"{text} " + self.t(
            "set_shared",
            names=f" {self.t('and')} ".join(names),
            n=len(listed) - sum(len(ids) - 1 for ids in shared),
        )

    def _sources(self, indicator_ids, years):
        """(publishers, licences, year span) behind exactly what is shown, each once."""
        rows = [
            row
            for indicator_id in dict.fromkeys(indicator_ids)
            for row in self.snap.sources_for(indicator_id, years)
        ]
        span = f"{min(years)}–{max(years)}" if len(set(years)) > 1 else f"{years[0]}"
        return (
            "; ".join(dict.fromkeys(r["short"] for r in rows)),
            ", ".join(dict.fromkeys(r["licence"] for r in rows)),
            span,
        )

    def source_line(self, indicator_ids, years):
        """'Quelle: BBSR, INKAR (2021); … Lizenz: dl-de/by-2-0' for exactly what is shown."""
        publishers, licences, span = self._sources(indicator_ids, years)
        return f"{self.t('source')}: {publishers} ({span}). {self.t('licence')}: {licences}"

    def short_source(self, indicator_ids, years):
        """'BBSR, INKAR, 2021' – publisher and year only, for sentences."""
        publishers, _, span = self._sources(indicator_ids, years)
        return f"{publishers}, {span}"

    # --- chart inputs --------------------------------------------------------------------

    def references(self, indicator_id, year, summary, kinds=("regiopole", "metropolitan_region")):
        """Reference lines for bar charts: Germany and the group medians, values in the label."""
        medians = summary.set_index("group")["median"]
        lines = [
            (
                self.t("germany"),
                self.snap.value(indicator_id, year, "de"),
                charts.COLORS["germany"],
                "solid",
            )
        ]
        if "regiopole" in kinds:
            lines.append(
                (
                    self.regiopole_median_label(),
                    medians[groups.group_id(**self.group_args())],
                    charts.COLORS["median"],
                    "dash",
                )
            )
        if "metropolitan_region" in kinds:
            lines.append(
                (
                    self.t("metropolitan_median"),
                    medians["metropolitan_regions"],
                    charts.COLORS["median"],
                    "dot",
                )
            )
        return [
            (f"{label}: {self.number(indicator_id, value)}", value, colour, dash)
            for label, value, colour, dash in lines
        ]

    # --- charts in words (display.summaries) ----------------------------------------------

    def bars_in_words(self, frame, indicator_id, year, references=()):
        """A bar chart or map of one indicator in words: its extremes and the references."""
        text = summaries.extremes(
            self.lang,
            f"{self.indicator_label(indicator_id)} {year}",
            list(zip(frame["name"], frame["value"], strict=True)),
            lambda v: self.fmt(indicator_id, v),
        )
        shown = [label for label, value, *_ in references if value is not None and value == value]
        return " ".join([text, *[f"{label}." for label in shown]])

    def lines_in_words(self, frame, indicator_id, unit=None):
        """A line chart (columns series, year, value) in words: each line's first and last
        value; `unit` for values that are not the indicator's own (an index)."""
        if unit is None:
            show = self.formatter(indicator_id)
        else:
            digits = self.decimals(indicator_id)
            show = lambda v: formatting.with_unit(v, unit, self.lang, digits)  # noqa: E731
        return summaries.series(self.lang, self.indicator_label(indicator_id), frame, show)

    def index_in_words(self, frame, what):
        """A dot chart of indices (Germany = 100) in words."""
        show = lambda v: formatting.number(v, self.lang, 0)  # noqa: E731
        return summaries.dots(self.lang, f"{what}, {self.t('germany')} = 100", frame, show)

    def regiopole_median_label(self):
        """'Median Regiopolregionen', or with a list other than the default the list's name
        ('Median RegioPole-Netzwerk (8)'): the median is taken over the chosen list."""
        chosen = self.state["set"]
        if chosen == urlstate.DEFAULTS["set"]:
            return self.t("regiopole_median")
        return self.t("median_of_set", set=self.t(f"set_{chosen}"))

    def break_marks(self, indicator_id):
        """(year, label) of each statistical break of an indicator, for charts."""
        return [(year, self.t("break_marker")) for year in self.meta(indicator_id)["break_years"]]

    def value_frame(self, region_ids, indicator_id, year):
        regions = self.snap.regions
        return pd.DataFrame(
            {
                "region_id": region_ids,
                "name": [self.region_label(r) for r in region_ids],
                "kind": [
                    regions.at[r, "kind"] if r in regions.index else "germany" for r in region_ids
                ],
                "value": self.snap.values(indicator_id, year, region_ids).to_numpy(),
            }
        )

    def core_points(self, region_ids):
        """Name, lon, lat of each region's (first) core city, indexed by region id."""
        regions = self.snap.regions.loc[list(region_ids)]
        kreise = self.kreise.set_index("ags")
        core_ags = [a.split(";")[0] for a in regions["core_ags"]]
        return pd.DataFrame(
            {
                "name": [c.split(";")[0] for c in regions["core_city"]],
                "lon": kreise.loc[core_ags, "lon"].to_numpy(),
                "lat": kreise.loc[core_ags, "lat"].to_numpy(),
            },
            index=regions.index,
        )

    # --- sentences -----------------------------------------------------------------------

    def row_id(self, ranked, region_id):
        """The row of a frame of compare.ranking that stands for a region (its own or its
        shared territory's), None if there is none."""
        position = sentences.ranked_row(ranked, region_id)
        return None if position is None else ranked["region_id"].iloc[position]

    def in_ranking(self, ranked, region_id):
        return self.row_id(ranked, region_id) is not None

    def rank_sentence(self, ranked, region_id, kind, indicator_id, year, name=None):
        """The citable sentence for one region in a frame of compare.ranking."""
        rank, n, tied = sentences.rank_facts(ranked, region_id)
        value = self.snap.value(indicator_id, year, region_id)
        return sentences.rank_sentence(
            self.lang,
            year=year,
            indicator=self.indicator_label(indicator_id),
            region=name or self.region_label(region_id),
            value=self.fmt(indicator_id, value),
            rank=rank,
            n=n,
            tied=tied,
            kind=kind,
            polarity=self.meta(indicator_id)["polarity"],
            source=self.short_source([indicator_id], [year]),
            note=i18n.field(self.meta(indicator_id), "ranking_note", self.lang),
        )

    def rank_headline(self, ranked, region_id, kind, indicator_id, year, name=None):
        """A slide's headline: 'Regiopolregion Bielefeld: Rang 1 von 8 Regiopolregionen
        (11,0 Minuten, 2020)' – the rank sentence's facts in a few words."""
        rank, n, tied = sentences.rank_facts(ranked, region_id)
        region = charts.short_name(name or self.region_label(region_id))
        if rank is None:
            return self.t("headline_no_value", region=region, year=year)
        group = sentences.GROUPS[kind][0 if self.lang == "de" else 1]
        value = self.fmt(indicator_id, self.snap.value(indicator_id, year, region_id))
        key = "headline_rank_tied" if tied else "headline_rank"
        return self.t(key, region=region, rank=rank, n=n, group=group, value=value, year=year)

    def difference(self, indicator_id, value):
        """A signed difference with its unit: '−1,2 Prozentpunkte', '+310 EUR je Einwohner'."""
        unit = formatting.difference_unit(self.unit_label(indicator_id), self.lang)
        number = formatting.number(value, self.lang, self.decimals(indicator_id), sign=True)
        return f"{number} {unit}"

    def change_sentence(self, indicator_id, region_id, start, end, name=None):
        before, after = (self.snap.value(indicator_id, y, region_id) for y in (start, end))
        pct = compare.percent_change(before, after)
        breaks = json.loads(self.meta(indicator_id).get("breaks") or "[]")
        return sentences.change_sentence(
            self.lang,
            indicator=self.indicator_label(indicator_id),
            region=name or self.region_label(region_id),
            start=start,
            end=end,
            before=None if before != before else self.fmt(indicator_id, before),
            after=None if after != after else self.fmt(indicator_id, after),
            pct=None if pct != pct else formatting.percent(pct, self.lang, 1, sign=True),
            breaks=[(b["year"], b[self.lang]) for b in breaks],
            source=self.short_source([indicator_id], [start, end]),
        )
