// SPDX-License-Identifier: BSL-1.0
// The guide's vector variables: N variables under one name, sum<N>, and
// gradient / hessian / jacobian over them. Every value is checked.
#include <tdiff/tdiff.hpp>

#include <array>
#include <cassert>
#include <cstdio>
#include <string>

using namespace tdiff;

//! [vectors]
constexpr auto v = var<"v", 3>;  // components v[0], v[1], v[2]: variables
template <std::size_t I>
constexpr auto at = v[std::integral_constant<std::size_t, I>{}];

// The chained Rosenbrock function: i runs over integral_constant<size_t, 0> and <1>
constexpr auto rosen = sum<2>([](auto i) {
  return 100 * pow<2>(v[std::integral_constant<std::size_t, i + 1>{}] - pow<2>(v[i])) + pow<2>(1 - v[i]);
});
static_assert(rosen(v = std::array{1.0, 1.0, 1.0}) == 0.0);  // a std::array binds every component

constexpr auto g = eval(gradient(rosen, v), v = std::array{0.0, 1.0, 2.0});
constexpr auto H = eval(hessian(rosen, v), v = std::array{0.0, 1.0, 2.0});  // 3 x 3
static_assert(g[0] == -2.0 && g[1] == -200.0 && g[2] == 200.0 && H[1][1] == 602.0 && H[0][1] == 0.0);

// A Jacobian: the rows are the gradients of the components of a map
constexpr auto y = var<"y">;
constexpr auto F = boost::hana::make_tuple(at<0> * y, at<1> + at<2> * y);
constexpr auto J = eval(jacobian(F, v, y), v = std::array{1.0, 2.0, 3.0}, y = 4.0);  // 2 x 4
static_assert(J[0] == std::array{4.0, 0.0, 0.0, 1.0} && J[1] == std::array{0.0, 1.0, 4.0, 3.0});
//! [vectors]

int main() {
  const auto [a, b, c] = v;  // structured bindings: three variables
  assert(to_string(a * b + c) == "v[0]*v[1] + v[2]");
  std::printf("rosen gradient at (0, 1, 2): %g %g %g\n", g[0], g[1], g[2]);
}
