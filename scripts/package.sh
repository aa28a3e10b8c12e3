#!/usr/bin/env bash
# Builds the Debian package from a configured build tree (BUILD_DIR, default build), checks
# the desktop entry and AppStream metadata, installs the package with dpkg -i and runs the
# installed programs from a temporary folder outside the source and build trees.
# The package is removed again at exit unless KEEP_INSTALLED=1, so that later runs of the
# test suite see no installed files. Needs root or sudo, dpkg-dev, desktop-file-utils and
# appstream (scripts/deps.sh installs them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "${BUILD_DIR:-$root/build}" && pwd)
app_id=io.github.cairn.Cairn

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

work=""
installed=0
cleanup() {
  if [ -n "$work" ]; then
    rm -rf "$work"
  fi
  if [ "$installed" = 1 ] && [ "${KEEP_INSTALLED:-0}" != 1 ]; then
    $sudo dpkg -r cairn >/dev/null || echo "package: dpkg -r cairn failed. Remove the package by hand" >&2
  fi
}
trap cleanup EXIT

step() {
  echo "== package: $*" >&2
}

fail() {
  echo "package: $*" >&2
  exit 1
}

step "checking the desktop entry and AppStream metadata"
desktop-file-validate "$root/packaging/$app_id.desktop"
appstreamcli validate --no-net "$root/packaging/$app_id.metainfo.xml"

# This does nothing after scripts/build.sh. It is here because cpack builds nothing itself,
# and the icon PNGs come from the build.
step "building $build_dir"
cmake --build "$build_dir"

step "making the .deb"
deb_dir="$build_dir/deb"
rm -rf "$deb_dir"
(cd "$build_dir" && cpack -G DEB -B "$deb_dir" >/dev/null)
debs=("$deb_dir"/cairn_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no cairn_*.deb into $deb_dir"
deb=${debs[0]}
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/cairn-cli ./usr/share/cairn/python/cairn_step.py \
    ./usr/share/cairn/examples/weather/flow.json ./usr/share/mime/packages/$app_id.mime.xml \
    ./usr/share/doc/cairn/copyright; do
  grep -q " $path\$" <<<"$contents" || fail "$deb does not contain $path"
done

# dpkg -i over an installed cairn, of this version or another, replaces it in place.
step "installing $deb"
installed=1
$sudo dpkg -i "$deb"
desktop-file-validate "/usr/share/applications/$app_id.desktop"
if command -v update-mime-database >/dev/null; then
  [ -f /usr/share/mime/application/x-cairn-flow.xml ] \
    || fail "the MIME database has no application/x-cairn-flow after installing"
fi

# The programs run with no source or build path on the command line, with CAIRN_PYTHON_DIR
# and CAIRN_STORE unset and with a new HOME. They still fall back to the source tree's
# helper when the installed one is missing, so helper.json below checks which copy they use.
step "running the installed programs"
work=$(mktemp -d)
mkdir "$work/home"
cd "$work"
run() {
  env -u CAIRN_PYTHON_DIR -u CAIRN_STORE HOME="$work/home" "$@"
}

run /usr/bin/cairn-cli --version

cat >"$work/helper.json" <<'EOF'
{
  "format": "cairn.flow",
  "version": 1,
  "name": "installed-helper",
  "steps": [
    {"id": "check", "kind": "python", "interpreter": "/usr/bin/python3",
     "script": "import sys\nimport cairn_step as cs\nprint(cs.__file__)\nsys.exit(0 if cs.__file__.startswith('/usr/share/cairn/python/') else 1)"}
  ]
}
EOF
if ! run /usr/bin/cairn-cli run "$work/helper.json" >"$work/helper.log" 2>&1; then
  cat "$work/helper.log" >&2
  fail "the installed cairn-cli did not use /usr/share/cairn/python/cairn_step.py" \
    "(see pythonHelperDirectory in engine/stepjob.cpp)"
fi

# Run in place, the installed example would get a store inside the package's folder.
status=0
run /usr/bin/cairn-cli run /usr/share/cairn/examples/weather/flow.json >"$work/inplace.log" 2>&1 \
  || status=$?
[ "$status" = 3 ] || fail "cairn-cli run on the installed example exited with $status, not 3: $(cat "$work/inplace.log")"
[ ! -e /usr/share/cairn/examples/weather/.cairn ] \
  || fail "cairn-cli created a store inside /usr/share/cairn/examples/weather"

cp -r /usr/share/cairn/examples/weather "$work/weather"
run /usr/bin/cairn-cli run "$work/weather/flow.json"

if [ -x /usr/bin/cairn ]; then
  run env QT_QPA_PLATFORM=offscreen /usr/bin/cairn "$work/weather/flow.json" \
    --screenshot "$work/window.png"
  [ -s "$work/window.png" ] || fail "cairn --screenshot wrote no picture to $work/window.png"
  signature=$(head -c 8 "$work/window.png" | od -An -tx1 | tr -d ' \n')
  [ "$signature" = 89504e470d0a1a0a ] || fail "$work/window.png is not a PNG file"
fi
step "done: $deb"
