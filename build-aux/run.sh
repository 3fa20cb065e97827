#!/usr/bin/env bash
# run.sh: builds Article Annotator and opens the bundled sample article in the window.
# Extra arguments are passed to the application instead of the sample.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${BUILDDIR:-$top/_build}

"$top/build-aux/build.sh"

# Run from the build tree: the settings schema compiled there, translations not installed.
export GSETTINGS_SCHEMA_DIR="$builddir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
# The suggestion rules and gazetteers, read from the source tree.
export ANN_DATA_DIR="${ANN_DATA_DIR:-$top/data}"
# and the translations built there (LANGUAGE=vi ./build-aux/run.sh starts it in Vietnamese).
export ANN_LOCALEDIR="${ANN_LOCALEDIR:-$builddir/po}"
if [ $# -eq 0 ]; then
  set -- "$top/data/sample-article.json"
fi
exec "$builddir/src/ui/article-annotator" "$@"
