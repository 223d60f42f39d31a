// SPDX-License-Identifier: BSL-1.0
/// @file
/// Defines the version of tdiff and the few configuration macros it honours.
#ifndef TDIFF_CONFIG_HPP
#define TDIFF_CONFIG_HPP

#define TDIFF_VERSION_MAJOR 0
#define TDIFF_VERSION_MINOR 1
#define TDIFF_VERSION_PATCH 0
#define TDIFF_VERSION (TDIFF_VERSION_MAJOR * 10000 + TDIFF_VERSION_MINOR * 100 + TDIFF_VERSION_PATCH)

// TDIFF_ADDRESS_SANITIZER: defined when compiling under AddressSanitizer, so
// that graph nodes bypass tdiff's pools and ASan sees every allocation.
#if defined(__SANITIZE_ADDRESS__)
#define TDIFF_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TDIFF_ADDRESS_SANITIZER 1
#endif
#endif

// TDIFF_NO_POOLS: graph nodes and tensor buffers come straight from operator
// new, not from tdiff's free lists. Defined under AddressSanitizer (so that
// ASan sees every allocation); benchmark/memory.cpp defines it to count the
// memory that is alive.
#if defined(TDIFF_ADDRESS_SANITIZER) && !defined(TDIFF_NO_POOLS)
#define TDIFF_NO_POOLS 1
#endif

#if __cplusplus < 202002L
#error "tdiff needs C++20: compile with -std=c++20 or later"
#endif

#endif  // TDIFF_CONFIG_HPP
