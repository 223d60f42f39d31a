#!/usr/bin/env python3
"""Issue #10's compile target: one TU with orders 1..8 of F and of tanh,
tdiff against Boost.Math fvar doing the same, compiled alternately.

Each compiler builds measure.py's TARGET and TARGET_BOOST (-std=c++20 -O2,
compile and link) in turn, `--rounds` times; the best wall time of each (as
measure.py and ab.py report), the best user CPU time of the compiler's
processes (steadier on a shared machine) and the peak memory are kept, and
the two programs' printed values must agree.

Usage: target.py [--compilers g++,clang++] [--rounds 3]
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import measure as M  # noqa: E402


def compile_cpu(cxx, source):
    """(wall seconds, user CPU seconds, peak MB, program output) of compiling and running source."""
    with tempfile.TemporaryDirectory() as d:
        src, exe = pathlib.Path(d) / "tu.cpp", pathlib.Path(d) / "tu"
        src.write_text(source)
        start = time.monotonic()
        proc = subprocess.Popen([cxx, "-std=c++20", "-O2", f"-I{M.ROOT / 'include'}", str(src), "-o", str(exe)],
                                stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        if status != 0:
            sys.exit(f"{cxx} failed:\n{proc.stderr.read().decode()[:3000]}")
        out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
        return wall, usage.ru_utime, usage.ru_maxrss / 1024, out.strip()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--compilers", default="g++,clang++")
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    print("| compiler | tdiff: wall, user CPU, memory | fvar: wall, user CPU, memory | tdiff / fvar: wall, CPU |")
    print("|---|---|---|---|")
    for cxx in a.compilers.split(","):
        best = {}
        for _ in range(a.rounds):
            for impl, source in (("tdiff", M.TARGET), ("fvar", M.TARGET_BOOST)):
                wall, cpu, mb, value = compile_cpu(cxx, source)
                print(f"{cxx} {impl}: {wall:.2f} s wall, {cpu:.2f} s user, {mb:.0f} MB = {value}", file=sys.stderr)
                old = best.get(impl, (wall, cpu, mb, float(value)))
                best[impl] = (min(wall, old[0]), min(cpu, old[1]), max(mb, old[2]), float(value))
        (t, c, mb, v), (bt, bc, bmb, bv) = best["tdiff"], best["fvar"]
        if abs(v - bv) > 1e-9 * abs(bv):
            sys.exit(f"{cxx}: the values differ: tdiff {v!r}, fvar {bv!r}")
        print(f"| {cxx} | {t:.2f} s, {c:.2f} s, {mb:.0f} MB | {bt:.2f} s, {bc:.2f} s, {bmb:.0f} MB | "
              f"{t / bt:.2f}, {c / bc:.2f} |")

if __name__ == "__main__":
    main()
