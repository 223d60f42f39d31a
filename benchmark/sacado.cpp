// SPDX-License-Identifier: BSL-1.0
// Trilinos Sacado on every workload: univariate Taylor polynomials
// (Sacado::Tay::Taylor, degree n) for the scalar workloads and arrays, nested
// forward mode (Sacado::Fad::SFad) for Rosenbrock's gradient and Hessian.
// BM_<workload>_sacado/<order>. Built when libtrilinos-sacado-dev is
// installed (meson option `sacado`).
#include "workloads.hpp"

#include <Sacado.hpp>

namespace {
using taylor = Sacado::Tay::Taylor<double>;

constexpr double factorial(int n) { return n <= 1 ? 1.0 : n * factorial(n - 1); }

/// The n-th derivative at v: n! times the n-th Taylor coefficient of f(v + t).
template <int N, class F>
double nth_at(const F& f, double v) {
  taylor x(N, v);
  x.fastAccessCoeff(1) = 1.0;
  return f(x).coeff(N) * factorial(N);
}

template <class F>
auto nth(F f) {
  return [f]<int N>(bench::order<N>, double v) { return nth_at<N>(f, v); };
}
}  // namespace

int main(int argc, char** argv) {
  bench::register_functions("sacado", [](auto f) { return nth(f); });
  bench::register_rosenbrock("sacado", []<int N>(bench::order<N>, double a, double b) {
    using d1 = Sacado::Fad::SFad<double, 2>;
    if constexpr (N == 1) {
      const d1 x(2, 0, a), y(2, 1, b);
      const d1 r = bench::fn::rosenbrock(x, y);
      return std::array<double, 2>{r.dx(0), r.dx(1)};
    } else {
      using d2 = Sacado::Fad::SFad<d1, 2>;
      const d2 x(2, 0, d1(2, 0, a)), y(2, 1, d1(2, 1, b));
      const d2 r = bench::fn::rosenbrock(x, y);
      return std::array<double, 6>{r.dx(0).val(), r.dx(1).val(), r.dx(0).dx(0),
                                   r.dx(0).dx(1), r.dx(1).dx(0), r.dx(1).dx(1)};
    }
  });
  bench::register_array(
      "sacado",
      []<int N>(bench::order<N>, const std::vector<double>& xs) {
        std::vector<double> r(xs.size());
        for (std::size_t i = 0; i < xs.size(); ++i) r[i] = nth_at<N>(bench::fn::tanh_x, xs[i]);
        return r;
      },
      bench::span_of);
  return bench::run(argc, argv);
}
