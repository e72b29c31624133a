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

# every TAP subtest counts; a test without TAP output counts once
summary=$(python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    test = json.loads(line)
    lines = (test.get("stdout") or "").splitlines()
    oks = [l for l in lines if re.match(r"ok \d+", l)]
    bad = [l for l in lines if re.match(r"not ok \d+", l)]
    skips = [l for l in oks if "# SKIP" in l]
    if oks or bad:
        passed += len(oks) - len(skips)
        skipped += len(skips)
        failed += len(bad)
        if test["result"] not in ("OK", "SKIP", "EXPECTEDFAIL") and not bad:
            failed += 1
    elif test["result"] in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif test["result"] == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
)
echo "$summary"
exit $status
