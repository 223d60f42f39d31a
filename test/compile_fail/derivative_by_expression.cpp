// expect-error: tdiff: derivative: can only differentiate with respect to a variable
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
  constexpr auto y = tdiff::var<"y">;
  constexpr auto f = x * y;
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>(tdiff::derivative(f, x, x * y)(x = 1.0, y = 1.0));
#else
  return static_cast<int>(tdiff::derivative(f, x, y)(x = 1.0, y = 1.0));
#endif
}
