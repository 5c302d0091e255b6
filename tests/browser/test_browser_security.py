"""In Chromium: pages draw under the Content-Security-Policy without a violation, and text
from a link or a file shows as typed, never as a link, an image or emphasis."""

from playwright.sync_api import expect

from bench.served import wait_settled

TIMEOUT = 45_000
# Records every CSP violation of a page (the browser also logs them to the console).
PROBE = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def test_pages_draw_under_the_content_security_policy(server, page_at):
    page = page_at()
    page.add_init_script(PROBE)
    console = []
    page.on("console", lambda message: console.append(message.text))
    for path, drawn in (
        ("/karte?ind=unemployment_rate&year=2021&level=kreis", ".choroplethlocation"),
        ("/profil?region=rostock&year=2021", ".point"),
    ):
        response = page.goto(server + path)
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        wait_settled(page, TIMEOUT)
        chart = page.locator(f"[data-testid='stPlotlyChart'] {drawn}").first
        expect(chart).to_be_visible(timeout=TIMEOUT)
        assert page.evaluate("window.__violations") == [], path
    assert not [m for m in console if "Content Security Policy" in m], console


def _upload(page, data):
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        {"name": "region.csv", "mimeType": "text/csv", "buffer": data}
    )
    alert = page.locator("[data-testid='stAlert']", has_text="Die Datei wurde nicht übernommen")
    expect(alert).to_be_visible(timeout=TIMEOUT)
    return alert


def test_text_from_links_and_files_is_shown_as_typed(server, page_at):
    page = page_at()
    for name in ("www.evil.example/login", "__x__"):  # were a live link, and bold
        page.goto(f"{server}/eigene-region?own={name}~13003&ind=population&year=2021")
        wait_settled(page, TIMEOUT)
        heading = page.get_by_role("heading", name=name, exact=True)
        expect(heading).to_be_visible(timeout=TIMEOUT)
        assert heading.locator("[data-heading-text] :is(a, strong, em)").count() == 0
        assert page.locator("a[href*='evil.example']").count() == 0
    page.get_by_role("tab", name="CSV hochladen").click()
    header = b"[click](https://evil.example/phish);![i](http://127.0.0.1:9/x.png)"
    alert = _upload(page, header + b"\n13003\n")
    expect(alert).to_contain_text("[click](https://evil.example/p…, ![i](http://127.0.0.1:9/x.png)")
    assert alert.locator("a, img").count() == 0
    alert = _upload(page, b"ags\n" + b"x" * 200_000)  # crashed the page before
    expect(alert).to_contain_text("Zeile 2 ist zu lang oder falsch in Anführungszeichen gesetzt")
