#!/usr/bin/env bash
# Installs the dependencies, builds Cairn and runs the bundled weather example: in the
# window when there is a display and the GUI is built, otherwise headless with cairn-cli.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh"

build_dir=${BUILD_DIR:-$root/build}
example="$root/resources/examples/weather/flow.json"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build_dir/app/cairn" ]; then
  exec "$build_dir/app/cairn" "$example"
fi
exec "$build_dir/app/cairn-cli" run "$example"
