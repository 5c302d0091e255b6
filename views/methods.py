"""Daten & Methodik: drawn from its view model (indicators.display.pages.methods)."""

from indicators.display.pages import methods
from views import render

render.page(methods.build)
