"""The test command on a fresh machine: browser tests skip, with the reason, where Chromium
is missing (the PDF check needs no system tool: it renders with pypdfium2)."""

import os
import subprocess
import sys

from indicators.paths import REPO_ROOT

ONLY_BROWSER = ["tests/browser", "-k", "not load"]  # the load smoke test uses no browser


def test_browser_tests_skip_without_chromium():
    """The `pytestmark` in tests/browser/conftest.py had no effect: they errored instead."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", *ONLY_BROWSER],
        cwd=REPO_ROOT,
        env={**os.environ, "REGIOPOLE_CHROMIUM": "/nonexistent/chromium"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert "needs Chromium at /nonexistent/chromium (Debian: apt-get install chromium)" in (
        result.stdout
    )
    assert " skipped" in result.stdout and "error" not in result.stdout.lower()
