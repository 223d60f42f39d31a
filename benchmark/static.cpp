// SPDX-License-Identifier: BSL-1.0
// tdiff's compile-time mode on every workload: BM_<workload>_static/<order>.
// The derivative is a type; evaluating it is straight-line code. The
// constexpr case (BM_x4_constexpr) shows what happens when the point is a
// constant too: the derivative is computed by the compiler, run time 0.
#include "workloads.hpp"

#include <tdiff/tdiff.hpp>

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto x4 = pow<4>(x) - 2 * pow<2>(x);
constexpr auto w4 = x * sin(x) / (1 + pow<2>(x));
constexpr auto f = exp(x * sin(x)) / (1 + pow<2>(x)) + log(x);

/// d(order<n>{}, v): the n-th derivative of e at v.
template <const auto& E>
constexpr auto nth = []<int N>(bench::order<N>, double v) {
  constexpr auto d = derivative<N>(E, x);
  return d(x = v);
};
constexpr auto sin_x = sin(x);
constexpr auto tanh_x = tanh(x);

constexpr auto x0 = var<"x0">;
constexpr auto x1 = var<"x1">;
constexpr auto rosenbrock = pow<2>(1 - x0) + 100 * pow<2>(x1 - x0 * x0);

// A 3-D chained Rosenbrock's gradient and Hessian as a Newton step needs them,
// held in constexpr objects: written with plain numbers (run-time scalars in
// the expression), with exact constants c<N>, and by hand. Plain numbers
// share the gradient's and the Hessian's one schedule too (issue #10).
constexpr auto y0 = var<"y0">;
constexpr auto y1 = var<"y1">;
constexpr auto y2 = var<"y2">;
constexpr auto rosenbrock3_plain =
    100 * pow<2>(y1 - y0 * y0) + pow<2>(1 - y0) + 100 * pow<2>(y2 - y1 * y1) + pow<2>(1 - y1);
constexpr auto rosenbrock3_exact =
    c<100> * pow<2>(y1 - y0 * y0) + pow<2>(c<1> - y0) + c<100> * pow<2>(y2 - y1 * y1) + pow<2>(c<1> - y1);

using newton_terms = std::array<double, 12>;  // gradient, then the Hessian's rows

template <const auto& F>
newton_terms rosenbrock3_tdiff(double a, double b, double c) {
  static constexpr auto g = gradient(F, y0, y1, y2);
  static constexpr auto h = hessian(F, y0, y1, y2);
  const auto gv = eval(g, y0 = a, y1 = b, y2 = c);
  const auto hv = eval(h, y0 = a, y1 = b, y2 = c);
  return {gv[0],    gv[1],    gv[2],    hv[0][0], hv[0][1], hv[0][2],
          hv[1][0], hv[1][1], hv[1][2], hv[2][0], hv[2][1], hv[2][2]};
}

newton_terms rosenbrock3_hand(double a, double b, double c) {
  const double u = b - a * a, w = c - b * b;
  const double h01 = -400 * a, h12 = -400 * b;
  return {-400 * a * u - 2 * (1 - a),
          200 * u - 400 * b * w - 2 * (1 - b),
          200 * w,
          1200 * a * a - 400 * b + 2,
          h01,
          0,
          h01,
          1200 * b * b - 400 * c + 202,
          h12,
          0,
          h12,
          200};
}

template <newton_terms (*F)(double, double, double)>
void BM_rosenbrock3(benchmark::State& state) {
  double a = 0.3, b = 0.7, c = -0.4;
  const newton_terms want = rosenbrock3_hand(a, b, c), got = F(a, b, c);
  for (std::size_t i = 0; i < want.size(); ++i)
    if (std::abs(got[i] - want[i]) > 1e-12 * (1 + std::abs(want[i]))) {
      state.SkipWithError("wrong gradient or Hessian");
      return;
    }
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(c);
    auto r = F(a, b, c);
    benchmark::DoNotOptimize(r);
  }
}

/// F itself (order 0): issue #10 asks for F^(8) in at most 3 times its time.
void BM_f_itself(benchmark::State& state) {
  double v = bench::workloads::f.point;
  if (std::abs(f(x = v) - (std::exp(v * std::sin(v)) / (1 + v * v) + std::log(v))) > 1e-15) {
    state.SkipWithError("wrong value of F");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(v);
    double r = f(x = v);
    benchmark::DoNotOptimize(r);
  }
}

template <int N>
void BM_x4_constexpr(benchmark::State& state) {
  constexpr double v = derivative<N>(x4, x)(x = 2.0);
  static_assert(v == static_cast<double>(closed_form::x4_at_point[N - 1]));
  for (auto _ : state) {
    double r = v;
    benchmark::DoNotOptimize(r);
  }
}
}  // namespace

int main(int argc, char** argv) {
  bench::register_scalar<4>(bench::workloads::x4, "static", nth<x4>);
  bench::register_scalar<8>(bench::workloads::sin, "static", nth<sin_x>);
  bench::register_scalar<8>(bench::workloads::tanh, "static", nth<tanh_x>);
  bench::register_scalar<6>(bench::workloads::w4, "static", nth<w4>);
  bench::register_scalar<8>(bench::workloads::f, "static", nth<f>);
  bench::register_rosenbrock("static", []<int N>(bench::order<N>, double a, double b) {
    const auto g = eval(gradient(rosenbrock, x0, x1), x0 = a, x1 = b);
    if constexpr (N == 1) {
      return g;
    } else {
      const auto h = eval(hessian(rosenbrock, x0, x1), x0 = a, x1 = b);
      return std::array<double, 6>{g[0], g[1], h[0][0], h[0][1], h[1][0], h[1][1]};
    }
  });
  bench::register_array(
      "static",
      []<int N>(bench::order<N>, const std::vector<double>& xs) {
        constexpr auto d = derivative<N>(tanh_x, x);
        return d(x = xs);
      },
      bench::span_of);
  benchmark::RegisterBenchmark("BM_rosenbrock3_newton_terms/plain",
                               BM_rosenbrock3<rosenbrock3_tdiff<rosenbrock3_plain>>);
  benchmark::RegisterBenchmark("BM_rosenbrock3_newton_terms/exact",
                               BM_rosenbrock3<rosenbrock3_tdiff<rosenbrock3_exact>>);
  benchmark::RegisterBenchmark("BM_rosenbrock3_newton_terms/hand", BM_rosenbrock3<rosenbrock3_hand>);
  benchmark::RegisterBenchmark("BM_f_static/0", BM_f_itself);
  benchmark::RegisterBenchmark("BM_x4_constexpr/1", BM_x4_constexpr<1>);
  benchmark::RegisterBenchmark("BM_x4_constexpr/4", BM_x4_constexpr<4>);
  return bench::run(argc, argv);
}
