// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::dynamic::to_dot` and `plot_dot_graph`: DeZero's
/// get_dot_graph and plot_dot_graph (dezero/utils.py), and `count_nodes`.
#ifndef TDIFF_DYNAMIC_DOT_HPP
#define TDIFF_DYNAMIC_DOT_HPP

#include <tdiff/dynamic/detail/marks.hpp>
#include <tdiff/dynamic/variable.hpp>

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;  // POSIX: the environment passed to `dot`

namespace tdiff::dynamic {
namespace detail {

template <class = void>
std::string dot_id(const void* p) {
  return std::to_string(reinterpret_cast<std::uintptr_t>(p));
}

template <class = void>
std::string dot_var(const VariableNode& v, bool verbose) {
  std::string label = v.rare ? v.rare->name : std::string();
  if (verbose) {
    if (!label.empty()) label += ": ";
    label += to_string(v.data.shape()) + " float64";
  }
  return dot_id(&v) + " [label=\"" + label + "\", color=orange, style=filled]\n";
}

/// DeZero's traversal of the graph that computed `output` (a stack of
/// functions): calls visit(f) once for each function, before queueing the
/// creators of f's inputs.
template <class Visit>
void for_each_function(const Variable& output, Visit visit) {
  std::vector<const FunctionNode*> funcs;
  marks seen;
  auto add = [&](const FunctionNode* f) {
    if (f && seen.insert(f)) funcs.push_back(f);
  };
  add(output.node()->creator.get());
  while (!funcs.empty()) {
    const FunctionNode* f = funcs.back();
    funcs.pop_back();
    visit(*f);
    for (std::size_t i = 0; i < f->arity; ++i) add(f->inputs[i]->creator.get());
  }
}

}  // namespace detail

/// Graphviz DOT of the graph that computed `output`, in DeZero's format:
/// variables are orange ellipses (labelled with their name, and with shape and
/// dtype if verbose), functions light-blue boxes with the function's name.
/// Traversal order is DeZero's (a stack of functions); ids are addresses.
template <class = void>  // (as every function here: compiled only in a unit that calls it)
std::string to_dot(const Variable& output, bool verbose = true) {
  std::string txt = detail::dot_var(*output.node(), verbose);
  detail::for_each_function(output, [&](const detail::FunctionNode& f) {
    txt += detail::dot_id(&f) + " [label=\"" + std::string(f.name()) +
           "\", color=lightblue, style=filled, shape=box]\n";
    for (std::size_t i = 0; i < f.arity; ++i)
      txt += detail::dot_id(f.inputs[i].get()) + " -> " + detail::dot_id(&f) + "\n";
    txt += detail::dot_id(&f) + " -> " + detail::dot_id(f.output) + "\n";
    for (std::size_t i = 0; i < f.arity; ++i) txt += detail::dot_var(*f.inputs[i], verbose);
  });
  return "digraph g {\n" + txt + "}";
}

/// The size of the graph that to_dot draws for `output`.
struct graph_size {
  std::size_t functions = 0;  ///< distinct functions (boxes)
  std::size_t variables = 0;  ///< distinct variables (ellipses): output and every function's inputs
};

/// Counts the distinct functions and variables of the graph that computed
/// `output` (DeZero's graph growth: tanh's 6th derivative has 339 functions).
template <class = void>
graph_size count_nodes(const Variable& output) {
  detail::marks variables;
  variables.insert(output.node().get());
  std::size_t functions = 0;
  detail::for_each_function(output, [&](const detail::FunctionNode& f) {
    ++functions;
    for (std::size_t i = 0; i < f.arity; ++i) variables.insert(f.inputs[i].get());
  });
  return {functions, variables.size()};
}

/// Renders the graph of `output` with Graphviz: writes the DOT text next to
/// `to_file` and runs `dot <file> -T <extension> -o <to_file>`. Throws
/// std::runtime_error if `dot` cannot be run or fails.
template <class = void>
void plot_dot_graph(const Variable& output, bool verbose = true, const std::string& to_file = "graph.png") {
  const std::size_t name_at = to_file.find_last_of('/') + 1;  // 0 without a directory
  const std::size_t dot_at = to_file.find_last_of('.');
  if (dot_at == std::string::npos || dot_at <= name_at || dot_at + 1 == to_file.size())
    throw std::invalid_argument("tdiff: plot_dot_graph: '" + to_file +
                                "' has no extension to choose the format");
  std::string src = to_file + ".dot", fmt = "-T" + to_file.substr(dot_at + 1), dst = to_file;
  {
    const std::string text = to_dot(output, verbose);
    std::FILE* out = std::fopen(src.c_str(), "w");
    const bool written = out && std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if ((out && std::fclose(out) != 0) || !written)
      throw std::runtime_error("tdiff: plot_dot_graph: cannot write " + src);
  }
  char arg0[] = "dot", arg_o[] = "-o";
  char* argv[] = {arg0, src.data(), fmt.data(), arg_o, dst.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "dot", nullptr, nullptr, argv, environ) != 0)
    throw std::runtime_error(
        "tdiff: plot_dot_graph: Graphviz `dot` is not installed (apt-get install graphviz)");
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("tdiff: plot_dot_graph: `dot " + src + " " + fmt + " -o " + dst + "` failed");
}

}  // namespace tdiff::dynamic

#endif  // TDIFF_DYNAMIC_DOT_HPP
