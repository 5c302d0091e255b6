"""A user's own region: a set of Kreise (with optional shares), read from a CSV upload or a
link, aggregated by exactly the rules of the official regions. Nothing is stored: the region
lives in the session and in its compact link, e.g. `Mein Raum~13003,13072,13073*0.5`.

A link lists its Kreise one by one, or, when that is shorter, names the whole Kreise as one
bitmap over all Kreise in key order (`Mein Raum~k…`, 67 characters for any choice among the
400) followed by the partly included ones. Shares are written in fixed point with at most
six decimals, so every region the app accepts fits the URL's 500 characters and reopens.
"""

import base64
import csv
import io
import re

import pandas as pd

from indicators import aggregation
from indicators.compare import rank_order

MAX_BYTES = 1_000_000  # 400 Kreise with shares take ~6 kB
MAX_NAME = 60
OWN_ID = "own"
SHARE_DIGITS = 6  # a millionth of a Kreis's population: a handful of people at most
# Partly included Kreise a link can carry beside any name and any set of whole Kreise:
# 60 (name) + 1 + 68 (bitmap) + 24 × 15 (",13073*0.123456") = 489 ≤ 500 characters.
MAX_PARTIAL = 24
MAX_ECHO = 10  # items of a list of problems that are named
ECHO_WIDTH = 30  # characters of a file's text quoted in a problem
BITMAP = "k"  # marks the bitmap item of a link
_KEY = re.compile(r"^\d{4,5}$")
_SHARE = re.compile(r"0?\.\d+|1(\.0*)?")


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
    rows = _rows("\n".join(lines), separator)
    header = [h.strip().lower() for h in rows[0]]
    if "ags" not in header:
        found = _listing(header)
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
            unknown.append(f"{key[:12] or '–'} ({line})")
            continue
        if key in members:
            twice.append(f"{key} ({line})")
            continue
        members[key] = _share(row, at_share, line, problems)
    if unknown:
        listed = _listing(unknown)
        problems.append(_p(f"unbekannte AGS: {listed}", f"unknown AGS: {listed}"))
    if twice:
        listed = _listing(twice)
        problems.append(_p(f"doppelt aufgeführte AGS: {listed}", f"AGS listed twice: {listed}"))
    partial = sum(share < 1 for share in members.values())
    if partial > MAX_PARTIAL:
        problems.append(
            _p(
                f"{partial} Kreise mit Anteil unter 1 (höchstens {MAX_PARTIAL}, damit die Region "
                "in einen Link passt)",
                f"{partial} Kreise with a share below 1 (at most {MAX_PARTIAL}, so that the "
                "region fits in a link)",
            )
        )
    if not members and not problems:
        problems.append(_p("kein Kreis aufgeführt", "no Kreis listed"))
    if problems:
        raise UploadError(problems)
    return members


def _rows(text, separator):
    """The CSV's rows; a field over the csv module's limit (131,072 characters) or broken
    quoting is an upload problem like any other, not a crash."""
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    try:
        return list(reader)
    except csv.Error:
        line = reader.line_num
        raise UploadError(
            [
                _p(
                    f"keine lesbare CSV-Datei: Zeile {line} ist zu lang oder falsch in "
                    "Anführungszeichen gesetzt",
                    f"not a readable CSV file: line {line} is too long or wrongly quoted",
                )
            ]
        ) from None


def _listing(items):
    """Items of the file named in a problem: the first MAX_ECHO, each cut to ECHO_WIDTH
    characters, so a hostile file cannot make the message long."""
    shown = [item[:ECHO_WIDTH] + "…" * (len(item) > ECHO_WIDTH) for item in items[:MAX_ECHO]]
    return ", ".join(shown) + " …" * (len(items) > MAX_ECHO)


def _share(row, at, line, problems):
    if at is None or at >= len(row) or not row[at].strip():
        return 1.0
    try:
        share = round(float(row[at].strip().replace(",", ".")), SHARE_DIGITS)
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


def encode(name, members, known):
    """The compact link form 'name~…' (see the module docstring): the shorter of the list
    'ags,ags*share,…' (shares of 1 left out) and the bitmap form 'k<bits>,ags*share,…'."""
    entries = {k: k if s == 1 else f"{k}*{_share_text(s)}" for k, s in sorted(members.items())}
    whole = [k for k, s in members.items() if s == 1]
    listed = ",".join(entries.values())
    packed = ",".join([BITMAP + _bitmap(whole, known), *(e for e in entries.values() if "*" in e)])
    return f"{clean_name(name)}~{min(listed, packed, key=len) if whole else listed}"


def decode(text, known):
    """(name, {ags: share}) from the link form; ValueError if anything is off."""
    name, sep, body = str(text).partition("~")
    members = {}
    for part in body.split(",") if sep else []:
        if part.startswith(BITMAP):
            entries = [(key, "1") for key in _unpack(part[len(BITMAP) :], known)]
        else:
            key, _, share = part.partition("*")
            entries = [(key, share or "1")]
        for key, share in entries:
            value = round(float(share), SHARE_DIGITS) if _SHARE.fullmatch(share) else -1
            if key not in known or key in members or not 0 < value <= 1:
                raise ValueError("not a valid own region")
            members[key] = value
    if not members or sum(share < 1 for share in members.values()) > MAX_PARTIAL:
        raise ValueError("not a valid own region")  # over MAX_PARTIAL: no link to write back
    return clean_name(name), members


def _share_text(share):
    """Fixed point, never '1e-05' (which a link does not accept)."""
    return f"{share:.{SHARE_DIGITS}f}".rstrip("0")


def _bitmap(keys, known):
    """One bit per known Kreis in key order, base64url without padding."""
    order = sorted(known)
    chosen = set(keys)
    bits = bytearray((len(order) + 7) // 8)
    for position, key in enumerate(order):
        if key in chosen:
            bits[position // 8] |= 0x80 >> (position % 8)
    return base64.urlsafe_b64encode(bytes(bits)).decode("ascii").rstrip("=")


def _unpack(text, known):
    """The keys a bitmap names; ValueError unless it is exactly one written by _bitmap."""
    order = sorted(known)
    try:
        bits = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        bits = b""
    if len(bits) != (len(order) + 7) // 8:
        raise ValueError("not a valid own region")
    keys = [key for n, key in enumerate(order) if bits[n // 8] & (0x80 >> (n % 8))]
    if _bitmap(keys, known) != text:  # stray bits or characters: not one we wrote
        raise ValueError("not a valid own region")
    return keys


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
    ranks = rank_order(pd.Series([value, *present], dtype=float), polarity)
    return int(ranks.iloc[0]), len(present) + 1
