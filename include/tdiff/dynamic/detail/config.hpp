// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the per-thread settings of the runtime mode (DeZero's Config:
/// enable_backprop) and `scoped_flag`, which sets one for a scope.
#ifndef TDIFF_DYNAMIC_DETAIL_CONFIG_HPP
#define TDIFF_DYNAMIC_DETAIL_CONFIG_HPP

namespace tdiff::dynamic::detail {

struct config {
  bool enable_backprop = true;
  int backward_depth = 0;  // cycle collection waits until backward is done
};
inline config& thread_config() {
  thread_local config c;
  return c;
}

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

}  // namespace tdiff::dynamic::detail

#endif  // TDIFF_DYNAMIC_DETAIL_CONFIG_HPP
