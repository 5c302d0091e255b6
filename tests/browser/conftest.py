"""A real Streamlit server on 127.0.0.1 and Debian's Chromium driven by Playwright.

Tests that use the browser are skipped, with the reason, where Chromium is missing
(Debian: `apt-get install chromium`; .ci/run installs it); the others run.
"""

import os
import shutil

import pytest
from playwright.sync_api import expect

from bench.served import CHROMIUM, launch_chromium, streamlit_server
from indicators.paths import REPO_ROOT

SCREENSHOTS = REPO_ROOT / "tests" / "screenshots"
# A loaded 2-core CI machine may take far longer than Playwright's 5 s default to draw a page.
expect.set_options(timeout=45_000)
NO_CHROMIUM = f"needs Chromium at {CHROMIUM} (Debian: apt-get install chromium)"


@pytest.fixture(scope="session")
def server():
    with streamlit_server() as running:
        yield running.url


def pytest_collection_modifyitems(items):
    """A `pytestmark` in a conftest has no effect: the skip is added to each browser test
    here, before any of its fixtures (the server) starts."""
    if os.path.exists(CHROMIUM):
        return
    for item in items:
        if {"browser", "page_at"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


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
