#!/usr/bin/env python3
"""Compile cost of the gradient and Hessian of a function of n variables.

Issue #11's scale check: the chained Rosenbrock function over `var<"v", n>`,
written as users write it (plain numbers, sum<N>), its gradient and dense
Hessian evaluated in one function (eval of both). Each n is compiled with
each compiler (-std=c++20 -O2 -c, default flags otherwise), and the table
gives wall time and peak memory (ru_maxrss of the compiler). With
--include NAME=DIR, the tdiff headers of several trees are compared.

Usage: vectors.py [--sizes 8,16,32,64] [--compilers g++,clang++] [--include NAME=DIR ...]
Prints a Markdown table.
"""
import argparse
import pathlib
import os
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]

SOURCE = """#include <tdiff/tdiff.hpp>
#include <array>
#include <cstddef>
using namespace tdiff;
constexpr std::size_t n = {n};
constexpr auto v = var<"v", n>;
constexpr auto chained = sum<n - 1>([](auto i) {{
  return 100 * pow<2>(v[std::integral_constant<std::size_t, i + 1>{{}}] - pow<2>(v[i])) + pow<2>(1 - v[i]);
}});
std::array<double, n> gradient_at(const std::array<double, n>& p) {{
  return eval(gradient(chained, v), v = p);
}}
std::array<std::array<double, n>, n> hessian_at(const std::array<double, n>& p) {{
  return eval(hessian(chained, v), v = p);
}}
"""


def compile_once(cxx, include, source):
    start = time.perf_counter()
    proc = subprocess.Popen([cxx, "-std=c++20", "-O2", f"-I{include}", "-c", str(source), "-o", "/dev/null"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)  # this compiler's own peak memory
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        first = next((line for line in stderr.splitlines() if "error" in line), stderr[:200])
        return None, None, first
    return wall, usage.ru_maxrss / 1024, None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="8,16,32,64")
    parser.add_argument("--compilers", default="g++,clang++")
    parser.add_argument("--include", action="append", default=[], metavar="NAME=DIR")
    args = parser.parse_args()
    dirs = dict(i.split("=", 1) for i in args.include) or {"": str(ROOT / "include")}
    sizes = [int(n) for n in args.sizes.split(",")]
    compilers = args.compilers.split(",")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            source = pathlib.Path(tmp, f"chained{n}.cpp")
            source.write_text(SOURCE.format(n=n))
            for name, include in dirs.items():
                cells = []
                for cxx in compilers:
                    wall, mem, error = compile_once(cxx, include, source)
                    cells.append(f"fails: {error}" if error else f"{wall:.1f} s, {mem:.0f} MB")
                rows.append(f"| {n} | {name} | " + " | ".join(cells) + " |")
                print(rows[-1], flush=True)
    print()
    print("| n | tree | " + " | ".join(compilers) + " |")
    print("|---|---|" + "---|" * len(compilers))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
