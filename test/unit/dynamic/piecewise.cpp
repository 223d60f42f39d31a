// SPDX-License-Identifier: BSL-1.0
// abs, min, max, comparisons and where in the runtime mode: elementwise on
// tensors with broadcasting, PyTorch's gradients at kinks and ties (values
// worked out by hand), second derivatives through create_graph.
#define BOOST_TEST_MODULE dynamic_piecewise
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace tdiff::dynamic;

namespace {
Variable vec(std::vector<double> v) { return Variable(Tensor(std::move(v), {v.size()})); }
std::vector<double> values(const Variable& v) { return {v.data().data(), v.data().data() + v.size()}; }
std::vector<double> grad_of(const Variable& v) { return values(*v.grad()); }
}  // namespace

BOOST_AUTO_TEST_CASE(comparisons_give_zero_one_tensors) {
  const Variable a = vec({-1.0, 0.0, 2.0}), b = vec({0.0, 0.0, 1.0});
  const Tensor lt = a<b, le = a <= b, gt = a> 0.0, ge = 0.0 >= a;
  const double want_lt[] = {1, 0, 0}, want_le[] = {1, 1, 0}, want_gt[] = {0, 0, 1}, want_ge[] = {1, 1, 0};
  for (std::size_t i = 0; i < 3; ++i) {
    BOOST_TEST(lt[i] == want_lt[i]);
    BOOST_TEST(le[i] == want_le[i]);
    BOOST_TEST(gt[i] == want_gt[i]);
    BOOST_TEST(ge[i] == want_ge[i]);
  }
  const Tensor column = Variable(Tensor({1.0, 2.0}, {2, 1})) < a;  // (2, 1) with (3,): (2, 3)
  BOOST_TEST(column.shape() == (Shape{2, 3}));
  BOOST_TEST(column[5] == 0.0);
  BOOST_TEST(column[2] == 1.0);
}

BOOST_AUTO_TEST_CASE(abs_has_zero_gradient_at_zero) {
  Variable a = vec({-2.0, 0.0, 3.0});
  Variable y = sum(abs(a));
  y.backward();
  BOOST_TEST(values(abs(a)) == (std::vector<double>{2, 0, 3}), boost::test_tools::per_element());
  BOOST_TEST(grad_of(a) == (std::vector<double>{-1, 0, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(min_and_max_split_the_gradient_at_a_tie) {
  Variable a = vec({1.0, 2.0, 3.0}), b = vec({2.0, 2.0, 2.0});
  Variable y = sum(max(a, b));
  y.backward();
  BOOST_TEST(values(max(a, b)) == (std::vector<double>{2, 2, 3}), boost::test_tools::per_element());
  BOOST_TEST(grad_of(a) == (std::vector<double>{0, 0.5, 1}), boost::test_tools::per_element());
  BOOST_TEST(grad_of(b) == (std::vector<double>{1, 0.5, 0}), boost::test_tools::per_element());
  a.cleargrad();
  b.cleargrad();
  Variable z = sum(min(a, b));
  z.backward();
  BOOST_TEST(grad_of(a) == (std::vector<double>{1, 0.5, 0}), boost::test_tools::per_element());
  BOOST_TEST(grad_of(b) == (std::vector<double>{0, 0.5, 1}), boost::test_tools::per_element());
  // a number on one side: ReLU as max(x, 0); the 0-d constant's share is dropped
  Variable c = vec({-1.0, 0.0, 4.0});
  Variable relu = sum(max(c, 0.0));
  relu.backward();
  BOOST_TEST(grad_of(c) == (std::vector<double>{0, 0.5, 1}), boost::test_tools::per_element());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(std::isnan(min(Variable(nan), Variable(1.0)).item()));
}

BOOST_AUTO_TEST_CASE(where_passes_the_gradient_to_the_branch_it_picks) {
  // leaky ReLU, and a branch whose derivative would be NaN where not picked
  Variable a = vec({-2.0, 0.0, 3.0});
  Variable y = sum(where(a > 0.0, a, 0.1 * a));
  y.backward();
  BOOST_TEST(grad_of(a) == (std::vector<double>{0.1, 0.1, 1}), boost::test_tools::per_element());
  // As in PyTorch, the branch not picked still runs its backward with a zero
  // gradient: sqrt's 0 * (1 / (2 sqrt(-1))) is NaN (torch.where's caveat);
  // a second where that keeps sqrt's argument in its domain avoids it.
  Variable b = vec({-1.0, 4.0});
  Variable s = sum(where(b > 0.0, sqrt(b), 0.0 * b));
  s.backward();
  BOOST_TEST(std::isnan(grad_of(b)[0]));
  BOOST_TEST(grad_of(b)[1] == 0.25);
  b.cleargrad();
  Variable safe = sum(where(b > 0.0, sqrt(where(b > 0.0, b, 1.0)), 0.0 * b));
  safe.backward();
  BOOST_TEST(grad_of(b) == (std::vector<double>{0, 0.25}), boost::test_tools::per_element());
  // broadcasting: a (2, 1) condition picks between a (3,) and a 0-d operand
  Variable p = vec({1.0, 2.0, 3.0}), q(10.0);
  const Tensor cond({1.0, 0.0}, {2, 1});
  Variable w = where(cond, p, q);
  BOOST_TEST(w.shape() == (Shape{2, 3}));
  BOOST_TEST(values(w) == (std::vector<double>{1, 2, 3, 10, 10, 10}), boost::test_tools::per_element());
  sum(w).backward();
  BOOST_TEST(grad_of(p) == (std::vector<double>{1, 1, 1}), boost::test_tools::per_element());
  BOOST_TEST(q.grad()->item() == 3.0);
  BOOST_CHECK_THROW(where(Tensor({1.0, 0.0}, {2}), p, q), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(second_derivatives_through_create_graph) {
  // f = where(x > 0, x^3, -x^2): f'' = 6x for x > 0, -2 otherwise
  for (const double at : {-1.5, 2.0}) {
    Variable x(at);
    Variable f = where(x > 0.0, pow(x, 3), -pow(x, 2));
    f.backward({.create_graph = true});
    Variable g = *x.grad();
    x.cleargrad();
    g.backward();
    BOOST_TEST(g.item() == (at > 0 ? 3 * at * at : -2 * at));
    BOOST_TEST(x.grad()->item() == (at > 0 ? 6 * at : -2.0));
  }
  // hypot and atan2: d/dx hypot(x, 3) = x / hypot, d2 = 9 / hypot^3
  Variable x(4.0);
  Variable h = hypot(x, 3.0);
  h.backward({.create_graph = true});
  Variable g = *x.grad();
  x.cleargrad();
  g.backward();
  BOOST_TEST(h.item() == 5.0);
  BOOST_TEST(g.item() == 0.8, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(x.grad()->item() == 9.0 / 125.0, boost::test_tools::tolerance(1e-15));
  Variable t(1.0);
  Variable angle = atan2(t, 1.0);  // d/dy atan2(y, 1) = 1 / (1 + y^2)
  angle.backward();
  BOOST_TEST(t.grad()->item() == 0.5);
}
