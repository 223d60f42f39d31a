// SPDX-License-Identifier: BSL-1.0
// to_string: readable infix with minimal parentheses; the expected strings are
// written by hand from the mathematics.
#define BOOST_TEST_MODULE static_to_string
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;
constexpr auto f = pow<4>(x) - 2 * pow<2>(x);
}  // namespace

BOOST_AUTO_TEST_CASE(seed_polynomial_and_its_derivatives) {
  BOOST_TEST(to_string(f) == "x^4 - 2*x^2");
  BOOST_TEST(to_string(derivative(f, x)) == "4*x^3 - 4*x");
  BOOST_TEST(to_string(derivative<2>(f, x)) == "12*x^2 - 4");
  BOOST_TEST(to_string(derivative<3>(f, x)) == "24*x");
  BOOST_TEST(to_string(derivative<4>(f, x)) == "24");
  BOOST_TEST(to_string(derivative<5>(f, x)) == "0");
}

BOOST_AUTO_TEST_CASE(rationals_and_quotients) {
  BOOST_TEST(to_string(c<1, 3>) == "1/3");
  BOOST_TEST(to_string(c<-7, 2>) == "-7/2");
  BOOST_TEST(to_string(x / c<3>) == "x/3");
  BOOST_TEST(to_string(c<2, 3> * x * y) == "2*x*y/3");
  BOOST_TEST(to_string(x / (1 + x * x)) == "x/(1 + x^2)");
  BOOST_TEST(to_string(derivative(1 / (1 + pow<2>(x)), x)) == "-2*x/(1 + x^2)^2");
  BOOST_TEST(to_string(pow<-1>(x)) == "1/x");
  BOOST_TEST(to_string(c<3> / (x * y)) == "3/(x*y)");
}

BOOST_AUTO_TEST_CASE(signs_and_parentheses) {
  BOOST_TEST(to_string(-x) == "-x");
  BOOST_TEST(to_string(-(x + y)) == "-(x + y)");
  BOOST_TEST(to_string(x - y) == "x - y");
  BOOST_TEST(to_string(c<-1> * x + y) == "-x + y");
  BOOST_TEST(to_string((x + y) * (x - y)) == "(x + y)*(x - y)");
  BOOST_TEST(to_string(pow<3>(x + 1)) == "(x + 1)^3");
  BOOST_TEST(to_string(pow<2>(x * y)) == "(x*y)^2");
}

BOOST_AUTO_TEST_CASE(runtime_constants_are_shown_by_value) {
  BOOST_TEST(to_string(2.5 * x) == "2.5*x");
  BOOST_TEST(to_string(x - 0.5) == "x - 0.5");
  BOOST_TEST(to_string(pow(x, 3)) == "x^3");
  BOOST_TEST(to_string(derivative(pow(x, 3), x)) == "3*x^2");
  BOOST_TEST(to_string(pow(x, 2.5)) == "x^2.5");
  BOOST_TEST(to_string(derivative(pow(x, 2.5), x)) == "2.5*x^1.5");
  BOOST_TEST(to_string(pow(x, -0.5)) == "x^(-0.5)");
}

// Numbers print as std::to_chars prints them (the shortest text that reads
// back, fixed or scientific, whichever is shorter); tdiff formats them
// without <charconv>, whose cost every unit would pay.
BOOST_AUTO_TEST_CASE(numbers_print_as_std_to_chars) {
  BOOST_TEST(to_string(1e-7 * x) == "1e-07*x");
  BOOST_TEST(to_string(1e22 * x) == "1e+22*x");
  BOOST_TEST(to_string(123456.5 * x) == "123456.5*x");
  BOOST_TEST(to_string(0.1L * x) == "0.1*x");  // 0.1L is not the double 0.1: printed as long double
  const auto to_chars = [](long double v) {
    char buf[64];
    const double d = static_cast<double>(v);
    const auto r = static_cast<long double>(d) == v ? std::to_chars(buf, buf + sizeof buf, d)
                                                    : std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
  };
  std::mt19937_64 bits(20261130);
  int mismatches = 0;
  const auto check = [&](long double v) {
    if (tdiff::detail::format_number(v) != to_chars(v) && ++mismatches <= 10)
      BOOST_ERROR(to_chars(v) << " printed as " << tdiff::detail::format_number(v));
  };
  for (double v : {0.0, -0.0, 1.0, 100.0, 0.001, 1e16, 1e21, 1e23, 5e-324, 1.0 / 3, 12345678901234567890.0,
                   std::numeric_limits<double>::max(), std::numeric_limits<double>::infinity()}) {
    check(v);
    check(-v);
  }
  check(std::numeric_limits<long double>::max());
  check(std::numeric_limits<double>::quiet_NaN());
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t b = bits();
    double any;  // any finite double, by its bits
    std::memcpy(&any, &b, sizeof any);
    if (std::isfinite(any)) check(any);
    check(std::ldexp(static_cast<double>(bits() % 100000), static_cast<int>(bits() % 80) - 40));
    check(static_cast<long double>(bits() % 1000003) / 7);  // long doubles that are not doubles
  }
  BOOST_TEST(mismatches == 0);
}

BOOST_AUTO_TEST_CASE(functions_and_roots) {
  BOOST_TEST(to_string(exp(2 * x)) == "exp(2*x)");
  BOOST_TEST(to_string(derivative(log(x), x)) == "1/x");
  BOOST_TEST(to_string(sqrt(x + y)) == "sqrt(x + y)");
  BOOST_TEST(to_string(derivative(sqrt(x), x)) == "1/(2*sqrt(x))");
  BOOST_TEST(to_string(pow(x, y)) == "x^y");
}

BOOST_AUTO_TEST_CASE(dot_draws_each_distinct_node_once) {
  const auto d2 = derivative<2>(tanh(x), x);  // -2 tanh(x) (1 - tanh(x)^2)
  const std::string dot = to_dot(d2);
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = dot.find(what); at != std::string::npos; at = dot.find(what, at + 1)) ++n;
    return n;
  };
  BOOST_TEST(dot.rfind("digraph g {\n", 0) == 0);
  BOOST_TEST(count("label=\"tanh\"") == 1u);  // used twice, drawn once
  BOOST_TEST(count("label=\"x\", color=orange") == 1u);
  BOOST_TEST(count(" [label=") == node_count(d2));
  // tanh has one operand; ^, *, +, * and * have two each.
  BOOST_TEST(count(" -> ") == 11u);
  // Leaves come first (in hash order), the root last, run-time constants by value.
  const std::string small = to_dot(2.5 * y);
  BOOST_TEST(small.find("[label=\"2.5\", color=lightgray, style=filled]\n") != std::string::npos);
  BOOST_TEST(small.find("[label=\"y\", color=orange, style=filled]\n") != std::string::npos);
  BOOST_TEST(small.find("n2 [label=\"*\", color=lightblue, style=filled, shape=box]\n") != std::string::npos);
  BOOST_TEST(small.find("n0 -> n2\n") != std::string::npos);
  BOOST_TEST(small.find("n1 -> n2\n") != std::string::npos);
}

// node_count counts distinct subexpressions, by hand: shared ones once.
// With the exact 2, x^4 - 2x^2 is x, 4, x^4, -2, 2, x^2, -2*x^2 and the sum: 8.
// With the run-time 2 (a slot, not folded into -1): x, 4, x^4, 2, x^2, slot,
// slot*x^2, -1, -(slot*x^2), the sum: 10.
static_assert(node_count(x) == 1);
static_assert(node_count(pow<4>(x) - c<2> * pow<2>(x)) == 8);
static_assert(node_count(pow<4>(x) - 2 * pow<2>(x)) == 10);
static_assert(node_count(derivative<4>(pow<4>(x) - 2 * pow<2>(x), x)) == 1);  // the constant 24
// -2 tanh(x) (1 - tanh(x)^2): x, tanh, 2, tanh^2, -1, -tanh^2, 1, 1 - tanh^2,
// -2, -2 tanh, and the product: 11.
static_assert(node_count(derivative<2>(tanh(x), x)) == 11);
static_assert(node_count(sin(x) * sin(x) + sin(x)) == 5);  // x, sin(x) once, 2, sin(x)^2, the sum
