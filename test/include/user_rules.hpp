// SPDX-License-Identifier: BSL-1.0
// Functions of a user's own, as a user writes them in their own header: each
// rule once, for both modes (tdiff/function.hpp).
#ifndef TDIFF_TEST_USER_RULES_HPP
#define TDIFF_TEST_USER_RULES_HPP

#include <tdiff/function.hpp>

#include <string_view>

namespace user {

/// softplus(v) = log(1 + e^v); softplus' is the logistic function.
struct softplus_rule {
  static constexpr std::string_view name = "softplus";
  template <class T>
  static constexpr T value(const T& v) {
    return tdiff::math::log(1 + tdiff::math::exp(v));
  }
  static constexpr auto derivative(const auto& x, const auto&) { return 1 / (1 + exp(-x)); }
};
inline constexpr tdiff::function<softplus_rule> softplus{};

/// double_it(v) = 2v, with a rule that writes a run-time-looking number:
/// 2.0 must become the exact constant 2 of the derivative (not a slot that
/// reads the outer expression's first number).
struct double_it_rule {
  static constexpr std::string_view name = "double_it";
  template <class T>
  static constexpr T value(const T& v) {
    return 2 * v;
  }
  static constexpr auto derivative(const auto& x, const auto&) { return 2.0 * one(x); }
};
inline constexpr tdiff::function<double_it_rule> double_it{};

/// cube(v) = v^3 whose rule mixes numbers of several kinds with the node: 3y/x.
struct cube_rule {
  static constexpr std::string_view name = "cube";
  template <class T>
  static constexpr T value(const T& v) {
    return v * v * v;
  }
  static constexpr auto derivative(const auto& x, const auto& y) { return 1.5f * y / x + 1.5 * y / x; }
  static constexpr int at_zero = 0;
};
inline constexpr tdiff::function<cube_rule> cube{};

}  // namespace user

#endif  // TDIFF_TEST_USER_RULES_HPP
