// expect-error: tdiff: eval: the first argument must be a tdiff expression
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>(tdiff::eval(2.0, x = 1.0));
#else
  return static_cast<int>(tdiff::eval(2 * x, x = 1.0));
#endif
}
