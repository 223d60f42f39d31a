// SPDX-License-Identifier: BSL-1.0
// Evaluation computes each distinct subexpression once per call: counted
// with an op whose value rule counts its calls. And the number of distinct
// nodes grows polynomially with the derivative order.
#define BOOST_TEST_MODULE static_schedule
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <cmath>
#include <string_view>

namespace {
int calls = 0;

/// f(a) = 2a, counting its evaluations at run time.
struct counted_op {
  static constexpr std::string_view name = "counted";
  template <class T>
  static constexpr T value(const T& a) {
    if (!std::is_constant_evaluated()) ++calls;
    return 2 * a;
  }
  static constexpr auto derivative(const auto&, const auto&) { return tdiff::c<2>; }
};
constexpr tdiff::function<counted_op> counted{};

using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;

template <class E>
constexpr std::size_t nodes(const E&) {
  return detail::node_count_v<typename E::node_type>;
}

/// Evaluates the gradient and the Hessian of f = a u^2 x + b sin(u), where
/// u = counted(x y) (f = 4a x^3 y^2 + b sin(2xy)), at (0.5, 3); checks that u
/// is evaluated once for each, and both against derivatives by hand.
template <class F>
auto check_gradient_and_hessian(const F& f, double a, double b) {
  calls = 0;
  const auto g = eval(gradient(f, x, y), x = 0.5, y = 3.0);
  BOOST_TEST(calls == 1);
  calls = 0;
  const auto h = eval(hessian(f, x, y), x = 0.5, y = 3.0);
  BOOST_TEST(calls == 1);
  const double X = 0.5, Y = 3.0, U = 2 * X * Y, c = std::cos(U), s = std::sin(U);
  BOOST_TEST(g[0] == 12 * a * X * X * Y * Y + 2 * b * Y * c, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(g[1] == 8 * a * X * X * X * Y + 2 * b * X * c, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(h[0][0] == 24 * a * X * Y * Y - 4 * b * Y * Y * s, boost::test_tools::tolerance(1e-14));
  const double hxy = 24 * a * X * X * Y + 2 * b * c - 4 * b * X * Y * s;
  BOOST_TEST(h[0][1] == hxy, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(h[1][0] == hxy, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(h[1][1] == 8 * a * X * X * X - 4 * b * X * X * s, boost::test_tools::tolerance(1e-14));
  return h;
}
}  // namespace

BOOST_AUTO_TEST_CASE(shared_subexpressions_are_evaluated_once) {
  const auto u = counted(x + y);
  const auto f = u * u + 3 * u + sin(u) * exp(u);  // u occurs four times
  calls = 0;
  const double v = f(x = 0.25, y = 0.5);
  BOOST_TEST(calls == 1);
  BOOST_TEST(v == 1.5 * 1.5 + 4.5 + std::sin(1.5) * std::exp(1.5), boost::test_tools::tolerance(1e-15));
  // The 4th derivative in x mentions u in many products and sums: still once.
  calls = 0;
  (void)derivative<4>(f, x)(x = 0.25, y = 0.5);
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(gradient_and_hessian_share_one_schedule) {
  // Every component of the gradient and of the Hessian contains u; eval
  // computes them all with one schedule, so u is evaluated once per eval.
  const auto u = counted(x * y);
  const auto f = u * u * x + sin(u);
  const auto h = check_gradient_and_hessian(f, 1.0, 1.0);
  // Each component evaluated alone agrees (a schedule of its own).
  calls = 0;
  BOOST_TEST(derivative(derivative(f, x), y)(x = 0.5, y = 3.0) == h[0][1],
             boost::test_tools::tolerance(1e-15));
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(components_with_run_time_numbers_share_one_schedule) {
  // 2.5 and 0.75 are run-time scalars of f (slots), in every component:
  // still one schedule, u once per eval, each component with its own numbers.
  const auto u = counted(x * y);
  check_gradient_and_hessian(2.5 * u * u * x + 0.75 * sin(u), 2.5, 0.75);

  // Components of one type with different numbers keep each their own.
  const auto mixed = boost::hana::make_tuple(boost::hana::make_tuple(2.0 * u, 4.0 * y),
                                             boost::hana::make_tuple(3.0 * u + 1.0, -0.5 * x));
  calls = 0;
  const auto m = eval(mixed, x = 0.5, y = 3.0);
  BOOST_TEST(calls == 1);
  BOOST_TEST(m[0][0] == 6.0);
  BOOST_TEST(m[0][1] == 12.0);
  BOOST_TEST(m[1][0] == 10.0);
  BOOST_TEST(m[1][1] == -0.25);
  // And in constant evaluation.
  constexpr auto r = pow<2>(1.5 - x) + 100.5 * pow<2>(y - x * x);
  constexpr auto rh = eval(hessian(r, x, y), x = 0.5, y = 2.0);
  static_assert(rh[0][0] == 2 + 100.5 * (12 * 0.5 * 0.5 - 4 * 2.0) && rh[0][1] == -4 * 100.5 * 0.5 &&
                rh[1][0] == rh[0][1] && rh[1][1] == 201.0);
}

BOOST_AUTO_TEST_CASE(constant_evaluation_uses_the_same_schedule) {
  constexpr auto u = counted(x);
  static_assert((u * u + u)(x = 1.5) == 12.0);
  calls = 0;
  BOOST_TEST((u * u + u)(x = 1.5) == 12.0);
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(exact_constant_times_run_time_number_is_one_factor) {
  // d/dx 100 x^3 is 3 * (100 * x^2): the exact 3 and the run-time 100 are
  // multiplied first, as a person writes 300 * x^2. At x = 0.1 the two
  // orders of the products round differently.
  volatile double three = 3, hundred = 100;
  const double x0 = 0.1;
  const auto dc = derivative(100.0 * pow<3>(x), x);
  BOOST_TEST(dc(x = x0) == (three * hundred) * (x0 * x0));
  BOOST_TEST(dc(x = x0) != three * (hundred * (x0 * x0)));
  static_assert(derivative(100.0 * pow<3>(x), x)(x = 0.1) == 300.0 * (0.1 * 0.1));
}

BOOST_AUTO_TEST_CASE(distinct_nodes_grow_polynomially) {
  // The derivative tree of tanh(x^2) at least doubles with each order; its
  // distinct nodes grow polynomially: by a factor that shrinks with the order.
  const auto t = tanh(x * x);
  const double n5 = static_cast<double>(nodes(derivative<5>(t, x)));
  const double n8 = static_cast<double>(nodes(derivative<8>(t, x)));
  const double n9 = static_cast<double>(nodes(derivative<9>(t, x)));
  const double n10 = static_cast<double>(nodes(derivative<10>(t, x)));
  const double n11 = static_cast<double>(nodes(derivative<11>(t, x)));
  BOOST_TEST_MESSAGE("tanh(x^2): " << n5 << " nodes at order 5, " << n10 << " at order 10");
  BOOST_TEST(n10 < 12 * n5);  // doubling would give 32 times as many
  BOOST_TEST(n11 / n10 < n9 / n8);
  BOOST_TEST(nodes(derivative<4>(pow<4>(x) - 2 * pow<2>(x), x)) == 1u);  // the constant 24
}

BOOST_AUTO_TEST_CASE(a_function_of_a_linear_argument_is_one_polynomial_per_order) {
  // tanh' = 1 - tanh^2, so d^k tanh(x)/dx^k is a polynomial of degree k + 1
  // in tanh(x), evaluated in Horner form: about one sum and one product per
  // coefficient, where the recurrences over every lower order took 151
  // nodes at order 8.
  BOOST_TEST(nodes(derivative<8>(tanh(x), x)) <= 2 * 8 + 6u);
  BOOST_TEST(nodes(derivative<12>(tanh(x), x)) <= 2 * 12 + 6u);
  BOOST_TEST(nodes(derivative<16>(tanh(x), x)) <= 2 * 16 + 6u);
  // exp' = exp: every order is exp(x) itself.
  BOOST_TEST(nodes(derivative<7>(exp(x), x)) == 2u);
  // Of a x + b too, times a^k: 2^8 (polynomial in tanh(2x)), a few nodes more.
  BOOST_TEST(nodes(derivative<8>(tanh(c<2> * x), x)) <= nodes(derivative<8>(tanh(x), x)) + 4);
  BOOST_TEST(nodes(derivative<8>(tanh(2.0 * x + 0.5), x)) <= nodes(derivative<8>(tanh(x), x)) + 8);
}
