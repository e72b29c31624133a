#!/usr/bin/env bash
# Builds the loader's fuzz harness with clang's libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs it for SECONDS (default 60) on a corpus seeded
# from tests/data. Exit 0 when nothing crashed, hung or leaked; 77 (skip) without clang.
#
# Usage: run-fuzz.sh SRCDIR BUILDDIR [SECONDS] [-- extra libFuzzer flags]
set -euo pipefail

src=$1
build=$2
seconds=${3:-60}
shift 3 || shift $#
[ "${1:-}" = "--" ] && shift

clang=$(command -v clang || command -v clang-14 || true)
if [ -z "$clang" ]; then
  echo "1..0 # SKIP clang is not installed"
  exit 77
fi

work="$build/fuzz"
mkdir -p "$work/corpus" "$work/artifacts"
cp "$src"/tests/data/*.json "$src"/tests/data/invalid/*.json "$src"/data/datasets/*.json \
   "$work/corpus/" 2>/dev/null || true

flags=(-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=undefined -I"$build" -I"$build/app/model" -I"$src/app/model")
# the model library's sources, and its resource (the bundled dataset) as meson made it
# shellcheck disable=SC2046
"$clang" "${flags[@]}" -o "$work/fuzz-loader" "$src/tests/fuzz/fuzz-loader.c" \
  "$src"/app/model/*.c "$build/app/model/burnrate-model-resources.c" \
  $(pkg-config --cflags --libs json-glib-1.0 gio-2.0) -lm -pthread

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$work/fuzz-loader" "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@" 2>&1 | tail -25
