// SPDX-License-Identifier: BSL-1.0
// The runtime mode's second-round operators and shape functions: compound
// assignment, the default Variable, pow of two Variables, reshape with -1,
// transpose with an axis order, sum over several axes, and shapes whose
// element count overflows. Expected values worked out by hand (NumPy's
// semantics); misuse throws naming the operation and the shapes.
#define BOOST_TEST_MODULE dynamic_operators
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using namespace tdiff::dynamic;

namespace {
std::vector<double> values(const Tensor& t) { return {t.data(), t.data() + t.size()}; }
/// 0, 1, ..., n-1 in the given shape.
Variable iota(Shape shape) {
  std::vector<double> v(element_count(shape));
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i);
  return Variable(Tensor(v, shape));
}
bool message_has(const std::exception& e, const std::string& text) {
  return std::string(e.what()).find(text) != std::string::npos;
}
}  // namespace

BOOST_AUTO_TEST_CASE(compound_assignment_names_a_new_node) {
  Variable x(3.0);
  Variable a = x;
  a += 2.0;  // a = x + 2
  a *= x;    // a = (x + 2) x
  a -= 1.0;
  a /= 2.0;  // ((x + 2) x - 1) / 2 = 7 at 3; derivative (2x + 2) / 2 = 4
  BOOST_TEST(a.item() == 7.0);
  BOOST_TEST(x.item() == 3.0);  // x still names its own node
  a.backward();
  BOOST_TEST(x.grad()->item() == 4.0);
}

BOOST_AUTO_TEST_CASE(default_variable_is_a_zero_leaf) {
  std::vector<Variable> v(3);
  BOOST_TEST(v[0].item() == 0.0);
  BOOST_TEST(v[0].shape() == Shape{});
  BOOST_TEST(!same_node(v[0], v[1]));  // each its own leaf
  Variable s;
  for (int i = 1; i <= 3; ++i) s += Variable(static_cast<double>(i)) * v[0];
  s.backward();
  BOOST_TEST(v[0].grad()->item() == 6.0);
}

BOOST_AUTO_TEST_CASE(pow_of_two_variables) {
  // d/da a^b = b a^(b-1) = 3 * 4 = 12, d/db a^b = a^b log a = 8 log 2 at (2, 3)
  Variable a(2.0), b(3.0);
  Variable y = pow(a, b);
  y.backward({.create_graph = true});
  BOOST_TEST(y.item() == 8.0);
  BOOST_TEST(a.grad()->item() == 12.0, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(b.grad()->item() == 8.0 * std::log(2.0), boost::test_tools::tolerance(1e-15));
  // second derivative in a: b (b - 1) a^(b-2) = 12
  Variable ga = *a.grad();
  a.cleargrad();
  ga.backward();
  BOOST_TEST(a.grad()->item() == 12.0, boost::test_tools::tolerance(1e-14));
  // a number as the base: d/db 2^b = 2^b log 2
  Variable c(0.5);
  Variable z = pow(2.0, c);
  z.backward();
  BOOST_TEST(c.grad()->item() == std::pow(2.0, 0.5) * std::log(2.0), boost::test_tools::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(reshape_infers_one_dimension) {
  Variable x = iota({2, 3, 4});
  BOOST_TEST(reshape(x, {4, -1}).shape() == (Shape{4, 6}));
  BOOST_TEST(reshape(x, {-1}).shape() == (Shape{24}));
  BOOST_TEST(reshape(x, {2, -1, 2}).shape() == (Shape{2, 6, 2}));
  Variable y = sum(reshape(x, {-1, 8}) * 2.0);
  y.backward();
  BOOST_TEST(x.grad()->shape() == (Shape{2, 3, 4}));
  BOOST_TEST(x.grad()->data()[23] == 2.0);
  BOOST_CHECK_EXCEPTION(reshape(x, {-1, -1}), std::invalid_argument, [](const std::invalid_argument& e) {
    return message_has(
        e, "tdiff: reshape: cannot reshape (2, 3, 4) into (-1, -1): only one dimension can be -1");
  });
  BOOST_CHECK_EXCEPTION(reshape(x, {5, -1}), std::invalid_argument, [](const std::invalid_argument& e) {
    return message_has(e, "the size does not divide");
  });
  BOOST_CHECK_EXCEPTION(reshape(x, {5, 5}), std::invalid_argument,
                        [](const std::invalid_argument& e) { return message_has(e, "into (5, 5)"); });
}

BOOST_AUTO_TEST_CASE(transpose_with_an_axis_order) {
  // x[i][j][k] = 12 i + 4 j + k; transpose(x, {2, 0, 1})[k][i][j] = x[i][j][k]
  Variable x = iota({2, 3, 4});
  Variable t = transpose(x, {2, 0, 1});
  BOOST_TEST(t.shape() == (Shape{4, 2, 3}));
  const Tensor& d = t.data();
  for (std::size_t k = 0; k < 4; ++k)
    for (std::size_t i = 0; i < 2; ++i)
      for (std::size_t j = 0; j < 3; ++j)
        BOOST_TEST(d[(k * 2 + i) * 3 + j] == static_cast<double>(12 * i + 4 * j + k));
  BOOST_TEST(transpose(x, {-1, 0, 1}).shape() == (Shape{4, 2, 3}));  // negative axes count from the end
  // the gradient goes back through the inverse permutation: weights w[k][i][j] = k
  Variable w = iota({4, 1, 1});
  Variable y = sum(t * w);
  y.backward();
  BOOST_TEST(x.grad()->shape() == (Shape{2, 3, 4}));
  BOOST_TEST(x.grad()->data()[4 * 1 + 3] == 3.0);  // x[0][1][3]: k = 3
  BOOST_TEST(x.grad()->data()[12 + 2] == 2.0);     // x[1][0][2]: k = 2
  BOOST_CHECK_EXCEPTION(transpose(x, {0, 1}), std::invalid_argument, [](const std::invalid_argument& e) {
    return message_has(e, "2 axes for shape (2, 3, 4)");
  });
  BOOST_CHECK_EXCEPTION(transpose(x, {0, 0, 1}), std::invalid_argument, [](const std::invalid_argument& e) {
    return message_has(e, "axis 0 is given twice");
  });
}

BOOST_AUTO_TEST_CASE(sum_over_several_axes) {
  Variable x = iota({2, 3, 4});
  Variable s =
      sum(x, {0, 2});  // over i and k: for j, sum 12 i + 4 j + k = 2 * 4 * 4 j + (0+12)*4 + 2*(0+1+2+3)
  BOOST_TEST(s.shape() == (Shape{3}));
  BOOST_TEST(values(s.data()) == (std::vector<double>{60, 92, 124}), boost::test_tools::per_element());
  BOOST_TEST(sum(x, {0, 2}, true).shape() == (Shape{1, 3, 1}));
  BOOST_TEST(sum(x, {-1, 0}).shape() == (Shape{3}));
  Variable w = iota({3});
  Variable y = sum(s * w);  // dy/dx[i][j][k] = j
  y.backward();
  BOOST_TEST(x.grad()->data()[4 * 2 + 1] == 2.0);
  BOOST_TEST(x.grad()->data()[12 + 4 + 3] == 1.0);
  BOOST_CHECK_EXCEPTION(sum(x, {0, 3}), std::invalid_argument, [](const std::invalid_argument& e) {
    return message_has(e, "tdiff: sum: axis 3 is out of range for shape (2, 3, 4)");
  });
}

BOOST_AUTO_TEST_CASE(shapes_whose_element_count_overflows_are_refused) {
  const std::size_t big = (std::size_t{1} << 63) + 3;  // (2^63 + 3) * 2 wraps to 6
  BOOST_CHECK_EXCEPTION(Tensor(std::vector<double>(6, 1.0), Shape{big, 2}), std::invalid_argument,
                        [](const std::invalid_argument& e) {
                          return message_has(
                              e, "tdiff: Tensor: shape (9223372036854775811, 2) has more elements");
                        });
  Variable x = iota({6});
  BOOST_CHECK_EXCEPTION(reshape(x, Shape{big, 2}), std::invalid_argument,
                        [](const std::invalid_argument& e) { return message_has(e, "tdiff: reshape"); });
  BOOST_CHECK_THROW(Tensor::full(Shape{big, 2}, 0.0), std::invalid_argument);
  BOOST_TEST(x.shape() == (Shape{6}));  // nothing changed
}
