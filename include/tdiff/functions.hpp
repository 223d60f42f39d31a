// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the elementary functions of compile-time expressions and how any
/// op (built-in or `tdiff::function<Rule>`) applies to them.
///
/// | function | domain | derivative |
/// |---|---|---|
/// | `sin(e)`, `cos(e)`, `tan(e)` | all reals (tan: not at pi/2 + k pi) | cos, -sin, 1 + tan^2 |
/// | `exp(e)`, `log(e)` | all reals; log: e > 0 | exp, 1/e |
/// | `sinh(e)`, `cosh(e)`, `tanh(e)` | all reals | cosh, sinh, 1 - tanh^2 |
/// | `asin(e)`, `acos(e)` | [-1, 1] | +-1/sqrt(1 - e^2) |
/// | `atan(e)` | all reals | 1/(1 + e^2) |
/// | `sqrt(e)` | e >= 0 | the power e^(1/2) |
///
/// Each function is an op of detail/ops.hpp, shared with the runtime mode;
/// the op's derivative rule, written once, is applied here to expressions. The
/// rules close under differentiation: d tanh = 1 - tanh^2 uses the node
/// itself, so every order of tanh is a polynomial in tanh.
#ifndef TDIFF_FUNCTIONS_HPP
#define TDIFF_FUNCTIONS_HPP

#include <tdiff/detail/math.hpp>
#include <tdiff/detail/op.hpp>
#include <tdiff/detail/ops.hpp>
#include <tdiff/detail/schedule.hpp>
#include <tdiff/detail/simplify.hpp>
#include <tdiff/expression.hpp>
#include <tdiff/function.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tdiff {
namespace detail {

// ------------------------------------------------------------- folding

/// B if A is InverseOp(B), else void.
template <class InverseOp, class A>
struct argument_of {
  using type = void;
};
template <class InverseOp, class B>
struct argument_of<InverseOp, unary<InverseOp, B>> {
  using type = B;
};

/// Exact values at exact arguments, from the op's optional facts: at_zero
/// (sin(0) = 0), at_one (log(1) = 0), inverse_of (log(exp(a)) = a).
template <class Op, class A>
struct fold_unary {
  static constexpr auto pick() {
    if constexpr (requires { Op::at_zero; } && is_zero_v<A>)
      return type_is<constant<Op::at_zero>>{};
    else if constexpr (requires { Op::at_one; } && is_one_v<A>)
      return type_is<constant<Op::at_one>>{};
    else if constexpr (requires { typename Op::inverse_of; })
      return type_is<typename argument_of<typename Op::inverse_of, A>::type>{};
    else
      return type_is<void>{};
  }
  using type = typename decltype(pick())::type;
};

// ------------------------------------------------ derivative rules of ops

/// Stands for the outer expression's run-time scalar I while a rule runs.
template <std::size_t I>
struct outer_slot {};

/// What a slot of a rule's result becomes: the outer expression's slot, or
/// the exact value of a number the rule wrote (2.0 in `2.0 * one(x)`).
struct slot_fate {
  bool outer = false;
  std::size_t index = 0;
  rational value{};
};

template <std::size_t I>
constexpr slot_fate fate_of(const outer_slot<I>&) {
  return {true, I, {}};
}
template <class T>
constexpr slot_fate fate_of(const T& v) {
  return {false, 0, exact_rational(static_cast<long double>(v))};
}

template <class... Ts>
constexpr auto fates_of(const values<Ts...>& t) {
  return apply_values([](const auto&... v) { return std::array<slot_fate, sizeof...(Ts)>{fate_of(v)...}; },
                      t);
}

/// N with each slot given its fate, rebuilt through the smart constructors.
template <class N, auto Fates>
struct reslot {
  using type = N;
};
template <class N, auto Fates>
using reslot_t = typename reslot<N, Fates>::type;
template <bool Outer, std::size_t Index, rational Value>
struct slot_after {
  using type = slot<Index>;
};
template <std::size_t Index, rational Value>
struct slot_after<false, Index, Value> {
  static_assert(Value.ok,
                "tdiff: a derivative rule's number must be exact as a ratio of 64-bit integers "
                "(a finite double with a moderate exponent, or c<P, Q>)");
  using type = constant_of_t<Value>;
};
template <std::size_t I, auto Fates>
struct reslot<slot<I>, Fates> : slot_after<Fates[I].outer, Fates[I].index, Fates[I].value> {};
template <class A, class B, auto Fates>
struct reslot<sum<A, B>, Fates> {
  using type = sum_t<reslot_t<A, Fates>, reslot_t<B, Fates>>;
};
template <class A, class B, auto Fates>
struct reslot<product<A, B>, Fates> {
  using type = product_t<reslot_t<A, Fates>, reslot_t<B, Fates>>;
};
template <class A, class B, auto Fates>
struct reslot<power<A, B>, Fates> {
  using type = power_t<reslot_t<A, Fates>, reslot_t<B, Fates>>;
};
template <class Op, class A, auto Fates>
struct reslot<unary<Op, A>, Fates> {
  using type = unary_t<Op, reslot_t<A, Fates>>;
};
template <class Op, class A, class B, auto Fates>
struct reslot<binary<Op, A, B>, Fates> {
  using type = binary_t<Op, reslot_t<A, Fates>, reslot_t<B, Fates>>;
};
template <class C, class A, class B, auto Fates>
struct reslot<select<C, A, B>, Fates> {
  using type = select_t<reslot_t<C, Fates>, reslot_t<A, Fates>, reslot_t<B, Fates>>;
};

/// 1 + the largest index of a slot in N (0 without slots).
template <class N>
struct slot_count : std::integral_constant<std::size_t, 0> {};
template <std::size_t I>
struct slot_count<slot<I>> : std::integral_constant<std::size_t, I + 1> {};
template <class... Ns>
inline constexpr std::size_t max_slot_count_v = detail::max_of({std::size_t{0}, slot_count<Ns>::value...});
template <template <class, class> class Node, class A, class B>
struct slot_count<Node<A, B>> : std::integral_constant<std::size_t, max_slot_count_v<A, B>> {};
template <class Op, class A>
struct slot_count<unary<Op, A>> : slot_count<A> {};
template <class Op, class A, class B>
struct slot_count<binary<Op, A, B>> : std::integral_constant<std::size_t, max_slot_count_v<A, B>> {};
template <class C, class A, class B>
struct slot_count<select<C, A, B>> : std::integral_constant<std::size_t, max_slot_count_v<C, A, B>> {};

/// The slots N reads, as bits (slot I is bit I % 64 of word I / 64), one
/// instantiation per node type: a tuple's evaluation compares only these
/// between expressions that share their run-time scalars' slots.
template <class N>
struct slot_set {
  static constexpr std::array<std::uint64_t, 0> bits{};
};
template <class... Ns>
constexpr auto slot_union() {
  std::array<std::uint64_t, (max_slot_count_v<Ns...> + 63) / 64> bits{};
  const auto add = [&](const auto& b) {
    for (std::size_t i = 0; i < b.size(); ++i) bits[i] |= b[i];
  };
  (add(slot_set<Ns>::bits), ...);
  return bits;
}
template <std::size_t I>
struct slot_set<slot<I>> {
  static constexpr auto bits = [] {
    std::array<std::uint64_t, I / 64 + 1> b{};
    b[I / 64] = std::uint64_t{1} << (I % 64);
    return b;
  }();
};
template <template <class, class> class Node, class A, class B>
struct slot_set<Node<A, B>> {
  static constexpr auto bits = slot_union<A, B>();
};
template <class Op, class A>
struct slot_set<unary<Op, A>> : slot_set<A> {};
template <class Op, class A, class B>
struct slot_set<binary<Op, A, B>> {
  static constexpr auto bits = slot_union<A, B>();
};
template <class C, class A, class B>
struct slot_set<select<C, A, B>> {
  static constexpr auto bits = slot_union<C, A, B>();
};

template <std::size_t... I>
constexpr auto outer_slots(std::index_sequence<I...>) {
  return values<outer_slot<I>...>{};
}

/// A derivative rule as a type: unary_rule<Op> is Op::derivative(x, y),
/// partial_rule<Op, I> the partial derivative I of an op of two arguments.
template <class Op>
struct unary_rule {
  static constexpr auto call(const auto& x, const auto& y) { return Op::derivative(x, y); }
};
template <class Op, int I>
struct partial_rule {
  static constexpr auto call(const auto& a, const auto& b, const auto& y) {
    if constexpr (I == 0)
      return Op::derivative_a(a, b, y);
    else
      return Op::derivative_b(a, b, y);
  }
};

/// Whether Rule, given operands with the run-time scalars P, is a constant
/// expression (so the numbers it writes can be read at compile time).
template <class Rule, class P, class... Ns>
concept constant_rule = requires {
  typename std::integral_constant<bool, (Rule::call(expr<Ns, P>{}...), true)>;
};

/// Rule applied to the nodes Ns, as a node. A number the rule writes cannot
/// stay a run-time slot (the derivative's type has no place for its value),
/// so it becomes the exact constant it is.
template <class Rule, class... Ns>
struct rule_node {
  using plain = decltype(lift(Rule::call(expr<Ns>{}...)));
  static constexpr auto pick() {
    if constexpr (size_v<typename plain::constants_type> == 0) {
      return type_is<typename plain::node_type>{};  // the rule wrote no number
    } else {
      // The operands' own slots stand for the outer expression's numbers.
      using outer = decltype(outer_slots(std::make_index_sequence<max_slot_count_v<Ns...>>{}));
      if constexpr (!constant_rule<Rule, outer, Ns...>) {
        static_assert(constant_rule<Rule, outer, Ns...>,
                      "tdiff: a derivative rule must be a constant expression: it may use tdiff's "
                      "functions, one(x), literals and c<P, Q>, but no run-time value");
        return type_is<constant<0>>{};
      } else {
        constexpr auto r = lift(Rule::call(expr<Ns, outer>{}...));
        return type_is<reslot_t<typename decltype(r)::node_type, fates_of(r.constants)>>{};
      }
    }
  }
  using type = typename decltype(pick())::type;
};

/// d op(a) / da as a node: the op's generic rule applied to expressions.
template <class Op, class A, class Y>
struct op_derivative : rule_node<unary_rule<Op>, A, Y> {};

template <class Op, int I, class A, class B>
struct op_partial : rule_node<partial_rule<Op, I>, A, B, binary<Op, A, B>> {};

template <class Op, class E>
constexpr auto apply_unary(const E& e) {
  return expr<unary_t<Op, typename E::node_type>, typename E::constants_type>{e.constants};
}

/// An op's smart constructor as a template of its operands alone (to pass
/// where a template of the children is expected).
template <class Op>
struct unary_of {
  template <class A>
  using type = unary_t<Op, A>;
};
template <class Op>
struct binary_of {
  template <class A, class B>
  using type = binary_t<Op, A, B>;
};

/// tdiff::function<Op> applied to an expression (found by tdiff::function).
template <class Op, expression E>
constexpr auto apply_op(op_tag<Op>, const E& e) {
  return apply_unary<Op>(e);
}

}  // namespace detail

// One function template per op of the list (documented in the table above).
#define TDIFF_DETAIL_FUNCTION(fn)                   \
  template <expression E>                           \
  constexpr auto fn(const E& e) {                   \
    return detail::apply_unary<detail::fn##_op>(e); \
  }
TDIFF_DETAIL_FOR_EACH_FUNCTION(TDIFF_DETAIL_FUNCTION)
#undef TDIFF_DETAIL_FUNCTION

// One per op of two arguments; either argument may be a plain number.
#define TDIFF_DETAIL_BINARY_FUNCTION(fn)                                                        \
  template <class A, class B>                                                                   \
  requires detail::operands<A, B>                                                               \
  constexpr auto fn(const A& a, const B& b) {                                                   \
    return detail::combine<detail::binary_of<detail::fn##_op>::template type>(detail::lift(a),  \
                                                                              detail::lift(b)); \
  }
TDIFF_DETAIL_FOR_EACH_BINARY_FUNCTION(TDIFF_DETAIL_BINARY_FUNCTION)
#undef TDIFF_DETAIL_BINARY_FUNCTION

// Comparisons give a condition for where: an expression that is 1 where true
// and 0 elsewhere (derivative 0).
#define TDIFF_DETAIL_COMPARISON(symbol, op)                                                                 \
  template <class A, class B>                                                                               \
  requires detail::operands<A, B>                                                                           \
  constexpr auto operator symbol(const A& a, const B& b) {                                                  \
    return detail::combine<detail::binary_of<detail::op>::template type>(detail::lift(a), detail::lift(b)); \
  }
TDIFF_DETAIL_COMPARISON(<, less_op)
TDIFF_DETAIL_COMPARISON(<=, less_equal_op)
TDIFF_DETAIL_COMPARISON(>, greater_op)
TDIFF_DETAIL_COMPARISON(>=, greater_equal_op)
#undef TDIFF_DETAIL_COMPARISON

/// a where cond is nonzero (true), b elsewhere: `where(x > 0, x, 0.1 * x)`.
/// Its derivative is where(cond, a', b'): only the branch picked is used, so
/// an infinite or NaN derivative in the other branch does not leak.
template <expression C, class A, class B>
requires((expression<A> || scalar<A>)&&(expression<B> || scalar<B>)) constexpr auto where(const C& cond,
                                                                                          const A& a,
                                                                                          const B& b) {
  return detail::combine3<detail::select_t>(cond, detail::lift(a), detail::lift(b));
}

/// The square root, as the power 1/2 (so its derivatives are powers too).
template <expression E>
constexpr auto sqrt(const E& e) {
  return pow(e, c<1, 2>);
}

}  // namespace tdiff

#endif  // TDIFF_FUNCTIONS_HPP
