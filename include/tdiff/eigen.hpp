// SPDX-License-Identifier: BSL-1.0
/// @file
/// Eigen interop, opt-in (it includes <Eigen/Core>): a fixed-size Eigen
/// vector binds a vector variable, and `to_eigen` gives an evaluated
/// gradient, Hessian or Jacobian as Eigen types.
///
/// @code
/// constexpr auto v = tdiff::var<"v", 3>;
/// Eigen::Vector3d x(0.0, 1.0, 2.0);
/// Eigen::Vector3d g = tdiff::to_eigen(eval(gradient(f, v), v = x));
/// Eigen::Matrix3d H = tdiff::to_eigen(eval(hessian(f, v), v = x));
/// x -= H.ldlt().solve(g);  // a Newton step
/// @endcode
#ifndef TDIFF_EIGEN_HPP
#define TDIFF_EIGEN_HPP

#include <tdiff/vector.hpp>

#include <Eigen/Core>

#include <array>
#include <cstddef>

namespace tdiff {

/// Eigen's fixed-size column and row vectors bind vector variables:
/// `v = Eigen::Vector3d(1, 2, 3)`; another size does not compile, and the
/// first error line names the variable and both sizes.
template <class T, int Rows, int Cols, int Options, int MaxRows, int MaxCols>
requires(Rows > 0 && Cols > 0 &&
         (Rows == 1 ||
          Cols == 1)) struct fixed_size_values<Eigen::Matrix<T, Rows, Cols, Options, MaxRows, MaxCols>> {
  static constexpr std::size_t size = static_cast<std::size_t>(Rows * Cols);
  static std::array<T, size> to_array(const Eigen::Matrix<T, Rows, Cols, Options, MaxRows, MaxCols>& m) {
    std::array<T, size> a;
    for (std::size_t i = 0; i < size; ++i) a[i] = m(static_cast<Eigen::Index>(i));
    return a;
  }
};

/// An evaluated gradient (or any std::array of numbers) as an Eigen column vector.
template <class T, std::size_t N>
Eigen::Matrix<T, static_cast<int>(N), 1> to_eigen(const std::array<T, N>& a) {
  Eigen::Matrix<T, static_cast<int>(N), 1> m;
  for (std::size_t i = 0; i < N; ++i) m(static_cast<Eigen::Index>(i)) = a[i];
  return m;
}

/// An evaluated Hessian or Jacobian (rows of std::array) as an Eigen matrix.
template <class T, std::size_t Rows, std::size_t Cols>
Eigen::Matrix<T, static_cast<int>(Rows), static_cast<int>(Cols)> to_eigen(
    const std::array<std::array<T, Cols>, Rows>& a) {
  Eigen::Matrix<T, static_cast<int>(Rows), static_cast<int>(Cols)> m;
  for (std::size_t i = 0; i < Rows; ++i)
    for (std::size_t j = 0; j < Cols; ++j)
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = a[i][j];
  return m;
}

}  // namespace tdiff

#endif  // TDIFF_EIGEN_HPP
