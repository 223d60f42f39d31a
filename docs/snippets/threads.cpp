// SPDX-License-Identifier: BSL-1.0
// The guide's threads section: a least-squares gradient computed in four
// threads that share the weights, each with grad() over its part of the data.
// Checked against the closed form.
#include <tdiff/dynamic.hpp>

#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

using namespace tdiff::dynamic;

int main() {
  std::vector<double> xs, ys;  // y = 3x - 1, sampled at 40 points
  for (int i = 0; i < 40; ++i) {
    xs.push_back(0.1 * i);
    ys.push_back(3 * 0.1 * i - 1);
  }
  //! [threads]
  const Variable w(0.5), b(0.0);  // shared weights, read by every thread
  constexpr int parts = 4;
  std::array<double, parts> dw{}, db{};
  std::vector<std::thread> threads;
  for (int t = 0; t < parts; ++t)
    threads.emplace_back([&, t] {
      Variable loss;  // this thread's graph: its share of sum (w x + b - y)^2
      for (std::size_t i = t; i < xs.size(); i += parts) {
        const Variable r = w * xs[i] + b - ys[i];
        loss += r * r;
      }
      const std::vector<Variable> g = grad(loss, {w, b});  // writes nothing shared
      dw[t] = g[0].item();
      db[t] = g[1].item();
    });
  for (std::thread& th : threads) th.join();
  double gw = 0, gb = 0;
  for (int t = 0; t < parts; ++t) gw += dw[t], gb += db[t];
  //! [threads]
  double cw = 0, cb = 0;  // the closed form: sum 2 r x, sum 2 r
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double r = 0.5 * xs[i] - ys[i];
    cw += 2 * r * xs[i];
    cb += 2 * r;
  }
  assert(std::abs(gw - cw) <= 1e-12 * std::abs(cw));
  assert(std::abs(gb - cb) <= 1e-12 * std::abs(cb));
  assert(!w.grad() && !b.grad());
  std::printf("dL/dw = %.6f, dL/db = %.6f (four threads)\n", gw, gb);
}
