// SPDX-License-Identifier: BSL-1.0
// Vector variables (var<"v", N>): components, std::array bindings, sum<N> and
// prod<N>, gradient / hessian / jacobian over vector and scalar variables in
// any mix. Expected values: the chained Rosenbrock's gradient and Hessian
// worked out by hand (loops over the closed forms below), and small cases
// by hand; constant evaluation checked by static_assert.
#define BOOST_TEST_MODULE static_vector
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>

using namespace tdiff;

namespace {

template <std::size_t I>
using ix = std::integral_constant<std::size_t, I>;

constexpr auto v = var<"v", 4>;
constexpr auto y = var<"y">;

/// sum_{i<3} 100 (v[i+1] - v[i]^2)^2 + (1 - v[i])^2
constexpr auto rosenbrock =
    sum<3>([](auto i) { return 100 * pow<2>(v[ix<i + 1>{}] - pow<2>(v[i])) + pow<2>(1 - v[i]); });

// Its derivatives by hand: g_k = -400 v_k (v_{k+1} - v_k^2) - 2 (1 - v_k) [k < 3]
//                               + 200 (v_k - v_{k-1}^2) [k > 0]
std::array<double, 4> rosenbrock_gradient(const std::array<double, 4>& p) {
  std::array<double, 4> g{};
  for (std::size_t k = 0; k < 4; ++k) {
    if (k < 3) g[k] += -400 * p[k] * (p[k + 1] - p[k] * p[k]) - 2 * (1 - p[k]);
    if (k > 0) g[k] += 200 * (p[k] - p[k - 1] * p[k - 1]);
  }
  return g;
}
// H_kk = 1200 v_k^2 - 400 v_{k+1} + 2 [k < 3] + 200 [k > 0]; H_k,k+1 = -400 v_k
std::array<std::array<double, 4>, 4> rosenbrock_hessian(const std::array<double, 4>& p) {
  std::array<std::array<double, 4>, 4> h{};
  for (std::size_t k = 0; k < 4; ++k) {
    if (k < 3) {
      h[k][k] += 1200 * p[k] * p[k] - 400 * p[k + 1] + 2;
      h[k][k + 1] = h[k + 1][k] = -400 * p[k];
    }
    if (k > 0) h[k][k] += 200;
  }
  return h;
}

}  // namespace

BOOST_AUTO_TEST_CASE(components_are_scalar_variables_named_by_index) {
  constexpr auto v2 = get<2>(v);
  static_assert(std::is_same_v<std::remove_cv_t<decltype(v2)>, decltype(v[ix<2>{}])>);
  const auto [a, b, c, d] = v;
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(a)>, decltype(get<0>(v))>);
  BOOST_TEST(to_string(a * d + c) == "v[0]*v[3] + v[2]");
  BOOST_TEST(to_string(get<1>(var<"weight", 12>) + var<"weight", 12>[ix<11>{}]) == "weight[1] + weight[11]");
  // a component is a variable like any other: bound alone, or differentiated by
  BOOST_TEST((b * y)(get<1>(v) = 3.0, y = 2.0) == 6.0);
  BOOST_TEST(derivative(b * b * y, b)(b = 3.0, y = 2.0) == 12.0);
}

BOOST_AUTO_TEST_CASE(an_array_binds_every_component) {
  static_assert(rosenbrock(v = std::array{1.0, 1.0, 1.0, 1.0}) == 0.0);
  // 100 (1 - 0)^2 + 1 + 100 (2 - 1)^2 + 0 + 100 (3 - 4)^2 + 1 = 302
  BOOST_TEST(rosenbrock(v = std::array{0.0, 1.0, 2.0, 3.0}) == 302.0);
  BOOST_TEST(eval(get<3>(v) * y, y = 2.0, v = std::array{0.0, 0.0, 0.0, 5.0}) == 10.0);
  static_assert(prod<4>([](auto i) { return v[i]; })(v = std::array{1.0, 2.0, 3.0, 4.0}) == 24.0);
  static_assert(sum<4>([](auto i) { return (1.0 + i) * v[i]; })(v = std::array{1.0, 1.0, 1.0, 1.0}) == 10.0);
}

BOOST_AUTO_TEST_CASE(gradient_and_hessian_of_the_chained_rosenbrock) {
  constexpr auto g = gradient(rosenbrock, v);
  constexpr auto h = hessian(rosenbrock, v);
  for (const std::array<double, 4> p : {std::array{0.5, -1.0, 2.0, 0.25}, std::array{1.0, 1.0, 1.0, 1.0},
                                        std::array{-1.5, 0.75, 3.0, -2.0}}) {
    const std::array<double, 4> gv = eval(g, v = p);
    const auto hv = eval(h, v = p);
    const auto gt = rosenbrock_gradient(p);
    const auto ht = rosenbrock_hessian(p);
    for (std::size_t i = 0; i < 4; ++i) {
      BOOST_TEST(gv[i] == gt[i], boost::test_tools::tolerance(1e-14));
      for (std::size_t j = 0; j < 4; ++j)
        BOOST_TEST(hv[i][j] == ht[i][j], boost::test_tools::tolerance(1e-14));
    }
  }
  // the minimum, in a constant expression
  static_assert(eval(gradient(rosenbrock, v), v = std::array{1.0, 1.0, 1.0, 1.0}) ==
                std::array{0.0, 0.0, 0.0, 0.0});
  static_assert(eval(hessian(rosenbrock, v), v = std::array{1.0, 1.0, 1.0, 1.0})[1][1] == 1002.0);
}

BOOST_AUTO_TEST_CASE(the_hessian_builds_each_symmetric_pair_once) {
  constexpr auto x = var<"x">;
  constexpr auto h = hessian(sin(x * y) + pow<3>(x), x, y);
  using h01 = std::remove_cvref_t<decltype(boost::hana::at_c<1>(boost::hana::at_c<0>(h)))>;
  using h10 = std::remove_cvref_t<decltype(boost::hana::at_c<0>(boost::hana::at_c<1>(h)))>;
  static_assert(std::is_same_v<h01, h10>);
  // d2/dxdy sin(xy) = cos(xy) - xy sin(xy)
  const auto hv = eval(h, x = 0.5, y = 2.0);
  BOOST_TEST(hv[0][1] == std::cos(1.0) - std::sin(1.0), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(hv[0][0] == -4.0 * std::sin(1.0) + 3.0, boost::test_tools::tolerance(1e-15));  // -y^2 sin + 6x
}

BOOST_AUTO_TEST_CASE(vector_and_scalar_variables_flatten_in_order) {
  constexpr auto u = var<"u", 2>;
  constexpr auto f = get<0>(u) * y + pow<2>(get<1>(u)) * y;  // gradient (y, 2 u1 y, u0 + u1^2)
  static_assert(eval(gradient(f, u, y), u = std::array{1.0, 2.0}, y = 3.0) == std::array{3.0, 12.0, 5.0});
  static_assert(eval(gradient(f, y, u), u = std::array{1.0, 2.0}, y = 3.0) == std::array{5.0, 3.0, 12.0});
  const auto h = eval(hessian(f, u, y), u = std::array{1.0, 2.0}, y = 3.0);
  const std::array<std::array<double, 3>, 3> expected{{{0, 0, 1}, {0, 6, 4}, {1, 4, 0}}};
  BOOST_TEST((h == expected));
}

BOOST_AUTO_TEST_CASE(jacobian_of_a_map) {
  constexpr auto u = var<"u", 2>;
  // F(u, y) = (u0 u1, sin(y) + u0): rows (u1, u0, 0) and (1, 0, cos y)
  constexpr auto F = boost::hana::make_tuple(get<0>(u) * get<1>(u), sin(y) + get<0>(u));
  const std::array<std::array<double, 3>, 2> j = eval(jacobian(F, u, y), u = std::array{2.0, 3.0}, y = 0.5);
  BOOST_TEST(j[0][0] == 3.0);
  BOOST_TEST(j[0][1] == 2.0);
  BOOST_TEST(j[0][2] == 0.0);
  BOOST_TEST(j[1][0] == 1.0);
  BOOST_TEST(j[1][1] == 0.0);
  BOOST_TEST(j[1][2] == std::cos(0.5));
}
