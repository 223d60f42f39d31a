// SPDX-License-Identifier: BSL-1.0
// The two modes against each other and against finite differences: for
// every function, orders 1..3 of the compile-time derivative type, of the
// dynamic graph's repeated backward, and of long-double central differences
// agree.
#define BOOST_TEST_MODULE dynamic_modes
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>
#include <tdiff/tdiff.hpp>

#include <cmath>
#include <utility>

#include "dezero_loop.hpp"
#include "reference.hpp"

namespace bdata = boost::unit_test::data;
namespace dyn = tdiff::dynamic;

namespace {
constexpr auto x = tdiff::var<"x">;

/// Orders 1..3 by DeZero's loop of create_graph backward passes.
template <class F>
std::array<double, 3> dynamic_orders(F f, double at) {
  dyn::Variable v(at);
  std::array<double, 3> r{};
  // no gradient reaching x (a derivative that is constant in x) reads as 0
  dezero_loop(v, f, 3,
              [&](int k, const auto& g) { r[static_cast<std::size_t>(k - 1)] = g ? g->item() : 0.0; });
  return r;
}

/// The laws for one function, written once: f is a generic lambda applied to
/// a tdiff expression, a dynamic Variable and a long double.
template <class F>
void check_laws(F f, double at, const char* name) {
  const auto e = f(x);
  const std::array<double, 3> fixed{tdiff::derivative<1>(e, x)(x = at), tdiff::derivative<2>(e, x)(x = at),
                                    tdiff::derivative<3>(e, x)(x = at)};
  const auto dynamic = dynamic_orders([&](const dyn::Variable& v) { return f(v); }, at);
  for (unsigned n = 1; n <= 3; ++n) {
    const double fd =
        static_cast<double>(reference::derivative([&](long double t) { return f(t); }, at, n, 0.02L));
    BOOST_TEST_CONTEXT(name << ", order " << n << " at " << at) {
      BOOST_TEST(fixed[n - 1] == dynamic[n - 1], boost::test_tools::tolerance(1e-12));
      BOOST_TEST(std::fabs(fixed[n - 1] - fd) <= 1e-8 * std::max(1.0, std::fabs(fd)));
    }
  }
}
}  // namespace

#define TDIFF_LAW(fn)     \
  check_laws(             \
      [](const auto& t) { \
        using std::fn;    \
        return fn(t);     \
      },                  \
      at, #fn)

BOOST_DATA_TEST_CASE(every_function_agrees_across_modes, bdata::make({-0.55, 0.3, 0.8}), at) {
  TDIFF_LAW(sin);
  TDIFF_LAW(cos);
  TDIFF_LAW(tan);
  TDIFF_LAW(exp);
  TDIFF_LAW(tanh);
  TDIFF_LAW(sinh);
  TDIFF_LAW(cosh);
  TDIFF_LAW(asin);
  TDIFF_LAW(acos);
  TDIFF_LAW(atan);
  check_laws(
      [](const auto& t) {
        using std::log;
        return log(t + 2);
      },
      at, "log");
  check_laws(
      [](const auto& t) {
        using std::sqrt;
        return sqrt(t + 2);
      },
      at, "sqrt");
  check_laws(
      [](const auto& t) {
        using std::pow;
        return pow(t + 2, 3.5);
      },
      at, "pow");
  check_laws([](const auto& t) { return (t * t - 3 * t) / (t + 2) - 1 / (t - 2); }, at, "arithmetic");
}

namespace {
/// where for long double (the reference), found beside tdiff's overloads.
long double where(bool c, long double a, long double b) { return c ? a : b; }
}  // namespace

BOOST_DATA_TEST_CASE(second_round_functions_agree_across_modes, bdata::make({-0.55, 0.3, 0.8}), at) {
  TDIFF_LAW(log1p);
  TDIFF_LAW(expm1);
  TDIFF_LAW(erf);
  TDIFF_LAW(erfc);
  TDIFF_LAW(asinh);
  TDIFF_LAW(atanh);
  TDIFF_LAW(cbrt);
  check_laws(
      [](const auto& t) {
        using std::acosh;
        return acosh(t + 2);
      },
      at, "acosh");
  check_laws(
      [](const auto& t) {
        using std::atan2;
        using std::sin;
        return atan2(sin(t), t + 2);
      },
      at, "atan2");
  check_laws(
      [](const auto& t) {
        using std::atan2;
        return atan2(0.5L, t);
      },
      at, "atan2 of a number");
  check_laws(
      [](const auto& t) {
        using std::hypot;
        return hypot(t, 2 * t + 1);
      },
      at, "hypot");
  // piecewise, at points away from kinks and ties
  check_laws(
      [](const auto& t) {
        using std::abs;
        return abs(t * t - 0.2);
      },
      at, "abs");
  check_laws(
      [](const auto& t) {
        using std::min;
        return min(t * t, 0.5 - t);
      },
      at, "min");
  check_laws(
      [](const auto& t) {
        using std::max;
        return max(t * t, 0.5 - t);
      },
      at, "max");
  check_laws(
      [](const auto& t) {
        using std::max;
        return max(t, 0.0L);
      },
      at, "max with a number");
  check_laws(
      [](const auto& t) {
        using std::exp;
        return where(t > 0, t * t * t, exp(t) - 1);
      },
      at, "where");
}
