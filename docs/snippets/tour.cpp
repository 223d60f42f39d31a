// SPDX-License-Identifier: BSL-1.0
// The guided tour run by tools/demo: the seed notebook's examples (DeZero steps
// 33-36) in tdiff's compile-time mode. Every printed value is also checked.
#include <tdiff/dynamic.hpp>
#include <tdiff/tdiff.hpp>

#include <cassert>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <valarray>

using namespace tdiff;
namespace dyn = tdiff::dynamic;

//! [seed]
constexpr auto x = var<"x">;
constexpr auto f = pow<4>(x) - 2 * pow<2>(x);

// The 4th derivative *is* the constant 24: checked by the compiler.
static_assert(derivative<4>(f, x)(x = 2.0) == 24.0);
//! [seed]

//! [newton]
constexpr double newton(double v, int steps) {
  constexpr auto df = derivative(f, x);
  constexpr auto d2f = derivative<2>(f, x);
  for (int k = 0; k < steps; ++k) v -= df(x = v) / d2f(x = v);
  return v;
}
static_assert(newton(2.0, 7) == 1.0);  // exactly 1, at compile time
//! [newton]

namespace {
void section(const char* title) { std::printf("\n== %s\n", title); }

template <std::size_t N>
void show_order(const std::string& expected_text, double expected_value) {
  const auto d = derivative<N>(f, x);
  const double v = d(x = 2.0);
  std::printf("  d^%zu f/dx^%zu = %-14s  at x = 2: %g\n", N, N, to_string(d).c_str(), v);
  assert(to_string(d) == expected_text && v == expected_value);
}
}  // namespace

int main() {
  std::printf("tdiff %d.%d.%d: derivatives as types, computed by the compiler\n",
              TDIFF_VERSION_MAJOR, TDIFF_VERSION_MINOR, TDIFF_VERSION_PATCH);

  section("Step 33: f(x) = x^4 - 2x^2 and its derivatives");
  std::printf("  f = %s\n", to_string(f).c_str());
  show_order<1>("4*x^3 - 4*x", 24);
  show_order<2>("12*x^2 - 4", 44);
  show_order<3>("24*x", 48);
  show_order<4>("24", 24);
  show_order<5>("0", 0);

  section("Step 33: Newton's method, x <- x - f'(x)/f''(x), from x = 2");
  for (int k = 0; k <= 7; ++k) std::printf("  %d  %.17g\n", k, newton(2.0, k));
  assert(newton(2.0, 7) == 1.0);

  section("Step 36: double backprop, y = x^2, z = (dy/dx)^3 + y");
  //! [double_backprop]
  constexpr auto y = pow<2>(x);
  constexpr auto z = pow<3>(derivative(y, x)) + y;
  static_assert(derivative(z, x)(x = 2.0) == 100.0);
  //! [double_backprop]
  std::printf("  z = %s,  dz/dx = %s = %g at x = 2\n", to_string(z).c_str(),
              to_string(derivative(z, x)).c_str(), derivative(z, x)(x = 2.0));
  assert(to_string(derivative(z, x)) == "24*x^2 + 2*x");

  section("Rosenbrock (a = 1, b = 100) at (0, 2)");
  //! [rosenbrock]
  constexpr auto x0 = var<"x0">;
  constexpr auto x1 = var<"x1">;
  constexpr auto r = 100 * pow<2>(x1 - x0 * x0) + pow<2>(1 - x0);
  constexpr auto g = eval(gradient(r, x0, x1), x0 = 0.0, x1 = 2.0);    // {-2, 400}
  constexpr auto H = eval(hessian(r, x0, x1), x0 = 0.0, x1 = 2.0);     // {{-798, 0}, {0, 200}}
  static_assert(g[0] == -2.0 && g[1] == 400.0 && H[0][0] == -798.0 && H[1][1] == 200.0);
  //! [rosenbrock]
  // (+ 0.0 turns the -0 of -400 * x0 at x0 = 0 into 0 for printing)
  std::printf("  gradient = (%g, %g)\n  hessian  = [[%g, %g], [%g, %g]]\n", g[0], g[1], H[0][0],
              H[0][1] + 0.0, H[1][0] + 0.0, H[1][1]);
  std::printf("  d r/dx0 = %s\n", to_string(derivative(r, x0)).c_str());

  section("Steps 34-35: sin and tanh, derivatives of any order");
  //! [sin_tanh]
  static_assert(derivative<4>(sin(x), x)(x = 0.5) == 0.479425538604203);  // sin 0.5, constexpr
  const std::valarray<double> xs = {-1.0, 0.0, 1.0};
  const std::valarray<double> d3 = derivative<3>(sin(x), x)(x = xs);   // -cos, elementwise
  const auto d2_tanh = derivative<2>(tanh(x), x);
  // to_string(d2_tanh) == "-2*tanh(x)*(1 - tanh(x)^2)"
  //! [sin_tanh]
  std::printf("  d3 sin/dx3 at -1, 0, 1: %.6f %.6f %.6f\n", d3[0], d3[1], d3[2]);
  std::printf("  d2 tanh/dx2 = %s\n", to_string(d2_tanh).c_str());
  assert(to_string(d2_tanh) == "-2*tanh(x)*(1 - tanh(x)^2)");
  std::ofstream("tanh_d2_static.dot") << to_dot(d2_tanh);
  std::printf("  its DAG (each distinct node once): tanh_d2_static.dot\n");

  section("Runtime mode: the same with DeZero's dynamic graph");
  //! [dynamic]
  dyn::Variable v(2.0);
  dyn::Variable fy = pow(v, 4) - 2 * pow(v, 2);
  fy.backward({.create_graph = true});
  dyn::Variable gv = *v.grad();  // 24, with a graph of its own
  v.cleargrad();
  gv.backward();                 // 44: the second derivative
  //! [dynamic]
  std::printf("  f'(2) = %g, f''(2) = %g\n", gv.item(), v.grad()->item());
  assert(gv.item() == 24.0 && v.grad()->item() == 44.0);

  dyn::Variable t(1.0);
  dyn::Variable th = tanh(t);
  th.backward({.create_graph = true});
  dyn::Variable g1 = *t.grad();
  t.cleargrad();
  g1.backward({.create_graph = true});
  dyn::Variable g2 = *t.grad();
  std::ofstream("tanh_d2_dynamic.dot") << dyn::to_dot(g2, false);
  std::printf("  tanh''(1) = %.15f; DeZero's graph of it: tanh_d2_dynamic.dot\n", g2.item());
  assert(std::fabs(g2.item() - derivative<2>(tanh(x), x)(x = 1.0)) < 1e-15);

  std::printf("\nEverything above was also checked by static_assert at compile time.\n");
  return 0;
}
