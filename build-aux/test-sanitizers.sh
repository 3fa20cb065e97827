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

python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json
import sys

counts = {"passed": 0, "failed": 0, "skipped": 0}
with open(sys.argv[1]) as log:
    for line in log:
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            counts["passed"] += 1
        elif result == "SKIP":
            counts["skipped"] += 1
        else:
            counts["failed"] += 1
print("sanitizers: %(passed)d passed, %(failed)d failed, %(skipped)d skipped" % counts)
PY
exit $status
