#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Loading a 50 MB dataset: time and peak RSS of `burnrate --validate`, whole process.
# The target is a peak RSS of at most 4× the file's size.
#
# usage: bench-memory.sh BURNRATE [MEGABYTES]
set -euo pipefail

burnrate=$1
megabytes=${2:-50}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/make-big-dataset.py" "$work/big.json" "$megabytes" >/dev/null
size=$(stat -c %s "$work/big.json")

best_rss=0
times=()
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$burnrate" --validate "$work/big.json" >/dev/null
  read -r seconds rss_kb < "$work/time"
  times+=("$seconds")
  [ "$rss_kb" -gt "$best_rss" ] && best_rss=$rss_kb
done

ratio=$(python3 -c "print(f'{$best_rss * 1024 / $size:.2f}')")
echo "file: $((size / 1024 / 1024)) MiB; load times: ${times[*]} s; peak RSS: $((best_rss / 1024)) MiB = ${ratio}x the file"
python3 -c "import sys; sys.exit(0 if $best_rss * 1024 <= 4 * $size else 1)"
