#!/usr/bin/env python3
"""Checks that the C++ sources follow .clang-format: check.py SOURCE_DIR.

Runs `clang-format --dry-run --Werror` on every .hpp and .cpp under include/,
test/, benchmark/ and docs/snippets/ (generated files opt out through their
own .clang-format or `// clang-format off`). Fix with `clang-format -i FILE`.
"""
import pathlib
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
files = sorted(str(p) for d in ("include", "test", "benchmark", "docs/snippets")
               for p in (root / d).rglob("*") if p.suffix in (".hpp", ".cpp"))
result = subprocess.run(["clang-format", "--dry-run", "--Werror", *files], capture_output=True, text=True)
bad = sorted({line.split(":")[0] for line in result.stderr.splitlines() if "warning:" in line or "error:" in line})
for f in bad:
    print(f"not formatted: {f}")
print(f"{len(files)} files checked, {len(bad)} not formatted")
sys.exit(1 if result.returncode != 0 else 0)
