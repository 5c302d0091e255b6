"""Regionsprofil: drawn from its view model (indicators.display.pages.profile)."""

from indicators.display.pages import profile
from views import render

render.page(profile.build)
