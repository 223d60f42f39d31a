// SPDX-License-Identifier: BSL-1.0
// The guided tour run by tools/demo: the seed notebook's examples (DeZero steps
// 33-36) in both modes, with the files tools/demo turns into pictures. Every
// printed value is also checked (assert, -UNDEBUG); timings are indicative.
#include <tdiff/dynamic.hpp>
#include <tdiff/tdiff.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <valarray>
#include <vector>

using namespace tdiff;
namespace dyn = tdiff::dynamic;

//! [seed]
constexpr auto x = var<"x">;
constexpr auto f = pow<4>(x) - 2 * pow<2>(x);

// The 4th derivative *is* the constant 24: checked by the compiler.
static_assert(derivative<4>(f, x)(x = 2.0) == 24.0);
//! [seed]

//! [newton]
constexpr double newton(double v, int steps) {
  constexpr auto df = derivative(f, x);
  constexpr auto d2f = derivative<2>(f, x);
  for (int k = 0; k < steps; ++k) v -= df(x = v) / d2f(x = v);
  return v;
}
static_assert(newton(2.0, 7) == 1.0);  // exactly 1, at compile time
//! [newton]

namespace {
void section(const char* title) { std::printf("\n== %s\n", title); }

template <std::size_t N>
void show_order(const std::string& expected_text, double expected_value) {
  const auto d = derivative<N>(f, x);
  const double v = d(x = 2.0);
  std::printf("  d^%zu f/dx^%zu = %-14s  at x = 2: %g\n", N, N, to_string(d).c_str(), v);
  assert(to_string(d) == expected_text && v == expected_value);
}

/// Writes sin and its derivatives of orders 1-3 over linspace(-7, 7, 200),
/// computed in both modes, and the gnuplot script that draws them.
void sin_plot() {
  //! [sin_plot]
  const dyn::Tensor grid = dyn::Tensor::linspace(-7.0, 7.0, 200);
  const std::valarray<double> xs(grid.data(), grid.size());

  // Compile-time mode: each derivative is a type, evaluated over the array.
  const std::array<std::valarray<double>, 4> curves = {sin(x)(x = xs), derivative<1>(sin(x), x)(x = xs),
                                                       derivative<2>(sin(x), x)(x = xs),
                                                       derivative<3>(sin(x), x)(x = xs)};

  // Runtime mode: DeZero's step 34, one graph over all 200 elements.
  dyn::Variable a(grid);
  dyn::Variable ya = sin(a);
  ya.backward({.create_graph = true});
  std::vector<dyn::Tensor> dynamic_curves = {ya.data()};
  for (int k = 1; k <= 3; ++k) {
    dyn::Variable gx = *a.grad();
    dynamic_curves.push_back(gx.data());
    a.cleargrad();
    gx.backward({.create_graph = true});
  }
  //! [sin_plot]
  double worst = 0;
  for (std::size_t k = 0; k < 4; ++k)
    for (std::size_t i = 0; i < xs.size(); ++i)
      worst = std::max(worst, std::fabs(curves[k][i] - dynamic_curves[k][i]));
  // Phase-shifted curves: sin, cos, -sin, -cos.
  for (std::size_t i = 0; i < xs.size(); ++i)
    assert(std::fabs(curves[1][i] - std::cos(xs[i])) < 1e-15 &&
           std::fabs(curves[2][i] + curves[0][i]) < 1e-15 && std::fabs(curves[3][i] + curves[1][i]) < 1e-15);
  assert(worst <= 1e-14);
  std::printf("  200 points, orders 0-3; the two modes differ by at most %.1e\n", worst);
  std::printf("  at x = %.4f: %.6f %.6f %.6f %.6f\n", xs[100], curves[0][100], curves[1][100], curves[2][100],
              curves[3][100]);

  std::ofstream data("sin_derivatives.dat");
  data.precision(17);
  for (std::size_t i = 0; i < xs.size(); ++i)
    data << xs[i] << ' ' << curves[0][i] << ' ' << curves[1][i] << ' ' << curves[2][i] << ' ' << curves[3][i]
         << '\n';
  std::ofstream("sin_derivatives.gp")
      << "set terminal pngcairo size 800,480 font ',11'\n"
         "set output 'sin_derivatives.png'\n"
         "set title 'sin and its derivatives over linspace(-7, 7, 200), both modes'\n"
         "set xlabel 'x'\nset ylabel 'y'\nset grid\nset key outside right\nset xrange [-7:7]\n"
         "plot 'sin_derivatives.dat' using 1:2 with lines lw 2 title 'y = sin(x)', \\\n"
         "     '' using 1:3 with lines lw 2 title \"y'\", \\\n"
         "     '' using 1:4 with lines lw 2 title \"y''\", \\\n"
         "     '' using 1:5 with lines lw 2 title \"y'''\"\n";
  std::printf("  data and gnuplot script: sin_derivatives.dat, sin_derivatives.gp\n");
}

/// Mean time of one call of fn in microseconds, over enough calls to last
/// about 2 ms (indicative: one run, no statistics; benchmark/ has the real ones).
template <class F>
double micros(F fn) {
  using clock = std::chrono::steady_clock;
  for (long reps = 1;; reps *= 4) {
    const auto start = clock::now();
    for (long i = 0; i < reps; ++i) fn();
    const std::chrono::duration<double, std::micro> took = clock::now() - start;
    if (took.count() > 2000 || reps >= (1L << 24)) return took.count() / static_cast<double>(reps);
  }
}

/// The n-th derivative of tanh at t by DeZero's loop (steps 34-35).
dyn::Variable dezero_tanh_derivative(double t, std::size_t n) {
  dyn::Variable v(t);
  dyn::Variable y = tanh(v);
  y.backward({.create_graph = true});
  for (std::size_t k = 1; k < n; ++k) {
    dyn::Variable gx = *v.grad();
    v.cleargrad();
    gx.backward({.create_graph = true});
  }
  return *v.grad();
}

/// One row of the growth table: tanh's N-th derivative at 1 in both modes.
template <std::size_t N>
void growth_row() {
  constexpr auto d = derivative<N>(tanh(x), x);
  const dyn::Variable g = dezero_tanh_derivative(1.0, N);
  const dyn::graph_size size = count_nodes(g);
  assert(std::fabs(g.item() - d(x = 1.0)) <= 1e-12 * std::max(1.0, std::fabs(d(x = 1.0))));
  // DeZero's own counts (its get_dot_graph, step 35) for orders 1-6.
  constexpr std::size_t dezero_functions[] = {4, 9, 21, 51, 129, 339};
  constexpr std::size_t dezero_variables[] = {7, 13, 27, 59, 139, 351};
  if constexpr (N <= 6)
    assert(size.functions == dezero_functions[N - 1] && size.variables == dezero_variables[N - 1]);

  volatile double at = 1.0;  // read on every call: nothing is folded away
  volatile double sink = 0;
  const double static_us = micros([&] { sink = d(x = static_cast<double>(at)); });
  const double dynamic_us = micros([&] { sink = dezero_tanh_derivative(at, N).item(); });
  assert(std::fabs(sink - d(x = 1.0)) <=
         1e-12 * std::max(1.0, std::fabs(d(x = 1.0))));  // the last runtime value
  std::printf("  %5zu  %14zu  %9zu  %9zu  %15.1f  %10.1f  %+.10f\n", N, node_count(d), size.functions,
              size.variables, static_us * 1e3, dynamic_us, d(x = 1.0));
}

void growth_table() {
  std::printf(
      "  order  compile-time:   DeZero's graph:       one derivative (indicative)  value at x = 1\n"
      "         distinct nodes  functions  variables  compile-time ns  runtime us\n");
  [&]<std::size_t... N>(std::index_sequence<N...>) { (growth_row<N + 1>(), ...); }
  (std::make_index_sequence<8>{});
  constexpr auto d4 = derivative<4>(tanh(x), x);
  const dyn::Variable g4 = dezero_tanh_derivative(1.0, 4);
  std::ofstream("tanh_d4_static.dot") << to_dot(d4);
  std::ofstream("tanh_d4_dynamic.dot") << dyn::to_dot(g4, false);
  std::printf(
      "  4th derivative: tanh_d4_static.dot (the symbolic form; %zu nodes evaluated), "
      "tanh_d4_dynamic.dot (%zu functions)\n",
      node_count(d4), count_nodes(g4).functions);
}

// ------------------------------------------------------------- WGAN-GP
// A critic D(x) = tanh(x W1 + b1) W2 + b2 on points of the plane, and
// WGAN-GP's gradient penalty: the mean over the points of (|dD/dx| - 1)^2.
constexpr std::size_t points = 4, hidden = 3;
const std::vector<double> xs_wgan = {0.5, -1.0, 1.5, 0.25, -0.75, 0.8, 0.1, -0.3};  // 4 x 2
const std::vector<double> w1_init = {0.4, -0.2, 0.1, 0.3, 0.25, -0.35};             // 2 x 3
const std::vector<double> b1_init = {0.1, -0.1, 0.05};
const std::vector<double> w2_init = {0.5, -0.4, 0.3};  // 3 x 1

/// The penalty with plain loops and the critic's gradient by hand:
/// dD/dx_l = sum_j W1_lj (1 - h_j^2) W2_j with h = tanh(x W1 + b1).
long double penalty_by_hand(const std::vector<long double>& w1, const std::vector<long double>& b1,
                            const std::vector<long double>& w2) {
  long double p = 0;
  for (std::size_t i = 0; i < points; ++i) {
    long double g[2] = {0, 0};
    for (std::size_t j = 0; j < hidden; ++j) {
      const long double h = std::tanh(xs_wgan[2 * i] * w1[j] + xs_wgan[2 * i + 1] * w1[hidden + j] + b1[j]);
      for (std::size_t l = 0; l < 2; ++l) g[l] += w1[l * hidden + j] * (1 - h * h) * w2[j];
    }
    const long double norm = std::sqrt(g[0] * g[0] + g[1] * g[1]);
    p += (norm - 1) * (norm - 1);
  }
  return p / points;
}

void wgan_gp() {
  //! [wgan_gp]
  dyn::Variable xp(dyn::Tensor(xs_wgan, {points, 2}));
  dyn::Variable w1(dyn::Tensor(w1_init, {2, hidden})), b1(dyn::Tensor(b1_init, {hidden}));
  dyn::Variable w2(dyn::Tensor(w2_init, {hidden, 1})), b2(0.2);
  auto critic = [&](const dyn::Variable& v) { return matmul(tanh(matmul(v, w1) + b1), w2) + b2; };

  std::vector<double> history;
  for (int step = 0; step <= 6; ++step) {
    for (dyn::Variable* p : {&w1, &b1, &w2, &b2}) p->cleargrad();
    // dD/dx with a graph of its own (one row per point); unlike backward,
    // grad() leaves the weights' .grad() alone
    dyn::Variable gx = dyn::grad(sum(critic(xp)), {xp}, {.create_graph = true})[0];
    dyn::Variable norm = sqrt(sum(gx * gx, 1));
    dyn::Variable penalty = sum(pow(norm - 1.0, 2)) / static_cast<double>(points);
    penalty.backward();  // d penalty / dW: the second backward pass
    history.push_back(penalty.item());

    for (dyn::Variable* p : {&w1, &b1, &w2}) {  // gradient descent; b2 gets no gradient
      dyn::Tensor next = p->data();
      for (std::size_t e = 0; e < next.size(); ++e) next[e] -= 0.5 * p->grad()->data()[e];
      p->set_data(next);
    }
  }
  //! [wgan_gp]
  for (std::size_t k = 0; k < history.size(); ++k) std::printf("  step %zu  penalty %.12f\n", k, history[k]);
  for (std::size_t k = 1; k < history.size(); ++k) assert(history[k] < history[k - 1]);
  auto wide = [](const std::vector<double>& v) { return std::vector<long double>(v.begin(), v.end()); };
  const long double first = penalty_by_hand(wide(w1_init), wide(b1_init), wide(w2_init));
  assert(std::fabs(history[0] - static_cast<double>(first)) <= 1e-12 * static_cast<double>(first));
  std::printf("  the first penalty by hand (plain loops, dD/dx derived on paper): %.12f\n",
              static_cast<double>(first));
}
}  // namespace

int main() {
  std::printf("tdiff %d.%d.%d: derivatives as types, computed by the compiler\n", TDIFF_VERSION_MAJOR,
              TDIFF_VERSION_MINOR, TDIFF_VERSION_PATCH);

  section("Step 33: f(x) = x^4 - 2x^2 and its derivatives");
  std::printf("  f = %s\n", to_string(f).c_str());
  show_order<1>("4*x^3 - 4*x", 24);
  show_order<2>("12*x^2 - 4", 44);
  show_order<3>("24*x", 48);
  show_order<4>("24", 24);
  show_order<5>("0", 0);

  section("Step 33: Newton's method, x <- x - f'(x)/f''(x), from x = 2");
  for (int k = 0; k <= 7; ++k) std::printf("  %d  %.17g\n", k, newton(2.0, k));
  assert(newton(2.0, 7) == 1.0);

  section("Step 36: double backprop, y = x^2, z = (dy/dx)^3 + y");
  //! [double_backprop]
  constexpr auto y = pow<2>(x);
  constexpr auto z = pow<3>(derivative(y, x)) + y;
  static_assert(derivative(z, x)(x = 2.0) == 100.0);
  //! [double_backprop]
  std::printf("  z = %s,  dz/dx = %s = %g at x = 2\n", to_string(z).c_str(),
              to_string(derivative(z, x)).c_str(), derivative(z, x)(x = 2.0));
  assert(to_string(derivative(z, x)) == "24*x^2 + 2*x");

  section("Rosenbrock (a = 1, b = 100) at (0, 2)");
  //! [rosenbrock]
  constexpr auto x0 = var<"x0">;
  constexpr auto x1 = var<"x1">;
  constexpr auto r = 100 * pow<2>(x1 - x0 * x0) + pow<2>(1 - x0);
  constexpr auto g = eval(gradient(r, x0, x1), x0 = 0.0, x1 = 2.0);  // {-2, 400}
  constexpr auto H = eval(hessian(r, x0, x1), x0 = 0.0, x1 = 2.0);   // {{-798, 0}, {0, 200}}
  static_assert(g[0] == -2.0 && g[1] == 400.0 && H[0][0] == -798.0 && H[1][1] == 200.0);
  //! [rosenbrock]
  // (+ 0.0 turns the -0 of -400 * x0 at x0 = 0 into 0 for printing)
  std::printf("  gradient = (%g, %g)\n  hessian  = [[%g, %g], [%g, %g]]\n", g[0], g[1], H[0][0],
              H[0][1] + 0.0, H[1][0] + 0.0, H[1][1]);
  std::printf("  d r/dx0 = %s\n", to_string(derivative(r, x0)).c_str());

  section("Steps 34-35: sin and tanh, derivatives of any order");
  //! [sin_tanh]
  static_assert(derivative<4>(sin(x), x)(x = 0.5) == 0.479425538604203);  // sin 0.5, constexpr
  const std::valarray<double> xs = {-1.0, 0.0, 1.0};
  const std::valarray<double> d3 = derivative<3>(sin(x), x)(x = xs);  // -cos, elementwise
  const auto d2_tanh = derivative<2>(tanh(x), x);
  // to_string(d2_tanh) == "-2*tanh(x)*(1 - tanh(x)^2)"
  //! [sin_tanh]
  std::printf("  d3 sin/dx3 at -1, 0, 1: %.6f %.6f %.6f\n", d3[0], d3[1], d3[2]);
  std::printf("  d2 tanh/dx2 = %s\n", to_string(d2_tanh).c_str());
  assert(to_string(d2_tanh) == "-2*tanh(x)*(1 - tanh(x)^2)");
  std::ofstream("tanh_d2_static.dot") << to_dot(d2_tanh);
  std::printf("  its DAG (each distinct node once): tanh_d2_static.dot\n");

  section("Step 34: sin and its derivatives over linspace(-7, 7, 200), both modes");
  sin_plot();

  section("Runtime mode: the same with DeZero's dynamic graph");
  //! [dynamic]
  dyn::Variable v(2.0);
  dyn::Variable fy = pow(v, 4) - 2 * pow(v, 2);
  fy.backward({.create_graph = true});
  dyn::Variable gv = *v.grad();  // 24, with a graph of its own
  v.cleargrad();
  gv.backward();  // 44: the second derivative
  //! [dynamic]
  std::printf("  f'(2) = %g, f''(2) = %g\n", gv.item(), v.grad()->item());
  assert(gv.item() == 24.0 && v.grad()->item() == 44.0);

  dyn::Variable t(1.0);
  dyn::Variable th = tanh(t);
  th.backward({.create_graph = true});
  dyn::Variable g1 = *t.grad();
  t.cleargrad();
  g1.backward({.create_graph = true});
  dyn::Variable g2 = *t.grad();
  std::ofstream("tanh_d2_dynamic.dot") << dyn::to_dot(g2, false);
  std::printf("  tanh''(1) = %.15f; DeZero's graph of it: tanh_d2_dynamic.dot\n", g2.item());
  assert(std::fabs(g2.item() - derivative<2>(tanh(x), x)(x = 1.0)) < 1e-15);

  section("Step 35: how tanh's derivative graphs grow with the order");
  growth_table();

  section("Step 36: double backprop in WGAN-GP, (|dD/dx| - 1)^2 minimised over the critic's weights");
  wgan_gp();

  std::printf("\nEvery value above was checked (static_assert at compile time, assert at run time).\n");
  return 0;
}
