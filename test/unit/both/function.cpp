// SPDX-License-Identifier: BSL-1.0
// tdiff::function<Rule>: a user's function, defined once, in both modes:
// compile-time derivatives of any order (closed forms of the logistic
// function), printing, constant evaluation; runtime Variables with
// create_graph; numbers written in a rule stay correct.
#define BOOST_TEST_MODULE both_function
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>
#include <tdiff/tdiff.hpp>

#include <cmath>
#include <string>

#include "dezero_loop.hpp"
#include "reference.hpp"
#include "user_rules.hpp"

namespace dyn = tdiff::dynamic;
using tdiff::derivative;
using user::cube;
using user::double_it;
using user::softplus;

namespace {
constexpr auto x = tdiff::var<"x">;

long double logistic(long double u) { return 1 / (1 + std::exp(-u)); }
}  // namespace

// Constant evaluation through the rule's constexpr value and derivative.
static_assert(softplus(x)(x = 0.0) > 0.6931471805599452 && softplus(x)(x = 0.0) < 0.6931471805599454);
static_assert(derivative(softplus(x), x)(x = 0.0) == 0.5);
static_assert(derivative(double_it(x), x)(x = 3.0) == 2.0);
static_assert(tdiff::node_count(cube(tdiff::c<0>)) == 1);  // at_zero folds cube(0) to 0

BOOST_AUTO_TEST_CASE(softplus_orders_1_to_3_are_the_logistic_closed_forms) {
  // d/dx softplus(2x) = 2 s, then 4 s (1 - s), then 8 s (1 - s)(1 - 2 s), s = logistic(2x).
  for (const double at : {-1.5, -0.2, 0.0, 0.7, 2.5}) {
    const long double s = logistic(2.0L * at);
    BOOST_TEST_CONTEXT("x = " << at) {
      const double tol = 1e-14;
      BOOST_TEST(derivative(softplus(2 * x), x)(x = at) == static_cast<double>(2 * s),
                 boost::test_tools::tolerance(tol));
      BOOST_TEST(derivative<2>(softplus(2 * x), x)(x = at) == static_cast<double>(4 * s * (1 - s)),
                 boost::test_tools::tolerance(tol));
      BOOST_TEST(
          derivative<3>(softplus(2 * x), x)(x = at) == static_cast<double>(8 * s * (1 - s) * (1 - 2 * s)),
          boost::test_tools::tolerance(tol));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_user_function_prints_its_name) {
  BOOST_TEST(tdiff::to_string(softplus(2 * x)) == "softplus(2*x)");
  BOOST_TEST(tdiff::to_string(derivative(softplus(x), x)) == "1/(1 + exp(-x))");
  BOOST_TEST(tdiff::to_dot(softplus(x)).find("label=\"softplus\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(numbers_in_a_rule_are_exact_constants_of_the_derivative) {
  // 5 * double_it(x) = 10x: the rule's 2.0 is not the outer 5.0 (it was 25).
  BOOST_TEST(derivative(5.0 * double_it(x), x)(x = 1.0) == 10.0);
  BOOST_TEST(derivative(double_it(x) * 7.5, x)(x = 1.0) == 15.0);
  BOOST_TEST(derivative(double_it(0.5 * x) * 3.0, x)(x = 4.0) == 3.0);
  BOOST_TEST(tdiff::to_string(derivative(double_it(x), x)) == "2");
  // cube's rule writes 1.5f and 1.5: 3 y / x = 3 x^2, with the outer 0.5 kept.
  BOOST_TEST(derivative(cube(0.5 * x), x)(x = 2.0) == 1.5, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(derivative<2>(4.0 * cube(x), x)(x = 2.0) == 48.0, boost::test_tools::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(runtime_mode_uses_the_same_rule) {
  for (const double at : {-0.8, 0.3, 1.9}) {
    dyn::Variable v(at);
    const long double s = logistic(2.0L * at);
    const double want[] = {static_cast<double>(2 * s), static_cast<double>(4 * s * (1 - s)),
                           static_cast<double>(8 * s * (1 - s) * (1 - 2 * s))};
    dezero_loop(
        v, [](const dyn::Variable& t) { return softplus(2.0 * t); }, 3,
        [&](int k, const auto& g) {
          BOOST_TEST_CONTEXT("x = " << at << ", order " << k) {
            BOOST_TEST(g->item() == want[k - 1], boost::test_tools::tolerance(1e-13));
          }
        });
    dyn::Variable w(at);
    dyn::Variable y = 5.0 * double_it(w);
    y.backward();
    BOOST_TEST(w.grad()->item() == 10.0);
  }
  dyn::Variable v(0.25);
  BOOST_TEST(std::string(softplus(v).creator_name()) == "Softplus");
  BOOST_TEST(softplus(v).item() == std::log1p(std::exp(0.25)), boost::test_tools::tolerance(1e-15));
}
