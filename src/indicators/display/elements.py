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
    """Citable sentences with a copy button."""

    text: str


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    delta: str | None = None
    delta_color: str = "normal"
    help: str | None = None


@dataclass(frozen=True)
class Table:
    """A table; `digits` maps numeric columns to their decimals (formatted per language)."""

    frame: pd.DataFrame
    key: str
    digits: dict = field(default_factory=dict)
    height: int | str = "auto"


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


@dataclass(frozen=True)
class Download:
    frame: pd.DataFrame
    stem: str
    key: str
    indicators: tuple | None = None
    label: str | None = None


@dataclass(frozen=True)
class Control:
    """A widget bound to the view state `name`: kind is selectbox, multiselect,
    segmented_control, select_slider or toggle; `options`, `format` and `extra` are passed
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
