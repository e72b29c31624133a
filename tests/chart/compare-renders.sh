#!/usr/bin/env bash
# Renders the bundled charts at 1920x1080 (four charts, light and dark, English and
# Chinese: 16 PNGs) and compares them pixel for pixel with references rendered by an
# earlier build, so a change meant to keep behaviour can show that it did.
#
#   compare-renders.sh --make BURNRATE DIR   write the references into DIR
#   compare-renders.sh BURNRATE DIR          render again and compare with DIR
#
# As a meson test it runs when BURNRATE_REFERENCE_RENDERS names a reference folder and
# is skipped otherwise.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
make=0
if [ "${1:-}" = "--make" ]; then
  make=1
  shift
fi
burnrate=$1
refs=${2:-${BURNRATE_REFERENCE_RENDERS:-}}
if [ -z "$refs" ]; then
  echo "BURNRATE_REFERENCE_RENDERS is not set: nothing to compare with"
  exit 77
fi

out=$refs
if [ $make = 0 ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
else
  mkdir -p "$refs"
fi

status=0
for chart in losses rnd customers valuation; do
  for theme in light dark; do
    for language in en zh; do
      name=$chart-$theme-$language.png
      "$burnrate" --export "$out/$name" --chart $chart --theme $theme --language $language \
        --width 1920 --height 1080
      [ $make = 1 ] && continue
      if cmp -s "$out/$name" "$refs/$name"; then
        echo "$name: identical"
      elif result=$(python3 "$here/png-pixels.py" "$out/$name" "$refs/$name"); then
        echo "$name: $result (the files differ only in their encoding)"
      else
        echo "$name: $result"
        status=1
      fi
    done
  done
done
exit $status
