// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `variables_t<N>`: the distinct variables of a node, as a type list in
/// order of first appearance.
#ifndef TDIFF_DETAIL_VARIABLES_HPP
#define TDIFF_DETAIL_VARIABLES_HPP

#include <tdiff/detail/nodes.hpp>
#include <tdiff/detail/type_list.hpp>

#include <type_traits>

namespace tdiff::detail {

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
  using type = merge_t<variables_t<A>, variables_t<B>>;
};
template <class Op, class A>
struct variables_of<unary<Op, A>> {
  using type = variables_t<A>;
};
template <class Op, class A, class B>
struct variables_of<binary<Op, A, B>> {
  using type = merge_t<variables_t<A>, variables_t<B>>;
};
template <class C, class A, class B>
struct variables_of<select<C, A, B>> {
  using type = merge_t<merge_t<variables_t<C>, variables_t<A>>, variables_t<B>>;
};

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_VARIABLES_HPP
