"""Only the engine's "the data cannot answer this" becomes a notice; a real error in a page
stays an error instead of looking like missing data."""

import pytest
from helpers import open_app

from indicators import compare
from indicators.display.pages import ranking


def test_missing_year_is_no_answer(con):
    with pytest.raises(compare.NoAnswer, match="no data for 'gdp_per_capita' in 2023"):
        compare.ranking(con, "gdp_per_capita", 2023)


def test_bad_argument_is_not_no_answer(con):
    with pytest.raises(ValueError) as info:
        compare.ranking(con, "gdp_per_capita", 2021, kind="villages")
    assert not isinstance(info.value, compare.NoAnswer)


def test_no_answer_becomes_a_notice(monkeypatch):
    def no_answer(ctx):
        raise compare.NoAnswer("too few regions have a value")

    monkeypatch.setattr(ranking, "build", no_answer)
    at = open_app("ranking")
    assert "too few regions have a value" in " ".join(i.value for i in at.info)


def test_a_bug_is_reported_as_an_error_not_as_missing_data(monkeypatch):
    def bug(ctx):
        raise KeyError("a genuine bug")

    monkeypatch.setattr(ranking, "build", bug)
    from streamlit.testing.v1 import AppTest

    from indicators import paths

    at = AppTest.from_file(str(paths.REPO_ROOT / "dashboard.py"), default_timeout=90)
    at.run()
    at.switch_page("views/ranking.py")
    at.run()
    assert at.exception
    assert not [i for i in at.info if "Keine Daten" in i.value or "no data" in i.value]
