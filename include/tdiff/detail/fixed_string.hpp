// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::detail::fixed_string`, the string literal that names a
/// variable in `var<"x">`.
#ifndef TDIFF_DETAIL_FIXED_STRING_HPP
#define TDIFF_DETAIL_FIXED_STRING_HPP

#include <cstddef>
#include <utility>

namespace tdiff::detail {

template <std::size_t N>
struct fixed_string {
  char chars[N]{};
  constexpr fixed_string(const char (&s)[N]) {  // NOLINT: implicit by design
    for (std::size_t i = 0; i < N; ++i) chars[i] = s[i];
  }
  static constexpr std::size_t size() { return N - 1; }
};

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_FIXED_STRING_HPP
