"""Zusammenhänge: drawn from its view model (indicators.display.pages.scatter)."""

from indicators.display.pages import scatter
from views import render

render.page(scatter.build)
