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

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tdiff::detail {

// The helpers that are not templates by nature are templates with a defaulted
// parameter: g++ then compiles their string code only in a program that
// prints, not in every unit that includes <tdiff/tdiff.hpp> (it halves this
// header's share of that cost; docs/performance.md, "Header cost").

enum class prec { compare, sum, product, unary_minus, power, atom };

struct printed {
  std::string text;
  prec level;
};

/// The shortest text that reads back as v, fixed or scientific, whichever is
/// shorter (the format of std::to_chars, without <charconv>'s cost).
template <class = void>
std::string format_number(long double v) {
  if (v != v) return "nan";
  if (v - v != 0) return v < 0 ? "-inf" : "inf";
  const double d = static_cast<double>(v);
  const bool as_double = static_cast<long double>(d) == v;
  char buf[64];
  for (int digits = 1; digits <= 21; ++digits) {  // "-d.ddde+XX" with `digits` digits
    if (as_double
            ? std::snprintf(buf, sizeof buf, "%.*e", digits - 1, d) < 0 || std::strtod(buf, nullptr) == d
            : std::snprintf(buf, sizeof buf, "%.*Le", digits - 1, v) < 0 || std::strtold(buf, nullptr) == v)
      break;
  }
  const std::string scientific(buf);
  const std::size_t e_at = scientific.find('e');
  const std::string sign = scientific[0] == '-' ? "-" : "";
  std::string mantissa;  // the significant digits
  for (std::size_t i = sign.size(); i < e_at; ++i)
    if (scientific[i] != '.') mantissa += scientific[i];
  const int exponent = std::atoi(scientific.c_str() + e_at + 1);
  const int n = static_cast<int>(mantissa.size());
  std::string fixed;
  if (exponent >= n - 1) {  // an integer: all its digits, as std::to_chars
    as_double ? std::snprintf(buf, sizeof buf, "%.0f", std::fabs(d))
              : std::snprintf(buf, sizeof buf, "%.0Lf", std::fabs(v));
    fixed = buf;
  } else if (exponent >= 0) {
    fixed = mantissa.substr(0, static_cast<std::size_t>(exponent + 1)) + "." +
            mantissa.substr(static_cast<std::size_t>(exponent + 1));
  } else {
    fixed = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + mantissa;
  }
  return fixed.size() + sign.size() <= scientific.size() ? sign + fixed : scientific;
}

template <class = void>
std::string format_integer(std::intmax_t v) {
  return std::to_string(v);
}

template <class = void>
std::string parenthesised(const printed& p, prec min) {
  return p.level < min ? "(" + p.text + ")" : p.text;
}

/// Factors joined by '*', each parenthesised if it binds looser than a power.
struct factors {
  std::string text;
  std::size_t count = 0;
  printed first;  // as printed, for a term that is a single factor

  template <class = void>
  void add(const printed& f) {
    if (count++ == 0) first = f;
    text += (text.empty() ? "" : "*") + parenthesised(f, prec::power);
  }
};

/// A term: coefficient * up / down.
struct term {
  rational exact{1, 1};
  long double numeric = 1;  // product of the run-time constants
  bool has_numeric = false;
  factors up, down;
};

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
      t.up.add(print<N>(constants));
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
      t.down.add(power_text<B>(rational{-P, Q}, constants));
    } else {
      t.up.add(power_text<B>(rational{P, Q}, constants));
    }
  }
};

template <class N, class K>
void collect(term& t, const K& constants) {
  collector<N, K>::run(t, constants);
}

/// The term's magnitude as text; `negative` receives its sign.
template <class = void>
printed render(const term& t, bool& negative) {
  factors up, down;
  bool has_coefficient = false;
  if (t.has_numeric) {
    const long double v =
        t.numeric * static_cast<long double>(t.exact.p) / static_cast<long double>(t.exact.q);
    negative = std::signbit(v);
    has_coefficient = std::fabs(v) != 1 || t.up.count == 0;
    if (has_coefficient) up.add({format_number(std::fabs(v)), prec::atom});
  } else {
    negative = t.exact.p < 0;
    const std::intmax_t p = t.exact.p < 0 ? -t.exact.p : t.exact.p;
    has_coefficient = p != 1 || t.up.count == 0;
    if (has_coefficient) up.add({format_integer(p), prec::atom});
    if (t.exact.q != 1) down.add({format_integer(t.exact.q), prec::atom});
  }
  const auto join = [](const factors& a, const factors& b) {
    return a.text + (a.count && b.count ? "*" : "") + b.text;
  };
  const std::size_t n_up = up.count + t.up.count, n_down = down.count + t.down.count;
  if (n_down == 0) {
    if (n_up == 1 && !has_coefficient) return t.up.first;
    return {join(up, t.up), n_up == 1 ? prec::atom : prec::product};
  }
  const std::string d = n_down == 1 ? join(down, t.down) : "(" + join(down, t.down) + ")";
  return {join(up, t.up) + "/" + d, prec::product};
}

/// The terms of a sum as "a - b + c"; the first one kept as printed.
struct signed_terms {
  std::string text;  // empty until the first term (a printed term is never empty)
  printed first;
  bool first_negative = false;

  template <class = void>
  void add(const printed& t, bool negative) {
    if (text.empty()) {
      first = t;
      first_negative = negative;
      text = negative ? "-" + parenthesised(t, prec::product) : t.text;
    } else {
      text += (negative ? " - " : " + ") + parenthesised(t, prec::product);
    }
  }
};

template <class N>
struct terms_of {  // the terms of a sum, flattened
  template <class K>
  static void run(signed_terms& out, const K& constants) {
    term t;
    collect<N>(t, constants);
    bool negative = false;
    const printed p = render(t, negative);
    out.add(p, negative);
  }
};
template <class A, class B>
struct terms_of<sum<A, B>> {
  template <class K>
  static void run(signed_terms& out, const K& constants) {
    terms_of<A>::run(out, constants);
    terms_of<B>::run(out, constants);
  }
};

template <class N, class K>
struct printer {
  static printed run(const K& constants) {  // a single term
    signed_terms terms;
    terms_of<N>::run(terms, constants);
    if (!terms.first_negative) return terms.first;
    return {terms.text, prec::unary_minus};
  }
};
template <char... C, class K>
struct printer<variable<C...>, K> {
  static printed run(const K&) { return {std::string{C...}, prec::atom}; }
};
template <class A, class B, class K>
struct printer<sum<A, B>, K> {
  static printed run(const K& constants) {
    signed_terms terms;
    terms_of<sum<A, B>>::run(terms, constants);
    return {terms.text, prec::sum};
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
