// SPDX-License-Identifier: BSL-1.0
// Double backprop on tensors, as in WGAN-GP's gradient penalty:
// s = sum(tanh(x W)), g = ds/dW (with a graph), p = sum(g * g), dp/dW, with
// g from DeZero's backward and from grad().
// Reference: p(W) written with plain loops in long double and
// differentiated by Richardson-extrapolated central differences.
#define BOOST_TEST_MODULE dynamic_penalty
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>

#include <array>
#include <cmath>

#include "reference.hpp"

using namespace tdiff::dynamic;

namespace {
constexpr std::size_t n = 4, k = 3, m = 2;
const std::array<double, n* k> xs = {0.2, -0.5, 0.9, 1.1, 0.3, -0.7, -0.4, 0.8, 0.05, 0.6, -1.2, 0.35};
const std::array<double, k* m> ws = {0.5, -0.3, 0.25, 0.8, -0.6, 0.1};

/// p(W) = sum over W entries of (d/dW sum tanh(x W))^2, with
/// d/dW_lj = sum_i x_il (1 - tanh^2((x W)_ij)).
long double penalty(const std::array<long double, k * m>& w) {
  long double p = 0;
  for (std::size_t l = 0; l < k; ++l)
    for (std::size_t j = 0; j < m; ++j) {
      long double g = 0;
      for (std::size_t i = 0; i < n; ++i) {
        long double z = 0;
        for (std::size_t q = 0; q < k; ++q) z += xs[i * k + q] * w[q * m + j];
        const long double t = std::tanh(z);
        g += xs[i * k + l] * (1 - t * t);
      }
      p += g * g;
    }
  return p;
}
/// dp/dW against Richardson-extrapolated central differences of penalty().
void check_against_finite_differences(const Tensor& dp) {
  BOOST_TEST(dp.shape() == (Shape{k, m}));
  for (std::size_t e = 0; e < k * m; ++e) {
    auto p_of = [e](long double v) {
      std::array<long double, k * m> w2;
      for (std::size_t i = 0; i < k * m; ++i) w2[i] = ws[i];
      w2[e] = v;
      return penalty(w2);
    };
    const double want = static_cast<double>(reference::derivative(p_of, ws[e], 1, 0.05L));
    BOOST_TEST_CONTEXT("dp/dW entry " << e) {
      BOOST_TEST(std::fabs(dp[e] - want) <= 1e-10 * std::fabs(want));
    }
  }
}
}  // namespace

BOOST_AUTO_TEST_CASE(gradient_penalty_matches_finite_differences) {
  Variable x(Tensor(std::vector<double>(xs.begin(), xs.end()), {n, k}));
  Variable w(Tensor(std::vector<double>(ws.begin(), ws.end()), {k, m}));
  Variable s = sum(tanh(matmul(x, w)));
  s.backward({.create_graph = true});
  Variable g = *w.grad();
  w.cleargrad();
  x.cleargrad();
  Variable p = sum(g * g);
  p.backward();
  check_against_finite_differences(w.grad()->data());
  // The value of p itself, against the plain loops.
  std::array<long double, k * m> w0;
  for (std::size_t i = 0; i < k * m; ++i) w0[i] = ws[i];
  BOOST_TEST(p.item() == static_cast<double>(penalty(w0)), boost::test_tools::tolerance(1e-13));
}

BOOST_AUTO_TEST_CASE(gradient_penalty_with_grad_leaves_the_weights_alone) {
  Variable x(Tensor(std::vector<double>(xs.begin(), xs.end()), {n, k}));
  Variable w(Tensor(std::vector<double>(ws.begin(), ws.end()), {k, m}));
  Variable g = grad(sum(tanh(matmul(x, w))), {w}, {.create_graph = true})[0];
  BOOST_TEST(!w.grad());  // backward would have left ds/dW here
  BOOST_TEST(!x.grad());
  Variable p = sum(g * g);
  p.backward();
  check_against_finite_differences(w.grad()->data());
}
