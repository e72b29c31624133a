#!/usr/bin/env bash
# Builds the loader's fuzz harness with AFL++ (afl-clang-fast, ASan and UBSan) and
# fuzzes for SECONDS (default 60). Exit 0 when afl-fuzz found no crash and no hang;
# 77 (skip) without AFL++.
#
# Usage: run-afl.sh SRCDIR BUILDDIR [SECONDS]
set -euo pipefail

src=$1
build=$2
seconds=${3:-60}

if ! command -v afl-clang-fast >/dev/null || ! command -v afl-fuzz >/dev/null; then
  echo "AFL++ is not installed (Debian package afl++)"
  exit 77
fi

work="$build/afl"
rm -rf "$work/out"
mkdir -p "$work/in"
# small seeds keep AFL++ fast; the shipped datasets are the largest
cp "$src"/tests/data/*.json "$src"/tests/data/invalid/*.json "$work/in/"

# shellcheck disable=SC2046
AFL_USE_ASAN=1 AFL_USE_UBSAN=1 AFL_QUIET=1 afl-clang-fast -g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer \
  -I"$build" -I"$build/app/model" -I"$src/app/model" -o "$work/fuzz-loader-afl" \
  "$src/tests/fuzz/fuzz-loader.c" "$src"/app/model/*.c "$build/app/model/burnrate-model-resources.c" \
  $(pkg-config --cflags --libs json-glib-1.0 gio-2.0) -lm -pthread

export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_BENCH_UNTIL_CRASH=1
export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1
afl-fuzz -i "$work/in" -o "$work/out" -V "$seconds" -m none -t 5000 -- \
  "$work/fuzz-loader-afl" > "$work/afl.log" 2>&1 || true

stats="$work/out/default/fuzzer_stats"
[ -f "$stats" ] || { tail -20 "$work/afl.log"; exit 1; }
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$stats"
crashes=$(grep '^saved_crashes' "$stats" | awk '{print $3}')
hangs=$(grep '^saved_hangs' "$stats" | awk '{print $3}')
[ "$crashes" = 0 ] && [ "$hangs" = 0 ]
