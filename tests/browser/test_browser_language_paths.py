"""In Chromium: the document's language follows the UI's (screen readers pronounce the text
by it), also after switching the language without a reload; an unknown page path shows our
notice in words, not Streamlit's English "Page not found"; the documented `/ueberblick`
opens the overview."""

from playwright.sync_api import expect

from bench.served import wait_settled

TIMEOUT = 45_000


def _wait_lang(page, lang):
    """Wait for the document's language (polled: it survives the page's own URL changes)."""
    # a function, not an expression: Playwright evaluates an expression with eval, which
    # the app's Content-Security-Policy forbids
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=TIMEOUT)


def test_document_language_follows_the_ui(server, page_at):
    page = page_at()
    page.goto(f"{server}/rangliste")
    wait_settled(page, TIMEOUT)
    expect(page.get_by_role("heading", name="Rangliste")).to_be_visible(timeout=TIMEOUT)
    _wait_lang(page, "de")
    page.goto(f"{server}/rangliste?lang=en")
    wait_settled(page, TIMEOUT)
    expect(page.get_by_role("heading", name="Ranking")).to_be_visible(timeout=TIMEOUT)
    _wait_lang(page, "en")

    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_role("radio", name="DE", exact=True).click()
    expect(page.get_by_role("heading", name="Rangliste")).to_be_visible(timeout=TIMEOUT)
    _wait_lang(page, "de")
    sidebar.get_by_role("radio", name="EN", exact=True).click()
    expect(page.get_by_role("heading", name="Ranking")).to_be_visible(timeout=TIMEOUT)
    _wait_lang(page, "en")
    assert "lang=en" in page.url
    page.go_back()  # the URL of the German view again
    _wait_lang(page, "de")


def test_unknown_path_gives_our_notice(server, page_at):
    page = page_at()
    page.goto(f"{server}/irgendwas")
    wait_settled(page, TIMEOUT)
    notice = page.locator("[data-testid='stAlert']", has_text="gibt es nicht")
    expect(notice).to_contain_text(
        "Die Seite irgendwas gibt es nicht – es wird der „Überblick“ gezeigt.", timeout=TIMEOUT
    )
    assert notice.locator("code").inner_text() == "irgendwas"  # the path as plain text
    expect(page.get_by_role("heading", name="Regiopolen-Monitor")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_documented_overview_link_opens(server, page_at):
    page = page_at()
    response = page.goto(f"{server}/ueberblick?lang=en")
    assert response.request.redirected_from is not None  # served at /, query kept
    wait_settled(page, TIMEOUT)
    expect(page.get_by_role("heading", name="Regiopole Monitor")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_text("There is no page")).to_have_count(0)
    assert "lang=en" in page.url and "/ueberblick" not in page.url
    _wait_lang(page, "en")
