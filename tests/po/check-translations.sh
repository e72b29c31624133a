#!/usr/bin/env bash
# Fails when a file with translatable strings is missing from po/POTFILES, or when a
# language in po/LINGUAS leaves any marked string untranslated or fuzzy.
#
# Usage: check-translations.sh SRCDIR
set -euo pipefail

src=$1
cd "$src"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# xgettext's arguments, every keyword and flag the build uses: the one list in
# po/meson.build
mapfile -t args < <(sed -n '/^xgettext_args = \[/,/^\]/p' po/meson.build \
                      | grep -oE "^\s*'--[^']+'" | tr -d " '")
mapfile -t keywords < <(printf '%s\n' "${args[@]}" | sed -n 's/^--keyword=\([A-Za-z_0-9]*\).*/\1/p')
if [ "${#keywords[@]}" -lt 2 ]; then
  echo "no --keyword= arguments found in po/meson.build's xgettext_args"
  exit 1
fi

# 1. every file that marks strings is listed
marks=$(IFS='|'; echo "${keywords[*]}")
grep -lE "(^|[^A-Za-z_])($marks)\s*\(|translatable=\"yes\"" \
  app/*.c app/model/*.c app/chart/*.c ui/*.c ui/*.ui 2>/dev/null | sort > "$work/marked"
grep -v '^\s*#' po/POTFILES | grep -v '^\s*$' | sort > "$work/listed"
missing=$(comm -23 "$work/marked" "$work/listed")
if [ -n "$missing" ]; then
  echo "not in po/POTFILES:"
  echo "$missing"
  status=1
fi
stale=$(comm -13 "$work/marked" "$work/listed" | while read -r f; do [ -e "$f" ] || echo "$f"; done)
if [ -n "$stale" ]; then
  echo "in po/POTFILES but gone:"
  echo "$stale"
  status=1
fi

# 2. the template, extracted as the build does
xgettext "${args[@]}" --files-from=po/POTFILES --output="$work/burnrate.pot" \
  2>"$work/xgettext.log" || { cat "$work/xgettext.log"; exit 1; }

# 3. each language: complete, nothing fuzzy, formats checked
for lang in $(grep -v '^\s*#' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$work/burnrate.pot" -o "$work/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) status=1 ;;
  esac
done

exit $status
