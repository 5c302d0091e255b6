"""Presentations: ordered lists of saved views, kept as small JSON files in presentations/.

A slide is a view of the dashboard (its URL: page and query) with a title and a note in
German and English. Checked on loading, so a broken file is named with what is wrong
instead of failing in front of an audience.
"""

import json
from urllib.parse import parse_qs, urlsplit

from indicators.display.pages import BY_PATH
from indicators.paths import REPO_ROOT

FOLDER = REPO_ROOT / "presentations"


def available():
    """Names of the shipped presentations (file names without .json)."""
    return tuple(sorted(path.stem for path in FOLDER.glob("*.json")))


def load(name):
    """The presentation `name`: {'title': {de, en}, 'slides': [{title, note, page, params}]}.

    Raises ValueError naming the file and the slide that is wrong.
    """
    if name not in available():
        raise ValueError(f"no presentation named {name!r}")
    path = FOLDER / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path.name}: not valid JSON ({exc})") from None
    _texts(data.get("title"), f"{path.name}: title")
    slides = data.get("slides")
    if not isinstance(slides, list) or not slides:
        raise ValueError(f"{path.name}: 'slides' must be a non-empty list")
    checked = []
    for number, slide in enumerate(slides, start=1):
        where = f"{path.name}, slide {number}"
        _texts(slide.get("title"), f"{where}: title")
        _texts(slide.get("note"), f"{where}: note")
        view = urlsplit(str(slide.get("view", "")))
        page = view.path.strip("/")
        if page not in BY_PATH or BY_PATH[page].name == "presentation":
            raise ValueError(f"{where}: unknown page {page!r} in 'view'")
        params = {k: v[-1] for k, v in parse_qs(view.query).items()}
        checked.append(
            {"title": slide["title"], "note": slide["note"], "page": page} | {"params": params}
        )
    return {"title": data["title"], "slides": checked}


def number(deck, requested):
    """The slide shown for a requested slide number: the first or last where it lies outside."""
    return min(max(1, requested), len(deck["slides"]))


def _texts(value, where):
    if not (isinstance(value, dict) and all(isinstance(value.get(k), str) for k in ("de", "en"))):
        raise ValueError(f"{where} needs German and English text ('de', 'en')")
