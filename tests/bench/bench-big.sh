#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The big file: 2,000 companies × 40 quarters, 46 MB (make-big-dataset.py). Whole-process
# wall time and peak RSS of `burnrate --validate`, of the export of all four charts as PNG
# plus the four-page PDF, and of the window from exec to its first chart of the file; then
# the longest main-loop dispatch while exploring it (bench-explore). Targets: export in at
# most 5 s, window and export at most 4× the file in peak RSS, no dispatch over 50 ms.
#
# usage: bench-big.sh BURNRATE [BUILD-DIR] [MEGABYTES]
# The window's rows need a display (run under xvfb-run -a); without one they are skipped.
# Exits 1 when BR_BENCH_STRICT is set and a target is missed.
set -euo pipefail

burnrate=$1
build=${2:-}
megabytes=${3:-46}
startup_window=$build/tests/ui/bench-startup-window
explore=$build/tests/bench/bench-explore
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

python3 "$here/make-big-dataset.py" "$work/big.json" "$megabytes" >"$work/made"
size=$(stat -c %s "$work/big.json")
missed=0

# "WALL_S RSS_KB CPU_S" of one whole process (CPU: user + system, all threads), or
# "fail 0 0"
measure () {
  if /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >"$work/out" 2>&1; then
    awk '{ print $1, $2, $3 + $4 }' "$work/time"
  else
    cat "$work/out" >&2
    echo "fail 0 0"
  fi
}

row () {
  local what=$1 seconds=$2 rss_kb=$3 cpu=$4 limit_s=$5
  local ratio
  if [ "$seconds" = fail ]; then
    printf '  %-44s failed\n' "$what"
    missed=1
    return
  fi
  ratio=$(awk -v r="$rss_kb" -v s="$size" 'BEGIN { printf "%.2f", r * 1024 / s }')
  printf '  %-40s %6.2f s (CPU %6.2f s)  %5d MiB  %5sx the file\n' "$what" "$seconds" "$cpu" \
    $((rss_kb / 1024)) "$ratio"
  if awk -v r="$ratio" -v s="$seconds" -v l="$limit_s" 'BEGIN { exit !(r > 4 || (l > 0 && s > l)) }'; then
    missed=1
  fi
}

echo "file: $(cat "$work/made"), $((size / 1024 / 1024)) MiB; machine: $(nproc) cores," \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
"$burnrate" --export "$work/warm.png" --chart losses >/dev/null   # fonts, page cache

read -r s kb cpu < <(measure "$burnrate" --validate "$work/big.json")
row "validate" "$s" "$kb" "$cpu" 0
read -r s kb cpu < <(measure "$burnrate" --dataset "$work/big.json" --export "$work/all.png" \
                       --export "$work/all.pdf" --chart all)
row "export: every chart as PNG + PDF" "$s" "$kb" "$cpu" 5

if [ -x "$startup_window" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  export GSK_RENDERER=cairo NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS=disabled:
  read -r s kb cpu < <(measure "$startup_window" "$work/big.json")
  row "window: exec to the file's first chart" "$s" "$kb" "$cpu" 0
  if [ -x "$explore" ]; then
    BURNRATE_BENCH_DATASET="$work/big.json" BURNRATE_BENCH_RUNS=${BURNRATE_BENCH_RUNS:-1} \
      BURNRATE_BENCH_TARGET_MS=50 "$explore" | grep -v '^# run ' || missed=1
  fi
else
  echo "  window: skipped, no display (run under xvfb-run -a)"
fi

if [ -n "${BR_BENCH_STRICT:-}" ] && [ "$missed" = 1 ]; then
  exit 1
fi
exit 0
