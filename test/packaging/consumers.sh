#!/usr/bin/env bash
# Installs tdiff from the build directory into a temporary root and builds a
# consumer against the installed headers through pkg-config and through
# CMake's find_package(tdiff), and one that uses the source tree as a Meson
# subproject. Usage: consumers.sh SOURCE_DIR BUILD_DIR COMPILER...
# A consumer whose tool (pkg-config, cmake, meson) is missing is skipped,
# unless TDIFF_REQUIRE_TOOLS=1 (tools/test installs them all): then it fails.
set -euo pipefail
source_dir=$1
build=$2
shift 2
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

# have TOOL: whether TOOL exists; missing and required is an error.
have() {
  command -v "$1" >/dev/null && return 0
  if [ "${TDIFF_REQUIRE_TOOLS:-0}" = 1 ]; then
    echo "consumers.sh: $1 is missing, but tools/test installs it" >&2
    exit 1
  fi
  echo "$1 consumer: skipped ($1 is not installed)"
  return 1
}

# pkg-config: the .pc file is arch-independent, in share/pkgconfig.
have pkg-config
cflags=$(PKG_CONFIG_PATH="$root/share/pkgconfig" pkg-config --define-variable=prefix="$root" --cflags tdiff)
# shellcheck disable=SC2086
"${cxx[@]}" -std=c++20 $cflags "$tmp/consumer.cpp" -o "$tmp/with_pkg_config"
"$tmp/with_pkg_config"
echo "pkg-config consumer: ok"

if have cmake; then
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

# Meson subproject: the source tree under subprojects/, dependency('tdiff').
if have meson; then
  sub="$tmp/meson"
  mkdir -p "$sub/subprojects/tdiff"
  cp -r "$source_dir/meson.build" "$source_dir/meson_options.txt" "$source_dir/include" "$source_dir/cmake" \
    "$sub/subprojects/tdiff/"
  cp "$tmp/consumer.cpp" "$sub/consumer.cpp"
  cat >"$sub/meson.build" <<'MESON'
project('consumer', 'cpp', default_options : ['cpp_std=c++20'])
subproject('tdiff')
executable('consumer', 'consumer.cpp', dependencies : dependency('tdiff'))
MESON
  CXX="${cxx[*]}" meson setup "$sub/build" "$sub" >"$tmp/meson.log" 2>&1 || { cat "$tmp/meson.log"; exit 1; }
  ninja -C "$sub/build" >>"$tmp/meson.log" 2>&1 || { cat "$tmp/meson.log"; exit 1; }
  "$sub/build/consumer"
  echo "Meson subproject consumer: ok"
fi
