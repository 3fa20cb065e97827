#!/usr/bin/env bash
# run.sh: builds Article Annotator and opens the bundled sample article.
# Until the window exists, the command-line tool checks and describes the sample.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${BUILDDIR:-$top/_build}

"$top/build-aux/build.sh"
cli="$builddir/src/cli/article-annotator-cli"
"$cli" validate "$top/data/sample-article.json"
"$cli" stats "$top/data/sample-article.json"
