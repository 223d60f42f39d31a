// SPDX-License-Identifier: BSL-1.0
// The seed notebook (DeZero steps 33-36) in compile-time mode, checked where
// it matters most: inside static_assert.
#define BOOST_TEST_MODULE static_seed
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <array>

#include "dezero_values.hpp"

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;

// Step 33: f(x) = x^4 - 2x^2 at x = 2; f' = 4x^3 - 4x, f'' = 12x^2 - 4, ...
constexpr auto f = pow<4>(x) - 2 * pow<2>(x);
static_assert(derivative<1>(f, x)(x = 2.0) == 24.0);
static_assert(derivative<2>(f, x)(x = 2.0) == 44.0);
static_assert(derivative<3>(f, x)(x = 2.0) == 48.0);
static_assert(derivative<4>(f, x)(x = 2.0) == 24.0);
static_assert(derivative<5>(f, x)(x = 2.0) == 0.0);

// Newton's method with the automatic second derivative, in a constexpr function.
constexpr std::array<double, 11> newton_iterates(double x0) {
  constexpr auto d1 = derivative(f, x);
  constexpr auto d2 = derivative<2>(f, x);
  std::array<double, 11> it{x0};
  for (std::size_t k = 1; k < it.size(); ++k) it[k] = it[k - 1] - d1(x = it[k - 1]) / d2(x = it[k - 1]);
  return it;
}
constexpr auto newton = newton_iterates(2.0);
static_assert(newton[1] == 1.4545454545454546);  // = 2 - 24/44 = 16/11
static_assert(newton[10] == 1.0);
constexpr int steps_to_one() {
  int k = 0;
  while (newton[k] != 1.0) ++k;
  return k;
}
static_assert(steps_to_one() <= 10);

// Step 36: double backprop. y = x^2, z = (dy/dx)^3 + y = 8x^3 + x^2, dz/dx = 24x^2 + 2x.
constexpr auto y = pow<2>(x);
constexpr auto z = pow<3>(derivative(y, x)) + y;
static_assert(derivative(z, x)(x = 2.0) == 100.0);
}  // namespace

BOOST_AUTO_TEST_CASE(newton_follows_dezero_iterates) {
  for (std::size_t k = 0; k < dezero::newton_iterates.size(); ++k)
    BOOST_TEST(newton[k] == dezero::newton_iterates[k]);
  BOOST_TEST(steps_to_one() == 7);
}

BOOST_AUTO_TEST_CASE(double_backprop_everywhere) {
  for (double v : {-3.0, -0.5, 0.0, 1.0, 2.0, 10.0})
    BOOST_TEST(derivative(z, x)(x = v) == 24 * v * v + 2 * v);
  BOOST_TEST(to_string(derivative(z, x)) == "24*x^2 + 2*x");
}
