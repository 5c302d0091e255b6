"""Daten & Methodik: the catalogue, the region definitions, the three regiopole lists,
downloads and how to cite."""

from datetime import date

import streamlit as st

from indicators import db
from views import shared

t = shared.t
s = shared.snap()
lang = shared.lang()
st.title(t("page_methods"))

st.subheader(t("methods_aggregation"))
st.write(t("methods_aggregation_text"))

st.subheader(t("methods_catalogue"))
catalogue = shared.table("indicators")
de = lang == "de"
topics = dict(zip(catalogue["indicator_id"], catalogue["topic"], strict=True))


def rule(row):
    if row["aggregation"] == "ratio":
        return f"Σ {row['numerator']} / Σ {row['denominator']}"
    if row["aggregation"] == "weighted_mean":
        return f"{'gewichtet mit' if de else 'weighted by'} {row['weight']}"
    return "Σ"


view = catalogue.assign(
    label=catalogue["label_de" if de else "label_en"],
    unit_shown=catalogue["unit_de" if de else "unit"],
    description=catalogue["description_de" if de else "description_en"],
    caveat=catalogue["caveats_de" if de else "caveats"],
    years=catalogue["first_year"].astype(str) + "–" + catalogue["last_year"].astype(str),
    rule=catalogue.apply(rule, axis=1),
)
columns = {
    "indicator_id": "id",
    "label": t("indicator"),
    "unit_shown": t("unit"),
    "topic": t("topic"),
    "description": t("description"),
    "years": t("years"),
    "rule": t("aggregation"),
    "source": t("source"),
    "licence": t("licence"),
    "caveat": t("caveats"),
}
st.dataframe(
    view[list(columns)].rename(columns=columns),
    hide_index=True,
    height=420,
    key="methods_catalogue",
)
shared.download(view[list(columns)], "indikatoren", key="dl_catalogue")

st.subheader(t("methods_lists"))
st.markdown(t("methods_lists_text"))

st.subheader(t("methods_regions"))
members = shared.table("region_members").merge(shared.table("kreise")[["ags", "name"]], on="ags")
member_text = (
    members.assign(
        text=members["name"] + [f" ({100 * v:.0f} %)" if v < 1 else "" for v in members["share"]]
    )
    .groupby("region_id")["text"]
    .agg(", ".join)
)
regions = s.regions.assign(
    kind_label=[t(f"kind_{k}") for k in s.regions["kind"]],
    members=s.regions["region_id"].map(member_text),
    status=[t(f"definition_{d}") for d in s.regions["definition"]],
)
region_columns = {
    "name": t("region"),
    "kind_label": t("kind"),
    "in_aring_reuther_2008": "Aring/Reuther",
    "in_regiostar_2018": "RegioStaR",
    "network_member": "Netzwerk" if de else "Network",
    "status": t("status"),
    "members": t("members"),
    "source": t("source"),
}
st.dataframe(
    regions[list(region_columns)].rename(columns=region_columns),
    hide_index=True,
    height=420,
    key="methods_regions",
)

st.subheader(t("methods_downloads"))
cols = st.columns(3)
for position, name in enumerate(
    ["indicators", "regions", "region_members", "kreise", "region_values", "sources"]
):
    with cols[position % 3]:
        shared.download(shared.table(name), name, key=f"dl_table_{name}", label=f"{name}.csv")
with cols[0]:
    st.download_button(
        t("db_file"),
        db.file_bytes,
        file_name="regiopole.duckdb",
        mime="application/octet-stream",
        key="dl_db",
        icon="⬇️",
    )

st.subheader(t("methods_cite"))
sources = "; ".join(shared.table("sources")["short"])
st.code(t("methods_cite_text", date=date.today().isoformat(), sources=sources), language=None)
