#!/usr/bin/env bash
# Sets up, builds and runs every test headless (the window under Xvfb): once in a
# plain build, once built with AddressSanitizer and UndefinedBehaviorSanitizer. Prints
# one closing line: "N passed, N failed".
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top"

status=0
logs=()

run_suite () {
  local build=$1 log=testlog
  shift
  # meson names the log after a test setup: testlog-asan.json for --setup asan
  [ "${1-}" = "--setup" ] && log=testlog-$2
  xvfb-run -a -s "-screen 0 1920x1080x24" \
    meson test -C "$build" --print-errorlogs --num-processes 2 "$@" || status=1
  logs+=("$build/meson-logs/$log.json")
}

if "$here/setup.sh" _build-test; then
  run_suite _build-test
else
  status=1
fi

# the same suites under the sanitizers, with the options of the 'asan' test setup
# (tests/meson.build), which leaves out the fuzz run: it has its own
if "$here/setup.sh" _build-asan -Db_sanitize=address,undefined -Db_lundef=false; then
  run_suite _build-asan --setup asan
else
  status=1
fi

# every TAP subtest counts; a test without TAP output counts once
python3 - "${logs[@]}" <<'PY' || status=1
import json, re, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path).readlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        test = json.loads(line)
        out = (test.get("stdout") or "").splitlines()
        oks = [l for l in out if re.match(r"ok \d+", l)]
        bad = [l for l in out if re.match(r"not ok \d+", l)]
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
sys.exit(1 if failed else 0)
PY
exit $status
