#!/usr/bin/env python3
# check-schema.py: keeps data/article-annotator.schema.json in step with the loader.
#
# Every valid fixture and the sample must pass the schema; every invalid fixture whose problem
# a JSON Schema can express must fail it. The loader's own tests check the same files, so a
# rule added to one and not the other shows up here.
#
# Usage: check-schema.py SCHEMA SAMPLE FIXTURES-DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

import jsonschema

# Invalid fixtures whose problem lies beyond a schema (syntax, hashes, offsets into the text,
# references between members, Unicode normal form).
BEYOND_SCHEMA = {
    "truncated.json", "empty.json", "blank.json", "not-json.json", "two-roots.json",
    "single-quoted.json", "comment.json", "bom.json", "lone-surrogate.json",
    "duplicate-key.json", "invalid-utf8.json", "deep-nesting.json",
    "float-offset.json",          # JSON Schema counts 26.0 as an integer
    "out-of-range.json", "end-before-start.json", "empty-span.json", "text-mismatch.json",
    "byte-offsets.json", "utf16-offsets.json", "entity-text-nfd.json", "unknown-label.json", "duplicate-id.json", "duplicate-entity.json",
    "non-nfc.json", "wrong-id.json", "label-duplicate-key.json", "dangling-relation.json",
}


def main():
    schema_path, sample_path, fixtures = sys.argv[1:4]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    failures = []
    valid_dir = os.path.join(fixtures, "valid")
    must_pass = [sample_path] + [os.path.join(valid_dir, n) for n in sorted(os.listdir(valid_dir))]
    for path in must_pass:
        with open(path, encoding="utf-8") as f:
            errors = list(validator.iter_errors(json.load(f)))
        if errors:
            failures.append("%s: the schema refuses a valid file: %s" % (path, errors[0].message))

    invalid_dir = os.path.join(fixtures, "invalid")
    checked = 0
    with open(os.path.join(invalid_dir, "EXPECTED"), encoding="utf-8") as manifest:
        names = [line.split("\t")[0] for line in manifest if line.strip()]
    for name in names:
        if name in BEYOND_SCHEMA:
            continue
        with open(os.path.join(invalid_dir, name), encoding="utf-8") as f:
            data = json.load(f)
        if validator.is_valid(data):
            failures.append("%s: the schema accepts a file the loader refuses" % name)
        checked += 1

    for failure in failures:
        print(failure, file=sys.stderr)
    print("schema: %d valid files, %d invalid files checked, %d problems"
          % (len(must_pass), checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
