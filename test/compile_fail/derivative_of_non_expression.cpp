// expect-error: tdiff: derivative: the function to differentiate must be a tdiff expression
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
#ifdef TDIFF_SHOULD_FAIL
  constexpr double f = 3.0;
#else
  constexpr auto f = 3 * x;
#endif
  return static_cast<int>(tdiff::derivative(f, x)(x = 1.0));
}
