"""The README and docs/ are checked against the code: generated pages, commands, schema,
links, the Python API examples and the paths the recipes name."""

import re

import pytest

from indicators import docs
from indicators.paths import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
PAGES = {path.name: path.read_text(encoding="utf-8") for path in (REPO_ROOT / "docs").glob("*.md")}


def test_readme_is_short():
    assert len(README.encode()) <= 12_000


def test_every_docs_page_is_linked_from_the_readme():
    assert set(PAGES) == set(re.findall(r"\(docs/([\w-]+\.md)", README))
    assert {"indicators.md", "sources.md", "database.md", "python-api.md", "performance.md"} <= set(
        PAGES
    )
    assert {"architecture.md", "security.md", "recipes.md"} <= set(PAGES)


@pytest.mark.parametrize("name", ["README.md", *sorted(PAGES)])
def test_relative_links_and_images_resolve(name):
    text = README if name == "README.md" else PAGES[name]
    base = REPO_ROOT if name == "README.md" else REPO_ROOT / "docs"
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if not target.startswith(("http://", "https://", "/")):
            assert (base / target).exists(), f"{name}: {target}"


def test_generated_pages_are_current(con):
    generated = docs.sections(con)
    for name, path in docs.FILES.items():
        text = path.read_text(encoding="utf-8")
        assert docs.render(text, {name: generated[name]}) == text, (
            f"{path.name} is out of date: run `python -m indicators.docs`"
        )


def test_indicator_page_lists_every_indicator(con):
    ids = [r[0] for r in con.execute("SELECT indicator_id FROM indicators").fetchall()]
    for ind_id in ids:
        assert f"| `{ind_id}` |" in PAGES["indicators.md"]


def test_quick_start_is_two_commands_matching_ci():
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", README, re.S).group(1)
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert commands == [
        "pip install -r requirements.txt && streamlit run serve.py",
        "pip install -r requirements-dev.txt && python -m pytest",
    ]
    ci = (REPO_ROOT / ".ci" / "run").read_text()
    assert "pip install -r requirements-dev.txt" in ci and "python -m pytest" in ci


def test_schema_table_matches_database(con):
    documented = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|", PAGES["database.md"], re.M))
    actual = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    assert set(documented) == actual
    for table, columns in documented.items():
        db_columns = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
        assert {c.strip() for c in columns.split(",")} == db_columns, table


def test_python_api_examples_run(con):
    """Every ```python block of docs/python-api.md runs as written."""
    blocks = re.findall(r"```python\n(.*?)```", PAGES["python-api.md"], re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "python-api.md", "exec"), {})  # our own documentation


def test_recipes_name_only_what_exists():
    recipes = PAGES["recipes.md"]
    paths = set(re.findall(r"`((?:src|tests|views|presentations)/[\w/.<>-]+)`", recipes))
    assert len(paths) >= 15
    for path in paths:
        if "<" not in path:
            assert (REPO_ROOT / path).exists(), path
    for heading in ("Add an indicator", "Add a source reader", "Add a page", "Add a presentation"):
        assert f"## {heading}" in recipes
    from indicators.ingest.readers import common

    for helper in ("path_of", "require", "keys", "numbers", "check_unique"):
        assert hasattr(common, helper), helper


def test_presentation_links_open():
    from indicators.display import presentations

    for text in [README, *PAGES.values()]:
        for deck, slide in re.findall(r"/praesentation\?deck=(\w+)&slide=(\d+)", text):
            assert int(slide) <= len(presentations.load(deck)["slides"])
