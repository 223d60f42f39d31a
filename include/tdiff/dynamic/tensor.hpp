// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::dynamic::Tensor`: an N-d array of double, row-major, with
/// NumPy broadcasting, sums along axes, reshape, transpose and 2-d matmul.
///
/// A scalar (one element) is stored inline, so 0-d tensors, the common case of
/// the seed's examples, never allocate. Every operation checks its shapes
/// first and throws std::invalid_argument naming the operation and the
/// shapes; nothing is modified when it throws.
#ifndef TDIFF_DYNAMIC_TENSOR_HPP
#define TDIFF_DYNAMIC_TENSOR_HPP

#include <tdiff/config.hpp>

#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tdiff::dynamic {

using Shape = std::vector<std::size_t>;

/// NumPy's spelling of a shape: (), (3,), (2, 3).
inline std::string to_string(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

/// The number of elements of a shape; throws std::invalid_argument naming the
/// operation and the shape if it does not fit std::size_t (it used to wrap
/// around: (2^63 + 3, 2) counted 6 elements).
inline std::size_t element_count(const Shape& s, const char* op = "Tensor") {
  std::size_t n = 1;
  for (const std::size_t d : s)
    if (__builtin_mul_overflow(n, d, &n))
      throw std::invalid_argument(std::string("tdiff: ") + op + ": shape " + to_string(s) +
                                  " has more elements than std::size_t counts");
  return n;
}

namespace detail {
/// Whether [first, last) holds v: std::find without <algorithm>, whose C++20
/// ranges part was a fifth of the runtime header's preprocessed lines.
template <class It, class T>
constexpr bool contains(It first, It last, const T& v) {
  for (; first != last; ++first)
    if (*first == v) return true;
  return false;
}

/// The allocator of tensor elements. Elements are default-initialised (left
/// as they are until an operation writes every one), and each thread keeps
/// freed buffers (up to 64, and 32 MiB) to hand out again for the same size:
/// a graph on 10^4 elements allocates and frees a buffer per operation, and
/// glibc returns such blocks to the system, so that every operation
/// page-faults them back (a fifth of BM_tanh_array_dynamic, measured with
/// perf). Under
/// AddressSanitizer it allocates plainly, so that ASan sees every buffer.
template <class T>
struct buffer_allocator {
  using value_type = T;
  buffer_allocator() = default;
  template <class U>
  buffer_allocator(const buffer_allocator<U>&) noexcept {}  // NOLINT: rebinding

  struct cache {
    // (8 blocks were too few: tanh's third derivative on 10^4 elements frees
    // more at once, and glibc gave the rest back to the system, 2.5x slower)
    static constexpr std::size_t capacity = 64;
    static constexpr std::size_t max_bytes = std::size_t{32} << 20;
    std::pair<std::size_t, T*> blocks[capacity] = {};
    std::size_t count = 0;
    std::size_t bytes = 0;
    cache() = default;
    cache(const cache&) = delete;
    cache& operator=(const cache&) = delete;
    ~cache() {
      for (std::size_t i = 0; i < count; ++i) ::operator delete(blocks[i].second);
    }
    static cache& local() {
      thread_local cache c;
      return c;
    }
  };

  T* allocate(std::size_t n) {
#ifndef TDIFF_NO_POOLS
    cache& c = cache::local();
    for (std::size_t i = c.count; i-- > 0;) {
      if (c.blocks[i].first == n) {
        T* p = c.blocks[i].second;
        c.bytes -= n * sizeof(T);
        c.blocks[i] = c.blocks[--c.count];
        return p;
      }
    }
#endif
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }
  void deallocate(T* p, [[maybe_unused]] std::size_t n) noexcept {
#ifndef TDIFF_NO_POOLS
    cache& c = cache::local();
    if (c.count < cache::capacity && c.bytes + n * sizeof(T) <= cache::max_bytes) {
      c.bytes += n * sizeof(T);
      c.blocks[c.count++] = {n, p};
      return;
    }
#endif
    ::operator delete(p);
  }
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;  // default-initialised: no zeroing
  }
  template <class U, class... A>
  void construct(U* p, A&&... a) {
    ::new (static_cast<void*>(p)) U(std::forward<A>(a)...);
  }
  template <class U>
  friend bool operator==(const buffer_allocator&, const buffer_allocator<U>&) noexcept {
    return true;
  }
};
}  // namespace detail

class Tensor {
 public:
  /// The 0-d tensor holding v.
  Tensor(double v = 0.0) : small_(v) {}  // NOLINT: implicit, a scalar is a tensor

  /// values laid out row-major in the given shape (1-d if none is given).
  Tensor(const std::vector<double>& values, Shape shape) : shape_(std::move(shape)) {
    if (values.size() != element_count(shape_))
      throw std::invalid_argument("tdiff: Tensor: " + std::to_string(values.size()) +
                                  " values do not fill shape " + dynamic::to_string(shape_));
    size_ = values.size();
    if (size_ == 1)
      small_ = values[0];
    else
      heap_.assign(values.begin(), values.end());
  }
  explicit Tensor(const std::vector<double>& values) : Tensor(values, Shape{values.size()}) {}

  static Tensor full(Shape shape, double v) {
    Tensor t = uninitialized(std::move(shape));
    double* p = t.data();
    for (std::size_t i = 0; i < t.size_; ++i) p[i] = v;
    return t;
  }
  /// A tensor of that shape whose elements are to be written (numpy.empty).
  static Tensor uninitialized(Shape shape) {
    Tensor t;
    t.shape_ = std::move(shape);
    t.size_ = element_count(t.shape_);
    if (t.size_ != 1) t.heap_.resize(t.size_);
    return t;
  }
  static Tensor linspace(double start, double stop, std::size_t n) {
    Tensor t = full({n}, 0.0);
    for (std::size_t i = 0; i < n; ++i)
      t[i] = n == 1 ? start : start + (stop - start) * static_cast<double>(i) / static_cast<double>(n - 1);
    return t;
  }

  const Shape& shape() const { return shape_; }
  std::size_t size() const { return size_; }
  std::size_t ndim() const { return shape_.size(); }
  double* data() { return size_ == 1 ? &small_ : heap_.data(); }
  const double* data() const { return size_ == 1 ? &small_ : heap_.data(); }
  double& operator[](std::size_t i) { return data()[i]; }
  double operator[](std::size_t i) const { return data()[i]; }

  /// The value of a one-element tensor.
  double item() const {
    if (size_ != 1)
      throw std::invalid_argument("tdiff: item: needs one element, but the shape is " +
                                  dynamic::to_string(shape_));
    return small_;
  }

  /// The same values in another shape of the same size.
  Tensor reshaped(Shape shape) const {
    if (element_count(shape, "reshape") != size_)
      throw std::invalid_argument("tdiff: reshape: cannot reshape " + dynamic::to_string(shape_) + " into " +
                                  dynamic::to_string(shape));
    Tensor t = *this;
    t.shape_ = std::move(shape);
    return t;
  }

  friend bool operator==(const Tensor& a, const Tensor& b) {
    if (a.shape_ != b.shape_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a.data()[i] != b.data()[i]) return false;
    return true;
  }

 private:
  Shape shape_;
  std::size_t size_ = 1;
  double small_ = 0.0;                                          // the element of a one-element tensor
  std::vector<double, detail::buffer_allocator<double>> heap_;  // the elements otherwise
};

// ------------------------------------------------------------ broadcasting

/// The shape both broadcast to, or an exception naming op and shapes.
inline Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op) {
  const std::size_t n = a.size() > b.size() ? a.size() : b.size();
  Shape r(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t da = i + a.size() >= n ? a[i + a.size() - n] : 1;
    const std::size_t db = i + b.size() >= n ? b[i + b.size() - n] : 1;
    if (da != db && da != 1 && db != 1)
      throw std::invalid_argument(std::string("tdiff: ") + op + ": shapes " + to_string(a) + " and " +
                                  to_string(b) + " do not broadcast");
    r[i] = da == 1 ? db : da;
  }
  return r;
}

/// Whether `from` broadcasts to exactly `to` (NumPy's broadcast_to rule).
inline bool broadcasts_to(const Shape& from, const Shape& to) {
  if (from.size() > to.size()) return false;
  for (std::size_t k = 0; k < from.size(); ++k) {
    const std::size_t f = from[from.size() - 1 - k], t = to[to.size() - 1 - k];
    if (f != t && f != 1) return false;
  }
  return true;
}

namespace detail {
/// Element strides of `s` seen in the broadcast shape `to` (0 where broadcast).
inline std::vector<std::size_t> broadcast_strides(const Shape& s, const Shape& to) {
  std::vector<std::size_t> strides(to.size(), 0);
  std::size_t stride = 1;
  for (std::size_t k = s.size(); k-- > 0;) {
    const std::size_t i = k + to.size() - s.size();
    strides[i] = s[k] == 1 ? 0 : stride;
    stride *= s[k];
  }
  return strides;
}

/// Calls f(out_index, a_index, b_index) for every element of `to`.
template <class F>
void for_each_broadcast(const Shape& to, const Shape& a, const Shape& b, F f) {
  const auto sa = broadcast_strides(a, to), sb = broadcast_strides(b, to);
  const std::size_t n = element_count(to), d = to.size();
  std::vector<std::size_t> index(d, 0);
  std::size_t ia = 0, ib = 0;
  for (std::size_t o = 0; o < n; ++o) {
    f(o, ia, ib);
    for (std::size_t k = d; k-- > 0;) {  // odometer increment
      ++index[k];
      ia += sa[k];
      ib += sb[k];
      if (index[k] < to[k]) break;
      ia -= sa[k] * to[k];
      ib -= sb[k] * to[k];
      index[k] = 0;
    }
  }
}
}  // namespace detail

/// f applied elementwise.
template <class F>
Tensor map(const Tensor& a, F f) {
  if (a.ndim() == 0) return Tensor(f(a[0]));  // a scalar: no shape to copy
  Tensor r = Tensor::uninitialized(a.shape());
  const double* pa = a.data();
  double* pr = r.data();
  for (std::size_t i = 0, n = a.size(); i < n; ++i) pr[i] = f(pa[i]);
  return r;
}

/// f applied elementwise to a and b broadcast together.
template <class F>
Tensor zip(const Tensor& a, const Tensor& b, F f, const char* op) {
  if (a.ndim() == 0 && b.ndim() == 0) return Tensor(f(a[0], b[0]));  // scalars: no shapes to copy
  if (a.shape() == b.shape()) {
    Tensor r = Tensor::uninitialized(a.shape());
    const double *pa = a.data(), *pb = b.data();
    double* pr = r.data();
    for (std::size_t i = 0, n = a.size(); i < n; ++i) pr[i] = f(pa[i], pb[i]);
    return r;
  }
  Shape to = broadcast_shapes(a.shape(), b.shape(), op);
  Tensor r = Tensor::uninitialized(to);
  const double *pa = a.data(), *pb = b.data();
  double* pr = r.data();
  if (b.size() == 1 && to == a.shape()) {
    const double vb = pb[0];
    for (std::size_t i = 0, n = a.size(); i < n; ++i) pr[i] = f(pa[i], vb);
  } else if (a.size() == 1 && to == b.shape()) {
    const double va = pa[0];
    for (std::size_t i = 0, n = b.size(); i < n; ++i) pr[i] = f(va, pb[i]);
  } else {
    detail::for_each_broadcast(to, a.shape(), b.shape(), [&](std::size_t o, std::size_t ia, std::size_t ib) {
      pr[o] = f(pa[ia], pb[ib]);
    });
  }
  return r;
}

/// a broadcast to shape (NumPy's broadcast_to).
inline Tensor broadcast_to(const Tensor& a, const Shape& shape) {
  if (a.shape() == shape) return a;
  if (!broadcasts_to(a.shape(), shape))
    throw std::invalid_argument("tdiff: broadcast_to: cannot broadcast " + to_string(a.shape()) + " to " +
                                to_string(shape));
  Tensor r = Tensor::uninitialized(shape);
  const double* pa = a.data();
  double* pr = r.data();
  detail::for_each_broadcast(shape, a.shape(), shape,
                             [&](std::size_t o, std::size_t ia, std::size_t) { pr[o] = pa[ia]; });
  return r;
}

/// The sum of all elements (0-d), or along one axis (negative counts from the end).
inline Tensor sum(const Tensor& a) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i];
  return Tensor(s);
}
inline Tensor sum(const Tensor& a, int axis, bool keepdims) {
  const int d = static_cast<int>(a.ndim());
  if (axis < -d || axis >= d)
    throw std::invalid_argument("tdiff: sum: axis " + std::to_string(axis) + " is out of range for shape " +
                                to_string(a.shape()));
  const std::size_t ax = static_cast<std::size_t>(axis < 0 ? axis + d : axis);
  Shape kept = a.shape();
  kept[ax] = 1;
  Tensor r = Tensor::full(kept, 0.0);
  double* pr = r.data();
  const double* pa = a.data();
  detail::for_each_broadcast(a.shape(), a.shape(), kept,
                             [&](std::size_t o, std::size_t, std::size_t ik) { pr[ik] += pa[o]; });
  if (keepdims) return r;
  Shape squeezed = a.shape();
  squeezed.erase(squeezed.begin() + static_cast<std::ptrdiff_t>(ax));
  return r.reshaped(squeezed);
}

/// Sums a down to `shape`, which must broadcast to a's shape (DeZero's
/// utils.sum_to, but checked: DeZero returns a wrong shape instead).
inline Tensor sum_to(const Tensor& a, const Shape& shape) {
  if (a.shape() == shape) return a;
  if (!broadcasts_to(shape, a.shape()))
    throw std::invalid_argument("tdiff: sum_to: cannot sum " + to_string(a.shape()) + " to " +
                                to_string(shape));
  Tensor r = Tensor::full(shape, 0.0);
  double* pr = r.data();
  const double* pa = a.data();
  if (r.size() == 1) {  // the grad of a scalar operand: a plain sum
    double total = 0;
    for (std::size_t i = 0, n = a.size(); i < n; ++i) total += pa[i];
    pr[0] = total;
    return r;
  }
  detail::for_each_broadcast(a.shape(), a.shape(), shape,
                             [&](std::size_t o, std::size_t, std::size_t is) { pr[is] += pa[o]; });
  return r;
}

/// Axes as NumPy takes them (negative counts from the end), checked against
/// a tensor of `shape` and returned as indices; throws std::invalid_argument
/// naming op, the axis and the shape if one is out of range or given twice.
inline std::vector<std::size_t> normalised_axes(const std::vector<int>& axes, const Shape& shape,
                                                const char* op) {
  const int d = static_cast<int>(shape.size());
  std::vector<std::size_t> r;
  for (const int axis : axes) {
    if (axis < -d || axis >= d)
      throw std::invalid_argument(std::string("tdiff: ") + op + ": axis " + std::to_string(axis) +
                                  " is out of range for shape " + to_string(shape));
    const auto a = static_cast<std::size_t>(axis < 0 ? axis + d : axis);
    if (detail::contains(r.begin(), r.end(), a))
      throw std::invalid_argument(std::string("tdiff: ") + op + ": axis " + std::to_string(axis) +
                                  " is given twice for shape " + to_string(shape));
    r.push_back(a);
  }
  return r;
}

/// The sum over several axes (all of them if `axes` is empty), NumPy's
/// sum(a, axis=tuple, keepdims).
inline Tensor sum(const Tensor& a, std::vector<std::size_t> axes, bool keepdims) {
  if (axes.empty()) return keepdims ? sum(a).reshaped(Shape(a.ndim(), 1)) : sum(a);
  for (std::size_t i = 1; i < axes.size(); ++i)  // (a few axes: insertion sort)
    for (std::size_t j = i; j > 0 && axes[j - 1] > axes[j]; --j) std::swap(axes[j - 1], axes[j]);
  Tensor r = a;
  for (auto it = axes.rbegin(); it != axes.rend(); ++it) r = sum(r, static_cast<int>(*it), true);
  if (keepdims) return r;
  Shape squeezed;
  for (std::size_t k = 0; k < a.ndim(); ++k)
    if (!detail::contains(axes.begin(), axes.end(), k)) squeezed.push_back(a.shape()[k]);
  return r.reshaped(squeezed);
}

/// The axes permuted: axis k of the result is axis perm[k] of a (NumPy's
/// transpose(a, axes)); perm is a permutation of 0..ndim-1.
inline Tensor transpose(const Tensor& a, const std::vector<std::size_t>& perm) {
  const std::size_t d = a.ndim();
  if (d < 2) return a;
  Shape to(d);
  std::vector<std::size_t> stride(d, 1), step(d);  // a's strides; a's stride along each axis of r
  for (std::size_t k = d - 1; k-- > 0;) stride[k] = stride[k + 1] * a.shape()[k + 1];
  for (std::size_t k = 0; k < d; ++k) {
    to[k] = a.shape()[perm[k]];
    step[k] = stride[perm[k]];
  }
  Tensor r = Tensor::uninitialized(to);
  std::vector<std::size_t> index(d, 0);
  const double* pa = a.data();
  double* pr = r.data();
  std::size_t ia = 0;
  for (std::size_t o = 0; o < r.size(); ++o) {
    pr[o] = pa[ia];
    for (std::size_t k = d; k-- > 0;) {  // odometer over r's index
      ++index[k];
      ia += step[k];
      if (index[k] < to[k]) break;
      ia -= step[k] * to[k];
      index[k] = 0;
    }
  }
  return r;
}

/// The axes reversed (a matrix transposed).
inline Tensor transpose(const Tensor& a) {
  std::vector<std::size_t> reversed(a.ndim());
  for (std::size_t k = 0; k < reversed.size(); ++k) reversed[k] = reversed.size() - 1 - k;
  return transpose(a, reversed);
}

/// NumPy's reshape argument: a shape in which one dimension may be -1, to be
/// inferred from the number of elements (`reshape(x, {2, -1})`).
struct reshape_spec {
  std::vector<long long> dims;
  reshape_spec(std::initializer_list<long long> d) : dims(d) {}  // NOLINT: implicit
  reshape_spec(const Shape& s) : dims(s.begin(), s.end()) {}     // NOLINT: implicit

  /// The shape for `size` elements now in `from`; throws std::invalid_argument
  /// naming both shapes if no such shape exists.
  Shape resolve(std::size_t size, const Shape& from) const {
    std::string text = "(";
    for (std::size_t i = 0; i < dims.size(); ++i) text += (i ? ", " : "") + std::to_string(dims[i]);
    text += dims.size() == 1 ? ",)" : ")";
    const auto fail = [&](const char* why) {
      return std::invalid_argument("tdiff: reshape: cannot reshape " + to_string(from) + " into " + text +
                                   ": " + why);
    };
    Shape r;
    std::size_t known = 1, inferred = dims.size();
    for (std::size_t i = 0; i < dims.size(); ++i) {
      if (dims[i] == -1) {
        if (inferred != dims.size()) throw fail("only one dimension can be -1");
        inferred = i;
        r.push_back(0);
      } else if (dims[i] < 0) {
        throw fail("a dimension is negative");
      } else {
        r.push_back(static_cast<std::size_t>(dims[i]));
        if (__builtin_mul_overflow(known, r.back(), &known)) throw fail("too many elements");
      }
    }
    if (inferred != dims.size()) {
      if (known == 0 || size % known != 0) throw fail("the size does not divide");
      r[inferred] = size / known;
    } else if (known != size) {
      throw fail("the sizes differ");
    }
    return r;
  }
};

/// The matrix product of two 2-d tensors.
inline Tensor matmul(const Tensor& a, const Tensor& b) {
  if (a.ndim() != 2 || b.ndim() != 2 || a.shape()[1] != b.shape()[0])
    throw std::invalid_argument("tdiff: matmul: shapes " + to_string(a.shape()) + " and " +
                                to_string(b.shape()) + " are not (m, k) and (k, n)");
  const std::size_t m = a.shape()[0], k = a.shape()[1], n = b.shape()[1];
  Tensor r = Tensor::full({m, n}, 0.0);
  const double *pa = a.data(), *pb = b.data();
  double* pr = r.data();
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t l = 0; l < k; ++l) {
      const double ail = pa[i * k + l];
      for (std::size_t j = 0; j < n; ++j) pr[i * n + j] += ail * pb[l * n + j];
    }
  return r;
}

}  // namespace tdiff::dynamic

#endif  // TDIFF_DYNAMIC_TENSOR_HPP
