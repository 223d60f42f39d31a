// expect-error: tdiff: an expression cannot be reassigned: .*tdiff::sum<N>
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
  auto s = x * x;
#ifdef TDIFF_SHOULD_FAIL
  for (int i = 0; i < 3; ++i) s = s + x * x;  // the type of s + x*x is not the type of s
#else
  auto s2 = s + x * x;
  s = x * x;  // the same type: a plain copy
  (void)s2;
#endif
  return static_cast<int>(s(x = 1.0));
}
