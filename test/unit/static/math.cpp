// SPDX-License-Identifier: BSL-1.0
// tdiff's constexpr math kernels (used during constant evaluation) against
// long-double <cmath> at run time: dense grids over the whole double range,
// with special values. The kernels are constexpr functions, so they can be
// called at run time to be measured.
#define BOOST_TEST_MODULE static_math
#include <boost/test/unit_test.hpp>

#include <tdiff/detail/math.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace k = tdiff::detail::math::kernel;
namespace math = tdiff::detail::math;

namespace {
/// Distance in ulps of double between got and the exact value want.
double ulps(double got, long double want) {
  const double w = static_cast<double>(want);
  if (got == w || (std::isnan(got) && std::isnan(w))) return 0;
  const double aw = std::fabs(w);
  const double ulp = aw == 0 ? std::numeric_limits<double>::denorm_min()
                             : std::nextafter(aw, std::numeric_limits<double>::infinity()) - aw;
  return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / ulp);
}

/// Worst ulp error of f against g over n points: uniform on [lo, hi], or
/// log-uniform magnitudes 2^[lo, hi] of both signs.
template <class F, class G>
double worst(F f, G g, double lo, double hi, bool log_scale, int n = 100000) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(lo, hi);
  double w = 0;
  for (int i = 0; i < n; ++i) {
    const double x = log_scale ? std::copysign(std::exp2(u(rng)), (i & 1) ? 1.0 : -1.0) : u(rng);
    w = std::max(w,
                 ulps(static_cast<double>(f(static_cast<long double>(x))), g(static_cast<long double>(x))));
  }
  return w;
}

// The kernels in constant expressions, on both compilers.
static_assert(math::sin(1.0) == 0.8414709848078965);
static_assert(math::cos(1.0) == 0.5403023058681398);
static_assert(math::tanh(1.0) == 0.7615941559557649);
static_assert(math::atan(1.0) * 4 == 3.141592653589793);
static_assert(math::sin(1e300) == -0.81788191211590855);  // exact range reduction
static_assert(math::exp(1.0f) == 2.7182817f);
static_assert(math::log(10.0L) == 2.30258509299404568402L);
}  // namespace

BOOST_AUTO_TEST_CASE(trigonometric_over_the_whole_range) {
  auto sin_l = [](long double x) { return std::sin(x); };
  auto cos_l = [](long double x) { return std::cos(x); };
  auto tan_l = [](long double x) { return std::tan(x); };
  BOOST_TEST(worst(k::sin, sin_l, -1074, 1023, true) <= 1.0);
  BOOST_TEST(worst(k::cos, cos_l, -1074, 1023, true) <= 1.0);
  BOOST_TEST(worst(k::tan, tan_l, -1074, 1023, true) <= 1.0);
  BOOST_TEST(worst(k::sin, sin_l, -20, 20, false) <= 1.0);
  BOOST_TEST(worst(k::cos, cos_l, -20, 20, false) <= 1.0);
}

BOOST_AUTO_TEST_CASE(inverse_trigonometric) {
  BOOST_TEST(worst(
                 k::atan, [](long double x) { return std::atan(x); }, -1074, 1023, true) <= 1.0);
  BOOST_TEST(worst(
                 k::asin, [](long double x) { return std::asin(x); }, -1, 1, false) <= 1.0);
  BOOST_TEST(worst(
                 k::acos, [](long double x) { return std::acos(x); }, -1, 1, false) <= 1.0);
  BOOST_TEST(worst(
                 k::asin, [](long double x) { return std::asin(x); }, -1074, 0, true) <= 1.0);
}

BOOST_AUTO_TEST_CASE(exponential_and_hyperbolic) {
  BOOST_TEST(worst(
                 k::exp, [](long double x) { return std::exp(x); }, -745, 709.7, false) <= 1.0);
  BOOST_TEST(worst(
                 k::expm1, [](long double x) { return std::expm1(x); }, -1074, 9.4, true) <= 1.0);
  BOOST_TEST(worst(
                 k::log, [](long double x) { return std::log(x); }, -1074, 1023, true) <= 1.0);
  BOOST_TEST(worst(
                 k::tanh, [](long double x) { return std::tanh(x); }, -1074, 6, true) <= 1.0);
  BOOST_TEST(worst(
                 k::sinh, [](long double x) { return std::sinh(x); }, -1074, 9.47, true) <= 1.0);
  BOOST_TEST(worst(
                 k::cosh, [](long double x) { return std::cosh(x); }, -1074, 9.47, true) <= 1.0);
  // Computed in long double, then rounded: correct up to double rounding (2^-11 ulp).
  BOOST_TEST(worst(
                 k::sqrt, [](long double x) { return std::sqrt(x); }, -1074, 1023, true) <= 0.5 + 1.0 / 2048);
}

BOOST_AUTO_TEST_CASE(special_values) {
  const long double inf = std::numeric_limits<long double>::infinity();
  const long double nan = std::numeric_limits<long double>::quiet_NaN();
  const long double tiny = std::numeric_limits<double>::denorm_min();
  for (auto f : {k::sin, k::tan, k::atan, k::asin, k::tanh, k::sinh, k::expm1}) {
    BOOST_TEST(std::signbit(f(-0.0L)));  // odd functions keep the sign of zero
    BOOST_TEST(f(0.0L) == 0);
    BOOST_TEST(std::isnan(f(nan)));
    BOOST_TEST(f(tiny) == tiny);  // f(x) = x for subnormal x
  }
  BOOST_TEST(std::isnan(k::sin(inf)));
  BOOST_TEST(std::isnan(k::cos(-inf)));
  BOOST_TEST(k::cos(0.0L) == 1);
  BOOST_TEST(k::atan(inf) == 1.57079632679489661923L);
  BOOST_TEST(k::tanh(inf) == 1);
  BOOST_TEST(k::tanh(-inf) == -1);
  BOOST_TEST(k::cosh(-inf) == inf);
  BOOST_TEST(k::sinh(-inf) == -inf);
  BOOST_TEST(k::exp(inf) == inf);
  BOOST_TEST(k::exp(-inf) == 0);
  BOOST_TEST(k::log(0.0L) == -inf);
  BOOST_TEST(std::isnan(k::log(-1.0L)));
  BOOST_TEST(std::isnan(k::asin(1.5L)));
  BOOST_TEST(std::isnan(k::sqrt(-1.0L)));
  BOOST_TEST(k::sqrt(inf) == inf);
  BOOST_TEST(k::acos(-1.0L) == 3.14159265358979323846L);
}

BOOST_AUTO_TEST_CASE(float_and_long_double) {
  // float results are the long double kernel correctly rounded to float.
  for (float x : {0.1f, 1.0f, 3.0f, 100.0f, 1e30f}) {
    BOOST_TEST(static_cast<float>(k::sin(x)) == static_cast<float>(std::sin(static_cast<long double>(x))));
    BOOST_TEST(static_cast<float>(k::exp(x / 1e29f)) ==
               static_cast<float>(std::exp(static_cast<long double>(x / 1e29f))));
  }
  // long double results within a few long double ulps.
  const long double eps = std::numeric_limits<long double>::epsilon();
  for (long double x : {0.3L, 1.0L, 7.5L, 1e10L, 1e100L, 1e4000L}) {
    BOOST_TEST(std::fabs(k::sin(x) - std::sin(x)) <= 4 * eps);
    BOOST_TEST(std::fabs(k::cos(x) - std::cos(x)) <= 4 * eps);
  }
}
