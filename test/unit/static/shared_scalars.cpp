// SPDX-License-Identifier: BSL-1.0
// Run-time numbers in gradients, Hessians and Jacobians: a derivative stores
// only the numbers it reads, and the expressions of a tuple evaluated
// together share one copy of them, checked at run time; an expression whose
// numbers differ from the shared ones gets its own value. Expected values
// are worked out by hand below.
#define BOOST_TEST_MODULE static_shared_scalars
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;

// The chained Rosenbrock function of n = 6 variables, written with plain numbers.
constexpr std::size_t n = 6;
constexpr auto v = var<"v", n>;
constexpr auto rosen = sum<n - 1>([](auto i) {
  return 100 * pow<2>(v[std::integral_constant<std::size_t, i + 1>{}] - pow<2>(v[i])) + pow<2>(1 - v[i]);
});

// By hand: d/dv_i = -400 v_i (v_{i+1} - v_i^2) - 2 (1 - v_i) [i < n-1] + 200 (v_i - v_{i-1}^2) [i > 0];
// H_ii = 1200 v_i^2 - 400 v_{i+1} + 2 [i < n-1] + 200 [i > 0]; H_{i,i+1} = -400 v_i; else 0.
std::array<double, n> hand_gradient(const std::array<double, n>& p) {
  std::array<double, n> g{};
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 1 < n) g[i] += -400 * p[i] * (p[i + 1] - p[i] * p[i]) - 2 * (1 - p[i]);
    if (i > 0) g[i] += 200 * (p[i] - p[i - 1] * p[i - 1]);
  }
  return g;
}
std::array<std::array<double, n>, n> hand_hessian(const std::array<double, n>& p) {
  std::array<std::array<double, n>, n> h{};
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 1 < n) {
      h[i][i] += 1200 * p[i] * p[i] - 400 * p[i + 1] + 2;
      h[i][i + 1] = h[i + 1][i] = -400 * p[i];
    }
    if (i > 0) h[i][i] += 200;
  }
  return h;
}

// Each constexpr: the shared copy and its check run in constant evaluation too.
constexpr auto ones = std::array<double, n>{1, 1, 1, 1, 1, 1};
constexpr auto g_at_minimum = eval(gradient(rosen, v), v = ones);
static_assert(g_at_minimum == std::array<double, n>{});
constexpr auto h_at_minimum = eval(hessian(rosen, v), v = ones);
static_assert(h_at_minimum[0][0] == 802 && h_at_minimum[1][1] == 1002 && h_at_minimum[5][5] == 200 &&
              h_at_minimum[2][3] == -400 && h_at_minimum[0][2] == 0);

// Two expressions of one type with different numbers, in one tuple.
constexpr auto k2 = 2 * x * x, k3 = 3 * x * x;
static_assert(std::is_same_v<decltype(k2), decltype(k3)>);
constexpr auto by_type = eval(boost::hana::make_tuple(derivative(k2, x), derivative(k3, x)), x = 1.0);
static_assert(by_type[0] == 4 && by_type[1] == 6);
}  // namespace

BOOST_AUTO_TEST_CASE(a_derivative_stores_only_the_numbers_it_reads) {
  // d/dx of a x^2 + b y reads a only; the second derivative in y reads none.
  const double a = 3.0, b = 5.0;
  const auto f = a * pow<2>(x) + b * y;
  const auto fx = derivative(f, x);
  BOOST_TEST(sizeof(fx) == sizeof(double));
  BOOST_TEST(sizeof(derivative(fx, y)) <= 1);  // an empty expression
  BOOST_TEST(fx(x = 2.0, y = 1.0) == 12.0);
  BOOST_TEST(to_string(fx) == "6*x");  // printed with the number it reads
  BOOST_TEST(derivative(f, y)(x = 2.0) == 5.0);
  // The Hessian of the 6-variable Rosenbrock (10 numbers) holds no full copies.
  BOOST_TEST(sizeof(hessian(rosen, v)) < n * n * sizeof(rosen) / 4);
}

const auto points = bdata::make({0.0, 0.3, -1.2}) * bdata::make({1.0, -0.7, 2.5});

BOOST_DATA_TEST_CASE(rosenbrock_with_plain_numbers_matches_the_hand_derivation, points, ps, pt) {
  const std::array<double, n> p{ps, pt, ps * pt, 1 - ps, pt - 0.5, 0.25};
  const auto g = eval(gradient(rosen, v), v = p);
  const auto h = eval(hessian(rosen, v), v = p);
  const auto hg = hand_gradient(p);
  const auto hh = hand_hessian(p);
  for (std::size_t i = 0; i < n; ++i) {
    BOOST_TEST(g[i] == hg[i], tt::tolerance(1e-12));
    for (std::size_t j = 0; j < n; ++j) BOOST_TEST(h[i][j] == hh[i][j], tt::tolerance(1e-12));
  }
}

BOOST_DATA_TEST_CASE(rows_of_one_type_with_other_numbers_get_their_own_values, points, ps, pt) {
  // f1 and f2 have one type; only the numbers differ. J = [[2a x, c], [2b x, d]].
  const double a = 2.0 + ps, b = 5.0 - pt, c = 3.0 * pt, d = 7.0;
  const auto f1 = a * x * x + c * y;
  const auto f2 = b * x * x + d * y;
  static_assert(std::is_same_v<decltype(f1), decltype(f2)>);
  const auto J = eval(jacobian(boost::hana::make_tuple(f1, f2), x, y), x = 1.5, y = 2.0);
  BOOST_TEST(J[0][0] == 2 * a * 1.5);
  BOOST_TEST(J[0][1] == c);
  BOOST_TEST(J[1][0] == 2 * b * 1.5);
  BOOST_TEST(J[1][1] == d);
  // Hessians of both in one tuple: [[2a, 0], [0, 0]] and [[2b, 0], [0, 0]].
  const auto H = eval(boost::hana::make_tuple(hessian(f1, x, y), hessian(f2, x, y)), x = 1.5, y = 2.0);
  BOOST_TEST(H[0][0][0] == 2 * a);
  BOOST_TEST(H[1][0][0] == 2 * b);
  BOOST_TEST(H[1][0][1] == 0.0);
}

BOOST_AUTO_TEST_CASE(equal_numbers_in_other_expressions_are_shared) {
  // Same type and equal numbers (a = b): one evaluation serves both rows.
  const auto f1 = 4.0 * x * y;
  const auto f2 = 4.0 * x * y + 0.0 * x;
  const auto J = eval(jacobian(boost::hana::make_tuple(f1, f1, f2), x, y), x = 0.5, y = -2.0);
  BOOST_TEST(J[0][0] == -8.0);
  BOOST_TEST(J[1][1] == 2.0);
  BOOST_TEST(J[2][0] == -8.0);
  BOOST_TEST(J[2][1] == 2.0);
}
