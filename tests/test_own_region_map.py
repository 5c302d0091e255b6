"""The own region's Kreis map (display.deckmap): a click read back as Kreis keys and toggled,
a chart light enough for software WebGL that fetches nothing from elsewhere, and the page
showing it in German and English with the Kreise of its link highlighted."""

import json

import pytest
from helpers import open_app

from indicators.display import deckmap
from indicators.display import elements as el
from indicators.display.context import read_geojson
from indicators.paths import REPO_ROOT

ROSTOCK = "Rostock-Kreise~13003,13072,13073*0.5"


@pytest.fixture(scope="module")
def geo(con):
    names = dict(con.execute("SELECT ags, name FROM kreise").fetchall())
    return deckmap.geometry(read_geojson("kreise.geojson", overview=True), names)


def test_a_click_names_the_kreis_by_its_object_or_its_index(geo):
    order = geo.ags
    rostock = order.index("13003")
    by_index = {"indices": {"kreise": [rostock]}, "objects": {}}
    assert deckmap.clicked(by_index, order) == ["13003"]
    by_object = {
        "indices": {"kreise": [0, 1]},
        "objects": {"kreise": [{"properties": {"ags": "09162"}}, {"properties": {}}]},
    }
    assert deckmap.clicked(by_object, order) == ["09162", order[1]]
    # from the browser: other layers, unknown keys and indices out of range are ignored
    hostile = {
        "indices": {"kreis_borders": [3], "kreise": [-1, 400, "x", 5]},
        "objects": {"kreise": [{"properties": {"ags": "99999"}}]},
    }
    assert deckmap.clicked(hostile, order) == [order[5]]
    assert deckmap.clicked({}, order) == deckmap.clicked(None, order) == []


def test_each_click_toggles_one_kreis():
    members = {"13003": 1.0, "13073": 0.5}
    assert deckmap.toggled(members, ["13072"]) == {"13003": 1.0, "13073": 0.5, "13072": 1.0}
    assert deckmap.toggled(members, ["13073"]) == {"13003": 1.0}  # a share goes with it
    assert deckmap.toggled(members, []) == members
    assert members == {"13003": 1.0, "13073": 0.5}  # not changed in place


def test_map_is_light_flat_and_fetches_nothing_from_elsewhere(geo):
    spec = json.loads(deckmap.deck(geo, {"13003": 1.0, "13073": 0.5}).to_json())
    borders, kreise, chosen = spec["layers"]  # Germany beneath: the gaps are the borders
    assert (kreise["id"], chosen["id"], borders["id"]) == ("kreise", "chosen", "kreis_borders")
    assert kreise["pickable"] and not chosen["pickable"] and not borders["pickable"]
    for layer in (borders, kreise, chosen):  # filled polygons only: no lines, no strokes
        assert layer["@@type"] == "GeoJsonLayer" and not layer["stroked"]
        assert not layer["extruded"] and not layer.get("autoHighlight")
    # only the app's own static files; no base map (Streamlit would load Carto's tiles
    # for a missing mapStyle) and no Mapbox
    assert kreise["data"] == "/app/static/own_map/kreise.json"
    assert borders["data"] == "/app/static/own_map/borders.json"
    assert spec["mapStyle"] == "__MAP_STYLE__" and "mapProvider" not in spec
    assert "http" not in json.dumps(spec)
    assert spec["initialViewState"]["pitch"] == 0
    assert spec["views"][0]["controller"]["doubleClickZoom"] is False
    # the chosen Kreise are the only geometry in the chart itself
    assert [f["properties"] for f in chosen["data"]] == [
        {"ags": "13003", "c": list(deckmap.CHOSEN)},
        {"ags": "13073", "c": list(deckmap.PARTIAL)},
    ]
    assert len(deckmap.deck(geo, {}).to_json()) < 1_000
    assert geo.vertices < 20_000  # Kreise and Germany (15,211 at the time of writing)


def test_static_map_files_match_the_kreis_geometry(geo):
    """Rebuild with `python -m indicators.display.deckmap` after data/kreise.geojson changed."""
    folder = REPO_ROOT / "static" / "own_map"
    for name, data in deckmap.static_files(geo).items():
        assert (folder / name).read_bytes() == data, f"static/own_map/{name} is outdated"
    assert len(geo.ags) == 400 and len(json.loads(data)) == len(geo.borders)


def test_colours_are_told_apart_and_germany_stands_out():
    """WCAG 1.4.11: 3:1 for graphics (chosen against not chosen, Germany's edge against the
    page); the border gaps between Kreise are a help, not the only cue (the list and the
    summary name the Kreise)."""
    assert deckmap.contrast(deckmap.CHOSEN, deckmap.OTHER) >= 3
    assert deckmap.contrast(deckmap.BORDER, (255, 255, 255)) >= 3


def test_pixel_projection_centres_the_view_and_keeps_germany_inside(geo):
    width, height = 480, deckmap.HEIGHT
    view = deckmap.VIEW
    assert deckmap.pixel(view["longitude"], view["latitude"], width, height) == (240, 280)
    for lon, lat in geo.points.values():
        x, y = deckmap.pixel(lon, lat, width, height)
        assert 0 < x < width and 0 < y < height
    north = deckmap.pixel(*geo.points["01001"], width, height)  # Flensburg
    south = deckmap.pixel(*geo.points["09780"], width, height)  # Oberallgäu
    assert north[1] < south[1]


def _deck(at):
    (chart,) = at.get("deck_gl_json_chart")
    return chart.proto, json.loads(chart.proto.json)


@pytest.mark.parametrize(
    ("lang", "alt", "summary"),
    [
        ("de", "Karte der Kreise Deutschlands", "3 Kreise gewählt: Rostock (13003), Rostock"),
        ("en", "Clickable map of Germany's Kreise", "3 Kreise chosen: Rostock (13003), Rostock"),
    ],
)
def test_page_shows_the_map_with_the_kreise_of_the_link(lang, alt, summary):
    at = open_app("own_region", own=ROSTOCK, ind="population", year="2021", lang=lang)
    proto, spec = _deck(at)
    assert proto.alt.startswith(alt)
    assert list(proto.selection_mode) == [1]  # multi-object
    assert proto.id.endswith("own_map_0")
    highlighted = {f["properties"]["ags"] for f in spec["layers"][2]["data"]}
    assert highlighted == {"13003", "13072", "13073"}
    captions = [c.value for c in at.caption]
    assert any(c.startswith(summary) for c in captions), captions
    assert at.multiselect[0].value == ["13003", "13072", "13073"]


def test_a_change_of_the_list_redraws_the_map_under_a_new_key():
    """The list applies at once; the map then shows its Kreise and starts unselected."""
    at = open_app("own_region", own=ROSTOCK, ind="population", year="2021")
    at.multiselect[0].set_value(["13003", "13072", "13073", "13071"]).run()
    proto, spec = _deck(at)
    assert proto.id.endswith("own_map_1")
    highlighted = {f["properties"]["ags"] for f in spec["layers"][2]["data"]}
    assert highlighted == {"13003", "13072", "13073", "13071"}
    assert at.multiselect[0].value == ["13003", "13072", "13073", "13071"]  # the user's order
    assert "13071" in str(at.query_params["own"]) or "k" in str(at.query_params["own"])
    assert any(c.value.startswith("4 Kreise gewählt") for c in at.caption)


def test_a_click_payload_becomes_the_link_and_the_list(con, plain, geo):
    """AppTest cannot click a deck.gl chart: the session gets the payload Streamlit keeps
    under the map's key. The next build applies it before anything is drawn (one run per
    click, no second run): link, list and map follow, and the map gets a new key."""
    from test_view_model_map import context

    from indicators import own_region
    from indicators.display.pages import own_region as own_page

    ctx = context(con, plain, own=ROSTOCK, ind="population", year="2021")
    parts = list(el.flat(own_page.build(ctx)))
    (chart,) = [p for p in parts if isinstance(p, el.DeckMap)]
    assert (chart.name, chart.key, chart.height) == ("map", "own_map_0", deckmap.HEIGHT)
    click = {"indices": {"kreise": [geo.ags.index("13071")]}, "objects": {}}
    ctx.session["own_map_0"] = {"selection": click}
    again = list(el.flat(own_page.build(ctx)))
    name, members = own_region.decode(ctx.state["own"], set(plain[1].kreise))
    assert name == "Rostock-Kreise"
    assert members == {"13003": 1.0, "13072": 1.0, "13073": 0.5, "13071": 1.0}
    chosen = next(p for p in again if isinstance(p, el.Input) and p.name == "chosen")
    assert sorted(chosen.seed) == ["13003", "13071", "13072", "13073"]  # the list follows
    assert next(p for p in again if isinstance(p, el.DeckMap)).key == "own_map_1"
    assert not any(isinstance(p, el.Rerun) for p in again)
    # the same payload is not applied twice: the map's new key holds no selection
    own_page.build(ctx)
    assert own_region.decode(ctx.state["own"], set(plain[1].kreise))[1] == members
