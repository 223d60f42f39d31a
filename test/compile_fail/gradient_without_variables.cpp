// expect-error: tdiff: gradient: name at least one variable
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
#ifdef TDIFF_SHOULD_FAIL
  auto g = tdiff::gradient(x * x);
#else
  auto g = tdiff::gradient(x * x, x);
#endif
  return static_cast<int>(tdiff::eval(g, x = 1.0)[0]);
}
