// SPDX-License-Identifier: BSL-1.0
// Boost.Math's forward-mode autodiff (fvar, a truncated Taylor series per
// variable) on every workload: BM_<workload>_boost/<order>.
#include "workloads.hpp"

#include <boost/math/differentiation/autodiff.hpp>

namespace {
namespace ad = boost::math::differentiation;

/// d(order<n>{}, v): the n-th derivative of f at v, from one fvar of order n.
template <class F>
constexpr auto nth(F f) {
  return [f]<int N>(bench::order<N>, double v) {
    return static_cast<double>(f(ad::make_fvar<double, N>(v)).derivative(N));
  };
}
}  // namespace

int main(int argc, char** argv) {
  bench::register_functions("boost", [](auto f) { return nth(f); });
  bench::register_rosenbrock("boost", []<int N>(bench::order<N>, double a, double b) {
    const auto vars = ad::make_ftuple<double, N, N>(a, b);
    const auto& x = std::get<0>(vars);  // fvar<double, N>
    const auto& y = std::get<1>(vars);  // fvar<fvar<double, N>, N>: bench::fn needs one type
    const auto r = pow(1 - x, 2) + 100 * pow(y - x * x, 2);
    if constexpr (N == 1) {
      return std::array<double, 2>{r.derivative(1, 0), r.derivative(0, 1)};
    } else {
      return std::array<double, 6>{r.derivative(1, 0), r.derivative(0, 1), r.derivative(2, 0),
                                   r.derivative(1, 1), r.derivative(1, 1), r.derivative(0, 2)};
    }
  });
  bench::register_array(
      "boost",
      []<int N>(bench::order<N>, const std::vector<double>& xs) {
        std::vector<double> r(xs.size());
        for (std::size_t i = 0; i < xs.size(); ++i)
          r[i] = static_cast<double>(tanh(ad::make_fvar<double, N>(xs[i])).derivative(N));
        return r;
      },
      bench::span_of);
  return bench::run(argc, argv);
}
