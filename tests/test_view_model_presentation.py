"""The methods page's and the presentation's view models, built without Streamlit: every
slide of the shipped presentation is its frame and the content of its page's own view model
(no script run), and the methods page carries the tables and downloads it offers."""

import json
import subprocess
import sys
from datetime import date

import pytest
from helpers import flat, of

from indicators import db
from indicators.display import charts, presentations, urlstate
from indicators.display import elements as el
from indicators.display.context import Context
from indicators.display.pages import methods, presentation

DECK = presentations.load("netzwerk")


def context(con, plain, **params):
    snap, options, kreise = plain
    state = urlstate.parse(params, options)[0]
    return Context(snap, options, state, con.cursor, kreise=kreise)


def test_view_models_do_not_import_streamlit():
    code = (
        "import sys, indicators.display.pages.methods, indicators.display.pages.presentation;"
        "assert 'streamlit' not in sys.modules, 'streamlit imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- Daten & Methodik ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_methods_page_as_plain_data(con, plain, lang):
    ctx = context(con, plain, lang=lang)
    parts = methods.build(ctx)
    assert parts[0] == el.Title("Daten & Methodik" if lang == "de" else "Data & methods")
    tables = {table.key: table.frame for table in of(el.Table, parts)}
    n_indicators = con.execute("SELECT count(*) FROM indicators").fetchone()[0]
    catalogue, regions = tables["methods_catalogue"], tables["methods_regions"]
    assert len(catalogue) == n_indicators and len(regions) == 48
    assert ctx.indicator_label("gdp_per_capita") in set(catalogue[ctx.t("indicator")])
    assert "id" not in catalogue  # words, not identifiers
    rostock = regions[regions.iloc[:, 0] == ctx.region_label("rostock")]
    assert "Rostock" in rostock.iloc[0, -2]  # the member Kreise, the core city among them

    downloads = {d.key: d for d in of(el.Download, parts)}
    assert downloads["dl_catalogue"].stem == "indikatoren"
    for name in methods.DOWNLOADS:
        table = downloads[f"dl_table_{name}"]
        assert table.label == ctx.t("table_download", table=ctx.t(f"table_{name}"))
        assert table.raw  # the database table as documented, not rounded
        assert len(table.frame) == con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    (database,) = of(el.FileDownload, parts)
    assert database.file_name == "regiopole.duckdb" and database.key == "dl_db"
    assert database.data is db.file_bytes  # made only when clicked
    assert database.label == ctx.t("db_file")
    (citation,) = of(el.Code, parts)
    assert f"({date.today().isoformat()})" in citation.text and "INKAR" in citation.text


# --- Präsentation ----------------------------------------------------------------------------


def slide_context(con, plain, number, lang="de"):
    """The context a slide is built in: the URL names the slide, whose view is applied
    (as views/state.slide does when the slide is entered)."""
    ctx = context(con, plain, deck="netzwerk", slide=str(number), lang=lang)
    _, _, chosen = presentation.locate(ctx.state)
    ctx.state.update(presentation.slide_view(chosen, plain[1]))
    return ctx


def font_sizes(figure):
    """Every text size a Plotly figure sets (layout, title, legend, axes, annotations)."""
    layout = figure.layout
    sizes = [layout.font.size, layout.title.font.size, layout.legend.font.size]
    sizes += [a.font.size for a in layout.annotations]
    sizes += [axis.tickfont.size for axis in (layout.xaxis, layout.yaxis) if axis.tickfont.size]
    return [s for s in sizes if s is not None]


@pytest.mark.parametrize("number", range(1, len(DECK["slides"]) + 1))
def test_every_slide_is_one_message(con, plain, number):
    """Frame, a finding as headline, one chart in projector type, the note, what follows."""
    ctx = slide_context(con, plain, number)
    slide, total = DECK["slides"][number - 1], len(DECK["slides"])
    head, message, body, foot = presentation.build(ctx)
    caption, position, back, forward, leave = flat([head])
    assert caption == el.Caption(DECK["title"]["de"])
    assert position == el.Text(f"**Folie {number} von {total}**")
    assert (back.key, back.shortcut, back.disabled) == ("slide_back", "left", number == 1)
    assert (forward.key, forward.shortcut, forward.disabled) == (
        "slide_next",
        "right",
        number == total,
    )
    assert (leave.key, leave.shortcut) == ("slide_leave", "Esc")

    kicker, headline = message.parts
    assert message.key == "slide_note" and kicker == el.Caption(slide["title"]["de"])
    assert headline.text.startswith("## ") and any(c.isdigit() for c in headline.text)
    assert "Quelle" not in headline.text  # the source stands under the chart

    figure, note = body.parts
    assert body.key == "slide" and note == el.Text(slide["note"]["de"])
    assert isinstance(figure, el.Figure) and figure.summary and not figure.data.empty
    assert min(font_sizes(figure.figure)) >= 24, font_sizes(figure.figure)  # the back row
    for name, value in presentation.slide_view(slide, plain[1]).items():
        assert ctx.state[name] == value or name in ctx.changed, name

    following, jump = foot.parts
    expected = DECK["slides"][number]["title"]["de"] if number < total else None
    assert (expected or "Letzte Folie") in following.text
    buttons = list(flat([jump]))
    assert [b.label for b in buttons] == [str(n) for n in range(1, total + 1)]
    assert [b.disabled for b in buttons] == [n == number for n in range(1, total + 1)]


def test_ranking_slides_show_the_network_with_the_named_region(con, plain):
    ranking_slides = [
        (number, slide)
        for number, slide in enumerate(DECK["slides"], start=1)
        if slide["page"] == "rangliste"
    ]
    assert len(ranking_slides) == 6
    for number, slide in ranking_slides:
        ctx = slide_context(con, plain, number)
        _, message, body, _ = presentation.build(ctx)
        figure = body.parts[0]
        assert len(figure.data) == 8  # the 8 regions of the network
        indicator = slide["params"]["ind"]
        assert ctx.state["ind"] == indicator and ctx.state["set"] == "network"
        region = charts.short_name(ctx.region_label(slide["params"]["region"]))
        headline = message.parts[1].text
        assert (
            headline.startswith(f"## {region}: Rang ") and " von 8 Regiopolregionen (" in headline
        )
        assert ctx.indicator_label(indicator) in message.parts[0].text or figure.summary


def test_buttons_step_within_the_presentation(con, plain):
    total = len(DECK["slides"])
    for number, back_to, next_to in ((1, 1, 2), (4, 3, 5), (total, total - 1, total)):
        ctx = slide_context(con, plain, number)
        head, *_, foot = presentation.build(ctx)
        _, _, back, forward, _ = flat([head])
        back.on_click(*back.args)
        assert ctx.state["slide"] == back_to
        forward.on_click(*forward.args)
        assert ctx.state["slide"] == next_to
        third = list(flat([foot.parts[1]]))[2]
        third.on_click(*third.args)
        assert ctx.state["slide"] == 3


def test_escape_opens_the_slides_page(con, plain):
    ctx = slide_context(con, plain, 2)
    head = presentation.build(ctx)[0]
    leave = list(flat([head]))[-1]
    leave.on_click(*leave.args)
    assert presentation.build(ctx) == [el.SwitchPage("rangliste")]
    assert presentation.build(ctx)[0] == head  # once: the next run is a slide again


def test_slide_number_out_of_range_and_english(con, plain):
    ctx = context(con, plain, deck="netzwerk", slide="99", lang="en")
    parts = presentation.build(ctx)
    assert ctx.state["slide"] == len(DECK["slides"])
    assert el.Text(f"**Slide {len(DECK['slides'])} of {len(DECK['slides'])}**") in flat(parts)
    assert parts[1].parts[0] == el.Caption(DECK["slides"][-1]["title"]["en"])


def test_broken_presentation_is_named(con, plain, tmp_path, monkeypatch):
    monkeypatch.setattr(presentations, "FOLDER", tmp_path)
    (tmp_path / "kaputt.json").write_text(
        json.dumps({"title": {"de": "x", "en": "x"}, "slides": [{"view": "nirgends"}]})
    )
    snap, options, kreise = plain
    state = urlstate.parse({}, options)[0] | {"deck": "kaputt"}
    (stop,) = presentation.build(Context(snap, options, state, con.cursor, kreise=kreise))
    assert isinstance(stop, el.Stop) and "kaputt.json, slide 1: title" in stop.text
