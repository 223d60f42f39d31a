#!/usr/bin/env python3
"""Checks that documentation code blocks are copies of compiled snippets.

A Markdown file marks a block with a comment line just before it:
    <!-- snippet: quickstart.cpp#quickstart -->
    ```cpp
    ...
    ```
and the block must equal the lines between `//! [quickstart]` markers of
docs/snippets/quickstart.cpp (common indentation removed).
"""
import pathlib
import re
import sys
import textwrap

root = pathlib.Path(sys.argv[1])
snippets = root / "docs" / "snippets"
marker = re.compile(r"<!-- snippet: ([\w.]+)#(\w+) -->\n```\w*\n(.*?)```", re.S)
failures, checked = [], 0
for md in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
    for file, tag, block in marker.findall(md.read_text(encoding="utf-8")):
        source = (snippets / file).read_text(encoding="utf-8")
        parts = source.split(f"//! [{tag}]\n")
        if len(parts) != 3:
            failures.append(f"{md.name}: {file} has no region [{tag}]")
            continue
        region = textwrap.dedent("\n".join(l for l in parts[1].splitlines() if "//! [" not in l))
        checked += 1
        if region.strip() != textwrap.dedent(block).strip():
            failures.append(f"{md.name}: block {file}#{tag} differs from the snippet:\n{region}")
for f in failures:
    print(f)
print(f"{checked} blocks checked, {len(failures)} differ")
sys.exit(1 if failures or checked == 0 else 0)
