// expect-error: tdiff: a derivative rule's number must be exact as a ratio of 64-bit integers
#include <string_view>
#include <tdiff/tdiff.hpp>
struct tiny_rule {
  static constexpr std::string_view name = "tiny";
  template <class T>
  static constexpr T value(const T& v) {
    return v;
  }
#ifdef TDIFF_SHOULD_FAIL
  static constexpr auto derivative(const auto& x, const auto&) { return 1e-300 * one(x); }
#else
  static constexpr auto derivative(const auto& x, const auto&) { return 0.125 * one(x); }
#endif
};
constexpr tdiff::function<tiny_rule> tiny{};
int main() {
  constexpr auto x = tdiff::var<"x">;
  return static_cast<int>(tdiff::derivative(tiny(x), x)(x = 1.0));
}
