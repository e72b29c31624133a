#!/usr/bin/env bash
# Renders charts and decks and compares them with references rendered by an earlier
# build, so a change meant to keep behaviour can show that it did:
# - every chart kind of the bundled dataset and of the chart tests' datasets
#   (tests/data/charts: usd-january, hkd-halves, usd-hkd-krw), light and dark, English
#   and Chinese, at 1920x1080; losses and R&D also in running totals;
# - each of them once more at 640x480 (light, English), where labels are crowded;
# - the deck of each dataset as PNG slides (light and dark, English and Chinese) and the
#   text of its PDF (English and Chinese);
# - the CSV of each chart of each dataset (English and Chinese).
# PNGs are compared pixel for pixel, PDF text and CSV line for line. The deck's title slide
# carries today's date, so references rendered on another day differ there.
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

# run from a build tree, Chinese needs that tree's translations
build_po=$(cd "$(dirname "$burnrate")/.." && pwd)/po
export BURNRATE_LOCALEDIR=${BURNRATE_LOCALEDIR:-$build_po}
export LC_ALL=C.UTF-8 TZ=UTC

out=$refs
if [ $make = 0 ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
else
  mkdir -p "$refs"
fi

compared=0
differ=0

# compare NAME: the file or folder NAME in $out against the one in $refs
compare () {
  local name=$1 file result
  [ $make = 1 ] && return
  if [ ! -e "$refs/$name" ]; then
    echo "$name: no reference"
    differ=$((differ + 1))
    return
  fi
  if [ -d "$out/$name" ]; then
    if ! diff -q <(ls "$out/$name") <(ls "$refs/$name") >/dev/null; then
      echo "$name: other slides than the reference's"
      differ=$((differ + 1))
      return
    fi
    for file in "$out/$name"/*; do
      compare "$name/$(basename "$file")"
    done
    return
  fi
  compared=$((compared + 1))
  if cmp -s "$out/$name" "$refs/$name"; then
    echo "$name: identical"
  elif [[ $name == *.png ]] && result=$(python3 "$here/png-pixels.py" "$out/$name" "$refs/$name"); then
    echo "$name: $result (the files differ only in their encoding)"
  else
    echo "$name: ${result:-differs}"
    diff "$refs/$name" "$out/$name" | head -20 || true
    differ=$((differ + 1))
  fi
}

# render NAME ARGS...: export NAME into $out with the other arguments, then compare it
render () {
  local name=$1
  shift
  "$burnrate" --export "$out/$name" "$@"
  compare "$name"
}

for dataset in bundled usd-january hkd-halves usd-hkd-krw; do
  source=()
  [ $dataset = bundled ] || source=(--dataset "$here/../data/charts/$dataset.json")
  for theme in light dark; do
    for language in en zh; do
      look=(--theme $theme --language $language)
      for chart in losses rnd customers valuation runway; do
        render $dataset-$chart-$theme-$language.png "${source[@]}" --chart $chart \
          "${look[@]}" --width 1920 --height 1080
      done
      for chart in losses rnd; do
        render $dataset-$chart-cumulative-$theme-$language.png "${source[@]}" \
          --chart $chart --cumulative "${look[@]}" --width 1920 --height 1080
      done
      # a PNG deck is a folder of slides, named after OUT.png without its extension
      "$burnrate" --export "$out/$dataset-deck-$theme-$language.png" "${source[@]}" --deck \
        "${look[@]}"
      compare $dataset-deck-$theme-$language
    done
  done
  for chart in losses rnd customers valuation runway; do
    render $dataset-$chart-small.png "${source[@]}" --chart $chart --language en \
      --width 640 --height 480
  done
  for language in en zh; do
    # the data behind every chart, a CSV file each, in a folder
    mkdir -p "$out/$dataset-csv-$language"
    "$burnrate" --export "$out/$dataset-csv-$language/data.csv" "${source[@]}" --chart all \
      --language $language
    compare $dataset-csv-$language
    "$burnrate" --export "$out/deck.pdf" "${source[@]}" --deck --language $language
    pdftotext -layout "$out/deck.pdf" "$out/$dataset-deck-$language.txt"
    rm "$out/deck.pdf"
    compare $dataset-deck-$language.txt
  done
done

if [ $make = 1 ]; then
  echo "references written to $refs"
  exit 0
fi
echo "$compared compared, $differ differ"
[ $differ = 0 ]
