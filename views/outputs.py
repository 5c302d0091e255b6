"""What the pages share besides elements: downloads (CSV and Excel of exactly what is
shown), an indicator's definition and caveats beside it, citable sentences, number-formatted
tables and a friendly stop."""

import html
import re
from pathlib import Path

import streamlit as st

from indicators import catalogue
from indicators.display import exports, formatting, i18n
from views import cache
from views.state import lang, stop, t


def sentence(text):
    """A citable sentence with a copy button (the code block's own)."""
    st.caption(t("sentence_label"))
    st.code(text, language=None, wrap_lines=True)


def in_words(figure, summary, data, indicators=()):
    """A chart's text alternative, reachable by keyboard and screen reader: its finding in
    words under it, and its data as a real table (collapsed) under the chart's title."""
    if summary:  # as HTML-escaped text: a region's name from a link never becomes a link
        st.html(
            f'<p class="chart-words">{html.escape(t("chart_in_words"))}: {html.escape(summary)}</p>'
        )
    if data is None or data.empty:
        return
    with st.expander(t("chart_as_table")):
        st.html(f'<p class="chart-words">{html.escape(plain_title(figure))}</p>')
        # st.table: a real HTML table (a grid draws on a canvas, which readers cannot read)
        st.table(exports.publishable(data, cache.snap(), lang(), tuple(indicators or ())))


def plain_title(figure):
    """The chart's title without Plotly's line breaks and markup."""
    text = (figure.layout.meta or {}).get("title") or figure.layout.title.text or ""
    return re.sub(r"<[^>]+>", " ", text).strip()


def indicator_notes(indicator_ids):
    """Definition and caveats of each indicator beside its chart or table, so that whoever
    quotes a figure sees its limits there (e.g. students counted at the seat of a
    distance-learning university), not only on the methods page."""
    language = lang()
    for indicator_id in dict.fromkeys(indicator_ids):
        meta = cache.snap().meta[indicator_id]
        if note := i18n.field(meta, "ranking_note", language):
            st.caption("⚠️ " + note)
        label = i18n.field(meta, "label", language)
        if declared := catalogue.load()[indicator_id].approximation():
            unit = i18n.field(meta, "unit", language)
            bound = formatting.approximation_bound(declared, unit, meta["decimals"], language)
            st.caption("≈ " + t("approximate_note", bound=bound))
        with st.expander(t("indicator_notes", indicator=label)):
            st.caption(f"{t('description')}: " + i18n.field(meta, "description", language))
            st.caption(f"{t('caveats')}: " + i18n.field(meta, "caveats", language))


def download(frame, stem, key, label=None, indicators=None, notes=True, raw=False):
    """CSV and Excel downloads of exactly the data shown, generated only when clicked.

    Both files carry the data as published (exports.publishable: rounded to each
    indicator's decimals, columns in words, source, licence and year per row); the workbook's
    second sheet describes the indicators (`indicators`, or the frame's column indicator_id)
    with their sources and licences. `raw`: a database table as it is. Indicators named
    explicitly also get their definition and caveats on the page (`notes`)."""
    language = lang()
    if indicators is not None and notes:
        indicator_notes(indicators)
    if indicators is None:
        indicators = list(frame["indicator_id"].unique()) if "indicator_id" in frame else []
    named = [c for c in frame.columns if c in cache.snap().meta]  # a scatter plot's axes
    described = list(dict.fromkeys([*indicators, *named]))

    def published():
        if raw:  # a database table as documented in docs/database.md
            return frame
        return exports.publishable(frame, cache.snap(), language, tuple(indicators))

    left, right = st.columns([1, 1], width=420)
    left.download_button(
        label or t("download_csv"),
        lambda: exports.csv_bytes(published(), language),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=key,
        icon="⬇️",
    )
    note = i18n.t("export_note", language, date=formatting.today(language))
    right.download_button(
        t("download_xlsx"),
        lambda: exports.excel_bytes(
            published(),
            exports.metadata(cache.snap(), described, language),
            (i18n.t("sheet_data", language), i18n.t("sheet_meta", language)),
            note,
        ),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        icon="⬇️",
    )


def chart_config(stem):
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": stem, "scale": 2},
    }


def styled(frame, digits):
    """A table whose numbers use the language's separators but still sort as numbers.

    digits: column -> number of decimals. (No `decimal=`/`thousands=` here: pandas would
    apply them again to the formatter's output and swap the separators back.)
    """
    language = lang()
    return frame.style.format(
        {c: (lambda v, d=d: formatting.number(v, language, d)) for c, d in digits.items()},
        na_rep=formatting.MISSING,
    )


def stop_with(message):
    """A friendly stop when inputs are missing (never a traceback)."""
    st.info(message)
    stop()


def print_style():
    """Our own static print stylesheet (no data or user input in it): content only, full
    width, when a page is printed or saved as PDF from the browser."""
    st.html(f"<style>{(Path(__file__).with_name('print.css')).read_text()}</style>")
