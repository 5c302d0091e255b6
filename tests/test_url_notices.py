"""A link with a wrong setting says in words what was wrong and what is shown instead."""

from helpers import open_app, warnings_text


def test_unknown_region_is_named_with_what_is_shown_instead():
    at = open_app("profile", region="atlantis")
    notices = warnings_text(at)
    assert "Unbekannte Region `atlantis` – es wird Regiopolregion Rostock gezeigt." in notices
    english = open_app("profile", region="atlantis", lang="en")
    assert "Unknown region `atlantis` – showing Regiopolregion Rostock instead." in (
        warnings_text(english)
    )


def test_unknown_indicator_and_year_in_words():
    at = open_app("ranking", ind="gdp_per_ufo", year="1850")
    notices = warnings_text(at)
    assert "Unbekannter Indikator `gdp_per_ufo` – es wird „BIP je Einwohner“ gezeigt." in notices
    assert "Für das Jahr `1850` gibt es keine Daten – es wird das neueste Jahr gezeigt." in notices


def test_a_long_hostile_value_is_cut_and_stays_text():
    at = open_app("profile", region="[x](https://evil.example)" + "a" * 200)
    notices = warnings_text(at)
    assert "`[x](https://evil.example)" in notices and "…`" in notices
    assert len(notices) < 300


def test_unknown_page_path_is_named_in_words():
    """serve.py redirects /irgendwas to the overview with `missing=irgendwas`."""
    at = open_app(missing="irgendwas")
    assert "Die Seite `irgendwas` gibt es nicht – es wird der „Überblick“ gezeigt." in (
        warnings_text(at)
    )
    assert [t.value for t in at.title] == ["Regiopolen-Monitor"]
    english = open_app(missing="[x](https://evil.example)" + "a" * 100, lang="en")
    notice = warnings_text(english)
    assert "There is no page `[x](https://evil.example)" in notice and "…`" in notice
    assert "missing" not in dict(english.query_params)  # the link is clean again
