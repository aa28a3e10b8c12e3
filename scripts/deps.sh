#!/usr/bin/env bash
# Installs the Debian 12 packages Cairn builds, tests, packages and runs its example with.
# Skips apt-get entirely when every package is already installed.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev qt6-svg-dev qt6-translations-l10n
  libsqlite3-dev nlohmann-json3-dev libssl-dev openssl
  libqscintilla2-qt6-dev libgraphviz-dev
  python3 python3-sklearn python3-pandas python3-matplotlib python3-vega-datasets
  xvfb xauth libgl-dev fonts-noto-cjk
  dpkg-dev desktop-file-utils appstream shared-mime-info
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
