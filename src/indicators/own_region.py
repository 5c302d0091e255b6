"""A user's own region: a set of Kreise (with optional shares), read from a CSV upload or a
link, aggregated by exactly the rules of the official regions. Nothing is stored: the region
lives in the session and in its compact link, e.g. `Mein Raum~13003,13072,13073*0.5`.
"""

import csv
import io
import re

import pandas as pd

from indicators import aggregation

MAX_BYTES = 1_000_000  # 400 Kreise with shares take ~6 kB
MAX_NAME = 60
OWN_ID = "own"
_KEY = re.compile(r"^\d{4,5}$")


class UploadError(ValueError):
    """What is wrong with an uploaded file: a list of problems, each {'de': …, 'en': …}."""

    def __init__(self, problems):
        super().__init__("; ".join(p["en"] for p in problems))
        self.problems = problems


def _p(de, en):
    return {"de": de, "en": en}


def parse_csv(data, known):
    """{ags: share} from the bytes of a CSV file with a column `ags` and optionally `share`.

    known: the valid 5-digit AGS keys. Accepts ';' or ',' as separator, decimal commas, and
    4-digit keys whose leading zero a spreadsheet dropped. Raises UploadError listing every
    problem found (size, encoding, columns, unknown or duplicate keys, bad shares).
    """
    if len(data) > MAX_BYTES:
        size = f"{len(data) / 1e6:.1f}"
        raise UploadError(
            [
                _p(
                    f"Datei zu groß: {size.replace('.', ',')} MB (höchstens 1 MB)",
                    f"file too large: {size} MB (at most 1 MB)",
                )
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadError(
            [
                _p(
                    f"keine UTF-8-Textdatei (Byte {exc.start}); bitte als „CSV UTF-8“ speichern",
                    f"not UTF-8 text (byte {exc.start}); save the file as CSV UTF-8",
                )
            ]
        ) from None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise UploadError([_p("die Datei ist leer", "the file is empty")])
    separator = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=separator))
    header = [h.strip().lower() for h in rows[0]]
    if "ags" not in header:
        found = ", ".join(header)
        raise UploadError(
            [
                _p(
                    f"keine Spalte „ags“ (gefunden: {found})",
                    f"no column 'ags' (found: {found})",
                )
            ]
        )
    at_ags, at_share = header.index("ags"), header.index("share") if "share" in header else None
    members, problems, unknown, twice = {}, [], [], []
    for line, row in enumerate(rows[1:], start=2):
        key = row[at_ags].strip() if at_ags < len(row) else ""
        key = key.zfill(5) if _KEY.match(key) else key
        if key not in known:
            unknown.append(f"{key[:12] or '–'} ({line})")  # echo a bounded piece only
            continue
        if key in members:
            twice.append(f"{key} ({line})")
            continue
        members[key] = _share(row, at_share, line, problems)
    if unknown:
        listed = ", ".join(unknown[:10]) + " …" * (len(unknown) > 10)
        problems.append(_p(f"unbekannte AGS: {listed}", f"unknown AGS: {listed}"))
    if twice:
        listed = ", ".join(twice[:10])
        problems.append(_p(f"doppelt aufgeführte AGS: {listed}", f"AGS listed twice: {listed}"))
    if not members and not problems:
        problems.append(_p("kein Kreis aufgeführt", "no Kreis listed"))
    if problems:
        raise UploadError(problems)
    return members


def _share(row, at, line, problems):
    if at is None or at >= len(row) or not row[at].strip():
        return 1.0
    try:
        share = float(row[at].strip().replace(",", "."))
    except ValueError:
        share = -1.0
    if not 0 < share <= 1:
        problems.append(
            _p(
                f"Anteil muss größer als 0 und höchstens 1 sein (Zeile {line})",
                f"share must be above 0 and at most 1 (line {line})",
            )
        )
    return share


def encode(name, members):
    """The compact link form: 'name~ags,ags*share,…' (shares of 1 left out)."""
    parts = [k if s == 1 else f"{k}*{s:g}" for k, s in sorted(members.items())]
    return f"{clean_name(name)}~{','.join(parts)}"


def decode(text, known):
    """(name, {ags: share}) from the link form; ValueError if anything is off."""
    name, sep, body = str(text).partition("~")
    members = {}
    for part in body.split(",") if sep else []:
        key, _, share = part.partition("*")
        share = share or "1"
        value = float(share) if re.fullmatch(r"0?\.\d+|1(\.0*)?", share) else -1
        if key not in known or key in members or not 0 < value <= 1:
            raise ValueError("not a valid own region")
        members[key] = value
    if not members:
        raise ValueError("not a valid own region")
    return clean_name(name), members


def clean_name(name):
    """Letters, digits, spaces and simple punctuation only, at most 60 characters."""
    kept = re.sub(r"[^\w .()/-]", "", str(name), flags=re.UNICODE).strip()
    return kept[:MAX_NAME] or "Eigene Region"


def values(con, members):
    """Every indicator and year for the region (indicator_id, year, value, coverage), by the
    catalogue's aggregation rules; a user's share applies to population and area alike."""
    frame = pd.DataFrame(
        {"group_id": OWN_ID, "ags": list(members), "share": list(members.values())}
    )
    return aggregation.aggregate(con.cursor(), frame).drop(columns=["group_id"])


def rank_among(value, peers, polarity):
    """(rank, n) the value would take among the peers' values, itself included: 1 = best by
    polarity (largest first for neutral indicators), ties share the better rank. (None, n)
    without a value."""
    present = [p for p in peers if p == p]
    if value is None or value != value:
        return None, len(present) + 1
    sign = -1 if polarity == "lower_better" else 1
    return 1 + sum(sign * p > sign * value for p in present), len(present) + 1
