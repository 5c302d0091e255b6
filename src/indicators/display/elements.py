"""What a page shows, as plain data: the view models in display.pages return lists of these,
and views/render.py draws them with Streamlit. Nothing here imports Streamlit, so a page's
content can be tested and reused (a slide is a page's elements) without running the app.
"""

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Subheader:
    text: str


@dataclass(frozen=True)
class Text:
    """Our own prose (markdown allowed: never text from a URL, a file or an exception)."""

    text: str


@dataclass(frozen=True)
class Caption:
    text: str


@dataclass(frozen=True)
class Notice:
    """A message box; level is 'info', 'warning' or 'error'."""

    text: str
    level: str = "info"


@dataclass(frozen=True)
class Stop:
    """A friendly end of the page: the notice, and nothing after it."""

    text: str


@dataclass(frozen=True)
class Sentence:
    """Citable sentences with a copy button; `headline`: their finding in a few words, for
    a slide."""

    text: str
    headline: str = ""


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    delta: str | None = None
    delta_color: str = "normal"
    help: str | None = None
    chart_data: tuple | None = None  # a sparkline (the values over the years)
    border: bool = True


@dataclass(frozen=True)
class Table:
    """A table; `digits` maps numeric columns to their decimals (formatted per language)."""

    frame: pd.DataFrame
    key: str
    digits: dict = field(default_factory=dict)
    height: int | str = "auto"
    # a plain HTML table (wraps, read by screen readers), its first column as row names
    static: bool = False


@dataclass(frozen=True)
class Chart:
    """A Plotly figure, the data behind it (offered as CSV and Excel), and the indicators
    whose definitions and caveats are shown beside it (none if `notes` is False)."""

    figure: object
    data: pd.DataFrame
    stem: str  # file name of downloads and of the PNG export
    key: str
    indicators: tuple = ()
    notes: bool = True
    config: dict = field(default_factory=dict)
    summary: str = ""  # the chart in words (display.summaries): its text alternative


@dataclass(frozen=True)
class Download:
    """CSV and Excel of a frame, as published (display.exports.publishable); `raw` offers a
    database table as it is (its documented columns, full precision)."""

    frame: pd.DataFrame
    stem: str
    key: str
    indicators: tuple | None = None
    label: str | None = None
    raw: bool = False


@dataclass(frozen=True)
class Control:
    """A widget bound to the view state `name`: kind is selectbox, multiselect,
    segmented_control or toggle; `options`, `format` and `extra` are passed
    on. `none_label` offers "none" as the first option."""

    kind: str
    name: str
    label: str
    options: tuple = ()
    format: object = None
    none_label: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Columns:
    """Side-by-side groups of elements; `widths` as st.columns takes them."""

    parts: tuple
    widths: tuple | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PageLink:
    page: str  # module name of the page
    label: str


@dataclass(frozen=True)
class Code:
    """Text in a code block with its copy button (e.g. how to cite), no highlighting."""

    text: str


@dataclass(frozen=True)
class FileDownload:
    """A file made only when clicked: `data` is a callable that returns its bytes."""

    label: str
    data: object
    file_name: str
    mime: str
    key: str
    icon: str = "⬇️"


@dataclass(frozen=True)
class Button:
    """A button that calls `on_click(*args)` before the next run; `shortcut` as st.button
    takes it (e.g. "left" for the arrow key)."""

    label: str
    key: str
    on_click: object = None
    args: tuple = ()
    disabled: bool = False
    shortcut: str | None = None
    help: str | None = None


@dataclass(frozen=True)
class Container:
    """A group of elements in one container; its `key` lets a stylesheet address it
    (.st-key-<key>)."""

    parts: tuple
    key: str | None = None


@dataclass(frozen=True)
class Figure:
    """A Plotly figure on its own, without downloads or notes (e.g. where a region lies).
    With a `stem`, its camera button saves a PNG under that name; `config` is added to the
    chart's configuration (e.g. scrollZoom on the map)."""

    figure: object
    key: str
    stem: str | None = None
    config: dict = field(default_factory=dict)
    summary: str = ""  # the figure in words, and its data as a table: its text alternative
    data: pd.DataFrame | None = None


@dataclass(frozen=True)
class PrintStyle:
    """Our own static print stylesheet (views/print.css): content only, full width, for a
    page made to be printed or saved as PDF from the browser."""


@dataclass(frozen=True)
class Tabs:
    """Tabs, each with its own elements."""

    labels: tuple
    parts: tuple


@dataclass(frozen=True)
class Input:
    """A widget whose value is not view state (a name being typed, a button): kind is
    text_input, multiselect or button; `options`, `format` and `extra` are passed on. Its
    value exists only while the page is drawn: a `Then` after it receives it under `name`."""

    kind: str
    name: str
    label: str
    options: tuple = ()
    format: object = None
    extra: dict = field(default_factory=dict)
    # With a key the widget keeps its identity (and so the browser its focus) while the
    # user changes it; it is set to `seed` whenever the seed changes from one run to the
    # next and differs from what the widget holds (a change made elsewhere, e.g. on a map).
    key: str | None = None
    seed: object = None


@dataclass(frozen=True)
class DeckMap:
    """A pydeck (deck.gl) chart whose objects are picked by clicking, several at a time. Its
    selection ({'indices': {layer id: [index, …]}, 'objects': {layer id: [object, …]}}) is
    among the drawn inputs' values under `name`, and in the session under `key`, where a
    page can read it before it builds anything (the own region does). A chart under a new
    `key` starts with nothing selected. `alt` names it for screen readers (its text
    alternative is drawn beside it)."""

    name: str
    deck: object
    key: str
    height: int = 500
    alt: str = ""


@dataclass(frozen=True)
class Upload:
    """A file uploader (`types`: file endings); a `Then` after it receives the file under
    `name` as a plain `File`, or None."""

    name: str
    label: str
    types: tuple
    key: str


@dataclass(frozen=True)
class File:
    """An uploaded file as plain data; `id` tells one upload from the next."""

    name: str
    data: bytes
    id: str


@dataclass(frozen=True)
class Then:
    """Elements that depend on the values of the inputs drawn before it on the page:
    `build(values)` (input name -> value) returns them, and may change the view state."""

    build: object


@dataclass(frozen=True)
class SwitchPage:
    """Open another page of the registry (its URL path) with the current view state."""

    page: str


@dataclass(frozen=True)
class Rerun:
    """The view state has changed: run the page again from the top."""


def flat(parts):
    """Every element of a view model, with the contents of columns, tabs and containers in
    their place (a container also stands for itself): what a slide picks its chart from, and
    what tests look through."""
    for part in parts:
        if isinstance(part, Columns | Tabs):
            for group in part.parts:
                yield from flat(group)
        elif isinstance(part, Container):
            yield part
            yield from flat(part.parts)
        else:
            yield part
