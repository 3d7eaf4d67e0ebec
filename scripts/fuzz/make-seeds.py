#!/usr/bin/env python3
"""Writes the seed corpus, Tests/FuzzCorpus/seeds/<target>/, from what the repository already has:
the sample essays, the fixture site, the scenario files, the examples in docs/ and the built-in theme.
Run it from the repository root after those change; the seeds are committed, so `make fuzz` and
`make test` need nothing but Swift."""

import glob
import os
import re
import shutil

SEEDS = "Tests/FuzzCorpus/seeds"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def fenced(text, kinds):
    """The fenced blocks whose info string starts with one of `kinds`: (info, body)."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\S[^\n]*)\n(.*?)^```\s*$", text, re.S | re.M)
            if m.group(1).split()[0] in kinds]


def body(essay):
    """An essay without its front matter."""
    parts = essay.split("\n---\n", 1)
    return parts[1] if essay.startswith("---\n") and len(parts) == 2 else essay


# Small inputs that reach corners the repository's own files do not.
HANDWRITTEN = {
    "inline": {
        "formats-and-claims.md": (
            "Machines: {{ at(machines, 6 months) | integer }}, total {{ total = $960 }}, "
            "hourly {{ hourly | 2 decimals }}, work {{ work | 3 significant }}, {{ breakeven as weeks }}, "
            "{{ main.total }}, {{ 2 + 2 = 4 }}, {{ never }}, {{ first(cumulative > $1M) = never }}.\n"
        ),
        "own-model.md": "Rate {{ rate | 1 decimals }} and {{ growth.doubling }}.\n\n"
                        "```scenario growth\nrate = 3%/week\ndoubling = ln(2) / ln(1 + rate * 1 week) * 1 week\n```\n",
    },
    "figure": {
        "all-kinds.md": (
            "```chart\ntype: area\ny: [spend]\nlog: true\nheight: 200\nannotate:\n  - at: breakeven\n    label: even\n```\n\n"
            "```chart\nbars: [total, work]\ny-min: $0\n```\n\n"
            "```table\nseries: [spend, cumulative]\n```\n\n"
            "```sweep\nvary:\n  growth: [1%/week, 5%/week]\n  price: [$10/month/machine, $40/month/machine]\nshow: [total]\n```\n"
        ),
    },
    "front-matter": {
        "every-key.md": (
            "---\ntitle: \"Every key\"\ndate: 2026-03-14T09:30:00+02:00\nupdated: 2026-04-01\n"
            "tags: [a, B c, \"d/e\"]\nsummary: >\n  folded\n  text\ndraft: true\nslug: every-key\nauthor: A. Person\n"
            "series: &s costs\nalso: *s\nnested: {a: [1, 2, {b: c}]}\n---\nBody.\n"
        ),
    },
    "template": {
        "partials-and-blocks.txt": (
            "-- page.mustache --\n{{<base}}{{$main}}{{#page}}<h1>{{title}}</h1>{{{content}}}{{/page}}"
            "{{^missing}}none{{/missing}}{{> shared/note}}{{/main}}{{/base}}\n"
            "-- shared/note.mustache --\n{{=<% %>=}}<p><% site.title %></p><%={{ }}=%>{{! a comment }}\n"
        ),
    },
}


def main():
    seeds = {target: {} for target in ["scenario", "inline", "figure", "front-matter", "template", "page"]}
    essays = sorted(glob.glob("Content/**/*.md", recursive=True)) + sorted(glob.glob("Tests/Fixtures/*/Content/**/*.md", recursive=True))
    docs = {path: read(path) for path in sorted(glob.glob("docs/*.md"))}
    name = lambda path: path.replace("/", "-").replace("Tests-Fixtures-", "").replace("Content-", "")

    for path in sorted(glob.glob("Tests/Scenarios/*.scenario")):
        seeds["scenario"][os.path.basename(path)] = read(path)
    for path, text in docs.items():
        for number, (_, block) in enumerate(fenced(text, {"scenario"}), 1):
            seeds["scenario"][f"{os.path.basename(path)[:-3]}-{number}.scenario"] = block
    for path in essays:
        text = read(path)
        for number, (_, block) in enumerate(fenced(text, {"scenario"}), 1):
            seeds["scenario"][f"{name(path)[:-3]}-{number}.scenario"] = block
        seeds["page"][name(path)] = text
        seeds["front-matter"][name(path)] = text
        if "{{" in text:
            seeds["inline"][name(path)] = body(text)
        if fenced(text, {"chart", "table", "sweep", "tornado"}):
            seeds["figure"][name(path)] = body(text)

    # The figure reference: each example block on its own (read against the fuzz model) and all of them with a model of their own.
    for page in ["figures", "uncertainty"]:
        figures = docs.get(f"docs/{page}.md", "")
        for number, (info, block) in enumerate(fenced(figures, {"chart", "table", "sweep", "tornado"}), 1):
            seeds["figure"][f"{page}-{number}-{info.split()[0]}.md"] = f"```{info}\n{block}```\n"
    # The prose section of the language reference, one value per line.
    language = docs.get("docs/scenario-language.md", "")
    values = sorted(set(re.findall(r"`(\{\{[^`]*\}\})`", language)))
    if values:
        seeds["inline"]["scenario-language-values.md"] = "Values: " + "\n".join(values) + "\n"

    for path in ["site.yml"] + sorted(glob.glob("Tests/Fixtures/*/site.yml")):
        seeds["front-matter"][name(path)] = read(path)

    # The built-in theme, as one template input, and each user template on its own.
    theme = ""
    for path in sorted(glob.glob("Sources/Theme/DefaultTheme/*Templates.swift")):
        for m in re.finditer(r'static let (\w+) = #"""\n(.*?)"""#', read(path), re.S):
            file = {"notFound": "404"}.get(m.group(1), m.group(1))
            theme += f"-- {file}.mustache --\n{m.group(2)}"
    seeds["template"]["default-theme.txt"] = theme
    for path in sorted(glob.glob("Templates/*.mustache")) + sorted(glob.glob("Tests/Fixtures/*/Templates/*.mustache")):
        seeds["template"][name(path) + ".txt"] = f"-- {os.path.basename(path)} --\n{read(path)}"

    for target, files in HANDWRITTEN.items():
        seeds[target].update(files)

    for target, files in seeds.items():
        folder = os.path.join(SEEDS, target)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for file, text in sorted(files.items()):
            with open(os.path.join(folder, file), "w", encoding="utf-8") as f:
                f.write(text)
        print(f"{target}: {len(files)} seeds")


if __name__ == "__main__":
    main()
