// SPDX-License-Identifier: BSL-1.0
// The SIMD array kernels (detail/simd.hpp) against long-double <cmath>: every
// instruction set's path, dense grids, special values, every tail length.
#define BOOST_TEST_MODULE static_simd
#include <boost/test/unit_test.hpp>

#include <tdiff/detail/simd.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace simd = tdiff::detail::simd;

namespace {
double ulps(double got, long double want) {
  const double w = static_cast<double>(want);
  if (got == w) return 0;
  const double aw = std::fabs(w);
  const double ulp = aw == 0 ? std::numeric_limits<double>::denorm_min()
                             : std::nextafter(aw, std::numeric_limits<double>::infinity()) - aw;
  return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / ulp);
}

using kernel = void (*)(const double*, double*, std::size_t);

std::vector<kernel> kernels() {
  std::vector<kernel> ks{simd::tanh_n};
#if TDIFF_DETAIL_SIMD_X86
  ks.push_back(simd::tanh_sse2);
  if (simd::has_avx2()) ks.push_back(simd::tanh_avx2);
#endif
  return ks;
}

/// Worst ulp error of the kernel over xs.
double worst(kernel k, const std::vector<double>& xs) {
  std::vector<double> ys(xs.size());
  k(xs.data(), ys.data(), xs.size());
  double w = 0;
  for (std::size_t i = 0; i < xs.size(); ++i)
    w = std::max(w, ulps(ys[i], std::tanh(static_cast<long double>(xs[i]))));
  return w;
}
}  // namespace

BOOST_AUTO_TEST_CASE(tanh_within_two_ulps) {
  std::vector<double> dense, wide;
  for (int i = 0; i <= 400000; ++i)
    dense.push_back(-25.0 + 50.0 * i / 400000);  // both branches, the switch at 0.625
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> e(-1074, 1023);
  for (int i = 0; i < 200000; ++i) wide.push_back(std::copysign(std::exp2(e(rng)), (i & 1) ? 1.0 : -1.0));
  for (kernel k : kernels()) {
    BOOST_TEST(worst(k, dense) <= 2.0);
    BOOST_TEST(worst(k, wide) <= 2.0);
  }
}

BOOST_AUTO_TEST_CASE(tanh_special_values) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> xs{0.0,
                               -0.0,
                               inf,
                               -inf,
                               std::numeric_limits<double>::quiet_NaN(),
                               std::numeric_limits<double>::denorm_min(),
                               0.625,
                               -0.625,
                               22.0,
                               1e300};
  for (kernel k : kernels()) {
    std::vector<double> ys(xs.size());
    k(xs.data(), ys.data(), xs.size());
    BOOST_TEST(ys[0] == 0.0);
    BOOST_TEST(!std::signbit(ys[0]));
    BOOST_TEST(std::signbit(ys[1]));
    BOOST_TEST(ys[2] == 1.0);
    BOOST_TEST(ys[3] == -1.0);
    BOOST_TEST(std::isnan(ys[4]));
    BOOST_TEST(ys[5] == std::numeric_limits<double>::denorm_min());
    BOOST_TEST(ulps(ys[6], std::tanh(0.625L)) <= 2.0);
    BOOST_TEST(ys[7] == -ys[6]);
    BOOST_TEST(ys[8] == 1.0);
    BOOST_TEST(ys[9] == 1.0);
  }
}

BOOST_AUTO_TEST_CASE(tanh_every_tail_length_and_in_place) {
  for (kernel k : kernels()) {
    for (std::size_t n = 0; n <= 9; ++n) {
      std::vector<double> xs(n), ys(n + 1, 42.0);
      for (std::size_t i = 0; i < n; ++i) xs[i] = 0.3 * static_cast<double>(i) - 1.0;
      k(xs.data(), ys.data(), n);
      for (std::size_t i = 0; i < n; ++i)
        BOOST_TEST(ulps(ys[i], std::tanh(static_cast<long double>(xs[i]))) <= 2.0);
      BOOST_TEST(ys[n] == 42.0);   // nothing written past the end
      k(xs.data(), xs.data(), n);  // in place
      for (std::size_t i = 0; i < n; ++i) BOOST_TEST(xs[i] == ys[i]);
    }
  }
}
