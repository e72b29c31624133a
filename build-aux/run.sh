#!/usr/bin/env bash
# Sets up, builds and launches Burnrate on the bundled dataset (or the file given).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
"$here/setup.sh" _build
cd "$(dirname "$here")"
# the settings schema and translations from the build tree: the app runs uninstalled,
# and LANGUAGE=zh_CN works
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export BURNRATE_LOCALEDIR="$PWD/_build/po"
exec ./_build/app/burnrate "$@"
