// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the names of vector variables' components ("v[3]") and
/// `vector_binding` (`v = std::array{...}`), which evaluation spreads into
/// one binding per component.
#ifndef TDIFF_DETAIL_VECTOR_BINDING_HPP
#define TDIFF_DETAIL_VECTOR_BINDING_HPP

#include <tdiff/detail/evaluate.hpp>
#include <tdiff/detail/fixed_string.hpp>
#include <tdiff/detail/nodes.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <utility>

namespace tdiff {
template <detail::fixed_string Name, std::size_t N>
struct vector_variable;  // <tdiff/vector.hpp>
}  // namespace tdiff

namespace tdiff::detail {

constexpr std::size_t decimal_digits(std::size_t i) { return i < 10 ? 1 : 1 + decimal_digits(i / 10); }

/// "v[12]": the name of component I of the vector variable named Name.
template <fixed_string Name, std::size_t I>
constexpr auto component_text() {
  std::array<char, Name.size() + decimal_digits(I) + 2> text{};
  std::size_t at = 0;
  for (std::size_t k = 0; k < Name.size(); ++k) text[at++] = Name.chars[k];
  text[at++] = '[';
  for (std::size_t k = decimal_digits(I), rest = I; k-- > 0; rest /= 10) text[at + k] = char('0' + rest % 10);
  text[text.size() - 1] = ']';
  return text;
}
template <auto Text, std::size_t... J>
variable<Text[J]...> variable_from_text(std::index_sequence<J...>);

/// Component I of vector variable Name: a scalar variable named "Name[I]".
template <fixed_string Name, std::size_t I>
using component_t = decltype(variable_from_text<component_text<Name, I>()>(
    std::make_index_sequence<component_text<Name, I>().size()>{}));

/// `v = std::array{...}`: a value for every component of v.
template <fixed_string Name, std::size_t N, class T>
struct vector_binding {
  std::array<T, N> values;
};
template <class T>
inline constexpr bool is_vector_binding_v = false;
template <fixed_string Name, std::size_t N, class T>
inline constexpr bool is_vector_binding_v<vector_binding<Name, N, T>> = true;

/// A binding as a tuple of scalar bindings: a vector binding gives one per component.
template <class B>
constexpr auto as_bindings(const B& b) {
  if constexpr (is_vector_binding_v<B>) {
    return [&]<fixed_string Name, std::size_t N, class T, std::size_t... I>(
        const vector_binding<Name, N, T>& vb, std::index_sequence<I...>) {
      return std::tuple{binding<component_t<Name, I>, T>{vb.values[I]}...};
    }
    (b, std::make_index_sequence<std::tuple_size_v<decltype(b.values)>>{});
  } else {
    return std::tuple<const B&>{b};
  }
}

/// f(args...) with some arguments spread: Spread(a) gives the tuple of
/// arguments that a stands for. When Any is false nothing needs spreading,
/// and f is called directly (no tuple is built: this is every call without
/// vector variables). Forced inline like eval: out of line (std::apply's
/// lambda), a 32-variable Hessian's numbers and results went through memory
/// (756 ns against 129 ns inline, benchmark/chained.cpp with g++ -O3).
template <bool Any, class F, class Spread, class... As>
[[gnu::always_inline]] constexpr decltype(auto) call_spread(F&& f, Spread spread, const As&... as) {
  if constexpr (Any) {
    const auto flat = std::tuple_cat(spread(as)...);
    return [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline))->decltype(auto) {
      return f(std::get<I>(flat)...);
    }
    (std::make_index_sequence<std::tuple_size_v<decltype(flat)>>{});
  } else {
    return f(as...);
  }
}

/// Calls f with the bindings, vector bindings spread into their components.
template <class F, class... Bs>
[[gnu::always_inline]] constexpr decltype(auto) with_scalar_bindings(F&& f, const Bs&... bs) {
  return call_spread<(is_vector_binding_v<Bs> || ...)>(
      f, [](const auto& b) { return as_bindings(b); }, bs...);
}

template <class T>
inline constexpr bool is_vector_variable_v = false;
template <fixed_string Name, std::size_t N>
inline constexpr bool is_vector_variable_v<vector_variable<Name, N>> = true;

/// A vector variable as the tuple of its components; anything else as itself.
template <class V>
constexpr auto components(const V& v) {
  if constexpr (is_vector_variable_v<V>) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) { return std::tuple{v.template get<I>()...}; }
    (std::make_index_sequence<V::size()>{});
  } else {
    return std::tuple<V>{v};
  }
}

/// Calls f with the variables, vector variables spread into their components.
template <class F, class... Xs>
constexpr decltype(auto) with_scalar_variables(F&& f, const Xs&... xs) {
  return call_spread<(is_vector_variable_v<Xs> || ...)>(
      f, [](const auto& x) { return components(x); }, xs...);
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_VECTOR_BINDING_HPP
