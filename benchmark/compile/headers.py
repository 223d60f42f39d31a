#!/usr/bin/env python3
"""What including tdiff costs: an empty `main` with each public header.

Compiles `int main() {}` preceded by one include set, with g++ and clang++
(-std=c++20 -O2 -c), alternating between the sets round after round, and
keeps each set's best CPU time (user + system of the compiler, less
sensitive to a busy machine than wall time). The reference is issue #10's:
`<string> <cmath> <array> <tuple>`. With several include directories
(`--include before=DIR --include after=DIR`) the tdiff headers are measured
under each, alternately, for a before/after table. Also prints each set's
preprocessed line count (g++ -E -P).

Usage: headers.py [--compilers g++,clang++] [--rounds 7] [--include NAME=DIR ...]
Prints a Markdown table.
"""
import argparse
import os
import pathlib
import resource
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
REFERENCE = ["string", "cmath", "array", "tuple"]
HEADERS = ["tdiff/tdiff.hpp", "tdiff/dynamic.hpp"]


def cpu_seconds(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compilers", default="g++,clang++")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--include", action="append", default=[], metavar="NAME=DIR")
    args = parser.parse_args()
    dirs = dict(i.split("=", 1) for i in args.include) or {"": str(ROOT / "include")}
    compilers = args.compilers.split(",")

    with tempfile.TemporaryDirectory() as tmp:
        cases = {"reference": ("".join(f"#include <{h}>\n" for h in REFERENCE), None)}
        for header in HEADERS:
            for name, include in dirs.items():
                cases[f"{header} {name}".strip()] = (f"#include <{header}>\n", include)
        sources = {}
        for i, (case, (text, _)) in enumerate(cases.items()):
            sources[case] = pathlib.Path(tmp, f"case{i}.cpp")
            sources[case].write_text(text + "int main() {}\n")

        def command(cxx, case, *extra):
            include = cases[case][1]
            return [cxx, "-std=c++20", "-O2", *extra, *([f"-I{include}"] if include else []),
                    str(sources[case])]

        lines = {
            case: len(subprocess.run(command("g++", case, "-E", "-P"), check=True, capture_output=True,
                                     text=True).stdout.splitlines())
            for case in cases
        }
        best = {}
        for _ in range(args.rounds):
            for cxx in compilers:
                for case in cases:
                    t = cpu_seconds(command(cxx, case, "-c", "-o", os.devnull))
                    best[cxx, case] = min(best.get((cxx, case), float("inf")), t)

    print("| empty `main` with | lines (g++ -E) | " + " | ".join(f"{c}: s, × reference" for c in compilers) + " |")
    print("|---|---|" + "---|" * len(compilers))
    for case in cases:
        label = "`" + " ".join(f"<{h}>" for h in REFERENCE) + "` (reference)" if case == "reference" else case
        cells = [f"{best[c, case]:.2f} s, {best[c, case] / best[c, 'reference']:.2f}×" for c in compilers]
        print(f"| {label} | {lines[case]:,} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
