// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `evaluate`: the value of a node given the run-time constants of its
/// expression and the values bound to its variables.
///
/// Misuse is reported here, before any evaluation is instantiated, so the
/// first error line is the one that explains it (see tdiff::error).
#ifndef TDIFF_DETAIL_EVALUATE_HPP
#define TDIFF_DETAIL_EVALUATE_HPP

#include <tdiff/detail/math.hpp>
#include <tdiff/detail/nodes.hpp>
#include <tdiff/detail/variables.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>

/// Incomplete types whose names are the first line of a diagnostic.
namespace tdiff::error {
/// `f(...)` was called without a value for the variable `Name`.
template <char... Name>
struct variable_is_not_bound;
/// The same variable was given two values in one call.
template <char... Name>
struct variable_is_bound_twice;
/// `x = v` with a `v` that is not a number.
template <char... Name>
struct value_bound_to_variable_is_not_a_number;
}  // namespace tdiff::error

namespace tdiff::detail {

/// The value `v` given to variable `Var` by `x = v`.
template <class Var, class V>
struct binding {
  using variable = Var;
  using value_type = V;
  V value;
};

template <class T>
inline constexpr bool is_binding_v = false;
template <class Var, class V>
inline constexpr bool is_binding_v<binding<Var, V>> = true;

template <class V>
using promoted_t = std::conditional_t<std::is_integral_v<V>, double, V>;

/// The value type of an evaluation: the common type of the bound values, with
/// integers evaluated as double; double when nothing is bound.
template <class... Bs>
struct value_type_of {
  using type = std::common_type_t<promoted_t<typename Bs::value_type>...>;
};
template <>
struct value_type_of<> {
  using type = double;
};

template <class Constants, class... Bs>
struct context {
  const Constants& constants;
  std::tuple<const Bs&...> bindings;

  template <class Var>
  constexpr const auto& value_of() const {
    constexpr std::size_t i = index<Var>();
    return std::get<i>(bindings).value;
  }
  template <class Var>
  static constexpr std::size_t index() {
    constexpr bool match[] = {std::is_same_v<typename Bs::variable, Var>...};
    std::size_t i = 0;
    while (!match[i]) ++i;  // check_bindings made sure Var is bound
    return i;
  }
};

// ------------------------------------------------------- node evaluation

template <class T, class Ctx, char... C>
constexpr T eval_node(variable<C...>, const Ctx& ctx) {
  return static_cast<T>(ctx.template value_of<variable<C...>>());
}

template <class T, class Ctx, std::intmax_t P, std::intmax_t Q>
constexpr T eval_node(constant<P, Q>, const Ctx&) {
  if constexpr (Q == 1)
    return static_cast<T>(P);
  else
    return static_cast<T>(P) / static_cast<T>(Q);
}

template <class T, class Ctx, std::size_t I>
constexpr T eval_node(slot<I>, const Ctx& ctx) {
  return static_cast<T>(std::get<I>(ctx.constants));
}

template <class T, class Ctx, class A, class B>
constexpr T eval_node(sum<A, B>, const Ctx& ctx) {
  return eval_node<T>(A{}, ctx) + eval_node<T>(B{}, ctx);
}

template <class T, class Ctx, class A, class B>
constexpr T eval_node(product<A, B>, const Ctx& ctx) {
  return eval_node<T>(A{}, ctx) * eval_node<T>(B{}, ctx);
}

template <class T, class Ctx, class B, class E>
constexpr T eval_node(power<B, E>, const Ctx& ctx) {
  const T b = eval_node<T>(B{}, ctx);
  if constexpr (is_integer_constant_v<E>) {
    return math::ipow_c<value_of_v<E>.p>(b);  // x^4 as (x*x)*(x*x)
  } else if constexpr (is_constant_v<E> && value_of_v<E>.q == 2) {
    return math::ipow_c<value_of_v<E>.p>(math::sqrt(b));
  } else {
    return math::pow(b, eval_node<T>(E{}, ctx));
  }
}

template <class T, class Ctx, class Op, class A>
constexpr T eval_node(unary<Op, A>, const Ctx& ctx) {
  return Op::value(eval_node<T>(A{}, ctx));
}

// ------------------------------------------------------------ diagnostics

template <class Var, class... Bs>
inline constexpr bool is_bound_v = (std::is_same_v<Var, typename Bs::variable> || ...);

template <class List, class... Bs>
struct first_unbound {
  using type = void;
};
template <class V, class... Vs, class... Bs>
struct first_unbound<type_list<V, Vs...>, Bs...> {
  using type = std::conditional_t<is_bound_v<V, Bs...>,
                                  typename first_unbound<type_list<Vs...>, Bs...>::type, V>;
};

template <class Var>
struct report_unbound;
template <char... C>
struct report_unbound<variable<C...>> {
  static_assert(sizeof(error::variable_is_not_bound<C...>) == 0,
                "tdiff: every variable of an expression needs a value, as in f(x = 1.0)");
};

template <class... Bs>
struct first_duplicate {
  using type = void;
};
template <class B, class... Bs>
struct first_duplicate<B, Bs...> {
  using type = std::conditional_t<is_bound_v<typename B::variable, Bs...>,
                                  typename B::variable, typename first_duplicate<Bs...>::type>;
};

template <class Var>
struct report_duplicate;
template <char... C>
struct report_duplicate<variable<C...>> {
  static_assert(sizeof(error::variable_is_bound_twice<C...>) == 0,
                "tdiff: give each variable one value per evaluation");
};

/// Checks the bindings for node N; true when evaluation may proceed.
template <class N, class... Bs>
constexpr bool check_bindings() {
  if constexpr (!(is_binding_v<Bs> && ...)) {
    static_assert((is_binding_v<Bs> && ...),
                  "tdiff: evaluate an expression with named values, as in f(x = 1.0, y = 2.0)");
    return false;
  } else if constexpr (!std::is_void_v<typename first_duplicate<Bs...>::type>) {
    (void)sizeof(report_duplicate<typename first_duplicate<Bs...>::type>);
    return false;
  } else if constexpr (!std::is_void_v<typename first_unbound<variables_t<N>, Bs...>::type>) {
    (void)sizeof(report_unbound<typename first_unbound<variables_t<N>, Bs...>::type>);
    return false;
  } else {
    return true;
  }
}

template <class T>
struct value_type_or_double {
  using type = double;
};
template <class... Bs>
  requires(is_binding_v<Bs> && ...)
struct value_type_or_double<type_list<Bs...>> : value_type_of<Bs...> {};

/// The value of node N; Constants is the expression's tuple of run-time scalars.
template <class N, class Constants, class... Bs>
constexpr auto evaluate(const Constants& constants, const Bs&... bs) {
  using T = typename value_type_or_double<type_list<Bs...>>::type;
  if constexpr (check_bindings<N, Bs...>()) {
    const context<Constants, Bs...> ctx{constants, {bs...}};
    return eval_node<T>(N{}, ctx);
  } else {
    return T{};  // unreachable: a diagnostic was issued above
  }
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_EVALUATE_HPP
