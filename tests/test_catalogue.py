"""The catalogue is the single source of truth: it must be complete and consistent."""

import pytest

from indicators import catalogue as cat
from indicators.paths import CATALOGUE_PATH

REQUIRED_UNITS = {
    "population": "persons",
    "area_km2": "km²",
    "population_density": "inhabitants per km²",
    "share_under_18": "%",
    "share_65_plus": "%",
    "gdp": "million EUR",
    "gdp_per_capita": "EUR per inhabitant",
    "gdp_per_employed": "EUR per employed person",
    "unemployment_rate": "%",
    "household_income_per_capita": "EUR per inhabitant and year",
    "students_per_1000": "per 1,000 inhabitants",
    "physicians_per_10000": "per 10,000 inhabitants",
    "hospital_beds_per_1000": "per 1,000 inhabitants",
    "broadband_1000_share": "% of households",
    "municipal_debt_per_capita": "EUR per inhabitant",
}


def test_required_indicators_exist_with_their_units():
    catalogue = cat.load()
    for ind_id, unit in REQUIRED_UNITS.items():
        assert catalogue[ind_id].unit == unit, ind_id
    assert catalogue["overnight_stays_per_capita"].unit == "stays per inhabitant"
    assert catalogue["commuter_balance"].unit == "per 100 employees at workplace"


def test_at_least_130_indicators_covering_every_topic():
    catalogue = cat.load()
    assert len(catalogue) >= 130
    used = {ind.topic for ind in catalogue}
    assert (
        used
        == set(catalogue.topics)
        == {
            "demography",
            "economy",
            "labour",
            "income_social",
            "education",
            "health",
            "mobility",
            "digital",
            "housing_land",
            "tourism",
            "public_finance",
            "services",
            "childcare_schools",
            "safety_participation",
            "energy_environment",
            "federal_funds",
        }
    )


def test_every_indicator_is_documented_and_licensed():
    catalogue = cat.load()
    for ind in catalogue:
        assert ind.description_de and ind.description_en and ind.caveats, ind.id
        assert catalogue.attribution(ind), ind.id
        assert set(catalogue.licence(ind).split(", ")) <= {"dl-de/by-2-0", "CC BY 4.0"}


def test_ratio_and_weights_refer_to_counts():
    catalogue = cat.load()
    for ind in catalogue:
        for ref in (ind.numerator, ind.denominator, ind.weight):
            if ref:
                assert catalogue[ref].aggregation == "sum", (ind.id, ref)


def test_every_indicator_has_values_in_the_database(con):
    rows = dict(
        con.execute("SELECT indicator_id, count(*) FROM kreis_values GROUP BY 1").fetchall()
    )
    for ind in cat.load():
        # a single year of 400 Kreise at least; where the atlas leaves Gemeinden empty, a
        # few Kreise stay missing and the catalogue lowers the coverage regions need
        assert rows.get(ind.id, 0) >= (400 if ind.min_coverage == 1 else 385), ind.id


def test_database_metadata_matches_catalogue(con):
    catalogue = cat.load()
    db = con.execute("SELECT indicator_id, unit, aggregation, polarity FROM indicators").df()
    assert len(db) == len(catalogue)
    for row in db.itertuples():
        ind = catalogue[row.indicator_id]
        assert (row.unit, row.aggregation, row.polarity) == (
            ind.unit,
            ind.aggregation,
            ind.polarity,
        )


def _broken(old, new):
    text = CATALOGUE_PATH.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('weight = "labour_force"', 'weight = "unemployment_rate"', "must be a summable count"),
        ('weight = "labour_force"', 'weight = "nonexistent"', "must be a summable count"),
        ('polarity = "lower_better"', 'polarity = "sideways"', "unknown polarity"),
        ('topic = "tourism"', 'topic = "leisure"', "unknown topic"),
        ('{ expr = "gdp_per_capita * population / 1e6" }', '{ expr = "gdp * 2" }', "circular"),
        ('id = "gva"', 'id = "gdp"', "declared twice"),
        ('{ reader = "gisd", args', '{ reader = "rki_magic", args', "unknown reader"),
        ('indicator = 336, merge_weight = "area"', "indicator = 336", "merge by area"),
    ],
)
def test_inconsistent_catalogue_is_rejected(old, new, message):
    with pytest.raises(cat.CatalogueError, match=message):
        cat.parse(_broken(old, new))


def test_readers_are_registered_with_their_publisher():
    """Every reader declares a catalogue source; per-year readers take the year."""
    import inspect

    from indicators.ingest.readers import READERS

    catalogue = cat.load()
    assert len(READERS) == 12
    for name, spec in READERS.items():
        assert spec.source in catalogue.sources, name
        takes_year = "year" in inspect.signature(spec.function).parameters
        assert takes_year or not spec.per_year, name
    used = {o["reader"] for ind in catalogue for o in ind.origins if "reader" in o}
    assert used <= set(READERS)


def test_catalogue_declares_display_and_time_metadata():
    """Decimals, ranges, lead cards, similarity and years live in the catalogue, not in code."""
    catalogue = cat.load()
    assert catalogue.headlines() == [
        "population",
        "gdp_per_capita",
        "unemployment_rate",
        "household_income_per_capita",
        "physicians_per_10000",
        "broadband_1000_share",
    ]
    assert len(catalogue.similarity()) == 13 and "population" not in catalogue.similarity()
    assert (catalogue.min_year, catalogue.reference_year, catalogue.sizes_since) == (
        2010,
        2022,
        2011,
    )
    assert catalogue["population"].decimals == 0
    assert catalogue["unemployment_rate"].decimals == 1
    assert catalogue["unemployment_rate"].bounds() == (0, 100)
    assert catalogue["commuter_balance"].bounds() == (-300, 100)


def test_every_network_field_has_indicators_a_lead_region_and_notes():
    """The field view groups indicators by the network's eight fields of work."""
    catalogue = cat.load()
    assert len(catalogue.fields) == 8
    for key, field in catalogue.fields.items():
        members = [i.id for i in catalogue if key in i.fields]
        assert len(members) >= 4, key
        assert field["lead"] and field["de"] and field["en"]
        assert len(field["note_de"]) > 100 and len(field["note_en"]) > 100


def test_unknown_field_is_rejected():
    text = CATALOGUE_PATH.read_text(encoding="utf-8")
    broken = text.replace('fields = ["health_care"]', 'fields = ["healthcare"]', 1)
    with pytest.raises(cat.CatalogueError, match="unknown field 'healthcare'"):
        cat.parse(broken)
