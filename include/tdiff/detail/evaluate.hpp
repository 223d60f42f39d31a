// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `evaluate`: the value of a node given the run-time constants of its
/// expression and the values bound to its variables. Each distinct
/// subexpression is computed once per call (see schedule.hpp). Containers are
/// evaluated in blocks of elements, one schedule entry at a time over the
/// block: each entry is a short loop the compiler vectorises, and functions
/// with an array kernel (simd.hpp) compute the block in SIMD registers.
///
/// Misuse is reported here, before any evaluation is instantiated, so the
/// first error line is the one that explains it (see tdiff::error).
#ifndef TDIFF_DETAIL_EVALUATE_HPP
#define TDIFF_DETAIL_EVALUATE_HPP

#include <tdiff/detail/concepts.hpp>
#include <tdiff/detail/math.hpp>
#include <tdiff/detail/nodes.hpp>
#include <tdiff/detail/schedule.hpp>
#include <tdiff/detail/values.hpp>
#include <tdiff/detail/variables.hpp>

#include <concepts>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>

/// Incomplete types whose names are the first line of a diagnostic.
namespace tdiff::error {
/// `f(...)` was called without a value for the variable `Name`.
template <char... Name>
struct variable_is_not_bound;
/// The same variable was given two values in one call.
template <char... Name>
struct variable_is_bound_twice;
/// `x = v` with a `v` that is not a number.
template <char... Name>
struct value_bound_to_variable_is_not_a_number;
}  // namespace tdiff::error

namespace tdiff::detail {

/// The value `v` given to variable `Var` by `x = v`. `V` is a const reference
/// for a container bound from an lvalue (no copy), a value otherwise.
template <class Var, class V>
struct binding {
  using variable = Var;
  using value_type = std::remove_cvref_t<V>;
  V value;
};

template <class T>
inline constexpr bool is_binding_v = false;
template <class Var, class V>
inline constexpr bool is_binding_v<binding<Var, V>> = true;

template <class V>
using promoted_t = std::conditional_t<std::is_integral_v<V>, double, V>;

template <class V>
struct element_of {
  using type = promoted_t<V>;
};
template <elementwise C>
struct element_of<C> {
  using type = typename C::value_type;
};

template <class... Bs>
inline constexpr bool has_container_v = (elementwise<typename Bs::value_type> || ...);

/// The first container type among the bindings.
template <class... Bs>
struct first_container {
  using type = void;
};
template <class B, class... Bs>
struct first_container<B, Bs...> {
  using type = std::conditional_t<elementwise<typename B::value_type>, typename B::value_type,
                                  typename first_container<Bs...>::type>;
};

/// The scalar type of an evaluation: the common type of the bound values (or
/// of their elements), with integers evaluated as double; double when nothing
/// is bound.
template <class... Bs>
struct element_type_of {
  using type = std::common_type_t<typename element_of<typename Bs::value_type>::type...>;
};
template <>
struct element_type_of<> {
  using type = double;
};

template <class Constants, class... Bs>
struct context {
  const Constants& constants;
  std::tuple<const Bs&...> bindings;

  /// The value (a number or a container) bound to the variable whose name
  /// hashes to Id.
  template <std::uint64_t Id>
  constexpr const auto& binding_of_id() const {
    return std::get<index_of_id<Id>()>(bindings).value;
  }
  template <std::uint64_t Id>
  static constexpr std::size_t index_of_id() {
    constexpr bool match[] = {(node_info<typename Bs::variable>::self.id == Id)...};
    std::size_t k = 0;
    while (!match[k]) ++k;  // check_bindings made sure the variable is bound
    return k;
  }
};

// ------------------------------------------------ one step of the schedule

/// Whether entry E has the same value for every element (computed once).
template <step_entry E>
inline constexpr bool uniform_entry = E.what == kind::constant || E.what == kind::slot;

/// Entry e without its operands' positions: the template argument of step
/// and block_entry, so that all sums of a schedule (all products, all sines,
/// ...) share one instantiation and the positions come as arguments. A
/// schedule of order 8 has hundreds of entries but a few dozen shapes. With
/// an instantiation per entry (990 functions in the orders 1..8 unit, each
/// instantiated, generated and inlined on its own) clang++ ran 17% more
/// instructions on that unit; g++ 1.5% more (docs/performance.md).
constexpr step_entry shape_of(step_entry e) {
  e.a = e.b = e.c = 0;
  return e;
}

/// Computes an entry of shape E of a schedule (whose ops are Ops) from the
/// values a, b, c of its operands (those it has): the one rule of the scalar
/// evaluator and of the block evaluator. The operands are references into
/// the schedule's values, bound (not read) for every entry, so that the
/// caller indexes its array with constants.
template <class T, step_entry E, class Ops, class Ctx>
[[gnu::always_inline]] constexpr T step(const T& a, const T& b, const T& c, const Ctx& ctx) {
  if constexpr (E.what == kind::variable) {
    return static_cast<T>(ctx.template binding_of_id<E.id>());
  } else if constexpr (E.what == kind::constant) {
    if constexpr (E.q == 1)
      return static_cast<T>(E.p);
    else
      return static_cast<T>(E.p) / static_cast<T>(E.q);
  } else if constexpr (E.what == kind::slot) {
    return static_cast<T>(get<static_cast<std::size_t>(E.p)>(ctx.constants));
  } else if constexpr (E.what == kind::sum) {
    return a + b;
  } else if constexpr (E.what == kind::product) {
    return a * b;
  } else if constexpr (E.what == kind::power) {
    if constexpr (E.constant_exponent && E.q == 1)
      return math::ipow_c<E.p>(a);  // x^4 as (x*x)*(x*x)
    else if constexpr (E.constant_exponent && E.q == 2)
      return math::ipow_c<E.p>(math::sqrt(a));
    else
      return math::pow(a, b);
  } else if constexpr (E.what == kind::unary) {
    return static_cast<T>(op_at_t<E.op_index, Ops>::value(a));
  } else if constexpr (E.what == kind::binary) {
    return static_cast<T>(op_at_t<E.op_index, Ops>::value(a, b));
  } else if constexpr (E.what == kind::select) {
    return a != T(0) ? b : c;
  } else {
    return T{};  // a group only ties roots together
  }
}

/// Fills v with the entries I of N's schedule, in order.
template <class T, class N, class V, class Ctx, std::size_t... I>
[[gnu::always_inline]] constexpr void run_steps(V& v, const Ctx& ctx, std::index_sequence<I...>) {
  constexpr auto& table = schedule<N>::table;
  // A braced list, not a fold: evaluated in order, with no nesting limit.
  using ops = typename schedule<N>::ops;
  const bool done[] = {
      ((v[I] = step<T, shape_of(table[I]), ops>(v[table[I].a], v[table[I].b], v[table[I].c], ctx)), true)...};
  (void)done;
}

/// The values of every node of N's closure, each once, children first:
/// straight-line code in the caller, as a person would write it (clang++
/// did not inline a schedule of 51 entries, and kept its array in memory).
template <class T, class N, class Ctx>
[[gnu::always_inline]] constexpr auto run_schedule_values(const Ctx& ctx) {
  std::array<T, schedule<N>::table.size()> v;  // each entry written before it is read
  run_steps<T, N>(v, ctx, std::make_index_sequence<schedule<N>::table.size()>{});
  return v;
}

/// The value of node N.
template <class T, class N, class Ctx>
constexpr T run_schedule(const Ctx& ctx) {
  return run_schedule_values<T, N, Ctx>(ctx).back();
}

// ----------------------------------------------- blocks of container elements

/// Whether entry E is a function of doubles whose op has an array kernel.
template <class T, step_entry E, class Ops>
constexpr bool array_kernel_entry() {
  if constexpr (E.what == kind::unary && std::same_as<T, double>)
    return has_array_kernel<op_at_t<E.op_index, Ops>>;
  else
    return false;
}

/// Computes an entry of shape E of a schedule for the elements
/// [first, first + m) of the bound containers into out, from its operands'
/// values for the block in a, b and c.
template <class T, step_entry E, class Ops, class Ctx>
void block_entry(T* out, const T* a, const T* b, const T* c, const Ctx& ctx, std::size_t first,
                 std::size_t m) {
  if constexpr (uniform_entry<E>) {
    return;  // filled once, before the first block
  } else if constexpr (E.what == kind::variable) {
    const auto& v = ctx.template binding_of_id<E.id>();
    if constexpr (elementwise<std::remove_cvref_t<decltype(v)>>) {
      for (std::size_t j = 0; j < m; ++j) out[j] = static_cast<T>(v[first + j]);
    } else {
      for (std::size_t j = 0; j < m; ++j) out[j] = static_cast<T>(v);
    }
  } else if constexpr (array_kernel_entry<T, E, Ops>()) {
    op_at_t<E.op_index, Ops>::value_n(a, out, m);  // an array kernel
  } else {
    for (std::size_t j = 0; j < m; ++j) out[j] = step<T, E, Ops>(a[j], b[j], c[j], ctx);
  }
}

/// The rows of a block evaluation (a unique_ptr<T[]> without <memory>).
template <class T>
struct block_buffer {
  T* data;
  explicit block_buffer(std::size_t n) : data(new T[n]) {}
  block_buffer(const block_buffer&) = delete;
  block_buffer& operator=(const block_buffer&) = delete;
  ~block_buffer() { delete[] data; }
};

template <class T, class N, class Ctx, class R>
void run_schedule_blocks(const Ctx& ctx, std::size_t n, R& result) {
  constexpr auto& table = schedule<N>::table;
  constexpr std::size_t entries = table.size();
  // Elements per block: the block's rows stay within ~64 KiB (L1/L2).
  constexpr std::size_t fit = 8192 / entries / 4 * 4;
  constexpr std::size_t width = fit < 8 ? 8 : fit > 256 ? 256 : fit;
  const block_buffer<T> buffer(entries * width);
  const auto row = [&](std::size_t k) { return buffer.data + k * width; };
  // Entries that do not depend on an element are computed once.
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto fill = [&]<std::size_t K>(std::integral_constant<std::size_t, K>) {
      if constexpr (uniform_entry<table[K]>) {
        const T none{};
        const T v = step<T, shape_of(table[K]), typename schedule<N>::ops>(none, none, none, ctx);
        for (std::size_t j = 0; j < width; ++j) row(K)[j] = v;
      }
    };
    (fill(std::integral_constant<std::size_t, I>{}), ...);
  }
  (std::make_index_sequence<entries>{});
  for (std::size_t first = 0; first < n; first += width) {
    const std::size_t m = n - first < width ? n - first : width;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (block_entry<T, shape_of(table[I]), typename schedule<N>::ops>(row(I), row(table[I].a), row(table[I].b),
                                                                     row(table[I].c), ctx, first, m),
       ...);
    }
    (std::make_index_sequence<entries>{});
    const T* last = row(entries - 1);
    for (std::size_t j = 0; j < m; ++j) result[first + j] = static_cast<typename R::value_type>(last[j]);
  }
}

// ------------------------------------------------------------ diagnostics

template <class Var, class... Bs>
inline constexpr bool is_bound_v = (std::is_same_v<Var, typename Bs::variable> || ...);

template <class List, class... Bs>
struct first_unbound {
  using type = void;
};
template <class V, class... Vs, class... Bs>
struct first_unbound<type_list<V, Vs...>, Bs...> {
  using type =
      std::conditional_t<is_bound_v<V, Bs...>, typename first_unbound<type_list<Vs...>, Bs...>::type, V>;
};

template <class Var>
struct report_unbound;
template <char... C>
struct report_unbound<variable<C...>> {
  static_assert(sizeof(error::variable_is_not_bound<C...>) == 0,
                "tdiff: every variable of an expression needs a value, as in f(x = 1.0)");
};

template <class... Bs>
struct first_duplicate {
  using type = void;
};
template <class B, class... Bs>
struct first_duplicate<B, Bs...> {
  using type = std::conditional_t<is_bound_v<typename B::variable, Bs...>, typename B::variable,
                                  typename first_duplicate<Bs...>::type>;
};

template <class Var>
struct report_duplicate;
template <char... C>
struct report_duplicate<variable<C...>> {
  static_assert(sizeof(error::variable_is_bound_twice<C...>) == 0,
                "tdiff: give each variable one value per evaluation");
};

/// Checks the bindings for node N; true when evaluation may proceed.
template <class N, class... Bs>
constexpr bool check_bindings() {
  if constexpr (!(is_binding_v<Bs> && ...)) {
    static_assert((is_binding_v<Bs> && ...),
                  "tdiff: evaluate an expression with named values, as in f(x = 1.0, y = 2.0)");
    return false;
  } else if constexpr (!std::is_void_v<typename first_duplicate<Bs...>::type>) {
    (void)sizeof(report_duplicate<typename first_duplicate<Bs...>::type>);
    return false;
  } else if constexpr (!std::is_void_v<typename first_unbound<variables_t<N>, Bs...>::type>) {
    (void)sizeof(report_unbound<typename first_unbound<variables_t<N>, Bs...>::type>);
    return false;
  } else {
    return true;
  }
}

template <char... C>
std::string name_of(variable<C...>) {
  return std::string{C...};
}

/// The size shared by every container bound; throws if they differ.
template <class... Bs>
std::size_t common_size(const Bs&... bs) {
  std::size_t size = 0;
  std::string seen;
  auto visit = [&](const auto& b) {
    using B = std::remove_cvref_t<decltype(b)>;
    if constexpr (elementwise<typename B::value_type>) {
      const std::size_t n = b.value.size();
      const std::string here = name_of(typename B::variable{}) + " has " + std::to_string(n);
      if (!seen.empty() && n != size)
        throw std::invalid_argument("tdiff: elementwise evaluation needs containers of one size, but " +
                                    seen + " elements and " + here);
      if (seen.empty()) seen = here;
      size = n;
    }
  };
  (visit(bs), ...);
  return size;
}

template <class T>
struct value_type_or_double {
  using type = double;
};
template <class... Bs>
requires(is_binding_v<Bs>&&...) struct value_type_or_double<type_list<Bs...>> {
  using type = std::conditional_t<has_container_v<Bs...>, typename first_container<Bs...>::type,
                                  typename element_type_of<Bs...>::type>;
};

/// The value of node N; Constants is the expression's tuple of run-time scalars.
template <class N, class Constants, class... Bs>
constexpr auto evaluate(const Constants& constants, const Bs&... bs) {
  using R = typename value_type_or_double<type_list<Bs...>>::type;
  if constexpr (!check_bindings<N, Bs...>()) {
    return R{};  // unreachable: a diagnostic was issued above
  } else if constexpr (has_container_v<Bs...>) {
    using T = typename element_type_of<Bs...>::type;
    const std::size_t n = common_size(bs...);
    R result(n);
    const context<Constants, Bs...> ctx{constants, {bs...}};
    run_schedule_blocks<T, N>(ctx, n, result);
    return result;
  } else {
    const context<Constants, Bs...> ctx{constants, {bs...}};
    return run_schedule<R, N>(ctx);
  }
}

/// Several roots under one scheduling node: a balanced tree of groups.
/// Sixteen roots at a time become a group 4 deep, peeled off the list by
/// pattern matching; the groups are grouped alike, and a last short run is
/// paired level by level. (A list nested one root per level grew its types
/// with the square of the roots and went past the compilers' template depth;
/// pairing by index, op_at_t's overload resolution over one base per root,
/// cost the square of the roots too: 7 s of a 32-variable Hessian's 34 s.)
template <class A, class B, class C, class D>
using group4 = group<group<A, B>, group<C, D>>;
template <class... Ns>
struct tie_short;  // fewer than 16 roots, paired by index
template <class N>
struct tie_short<N> {
  using type = N;
};
template <class N0, class N1, class... Ns>
struct tie_short<N0, N1, Ns...> {
  template <std::size_t... I>
  static auto pairs(std::index_sequence<I...>) -> tie_short<
      std::conditional_t<2 * I + 1 < 2 + sizeof...(Ns),
                         group<op_at_t<2 * I, type_list<N0, N1, Ns...>>,
                               op_at_t<(2 * I + 1) % (2 + sizeof...(Ns)), type_list<N0, N1, Ns...>>>,
                         op_at_t<2 * I, type_list<N0, N1, Ns...>>>...>;
  using type = typename decltype(pairs(std::make_index_sequence<(sizeof...(Ns) + 3) / 2>{}))::type;
};
template <class... Ns>
struct tie_runs {  // the runs of 16 roots, each tied into one group
  using type = type_list<typename tie_short<Ns...>::type>;
};
template <>
struct tie_runs<> {
  using type = type_list<>;
};
template <class A0, class A1, class A2, class A3, class A4, class A5, class A6, class A7, class A8, class A9,
          class A10, class A11, class A12, class A13, class A14, class A15, class... Ns>
struct tie_runs<A0, A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, A13, A14, A15, Ns...> {
  using run = group<group<group4<A0, A1, A2, A3>, group4<A4, A5, A6, A7>>,
                    group<group4<A8, A9, A10, A11>, group4<A12, A13, A14, A15>>>;
  template <class... Rs>
  static type_list<run, Rs...> prepend(type_list<Rs...>);
  using type = decltype(prepend(typename tie_runs<Ns...>::type{}));
};
template <class L>
struct group_of;
template <class N>
struct group_of<type_list<N>> {
  using type = N;
};
template <class... Ns>
struct group_of<type_list<Ns...>> {
  using type = typename group_of<typename tie_runs<Ns...>::type>::type;
};

/// The value of node N, out of line: for one expression of a tuple whose
/// numbers differ from those it shares (see eval_tuple).
template <class R, class N, class Ctx>
[[gnu::noinline]] constexpr R value_alone(const Ctx& ctx) {
  return run_schedule<R, N>(ctx);
}

/// Element I of nested std::arrays (rows of equal size), counted flat.
template <class A>
inline constexpr std::size_t flat_size_v = 1;
template <class T, std::size_t N>
inline constexpr std::size_t flat_size_v<std::array<T, N>> = N* flat_size_v<T>;
template <std::size_t I, class T, std::size_t N>
constexpr auto& element_ref(std::array<T, N>& a) {
  if constexpr (!requires { std::tuple_size<T>::value; })
    return a[I];
  else
    return element_ref<I % flat_size_v<T>>(a[I / flat_size_v<T>]);
}

/// Writes the values of the nodes Ns at numbers bs into result (nested
/// std::arrays, element I counted flat), by one schedule: what they share is
/// computed once. Their slots index `constants`. Then check(result, ctx) may
/// replace some (see eval_tuple). Each value is written once, in place.
template <class... Ns, class Constants, class Check, class Result, class... Bs>
[[gnu::always_inline]] constexpr void evaluate_all(Result& result, type_list<Ns...>,
                                                   const Constants& constants, const Check& check,
                                                   const Bs&... bs) {
  using G = typename group_of<type_list<Ns...>>::type;
  using R = typename value_type_or_double<type_list<Bs...>>::type;
  if constexpr (check_bindings<G, Bs...>()) {
    const context<Constants, Bs...> ctx{constants, {bs...}};
    const auto v = run_schedule_values<R, G>(ctx);
    constexpr auto& at = positions_v<G, Ns...>;
    [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline)) {
      const bool written[] = {((element_ref<I>(result) = v[at[I]]), true)...};
      (void)written;
    }
    (std::make_index_sequence<sizeof...(Ns)>{});
    check(result, ctx);
  }
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_EVALUATE_HPP
