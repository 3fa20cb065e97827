#!/usr/bin/env bash
# test-sanitizers.sh: builds Article Annotator with AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer in a build directory of its own and runs the core suite there.
# Any report fails the test that caused it: meson test sets ASAN_OPTIONS and UBSAN_OPTIONS to
# halt_on_error=1 unless they are set. Extra arguments go to meson test (e.g. --suite ui under
# xvfb-run, see README). Ends with a line "sanitizers: N passed, N failed, N skipped".
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
# Outside the source tree, one per checkout.
builddir=${SANITIZE_BUILDDIR:-${TMPDIR:-/tmp}/article-annotator-sanitize-$(printf %s "$top" | md5sum | cut -c1-8)}

"$top/build-aux/install-deps.sh"
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$top" -Db_sanitize=address,undefined -Db_lundef=false
fi

[ $# -gt 0 ] || set -- --suite core
status=0
meson test -C "$builddir" --print-errorlogs "$@" || status=$?

python3 "$top/build-aux/summarize-tests.py" sanitizers "$builddir/meson-logs/testlog.json"
exit $status
