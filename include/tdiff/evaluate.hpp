// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::eval`: the value of an expression, or of a gradient or
/// Hessian (hana tuples of expressions) as std::array.
#ifndef TDIFF_EVALUATE_HPP
#define TDIFF_EVALUATE_HPP

#include <tdiff/detail/evaluate.hpp>
#include <tdiff/expression.hpp>

#include <boost/hana/front.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <array>

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

template <class... Ts, class... Bs>
constexpr auto eval_tuple(const boost::hana::tuple<Ts...>& t, const Bs&... bs) {
  return boost::hana::unpack(t, [&](const auto&... es) {
    using element = decltype(eval_any(boost::hana::front(t), bs...));
    return std::array<element, sizeof...(Ts)>{eval_any(es, bs...)...};
  });
}

}  // namespace detail

/// `eval(f, x = 1.0, y = 2.0)` is `f(x = 1.0, y = 2.0)`; for a gradient it is a
/// std::array of values and for a Hessian a std::array of std::array.
template <class E, class... Bindings>
constexpr auto eval(const E& e, const Bindings&... bindings) {
  return detail::eval_any(e, bindings...);
}

}  // namespace tdiff

#endif  // TDIFF_EVALUATE_HPP
