"""`python -m indicators.ingest`: rebuild data/ from ../shared/data."""

import sys
import time

from indicators.ingest.errors import IngestError
from indicators.ingest.pipeline import run
from indicators.paths import DATA_DIR


def main():
    start = time.perf_counter()
    try:
        tables = run()
    except IngestError as exc:
        print(f"Ingest stopped, data/ left unchanged.\n{exc}", file=sys.stderr)
        return 1
    values = tables["kreis_values.parquet"]
    print(
        f"Wrote {len(tables)} curated files to {DATA_DIR} in "
        f"{time.perf_counter() - start:.1f} s: {values['indicator_id'].nunique()} indicators, "
        f"{len(values):,} Kreis values, {len(tables['regions.csv'])} regions."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
