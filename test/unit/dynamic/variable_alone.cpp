// SPDX-License-Identifier: BSL-1.0
// A program that includes only tdiff/dynamic/variable.hpp can differentiate:
// backward is defined with its class (it used to live in functions.hpp, and
// such a program did not link).
#define BOOST_TEST_MODULE dynamic_variable_alone
#include <boost/test/unit_test.hpp>

#include <tdiff/dynamic/variable.hpp>

BOOST_AUTO_TEST_CASE(backward_links_with_variable_hpp_alone) {
  tdiff::dynamic::Variable x(3.0);
  tdiff::dynamic::Variable y = x * x;  // the arithmetic comes with the header
  y.backward();
  BOOST_TEST(x.grad()->item() == 6.0);
}
