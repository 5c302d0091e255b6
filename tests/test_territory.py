"""Territory: INKAR 2021 is on the Kreise of 31.12.2019 in every year, so only Eisenach's
merger into the Wartburgkreis (2021) is converted, with the indicator's own weight.

Hand-checked values from inkar-bbsr/release2021 and the BBSR key of 31.12.2019
(bbsr-umsteigeschluessel, sheet 2019: Eisenach 104.17 km², Wartburgkreis 1,266.98 km²).
"""

import pandas as pd
import pytest
from helpers import kreis_value, needs_raw, region_value

from indicators import catalogue, paths


@pytest.mark.parametrize(
    ("ags", "year", "published"),
    [
        ("16054", 2018, 438.69),  # Suhl: the audit found 466.90 (re-converted to 2021 borders)
        ("16066", 2018, 406.86),  # Schmalkalden-Meiningen (408.48 before)
        ("16072", 2018, 845.07),  # Sonneberg (842.40 before)
    ],
)
def test_thuringia_before_2019_is_not_converted_twice(con, ags, year, published):
    assert kreis_value(con, ags, "municipal_debt_per_capita", year) == pytest.approx(published)


def test_eisenach_drive_times_merge_by_area(con):
    # IC station 2020: Eisenach 2.46 min, Wartburgkreis 22.93 min (plain mean 12.70: wrong).
    expected = (2.46 * 104.17 + 22.93 * 1266.98) / (104.17 + 1266.98)
    assert expected == pytest.approx(21.37, abs=0.01)
    assert kreis_value(con, "16063", "minutes_to_ic_station", 2020) == pytest.approx(expected)


def test_merged_kreis_is_missing_where_eisenach_is(con):
    """INKAR has no road deaths for Eisenach 2015–2017: the Wartburgkreis alone is no answer."""
    for year in (2015, 2016, 2017):
        assert kreis_value(con, "16063", "road_deaths_per_100000", year) is None
    assert kreis_value(con, "16063", "road_deaths_per_100000", 2018) is not None


@pytest.mark.parametrize(
    ("ags", "year", "published"),
    [("03159", 2010, 2143.65), ("03159", 2015, 1364.13), ("13071", 2010, 1605.95)],
)
def test_kreise_formed_by_reforms_keep_inkar_history(con, ags, year, published):
    """INKAR 2021 publishes Göttingen 03159 from 2010 and the MV Kreise of 2011 for 2010."""
    assert kreis_value(con, ags, "municipal_debt_per_capita", year) == pytest.approx(published)


@pytest.mark.parametrize(
    ("region", "year"),
    [("de", 2010), ("de", 2015), ("hannover", 2012), ("goettingen", 2015), ("rostock", 2010)],
)
def test_regions_with_reformed_kreise_have_values(con, region, year):
    assert region_value(con, region, "municipal_debt_per_capita", year) is not None


@needs_raw
def test_every_inkar2021_value_equals_the_source_except_the_merged_kreis(con):
    """All INKAR 2021 indicators, all Kreise but 16063, all years: exactly the published value."""
    raw = paths.RAW_DIR / "inkar-bbsr/release2021"
    regions = pd.read_parquet(raw / "_regionen.parquet")
    kreise = regions[regions["raumbezug"] == "Kreise"].set_index("id")["kennziffer"]
    ours = con.execute("SELECT ags, indicator_id, year, value FROM kreis_values").df()
    checked = 0
    for ind in catalogue.load():
        for origin in ind.origins:
            if origin.get("reader") != "inkar2021":
                continue
            args = origin["args"]
            table = pd.read_parquet(raw / f"{args['table']}.parquet")
            table = table[table["region_id"].isin(kreise.index)]
            published = pd.DataFrame(
                {
                    "ags": table["region_id"].map(kreise).astype(int).astype(str).str.zfill(5),
                    "year": pd.to_numeric(table["zeitbezug"], errors="coerce"),
                    "published": table[f"x{args['indicator']}"],
                }
            ).dropna()
            marker = (published["published"] == -0.01) & (ind.bounds()[0] == 0)
            zeros = (published["published"] == 0) & ind.zero_means_missing
            first, last = origin.get("years", [2010, 2030])
            withheld = ind.withheld
            dropped = published.apply(
                lambda r, w=withheld: any(r["year"] == y and r["ags"].startswith(k) for y, k in w),
                axis=1,
            )
            published = published[
                ~published["ags"].isin(["16056", "16063", *ind.not_applicable])
                & published["year"].between(max(first, 2010), last)
                & ~marker
                & ~zeros
                & ~dropped
            ]
            mine = ours[ours["indicator_id"] == ind.id]
            both = published.merge(mine, on=["ags", "year"], how="left")
            assert both["value"].notna().all(), (ind.id, both[both["value"].isna()].head())
            assert (both["value"] - both["published"]).abs().max() < 1e-9, ind.id
            checked += len(both)
    assert checked > 40_000


def test_area_states_the_territory_it_is_on(con):
    """2018 areas are of today's Kreise (Suhl after its 2019 enlargement), and the definition
    says so instead of promising the area 'on 31.12. of the year' of the old Kreis."""
    ind = catalogue.load()["area_km2"]
    assert "31.12.2022" in ind.description_de and "31 December 2022" in ind.description_en
    assert "2019" in ind.caveats and "2019" in ind.caveats_de
    suhl_2018 = kreis_value(con, "16054", "area_km2", 2018)
    assert suhl_2018 == pytest.approx(kreis_value(con, "16054", "area_km2", 2021), abs=0.1)
