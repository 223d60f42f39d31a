#!/usr/bin/env python3
"""Compile cost before and after a change, measured alternately.

Usage: ab.py COMPILERS BEFORE_INCLUDE AFTER_INCLUDE
e.g.   git worktree add /tmp/base <commit>
       python3 benchmark/compile/ab.py g++,clang++ /tmp/base/include include

Compiles representative TUs of measure.py (-std=c++20 -O2, compile and link)
against the two include directories in turn, three times each, and prints
the best time and its peak memory: alternating keeps the load of a shared
machine from favouring one side, which sequential runs of measure.py do not.
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import measure as M  # noqa: E402

CASES = {
    "x4/2": M.STATIC.format(expr=M.WORKLOADS["x4"][1], n=2, point=2.0),
    "tanh/8": M.STATIC.format(expr="tanh(x)", n=8, point=1.0),
    "f/4": M.STATIC.format(expr=M.WORKLOADS["f"][1], n=4, point=0.7),
    "f/8": M.STATIC.format(expr=M.WORKLOADS["f"][1], n=8, point=0.7),
    "rosenbrock/2": M.ROSENBROCK_STATIC.format(n=2),
    "tanh_array/2": M.ARRAY_STATIC.format(n=2),
    "target": M.TARGET,
}


def compile_once(cxx, source, include):
    """(seconds, peak MB) of compiling and linking source."""
    with tempfile.TemporaryDirectory() as d:
        src = pathlib.Path(d) / "tu.cpp"
        src.write_text(source)
        start = time.monotonic()
        proc = subprocess.Popen([cxx, "-std=c++20", "-O2", f"-I{include}", str(src), "-o", str(src.with_suffix(""))],
                                stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        if status != 0:
            raise RuntimeError(proc.stderr.read().decode()[:3000])
        return time.monotonic() - start, usage.ru_maxrss / 1024


def main():
    compilers, before, after = sys.argv[1].split(","), sys.argv[2], sys.argv[3]
    for cxx in compilers:
        for name, source in CASES.items():
            best = {"before": (float("inf"), 0.0), "after": (float("inf"), 0.0)}
            for _ in range(3):
                for side, include in (("before", before), ("after", after)):
                    t, m = compile_once(cxx, source, include)
                    if t < best[side][0]:
                        best[side] = (t, m)
            (tb, mb), (ta, ma) = best["before"], best["after"]
            print(f"{cxx:8} {name:13} before {tb:.2f} s {mb:.0f} MB   after {ta:.2f} s {ma:.0f} MB   "
                  f"ratio {ta / tb:.2f}", flush=True)


if __name__ == "__main__":
    main()
