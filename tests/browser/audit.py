"""What a reader would notice on a drawn page, measured in the browser: text cut or spilling
out of its box, a chart legend lying on its title, raw identifiers (snake_case) in visible
text, and the WCAG 2.1 A/AA rules axe-core checks.

Used by the browser tests (tests/browser/test_browser_audit.py); each check returns a list
of findings in words, empty when the page is clean.
"""

from pathlib import Path

SCRIPT = Path(__file__).with_name("audit.js").read_text(encoding="utf-8")
SNAKE = r"\b[a-z0-9]+_[a-z0-9_]+\b"


def layout_findings(page):
    return page.evaluate(f"({SCRIPT}).layout()")


def identifier_findings(page):
    import re

    text = page.evaluate(f"({SCRIPT}).visibleText()")
    text = re.sub(r"\S*(https?://|\?|/)\S*", " ", text)  # links and file names may have them
    return sorted({f"identifier in visible text: {m}" for m in re.findall(SNAKE, text)})


AXE_RULES = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}


def axe_findings(page):
    """Serious and critical axe-core violations, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": AXE_RULES})
    found = []
    for violation in result.response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            for node in violation["nodes"][:5]:
                summary = node.get("failureSummary", "")[:160]
                found.append(f"axe {violation['id']}: {node['target']} {summary}")
    return found
