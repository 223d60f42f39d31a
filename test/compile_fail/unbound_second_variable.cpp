// expect-error: variable_is_not_bound<'r', 'h', 'o'>
// A multi-letter name is spelled out; the bound variable is not mentioned.
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
  constexpr auto rho = tdiff::var<"rho">;
  constexpr auto g = tdiff::gradient(x * x * rho, x, rho);
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>(tdiff::eval(g, x = 1.0)[0]);
#else
  return static_cast<int>(tdiff::eval(g, x = 1.0, rho = 2.0)[0]);
#endif
}
