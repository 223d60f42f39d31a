// SPDX-License-Identifier: BSL-1.0
// The guided tour run by tools/demo: the seed notebook's examples (DeZero steps
// 33-36) in tdiff's compile-time mode. Every printed value is also checked.
#include <tdiff/tdiff.hpp>

#include <cassert>
#include <cstdio>
#include <string>

using namespace tdiff;

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

  std::printf("\nEverything above was also checked by static_assert at compile time.\n");
  return 0;
}
