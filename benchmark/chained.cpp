// SPDX-License-Identifier: BSL-1.0
// The chained Rosenbrock function of n variables, written as users write it
// (plain numbers, a vector variable, sum<N>): its gradient and dense Hessian
// at a point, as a Newton step needs them. BM_chained_static/n is tdiff's
// compile-time mode with the derivatives held in static constexpr objects,
// BM_chained_local/n the same built in the call, BM_chained_hand/n the
// loops a person would write. Each first checks its answer against the
// hand-written one (worked out by hand below).
//
// Boost.Math's fvar is not here: it differentiates along one direction per
// type (a Hessian of n variables needs n^2 / 2 nested evaluations, or the
// 3^n coefficients of a multivariate fvar), so it does not apply at n = 32.
#include "workloads.hpp"

#include <tdiff/tdiff.hpp>

#include <array>
#include <cmath>
#include <cstddef>

namespace {
using namespace tdiff;

template <std::size_t N>
using point = std::array<double, N>;
template <std::size_t N>
struct newton_terms {
  point<N> gradient;
  std::array<point<N>, N> hessian;
};

template <std::size_t N>
constexpr auto v = var<"v", N>;

/// sum over i < N - 1 of 100 (v[i+1] - v[i]^2)^2 + (1 - v[i])^2.
template <std::size_t N>
constexpr auto chained = sum<N - 1>([](auto i) {
  return 100 * pow<2>(v<N>[std::integral_constant<std::size_t, i + 1>{}] - pow<2>(v<N>[i])) +
         pow<2>(1 - v<N>[i]);
});

template <std::size_t N>
newton_terms<N> terms_static(const point<N>& p) {
  static constexpr auto g = gradient(chained<N>, v<N>);
  static constexpr auto h = hessian(chained<N>, v<N>);
  return {eval(g, v<N> = p), eval(h, v<N> = p)};
}

/// The same, with the gradient and Hessian built in the call, as a first
/// version of user code often has it: the numbers they hold (the 100s) are
/// then stored and compared at run time unless the optimizer sees through
/// them (g++ does; clang++ at n = 8 does not: docs/guide.md, section 4).
template <std::size_t N>
newton_terms<N> terms_local(const point<N>& p) {
  return {eval(gradient(chained<N>, v<N>), v<N> = p), eval(hessian(chained<N>, v<N>), v<N> = p)};
}

/// By hand: each term adds to two gradient entries and a 2 x 2 block.
template <std::size_t N>
newton_terms<N> terms_hand(const point<N>& p) {
  newton_terms<N> t{};
  for (std::size_t i = 0; i + 1 < N; ++i) {
    const double u = p[i + 1] - p[i] * p[i];
    t.gradient[i] += -400 * p[i] * u - 2 * (1 - p[i]);
    t.gradient[i + 1] += 200 * u;
    t.hessian[i][i] += 1200 * p[i] * p[i] - 400 * p[i + 1] + 2;
    t.hessian[i + 1][i + 1] += 200;
    t.hessian[i][i + 1] = t.hessian[i + 1][i] = -400 * p[i];
  }
  return t;
}

template <std::size_t N>
point<N> start() {
  point<N> p;
  for (std::size_t i = 0; i < N; ++i) p[i] = std::cos(0.7 * static_cast<double>(i));
  return p;
}

template <std::size_t N>
bool agree(const newton_terms<N>& a, const newton_terms<N>& b) {
  const auto near = [](double x, double y) { return std::abs(x - y) <= 1e-12 * (1 + std::abs(y)); };
  for (std::size_t i = 0; i < N; ++i) {
    if (!near(a.gradient[i], b.gradient[i])) return false;
    for (std::size_t j = 0; j < N; ++j)
      if (!near(a.hessian[i][j], b.hessian[i][j])) return false;
  }
  return true;
}

template <std::size_t N, newton_terms<N> (*F)(const point<N>&)>
void BM_chained(benchmark::State& state) {
  point<N> p = start<N>();
  if (!agree(F(p), terms_hand<N>(p))) {
    state.SkipWithError("wrong gradient or Hessian");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(p);
    auto r = F(p);
    benchmark::DoNotOptimize(r);
  }
}
}  // namespace

int main(int argc, char** argv) {
  benchmark::RegisterBenchmark("BM_chained_static/8", BM_chained<8, terms_static<8>>);
  benchmark::RegisterBenchmark("BM_chained_local/8", BM_chained<8, terms_local<8>>);
  benchmark::RegisterBenchmark("BM_chained_hand/8", BM_chained<8, terms_hand<8>>);
  benchmark::RegisterBenchmark("BM_chained_static/32", BM_chained<32, terms_static<32>>);
  benchmark::RegisterBenchmark("BM_chained_local/32", BM_chained<32, terms_local<32>>);
  benchmark::RegisterBenchmark("BM_chained_hand/32", BM_chained<32, terms_hand<32>>);
  return bench::run(argc, argv);
}
