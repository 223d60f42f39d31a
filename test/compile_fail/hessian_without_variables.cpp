// expect-error: tdiff: hessian: name at least one variable
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
#ifdef TDIFF_SHOULD_FAIL
  auto h = tdiff::hessian(x * x);
#else
  auto h = tdiff::hessian(x * x, x);
#endif
  return static_cast<int>(tdiff::eval(h, x = 1.0)[0][0]);
}
