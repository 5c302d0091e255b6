"""Handlungsfelder: drawn from its view model (indicators.display.pages.fields)."""

from indicators.display.pages import fields
from views import render

render.page(fields.build)
