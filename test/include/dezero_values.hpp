// SPDX-License-Identifier: BSL-1.0
// Values DeZero itself produces for the seed notebook's examples (DeZero
// 0.0.13, steps 33-35), kept here once so that the tests of both modes check
// against the same record.
#ifndef TDIFF_TEST_DEZERO_VALUES_HPP
#define TDIFF_TEST_DEZERO_VALUES_HPP

#include <array>
#include <cstddef>

namespace dezero {

/// Newton's method on x^4 - 2x^2 from x = 2 (step 33): the iterates DeZero prints.
inline constexpr std::array<double, 8> newton_iterates{2.0,
                                                       1.4545454545454546,
                                                       1.1510467893775467,
                                                       1.0253259289766978,
                                                       1.0009084519430513,
                                                       1.0000012353089454,
                                                       1.000000000002289,
                                                       1.0};

/// Distinct nodes of DeZero's graph of the n-th derivative at x = 1, n = 1..6
/// (step 35, as get_dot_graph draws it): functions and variables of tanh,
/// functions of sin.
inline constexpr std::array<std::size_t, 6> tanh_functions{4, 9, 21, 51, 129, 339};
inline constexpr std::array<std::size_t, 6> tanh_variables{7, 13, 27, 59, 139, 351};
inline constexpr std::array<std::size_t, 6> sin_functions{2, 4, 5, 7, 8, 10};

}  // namespace dezero

#endif  // TDIFF_TEST_DEZERO_VALUES_HPP
