"""Generated parts of the documentation, so it cannot drift from the catalogue.

`python -m indicators.docs` rewrites the marked sections of docs/indicators.md and
docs/sources.md; tests/test_docs.py fails when a page differs from what is generated here.
"""

import re
import sys

from indicators import catalogue as catalogue_module
from indicators.paths import REPO_ROOT

DOCS = REPO_ROOT / "docs"
FILES = {
    "indicators": DOCS / "indicators.md",
    "sources": DOCS / "sources.md",
    "summary": REPO_ROOT / "README.md",
}


def _years(con):
    rows = con.execute("SELECT indicator_id, first_year, last_year FROM indicators").fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def _rule(ind):
    if ind.aggregation == "ratio":
        return f"Σ `{ind.numerator}` / Σ `{ind.denominator}`"
    if ind.aggregation == "weighted_mean":
        return f"mean weighted by `{ind.weight}`"
    return "sum" + (" (area share)" if ind.share_basis == "area" else "")


def indicator_table(catalogue, years):
    lines = []
    for topic, names in catalogue.topics.items():
        members = [i for i in catalogue if i.topic == topic]
        lines += [
            f"**{names['en']}** ({names['de']})",
            "",
            "| id | indicator | unit | years | region value | source |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for ind in members:
            first, last = years.get(ind.id, (None, None))
            span = f"{first}–{last}" if first != last else f"{first}"
            sources = ", ".join(
                catalogue.sources[k]["publisher"].split(" (")[0] for k in catalogue.source_keys(ind)
            )
            lines.append(
                f"| `{ind.id}` | {ind.label_en} | {ind.unit} | {span} | {_rule(ind)} | {sources} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def indicator_summary(catalogue):
    """The README's short list: the count per topic and per network field of work."""
    lines = [f"{len(catalogue)} indicators in {len(catalogue.topics)} topics:", ""]
    for topic, names in catalogue.topics.items():
        members = [i for i in catalogue if i.topic == topic]
        examples = ", ".join(i.label_en for i in members[:3])
        lines.append(f"- **{names['en']}** ({len(members)}): {examples}, …")
    fields = (
        f"{f['en']} ({sum(key in i.fields for i in catalogue)})"
        for key, f in catalogue.fields.items()
    )
    lines += ["", f"By the network's fields of work: {', '.join(fields)}."]
    return "\n".join(lines) + "\n"


def source_list(catalogue):
    lines = []
    for key, src in catalogue.sources.items():
        lines.append(
            f"- **{src['publisher']}** (`{key}`): {src['title']}. "
            f"Licence: {src['licence']}. Attribution: “{src['attribution']}”"
        )
    return "\n".join(lines) + "\n"


def sections(con):
    catalogue = catalogue_module.load()
    return {
        "indicators": indicator_table(catalogue, _years(con)),
        "sources": source_list(catalogue),
        "summary": indicator_summary(catalogue),
    }


def render(text, generated):
    """Replace each `<!-- name:start -->…<!-- name:end -->` block with its generated text."""
    for name, body in generated.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"no <!-- {name}:start/end --> markers")
        text = pattern.sub(lambda m, b=body: m.group(1) + b + m.group(2), text)
    return text


def main():
    from indicators import open_db

    with open_db() as con:
        generated = sections(con)
    for name, path in FILES.items():
        path.write_text(render(path.read_text(encoding="utf-8"), {name: generated[name]}))
        print(f"Updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
