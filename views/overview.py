"""Überblick: drawn from its view model (indicators.display.pages.overview)."""

from indicators.display.pages import overview
from views import render

render.page(overview.build)
