// SPDX-License-Identifier: BSL-1.0
// The cost of the runtime mode: per node on scalars, per element on 10^4
// elements, and the seed's workload next to the compile-time mode.
// Names follow BM_<workload>_<impl>/<arg>.
#include <benchmark/benchmark.h>

#include <tdiff/dynamic.hpp>
#include <tdiff/tdiff.hpp>

#include <cmath>
#include <vector>

namespace dyn = tdiff::dynamic;

namespace {
/// Forward pass of a chain of n scalar multiplications: one node each.
void BM_chain_forward_dynamic(benchmark::State& state) {
  const auto n = state.range(0);
  dyn::Variable x(1.0);
  for (auto _ : state) {
    dyn::Variable y = x;
    for (std::int64_t i = 0; i < n; ++i) y = y * 1.0000001;
    benchmark::DoNotOptimize(y.item());
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["ns_per_node"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_chain_forward_dynamic)->Arg(1000)->Arg(100000);

/// Forward and backward of the same chain.
void BM_chain_backward_dynamic(benchmark::State& state) {
  const auto n = state.range(0);
  dyn::Variable x(1.0);
  for (auto _ : state) {
    dyn::Variable y = x;
    for (std::int64_t i = 0; i < n; ++i) y = y * 1.0000001;
    x.cleargrad();
    y.backward();
    benchmark::DoNotOptimize(x.grad()->item());
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_chain_backward_dynamic)->Arg(1000)->Arg(100000);

/// tanh of 10^4 elements: the graph's overhead against a plain loop.
void BM_tanh_dynamic(benchmark::State& state) {
  dyn::Variable x(dyn::Tensor::linspace(-7, 7, static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) {
    dyn::Variable y = tanh(x);
    benchmark::DoNotOptimize(y.data()[0]);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
void BM_tanh_baseline(benchmark::State& state) {
  std::vector<double> x(static_cast<std::size_t>(state.range(0))), y(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = -7 + 14.0 * static_cast<double>(i) / static_cast<double>(x.size() - 1);
  for (auto _ : state) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = std::tanh(x[i]);
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_tanh_dynamic)->Arg(10000);
BENCHMARK(BM_tanh_baseline)->Arg(10000);

/// The seed's x^4 - 2x^2 at 2, order n, by repeated create_graph backward.
void BM_x4_dynamic(benchmark::State& state) {
  const auto order = state.range(0);
  std::vector<double> inputs(64);
  for (std::size_t i = 0; i < inputs.size(); ++i) inputs[i] = 1.0 + static_cast<double>(i) / 64.0;
  for (auto _ : state) {
    double acc = 0;
    for (double v : inputs) {
      dyn::Variable x(v);
      dyn::Variable y = pow(x, 4) - 2 * pow(x, 2);
      y.backward({.create_graph = true});
      for (std::int64_t k = 1; k < order; ++k) {
        dyn::Variable g = *x.grad();
        x.cleargrad();
        g.backward({.create_graph = true});
      }
      acc += x.grad() ? x.grad()->item() : 0.0;
    }
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(inputs.size()));
}
BENCHMARK(BM_x4_dynamic)->DenseRange(1, 4);

template <int N>
void BM_x4_static(benchmark::State& state) {
  constexpr auto x = tdiff::var<"x">;
  const auto d = tdiff::derivative<N>(tdiff::pow<4>(x) - 2 * tdiff::pow<2>(x), x);
  std::vector<double> inputs(64);
  for (std::size_t i = 0; i < inputs.size(); ++i) inputs[i] = 1.0 + static_cast<double>(i) / 64.0;
  for (auto _ : state) {
    double acc = 0;
    for (double v : inputs) acc += d(x = v);
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(inputs.size()));
}
BENCHMARK(BM_x4_static<1>)->Name("BM_x4_static/1");
BENCHMARK(BM_x4_static<2>)->Name("BM_x4_static/2");
BENCHMARK(BM_x4_static<3>)->Name("BM_x4_static/3");
BENCHMARK(BM_x4_static<4>)->Name("BM_x4_static/4");
}  // namespace

BENCHMARK_MAIN();
