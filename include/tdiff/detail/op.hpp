// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines what an operation is: the `op_rule` concept that built-in ops
/// (detail/ops.hpp) and users' rules (`tdiff::function<Rule>`) satisfy, and
/// `op_entry_v<Op>`, the table through which a schedule computes an op.
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
/// `derivative` is generic: called with compile-time expressions it builds the
/// derivative's type, called with runtime Variables the backward graph. It
/// uses only tdiff's vocabulary (found by argument-dependent lookup in each
/// mode) and `one(x)`, the constant 1 of x's kind.
#ifndef TDIFF_DETAIL_OP_HPP
#define TDIFF_DETAIL_OP_HPP

#include <concepts>
#include <cstddef>
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

/// The requirements on an op of two arguments (atan2, min, a comparison, ...):
/// `name`, `value(a, b)`, and either `derivative_a(a, b, y)` and
/// `derivative_b(a, b, y)` (the partials) or `piecewise_constant = true`.
template <class Op>
concept binary_op_rule = requires(const float& f, const double& d, const long double& l) {
  { Op::name } -> std::convertible_to<std::string_view>;
  { Op::value(f, f) } -> std::convertible_to<float>;
  { Op::value(d, d) } -> std::convertible_to<double>;
  { Op::value(l, l) } -> std::convertible_to<long double>;
};

/// Whether an op's value is constant between its kinks (comparisons, sign):
/// its derivative is 0.
template <class Op>
concept piecewise_constant = requires { requires Op::piecewise_constant; };

/// An op as a value, for overloads that apply it to each mode's operands.
template <class Op>
struct op_tag {};

/// Whether Op has an array kernel for doubles.
template <class Op>
concept has_array_kernel = requires(const double* x, double* y, std::size_t n) { Op::value_n(x, y, n); };

template <class Op, class T>
constexpr T op_value(const T& a) {
  return static_cast<T>(Op::value(a));
}
template <class Op, class T>
constexpr T op_value2(const T& a, const T& b) {
  return static_cast<T>(Op::value(a, b));
}

/// What a schedule needs of an op, as values: a schedule entry points at its
/// op's table, so evaluation calls the op itself (a constant pointer: the call
/// is direct and inlined) and no registry maps ids back to types.
struct op_entry {
  std::string_view name;
  float (*value_f)(const float&);
  double (*value_d)(const double&);
  long double (*value_l)(const long double&);
  void (*value_n)(const double*, double*, std::size_t);  // the array kernel, or null
  // ops of two arguments
  float (*value2_f)(const float&, const float&);
  double (*value2_d)(const double&, const double&);
  long double (*value2_l)(const long double&, const long double&);

  template <class T>
  constexpr auto value_of() const {
    if constexpr (std::is_same_v<T, float>)
      return value_f;
    else if constexpr (std::is_same_v<T, double>)
      return value_d;
    else
      return value_l;
  }
  template <class T>
  constexpr auto value2_of() const {
    if constexpr (std::is_same_v<T, float>)
      return value2_f;
    else if constexpr (std::is_same_v<T, double>)
      return value2_d;
    else
      return value2_l;
  }
};

template <class Op>
constexpr auto array_kernel_of() -> void (*)(const double*, double*, std::size_t) {
  if constexpr (has_array_kernel<Op>)
    return &Op::value_n;
  else
    return nullptr;
}

template <class Op>
  requires op_rule<Op> || binary_op_rule<Op>
inline constexpr op_entry op_entry_v = [] {
  if constexpr (op_rule<Op>)
    return op_entry{Op::name, &op_value<Op, float>, &op_value<Op, double>, &op_value<Op, long double>,
                    array_kernel_of<Op>(), nullptr, nullptr, nullptr};
  else
    return op_entry{Op::name, nullptr, nullptr, nullptr, nullptr,
                    &op_value2<Op, float>, &op_value2<Op, double>, &op_value2<Op, long double>};
}();

/// A text unique to the type T in a program (its name as the compiler spells
/// it), hashed into the identity of T's nodes: two ops with one `name` stay
/// two ops.
template <class T>
constexpr std::string_view type_text() {
  return __PRETTY_FUNCTION__;
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_OP_HPP
