#!/usr/bin/env bash
# Makes the pictures in docs/images from a copy of the weather example. The copy runs
# three times with cairn-cli, so that the history has a changed parameter, cached steps
# and a resume: run 1 with the defaults, run 2 with trees=50, and run 3 resuming run 2
# from features with trees=400, which reuses fetch and clean and runs train and baseline
# side by side. Then `cairn --screenshot` pictures each view in English and in Chinese.
#
# Needs a built tree: BUILD_DIR (default build) must contain app/cairn and app/cairn-cli.
# Runs the window under xvfb-run when it is installed, else on Qt's offscreen platform.
# OUT_DIR (default docs/images) is where the pictures go.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "${BUILD_DIR:-$root/build}" && pwd)
out_dir=${OUT_DIR:-$root/docs/images}
cairn="$build_dir/app/cairn"
cli="$build_dir/app/cairn-cli"
for program in "$cairn" "$cli"; do
  if [ ! -x "$program" ]; then
    echo "screenshots.sh: $program is missing; build it first (scripts/build.sh)" >&2
    exit 1
  fi
done
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-screenshots.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$root/resources/examples/weather" "$work/weather"
flow="$work/weather/flow.json"
# The store goes beside the copied flow, not into a store the caller set.
unset CAIRN_STORE

# Writes the picture $1 of the window; the other arguments go to cairn.
shoot() {
  local picture=$1
  shift
  echo "screenshots.sh: $picture" >&2
  if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1600x1000x24" "$cairn" "$flow" --screenshot "$out_dir/$picture" "$@"
  else
    QT_QPA_PLATFORM=offscreen "$cairn" "$flow" --screenshot "$out_dir/$picture" "$@"
  fi
}

# The canvas as a new user first sees it: no run yet.
shoot main-window.png --lang en
shoot main-window.zh_CN.png --lang zh_CN

# Runs cairn-cli quietly; prints its output when it fails.
cli() {
  if ! "$cli" "$@" >"$work/cli.log" 2>&1; then
    cat "$work/cli.log" >&2
    echo "screenshots.sh: cairn-cli $* failed" >&2
    exit 1
  fi
}

# Two workers on any machine, so the timeline has the same two lanes.
cli run "$flow" --workers 2
cli run "$flow" --workers 2 --param trees=50
cli resume "$flow" --workers 2 --origin 2 --from features --param trees=400

# English pictures for README.md, Chinese ones (NAME.zh_CN.png) for README.zh-CN.md.
for language in en zh_CN; do
  suffix=""
  [ "$language" = en ] || suffix=".$language"
  shoot "history$suffix.png" --lang "$language" --show history
  shoot "plan-preview$suffix.png" --lang "$language" --show plan:train
  shoot "artifacts$suffix.png" --lang "$language" --show artifacts
  shoot "timeline$suffix.png" --lang "$language" --show timeline
  shoot "trends$suffix.png" --lang "$language" --show trends
done
echo "screenshots.sh: wrote 12 pictures to $out_dir" >&2
