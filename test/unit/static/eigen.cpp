// SPDX-License-Identifier: BSL-1.0
// Eigen interop (<tdiff/eigen.hpp>, built when Eigen is installed): Eigen's
// fixed-size vectors bind vector variables, gradients, Hessians and
// Jacobians come out as Eigen types; a Newton iteration on the chained
// Rosenbrock function written with them reaches its minimum (1, 1, 1).
#define BOOST_TEST_MODULE static_eigen
#include <boost/test/unit_test.hpp>

#include <tdiff/eigen.hpp>
#include <tdiff/tdiff.hpp>

#include <Eigen/Cholesky>

#include <type_traits>

namespace {
using namespace tdiff;
constexpr auto v = var<"v", 3>;
template <std::size_t I>
constexpr auto at = v[std::integral_constant<std::size_t, I>{}];
constexpr auto rosen = sum<2>([](auto i) {
  return 100 * pow<2>(v[std::integral_constant<std::size_t, i + 1>{}] - pow<2>(v[i])) + pow<2>(1 - v[i]);
});
}  // namespace

BOOST_AUTO_TEST_CASE(eigen_vectors_bind_vector_variables) {
  BOOST_TEST(eval(rosen, v = Eigen::Vector3d(1.0, 1.0, 1.0)) == 0.0);
  BOOST_TEST(eval(rosen, v = Eigen::RowVector3d(0.0, 1.0, 2.0)) == 100 * 1 + 1 + 100 * 1 + 0.0);
  BOOST_TEST(eval(at<1> * 2.0, v = Eigen::Vector3f(1.0f, 1.5f, 2.0f)) == 3.0f);  // float stays float
}

BOOST_AUTO_TEST_CASE(gradient_hessian_and_jacobian_as_eigen_types) {
  const Eigen::Vector3d x(0.0, 1.0, 2.0);
  const auto g = to_eigen(eval(gradient(rosen, v), v = x));
  const auto H = to_eigen(eval(hessian(rosen, v), v = x));
  static_assert(std::is_same_v<std::remove_const_t<decltype(g)>, Eigen::Vector3d>);
  static_assert(std::is_same_v<std::remove_const_t<decltype(H)>, Eigen::Matrix3d>);
  // By hand: df/dv0 = -400 v0 (v1 - v0^2) - 2 (1 - v0), df/dv1 = 200 (v1 - v0^2)
  // - 400 v1 (v2 - v1^2) - 2 (1 - v1), df/dv2 = 200 (v2 - v1^2); H likewise.
  BOOST_TEST(g(0) == -2.0);
  BOOST_TEST(g(1) == 200.0 - 400.0);
  BOOST_TEST(g(2) == 200.0);
  BOOST_TEST(H(0, 0) == 1200 * 0.0 - 400 * 1.0 + 2);
  BOOST_TEST(H(1, 1) == 200 + 1200 * 1.0 - 400 * 2.0 + 2);
  BOOST_TEST(H(2, 2) == 200.0);
  BOOST_TEST(H(0, 1) == 0.0);  // -400 v0
  BOOST_TEST(H(1, 2) == -400.0);
  BOOST_TEST(H(0, 2) == 0.0);
  BOOST_TEST((H - H.transpose()).norm() == 0.0);

  constexpr auto y = var<"y">;
  const auto J = to_eigen(eval(jacobian(boost::hana::make_tuple(at<0> * y, at<1> + at<2> * y), v, y),
                               v = Eigen::Vector3d(1.0, 2.0, 3.0), y = 4.0));
  static_assert(std::is_same_v<std::remove_const_t<decltype(J)>, Eigen::Matrix<double, 2, 4>>);
  Eigen::Matrix<double, 2, 4> want;
  want << 4, 0, 0, 1, 0, 1, 4, 3;
  BOOST_TEST((J - want).norm() == 0.0);
}

BOOST_AUTO_TEST_CASE(newton_iteration_with_eigen) {
  constexpr auto g = gradient(rosen, v);
  constexpr auto H = hessian(rosen, v);
  Eigen::Vector3d x(1.2, 1.3, 1.5);
  for (int step = 0; step < 20; ++step) x -= to_eigen(eval(H, v = x)).ldlt().solve(to_eigen(eval(g, v = x)));
  BOOST_TEST((x - Eigen::Vector3d(1.0, 1.0, 1.0)).norm() < 1e-12);
  BOOST_TEST(to_eigen(eval(g, v = x)).norm() < 1e-10);
}
