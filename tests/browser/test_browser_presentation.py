"""The sample presentation on a projector-sized screen: opens from its link, steps with the
buttons and the arrow keys, keeps the slide in the URL."""

from playwright.sync_api import expect

from bench.served import wait_settled

TIMEOUT = 45_000


def test_step_through_the_network_presentation(server, page_at, screenshot_dir):
    page = page_at("1920x1080")
    page.goto(f"{server}/praesentation?deck=netzwerk&slide=1")
    wait_settled(page, TIMEOUT)
    expect(page.get_by_text("Folie 1 von 8")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden(timeout=TIMEOUT)
    expect(page.locator(".st-key-slide [data-testid='stPlotlyChart']").first).to_be_visible(
        timeout=TIMEOUT
    )
    page.wait_for_timeout(1500)
    page.screenshot(path=screenshot_dir / "presentation_1.png")

    page.locator(".st-key-slide_next button").first.click()
    expect(page.get_by_text("Folie 2 von 8")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Mobilität: Anbindung an den Fernverkehr", exact=True)).to_be_visible()
    # the finding as the headline: Bielefeld's rank among the eight network regions
    expect(page.get_by_role("heading", name="Rang 1 von 8 Regiopolregionen")).to_be_visible()
    page.mouse.click(8, 700)  # focus the page, not the button
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("Folie 3 von 8")).to_be_visible(timeout=TIMEOUT)
    wait_settled(page, TIMEOUT)
    assert "slide=3" in page.url
    page.wait_for_timeout(1500)
    page.screenshot(path=screenshot_dir / "presentation_3.png")
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_text("Folie 2 von 8")).to_be_visible(timeout=TIMEOUT)
