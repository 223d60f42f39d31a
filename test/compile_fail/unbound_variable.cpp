// expect-error: variable_is_not_bound<'y'>
// Evaluating without a value for every variable names the missing variable.
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
  constexpr auto y = tdiff::var<"y">;
  constexpr auto f = x * y + 1;
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>(f(x = 2.0));
#else
  return static_cast<int>(f(x = 2.0, y = 1.0));
#endif
}
