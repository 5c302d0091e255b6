"""Where things live. The raw sources sit beside the repository, never inside it."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("REGIOPOLE_DATA_DIR", REPO_ROOT / "data"))
SHARED_DIR = Path(os.environ.get("REGIOPOLE_SHARED_DIR", REPO_ROOT.parent / "shared" / "data"))
RAW_DIR = SHARED_DIR / "raw"
REGIONS_DIR = SHARED_DIR / "regions"
DB_PATH = Path(os.environ.get("REGIOPOLE_DB", DATA_DIR / "regiopole.duckdb"))
CATALOGUE_PATH = Path(__file__).with_name("catalogue.toml")
