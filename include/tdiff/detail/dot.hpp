// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `dot<N>`: Graphviz DOT text of an expression DAG, each distinct
/// node drawn once, in the colours of DeZero's plot_dot_graph (variables
/// orange, operations light blue boxes).
#ifndef TDIFF_DETAIL_DOT_HPP
#define TDIFF_DETAIL_DOT_HPP

#include <tdiff/detail/evaluate.hpp>
#include <tdiff/detail/print.hpp>
#include <tdiff/detail/schedule.hpp>
#include <tdiff/detail/variables.hpp>

#include <string>

namespace tdiff::detail {

template <class... Vs>
std::string variable_name(type_list<Vs...>, std::uint64_t id) {
  std::string name;
  ((node_info<Vs>::self.id == id ? (name = name_of(Vs{}), 0) : 0), ...);
  return name;
}

template <step_entry E, class N, class K>
std::string dot_label(const K& constants) {
  if constexpr (E.what == kind::variable) {
    return "label=\"" + variable_name(variables_t<N>{}, E.id) + "\", color=orange, style=filled";
  } else if constexpr (E.what == kind::constant) {
    const std::string text = E.q == 1 ? std::to_string(E.p) : std::to_string(E.p) + "/" + std::to_string(E.q);
    return "label=\"" + text + "\", color=lightgray, style=filled";
  } else if constexpr (E.what == kind::slot) {
    const long double v = static_cast<long double>(get<static_cast<std::size_t>(E.p)>(constants));
    return "label=\"" + format_number(v) + "\", color=lightgray, style=filled";
  } else {
    const char* op = E.what == kind::sum       ? "+"
                     : E.what == kind::product ? "*"
                     : E.what == kind::power   ? "^"
                                               : "";
    std::string name = op;
    if constexpr (E.what == kind::unary || E.what == kind::binary) name = std::string(E.op->name);
    if constexpr (E.what == kind::select) name = "where";
    return "label=\"" + name + "\", color=lightblue, style=filled, shape=box";
  }
}

template <class N, class K>
std::string dot(const K& constants) {
  constexpr auto& table = schedule<N>::table;
  std::string out = "digraph g {\n";
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((out += "n" + std::to_string(I) + " [" + dot_label<table[I], N>(constants) + "]\n"), ...);
  }
  (std::make_index_sequence<table.size()>{});
  for (std::size_t i = 0; i < table.size(); ++i) {
    const step_entry& e = table[i];
    const std::size_t children[] = {e.a, e.b, e.c};
    for (unsigned k = 0; k < e.arity; ++k)
      out += "n" + std::to_string(children[k]) + " -> n" + std::to_string(i) + "\n";
  }
  return out + "}\n";
}

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_DOT_HPP
