// expect-error: tdiff: an exact rational constant overflows std::intmax_t \(or divides by zero\)
#include <tdiff/tdiff.hpp>
int main() {
#ifdef TDIFF_SHOULD_FAIL
  constexpr auto e = tdiff::pow<-1>(tdiff::c<0>);
#else
  constexpr auto e = tdiff::pow<-1>(tdiff::c<2>);
#endif
  return static_cast<int>(e());
}
