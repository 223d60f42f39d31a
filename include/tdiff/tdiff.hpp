// SPDX-License-Identifier: BSL-1.0
/// @file
/// The compile-time mode of tdiff: expressions as types, derivatives of any
/// order as new types, evaluation in constant expressions.
///
/// @code
/// constexpr auto x = tdiff::var<"x">;
/// constexpr auto f = tdiff::pow<4>(x) - 2 * tdiff::pow<2>(x);
/// static_assert(tdiff::derivative<4>(f, x)(x = 2.0) == 24.0);
/// @endcode
#ifndef TDIFF_TDIFF_HPP
#define TDIFF_TDIFF_HPP

#include <tdiff/config.hpp>
#include <tdiff/derivative.hpp>
#include <tdiff/evaluate.hpp>
#include <tdiff/expression.hpp>
#include <tdiff/function.hpp>
#include <tdiff/functions.hpp>
#include <tdiff/to_string.hpp>
#include <tdiff/vector.hpp>

#endif  // TDIFF_TDIFF_HPP
