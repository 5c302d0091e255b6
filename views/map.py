"""Karte: drawn from its view model (indicators.display.pages.map)."""

from indicators.display.pages import map as map_page
from views import render

render.page(map_page.build)
