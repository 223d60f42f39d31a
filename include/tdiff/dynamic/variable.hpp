// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::dynamic::Variable`, the function nodes of the graph,
/// `backward`, `no_grad`: DeZero's dynamic graph (steps 1-36) in C++.
///
/// Ownership is DeZero's: a variable owns its creator, a function owns its
/// inputs, a function's output is a weak reference, so the forward graph is a
/// DAG that dies with its last output. Three things DeZero gets from Python
/// are done here explicitly:
///  * No recursion: backward uses a heap ordered by (generation, insertion);
///    destruction of long chains is deferred to an iterative loop.
///  * No leak with create_graph: the backward graph of x.grad refers back to
///    x, a reference cycle (Python's collector frees it, shared_ptr cannot).
///    When the last handle to a variable that takes part in such a graph goes
///    away, tdiff looks for cycles that nothing outside holds (trial deletion,
///    as CPython's collector does) and breaks them by dropping their grads.
///  * Exception safety: backward either completes or leaves every grad as it
///    was; an operation checks shapes before it touches the graph.
#ifndef TDIFF_DYNAMIC_VARIABLE_HPP
#define TDIFF_DYNAMIC_VARIABLE_HPP

#include <tdiff/config.hpp>
#include <tdiff/dynamic/tensor.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace tdiff::dynamic {

class Variable;

namespace detail {

struct VariableNode;
struct FunctionNode;

// ------------------------------------------------- iterative destruction

/// Releases of nodes deferred while another release is running, so that a
/// chain of a million nodes is freed by a loop, not by a million nested
/// destructors.
struct graveyard {
  std::vector<std::shared_ptr<void>> pending;
  bool draining = false;
};
inline graveyard& thread_graveyard() {
  thread_local graveyard g;
  return g;
}
template <class T>
void bury(std::shared_ptr<T>&& p) {
  if (!p) return;
  if (p.use_count() > 1) {  // not the last owner: nothing is destroyed here
    p.reset();
    return;
  }
  graveyard& g = thread_graveyard();
  g.pending.push_back(std::move(p));
  if (g.draining) return;
  g.draining = true;
  while (!g.pending.empty()) {
    std::shared_ptr<void> last = std::move(g.pending.back());
    g.pending.pop_back();
    last.reset();  // may bury more: appended, handled by this loop
  }
  g.draining = false;
}

// ------------------------------------------------------------ node pools

/// Free lists of equal-sized blocks, one per size, per thread: graph nodes
/// are allocated and freed by the million, and glibc's malloc costs several
/// times more than the rest of a node (measured with callgrind: 55% of the
/// instructions of a forward chain). Blocks are never returned to the system
/// (a pool holds at most its thread's peak number of nodes); a block freed on
/// another thread joins that thread's list.
template <std::size_t Size, std::size_t Align>
struct block_pool {
  struct block {
    block* next;
  };
  static constexpr std::size_t stride = (std::max(Size, sizeof(block)) + Align - 1) / Align * Align;
  block* free = nullptr;

  void* get() {
    if (!free) refill();
    block* b = free;
    free = b->next;
    return b;
  }
  void put(void* p) noexcept {
    block* b = static_cast<block*>(p);
    b->next = free;
    free = b;
  }
  void refill() {
    constexpr std::size_t count = 64;
    // Chunks stay reachable from the list (and from nodes in use): never freed.
    auto* chunk = static_cast<unsigned char*>(::operator new(stride * count, std::align_val_t{Align}));
    for (std::size_t i = count; i-- > 0;) put(chunk + i * stride);
  }
  static block_pool& local() {
    thread_local block_pool pool;
    return pool;
  }
};

/// The allocator of std::allocate_shared for graph nodes. Under
/// AddressSanitizer it allocates plainly, so that ASan sees every node.
template <class T>
struct pool_allocator {
  using value_type = T;
#ifdef TDIFF_ADDRESS_SANITIZER
  static constexpr bool pooled = false;
#else
  static constexpr bool pooled = true;
#endif
  pool_allocator() = default;
  template <class U>
  pool_allocator(const pool_allocator<U>&) noexcept {}  // NOLINT: rebinding
  T* allocate(std::size_t n) {
    if (!pooled || n != 1) return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{alignof(T)}));
    return static_cast<T*>(block_pool<sizeof(T), alignof(T)>::local().get());
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (!pooled || n != 1) return ::operator delete(p, std::align_val_t{alignof(T)});
    block_pool<sizeof(T), alignof(T)>::local().put(p);
  }
  template <class U>
  friend bool operator==(const pool_allocator&, const pool_allocator<U>&) noexcept {
    return true;
  }
};

// ------------------------------------------------------------------ config

struct config {
  bool enable_backprop = true;
  int backward_depth = 0;           // cycle collection waits until backward is done
};
inline config& thread_config() {
  thread_local config c;
  return c;
}

/// The cycle collector's state, per thread. Reference cycles are made only by
/// create_graph: x -> x.grad -> its creator -> ... -> x. Every such cycle
/// passes through a node whose grad has a creator, so those nodes are the
/// roots: when their last handle goes, or when backward gives a grad with a
/// creator to a node that has no handle (a temporary leaf). A collection runs
/// when a root arrives, unless the nodes made since the last collection are
/// fewer than a quarter of the nodes that collection looked at: then the
/// roots wait. So garbage is freed at once in the common case (while its
/// memory is still in cache), and collection costs O(1) per node made however
/// large the live graph, as CPython's thresholds intend. A thread's remaining
/// roots are collected when the thread ends.
struct collector {
  static constexpr std::size_t patience = 4;  // walks of up to 4 nodes per node made
  std::vector<std::shared_ptr<VariableNode>> roots;
  std::size_t made = 0;       // nodes made since the last collection
  std::size_t last_walk = 0;  // nodes the last collection looked at
  struct object {
    VariableNode* var;  // one of the two is set
    FunctionNode* fn;
    long refs, internal;
    bool alive;
  };
  std::vector<object> objects;  // scratch of a collection
  std::vector<std::size_t> stack;
  std::uint64_t pass = 0;

  void add_root(std::shared_ptr<VariableNode>&& n) {
    roots.push_back(std::move(n));
    maybe_collect();
  }
  /// A root found by backward (which must not throw from its undo path).
  void note_root(const std::shared_ptr<VariableNode>& n) noexcept {
    try {
      roots.push_back(n);
    } catch (...) {  // out of memory: this cycle stays
    }
  }
  void maybe_collect() noexcept {
    if (made * patience >= last_walk && thread_config().backward_depth == 0) collect_or_leave();
  }
  void collect();
  /// Out of memory while looking: the cycles stay, nothing throws.
  void collect_or_leave() noexcept {
    try {
      collect();
    } catch (...) {
    }
  }
  ~collector() { collect_or_leave(); }
};
inline collector& thread_collector() {
  thread_graveyard();  // made first, so that it outlives the collector (whose destructor buries)
  thread_local collector c;
  return c;
}
/// Whether n, once no handle holds it, may be part of a garbage cycle.
inline bool may_close_cycle(const VariableNode& n);

/// Collects every pending root now (tests use it to check what is freed).
inline void collect_garbage() { thread_collector().collect_or_leave(); }

// ------------------------------------------------------------------ nodes

struct VariableNode {
  Tensor data;
  std::shared_ptr<VariableNode> grad;  // itself a variable, so that it can carry a graph
  std::shared_ptr<FunctionNode> creator;
  int generation = 0;
  std::string name;
  std::size_t handles = 0;       // Variable handles on this node (the user's view)
  std::uint64_t visit = 0;       // cycle collection: the pass that last saw this node
  std::size_t slot = 0;          // ... and its index in that pass

  explicit VariableNode(Tensor t) : data(std::move(t)) {}
  ~VariableNode() {
    bury(std::move(grad));
    bury(std::move(creator));
  }
};

struct FunctionNode {
  std::array<std::shared_ptr<VariableNode>, 2> inputs;
  std::size_t arity = 0;
  std::weak_ptr<VariableNode> output;
  int generation = 0;
  std::uint64_t visit = 0;  // cycle collection, as in VariableNode
  std::size_t slot = 0;
  std::uint64_t queued = 0;  // the backward pass that queued this function

  virtual ~FunctionNode() {
    for (auto& in : inputs) bury(std::move(in));
  }
  /// The class name DeZero's DOT shows: Add, Mul, Tanh, ...
  virtual std::string_view name() const = 0;
  /// Gradients for the inputs, given the output's gradient gy. Runs with
  /// backprop enabled exactly when backward was asked to create a graph.
  virtual std::array<std::optional<Variable>, 2> backward(const Variable& gy) = 0;
};


}  // namespace detail

/// Options of Variable::backward (DeZero's keyword arguments).
struct backward_options {
  /// Keep the gradients of intermediate variables (DeZero frees them).
  bool retain_grad = false;
  /// Record the backward computation as a graph, so that the gradients can be
  /// differentiated again (higher-order derivatives, double backprop).
  bool create_graph = false;
};

/// A node of the dynamic graph, held by handle: copying a Variable shares the
/// node, as Python names share an object.
class Variable {
 public:
  Variable(double v) : Variable(Tensor(v)) {}  // NOLINT: implicit, like as_variable
  Variable(Tensor t)  // NOLINT: implicit, like as_variable
      : Variable(std::allocate_shared<detail::VariableNode>(detail::pool_allocator<detail::VariableNode>{},
                                                            std::move(t))) {}

  Variable(const Variable& o) : Variable(o.node_) {}
  Variable(Variable&& o) noexcept : node_(std::move(o.node_)) {}
  Variable& operator=(const Variable& o) {
    Variable copy(o);
    swap(copy);
    return *this;
  }
  Variable& operator=(Variable&& o) noexcept {
    Variable moved(std::move(o));
    swap(moved);
    return *this;
  }
  ~Variable() { release(); }
  void swap(Variable& o) noexcept { node_.swap(o.node_); }

  const Tensor& data() const { return node_->data; }
  /// Replaces the data in place, without a graph (DeZero's `x.data -= ...`).
  void set_data(Tensor t) { node_->data = std::move(t); }
  const Shape& shape() const { return node_->data.shape(); }
  std::size_t size() const { return node_->data.size(); }
  double item() const { return node_->data.item(); }

  const std::string& name() const { return node_->name; }
  void set_name(std::string n) { node_->name = std::move(n); }
  int generation() const { return node_->generation; }
  /// The name of the function that made this variable ("" for a leaf).
  std::string_view creator_name() const {
    return node_->creator ? node_->creator->name() : std::string_view{};
  }

  /// The gradient, empty where no backward pass reached this variable.
  std::optional<Variable> grad() const {
    if (!node_->grad) return std::nullopt;
    return Variable(node_->grad);
  }
  void cleargrad() { detail::bury(std::move(node_->grad)); }

  /// Backpropagation from this variable (seeded with ones if it has no grad).
  void backward(backward_options options = {});

  /// Whether two handles share a node (DeZero's `a is b`).
  friend bool same_node(const Variable& a, const Variable& b) { return a.node_ == b.node_; }
  /// The constant 1 of the shared derivative rules (found by ADL).
  friend double one(const Variable&) { return 1.0; }

  // internal
  explicit Variable(std::shared_ptr<detail::VariableNode> n) : node_(std::move(n)) {
    if (node_) ++node_->handles;
  }
  const std::shared_ptr<detail::VariableNode>& node() const { return node_; }

 private:
  void release() noexcept {
    if (!node_) return;
    if (--node_->handles == 0 && detail::may_close_cycle(*node_)) {
      try {
        detail::thread_collector().add_root(std::move(node_));
        return;
      } catch (...) {  // out of memory: leave the cycle, never throw here
      }
    }
    detail::bury(std::move(node_));
  }

  std::shared_ptr<detail::VariableNode> node_;
};

namespace detail {
/// A thread-config flag set for a scope and restored on exit, also by an
/// exception (DeZero's using_config).
class scoped_flag {
 public:
  scoped_flag(bool& flag, bool value) : flag_(flag), previous_(flag) { flag_ = value; }
  scoped_flag(const scoped_flag&) = delete;
  scoped_flag& operator=(const scoped_flag&) = delete;
  ~scoped_flag() { flag_ = previous_; }

 private:
  bool& flag_;
  bool previous_;
};
}  // namespace detail

/// While alive, operations record no graph (DeZero's `with no_grad():`).
class [[nodiscard]] no_grad_guard {
  detail::scoped_flag off_{detail::thread_config().enable_backprop, false};
};
inline no_grad_guard no_grad() { return {}; }

namespace detail {

/// A function of the graph: F provides `name`, `forward(tensors...)` and
/// `backward(gy, inputs..., output)`.
template <class F>
struct function final : FunctionNode {
  F f;
  explicit function(F fn) : f(std::move(fn)) {}
  std::string_view name() const override { return F::name; }
  std::array<std::optional<Variable>, 2> backward(const Variable& gy) override;
};

/// Applies F to the inputs: forward on their data, then (if backprop is on)
/// the graph links. The forward pass throws before any link is made.
template <class F, class... In>
Variable apply(F f, const In&... in) {
  Tensor y = f.forward(in.data()...);
  Variable out(std::move(y));
  if (!thread_config().enable_backprop) return out;
  auto fn = std::allocate_shared<function<F>>(pool_allocator<function<F>>{}, std::move(f));
  fn->arity = sizeof...(In);
  std::size_t i = 0;
  ((fn->inputs[i++] = in.node()), ...);
  fn->generation = std::max({in.node()->generation...});
  fn->output = out.node();
  out.node()->generation = fn->generation + 1;
  out.node()->creator = std::move(fn);
  thread_collector().made += 2;  // paces the cycle collector
  return out;
}

template <class F>
std::array<std::optional<Variable>, 2> function<F>::backward(const Variable& gy) {
  const Variable y(output.lock());
  if constexpr (requires { F::arity1; }) {
    return {f.backward(gy, Variable(inputs[0]), y), std::nullopt};
  } else {
    auto [g0, g1] = f.backward(gy, Variable(inputs[0]), Variable(inputs[1]), y);
    return {std::optional<Variable>(std::move(g0)), std::optional<Variable>(std::move(g1))};
  }
}

// --------------------------------------------------------- cycle collection

inline bool may_close_cycle(const VariableNode& n) { return n.grad && n.grad->creator; }

/// Trial deletion, as in CPython's collector. The roots are nodes whose last
/// handle went away (the collector's own copies of them are not outside
/// references). Among the nodes reachable from them, those whose every strong
/// reference comes from inside that set, and that nothing held from outside
/// reaches, are garbage kept only by cycles. Dropping their grads breaks every
/// such cycle: each passes through a grad, the forward graph being acyclic.
inline void collector::collect() {
  std::vector<std::shared_ptr<VariableNode>> starts;
  starts.swap(roots);
  made = 0;
  // A root that got a handle again since is no root (x.grad() made one).
  std::erase_if(starts, [](const auto& n) { return n->handles != 0; });
  last_walk = 0;
  if (starts.empty()) return;
  ++pass;
  objects.clear();
  stack.clear();
  // Visit marks live in the nodes: no hashing, no allocation once warm.
  auto add = [&](const auto& sp) {
    auto* p = sp.get();
    if (p->visit != pass) {
      p->visit = pass;
      p->slot = objects.size();
      if constexpr (std::is_same_v<std::decay_t<decltype(*p)>, VariableNode>)
        objects.push_back({p, nullptr, static_cast<long>(sp.use_count()), 0, false});
      else
        objects.push_back({nullptr, p, static_cast<long>(sp.use_count()), 0, false});
    }
    return p->slot;
  };
  auto edges = [&](std::size_t i, auto&& on_edge) {
    if (VariableNode* n = objects[i].var) {
      if (n->grad) on_edge(n->grad);
      if (n->creator) on_edge(n->creator);
    } else {
      FunctionNode* f = objects[i].fn;
      for (std::size_t k = 0; k < f->arity; ++k)
        if (f->inputs[k]) on_edge(f->inputs[k]);
    }
  };
  for (const auto& n : starts) ++objects[add(n)].internal;
  for (std::size_t i = 0; i < objects.size(); ++i)  // grows while we walk
    edges(i, [&](const auto& e) { ++objects[add(e)].internal; });
  for (std::size_t i = 0; i < objects.size(); ++i)
    if (objects[i].refs > objects[i].internal) stack.push_back(i);
  while (!stack.empty()) {
    const std::size_t i = stack.back();
    stack.pop_back();
    if (objects[i].alive) continue;
    objects[i].alive = true;
    edges(i, [&](const auto& e) { stack.push_back(e->slot); });
  }
  // Roots still alive stay roots (once each): held from outside now, they may
  // be garbage after the next release of a node that is no root itself.
  // (Compacted in place: no allocation, so nothing here throws.)
  std::size_t kept = 0;
  for (auto& n : starts) {
    object& o = objects[n->slot];
    if (o.alive && o.internal > 0) {
      o.internal = 0;
      std::swap(starts[kept++], n);
    }
  }
  std::vector<std::shared_ptr<VariableNode>> released;
  for (const object& o : objects)
    if (!o.alive && o.var && o.var->grad) released.push_back(std::move(o.var->grad));
  last_walk = objects.size();
  objects.clear();
  for (auto& r : released) bury(std::move(r));
  for (std::size_t i = kept; i < starts.size(); ++i) bury(std::move(starts[i]));
  starts.resize(kept);
  starts.swap(roots);  // roots found while burying (none expected) come after
  roots.insert(roots.end(), std::make_move_iterator(starts.begin()), std::make_move_iterator(starts.end()));
}

}  // namespace detail

}  // namespace tdiff::dynamic

#endif  // TDIFF_DYNAMIC_VARIABLE_HPP
