// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines what an operation is: the `op_rule` concept that built-in ops
/// (detail/ops.hpp) and users' rules (`tdiff::function<Rule>`) satisfy, and
/// an op's identity in schedules (`op_id_v<Op>`, a hash of its type).
///
/// An op is one type holding everything about one elementary function:
///
///     struct softplus_rule {
///       static constexpr std::string_view name = "softplus";      // printing, DOT
///       template <class T> static constexpr T value(const T& v);  // float, double, long double
///       static constexpr auto derivative(const auto& x, const auto& y);  // f'(x), y = f(x)
///       // optional:
///       static void value_n(const double* x, double* y, std::size_t n);  // array kernel
///       static constexpr int at_zero = 0;     // exact f(0): folds f(0) to a constant
///       static constexpr int at_one = 0;      // exact f(1)
///       using inverse_of = some_op;           // f(g(a)) = a for every real a
///     };
///
/// An op of two arguments (atan2, min, a comparison) has `value(a, b)` and
/// the partials `derivative_a(a, b, y)`, `derivative_b(a, b, y)`, or
/// `piecewise_constant = true`; `fold(rational, rational)` folds exact
/// arguments.
///
/// `derivative` is generic: called with compile-time expressions it builds the
/// derivative's type, called with runtime Variables the backward graph. It
/// uses only tdiff's vocabulary (found by argument-dependent lookup in each
/// mode) and `one(x)`, the constant 1 of x's kind.
#ifndef TDIFF_DETAIL_OP_HPP
#define TDIFF_DETAIL_OP_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace tdiff::detail {

/// The requirements on an op (see the file comment).
template <class Op>
concept op_rule = requires(const float& f, const double& d, const long double& l) {
  { Op::name } -> std::convertible_to<std::string_view>;
  { Op::value(f) } -> std::convertible_to<float>;
  { Op::value(d) } -> std::convertible_to<double>;
  { Op::value(l) } -> std::convertible_to<long double>;
};

/// Whether an op's value is constant between its kinks (comparisons, sign):
/// its derivative is 0.
template <class Op>
concept piecewise_constant = requires {
  requires Op::piecewise_constant;
};

/// An op as a value, for overloads that apply it to each mode's operands.
template <class Op>
struct op_tag {};

/// Whether Op has an array kernel for doubles.
template <class Op>
concept has_array_kernel = requires(const double* x, double* y, std::size_t n) {
  Op::value_n(x, y, n);
};

/// An op's name, as a value a schedule entry can point to (for DOT).
struct op_entry {
  std::string_view name;
};
template <class Op>
inline constexpr op_entry op_entry_v{Op::name};

/// A text unique to the type T in a program (its name as the compiler spells
/// it), hashed into the identity of T's nodes: two ops with one `name` stay
/// two ops.
template <class T>
constexpr std::string_view type_text() {
  return __PRETTY_FUNCTION__;
}

/// 64-bit FNV-1a of a text (the identity hash of an op's type).
constexpr std::uint64_t text_hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return h;
}

/// The identity of op Op in schedules, computed once per op.
template <class Op>
inline constexpr std::uint64_t op_id_v = text_hash(type_text<Op>());

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_OP_HPP
