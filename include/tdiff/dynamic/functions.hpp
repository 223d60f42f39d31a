// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the functions of the dynamic graph: `+ - * /`, unary `-`, `pow`,
/// the elementary functions, `sum`, `sum_to`, `broadcast_to`, `reshape`,
/// `transpose`, `matmul`.
///
/// Backward formulas are DeZero's (dezero/core.py, dezero/functions.py), in
/// the same operand order, so graphs and node counts match DeZero's. The
/// elementary functions take their value and derivative rules from
/// tdiff/detail/ops.hpp, shared with the compile-time mode.
#ifndef TDIFF_DYNAMIC_FUNCTIONS_HPP
#define TDIFF_DYNAMIC_FUNCTIONS_HPP

#include <tdiff/detail/ops.hpp>
#include <tdiff/dynamic/tensor.hpp>
#include <tdiff/dynamic/variable.hpp>
#include <tdiff/function.hpp>

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace tdiff::dynamic {

template <class = void>
Variable sum_to(const Variable& x, const Shape& shape);
template <class = void>
Variable broadcast_to(const Variable& x, const Shape& shape);
template <class = void>
Variable reshape(const Variable& x, const reshape_spec& shape);
template <class = void>
Variable transpose(const Variable& x);
template <class = void>
Variable transpose(const Variable& x, const std::vector<int>& axes);
template <class = void>
Variable matmul(const Variable& a, const Variable& b);
template <class = void>
Variable pow(const Variable& x, double c);
template <class = void>
Variable sqrt(const Variable& x);

namespace detail {

/// The gradients of a broadcasting function of two inputs that are asked for
/// (`need`: the inputs that are not constants), g0() and g1() summed back to
/// their input's shape.
template <class G0, class G1>
gradients unbroadcast(need_mask need, const Variable& x0, const Variable& x1, G0 g0, G1 g1) {
  gradients r;
  if (need[0]) r[0] = sum_to(g0(), x0.shape());
  if (need[1]) r[1] = sum_to(g1(), x1.shape());
  return r;
}

struct add_fn {
  static constexpr std::string_view name = "Add";
  Tensor forward(const Tensor& a, const Tensor& b) const {
    return zip(
        a, b, [](double u, double v) { return u + v; }, "add");
  }
  template <class V = Variable>
  gradients backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const {
    const auto same = [&] { return gy; };  // the same gy for both, as DeZero
    return unbroadcast(need, x0, x1, same, same);
  }
};
struct sub_fn {
  static constexpr std::string_view name = "Sub";
  Tensor forward(const Tensor& a, const Tensor& b) const {
    return zip(
        a, b, [](double u, double v) { return u - v; }, "sub");
  }
  template <class V = Variable>
  gradients backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const;
};
struct mul_fn {
  static constexpr std::string_view name = "Mul";
  Tensor forward(const Tensor& a, const Tensor& b) const {
    return zip(
        a, b, [](double u, double v) { return u * v; }, "mul");
  }
  template <class V = Variable>
  gradients backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const;
};
struct div_fn {
  static constexpr std::string_view name = "Div";
  Tensor forward(const Tensor& a, const Tensor& b) const {
    return zip(
        a, b, [](double u, double v) { return u / v; }, "div");
  }
  template <class V = Variable>
  gradients backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const;
};
struct neg_fn {
  static constexpr std::string_view name = "Neg";
  static constexpr bool arity1 = true;
  Tensor forward(const Tensor& a) const {
    return map(a, [](double v) { return -v; });
  }
  template <class V = Variable>
  Variable backward(const V& gy, const V&, const V&) const;
};
struct pow_fn {
  static constexpr std::string_view name = "Pow";
  static constexpr bool arity1 = true;
  double c;
  Tensor forward(const Tensor& a) const {
    return map(a, [c = c](double v) { return tdiff::detail::math::pow(v, c); });
  }
  template <class V = Variable>
  Variable backward(const V& gy, const V& x, const V&) const;
};

/// "Sin" from "sin": the class names DeZero's DOT shows.
template <class Op>
struct class_name {
  static constexpr auto chars = [] {
    std::array<char, Op::name.size()> a{};
    for (std::size_t i = 0; i < a.size(); ++i) a[i] = Op::name[i];
    a[0] = static_cast<char>(a[0] - 'a' + 'A');
    return a;
  }();
  static constexpr std::string_view value{chars.data(), chars.size()};
};

/// An elementary function: value and derivative rules from detail/ops.hpp.
template <class Op>
struct unary_fn {
  static constexpr std::string_view name = class_name<Op>::value;
  static constexpr bool arity1 = true;
  Tensor forward(const Tensor& a) const {
    if constexpr (requires(const double* p, double* q) { Op::value_n(p, q, std::size_t{}); }) {
      if (a.size() > 1) {  // an array kernel (one element: the scalar function, as the other mode)
        Tensor r = Tensor::uninitialized(a.shape());
        Op::value_n(a.data(), r.data(), a.size());
        return r;
      }
    }
    return map(a, [](double v) { return Op::value(v); });
  }
  template <class V = Variable>
  Variable backward(const V& gy, const V& x, const V& y) const {
    if constexpr (requires { Op::backward(gy, x, y); })
      return Op::backward(gy, x, y);
    else if constexpr (tdiff::detail::piecewise_constant<Op>)
      return Variable(Tensor::full(x.shape(), 0.0));  // sign: zero almost everywhere
    else
      return gy * Op::derivative(x, y);
  }
};

/// A function of two arguments (atan2, hypot, min, max): value and partial
/// derivative rules from detail/ops.hpp; gradients summed back to each input's
/// shape where it was broadcast.
template <class Op>
struct binary_fn {
  static constexpr std::string_view name = class_name<Op>::value;
  Tensor forward(const Tensor& a, const Tensor& b) const {
    return zip(
        a, b, [](double u, double v) { return Op::value(u, v); }, Op::name.data());
  }
  template <class V = Variable>
  gradients backward(const V& gy, const V& x0, const V& x1, const V& y, need_mask need) const {
    return unbroadcast(
        need, x0, x1, [&] { return gy * Op::derivative_a(x0, x1, y); },
        [&] { return gy * Op::derivative_b(x0, x1, y); });
  }
};

/// where(cond, a, b) with a fixed 0/1 condition; the gradient goes to the
/// branch picked, element by element.
struct where_fn {
  static constexpr std::string_view name = "Where";
  Tensor cond;
  Tensor forward(const Tensor& a, const Tensor& b) const {
    const Shape to = broadcast_shapes(broadcast_shapes(a.shape(), b.shape(), "where"), cond.shape(), "where");
    const Tensor c = dynamic::broadcast_to(cond, to), x = dynamic::broadcast_to(a, to),
                 y = dynamic::broadcast_to(b, to);
    Tensor r = Tensor::uninitialized(to);
    for (std::size_t i = 0; i < r.size(); ++i) r[i] = c[i] != 0 ? x[i] : y[i];
    return r;
  }
  template <class V = Variable>
  gradients backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const;
};

struct sum_fn {
  static constexpr std::string_view name = "Sum";
  static constexpr bool arity1 = true;
  std::vector<std::size_t> axes;  // normalised; empty: every axis
  bool keepdims = false;
  Tensor forward(const Tensor& a) const { return dynamic::sum(a, axes, keepdims); }
  template <class V = Variable>
  Variable backward(const V& gy, const V& x, const V&) const {
    // DeZero's reshape_sum_backward: re-insert the summed axes as size 1.
    V g = gy;
    if (x.data().ndim() != 0 && !axes.empty() && !keepdims) {
      Shape s = x.shape();
      for (const std::size_t a : axes) s[a] = 1;
      g = reshape(gy, s);
    }
    return broadcast_to(g, x.shape());
  }
};
struct sum_to_fn {
  static constexpr std::string_view name = "SumTo";
  static constexpr bool arity1 = true;
  Shape shape;
  Tensor forward(const Tensor& a) const { return dynamic::sum_to(a, shape); }
  template <class V = Variable>
  Variable backward(const V& gy, const V& x, const V&) const {
    return broadcast_to(gy, x.shape());
  }
};
struct broadcast_to_fn {
  static constexpr std::string_view name = "BroadcastTo";
  static constexpr bool arity1 = true;
  Shape shape;
  Tensor forward(const Tensor& a) const { return dynamic::broadcast_to(a, shape); }
  template <class V = Variable>
  Variable backward(const V& gy, const V& x, const V&) const {
    return sum_to(gy, x.shape());
  }
};
struct reshape_fn {
  static constexpr std::string_view name = "Reshape";
  static constexpr bool arity1 = true;
  Shape shape;
  Tensor forward(const Tensor& a) const { return a.reshaped(shape); }
  template <class V = Variable>
  Variable backward(const V& gy, const V& x, const V&) const {
    return reshape(gy, x.shape());
  }
};
struct transpose_fn {
  static constexpr std::string_view name = "Transpose";
  static constexpr bool arity1 = true;
  std::vector<std::size_t> perm;  // empty: the axes reversed
  Tensor forward(const Tensor& a) const {
    return perm.empty() ? dynamic::transpose(a) : dynamic::transpose(a, perm);
  }
  template <class V = Variable>
  Variable backward(const V& gy, const V&, const V&) const {
    if (perm.empty()) return transpose(gy);
    std::vector<int> inverse(perm.size());
    for (std::size_t k = 0; k < perm.size(); ++k) inverse[perm[k]] = static_cast<int>(k);
    return transpose(gy, inverse);
  }
};
struct matmul_fn {
  static constexpr std::string_view name = "MatMul";
  Tensor forward(const Tensor& a, const Tensor& b) const { return dynamic::matmul(a, b); }
  template <class V = Variable>
  gradients backward(const V& gy, const V& x, const V& w, const V&, need_mask need) const {
    gradients r;
    if (need[0]) r[0] = matmul(gy, transpose(w));
    if (need[1]) r[1] = matmul(transpose(x), gy);
    return r;
  }
};

}  // namespace detail

// ------------------------------------------------------------- arithmetic
// x op c builds Op(x, c); c + x and c * x too (DeZero's radd/rmul swap the
// operands); c - x and c / x build Sub(c, x) and Div(c, x).

template <class>
Variable operator+(const Variable& a, const Variable& b) {
  return detail::apply(detail::add_fn{}, a, b);
}
template <class = void>
Variable operator+(const Variable& a, double c) {
  return a + detail::constant(c);
}
template <class = void>
Variable operator+(double c, const Variable& a) {
  return a + detail::constant(c);
}
template <class = void>
Variable operator-(const Variable& a, const Variable& b) {
  return detail::apply(detail::sub_fn{}, a, b);
}
template <class = void>
Variable operator-(const Variable& a, double c) {
  return a - detail::constant(c);
}
template <class = void>
Variable operator-(double c, const Variable& a) {
  return detail::constant(c) - a;
}
template <class = void>
Variable operator*(const Variable& a, const Variable& b) {
  return detail::apply(detail::mul_fn{}, a, b);
}
template <class = void>
Variable operator*(const Variable& a, double c) {
  return a * detail::constant(c);
}
template <class = void>
Variable operator*(double c, const Variable& a) {
  return a * detail::constant(c);
}
template <class = void>
Variable operator/(const Variable& a, const Variable& b) {
  return detail::apply(detail::div_fn{}, a, b);
}
template <class = void>
Variable operator/(const Variable& a, double c) {
  return a / detail::constant(c);
}
template <class = void>
Variable operator/(double c, const Variable& a) {
  return detail::constant(c) / a;
}
template <class = void>
Variable operator-(const Variable& a) {
  return detail::apply(detail::neg_fn{}, a);
}

/// x^c for a constant exponent c (never differentiated, as in DeZero).
template <class>
Variable pow(const Variable& x, double c) {
  return detail::apply(detail::pow_fn{c}, x);
}

namespace detail {
/// a^b with both differentiated: b a^(b-1) and a^b log a (for a > 0).
struct power_op {
  static constexpr std::string_view name = "pow";
  template <class T>
  static constexpr T value(const T& a, const T& b) {
    return tdiff::detail::math::pow(a, b);
  }
  static auto derivative_a(const auto& a, const auto& b, const auto&) { return b * pow(a, b - 1.0); }
  static auto derivative_b(const auto& a, const auto&, const auto& y) { return y * log(a); }
};
}  // namespace detail

/// a^b of two Variables (broadcasting), or of a number and a Variable.
template <class = void>
Variable pow(const Variable& a, const Variable& b) {
  return detail::apply(detail::binary_fn<detail::power_op>{}, a, b);
}
template <class = void>
Variable pow(double a, const Variable& b) {
  return pow(detail::constant(a), b);
}

// Compound assignment: a = a op b, as Python's a += b on a Variable (a then
// names the new node; the old node and its graph are untouched).
template <class = void>
Variable& operator+=(Variable& a, const Variable& b) {
  return a = a + b;
}
template <class = void>
Variable& operator-=(Variable& a, const Variable& b) {
  return a = a - b;
}
template <class = void>
Variable& operator*=(Variable& a, const Variable& b) {
  return a = a * b;
}
template <class = void>
Variable& operator/=(Variable& a, const Variable& b) {
  return a = a / b;
}
/// x^N for an integer N known at compile time (the compile-time mode's
/// spelling; DeZero's Pow with c = N).
template <int N>
Variable pow(const Variable& x) {
  return pow(x, static_cast<double>(N));
}
/// The square root, as pow(x, 0.5) (DeZero has no sqrt).
template <class>
Variable sqrt(const Variable& x) {
  return pow(x, 0.5);
}

/// tdiff::function<Op> (and every built-in function) applied to a Variable:
/// DeZero's Function with the op's value and derivative rules.
template <class Op>
Variable apply_op(tdiff::detail::op_tag<Op>, const Variable& x) {
  return detail::apply(detail::unary_fn<Op>{}, x);
}

// One function per op of the list (tdiff/functions.hpp documents them). Each
// is a template with a defaulted op, so that only the functions a program
// calls instantiate their graph machinery: as plain inline functions, the
// 23 functions cost every unit that includes <tdiff/dynamic.hpp> 0.4 s.
#define TDIFF_DYNAMIC_FUNCTION(fn)                   \
  template <class Op = tdiff::detail::fn##_op>       \
  Variable fn(const Variable& x) {                   \
    return apply_op(tdiff::detail::op_tag<Op>{}, x); \
  }
TDIFF_DETAIL_FOR_EACH_FUNCTION(TDIFF_DYNAMIC_FUNCTION)
#undef TDIFF_DYNAMIC_FUNCTION

// Functions of two arguments; a plain number on either side becomes a 0-d constant.
#define TDIFF_DYNAMIC_FUNCTION(fn)                       \
  template <class Op = tdiff::detail::fn##_op>           \
  Variable fn(const Variable& a, const Variable& b) {    \
    return detail::apply(detail::binary_fn<Op>{}, a, b); \
  }
TDIFF_DETAIL_FOR_EACH_BINARY_FUNCTION(TDIFF_DYNAMIC_FUNCTION)
#undef TDIFF_DYNAMIC_FUNCTION

// Comparisons: a Tensor of 1 where true and 0 elsewhere (NumPy broadcasting),
// the condition of where; no graph is recorded.
#define TDIFF_DYNAMIC_COMPARISON(symbol, op)                                                             \
  template <class = void>                                                                                \
  Tensor operator symbol(const Variable& a, const Variable& b) {                                         \
    return zip(                                                                                          \
        a.data(), b.data(), [](double u, double v) { return tdiff::detail::op::value(u, v); }, #symbol); \
  }
TDIFF_DYNAMIC_COMPARISON(<, less_op)
TDIFF_DYNAMIC_COMPARISON(<=, less_equal_op)
TDIFF_DYNAMIC_COMPARISON(>, greater_op)
TDIFF_DYNAMIC_COMPARISON(>=, greater_equal_op)
#undef TDIFF_DYNAMIC_COMPARISON

/// a where cond is nonzero, b elsewhere, elementwise with NumPy broadcasting
/// of all three: `where(x > 0.0, x, 0.1 * x)`. The gradient goes to the
/// branch picked (PyTorch's torch.where).
template <class = void>
Variable where(const Tensor& cond, const Variable& a, const Variable& b) {
  return detail::apply(detail::where_fn{cond}, a, b);
}

// ------------------------------------------------------------------ shapes

/// The sum of all elements, a 0-d variable.
template <class = void>
Variable sum(const Variable& x) {
  return detail::apply(detail::sum_fn{}, x);
}
/// The sum along one axis (negative counts from the end).
template <class = void>
Variable sum(const Variable& x, int axis, bool keepdims = false) {
  return detail::apply(detail::sum_fn{normalised_axes({axis}, x.shape(), "sum"), keepdims}, x);
}
/// The sum over several axes, NumPy's sum(x, axis=(0, 2)).
template <class = void>
Variable sum(const Variable& x, const std::vector<int>& axes, bool keepdims = false) {
  return detail::apply(detail::sum_fn{normalised_axes(axes, x.shape(), "sum"), keepdims}, x);
}
/// Sums x down to shape (no node if x has it already).
template <class>
Variable sum_to(const Variable& x, const Shape& shape) {
  if (x.shape() == shape) return x;
  return detail::apply(detail::sum_to_fn{shape}, x);
}
/// Broadcasts x to shape (no node if x has it already).
template <class>
Variable broadcast_to(const Variable& x, const Shape& shape) {
  if (x.shape() == shape) return x;
  return detail::apply(detail::broadcast_to_fn{shape}, x);
}
/// x in another shape of the same size, one dimension of which may be -1
/// (inferred, as NumPy): `reshape(x, {2, -1})`. No node if x has it already.
template <class>
Variable reshape(const Variable& x, const reshape_spec& shape) {
  Shape to = shape.resolve(x.size(), x.shape());
  if (x.shape() == to) return x;
  return detail::apply(detail::reshape_fn{std::move(to)}, x);
}
/// x with its axes reversed.
template <class>
Variable transpose(const Variable& x) {
  return detail::apply(detail::transpose_fn{}, x);
}
/// x with its axes permuted: axis k of the result is axis axes[k] of x
/// (NumPy's transpose(x, axes); negative axes count from the end).
template <class>
Variable transpose(const Variable& x, const std::vector<int>& axes) {
  std::vector<std::size_t> perm = normalised_axes(axes, x.shape(), "transpose");
  if (perm.size() != x.data().ndim())
    throw std::invalid_argument("tdiff: transpose: " + std::to_string(axes.size()) + " axes for shape " +
                                to_string(x.shape()));
  return detail::apply(detail::transpose_fn{std::move(perm)}, x);
}
/// The product of two matrices.
template <class>
Variable matmul(const Variable& a, const Variable& b) {
  return detail::apply(detail::matmul_fn{}, a, b);
}

namespace detail {
template <class V>
gradients sub_fn::backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const {
  return unbroadcast(
      need, x0, x1, [&] { return gy; }, [&] { return -gy; });
}
template <class V>
gradients mul_fn::backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const {
  return unbroadcast(
      need, x0, x1, [&] { return gy * x1; }, [&] { return gy * x0; });
}
template <class V>
gradients div_fn::backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const {
  return unbroadcast(
      need, x0, x1, [&] { return gy / x1; }, [&] { return gy * (-x0 / pow(x1, 2)); });
}
template <class V>
Variable neg_fn::backward(const V& gy, const V&, const V&) const {
  return -gy;
}
template <class V>
gradients where_fn::backward(const V& gy, const V& x0, const V& x1, const V&, need_mask need) const {
  return unbroadcast(
      need, x0, x1, [&] { return where(cond, gy, constant(0.0)); },
      [&] { return where(cond, constant(0.0), gy); });
}
template <class V>
Variable pow_fn::backward(const V& gy, const V& x, const V&) const {
  return c * pow(x, c - 1) * gy;  // DeZero: Mul(Mul(Pow(x), c), gy)
}
}  // namespace detail

}  // namespace tdiff::dynamic

#endif  // TDIFF_DYNAMIC_FUNCTIONS_HPP
