// expect-error: tdiff: only a variable can be given a value
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
#ifdef TDIFF_SHOULD_FAIL
  auto b = (x + 1) = 2.0;
#else
  auto b = x = 2.0;
#endif
  return static_cast<int>((x * x)(b));
}
