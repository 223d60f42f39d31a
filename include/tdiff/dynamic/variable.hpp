// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `tdiff::dynamic::Variable`, the function nodes of the graph,
/// `backward`, `grad`, `no_grad`: DeZero's dynamic graph (steps 1-36) in C++.
///
/// Ownership is DeZero's: a variable owns its creator, a function owns its
/// inputs, a function's output is a weak (plain) reference, so the forward graph is a
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
#include <tdiff/dynamic/detail/collector.hpp>
#include <tdiff/dynamic/detail/config.hpp>
#include <tdiff/dynamic/detail/marks.hpp>
#include <tdiff/dynamic/detail/node.hpp>
#include <tdiff/dynamic/detail/pool.hpp>
#include <tdiff/dynamic/detail/ref.hpp>
#include <tdiff/dynamic/tensor.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace tdiff::dynamic {

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
  /// A 0-d leaf holding 0.0 (so std::vector<Variable>(3) and matrices of Variables work).
  Variable() : Variable(0.0) {}
  Variable(double v) : Variable(Tensor(v)) {}  // NOLINT: implicit, like as_variable
  Variable(Tensor t)                           // NOLINT: implicit, like as_variable
      : Variable(detail::ref<detail::VariableNode>(new detail::VariableNode(std::move(t)))) {}

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

  const std::string& name() const {
    static const std::string none;
    return node_->rare ? node_->rare->name : none;
  }
  void set_name(std::string n) { node_->rare_ones().name = std::move(n); }
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
  void cleargrad() { node_->grad.reset(); }

  /// Backpropagation from this variable (seeded with ones if it has no grad).
  template <class = void>  // (instantiated only where called, as every operation of the graph)
  void backward(backward_options options = {});

  /// Whether two handles share a node (DeZero's `a is b`).
  friend bool same_node(const Variable& a, const Variable& b) { return a.node_ == b.node_; }
  /// The constant 1 of the shared derivative rules (found by ADL).
  friend double one(const Variable&) { return 1.0; }

  // internal
  explicit Variable(detail::ref<detail::VariableNode> n) : node_(std::move(n)) {
    if (node_) node_->handles.add();
  }
  const detail::ref<detail::VariableNode>& node() const { return node_; }

 protected:
  struct no_handle_t {};
  /// The node as a Variable that is no handle and no owner (see detail::view).
  Variable(no_handle_t, detail::VariableNode* n) noexcept
      : node_(detail::ref<detail::VariableNode>::borrow(n)) {}
  /// Ends a Variable made with no_handle_t.
  void drop_no_handle() noexcept { node_.forget(); }

 private:
  void release() noexcept {
    if (!node_) return;
    if (node_->handles.remove(detail::may_close_cycle(*node_))) {
      if (!node_->creator) {
        // A leaf no handle names any more: nothing can read its grad (a
        // later pass through it would only accumulate into that grad, which
        // a leaf passes on to nothing), so it goes now, and with it the
        // cycle leaf -> grad -> ... -> leaf of create_graph: freed by
        // reference counting instead of a collector's walk (the loop
        // variable of DeZero's higher-order loops).
        node_->grad.reset();
      } else {
        try {
          detail::thread_collector().add_root(std::move(node_));
          return;
        } catch (...) {  // out of memory: leave the cycle, never throw here
        }
      }
    }
    node_.reset();
  }

  detail::ref<detail::VariableNode> node_;
};

/// While alive, operations record no graph (DeZero's `with no_grad():`).
class [[nodiscard]] no_grad_guard {
  detail::scoped_flag off_{detail::thread_config().enable_backprop, false};
};
inline no_grad_guard no_grad() { return {}; }

namespace detail {

/// The graph's own view of a node as a Variable, for a function's
/// derivative rule during backward (its inputs, output and output's
/// gradient): not a handle, which is a program's reference and tells the
/// cycle collector where garbage may start, nor an owner: the graph holds
/// the node while the view lives. A copy of it (a rule returning an input)
/// is a handle and an owner.
class view : public Variable {
 public:
  explicit view(VariableNode* n) noexcept : Variable(no_handle_t{}, n) {}
  explicit view(const ref<VariableNode>& n) noexcept : view(n.get()) {}
  view(const view&) = delete;
  view& operator=(const view&) = delete;
  ~view() { drop_no_handle(); }
};

/// The gradients a function gives its inputs (none for an input that is a constant).
using gradients = std::array<std::optional<Variable>, 2>;
/// Which inputs of a function of two variables are to get a gradient.
using need_mask = std::array<bool, 2>;

/// A function of the graph: F provides `name`, `forward(tensors...)` and
/// `backward(gy, input, output)` or `backward(gy, input0, input1, output,
/// need)`.
template <class F>
struct function final : FunctionNode, pooled<function<F>> {
  F f;
  explicit function(F fn) : f(std::move(fn)) {}
  std::string_view name() const override { return F::name; }
  gradients backward(const Variable& gy, VariableNode* out) override;
};

/// Applies F to the inputs: forward on their data, then (if backprop is on)
/// the graph links. The forward pass throws before any link is made.
template <class F, class... In>
Variable apply(F f, const In&... in) {
  Tensor y = f.forward(in.data()...);
  Variable out(std::move(y));
  if (!thread_config().enable_backprop) return out;
  ref<function<F>> fn(new function<F>(std::move(f)));
  fn->arity = sizeof...(In);
  std::size_t i = 0;
  ((fn->inputs[i++] = in.node()), ...);
  int generation = 0;  // the inputs' highest
  for (const int g : {static_cast<int>(in.node()->generation)...})
    if (g > generation) generation = g;
  fn->generation = generation;
  fn->output = out.node().get();
  out.node()->generation = fn->generation + 1;
  out.node()->creator = std::move(fn);
  thread_collector().made += 2;  // paces the cycle collector
  return out;
}

template <class F>
gradients function<F>::backward(const Variable& gy, VariableNode* out) {
  const view y(out);
  if constexpr (requires { F::arity1; })
    return {needs(0) ? std::optional<Variable>(f.template backward<Variable>(gy, view(inputs[0]), y))
                     : std::nullopt,
            std::nullopt};
  else
    return f.template backward<Variable>(gy, view(inputs[0]), view(inputs[1]), y,
                                         need_mask{needs(0), needs(1)});
}

}  // namespace detail

// ------------------------------------------------------------------ backward

/// Accumulation of gradients (defined in functions.hpp, included below).
template <class = void>
Variable operator+(const Variable& a, const Variable& b);

namespace detail {

/// A node that gets no gradient: a number written into an expression (the
/// 2 of 2 * x), or the seed of a backward pass.
inline Variable constant(Tensor t) {
  Variable v(std::move(t));
  v.node()->constant = true;
  return v;
}

/// The ones a backward pass starts from. Like a number written into an
/// expression it gets no gradient itself (PyTorch's default grad_outputs;
/// DeZero computes one, which nothing can read but the seed's own grad):
/// in DeZero's create_graph loops that gradient's graph was about 40% of the
/// nodes made (sin, order 8: 220 -> 122).
inline Variable seed(const Shape& shape) { return constant(Tensor::full(shape, 1.0)); }

/// Counts a backward pass running on this thread (the cycle collector waits).
class backward_scope {
 public:
  backward_scope() { ++thread_config().backward_depth; }
  backward_scope(const backward_scope&) = delete;
  backward_scope& operator=(const backward_scope&) = delete;
  ~backward_scope() { --thread_config().backward_depth; }
};

/// DeZero's backward pass from the node `start` (which has a creator), shared by
/// Variable::backward (gradients in the nodes' grad fields) and grad()
/// (gradients in a map of its own). Functions run by generation, each once;
/// with create_graph their backward records a graph. `Grads` holds the
/// gradients: get(out) (null: none), add(x, gx), done(out) after out's
/// function ran.
/// What a backward pass works with, kept by the thread from pass to pass
/// (one per nesting depth: a function's backward may run a pass).
struct pass_scratch {
  // The functions queued in this pass: in a table of the pass's own, not in
  // the nodes, which other threads' passes may walk at the same time.
  marks queued;
  // The queue, in DeZero's order: the function of the highest generation
  // first, and of equal ones the last queued (its stable sort, then pop()).
  // A function queues only functions of lower generation than its own (an
  // input's creator comes before the function), so the highest generation
  // queued only decreases: a list per generation, walked downwards, is that
  // priority queue, with O(1) push and pop and no comparisons (a binary heap
  // of (generation, order) was a tenth of tanh^(8)'s create_graph loop).
  static constexpr std::uint32_t none = ~std::uint32_t{0};
  struct entry {
    VariableNode* out;  // the function is out's creator
    std::uint32_t next;
  };
  std::vector<entry> entries;
  std::vector<std::uint32_t> heads;  // per generation: the last entry queued, or none
  pass_scratch* deeper = nullptr;    // the next nesting depth's (owned; stable while used)
  pass_scratch() = default;
  pass_scratch(const pass_scratch&) = delete;
  pass_scratch& operator=(const pass_scratch&) = delete;
  ~pass_scratch() { delete deeper; }
};
inline pass_scratch& thread_pass_scratch(int depth) {
  thread_local pass_scratch outermost;
  pass_scratch* s = &outermost;
  for (int d = 1; d < depth; ++d) {
    if (!s->deeper) s->deeper = new pass_scratch;
    s = s->deeper;
  }
  return *s;
}

template <class Grads>
void backward_pass(const ref<VariableNode>& start, bool create_graph, Grads& grads) {
  const backward_scope running;
  config& cfg = thread_config();
  pass_scratch& scratch = thread_pass_scratch(cfg.backward_depth);
  marks& queued = scratch.queued;
  auto& entries = scratch.entries;
  auto& heads = scratch.heads;
  queued.clear();
  entries.clear();
  heads.assign(static_cast<std::size_t>(start->creator->generation) + 1, pass_scratch::none);
  std::size_t top = 0;  // no generation above it is queued
  // Functions are queued by their output, which the graph holds (from
  // start, by creators and inputs, which a pass never changes): the pass
  // refers to nodes by plain pointers, without counting.
  auto add = [&](VariableNode* x) {
    const FunctionNode* f = x->creator.get();
    if (f && queued.insert(f)) {
      const auto g = static_cast<std::size_t>(f->generation);
      if (g >= heads.size()) heads.resize(g + 1, pass_scratch::none);  // (not expected: see above)
      entries.push_back({x, heads[g]});
      heads[g] = static_cast<std::uint32_t>(entries.size() - 1);
      if (g > top) top = g;
    }
  };
  add(start.get());
  for (;;) {
    while (heads[top] == pass_scratch::none && top > 0) --top;
    if (heads[top] == pass_scratch::none) break;
    const pass_scratch::entry e = entries[heads[top]];
    heads[top] = e.next;
    VariableNode* const out = e.out;
    FunctionNode* const f = out->creator.get();
    VariableNode* const gy = grads.get(*out);  // (held by out, or by grads)
    if (!gy) continue;                         // no gradient flows through f
    {
      const scoped_flag backprop(cfg.enable_backprop, create_graph);
      const auto gxs = f->backward(view(gy), out);
      for (std::size_t i = 0; i < f->arity; ++i) {
        if (!gxs[i]) continue;
        grads.add(f->inputs[i].get(), *gxs[i]);
        add(f->inputs[i].get());
      }
    }
    grads.done(out);
  }
  queued.shrink_past(std::size_t{1} << 16);
  if (entries.capacity() > (std::size_t{1} << 16)) std::vector<pass_scratch::entry>().swap(entries);
  if (heads.capacity() > (std::size_t{1} << 16)) std::vector<std::uint32_t>().swap(heads);
}

/// The undo log of a backward pass: (node, its grad before). (The node is
/// held by the graph of the pass, which outlives the log's use.)
using undo_log = std::vector<std::pair<VariableNode*, ref<VariableNode>>>;
/// This thread's spare undo log. A pass takes it and gives it back, so that
/// a large pass's log is reused by the next: made afresh by each pass, a log
/// over glibc's mmap threshold was mapped and unmapped every time, and F^(7)
/// took twice as long in page faults (perf: kernel time 11%).
inline undo_log& spare_undo_log() {
  thread_local undo_log log;
  return log;
}

/// Gradients in the nodes' grad fields, with an undo log so that a throw
/// leaves every grad as it was. (A template, as everything backward uses:
/// a unit that never calls backward instantiates none of it.)
template <class = void>
struct node_grads {
  bool retain_grad;
  collector& gc;
  undo_log undo = std::move(spare_undo_log());  // (a nested pass finds the spare taken: a new log)

  VariableNode* get(const VariableNode& n) const { return n.grad.get(); }
  template <class V>
  void add(VariableNode* x, const V& gx) {
    // (the old grad moves into the log: restore() puts it back)
    const ref<VariableNode>& old = undo.emplace_back(x, std::move(x->grad)).second;
    if (!old)
      x->grad = gx.node();
    else  // a new variable, never in place: x.grad may be shared or recorded
      x->grad = (Variable(old) + gx).node();
  }
  void done(VariableNode* out) {
    if (retain_grad) return;
    undo.emplace_back(out, std::move(out->grad));
  }
  /// After the pass: nodes it left with a recorded grad and without a handle
  /// are the collector's new roots. (Noted only now: most nodes that got such
  /// a grad lost it again in done(), and a root noted early held them alive
  /// until the next collection.)
  void commit() noexcept {
    for (const auto& entry : undo)
      if (may_be_garbage_root(*entry.first)) gc.note_root(ref<VariableNode>(entry.first));
    give_back();
  }
  void restore() noexcept {
    for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
      it->first->grad = std::move(it->second);
      if (may_be_garbage_root(*it->first)) gc.note_root(ref<VariableNode>(it->first));
    }
    give_back();
  }
  /// The log's memory back to the thread's spare (up to 8 MB of it).
  void give_back() noexcept {
    undo.clear();
    if (undo.capacity() <= (std::size_t{1} << 18) && undo.capacity() > spare_undo_log().capacity())
      spare_undo_log() = std::move(undo);
  }
};

}  // namespace detail

template <class>
void Variable::backward(backward_options options) {
  detail::collector& collector = detail::thread_collector();
  // (.node(), a copy: moving out of the temporary would skip its handle release)
  if (!node_->grad) node_->grad = detail::seed(node_->data.shape()).node();
  if (!node_->creator) return;  // a leaf: its grad is the seed (DeZero crashes here)
  detail::node_grads<> grads{options.retain_grad, collector};
  try {
    detail::backward_pass(node_, options.create_graph, grads);
  } catch (...) {
    grads.restore();
    throw;
  }
  grads.commit();
  collector.maybe_collect(detail::collector::patience_after_backward);
}

namespace detail {

/// Gradients in a map of grad()'s own: no node's grad is touched. The
/// gradients of the requested inputs are kept; others are dropped once used.
struct local_grads {
  node_map<Variable> grads;
  const std::vector<const VariableNode*>& keep;

  VariableNode* get(const VariableNode& n) {
    const Variable* g = grads.find(&n);
    return g ? g->node().get() : nullptr;
  }
  template <class V>
  void add(const VariableNode* x, const V& gx) {
    const auto [g, fresh] = grads.try_emplace(x, gx);
    if (!fresh) *g = *g + gx;
  }
  void done(const VariableNode* out) {
    if (!contains(keep.begin(), keep.end(), out)) grads.erase(out);
  }
};

}  // namespace detail

/// Options of grad (PyTorch's torch.autograd.grad keyword argument).
struct grad_options {
  /// Record the gradients' computation as a graph, to differentiate again.
  bool create_graph = false;
};

/// The gradients of y with respect to each of the inputs, returned, never
/// accumulated into any `.grad()` (PyTorch's torch.autograd.grad). y may have
/// many elements: it is seeded with ones, as backward does. An input that y
/// does not depend on gets zeros of its shape. Throws std::invalid_argument
/// for an empty input list or an input given twice.
template <class = void>
std::vector<Variable> grad(const Variable& y, const std::vector<Variable>& inputs,
                           grad_options options = {}) {
  if (inputs.empty()) throw std::invalid_argument("tdiff: grad: no inputs to differentiate with respect to");
  std::vector<const detail::VariableNode*> keep;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const detail::VariableNode* n = inputs[i].node().get();
    for (std::size_t j = 0; j < i; ++j)
      if (keep[j] == n)
        throw std::invalid_argument("tdiff: grad: inputs " + std::to_string(j) + " and " + std::to_string(i) +
                                    " are the same variable");
    keep.push_back(n);
  }
  detail::local_grads grads{{}, keep};
  grads.grads.try_emplace(y.node().get(), detail::seed(y.shape()));
  if (y.node()->creator) detail::backward_pass(y.node(), options.create_graph, grads);
  std::vector<Variable> result;
  result.reserve(inputs.size());
  for (const Variable& x : inputs) {
    const Variable* g = grads.grads.find(x.node().get());
    result.push_back(g ? *g : Variable(Tensor::full(x.shape(), 0.0)));
  }
  grads.grads.clear();
  detail::thread_collector().maybe_collect(detail::collector::patience_after_backward);
  return result;
}

}  // namespace tdiff::dynamic

// The arithmetic that backward accumulates with: a program that includes only
// this header and calls backward links.
#include <tdiff/dynamic/functions.hpp>

#endif  // TDIFF_DYNAMIC_VARIABLE_HPP
