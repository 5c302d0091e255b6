"""Files to take away: CSV tables, Excel workbooks with their metadata, and the one-page
region profile as PDF. They say what the numbers are, where they come from and when they
were exported, and a text from a link or a file never turns into a spreadsheet formula."""

import io
import re
from decimal import Decimal

import pandas as pd

from indicators.display import i18n

# A spreadsheet reads a CSV cell starting with one of these as a formula (OWASP: CSV
# injection); such text cells get a leading apostrophe. Plain numbers ("-1.5") stay as they are.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)*")

# The PDF's built-in Helvetica covers Latin-1 only: typographic characters get a plain twin.
_PLAIN = str.maketrans({"–": "-", "—": "-", "„": '"', "“": '"', "”": '"', "≥": ">=", "≤": "<="})


# How each column of a page's data is published: its heading (an i18n key) and how its
# values are written. value: the indicator's own decimals (catalogue `decimals`); index and
# percent: one decimal; ratio: three; count and year: whole numbers; kind, topic and flag:
# translated into words; text: as it is; drop: internal ids that a named column repeats.
COLUMNS = {
    "indicator_id": ("indicator", "indicator"),
    "label": ("indicator", "drop_if_id"),
    "label_de": ("indicator", "drop"),
    "label_en": ("indicator", "drop"),
    "region_id": ("region", "region_if_unnamed"),
    "region_ids": ("region", "drop"),
    "regiopole_set": ("region", "drop"),
    "direction": ("region", "drop"),
    "id": ("col_key", "text"),
    "ags": ("col_ags", "text"),
    "name": ("col_name", "text"),
    "region": ("region", "text"),
    "series": ("col_series", "text"),
    "kind": ("kind", "kind"),
    "topic": ("topic", "topic"),
    "year": ("year", "count"),
    "previous_year": ("col_previous_year", "count"),
    "value": ("value", "value"),
    "raw_value": ("value", "value"),
    "group_value": ("col_group_value", "value"),
    "germany": ("germany", "value"),
    "peer_median": ("peer_median", "value"),
    "regiopole_median": ("regiopole_median", "value"),
    "metropolitan_median": ("metropolitan_median", "value"),
    "gap": ("col_gap", "value"),
    "abs_change": ("change", "value"),
    "change": ("change", "value"),
    "index": ("col_index", "index"),
    "index_de": ("col_index_de", "index"),
    "percentile": ("percentile", "index"),
    "pct_change": ("col_change_pct", "index"),
    "change_pct": ("col_change_pct", "index"),
    "ratio": ("col_ratio", "ratio"),
    "cv": ("col_cv", "ratio"),
    "share": ("share", "ratio"),
    "coverage": ("col_coverage", "ratio"),
    "rank": ("rank", "count"),
    "n": ("col_n", "count"),
    "n_regiopole": ("col_n_regiopole", "count"),
    "n_metropolitan": ("col_n_metropolitan", "count"),
    "change_across_break": ("col_across_break", "flag"),
    "break": ("col_break", "flag"),
    "unit": ("unit", "text"),
    "overlaps": ("overlaps", "text"),
}
_DIGITS = {"index": 1, "ratio": 3, "count": 0}


def metadata(snap, indicator_ids, lang):
    """One row per indicator: label, unit, definition, caveats, source and licence, under
    headings in the reader's language (the same words as the data sheet)."""
    rows = []
    for indicator_id in dict.fromkeys(indicator_ids):
        info = snap.meta[indicator_id]
        years = range(int(info["first_year"]), int(info["last_year"]) + 1)
        sources = snap.sources_for(indicator_id, years)
        rows.append(
            {
                i18n.t("indicator", lang): i18n.field(info, "label", lang),
                i18n.t("unit", lang): i18n.field(info, "unit", lang),
                i18n.t("col_decimals", lang): int(info["decimals"]),
                i18n.t("description", lang): i18n.field(info, "description", lang),
                i18n.t("caveats", lang): i18n.field(info, "caveats", lang) or "",
                i18n.t("source", lang): "; ".join(s["attribution"] for s in sources),
                i18n.t("licence", lang): ", ".join(dict.fromkeys(s["licence"] for s in sources)),
            }
        )
    return pd.DataFrame(rows)


def publishable(frame, snap, lang, indicators=()):
    """A page's data as it is published (CSV and Excel): each value rounded to its
    indicator's declared decimals, columns named in words in the reader's language, internal
    ids dropped, and the source, licence and year of each value in their own columns, so
    that the file alone can be cited.

    indicators: the indicators of the rows when the frame has no indicator_id column (one
    indicator: all rows); a column named after an indicator holds that indicator's values
    (a scatter plot's axes)."""
    frame = frame.reset_index(drop=True)
    meta = snap.meta
    if "indicator_id" in frame:
        row_ids = list(frame["indicator_id"])
    elif indicators and len(indicators) == 1:
        row_ids = [indicators[0]] * len(frame)
    else:
        row_ids = [None] * len(frame)
    named = [c for c in frame.columns if c in meta]  # columns named by an indicator
    years = list(frame["year"]) if "year" in frame else [None] * len(frame)
    out = {}
    for column in frame.columns:
        if column in named:
            heading = f"{_label(meta[column], lang)} ({i18n.field(meta[column], 'unit', lang)})"
            out[heading] = _rounded(frame[column], [_decimals(meta, column)] * len(frame))
            continue
        key, how = COLUMNS.get(column, (None, "text"))
        if how == "drop" or (how == "drop_if_id" and "indicator_id" in frame):
            continue
        heading = i18n.t(key, lang) if key else str(column)
        values = frame[column]
        if how == "region_if_unnamed":
            if "name" in frame or "region" in frame:
                continue
            values = [_region(snap, r, lang) for r in values]
        elif how == "indicator":
            values = [_label(meta[i], lang) if i in meta else i for i in values]
        elif how == "value":
            values = _rounded(values, [_decimals(meta, i) for i in row_ids])
        elif how in _DIGITS:
            values = _rounded(values, [_DIGITS[how]] * len(frame))
        elif column == "unit" and "indicator_id" in frame:  # the catalogue's, in words
            values = [i18n.field(meta[i], "unit", lang) if i in meta else None for i in row_ids]
        elif how == "kind":
            values = [_kind(k, lang) for k in values]
        elif how == "topic":
            values = [_topic(k, lang) for k in values]
        elif how == "flag":
            values = [_flag(v, lang) for v in values]
        out[heading] = list(values) if not isinstance(values, pd.Series) else values
    table = pd.DataFrame(out)
    has_values = named or any(COLUMNS.get(c, ("", ""))[1] == "value" for c in frame.columns)
    if has_values and any(row_ids + named):
        if "unit" not in frame and not named:
            units = [i18n.field(meta[i], "unit", lang) if i in meta else None for i in row_ids]
            table[i18n.t("unit", lang)] = units
        cited = [
            _citation(snap, [i for i in [r, *named] if i in meta], y)
            for r, y in zip(row_ids, years, strict=True)
        ]
        table[i18n.t("source", lang)] = [c[0] for c in cited]
        table[i18n.t("licence", lang)] = [c[1] for c in cited]
        if "year" not in frame:
            table[i18n.t("year", lang)] = [c[2] for c in cited]
    return table


def _label(info, lang):
    return i18n.field(info, "label", lang)


def _decimals(meta, indicator_id):
    return int(meta[indicator_id]["decimals"]) if indicator_id in meta else None


def _rounded(values, digits):
    """Exact decimals (Decimal("5.70")): written as 5,70 or 5.70 in a CSV, a number in Excel."""
    result = []
    for value, d in zip(values, digits, strict=True):
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            result.append(None)
        elif d is None or isinstance(value, bool):
            result.append(value)
        else:
            result.append(round(Decimal(repr(float(value))), d))
    return result


def _region(snap, region_id, lang):
    if region_id == "de":
        return i18n.t("germany", lang)
    regions = snap.regions
    return regions.at[region_id, "name"] if region_id in regions.index else region_id


def _kind(kind, lang):
    key = {"reference": "col_reference", "highlight": "col_own"}.get(kind, f"kind_{kind}")
    return i18n.t(key, lang) if key in i18n.TEXT else kind


def _topic(topic, lang):
    from indicators import catalogue

    topics = catalogue.load().topics
    return topics[topic][lang] if topic in topics else topic


def _flag(value, lang):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return i18n.t("col_yes" if bool(value) else "col_no", lang)


def _citation(snap, indicator_ids, year):
    """(source, licence, years) of the indicators' values in `year` (all years if None)."""
    sources, spans = [], []
    for indicator_id in indicator_ids:
        info = snap.meta[indicator_id]
        first, last = int(info["first_year"]), int(info["last_year"])
        years = [int(year)] if year is not None and not pd.isna(year) else range(first, last + 1)
        sources += snap.sources_for(indicator_id, years)
        spans.append(str(years[0]) if len(years) == 1 else f"{first}–{last}")
    unique = list({s["attribution"]: s for s in sources}.values())
    return (
        "; ".join(s["attribution"] for s in unique),
        ", ".join(dict.fromkeys(s["licence"] for s in unique)),
        ", ".join(dict.fromkeys(spans)),
    )


def csv_bytes(frame, language):
    """CSV in the reader's convention (German: ';' and decimal comma), UTF-8 with BOM so
    spreadsheet programs read umlauts; text cells and headers neutralised (FORMULA_START).
    Exact decimals (see publishable) are written with the decimals they carry."""
    german = language == "de"
    frame = frame.assign(
        **{c: frame[c].map(lambda v, de=german: _number(v, de)) for c in _object_columns(frame)}
    )
    text = frame.select_dtypes(include=["object", "string"]).columns
    safe = frame.assign(**{c: frame[c].map(_neutral) for c in text}) if len(text) else frame
    safe = safe.rename(columns=lambda c: _neutral(str(c)))
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, sep=";" if german else ",", decimal="," if german else ".")
    return buffer.getvalue().encode("utf-8-sig")


def _object_columns(frame):
    """Columns that may hold exact decimals (mixed Python objects, not str or numbers)."""
    return [c for c in frame.columns if frame[c].dtype == object]


def _number(value, german):
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return text.replace(".", ",") if german else text
    return value


def _neutral(value):
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def excel_bytes(frame, meta, sheets, note):
    """A workbook: the data, then the indicators' metadata and sources.

    sheets: the two sheet names; note: a line (export date, licence) above the metadata."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheets[0], index=False)
        pd.DataFrame({note: []}).to_excel(writer, sheet_name=sheets[1], index=False)
        meta.to_excel(writer, sheet_name=sheets[1], index=False, startrow=2)
        for sheet in writer.sheets.values():
            for column in sheet.columns:
                _as_text(column)
                width = max(len(str(c.value or "")) for c in column[:50])
                sheet.column_dimensions[column[0].column_letter].width = min(60, width + 2)
    return buffer.getvalue()


def _as_text(cells):
    """openpyxl stores a string starting with '=' as a formula; we never write formulas, so
    such a cell is typed as the text it is (Excel then never evaluates it)."""
    for cell in cells:
        if cell.data_type == "f":
            cell.data_type = "s"


def profile_pdf(title, subtitle, table, sentences, footer):
    """The region profile on exactly one A4 page: heading, sentences, the full table
    (rows shrink to fit), sources. table: a DataFrame of display strings."""
    from fpdf import FPDF

    def plain(text):
        return str(text).translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(12, 12, 12)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 17)
    pdf.cell(0, 9, plain(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 4.5, plain(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font("Helvetica", "", 8)
    for sentence in sentences:
        pdf.multi_cell(0, 3.8, plain(sentence), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8)
    pdf.ln(1)
    footer_height = 4 + 3.2 * len(footer)
    rows = len(table) + 1
    height = min(4.6, (pdf.h - pdf.get_y() - 12 - footer_height) / rows)
    pdf.set_font("Helvetica", "", max(4.5, min(8, height * 1.75)))
    widths = _widths(table, pdf.w - 24)
    for r, values in enumerate([list(table.columns), *table.astype(str).to_numpy().tolist()]):
        pdf.set_fill_color(*((225, 235, 245) if r == 0 else (246, 246, 246)))
        for width, value in zip(widths, values, strict=True):
            text = plain(value)
            while len(text) > 1 and pdf.get_string_width(text) > width - 1:
                text = text[:-1]  # cut to the column rather than overprint the next one
            pdf.cell(width, height, text, fill=r == 0 or r % 2 == 0)
        pdf.ln(height)
    pdf.set_y(pdf.h - 12 - footer_height + 2)
    pdf.set_font("Helvetica", "", 6.5)
    for line in footer:
        pdf.multi_cell(0, 3.2, plain(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _widths(table, total):
    """Column widths in proportion to their longest text, the indicator column capped at
    45 characters and the others at 24."""
    lengths = [
        min(45 if k == 0 else 24, max([len(str(c)), *(len(str(v)) for v in table[c])]))
        for k, c in enumerate(table.columns)
    ]
    return [total * n / sum(lengths) for n in lengths]
