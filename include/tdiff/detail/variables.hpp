// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `variables_t<N>`: the distinct variables of a node, as a type list in
/// order of first appearance.
#ifndef TDIFF_DETAIL_VARIABLES_HPP
#define TDIFF_DETAIL_VARIABLES_HPP

#include <tdiff/detail/nodes.hpp>

#include <type_traits>

namespace tdiff::detail {

template <class... Ts>
struct type_list {};

template <class... As, class B>
constexpr auto operator|(type_list<As...>, std::type_identity<B>) {
  if constexpr ((std::is_same_v<As, B> || ...))
    return type_list<As...>{};
  else
    return type_list<As..., B>{};
}

template <class L1, class L2>
struct merge;
template <class... As, class... Bs>
struct merge<type_list<As...>, type_list<Bs...>> {
  using type = decltype((type_list<As...>{} | ... | std::type_identity<Bs>{}));
};

template <class N>
struct variables_of {
  using type = type_list<>;
};
template <class N>
using variables_t = typename variables_of<N>::type;

template <char... C>
struct variables_of<variable<C...>> {
  using type = type_list<variable<C...>>;
};
template <template <class, class> class Node, class A, class B>
struct variables_of<Node<A, B>> {
  using type = typename merge<variables_t<A>, variables_t<B>>::type;
};
template <class Op, class A>
struct variables_of<unary<Op, A>> {
  using type = variables_t<A>;
};
template <class Op, class A, class B>
struct variables_of<binary<Op, A, B>> {
  using type = typename merge<variables_t<A>, variables_t<B>>::type;
};
template <class C, class A, class B>
struct variables_of<select<C, A, B>> {
  using type = typename merge<typename merge<variables_t<C>, variables_t<A>>::type, variables_t<B>>::type;
};

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_VARIABLES_HPP
