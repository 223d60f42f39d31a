#include <tdiff/tdiff.hpp>
int main(){}
