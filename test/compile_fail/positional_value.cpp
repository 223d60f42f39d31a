// expect-error: tdiff: evaluate an expression with named values
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>((x * x)(2.0));
#else
  return static_cast<int>((x * x)(x = 2.0));
#endif
}
