// SPDX-License-Identifier: BSL-1.0
// The graph itself: DeZero's node counts and DOT text, no_grad, broadcasting
// gradients, exceptions that leave everything as it was, long chains without
// recursion, and create_graph cycles freed when the handles go away.
#define BOOST_TEST_MODULE dynamic_graph
#include <boost/test/unit_test.hpp>

#include <pthread.h>

#include <tdiff/dynamic.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>

#include "dezero_loop.hpp"
#include "dezero_values.hpp"

using namespace tdiff::dynamic;

namespace {
/// Distinct functions and variables in a DOT text (variables may repeat).
std::pair<std::size_t, std::size_t> count_nodes(const std::string& dot) {
  std::set<std::string> functions, variables;
  std::size_t at = 0;
  while ((at = dot.find('\n', at)) != std::string::npos) {
    const std::size_t end = dot.find('\n', at + 1);
    const std::string line = dot.substr(at + 1, end - at - 1);
    const std::string id = line.substr(0, line.find(' '));
    if (line.find("shape=box") != std::string::npos) functions.insert(id);
    if (line.find("color=orange") != std::string::npos) variables.insert(id);
    at = end;
    if (end == std::string::npos) break;
  }
  return {functions.size(), variables.size()};
}

}  // namespace

BOOST_AUTO_TEST_CASE(node_counts_match_dezero) {
  using dezero::sin_functions, dezero::tanh_functions, dezero::tanh_variables;
  for (int n = 1; n <= 6; ++n) {
    Variable x(1.0);
    const auto [f, v] = count_nodes(to_dot(nth_derivative(
                                               x, [](const Variable& t) { return tanh(t); }, n),
                                           false));
    BOOST_TEST_CONTEXT("tanh order " << n) {
      BOOST_TEST(f == tanh_functions[n - 1]);
      BOOST_TEST(v == tanh_variables[n - 1]);
      // count_nodes walks the graph itself; the DOT text counted above is its twin
      const graph_size size = count_nodes(nth_derivative(
          x, [](const Variable& t) { return tanh(t); }, n));
      BOOST_TEST(size.functions == tanh_functions[n - 1]);
      BOOST_TEST(size.variables == tanh_variables[n - 1]);
    }
    Variable s(1.0);
    BOOST_TEST(count_nodes(to_dot(nth_derivative(
                                      s, [](const Variable& t) { return sin(t); }, n),
                                  false))
                   .first == sin_functions[n - 1]);
  }
}

BOOST_AUTO_TEST_CASE(dot_text_is_dezeros) {
  Variable x(2.0);
  x.set_name("x");
  Variable y = x * 3.0;
  y.set_name("y");
  const std::string dot = to_dot(y, true);
  auto id = [](const Variable& v) {
    return std::to_string(reinterpret_cast<std::uintptr_t>(v.node().get()));
  };
  const std::string f = std::to_string(reinterpret_cast<std::uintptr_t>(y.node()->creator.get()));
  BOOST_TEST(dot.rfind("digraph g {\n" + id(y) + " [label=\"y: () float64\", color=orange, style=filled]\n" +
                           f + " [label=\"Mul\", color=lightblue, style=filled, shape=box]\n" + id(x) +
                           " -> " + f + "\n",
                       0) == 0);
  BOOST_TEST(dot.find(f + " -> " + id(y) + "\n") != std::string::npos);
  BOOST_TEST(dot.find("[label=\"x: () float64\", color=orange, style=filled]") != std::string::npos);
  BOOST_TEST(dot.find("[label=\"() float64\", color=orange, style=filled]") != std::string::npos);  // the 3
  BOOST_TEST(dot.back() == '}');
  BOOST_TEST(to_dot(y, false).find("[label=\"y\", color=orange") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(plot_dot_graph_runs_graphviz) {
  Variable x(1.0);
  Variable y = tanh(x);
  y.backward({.create_graph = true});
  const auto file = std::filesystem::temp_directory_path() / "tdiff_test_graph.png";
  std::filesystem::remove(file);
  plot_dot_graph(*x.grad(), false, file.string());
  BOOST_TEST(std::filesystem::file_size(file) > 100u);
  // Without `dot` on the PATH: a clear exception.
  const char* path = std::getenv("PATH");
  const std::string saved = path ? path : "";
  setenv("PATH", "/nonexistent", 1);
  BOOST_CHECK_EXCEPTION(
      plot_dot_graph(y, false, file.string()), std::runtime_error, [](const std::runtime_error& e) {
        return std::string(e.what()).find("Graphviz `dot` is not installed") != std::string::npos;
      });
  setenv("PATH", saved.c_str(), 1);
  // The format comes from the file name's extension; none is an error, and
  // so is a file that cannot be written.
  for (const std::string name : {"graph", "graph.", "plots.d/graph", ".png"})
    BOOST_CHECK_EXCEPTION(
        plot_dot_graph(y, false, name), std::invalid_argument, [&](const std::invalid_argument& e) {
          return std::string(e.what()).find("'" + name + "' has no extension") != std::string::npos;
        });
  BOOST_CHECK_EXCEPTION(plot_dot_graph(y, false, "/nonexistent/graph.png"), std::runtime_error,
                        [](const std::runtime_error& e) {
                          return std::string(e.what()).find("cannot write /nonexistent/graph.png.dot") !=
                                 std::string::npos;
                        });
}

BOOST_AUTO_TEST_CASE(no_grad_records_nothing) {
  Variable x(2.0);
  {
    auto guard = no_grad();
    Variable y = x * x;
    BOOST_TEST(y.creator_name().empty());
    BOOST_TEST(y.generation() == 0);
  }
  Variable z = x * x;
  BOOST_TEST(z.creator_name() == "Mul");
  try {
    auto guard = no_grad();
    throw std::runtime_error("leaving the scope by an exception");
  } catch (const std::runtime_error&) {
  }
  BOOST_TEST((x * x).creator_name() == "Mul");  // restored
}

BOOST_AUTO_TEST_CASE(broadcast_gradients) {
  Variable a(Tensor({1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, {2, 3}));
  Variable b(Tensor({1.0, 1.0, 1.0}, {3}));
  Variable y = sum(a * b);
  y.backward();
  const Tensor gb = b.grad()->data();
  BOOST_TEST(gb.shape() == (Shape{3}));  // column sums of a
  BOOST_TEST(gb[0] == 5.0);
  BOOST_TEST(gb[1] == 7.0);
  BOOST_TEST(gb[2] == 9.0);
  BOOST_TEST(a.grad()->data().shape() == (Shape{2, 3}));
  Variable c(2.0);
  Variable z = sum(a + c);  // a scalar constant gets a summed grad of shape ()
  z.backward();
  BOOST_TEST(c.grad()->item() == 6.0);
}

BOOST_AUTO_TEST_CASE(numbers_in_expressions_and_the_seed_get_no_gradient) {
  // DeZero gives the 2 of 2 * x a gradient (x, 3 here) and, in the second
  // pass, the seed one (2): values nothing can read through a handle of its
  // own. tdiff computes neither (PyTorch's requires_grad = false).
  Variable x(3.0);
  Variable y = 2.0 * x;  // Mul(x, 2)
  y.backward({.retain_grad = true, .create_graph = true});
  const auto& two = y.node()->creator->inputs[1];
  BOOST_TEST(static_cast<bool>(two->constant));
  BOOST_TEST(!two->grad);
  BOOST_TEST(x.grad()->item() == 2.0);
  Variable seed = *y.grad();
  BOOST_TEST(seed.item() == 1.0);
  Variable g = *x.grad();  // Mul(seed, 2): no path back to x
  x.cleargrad();
  g.backward({.create_graph = true});
  BOOST_TEST(!seed.grad());
  BOOST_TEST(!x.grad());  // as DeZero: the graph of g does not reach x
  // A Variable the program made is no constant, whatever it holds.
  Variable c(2.0);
  Variable z = c * x;
  z.backward();
  BOOST_TEST(c.grad()->item() == 3.0);
  BOOST_TEST(x.grad()->item() == 2.0);
}

BOOST_AUTO_TEST_CASE(errors_change_nothing) {
  Variable a(Tensor({1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, {2, 3}));
  Variable b(Tensor({1.0, 2.0}, {2}));
  Variable y = sum(a * 2.0);
  y.backward();
  const double before = a.grad()->data()[0];
  BOOST_CHECK_EXCEPTION(a + b, std::invalid_argument, [](const std::invalid_argument& e) {
    return std::string(e.what()) == "tdiff: add: shapes (2, 3) and (2,) do not broadcast";
  });
  BOOST_CHECK_THROW(matmul(a, a), std::invalid_argument);
  BOOST_CHECK_THROW(reshape(a, {5}), std::invalid_argument);
  BOOST_CHECK_THROW(a.item(), std::invalid_argument);
  BOOST_TEST(a.grad()->data()[0] == before);
  BOOST_TEST(a.generation() == 0);
}

BOOST_AUTO_TEST_CASE(long_chain_without_recursion) {
  Variable x(1.0);
  tdiff::dynamic::detail::node_watch first;
  {
    Variable y = x;
    for (int i = 0; i < 200000; ++i) y = y * 1.0000001;
    first = tdiff::dynamic::detail::node_watch(*y.node());
    y.backward();
    BOOST_TEST(x.grad()->item() == std::pow(1.0000001, 200000), boost::test_tools::tolerance(1e-9));
  }  // the whole chain is freed here, by a loop
  BOOST_TEST(first.expired());
}

BOOST_AUTO_TEST_CASE(million_operations_on_a_small_stack) {
  // 10^6 operations (2 * 10^6 nodes) built, differentiated and freed on a
  // thread with a 512 KiB stack: recursion over the chain (in backward or
  // in the destructors) would overflow it many times over.
  struct outcome {
    double grad = 0;
    bool kept = false, freed = false;
  } out;
  auto work = [](void* p) -> void* {
    auto& o = *static_cast<outcome*>(p);
    tdiff::dynamic::detail::node_watch first;
    {
      const Variable x(1.0);
      Variable y = x;
      for (int i = 0; i < 1000000; ++i) {
        y = i % 2 ? y * 1.000001 : y + 0.5;
        if (i == 0) first = tdiff::dynamic::detail::node_watch(*y.node());
      }
      y.backward();
      o.grad = x.grad()->item();
      o.kept = !first.expired();
    }
    o.freed = first.expired();
    return nullptr;
  };
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 512 * 1024);
  pthread_t thread;
  BOOST_REQUIRE(pthread_create(&thread, &attr, work, &out) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  BOOST_TEST(out.grad == std::pow(1.000001, 500000), boost::test_tools::tolerance(1e-9));
  BOOST_TEST(out.kept);
  BOOST_TEST(out.freed);
}

BOOST_AUTO_TEST_CASE(create_graph_cycles_are_collected_as_nodes_are_made) {
  // No explicit collection: making nodes triggers it, and a Newton-like loop
  // of create_graph backward passes holds O(batch) garbage, not O(steps).
  tdiff::dynamic::detail::node_watch first;
  for (int step = 0; step < 200; ++step) {
    Variable x(1.5);
    Variable y = pow(x, 4) - 2 * pow(x, 2);
    y.backward({.create_graph = true});
    Variable gx = *x.grad();
    x.cleargrad();
    gx.backward();
    BOOST_TEST(x.grad()->item() == 12 * 1.5 * 1.5 - 4);
    if (step == 0) first = tdiff::dynamic::detail::node_watch(*x.node());
  }
  BOOST_TEST(first.expired());
}

BOOST_AUTO_TEST_CASE(cycle_through_a_leaf_without_handle_is_freed) {
  // The leaf is a temporary: it gets its grad (and closes the cycle
  // leaf -> grad -> ... -> y -> tanh -> leaf) after its last handle went.
  tdiff::dynamic::detail::node_watch leaf;
  {
    Variable y = tanh(Variable(0.5));
    leaf = tdiff::dynamic::detail::node_watch(*y.node()->creator->inputs[0]);
    y.backward({.create_graph = true});
    BOOST_TEST(!leaf.expired());
  }
  tdiff::dynamic::detail::collect_garbage();
  BOOST_TEST(leaf.expired());
}

BOOST_AUTO_TEST_CASE(seed_that_gets_a_grad_is_freed) {
  // y = x*x: the seed of the first pass is an input of x.grad's graph, and
  // the second pass gives it a grad with a graph. Its handle count once
  // stayed at 1 (the seed's temporary handle was moved from, never
  // released), so the cycle through it had no root and leaked.
  tdiff::dynamic::detail::node_watch seed;
  {
    Variable x(2.0);
    Variable y = x * x;
    y.backward({.retain_grad = true, .create_graph = true});
    const tdiff::dynamic::detail::VariableNode* seed_node = y.grad()->node().get();  // y holds it
    seed = tdiff::dynamic::detail::node_watch(*y.grad()->node());
    BOOST_TEST(seed_node->handles.none());
    Variable g1 = *x.grad();
    x.cleargrad();
    g1.backward({.create_graph = true});
    BOOST_TEST(x.grad()->item() == 2.0);
  }
  tdiff::dynamic::detail::collect_garbage();
  BOOST_TEST(seed.expired());
}

BOOST_AUTO_TEST_CASE(a_leaf_cycle_goes_with_the_leaf_last_handle) {
  // x -> x.grad -> ... -> x: with x's last handle its grad goes (nothing can
  // read it any more), so reference counting frees the cycle at once; the
  // collector walks nothing.
  const tdiff::dynamic::detail::collector& gc = tdiff::dynamic::detail::thread_collector();
  const std::uint64_t walked = gc.walked;
  tdiff::dynamic::detail::node_watch x_node, g_node;
  {
    Variable x(2.0);
    Variable y = tanh(x) * x;
    y.backward({.create_graph = true});
    x_node = tdiff::dynamic::detail::node_watch(*x.node());
    g_node = tdiff::dynamic::detail::node_watch(*x.grad()->node());
  }
  BOOST_TEST(x_node.expired());
  BOOST_TEST(g_node.expired());
  BOOST_TEST(gc.walked == walked);
}

BOOST_AUTO_TEST_CASE(create_graph_cycles_are_freed) {
  tdiff::dynamic::detail::node_watch x_node, g_node;
  {
    Variable x(2.0);
    Variable y = tanh(x) * x;
    y.backward({.create_graph = true});  // x -> x.grad -> ... -> x
    Variable gx = *x.grad();
    x.cleargrad();
    gx.backward({.create_graph = true});
    x_node = tdiff::dynamic::detail::node_watch(*x.node());
    g_node = tdiff::dynamic::detail::node_watch(*x.grad()->node());
  }
  // A collection may wait (its cost stays O(1) per node made); force it.
  tdiff::dynamic::detail::collect_garbage();
  BOOST_TEST(x_node.expired());
  BOOST_TEST(g_node.expired());
  // Held from outside, the cycle stays: x.grad is still usable.
  tdiff::dynamic::detail::node_watch kept;
  std::optional<Variable> held;
  {
    Variable x(2.0);
    Variable y = pow(x, 3);
    y.backward({.create_graph = true});
    held = *x.grad();
    kept = tdiff::dynamic::detail::node_watch(*x.node());
  }
  tdiff::dynamic::detail::collect_garbage();
  BOOST_TEST(!kept.expired());
  BOOST_TEST(held->item() == 12.0);
  held.reset();
  tdiff::dynamic::detail::collect_garbage();
  BOOST_TEST(kept.expired());
}
