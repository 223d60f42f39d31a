#!/usr/bin/env python3
"""Compile cost of single high-order derivatives: tdiff against Boost.Math fvar.

For F = exp(x sin x)/(1 + x^2) + log x and for tanh, at each order given,
one TU computes just that derivative at a point read from argv (the TUs of
measure.py), compiled and linked with -O2 by each compiler; tdiff's TU and
Boost.Math's alternate, and the best of `--rounds` is kept. Also counts the
derivative's distinct nodes. Prints a Markdown table.

Usage: high_orders.py [--compilers g++,clang++] [--orders 8,10,12] [--rounds 2]
"""
import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import measure as M  # noqa: E402

FUNCTIONS = {"F": M.WORKLOADS["f"], "tanh": M.WORKLOADS["tanh"]}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--compilers", default="g++,clang++")
    p.add_argument("--orders", default="8,10,12")
    p.add_argument("--rounds", type=int, default=2)
    a = p.parse_args()
    compilers = a.compilers.split(",")
    orders = [int(n) for n in a.orders.split(",")]
    header = "| function | order | distinct nodes | " + " | ".join(
        f"{c}: tdiff | {c}: fvar | {c}: tdiff / fvar" for c in compilers) + " |"
    print(header)
    print("|---|---|---|" + "---|---|---|" * len(compilers))
    for name, (_, expr, bexpr, point) in FUNCTIONS.items():
        nodes = M.node_counts(compilers[0], expr, max(orders))
        for n in orders:
            cells = []
            for cxx in compilers:
                best = {}
                for _ in range(a.rounds):
                    for impl, source in (("static", M.STATIC.format(expr=expr, n=n, point=point)),
                                         ("boost", M.BOOST.format(expr=bexpr, n=n, point=point))):
                        t, mb, _ = M.compile_once(cxx, source)
                        if impl not in best or t < best[impl][0]:
                            best[impl] = (t, mb)
                        print(f"{name}/{n} {impl} {cxx}: {t:.2f} s {mb:.0f} MB", file=sys.stderr)
                (t, mb), (bt, bmb) = best["static"], best["boost"]
                cells.append(f"{t:.2f} s, {mb:.0f} MB | {bt:.2f} s, {bmb:.0f} MB | {t / bt:.2f}")
            print(f"| {name} | {n} | {nodes[n - 1]} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
