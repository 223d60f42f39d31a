// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the node types of compile-time expressions and the facts derived
/// from them (constant value, dependence on a variable).
///
/// A node is an empty class: the whole expression DAG is its type. Identical
/// subexpressions are the same type, so every fact below is a class template
/// keyed on the node and is computed once per distinct node by the compiler.
#ifndef TDIFF_DETAIL_NODES_HPP
#define TDIFF_DETAIL_NODES_HPP

#include <tdiff/detail/rational.hpp>
#include <tdiff/detail/type_list.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace tdiff::detail {

/// The variable spelled `C...` (a char pack, so diagnostics print `'x'`).
template <char... C>
struct variable {};

/// The exact rational constant P/Q, always normalised (Q > 0, gcd 1).
template <std::intmax_t P, std::intmax_t Q = 1>
struct constant {};

/// A run-time scalar: the I-th value stored in the expression object. The index
/// gives it an identity, so `1.5*x` and `2.5*x` are different types.
template <std::size_t I>
struct slot {};

template <class A, class B>
struct sum {};

template <class A, class B>
struct product {};

/// Base^Exponent; the exponent is any node (often a constant).
template <class Base, class Exponent>
struct power {};

/// An elementary function: `Op` is a tag with the value and derivative rules.
template <class Op, class A>
struct unary {};

/// A function of two arguments (atan2, hypot, min, max, a comparison):
/// `Op` is a tag with the value and partial-derivative rules.
template <class Op, class A, class B>
struct binary {};

/// where(C, A, B): A where C is nonzero, else B (only the value picked is
/// used, so NaN or inf in the other branch does not leak).
template <class C, class A, class B>
struct select {};

// ---------------------------------------------------------------- constants

template <class N>
inline constexpr bool is_constant_v = false;
template <std::intmax_t P, std::intmax_t Q>
inline constexpr bool is_constant_v<constant<P, Q>> = true;

template <class N>
inline constexpr rational value_of_v = {};  // only read for constants
template <std::intmax_t P, std::intmax_t Q>
inline constexpr rational value_of_v<constant<P, Q>> = {P, Q};

template <class N>
inline constexpr bool is_zero_v = std::is_same_v<N, constant<0>>;
template <class N>
inline constexpr bool is_one_v = std::is_same_v<N, constant<1>>;

template <class N>
inline constexpr bool is_integer_constant_v = false;
template <std::intmax_t P>
inline constexpr bool is_integer_constant_v<constant<P, 1>> = true;

/// The node of a rational value computed at compile time.
template <rational R>
struct constant_of {
  static_assert(R.ok,
                "tdiff: an exact rational constant overflows std::intmax_t "
                "(or divides by zero) while the expression is simplified");
  using type = constant<R.p, R.q>;
};
template <rational R>
using constant_of_t = typename constant_of<R>::type;

// ------------------------------------------------------------- dependencies

/// True if node N contains variable V.
template <class N, class V>
struct depends_on : std::false_type {};
template <char... C, class V>
struct depends_on<variable<C...>, V> : std::is_same<variable<C...>, V> {};
template <class A, class B, class V>
struct depends_on<sum<A, B>, V> : std::bool_constant<depends_on<A, V>::value || depends_on<B, V>::value> {};
template <class A, class B, class V>
struct depends_on<product<A, B>, V> : std::bool_constant<depends_on<A, V>::value || depends_on<B, V>::value> {
};
template <class A, class B, class V>
struct depends_on<power<A, B>, V> : std::bool_constant<depends_on<A, V>::value || depends_on<B, V>::value> {};
template <class Op, class A, class V>
struct depends_on<unary<Op, A>, V> : depends_on<A, V> {};
template <class Op, class A, class B, class V>
struct depends_on<binary<Op, A, B>, V>
    : std::bool_constant<depends_on<A, V>::value || depends_on<B, V>::value> {};
template <class C, class A, class B, class V>  // the condition's dependence has no derivative
struct depends_on<select<C, A, B>, V>
    : std::bool_constant<depends_on<A, V>::value || depends_on<B, V>::value> {};

/// True if node N contains any variable at all.
template <class N>
struct is_variable_free : std::true_type {};
template <char... C>
struct is_variable_free<variable<C...>> : std::false_type {};
template <class A, class B>
struct is_variable_free<sum<A, B>>
    : std::bool_constant<is_variable_free<A>::value && is_variable_free<B>::value> {};
template <class A, class B>
struct is_variable_free<product<A, B>>
    : std::bool_constant<is_variable_free<A>::value && is_variable_free<B>::value> {};
template <class A, class B>
struct is_variable_free<power<A, B>>
    : std::bool_constant<is_variable_free<A>::value && is_variable_free<B>::value> {};
template <class Op, class A>
struct is_variable_free<unary<Op, A>> : is_variable_free<A> {};
template <class Op, class A, class B>
struct is_variable_free<binary<Op, A, B>>
    : std::bool_constant<is_variable_free<A>::value && is_variable_free<B>::value> {};
template <class C, class A, class B>
struct is_variable_free<select<C, A, B>>
    : std::bool_constant<is_variable_free<C>::value && is_variable_free<A>::value &&
                         is_variable_free<B>::value> {};

template <class N>
inline constexpr bool is_variable_v = false;
template <char... C>
inline constexpr bool is_variable_v<variable<C...>> = true;

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_NODES_HPP
