// SPDX-License-Identifier: BSL-1.0
// Evaluation: value types (float, double, long double; int as double), mixed
// bindings, results of eval for gradients and Hessians.
#define BOOST_TEST_MODULE static_evaluate
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <tuple>
#include <type_traits>

namespace tt = boost::test_tools;

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;
constexpr auto f = pow<4>(x) - 2 * pow<2>(x);

static_assert(std::is_same_v<decltype(f(x = 2)), double>);
static_assert(std::is_same_v<decltype(f(x = 2.0f)), float>);
static_assert(std::is_same_v<decltype(f(x = 2.0L)), long double>);
static_assert(std::is_same_v<decltype((x * y)(x = 2.0f, y = 1.0)), double>);
static_assert(std::is_same_v<decltype((x * y)(x = 2.0f, y = 1)), double>);
static_assert(std::is_same_v<decltype((x * y)(x = 2.0f, y = 1.0f)), float>);
static_assert(
    std::is_same_v<decltype(eval(gradient(x * y, x, y), x = 1.0f, y = 2.0f)), std::array<float, 2>>);
static_assert(std::is_same_v<decltype(eval(hessian(x * y, x, y), x = 1.0L, y = 2.0L)),
                             std::array<std::array<long double, 2>, 2>>);
static_assert(eval(derivative(f, x), x = 2) == 24.0);  // int binding: evaluated as double
static_assert(f(x = 3) == 63.0);

using value_types = std::tuple<float, double, long double>;
}  // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(each_type_keeps_its_precision, T, value_types) {
  // 1/(1+x^2) at 1/3: d/dx = -2x/(1+x^2)^2 = -27/50, in T's precision.
  constexpr auto r = 1 / (1 + pow<2>(x));
  const T third = T(1) / T(3);
  const T got = derivative(r, x)(x = third);
  static_assert(std::is_same_v<decltype(derivative(r, x)(x = third)), T>);
  BOOST_TEST(got == T(-27) / T(50), tt::tolerance(4 * std::numeric_limits<T>::epsilon()));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(constant_expressions_in_each_type, T, value_types) {
  constexpr T v = derivative<3>(f, x)(x = T(0.5));  // 24 x
  static_assert(v == T(12));
  constexpr T w = derivative<2>(f, x)(x = T(0.5));  // 12 x^2 - 4
  static_assert(w == T(-1));
  BOOST_TEST(v == T(12));
}

BOOST_AUTO_TEST_CASE(long_double_is_not_rounded_to_double) {
  // d = double(1/3) differs from 1/3 by about 1.85e-17: x - 1/3 at d is 0 in
  // double but that small difference in long double, where c<1, 3> is exact
  // to long double precision.
  constexpr auto g = x - c<1, 3>;
  const double d = 1.0 / 3.0;
  BOOST_TEST(g(x = d) == 0.0);
  const long double small = g(x = static_cast<long double>(d));
  BOOST_TEST(small == (static_cast<long double>(d) - 1.0L / 3.0L));
  BOOST_TEST(std::abs(small) > 1e-17L);
}

BOOST_AUTO_TEST_CASE(eval_is_the_call_form) {
  const double v = eval(derivative(f, x), x = 2.0);
  BOOST_TEST(v == derivative(f, x)(x = 2.0));
  const auto grad = eval(gradient(pow<2>(x) * y, x, y), x = 3.0, y = 2.0);
  BOOST_TEST(grad[0] == 12.0);
  BOOST_TEST(grad[1] == 9.0);
}

BOOST_AUTO_TEST_CASE(ieee_values_propagate) {
  const double inf = std::numeric_limits<double>::infinity();
  BOOST_TEST(std::isnan((x * 0.0)(x = inf)));
  BOOST_TEST((1 / x)(x = inf) == 0.0);
  BOOST_TEST(std::isinf((1 / x)(x = 0.0)));
}
