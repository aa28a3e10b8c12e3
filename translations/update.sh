#!/usr/bin/env bash
# Refreshes the translation sources from the code: every string into cairn_zh_CN.ts, and
# only the strings with plural forms into cairn_en.ts. Obsolete entries are dropped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
sources=("$root/engine" "$root/app" "$root/ui")
existing=()
for dir in "${sources[@]}"; do
  [ -d "$dir" ] && existing+=("$dir")
done
"$lupdate" -silent -no-obsolete -locations relative "${existing[@]}" -ts "$root/translations/cairn_zh_CN.ts"
"$lupdate" -silent -no-obsolete -locations none -pluralonly "${existing[@]}" -ts "$root/translations/cairn_en.ts"
/usr/bin/python3 "$root/translations/fill_en_plurals.py" "$root/translations/cairn_en.ts"
