// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::expr`, `tdiff::var`, `tdiff::c`, the arithmetic operators and
/// `tdiff::pow`: how compile-time expressions are written.
#ifndef TDIFF_EXPRESSION_HPP
#define TDIFF_EXPRESSION_HPP

#include <tdiff/config.hpp>
#include <tdiff/detail/concepts.hpp>
#include <tdiff/detail/evaluate.hpp>
#include <tdiff/detail/fixed_string.hpp>
#include <tdiff/detail/nodes.hpp>
#include <tdiff/detail/shift.hpp>
#include <tdiff/detail/simplify.hpp>
#include <tdiff/detail/values.hpp>
#include <tdiff/detail/vector_binding.hpp>

#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tdiff {

/// A compile-time expression. `Node` (an empty type) is the expression DAG;
/// `Constants` is a detail::values of the run-time scalars it contains, which
/// `detail::slot<I>` nodes refer to. An expr is a literal type: it can be a
/// `constexpr` variable, copied freely, and never dangles.
template <class Node, class Constants = detail::values<>>
struct expr {
  using node_type = Node;
  using constants_type = Constants;

  [[no_unique_address]] Constants constants{};

  /// The value at the given bindings: `f(x = 2.0, y = 1.0)`. Every variable of
  /// the expression needs a value; extra bindings are ignored. The value type is
  /// the common type of the bound values, integers counting as double.
  template <class... Bindings>
  constexpr auto operator()(const Bindings&... bindings) const {
    return detail::with_scalar_bindings(
        [this](const auto&... bs) { return detail::evaluate<Node>(constants, bs...); }, bindings...);
  }

  /// `x = v` binds v to the variable x, for evaluation: v is a scalar, or an
  /// elementwise container (held by reference if it is an lvalue, so bind
  /// containers in the call that evaluates: `f(x = xs)`).
  template <class V>
  constexpr auto operator=(V&& v) const {
    using value = std::remove_cvref_t<V>;
    if constexpr (requires { typename value::node_type; }) {  // another expression
      static_assert(
          !requires { typename value::node_type; },
          "tdiff: an expression cannot be reassigned: its type changes with every operation, so "
          "s = s + term cannot accumulate in a loop; build the sum with tdiff::sum<N>(fn), "
          "or name each step (auto s2 = s1 + term)");
      return detail::binding<Node, double>{0.0};
    } else {
      static_assert(detail::is_variable_v<Node>,
                    "tdiff: only a variable can be given a value: write x = 1.0 "
                    "with constexpr auto x = tdiff::var<\"x\">");
      if constexpr (scalar<value>) {
        return detail::binding<Node, value>{v};
      } else if constexpr (elementwise<value> && std::is_lvalue_reference_v<V>) {
        return detail::binding<Node, const value&>{v};
      } else if constexpr (elementwise<value>) {
        return detail::binding<Node, value>{std::move(v)};
      } else {
        (void)sizeof(bad_value<Node>);
        return detail::binding<Node, double>{0.0};
      }
    }
  }

  /// The exact constant 1, for the shared derivative rules (found by ADL).
  friend constexpr auto one(const expr&) { return expr<detail::constant<1>>{}; }

 private:
  template <class N>
  struct bad_value;
  template <char... C>
  struct bad_value<detail::variable<C...>> {
    static_assert(sizeof(error::value_bound_to_variable_is_not_a_number<C...>) == 0,
                  "tdiff: a variable can only be given an arithmetic value (int, float, "
                  "double, long double) or an elementwise container of floating-point values");
  };
};

namespace detail {

template <class T>
inline constexpr bool is_expr_v = false;
template <class N, class C>
inline constexpr bool is_expr_v<expr<N, C>> = true;

template <fixed_string S, class Indices = std::make_index_sequence<S.size()>>
struct variable_named;
template <fixed_string S, std::size_t... I>
struct variable_named<S, std::index_sequence<I...>> {
  static_assert(S.size() > 0, "tdiff: a variable needs a non-empty name, as in var<\"x\">");
  using type = variable<S.chars[I]...>;
};

}  // namespace detail

/// Satisfied by every compile-time expression (`tdiff::expr`).
template <class T>
concept expression = detail::is_expr_v<std::remove_cvref_t<T>>;

namespace detail {
inline constexpr std::size_t scalar_variable = ~std::size_t{0};
template <fixed_string Name, std::size_t N>
constexpr auto make_var() {
  if constexpr (N == scalar_variable)
    return expr<typename variable_named<Name>::type>{};
  else
    return vector_variable<Name, N>{};
}
}  // namespace detail

/// The variable named `Name`; its name is its identity: `var<"x">` in two places
/// is the same variable. `var<"v", N>` is a vector variable (<tdiff/vector.hpp>):
/// N scalar variables named "v[0]" ... "v[N-1]".
template <detail::fixed_string Name, std::size_t N = detail::scalar_variable>
inline constexpr auto var = detail::make_var<Name, N>();

/// The exact rational constant N/D (folded exactly at compile time).
template <std::intmax_t N, std::intmax_t D = 1>
inline constexpr expr<detail::constant_of_t<detail::normalise(N, D)>> c{};

namespace detail {

/// A scalar operand becomes a one-slot expression.
template <class T>
constexpr auto lift(const T& t) {
  if constexpr (expression<T>)
    return t;
  else
    return expr<slot<0>, values<T>>{make_values(t)};
}

/// Builds Make<A, B'> where B' is b's node with its slots moved past a's.
template <template <class, class> class Make, class NA, class CA, class NB, class CB>
constexpr auto combine(const expr<NA, CA>& a, const expr<NB, CB>& b) {
  constexpr std::size_t k = size_v<CA>;
  using nb = std::conditional_t<k == 0 || size_v<CB> == 0, NB, shift_t<NB, k>>;
  using constants = decltype(cat(a.constants, b.constants));
  return expr<Make<NA, nb>, constants>{cat(a.constants, b.constants)};
}

/// Make<A, B', C'> with the slots of b and c moved past those before them.
template <template <class, class, class> class Make, class NA, class CA, class NB, class CB, class NC,
          class CC>
constexpr auto combine3(const expr<NA, CA>& a, const expr<NB, CB>& b, const expr<NC, CC>& c) {
  constexpr std::size_t ka = size_v<CA>, kb = size_v<CB>;
  using nb = std::conditional_t<ka == 0 || kb == 0, NB, shift_t<NB, ka>>;
  using nc = std::conditional_t<ka + kb == 0 || size_v<CC> == 0, NC, shift_t<NC, ka + kb>>;
  using constants = decltype(cat(a.constants, cat(b.constants, c.constants)));
  return expr<Make<NA, nb, nc>, constants>{cat(a.constants, cat(b.constants, c.constants))};
}

template <class A, class B>
using difference_t = sum_t<A, product_t<constant<-1>, B>>;
template <class A, class B>
using quotient_t = product_t<A, power_t<B, constant<-1>>>;

template <class A, class B>
concept operands = (expression<A> && (expression<B> || scalar<B>)) || (scalar<A> && expression<B>);

}  // namespace detail

template <class A, class B>
requires detail::operands<A, B>
constexpr auto operator+(const A& a, const B& b) {
  return detail::combine<detail::sum_t>(detail::lift(a), detail::lift(b));
}

template <class A, class B>
requires detail::operands<A, B>
constexpr auto operator-(const A& a, const B& b) {
  return detail::combine<detail::difference_t>(detail::lift(a), detail::lift(b));
}

template <class A, class B>
requires detail::operands<A, B>
constexpr auto operator*(const A& a, const B& b) {
  return detail::combine<detail::product_t>(detail::lift(a), detail::lift(b));
}

template <class A, class B>
requires detail::operands<A, B>
constexpr auto operator/(const A& a, const B& b) {
  return detail::combine<detail::quotient_t>(detail::lift(a), detail::lift(b));
}

template <expression E>
constexpr auto operator-(const E& e) {
  return expr<detail::product_t<detail::constant<-1>, typename E::node_type>, typename E::constants_type>{
      e.constants};
}

template <expression E>
constexpr E operator+(const E& e) {
  return e;
}

/// e^N for a compile-time integer N (negative too): folded and simplified.
template <std::intmax_t N, expression E>
constexpr auto pow(const E& e) {
  return expr<detail::power_t<typename E::node_type, detail::constant<N>>, typename E::constants_type>{
      e.constants};
}

/// base^exponent, either of which may be a run-time scalar (then constant with
/// respect to every variable).
template <class A, class B>
requires detail::operands<A, B>
constexpr auto pow(const A& base, const B& exponent) {
  return detail::combine<detail::power_t>(detail::lift(base), detail::lift(exponent));
}

}  // namespace tdiff

#endif  // TDIFF_EXPRESSION_HPP
