// expect-error: tdiff: a derivative rule must be a constant expression
#include <string_view>
#include <tdiff/tdiff.hpp>
double scale = 3.0;  // a run-time value: cannot become part of a derivative's type
struct scaled_rule {
  static constexpr std::string_view name = "scaled";
  template <class T>
  static constexpr T value(const T& v) {
    return 3 * v;
  }
#ifdef TDIFF_SHOULD_FAIL
  static constexpr auto derivative(const auto& x, const auto&) { return scale * one(x); }
#else
  static constexpr auto derivative(const auto& x, const auto&) { return 3.0 * one(x); }
#endif
};
constexpr tdiff::function<scaled_rule> scaled{};
int main() {
  constexpr auto x = tdiff::var<"x">;
  return static_cast<int>(tdiff::derivative(scaled(x), x)(x = 1.0));
}
