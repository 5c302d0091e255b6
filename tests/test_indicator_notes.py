"""Wherever an indicator is shown, its definition and caveats are one click away, and a
warning that changes how its ranks read is shown outright (students: distance learning)."""

from helpers import open_app


def _captions(at):
    return " ".join(c.value for c in at.caption)


def test_ranking_shows_the_distance_learning_warning_and_the_caveats():
    at = open_app("ranking", ind="students_per_1000", year="2021")
    assert "⚠️ Fernhochschulen zählen alle Studierenden an ihrem Sitz" in _captions(at)
    labels = [e.label for e in at.expander]
    assert "Definition und Hinweise: Studierende je 1.000 Einwohner" in labels
    assert "IU" in _captions(at)  # the caveat inside the expander names the university
    sentence = at.code[0].value
    assert "Hinweis: Fernhochschulen" in sentence


def test_other_indicators_carry_no_warning_but_their_caveats():
    at = open_app("ranking", ind="gdp_per_capita", year="2021", lang="en")
    assert "⚠️" not in _captions(at)
    assert "Definition and caveats: GDP per capita" in [e.label for e in at.expander]


def test_profile_names_the_warning_for_its_students_row():
    at = open_app("profile", region="erfurt", year="2021")
    assert "⚠️ Studierende je 1.000 Einwohner: Fernhochschulen" in _captions(at)


def test_approximate_values_say_so_beside_the_chart():
    """An indicator whose region values knowingly differ from BBSR's own carries the
    measured bound beside its chart; one that reproduces them carries none."""
    approximate = open_app("ranking", ind="childcare_under_3")
    notes = [c.value for c in approximate.caption if c.value.startswith("≈")]
    assert notes == [
        "≈ Näherungswert: Regions- und Deutschlandwerte können von den Werten, die das BBSR "
        "selbst veröffentlicht, um bis zu 0,2 Prozentpunkte abweichen (gemessen an den "
        "Metropolregionen und an Deutschland)."
    ]
    relative = open_app("ranking", ind="insolvencies_per_1000_establishments", lang="en")
    assert any("by up to 5.0%" in c.value for c in relative.caption)
    exact = open_app("ranking", ind="gdp_per_capita")
    assert not [c.value for c in exact.caption if c.value.startswith("≈")]
