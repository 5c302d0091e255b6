"""Präsentation: a saved sequence of views for the meeting room – full width, large type,
high contrast, no sidebar; "slide 3 of 8", previous/next buttons and arrow keys.

A slide is its frame (the presentation's title, "slide 3 of 8", the buttons, the slide's
title and note) and then the content of the page it shows, built by that page's own view
model (found through the page registry) from the view state the slide applied
(views/state.slide). The containers keyed `slide_note` and `slide` are what the
presentation stylesheet (views/presentation.css) keys on.
"""

import importlib

from indicators.display import elements as el
from indicators.display import formatting, presentations, urlstate
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
    total = len(deck["slides"])
    head = el.Columns(
        (
            (el.Caption(deck["title"][lang]),),
            (el.Text(f"**{t('slide_of', n=number, total=total)}**"),),
            (_step(ctx, "←", "slide_back", max(1, number - 1), number == 1, "left"),),
            (_step(ctx, "→", "slide_next", min(number + 1, total), number == total, "right"),),
        ),
        widths=(8, 2, 1, 1),
        extra={"vertical_alignment": "center"},
    )
    # Title and note come from the presentation files shipped in presentations/ (our own
    # prose, markdown allowed), never from the URL: it only names one of those files.
    return [
        head,
        el.Text(f"# {slide['title'][lang]}"),
        el.Container((el.Text(slide["note"][lang]),), key="slide_note"),
        el.Container(tuple(content(ctx, BY_PATH[slide["page"]])), key="slide"),
    ]


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
