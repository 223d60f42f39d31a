// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::eval`: the value of an expression, or of a gradient or
/// Hessian (hana tuples of expressions) as std::array.
#ifndef TDIFF_EVALUATE_HPP
#define TDIFF_EVALUATE_HPP

#include <tdiff/detail/evaluate.hpp>
#include <tdiff/detail/shift.hpp>
#include <tdiff/detail/values.hpp>
#include <tdiff/expression.hpp>

#include <boost/hana/front.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tdiff {
namespace detail {

template <class T>
inline constexpr bool is_hana_tuple_v = false;
template <class... Ts>
inline constexpr bool is_hana_tuple_v<boost::hana::tuple<Ts...>> = true;

template <class... Ts, class... Bs>
constexpr auto eval_tuple(const boost::hana::tuple<Ts...>& t, const Bs&... bs);

template <class E, class... Bs>
constexpr auto eval_any(const E& e, const Bs&... bs) {
  if constexpr (is_hana_tuple_v<E>) {
    return eval_tuple(e, bs...);
  } else {
    static_assert(expression<E>,
                  "tdiff: eval: the first argument must be a tdiff expression, a gradient or "
                  "a hessian");
    return e(bs...);
  }
}

// ------------------------------------- one schedule for a gradient or Hessian

/// The node types of a (nested) tuple's expressions, in order, each with its
/// run-time scalars' slots moved past those of the expressions before it
/// (First of them): one schedule evaluates all of them, with the scalars
/// concatenated (constants_of).
template <class E, std::size_t First = 0>
struct leaves_of {
  static constexpr bool shareable = false;
  static constexpr std::size_t count = 1, slots = 0;
  using type = type_list<>;
};
template <class E, std::size_t First>
requires expression<E>
struct leaves_of<E, First> {
  static constexpr bool shareable = true;
  static constexpr std::size_t count = 1, slots = size_v<typename E::constants_type>;
  using type = type_list<std::conditional_t<First == 0 || slots == 0, typename E::node_type,
                                            shift_t<typename E::node_type, First>>>;
};
template <std::size_t First>
struct leaves_of<boost::hana::tuple<>, First> {
  static constexpr bool shareable = true;
  static constexpr std::size_t count = 0, slots = 0;
  using type = type_list<>;
};
template <class T, class... Ts, std::size_t First>
struct leaves_of<boost::hana::tuple<T, Ts...>, First> {
  using head = leaves_of<T, First>;
  using rest = leaves_of<boost::hana::tuple<Ts...>, First + head::slots>;
  static constexpr bool shareable = head::shareable && rest::shareable;
  static constexpr std::size_t count = head::count + rest::count, slots = head::slots + rest::slots;
  using type = concat_t<typename head::type, typename rest::type>;
};

/// The addresses of a (nested) tuple's expressions' run-time scalars, in order.
template <class E>
constexpr auto constants_parts(const E& e) {
  if constexpr (is_hana_tuple_v<E>)
    return boost::hana::unpack(e, [](const auto&... es) { return cat_all(constants_parts(es)...); });
  else
    return values<const typename E::constants_type*>{&e.constants, {}};
}

/// The run-time scalars of a (nested) tuple's expressions, concatenated in
/// order (by address: the tuple must outlive the result).
template <class E>
constexpr auto constants_of(const E& e) {
  return joined_values{constants_parts(e)};
}

/// The flat values v from offset First on, in the nested shape of T.
template <class T, std::size_t First, class V>
constexpr auto reshape_leaves(const V& v) {
  if constexpr (is_hana_tuple_v<T>) {
    return []<class... Ts>(const V& w, std::type_identity<boost::hana::tuple<Ts...>>) {
      constexpr std::array<std::size_t, sizeof...(Ts)> counts{leaves_of<Ts>::count...};
      constexpr auto first = [&] {
        std::array<std::size_t, sizeof...(Ts)> f{};
        std::size_t at = First;
        for (std::size_t i = 0; i < f.size(); ++i) f[i] = std::exchange(at, at + counts[i]);
        return f;
      }();
      return [&]<std::size_t... I>(std::index_sequence<I...>) {
        using element = decltype(reshape_leaves<std::tuple_element_t<0, std::tuple<Ts...>>, First>(w));
        return std::array<element, sizeof...(Ts)>{reshape_leaves<Ts, first[I]>(w)...};
      }
      (std::index_sequence_for<Ts...>{});
    }(v, std::type_identity<T>{});
  } else {
    return v[First];
  }
}

template <class... Ts, class... Bs>
constexpr auto eval_tuple(const boost::hana::tuple<Ts...>& t, const Bs&... bs) {
  using tuple = boost::hana::tuple<Ts...>;
  if constexpr (sizeof...(Ts) > 0 && leaves_of<tuple>::shareable && !has_container_v<Bs...> &&
                (is_binding_v<Bs> && ...)) {
    // Components share subexpressions (y - x^2 in Rosenbrock's gradient and
    // Hessian): one schedule for all of them computes each once. Each
    // component's run-time scalars have slots of their own in it, so a
    // subexpression holding one is not shared (docs/design.md).
    return reshape_leaves<tuple, 0>(evaluate_all(typename leaves_of<tuple>::type{}, constants_of(t), bs...));
  } else {
    return boost::hana::unpack(t, [&](const auto&... es) {
      using element = decltype(eval_any(boost::hana::front(t), bs...));
      return std::array<element, sizeof...(Ts)>{eval_any(es, bs...)...};
    });
  }
}

}  // namespace detail

/// `eval(f, x = 1.0, y = 2.0)` is `f(x = 1.0, y = 2.0)`; for a gradient it is a
/// std::array of values and for a Hessian a std::array of std::array.
template <class E, class... Bindings>
constexpr auto eval(const E& e, const Bindings&... bindings) {
  return detail::with_scalar_bindings([&](const auto&... bs) { return detail::eval_any(e, bs...); },
                                      bindings...);
}

}  // namespace tdiff

#endif  // TDIFF_EVALUATE_HPP
