// SPDX-License-Identifier: BSL-1.0
// Derivatives of the elementary functions: inside static_assert on both
// compilers, and against the jet reference (test/include/jet.hpp) at run time.
#define BOOST_TEST_MODULE static_transcendental
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <cmath>
#include <utility>

#include "jet.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;

constexpr double relative_error(double got, double want) {
  const double d = (got - want) / want;
  return d < 0 ? -d : d;
}

// sin at 1: cos 1, -sin 1, -cos 1, sin 1.
constexpr double sin1 = 0.8414709848078965, cos1 = 0.5403023058681398;
static_assert(relative_error(derivative<1>(sin(x), x)(x = 1.0), cos1) < 1e-12);
static_assert(relative_error(derivative<2>(sin(x), x)(x = 1.0), -sin1) < 1e-12);
static_assert(relative_error(derivative<3>(sin(x), x)(x = 1.0), -cos1) < 1e-12);
static_assert(relative_error(derivative<4>(sin(x), x)(x = 1.0), sin1) < 1e-12);

// tanh at 1, orders 1..6: polynomials in t = tanh 1 (values from the jet
// reference in long double, cross-checked with the closed forms
// 1 - t^2, -2t(1 - t^2), ...).
constexpr double tanh_derivatives[] = {0.41997434161402608, -0.63970000844922448, 0.62162668077129624,
                                       0.66509104475050163, -5.5568935584737202,  13.624075441312105};
template <std::size_t... N>
constexpr bool tanh_orders_match(std::index_sequence<N...>) {
  return ((relative_error(derivative<N + 1>(tanh(x), x)(x = 1.0), tanh_derivatives[N]) < 1e-12) && ...);
}
static_assert(tanh_orders_match(std::make_index_sequence<6>{}));

// Each function once more in constant expressions, at a point of its domain.
static_assert(relative_error(derivative(tan(x), x)(x = 0.5), 1 / (0.8775825618903728 * 0.8775825618903728)) <
              1e-12);
static_assert(relative_error(derivative(atan(x), x)(x = 2.0), 0.2) < 1e-15);
static_assert(relative_error(derivative(asin(x), x)(x = 0.6), 1.25) < 1e-15);
static_assert(relative_error(derivative(acos(x), x)(x = 0.6), -1.25) < 1e-15);
static_assert(relative_error(derivative<2>(cosh(x), x)(x = 0.0), 1.0) < 1e-15);
static_assert(relative_error(derivative<3>(sinh(x), x)(x = 0.0), 1.0) < 1e-15);

template <class E, class J, std::size_t... N>
void check_against_jet(const E& e, const J& j, double at, std::index_sequence<N...>) {
  const reference::jet r = j(reference::jet::variable(at));
  auto check = [&](std::size_t n, double got) {
    BOOST_TEST_CONTEXT("order " << n << " at x = " << at) {
      BOOST_TEST(got == static_cast<double>(r.derivative(n)), tt::tolerance(1e-12));
    }
  };
  (check(N + 1, derivative<N + 1>(e, x)(x = at)), ...);
}

#define TDIFF_CHECK_FUNCTION(fn, at) \
  check_against_jet(                 \
      fn(x), [](const reference::jet& j) { return fn(j); }, at, std::make_index_sequence<5>{})
}  // namespace

BOOST_AUTO_TEST_CASE(tanh_matches_its_closed_forms) {
  const double t = std::tanh(1.0), s = 1 - t * t;  // tanh' = s, tanh'' = -2 t s, ...
  BOOST_TEST(tanh_derivatives[0] == s, tt::tolerance(1e-15));
  BOOST_TEST(tanh_derivatives[1] == -2 * t * s, tt::tolerance(1e-15));
  BOOST_TEST(tanh_derivatives[2] == s * (6 * t * t - 2), tt::tolerance(1e-14));
  BOOST_TEST(tanh_derivatives[3] == s * (16 * t - 24 * t * t * t), tt::tolerance(1e-13));
}

BOOST_DATA_TEST_CASE(every_function_to_order_five, bdata::make({-0.6, 0.2, 0.45}), at) {
  TDIFF_CHECK_FUNCTION(sin, at);
  TDIFF_CHECK_FUNCTION(cos, at);
  TDIFF_CHECK_FUNCTION(tan, at);
  TDIFF_CHECK_FUNCTION(exp, at);
  TDIFF_CHECK_FUNCTION(tanh, at);
  TDIFF_CHECK_FUNCTION(sinh, at);
  TDIFF_CHECK_FUNCTION(cosh, at);
  TDIFF_CHECK_FUNCTION(asin, at);
  TDIFF_CHECK_FUNCTION(acos, at);
  TDIFF_CHECK_FUNCTION(atan, at);
  check_against_jet(
      log(x + 1), [](const reference::jet& j) { return log(j + 1); }, at, std::make_index_sequence<5>{});
  check_against_jet(
      sqrt(x + 1), [](const reference::jet& j) { return sqrt(j + 1); }, at, std::make_index_sequence<5>{});
}

BOOST_AUTO_TEST_CASE(derivative_rules_close_in_the_vocabulary) {
  BOOST_TEST(to_string(derivative(tanh(x), x)) == "1 - tanh(x)^2");
  BOOST_TEST(to_string(derivative(tan(x), x)) == "1 + tan(x)^2");
  BOOST_TEST(to_string(derivative(sin(x), x)) == "cos(x)");
  BOOST_TEST(to_string(derivative<2>(sin(x), x)) == "-sin(x)");
  BOOST_TEST(to_string(derivative(atan(x), x)) == "1/(1 + x^2)");
  BOOST_TEST(to_string(derivative(asin(x), x)) == "1/sqrt(1 - x^2)");
  BOOST_TEST(to_string(derivative(exp(2 * x), x)) == "2*exp(2*x)");
  BOOST_TEST(to_string(sin(c<0>) + cos(c<0>)) == "1");
}
