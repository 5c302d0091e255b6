"""The map's and the own region's view models, built without Streamlit: the elements they
return carry the values of the database, and the own region's inputs (list, upload) change
the view state by the same rules as the page."""

import pytest
from helpers import of

from indicators import compare, own_region
from indicators.display import elements as el
from indicators.display import formatting, urlstate
from indicators.display.context import Context
from indicators.display.pages import map as map_page
from indicators.display.pages import own_region as own_page

ROSTOCK_KREISE = "Rostock-Kreise~13003,13072,13073*0.5"


def context(con, plain, session=None, **params):
    snap, options, kreise = plain
    state = urlstate.parse(params, options)[0]
    session = {} if session is None else session
    return Context(snap, options, state, con.cursor, kreise=kreise, session=session)


def one(kind, parts):
    (found,) = of(kind, parts)
    return found


def _tabs(parts):
    return next(part for part in parts if isinstance(part, el.Tabs))


def _tooltips(fig):
    """id -> (name, value text, rank text) of every area of a map with a tooltip."""
    shown = {}
    for trace in fig.to_dict()["data"]:
        if trace["type"] == "choropleth" and trace.get("customdata") is not None:
            shown |= dict(zip(trace["locations"], map(tuple, trace["customdata"]), strict=True))
    return shown


# --- map ---------------------------------------------------------------------------------


def test_kreis_map_carries_the_values_of_the_database(con, plain):
    ctx = context(con, plain, ind="unemployment_rate", year="2021")
    parts = map_page.build(ctx)
    assert parts[0] == el.Title("Karte")
    assert [c.name for c in of(el.Control, parts)] == ["ind", "year", "level"]
    figure = one(el.Figure, parts)
    assert (figure.key, figure.stem) == ("map_chart", "karte_unemployment_rate_2021")
    assert figure.config == {"scrollZoom": True}
    download = one(el.Download, parts)
    assert (download.stem, download.key) == ("karte_unemployment_rate_2021_kreis", "dl_map")
    assert download.indicators == ("unemployment_rate",)

    stored = con.execute(
        "SELECT ags, value FROM kreis_values WHERE indicator_id = 'unemployment_rate' "
        "AND year = 2021"
    ).df()
    table = download.frame.set_index("ags")
    assert len(table) == 400 and set(table["unit"]) == {"%"} and set(table["year"]) == {2021}
    for ags, value in stored.itertuples(index=False):
        assert table.at[ags, "value"] == pytest.approx(value)
    # Rank 1 is the lowest rate (lower is better), ties share the better rank.
    rostock = table.at["13003", "value"]
    assert table.at["13003", "rank"] == 1 + (stored["value"] < rostock).sum()

    name, value_text, rank_text = _tooltips(figure.figure)["13003"]
    assert name == "Rostock"
    assert value_text == formatting.with_unit(rostock, "%", "de", 1)
    assert rank_text == f"Rang {table.at['13003', 'rank']} / {stored['value'].notna().sum()}"
    caption = of(el.Caption, parts)[-1].text
    assert caption.startswith("Klassengrenzen (Quintile): < ") and "Umrisse" in caption


def test_region_map_offers_no_all_and_ranks_like_the_engine(con, plain):
    ctx = context(con, plain, ind="unemployment_rate", year="2021", level="region")
    ctx.state["kind"] = "all"  # from the ranking page: no map of all regions
    parts = map_page.build(ctx)
    assert ctx.state["kind"] == "regiopole" and ctx.changed == {"kind"}
    assert [c.name for c in of(el.Control, parts)] == ["ind", "year", "level", "kind"]
    download = one(el.Download, parts)
    assert download.stem == "karte_unemployment_rate_2021_region"
    ranked = compare.ranking(con, "unemployment_rate", 2021, kind="regiopole")
    table = download.frame.set_index("region_id")
    assert list(table.index) == list(ranked["region_id"])
    rostock = ranked.set_index("region_id").loc["rostock"]
    assert table.at["rostock", "value"] == pytest.approx(rostock["value"])
    assert table.at["rostock", "rank"] == rostock["rank"]
    _, value_text, rank_text = _tooltips(one(el.Figure, parts).figure)["rostock"]
    assert value_text == formatting.with_unit(rostock["value"], "%", "de", 1)
    assert rank_text == f"Rang {rostock['rank']} / {len(ranked)}"


def test_tile_map_ends_the_page_with_its_download(con, plain):
    ctx = context(con, plain, ind="gdp_per_capita", year="2021", level="tiles", lang="en")
    parts = map_page.build(ctx)
    figure, caption, download = parts[2:]
    assert (figure.key, figure.stem, figure.config) == ("tile_chart", "kacheln_gdp_per_capita", {})
    assert caption == el.Caption(ctx.t("map_tiles_help"))
    assert (download.stem, download.key) == ("kacheln_gdp_per_capita_2021", "dl_tiles")
    ranked = compare.ranking(con, "gdp_per_capita", 2021, kind=None)  # all regions
    assert list(download.frame["region_id"]) == list(ranked["region_id"])
    assert download.frame["value"].tolist() == pytest.approx(ranked["value"].tolist())
    tiles = figure.figure.to_dict()["layout"]["shapes"]
    assert len(tiles) == len(ranked)


@pytest.mark.parametrize("regiopole_set", urlstate.REGIOPOLE_SETS)
@pytest.mark.parametrize("outside", ["0", "1"])
def test_core_city_labels_do_not_overlap(con, plain, regiopole_set, outside):
    """At the map's own extent no two core-city labels (boxes estimated from text length
    and font size, as Plotly sets them beside their markers) overlap, none covers another
    city's marker, all stay inside the map; a name left out stays in the tooltip."""
    from indicators.display import maps

    ctx = context(con, plain, ind="gdp_per_capita", year="2021", set=regiopole_set)
    ctx.state["outside"] = outside == "1"
    figure = one(el.Figure, map_page.build(ctx)).figure
    cores = figure.data[0]
    assert cores.type == "scattergeo" and cores.mode == "markers+text"
    x, y, frame = maps.projected(figure, cores.lon, cores.lat)
    size = cores.textfont.size
    boxes = [
        maps.label_box(px, py, text, position, size, cores.marker.size)
        for px, py, text, position in zip(x, y, cores.text, cores.textposition, strict=True)
        if text
    ]
    for i, a in enumerate(boxes):
        assert frame[0] <= a[0] and a[2] <= frame[2] and frame[1] <= a[1] and a[3] <= frame[3]
        assert not any(maps.overlaps(a, b) for b in boxes[i + 1 :])
        dots = [(px - 4, py - 4, px + 4, py + 4) for px, py in zip(x, y, strict=True)]
        assert sum(maps.overlaps(a, d) for d in dots) <= 1  # its own marker at most
    # The smallest of the 25 to 36 cities may be left out where no place is free.
    assert len(boxes) >= 0.9 * len(cores.text)
    assert all(t in (name, "") for t, name in zip(cores.text, cores.hovertext, strict=True))


def test_the_known_clusters_keep_all_their_names(con, plain):
    """Osnabrück/Bielefeld/Münster and Saarbrücken/Kaiserslautern: all named, none hidden."""
    ctx = context(con, plain, ind="gdp_per_capita", year="2021")
    shown = set(one(el.Figure, map_page.build(ctx)).figure.data[0].text)
    assert {"Osnabrück", "Bielefeld", "Münster", "Saarbrücken", "Kaiserslautern"} <= shown


def test_legend_names_indicator_unit_classes_and_symbols(con, plain):
    ctx = context(con, plain, ind="gdp_per_capita", year="2021", level="region")
    spec = one(el.Figure, map_page.build(ctx)).figure.to_dict()
    assert spec["layout"]["legend"]["title"]["text"] == "BIP je Einwohner<br>EUR je Einwohner"
    named = [t["name"] for t in spec["data"] if t.get("showlegend") is not False]
    classes = [t["name"] for t in spec["data"] if t["type"] == "choropleth" and t.get("customdata")]
    assert len(classes) == 5 and all(any(c.isdigit() for c in name) for name in classes)
    assert {"Kernstädte", "Regiopolregion", "Metropolregion"} <= set(named)
    halo = spec["data"][0]["textfont"]["shadow"]
    assert halo.count("#ffffff") >= 8  # a white outline all round each name


def test_tile_names_fit_their_tiles(con, plain):
    """A tile's name fits its tile (abbreviated where needed, the full name in the
    tooltip): no 'Saarbrück', 'Regensbur'."""
    from indicators.display import maps

    ctx = context(con, plain, ind="gdp_per_capita", year="2021", level="tiles")
    spec = one(el.Figure, map_page.build(ctx)).figure.to_dict()
    names = [label.split("<br>")[0] for label in spec["data"][0]["text"]]
    tile = spec["layout"]["shapes"][0]
    assert tile["x1"] - tile["x0"] == pytest.approx(maps.TILE * maps.WIDE)
    # A tile is ~58 px wide at 1280 px (measured in the browser), its rim 3 px.
    assert all(maps.text_width(name, maps.TILE_FONT, bold=False) <= 52 for name in names)
    assert "Saarbr." in names and "Kaisersl." in names and "Rostock" in names
    legend = [t.get("name") for t in spec["data"]]
    assert "Regiopolregion" in legend and "Metropolregion" in legend
    assert spec["layout"]["legend"]["title"]["text"] == "BIP je Einwohner<br>EUR je Einwohner"


def test_year_the_indicator_lacks_falls_back_to_its_latest(con, plain):
    ctx = context(con, plain, ind="unemployment_rate")
    ctx.state["year"] = 1990
    parts = map_page.build(ctx)
    latest = plain[1].years["unemployment_rate"][-1]
    assert ctx.state["year"] == latest and "year" in ctx.changed
    assert one(el.Download, parts).stem == f"karte_unemployment_rate_{latest}_kreis"


def test_a_map_is_kept_under_its_view(con, plain):
    keys = []

    def keep(key, make):
        keys.append(key)
        return make()

    ctx = context(con, plain, ind="unemployment_rate", year="2021", level="tiles")
    ctx.keep = keep
    map_page.build(ctx)
    assert keys == [
        (
            "tiles",
            "unemployment_rate",
            2021,
            ctx.state["set"],
            False,
            "de",
            formatting.today(),
        )
    ]


# --- own region --------------------------------------------------------------------------


def test_own_region_without_kreise_stops_after_its_inputs(con, plain):
    parts = own_page.build(context(con, plain))
    assert [type(p) for p in parts] == [el.Title, el.Caption, el.Tabs, el.Stop]
    assert parts[-1].text.startswith("Noch keine eigene Region")
    tabs = parts[2]
    assert tabs.labels == ("Liste und Karte", "CSV hochladen")
    typed, chosen, _ = tabs.parts[0][0].parts[0]
    assert typed.extra == {"value": "", "max_chars": own_region.MAX_NAME}
    assert len(chosen.options) == 400
    assert chosen.extra == {"placeholder": "Bitte auswählen"}
    assert (chosen.key, chosen.seed) == ("own_chosen", [])
    assert chosen.format("13003") == "Rostock (13003)"
    upload = tabs.parts[1][0]
    assert (upload.types, upload.key) == (("csv", "txt"), "own_file")
    assert "höchstens 1 MB" in upload.label


def _own_values(con):
    """Population 2021 of the Rostock Kreise (half of Landkreis Rostock), from the table."""
    population = dict(
        con.execute(
            "SELECT ags, value FROM kreis_values WHERE indicator_id = 'population' "
            "AND year = 2021 AND ags IN ('13003', '13072', '13073')"
        ).fetchall()
    )
    return population["13003"] + population["13072"] + 0.5 * population["13073"]


def test_own_region_from_a_link_compared_with_the_regiopoles(con, plain):
    ctx = context(con, plain, own=ROSTOCK_KREISE, ind="population", year="2021")
    built = own_page.build(ctx)
    # the region is built after the picker is drawn (el.Then), as the renderer does
    assert isinstance(built[-1], el.Then)
    parts = _then(built[-1:], {})
    assert one(el.Subheader, parts[:5]).text == "`Rostock-Kreise`"  # plain text
    assert el.Caption("3 Kreise, davon 1 anteilig") in parts
    assert [c.name for c in of(el.Control, parts)] == ["ind", "year"]

    chart = one(el.Chart, parts)
    assert (chart.stem, chart.key, chart.indicators) == (
        "eigene_region_population_2021",
        "own_bar",
        ("population",),
    )
    data = chart.data.set_index("region_id")
    expected = _own_values(con)
    assert data.at["own", "value"] == pytest.approx(expected)
    peers = data.drop(index="own")
    assert set(peers["kind"]) == {"regiopole"}
    bigger = (peers["value"] > expected).sum()
    metric = one(el.Metric, parts)
    assert (metric.value, metric.border) == (f"{1 + bigger} / {len(peers) + 1}", False)

    table = one(el.Table, parts)
    assert table.key == "own_table" and table.height == 420
    row = table.frame.set_index("Indikator").loc["Bevölkerung"]
    latest = int(row["Jahr"])
    own = own_region.values(con, {"13003": 1.0, "13072": 1.0, "13073": 0.5})
    value = own.set_index(["indicator_id", "year"]).at[("population", latest), "value"]
    assert row["Rostock-Kreise"] == ctx.fmt("population", value)
    download = parts[-1]
    assert (download.stem, download.key) == ("eigene_region", "dl_own")
    assert set(download.frame["region"]) == {"Rostock-Kreise"}


def _then(parts, values):
    """Draw what a Then element adds, as the renderer does, with the inputs' values."""
    drawn = []
    for part in parts:
        if isinstance(part, el.Then):
            drawn += _then(part.build(values), values)
        else:
            drawn.append(part)
    return drawn


def test_kreise_from_the_list_become_the_own_region(con, plain):
    """A change of the list applies at once (no button): the link names the same Kreise."""
    ctx = context(con, plain, own=ROSTOCK_KREISE, ind="population", year="2021")
    picker = list(el.flat(_tabs(own_page.build(ctx)).parts[0]))  # list and map side by side
    values = {"typed": "Rostock-Kreise", "chosen": ["13073", "13003", "13072"], "map": {}}
    assert _then(picker, values)[-1] != el.Rerun()  # the same Kreise: nothing to apply
    values = {"typed": "Küste", "chosen": ["13003", "13073"], "map": {}}
    assert el.Rerun() in _then(picker, values)
    known = set(plain[1].kreise)
    assert own_region.decode(ctx.state["own"], known) == (
        "Küste",
        {"13003": 1.0, "13073": 0.5},  # a share chosen before is kept
    )
    assert el.Rerun() in _then(picker, {"typed": "Küste", "chosen": [], "map": {}})
    assert ctx.state["own"] is None  # the list emptied: no region


def test_an_upload_is_applied_once_and_its_problems_are_plain_text(con, plain):
    session = {}
    ctx = context(con, plain, session=session)
    uploader = _tabs(own_page.build(ctx)).parts[1]
    file = el.File("Meine Region.csv", b"ags;share\n13003;1\n13073;0,5\n", "f1")
    assert _then(uploader, {"typed": "", "file": file})[-1:] == [el.Rerun()]
    assert ctx.state["own"] == own_region.encode(
        "Meine Region", {"13003": 1.0, "13073": 0.5}, set(plain[1].kreise)
    )
    assert session[own_page.USED] == "f1"
    ctx.state["own"] = None
    assert _then(uploader, {"typed": "", "file": file}) == [uploader[0]]  # not again
    assert ctx.state["own"] is None

    header = b"[click](https://evil.example/phish);![i](http://127.0.0.1:9/x.png)\n13003\n"
    bad = el.File("region.csv", header, "f2")
    notice = _then(uploader, {"typed": "", "file": bad})[-1]
    assert notice.level == "error" and ctx.state["own"] is None
    assert notice.text.startswith("Die Datei wurde nicht übernommen")
    problem = (
        "keine Spalte „ags“ (gefunden: [click](https://evil.example/p…, "
        "![i](http://127.0.0.1:9/x.png))"
    )
    assert notice.text.endswith(f"\n\n- `{problem}`")  # a code span: taken literally
    assert session[own_page.USED] == "f1"  # a refused file stays, its problems shown
