// SPDX-License-Identifier: BSL-1.0
// The runtime mode's thread model (guide: "Threads"): each thread builds and
// differentiates its own graphs; Variables, shared weights and shared
// intermediates alike, may be copied and read in several threads at once;
// no_grad is per thread; a Variable made in one thread may be dropped in
// another (its cycles are still freed); the node pools stay bounded when one
// thread frees what another made. tools/test runs this file under
// ThreadSanitizer as well: what counts there is that no race is reported.
#define BOOST_TEST_MODULE dynamic_threads
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic.hpp>

#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

using namespace tdiff::dynamic;

namespace {

constexpr int thread_count = 4;

/// Runs body(t) in thread_count threads and joins them.
template <class Body>
void in_threads(Body body) {
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) threads.emplace_back(body, t);
  for (std::thread& th : threads) th.join();
}

}  // namespace

// Weights made in the main thread, copied into four threads that each fit
// their own data point: loss = (w x + b - y)^2. grad() with create_graph, and
// the second derivative d2 loss / dw2 = 2 x^2, against the closed forms.
BOOST_AUTO_TEST_CASE(shared_weights_read_from_several_threads) {
  const Variable w(0.5), b(-0.25);
  std::vector<double> dw(thread_count), db(thread_count), dww(thread_count);
  in_threads([&](int t) {
    const double x = 1.0 + t, y = 2.0 * t;
    for (int i = 0; i < 200; ++i) {
      const Variable wl = w, bl = b;  // copies: handles counted in this thread
      const Variable r = wl * x + bl - y;
      const Variable loss = r * r;
      const std::vector<Variable> g = grad(loss, {wl, bl}, {.create_graph = true});
      const std::vector<Variable> gg = grad(g[0], {wl});
      dw[t] = g[0].item();
      db[t] = g[1].item();
      dww[t] = gg[0].item();
    }
  });
  for (int t = 0; t < thread_count; ++t) {
    const double x = 1.0 + t, r = 0.5 * x - 0.25 - 2.0 * t;
    BOOST_TEST(dw[t] == 2 * r * x);
    BOOST_TEST(db[t] == 2 * r);
    BOOST_TEST(dww[t] == 2 * x * x);
  }
  BOOST_TEST(!w.grad());  // grad() touched no .grad()
}

// An intermediate computed once, h = tanh(w), and differentiated through by
// every thread with grad(): each pass walks h's creator (shared) down to w,
// and the second derivative differentiates the recorded gradient graph,
// which refers to h. Each thread also runs DeZero's create_graph loop
// (backward writes .grad) on a graph of its own, so that its cycle collector
// runs meanwhile.
BOOST_AUTO_TEST_CASE(shared_intermediate_differentiated_through_in_threads) {
  const Variable w(0.3);
  const Variable h = tanh(w);
  const double th = std::tanh(0.3);
  std::vector<double> d1(thread_count), d2(thread_count), d3(thread_count);
  in_threads([&](int t) {
    for (int i = 0; i < 100; ++i) {
      const Variable y = h * (t + 1.0);  // dy/dw = (t + 1)(1 - tanh^2 w)
      const Variable gw = grad(y, {w}, {.create_graph = true})[0];
      d1[t] = gw.item();
      d2[t] = grad(gw, {w})[0].item();  // (t + 1)(-2 tanh w)(1 - tanh^2 w)
      Variable x(0.5 + t);              // the thread's own: third derivative of x^4 is 24 x
      Variable f = x * x * x * x;
      f.backward({.create_graph = true});
      for (int k = 0; k < 2; ++k) {
        Variable gx = *x.grad();
        x.cleargrad();
        gx.backward({.create_graph = true});
      }
      d3[t] = x.grad()->item();
    }
  });
  for (int t = 0; t < thread_count; ++t) {
    BOOST_TEST(d1[t] == (t + 1.0) * (1 - th * th), boost::test_tools::tolerance(1e-15));
    BOOST_TEST(d2[t] == (t + 1.0) * -2 * th * (1 - th * th), boost::test_tools::tolerance(1e-15));
    BOOST_TEST(d3[t] == 24 * (0.5 + t));
  }
  BOOST_TEST(!w.grad());
  BOOST_TEST(!h.grad());
}

// no_grad in one thread does not switch off recording in another.
BOOST_AUTO_TEST_CASE(no_grad_is_per_thread) {
  std::mutex m;
  std::condition_variable cv;
  bool guard_on = false, recorded = false;
  std::string_view seen_creator, guarded_creator = "unset";
  std::thread off([&] {
    const auto guard = no_grad();
    {
      const std::lock_guard lock(m);
      guard_on = true;
    }
    cv.notify_all();
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return recorded; });
    const Variable x(1.0);
    guarded_creator = (x * 2.0).creator_name();
  });
  std::thread on([&] {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return guard_on; });
    const Variable x(1.0);
    seen_creator = (x * 2.0).creator_name();
    recorded = true;
    cv.notify_all();
  });
  off.join();
  on.join();
  BOOST_TEST(seen_creator == "Mul");  // recorded while the other thread was in no_grad
  BOOST_TEST(guarded_creator.empty());
}

// A variable whose grad has a creator (a create_graph cycle: x -> x.grad ->
// its creator -> x), made in one thread and dropped in another: the handle
// counts of both threads add up to zero, and the cycle is freed.
BOOST_AUTO_TEST_CASE(cycle_made_in_one_thread_is_freed_in_another) {
  std::optional<Variable> moved;
  tdiff::dynamic::detail::node_watch watch;
  std::thread maker([&] {
    Variable x(1.5);
    Variable y = x * x * x;
    y.backward({.create_graph = true});
    BOOST_TEST(x.grad()->item() == 3 * 1.5 * 1.5);
    watch = tdiff::dynamic::detail::node_watch(*x.node());
    Variable copy = x;    // a second handle counted by this thread...
    moved.emplace(copy);  // ...and a third, both dropped in the main thread
  });
  maker.join();
  BOOST_TEST(!watch.expired());
  moved.reset();
  tdiff::dynamic::detail::collect_garbage();
  BOOST_TEST(watch.expired());
}

// Producer/consumer: one thread makes nodes, another drops them. Blocks the
// consumer frees go back to a shared list the producer takes from, so the
// memory the pools hold stops growing once the pipeline is full.
BOOST_AUTO_TEST_CASE(pools_stay_bounded_under_producer_consumer) {
  std::mutex m;
  std::condition_variable cv;
  std::deque<Variable> queue;
  bool done = false;
  constexpr int per_phase = 20000, phases = 3;
  std::size_t after_first = 0, after_last = 0;
  std::thread producer([&] {
    const Variable w(2.0);
    for (int i = 0; i < per_phase * phases; ++i) {
      Variable y = w * static_cast<double>(i) + 1.0;  // nodes for y, w*i and two functions
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return queue.size() < 64; });
      queue.push_back(std::move(y));
      cv.notify_all();
      if (i + 1 == per_phase) after_first = tdiff::dynamic::detail::pooled_bytes.load();
    }
    after_last = tdiff::dynamic::detail::pooled_bytes.load();
    const std::lock_guard lock(m);
    done = true;
    cv.notify_all();
  });
  double sum = 0;
  std::thread consumer([&] {
    for (;;) {
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return !queue.empty() || done; });
      if (queue.empty()) break;
      const Variable y = std::move(queue.front());
      queue.pop_front();
      cv.notify_all();
      lock.unlock();
      sum += y.item();
    }
  });
  producer.join();
  consumer.join();
  constexpr double n = per_phase * phases;
  BOOST_TEST(sum == 2.0 * n * (n - 1) / 2 + n);
  // Unbounded, the pools would take about 40000 x 4 nodes (several MB) more.
  BOOST_TEST(after_last - after_first < 256u * 1024u);
}
