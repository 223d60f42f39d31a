#!/usr/bin/env python3
"""Compile cost of tdiff's compile-time mode, per derivative order.

For each workload and order, a generated TU evaluates derivative<N>(f, x)
once (inputs from argv, so nothing folds); we record its compile time and
peak memory (-O2 -c), and the number of distinct node types of the
derivative. Then the target TU of issue #3: orders 1..8 of F and tanh in one
TU, beside Boost.Math autodiff doing the same.

Usage: measure.py [--compilers g++,clang++] [--orders 10] [--out FILE]
Writes a Markdown section to FILE (default: stdout); tools/bench puts it in
docs/performance.md.
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORKLOADS = {
    "sin": "sin(x)",
    "tanh": "tanh(x)",
    "W = x sin x/(1+x^2)": "x * sin(x) / (1 + pow<2>(x))",
    "F = exp(x sin x)/(1+x^2) + log x": "exp(x * sin(x)) / (1 + pow<2>(x)) + log(x)",
}
HEADER = """#include <tdiff/tdiff.hpp>
#include <cstdio>
using namespace tdiff;
constexpr auto x = var<"x">;
"""


def compile_once(cxx, source, flags):
    with tempfile.TemporaryDirectory() as d:
        src = pathlib.Path(d) / "tu.cpp"
        src.write_text(source)
        cmd = [cxx, "-std=c++20", *flags, f"-I{ROOT / 'include'}", str(src), "-o", str(pathlib.Path(d) / "tu")]
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, _, usage = os.wait4(proc.pid, 0)
        elapsed = time.monotonic() - start
        err = proc.stderr.read().decode()
        if proc.returncode not in (0, None) and "error" in err:
            raise RuntimeError(f"{cxx} failed:\n{err[:2000]}")
        exe = pathlib.Path(d) / "tu"
        out = subprocess.run([str(exe)], capture_output=True, text=True).stdout if exe.exists() else ""
        return elapsed, usage.ru_maxrss / 1024, out


def node_counts(cxx, expr, orders):
    body = "".join(
        f'  std::printf("%zu\\n", detail::node_count_v<decltype(derivative<{n}>(f, x))::node_type>);\n'
        for n in range(1, orders + 1))
    src = HEADER + f"constexpr auto f = {expr};\nint main() {{\n{body}}}\n"
    _, _, out = compile_once(cxx, src, ["-O0"])
    return [int(v) for v in out.split()]


def order_tu(expr, n):
    return HEADER + (f"constexpr auto f = {expr};\n"
                     f"int main(int argc, char**) {{ std::printf(\"%g\\n\", "
                     f"derivative<{n}>(f, x)(x = 0.35 * argc)); }}\n")


TARGET = HEADER + """#include <utility>
constexpr auto F = exp(x * sin(x)) / (1 + pow<2>(x)) + log(x);
constexpr auto T = tanh(x);
template <std::size_t... N> double all(double v, std::index_sequence<N...>) {
  return (0.0 + ... + (derivative<N + 1>(F, x)(x = v) + derivative<N + 1>(T, x)(x = v)));
}
int main(int argc, char**) { std::printf("%.17g\\n", all(argc * 0.7, std::make_index_sequence<8>{})); }
"""
BOOST = """#include <boost/math/differentiation/autodiff.hpp>
#include <cstdio>
#include <utility>
using namespace boost::math::differentiation;
template <std::size_t N> double run(double v) {
  auto const x = make_fvar<double, N>(v);
  auto const F = exp(x * sin(x)) / (1 + x * x) + log(x);
  auto const T = tanh(x);
  return F.derivative(N) + T.derivative(N);
}
template <std::size_t... N> double all(double v, std::index_sequence<N...>) { return (0.0 + ... + run<N + 1>(v)); }
int main(int argc, char**) { std::printf("%.17g\\n", all(argc * 0.7, std::make_index_sequence<8>{})); }
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--compilers", default="g++,clang++")
    p.add_argument("--orders", type=int, default=10)
    p.add_argument("--out")
    a = p.parse_args()
    compilers = a.compilers.split(",")
    lines = [f"Command: `benchmark/compile/measure.py --compilers {a.compilers} --orders {a.orders}`",
             "(each TU compiled with `-std=c++20 -O2`, one at a time; time is wall clock,",
             "memory the compiler's peak resident set).", ""]
    for name, expr in WORKLOADS.items():
        counts = node_counts(compilers[0], expr, a.orders)
        lines += [f"### {name}", "", "| order | distinct nodes | " +
                  " | ".join(f"{c} time | {c} memory" for c in compilers) + " |",
                  "|---|---|" + "---|---|" * len(compilers)]
        for n in range(1, a.orders + 1):
            row = [str(n), str(counts[n - 1])]
            for c in compilers:
                t, m, _ = compile_once(c, order_tu(expr, n), ["-O2"])
                row += [f"{t:.2f} s", f"{m:.0f} MB"]
            lines.append("| " + " | ".join(row) + " |")
            print(name, row, file=sys.stderr)
        lines.append("")
    lines += ["### Orders 1..8 of F and of tanh in one TU", "",
              "| compiler | tdiff time | tdiff memory | Boost.Math autodiff time | Boost.Math memory | same value |",
              "|---|---|---|---|---|---|"]
    for c in compilers:
        t, m, v = compile_once(c, TARGET, ["-O2"])
        bt, bm, bv = compile_once(c, BOOST, ["-O2"])
        same = "yes" if abs(float(v) - float(bv)) <= 1e-9 * abs(float(bv)) else f"no: {v.strip()} vs {bv.strip()}"
        lines.append(f"| {c} | {t:.2f} s | {m:.0f} MB | {bt:.2f} s | {bm:.0f} MB | {same} |")
        print(c, t, m, bt, bm, file=sys.stderr)
    text = "\n".join(lines) + "\n"
    if a.out:
        pathlib.Path(a.out).write_text(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
