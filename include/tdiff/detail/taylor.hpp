// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `taylor_t<N, V, K>`: the K-th Taylor coefficient of node N in the
/// variable V, (d^K N / dV^K) / K!, as a node built from the coefficients of
/// N's children of orders up to K by the standard recurrences:
///
///  * sum: a_k + b_k; product: the Cauchy product sum_j a_j b_(k-j);
///  * f(a), with f'(a) = w a node: k u_k = sum_(j=1..k) j a_j w_(k-j), where w's
///    coefficients come from the same recurrences (d exp = exp, d tanh =
///    1 - tanh^2: the rule closes on u itself, so there is no new node);
///  * b^e with e exact: b^n = b^(n-1) b for n = 2, 3, ... (exact at b = 0),
///    else k b_0 u_k = sum_(j=1..k) (e j - k + j) b_j u_(k-j);
///  * b^e with e depending on V: u = exp(e log b), k u_k = sum j g_j u_(k-j).
///
/// Each (node, order) pair is one class template instantiation, so the
/// number of distinct types grows as (nodes of N) x K, against about K^3 for
/// K nested symbolic derivatives, and the schedule evaluates each once.
#ifndef TDIFF_DETAIL_TAYLOR_HPP
#define TDIFF_DETAIL_TAYLOR_HPP

#include <tdiff/detail/derivative.hpp>
#include <tdiff/detail/nodes.hpp>
#include <tdiff/detail/schedule.hpp>
#include <tdiff/detail/shift.hpp>
#include <tdiff/detail/simplify.hpp>
#include <tdiff/detail/variables.hpp>
#include <tdiff/functions.hpp>

#include <cstddef>
#include <utility>

namespace tdiff::detail {

template <class N, class V, std::size_t K>
struct taylor_impl;

template <class N, class V, std::size_t K>
using taylor_t = typename taylor_impl<N, V, K>::type;

/// sum over J in Js of Term<J>::type, folded left with the smart sum.
template <template <std::size_t> class Term, class Js>
struct sum_over;
template <template <std::size_t> class Term>
struct sum_over<Term, std::index_sequence<>> {
  using type = constant<0>;
};
template <template <std::size_t> class Term, std::size_t J0, std::size_t... Js>
struct sum_over<Term, std::index_sequence<J0, Js...>> {
  using type = sum_t<typename Term<J0>::type, typename sum_over<Term, std::index_sequence<Js...>>::type>;
};

/// The Cauchy product's K-th coefficient: sum_(j=0..K) a_j b_(K-j).
template <class A, class B, class V, std::size_t K>
struct cauchy {
  template <std::size_t J>
  struct term {
    using type = product_t<taylor_t<A, V, J>, taylor_t<B, V, K - J>>;
  };
  using type = typename sum_over<term, std::make_index_sequence<K + 1>>::type;
};
/// A square's: 2 sum_(j < K/2) a_j a_(K-j), plus a_(K/2)^2 for an even K.
template <class A, class V, std::size_t K>
struct cauchy<A, A, V, K> {
  template <std::size_t J>
  struct term {
    using type = product_t<constant<2>, product_t<taylor_t<A, V, J>, taylor_t<A, V, K - J>>>;
  };
  static constexpr auto middle() {
    if constexpr (K % 2 == 0)
      return type_is<power_t<taylor_t<A, V, K / 2>, constant<2>>>{};
    else
      return type_is<constant<0>>{};
  }
  using type = sum_t<typename sum_over<term, std::make_index_sequence<(K + 1) / 2>>::type,
                     typename decltype(middle())::type>;
};

/// The K-th coefficient of the quotient Q = a / d (R = d^-1):
/// (a_K - sum_(j=1..K) d_j Q_(K-j)) / d, on Q's own lower coefficients.
/// Against the Cauchy product of a with the coefficients of d^-1 (each a
/// recurrence of its own), this drops the product's K + 1 terms and the
/// reciprocal's constants: F^(8), exp(x sin x) / (1 + x^2) + log x, takes
/// 173 floating-point operations instead of 189 (g++ -O2), 219 nodes
/// instead of 242.
template <class A, class R, class Q, class V, std::size_t K>
struct quotient;
template <class A, class D, class Q, class V, std::size_t K>
struct quotient<A, power<D, constant<-1>>, Q, V, K> {
  using R = power<D, constant<-1>>;
  template <std::size_t J>
  struct term {
    using type = product_t<taylor_t<D, V, J + 1>, taylor_t<Q, V, K - 1 - J>>;
  };
  using type =
      product_t<R,
                sum_t<taylor_t<A, V, K>,
                      product_t<constant<-1>, typename sum_over<term, std::make_index_sequence<K>>::type>>>;
};

/// The K-th coefficient of u with u' = w a' (and u_0 = U):
/// (1/K) sum_(j=1..K) j a_j w_(K-j).
template <class A, class W, class V, std::size_t K>
struct chain {
  template <std::size_t J>
  struct term {
    using type = product_t<constant<J + 1>, product_t<taylor_t<A, V, J + 1>, taylor_t<W, V, K - 1 - J>>>;
  };
  using type = product_t<constant<1, K>, typename sum_over<term, std::make_index_sequence<K>>::type>;
};
/// f(x) of the variable itself: u_K = w_(K-1) / K.
template <class V, class W, std::size_t K>
struct chain<V, W, V, K> {
  using type = product_t<constant<1, K>, taylor_t<W, V, K - 1>>;
};

/// b^e for an exact e that is not a natural number:
/// (1 / (K b)) sum_(j=1..K) (e j - K + j) b_j u_(K-j).
template <class B, class E, class U, class V, std::size_t K>
struct power_recurrence {
  template <std::size_t J>
  struct term {
    static constexpr rational c =
        value_of_v<E> * rational{J + 1, 1} +
        rational{static_cast<std::intmax_t>(J + 1) - static_cast<std::intmax_t>(K), 1};
    using type = product_t<constant_of_t<c>, product_t<taylor_t<B, V, J + 1>, taylor_t<U, V, K - 1 - J>>>;
  };
  using type = product_t<product_t<constant<1, K>, power_t<B, constant<-1>>>,
                         typename sum_over<term, std::make_index_sequence<K>>::type>;
};

// ------------------------------------------- f(x) with f' a polynomial in f

/// c[0] + c[1] u + ... + c[size - 1] u^(size - 1) with exact coefficients;
/// ok is false where a coefficient overflowed or the degree passed capacity.
struct polynomial {
  static constexpr std::size_t capacity = 40;
  rational c[capacity]{};
  std::size_t size = 0;
  bool ok = true;

  static constexpr polynomial of_degree(std::size_t degree, const rational& a) {
    polynomial r;
    r.c[degree] = a;
    r.size = degree + 1;
    return r;
  }
  constexpr polynomial plus(const polynomial& b) const {
    polynomial r;
    r.size = size > b.size ? size : b.size;
    for (std::size_t i = 0; i < r.size; ++i) r.c[i] = c[i] + b.c[i];
    return r.checked(ok && b.ok);
  }
  constexpr polynomial times(const polynomial& b) const {
    polynomial r;
    if (size == 0 || b.size == 0) return r.checked(ok && b.ok);
    if (size + b.size - 1 > capacity) return polynomial{.ok = false};
    r.size = size + b.size - 1;
    for (std::size_t i = 0; i < size; ++i)
      for (std::size_t j = 0; j < b.size; ++j) r.c[i + j] = r.c[i + j] + c[i] * b.c[j];
    return r.checked(ok && b.ok);
  }
  /// d/du.
  constexpr polynomial derivative() const {
    polynomial r;
    r.size = size > 0 ? size - 1 : 0;
    for (std::size_t i = 0; i < r.size; ++i)
      r.c[i] = c[i + 1] * rational{static_cast<std::intmax_t>(i + 1), 1};
    return r.checked(ok);
  }

 private:
  constexpr polynomial checked(bool all_ok) {
    for (std::size_t i = 0; i < size; ++i) all_ok = all_ok && c[i].ok;
    while (size > 0 && c[size - 1].p == 0) --size;
    ok = all_ok;
    return *this;
  }
};

/// W as a polynomial in U (not ok where W is not one: U's argument appears
/// outside U, or a function, a run-time number or a negative power does).
template <class W, class U>
struct polynomial_in {
  static constexpr polynomial value{.ok = false};
};
template <class U>
struct polynomial_in<U, U> {
  static constexpr polynomial value = polynomial::of_degree(1, {1, 1});
};
template <std::intmax_t P, std::intmax_t Q, class U>
struct polynomial_in<constant<P, Q>, U> {
  static constexpr polynomial value = polynomial::of_degree(0, {P, Q}).plus({});
};
template <class A, class B, class U>
struct polynomial_in<sum<A, B>, U> {
  static constexpr polynomial value = polynomial_in<A, U>::value.plus(polynomial_in<B, U>::value);
};
template <class A, class B, class U>
struct polynomial_in<product<A, B>, U> {
  static constexpr polynomial value = polynomial_in<A, U>::value.times(polynomial_in<B, U>::value);
};
template <class A, std::intmax_t N, class U>
struct polynomial_in<power<A, constant<N, 1>>, U> {
  static constexpr polynomial value = [] {
    if (N < 0) return polynomial{.ok = false};
    polynomial r = polynomial::of_degree(0, {1, 1});
    for (std::intmax_t k = 0; k < N && r.ok; ++k) r = r.times(polynomial_in<A, U>::value);
    return r;
  }();
};

/// For u = f(x) with f'(u) = p(u): the K-th Taylor coefficient in x is
/// P_K(u) / K!, with P_1 = p and P_(k+1) = P_k' p (the chain rule on P_k(u)),
/// written in Horner form. Where P_K is even or odd, it is u^(0 or 1) times a
/// polynomial in u^2; where moreover p = a + b u^2 with b < 0 (tanh: 1 - u^2),
/// that polynomial is written in p(u) itself: u^2 is bounded by -a/b, every
/// P_K vanishes there (p divides it), and near that bound (tanh at large |x|)
/// a polynomial in u^2 would lose the small result to cancellation
/// (tanh^(16)(-2.2): relative error 1e-8 in u^2, 1e-15 in p(u)).
enum class horner_basis { u, u_squared, p };
struct horner_plan {
  polynomial q;  // the coefficients in the basis
  horner_basis basis = horner_basis::u;
  bool times_u = false;
};
constexpr horner_plan taylor_polynomial(const polynomial& p, std::size_t k, bool coefficient) {
  polynomial r = p;
  for (std::size_t i = 2; i <= k && r.ok; ++i) r = r.derivative().times(p);
  for (std::size_t i = 2; i <= k && r.ok && coefficient; ++i)
    r = r.times(polynomial::of_degree(0, {1, static_cast<std::intmax_t>(i)}));
  bool even = false, odd = false;
  for (std::size_t i = 0; i < r.size; ++i)
    if (r.c[i].p != 0) (i % 2 == 0 ? even : odd) = true;
  if (r.size < 3 || (even && odd)) return {r};
  horner_plan h{{}, horner_basis::u_squared, odd};
  h.q.size = (r.size - (odd ? 1 : 0) + 1) / 2;
  for (std::size_t j = 0; j < h.q.size; ++j) h.q.c[j] = r.c[2 * j + (odd ? 1 : 0)];
  h.q.ok = r.ok;
  if (p.size == 3 && p.c[1].p == 0 && p.c[0].p != 0 && p.c[2].p < 0) {
    // u^2 = (p - a) / b: q(u^2) = Horner over q's coefficients in p.
    const rational a = p.c[0], inverse_b = rational_power(p.c[2], -1);
    const polynomial step =
        polynomial::of_degree(1, inverse_b).plus(polynomial::of_degree(0, a * inverse_b * rational{-1, 1}));
    polynomial in_p;
    for (std::size_t j = h.q.size; j-- > 0 && in_p.ok;)
      in_p = in_p.times(step).plus(polynomial::of_degree(0, h.q.c[j]));
    if (in_p.ok) {
      h.q = in_p;
      h.basis = horner_basis::p;
    }
  }
  return h;
}

/// q_J + X (q_(J+1) + X (...)) for the coefficients Plan::plan.q.
template <class Plan, class X, std::size_t J = 0>
struct horner {
  static constexpr auto pick() {
    constexpr const polynomial& q = Plan::plan.q;
    if constexpr (q.size == 0)
      return type_is<constant<0>>{};
    else if constexpr (J + 1 == q.size)
      return type_is<constant_of_t<q.c[J]>>{};
    else
      return type_is<sum_t<constant_of_t<q.c[J]>, product_t<X, typename horner<Plan, X, J + 1>::type>>>{};
  }
  using type = typename decltype(pick())::type;
};

/// f(a x + b), where f' is a polynomial in f (tanh: 1 - u^2; exp: u) and a,
/// b do not depend on x: the K-th coefficient (Coefficient) or derivative is
/// a^K times one polynomial in u = f(a x + b), a dozen operations at order 8
/// where the recurrences take every lower coefficient. The derivative is
/// built without the 1/K! of the coefficient, so that its integer
/// coefficients stay exact.
template <class Op, class A, class V, std::size_t K, bool Coefficient = true>
struct polynomial_rule {
  using u = unary<Op, A>;
  using w = typename op_derivative<Op, A, u>::type;
  static constexpr polynomial p = polynomial_in<w, u>::value;
  static constexpr horner_plan plan =
      p.ok ? taylor_polynomial(p, K, Coefficient) : horner_plan{{.ok = false}};
  static constexpr bool applies = plan.q.ok;
  static constexpr auto pick() {
    using x =
        std::conditional_t<plan.basis == horner_basis::u, u,
                           std::conditional_t<plan.basis == horner_basis::p, w, power_t<u, constant<2>>>>;
    using h = typename horner<polynomial_rule, x>::type;
    using in_u = std::conditional_t<plan.times_u, product_t<u, h>, h>;
    if constexpr (std::is_same_v<A, V>)
      return type_is<in_u>{};
    else
      return type_is<product_t<power_t<taylor_t<A, V, 1>, constant<K>>, in_u>>{};
  }
};

/// Whether A is a x + b with a and b free of V (its second coefficient is 0
/// as a type: exactly zero).
template <class A, class V>
constexpr bool linear_in() {
  if constexpr (std::is_same_v<A, V>)
    return true;
  else
    return std::is_same_v<taylor_t<A, V, 2>, constant<0>> && !depends_on<taylor_t<A, V, 1>, V>::value;
}

/// Whether f(A) takes polynomial_rule: K >= 2, A is linear in V, f is not
/// piecewise constant and f' is a polynomial in f.
template <class Op, class A, class V, std::size_t K, bool Coefficient = true>
constexpr bool polynomial_applies() {
  if constexpr (K >= 2 && !piecewise_constant<Op> && linear_in<A, V>())
    return polynomial_rule<Op, A, V, K, Coefficient>::applies;
  else
    return false;
}

template <class N, class V, std::size_t K>
struct taylor_rule;

template <class N, class V, std::size_t K>
struct taylor_impl {
  static constexpr auto pick() {
    if constexpr (K == 0)
      return type_is<N>{};
    else if constexpr (!depends_on<N, V>::value)
      return type_is<constant<0>>{};
    else
      return type_is<typename taylor_rule<N, V, K>::type>{};
  }
  using type = typename decltype(pick())::type;
};

template <class V, std::size_t K>
struct taylor_rule<V, V, K> {
  using type = constant<(K == 1 ? 1 : 0)>;
};

template <class A, class B, class V, std::size_t K>
struct taylor_rule<sum<A, B>, V, K> {
  using type = sum_t<taylor_t<A, V, K>, taylor_t<B, V, K>>;
};

/// Whether N is d^-1 for some d (the reciprocal a quotient a / d is made of).
template <class N>
constexpr bool is_reciprocal = false;
template <class D>
constexpr bool is_reciprocal<power<D, constant<-1>>> = true;

template <class A, class B, class V, std::size_t K>
struct taylor_rule<product<A, B>, V, K> {
  static constexpr auto pick() {
    if constexpr (!depends_on<A, V>::value)
      return type_is<product_t<A, taylor_t<B, V, K>>>{};
    else if constexpr (!depends_on<B, V>::value)
      return type_is<product_t<taylor_t<A, V, K>, B>>{};
    else if constexpr (is_reciprocal<B>)
      return type_is<typename quotient<A, B, product<A, B>, V, K>::type>{};
    else if constexpr (is_reciprocal<A>)
      return type_is<typename quotient<B, A, product<A, B>, V, K>::type>{};
    else
      return type_is<typename cauchy<A, B, V, K>::type>{};
  }
  using type = typename decltype(pick())::type;
};

template <class B, class E, class V, std::size_t K>
struct taylor_rule<power<B, E>, V, K> {
  static constexpr auto pick() {
    if constexpr (depends_on<E, V>::value)  // u = exp(e log b): u' = u (e log b)'
      return type_is<typename chain<product_t<E, unary_t<log_op, B>>, power<B, E>, V, K>::type>{};
    else if constexpr (is_integer_constant_v<E> && value_of_v<E>.p >= 2)  // b^n = b^(n-1) b
      return type_is<typename cauchy<power_t<B, constant<value_of_v<E>.p - 1>>, B, V, K>::type>{};
    else if constexpr (is_constant_v<E>)
      return type_is<typename power_recurrence<B, E, power<B, E>, V, K>::type>{};
    else  // a run-time exponent: u' = (e u / b) b'
      return type_is<
          typename chain<B, product_t<E, product_t<power<B, E>, power_t<B, constant<-1>>>>, V, K>::type>{};
  }
  using type = typename decltype(pick())::type;
};

template <class Op, class A, class V, std::size_t K>
struct taylor_rule<unary<Op, A>, V, K> {
  static constexpr auto pick() {
    if constexpr (piecewise_constant<Op>)
      return type_is<constant<0>>{};
    else if constexpr (polynomial_applies<Op, A, V, K>())
      return polynomial_rule<Op, A, V, K>::pick();
    else
      return type_is<typename chain<A, typename op_derivative<Op, A, unary<Op, A>>::type, V, K>::type>{};
  }
  using type = typename decltype(pick())::type;
};

template <class Op, class A, class B, class V, std::size_t K>
struct taylor_rule<binary<Op, A, B>, V, K> {
  static constexpr auto pick() {
    if constexpr (piecewise_constant<Op>)
      return type_is<constant<0>>{};
    else
      return type_is<sum_t<typename chain<A, typename op_partial<Op, 0, A, B>::type, V, K>::type,
                           typename chain<B, typename op_partial<Op, 1, A, B>::type, V, K>::type>>{};
  }
  using type = typename decltype(pick())::type;
};

template <class C, class A, class B, class V, std::size_t K>
struct taylor_rule<select<C, A, B>, V, K> {
  using type = select_t<C, taylor_t<A, V, K>, taylor_t<B, V, K>>;
};

constexpr std::intmax_t factorial(std::size_t n) {
  std::intmax_t f = 1;
  for (std::size_t i = 2; i <= n; ++i) f *= static_cast<std::intmax_t>(i);
  return f;
}

/// d^K N / dV^K = K! times the K-th Taylor coefficient; for f(a x + b) with
/// f' a polynomial in f, that polynomial itself (polynomial_rule).
template <class N, class V, std::size_t K>
struct taylor_derivative {
  using type = product_t<constant<factorial(K)>, taylor_t<N, V, K>>;
};
template <class Op, class A, class V, std::size_t K>
requires(polynomial_applies<Op, A, V, K, false>()) struct taylor_derivative<unary<Op, A>, V, K> {
  using type = typename decltype(polynomial_rule<Op, A, V, K, false>::pick())::type;
};
template <class N, class V, std::size_t K>
using taylor_derivative_t = typename taylor_derivative<N, V, K>::type;

// ------------------------------------------------- the derivative node

/// d^K N / dV^K (K >= 2) as one node: evaluated (and counted, and searched
/// for variables) as its Taylor form taylor_derivative_t<N, V, K>, printed
/// as the symbolic derivative, which is built only then. Made by
/// make_derivative_t when the Taylor form is not variable-free.
template <class N, class V, std::size_t K>
struct derivative_node {};

template <class N, class V, std::size_t K>
struct make_derivative {
  using taylor = taylor_derivative_t<N, V, K>;
  using type = std::conditional_t<is_variable_free<taylor>::value, taylor, derivative_node<N, V, K>>;
};
/// Order 2 is decided by counting: the symbolic form where it has no more
/// distinct nodes than the Taylor form (both are cheap to build at order 2;
/// from order 3 on the Taylor form had fewer on every workload measured,
/// docs/design.md).
template <class N, class V>
struct make_derivative<N, V, 2> {
  using taylor = taylor_derivative_t<N, V, 2>;
  using symbolic = typename nth_derivative<N, V, 2>::type;
  static constexpr auto pick() {
    if constexpr (is_variable_free<taylor>::value || node_count_v<symbolic> <= node_count_v<taylor>)
      return type_is<symbolic>{};
    else
      return type_is<derivative_node<N, V, 2>>{};
  }
  using type = typename decltype(pick())::type;
};
template <class N, class V>
struct make_derivative<N, V, 1> {
  using type = derivative_t<N, V>;
};
template <class N, class V>
struct make_derivative<N, V, 0> {
  using type = N;
};
/// The node of d^K N / dV^K: symbolic at order 1 (and at order 2 where that
/// is smaller), else derivative_node, unless the derivative is variable-free
/// (d^4 (x^4 - 2 x^2) is the constant 24).
template <class N, class V, std::size_t K>
using make_derivative_t = typename make_derivative<N, V, K>::type;

template <class N, class V, std::size_t K, class W>
struct depends_on<derivative_node<N, V, K>, W> : depends_on<taylor_derivative_t<N, V, K>, W> {};
template <class N, class V, std::size_t K>
struct is_variable_free<derivative_node<N, V, K>> : std::false_type {};
template <class N, class V, std::size_t K>
struct variables_of<derivative_node<N, V, K>> : variables_of<taylor_derivative_t<N, V, K>> {};
template <class N, class V, std::size_t K>
struct node_info<derivative_node<N, V, K>> : node_info<taylor_derivative_t<N, V, K>> {};
template <class N, class V, std::size_t K, std::size_t S>
struct shift<derivative_node<N, V, K>, S> {
  using type = derivative_node<shift_t<N, S>, V, K>;
};
template <class N, class V, std::size_t K>
struct slot_count<derivative_node<N, V, K>> : slot_count<N> {};
template <class N, class V, std::size_t K>
struct slot_set<derivative_node<N, V, K>> : slot_set<N> {};

/// d/dV of d^K N/dV^K is the next order; by another variable, the Taylor
/// form is differentiated.
template <class N, class V, std::size_t K, class W>
struct derivative_rule<derivative_node<N, V, K>, W> {
  static constexpr auto pick() {
    if constexpr (std::is_same_v<V, W>)
      return type_is<make_derivative_t<N, V, K + 1>>{};
    else
      return type_is<derivative_t<taylor_derivative_t<N, V, K>, W>>{};
  }
  using type = typename decltype(pick())::type;
};

/// The J-th coefficient of d^K N/dV^K is (J + K)!/J! times N's (J + K)-th.
template <class N, class V, std::size_t K, class W, std::size_t J>
struct taylor_rule<derivative_node<N, V, K>, W, J> {
  static constexpr auto pick() {
    if constexpr (std::is_same_v<V, W>)
      return type_is<product_t<constant<factorial(J + K) / factorial(J)>, taylor_t<N, V, J + K>>>{};
    else
      return type_is<taylor_t<taylor_derivative_t<N, V, K>, W, J>>{};
  }
  using type = typename decltype(pick())::type;
};

// ------------------------------------------- the symbolic form, for printing

/// N with every derivative_node replaced by its symbolic derivative.
template <class N>
struct symbolic {
  using type = N;
};
template <class N>
using symbolic_t = typename symbolic<N>::type;

template <class N, class V, std::size_t K>
struct symbolic<derivative_node<N, V, K>> {
  using type = typename nth_derivative<symbolic_t<N>, V, K>::type;
};
/// Rebuilt through the smart constructor Make only where a child changed.
template <class Node, template <class...> class Make, class... Cs>
struct rebuilt {
  static constexpr auto pick() {
    if constexpr ((std::is_same_v<Cs, symbolic_t<Cs>> && ...))
      return type_is<Node>{};
    else
      return type_is<Make<symbolic_t<Cs>...>>{};
  }
  using type = typename decltype(pick())::type;
};
template <class A, class B>
struct symbolic<sum<A, B>> : rebuilt<sum<A, B>, sum_t, A, B> {};
template <class A, class B>
struct symbolic<product<A, B>> : rebuilt<product<A, B>, product_t, A, B> {};
template <class A, class B>
struct symbolic<power<A, B>> : rebuilt<power<A, B>, power_t, A, B> {};
template <class Op, class A>
struct symbolic<unary<Op, A>> : rebuilt<unary<Op, A>, unary_of<Op>::template type, A> {};
template <class Op, class A, class B>
struct symbolic<binary<Op, A, B>> : rebuilt<binary<Op, A, B>, binary_of<Op>::template type, A, B> {};
template <class C, class A, class B>
struct symbolic<select<C, A, B>> : rebuilt<select<C, A, B>, select_t, C, A, B> {};

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_TAYLOR_HPP
