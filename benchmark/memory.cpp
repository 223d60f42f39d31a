// SPDX-License-Identifier: BSL-1.0
// The runtime mode's memory, counted by a replacement operator new (not a
// timing; tools/bench puts the rows printed into docs/performance.md):
//  * bytes per scalar operation: asked of operator new while a chain of 10^6
//    operations is built (one variable node and one function node each);
//  * what repeated create_graph loops keep alive: the peak of live bytes over
//    1 + 100 loops of DeZero's n-th derivative, relative to the peak of one
//    loop, for every scalar workload. A leaf's create_graph cycle goes with
//    its last handle; other cycles wait for the collector, which is paced by
//    the nodes made (docs/design.md), so some garbage may outlive its loop.
// TDIFF_NO_POOLS: nodes come from operator new, so that the count sees
// which are alive (the pools would keep freed blocks); their sizes are the
// same with the pools (which round to 8 bytes).
#define TDIFF_NO_POOLS 1
#include <tdiff/dynamic.hpp>

#include "workloads.hpp"

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string_view>

namespace {
std::size_t requested = 0;  // bytes asked of operator new
std::size_t live = 0;       // bytes alive (malloc's usable sizes)
std::size_t peak = 0;

void* counted(void* p, std::size_t n) {
  if (!p) throw std::bad_alloc();
  requested += n;
  live += malloc_usable_size(p);
  peak = std::max(peak, live);
  return p;
}
void uncounted(void* p) noexcept {
  if (!p) return;
  live -= malloc_usable_size(p);
  std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return counted(std::malloc(n), n); }
void* operator new(std::size_t n, std::align_val_t a) {
  const auto al = static_cast<std::size_t>(a);
  return counted(std::aligned_alloc(al, (n + al - 1) / al * al), n);
}
void operator delete(void* p) noexcept { uncounted(p); }
void operator delete(void* p, std::size_t) noexcept { uncounted(p); }
void operator delete(void* p, std::align_val_t) noexcept { uncounted(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { uncounted(p); }

namespace {
namespace dyn = tdiff::dynamic;

/// The n-th derivative of fn at 0.7 by DeZero's create_graph loop.
template <class Fn>
double nth(Fn fn, int order) {
  dyn::Variable x(0.7);
  dyn::Variable y = fn(x);
  y.backward({.create_graph = true});
  for (int k = 1; k < order; ++k) {
    dyn::Variable g = *x.grad();
    x.cleargrad();
    g.backward({.create_graph = true});
  }
  return x.grad()->item();
}

/// The peak of live bytes over 1 + more loops, relative to one loop's.
template <class Fn>
double retention(Fn fn, int order, int more) {
  dyn::detail::collect_garbage();
  const std::size_t base = live;
  peak = live;
  nth(fn, order);
  const double one = static_cast<double>(peak - base);
  for (int i = 0; i < more; ++i) nth(fn, order);
  return static_cast<double>(peak - base) / one;
}
}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::string_view(argv[1]) == "--quick";  // the smoke test
  const int n = quick ? 10000 : 1000000;
  {
    dyn::Variable y(0.5);
    const std::size_t before = requested;
    for (int i = 0; i < n; ++i) y = sin(y);
    std::printf("| scalar graph: bytes per operation (a variable and a function node) | %.0f |\n",
                static_cast<double>(requested - before) / n);
  }
  double worst = 0;
  auto report = [&](const char* name, auto fn, int max_order) {
    for (int order = 2; order <= max_order; order += 2) {
      if (quick && order > 2) break;
      const int more = quick ? 5 : 100;
      const double r = retention(fn, order, more);
      worst = std::max(worst, r);
      std::printf("| %s, order %d: peak memory over 1 + %d create_graph loops / one loop's | %.2f |\n", name,
                  order, more, r);
    }
  };
  report("x^4 - 2x^2", bench::fn::x4, 4);
  report("sin", bench::fn::sin_x, 8);
  report("tanh", bench::fn::tanh_x, 8);
  report("W4", bench::fn::w4, 6);
  report("F", bench::fn::f, 8);
  std::printf("| the largest of these ratios | %.2f |\n", worst);
}
