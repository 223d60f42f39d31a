// SPDX-License-Identifier: BSL-1.0
// abs, min, max, comparisons and where in the compile-time mode: values,
// PyTorch's derivatives at kinks and ties (worked out by hand), exact folding,
// printing, containers.
#define BOOST_TEST_MODULE static_piecewise
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>
#include <valarray>

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;

// API.md's leaky ReLU, in constant expressions.
constexpr auto r = where(x > 0, x, 0.1 * x);
static_assert(derivative(r, x)(x = -2.0) == 0.1);
static_assert(derivative(r, x)(x = 3.0) == 1.0);
static_assert(r(x = -2.0) == -0.2 && r(x = 3.0) == 3.0);
static_assert(derivative(r, x)(x = 0.0) == 0.1);  // x > 0 is false at 0: the other branch

// abs: abs'(0) = 0, as torch.abs
static_assert(abs(x)(x = -2.5) == 2.5);
static_assert(derivative(abs(x), x)(x = -2.5) == -1.0);
static_assert(derivative(abs(x), x)(x = 0.0) == 0.0);
static_assert(derivative(abs(x), x)(x = 4.0) == 1.0);
static_assert(derivative<2>(abs(x), x)(x = 4.0) == 0.0);

// min and max split the gradient evenly at a tie (torch.minimum, torch.maximum)
static_assert(derivative(min(x, y), x)(x = 1.0, y = 2.0) == 1.0);
static_assert(derivative(min(x, y), y)(x = 1.0, y = 2.0) == 0.0);
static_assert(derivative(min(x, y), x)(x = 2.0, y = 2.0) == 0.5);
static_assert(derivative(min(x, y), y)(x = 2.0, y = 2.0) == 0.5);
static_assert(derivative(max(x, y), x)(x = 1.0, y = 2.0) == 0.0);
static_assert(derivative(max(x, y), y)(x = 1.0, y = 2.0) == 1.0);
static_assert(derivative(max(x, 0.0), x)(x = 0.0) == 0.5);  // max(x, 0) at the tie
static_assert(derivative(max(2.0, x* x), x)(x = 3.0) == 6.0);
static_assert(derivative(min(x, x), x)(x = 1.0) == 1.0);  // min(x, x) = x: 1/2 + 1/2

// Comparisons are 0/1 expressions with derivative 0
static_assert((x < y)(x = 1.0, y = 2.0) == 1.0 && (x >= y)(x = 1.0, y = 2.0) == 0.0);
static_assert((x <= 1)(x = 1.0) == 1.0 && (x > 1)(x = 1.0) == 0.0);
static_assert(derivative(x * (x > 0), x)(x = 2.0) == 1.0);

// where passes the gradient to the branch it picks: the other branch's
// infinite or NaN derivative does not leak
static_assert(derivative(where(x > 0, x* x, -x), x)(x = -3.0) == -1.0);
static_assert(derivative<2>(where(x > 0, x* x, -x), x)(x = 3.0) == 2.0);
}  // namespace

BOOST_AUTO_TEST_CASE(the_branch_not_taken_does_not_leak) {
  // sqrt'(x) at x = -1 is NaN, log(x)'' at 0 is -inf: neither is picked
  BOOST_TEST(derivative(where(x > 0, sqrt(x), 0 * x), x)(x = -1.0) == 0.0);
  BOOST_TEST(derivative<2>(where(x > 0, log(x), x * x), x)(x = 0.0) == 2.0);
  BOOST_TEST(where(x > 0, log(x), 1.0)(x = -1.0) == 1.0);
}

BOOST_AUTO_TEST_CASE(nan_propagates_through_min_and_max) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(std::isnan(min(x, y)(x = nan, y = 1.0)));
  BOOST_TEST(std::isnan(max(x, y)(x = 1.0, y = nan)));
  BOOST_TEST(!std::signbit(abs(x)(x = -0.0)));  // abs(-0) = +0
}

// Exact arguments fold: the types are the constants themselves.
template <class A, class B>
constexpr bool same(const A&, const B&) {
  return std::is_same_v<typename A::node_type, typename B::node_type>;
}
static_assert(same(min(c<2>, c<3>), c<2>));
static_assert(same(max(c<-1, 2>, c<-2, 3>), c<-1, 2>));
static_assert(same(c<1> < c<2>, c<1>));
static_assert(same(where(c<1> > c<2>, x, y), y));
static_assert(same(where(x > 0, y, y), y));
static_assert(same(abs(c<0>), c<0>));
static_assert(same(derivative(x > y, x), c<0>));

BOOST_AUTO_TEST_CASE(printing) {
  BOOST_TEST(to_string(r) == "where(x > 0, x, 0.1*x)");
  BOOST_TEST(to_string(abs(x - 1)) == "abs(x - 1)");
  BOOST_TEST(to_string(derivative(abs(x), x)) == "sign(x)");
  BOOST_TEST(to_string(min(x, 2 * y)) == "min(x, 2*y)");
  BOOST_TEST(to_string(derivative(where(x <= y, x * x, y), x)) == "where(x <= y, 2*x, 0)");
  BOOST_TEST(to_string(derivative(max(x, y), x)) == "where(y < x, 1, where(x < y, 0, 1/2))");
  BOOST_TEST(to_string((x + 1 < y) * x) == "(x + 1 < y)*x");
  BOOST_TEST(to_dot(r).find("label=\"where\"") != std::string::npos);
  BOOST_TEST(to_dot(r).find("label=\">\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(containers_elementwise) {
  const std::valarray<double> xs = {-2.0, -0.5, 0.0, 0.5, 2.0};
  const std::valarray<double> relu = max(x, 0.0)(x = xs);
  const std::valarray<double> d = derivative(where(x > 0, x * x, abs(x)), x)(x = xs);
  const double want_relu[] = {0, 0, 0, 0.5, 2}, want_d[] = {-1, -1, 0, 1, 4};
  for (std::size_t i = 0; i < xs.size(); ++i) {
    BOOST_TEST(relu[i] == want_relu[i]);
    BOOST_TEST(d[i] == want_d[i]);
  }
}
