"""BKG: the attribute table of VG250-EW (31.12.2022), read with a minimal dBASE parser."""

import struct

import pandas as pd

from indicators.ingest.readers.common import (
    check_unique,
    keys,
    label,
    numbers,
    path_of,
    require,
)
from indicators.ingest.readers.registry import reader

GENESIS_AGE = "destatis-regionalstatistik-genesis/12411-02-03-4/12411-02-03-4_{year}.csv"


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


@reader("bkg")
def vg250_2022(column):
    """Population (EWZ) or area (KFL) of 31.12.2022, land parts only (GF = 4)."""
    path = path_of("bkg-vg250-ew-2022/VG250_KRS.dbf")
    table = _read_dbf(path)
    source_column = {"population": "EWZ", "area_km2": "KFL"}[column]
    require(table, ["AGS", "GF", source_column], path)
    land = table[table["GF"] == "4"]
    frame = pd.DataFrame(
        {
            "ags": keys(land["AGS"], path, "AGS"),
            "value": numbers(land[source_column], path, source_column),
            "year": 2022,
        }
    )
    check_unique(frame, path, "AGS")
    return frame, label(path, f"{source_column}, GF=4")
