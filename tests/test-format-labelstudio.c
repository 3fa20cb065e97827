/* test-format-labelstudio.c: Label Studio tasks JSON and labeling config, import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-labelstudio.h"
#include "ann-io.h"
#include "test-tmp.h"

#define CONFIG_SUFFIX ".labeling-config.xml"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "formats", "labelstudio", name, NULL);
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
  AnnFile *file = ann_format_labelstudio_import (input, warning, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

/* The two parts of an export: the tasks, then the labeling config. */
static GPtrArray *
export_parts (AnnFile *file)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *parts = ann_format_labelstudio_export (file, &error);
  AnnExportPart *part;

  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 2);
  part = g_ptr_array_index (parts, 0);
  g_assert_null (part->suffix);
  part = g_ptr_array_index (parts, 1);
  g_assert_cmpstr (part->suffix, ==, CONFIG_SUFFIX);
  return parts;
}

static const char *
part_text (GPtrArray *parts,
           guint      index)
{
  AnnExportPart *part = g_ptr_array_index (parts, index);

  /* GBytes of a GString end with a NUL; those of the tasks too (g_strconcat). */
  return g_bytes_get_data (part->data, NULL);
}

static void
assert_part_equals_fixture (GPtrArray  *parts,
                            guint       index,
                            const char *name)
{
  AnnExportPart *part = g_ptr_array_index (parts, index);
  g_autofree char *path = fixture_path (name);
  g_autofree char *expected = NULL;
  gsize expected_length;
  gsize length;
  const char *data = g_bytes_get_data (part->data, &length);

  g_assert_true (g_file_get_contents (path, &expected, &expected_length, NULL));
  g_assert_cmpmem (data, length, expected, expected_length);
}

/* Exports @file, writes the tasks to a temporary file and imports them again. */
static AnnFile *
export_and_import (AnnFile    *file,
                   GPtrArray **parts_out)
{
  g_autoptr(GPtrArray) parts = export_parts (file);
  AnnExportPart *tasks = g_ptr_array_index (parts, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_tmp_dir ("test-labelstudio");
  g_autofree char *path = g_build_filename (dir, "tasks.json", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autofree char *warning = NULL;
  AnnFile *back;

  g_assert_no_error (error);
  g_assert_true (ann_io_write_atomically (output, g_bytes_get_data (tasks->data, NULL),
                                          g_bytes_get_size (tasks->data), &error));
  g_assert_no_error (error);

  back = ann_format_labelstudio_import (output, &warning, &error);
  g_assert_no_error (error);
  g_assert_null (warning);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  if (parts_out != NULL)
    *parts_out = g_steal_pointer (&parts);
  return back;
}

/* Both golden files were checked with the independent Label Studio checker (and xmllint)
 * before they were committed. */
static void
test_export_golden (void)
{
  g_autoptr(AnnFile) file = load_native ("formats-article.json");
  g_autoptr(GPtrArray) parts = export_parts (file);

  assert_part_equals_fixture (parts, 0, "formats-article.json");
  assert_part_equals_fixture (parts, 1, "formats-article" CONFIG_SUFFIX);
}

/* Everything but the file's annotator and the document's language comes back, byte for
 * byte: ids, spans, labels, notes, references and statuses. */
static void
test_round_trip (void)
{
  g_autoptr(AnnFile) original = load_native ("formats-article.json");
  g_autoptr(AnnFile) back = export_and_import (original, NULL);
  g_autofree char *expected = ann_file_serialize (original, NULL);
  g_autofree char *actual = NULL;

  g_assert_null (ann_file_get_annotator (back));
  g_assert_null (ann_document_get_language (ann_file_get_document (back)));
  ann_file_set_annotator (back, ann_file_get_annotator (original));
  ann_document_set_language (ann_file_get_document (back),
                             ann_document_get_language (ann_file_get_document (original)));
  actual = ann_file_serialize (back, NULL);
  g_assert_cmpstr (actual, ==, expected);
}

/* Relations go out as "relation" results and in the config's <Relations>; a relation whose
 * entity is gone is left out, as the native writer does. Label ids are escaped in XML. */
static void
test_relations_and_config (void)
{
  g_autoptr(AnnFile) original = load_native ("formats-article.json");
  g_autoptr(AnnLabel) label = ann_label_new ("R&D<\"x\">", NULL, "#99c1f1", NULL);
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(AnnFile) back = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *relations = ann_file_get_relations (original);
  AnnRelation *relation;
  const char *config;

  g_ptr_array_add (relations, ann_relation_new ("R1", "issued_by", "T5", "T2"));
  g_ptr_array_add (relations, ann_relation_new ("R2", "gone", "T4", "T99"));
  g_assert_true (ann_label_schema_add (ann_file_get_labels (original), label, &error));
  g_assert_no_error (error);

  back = export_and_import (original, &parts);
  config = part_text (parts, 1);
  g_assert_nonnull (strstr (config, "    <Label value=\"R&amp;D&lt;&quot;x&quot;&gt;\" "
                                    "background=\"#99c1f1\"/>\n"));
  g_assert_nonnull (strstr (config, "  <Relations>\n    <Relation value=\"issued_by\"/>\n"
                                    "  </Relations>\n"));
  g_assert_null (strstr (config, "gone"));
  g_assert_nonnull (strstr (part_text (parts, 0), "\"from_id\": \"T5\""));

  relations = ann_file_get_relations (back);
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->type, ==, "issued_by");
  g_assert_cmpstr (relation->from, ==, "T5");
  g_assert_cmpstr (relation->to, ==, "T2");
}

/* A file as Label Studio exports it: its own region ids, a per-region text area, a relation
 * drawn leftwards, a region with two labels, a choices result, a second annotation and a
 * second task. */
static void
test_import_label_studio_export (void)
{
  g_autofree char *warning = NULL;
  g_autoptr(AnnFile) file = import_fixture ("tasks.json", &warning);
  AnnEntityStore *store = ann_file_get_entities (file);
  GPtrArray *relations = ann_file_get_relations (file);
  AnnEntity *entity;
  AnnRelation *relation;

  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 5);

  entity = ann_entity_store_lookup_id (store, "a1B2c3D4e5");
  g_assert_cmpuint (ann_entity_get_start (entity), ==, 9);
  g_assert_cmpuint (ann_entity_get_end (entity), ==, 19);
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Vũ Tiến Lư");
  g_assert_cmpstr (ann_entity_get_note (entity), ==, "Bí thư Tỉnh ủy\ntừ năm 2020");

  /* The region with two labels gives two entities; the second gets an id of its own. */
  g_assert_nonnull (ann_entity_store_find (store, 41, 49, "LOC"));
  g_assert_cmpstr (ann_entity_get_id (ann_entity_store_find (store, 41, 49, "LOC")), ==, "Lq_0");
  g_assert_nonnull (ann_entity_store_find (store, 41, 49, "GPE"));
  g_assert_nonnull (ann_label_schema_lookup (ann_file_get_labels (file), "GPE"));

  entity = ann_entity_store_lookup_id (store, "m3");
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Lư");
  g_assert_cmpstr (ann_entity_get_note (entity), ==, "Vũ Tiến Lư");

  /* "direction": "left" points from to_id to from_id. */
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->type, ==, "works_with");
  g_assert_cmpstr (relation->from, ==, "a1B2c3D4e5");
  g_assert_cmpstr (relation->to, ==, "x9Y8z7W6v5");

  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "1 other task was left out"));
  g_assert_nonnull (strstr (warning, "1 other annotation was left out"));
  g_assert_nonnull (strstr (warning, "choices (1)"));
}

/* One task object, not an array, with a prediction and no annotation. */
static void
test_import_prediction (void)
{
  g_autofree char *warning = NULL;
  g_autoptr(AnnFile) file = import_fixture ("prediction.json", &warning);
  AnnEntityStore *store = ann_file_get_entities (file);
  AnnEntity *entity;

  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 2);
  entity = ann_entity_store_find (store, 12, 20, "LOC");
  g_assert_nonnull (entity);
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Đắk Nông");
  g_assert_cmpint (ann_entity_get_status (entity), ==, ANN_ENTITY_STATUS_PENDING);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "prediction"));
}

/* Decomposed letters and a CR LF: the offsets count the raw text's code points, and the
 * entity lands on the same characters of the normal text. */
static void
test_import_nfd (void)
{
  g_autoptr(AnnFile) file = import_fixture ("nfd.json", NULL);
  AnnEntityStore *store = ann_file_get_entities (file);
  AnnEntity *entity;

  g_assert_cmpstr (ann_document_get_text (ann_file_get_document (file)), ==,
                   "Tỉnh ủy Đắk Nông 😀 họp.\n");
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 1);
  entity = ann_entity_store_get_nth (store, 0);
  g_assert_cmpuint (ann_entity_get_start (entity), ==, 8);
  g_assert_cmpuint (ann_entity_get_end (entity), ==, 16);
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Đắk Nông");
}

/* One file per class of error: the message names the file, then the JSON path (or the line
 * and column of a syntax error). */
static void
test_import_errors (void)
{
  static const struct {
    const char *name;
    const char *place;     /* what follows the path of the file */
    const char *fragment;
  } cases[] = {
    { "bad-syntax.json", ": line 1, column 59: ", "expected a value, found '}'" },
    { "bad-root.json", ": $: ", "expected an array of tasks or one task object" },
    { "bad-empty-array.json", ": $: ", "holds no task" },
    { "bad-no-text.json", ": $: ", "no task has a “data.text”" },
    { "bad-no-type.json", ": $[0].annotations[0].result[0]: ", "“type” is missing" },
    { "bad-missing-start.json", ": $[0].annotations[0].result[0].value: ",
      "the required member “start” is missing" },
    { "bad-range.json", ": $[0].annotations[0].result[0].value: ", "past the end of the text" },
    { "bad-text-mismatch.json", ": $[0].annotations[0].result[0].value: ",
      "the text “Hà Nộ” does not match" },
    { "bad-utf16.json", ": $[0].annotations[0].result[0].value: ",
      "the offsets count UTF-16 code units" },
    { "bad-labels.json", ": $[0].annotations[0].result[0].value.labels: ", "the list is empty" },
    { "bad-relation.json", ": $[0].annotations[0].result[1].to_id: ",
      "no “labels” result of this annotation has the id “r9”" },
    { "bad-status.json", ": $[0].annotations[0].result[0].meta.status: ",
      "“done” is not a status" },
    { "bad-duplicate-id.json", ": $[0].annotations[0].result[1].id: ",
      "“r1” is also the id of an earlier result" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].name);
      g_autofree char *prefix = g_strconcat (path, cases[i].place, NULL);
      g_autoptr(GFile) input = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;
      g_autoptr(AnnFile) file = ann_format_labelstudio_import (input, &warning, &error);

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

  g_test_add_func ("/format/labelstudio/export-golden", test_export_golden);
  g_test_add_func ("/format/labelstudio/round-trip", test_round_trip);
  g_test_add_func ("/format/labelstudio/relations-and-config", test_relations_and_config);
  g_test_add_func ("/format/labelstudio/import-label-studio-export",
                   test_import_label_studio_export);
  g_test_add_func ("/format/labelstudio/import-prediction", test_import_prediction);
  g_test_add_func ("/format/labelstudio/import-nfd", test_import_nfd);
  g_test_add_func ("/format/labelstudio/import-errors", test_import_errors);

  return g_test_run ();
}
