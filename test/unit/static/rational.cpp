// SPDX-License-Identifier: BSL-1.0
// Rational functions, orders 0..6, against closed forms obtained from partial
// fractions: 1/(1+x^2) = Im 1/(x-i), x/(1+x^2) = Re 1/(x-i), and
// d^n/dx^n (x-a)^-1 = (-1)^n n! (x-a)^-(n+1); also against finite differences.
#define BOOST_TEST_MODULE static_rational
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <complex>
#include <utility>

#include "reference.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;

constexpr auto lorentz = 1 / (1 + pow<2>(x));
constexpr auto odd = x / (1 + x * x);
constexpr auto homographic = (x + 1) / (x - 2);

std::complex<long double> pole_derivative(long double v, std::complex<long double> a, unsigned n) {
  long double factorial = 1;
  for (unsigned i = 2; i <= n; ++i) factorial *= i;
  return ((n % 2) ? -1.0L : 1.0L) * factorial *
         std::pow(std::complex<long double>(v) - a, -static_cast<int>(n + 1));
}

template <std::size_t N>
void check(double v) {
  BOOST_TEST_CONTEXT("order " << N << " at x = " << v) {
    const auto pole = pole_derivative(v, {0, 1}, N);
    BOOST_TEST(derivative<N>(lorentz, x)(x = v) == static_cast<double>(pole.imag()), tt::tolerance(1e-12));
    BOOST_TEST(derivative<N>(odd, x)(x = v) == static_cast<double>(pole.real()), tt::tolerance(1e-12));
    const long double h = (N == 0 ? 1.0L : 0.0L) + 3 * pole_derivative(v, {2, 0}, N).real();
    BOOST_TEST(derivative<N>(homographic, x)(x = v) == static_cast<double>(h), tt::tolerance(1e-12));
  }
}

template <std::size_t... N>
void check_all(double v, std::index_sequence<N...>) {
  (check<N>(v), ...);
}
}  // namespace

BOOST_DATA_TEST_CASE(match_partial_fractions, bdata::make({-1.7, -0.3, 0.0, 0.4, 1.0, 2.5}), v) {
  check_all(v, std::make_index_sequence<7>{});
}

BOOST_DATA_TEST_CASE(match_finite_differences, bdata::make({-1.2, 0.35, 3.0}), v) {
  auto f = [](long double t) { return t / (1 + t * t); };
  for (unsigned n = 1; n <= 4; ++n) {
    const double want = static_cast<double>(reference::derivative(f, v, n, 0.05L));
    const double got = n == 1   ? derivative<1>(odd, x)(x = v)
                       : n == 2 ? derivative<2>(odd, x)(x = v)
                       : n == 3 ? derivative<3>(odd, x)(x = v)
                                : derivative<4>(odd, x)(x = v);
    BOOST_TEST(got == want, tt::tolerance(1e-8));
  }
}

BOOST_AUTO_TEST_CASE(quotient_rule_in_constant_expressions) {
  // d/dx (x+1)/(x-2) = -3/(x-2)^2, = -3 at x = 1 and -1/3 at x = -1, exactly.
  static_assert(derivative(homographic, x)(x = 1.0) == -3.0);
  static_assert(derivative(homographic, x)(x = 5.0) == -1.0 / 3.0);
  // d2/dx2 1/(1+x^2) = (6x^2 - 2)/(1+x^2)^3: -2 at 0, 1/2 at 1.
  static_assert(derivative<2>(lorentz, x)(x = 0.0) == -2.0);
  static_assert(derivative<2>(lorentz, x)(x = 1.0) == 0.5);
}
