// SPDX-License-Identifier: BSL-1.0
// The benchmark plan's workloads, shared by every implementation's program.
//
// Each program registers BM_<workload>_<impl>/<order> (compare.py diffs
// implementations by that name). A benchmark first checks its answer against
// an independent truth -- 40-digit SymPy/mpmath values, Rosenbrock's
// derivatives worked out by hand, tanh's derivatives as polynomials in
// tanh x -- and reports an error instead of a time when it is wrong. Inputs
// pass through benchmark::DoNotOptimize on every iteration, so the compiler
// cannot fold the derivative at the point into a constant.
#ifndef TDIFF_BENCHMARK_WORKLOADS_HPP
#define TDIFF_BENCHMARK_WORKLOADS_HPP

#include <benchmark/benchmark.h>

#include "hand/closed_forms.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace bench {

/// A scalar workload: d^n f/dx^n at one point, n = 1..orders.
struct workload {
  const char* name;
  double point;
  const long double* truth;  // truth[n - 1] is the n-th derivative at point
};
namespace workloads {  // (a namespace of its own, so that sin(x) below finds functions)
inline constexpr workload x4{"x4", 2.0, closed_form::x4_at_point};        // W1, orders 1-4
inline constexpr workload sin{"sin", 1.0, closed_form::sin_at_point};     // W2, orders 1-8
inline constexpr workload tanh{"tanh", 1.0, closed_form::tanh_at_point};  // W3, orders 1-8
inline constexpr workload w4{"w4", 0.7, closed_form::w4_at_point};        // W4, orders 1-6
inline constexpr workload f{"f", 0.7, closed_form::f_at_point};           // F, orders 1-8
}  // namespace workloads

/// The functions, for libraries whose numbers overload sin, pow, ... (found
/// by argument-dependent lookup): tdiff's runtime mode, Boost.Math fvar,
/// libtorch, Sacado. tdiff's compile-time mode spells the same expressions.
namespace fn {
// Each returns its argument's type: libraries with expression templates
// (Sacado's Fad) would otherwise return an expression that refers to
// temporaries of the return statement.
template <class T>
using number = std::remove_cvref_t<T>;
inline constexpr auto x4 = [](const auto& x) -> number<decltype(x)> { return pow(x, 4) - 2 * pow(x, 2); };
inline constexpr auto sin_x = [](const auto& x) -> number<decltype(x)> { return sin(x); };
inline constexpr auto tanh_x = [](const auto& x) -> number<decltype(x)> { return tanh(x); };
inline constexpr auto w4 = [](const auto& x) -> number<decltype(x)> { return x * sin(x) / (1 + pow(x, 2)); };
inline constexpr auto f = [](const auto& x) -> number<decltype(x)> {
  return exp(x * sin(x)) / (1 + pow(x, 2)) + log(x);
};
inline constexpr auto rosenbrock = [](const auto& x, const decltype(x)& y) -> number<decltype(x)> {
  return pow(1 - x, 2) + 100 * pow(y - x * x, 2);
};
}  // namespace fn

template <int N>
using order = std::integral_constant<int, N>;

inline std::string name(const char* workload, const char* impl, int n) {
  return std::string("BM_") + workload + "_" + impl + "/" + std::to_string(n);
}

/// |got - want| within tol relative to max(|want|, 1).
inline bool close(double got, long double want, long double tol = 1e-10L) {
  const long double scale = std::fabs(want) > 1 ? std::fabs(want) : 1.0L;
  return std::fabs(static_cast<long double>(got) - want) <= tol * scale;
}

inline bool check(benchmark::State& state, std::span<const double> got, std::span<const long double> want,
                  long double tol = 1e-10L) {
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (got.size() != want.size() || !close(got[i], want[i], tol)) {
      state.SkipWithError(("wrong value at index " + std::to_string(i) + ": " +
                           (got.size() == want.size() ? std::to_string(got[i]) : "size") + ", want " +
                           std::to_string(static_cast<double>(want[i])))
                              .c_str());
      return false;
    }
  }
  return true;
}

/// Registers BM_<w>_<impl>/n for n = 1..Max; d(order<n>{}, x) is the n-th
/// derivative at x.
template <int Max, class D>
void register_scalar(const workload& w, const char* impl, D d) {
  [&]<int... I>(std::integer_sequence<int, I...>) {
    (benchmark::RegisterBenchmark(name(w.name, impl, I + 1).c_str(),
                                  [w, d](benchmark::State& state) {
                                    double x = w.point;
                                    const double first = d(order<I + 1>{}, x);
                                    if (!check(state, {&first, 1}, {w.truth + I, 1})) return;
                                    for (auto _ : state) {
                                      benchmark::DoNotOptimize(x);
                                      double r = d(order<I + 1>{}, x);
                                      benchmark::DoNotOptimize(r);
                                    }
                                  }),
     ...);
  }
  (std::make_integer_sequence<int, Max>{});
}

/// Registers the five scalar workloads for a library whose numbers overload
/// the functions of bench::fn: nth(f) makes the d of register_scalar for f.
template <class Nth>
void register_functions(const char* impl, Nth nth) {
  register_scalar<4>(workloads::x4, impl, nth(fn::x4));
  register_scalar<8>(workloads::sin, impl, nth(fn::sin_x));
  register_scalar<8>(workloads::tanh, impl, nth(fn::tanh_x));
  register_scalar<6>(workloads::w4, impl, nth(fn::w4));
  register_scalar<8>(workloads::f, impl, nth(fn::f));
}

/// Google Benchmark's main, after a program has registered its benchmarks.
inline int run(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// ------------------------------------------------- W5: Rosenbrock at (0, 2)

/// r(x, y) = (1 - x)^2 + 100 (y - x^2)^2. By hand: r_x = -2(1 - x) - 400 x (y - x^2),
/// r_y = 200 (y - x^2), r_xx = 2 - 400 y + 1200 x^2, r_xy = -400 x, r_yy = 200.
/// At (0, 2): gradient (-2, 400), Hessian [[-798, 0], [0, 200]].
inline constexpr std::array<double, 2> rosenbrock_point{0.0, 2.0};
inline constexpr std::array<long double, 6> rosenbrock_truth{-2, 400, -798, 0, 0, 200};

/// Registers BM_rosenbrock_<impl>/1 (gradient, g(order<1>{}, x, y) returns 2
/// values) and /2 (gradient and Hessian, 6 values: r_x, r_y, r_xx, r_xy, r_yx, r_yy).
template <class G>
void register_rosenbrock(const char* impl, G g) {
  [&]<int... I>(std::integer_sequence<int, I...>) {
    (benchmark::RegisterBenchmark(name("rosenbrock", impl, I + 1).c_str(),
                                  [g](benchmark::State& state) {
                                    double x = rosenbrock_point[0], y = rosenbrock_point[1];
                                    const auto first = g(order<I + 1>{}, x, y);
                                    if (!check(state, first, std::span(rosenbrock_truth).first(first.size())))
                                      return;
                                    for (auto _ : state) {
                                      benchmark::DoNotOptimize(x);
                                      benchmark::DoNotOptimize(y);
                                      auto r = g(order<I + 1>{}, x, y);
                                      benchmark::DoNotOptimize(r);
                                    }
                                  }),
     ...);
  }
  (std::make_integer_sequence<int, 2>{});
}

// ------------------------------------- W6: tanh on linspace(-7, 7, 10^4)

inline constexpr std::size_t array_size = 10000;

inline std::vector<double> linspace() {
  std::vector<double> v(array_size);
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = -7.0 + 14.0 * static_cast<double>(i) / static_cast<double>(array_size - 1);
  return v;
}

/// d^n tanh/dx^n as polynomials in t = tanh x, in long double.
inline long double tanh_derivative(int n, long double x) {
  const long double t = std::tanh(x), s = 1 - t * t;
  switch (n) {
    case 1:
      return s;
    case 2:
      return -2 * t * s;
    default:
      return -2 * s * (1 - 3 * t * t);
  }
}

/// Registers BM_tanh_array_<impl>/n for n = 1..3. d(order<n>{}, xs) returns
/// the elementwise derivatives in any form; values(result) views them as doubles.
template <class D, class Values>
void register_array(const char* impl, D d, Values values) {
  [&]<int... I>(std::integer_sequence<int, I...>) {
    (benchmark::RegisterBenchmark(name("tanh_array", impl, I + 1).c_str(),
                                  [d, values](benchmark::State& state) {
                                    const std::vector<double> xs = linspace();
                                    {
                                      const auto first = d(order<I + 1>{}, xs);
                                      std::vector<long double> want(xs.size());
                                      for (std::size_t k = 0; k < xs.size(); ++k)
                                        want[k] = tanh_derivative(I + 1, xs[k]);
                                      if (!check(state, values(first), want, 1e-12L)) return;
                                    }
                                    for (auto _ : state) {
                                      auto r = d(order<I + 1>{}, xs);
                                      benchmark::DoNotOptimize(values(r).data());
                                      benchmark::ClobberMemory();
                                    }
                                    state.SetItemsProcessed(state.iterations() *
                                                            static_cast<std::int64_t>(xs.size()));
                                  }),
     ...);
  }
  (std::make_integer_sequence<int, 3>{});
}

inline constexpr auto span_of = [](const auto& c) {
  return std::span<const double>(std::data(c), std::size(c));
};

}  // namespace bench

#endif  // TDIFF_BENCHMARK_WORKLOADS_HPP
