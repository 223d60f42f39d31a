// SPDX-License-Identifier: BSL-1.0
// Type facts: expressions are simplified as they are built, so equal
// mathematics often is the same type. Checked at namespace scope.
#define BOOST_TEST_MODULE static_types
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <type_traits>

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;

template <class A, class B>
constexpr bool same_node(const A&, const B&) {
  return std::is_same_v<typename A::node_type, typename B::node_type>;
}

// Exact rational folding.
static_assert(same_node(c<2> * c<3>, c<6>));
static_assert(same_node(c<1, 3> + c<1, 6>, c<1, 2>));
static_assert(same_node(c<2, 4>, c<1, 2>));
static_assert(same_node(c<3, -6>, c<-1, 2>));
static_assert(same_node(c<1> / c<3> - c<1, 3>, c<0>));
static_assert(same_node(pow<2>(c<2, 3>), c<4, 9>));
static_assert(same_node(pow<-2>(c<2, 3>), c<9, 4>));
// 0 and 1 absorption.
static_assert(same_node(x * c<0>, c<0>));
static_assert(same_node(c<0> * (x + y), c<0>));
static_assert(same_node(c<1> * x, x));
static_assert(same_node(x + c<0>, x));
static_assert(same_node(c<0> + x, x));
static_assert(same_node(x / c<1>, x));
static_assert(same_node(x - c<0>, x));
// Negation and constant factors gathered.
static_assert(same_node(-(-x), x));
static_assert(same_node(c<2> * (c<3> * x), c<6>* x));
static_assert(same_node((c<2> * x) * c<5, 2>, c<5>* x));
static_assert(same_node(-(c<3> * x), c<-3>* x));
// Powers.
static_assert(same_node(pow<1>(x), x));
static_assert(same_node(pow<0>(x + y), c<1>));
static_assert(same_node(x * x, pow<2>(x)));
static_assert(same_node(pow<2>(x) * x, pow<3>(x)));
static_assert(same_node(x / x, c<1>));
static_assert(same_node(pow<2>(pow<3>(x)), pow<6>(x)));
static_assert(same_node(pow<3>(x) / pow<3>(x), c<1>));
static_assert(same_node(pow<2>(c<3> * x), c<9>* pow<2>(x)));
static_assert(same_node(sqrt(x) * sqrt(x), x));
// Like terms.
static_assert(same_node(x + x, c<2>* x));
static_assert(same_node(x - x, c<0>));
static_assert(same_node(c<3> * pow<2>(x) - pow<2>(x) * c<3>, c<0>));
static_assert(same_node((y + x) + x, y + c<2> * x));
// Functions.
static_assert(same_node(exp(c<0>), c<1>));
static_assert(same_node(log(c<1>), c<0>));
static_assert(same_node(log(exp(x + y)), x + y));
// Derivatives are simplified types.
static_assert(same_node(derivative(x, x), c<1>));
static_assert(same_node(derivative(x, y), c<0>));
static_assert(same_node(derivative(exp(y) * pow<7>(y), x), c<0>));  // x does not occur
static_assert(same_node(derivative(pow<4>(x), x), c<4>* pow<3>(x)));
static_assert(same_node(derivative<4>(pow<4>(x) - c<2> * pow<2>(x), x), c<24>));
static_assert(same_node(derivative<4>(pow<4>(x) - 2 * pow<2>(x), x), c<24>));
static_assert(same_node(derivative<5>(pow<4>(x) - 2 * pow<2>(x), x), c<0>));
static_assert(same_node(derivative(exp(x), x), exp(x)));
static_assert(same_node(derivative(log(x), x), pow<-1>(x)));
static_assert(same_node(derivative(sqrt(x), x), c<1, 2>* pow(x, c<-1, 2>)));
static_assert(same_node(derivative(x * y, x, y), c<1>));
// Run-time constants keep their identity: 1.5x + 2.5x is not merged.
static_assert(!same_node(1.5 * x + 2.5 * x, c<2>*(1.5 * x)));
static_assert(!std::is_same_v<decltype((1.5 * x + 2.5 * x).constants), tdiff::detail::values<>>);
}  // namespace

BOOST_AUTO_TEST_CASE(runtime_constants_keep_their_values) {
  // Same node shape, different slots: sharing by type must not merge them.
  const auto f = 1.5 * x + 2.5 * x;
  BOOST_TEST(f(x = 2.0) == 8.0);
  const auto g = (1.5 * x) * (2.5 * y);
  BOOST_TEST(g(x = 2.0, y = 4.0) == 30.0);
  BOOST_TEST(derivative(g, x, y)(x = 0.0, y = 0.0) == 3.75);
}

BOOST_AUTO_TEST_CASE(constants_are_literal_values) {
  constexpr auto f = pow<3>(x) * 0.5f + 2L;
  static_assert(f(x = 2.0) == 6.0);
  static_assert(std::is_same_v<decltype(f(x = 2.0f)), float>);
  BOOST_TEST(f(x = -2) == -2.0);
}
