#!/usr/bin/env python3
"""Interleaved A/B of Google Benchmark programs: each round runs every
program once, the best time of each benchmark over the rounds is kept, and
each program after the first is given as a ratio to the first (a geometric
mean at the end). Interleaving spreads the machine's drift over all programs;
sequential runs on a shared VM moved by 10-40% here.

    python3 benchmark/ab_run.py FILTER ROUNDS BEFORE AFTER [MORE...]

e.g. with the program built from two trees (a `git worktree` of the old
commit): g++ -std=c++20 -O2 -DNDEBUG -I<tree>/include benchmark/dynamic.cpp
-lbenchmark -lpthread -o /tmp/bm_<name>.
"""
import re, subprocess, sys, math
flt, rounds, bins = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
best = [dict() for _ in bins]
for r in range(rounds):
    for i, b in enumerate(bins):
        out = subprocess.run([b, '--benchmark_min_time=0.1', f'--benchmark_filter={flt}'], capture_output=True, text=True).stdout
        for l in out.splitlines():
            m = re.match(r'(BM_\S+)\s+([\d.]+) ns', l)
            if m:
                k, v = m.group(1), float(m.group(2))
                best[i][k] = min(best[i].get(k, v), v)
ratios = [[] for _ in bins]
for k in best[0]:
    row = [best[i].get(k) for i in range(len(bins))]
    print(f"{k:36s}" + "".join(f"{v:>12}" for v in row) + "".join(f"{row[i]/row[0]:7.2f}" for i in range(1, len(bins))))
    for i in range(1, len(bins)): ratios[i].append(row[i]/row[0])
for i in range(1, len(bins)):
    print(bins[i], "geomean vs", bins[0], f"{math.exp(sum(map(math.log, ratios[i]))/len(ratios[i])):.3f}")
