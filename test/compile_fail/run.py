#!/usr/bin/env python3
"""Compile-fail test: run.py SOURCE COMPILER... -- FLAGS...

The control build (plain -fsyntax-only) must succeed, otherwise the test itself
is broken. The build with -DTDIFF_SHOULD_FAIL must fail, and the first line of
its diagnostics that contains "error" must match the `// expect-error: REGEX`
line of SOURCE.
"""
import re
import subprocess
import sys

source = sys.argv[1]
split = sys.argv.index("--")
compiler, flags = sys.argv[2:split], sys.argv[split + 1:]
text = open(source, encoding="utf-8").read()
match = re.search(r"^// expect-error: (.+)$", text, re.M)
if not match:
    sys.exit(f"{source}: no '// expect-error: REGEX' line")
expected = match.group(1).strip()


def build(*extra):
    cmd = compiler + flags + ["-fsyntax-only", *extra, source]
    return subprocess.run(cmd, capture_output=True, text=True)


control = build()
if control.returncode != 0:
    sys.exit(f"control build failed, the test itself is broken:\n{control.stderr}")
failing = build("-DTDIFF_SHOULD_FAIL")
if failing.returncode == 0:
    sys.exit("the TDIFF_SHOULD_FAIL build compiled, but it must not")
errors = [line for line in failing.stderr.splitlines() if "error" in line]
first = errors[0] if errors else ""
if not re.search(expected, first):
    sys.exit(f"first error line does not match /{expected}/:\n  {first}\n\nfull output:\n{failing.stderr}")
print(f"ok: {first}")
