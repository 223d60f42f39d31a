#!/usr/bin/env python3
"""Compile cost per workload and derivative order, with g++ and clang++.

For each workload of the benchmark plan and each order, a TU does just that
derivative (tdiff's compile-time mode, and Boost.Math autodiff for scale) at
a point read from argv, so nothing folds. We record its compile time and
peak memory (-O2, compile and link, one at a time) and, for tdiff, the number of distinct node
types of the derivative. Last, the target TU of issue #3: orders 1..8 of F
and tanh in one TU beside Boost.Math doing the same.

Usage: measure.py [--compilers g++,clang++] [--impls static,boost] [--max-order 8] --json OUT
benchmark/report.py renders OUT into docs/performance.md (tools/bench runs both).
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]

# name: (orders, tdiff expression, Boost.Math expression, point)
WORKLOADS = {
    "x4": (4, "pow<4>(x) - 2 * pow<2>(x)", "pow(x, 4) - 2 * pow(x, 2)", 2.0),
    "sin": (8, "sin(x)", "sin(x)", 1.0),
    "tanh": (8, "tanh(x)", "tanh(x)", 1.0),
    "w4": (6, "x * sin(x) / (1 + pow<2>(x))", "x * sin(x) / (1 + pow(x, 2))", 0.7),
    "f": (8, "exp(x * sin(x)) / (1 + pow<2>(x)) + log(x)", "exp(x * sin(x)) / (1 + pow(x, 2)) + log(x)", 0.7),
}

STATIC = """#include <tdiff/tdiff.hpp>
#include <cstdio>
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto f = {expr};
int main(int argc, char**) {{ std::printf("%.17g\\n", derivative<{n}>(f, x)(x = {point} * argc)); }}
"""
BOOST = """#include <boost/math/differentiation/autodiff.hpp>
#include <cstdio>
using namespace boost::math::differentiation;
int main(int argc, char**) {{
  const auto x = make_fvar<double, {n}>({point} * argc);
  std::printf("%.17g\\n", static_cast<double>(({expr}).derivative({n})));
}}
"""
ROSENBROCK_STATIC = """#include <tdiff/tdiff.hpp>
#include <cstdio>
using namespace tdiff;
constexpr auto x0 = var<"x0">;
constexpr auto x1 = var<"x1">;
constexpr auto r = pow<2>(1 - x0) + 100 * pow<2>(x1 - x0 * x0);
int main(int argc, char**) {{
  const auto g = eval(gradient(r, x0, x1), x0 = 0.0 * argc, x1 = 2.0 * argc);
  double s = g[0] + g[1];
  if ({n} == 2) {{
    const auto h = eval(hessian(r, x0, x1), x0 = 0.0 * argc, x1 = 2.0 * argc);
    s += h[0][0] + h[0][1] + h[1][0] + h[1][1];
  }}
  std::printf("%.17g\\n", s);
}}
"""
ROSENBROCK_BOOST = """#include <boost/math/differentiation/autodiff.hpp>
#include <cstdio>
using namespace boost::math::differentiation;
int main(int argc, char**) {{
  const auto v = make_ftuple<double, {n}, {n}>(0.0 * argc, 2.0 * argc);
  const auto& x = std::get<0>(v);
  const auto& y = std::get<1>(v);
  const auto r = pow(1 - x, 2) + 100 * pow(y - x * x, 2);
  double s = r.derivative(1, 0) + r.derivative(0, 1);
  if constexpr ({n} == 2) s += r.derivative(2, 0) + 2 * r.derivative(1, 1) + r.derivative(0, 2);
  std::printf("%.17g\\n", s);
}}
"""
ARRAY_STATIC = """#include <tdiff/tdiff.hpp>
#include <cstdio>
#include <vector>
using namespace tdiff;
constexpr auto x = var<"x">;
int main(int argc, char**) {{
  std::vector<double> xs(10000);
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -7 + 14.0 * argc * i / 9999;
  const std::vector<double> d = derivative<{n}>(tanh(x), x)(x = xs);
  std::printf("%.17g\\n", d[5000]);
}}
"""
ARRAY_BOOST = """#include <boost/math/differentiation/autodiff.hpp>
#include <cstdio>
#include <vector>
using namespace boost::math::differentiation;
int main(int argc, char**) {{
  std::vector<double> xs(10000), d(xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -7 + 14.0 * argc * i / 9999;
  for (std::size_t i = 0; i < xs.size(); ++i) d[i] = tanh(make_fvar<double, {n}>(xs[i])).derivative({n});
  std::printf("%.17g\\n", d[5000]);
}}
"""
NODES = """#include <tdiff/tdiff.hpp>
#include <cstdio>
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto f = {expr};
int main() {{ {body} }}
"""
TARGET = """#include <tdiff/tdiff.hpp>
#include <cstdio>
#include <utility>
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto F = exp(x * sin(x)) / (1 + pow<2>(x)) + log(x);
constexpr auto T = tanh(x);
template <std::size_t... N> double all(double v, std::index_sequence<N...>) {
  return (0.0 + ... + (derivative<N + 1>(F, x)(x = v) + derivative<N + 1>(T, x)(x = v)));
}
int main(int argc, char**) { std::printf("%.17g\\n", all(argc * 0.7, std::make_index_sequence<8>{})); }
"""
TARGET_BOOST = """#include <boost/math/differentiation/autodiff.hpp>
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


def compile_once(cxx, source, flags=("-O2",)):
    """(seconds, peak MB, program output) of compiling and running source."""
    with tempfile.TemporaryDirectory() as d:
        src, exe = pathlib.Path(d) / "tu.cpp", pathlib.Path(d) / "tu"
        src.write_text(source)
        cmd = [cxx, "-std=c++20", *flags, f"-I{ROOT / 'include'}", str(src), "-o", str(exe)]
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.monotonic() - start
        if status != 0:
            raise RuntimeError(f"{cxx} failed:\n{proc.stderr.read().decode()[:3000]}")
        out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
        return elapsed, usage.ru_maxrss / 1024, out.strip()


def node_counts(cxx, expr, orders):
    body = "".join(f'std::printf("%zu\\n", detail::node_count_v<decltype(derivative<{n}>(f, x))::node_type>);'
                   for n in range(1, orders + 1))
    return [int(v) for v in compile_once(cxx, NODES.format(expr=expr, body=body), ["-O0"])[2].split()]


def cases(max_order):
    """(workload, order, {impl: source}, tdiff expression or None)."""
    for name, (orders, expr, bexpr, point) in WORKLOADS.items():
        for n in range(1, min(orders, max_order) + 1):
            yield name, n, {"static": STATIC.format(expr=expr, n=n, point=point),
                            "boost": BOOST.format(expr=bexpr, n=n, point=point)}, expr
    for n in (1, 2):
        yield "rosenbrock", n, {"static": ROSENBROCK_STATIC.format(n=n), "boost": ROSENBROCK_BOOST.format(n=n)}, None
    for n in range(1, min(3, max_order) + 1):
        yield "tanh_array", n, {"static": ARRAY_STATIC.format(n=n), "boost": ARRAY_BOOST.format(n=n)}, "tanh(x)"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--compilers", default="g++,clang++")
    p.add_argument("--impls", default="static,boost")
    p.add_argument("--max-order", type=int, default=8)
    p.add_argument("--json", required=True)
    a = p.parse_args()
    compilers, impls = a.compilers.split(","), a.impls.split(",")
    rows, counts = [], {}
    for workload, n, sources, expr in cases(a.max_order):
        if expr is not None and expr not in counts:
            counts[expr] = node_counts(compilers[0], expr, 8)
        nodes = counts[expr][n - 1] if expr is not None else None
        for impl in impls:
            for cxx in compilers:
                t, m, value = compile_once(cxx, sources[impl])
                rows.append(dict(workload=workload, order=n, impl=impl, compiler=cxx, seconds=round(t, 3),
                                 megabytes=round(m), nodes=nodes if impl == "static" else None, value=value))
                print(f"{workload}/{n} {impl} {cxx}: {t:.2f} s {m:.0f} MB", file=sys.stderr)
    target = []
    for cxx in compilers:
        t, m, v = compile_once(cxx, TARGET)
        bt, bm, bv = compile_once(cxx, TARGET_BOOST)
        target.append(dict(compiler=cxx, seconds=round(t, 3), megabytes=round(m), boost_seconds=round(bt, 3),
                           boost_megabytes=round(bm), same=abs(float(v) - float(bv)) <= 1e-9 * abs(float(bv))))
    pathlib.Path(a.json).write_text(json.dumps(dict(rows=rows, target=target), indent=1))


if __name__ == "__main__":
    main()
