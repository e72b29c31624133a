#!/usr/bin/env bash
# Sets up, builds and runs every test headless (the window under Xvfb), then prints
# one closing line: "N passed, N failed".
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=_build-test

"$here/setup.sh" "$build" || { echo "0 passed, 1 failed"; exit 1; }
cd "$top"

xvfb-run -a -s "-screen 0 1920x1080x24" \
  meson test -C "$build" --print-errorlogs --num-processes 2
status=$?

summary=$(python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    result = json.loads(line)["result"]
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
)
echo "$summary"
exit $status
