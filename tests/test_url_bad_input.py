"""Hostile or broken links on every page: a notice in words, defaults, no error, and what
the link said only ever as plain text (inside a code span), cut short."""

import re

import pytest
from helpers import open_app, warnings_text

from indicators.display import pages as registry

HOSTILE = {
    "lang": "ü<script>alert('x')</script>",
    "set": "'; DROP TABLE regions; --",
    "ind": "gdp_per_capita' OR 1=1 --",
    "region": "Müncheñ<img src=x onerror=alert(1)>",
    "regions": ",".join(["atlantis"] * 5000),
    "year": "-1",
    "start": "99999999999999999999",
    "x": "%00",
    "y": "ä" * 2000,
    "level": "<b>bold</b>",
    "outside": "maybe",
}
PAGES = [page.name for page in registry.PAGES]


def _outside_code(text):
    """The text without its code spans: the only place a link's own words may appear."""
    return re.sub(r"(`+).*?\1", "", text, flags=re.S)


@pytest.mark.parametrize("page", PAGES)
def test_hostile_link_gives_notice_and_defaults(page):
    at = open_app(page, **HOSTILE)
    notice = warnings_text(at)
    for words in (
        "„lang“",
        "„set“",
        "Unbekannter Indikator",
        "Unbekannte Region",
        "Nicht alle Einträge",
        "Für das Jahr",
        "„outside“",
    ):
        assert words in notice, words
    shown = " ".join(str(e.value) for e in at.main if hasattr(e, "value"))
    for fragment in ("<script>", "DROP TABLE", "onerror", "<b>", "atlantis"):
        assert fragment not in _outside_code(shown) and fragment not in _outside_code(notice)
    assert len(notice) < 2000  # 5,000 regions or 2,000 characters are cut, not repeated
    assert at.session_state["view_state"]["lang"] == "de"


def test_hostile_link_is_replaced_in_the_url():
    at = open_app("profile", **HOSTILE)
    params = {k: v[0] if isinstance(v, list) else v for k, v in dict(at.query_params).items()}
    assert params == {"lang": "de", "set": "aring_reuther", "region": "rostock", "year": "2022"}


def test_two_sessions_keep_their_own_state():
    first = open_app("profile", region="trier")
    second = open_app("profile", region="erfurt", lang="en")
    first.selectbox[0].set_value("siegen").run()
    second.run()
    assert first.title[0].value == "Regiopole Siegen"
    assert second.title[0].value == "Regiopole Erfurt"
    assert second.session_state["view_state"]["lang"] == "en"
    assert first.session_state["view_state"]["lang"] == "de"
