#!/usr/bin/env python3
# summarize-tests.py: prints "WORD: N passed, N failed, N skipped" from a meson test log, the
# closing line of build-aux/test.sh and build-aux/test-sanitizers.sh.
# Usage: summarize-tests.py WORD BUILDDIR/meson-logs/testlog.json
import json
import sys

counts = {"passed": 0, "failed": 0, "skipped": 0}
with open(sys.argv[2]) as log:
    for line in log:
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            counts["passed"] += 1
        elif result == "SKIP":
            counts["skipped"] += 1
        else:
            counts["failed"] += 1
print("%s: %d passed, %d failed, %d skipped"
      % (sys.argv[1], counts["passed"], counts["failed"], counts["skipped"]))
