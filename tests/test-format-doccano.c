/* test-format-doccano.c: doccano JSONL, UTF-16 offsets, import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-doccano.h"
#include "ann-io.h"
#include "test-tmp.h"

typedef struct
{
  guint       start;
  guint       end;
  const char *label;
  const char *text;
} ExpectedEntity;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "formats", "doccano", name, NULL);
}

static AnnFile *
load_native (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnFile *file = ann_file_load (input, &error);

  g_assert_no_error (error);
  return file;
}

static AnnFile *
import_fixture (const char  *name,
                char       **warning)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnFile *file = ann_format_doccano_import (input, warning, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

/* The one part of an export: the JSONL itself. */
static GBytes *
export_bytes (AnnFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = ann_format_doccano_export (file, &error);
  AnnExportPart *part;

  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 1);
  part = g_ptr_array_index (parts, 0);
  g_assert_null (part->suffix);
  return g_bytes_ref (part->data);
}

static void
assert_entities (AnnFile              *file,
                 const ExpectedEntity *expected,
                 guint                 n_expected)
{
  g_autoptr(GPtrArray) entities = ann_entity_store_dup_all (ann_file_get_entities (file));

  g_assert_cmpuint (entities->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);

      g_assert_cmpuint (ann_entity_get_start (entity), ==, expected[i].start);
      g_assert_cmpuint (ann_entity_get_end (entity), ==, expected[i].end);
      g_assert_cmpstr (ann_entity_get_label (entity), ==, expected[i].label);
      g_assert_cmpstr (ann_entity_get_text (entity), ==, expected[i].text);
    }
}

/* The golden file was checked with the independent doccano checker before it was committed. */
static void
test_export_golden (void)
{
  g_autoptr(AnnFile) file = load_native ("formats-article.json");
  g_autoptr(GBytes) bytes = export_bytes (file);
  g_autofree char *path = fixture_path ("formats-article.jsonl");
  g_autofree char *expected = NULL;
  gsize expected_length;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (g_file_get_contents (path, &expected, &expected_length, NULL));
  g_assert_cmpmem (data, length, expected, expected_length);

  /* One line, ended by a line break; the emoji shifts every later offset by one. */
  g_assert_null (memchr (data, '\n', length - 1));
  g_assert_cmpint (data[length - 1], ==, '\n');
  g_assert_nonnull (strstr (data, "[14, 22, \"LOC\"]"));
}

/* doccano has no status: a rejected entity is left out, a pending one stays. The emoji counts
 * two UTF-16 units. */
static void
test_export_leaves_out_rejected (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = ann_document_new ("😀 Đà Nẵng, Huế\n", &error);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  g_autoptr(AnnFile) file = ann_file_new (document, labels);
  g_autoptr(AnnEntity) rejected = NULL;
  g_autoptr(AnnEntity) pending = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Each created once the one before is in: ids are given by what the file holds. */
  rejected = ann_file_create_entity (file, "ORG", 2, 9, &error);
  g_assert_no_error (error);
  ann_entity_set_status (rejected, ANN_ENTITY_STATUS_REJECTED);
  g_assert_true (ann_entity_store_add (ann_file_get_entities (file), rejected, NULL));
  pending = ann_file_create_entity (file, "LOC", 11, 14, &error);
  g_assert_no_error (error);
  ann_entity_set_status (pending, ANN_ENTITY_STATUS_PENDING);
  g_assert_true (ann_entity_store_add (ann_file_get_entities (file), pending, NULL));

  bytes = export_bytes (file);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"label\": [[12, 15, \"LOC\"]]"));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "ORG"));
}

/* Blank lines at the end of the file, as editors leave, are no error (one between documents
 * is: see bad-blank-line.jsonl). */
static void
test_import_trailing_blank_lines (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-doccano");
  g_autofree char *path = g_build_filename (dir, "a.jsonl", NULL);
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = NULL;
  g_autofree char *warning = NULL;

  g_assert_true (g_file_set_contents (path, "{\"text\": \"Hà Nội\", \"label\": [[0, 6, \"LOC\"]]}\n"
                                      "\n  \r\n\n", -1, NULL));
  file = ann_format_doccano_import (input, &warning, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_null (warning);
  g_assert_cmpuint (ann_entity_store_get_n_entities (ann_file_get_entities (file)), ==, 1);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr(AnnFile) original = load_native ("formats-article.json");
  g_autoptr(GBytes) bytes = export_bytes (original);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmp_dir ("test-doccano");
  g_autofree char *path = g_build_filename (dir, "article.jsonl", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autoptr(AnnFile) back = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *warning = NULL;

  g_assert_no_error (error);
  g_assert_true (ann_io_write_atomically (output, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  back = ann_format_doccano_import (output, &warning, &error);
  g_assert_no_error (error);
  g_assert_null (warning);

  g_assert_cmpstr (ann_document_get_id (ann_file_get_document (back)), ==,
                   ann_document_get_id (ann_file_get_document (original)));
  before = ann_entity_store_dup_all (ann_file_get_entities (original));
  after = ann_entity_store_dup_all (ann_file_get_entities (back));
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      AnnEntity *a = g_ptr_array_index (before, i);
      AnnEntity *b = g_ptr_array_index (after, i);

      g_assert_cmpuint (ann_entity_get_start (b), ==, ann_entity_get_start (a));
      g_assert_cmpuint (ann_entity_get_end (b), ==, ann_entity_get_end (a));
      g_assert_cmpstr (ann_entity_get_label (b), ==, ann_entity_get_label (a));
      g_assert_cmpstr (ann_entity_get_text (b), ==, ann_entity_get_text (a));

      /* doccano has no place for these: they are lost, as documented. */
      g_assert_null (ann_entity_get_note (b));
      g_assert_null (ann_entity_get_ref (b));
      g_assert_cmpint (ann_entity_get_status (b), ==, ANN_ENTITY_STATUS_NONE);
    }

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Two emoji and a flag (two code points outside the BMP) come before the entities: UTF-16
 * offsets run ahead of code points by 2, then 4, then 6 at the last emoji. */
static void
test_import_utf16_offsets (void)
{
  static const ExpectedEntity expected[] = {
    { 7, 17, "PER", "Vũ Tiến Lư" },
    { 24, 32, "LOC", "Đắk Nông" },
    { 34, 50, "ORG", "Tỉnh ủy Đắk Nông" },
    { 42, 50, "LOC", "Đắk Nông" },
    { 60, 70, "DATE", "21/03/2022" },
    { 71, 72, "MISC", "😀" },
  };
  g_autofree char *warning = NULL;
  g_autoptr(AnnFile) file = import_fixture ("emoji.jsonl", &warning);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_null (warning);
  assert_entities (file, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (ann_label_schema_get_n_labels (ann_file_get_labels (file)), ==, 7);

  /* And back: the same UTF-16 offsets as in the file. */
  bytes = export_bytes (file);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "[[9, 19, \"PER\"], [28, 36, \"LOC\"], [38, 54, \"ORG\"], "
                                  "[46, 54, \"LOC\"], [64, 74, \"DATE\"], [75, 77, \"MISC\"]]"));
}

/* The "entities" form, with doccano's entity ids, relations and a CR LF line end. */
static void
test_import_entities_form (void)
{
  static const ExpectedEntity expected[] = {
    { 7, 17, "PER", "Vũ Tiến Lư" },
    { 24, 32, "LOC", "Đắk Nông" },
    { 34, 50, "ORG", "Tỉnh ủy Đắk Nông" },
  };
  g_autoptr(AnnFile) file = import_fixture ("entities-relations.jsonl", NULL);
  GPtrArray *relations = ann_file_get_relations (file);
  AnnRelation *relation;

  assert_entities (file, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->type, ==, "member_of");
  g_assert_cmpstr (ann_entity_get_text (ann_entity_store_lookup_id (ann_file_get_entities (file),
                                                                    relation->from)),
                   ==, "Vũ Tiến Lư");
  g_assert_cmpstr (ann_entity_get_text (ann_entity_store_lookup_id (ann_file_get_entities (file),
                                                                    relation->to)),
                   ==, "Tỉnh ủy Đắk Nông");
}

/* Decomposed letters: the UTF-16 offsets count each accent, and the entities land on the same
 * characters of the composed (NFC) text. */
static void
test_import_nfd (void)
{
  static const ExpectedEntity expected[] = {
    { 7, 17, "PER", "Vũ Tiến Lư" },
    { 34, 50, "ORG", "Tỉnh ủy Đắk Nông" },
  };
  g_autoptr(AnnFile) file = import_fixture ("nfd.jsonl", NULL);
  const char *text = ann_document_get_text (ann_file_get_document (file));

  g_assert_true (g_str_has_prefix (text, "😀😀 Ông Vũ Tiến Lư 🇻🇳 về Đắk Nông.\n"));
  assert_entities (file, expected, G_N_ELEMENTS (expected));
}

static void
test_import_several_documents (void)
{
  static const ExpectedEntity expected[] = {
    { 0, 7, "ORG", "Bộ Y tế" },
  };
  g_autofree char *warning = NULL;
  g_autoptr(AnnFile) file = import_fixture ("several.jsonl", &warning);

  g_assert_cmpstr (ann_document_get_text (ann_file_get_document (file)), ==, "Bộ Y tế họp.");
  assert_entities (file, expected, G_N_ELEMENTS (expected));
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "several.jsonl: only the first of its 3 documents"));
  g_assert_nonnull (strstr (warning, "2 other documents were left out"));
}

/* One file per class of error: the message names the file and the line (or, for a file
 * without any line, the file alone), then the JSON path. */
static void
test_import_errors (void)
{
  static const struct {
    const char *name;
    const char *place;     /* what follows the path of the file */
    const char *fragment;
  } cases[] = {
    { "bad-syntax.jsonl", ": line 2, column 41: ", "not closed" },
    { "bad-blank-line.jsonl", ":2: ", "an empty line" },
    { "bad-root.jsonl", ":1: $: ", "expected an object, found an array" },
    { "bad-no-text.jsonl", ":1: $: ", "the required member “text” is missing" },
    { "bad-label-item.jsonl", ":1: $.label[0]: ", "found an array of 2 elements" },
    { "bad-label-type.jsonl", ":1: $.label[0][1]: ", "expected an integer, found a string" },
    { "bad-negative.jsonl", ":1: $.label[0][0]: ", "offsets cannot be negative" },
    { "bad-range.jsonl", ":1: $.label[1]: ", "past the end of the text (9 UTF-16 code units)" },
    { "bad-surrogate.jsonl", ":1: $.label[0]: ", "offset 1 falls between the two halves" },
    { "bad-empty-span.jsonl", ":1: $.label[0]: ", "the span 3–3 is empty or reversed" },
    { "bad-both-forms.jsonl", ":1: $: ", "both “label” and “entities”" },
    { "bad-entities-member.jsonl", ":1: $.entities[0]: ", "“end_offset” is missing" },
    { "bad-relation.jsonl", ":1: $.relations[0].to_id: ", "no entity of $.entities has the id 2" },
    { "bad-duplicate-id.jsonl", ":1: $.entities[1].id: ", "1 is also the id of $.entities[0]" },
    { "bad-label-name.jsonl", ":1: $.label[0]: ", "“Thành phố” is not a valid label" },
    { "bad-duplicate.jsonl", ":1: $.label[1]: ", "same span" },
    { "bad-second-line.jsonl", ":2: $.label[0]: ", "past the end of the text (3 UTF-16" },
    { "bad-empty.jsonl", ": ", "the file holds no document" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].name);
      g_autofree char *prefix = g_strconcat (path, cases[i].place, NULL);
      g_autoptr(GFile) input = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;
      g_autoptr(AnnFile) file = ann_format_doccano_import (input, &warning, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(no error)");
      g_assert_null (file);
      g_assert_null (warning);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ANN_ERROR);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/doccano/export-golden", test_export_golden);
  g_test_add_func ("/format/doccano/export-leaves-out-rejected", test_export_leaves_out_rejected);
  g_test_add_func ("/format/doccano/round-trip", test_round_trip);
  g_test_add_func ("/format/doccano/import-trailing-blank-lines", test_import_trailing_blank_lines);
  g_test_add_func ("/format/doccano/import-utf16-offsets", test_import_utf16_offsets);
  g_test_add_func ("/format/doccano/import-entities-form", test_import_entities_form);
  g_test_add_func ("/format/doccano/import-nfd", test_import_nfd);
  g_test_add_func ("/format/doccano/import-several-documents", test_import_several_documents);
  g_test_add_func ("/format/doccano/import-errors", test_import_errors);

  return g_test_run ();
}
