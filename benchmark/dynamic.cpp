// SPDX-License-Identifier: BSL-1.0
// tdiff's runtime mode: every workload by repeated create_graph backward
// (BM_<workload>_dynamic/<order>), and the cost per node on scalars and per
// element on 10^4 elements (BM_chain_*, BM_tanh_forward_*).
#include <benchmark/benchmark.h>

#include "workloads.hpp"

#include <tdiff/dynamic.hpp>

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
  state.counters["ns_per_node"] = benchmark::Counter(
      static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
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
void BM_tanh_forward_dynamic(benchmark::State& state) {
  dyn::Variable x(dyn::Tensor::linspace(-7, 7, static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) {
    dyn::Variable y = tanh(x);
    benchmark::DoNotOptimize(y.data()[0]);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
void BM_tanh_forward_loop(benchmark::State& state) {
  std::vector<double> x(static_cast<std::size_t>(state.range(0))), y(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = -7 + 14.0 * static_cast<double>(i) / static_cast<double>(x.size() - 1);
  for (auto _ : state) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = std::tanh(x[i]);
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_tanh_forward_dynamic)->Arg(10000);
BENCHMARK(BM_tanh_forward_loop)->Arg(10000);

/// The n-th derivative by repeated create_graph backward, as DeZero does it.
template <int N>
dyn::Variable nth_grad(dyn::Variable& x, dyn::Variable y) {
  y.backward({.create_graph = true});
  for (int k = 1; k < N; ++k) {
    dyn::Variable g = *x.grad();
    x.cleargrad();
    g.backward({.create_graph = true});
  }
  return *x.grad();
}

/// d(order<n>{}, v): the n-th derivative of build(x) at x = v.
template <class Build>
auto nth(Build build) {
  return [build]<int N>(bench::order<N>, double v) {
    dyn::Variable x(v);
    return nth_grad<N>(x, build(x)).item();
  };
}
}  // namespace

int main(int argc, char** argv) {
  bench::register_functions("dynamic", [](auto f) { return nth(f); });
  bench::register_rosenbrock("dynamic", []<int N>(bench::order<N>, double a, double b) {
    dyn::Variable x0(a), x1(b);
    dyn::Variable r = bench::fn::rosenbrock(x0, x1);
    r.backward({.create_graph = N > 1});
    dyn::Variable g0 = *x0.grad(), g1 = *x1.grad();
    if constexpr (N == 1) {
      return std::array<double, 2>{g0.item(), g1.item()};
    } else {
      // Row i of the Hessian is the gradient of g_i; a missing grad is 0.
      const auto item = [](const std::optional<dyn::Variable>& v) { return v ? v->item() : 0.0; };
      std::array<double, 6> out{g0.item(), g1.item()};
      for (int i = 0; i < 2; ++i) {
        x0.cleargrad();
        x1.cleargrad();
        (i == 0 ? g0 : g1).backward();
        out[2 + 2 * i] = item(x0.grad());
        out[3 + 2 * i] = item(x1.grad());
      }
      return out;
    }
  });
  bench::register_array(
      "dynamic",
      []<int N>(bench::order<N>, const std::vector<double>& xs) {
        dyn::Variable x{dyn::Tensor(xs)};
        return nth_grad<N>(x, tanh(x));
      },
      [](const dyn::Variable& v) { return std::span<const double>(v.data().data(), v.size()); });
  return bench::run(argc, argv);
}
