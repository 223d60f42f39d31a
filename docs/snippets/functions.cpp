// SPDX-License-Identifier: BSL-1.0
// The guide's functions section: the second round of functions, piecewise
// functions with PyTorch's conventions, and a function of the user's own in
// both modes. Every value is checked.
#include <tdiff/dynamic.hpp>
#include <tdiff/tdiff.hpp>

#include <cassert>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

//! [softplus]
// In the user's own header: one rule, both modes.
struct softplus_rule {
  static constexpr std::string_view name = "softplus";
  template <class T>
  static constexpr T value(const T& v) {  // f(v), constexpr: usable in static_assert
    return tdiff::math::log1p(tdiff::math::exp(v));
  }
  static constexpr auto derivative(const auto& x, const auto&) {  // f'(x), given y = f(x)
    return 1 / (1 + exp(-x));                                     // tdiff's vocabulary only
  }
};
inline constexpr tdiff::function<softplus_rule> softplus{};
//! [softplus]

//! [generic]
// Written once for anything number-like: double, tdiff expressions, Variables.
// Each argument has a type of its own (var<"x"> and var<"y"> are different
// types), and the result is whatever the arithmetic builds: return auto
// (constexpr: expressions are built at compile time).
template <class X, class Y>
constexpr auto banana(const X& x, const Y& y) {
  using std::exp;  // for double; tdiff's exp is found by argument-dependent lookup
  return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) + exp(x * y);
}
//! [generic]

using namespace tdiff;

int main() {
  //! [more_functions]
  constexpr auto x = var<"x">;
  constexpr auto y = var<"y">;
  static_assert(derivative(erf(x), x)(x = 0.0) == 1.1283791670955126);  // 2/sqrt(pi)
  static_assert(derivative(atan2(y, x), y)(x = 1.0, y = 0.0) == 1.0);
  constexpr double h = hypot(x, 1e300)(x = 1e300);  // no overflow: 1.414...e300
  static_assert(tdiff::math::cbrt(-27.0) == -3.0);  // tdiff's constexpr <cmath>
  //! [more_functions]
  assert(h == 1.4142135623730951e300);

  //! [piecewise]
  constexpr auto leaky = where(x > 0, x, 0.1 * x);
  static_assert(derivative(leaky, x)(x = -2.0) == 0.1);
  static_assert(derivative(abs(x), x)(x = 0.0) == 0.0);              // abs'(0) = 0
  static_assert(derivative(max(x, y), x)(x = 1.0, y = 1.0) == 0.5);  // a tie splits evenly
  // to_string(derivative(max(x, y), x)) == "where(y < x, 1, where(x < y, 0, 1/2))"
  //! [piecewise]
  assert(to_string(derivative(max(x, y), x)) == "where(y < x, 1, where(x < y, 0, 1/2))");
  assert(to_string(leaky) == "where(x > 0, x, 0.1*x)");

  //! [softplus_use]
  static_assert(softplus(x)(x = 0.0) == 0.6931471805599453);  // log 2, at compile time
  constexpr auto d3 = derivative<3>(softplus(2 * x), x);      // a type like any other
  // to_string(derivative(softplus(2 * x), x)) == "2/(1 + exp(-2*x))"
  tdiff::dynamic::Variable v(0.5);
  tdiff::dynamic::Variable s = softplus(2.0 * v);  // the runtime mode
  s.backward({.create_graph = true});              // v.grad() = 2/(1 + e^-1)
  //! [softplus_use]
  std::printf("softplus'(2x) at 0.5: %.15f (compile-time), %.15f (runtime)\n",
              derivative(softplus(2 * x), x)(x = 0.5), v.grad()->item());
  assert(to_string(derivative(softplus(2 * x), x)) == "2/(1 + exp(-2*x))");
  assert(std::fabs(v.grad()->item() - 2 / (1 + std::exp(-1.0))) < 1e-15);
  // d3 = 8 s (1 - s)(1 - 2 s), s = 1/(1 + e^-1), at x = 0.5
  const double sg = 1 / (1 + std::exp(-1.0));
  assert(std::fabs(d3(x = 0.5) - 8 * sg * (1 - sg) * (1 - 2 * sg)) < 1e-14);
  std::printf("d3 softplus(2x) at 0.5 = %.15f\n", d3(x = 0.5));

  //! [generic_use]
  const double value = banana(0.5, 2.0);  // a number
  constexpr auto f = banana(x, y);        // an expression: differentiate it
  const double dfdx = derivative(f, x)(x = 0.5, y = 2.0);
  tdiff::dynamic::Variable vx(0.5), vy(2.0);
  tdiff::dynamic::Variable b = banana(vx, vy);  // a recorded graph
  b.backward();                                 // vx.grad()->item() == dfdx
  //! [generic_use]
  // By hand: f = (1-x)^2 + 100 (y - x^2)^2 + e^(xy); at (0.5, 2): 0.25 + 306.25 + e,
  // df/dx = -2(1 - x) - 400 x (y - x^2) + y e^(xy) = -351 + 2e.
  assert(std::fabs(value - (306.5 + std::exp(1.0))) < 1e-12);
  assert(std::fabs(f(x = 0.5, y = 2.0) - value) < 1e-12);
  assert(std::fabs(dfdx - (-351 + 2 * std::exp(1.0))) < 1e-12);
  assert(std::fabs(vx.grad()->item() - dfdx) < 1e-12);
  assert(std::fabs(b.item() - value) < 1e-12);
  std::printf("banana at (0.5, 2): %.15f, d/dx %.15f (both modes agree)\n", value, dfdx);
  return 0;
}
