#!/bin/sh
# test-install.sh: install the build into a fresh temporary DESTDIR, check the tree, and
# run the installed burnrate from there.
#
# usage: test-install.sh BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR MANDIR LOCALEDIR LIBEXECDIR
# (the directory options as meson holds them: relative to PREFIX, or absolute)
# MESON in the environment names the meson to install with (default: meson).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

app_id=io.github.burnrate.Burnrate

if [ $# -ne 8 ]; then
  echo "usage: $0 BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR MANDIR LOCALEDIR LIBEXECDIR" >&2
  exit 2
fi

build=$1 src=$2 prefix=$3

under_prefix () {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$prefix" "$1" ;;
  esac
}

dest=$(mktemp -d "${TMPDIR:-/tmp}/burnrate-install.XXXXXX") || exit 1
trap 'rm -rf "$dest"' EXIT
trap 'exit 1' HUP INT TERM

root=$dest$prefix
bin=$dest$(under_prefix "$4")/burnrate
data=$dest$(under_prefix "$5")
man=$dest$(under_prefix "$6")
locale=$dest$(under_prefix "$7")
window=$dest$(under_prefix "$8")/burnrate-window

failures=0
fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
has () {
  if [ -f "$1" ] && [ -s "$1" ]; then
    echo "ok: ${1#"$dest"}"
  else
    fail "not installed: ${1#"$dest"}"
  fi
}

# --no-rebuild: meson test has built everything, and the build must not run twice at once
if ! ${MESON:-meson} install -C "$build" --no-rebuild --destdir "$dest" --quiet; then
  echo "FAIL: meson install into $dest" >&2
  exit 1
fi
echo "installed into $root"

# the tree
if [ -x "$bin" ]; then echo "ok: ${bin#"$dest"}"; else fail "no executable ${bin#"$dest"}"; fi
# the window's program, in a build with the window
if [ -f "$build/app/burnrate-window" ]; then
  if [ -x "$window" ]; then echo "ok: ${window#"$dest"}"; else fail "no executable ${window#"$dest"}"; fi
fi
has "$data/applications/$app_id.desktop"
has "$data/metainfo/$app_id.metainfo.xml"
has "$data/icons/hicolor/scalable/apps/$app_id.svg"
has "$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
has "$data/mime/packages/$app_id.xml"
has "$man/man1/burnrate.1"
if [ -f "$src/data/$app_id.gschema.xml" ]; then
  has "$data/glib-2.0/schemas/$app_id.gschema.xml"
fi
for f in "$src"/data/datasets/*.json; do
  has "$data/burnrate/datasets/${f##*/}"
done
has "$data/burnrate/schema/dataset-format.md"
for lang in $(sed -e 's/#.*//' "$src/po/LINGUAS" 2>/dev/null); do
  has "$locale/$lang/LC_MESSAGES/burnrate.mo"
done

# the installed files still validate where they landed
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$data/applications/$app_id.desktop" || fail "installed desktop file"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate-tree --no-net "$root" >/dev/null || fail "appstreamcli validate-tree"
fi

# the installed program, with no display, from outside the source and build trees
run () {
  (cd "$dest" && env -u DISPLAY -u WAYLAND_DISPLAY "$bin" "$@")
}

if run --validate "$data"/burnrate/datasets/*.json; then
  echo "ok: installed datasets validate"
else
  fail "burnrate --validate on the installed datasets exited $?"
fi

if run --validate; then
  echo "ok: bundled dataset validates"
else
  fail "burnrate --validate (bundled) exited $?"
fi

version=$(run --version) || fail "burnrate --version exited $?"
case $version in
  "burnrate "[0-9]*) echo "ok: $version" ;;
  *) fail "burnrate --version printed '$version'" ;;
esac

invalid=$src/tests/data/invalid/negative-share.json
if [ -f "$invalid" ]; then
  out=$(run --validate "$invalid" 2>&1)
  status=$?
  if [ $status -ne 1 ]; then
    fail "burnrate --validate on $invalid exited $status, not 1"
  elif ! printf '%s\n' "$out" | grep -q "^$invalid:[0-9][0-9]*:[0-9][0-9]*: \\$"; then
    fail "burnrate --validate printed '$out', not FILE:LINE:COL: PATH: message"
  else
    echo "ok: an invalid dataset is rejected: $out"
  fi
fi

# the man page documents every option --help lists (GOption's own --help-* aside)
options=$(run --help | grep -o -e '--[a-z][a-z-]*' | grep -v -e '^--help-' | sort -u)
for option in $options; do
  pattern=$(printf '%s' "$option" | sed -e 's/-/\\\\-/g')
  if grep -q -e "$pattern" "$man/man1/burnrate.1"; then
    echo "ok: burnrate.1 documents $option"
  else
    fail "burnrate.1 does not document $option (listed by burnrate --help)"
  fi
done

if [ $failures -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all install checks passed"
