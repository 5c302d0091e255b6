"""Regiopolen-Monitor: entry point (`streamlit run dashboard.py`).

A thin UI over src/indicators: one table of all regions for an indicator and year.
"""

import streamlit as st

from indicators import open_db
from indicators.build import BuildError

st.set_page_config(page_title="Regiopolen-Monitor", page_icon="📊", layout="wide")


@st.cache_resource(show_spinner="Datenbank wird vorbereitet …")
def connection():
    return open_db()


@st.cache_data
def indicator_list():
    return (
        connection()
        .cursor()
        .execute(
            "SELECT indicator_id, label_de, unit_de, attribution, first_year, last_year "
            "FROM indicators ORDER BY topic, label_de"
        )
        .df()
    )


@st.cache_data
def region_table(indicator_id, year):
    return (
        connection()
        .cursor()
        .execute(
            """
        SELECT r.name AS "Region",
               CASE r.kind WHEN 'regiopole' THEN 'Regiopolregion'
                           ELSE 'Metropolregion' END AS "Art",
               v.value AS "Wert"
        FROM regions r
        LEFT JOIN region_values v ON v.region_id = r.region_id
             AND v.indicator_id = ? AND v.year = ?
        ORDER BY v.value DESC NULLS LAST
        """,
            [indicator_id, year],
        )
        .df()
    )


st.title("Regiopolen-Monitor")
st.caption("Regiopolregionen und Metropolregionen im Vergleich – amtliche Indikatoren.")

try:
    indicators = indicator_list()
except BuildError as exc:
    st.error(f"Die Datenbank konnte nicht geöffnet werden: {exc}")
    st.stop()

labels = dict(zip(indicators["indicator_id"], indicators["label_de"], strict=True))
choice = st.selectbox(
    "Indikator", list(labels), format_func=labels.get, index=list(labels).index("gdp_per_capita")
)
meta = indicators.set_index("indicator_id").loc[choice]
years = list(range(int(meta["first_year"]), int(meta["last_year"]) + 1))
year = st.select_slider("Jahr", options=years, value=years[-1])

table = region_table(choice, year)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={"Wert": st.column_config.NumberColumn(f"Wert ({meta['unit_de']})")},
)
st.caption(f"Quelle: {meta['attribution']}. Fehlende Werte bleiben leer.")
