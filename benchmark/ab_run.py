#!/usr/bin/env python3
"""Interleaved A/B of Google Benchmark programs: each round runs every
program once, the best time of each benchmark over the rounds is kept, and
each program after the first is given as a ratio to the first (a geometric
mean at the end). Interleaving spreads the machine's drift over all programs;
sequential runs on a shared VM moved by 10-40% here.

    python3 benchmark/ab_run.py [--by-workload] FILTER ROUNDS BEFORE AFTER [MORE...]

--by-workload compares benchmarks of different programs by workload and
order: BM_f_static/8 and BM_f_hand/8 are both "BM_f/8" (for tdiff against
the hand-written closed forms of benchmark/hand.cpp).

e.g. with the program built from two trees (a `git worktree` of the old
commit): g++ -std=c++20 -O2 -DNDEBUG -I<tree>/include benchmark/dynamic.cpp
-lbenchmark -lpthread -o /tmp/bm_<name>.
"""
import re, subprocess, sys, math
args = sys.argv[1:]
by_workload = args[:1] == ['--by-workload']
if by_workload:
    args = args[1:]
flt, rounds, bins = args[0], int(args[1]), args[2:]
best = [dict() for _ in bins]
for r in range(rounds):
    for i, b in enumerate(bins):
        out = subprocess.run([b, '--benchmark_min_time=0.1', f'--benchmark_filter={flt}'], capture_output=True, text=True).stdout
        for l in out.splitlines():
            m = re.match(r'(BM_\S+)\s+([\d.]+) ns', l)
            if m:
                k, v = m.group(1), float(m.group(2))
                if by_workload:
                    k = re.sub(r'_(static|hand|dynamic|boost|torch|sacado)(?=/|$)', '', k)
                best[i][k] = min(best[i].get(k, v), v)
ratios = [[] for _ in bins]
for k in best[0]:
    row = [best[i].get(k) for i in range(len(bins))]
    if None in row:
        continue
    print(f"{k:36s}" + "".join(f"{v:>12}" for v in row) + "".join(f"{row[i]/row[0]:7.2f}" for i in range(1, len(bins))))
    for i in range(1, len(bins)): ratios[i].append(row[i]/row[0])
for i in range(1, len(bins)):
    print(bins[i], "geomean vs", bins[0], f"{math.exp(sum(map(math.log, ratios[i]))/len(ratios[i])):.3f}")
