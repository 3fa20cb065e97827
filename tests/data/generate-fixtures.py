#!/usr/bin/env python3
# generate-fixtures.py: writes the test fixtures of the native format
#
# The fixtures are committed; this script documents how each was made and remakes them after
# a deliberate change of the format. Each invalid file holds exactly one problem, and
# invalid/EXPECTED names, for each, a fragment that the loader's message must contain.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import hashlib
import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

TEXT = ("Bí thư Huyện ủy Đắk Glong Vũ Tiến Lư 😀 phát biểu tại Hội nghị Trung ương 4 (khóa XIII).\n"
        "Hòa bình và hoà hợp ở Tỉnh uỷ Đắk Nông; ông Lư nhắc Kế hoạch số 39.\n")

LABELS = [
    {"id": "PER", "name": "Person", "color": "#62a0ea", "key": "1"},
    {"id": "LOC", "name": "Location", "color": "#57e389", "key": "2"},
    {"id": "ORG", "name": "Organisation", "color": "#ffa348", "key": "3"},
    {"id": "DOC", "name": "Document", "color": "#dc8add", "key": "4"},
    {"id": "EVENT", "name": "Event", "color": "#f66151", "key": "5"},
    {"id": "DATE", "name": "Date", "color": "#f8e45c", "key": "6"},
    {"id": "MISC", "name": "Other", "color": "#cdab8f", "key": "7"},
]


def span(text, needle, label, nth=0, **extra):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    entity = {"label": label, "start": start, "end": start + len(needle), "text": needle}
    entity.update(extra)
    return entity


def document(text):
    return {"id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
            "title": text.split("\n")[0].strip(), "language": "vi", "text": text}


def build(text, entities, annotator="an", relations=None):
    entities = sorted(entities, key=lambda e: (e["start"], -e["end"], e["label"]))
    ordered = []
    for i, e in enumerate(entities):
        item = {"id": "T%d" % (i + 1)}
        item.update({k: e[k] for k in ("label", "start", "end", "text")})
        item.update({k: e[k] for k in ("note", "ref", "status", "annotators") if k in e})
        ordered.append(item)
    data = {"format": "article-annotator", "version": 1, "document": document(text)}
    if annotator:
        data["annotator"] = annotator
    data.update(labels=LABELS, entities=ordered)
    if relations:
        data["relations"] = relations
    return data


def utf8_offset(text, offset):
    return len(text[:offset].encode())


def utf16_offset(text, offset):
    return len(text[:offset].encode("utf-16-le")) // 2


def dump(data):
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(path, content):
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(content if isinstance(content, bytes) else content.encode())


VALID = build(TEXT, [
    span(TEXT, "Huyện ủy Đắk Glong", "ORG", status="accepted"),
    span(TEXT, "Đắk Glong", "LOC"),
    span(TEXT, "Vũ Tiến Lư", "PER", note="Bí thư; tên đầy đủ", ref="Q0000001"),
    span(TEXT, "Hội nghị Trung ương 4 (khóa XIII)", "EVENT", annotators=["an", "binh"]),
    span(TEXT, "Tỉnh uỷ Đắk Nông", "ORG", status="pending"),
    span(TEXT, "Đắk Nông", "LOC"),
    span(TEXT, "Lư", "PER", nth=1),
    span(TEXT, "Kế hoạch số 39", "DOC"),
], relations=[{"id": "R1", "type": "member_of", "from": "T3", "to": "T1"}])


# The fixture of the exchange formats: Vietnamese text, nested entities (LOC in ORG, EVENT in
# DOC), a note, a reference, statuses, an emoji before entities (code points differ from
# UTF-16 units) and an entity that spans a line break.
FORMATS_TEXT = ("Tin vui 😀 từ Đắk Nông\n"
                "Bí thư Tỉnh ủy Đắk Nông Vũ Tiến Lư quán triệt Nghị quyết Đại hội XIII của Đảng "
                "ngày 21/03/2022.\n"
                "Ông Lư nói: \"Kế hoạch số 39-KH/TU\nphải xong trong quý I/2022.\"\n")

FORMATS = build(FORMATS_TEXT, [
    span(FORMATS_TEXT, "Đắk Nông", "LOC", nth=0),
    span(FORMATS_TEXT, "Tỉnh ủy Đắk Nông", "ORG", status="accepted"),
    span(FORMATS_TEXT, "Đắk Nông", "LOC", nth=1),
    span(FORMATS_TEXT, "Vũ Tiến Lư", "PER", note="Bí thư Tỉnh ủy", ref="Q0000001"),
    span(FORMATS_TEXT, "Nghị quyết Đại hội XIII của Đảng", "DOC"),
    span(FORMATS_TEXT, "Đại hội XIII của Đảng", "EVENT", status="pending"),
    span(FORMATS_TEXT, "21/03/2022", "DATE"),
    span(FORMATS_TEXT, "Lư", "PER", nth=1),
    span(FORMATS_TEXT, "Kế hoạch số 39-KH/TU\nphải xong", "MISC", note="spans a line break"),
    span(FORMATS_TEXT, "Kế hoạch số 39-KH/TU", "DOC"),
    span(FORMATS_TEXT, "quý I/2022", "DATE"),
])


def invalid_cases():
    """Yields (file name, content, expected message fragment)."""
    good = dump(VALID)

    def variant(change):
        data = copy.deepcopy(VALID)
        change(data)
        return dump(data)

    def entity(i, **changes):
        def change(data):
            data["entities"][i].update(changes)
        return change

    def drop(path, key):
        def change(data):
            target = data
            for p in path:
                target = target[p]
            del target[key]
        return change

    nfd = unicodedata.normalize("NFD", TEXT)

    yield "truncated.json", good[: len(good) // 2], "unexpected end of file"
    yield "empty.json", "", "the file is empty"
    yield "blank.json", "  \n\t\n", "the file is empty"
    yield "not-json.json", "Bí thư Huyện ủy\n", "line 1, column 1: expected a value"
    yield "two-roots.json", good + "{}\n", "unexpected data after the JSON value"
    yield "single-quoted.json", good.replace('"format"', "'format'", 1), "single quotes"
    yield "comment.json", "// annotations\n" + good, "comments are not allowed"
    yield "bom.json", "\ufeff" + good, "byte order mark"
    yield "lone-surrogate.json", good.replace('"an"', '"a\\ud83d"', 1), "lone UTF-16 surrogate"
    yield "duplicate-key.json", good.replace('"version": 1,', '"version": 1,\n  "version": 1,', 1), \
        "duplicate key"
    yield "invalid-utf8.json", good.encode().replace("Bí".encode(), b"B\xed", 1), "not valid UTF-8"
    yield "deep-nesting.json", "[" * 100000 + "]" * 100000, "nesting deeper"
    yield "integer-too-large.json", re.sub(r'"end": \d+', '"end": 18446744073709551642', good, count=1), \
        "the integer 18446744073709551642 is too large"
    yield "root-array.json", "[]\n", "$: expected an object, found an array"
    yield "wrong-format.json", variant(lambda d: d.update(format="brat")), "not an annotation file"
    yield "version-2.json", variant(lambda d: d.update(version=2)), "newer Article Annotator"
    yield "version-string.json", variant(lambda d: d.update(version="1")), \
        "$.version: expected an integer, found a string"
    yield "missing-entities.json", variant(drop([], "entities")), \
        "required member “entities” is missing"
    yield "missing-text.json", variant(drop(["document"], "text")), \
        "$.document: the required member “text” is missing"
    yield "unknown-member.json", variant(entity(2, confidence=0.5)), \
        "$.entities[2] (“T3”): unknown member “confidence”"
    yield "wrong-type-start.json", variant(entity(0, start="15")), \
        "$.entities[0] (“T1”).start: expected an integer, found a string"
    yield "float-offset.json", good.replace('"start": 26,', '"start": 26.0,', 1), \
        "expected an integer, found a number with a fraction"
    yield "negative-offset.json", variant(entity(0, start=-1)), "offsets cannot be negative"
    yield "out-of-range.json", variant(entity(7, end=len(TEXT) + 5)), \
        "$.entities[7] (“T8”): end %d is past the end of the text (%d characters)" % (
            len(TEXT) + 5, len(TEXT))
    yield "end-before-start.json", variant(entity(1, start=30, end=26)), "end 26 is not after start 30"
    yield "empty-span.json", variant(entity(1, end=VALID["entities"][1]["start"])), "is not after start"
    yield "text-mismatch.json", variant(entity(2, text="Vũ Tiến")), \
        "$.entities[2] (“T3”): the text “Vũ Tiến” does not match the article"
    yield "byte-offsets.json", variant(entity(2, start=utf8_offset(TEXT, VALID["entities"][2]["start"]),
                                              end=utf8_offset(TEXT, VALID["entities"][2]["end"]))), \
        "offsets count characters, not bytes"
    # After the emoji, which is two UTF-16 units, as JavaScript counts.
    yield "utf16-offsets.json", variant(entity(3, start=utf16_offset(TEXT, VALID["entities"][3]["start"]),
                                               end=utf16_offset(TEXT, VALID["entities"][3]["end"]))), \
        "offsets count characters (code points), not UTF-16 units"
    yield "entity-text-nfd.json", variant(entity(2, text=unicodedata.normalize("NFD", "Vũ Tiến Lư"))), \
        "$.entities[2] (“T3”): the text “%s” is not in Unicode normal form C (NFC)" % (
            unicodedata.normalize("NFD", "Vũ Tiến Lư"))
    yield "unknown-label.json", variant(entity(3, label="PERSON")), \
        "the label “PERSON” is not defined in $.labels"
    yield "duplicate-id.json", variant(entity(4, id="T1")), "entity id “T1” is used twice"
    yield "duplicate-entity.json", variant(lambda d: d["entities"].append(
        dict(d["entities"][2], id="T99"))), "same span"
    yield "bad-status.json", variant(entity(0, status="done")), \
        "the status “done” is not one of pending, accepted, rejected"
    yield "empty-annotator-name.json", variant(entity(3, annotators=["an", ""])), \
        "$.entities[3] (“T4”).annotators[1]: an annotator's name cannot be empty"
    yield "id-with-space.json", variant(entity(0, id="T 1")), "is not a valid id"
    yield "non-nfc.json", variant(lambda d: d["document"].update(
        text=nfd, id="sha256:" + hashlib.sha256(nfd.encode()).hexdigest())), \
        "not in Unicode normal form C"
    yield "crlf-text.json", variant(lambda d: d["document"].update(
        text=TEXT.replace("\n", "\r\n"),
        id="sha256:" + hashlib.sha256(TEXT.replace("\n", "\r\n").encode()).hexdigest())), "U+000D"
    yield "zero-width-space.json", variant(lambda d: d["document"].update(
        text=TEXT.replace("Kế hoạch", "Kế\u200bhoạch"),
        id="sha256:" + hashlib.sha256(TEXT.replace("Kế hoạch", "Kế\u200bhoạch").encode()).hexdigest())), \
        "U+200B"
    yield "wrong-id.json", variant(lambda d: d["document"].update(id="sha256:" + "0" * 64)), \
        "does not match the text"
    yield "label-bad-color.json", variant(lambda d: d["labels"][0].update(color="blue")), \
        "$.labels[0].color: “blue” is not a colour of the form #rrggbb"
    yield "label-duplicate-key.json", variant(lambda d: d["labels"][1].update(key="1")), \
        "the key “1” of label “LOC” is already the key of label “PER”"
    yield "dangling-relation.json", variant(lambda d: d["relations"][0].update(to="T42")), \
        "refers to entity “T42”, which does not exist"
    yield "entities-not-array.json", variant(lambda d: d.update(entities={})), \
        "$.entities: expected an array, found an object"
    # Ids and relation types: no white space or control character, and the message shows one
    # that is invisible as its code point.
    yield "entity-id-control.json", variant(entity(0, id="T\u00011")), \
        "$.entities[0].id: “T<U+0001>1” is not a valid id"
    yield "label-id-control.json", variant(lambda d: d["labels"][6].update(id="MISC\u009b")), \
        "$.labels[6].id: “MISC<U+009B>” is not a valid id"
    yield "relation-type-space.json", variant(lambda d: d["relations"][0].update(type="member of")), \
        "$.relations[0].type: “member of” is not a valid relation type"
    yield "relation-type-empty.json", variant(lambda d: d["relations"][0].update(type="")), \
        "$.relations[0].type: “” is not a valid relation type"
    yield "relation-type-separator.json", variant(lambda d: d["relations"][0].update(
        type="member\u2028of")), "$.relations[0].type: “member<U+2028>of” is not a valid relation type"
    yield "null-note.json", good.replace('"note": "Bí thư; tên đầy đủ"', '"note": null', 1), \
        "$.entities[2] (“T3”).note: expected a string, found null"


def main():
    write("valid/vietnamese.json", dump(VALID))
    write("valid/formats-article.json", dump(FORMATS))
    write("valid/no-entities.json", dump(build("Tin ngắn 😀\n", [], annotator=None)))
    expected = []
    for name, content, fragment in invalid_cases():
        write("invalid/" + name, content)
        expected.append("%s\t%s\n" % (name, fragment))
    write("invalid/EXPECTED", "".join(expected))


if __name__ == "__main__":
    main()
