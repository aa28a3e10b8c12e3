#!/usr/bin/env bash
# Installs the dependencies, builds Cairn with its tests and runs the whole suite. Then
# scripts/package.sh builds the Debian package from the same build tree, installs it, runs
# the installed programs and removes the package again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh"
build_dir=${BUILD_DIR:-$root/build}
(cd "$build_dir" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -j2)
BUILD_DIR="$build_dir" "$root/scripts/package.sh"
