"""Rangliste: drawn from its view model (indicators.display.pages.ranking)."""

from indicators.display.pages import ranking
from views import render

render.page(ranking.build)
