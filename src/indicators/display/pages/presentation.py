"""Präsentation: a saved sequence of views for the meeting room – full width, large type,
high contrast, no sidebar; "slide 3 of 8", previous/next buttons and arrow keys, a button
per slide, Esc to leave for the slide's live page.

A slide is one message: its finding as a headline, one chart in projector type, the note
and the source. The page it shows is built by that page's own view model (found through the
page registry) from the view state the slide applied (views/state.slide); the slide takes
its first chart and its first citable sentence (or the chart's summary) from it. The
containers keyed `slide_note`, `slide` and `slide_foot` are what the presentation
stylesheet (views/presentation.css) keys on.
"""

import importlib
import re

from indicators.display import charts, formatting, maps, presentations, urlstate
from indicators.display import elements as el
from indicators.display.pages import BY_PATH


def locate(state):
    """(presentation, slide number, slide) named by the view state, the number kept within
    the presentation. Raises ValueError for a presentation that cannot be loaded."""
    deck = presentations.load(state["deck"])
    number = presentations.number(deck, state["slide"])
    state["slide"] = number
    return deck, number, deck["slides"][number - 1]


def slide_view(slide, options):
    """The view state a slide applies: the values of its page and the group it names (the
    language stays the reader's)."""
    view, _, _ = urlstate.parse(slide["params"], options)
    own = [k for k in urlstate.GLOBAL_KEYS if k != "lang" and k in slide["params"]]
    return {name: view[name] for name in [*own, *BY_PATH[slide["page"]].state_keys]}


def go(state, number):
    """The buttons' action: show slide `number` from the next run on."""
    state["slide"] = number


def build(ctx):
    t, lang = ctx.t, ctx.lang
    try:
        deck, number, slide = locate(ctx.state)
    except ValueError as exc:
        return [el.Stop(t("presentation_broken", reason=formatting.plain(exc)))]
    if ctx.session.pop("leave_presentation", False):
        return [el.SwitchPage(slide["page"])]  # the slide's view, live (Esc)
    slides, total = deck["slides"], len(deck["slides"])
    head = el.Columns(
        (
            (el.Caption(deck["title"][lang]),),
            (el.Text(f"**{t('slide_of', n=number, total=total)}**"),),
            (_step(ctx, t("back"), "slide_back", max(1, number - 1), number == 1, "left"),),
            (
                _step(
                    ctx,
                    t("forward"),
                    "slide_next",
                    min(number + 1, total),
                    number == total,
                    "right",
                ),
            ),
            (
                el.Button(
                    t("slide_leave"),
                    "slide_leave",
                    on_click=leave,
                    args=(ctx.session,),
                    shortcut="Esc",
                    help=t("slide_leave_help"),
                ),
            ),
        ),
        widths=(5, 2, 2, 2, 3),
        extra={"vertical_alignment": "center"},
    )
    parts = content(ctx, BY_PATH[slide["page"]])
    chart = next((p for p in el.flat(parts) if isinstance(p, el.Chart | el.Figure)), None)
    if chart is None:  # the view stopped (no data): say so, as the page itself would
        stops = [p for p in el.flat(parts) if isinstance(p, el.Stop | el.Notice)]
        return [head, el.Text(f"# {slide['title'][lang]}"), *stops]
    # Title and note come from the presentation files shipped in presentations/ (our own
    # prose, markdown allowed), never from the URL: it only names one of those files.
    following = (
        t("slide_next_title", title=slides[number]["title"][lang])
        if number < total
        else t("slide_last")
    )
    return [
        head,
        el.Container(
            (el.Caption(slide["title"][lang]), el.Text(f"## {headline(ctx, parts, chart)}")),
            key="slide_note",
        ),
        el.Container(
            (
                el.Figure(
                    projector(chart.figure),
                    "slide_chart",
                    chart.stem,
                    summary=chart.summary,
                    data=chart.data,
                ),
                el.Text(slide["note"][lang]),
            ),
            key="slide",
        ),
        el.Container((el.Caption(following), jump(ctx, slides, number)), key="slide_foot"),
    ]


def projector(figure):
    """The chart in projector type; a map also gets its legend and names placed anew."""
    big = charts.projector(figure)
    return maps.relayout(big) if big.layout.geo.lonaxis.range else big


def headline(ctx, parts, chart):
    """The slide's finding in a few words: the headline of the page's citable sentence (a
    region's rank), else the first statement of its chart in words (highest and lowest),
    with the regions' short names as the chart shows them."""
    found = [p.headline for p in el.flat(parts) if isinstance(p, el.Sentence) and p.headline]
    if found:
        return found[0]
    text = re.split(r"; | (?:Hinweis|Note): ", chart.summary)[0].rstrip(".")
    for name in ctx.snap.regions["name"]:
        text = text.replace(name, charts.short_name(name))
    return text


def jump(ctx, slides, number):
    """A button for every slide (its title as the tooltip): go to any slide directly."""
    return el.Columns(
        tuple(
            (
                el.Button(
                    str(n),
                    f"slide_jump_{n}",
                    on_click=go,
                    args=(ctx.state, n),
                    disabled=n == number,
                    help=f"{ctx.t('slide_jump')}: {slide['title'][ctx.lang]}",
                ),
            )
            for n, slide in enumerate(slides, start=1)
        ),
        extra={"gap": "small"},
    )


def leave(session):
    """The Esc button's action: the next run opens the slide's page itself."""
    session["leave_presentation"] = True


def _step(ctx, label, key, target, disabled, shortcut):
    return el.Button(
        label,
        key,
        on_click=go,
        args=(ctx.state, target),
        disabled=disabled,
        shortcut=shortcut,
        help=ctx.t(key),
    )


def content(ctx, page):
    """The elements of a page (of the registry) as its own view model builds them."""
    return importlib.import_module(f"indicators.display.pages.{page.name}").build(ctx)
