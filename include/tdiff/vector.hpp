// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines vector variables (`var<"v", N>`: N scalar variables under one
/// name), `sum<N>` and `prod<N>`, and the binding of a `std::array` to all
/// components of a vector variable.
#ifndef TDIFF_VECTOR_HPP
#define TDIFF_VECTOR_HPP

#include <tdiff/detail/fixed_string.hpp>
#include <tdiff/detail/vector_binding.hpp>
#include <tdiff/expression.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tdiff::error {
/// Named in the first error line of a binding of the wrong size: the number
/// of components, of values, and the variable's name.
template <std::size_t Components, std::size_t Values, char... Name>
struct vector_variable_bound_to_array_of_another_size;
template <std::size_t Components, std::size_t Index, char... Name>
struct vector_variable_component_out_of_range;
}  // namespace tdiff::error

namespace tdiff::detail {
template <class Var, std::size_t N, std::size_t M>
struct report_vector_size;
template <char... C, std::size_t N, std::size_t M>
struct report_vector_size<variable<C...>, N, M> {
  static_assert(sizeof(error::vector_variable_bound_to_array_of_another_size<N, M, C...>) == 0,
                "tdiff: a vector variable takes a std::array with one value per component");
};
template <class Var, std::size_t N, std::size_t I>
struct report_component_range;
template <char... C, std::size_t N, std::size_t I>
struct report_component_range<variable<C...>, N, I> {
  static_assert(sizeof(error::vector_variable_component_out_of_range<N, I, C...>) == 0,
                "tdiff: a vector variable's component index must be below its size");
};
}  // namespace tdiff::detail

namespace tdiff {

/// A customization point for types that hold a fixed number of values, so
/// that they bind a vector variable as a std::array does: a specialization
/// gives `size` and `static std::array<T, size> to_array(const V&)`.
/// <tdiff/eigen.hpp> specializes it for Eigen's fixed-size vectors.
template <class V>
struct fixed_size_values;

template <class V>
concept fixed_size_vector = requires(const V& v) {
  fixed_size_values<V>::size;
  fixed_size_values<V>::to_array(v);
};

/// N scalar variables under one name: `var<"v", 3>`. Component I is the
/// variable named "v[I]" (get<I>(v), v[std::integral_constant<std::size_t, I>{}],
/// or a structured binding `auto [v0, v1, v2] = v;`). `v = std::array{...}`
/// gives every component a value.
template <detail::fixed_string Name, std::size_t N>
struct vector_variable {
  static_assert(N > 0, "tdiff: a vector variable needs at least one component, as in var<\"v\", 3>");

  static constexpr std::size_t size() { return N; }

  template <std::size_t I>
  constexpr auto get() const {
    if constexpr (I < N) {
      return expr<detail::component_t<Name, I>>{};
    } else {
      (void)sizeof(detail::report_component_range<typename detail::variable_named<Name>::type, N, I>);
      return expr<detail::component_t<Name, 0>>{};
    }
  }
  template <std::size_t I>
  constexpr auto operator[](std::integral_constant<std::size_t, I>) const {
    return get<I>();
  }

  /// Values for all components, in order.
  template <class T, std::size_t M>
  constexpr auto operator=(const std::array<T, M>& values) const {
    if constexpr (M == N) {
      static_assert(scalar<T>, "tdiff: a vector variable takes a std::array of numbers");
      return detail::vector_binding<Name, N, T>{values};
    } else {
      (void)sizeof(detail::report_vector_size<typename detail::variable_named<Name>::type, N, M>);
      return detail::vector_binding<Name, N, T>{};
    }
  }

  /// Values for all components from another fixed-size vector (an Eigen
  /// vector with <tdiff/eigen.hpp>), as from its std::array.
  template <fixed_size_vector V>
  constexpr auto operator=(const V& values) const {
    return *this = fixed_size_values<V>::to_array(values);
  }
};

/// Component I of the vector variable v.
template <std::size_t I, detail::fixed_string Name, std::size_t N>
constexpr auto get(const vector_variable<Name, N>& v) {
  return v.template get<I>();
}

namespace detail {
template <std::size_t N, class Fn, class Combine>
constexpr auto fold_indices(Fn& fn, Combine combine) {
  static_assert(N > 0, "tdiff: sum<N> and prod<N> need N >= 1");
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return combine(fn(std::integral_constant<std::size_t, I>{})...);
  }
  (std::make_index_sequence<N>{});
}
}  // namespace detail

/// fn(i) + ... for i = std::integral_constant<std::size_t, 0> ... <N - 1>.
template <std::size_t N, class Fn>
constexpr auto sum(Fn fn) {
  return detail::fold_indices<N>(fn, [](const auto&... terms) { return (terms + ...); });
}

/// fn(i) * ... for i = std::integral_constant<std::size_t, 0> ... <N - 1>.
template <std::size_t N, class Fn>
constexpr auto prod(Fn fn) {
  return detail::fold_indices<N>(fn, [](const auto&... factors) { return (factors * ...); });
}

}  // namespace tdiff

template <tdiff::detail::fixed_string Name, std::size_t N>
struct std::tuple_size<tdiff::vector_variable<Name, N>> : std::integral_constant<std::size_t, N> {};
template <std::size_t I, tdiff::detail::fixed_string Name, std::size_t N>
struct std::tuple_element<I, tdiff::vector_variable<Name, N>> {
  using type = decltype(std::declval<tdiff::vector_variable<Name, N>>().template get<I>());
};

#endif  // TDIFF_VECTOR_HPP
