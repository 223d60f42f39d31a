// SPDX-License-Identifier: BSL-1.0
// The README's 30-second example.
#include <cassert>
#include <string>

//! [quickstart]
#include <tdiff/tdiff.hpp>
using namespace tdiff;

constexpr auto x = var<"x">;
constexpr auto f = pow<4>(x) - 2 * pow<2>(x);

static_assert(derivative(f, x)(x = 2.0) == 24.0);     // 4x^3 - 4x
static_assert(derivative<2>(f, x)(x = 2.0) == 44.0);  // 12x^2 - 4
static_assert(derivative<4>(f, x)(x = 2.0) == 24.0);  // the type is the constant 24

int main() {
  std::string d1 = to_string(derivative(f, x));    // "4*x^3 - 4*x"
  double d2 = eval(derivative<2>(f, x), x = 1.5);  // 23, at run time too
  //! [quickstart]
  assert(d1 == "4*x^3 - 4*x");
  assert(d2 == 23.0);
}
