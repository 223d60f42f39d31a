// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::math`: elementary functions for float, double and long
/// double that work in constant expressions on g++ and on clang++ (the
/// standard <cmath> is constexpr on neither compiler's every version), and
/// forward to <cmath> at run time.
///
/// @code
/// static_assert(tdiff::math::exp(0.0) == 1.0);
/// constexpr double s = tdiff::math::sin(0.5);   // within 1 ulp of sin(0.5)
/// @endcode
///
/// During constant evaluation each function runs a kernel in long double:
/// within 1 ulp on double over its whole domain (tested on log-spaced grids
/// against higher precision), special values (+-0, +-inf, NaN) as <cmath>.
/// Arguments are floating-point (write 2.0, not 2).
#ifndef TDIFF_MATH_HPP
#define TDIFF_MATH_HPP

#include <tdiff/detail/math.hpp>

namespace tdiff::math {

using detail::math::acos;
using detail::math::acosh;
using detail::math::asin;
using detail::math::asinh;
using detail::math::atan;
using detail::math::atan2;
using detail::math::atanh;
using detail::math::cbrt;
using detail::math::cos;
using detail::math::cosh;
using detail::math::erf;
using detail::math::erfc;
using detail::math::exp;
using detail::math::expm1;
using detail::math::hypot;
using detail::math::log;
using detail::math::log1p;
using detail::math::pow;
using detail::math::sin;
using detail::math::sinh;
using detail::math::sqrt;
using detail::math::tan;
using detail::math::tanh;

}  // namespace tdiff::math

#endif  // TDIFF_MATH_HPP
