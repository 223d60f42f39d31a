// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::function<Rule>`: an elementary function of the user's own,
/// written once for both modes.
///
/// @code
/// struct softplus_rule {
///   static constexpr std::string_view name = "softplus";
///   template <class T> static constexpr T value(const T& v) {
///     return tdiff::math::log1p(tdiff::math::exp(v));
///   }
///   static constexpr auto derivative(const auto& x, const auto&) { return 1 / (1 + exp(-x)); }
/// };
/// inline constexpr tdiff::function<softplus_rule> softplus{};
/// auto d3 = derivative<3>(softplus(2 * x), x);    // compile-time mode
/// Variable y = softplus(v);                      // runtime mode
/// @endcode
///
/// The rule is an op (detail/op.hpp): `name`; `value` for float, double and
/// long double (constexpr where constant evaluation is wanted); and
/// `derivative(x, y)`, f'(x) given y = f(x), written with tdiff's functions,
/// `one(x)`, literals and c<P, Q>. Numbers the rule writes become exact
/// constants of the derivative's type; a rule that reads a run-time value
/// does not compile. Optional members: `value_n` (an array kernel for
/// doubles), `at_zero` / `at_one` (exact integer values that fold), and
/// `inverse_of` (an op g with f(g(a)) = a for every real a).
#ifndef TDIFF_FUNCTION_HPP
#define TDIFF_FUNCTION_HPP

#include <tdiff/detail/op.hpp>
#include <tdiff/math.hpp>  // for users' value rules

namespace tdiff {

/// The function whose value and derivative rules are `Rule`'s; applies to
/// compile-time expressions (`<tdiff/tdiff.hpp>`) and runtime Variables
/// (`<tdiff/dynamic.hpp>`).
template <class Rule>
struct function {
  static_assert(detail::op_rule<Rule>,
                "tdiff: function<Rule> needs a Rule with a `name` and a `value` for float, double "
                "and long double (see tdiff/function.hpp)");

  template <class A>
  constexpr auto operator()(const A& a) const {
    if constexpr (requires { apply_op(detail::op_tag<Rule>{}, a); }) {
      return apply_op(detail::op_tag<Rule>{}, a);  // found by ADL in the mode of A
    } else {
      static_assert(
          requires { apply_op(detail::op_tag<Rule>{}, a); },
          "tdiff: a function<Rule> applies to a compile-time expression (include "
          "tdiff/tdiff.hpp) or a runtime Variable (include tdiff/dynamic.hpp)");
      return 0;
    }
  }
};

}  // namespace tdiff

#endif  // TDIFF_FUNCTION_HPP
