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

namespace tdiff::detail {

template <class... Ts>
struct values;

template <>
struct values<> {
  static constexpr std::size_t size = 0;
};

template <class T, class... Ts>
struct values<T, Ts...> {
  static constexpr std::size_t size = 1 + sizeof...(Ts);
  T head;
  [[no_unique_address]] values<Ts...> tail;
};

template <class V>
inline constexpr std::size_t size_v = V::size;

/// The I-th value.
template <std::size_t I, class T, class... Ts>
constexpr const auto& get(const values<T, Ts...>& v) {
  if constexpr (I == 0)
    return v.head;
  else
    return get<I - 1>(v.tail);
}

/// a's values, then b's.
template <class... Bs>
constexpr values<Bs...> cat(const values<>&, const values<Bs...>& b) {
  return b;
}
template <class A, class... As, class... Bs>
constexpr values<A, As..., Bs...> cat(const values<A, As...>& a, const values<Bs...>& b) {
  return {a.head, cat(a.tail, b)};
}

/// The values of each, in order.
constexpr values<> cat_all() { return {}; }
template <class V, class... Vs>
constexpr auto cat_all(const V& v, const Vs&... vs) {
  return cat(v, cat_all(vs...));
}

/// The run-time scalars of several expressions side by side, by address (no
/// copies): get<I> is the I-th of their concatenation.
template <class... Cs>
struct joined_values {
  static constexpr std::size_t size = (std::size_t{0} + ... + Cs::size);
  values<const Cs*...> parts;
};
template <class... Cs>
joined_values(values<const Cs*...>) -> joined_values<Cs...>;

template <std::size_t I, class... Cs>
constexpr const auto& get(const joined_values<Cs...>& j) {
  struct place {
    std::size_t part, index;
  };
  constexpr place at = [] {
    const std::size_t sizes[] = {Cs::size...};
    place p{0, I};
    while (p.index >= sizes[p.part]) p.index -= sizes[p.part++];
    return p;
  }();
  return get<at.index>(*get<at.part>(j.parts));
}

/// f(values...).
template <class F, class... Ts>
constexpr auto apply_values(F f, const values<Ts...>& v) {
  if constexpr (sizeof...(Ts) == 0)
    return f();
  else
    return apply_values([&](const auto&... rest) { return f(v.head, rest...); }, v.tail);
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_VALUES_HPP
