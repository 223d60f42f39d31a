// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `closure_t<N>`: the distinct nodes of N, children before parents,
/// and `run_schedule`, which evaluates each of them exactly once per call.
///
/// A derivative's *tree* grows exponentially with the order, but its distinct
/// subexpressions (types) grow polynomially. Evaluating the closure in order,
/// each node into its own slot of a local array, costs one operation per
/// distinct node; a recursive walk would repeat every shared subtree.
///
/// The closure of each node is a class template, so the compiler computes it
/// once per distinct node. Membership and index look-ups use overload
/// resolution against a class that inherits one tag per element, which the
/// compilers resolve without recursive instantiation.
#ifndef TDIFF_DETAIL_SCHEDULE_HPP
#define TDIFF_DETAIL_SCHEDULE_HPP

#include <tdiff/detail/nodes.hpp>
#include <tdiff/detail/variables.hpp>

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace tdiff::detail {

template <std::size_t I, class T>
struct indexed {
  using type = T;
};
template <class Sequence, class... Ts>
struct index_table;
template <std::size_t... I, class... Ts>
struct index_table<std::index_sequence<I...>, Ts...> : indexed<I, Ts>... {};

template <std::size_t I, class T>
indexed<I, T> element_at(const indexed<I, T>&);  // deduces T from I
template <class T, std::size_t I>
constexpr std::size_t index_in(const indexed<I, T>&) {  // deduces I from T
  return I;
}

template <class List>
struct list_table;
template <class... Ts>
struct list_table<type_list<Ts...>> {
  using type = index_table<std::index_sequence_for<Ts...>, Ts...>;
  static constexpr std::size_t size = sizeof...(Ts);
};

/// The I-th type of a list.
template <std::size_t I, class List>
using element_t = typename decltype(element_at<I>(typename list_table<List>::type{}))::type;

/// The position of T in a list of distinct types.
template <class T, class List>
inline constexpr std::size_t index_v = index_in<T>(typename list_table<List>::type{});

template <class T>
struct tag {};
template <class... Ts>
struct tag_set : tag<Ts>... {};

/// As..., then the Bs that are not among the As, in order.
template <class L1, class L2>
struct merge_distinct;
template <class... As, class... Bs>
struct merge_distinct<type_list<As...>, type_list<Bs...>> {
  static constexpr bool keep[] = {!std::is_base_of_v<tag<Bs>, tag_set<As...>>..., false};
  static constexpr std::size_t count = (std::size_t{0} + ... + !std::is_base_of_v<tag<Bs>, tag_set<As...>>);
  static constexpr std::array<std::size_t, count> kept = [] {
    std::array<std::size_t, count> r{};
    std::size_t j = 0;
    for (std::size_t i = 0; i < sizeof...(Bs); ++i)
      if (keep[i]) r[j++] = i;
    return r;
  }();
  template <std::size_t... I>
  static auto build(std::index_sequence<I...>)
      -> type_list<As..., element_t<kept[I], type_list<Bs...>>...>;
  using type = decltype(build(std::make_index_sequence<count>{}));
};

template <class N>
struct closure {
  using type = type_list<N>;
};
template <class N>
using closure_t = typename closure<N>::type;

template <class List, class N>
struct append;
template <class... Ts, class N>
struct append<type_list<Ts...>, N> {
  using type = type_list<Ts..., N>;
};

template <template <class, class> class Node, class A, class B>
struct closure<Node<A, B>> {
  using type = typename append<typename merge_distinct<closure_t<A>, closure_t<B>>::type,
                               Node<A, B>>::type;
};
template <class Op, class A>
struct closure<unary<Op, A>> {
  using type = typename append<closure_t<A>, unary<Op, A>>::type;
};

template <class N>
inline constexpr std::size_t node_count_v = list_table<closure_t<N>>::size;

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_SCHEDULE_HPP
