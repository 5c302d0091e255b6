"""Files to take away: CSV tables, Excel workbooks with their metadata, and the one-page
region profile as PDF. They say what the numbers are, where they come from and when they
were exported, and a text from a link or a file never turns into a spreadsheet formula."""

import io
import re

import pandas as pd

from indicators.display import i18n

# A spreadsheet reads a CSV cell starting with one of these as a formula (OWASP: CSV
# injection); such text cells get a leading apostrophe. Plain numbers ("-1.5") stay as they are.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)*")

# The PDF's built-in Helvetica covers Latin-1 only: typographic characters get a plain twin.
_PLAIN = str.maketrans({"–": "-", "—": "-", "„": '"', "“": '"', "”": '"', "≥": ">=", "≤": "<="})


def metadata(snap, indicator_ids, lang):
    """One row per indicator: label, unit, definition, caveats, source and licence."""
    rows = []
    for indicator_id in dict.fromkeys(indicator_ids):
        info = snap.meta[indicator_id]
        years = range(int(info["first_year"]), int(info["last_year"]) + 1)
        sources = snap.sources_for(indicator_id, years)
        rows.append(
            {
                "indicator_id": indicator_id,
                "label": i18n.field(info, "label", lang),
                "unit": i18n.field(info, "unit", lang),
                "definition": i18n.field(info, "description", lang),
                "caveats": i18n.field(info, "caveats", lang) or "",
                "source": "; ".join(s["attribution"] for s in sources),
                "licence": ", ".join(dict.fromkeys(s["licence"] for s in sources)),
            }
        )
    return pd.DataFrame(rows)


def csv_bytes(frame, language):
    """CSV in the reader's convention (German: ';' and decimal comma), UTF-8 with BOM so
    spreadsheet programs read umlauts; text cells and headers neutralised (FORMULA_START)."""
    text = frame.select_dtypes(include=["object", "string"]).columns
    safe = frame.assign(**{c: frame[c].map(_neutral) for c in text}) if len(text) else frame
    safe = safe.rename(columns=lambda c: _neutral(str(c)))
    buffer = io.StringIO()
    german = language == "de"
    safe.to_csv(buffer, index=False, sep=";" if german else ",", decimal="," if german else ".")
    return buffer.getvalue().encode("utf-8-sig")


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
