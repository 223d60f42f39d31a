// SPDX-License-Identifier: BSL-1.0
// Several variables: mixed partials (and their symmetry), gradient, Hessian,
// binding order. Expected values are worked out by hand below.
#define BOOST_TEST_MODULE static_multivariate
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <array>
#include <type_traits>

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;
constexpr auto z = var<"z">;

// g = x^2 y^3 + x/y
constexpr auto g = pow<2>(x) * pow<3>(y) + x / y;

// Rosenbrock with a = 1, b = 100.
constexpr auto x0 = var<"x0">;
constexpr auto x1 = var<"x1">;
constexpr auto rosenbrock = 100 * pow<2>(x1 - x0 * x0) + pow<2>(1 - x0);

constexpr auto rg = eval(gradient(rosenbrock, x0, x1), x0 = 0.0, x1 = 2.0);
static_assert(rg[0] == -2.0 && rg[1] == 400.0);
constexpr auto rh = eval(hessian(rosenbrock, x0, x1), x0 = 0.0, x1 = 2.0);
static_assert(rh[0][0] == -798.0 && rh[0][1] == 0.0 && rh[1][0] == 0.0 && rh[1][1] == 200.0);
static_assert(std::is_same_v<decltype(rh), const std::array<std::array<double, 2>, 2>>);
}  // namespace

const auto grid = bdata::make({-1.5, 0.5, 2.0}) * bdata::make({-2.0, 0.75, 1.5});

BOOST_DATA_TEST_CASE(mixed_partials_match_hand_derivation, grid, vx, vy) {
  const double dxy = 6 * vx * vy * vy - 1 / (vy * vy);  // d/dy d/dx g
  BOOST_TEST(derivative(g, x, y)(x = vx, y = vy) == dxy, tt::tolerance(1e-14));
  BOOST_TEST(derivative(g, y, x)(x = vx, y = vy) == dxy, tt::tolerance(1e-14));
  BOOST_TEST(derivative(g, x, y, x)(x = vx, y = vy) == 6 * vy * vy, tt::tolerance(1e-14));
}

BOOST_DATA_TEST_CASE(third_order_mixed_partials_commute, grid, vx, vy) {
  // d3 g / dy dy dx = 12 x y + 2/y^3 in every order of differentiation.
  const double want = 12 * vx * vy + 2 / (vy * vy * vy);
  BOOST_TEST(derivative(g, x, y, y)(x = vx, y = vy) == want, tt::tolerance(1e-14));
  BOOST_TEST(derivative(g, y, x, y)(x = vx, y = vy) == want, tt::tolerance(1e-14));
  BOOST_TEST(derivative(g, y, y, x)(x = vx, y = vy) == want, tt::tolerance(1e-14));
}

BOOST_DATA_TEST_CASE(hessian_is_symmetric_and_exact, grid, vx, vy) {
  const auto h = eval(hessian(g, x, y), y = vy, x = vx);
  BOOST_TEST(h[0][0] == 2 * vy * vy * vy, tt::tolerance(1e-14));
  BOOST_TEST(h[0][1] == h[1][0], tt::tolerance(1e-14));
  BOOST_TEST(h[1][1] == 6 * vx * vx * vy + 2 * vx / (vy * vy * vy), tt::tolerance(1e-14));
  const auto grad = eval(gradient(g, x, y), x = vx, y = vy);
  BOOST_TEST(grad[0] == 2 * vx * vy * vy * vy + 1 / vy, tt::tolerance(1e-14));
  BOOST_TEST(grad[1] == 3 * vx * vx * vy * vy - vx / (vy * vy), tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(bindings_in_any_order_extra_bindings_ignored) {
  constexpr auto h = x * y * y - z;
  static_assert(h(x = 2.0, y = 3.0, z = 1.0) == 17.0);
  static_assert(h(z = 1.0, x = 2.0, y = 3.0) == 17.0);
  static_assert(h(y = 3.0, z = 1.0, x = 2.0) == 17.0);
  // d/dz h = -1 has no variable left: it evaluates with or without bindings.
  static_assert(derivative(h, z)() == -1.0);
  static_assert(derivative(h, z)(x = 5.0) == -1.0);
  static_assert(derivative(h, y, y)(x = 4.0, y = 100.0, z = 7.0) == 8.0);
}

BOOST_AUTO_TEST_CASE(rosenbrock_gradient_and_hessian) {
  BOOST_TEST(rg[0] == -2.0);
  BOOST_TEST(rg[1] == 400.0);
  // Elsewhere, against the hand-derived formulas.
  const double a = 0.3, b = -0.4;
  const auto grad = eval(gradient(rosenbrock, x0, x1), x0 = a, x1 = b);
  BOOST_TEST(grad[0] == -400 * a * (b - a * a) - 2 * (1 - a), tt::tolerance(1e-14));
  BOOST_TEST(grad[1] == 200 * (b - a * a), tt::tolerance(1e-14));
  const auto h = eval(hessian(rosenbrock, x0, x1), x0 = a, x1 = b);
  BOOST_TEST(h[0][0] == 1200 * a * a - 400 * b + 2, tt::tolerance(1e-14));
  BOOST_TEST(h[0][1] == -400 * a, tt::tolerance(1e-14));
  BOOST_TEST(h[1][0] == -400 * a, tt::tolerance(1e-14));
  BOOST_TEST(h[1][1] == 200.0);
}
