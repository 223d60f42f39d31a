// expect-error: vector_variable_bound_to_array_of_another_size<3, 2, 'v'>
#include <tdiff/tdiff.hpp>

#include <array>
constexpr auto v = tdiff::var<"v", 3>;
int main() {
  constexpr auto f = get<0>(v) + get<2>(v);
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>(f(v = std::array{1.0, 2.0}));
#else
  return static_cast<int>(f(v = std::array{1.0, 2.0, 3.0}));
#endif
}
