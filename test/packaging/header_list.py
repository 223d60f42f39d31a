#!/usr/bin/env python3
"""Every header under include/ is in include/meson.build's list, which drives
installation and the self-containment check, and the list names no file that
does not exist (a header missing from it installs a package whose
<tdiff/dynamic.hpp> does not compile: packaging_consumers found one).

Usage: header_list.py SOURCE_ROOT
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set(re.findall(r"'(tdiff/[^']+\.hpp)'", (root / "include" / "meson.build").read_text()))
on_disk = {p.relative_to(root / "include").as_posix() for p in (root / "include").rglob("*.hpp")}
missing, stale = sorted(on_disk - listed), sorted(listed - on_disk)
for h in missing:
    print(f"include/meson.build does not list {h}")
for h in stale:
    print(f"include/meson.build lists {h}, which does not exist")
print(f"{len(on_disk)} headers, {len(listed)} listed")
sys.exit(1 if missing or stale else 0)
