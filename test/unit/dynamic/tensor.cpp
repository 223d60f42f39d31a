// SPDX-License-Identifier: BSL-1.0
// Tensor: NumPy broadcasting, sums, reshape, transpose, matmul, and the
// exceptions that name the operation and the shapes. Expected values are
// worked out by hand.
#define BOOST_TEST_MODULE dynamic_tensor
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using namespace tdiff::dynamic;

namespace {
std::vector<double> values(const Tensor& t) { return {t.data(), t.data() + t.size()}; }

template <class F>
std::string message_of(F f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no exception";
}
}  // namespace

BOOST_AUTO_TEST_CASE(construction_and_access) {
  const Tensor t({1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, {2, 3});
  BOOST_TEST(t.shape() == (Shape{2, 3}));
  BOOST_TEST(t.size() == 6u);
  BOOST_TEST(t[4] == 5.0);
  const Tensor s(2.0);
  BOOST_TEST(s.shape().empty());
  BOOST_TEST(s.item() == 2.0);
  const Tensor l = Tensor::linspace(-7.0, 7.0, 200);
  BOOST_TEST(l[0] == -7.0);
  BOOST_TEST(l[199] == 7.0);
  BOOST_TEST(to_string(Shape{}) == "()");
  BOOST_TEST(to_string(Shape{3}) == "(3,)");
  BOOST_TEST(to_string(Shape{2, 3}) == "(2, 3)");
  BOOST_TEST(message_of([] { Tensor({1.0, 2.0}, {3}); }) == "tdiff: Tensor: 2 values do not fill shape (3,)");
  BOOST_TEST(message_of([&] { (void)t.item(); }) ==
             "tdiff: item: needs one element, but the shape is (2, 3)");
}

BOOST_AUTO_TEST_CASE(broadcasting) {
  const Tensor a({1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, {2, 3});
  const Tensor row({10.0, 20.0, 30.0}, {3});
  const Tensor col({100.0, 200.0}, {2, 1});
  auto add = [](double x, double y) { return x + y; };
  BOOST_TEST(values(zip(a, row, add, "add")) == (std::vector<double>{11, 22, 33, 14, 25, 36}));
  BOOST_TEST(values(zip(a, col, add, "add")) == (std::vector<double>{101, 102, 103, 204, 205, 206}));
  BOOST_TEST(values(zip(row, col, add, "add")) == (std::vector<double>{110, 120, 130, 210, 220, 230}));
  BOOST_TEST(zip(row, col, add, "add").shape() == (Shape{2, 3}));
  BOOST_TEST(values(zip(Tensor(2.0), a, add, "add")) == (std::vector<double>{3, 4, 5, 6, 7, 8}));
  BOOST_TEST(message_of([&] {
               zip(a, Tensor({1.0, 2.0}, {2}), add, "add");
             }) == "tdiff: add: shapes (2, 3) and (2,) do not broadcast");
}

BOOST_AUTO_TEST_CASE(sums) {
  const Tensor a({1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, {2, 3});
  BOOST_TEST(sum(a).item() == 21.0);
  BOOST_TEST(values(sum(a, 0, false)) == (std::vector<double>{5, 7, 9}));
  BOOST_TEST(sum(a, 0, false).shape() == (Shape{3}));
  BOOST_TEST(sum(a, 1, true).shape() == (Shape{2, 1}));
  BOOST_TEST(values(sum(a, -1, false)) == (std::vector<double>{6, 15}));
  BOOST_TEST(values(sum_to(a, {3})) == (std::vector<double>{5, 7, 9}));
  BOOST_TEST(values(sum_to(a, {2, 1})) == (std::vector<double>{6, 15}));
  BOOST_TEST(sum_to(a, {}).item() == 21.0);
  // DeZero's utils.sum_to returns a wrong shape here; tdiff refuses.
  BOOST_TEST(message_of([&] {
               sum_to(Tensor::full({10, 20, 20}, 1.0), {10});
             }) == "tdiff: sum_to: cannot sum (10, 20, 20) to (10,)");
  BOOST_TEST(message_of([&] { sum(a, 2, false); }) == "tdiff: sum: axis 2 is out of range for shape (2, 3)");
}

BOOST_AUTO_TEST_CASE(reshape_transpose_matmul) {
  const Tensor a({1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, {2, 3});
  BOOST_TEST(a.reshaped({3, 2}).shape() == (Shape{3, 2}));
  BOOST_TEST(message_of([&] { (void)a.reshaped({4}); }) == "tdiff: reshape: cannot reshape (2, 3) into (4,)");
  const Tensor t = transpose(a);
  BOOST_TEST(t.shape() == (Shape{3, 2}));
  BOOST_TEST(values(t) == (std::vector<double>{1, 4, 2, 5, 3, 6}));
  const Tensor c = matmul(a, t);  // [[14, 32], [32, 77]]
  BOOST_TEST(values(c) == (std::vector<double>{14, 32, 32, 77}));
  BOOST_TEST(message_of([&] { matmul(a, a); }) ==
             "tdiff: matmul: shapes (2, 3) and (2, 3) are not (m, k) and (k, n)");
  BOOST_TEST(values(broadcast_to(Tensor({1.0, 2.0}, {2, 1}), {2, 2})) == (std::vector<double>{1, 1, 2, 2}));
  BOOST_TEST(message_of([&] { broadcast_to(a, {3}); }) ==
             "tdiff: broadcast_to: cannot broadcast (2, 3) to (3,)");
}
