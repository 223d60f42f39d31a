// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the type-level utilities of tdiff, all in one place: `type_is`
/// (a type as a value, for `if constexpr` chains that pick a type),
/// `type_list`, `merge_t` (union in order of first appearance),
/// `concat_t` and `op_at_t` (the I-th type). Hand-written rather than Boost.Mp11: these four are all tdiff
/// needs, and they cost no header to parse.
#ifndef TDIFF_DETAIL_TYPE_LIST_HPP
#define TDIFF_DETAIL_TYPE_LIST_HPP

#include <cstddef>
#include <type_traits>
#include <utility>

namespace tdiff::detail {

/// A type as a value: `return type_is<T>{};` from a constexpr function.
template <class T>
struct type_is {
  using type = T;
};

template <class... Ts>
struct type_list {};

/// Appends B to a list unless it is there already.
template <class... As, class B>
constexpr auto operator|(type_list<As...>, std::type_identity<B>) {
  if constexpr ((std::is_same_v<As, B> || ...))
    return type_list<As...>{};
  else
    return type_list<As..., B>{};
}

/// The union of two lists, in order of first appearance.
template <class L1, class L2>
struct merge;
template <class... As, class... Bs>
struct merge<type_list<As...>, type_list<Bs...>> {
  using type = decltype((type_list<As...>{} | ... | std::type_identity<Bs>{}));
};
template <class L1, class L2>
using merge_t = typename merge<L1, L2>::type;

/// The lists one after the other.
template <class... Ls>
struct concat {
  using type = type_list<>;
};
template <class... As, class... Ls>
struct concat<type_list<As...>, Ls...> {
  template <class... Bs>
  static type_list<As..., Bs...> join(type_list<Bs...>);
  using type = decltype(join(typename concat<Ls...>::type{}));
};
template <class... Ls>
using concat_t = typename concat<Ls...>::type;

/// The I-th type of a list, in O(1) instantiations: the list becomes one
/// class with a base per element, and overload resolution picks base I
/// (std::tuple_element recurses, which cost 11 000 instantiations on a
/// Hessian of 16 variables).
template <std::size_t I, class T>
struct indexed {};
template <class Indices, class... Ts>
struct indexer;
template <std::size_t... I, class... Ts>
struct indexer<std::index_sequence<I...>, Ts...> : indexed<I, Ts>... {};
template <std::size_t I, class T>
T element_type(indexed<I, T>);

template <std::size_t I, class L>
struct at;
template <std::size_t I, class... Ts>
struct at<I, type_list<Ts...>> {
  using type = decltype(element_type<I>(indexer<std::index_sequence_for<Ts...>, Ts...>{}));
};
template <std::size_t I, class L>
using op_at_t = typename at<I, L>::type;

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_TYPE_LIST_HPP
