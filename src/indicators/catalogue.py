"""The indicator catalogue: loading, checking and querying `catalogue.toml`.

Everything else (ingest, build, app, README) reads indicator metadata from here, so a
definition changes in exactly one place.
"""

import ast
import json
import tomllib
from dataclasses import dataclass, field
from functools import cache

from indicators.ingest.readers import READERS
from indicators.paths import CATALOGUE_PATH

AGGREGATIONS = {"sum", "ratio", "weighted_mean"}
POLARITIES = {"higher_better", "lower_better", "neutral"}
BASES = {"zensus2011", "zensus2022", "none"}


# Eisenach merges into the Wartburgkreis by the weight its indicator is averaged with; the
# BBSR key offers these three (see ingest.territory.merge_dissolved).
MERGE_WEIGHT_OF = {"area_km2": "area", "sv_employees_workplace": "employees"}


class CatalogueError(ValueError):
    """The catalogue contradicts itself; the message names the indicator."""


@dataclass(frozen=True)
class Indicator:
    id: str
    topic: str
    label_de: str
    label_en: str
    unit: str
    unit_de: str
    aggregation: str
    polarity: str
    basis: str
    description_de: str
    description_en: str
    caveats: str
    caveats_de: str
    origins: tuple
    numerator: str | None = None
    denominator: str | None = None
    factor: float = 1.0
    weight: str | None = None
    breaks: tuple = ()
    not_applicable: tuple = ()
    min_coverage: float = 1.0
    zero_means_missing: bool = False
    share_basis: str = "population"
    valid_min: float | None = None
    valid_max: float | None = None
    approximate: tuple = ()
    known_anomalies: tuple = ()
    over_time: bool = True
    decimals: int = 1
    headline: int | None = None
    similarity: bool = False
    crosschecks: tuple = ()
    withheld: tuple = ()
    ranking_note_de: str = ""
    ranking_note_en: str = ""
    fields: tuple = ()
    sources: tuple = field(default=())

    def approximation(self):
        """How far our Germany/region value may lie from BBSR's own, and why: `error`
        (absolute, in the unit) or `relative_error`; empty if it reproduces BBSR's."""
        return dict(self.approximate)

    def bounds(self):
        """The plausible range the ingest enforces (None: open)."""
        return self.valid_min, self.valid_max


def origin_source(origin):
    """Publisher of a reader origin: the reader's default unless the origin names one."""
    return origin.get("source", READERS[origin["reader"]].source)


def expr_names(expr):
    """Indicator ids an expression refers to."""
    return sorted({n.id for n in ast.walk(ast.parse(expr, mode="eval")) if isinstance(n, ast.Name)})


def dependencies(ind):
    """Indicators whose Kreis values must exist before this one can be ingested."""
    deps = set()
    for origin in ind.origins:
        if "expr" in origin:
            deps.update(expr_names(origin["expr"]))
    return deps


@dataclass(frozen=True)
class Catalogue:
    indicators: dict
    topics: dict
    sources: dict
    fields: dict  # the network's fields of work: labels, lead region, notes
    min_year: int
    reference_year: int  # territory and population weighing coverage and overlaps
    sizes_since: int  # sizes are compared with this year (first on the current census base)

    def __getitem__(self, indicator_id):
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise KeyError(f"unknown indicator {indicator_id!r}") from None

    def __iter__(self):
        return iter(self.indicators.values())

    def __len__(self):
        return len(self.indicators)

    def ingest_order(self):
        """Indicators ordered so that every expression's inputs come first."""
        done, order = set(), []

        def visit(ind_id, trail):
            if ind_id in done:
                return
            if ind_id in trail:
                raise CatalogueError(f"{ind_id}: circular expression {' → '.join(trail)}")
            for dep in sorted(dependencies(self[ind_id])):
                visit(dep, (*trail, ind_id))
            done.add(ind_id)
            order.append(self[ind_id])

        for ind_id in self.indicators:
            visit(ind_id, ())
        return order

    def headlines(self):
        """The lead indicators of the overview and of every profile, in their order."""
        return [i.id for i in sorted(self, key=lambda i: i.headline or 0) if i.headline]

    def similarity(self):
        """The rates that define which regions are similar (compare.similar_regions)."""
        return tuple(i.id for i in self if i.similarity)

    def source_keys(self, ind):
        """Publishers behind an indicator, following expressions to their inputs."""
        keys = []
        for origin in ind.origins:
            if "reader" in origin:
                keys.append(origin_source(origin))
            else:
                for dep in expr_names(origin["expr"]):
                    keys.extend(self.source_keys(self[dep]))
        return tuple(dict.fromkeys(keys))

    def attribution(self, ind):
        return "; ".join(self.sources[k]["attribution"] for k in self.source_keys(ind))

    def licence(self, ind):
        return ", ".join(dict.fromkeys(self.sources[k]["licence"] for k in self.source_keys(ind)))

    def publishers(self, ind):
        return "; ".join(self.sources[k]["publisher"] for k in self.source_keys(ind))

    def metadata_rows(self):
        """One row per indicator for the `indicators` table (years are added by the build)."""
        rows = []
        for position, ind in enumerate(self):
            rows.append(
                {
                    "indicator_id": ind.id,
                    "sort_order": position,
                    "valid_min": ind.bounds()[0],
                    "valid_max": ind.bounds()[1],
                    "label_de": ind.label_de,
                    "label_en": ind.label_en,
                    "unit": ind.unit,
                    "unit_de": ind.unit_de,
                    "topic": ind.topic,
                    "aggregation": ind.aggregation,
                    "numerator": ind.numerator,
                    "denominator": ind.denominator,
                    "factor": ind.factor,
                    "weight": ind.weight,
                    "polarity": ind.polarity,
                    "source": self.publishers(ind),
                    "attribution": self.attribution(ind),
                    "licence": self.licence(ind),
                    "description_de": ind.description_de,
                    "description_en": ind.description_en,
                    "caveats": ind.caveats,
                    "caveats_de": ind.caveats_de,
                    "basis": ind.basis,
                    "min_coverage": ind.min_coverage,
                    "share_basis": ind.share_basis,
                    "breaks": json.dumps(list(ind.breaks), ensure_ascii=False),
                    "over_time": ind.over_time,
                    "decimals": ind.decimals,
                    "headline": ind.headline,
                    "similarity": ind.similarity,
                    "ranking_note_de": ind.ranking_note_de,
                    "ranking_note_en": ind.ranking_note_en,
                }
            )
        return rows


_REQUIRED = (
    "id",
    "topic",
    "label_de",
    "label_en",
    "unit",
    "unit_de",
    "aggregation",
    "polarity",
    "basis",
    "description_de",
    "description_en",
    "caveats",
    "caveats_de",
    "decimals",
    "origins",
)


def _check(raw, topics, sources, fields):
    ids = [entry.get("id") for entry in raw]
    seen = set()
    for entry in raw:
        name = entry.get("id", "<no id>")
        missing = [k for k in _REQUIRED if entry.get(k) in (None, "", [])]
        if missing:
            raise CatalogueError(f"{name}: missing {', '.join(missing)}")
        if name in seen:
            raise CatalogueError(f"{name}: declared twice")
        seen.add(name)
        if entry["topic"] not in topics:
            raise CatalogueError(f"{name}: unknown topic {entry['topic']!r}")
        unknown = set(entry.get("fields", ())) - set(fields)
        if unknown:
            raise CatalogueError(f"{name}: unknown field {sorted(unknown)[0]!r}")
        if entry["aggregation"] not in AGGREGATIONS:
            raise CatalogueError(f"{name}: unknown aggregation {entry['aggregation']!r}")
        if entry["polarity"] not in POLARITIES:
            raise CatalogueError(f"{name}: unknown polarity {entry['polarity']!r}")
        if entry.get("share_basis", "population") not in {"population", "area"}:
            raise CatalogueError(f"{name}: share_basis must be population or area")
        approx = entry.get("approximate")
        if approx is not None and (
            not approx.get("why") or len({"error", "relative_error"} & set(approx)) != 1
        ):
            raise CatalogueError(f"{name}: approximate needs why and error or relative_error")
        for check in entry.get("crosschecks", ()):
            if check.get("reader") not in READERS or "tolerance" not in check:
                raise CatalogueError(f"{name}: a crosscheck needs a known reader and a tolerance")
            if ("why" in check) != ("max_relative_error" in check):
                raise CatalogueError(f"{name}: a known difference needs why and its bound")
        for w in entry.get("withheld", ()):
            if not (w.get("years") and w.get("kreise") and w.get("why")):
                raise CatalogueError(f"{name}: withheld values need years, kreise and why")
        if bool(entry.get("ranking_note_de")) != bool(entry.get("ranking_note_en")):
            raise CatalogueError(f"{name}: a ranking note needs both languages")
        for anomaly in entry.get("known_anomalies", ()):
            if anomaly.get("kind") not in {"jump", "copied"} or not anomaly.get("why"):
                raise CatalogueError(f"{name}: a known anomaly needs kind jump/copied and why")
        if entry["basis"] not in BASES:
            raise CatalogueError(f"{name}: unknown basis {entry['basis']!r}")
        needs = {"ratio": ("numerator", "denominator", "factor"), "weighted_mean": ("weight",)}
        for key in needs.get(entry["aggregation"], ()):
            if key not in entry:
                raise CatalogueError(f"{name}: aggregation {entry['aggregation']} needs {key}")
        for key in ("numerator", "denominator", "weight"):
            ref = entry.get(key)
            if ref is None:
                continue
            target = next((e for e in raw if e.get("id") == ref), None)
            if target is None or target["aggregation"] != "sum":
                raise CatalogueError(f"{name}: {key} {ref!r} must be a summable count")
        for origin in entry["origins"]:
            if ("reader" in origin) == ("expr" in origin):
                raise CatalogueError(f"{name}: each origin needs exactly one of reader/expr")
            if "reader" in origin and origin["reader"] not in READERS:
                raise CatalogueError(f"{name}: unknown reader {origin['reader']!r}")
            if origin.get("source", next(iter(sources), None)) not in sources:
                raise CatalogueError(f"{name}: unknown source {origin['source']!r}")
            if origin.get("reader") == "inkar2021":
                expected = MERGE_WEIGHT_OF.get(entry.get("weight"), "population")
                if origin.get("args", {}).get("merge_weight", "population") != expected:
                    raise CatalogueError(f"{name}: Eisenach must merge by {expected}")
            is_atlas = origin.get("reader", "").startswith("atlas_")
            if is_atlas and not origin.get("year_evidence"):
                raise CatalogueError(f"{name}: a Deutschlandatlas origin needs year_evidence")
            if "expr" in origin:
                for ref in expr_names(origin["expr"]):
                    if ref not in ids:
                        raise CatalogueError(f"{name}: expression uses unknown {ref!r}")
    for key, source in sources.items():
        for field_name in ("short", "publisher", "title", "licence", "attribution"):
            if not source.get(field_name):
                raise CatalogueError(f"source {key}: missing {field_name}")


def _freeze(entry):
    entry = dict(entry)
    entry["origins"] = tuple(entry["origins"])
    entry["breaks"] = tuple(entry.get("breaks", ()))
    entry["fields"] = tuple(entry.get("fields", ()))
    entry["not_applicable"] = tuple(entry.get("not_applicable", ()))
    entry["factor"] = float(entry.get("factor", 1.0))
    for bound in ("valid_min", "valid_max"):
        if entry.get(bound) is not None:
            entry[bound] = float(entry[bound])
    entry["approximate"] = tuple(sorted(entry.get("approximate", {}).items()))
    entry["crosschecks"] = tuple(entry.get("crosschecks", ()))
    entry["withheld"] = tuple(
        (year, key) for w in entry.get("withheld", ()) for year in w["years"] for key in w["kreise"]
    )
    entry["known_anomalies"] = tuple(
        (a["kind"], year, a["why"]) for a in entry.get("known_anomalies", ()) for year in a["years"]
    )
    return Indicator(**entry)


def parse(text):
    """Parse and check a catalogue; raises CatalogueError naming the first problem."""
    data = tomllib.loads(text)
    raw = data.get("indicator", [])
    _check(raw, data.get("topics", {}), data.get("sources", {}), data.get("fields", {}))
    catalogue = Catalogue(
        {e["id"]: _freeze(e) for e in raw},
        data["topics"],
        data["sources"],
        data.get("fields", {}),
        int(data["min_year"]),
        int(data["reference_year"]),
        int(data["sizes_since"]),
    )
    catalogue.ingest_order()  # raises on circular expressions
    return catalogue


@cache
def load():
    return parse(CATALOGUE_PATH.read_text(encoding="utf-8"))
