// SPDX-License-Identifier: BSL-1.0
// W1 of the benchmark plan: d^n/dx^n (x^4 - 2x^2) for n = 1..4, compile-time
// mode against the closed form a person would write. Inputs come from memory
// so nothing folds away. Names follow BM_<workload>_<impl>/<order>.
#include <benchmark/benchmark.h>

#include <tdiff/tdiff.hpp>

#include <cstddef>
#include <vector>

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto f = pow<4>(x) - 2 * pow<2>(x);

std::vector<double> inputs() {
  std::vector<double> v(256);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = -2.0 + 4.0 * static_cast<double>(i) / 255.0;
  return v;
}

template <int N>
double closed_form(double v) {
  if constexpr (N == 1) return 4 * v * v * v - 4 * v;
  if constexpr (N == 2) return 12 * v * v - 4;
  if constexpr (N == 3) return 24 * v;
  if constexpr (N == 4) return 24;
}

template <int N>
void BM_x4_static(benchmark::State& state) {
  const auto xs = inputs();
  const auto d = derivative<N>(f, x);
  for (auto _ : state) {
    double acc = 0;
    for (double v : xs) acc += d(x = v);
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(xs.size()));
}

template <int N>
void BM_x4_baseline(benchmark::State& state) {
  const auto xs = inputs();
  for (auto _ : state) {
    double acc = 0;
    for (double v : xs) acc += closed_form<N>(v);
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(xs.size()));
}
}  // namespace

BENCHMARK(BM_x4_static<1>)->Name("BM_x4_static/1");
BENCHMARK(BM_x4_static<2>)->Name("BM_x4_static/2");
BENCHMARK(BM_x4_static<3>)->Name("BM_x4_static/3");
BENCHMARK(BM_x4_static<4>)->Name("BM_x4_static/4");
BENCHMARK(BM_x4_baseline<1>)->Name("BM_x4_baseline/1");
BENCHMARK(BM_x4_baseline<2>)->Name("BM_x4_baseline/2");
BENCHMARK(BM_x4_baseline<3>)->Name("BM_x4_baseline/3");
BENCHMARK(BM_x4_baseline<4>)->Name("BM_x4_baseline/4");

BENCHMARK_MAIN();
