"""No HTML from data or users, no SQL pasted together from user input, no secrets."""

import re
import subprocess

from indicators.paths import REPO_ROOT

CODE = [
    p
    for p in [
        *REPO_ROOT.glob("*.py"),
        *REPO_ROOT.glob("views/*.py"),
        *REPO_ROOT.glob("src/indicators/**/*.py"),
    ]
]


def test_no_unsafe_html():
    for path in CODE:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path


def test_sql_uses_parameters():
    """f-strings in SQL are allowed only for identifiers from fixed sets, marked in code."""
    pattern = re.compile(r"execute\(\s*f[\"']")
    for path in CODE:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                assert "checked against a fixed set" in line or path.name in {"build.py"}, (
                    f"{path}:{number}"
                )


def test_no_secrets_in_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    secret = re.compile(r"(api[_-]?key|secret|password)\s*=\s*['\"]\w", re.I)
    for name in tracked:
        path = REPO_ROOT / name
        if path.suffix in {".py", ".toml", ".md", ".txt", ".cfg"} and path.exists():
            assert not secret.search(path.read_text(encoding="utf-8", errors="ignore")), path
