// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines `bury`: iterative destruction of graph nodes, so that freeing a
/// long chain never recurses.
#ifndef TDIFF_DYNAMIC_DETAIL_GRAVEYARD_HPP
#define TDIFF_DYNAMIC_DETAIL_GRAVEYARD_HPP

#include <memory>
#include <utility>
#include <vector>

namespace tdiff::dynamic::detail {

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

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_GRAVEYARD_HPP
