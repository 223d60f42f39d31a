// SPDX-License-Identifier: BSL-1.0
/// @file
/// The runtime mode of tdiff: DeZero's dynamic graph, with Variable, Function,
/// NumPy-style tensors and backward({.retain_grad, .create_graph}).
///
/// @code
/// using namespace tdiff::dynamic;
/// Variable x(2.0);
/// Variable y = pow(x, 4) - 2 * pow(x, 2);
/// y.backward({.create_graph = true});   // x.grad() = 24, with a graph
/// @endcode
#ifndef TDIFF_DYNAMIC_HPP
#define TDIFF_DYNAMIC_HPP

#include <tdiff/config.hpp>
#include <tdiff/dynamic/dot.hpp>
#include <tdiff/dynamic/functions.hpp>
#include <tdiff/dynamic/tensor.hpp>
#include <tdiff/dynamic/variable.hpp>
#include <tdiff/function.hpp>

#endif  // TDIFF_DYNAMIC_HPP
