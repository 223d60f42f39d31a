// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `values<Ts...>`: the run-time scalars an expression holds, a
/// minimal constexpr tuple of tdiff's own.
///
/// Not std::tuple on purpose: a type names the namespaces of its template
/// arguments for argument-dependent lookup, so with std::tuple inside, every
/// `x + y` of expressions also weighed std's operator templates (valarray,
/// complex, iterators, ...) and `min(e, e)` found std::min. Measured on a
/// test unit of 25 random expressions: overload resolution was 25% of
/// g++'s time (see docs/design.md).
#ifndef TDIFF_DETAIL_VALUES_HPP
#define TDIFF_DETAIL_VALUES_HPP

#include <cstddef>
#include <utility>

namespace tdiff::detail {

/// The scalar of slot I.
template <std::size_t I, class T>
struct leaf {
  [[no_unique_address]] T value;
};

/// Stands for a run-time scalar of type T, slot I, that an expression no
/// longer reads (a derivative's, see prune): empty, so it takes no storage
/// (one type per slot: two empty members of one type need two addresses),
/// while the slots after it keep their numbers.
template <class T, std::size_t I>
struct unused {};

/// The type of scalar a placeholder stands for (T itself for a scalar).
template <class T>
struct scalar_of {
  using type = T;
};
template <class T, std::size_t I>
struct scalar_of<unused<T, I>> {
  using type = T;
};

template <class Indices, class... Ts>
struct leaves;
template <std::size_t... I, class... Ts>
struct leaves<std::index_sequence<I...>, Ts...> : leaf<I, Ts>... {};

/// A flat aggregate: slot I is the base leaf<I, T>, found in O(1) by get<I>.
template <class... Ts>
struct values : leaves<std::index_sequence_for<Ts...>, Ts...> {
  static constexpr std::size_t size = sizeof...(Ts);
};

template <class V>
inline constexpr std::size_t size_v = V::size;

/// The I-th value (found through its base leaf<I, T>, so that the function
/// is named by I and T alone).
template <std::size_t I, class T>
constexpr const T& get(const leaf<I, T>& l) {
  return l.value;
}
template <std::size_t I, class T>
constexpr T& get(leaf<I, T>& l) {
  return l.value;
}

/// values<Ts...>{xs...}.
template <class... Ts>
constexpr values<Ts...> make_values(const Ts&... xs) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) { return values<Ts...>{{leaf<I, Ts>{xs}...}}; }
  (std::index_sequence_for<Ts...>{});
}

/// a's values, then b's.
template <class... As, class... Bs>
constexpr values<As..., Bs...> cat(const values<As...>& a, const values<Bs...>& b) {
  return [&]<std::size_t... I, std::size_t... J>(std::index_sequence<I...>, std::index_sequence<J...>) {
    return values<As..., Bs...>{{leaf<I, As>{get<I>(a)}..., leaf<sizeof...(As) + J, Bs>{get<J>(b)}...}};
  }
  (std::index_sequence_for<As...>{}, std::index_sequence_for<Bs...>{});
}

/// Values p[I] and p[I + 1] (p holds pointers), concatenated.
template <std::size_t I, class P>
constexpr auto cat_pair(const P& p) {
  if constexpr (I + 1 < P::size)
    return cat(*get<I>(p), *get<I + 1>(p));
  else
    return *get<I>(p);
}

/// The values of each, in order: concatenated pairwise, log2 of their
/// number deep (a chain copied every value once per later part).
constexpr values<> cat_all() { return {}; }
template <class V>
constexpr V cat_all(const V& v) {
  return v;
}
template <class V, class W, class... Vs>
constexpr auto cat_all(const V& v, const W& w, const Vs&... vs) {
  const auto p = make_values(&v, &w, &vs...);
  return [&]<std::size_t... I>(std::index_sequence<I...>) { return cat_all(cat_pair<2 * I>(p)...); }
  (std::make_index_sequence<(sizeof...(Vs) + 3) / 2>{});
}

/// f(values...).
template <class F, class... Ts>
constexpr auto apply_values(F f, const values<Ts...>& v) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) { return f(get<I>(v)...); }
  (std::index_sequence_for<Ts...>{});
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_VALUES_HPP
