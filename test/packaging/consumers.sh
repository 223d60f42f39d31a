#!/usr/bin/env bash
# Installs tdiff from the build directory into a temporary root and builds a
# consumer against the installed headers through pkg-config and through
# CMake's find_package(tdiff). Usage: consumers.sh BUILD_DIR COMPILER...
set -euo pipefail
build=$1
shift
cxx=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

meson install -C "$build" --no-rebuild --destdir "$tmp/root" >/dev/null
prefix=$(meson introspect "$build" --buildoptions |
  python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root="$tmp/root$prefix"

cat >"$tmp/consumer.cpp" <<'CPP'
#include <tdiff/dynamic.hpp>
#include <tdiff/tdiff.hpp>
constexpr auto x = tdiff::var<"x">;
static_assert(tdiff::derivative<2>(tdiff::pow<3>(x), x)(x = 2.0) == 12.0);
int main() {
  tdiff::dynamic::Variable v(2.0);
  tdiff::dynamic::Variable y = pow(v, 3);
  y.backward();
  return v.grad()->item() == 12.0 ? 0 : 1;
}
CPP

# pkg-config: the .pc file is arch-independent, in share/pkgconfig.
cflags=$(PKG_CONFIG_PATH="$root/share/pkgconfig" pkg-config --define-variable=prefix="$root" --cflags tdiff)
# shellcheck disable=SC2086
"${cxx[@]}" -std=c++20 $cflags "$tmp/consumer.cpp" -o "$tmp/with_pkg_config"
"$tmp/with_pkg_config"
echo "pkg-config consumer: ok"

if command -v cmake >/dev/null; then
  mkdir "$tmp/cmake"
  cat >"$tmp/cmake/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.20)
project(consumer CXX)
find_package(tdiff 0.1 REQUIRED)
add_executable(consumer $tmp/consumer.cpp)
target_link_libraries(consumer PRIVATE tdiff::tdiff)
CMAKE
  cmake -S "$tmp/cmake" -B "$tmp/cmake/build" -DCMAKE_PREFIX_PATH="$root" \
    -DCMAKE_CXX_COMPILER="${cxx[0]}" >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; exit 1; }
  cmake --build "$tmp/cmake/build" >>"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; exit 1; }
  "$tmp/cmake/build/consumer"
  echo "CMake consumer: ok"
fi
