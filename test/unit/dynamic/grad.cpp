// SPDX-License-Identifier: BSL-1.0
// grad(y, inputs): PyTorch's torch.autograd.grad in the runtime mode. Returns
// the gradients and touches no .grad(); zeros for an input y does not depend
// on; ones as the seed of a y with many elements; third derivatives through
// create_graph against closed forms; misuse named in the exception. (The
// gradient penalty through grad() is in penalty.cpp.)
#define BOOST_TEST_MODULE dynamic_grad
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

using namespace tdiff::dynamic;

BOOST_AUTO_TEST_CASE(returns_gradients_and_touches_no_grad) {
  Variable x(2.0), y(3.0);
  Variable f = x * x * y + sin(y);  // df/dx = 2xy = 12, df/dy = x^2 + cos y
  const std::vector<Variable> g = grad(f, {x, y});
  BOOST_TEST(g.size() == 2u);
  BOOST_TEST(g[0].item() == 12.0);
  BOOST_TEST(g[1].item() == 4.0 + std::cos(3.0), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(!x.grad());
  BOOST_TEST(!y.grad());
  BOOST_TEST(!f.grad());
  // without create_graph the gradients are plain values
  BOOST_TEST(std::string(g[0].creator_name()).empty());
}

BOOST_AUTO_TEST_CASE(third_derivatives_through_create_graph) {
  // tanh: t' = 1 - t^2, t'' = -2 t (1 - t^2), t''' = (1 - t^2)(6 t^2 - 2)
  for (const double at : {-0.8, 0.3, 1.1}) {
    Variable x(at);
    Variable t = tanh(x);
    Variable g1 = grad(t, {x}, {.create_graph = true})[0];
    Variable g2 = grad(g1, {x}, {.create_graph = true})[0];
    Variable g3 = grad(g2, {x})[0];
    const double v = std::tanh(at), s = 1 - v * v;
    BOOST_TEST(g1.item() == s, boost::test_tools::tolerance(1e-14));
    BOOST_TEST(g2.item() == -2 * v * s, boost::test_tools::tolerance(1e-14));
    BOOST_TEST(g3.item() == s * (6 * v * v - 2), boost::test_tools::tolerance(1e-13));
    BOOST_TEST(!x.grad());
  }
}

BOOST_AUTO_TEST_CASE(zeros_for_an_unrelated_input_and_ones_as_the_seed) {
  Variable a(Tensor({1.0, 2.0, 3.0}, {3})), b(Tensor({5.0, 6.0}, {2}));
  Variable y = a * a;  // three elements: seeded with ones, so dy/da = 2a
  const std::vector<Variable> g = grad(y, {a, b});
  BOOST_TEST(g[0].shape() == (Shape{3}));
  BOOST_TEST(g[0].data()[2] == 6.0);
  BOOST_TEST(g[1].shape() == (Shape{2}));
  BOOST_TEST(g[1].data()[0] == 0.0);
  BOOST_TEST(g[1].data()[1] == 0.0);
  // y with respect to itself, and a leaf with respect to itself: ones
  BOOST_TEST(grad(y, {y})[0].data()[1] == 1.0);
  BOOST_TEST(grad(a, {a})[0].data()[0] == 1.0);
  // an intermediate input: dz/du with u = a * a, z = sum(3 u)
  Variable u = a * a;
  Variable z = sum(3.0 * u);
  BOOST_TEST(grad(z, {u})[0].data()[1] == 3.0);
}

BOOST_AUTO_TEST_CASE(misuse_is_named) {
  Variable x(1.0);
  Variable y = x * x;
  BOOST_CHECK_EXCEPTION(grad(y, {}), std::invalid_argument, [](const std::invalid_argument& e) {
    return std::string(e.what()).find("tdiff: grad: no inputs") != std::string::npos;
  });
  BOOST_CHECK_EXCEPTION(grad(y, {x, y, x}), std::invalid_argument, [](const std::invalid_argument& e) {
    return std::string(e.what()).find("inputs 0 and 2 are the same variable") != std::string::npos;
  });
  BOOST_TEST(!x.grad());
}
