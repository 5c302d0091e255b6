"""A real Streamlit server on 127.0.0.1 and Debian's Chromium driven by Playwright."""

import os
import shutil

import pytest
from playwright.sync_api import expect

from bench.served import CHROMIUM, launch_chromium, streamlit_server
from indicators.paths import REPO_ROOT

SCREENSHOTS = REPO_ROOT / "tests" / "screenshots"
# A loaded 2-core CI machine may take far longer than Playwright's 5 s default to draw a page.
expect.set_options(timeout=45_000)

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian chromium")


@pytest.fixture(scope="session")
def server():
    with streamlit_server() as running:
        yield running.url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page_at(browser):
    """A new page in its own context (downloads allowed) at a size 'WIDTHxHEIGHT'."""
    contexts = []

    def open_page(size="1280x800"):
        width, height = map(int, size.split("x"))
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="de-DE", accept_downloads=True
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS
