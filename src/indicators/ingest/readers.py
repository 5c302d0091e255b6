"""Readers for the official source files: each returns (ags, year, value) on today's Kreise.

One reader per file layout. Each checks the columns it relies on and names file, column
and row when something does not fit, so a changed source stops the ingest loudly.
"""

import struct
from functools import cache

import pandas as pd

from indicators import paths
from indicators.ingest.errors import IngestError
from indicators.ingest.territory import (
    DISSOLVED,
    kreise_2022,
    merge_dissolved,
    normalise_ags,
    to_current_counts,
)

MISSING_MARKERS = {"-", ".", "x", "/", "...", ":", ""}


def _path(relative):
    """Resolve a raw file at call time (tests point paths.RAW_DIR at doctored copies)."""
    path = paths.RAW_DIR / relative
    if not path.exists():
        raise IngestError(path, "file not found")
    return path


def _label(path, detail):
    """Where a value came from: the raw file relative to the raw folder, plus the column."""
    return f"{path.relative_to(paths.RAW_DIR)} ({detail})"


def _require(frame, columns, file):
    for column in columns:
        if column not in frame.columns:
            raise IngestError(file, "expected column is missing (renamed?)", column=column)


def _keys(series, file, column):
    """Normalise keys; a key that is not a Kreis key at all is an error."""
    keys = series.map(normalise_ags)
    bad = keys.isna() & series.notna()
    if bad.any():
        row = bad.idxmax()
        raise IngestError(file, f"not a Kreis key: {series[row]!r}", column, row)
    return keys


def _numbers(series, file, column):
    """Numbers, with the statistical offices' special characters read as missing."""
    text = series.astype("string").str.strip()
    text = text.mask(text.isin(MISSING_MARKERS))
    values = pd.to_numeric(text, errors="coerce")
    bad = values.isna() & text.notna()
    if bad.any():
        row = bad.idxmax()
        raise IngestError(file, f"not a number: {series[row]!r}", column, row)
    return values.astype("float64")


def _check_unique(frame, file, column, current=True):
    """Keys appear once per year and, once on today's territory, are among the 400 Kreise."""
    unknown = ~frame["ags"].isin(kreise_2022().index) if current else frame["ags"].isna()
    if unknown.any():
        row = unknown.idxmax()
        raise IngestError(file, f"unknown Kreis key {frame.loc[row, 'ags']!r}", column, row)
    dup = frame.duplicated(["ags", "year"], keep="first")
    if dup.any():
        row = dup.idxmax()
        raise IngestError(
            file,
            f"duplicate Kreis key {frame.loc[row, 'ags']!r} for year {frame.loc[row, 'year']}",
            column,
            row,
        )


# --- Destatis Regionaldatenbank (GENESIS) ---------------------------------------------------

GENESIS_AGE = "destatis-regionalstatistik-genesis/12411-02-03-4/12411-02-03-4_{year}.csv"


@cache
def _genesis_age_table(path):
    try:
        frame = pd.read_csv(
            path,
            sep=";",
            encoding="latin-1",
            skiprows=6,
            header=None,
            names=["code", "name", "age", "total", "male", "female"],
            dtype=str,
            on_bad_lines="skip",
            engine="python",
        )
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"cannot be decoded as Latin-1: {exc}") from exc
    # Hamburg and Berlin are Land and Kreis at once and appear only under their Land code.
    frame["code"] = frame["code"].replace({"02": "02000", "11": "11000"})
    frame = frame[frame["code"].str.fullmatch(r"\d{5}", na=False)]
    if frame.empty or frame["age"].isna().all():
        raise IngestError(path, "no Kreis rows found (layout changed?)", column="code")
    return path, frame


def genesis_age(year, groups):
    """Persons in the given age groups (table 12411-02-03-4) on today's Kreise."""
    path, frame = _genesis_age_table(_path(GENESIS_AGE.format(year=year)))
    rows = frame[frame["age"].isin(groups)].copy()
    found = set(rows["age"])
    missing = [g for g in groups if g not in found]
    if missing:
        raise IngestError(path, f"age group {missing[0]!r} not found", column="Altersgruppe")
    rows["value"] = _numbers(rows["total"], path, "Insgesamt")
    rows = rows.dropna(subset=["value"])  # '-' marks keys that did not exist that year
    rows["ags"] = _keys(rows["code"], path, "code")
    counts = rows.groupby("ags", as_index=False)["value"].sum()
    out = to_current_counts(counts, year, path, "code")
    return out.assign(year=year), _label(path, "Insgesamt: " + ", ".join(groups))


# --- Destatis GV-ISys Kreis list and BKG VG250-EW -------------------------------------------


def destatis_kreise(year, column):
    """Area (column 4) or population (column 5) from the Destatis 04-kreise workbook."""
    path = _path(f"destatis-gv-kreise/04-kreise_{year}-12-31.xlsx")
    sheet = pd.read_excel(path, sheet_name=1, header=None, dtype=str, engine="calamine")
    rows = sheet[sheet[0].str.fullmatch(r"\d{5}", na=False)]
    if rows.empty:
        raise IngestError(path, "no 5-digit Kreis keys in the first column", column=0)
    index = {"area_km2": 4, "population": 5}[column]
    frame = pd.DataFrame(
        {
            "ags": _keys(rows[0], path, "Schlüsselnummer"),
            "value": _numbers(rows[index], path, column),
        }
    )
    out = to_current_counts(
        frame, year, path, "Schlüsselnummer", key="area_key" if column == "area_km2" else "pop_key"
    )
    return out.assign(year=year), _label(path, column)


def _read_dbf(path):
    """Minimal dBASE III reader: the BKG attribute tables need nothing more."""
    raw = path.read_bytes()
    n_records, header_len, record_len = struct.unpack("<xxxxIHH", raw[:12])
    fields, pos = [], 32
    while raw[pos] != 0x0D:
        name = raw[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, raw[pos + 16]))
        pos += 32
    records = []
    for i in range(n_records):
        start = header_len + i * record_len + 1
        offset, record = start, {}
        for name, length in fields:
            record[name] = raw[offset : offset + length].decode("utf-8", "replace").strip()
            offset += length
        records.append(record)
    return pd.DataFrame(records)


def vg250_2022(column):
    """Population (EWZ) or area (KFL) of 31.12.2022, land parts only (GF = 4)."""
    path = _path("bkg-vg250-ew-2022/VG250_KRS.dbf")
    table = _read_dbf(path)
    source_column = {"population": "EWZ", "area_km2": "KFL"}[column]
    _require(table, ["AGS", "GF", source_column], path)
    land = table[table["GF"] == "4"]
    frame = pd.DataFrame(
        {
            "ags": _keys(land["AGS"], path, "AGS"),
            "value": _numbers(land[source_column], path, source_column),
            "year": 2022,
        }
    )
    _check_unique(frame, path, "AGS")
    return frame, _label(path, f"{source_column}, GF=4")


# --- Eurostat --------------------------------------------------------------------------------

EUROSTAT_POP = {
    "nuts2021": "eurostat-nuts3/demo_r_pjanaggr3_1990-2022.tsv.gz",
    "nuts2024": "eurostat-nuts3/demo_r_pjanaggr3_2016-2025.tsv",
}
NUTS2024_RECODES = {
    "DEG0R": "16063",
    "DEG0S": "16054",
    "DEG0Q": "16066",
    "DEG0T": "16070",
    "DEG0U": "16073",
    "DEG0V": "16072",
}
NUTS2024_SUCCESSOR = {
    "DEG0N": "DEG0R",
    "DEG0P": "DEG0R",
    "DEG04": "DEG0S",
    "DEG0B": "DEG0Q",
    "DEG0F": "DEG0T",
    "DEG0I": "DEG0U",
    "DEG0H": "DEG0V",
}


def _nuts_to_ags():
    from indicators.ingest.territory import kreise_2022

    mapping = {nuts: ags for ags, nuts in kreise_2022()["nuts3"].items()}
    mapping["DEG0N"] = "16056"  # Eisenach's own NUTS code until 2021
    return mapping


def eurostat_population(vintage, year):
    """Population on 1 January <year+1> (= German Stichtag 31.12.<year>), all ages."""
    path = _path(EUROSTAT_POP[vintage])
    table = pd.read_csv(path, sep="\t", dtype=str)
    key_col = table.columns[0]
    keys = table[key_col].str.split(",", expand=True)
    column = next((c for c in table.columns if c.strip() == str(year + 1)), None)
    if column is None:
        raise IngestError(path, f"no column for 1 January {year + 1}", column=str(year + 1))
    geo = keys.iloc[:, -1]
    pick = (keys.iloc[:, -3] == "T") & (keys.iloc[:, -2] == "TOTAL") & geo.str.match(r"DE\w{3}$")
    rows = table[pick]
    geo = geo[pick]
    values = rows[column].str.replace(r"\s*[a-z]+$", "", regex=True).str.strip()
    frame = pd.DataFrame({"nuts": geo, "value": _numbers(values, path, column)}).dropna()
    # From 2023 on, Eurostat carries new Thuringian codes, for a while beside the old ones:
    # drop an old code whenever its successor has a value, so nobody is counted twice.
    present = set(frame["nuts"])
    frame = frame[~frame["nuts"].map(lambda n: NUTS2024_SUCCESSOR.get(n) in present)]
    mapping = _nuts_to_ags()
    recoded = frame["nuts"].map(NUTS2024_RECODES)
    frame["ags"] = recoded.fillna(frame["nuts"].map(mapping))
    unknown = frame["ags"].isna()
    if unknown.any():
        row = unknown.idxmax()
        raise IngestError(path, f"NUTS code {frame.loc[row, 'nuts']!r} has no Kreis", key_col, row)
    frame["ags"] = frame["ags"].replace(DISSOLVED)
    out = frame.groupby("ags", as_index=False)["value"].sum()
    return out.assign(year=year), _label(path, f"T, TOTAL, 1 Jan {year + 1}")


# --- INKAR (BBSR) ----------------------------------------------------------------------------


def _single_year(periods):
    """INKAR also stores multi-year periods ('2016/2017/2018'); we keep single years only."""
    return periods.astype(str).str.fullmatch(r"\d{4}")


@cache
def _parquet(path):
    return pd.read_parquet(path)


def inkar2024_table(table):
    path = _path(f"inkar-bbsr/release2024/{table}.parquet")
    frame = _parquet(path)
    _require(frame, ["raumbezug", "kennziffer", "zeitbezug"], path)
    return path, frame


def inkar2024(table, column):
    """One INKAR 2024 indicator for all Kreise and years (already on today's territory)."""
    path, frame = inkar2024_table(table)
    _require(frame, [column], path)
    rows = frame[(frame["raumbezug"] == "Kreise") & _single_year(frame["zeitbezug"])]
    out = pd.DataFrame(
        {
            "ags": _keys(rows["kennziffer"], path, "kennziffer"),
            "year": pd.to_numeric(rows["zeitbezug"]).astype(int),
            "value": rows[column].astype("float64"),
        }
    ).dropna(subset=["value"])
    out["ags"] = out["ags"].replace(DISSOLVED)
    _check_unique(out, path, "kennziffer")
    return out, _label(path, column)


def _inkar2021_regions(raumbezug="Kreise"):
    path = _path("inkar-bbsr/release2021/_regionen.parquet")
    regions = _parquet(path)
    _require(regions, ["id", "raumbezug", "kennziffer", "name"], path)
    return regions[regions["raumbezug"] == raumbezug].set_index("id")


def inkar2021_table(table, indicator, raumbezug):
    """Rows (name, year, value) of one INKAR 2021 indicator for one kind of spatial unit."""
    path = _path(f"inkar-bbsr/release2021/{table}.parquet")
    column = f"x{indicator}"
    frame = _parquet(path)
    _require(frame, ["region_id", "zeitbezug", column], path)
    units = _inkar2021_regions(raumbezug)
    rows = frame[frame["region_id"].isin(units.index) & _single_year(frame["zeitbezug"])]
    return path, pd.DataFrame(
        {
            "region_id": rows["region_id"],
            "name": rows["region_id"].map(units["name"]),
            "kennziffer": rows["region_id"].map(units["kennziffer"]),
            "year": pd.to_numeric(rows["zeitbezug"]).astype(int),
            "value": rows[column].astype("float64"),
        }
    )


def inkar2021(table, indicator, merge_weight="population"):
    """One INKAR 2021 indicator (`x<id>` column), on the 401 Kreise of 2019 in every year;
    Eisenach is merged into the Wartburgkreis weighted by `merge_weight`."""
    path, rows = inkar2021_table(table, indicator, "Kreise")
    rows = rows.assign(ags=_keys(rows["kennziffer"], path, "region_id"))
    rows = rows[["ags", "year", "value"]]
    _check_unique(rows, path, "region_id", current=False)  # 401 Kreise of 2019
    return merge_dissolved(rows, merge_weight, path, f"x{indicator}"), _label(path, f"x{indicator}")


def inkar_export(file):
    """INKAR web export (.xls, sheet 'Daten'): row 1 names, row 2 years, then Kreise."""
    path = _path(f"inkar-bbsr/exports-via-gisd/{file}")
    sheet = pd.read_excel(path, sheet_name="Daten", header=None, dtype=str, engine="calamine")
    if sheet.iloc[0, 0] != "Kennziffer":
        raise IngestError(path, "first column is not 'Kennziffer'", column=0, row=0)
    years = sheet.iloc[1, 3:]
    body = sheet.iloc[2:]
    parts = []
    for col, year in years.items():
        parts.append(
            pd.DataFrame(
                {
                    "ags": _keys(body[0], path, "Kennziffer"),
                    "year": int(float(year)),
                    "value": _numbers(body[col], path, f"{year}"),
                }
            )
        )
    out = pd.concat(parts).dropna(subset=["value"])
    _check_unique(out, path, "Kennziffer")
    return out, _label(path, "sheet Daten")


# --- GERDA (INKAR-derived Kreis covariates) and RKI GISD ---------------------------------------


@cache
def _gerda(path):
    import pyreadr

    table = pyreadr.read_r(str(path))["county_covariates_internal"]
    _require(table, ["county_code", "year"], path)
    return path, table


def gerda(column):
    path, table = _gerda(_path("gerda-inkar-covariates/sysdata.rda"))
    _require(table, [column], path)
    out = pd.DataFrame(
        {
            "ags": _keys(table["county_code"], path, "county_code"),
            "year": table["year"].astype(int),
            "value": table[column].astype("float64"),
        }
    ).dropna(subset=["value"])
    _check_unique(out, path, "county_code")
    return out, _label(path, f"county_covariates_internal.{column}")


def gerda_census(column, year):
    """A Zensus 2022 count per municipality (GERDA's census table), summed to Kreise."""
    path = _path("gerda-inkar-covariates/sysdata.rda")
    table = _gerda_census(path)
    _require(table, ["ags", column], path)
    frame = pd.DataFrame(
        {"ags": _keys(table["ags"].str[:5], path, "ags"), "value": table[column].astype(float)}
    )
    out = frame.groupby("ags", as_index=False)["value"].sum(min_count=1).assign(year=year)
    out["ags"] = out["ags"].replace(DISSOLVED)
    _check_unique(out, path, "ags")
    return out, _label(path, f"census_2022_internal.{column}, summed over municipalities")


@cache
def _gerda_census(path):
    import pyreadr

    return pyreadr.read_r(str(path))["census_2022_internal"]


def gisd(column):
    path = _path("rki-gisd/GISD_Bund_Kreis.csv")
    table = pd.read_csv(path, dtype={"kreis_id": str})
    _require(table, ["kreis_id", "year", column], path)
    out = pd.DataFrame(
        {
            "ags": _keys(table["kreis_id"], path, "kreis_id"),
            "year": table["year"].astype(int),
            "value": _numbers(table[column], path, column),
        }
    ).dropna()
    _check_unique(out, path, "kreis_id")
    return out, _label(path, column)


# --- Deutschlandatlas ------------------------------------------------------------------------

ATLAS = "deutschlandatlas/Deutschlandatlas-Daten_Stand-2024-12-12.xlsx"


def _atlas_sheet(sheet):
    return _excel_sheet(_path(ATLAS), sheet)


@cache
def _excel_sheet(path, sheet):
    try:
        frame = pd.read_excel(path, sheet_name=sheet, engine="calamine")
    except ValueError as exc:
        raise IngestError(path, f"sheet {sheet!r} not found") from exc
    return path, frame


def _atlas_values(frame, column, path):
    _require(frame, [column], path)
    values = _numbers(frame[column], path, column)
    return values.mask(values <= -9999)  # the atlas marks missing values with -9999


def atlas_kreis(sheet, column, year):
    """A Kreis indicator of the Deutschlandatlas (one year per sheet)."""
    path, frame = _atlas_sheet(sheet)
    key = frame.columns[0]
    out = pd.DataFrame(
        {
            "ags": _keys(frame[key], path, key),
            "year": year,
            "value": _atlas_values(frame, column, path),
        }
    ).dropna()
    out["ags"] = out["ags"].replace(DISSOLVED)
    _check_unique(out, path, key)
    return out, _label(path, f"{sheet}.{column}")


def gv_gemeinde_population(year):
    """Population per Gemeinde (8-digit AGS) from the GV-ISys extract of 31.12.<year>."""
    return _gv_population(_path(f"destatis-gv-gemeinden/3112{year}_Auszug_GV.xlsx"))


@cache
def _gv_population(path):
    sheet = pd.read_excel(path, sheet_name=1, header=None, dtype=str, engine="calamine")
    rows = sheet[sheet[0] == "60"]
    if rows.empty:
        raise IngestError(path, "no Gemeinde rows (Satzart 60)", column=0)
    ags = rows[2] + rows[3] + rows[4] + rows[6]
    return pd.Series(_numbers(rows[9], path, "Bevölkerung").values, index=ags.values)


def atlas_gemeinde(sheet, column, year, weight_year):
    """A Gemeinde indicator, averaged to Kreise weighted by Gemeinde population."""
    path, frame = _atlas_sheet(sheet)
    key = frame.columns[0]
    gem = frame[key].map(lambda v: str(int(v)).zfill(8))
    population = gv_gemeinde_population(weight_year)
    weights = gem.map(population)
    values = _atlas_values(frame, column, path)
    table = pd.DataFrame({"ags": gem.str[:5], "w": weights, "v": values}).dropna()
    table["wv"] = table["w"] * table["v"]
    grouped = table.groupby("ags")[["wv", "w"]].sum()
    out = (grouped["wv"] / grouped["w"]).rename("value").reset_index().assign(year=year)
    out["ags"] = out["ags"].replace(DISSOLVED)
    detail = (
        f"{sheet}.{column}, weighted by Gemeinde population of "
        f"destatis-gv-gemeinden/3112{weight_year}_Auszug_GV.xlsx"
    )
    return out, _label(path, detail)
