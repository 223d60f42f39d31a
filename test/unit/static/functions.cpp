// SPDX-License-Identifier: BSL-1.0
// exp, log, sqrt and powers with run-time and variable exponents: derivatives
// against closed forms, in constant expressions and at run time.
#define BOOST_TEST_MODULE static_functions
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <cmath>
#include <limits>

#include "reference.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;

constexpr double abs(double v) { return v < 0 ? -v : v; }
constexpr bool close(double a, double b, double rel) { return abs(a - b) <= rel * abs(b); }

// In constant expressions, on both compilers.
static_assert(exp(x)(x = 0.0) == 1.0);
static_assert(log(x)(x = 1.0) == 0.0);
static_assert(sqrt(x)(x = 2.25) == 1.5);
static_assert(close(exp(x)(x = 1.0), 2.718281828459045, 1e-15));
static_assert(close(log(x)(x = 10.0), 2.302585092994046, 1e-15));
static_assert(close(derivative<3>(exp(2 * x), x)(x = 0.5), 8 * 2.718281828459045, 1e-15));
static_assert(close(derivative(pow(x, x), x)(x = 2.0), 4 * (0.6931471805599453 + 1), 1e-15));
static_assert(pow(x, 3)(x = 2.0) == 8.0);
static_assert(derivative<2>(pow(x, 3), x)(x = 2.0) == 12.0);

}  // namespace

BOOST_DATA_TEST_CASE(derivatives_match_closed_forms, bdata::make({0.25, 0.7, 1.0, 3.5}), v) {
  const long double lv = v;
  // exp(2x): 2^n exp(2x)
  BOOST_TEST(derivative<4>(exp(2 * x), x)(x = v) == 16 * std::exp(2 * v), tt::tolerance(1e-14));
  // log x: (-1)^(n-1) (n-1)! / x^n
  BOOST_TEST(derivative<4>(log(x), x)(x = v) == -6 / std::pow(v, 4), tt::tolerance(1e-14));
  // sqrt x and x^2.5: falling factorials of the exponent.
  BOOST_TEST(derivative<3>(sqrt(x), x)(x = v) ==
                 static_cast<double>(reference::falling(0.5L, 3) * std::pow(lv, 0.5L - 3)),
             tt::tolerance(1e-14));
  BOOST_TEST(derivative<3>(pow(x, 2.5), x)(x = v) ==
                 static_cast<double>(reference::falling(2.5L, 3) * std::pow(lv, -0.5L)),
             tt::tolerance(1e-14));
  BOOST_TEST(derivative<2>(pow(x, c<-3, 2>), x)(x = v) ==
                 static_cast<double>(reference::falling(-1.5L, 2) * std::pow(lv, -3.5L)),
             tt::tolerance(1e-14));
  // 2^x: ln(2)^n 2^x
  BOOST_TEST(derivative<3>(pow(2.0, x), x)(x = v) == std::pow(std::log(2.0), 3) * std::pow(2.0, v),
             tt::tolerance(1e-14));
  // x^x: x^x (log x + 1), then x^x ((log x + 1)^2 + 1/x)
  const double l = std::log(v) + 1, xx = std::pow(v, v);
  BOOST_TEST(derivative(pow(x, x), x)(x = v) == xx * l, tt::tolerance(1e-14));
  BOOST_TEST(derivative<2>(pow(x, x), x)(x = v) == xx * (l * l + 1 / v), tt::tolerance(1e-14));
}

BOOST_DATA_TEST_CASE(variable_exponents_match_finite_differences, bdata::make({0.4, 1.3}), v) {
  // x^y at y = 1.7: mixed partial d2/dx dy = x^(y-1) (1 + y log x)
  const double vy = 1.7;
  BOOST_TEST(derivative(pow(x, y), x, y)(x = v, y = vy) == std::pow(v, vy - 1) * (1 + vy * std::log(v)),
             tt::tolerance(1e-14));
  auto f = [](long double t) { return std::exp(t * t) / (1 + std::log(t + 2)); };
  constexpr auto e = exp(x * x) / (1 + log(x + 2));
  BOOST_TEST(derivative<3>(e, x)(x = v) == static_cast<double>(reference::derivative(f, v, 3, 0.05L)),
             tt::tolerance(1e-8));
}
