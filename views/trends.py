"""Entwicklung: drawn from its view model (indicators.display.pages.trends)."""

from indicators.display.pages import trends
from views import render

render.page(trends.build)
