// expect-error: tdiff: a variable needs a non-empty name
#include <tdiff/tdiff.hpp>
int main() {
#ifdef TDIFF_SHOULD_FAIL
  constexpr auto x = tdiff::var<"">;
#else
  constexpr auto x = tdiff::var<"x">;
#endif
  return static_cast<int>((x * 2)(x = 1.0));
}
