"""Regiopolen-Monitor indicator package: data build, catalogue, aggregation, comparisons.

Plain Python, no Streamlit: the dashboard, notebooks and tests all call the same code.
Submodules load lazily, so `python -m indicators.build` does not import itself twice.
"""

import importlib

__all__ = ["compare", "open_db"]


def __getattr__(name):
    if name == "open_db":
        return importlib.import_module("indicators.db").open_db
    if name == "compare":
        return importlib.import_module("indicators.compare")
    raise AttributeError(f"module 'indicators' has no attribute {name!r}")
