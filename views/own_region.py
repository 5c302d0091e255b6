"""Eigene Region: drawn from its view model (indicators.display.pages.own_region)."""

from indicators.display.pages import own_region
from views import render

render.page(own_region.build)
