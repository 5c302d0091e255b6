"""The accessibility statement (Erklärung zur Barrierefreiheit, BITV 2.0): a page in German
and English with the status of conformity, how it is checked, the known limitations, a way
to report a barrier (the operator's contact, or a clear placeholder) and the enforcement
procedure; linked at the bottom of the sidebar of every page."""

import pytest
from helpers import open_app

from indicators.display import pages as registry
from indicators.display.pages import accessibility

SECTIONS = {
    "de": [
        "Stand der Vereinbarkeit",
        "Wie wir prüfen",
        "Was noch nicht barrierefrei ist",
        "Barrieren melden",
        "Schlichtungsverfahren",
    ],
    "en": [
        "Status of conformity",
        "How we check",
        "Known limitations",
        "Report a barrier",
        "Enforcement procedure",
    ],
}


def _text(at):
    return " ".join(str(e.value) for e in at.main if hasattr(e, "value"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_statement_in_both_languages(lang, monkeypatch):
    monkeypatch.delenv(accessibility.CONTACT_VARIABLE, raising=False)
    at = open_app("accessibility", lang=lang)
    title = {"de": "Erklärung zur Barrierefreiheit", "en": "Accessibility statement"}[lang]
    assert [t.value for t in at.title] == [title]
    assert [s.value for s in at.subheader] == SECTIONS[lang]
    text = _text(at)
    for words in ("BITV 2.0", "EN 301 549", "WCAG", "axe-core", "320", "1920 × 1080", "PDF"):
        assert words in text, words
    assert "§ 16" in text and "https://www.schlichtungsstelle-bgg.de" in text
    partly = {"de": "**teilweise**", "en": "**partially**"}[lang]
    manual = {"de": "von Hand", "en": "manual audit"}[lang]
    assert partly in text and manual in text
    date = {"de": "30.11.2026", "en": "2026-11-30"}[lang]
    assert date in " ".join(c.value for c in at.caption)
    placeholder = {"de": "noch keine Kontaktadresse", "en": "not entered a contact"}[lang]
    assert placeholder in " ".join(w.value for w in at.warning)


def test_operator_contact_is_shown(monkeypatch):
    monkeypatch.setenv(accessibility.CONTACT_VARIABLE, " barrierefreiheit@example.org ")
    at = open_app("accessibility")
    assert "Kontakt: barrierefreiheit@example.org" in _text(at)
    assert not at.warning


def test_statement_is_linked_from_the_sidebar_of_other_pages():
    for page, lang, label in (
        ("ranking", "de", "Erklärung zur Barrierefreiheit"),
        ("profile", "en", "Accessibility statement"),
    ):
        at = open_app(page, lang=lang)
        last = list(at.sidebar)[-1]  # at the bottom of the sidebar
        assert type(last).__name__ == "PageLink"
        assert (last.proto.label, last.proto.page) == (label, "barrierefreiheit")


def test_statement_is_in_the_registry_but_not_in_the_menu():
    page = registry.BY_PATH["barrierefreiheit"]
    assert page.name == "accessibility" and not page.guide and not page.menu
    assert all(p.menu for p in registry.PAGES if p is not page)
