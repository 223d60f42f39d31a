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
  benchmark::RegisterBenchmark("BM_x4_constexpr/1", BM_x4_constexpr<1>);
  benchmark::RegisterBenchmark("BM_x4_constexpr/4", BM_x4_constexpr<4>);
  return bench::run(argc, argv);
}
