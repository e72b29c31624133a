#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Whole-process export speed against matplotlib, measured in one run on one machine:
# burnrate writing the four charts at 1920x1080 as PNG plus the four-page PDF, against
# ../shared/bench/matplotlib_charts.py doing the same. The target is a ratio of 20 or more.
#
# usage: bench-export.sh BURNRATE [MATPLOTLIB_SCRIPT] [RUNS]
# Exits 77 (skipped) without a Python that has matplotlib; 1 when BR_BENCH_STRICT is set
# and the target is missed.
set -euo pipefail

burnrate=$1
script=${2:-$(dirname "$0")/../../../shared/bench/matplotlib_charts.py}
runs=${3:-7}
target=20

python=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import matplotlib' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ] || [ ! -f "$script" ]; then
  echo "skipped: needs $script and a python3 with matplotlib (apt install python3-matplotlib)"
  exit 77
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# "WALL CPU": milliseconds a command takes, whole process, and the CPU time it uses
# (user + system, all threads): the second holds steadier on a busy machine
time_ms () {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t"
}

median () {
  sort -n | awk '{ v[NR] = $1 }
                 END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

export LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY
# one warm-up each: page cache, font caches
"$burnrate" --export "$out/w.png" --export "$out/w.pdf" --chart all
"$python" "$script" "$out" >/dev/null

# interleaved, so that both see the same machine
: >"$out/one" ; : >"$out/two" ; : >"$out/mpl"
for _ in $(seq "$runs"); do
  time_ms "$burnrate" --export "$out/b.png" --export "$out/b.pdf" --chart all >>"$out/one"
  paste -d' ' <(time_ms "$burnrate" --export "$out/c.png" --chart all) \
              <(time_ms "$burnrate" --export "$out/c.pdf" --chart all) |
    awk '{ print $1 + $3, $2 + $4 }' >>"$out/two"
  time_ms "$python" "$script" "$out" >>"$out/mpl"
done

for f in one two mpl; do
  declare "${f}_wall=$(cut -d' ' -f1 "$out/$f" | median)"
  declare "${f}_cpu=$(cut -d' ' -f2 "$out/$f" | median)"
done
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
ratio_wall=$(ratio "$mpl_wall" "$one_wall")

echo "Four charts at 1920x1080 as PNG plus a four-page PDF, whole process, median of $runs runs"
echo "                                      wall ms   CPU ms   ratio (wall, CPU)"
printf '  burnrate, one run (PNG and PDF)    %7s  %7s   %sx  %sx\n' "$one_wall" "$one_cpu" \
  "$ratio_wall" "$(ratio "$mpl_cpu" "$one_cpu")"
printf '  burnrate, two runs (PNG, then PDF) %7s  %7s   %sx  %sx\n' "$two_wall" "$two_cpu" \
  "$(ratio "$mpl_wall" "$two_wall")" "$(ratio "$mpl_cpu" "$two_cpu")"
printf '  matplotlib_charts.py               %7s  %7s\n' "$mpl_wall" "$mpl_cpu"
echo "  target: a ratio of ${target}x or more; one run is: burnrate --export OUT.png" \
     "--export OUT.pdf --chart all"
echo "  machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "${BR_BENCH_STRICT:-}" ] && awk -v r="$ratio_wall" -v t="$target" 'BEGIN { exit !(r < t) }'; then
  exit 1
fi
