#!/usr/bin/env bash
# Sets up, builds and launches Burnrate on the bundled dataset (or the file given).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
"$here/setup.sh" _build
cd "$(dirname "$here")"
# translations from the build tree, so that LANGUAGE=zh_CN works uninstalled
export BURNRATE_LOCALEDIR="$PWD/_build/po"
exec ./_build/app/burnrate "$@"
