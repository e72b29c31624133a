#!/usr/bin/env bash
# Sets up, builds and launches Burnrate on the bundled dataset (or the file given).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
"$here/setup.sh" _build
cd "$(dirname "$here")"
exec ./_build/app/burnrate "$@"
