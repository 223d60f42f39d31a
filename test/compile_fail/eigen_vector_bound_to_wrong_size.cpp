// expect-error: vector_variable_bound_to_array_of_another_size<3, 2, 'v'>
#include <tdiff/eigen.hpp>
#include <tdiff/tdiff.hpp>

constexpr auto v = tdiff::var<"v", 3>;
int main() {
  constexpr auto f = get<0>(v) + get<2>(v);
#ifdef TDIFF_SHOULD_FAIL
  return static_cast<int>(f(v = Eigen::Vector2d(1.0, 2.0)));
#else
  return static_cast<int>(f(v = Eigen::Vector3d(1.0, 2.0, 3.0)));
#endif
}
