#!/usr/bin/env python3
"""Renders docs/performance.md from benchmark results.

Inputs: Google Benchmark JSON files (--benchmark_out of each bm_* program)
and the compile-cost JSON of compile/measure.py. The page is
benchmark/performance.md.in with its {{placeholders}} filled: the machine,
the command, a table per workload (time per derivative, every implementation
side by side), the targets of issue #5 with what was measured, and the
compile-cost tables. Plots (time vs order, log scale) are drawn by gnuplot
into docs/images/.

Usage: report.py --command "tools/bench ..." --compile compile.json --out docs/performance.md bm_*.json
"""
import argparse
import collections
import datetime
import json
import math
import pathlib
import platform
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[1]
IMPLS = ["static", "hand", "dynamic", "boost", "sacado", "torch"]
LABEL = {"static": "tdiff compile-time", "hand": "hand / SymPy+CSE", "dynamic": "tdiff runtime",
         "boost": "Boost.Math fvar", "sacado": "Sacado", "torch": "libtorch", "constexpr": "tdiff constexpr"}
WORKLOADS = collections.OrderedDict([
    ("x4", "W1: x^4 - 2x^2 at 2"), ("sin", "W2: sin x at 1"), ("tanh", "W3: tanh x at 1"),
    ("w4", "W4: x sin x/(1+x^2) at 0.7"), ("f", "F: exp(x sin x)/(1+x^2) + log x at 0.7"),
    ("rosenbrock", "W5: Rosenbrock at (0, 2): order 1 = gradient, 2 = gradient and Hessian"),
    ("tanh_array", "W6: tanh on linspace(-7, 7, 10^4), elementwise")])
SCALE = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
NAME = re.compile(r"^BM_(?P<workload>.+)_(?P<impl>[a-z]+)/(?P<order>\d+)$")


def load(files):
    """{(workload, impl, order): nanoseconds}, and the programs' contexts."""
    times, contexts = {}, {}
    for f in files:
        data = json.loads(pathlib.Path(f).read_text())
        contexts.update(data.get("context", {}))
        for b in data["benchmarks"]:
            # With --benchmark_repetitions, only the medians count.
            if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
                continue
            if b.get("run_type") == "iteration" and b.get("repetitions", 1) > 1:
                continue
            m = NAME.match(b.get("run_name", b["name"]))
            if not m or b.get("error_occurred"):
                continue
            times[(m["workload"], m["impl"], int(m["order"]))] = b["real_time"] * SCALE[b["time_unit"]]
    return times, contexts


def fmt(ns):
    if ns is None:
        return "–"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def runtime_tables(times):
    impls = [i for i in IMPLS if any(k[1] == i for k in times)]
    out = []
    for w, title in WORKLOADS.items():
        orders = sorted({k[2] for k in times if k[0] == w})
        if not orders:
            continue
        out += [f"### {title}", "", "| order | " + " | ".join(LABEL[i] for i in impls) +
                " | compile-time / hand | libtorch / runtime |", "|---" * (len(impls) + 3) + "|"]
        for n in orders:
            t = {i: times.get((w, i, n)) for i in impls}
            r1 = f"{t['static'] / t['hand']:.2f}" if t.get("static") and t.get("hand") else "–"
            r2 = f"{t['torch'] / t['dynamic']:.1f}" if t.get("torch") and t.get("dynamic") else "–"
            out.append(f"| {n} | " + " | ".join(fmt(t[i]) for i in impls) + f" | {r1} | {r2} |")
        out.append("")
    chained = sorted({k[2] for k in times if k[0] == "chained"})
    if chained:
        out += ["### W7: chained Rosenbrock of n variables, gradient and dense Hessian (issue #11)", "",
                "| n | tdiff, static constexpr | tdiff, built in the call | hand-written loops "
                "| static / hand | in the call / hand |", "|---|---|---|---|---|---|"]
        for n in chained:
            s, l, h = (times.get(("chained", impl, n)) for impl in ("static", "local", "hand"))
            out.append(f"| {n} | {fmt(s) if s else '–'} | {fmt(l) if l else '–'} | {fmt(h) if h else '–'} | "
                       f"{f'{s / h:.2f}' if s and h else '–'} | {f'{l / h:.2f}' if l and h else '–'} |")
        out.append("")
    others = sorted((k, t) for k, t in times.items() if k[0] not in WORKLOADS and k[0] != "chained")
    if others:
        out += ["### The runtime mode's cost per node and per element", "",
                "| benchmark | time |", "|---|---|"]
        out += [f"| `BM_{w}_{i}/{n}` | {fmt(t)} |" for (w, i, n), t in others]
        out.append("")
    if ("x4", "constexpr", 1) in times:
        out += ["The constexpr case (`BM_x4_constexpr`: the point is a constant too, the derivative is "
                f"computed by the compiler): {fmt(times[('x4', 'constexpr', 1)])} per evaluation, the cost "
                "of reading a constant.", ""]
    return "\n".join(out)


def targets(times):
    scalar = [w for w in WORKLOADS if w != "tanh_array"]
    rows = []

    def verdict(ok):
        return "met" if ok else "**missed**"

    def ratios(num, den, workloads, max_order=99):
        """[(time of num / time of den, "workload/order")] where both were measured."""
        return [(times[(w, num, n)] / times[(w, den, n)], f"{w}/{n}") for (w, i, n) in times
                if i == num and w in workloads and (w, den, n) in times and n <= max_order]

    def array_row(what, num, den, bound):
        arr = sorted(ratios(num, den, ["tanh_array"]), key=lambda r: r[1])
        if arr:
            rows.append(f"| {what}, 10^4 elements, orders 1-3 | ≤ {bound} | " + ", ".join(f"{r:.2f}" for r, _ in arr) +
                        f" | {verdict(max(r for r, _ in arr) <= bound)} |")

    close = ratios("static", "hand", scalar, max_order=8)
    if close:
        g, worst = geomean([r for r, _ in close]), max(close)
        rows.append(f"| compile-time mode / best hand-written or SymPy-with-CSE, scalars, orders 1-8 "
                    f"| geomean ≤ 1.2, worst ≤ 2 | geomean {g:.2f}, worst {worst[0]:.2f} ({worst[1]}) "
                    f"| {verdict(g <= 1.2 and worst[0] <= 2)} |")
    if ("f", "static", 0) in times and ("f", "static", 8) in times:
        r = times[("f", "static", 8)] / times[("f", "static", 0)]
        rows.append(f"| compile-time mode: F⁽⁸⁾ / F itself (issue #10) | ≤ 3 | {r:.2f} | {verdict(r <= 3)} |")
    array_row("compile-time mode / libtorch", "static", "torch", 0.5)
    speed = ratios("torch", "dynamic", scalar)
    if speed:
        rows.append(f"| libtorch / runtime mode, scalars, all orders | ≥ 20 | geomean {geomean([s for s, _ in speed]):.0f}, "
                    f"lowest {min(speed)[0]:.1f} ({min(speed)[1]}) | {verdict(min(speed)[0] >= 20)} |")
    array_row("runtime mode / libtorch", "dynamic", "torch", 1.5)
    chained = sorted(ratios("static", "hand", ["chained"]), key=lambda r: int(r[1].split("/")[1]))
    if chained:
        rows.append("| chained Rosenbrock's gradient and Hessian, compile-time mode / loops (issue #11) | ≤ 1.2 | " +
                    ", ".join(f"{r:.2f} ({w})" for r, w in chained) +
                    f" | {verdict(max(r for r, _ in chained) <= 1.2)} |")
    if not rows:
        return "(no comparable results)"
    return "\n".join(["| target | wanted | measured | |", "|---|---|---|---|"] + rows)


def compile_tables(data):
    rows = data["rows"]
    compilers = list(dict.fromkeys(r["compiler"] for r in rows))
    impls = list(dict.fromkeys(r["impl"] for r in rows))
    by = {(r["workload"], r["order"], r["impl"], r["compiler"]): r for r in rows}
    out = []
    for w, title in WORKLOADS.items():
        orders = sorted({r["order"] for r in rows if r["workload"] == w})
        if not orders:
            continue
        cols = [(i, c) for i in impls for c in compilers]
        out += [f"### {title}", "", "| order | distinct nodes | " +
                " | ".join(f"{LABEL[i]}, {c}" for i, c in cols) + " |", "|---" * (len(cols) + 2) + "|"]
        for n in orders:
            nodes = by.get((w, n, "static", compilers[0]), {}).get("nodes")
            cells = [f"{by[(w, n, i, c)]['seconds']:.2f} s, {by[(w, n, i, c)]['megabytes']} MB"
                     if (w, n, i, c) in by else "–" for i, c in cols]
            out.append(f"| {n} | {nodes if nodes is not None else '–'} | " + " | ".join(cells) + " |")
        out.append("")
    out += ["### Orders 1..8 of F and of tanh in one TU (the target of issue #3)", "",
            "| compiler | tdiff | Boost.Math autodiff | same value |", "|---|---|---|---|"]
    for t in data["target"]:
        out.append(f"| {t['compiler']} | {t['seconds']:.2f} s, {t['megabytes']} MB | "
                   f"{t['boost_seconds']:.2f} s, {t['boost_megabytes']} MB | {'yes' if t['same'] else 'no'} |")
    return "\n".join(out)


def plot(times, compile_data, images):
    """Draws perf_runtime.png and perf_compile.png with gnuplot."""
    images.mkdir(parents=True, exist_ok=True)
    data_dir = images / ".data"
    data_dir.mkdir(exist_ok=True)
    script = ["set terminal pngcairo size 1500,950 font ',10'", f"set output '{images / 'perf_runtime.png'}'",
              "set multiplot layout 2,3 title 'Time per derivative vs order (log scale; lower is better)'",
              "set logscale y", "set format y '10^{%L}'", "set ylabel 'ns'", "set xlabel 'order'",
              "set key top left font ',8'", "set grid"]
    for w, title in WORKLOADS.items():
        if w == "rosenbrock":
            continue
        plots = []
        for i in IMPLS:
            pts = sorted((n, t) for (ww, ii, n), t in times.items() if ww == w and ii == i)
            if not pts:
                continue
            f = data_dir / f"{w}_{i}.dat"
            f.write_text("".join(f"{n} {t}\n" for n, t in pts))
            plots.append(f"'{f}' using 1:2 with linespoints title '{LABEL[i]}'")
        script += [f"set title '{title.split(':')[0]}: {title.split(': ', 1)[1].replace('_', ' ')}'",
                   "set xtics 1", "plot " + ", ".join(plots)]
    script.append("unset multiplot")
    if compile_data:
        rows = compile_data["rows"]
        script += [f"set output '{images / 'perf_compile.png'}'",
                   "set multiplot layout 2,3 title 'Compile time of a TU computing one derivative (s)'",
                   "unset logscale y", "set format y '%g'", "set ylabel 's'", "set yrange [0:*]"]
        for w, title in WORKLOADS.items():
            if w == "rosenbrock":
                continue
            plots = []
            for impl in dict.fromkeys(r["impl"] for r in rows):
                for cxx in dict.fromkeys(r["compiler"] for r in rows):
                    pts = sorted((r["order"], r["seconds"]) for r in rows
                                 if r["workload"] == w and r["impl"] == impl and r["compiler"] == cxx)
                    f = data_dir / f"compile_{w}_{impl}_{cxx}.dat"
                    f.write_text("".join(f"{n} {t}\n" for n, t in pts))
                    plots.append(f"'{f}' using 1:2 with linespoints title '{LABEL[impl]}, {cxx}'")
            script += [f"set title '{title.split(':')[0]}'", "plot " + ", ".join(plots)]
        script.append("unset multiplot")
    subprocess.run(["gnuplot"], input="\n".join(script), text=True, check=True)
    for f in data_dir.iterdir():
        f.unlink()
    data_dir.rmdir()


def first_line(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0].strip()
    except (OSError, IndexError):
        return "?"


def benchmark_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "libbenchmark-dev"],
                              capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        return "?"


def machine(contexts):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    lines = [f"- Date: {datetime.date.today().isoformat()}; {platform.system()} {platform.release()}",
             f"- CPU: {cpu}, {contexts.get('num_cpus', '?')} cores at {contexts.get('mhz_per_cpu', '?')} MHz; {mem} GiB",
             f"- Compilers: {first_line(['g++', '--version'])}; {first_line(['clang++', '--version'])}",
             f"- Google Benchmark {contexts.get('library_version') or benchmark_version()}, programs built by Meson "
             "`-Dbuildtype=release` (-O3) with g++"]
    if "torch_threads" in contexts:
        lines.append(f"- libtorch intra-op threads: {contexts['torch_threads']} (its default; tdiff uses one)")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--command", required=True)
    p.add_argument("--compile")
    p.add_argument("--memory", help="rows printed by build/.../memory_dynamic")
    p.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    p.add_argument("results", nargs="+")
    a = p.parse_args()
    times, contexts = load(a.results)
    compile_data = json.loads(pathlib.Path(a.compile).read_text()) if a.compile else None
    out = pathlib.Path(a.out)
    plot(times, compile_data, out.parent / "images")
    page = (ROOT / "benchmark" / "performance.md.in").read_text()
    fill = {"machine": machine(contexts), "command": a.command, "targets": targets(times),
            "runtime_tables": runtime_tables(times),
            "compile_tables": compile_tables(compile_data) if compile_data else "(not measured in this run)",
            "memory_table": pathlib.Path(a.memory).read_text().rstrip() if a.memory else "(not measured in this run)"}
    for k, v in fill.items():
        page = page.replace("{{" + k + "}}", v)
    out.write_text(page)


if __name__ == "__main__":
    main()
