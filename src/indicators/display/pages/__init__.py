"""The page registry: every page of the dashboard, once.

Navigation, URL parsing, presentations, the overview's guide and the tests read the pages
from here. Each page has a Streamlit-free view model in this package (`<name>.py`, a
`build(ctx)` that returns the page as a list of elements, see display.elements) and a thin
file in views/ that renders it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    path: str  # URL path: /rangliste
    name: str  # module name here and in views/
    title_key: str  # i18n key of its title
    state_keys: tuple  # the URL state it reads and writes (besides lang, set, outside)
    guide: bool = True  # listed in the overview's guide
    menu: bool = True  # in the navigation bar (else reached by a link, e.g. in the sidebar)


PAGES = (
    Page("ueberblick", "overview", "page_overview", (), guide=False),
    Page("karte", "map", "page_map", ("ind", "year", "level", "kind")),
    Page("vergleich", "compare", "page_compare", ("ind", "year", "regions", "inds")),
    Page("rangliste", "ranking", "page_ranking", ("ind", "year", "kind", "start", "region")),
    Page("profil", "profile", "page_profile", ("region", "year")),
    Page("handlungsfelder", "fields", "page_fields", ("field", "region", "year")),
    Page("entwicklung", "trends", "page_trends", ("ind", "regions", "base")),
    Page("zusammenhaenge", "scatter", "page_scatter", ("x", "y", "year", "regions", "start")),
    Page("daten", "methods", "page_methods", ()),
    Page("eigene-region", "own_region", "page_own", ("own", "ind", "year"), guide=False),
    Page("praesentation", "presentation", "page_presentation", ("deck", "slide"), guide=False),
    Page("barrierefreiheit", "accessibility", "page_accessibility", (), guide=False, menu=False),
)
BY_PATH = {page.path: page for page in PAGES}
# The query parameter that names an unknown page path: serve.py redirects /<unknown> to the
# default page with it, and the app says in a notice that the page does not exist.
MISSING = "missing"
BY_NAME = {page.name: page for page in PAGES}
DEFAULT = PAGES[0]
