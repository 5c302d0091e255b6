"""The README is checked against the code: generated sections, commands and schema."""

import re

from indicators import docs
from indicators.paths import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_generated_sections_are_current(con):
    assert docs.render(README, docs.sections(con)) == README, (
        "README is out of date: run `python -m indicators.docs`"
    )


def test_readme_lists_every_indicator(con):
    ids = [r[0] for r in con.execute("SELECT indicator_id FROM indicators").fetchall()]
    for ind_id in ids:
        assert f"| `{ind_id}` |" in README


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
    section = README.split("## The database")[1].split("\n## ")[0]
    documented = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|", section, re.M))
    actual = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    assert set(documented) == actual
    for table, columns in documented.items():
        db_columns = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
        assert {c.strip() for c in columns.split(",")} == db_columns, table


def test_images_and_presentation_link_exist():
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (REPO_ROOT / image).is_file(), image
    from indicators.display import presentations

    for deck, slide in re.findall(r"/praesentation\?deck=(\w+)&slide=(\d+)", README):
        assert int(slide) <= len(presentations.load(deck)["slides"])
