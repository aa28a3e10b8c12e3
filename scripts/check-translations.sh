#!/usr/bin/env bash
# Checks that translations/cairn_zh_CN.ts is complete for the current sources. lupdate
# refreshes a temporary copy of the file, so the tree is never modified. The check exits
# with status 1 when a message is new, unfinished or empty, when a plural form is empty,
# or when a translation drops a placeholder (%1…%99, and %n in plural messages).
# Usage: scripts/check-translations.sh [SOURCE_ROOT]   (default: this script's repository)
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
ts="$root/translations/cairn_zh_CN.ts"

if [ ! -x "$lupdate" ]; then
  echo "check-translations: lupdate not found at $lupdate; install qt6-l10n-tools or set LUPDATE" >&2
  exit 2
fi
if [ ! -f "$ts" ]; then
  echo "check-translations: $ts not found" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The copy sits at the same depth as the original, so lupdate's relative locations resolve.
mkdir -p "$work/translations"
cp "$ts" "$work/translations/cairn_zh_CN.ts"

sources=()
for dir in engine app ui; do
  [ -d "$root/$dir" ] && sources+=("$root/$dir")
done
"$lupdate" -silent -locations none "${sources[@]}" -ts "$work/translations/cairn_zh_CN.ts" >"$work/lupdate.log" 2>&1 || {
  echo "check-translations: lupdate failed:" >&2
  cat "$work/lupdate.log" >&2
  exit 2
}
# lupdate warns about tr() calls it cannot parse, because those strings reach no catalogue.
if [ -s "$work/lupdate.log" ]; then
  cat "$work/lupdate.log" >&2
fi

/usr/bin/python3 - "$work/translations/cairn_zh_CN.ts" <<'PY'
import re
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(\d{1,2})")


def placeholders(text):
    return {m.group(1) for m in PLACEHOLDER.finditer(text)}


def problems_of(message):
    """Returns the reasons why one <message> is not ready for a release build."""
    source = message.findtext("source") or ""
    translation = message.find("translation")
    kind = translation.get("type", "") if translation is not None else "unfinished"
    if kind in ("vanished", "obsolete"):
        return []  # no longer in the sources, and update.sh drops it
    if kind == "unfinished":
        return ["unfinished (new or changed in the sources)"]

    numerus = message.get("numerus") == "yes"
    if numerus:
        forms = [form.text or "" for form in translation.findall("numerusform")]
    else:
        forms = [translation.text or ""]
    if not forms or any(not form.strip() for form in forms):
        return ["empty plural form" if numerus else "empty translation"]

    expected = placeholders(source)
    reasons = []
    for index, form in enumerate(forms):
        where = f"plural form {index}" if numerus else "translation"
        missing = sorted(expected - placeholders(form), key=int)
        if missing:
            reasons.append(f"{where} lacks " + ", ".join("%" + n for n in missing))
        if numerus and "%n" in source and "%n" not in form:
            reasons.append(f"{where} lacks %n")
    return reasons


def main(path):
    failures = 0
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            for reason in problems_of(message):
                failures += 1
                source = (message.findtext("source") or "").replace("\n", "\\n")
                comment = message.findtext("comment")
                label = f"{name} [{comment}]" if comment else name
                print(f"{label}: \"{source}\": {reason}")
    if failures:
        print(f"\ncheck-translations: {failures} problem(s) in translations/cairn_zh_CN.ts. "
              "Run translations/update.sh, translate the messages listed above, and run "
              "this check again.", file=sys.stderr)
        return 1
    print("check-translations: translations/cairn_zh_CN.ts is complete")
    return 0


sys.exit(main(sys.argv[1]))
PY
