// expect-error: tdiff: derivative: can only differentiate with respect to a variable
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
  constexpr auto f = tdiff::pow<3>(x);
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>(tdiff::derivative(f, 2.0)(x = 1.0));
#else
  return static_cast<int>(tdiff::derivative(f, x)(x = 1.0));
#endif
}
