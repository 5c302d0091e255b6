"""Presentation logic without Streamlit: texts, number formats, URL state, charts, maps.

Kept apart from the pages so it can be unit-tested and reused (e.g. for exports).
"""
