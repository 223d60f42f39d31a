// SPDX-License-Identifier: BSL-1.0
// The seed notebook (DeZero steps 33-36) in runtime mode, with DeZero's
// semantics and pitfalls. Expected values: DeZero 0.0.13 runs
// (test/include/dezero_values.hpp), and closed forms.
#define BOOST_TEST_MODULE dynamic_seed
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>

#include <array>
#include <cmath>
#include <optional>

#include "dezero_loop.hpp"
#include "dezero_values.hpp"

namespace tt = boost::test_tools;
using namespace tdiff::dynamic;

namespace {
Variable f(const Variable& x) { return pow(x, 4) - 2 * pow(x, 2); }

}  // namespace

BOOST_AUTO_TEST_CASE(second_derivative_with_and_without_cleargrad) {
  Variable x(2.0);
  Variable y = f(x);
  y.backward({.create_graph = true});
  BOOST_TEST(x.grad()->item() == 24.0);
  Variable gx = *x.grad();
  gx.backward();  // forgetting cleargrad: 24 + 44 (DeZero's accumulation)
  BOOST_TEST(x.grad()->item() == 68.0);
  BOOST_TEST(gx.item() == 24.0);  // accumulation is out of place: gx is unchanged

  Variable x2(2.0);
  Variable y2 = f(x2);
  y2.backward({.create_graph = true});
  Variable gx2 = *x2.grad();
  x2.cleargrad();
  gx2.backward();
  BOOST_TEST(x2.grad()->item() == 44.0);
}

BOOST_AUTO_TEST_CASE(newton_follows_dezero) {
  Variable x(2.0);
  for (std::size_t k = 0; k < 10; ++k) {
    if (k < dezero::newton_iterates.size()) BOOST_TEST(x.item() == dezero::newton_iterates[k]);
    Variable y = f(x);
    x.cleargrad();
    y.backward({.create_graph = true});
    Variable gx = *x.grad();
    x.cleargrad();
    gx.backward();
    const double gx2 = x.grad()->item();
    x.set_data(Tensor(x.item() - gx.item() / gx2));
  }
  BOOST_TEST(x.item() == 1.0);
}

BOOST_AUTO_TEST_CASE(newton_without_cleargrad_takes_another_path) {
  Variable x(2.0);
  Variable y = f(x);
  y.backward({.create_graph = true});
  Variable gx = *x.grad();
  gx.backward();  // x.grad = 24 + 44
  x.set_data(Tensor(x.item() - gx.item() / x.grad()->item()));
  BOOST_TEST(x.item() == 1.6470588235294117);
}

BOOST_AUTO_TEST_CASE(higher_orders_of_sin_and_tanh) {
  const double s = std::sin(1.0), c = std::cos(1.0);
  const double sin_orders[] = {c, -s, -c, s};
  for (int n = 1; n <= 4; ++n) {
    Variable x(1.0);
    BOOST_TEST(nth_derivative(
                   x, [](const Variable& v) { return sin(v); }, n)
                       .item() == sin_orders[n - 1],
               tt::tolerance(1e-11));
  }
  const double tanh_orders[] = {0.41997434161402608, -0.63970000844922448, 0.62162668077129624,
                                0.66509104475050163, -5.5568935584737202,  13.624075441312105};
  for (int n = 1; n <= 6; ++n) {
    Variable x(1.0);
    BOOST_TEST(nth_derivative(
                   x, [](const Variable& v) { return tanh(v); }, n)
                       .item() == tanh_orders[n - 1],
               tt::tolerance(1e-11));
  }
}

BOOST_AUTO_TEST_CASE(sin_on_linspace_elementwise) {
  Variable x(Tensor::linspace(-7.0, 7.0, 200));
  Variable y = sin(x);
  y.backward({.create_graph = true});
  for (int order = 1; order <= 3; ++order) {
    const Tensor g = x.grad()->data();
    for (std::size_t i = 0; i < 200; ++i) {
      const double v = x.data()[i];
      const double want = order == 1 ? std::cos(v) : order == 2 ? -std::sin(v) : -std::cos(v);
      BOOST_TEST(std::fabs(g[i] - want) <= 1e-13);
    }
    Variable gx = *x.grad();
    x.cleargrad();
    gx.backward({.create_graph = true});
  }
}

BOOST_AUTO_TEST_CASE(double_backprop) {
  for (bool clear : {true, false}) {
    Variable x(2.0);
    Variable y = pow(x, 2);
    y.backward({.create_graph = true});
    Variable gx = *x.grad();
    if (clear) x.cleargrad();
    Variable z = pow(gx, 3) + y;
    z.backward();
    BOOST_TEST(x.grad()->item() == (clear ? 100.0 : 104.0));
  }
}

BOOST_AUTO_TEST_CASE(retain_grad_and_freed_grads) {
  Variable x(2.0);
  Variable a = pow(x, 2);
  Variable y = 3 * a + x;
  y.backward({.retain_grad = true});
  BOOST_TEST(x.grad()->item() == 13.0);
  BOOST_TEST(a.grad()->item() == 3.0);
  BOOST_TEST(y.grad()->item() == 1.0);

  Variable x2(2.0);
  Variable a2 = pow(x2, 2);
  Variable y2 = 3 * a2 + x2;
  y2.backward();
  BOOST_TEST(x2.grad()->item() == 13.0);
  BOOST_TEST(!a2.grad());  // intermediate grads are freed, the root's too
  BOOST_TEST(!y2.grad());
}

BOOST_AUTO_TEST_CASE(diamond_and_repeated_backward) {
  Variable x(2.0);
  Variable a = pow(x, 2);
  Variable y = pow(a, 2) + pow(a, 2);
  y.backward();
  BOOST_TEST(x.grad()->item() == 64.0);

  Variable x2(2.0);
  Variable y2 = pow(x2, 2);
  y2.backward();
  y2.backward();  // the root grad was freed, so it is seeded again: 4 + 4
  BOOST_TEST(x2.grad()->item() == 8.0);
}

BOOST_AUTO_TEST_CASE(leaves_constants_and_unreachable_variables) {
  Variable x(3.0);
  x.backward();  // DeZero crashes after seeding; tdiff keeps the seed
  BOOST_TEST(x.grad()->item() == 1.0);

  Variable a(1.0), b(2.0), unused(5.0);
  Variable y = a + b;
  y.backward({.retain_grad = true});
  BOOST_TEST(same_node(*a.grad(), *b.grad()));  // Add passes the same gy to both, as DeZero
  BOOST_TEST(same_node(*a.grad(), *y.grad()));
  BOOST_TEST(!unused.grad());
}

BOOST_AUTO_TEST_CASE(ones_seed_gives_vector_jacobian_products) {
  // Rosenbrock on a vector: the "second derivative" by repeated backward is
  // H . 1, not H: at (0, 2), [-798 + 0, 0 + 200].
  Variable x0(0.0), x1(2.0);
  Variable y = 100 * pow(x1 - pow(x0, 2), 2) + pow(1 - x0, 2);
  y.backward({.create_graph = true});
  BOOST_TEST(x0.grad()->item() == -2.0);
  BOOST_TEST(x1.grad()->item() == 400.0);
  Variable g0 = *x0.grad(), g1 = *x1.grad();
  x0.cleargrad();
  x1.cleargrad();
  (g0 + g1).backward();  // sum of the gradient: H . 1
  BOOST_TEST(x0.grad()->item() == -798.0);
  BOOST_TEST(x1.grad()->item() == 200.0);
}

BOOST_AUTO_TEST_CASE(products_disconnect_where_powers_do_not) {
  // y = x*x: the 2nd-order graph no longer reaches x, so the 3rd pass
  // leaves x.grad empty (DeZero: None).
  Variable x(2.0);
  Variable y = x * x;
  y.backward({.create_graph = true});
  Variable g1 = *x.grad();
  x.cleargrad();
  g1.backward({.create_graph = true});
  BOOST_TEST(x.grad()->item() == 2.0);
  Variable g2 = *x.grad();
  x.cleargrad();
  g2.backward({.create_graph = true});
  BOOST_TEST(!x.grad());
}

BOOST_AUTO_TEST_CASE(pow_at_zero_is_nan_from_order_three) {
  // DeZero's rule c x^(c-1) gy gives 0 * 0^-1 = NaN at x = 0.
  Variable x(0.0);
  BOOST_TEST(nth_derivative(
                 x, [](const Variable& v) { return pow(v, 2); }, 2)
                 .item() == 2.0);
  Variable x3(0.0);
  BOOST_TEST(std::isnan(nth_derivative(
                            x3, [](const Variable& v) { return pow(v, 2); }, 3)
                            .item()));
}
