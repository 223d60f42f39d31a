// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `shift_t<N, K>`: node N with every run-time slot index raised by K,
/// used when two expressions are combined and their constants concatenated.
#ifndef TDIFF_DETAIL_SHIFT_HPP
#define TDIFF_DETAIL_SHIFT_HPP

#include <tdiff/detail/nodes.hpp>

#include <cstddef>

namespace tdiff::detail {

template <class N, std::size_t K>
struct shift {
  using type = N;
};
template <class N, std::size_t K>
using shift_t = typename shift<N, K>::type;

template <std::size_t I, std::size_t K>
struct shift<slot<I>, K> {
  using type = slot<I + K>;
};
template <template <class, class> class Node, class A, class B, std::size_t K>
struct shift<Node<A, B>, K> {
  using type = Node<shift_t<A, K>, shift_t<B, K>>;
};
template <class Op, class A, std::size_t K>
struct shift<unary<Op, A>, K> {
  using type = unary<Op, shift_t<A, K>>;
};
template <class Op, class A, class B, std::size_t K>
struct shift<binary<Op, A, B>, K> {
  using type = binary<Op, shift_t<A, K>, shift_t<B, K>>;
};
template <class C, class A, class B, std::size_t K>
struct shift<select<C, A, B>, K> {
  using type = select<shift_t<C, K>, shift_t<A, K>, shift_t<B, K>>;
};

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_SHIFT_HPP
