"""Erklärung zur Barrierefreiheit: drawn from its view model (display.pages.accessibility)."""

from indicators.display.pages import accessibility
from views import render

render.page(accessibility.build)
