// SPDX-License-Identifier: BSL-1.0
// Polynomials, orders 0..6: against the closed form (term-wise falling
// factorials) and against long-double finite differences.
#define BOOST_TEST_MODULE static_polynomial
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <cmath>
#include <utility>

#include "reference.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;

// p(x) = 3x^5 - 2x^3 + x - 7, once with exact and once with run-time constants.
constexpr auto p_exact = c<3> * pow<5>(x) - c<2> * pow<3>(x) + x - c<7>;
constexpr auto p_runtime = 3 * pow<5>(x) - 2.0 * pow<3>(x) + x - 7;

long double p_closed(long double v, unsigned n) {
  auto term = [&](long double a, int k) {
    return k < static_cast<int>(n) ? 0.0L
                                   : a * reference::falling(k, n) * std::pow(v, k - static_cast<int>(n));
  };
  return term(3, 5) + term(-2, 3) + term(1, 1) + term(-7, 0);
}

template <std::size_t N, class F>
void check_order(const F& f, double v) {
  BOOST_TEST_CONTEXT("order " << N << " at x = " << v) {
    const double got = derivative<N>(f, x)(x = v);
    BOOST_TEST(got == static_cast<double>(p_closed(v, N)), tt::tolerance(1e-13));
  }
}

template <class F, std::size_t... N>
void check_orders(const F& f, double v, std::index_sequence<N...>) {
  (check_order<N>(f, v), ...);
}
}  // namespace

const auto points = bdata::make({-2.0, -1.25, 0.5, 1.0, 1.75, 3.0});

BOOST_DATA_TEST_CASE(exact_coefficients_match_closed_form, points, v) {
  check_orders(p_exact, v, std::make_index_sequence<7>{});
}

BOOST_DATA_TEST_CASE(runtime_coefficients_match_closed_form, points, v) {
  check_orders(p_runtime, v, std::make_index_sequence<7>{});
}

BOOST_DATA_TEST_CASE(match_finite_differences, points, v) {
  auto p = [](long double t) { return p_closed(t, 0); };
  BOOST_TEST(derivative(p_exact, x)(x = v) == static_cast<double>(reference::derivative(p, v, 1)),
             tt::tolerance(1e-9));
  BOOST_TEST(derivative<2>(p_exact, x)(x = v) == static_cast<double>(reference::derivative(p, v, 2)),
             tt::tolerance(1e-9));
  BOOST_TEST(derivative<3>(p_runtime, x)(x = v) == static_cast<double>(reference::derivative(p, v, 3)),
             tt::tolerance(1e-8));
}

BOOST_AUTO_TEST_CASE(high_orders_vanish_exactly) {
  static_assert(std::is_same_v<decltype(derivative<6>(p_exact, x)), decltype(derivative<7>(p_exact, x))>);
  static_assert(derivative<5>(p_exact, x)(x = 123.0) == 360.0);
  static_assert(derivative<6>(p_runtime, x)(x = 123.0) == 0.0);
  BOOST_TEST(to_string(derivative<6>(p_runtime, x)) == "0");
}

BOOST_AUTO_TEST_CASE(powers_of_sums_expand_by_the_chain_rule) {
  // (2x + 1)^6: d^n = 2^n 6!/(6-n)! (2x+1)^(6-n)
  constexpr auto q = pow<6>(2 * x + 1);
  for (double v : {-1.0, 0.0, 0.3, 2.0}) {
    auto closed = [&](unsigned n) {
      return std::pow(2.0, n) * static_cast<double>(reference::falling(6, n)) * std::pow(2 * v + 1, 6 - n);
    };
    BOOST_TEST(derivative<1>(q, x)(x = v) == closed(1), tt::tolerance(1e-13));
    BOOST_TEST(derivative<3>(q, x)(x = v) == closed(3), tt::tolerance(1e-13));
    BOOST_TEST(derivative<6>(q, x)(x = v) == closed(6), tt::tolerance(1e-13));
  }
}
