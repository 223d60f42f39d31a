// SPDX-License-Identifier: BSL-1.0
// Evaluation on containers: one fused loop over the elements, the result a
// container of the bound type. The seed's linspace(-7, 7, 200).
#define BOOST_TEST_MODULE static_elementwise
#include <boost/test/unit_test.hpp>

#include <tdiff/tdiff.hpp>

#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <valarray>
#include <vector>

namespace tt = boost::test_tools;

namespace {
using namespace tdiff;
constexpr auto x = var<"x">;
constexpr auto y = var<"y">;

std::valarray<double> linspace(double a, double b, std::size_t n) {
  std::valarray<double> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = a + (b - a) * static_cast<double>(i) / static_cast<double>(n - 1);
  return v;
}

static_assert(elementwise<std::valarray<double>>);
static_assert(elementwise<std::vector<float>>);
static_assert(!elementwise<std::vector<int>>);
static_assert(!elementwise<double>);
}  // namespace

BOOST_AUTO_TEST_CASE(sin_derivatives_on_linspace) {
  const auto xs = linspace(-7, 7, 200);
  const std::valarray<double> d1 = derivative<1>(sin(x), x)(x = xs);
  const std::valarray<double> d2 = derivative<2>(sin(x), x)(x = xs);
  const std::valarray<double> d3 = derivative<3>(sin(x), x)(x = xs);
  BOOST_TEST(d1.size() == 200u);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    BOOST_TEST_CONTEXT("x = " << xs[i]) {
      BOOST_TEST(std::fabs(d1[i] - std::cos(xs[i])) <= 1e-14);
      BOOST_TEST(std::fabs(d2[i] + std::sin(xs[i])) <= 1e-14);
      BOOST_TEST(std::fabs(d3[i] + std::cos(xs[i])) <= 1e-14);
    }
  }
}

BOOST_AUTO_TEST_CASE(containers_and_scalars_mix) {
  const std::vector<double> xs{0.5, 1.0, 2.0};
  const auto f = x * x * y + 1;
  const auto r = f(x = xs, y = 3);  // y is the same for every element
  static_assert(std::is_same_v<std::remove_const_t<decltype(r)>, std::vector<double>>);
  BOOST_TEST(r == (std::vector<double>{1.75, 4.0, 13.0}), tt::per_element());
  const std::vector<double> ys{1.0, 2.0, 3.0};
  const auto g = eval(gradient(f, x, y), x = xs, y = ys);  // an array of containers
  BOOST_TEST(g[0] == (std::vector<double>{1.0, 4.0, 12.0}), tt::per_element());
  BOOST_TEST(g[1] == (std::vector<double>{0.25, 1.0, 4.0}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(rvalue_containers_and_float_elements) {
  const std::valarray<float> r = derivative<2>(pow<3>(x), x)(x = std::valarray<float>{1.0f, 2.0f});
  BOOST_TEST(r[0] == 6.0f);
  BOOST_TEST(r[1] == 12.0f);
}

BOOST_AUTO_TEST_CASE(containers_of_different_sizes_are_rejected) {
  const std::vector<double> xs{1.0, 2.0, 3.0}, ys{1.0, 2.0};
  try {
    (void)(x * y)(x = xs, y = ys);
    BOOST_FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()) ==
               "tdiff: elementwise evaluation needs containers of one size, but x has 3 elements "
               "and y has 2");
  }
}
