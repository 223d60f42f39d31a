// expect-error: variable_is_bound_twice<'x'>
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
  constexpr auto y = tdiff::var<"y">;
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>((x + y)(x = 1.0, y = 2.0, x = 3.0));
#else
  return static_cast<int>((x + y)(x = 1.0, y = 2.0));
#endif
}
