// expect-error: tdiff: an exact rational constant overflows std::intmax_t
#include <cstdint>
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
  constexpr std::intmax_t big = INTMAX_MAX / 2;
#ifdef TDIFF_SHOULD_FAIL
  constexpr auto f = tdiff::c<big> * tdiff::c<3> * x;
#else
  constexpr auto f = tdiff::c<big> * tdiff::c<2> * x;
#endif
  return static_cast<int>(f(x = 0.0));
}
