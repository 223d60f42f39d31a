// SPDX-License-Identifier: BSL-1.0
// The baseline: derivatives written out by hand (x^4 - 2x^2, sin, Rosenbrock,
// tanh on arrays) or by SymPy with common subexpressions eliminated
// (hand/closed_forms.hpp: tanh, W4, F). BM_<workload>_hand/<order>.
#include "workloads.hpp"

#include <cmath>

namespace {
/// d^n sin/dx^n = sin(x + n pi/2): the cycle sin, cos, -sin, -cos.
constexpr auto sin_nth = []<int N>(bench::order<N>, double v) {
  if constexpr (N % 4 == 0) return std::sin(v);
  if constexpr (N % 4 == 1) return std::cos(v);
  if constexpr (N % 4 == 2) return -std::sin(v);
  if constexpr (N % 4 == 3) return -std::cos(v);
};

#define TDIFF_BENCH_GENERATED(fn) \
  constexpr auto fn##_nth = []<int N>(bench::order<N>, double v) { return closed_form::fn<N>(v); };
TDIFF_BENCH_GENERATED(x4)
TDIFF_BENCH_GENERATED(tanh)
TDIFF_BENCH_GENERATED(w4)
TDIFF_BENCH_GENERATED(f)
#undef TDIFF_BENCH_GENERATED
}  // namespace

int main(int argc, char** argv) {
  bench::register_scalar<4>(bench::workloads::x4, "hand", x4_nth);
  bench::register_scalar<8>(bench::workloads::sin, "hand", sin_nth);
  bench::register_scalar<8>(bench::workloads::tanh, "hand", tanh_nth);
  bench::register_scalar<6>(bench::workloads::w4, "hand", w4_nth);
  bench::register_scalar<8>(bench::workloads::f, "hand", f_nth);
  bench::register_rosenbrock("hand", []<int N>(bench::order<N>, double x, double y) {
    const double u = y - x * x;
    const std::array<double, 2> g{-2 * (1 - x) - 400 * x * u, 200 * u};
    if constexpr (N == 1) {
      return g;
    } else {
      const double hxy = -400 * x;
      return std::array<double, 6>{g[0], g[1], 2 - 400 * y + 1200 * x * x, hxy, hxy, 200};
    }
  });
  bench::register_array(
      "hand",
      []<int N>(bench::order<N>, const std::vector<double>& xs) {
        std::vector<double> r(xs.size());
        for (std::size_t i = 0; i < xs.size(); ++i) {
          const double t = std::tanh(xs[i]), s = 1 - t * t;
          if constexpr (N == 1) r[i] = s;
          if constexpr (N == 2) r[i] = -2 * t * s;
          if constexpr (N == 3) r[i] = -2 * s * (1 - 3 * t * t);
        }
        return r;
      },
      bench::span_of);
  return bench::run(argc, argv);
}
