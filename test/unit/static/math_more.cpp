// SPDX-License-Identifier: BSL-1.0
// The second round of constexpr kernels (log1p, expm1, erf, erfc, asinh,
// acosh, atanh, cbrt, atan2, hypot) against long-double <cmath>, on
// log-spaced grids across their domains, with special values and domain edges;
// and tdiff::math, the public face, in constant expressions.
#define BOOST_TEST_MODULE static_math_more
#include <boost/test/unit_test.hpp>

#include <tdiff/math.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace k = tdiff::detail::math::kernel;

namespace {
const long double inf = std::numeric_limits<long double>::infinity();
const long double qnan = std::numeric_limits<long double>::quiet_NaN();
const double tiny = std::numeric_limits<double>::denorm_min();
const double huge = std::numeric_limits<double>::max();

/// Distance in ulps of double between got and the exact value want.
double ulps(double got, long double want) {
  const double w = static_cast<double>(want);
  if (got == w || (std::isnan(got) && std::isnan(w))) return 0;
  const double aw = std::fabs(w);
  const double ulp = aw == 0 ? tiny : std::nextafter(aw, std::numeric_limits<double>::infinity()) - aw;
  return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / ulp);
}

/// Worst ulp error of f against g over n points x = offset + sign * 2^u with u
/// uniform in [lo, hi] (both signs unless positive_only).
template <class F, class G>
double worst(F f, G g, double lo, double hi, double offset = 0, bool positive_only = false, int n = 100000) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(lo, hi);
  double w = 0;
  for (int i = 0; i < n; ++i) {
    const double x = offset + std::copysign(std::exp2(u(rng)), (positive_only || (i & 1)) ? 1.0 : -1.0);
    w = std::max(w,
                 ulps(static_cast<double>(f(static_cast<long double>(x))), g(static_cast<long double>(x))));
  }
  return w;
}

/// The same for a function of two arguments on log-spaced magnitudes of both signs.
template <class F, class G>
double worst2(F f, G g, double lo, double hi, int n = 100000) {
  std::mt19937_64 rng(13);
  std::uniform_real_distribution<double> u(lo, hi);
  double w = 0;
  for (int i = 0; i < n; ++i) {
    const double a = std::copysign(std::exp2(u(rng)), (i & 1) ? 1.0 : -1.0);
    const double b = std::copysign(std::exp2(u(rng)), (i & 2) ? 1.0 : -1.0);
    w = std::max(
        w, ulps(static_cast<double>(f(a, b)), g(static_cast<long double>(a), static_cast<long double>(b))));
  }
  return w;
}

// tdiff::math in constant expressions, on both compilers.
static_assert(tdiff::math::exp(0.0) == 1.0);
static_assert(tdiff::math::log1p(0x1p-60) == 0x1p-60);
static_assert(tdiff::math::erf(0.5) == 0.5204998778130465);
static_assert(tdiff::math::erfc(3.0) == 2.209049699858544e-05);
static_assert(tdiff::math::cbrt(27.0) == 3.0);
static_assert(tdiff::math::cbrt(-0.125f) == -0.5f);
static_assert(tdiff::math::hypot(3.0, 4.0) == 5.0);
static_assert(tdiff::math::atan2(1.0, -1.0) == 2.356194490192345);
static_assert(tdiff::math::acosh(1.0) == 0.0);
static_assert(tdiff::math::asinh(1.0L) == 0.881373587019543025232L);
static_assert(tdiff::math::atanh(0.5) == 0.5493061443340549);
static_assert(tdiff::math::expm1(1e-10) == 1.00000000005e-10);
}  // namespace

BOOST_AUTO_TEST_CASE(log1p_expm1_cbrt) {
  auto log1p_l = [](long double x) { return std::log1p(x); };
  BOOST_TEST(worst(k::log1p, log1p_l, -1074, 1023, 0, true) <= 1.0);
  BOOST_TEST(worst(k::log1p, log1p_l, -1074, -1e-9) <= 1.0);       // (-1, 1) both signs
  BOOST_TEST(worst(k::log1p, log1p_l, -30, -1e-9) <= 1.0);         // densely where log1p != x
  BOOST_TEST(worst(k::log1p, log1p_l, -53, -1, -1, true) <= 1.0);  // near the pole -1
  BOOST_TEST(worst(
                 k::expm1, [](long double x) { return std::expm1(x); }, -1074, 9.47) <= 1.0);
  BOOST_TEST(worst(
                 k::cbrt, [](long double x) { return std::cbrt(x); }, -1074, 1023) <= 1.0);
}

BOOST_AUTO_TEST_CASE(error_function) {
  auto erf_l = [](long double x) { return std::erf(x); };
  auto erfc_l = [](long double x) { return std::erfc(x); };
  BOOST_TEST(worst(k::erf, erf_l, -1074, 2.6) <= 1.0);
  BOOST_TEST(worst(k::erf, erf_l, -30, 2.6) <= 1.0);
  BOOST_TEST(worst(k::erfc, erfc_l, -1074, 4.74, 0, true) <= 1.0);  // (0, 26.7): into the subnormals
  BOOST_TEST(worst(k::erfc, erfc_l, -1074, 2.6) <= 1.0);            // both signs
  BOOST_TEST(worst(k::erfc, erfc_l, -30, 4.74) <= 1.0);
}

BOOST_AUTO_TEST_CASE(inverse_hyperbolic) {
  BOOST_TEST(worst(
                 k::asinh, [](long double x) { return std::asinh(x); }, -1074, 1023) <= 1.0);
  BOOST_TEST(worst(
                 k::asinh, [](long double x) { return std::asinh(x); }, -30, 40) <= 1.0);
  BOOST_TEST(worst(
                 k::acosh, [](long double x) { return std::acosh(x); }, -52, 1023, 1, true) <= 1.0);
  BOOST_TEST(worst(
                 k::atanh, [](long double x) { return std::atanh(x); }, -1074, -1e-9) <= 1.0);
  BOOST_TEST(worst(
                 k::atanh, [](long double x) { return std::atanh(x); }, -30, -1e-9) <= 1.0);
  BOOST_TEST(worst(
                 k::atanh, [](long double x) { return std::atanh(x); }, -53, -1, 1, true) <= 1.0);
}

BOOST_AUTO_TEST_CASE(two_arguments) {
  auto atan2_l = [](long double y, long double x) { return std::atan2(y, x); };
  auto hypot_l = [](long double a, long double b) { return std::hypot(a, b); };
  BOOST_TEST(worst2(k::atan2, atan2_l, -1074, 1023) <= 1.0);
  BOOST_TEST(worst2(k::atan2, atan2_l, -10, 10) <= 1.0);
  BOOST_TEST(worst2(k::atan2, atan2_l, -60, 60) <= 1.0);
  BOOST_TEST(worst2(k::hypot, hypot_l, -1074, 1023) <= 1.0);
  BOOST_TEST(worst2(k::hypot, hypot_l, -10, 10) <= 1.0);
}

BOOST_AUTO_TEST_CASE(special_values_and_domain_edges) {
  for (auto f : {k::log1p, k::expm1, k::erf, k::asinh, k::atanh, k::cbrt}) {
    BOOST_TEST(std::signbit(f(-0.0L)));  // odd near 0: the sign of zero is kept
    BOOST_TEST(f(0.0L) == 0);
    BOOST_TEST(std::isnan(f(qnan)));
  }
  for (auto f : {k::log1p, k::expm1, k::erf, k::asinh, k::atanh})
    BOOST_TEST(static_cast<double>(f(tiny)) == tiny);  // f(x) ~ x (erf: 1.13 x) rounds to x
  BOOST_TEST(static_cast<double>(k::cbrt(tiny)) ==
             static_cast<double>(std::cbrt(static_cast<long double>(tiny))));
  BOOST_TEST(k::log1p(-1.0L) == -inf);
  BOOST_TEST(std::isnan(k::log1p(-1.5L)));
  BOOST_TEST(k::log1p(inf) == inf);
  BOOST_TEST(k::expm1(-inf) == -1);
  BOOST_TEST(k::expm1(inf) == inf);
  BOOST_TEST(k::erf(inf) == 1);
  BOOST_TEST(k::erf(-inf) == -1);
  BOOST_TEST(k::erfc(inf) == 0);
  BOOST_TEST(k::erfc(-inf) == 2);
  BOOST_TEST(std::isnan(k::erfc(qnan)));
  BOOST_TEST(k::erfc(27.0L) > 0);                          // a double subnormal: 5.2e-319
  BOOST_TEST(static_cast<double>(k::erfc(27.3L)) == 0.0);  // below the least double
  BOOST_TEST(k::erfc(200.0L) == 0);
  BOOST_TEST(k::acosh(1.0L) == 0);  // exactly
  BOOST_TEST(std::isnan(k::acosh(0.5L)));
  BOOST_TEST(k::acosh(inf) == inf);
  BOOST_TEST(k::atanh(1.0L) == inf);
  BOOST_TEST(k::atanh(-1.0L) == -inf);
  BOOST_TEST(std::isnan(k::atanh(1.5L)));
  BOOST_TEST(k::asinh(-inf) == -inf);
  BOOST_TEST(k::cbrt(-inf) == -inf);
  BOOST_TEST(k::cbrt(-8.0L) == -2);
  // hypot: no overflow or underflow on the way, inf wins over NaN
  BOOST_TEST(static_cast<double>(k::hypot(huge, huge)) == inf);
  BOOST_TEST(k::hypot(1e4000L, 1e4000L) == std::sqrt(2.0L) * 1e4000L, boost::test_tools::tolerance(1e-18L));
  BOOST_TEST(k::hypot(1e-4000L, 1e-4000L) == std::sqrt(2.0L) * 1e-4000L,
             boost::test_tools::tolerance(1e-18L));
  BOOST_TEST(static_cast<double>(k::hypot(tiny, tiny)) == std::hypot(tiny, tiny));
  BOOST_TEST(static_cast<double>(k::hypot(3e-320, 4e-320)) == 5e-320);
  BOOST_TEST(k::hypot(inf, qnan) == inf);
  BOOST_TEST(k::hypot(qnan, -inf) == inf);
  BOOST_TEST(std::isnan(k::hypot(qnan, 1.0L)));
  BOOST_TEST(k::hypot(-0.0L, 0.0L) == 0);
  // atan2: C's table of zeros and infinities
  const long double pi = 3.14159265358979323846264338327950288L;
  BOOST_TEST(k::atan2(0.0L, 1.0L) == 0);
  BOOST_TEST(std::signbit(k::atan2(-0.0L, 1.0L)));
  BOOST_TEST(k::atan2(0.0L, -0.0L) == pi);
  BOOST_TEST(k::atan2(-0.0L, -1.0L) == -pi);
  BOOST_TEST(k::atan2(0.0L, 0.0L) == 0);
  BOOST_TEST(k::atan2(1.0L, 0.0L) == pi / 2);
  BOOST_TEST(k::atan2(-1.0L, -0.0L) == -pi / 2);
  BOOST_TEST(k::atan2(inf, inf) == pi / 4);
  BOOST_TEST(k::atan2(inf, -inf) == 3 * pi / 4);
  BOOST_TEST(k::atan2(-inf, 5.0L) == -pi / 2);
  BOOST_TEST(k::atan2(1.0L, inf) == 0);
  BOOST_TEST(k::atan2(-1.0L, -inf) == -pi);
  BOOST_TEST(std::isnan(k::atan2(qnan, 1.0L)));
  BOOST_TEST(static_cast<double>(k::atan2(tiny, 1.0)) == tiny);
}
