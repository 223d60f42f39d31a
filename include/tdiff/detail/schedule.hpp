// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `schedule<N>`: a constexpr table that evaluates each distinct
/// subexpression of node N exactly once, children before parents.
///
/// A derivative's *tree* grows exponentially with the order, but its distinct
/// subexpressions (types) grow polynomially. Each node type gets, once, a
/// structural hash, its height, and a constexpr descriptor: what kind of
/// node it is and pointers to its children's descriptors. The schedule of
/// the root walks that DAG once, orders the distinct nodes by height (a
/// topological order) and replaces children by positions in that order;
/// evaluation then walks the table, each entry a constant template argument
/// of a tiny step function.
///
/// Everything past the node types is constexpr values, not types: merging two
/// closures is a constexpr loop rather than hundreds of instantiations.
/// Measured on F = exp(x sin x)/(1 + x^2) + log x, orders 1..8 with tanh 1..8
/// (docs/performance.md): closures as type lists needed 27 s and 1.7 GB for
/// 485 nodes; mapping keys back to types by descent cost 12 s front-end time.
///
/// Two distinct nodes with the same 128-bit key would share a slot; with n
/// nodes the chance is about n^2 / 2^129, below 1e-32 for n = 1000.
#ifndef TDIFF_DETAIL_SCHEDULE_HPP
#define TDIFF_DETAIL_SCHEDULE_HPP

#include <tdiff/detail/nodes.hpp>
#include <tdiff/detail/op.hpp>
#include <tdiff/detail/type_list.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace tdiff::detail {

/// The largest of the values (std::max of a list, without <algorithm>).
template <class T>
constexpr T max_of(std::initializer_list<T> values) {
  T m = *values.begin();
  for (const T& v : values) m = v > m ? v : m;
  return m;
}

/// A node's identity in a schedule: its height and two independent
/// structural hashes (128 bits: with n nodes, a collision has probability
/// about n^2 / 2^129). Identity is by value, not by address: g++ does not fold
/// comparisons of addresses in constant expressions under -fsanitize=undefined.
struct key {
  int height = 0;
  std::uint64_t hash = 0;
  std::uint64_t check = 0;
  friend constexpr bool operator==(const key&, const key&) = default;
};

constexpr std::uint64_t mix(std::uint64_t a, std::uint64_t b) {  // splitmix64 of a combination
  std::uint64_t z = a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
constexpr std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = 0x51;
  for (char c : s) h = mix(h, static_cast<unsigned char>(c));
  return h;
}
/// A second mixing function, independent of mix (other constants, other shifts).
constexpr std::uint64_t mix2(std::uint64_t a, std::uint64_t b) {
  std::uint64_t z = (a * 0xff51afd7ed558ccdull) ^ (b + 0xc4ceb9fe1a85ec53ull + (a >> 3));
  z = (z ^ (z >> 33)) * 0xc4ceb9fe1a85ec53ull;
  z = (z ^ (z >> 29)) * 0xff51afd7ed558ccdull;
  return z ^ (z >> 32);
}
/// Both hashes of a node from a kind tag and its children's keys.
constexpr key make_key(int height, std::uint64_t tag, key a = {}, key b = {}) {
  return {height, mix(mix(tag, a.hash), b.hash), mix2(mix2(tag, a.check), b.check)};
}
constexpr key make_key(int height, std::uint64_t tag, key a, key b, key c) {
  const key k = make_key(height, tag, a, b);
  return {height, mix(k.hash, c.hash), mix2(k.check, c.check)};
}

/// Leaves first (evaluate.hpp tests `what <= kind::slot`).
enum class kind : unsigned char {
  variable,
  constant,
  slot,
  sum,
  product,
  power,
  unary,
  binary,
  select,
  group
};

/// What a node is. Children are pointers to their own descriptors (static
/// constexpr members of node_info), so the whole DAG can be walked by a
/// constexpr function; identity is the key.
struct descriptor {
  key self;
  kind what = kind::constant;
  const descriptor* a = nullptr;  // base of a power, argument of a function
  const descriptor* b = nullptr;
  const descriptor* c = nullptr;  // the third child of a select
  // How many of a, b, c are set. Tested instead of comparing the pointers with
  // null: g++ does not fold that comparison when -fsanitize=nonnull-attribute
  // (part of -fsanitize=undefined) is on.
  unsigned char arity = 0;
  std::intmax_t p = 0, q = 1;  // constant P/Q; slot index; constant exponent of a power
  bool constant_exponent = false;
  std::uint64_t id = 0;          // variable: its name's hash; function: op_id_v of its op
  const op_entry* op = nullptr;  // function: its op's name
};

/// One entry of a schedule: a node with its children as earlier positions.
struct step_entry {
  kind what = kind::constant;
  unsigned char arity = 0;
  std::size_t a = 0, b = 0, c = 0;
  std::intmax_t p = 0, q = 1;
  bool constant_exponent = false;
  std::uint64_t id = 0;
  const op_entry* op = nullptr;
  std::size_t op_index = 0;  // function: its op's position in node_info<Root>::ops
};

/// A constexpr-allocated array of descriptor pointers. Plain `new[]` keeps
/// the constant evaluator's work small: std::vector's layers cost several
/// times more per element when interpreted.
struct node_array {
  const descriptor** items = nullptr;
  std::size_t size = 0, capacity = 0;
  constexpr node_array() = default;
  node_array(const node_array&) = delete;
  node_array& operator=(const node_array&) = delete;
  constexpr ~node_array() { delete[] items; }
  constexpr void push(const descriptor* d) {
    if (size == capacity) {
      capacity = capacity == 0 ? 64 : 2 * capacity;
      const descriptor** grown = new const descriptor*[capacity];
      for (std::size_t i = 0; i < size; ++i) grown[i] = items[i];
      delete[] items;
      items = grown;
    }
    items[size++] = d;
  }
};

/// The distinct nodes reachable from a root, children before parents: an
/// iterative depth-first walk with an open-addressing set of the nodes seen,
/// then a stable counting sort by height (leaves first, the root last). The
/// set also maps each node to its position. No comparison sort: under g++'s
/// constant evaluator a heap sort of 250 nodes cost about 45 M instructions,
/// most of a schedule's price (docs/design.md).
struct closure {
  node_array items;
  // The set, open addressing, load <= 1/2. `used` marks the slots taken:
  // g++ does not fold a pointer's comparison with null in a constant
  // expression under -fsanitize=undefined (see descriptor::arity).
  const descriptor** seen = nullptr;
  bool* used = nullptr;
  std::size_t* where = nullptr;  // position of seen[i] in items
  std::size_t capacity = 0;

  constexpr explicit closure(const descriptor* root, bool ordered = true) { walk(root, ordered); }
  closure(const closure&) = delete;
  closure& operator=(const closure&) = delete;
  constexpr ~closure() {
    delete[] seen;
    delete[] used;
    delete[] where;
  }

  /// The slot of d in the set: where it is, or the free one it would take.
  constexpr std::size_t slot_of(const descriptor* d) const {
    std::size_t i = static_cast<std::size_t>(d->self.hash) & (capacity - 1);
    while (used[i] && !(seen[i]->self == d->self)) i = (i + 1) & (capacity - 1);
    return i;
  }
  /// The position of d, a node of the closure.
  constexpr std::size_t position(const descriptor* d) const { return where[slot_of(d)]; }

 private:
  constexpr void resize(std::size_t n) {
    const descriptor** old = seen;
    bool* old_used = used;
    const std::size_t old_capacity = capacity;
    capacity = n;
    seen = new const descriptor*[capacity];
    used = new bool[capacity]{};
    delete[] where;
    where = new std::size_t[capacity]{};
    for (std::size_t i = 0; i < old_capacity; ++i)
      if (old_used[i]) {
        const std::size_t k = slot_of(old[i]);
        seen[k] = old[i];
        used[k] = true;
      }
    delete[] old;
    delete[] old_used;
  }
  constexpr void walk(const descriptor* root, bool ordered) {
    resize(128);
    // A plain array as the stack, grown before the pushes of a node.
    std::size_t stack_capacity = 64, top = 0;
    const descriptor** stack = new const descriptor*[stack_capacity];
    stack[top++] = root;
    int height = 0;
    while (top > 0) {
      const descriptor* d = stack[--top];
      const std::size_t i = slot_of(d);
      if (used[i]) continue;
      seen[i] = d;
      used[i] = true;
      items.push(d);
      height = d->self.height > height ? d->self.height : height;
      if (2 * items.size > capacity) resize(2 * capacity);
      if (top + 3 > stack_capacity) {
        const descriptor** grown = new const descriptor*[2 * stack_capacity];
        for (std::size_t k = 0; k < top; ++k) grown[k] = stack[k];
        delete[] stack;
        stack = grown;
        stack_capacity *= 2;
      }
      if (d->arity >= 1) stack[top++] = d->a;
      if (d->arity >= 2) stack[top++] = d->b;
      if (d->arity == 3) stack[top++] = d->c;
    }
    delete[] stack;
    if (!ordered) return;
    // Stable counting sort by height.
    std::size_t* start = new std::size_t[static_cast<std::size_t>(height) + 2]{};
    for (std::size_t k = 0; k < items.size; ++k)
      ++start[static_cast<std::size_t>(items.items[k]->self.height) + 1];
    for (std::size_t h = 1; h <= static_cast<std::size_t>(height) + 1; ++h) start[h] += start[h - 1];
    const descriptor** sorted = new const descriptor*[items.size];
    for (std::size_t k = 0; k < items.size; ++k) {
      const descriptor* d = items.items[k];
      const std::size_t at = start[static_cast<std::size_t>(d->self.height)]++;
      sorted[at] = d;
      where[slot_of(d)] = at;
    }
    delete[] start;
    delete[] items.items;
    items.items = sorted;
    items.capacity = items.size;
  }
};

constexpr std::size_t closure_size(const descriptor* root) { return closure(root, false).items.size; }

// ------------------------------------------------------------- node info

template <class N>
struct node_info;

template <class N>
inline constexpr key key_v = node_info<N>::self.self;

template <char... C>
inline constexpr char chars_v[] = {C..., '\0'};
template <char... C>
inline constexpr std::uint64_t variable_id_v = hash_text(std::string_view(chars_v<C...>, sizeof...(C)));

/// Every node_info has `self`, its descriptor, and `ops`, the distinct ops
/// of its closure (a short list: through it evaluation finds an entry's op).
struct leaf_info {
  using ops = type_list<>;
};

template <char... C>
struct node_info<variable<C...>> : leaf_info {
  static constexpr descriptor self{make_key(0, mix(1, variable_id_v<C...>)),
                                   kind::variable,
                                   nullptr,
                                   nullptr,
                                   nullptr,
                                   0,
                                   0,
                                   1,
                                   false,
                                   variable_id_v<C...>};
};
template <std::intmax_t P, std::intmax_t Q>
struct node_info<constant<P, Q>> : leaf_info {
  static constexpr descriptor self{
      make_key(0, mix(mix(2, static_cast<std::uint64_t>(P)), static_cast<std::uint64_t>(Q))),
      kind::constant,
      nullptr,
      nullptr,
      nullptr,
      0,
      P,
      Q};
};
template <std::size_t I>
struct node_info<slot<I>> : leaf_info {
  static constexpr descriptor self{make_key(0, mix(3, I)),       kind::slot, nullptr, nullptr, nullptr, 0,
                                   static_cast<std::intmax_t>(I)};
};

/// Powers with an exact exponent carry it, for an unrolled evaluation.
template <class E>
struct exponent_of {
  static constexpr rational value{0, 1};
  static constexpr bool exact = false;
};
template <std::intmax_t P, std::intmax_t Q>
struct exponent_of<constant<P, Q>> {
  static constexpr rational value{P, Q};
  static constexpr bool exact = true;
};

template <kind K, class A, class B, class E = exponent_of<void>>
struct binary_info {
  using ops = merge_t<typename node_info<A>::ops, typename node_info<B>::ops>;
  static constexpr descriptor self{make_key(1 + max_of({key_v<A>.height, key_v<B>.height}),
                                            4 + static_cast<unsigned>(K), key_v<A>, key_v<B>),
                                   K,
                                   &node_info<A>::self,
                                   &node_info<B>::self,
                                   nullptr,
                                   2,
                                   E::value.p,
                                   E::value.q,
                                   E::exact};
};

template <class A, class B>
struct node_info<sum<A, B>> : binary_info<kind::sum, A, B> {};
template <class A, class B>
struct node_info<product<A, B>> : binary_info<kind::product, A, B> {};
/// c * (s * x), with c exact and s a run-time number (the form every
/// derivative of `100 * ...` takes), is evaluated as (c * s) * x: the way a
/// person writes it, so that a constexpr -4 * 100 folds into -400 (floating-
/// point products do not reassociate on their own).
template <std::intmax_t P, std::intmax_t Q, std::size_t I, class B>
struct node_info<product<constant<P, Q>, product<slot<I>, B>>>
    : binary_info<kind::product, product<constant<P, Q>, slot<I>>, B> {};
template <class A, class B>
struct node_info<power<A, B>> : binary_info<kind::power, A, B, exponent_of<B>> {};
template <class Op, class A>
struct node_info<unary<Op, A>> {
  using ops = decltype(typename node_info<A>::ops{} | std::type_identity<Op>{});
  static constexpr descriptor self{make_key(1 + key_v<A>.height, mix(11, op_id_v<Op>), key_v<A>),
                                   kind::unary,
                                   &node_info<A>::self,
                                   nullptr,
                                   nullptr,
                                   1,
                                   0,
                                   1,
                                   false,
                                   op_id_v<Op>,
                                   &op_entry_v<Op>};
};
template <class Op, class A, class B>
struct node_info<binary<Op, A, B>> {
  using ops = decltype(merge_t<typename node_info<A>::ops, typename node_info<B>::ops>{} |
                       std::type_identity<Op>{});
  static constexpr descriptor self{
      make_key(1 + max_of({key_v<A>.height, key_v<B>.height}), mix(12, op_id_v<Op>), key_v<A>, key_v<B>),
      kind::binary,
      &node_info<A>::self,
      &node_info<B>::self,
      nullptr,
      2,
      0,
      1,
      false,
      op_id_v<Op>,
      &op_entry_v<Op>};
};
template <class C, class A, class B>
struct node_info<select<C, A, B>> {
  using ops =
      merge_t<merge_t<typename node_info<C>::ops, typename node_info<A>::ops>, typename node_info<B>::ops>;
  static constexpr descriptor self{make_key(1 + max_of({key_v<C>.height, key_v<A>.height, key_v<B>.height}),
                                            13, key_v<C>, key_v<A>, key_v<B>),
                                   kind::select,
                                   &node_info<C>::self,
                                   &node_info<A>::self,
                                   &node_info<B>::self,
                                   3};
};

/// Several roots evaluated by one schedule (the components of a gradient or
/// Hessian share subexpressions): a scheduling node only, never an expression.
template <class A, class B>
struct group {};
template <class A, class B>
struct node_info<group<A, B>> : binary_info<kind::group, A, B> {};

/// The number of distinct nodes of N (N included).
template <class N>
inline constexpr std::size_t node_count_v = closure_size(&node_info<N>::self);

template <class... Ops>
constexpr std::size_t op_index(type_list<Ops...>, std::uint64_t id) {
  constexpr std::uint64_t ids[] = {op_id_v<Ops>..., 0};
  std::size_t k = 0;
  while (ids[k] != id) ++k;
  return k;
}

/// The evaluation table of N: its closure with children as positions, and
/// `ops`, the list in which each function entry finds its op.
template <class N>
struct schedule {
  using ops = typename node_info<N>::ops;
  static constexpr auto table = [] {
    const closure c(&node_info<N>::self);
    std::array<step_entry, node_count_v<N>> t{};
    for (std::size_t i = 0; i < c.items.size; ++i) {
      const descriptor& d = *c.items.items[i];
      t[i] = {d.what, d.arity, 0, 0, 0, d.p, d.q, d.constant_exponent, d.id, d.op};
      if (d.what == kind::unary || d.what == kind::binary) t[i].op_index = op_index(ops{}, d.id);
      if (d.arity >= 1) t[i].a = c.position(d.a);
      if (d.arity >= 2) t[i].b = c.position(d.b);
      if (d.arity == 3) t[i].c = c.position(d.c);
    }
    return t;
  }();
};

/// Positions of the nodes Parts in the schedule of Root.
template <class Root, class... Parts>
inline constexpr std::array<std::size_t, sizeof...(Parts)> positions_v = [] {
  const closure c(&node_info<Root>::self);
  return std::array<std::size_t, sizeof...(Parts)>{c.position(&node_info<Parts>::self)...};
}();

}  // namespace tdiff::detail

#endif  // TDIFF_DETAIL_SCHEDULE_HPP
