// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `print<N>`: readable infix text of a node, with minimal parentheses,
/// exact rationals, and run-time constants shown by value.
///
/// Each sum is printed as signed terms and each term as
/// coefficient * numerator factors / denominator factors, so that
/// product<constant<-4>, x> reads "-4*x" and x * (1 + x^2)^-1 reads
/// "x/(1 + x^2)".
#ifndef TDIFF_DETAIL_PRINT_HPP
#define TDIFF_DETAIL_PRINT_HPP

#include <tdiff/detail/evaluate.hpp>
#include <tdiff/detail/nodes.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace tdiff::detail {

enum class prec { compare, sum, product, unary_minus, power, atom };

struct printed {
  std::string text;
  prec level;
};

inline std::string format_number(long double v) {
  char buf[64];
  const double d = static_cast<double>(v);
  auto r = static_cast<long double>(d) == v ? std::to_chars(buf, buf + sizeof buf, d)
                                            : std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

inline std::string format_integer(std::intmax_t v) { return std::to_string(v); }

/// A term: coefficient * up[0] * up[1] ... / (down[0] * down[1] ...).
struct term {
  rational exact{1, 1};
  long double numeric = 1;  // product of the run-time constants
  bool has_numeric = false;
  std::vector<printed> up, down;
};

inline std::string parenthesised(const printed& p, prec min) {
  return p.level < min ? "(" + p.text + ")" : p.text;
}

template <class N, class K>
printed print(const K& constants);

template <class N, class K>
void collect(term& t, const K& constants);

template <class N, class K>
long double numeric_value(const K& constants) {
  const context<K> no_bindings{constants, {}};  // N is variable-free
  return run_schedule<long double, N>(no_bindings);
}

template <class B, class K>
printed power_text(rational e, const K& constants) {
  const printed base = print<B, K>(constants);
  if (e.p == 1 && e.q == 1) return base;
  if (e.p == 1 && e.q == 2) return {"sqrt(" + base.text + ")", prec::atom};
  std::string exponent =
      e.q == 1 ? format_integer(e.p) : "(" + format_integer(e.p) + "/" + format_integer(e.q) + ")";
  if (e.p < 0 && e.q == 1) exponent = "(" + exponent + ")";
  return {parenthesised(base, prec::atom) + "^" + exponent, prec::power};
}

template <class N, class K>
struct collector {  // every node that is a single factor
  static void run(term& t, const K& constants) {
    if constexpr (is_variable_free<N>::value) {
      t.numeric *= numeric_value<N>(constants);
      t.has_numeric = true;
    } else {
      t.up.push_back(print<N>(constants));
    }
  }
};
template <std::intmax_t P, std::intmax_t Q, class K>
struct collector<constant<P, Q>, K> {
  static void run(term& t, const K&) { t.exact = t.exact * rational{P, Q}; }
};
template <class A, class B, class K>
struct collector<product<A, B>, K> {
  static void run(term& t, const K& constants) {
    collect<A>(t, constants);
    collect<B>(t, constants);
  }
};
template <class B, std::intmax_t P, std::intmax_t Q, class K>
struct collector<power<B, constant<P, Q>>, K> {
  static void run(term& t, const K& constants) {
    if constexpr (is_variable_free<B>::value) {
      t.numeric *= numeric_value<power<B, constant<P, Q>>>(constants);
      t.has_numeric = true;
    } else if constexpr (P < 0) {
      t.down.push_back(power_text<B>(rational{-P, Q}, constants));
    } else {
      t.up.push_back(power_text<B>(rational{P, Q}, constants));
    }
  }
};

template <class N, class K>
void collect(term& t, const K& constants) {
  collector<N, K>::run(t, constants);
}

/// The term's magnitude as text; `negative` receives its sign.
inline printed render(const term& t, bool& negative) {
  std::vector<std::string> up, down;
  std::string coefficient;
  if (t.has_numeric) {
    const long double v =
        t.numeric * static_cast<long double>(t.exact.p) / static_cast<long double>(t.exact.q);
    negative = std::signbit(v);
    if (std::fabs(v) != 1 || t.up.empty()) coefficient = format_number(std::fabs(v));
  } else {
    negative = t.exact.p < 0;
    const std::intmax_t p = t.exact.p < 0 ? -t.exact.p : t.exact.p;
    if (p != 1 || t.up.empty()) coefficient = format_integer(p);
    if (t.exact.q != 1) down.push_back(format_integer(t.exact.q));
  }
  if (!coefficient.empty()) up.push_back(coefficient);
  for (const printed& f : t.up) up.push_back(parenthesised(f, prec::power));
  for (const printed& f : t.down) down.push_back(parenthesised(f, prec::power));

  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& f : v) s += (s.empty() ? "" : "*") + f;
    return s;
  };
  if (down.empty()) {
    if (up.size() == 1 && coefficient.empty()) return t.up.front();
    return {join(up), up.size() == 1 ? prec::atom : prec::product};
  }
  const std::string d = down.size() == 1 ? down.front() : "(" + join(down) + ")";
  return {join(up) + "/" + d, prec::product};
}

template <class N>
struct terms_of {  // the terms of a sum, flattened
  template <class K>
  static void run(std::vector<printed>& out, std::vector<bool>& neg, const K& constants) {
    term t;
    collect<N>(t, constants);
    bool negative = false;
    out.push_back(render(t, negative));
    neg.push_back(negative);
  }
};
template <class A, class B>
struct terms_of<sum<A, B>> {
  template <class K>
  static void run(std::vector<printed>& out, std::vector<bool>& neg, const K& constants) {
    terms_of<A>::run(out, neg, constants);
    terms_of<B>::run(out, neg, constants);
  }
};

template <class N, class K>
struct printer {
  static printed run(const K& constants) {  // a single term
    std::vector<printed> terms;
    std::vector<bool> negative;
    terms_of<N>::run(terms, negative, constants);
    if (!negative.front()) return terms.front();
    return {"-" + parenthesised(terms.front(), prec::product), prec::unary_minus};
  }
};
template <char... C, class K>
struct printer<variable<C...>, K> {
  static printed run(const K&) { return {std::string{C...}, prec::atom}; }
};
template <class A, class B, class K>
struct printer<sum<A, B>, K> {
  static printed run(const K& constants) {
    std::vector<printed> terms;
    std::vector<bool> negative;
    terms_of<sum<A, B>>::run(terms, negative, constants);
    std::string s = negative[0] ? "-" + parenthesised(terms[0], prec::product) : terms[0].text;
    for (std::size_t i = 1; i < terms.size(); ++i)
      s += (negative[i] ? " - " : " + ") + parenthesised(terms[i], prec::product);
    return {s, prec::sum};
  }
};
template <class B, class E, class K>
requires(!is_constant_v<E>) struct printer<power<B, E>, K> {
  static printed run(const K& constants) {
    const printed base = print<B>(constants), exponent = print<E>(constants);
    return {parenthesised(base, prec::atom) + "^" + parenthesised(exponent, prec::atom), prec::power};
  }
};
template <class Op, class A, class K>
struct printer<unary<Op, A>, K> {
  static printed run(const K& constants) {
    return {std::string(Op::name) + "(" + print<A>(constants).text + ")", prec::atom};
  }
};

template <class Op, class A, class B, class K>
struct printer<binary<Op, A, B>, K> {
  static printed run(const K& constants) {
    const printed a = print<A>(constants), b = print<B>(constants);
    const std::string name(Op::name);
    if (name[0] == '<' || name[0] == '>')  // a comparison: infix, below every arithmetic operator
      return {parenthesised(a, prec::sum) + " " + name + " " + parenthesised(b, prec::sum), prec::compare};
    return {name + "(" + a.text + ", " + b.text + ")", prec::atom};
  }
};
template <class C, class A, class B, class K>
struct printer<select<C, A, B>, K> {
  static printed run(const K& constants) {
    return {"where(" + print<C>(constants).text + ", " + print<A>(constants).text + ", " +
                print<B>(constants).text + ")",
            prec::atom};
  }
};

template <class N, class K>
printed print(const K& constants) {
  if constexpr (is_variable_free<N>::value && !is_constant_v<N>) {
    const long double v = numeric_value<N>(constants);
    return {(std::signbit(v) ? "-" : "") + format_number(std::fabs(v)),
            std::signbit(v) ? prec::unary_minus : prec::atom};
  } else {
    return printer<N, K>::run(constants);
  }
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_PRINT_HPP
