// expect-error: value_bound_to_variable_is_not_a_number<'x'>
#include <string>
#include <tdiff/tdiff.hpp>
int main() {
  constexpr auto x = tdiff::var<"x">;
#ifdef TDIFF_SHOULD_FAIL
  auto v = std::string("2");
#else
  auto v = 2;
#endif
  return static_cast<int>((x * x)(x = v));
}
