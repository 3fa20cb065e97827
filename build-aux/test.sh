#!/usr/bin/env bash
# test.sh: builds Article Annotator and runs the whole test suite, the window's tests under a
# virtual X server, then the core suite again under AddressSanitizer and UndefinedBehaviorSanitizer
# (build-aux/test-sanitizers.sh). Ends with the lines "tests: N passed, N failed" and
# "sanitizers: …". With arguments, runs only the meson tests they name (no sanitizer pass).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${BUILDDIR:-$top/_build}

"$top/build-aux/build.sh"

status=0
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$builddir" --print-errorlogs "$@" || status=$?

python3 "$top/build-aux/summarize-tests.py" tests "$builddir/meson-logs/testlog.json"

if [ $# -eq 0 ]; then
  "$top/build-aux/test-sanitizers.sh" || status=$?
fi
exit $status
