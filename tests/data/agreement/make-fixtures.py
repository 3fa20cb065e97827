#!/usr/bin/env python3
# make-fixtures.py: writes the fixtures of agreement and merge (tests/data/agreement/)
#
# Three annotators (an, binh, chi) tagged the same short article; the differences are chosen so
# that every figure of `agree` and every rule of `merge` can be worked out by hand (see
# tests/test-cli.c, where the numbers are derived). The files are written in the canonical form
# of tests/data/generate-fixtures.py, whose helpers this script reuses.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))

_spec = importlib.util.spec_from_file_location(
    "generate_fixtures", os.path.join(HERE, "..", "generate-fixtures.py"))
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)
span, build, dump = fixtures.span, fixtures.build, fixtures.dump

# 20 tokens: Bí thư Vũ Tiến Lư thăm Đắk Nông . | Ông Lư họp với Tỉnh ủy Đắk Nông ngày 21/03/2022 .
TEXT = ("Bí thư Vũ Tiến Lư thăm Đắk Nông.\n"
        "Ông Lư họp với Tỉnh ủy Đắk Nông ngày 21/03/2022.\n")

OTHER_TEXT = "Tin ngắn: Đắk Nông mưa lớn.\n"

TITLE = {"id": "TITLE", "name": "Chức danh", "color": "#99c1f1", "key": "8"}
ROLE = {"id": "ROLE", "name": "Vai trò", "color": "#c0bfbc", "key": "8"}

AN = [
    span(TEXT, "Vũ Tiến Lư", "PER", note="Bí thư", ref="Q111"),
    span(TEXT, "Đắk Nông", "LOC", nth=0),
    span(TEXT, "Lư", "PER", nth=1),
    span(TEXT, "Tỉnh ủy Đắk Nông", "ORG"),
    span(TEXT, "Đắk Nông", "LOC", nth=1),
    span(TEXT, "21/03/2022", "DATE"),
]

# binh: the second LOC is missing, the DATE takes "ngày" in (a boundary conflict), and a
# rejected TITLE does not count.
BINH = [
    span(TEXT, "Bí thư", "TITLE", status="rejected"),
    span(TEXT, "Vũ Tiến Lư", "PER", note="Bí thư tỉnh", ref="Q111"),
    span(TEXT, "Đắk Nông", "LOC", nth=0),
    span(TEXT, "Lư", "PER", nth=1),
    span(TEXT, "Tỉnh ủy Đắk Nông", "ORG", status="accepted"),
    span(TEXT, "ngày 21/03/2022", "DATE"),
]

# chi: "Tiến Lư" without "Vũ" (a boundary conflict), the first Đắk Nông as ORG (a label
# conflict), no second LOC.
CHI = [
    span(TEXT, "Tiến Lư", "PER"),
    span(TEXT, "Đắk Nông", "ORG", nth=0),
    span(TEXT, "Lư", "PER", nth=1),
    span(TEXT, "Tỉnh ủy Đắk Nông", "ORG"),
    span(TEXT, "21/03/2022", "DATE", note="ngày họp"),
]


def with_labels(data, *extra):
    data["labels"] = copy.deepcopy(data["labels"]) + list(extra)
    return data


def main():
    files = {
        "an.json": build(TEXT, AN, annotator="an"),
        "binh.json": with_labels(build(TEXT, BINH, annotator="binh"), TITLE),
        "chi.json": with_labels(build(TEXT, CHI, annotator="chi"), ROLE),
        # The same name as an.json's annotator, and the same entities.
        "an-lai.json": build(TEXT, AN, annotator="an"),
        # No annotator: reports use the file name.
        "no-name.json": build(TEXT, CHI, annotator=None),
        "empty.json": build(TEXT, [], annotator="dung"),
        "other-document.json": build(OTHER_TEXT, [span(OTHER_TEXT, "Đắk Nông", "LOC")],
                                     annotator="dung"),
    }
    for name, data in files.items():
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write(dump(data))


if __name__ == "__main__":
    main()
