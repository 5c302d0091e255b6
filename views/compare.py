"""Vergleich: drawn from its view model (indicators.display.pages.compare)."""

from indicators.display.pages import compare
from views import render

render.page(compare.build)
