// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the value categories tdiff evaluates on: scalars and elementwise
/// containers.
#ifndef TDIFF_DETAIL_CONCEPTS_HPP
#define TDIFF_DETAIL_CONCEPTS_HPP

#include <concepts>
#include <cstddef>
#include <type_traits>

namespace tdiff {

/// A number that can appear in an expression or be bound to a variable: any
/// arithmetic type but bool and the character types.
template <class T>
concept scalar =
    std::is_arithmetic_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> &&
    !std::is_same_v<T, signed char> && !std::is_same_v<T, unsigned char> && !std::is_same_v<T, wchar_t> &&
    !std::is_same_v<T, char8_t> && !std::is_same_v<T, char16_t> && !std::is_same_v<T, char32_t>;

/// A container evaluated element by element, such as std::valarray<double> or
/// std::vector<double>: sized, indexable, constructible from a size, with
/// floating-point elements. An expression bound to containers is evaluated in
/// one fused loop, each element through the scalar code; the result is a
/// container of the same type.
template <class C>
concept elementwise = !scalar<C> && std::floating_point<typename C::value_type> &&
                      std::constructible_from<C, std::size_t> && requires(const C& c, C& m, std::size_t i) {
  { c.size() } -> std::convertible_to<std::size_t>;
  { c[i] } -> std::convertible_to<typename C::value_type>;
  m[i] = c[i];
};

}  // namespace tdiff

#endif  // TDIFF_DETAIL_CONCEPTS_HPP
