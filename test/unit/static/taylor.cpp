// SPDX-License-Identifier: BSL-1.0
// Derivatives of order 2 and up, evaluated through Taylor coefficients
// (detail/taylor.hpp): values against the independent jet reference and
// closed forms, every recurrence (products, squares, integer, rational and
// run-time exponents, variable exponents, functions of one and two
// arguments, where), derivative nodes inside larger expressions, derivatives
// of them, and printing, which still shows the symbolic derivative.
#define BOOST_TEST_MODULE static_taylor
#include <boost/hana/tuple.hpp>
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <array>
#include <cmath>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "jet.hpp"

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;

void check(const char* text, std::size_t n, double p, double got, long double want) {
  BOOST_TEST_CONTEXT(text << ", order " << n << " at x = " << p << ": got " << got << ", reference "
                          << static_cast<double>(want)) {
    const long double err = std::fabs(static_cast<long double>(got) - want);
    BOOST_TEST((err <= 1e-10L * std::fabs(want) || err <= 1e-11L));
  }
}

/// Orders 0..8 of f (a generic lambda) at the points, against the jet.
template <class F, std::size_t... N>
void check_orders(const char* text, const F& f, std::initializer_list<double> points,
                  std::index_sequence<N...>) {
  const auto e = f(x);
  for (double p : points) {
    const reference::jet j = f(reference::jet::variable(p));
    (check(text, N, p, derivative<N>(e, x)(x = p), j.derivative(N)), ...);
  }
}
#define TDIFF_CHECK_ORDERS(points, ...) \
  check_orders(                         \
      #__VA_ARGS__,                     \
      [](const auto& x) {               \
        using reference::pow;           \
        using tdiff::pow;               \
        return __VA_ARGS__;             \
      },                                \
      points, std::make_index_sequence<reference::jet_order + 1>{})

using node_of = decltype([](const auto& e) {
  return typename std::remove_cvref_t<decltype(e)>::node_type{};
});
template <class E>
using node_t = decltype(node_of{}(std::declval<E>()));
}  // namespace

BOOST_AUTO_TEST_CASE(every_recurrence_matches_the_jet_to_order_8) {
  const auto points = {0.3, 0.7, 1.9};
  TDIFF_CHECK_ORDERS(points, exp(x * sin(x)) / (1 + pow<2>(x)) + log(x));  // products, quotients, chains
  TDIFF_CHECK_ORDERS(points, tanh(x) * cosh(x) - atan(x));                 // a square inside tanh's rule
  TDIFF_CHECK_ORDERS(points, pow<7>(x) - 3 * pow<5>(x * x - 1));           // integer powers
  TDIFF_CHECK_ORDERS(points, 1 / pow<3>(sqrt(1 + x * x)) + sqrt(x));       // rational exponents
  TDIFF_CHECK_ORDERS(points, pow(x, 2.5) * 1.25 + pow(2 + x, -1.75));      // run-time exponents
  TDIFF_CHECK_ORDERS(points, pow(x, x) + pow(2.0 + sin(x), x * x));        // variable exponents
  TDIFF_CHECK_ORDERS(points, atan2(x * x, 1 + x) + hypot(x, 2.0 - x));     // functions of two arguments
  TDIFF_CHECK_ORDERS(points, tanh(x) + tan(x) - expm1(x) * exp(x));        // polynomials in f(x)
  TDIFF_CHECK_ORDERS(points, tanh(2 * x + 0.5) - exp(-x) * tan(x / 4));    // of a x + b
  TDIFF_CHECK_ORDERS(points, asin(x / (2 + x * x)) * erf(x) + cbrt(2 + x));
}

BOOST_AUTO_TEST_CASE(where_differentiates_the_branch_it_picks) {
  const auto f = where(x > 1, exp(2 * x), pow<3>(x));
  BOOST_TEST(derivative<5>(f, x)(x = 1.5) == 32 * std::exp(3.0), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(derivative<3>(f, x)(x = 0.5) == 6.0);
  BOOST_TEST(derivative<4>(f, x)(x = 0.5) == 0.0);
}

BOOST_AUTO_TEST_CASE(exact_and_runtime_results_are_no_node) {
  // d^4 (x^4 - 2x^2) is the constant 24, d^3 of 2.5 x^3 the run-time 6 * 2.5:
  // nothing is left to bind.
  static_assert(
      std::is_same_v<node_t<decltype(derivative<4>(pow<4>(x) - 2 * pow<2>(x), x))>, detail::constant<24>>);
  static_assert(std::is_same_v<node_t<decltype(derivative<9>(sin(x) * y, y))>, detail::constant<0>>);
  BOOST_TEST(derivative<3>(2.5 * pow<3>(x), x)() == 15.0);
  BOOST_TEST(derivative<6>(1.5 * pow<6>(x) + 2.0 * pow<5>(x), x)() == 1.5 * 720);
}

// 5!/2^6 = 1.875 exactly: d^5 (1 + x)^-1 = -120 (1 + x)^-6, at x = 1.
static_assert(derivative<5>(1 / (1 + x), x)(x = 1.0) == -1.875);
static_assert(derivative<8>(pow<10>(x), x)(x = 2.0) == 1814400.0 * 4);  // 10!/2! x^2

BOOST_AUTO_TEST_CASE(derivatives_of_derivative_nodes) {
  const auto f = exp(x * sin(x)) / (1 + pow<2>(x));
  for (double p : {0.4, 1.1}) {
    const reference::jet j = exp(reference::jet::variable(p) * sin(reference::jet::variable(p))) /
                             (1 + reference::jet::variable(p) * reference::jet::variable(p));
    check("d/dx of f'''", 4, p, derivative(derivative<3>(f, x), x)(x = p), j.derivative(4));
    check("d3 of f'''", 6, p, derivative<3>(derivative<3>(f, x), x)(x = p), j.derivative(6));
    // (x f''')'' = x f^(5) + 2 f^(4): the Taylor form of a derivative node
    check("(x f''')''", 5, p, derivative<2>(x * derivative<3>(f, x), x)(x = p),
          p * j.derivative(5) + 2 * j.derivative(4));
    // (g h)''' = g h''' + 3 g' h'' + 3 g'' h' + g''' h, with g = f''', h = f''''
    check("(f''' f'''')'''", 7, p, derivative<3>(derivative<3>(f, x) * derivative<4>(f, x), x)(x = p),
          j.derivative(3) * j.derivative(7) + 4 * j.derivative(4) * j.derivative(6) +
              3 * j.derivative(5) * j.derivative(5));
  }
  // By another variable: d/dy d^3/dx^3 e^(xy) = d/dy (y^3 e^(xy)) = (3 y^2 + x y^3) e^(xy).
  const auto g = exp(x * y);
  BOOST_TEST(derivative(derivative<3>(g, x), y)(x = 0.5, y = 1.5) ==
                 (3 * 1.5 * 1.5 + 0.5 * 1.5 * 1.5 * 1.5) * std::exp(0.75),
             boost::test_tools::tolerance(1e-13));
}

// f(x) of the variable itself, with f' a polynomial in f (tanh, tan, exp,
// expm1), is one polynomial in f(x) per order. At 0, tanh's odd derivatives
// are the signed tangent numbers 1, -2, 16, -272, 7936, -353792, 22368256,
// -1903757312 (OEIS A000182), exact in a constant expression.
static_assert(derivative<3>(tanh(x), x)(x = 0.0) == -2.0);
static_assert(derivative<9>(tanh(x), x)(x = 0.0) == 7936.0);
static_assert(derivative<13>(tanh(x), x)(x = 0.0) == 22368256.0);
static_assert(derivative<15>(tanh(x), x)(x = 0.0) == -1903757312.0);
static_assert(derivative<14>(tanh(x), x)(x = 0.0) == 0.0);
static_assert(derivative<15>(tan(x), x)(x = 0.0) == 1903757312.0);         // tan(x) = -i tanh(ix)
static_assert(derivative<7>(tanh(c<2> * x), x)(x = 0.0) == -272.0 * 128);  // 2^7 tanh^(7)(0)

BOOST_AUTO_TEST_CASE(polynomials_in_tanh_to_order_16) {
  // The Taylor coefficients of u = tanh(x0 + h) by the recurrence of
  // u' = 1 - u^2 in long double (k u_k = w_(k-1), w = 1 - u^2), written
  // here independently of tdiff; the n-th derivative is n! u_n.
  for (const long double x0 : {0.5L, 1.3L, -2.2L}) {
    std::array<long double, 17> u{std::tanh(x0)};
    for (std::size_t k = 1; k <= 16; ++k) {
      long double square = 0;  // (u^2)_(k-1)
      for (std::size_t i = 0; i <= k - 1; ++i) square += u[i] * u[k - 1 - i];
      u[k] = ((k == 1 ? 1 : 0) - square) / static_cast<long double>(k);
    }
    long double factorial = 1;
    std::array<long double, 17> want{};
    for (std::size_t n = 0; n <= 16; ++n) {
      if (n > 0) factorial *= static_cast<long double>(n);
      want[n] = factorial * u[n];
    }
    const double p = static_cast<double>(x0);
    const double got[] = {derivative<9>(tanh(x), x)(x = p), derivative<10>(tanh(x), x)(x = p),
                          derivative<12>(tanh(x), x)(x = p), derivative<16>(tanh(x), x)(x = p),
                          // d^12/dy^12 tanh(y / 2) at y = 2 x0 is tanh^(12)(x0) / 2^12
                          4096 * derivative<12>(tanh(0.5 * y), y)(y = 2 * p)};
    const std::size_t orders[] = {9, 10, 12, 16, 12};
    for (std::size_t i = 0; i < 5; ++i) {
      BOOST_TEST_CONTEXT("tanh, order " << orders[i] << " at " << p) {
        // Scaled by the order's largest value on the real line (|tanh^(n)| is
        // at most about n! (2/pi)^(n+1)), as cancellation in the polynomial is.
        long double scale = 1;
        for (std::size_t k = 1; k <= orders[i]; ++k) scale *= 0.6366L * static_cast<long double>(k);
        BOOST_TEST(std::fabs(got[i] - want[orders[i]]) <= 1e-13L * scale);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(components_with_runtime_numbers_share_a_schedule) {
  const auto d =
      eval(boost::hana::make_tuple(derivative<3>(1.5 * pow<4>(x) + sin(x), x),
                                   derivative<3>(2.5 * sin(x) * x, x), derivative<4>(0.5 * tanh(x), x)),
           x = 0.3);
  BOOST_TEST(d[0] == 1.5 * 24 * 0.3 - std::cos(0.3), boost::test_tools::tolerance(1e-14));
  BOOST_TEST(d[1] == 2.5 * (-3 * std::sin(0.3) - 0.3 * std::cos(0.3)), boost::test_tools::tolerance(1e-14));
  const double t = std::tanh(0.3);  // tanh'''' = (16 t - 24 t^3)(1 - t^2), by hand
  BOOST_TEST(d[2] == 0.5 * (16 * t - 40 * t * t * t + 24 * t * t * t * t * t),
             boost::test_tools::tolerance(1e-13));
}

// What the Taylor form is for: at order 8 it has under half the distinct
// nodes of eight nested first derivatives (the symbolic form).
constexpr auto tanh8_symbolic = derivative(
    derivative(
        derivative(derivative(derivative(derivative(derivative(derivative(tanh(x), x), x), x), x), x), x), x),
    x);
static_assert(2 * node_count(derivative<8>(tanh(x), x)) < node_count(tanh8_symbolic));

BOOST_AUTO_TEST_CASE(containers_evaluate_elementwise) {
  const std::vector<double> xs{-1.5, -0.2, 0.4, 1.0, 2.5};
  const std::vector<double> d = derivative<6>(tanh(x) * exp(x), x)(x = xs);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const reference::jet v = reference::jet::variable(xs[i]);
    check("tanh(x) exp(x) on an array", 6, xs[i], d[i], (tanh(v) * exp(v)).derivative(6));
  }
}

BOOST_AUTO_TEST_CASE(printing_shows_the_symbolic_derivative) {
  BOOST_TEST(to_string(derivative<3>(sin(x), x)) == "-cos(x)");
  BOOST_TEST(to_string(derivative<5>(exp(2 * x), x)) == "32*exp(2*x)");
  BOOST_TEST(to_string(derivative<3>(pow<4>(x) - 2 * pow<2>(x), x)) == "24*x");
  // the same text as three symbolic derivatives of order 1
  const auto t = tanh(x) * x;
  const auto chain = derivative(derivative(derivative(derivative(t, x), x), x), x);
  BOOST_TEST(to_string(derivative<4>(t, x)) == to_string(chain));
  BOOST_TEST(to_dot(derivative<4>(t, x)) == to_dot(chain));
  BOOST_TEST(to_string(x + derivative<3>(sin(x), x)) == "x - cos(x)");
}
