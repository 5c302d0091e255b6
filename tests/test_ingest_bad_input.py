"""Changed or broken raw files stop the ingest with file, column and row — and nothing
in data/ is written."""

import shutil
import subprocess
import sys

import pandas as pd
import pytest
from helpers import needs_raw

from indicators import catalogue as cat
from indicators import paths
from indicators.ingest import pipeline
from indicators.ingest.errors import IngestError
from indicators.ingest.readers import destatis, rki
from indicators.ingest.values import indicator_values

pytestmark = needs_raw
GISD = "rki-gisd/GISD_Bund_Kreis.csv"
GENESIS_2015 = "destatis-regionalstatistik-genesis/12411-02-03-4/12411-02-03-4_2015.csv"


@pytest.fixture
def raw(tmp_path, monkeypatch):
    """An empty raw folder the readers use instead of ../shared/data/raw; `put` copies one
    real file into it and returns its path for doctoring."""
    folder = tmp_path / "raw"
    monkeypatch.setattr(paths, "RAW_DIR", folder)

    def put(relative):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(paths.SHARED_DIR / "raw" / relative, target)
        return target

    return put


def test_missing_file_names_the_file(raw):
    with pytest.raises(IngestError, match=r"rki-gisd/GISD_Bund_Kreis\.csv: file not found"):
        rki.gisd("gisd_score")


def test_renamed_column_names_file_and_column(raw):
    path = raw(GISD)
    path.write_text(path.read_text().replace("gisd_score", "score"))
    with pytest.raises(IngestError, match=r"GISD_Bund_Kreis\.csv, column 'gisd_score'"):
        rki.gisd("gisd_score")


def test_unknown_kreis_key_names_the_row(raw):
    path = raw(GISD)
    table = pd.read_csv(path, dtype=str)
    table.loc[5, "kreis_id"] = "17001"  # there is no Land 17
    table.to_csv(path, index=False)
    with pytest.raises(IngestError, match=r"column 'kreis_id', row 5: unknown Kreis key '17001'"):
        indicator_values(cat.load()["deprivation_index"], {}, 2010)


def test_malformed_key_names_the_row(raw):
    path = raw(GISD)
    table = pd.read_csv(path, dtype=str)
    table.loc[7, "kreis_id"] = "Rostock"
    table.to_csv(path, index=False)
    with pytest.raises(IngestError, match=r"column 'kreis_id', row 7: not a Kreis key: 'Rostock'"):
        rki.gisd("gisd_score")


def test_duplicate_key_names_the_row(raw):
    path = raw(GISD)
    table = pd.read_csv(path, dtype=str)
    table = pd.concat([table, table.iloc[[10]]], ignore_index=True)
    table.to_csv(path, index=False)
    with pytest.raises(IngestError, match=rf"row {len(table) - 1}: duplicate Kreis key"):
        rki.gisd("gisd_score")


def test_value_out_of_range_is_implausible(raw):
    path = raw(GISD)
    table = pd.read_csv(path, dtype=str)
    table.loc[table["kreis_id"].str.zfill(5) == "13003", "gisd_score"] = "1.7"
    table.to_csv(path, index=False)
    with pytest.raises(IngestError, match=r"implausible value 1\.7 .* Kreis 13003"):
        indicator_values(cat.load()["deprivation_index"], {}, 2010)


def test_negative_population_is_implausible(raw, monkeypatch):
    raw("bbsr-umsteigeschluessel/ref-kreise-umrech-2021-1990-2020.xlsx")
    path = raw(GENESIS_2015)
    text = path.read_bytes().decode("latin-1")
    text = text.replace(
        "Rostock, Hansestadt;Insgesamt;206011", "Rostock, Hansestadt;Insgesamt;-206011"
    )
    path.write_bytes(text.encode("latin-1"))
    population = cat.load()["population"]
    only_2015 = population.__class__(
        **{
            **population.__dict__,
            "origins": (
                {"reader": "genesis_age", "years": [2015, 2015], "args": {"groups": ["Insgesamt"]}},
            ),
        }
    )
    with pytest.raises(
        IngestError,
        match=r"12411-02-03-4_2015\.csv.*implausible value "
        r"-206011\.0 for population .* Kreis 13003",
    ):
        indicator_values(only_2015, {}, 2010)


def test_share_over_100_percent_is_implausible(raw):
    path = raw("inkar-bbsr/release2024/wirtschaft.parquet")
    table = pd.read_parquet(path)
    row = table.index[
        (table["raumbezug"] == "Kreise")
        & (table["kennziffer"] == "13003000")
        & (table["zeitbezug"] == "2020")
    ][0]
    table.loc[row, "a_bws_2sektor"] = 130.0
    table.to_parquet(path)
    with pytest.raises(
        IngestError,
        match=r"wirtschaft\.parquet \(a_bws_2sektor\).*implausible "
        r"value 130\.0 .*limit 100\.0.*Kreis 13003",
    ):
        indicator_values(cat.load()["share_gva_industry"], {}, 2010)


def test_wrong_encoding_is_reported(raw):
    path = raw(GENESIS_2015)
    path.write_bytes(path.read_bytes().replace(b"Insgesamt", b"Gesamt"))
    with pytest.raises(IngestError, match=r"age group 'Insgesamt' not found"):
        destatis.genesis_age(2015, ["Insgesamt"])


def test_failed_ingest_leaves_curated_files_untouched(raw, tmp_path):
    target = tmp_path / "data"
    target.mkdir()
    (target / "kreis_values.parquet").write_bytes(b"previous curated table")
    with pytest.raises(IngestError):
        pipeline.run(target)
    assert [p.name for p in target.iterdir()] == ["kreis_values.parquet"]
    assert (target / "kreis_values.parquet").read_bytes() == b"previous curated table"


def test_save_is_all_or_nothing(tmp_path):
    target = tmp_path / "data"
    target.mkdir()
    (target / "regions.csv").write_text("old")
    tables = {"regions.csv": pd.DataFrame({"a": [1]}), "broken.geojson": {1, 2}}  # not JSON
    with pytest.raises(TypeError):
        pipeline.save(tables, target)
    assert sorted(p.name for p in target.iterdir()) == ["regions.csv"]
    assert (target / "regions.csv").read_text() == "old"


def test_command_line_reports_without_traceback(tmp_path):
    env = {
        "REGIOPOLE_SHARED_DIR": str(tmp_path / "nowhere"),
        "REGIOPOLE_DATA_DIR": str(tmp_path / "data"),
        "PATH": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "indicators.ingest"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Ingest stopped, data/ left unchanged" in result.stderr
    assert "file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_changed_encoding_names_the_file(raw):
    path = raw(GENESIS_2015)
    path.write_bytes(path.read_bytes().decode("latin-1").encode("utf-16"))
    with pytest.raises(IngestError, match=r"12411-02-03-4_2015\.csv"):
        destatis.genesis_age(2015, ["Insgesamt"])
