# Shared by tools/test, tools/demo and tools/bench: packages and build dirs.
# shellcheck shell=bash

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian 12 packages the build and the tests need.
packages=(meson ninja-build g++ clang clang-format python3 pkg-config cmake
          libboost-dev libboost-test-dev libbenchmark-dev graphviz libeigen3-dev)

ensure_packages() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "tools: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "tools: missing Debian packages: ${missing[*]}" >&2
    echo "tools: install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
}

# configure NAME CXX [meson options...]: build/NAME, configured once, reused after.
configure() {
  local name=$1 cxx=$2
  shift 2
  local dir="$root/build/$name"
  if [ ! -f "$dir/build.ninja" ]; then
    CXX=$cxx meson setup "$dir" "$root" --fatal-meson-warnings "$@" >/dev/null ||
      { echo "tools: meson setup failed for $name ($cxx)" >&2; return 1; }
  else
    meson configure "$dir" "$@" >/dev/null
  fi
}

# Core count for parallel builds and tests (CI machines have 2).
jobs=$(nproc 2>/dev/null || echo 2)
