#!/usr/bin/env bash
# Configures and builds Cairn into build/ with CMake and Ninja.
# BUILD_TYPE (default RelWithDebInfo) and BUILD_DIR (default build) may be set.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" >/dev/null
ninja -C "$build_dir"
