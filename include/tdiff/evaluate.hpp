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
#include <tdiff/functions.hpp>

#include <boost/hana/front.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
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
[[gnu::always_inline]] constexpr auto eval_any(const E& e, const Bs&... bs) {
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

/// The expressions of a (nested) tuple, in order.
template <class E>
struct flat {
  using type = type_list<E>;
};
template <class... Ts>
struct flat<boost::hana::tuple<Ts...>> {
  using type = concat_t<typename flat<Ts>::type...>;
};
template <class E>
using flat_t = typename flat<E>::type;

template <class L>
inline constexpr std::size_t list_size_v = 0;
template <class... Ts>
inline constexpr std::size_t list_size_v<type_list<Ts...>> = sizeof...(Ts);

/// The slots that bit set B marks, in increasing order.
template <const auto& B>
inline constexpr auto slots_in = [] {
  constexpr std::size_t count = [] {
    std::size_t n = 0;
    for (std::uint64_t w : B)
      for (; w != 0; w &= w - 1) ++n;
    return n;
  }();
  std::array<std::size_t, count> at{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < B.size() * 64; ++i)
    if (B[i / 64] >> (i % 64) & 1) at[n++] = i;
  return at;
}();

/// A code per arithmetic type (0 for any other), so that the scalars' types
/// of two expressions compare in a constant expression (comparing addresses
/// of one variable per type is not a constant expression for g++ under
/// -fsanitize=undefined).
template <class T>
constexpr unsigned char scalar_code() {
  using list = type_list<short, unsigned short, int, unsigned, long, unsigned long, long long,
                         unsigned long long, float, double, long double>;
  return []<class... Ts>(type_list<Ts...>) {
    const bool match[] = {std::is_same_v<T, Ts>...};
    for (unsigned char k = 0; k < sizeof...(Ts); ++k)
      if (match[k]) return static_cast<unsigned char>(k + 1);
    return static_cast<unsigned char>(0);
  }(list{});
}

/// The codes of a scalars' type values<Ts...>, one per slot.
template <class V>
inline constexpr std::array<unsigned char, 0> scalar_codes{};
template <class... Ts>
inline constexpr std::array<unsigned char, sizeof...(Ts)> scalar_codes<values<Ts...>>{scalar_code<Ts>()...};

struct codes_view {
  const unsigned char* at;
  std::size_t size;
};

/// Whether a and b are the codes of one scalars' type (one whose code 0 is
/// no other's).
constexpr bool same_scalar_types(codes_view a, codes_view b) {
  if (a.size != b.size) return false;
  for (std::size_t k = 0; k < a.size; ++k)
    if (a.at[k] != b.at[k] || a.at[k] == 0) return false;
  return true;
}

/// The scalars' types with placeholders (see prune) replaced by the types they stand for.
template <class C>
struct full_scalars;
template <class... Ts>
struct full_scalars<values<Ts...>> {
  using type = values<typename scalar_of<Ts>::type...>;
};

/// The scalars' bits that expression E reads (see slot_set).
template <class E>
constexpr auto read_bits() {
  if constexpr (size_v<typename E::constants_type> == 0)
    return std::array<std::uint64_t, 0>{};
  else
    return slot_set<typename E::node_type>::bits;
}

/// How the expressions Es of a tuple (all of them, flattened) are evaluated
/// by one schedule. Expressions whose run-time scalars have one type (up to
/// the placeholders of scalars they do not read), the class of the gradient
/// and Hessian of one expression, share one copy of them: each slot means
/// the same scalar in all of them, so a subexpression holding one
/// (100 (y - x^2) in Rosenbrock's) is computed once. The shared copy takes
/// each slot from the first expression of the class that reads it; classes
/// follow one another. That the scalars are indeed equal is checked at run
/// time (check_shared); an expression whose scalars differ is evaluated again
/// with its own. The per-expression code lives in free functions named by
/// that expression alone: names that carried the whole tuple grew with the
/// square of its size.
template <class L>
struct sharing;
template <class... Es>
struct sharing<type_list<Es...>> {
  static constexpr std::size_t count = sizeof...(Es);
  /// class_of[i]: the class of expression i, numbered by first appearance;
  /// first[c]: the first expression of class c. (No fold expressions over
  /// the expressions here or below: clang++ nests folds at most 256 deep.)
  struct partition {
    std::array<std::size_t, count> class_of;
    std::array<std::size_t, count> first;
    std::size_t classes;
  };
  static constexpr partition parts = [] {
    const codes_view id[] = {{scalar_codes<typename full_scalars<typename Es::constants_type>::type>.data(),
                              size_v<typename Es::constants_type>}...};
    partition p{};
    for (std::size_t i = 0; i < count; ++i) {
      std::size_t c = 0;
      while (c < p.classes && !same_scalar_types(id[p.first[c]], id[i])) ++c;
      if (c == p.classes) p.first[p.classes++] = i;
      p.class_of[i] = c;
    }
    return p;
  }();
  static constexpr auto& class_of = parts.class_of;
  template <std::size_t... K>
  static auto classes_of(std::index_sequence<K...>) -> type_list<
      typename full_scalars<typename op_at_t<parts.first[K], type_list<Es...>>::constants_type>::type...>;
  using classes = decltype(classes_of(std::make_index_sequence<parts.classes>{}));

  template <class... Ks>
  static constexpr auto offsets_of(type_list<Ks...>) {
    std::array<std::size_t, sizeof...(Ks) + 1> at{};
    const std::size_t sizes[] = {size_v<Ks>...};
    for (std::size_t k = 0; k < sizeof...(Ks); ++k) at[k + 1] = at[k] + sizes[k];
    return at;
  }
  static constexpr auto offset = offsets_of(classes{});  // and the total
  static constexpr std::size_t none = count;

  /// source[offset[c] + s]: the first expression of class c reading slot s;
  /// check[i]: whether expression i reads a slot another one provides.
  struct sources {
    std::array<std::size_t, offset.back()> source;
    std::array<bool, count> check;
  };
  static constexpr sources plan = [] {
    sources p{};
    for (auto& a : p.source) a = none;
    for (int pass = 0; pass < 2; ++pass) {
      std::size_t i = 0;
      const auto visit = [&](const auto& bits) {
        for (std::size_t b = 0; b < bits.size() * 64; ++b) {
          if (!(bits[b / 64] >> (b % 64) & 1)) continue;
          std::size_t& from = p.source[offset[class_of[i]] + b];
          if (pass == 0 && from == none) from = i;
          if (pass == 1 && from != i) p.check[i] = true;
        }
        ++i;
      };
      const bool visited[] = {(visit(read_bits<Es>()), true)...};
      (void)visited;
    }
    return p;
  }();

  /// The expressions whose scalars are read at run time (a source or
  /// checked), in order, and each expression's place among them.
  struct needed_list {
    std::array<std::size_t, count> place;
    std::array<std::size_t, count> which;
    std::size_t size;
  };
  static constexpr needed_list needed = [] {
    needed_list n{};
    std::array<bool, count> is{};
    for (std::size_t s : plan.source)
      if (s != none) is[s] = true;
    for (std::size_t i = 0; i < count; ++i)
      if (is[i] || plan.check[i]) n.place[i] = n.size, n.which[n.size++] = i;
    return n;
  }();

  /// Whether an expression reads joined slot k, and the place of the first
  /// that does among the needed (0 if none).
  static constexpr bool read(std::size_t k) { return plan.source[k] != none; }
  static constexpr std::size_t from(std::size_t k) { return read(k) ? needed.place[plan.source[k]] : 0; }

  /// The expressions i with check[i], as an index sequence.
  static constexpr std::size_t checks = [] {
    std::size_t n = 0;
    for (bool c : plan.check) n += c;
    return n;
  }();
  static constexpr auto checked = [] {
    std::array<std::size_t, checks> at{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < count; ++i)
      if (plan.check[i]) at[n++] = i;
    return at;
  }();
  template <std::size_t... K>
  static auto checked_of(std::index_sequence<K...>) -> std::index_sequence<checked[K]...>;
  using checked_indices = decltype(checked_of(std::make_index_sequence<checks>{}));
  using elements = type_list<Es...>;

  template <std::size_t... I>
  static auto nodes_of(std::index_sequence<I...>)
      -> type_list<std::conditional_t<offset[class_of[I]] == 0, typename Es::node_type,
                                      shift_t<typename Es::node_type, offset[class_of[I]]>>...>;
  using nodes = decltype(nodes_of(std::index_sequence_for<Es...>{}));
};

/// The scalar of slot S of the expression whose scalars c points to, or
/// X{} for a slot that no expression of the class reads.
template <class X, std::size_t S, bool Read, class C>
[[gnu::always_inline]] constexpr X shared_scalar(const C* c) {
  if constexpr (Read)
    return get<S>(*c);
  else
    return X{};
}

/// The shared scalars of class K (their types values<Ss...>); parts[i]
/// points to expression i's scalars.
template <class Plan, std::size_t K, class Parts, class... Ss>
[[gnu::always_inline]] constexpr auto shared_block(const Parts& parts, std::type_identity<values<Ss...>>) {
  return [&]<std::size_t... S>(std::index_sequence<S...>) __attribute__((always_inline)) {
    return make_values(shared_scalar<Ss, S, Plan::read(Plan::offset[K] + S)>(
        get<Plan::from(Plan::offset[K] + S)>(parts))...);
  }
  (std::index_sequence_for<Ss...>{});
}

/// The shared scalars of all classes, side by side.
template <class Plan, class Parts, class... Ks, std::size_t... K>
[[gnu::always_inline]] constexpr auto shared_scalars(const Parts& parts, type_list<Ks...>,
                                                     std::index_sequence<K...>) {
  return cat_all(shared_block<Plan, K>(parts, std::type_identity<Ks>{})...);
}

/// If expression E (node N in the shared schedule, its scalars own, its
/// class's shared ones from slot First on) reads a scalar that differs from
/// the shared one, its value out is computed again by its own schedule with
/// its own scalars.
template <std::size_t First, class N, class E, class R, class C, class Ctx>
[[gnu::always_inline]] constexpr void check_shared(R& out, const C* own, const Ctx& ctx) {
  constexpr auto& at = slots_in<slot_set<typename E::node_type>::bits>;
  const bool same = [&]<std::size_t... S>(std::index_sequence<S...>) {
    return ((get<at[S]>(*own) == get<First + at[S]>(ctx.constants)) && ...);
  }
  (std::make_index_sequence<at.size()>{});
  if (!same) {
    auto mine = ctx.constants;
    [&]<std::size_t... S>(std::index_sequence<S...>) { ((get<First + at[S]>(mine) = get<at[S]>(*own)), ...); }
    (std::make_index_sequence<at.size()>{});
    out = value_alone<R, N>(Ctx{mine, ctx.bindings});
  }
}

/// check_shared for the expressions I that read scalars others provide.
template <class Plan, class Result, class Ctx, class Parts, std::size_t... I>
[[gnu::always_inline]] constexpr void check_all(Result& out, const Ctx& ctx, const Parts& parts,
                                                std::index_sequence<I...>) {
  using nodes = typename Plan::nodes;
  using elements = typename Plan::elements;
  const bool checked[] = {
      (check_shared<Plan::offset[Plan::class_of[I]], op_at_t<I, nodes>, op_at_t<I, elements>>(
           element_ref<I>(out), get<Plan::needed.place[I]>(parts), ctx),
       true)...,
      true};
  (void)checked;
}

/// Expression I of a (nested) tuple's flattened expressions.
template <std::size_t I, class T>
constexpr const auto& element_at(const T& t) {
  if constexpr (!is_hana_tuple_v<T>) {
    return t;
  } else {
    return [&]<class... Ts>(std::type_identity<boost::hana::tuple<Ts...>>) -> const auto& {
      struct place {
        std::size_t part, index;
      };
      constexpr place at = [] {
        const std::size_t counts[] = {list_size_v<flat_t<Ts>>...};
        place p{0, I};
        while (p.index >= counts[p.part]) p.index -= counts[p.part++];
        return p;
      }();
      return element_at<at.index>(boost::hana::at_c<at.part>(t));
    }
    (std::type_identity<T>{});
  }
}

/// Pointers to the scalars of the expressions of tuple t that Plan needs.
template <class Plan, class T>
[[gnu::always_inline]] constexpr auto scalars_of(const T& t) {
  return [&]<std::size_t... K>(std::index_sequence<K...>) __attribute__((always_inline)) {
    return make_values(&element_at<Plan::needed.which[K]>(t).constants...);
  }
  (std::make_index_sequence<Plan::needed.size>{});
}

/// The result of evaluating tuple T: nested std::arrays of R.
template <class T, class R>
struct result_of_tuple {
  using type = R;
};
template <class T, class... Ts, class R>
struct result_of_tuple<boost::hana::tuple<T, Ts...>, R> {
  using type = std::array<typename result_of_tuple<T, R>::type, 1 + sizeof...(Ts)>;
};

template <class L>
inline constexpr bool all_expressions_v = false;
template <class... Es>
inline constexpr bool all_expressions_v<type_list<Es...>> = [] {
  const bool each[] = {expression<Es>..., true};
  for (bool b : each)
    if (!b) return false;
  return true;
}();

template <class... Ts, class... Bs>
[[gnu::always_inline]] constexpr auto eval_tuple(const boost::hana::tuple<Ts...>& t, const Bs&... bs) {
  using tuple = boost::hana::tuple<Ts...>;
  if constexpr (sizeof...(Ts) > 0 && all_expressions_v<flat_t<tuple>> && !has_container_v<Bs...> &&
                (is_binding_v<Bs> && ...)) {
    // Components share subexpressions (y - x^2 in Rosenbrock's gradient and
    // Hessian): one schedule for all of them computes each once.
    using plan = sharing<flat_t<tuple>>;
    using R = typename value_type_or_double<type_list<Bs...>>::type;
    const auto parts = scalars_of<plan>(t);
    const auto shared = shared_scalars<plan>(parts, typename plan::classes{},
                                             std::make_index_sequence<plan::offset.size() - 1>{});
    const auto check = [&](auto& out, const auto& ctx) __attribute__((always_inline)) {
      check_all<plan>(out, ctx, parts, typename plan::checked_indices{});
    };
    typename result_of_tuple<tuple, R>::type result;  // every element is written
    evaluate_all(result, typename plan::nodes{}, shared, check, bs...);
    return result;
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
[[gnu::always_inline]] constexpr auto eval(const E& e, const Bindings&... bindings) {
  // Forced inline down to the schedule, so that a gradient or Hessian held in
  // a constexpr object is evaluated with its numbers known to the optimizer
  // (clang++ had left this lambda out of line: 2.9 -> 9.7 ns for a 3-D
  // Rosenbrock's gradient and Hessian with plain numbers).
  return detail::with_scalar_bindings(
      [&](const auto&... bs) __attribute__((always_inline)) { return detail::eval_any(e, bs...); },
      bindings...);
}

}  // namespace tdiff

#endif  // TDIFF_EVALUATE_HPP
