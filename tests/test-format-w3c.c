/* test-format-w3c.c: W3C Web Annotation export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-w3c.h"
#include "test-tmp.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
w3c_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "formats", "w3c", name, NULL);
}

static AnnFile *
load_native (const char *path)
{
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnFile *file = ann_file_load (input, &error);

  g_assert_no_error (error);
  return file;
}

static AnnFile *
import_w3c (const char  *path,
            char       **warning)
{
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnFile *file = ann_format_w3c_import (input, warning, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static void
assert_bytes_equal_file (GBytes     *bytes,
                         const char *path)
{
  g_autofree char *expected = NULL;
  gsize expected_length;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *actual = g_strndup (data, length);

  g_assert_true (g_file_get_contents (path, &expected, &expected_length, NULL));
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpuint (length, ==, expected_length);
}

/* The native file of @file, with the document language that W3C annotations cannot hold
 * copied from @original, so that everything else compares byte for byte. */
static char *
serialize_like (AnnFile *file,
                AnnFile *original)
{
  ann_document_set_language (ann_file_get_document (file),
                             ann_document_get_language (ann_file_get_document (original)));
  return ann_file_serialize (file, NULL);
}

static void
test_export_golden (void)
{
  g_autofree char *native_path = fixture_path ("valid/formats-article.json");
  g_autofree char *json_path = w3c_path ("formats-article.json");
  g_autofree char *text_path = w3c_path ("formats-article.txt");
  g_autoptr(AnnFile) file = load_native (native_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = ann_format_w3c_export (file, &error);
  AnnExportPart *json, *text;

  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 2);
  json = g_ptr_array_index (parts, 0);
  text = g_ptr_array_index (parts, 1);
  g_assert_null (json->suffix);
  g_assert_cmpstr (text->suffix, ==, ".txt");
  assert_bytes_equal_file (json->data, json_path);
  assert_bytes_equal_file (text->data, text_path);
}

/* The committed export imports back to the native fixture: entities, notes, refs, statuses,
 * the title and the annotator. */
static void
test_import_golden (void)
{
  g_autofree char *native_path = fixture_path ("valid/formats-article.json");
  g_autofree char *json_path = w3c_path ("formats-article.json");
  g_autoptr(AnnFile) original = load_native (native_path);
  g_autofree char *warning = NULL;
  g_autoptr(AnnFile) file = import_w3c (json_path, &warning);
  g_autofree char *expected = ann_file_serialize (original, NULL);
  g_autofree char *actual = serialize_like (file, original);

  g_assert_null (warning);
  g_assert_cmpstr (actual, ==, expected);
}

static void
remove_directory (const char *directory,
                  const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (directory, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (directory);
}

/* Exports through ann_format_export_to() into a temporary directory and imports back. */
static AnnFile *
round_trip (AnnFile *file)
{
  g_autofree char *directory = test_tmp_dir ("test-format-w3c");
  g_autofree char *json_path = g_build_filename (directory, "article.w3c.json", NULL);
  g_autofree char *text_path = g_build_filename (directory, "article.w3c.txt", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (json_path);
  g_autoptr(GError) error = NULL;
  const char * const names[] = { "article.w3c.json", "article.w3c.txt", NULL };
  const AnnFormat format = {
    "w3c", "W3C Web Annotation", "json", ann_format_w3c_import, ann_format_w3c_export
  };
  AnnFile *imported;

  g_assert_true (ann_format_export_to (&format, file, output, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (text_path, G_FILE_TEST_IS_REGULAR));

  imported = import_w3c (json_path, NULL);
  remove_directory (directory, names);
  return imported;
}

static void
test_round_trip (void)
{
  g_autofree char *native_path = fixture_path ("valid/formats-article.json");
  g_autoptr(AnnFile) original = load_native (native_path);
  g_autoptr(AnnFile) file = round_trip (original);
  g_autofree char *expected = ann_file_serialize (original, NULL);
  g_autofree char *actual = serialize_like (file, original);

  g_assert_cmpstr (actual, ==, expected);
}

static void
add_entity (AnnFile    *file,
            const char *id,
            const char *label,
            guint       start,
            guint       end,
            const char *first_annotator)
{
  AnnDocument *document = ann_file_get_document (file);
  g_autofree char *text = ann_document_dup_slice (document, start, end);
  g_autoptr(AnnEntity) entity = ann_entity_new (id, label, start, end, text);
  g_autoptr(GError) error = NULL;
  const char * const annotators[] = { first_annotator, "bình", NULL };

  if (first_annotator != NULL)
    ann_entity_set_annotators (entity, annotators);
  g_assert_true (ann_entity_store_add (ann_file_get_entities (file), entity, &error));
  g_assert_no_error (error);
}

/* Entity ids that an IRI must escape, annotators, a text without a title line, no file
 * annotator, and a file without entities (no "first" page at all). */
static void
test_round_trip_extras (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = ann_document_new ("\nĐà Nẵng 😀 và Hội An\n", &error);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  g_autoptr(AnnFile) file = NULL;
  g_autoptr(AnnFile) imported = NULL;
  g_autoptr(AnnFile) empty = NULL;
  g_autoptr(AnnFile) empty_imported = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  g_assert_no_error (error);
  ann_document_set_title (document, NULL);
  file = ann_file_new (document, labels);
  add_entity (file, "a/b?c#d%e", "LOC", 1, 8, "an");
  add_entity (file, "Địa-1", "LOC", 14, 20, NULL);
  add_entity (file, "T9", "MISC", 9, 10, "hà");

  /* Without a collection label, the title is the first line, as for any imported text. */
  imported = round_trip (file);
  g_assert_cmpstr (ann_document_get_title (ann_file_get_document (imported)), ==,
                   "Đà Nẵng 😀 và Hội An");
  ann_document_set_title (ann_file_get_document (imported), NULL);
  expected = ann_file_serialize (file, NULL);
  actual = ann_file_serialize (imported, NULL);
  g_assert_cmpstr (actual, ==, expected);

  empty = ann_file_new (document, labels);
  ann_file_set_annotator (empty, "an");
  empty_imported = round_trip (empty);
  g_assert_cmpuint (ann_entity_store_get_n_entities (ann_file_get_entities (empty_imported)),
                    ==, 0);
  g_assert_cmpstr (ann_file_get_annotator (empty_imported), ==, "an");
}

static AnnEntity *
find_entity (AnnFile    *file,
             const char *label,
             guint       start,
             guint       end)
{
  AnnEntity *entity = ann_entity_store_find (ann_file_get_entities (file), start, end, label);

  g_assert_nonnull (entity);
  return entity;
}

/* Another tool's file: decomposed (NFD) text with CR LF line ends, offsets in that text's
 * code points, pages chained by "next", "bodyValue", bodies without a purpose, a quote
 * without a position, an identifying SpecificResource, and a body and an unnamed creator
 * that the file format cannot hold (left out, with a warning). */
static void
test_import_foreign (void)
{
  g_autofree char *path = w3c_path ("foreign.json");
  g_autofree char *warning = NULL;
  g_autoptr(AnnFile) file = import_w3c (path, &warning);
  AnnDocument *document = ann_file_get_document (file);
  const char * const *annotators;
  AnnEntity *entity;

  g_assert_cmpstr (ann_document_get_text (document), ==,
                   "Tỉnh ủy Đắk Nông họp 😀 ngày 21/03/2022.\nÔng Lư nói: Đắk Nông sẽ xong.\n");
  g_assert_cmpuint (ann_entity_store_get_n_entities (ann_file_get_entities (file)), ==, 3);

  /* The second "Đắk Nông": raw NFD code points 64–75 with a CR before, 52–60 in NFC. */
  entity = find_entity (file, "LOC", 52, 60);
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Đắk Nông");
  g_assert_cmpstr (ann_entity_get_id (entity), ==, "T1");
  annotators = ann_entity_get_annotators (entity);
  g_assert_nonnull (annotators);
  g_assert_cmpstr (annotators[0], ==, "Bình");
  g_assert_null (annotators[1]);

  /* Found by its quote and suffix alone. */
  entity = find_entity (file, "ORG", 0, 16);
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Tỉnh ủy Đắk Nông");
  g_assert_cmpstr (ann_entity_get_ref (entity), ==, "http://www.wikidata.org/entity/Q1");
  g_assert_nonnull (ann_entity_get_note (entity));

  /* On the embedded next page, after the emoji (one code point, not two UTF-16 units). */
  entity = find_entity (file, "DATE", 28, 38);
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "21/03/2022");
  g_assert_null (ann_entity_get_note (entity));
  g_assert_cmpint (ann_entity_get_status (entity), ==, ANN_ENTITY_STATUS_NONE);

  g_assert_nonnull (warning);
  g_assert_true (g_str_has_prefix (warning, path));
  g_assert_nonnull (strstr (warning, "left out 2 parts"));
  g_assert_nonnull (strstr (warning, "$.items[1].body[3]"));
}

typedef struct
{
  const char *name;
  const char *where;     /* what follows the file name: the JSON path, or a line */
  const char *message;   /* a fragment of what is wrong */
} BadInput;

static const BadInput bad_inputs[] = {
  { "bad-syntax.json", "line 4", "trailing comma" },
  { "bad-root.json", "$: ", "expected an Annotation, an AnnotationPage" },
  { "bad-context.json", "$.@context: ", "http://www.w3.org/ns/anno.jsonld" },
  { "bad-next-page.json", "$.first.next: ", "only a reference" },
  { "bad-total.json", "$.total: ", "its pages hold 2" },
  { "bad-type.json", "$.first.items[1]: ", "type “Annotation”" },
  { "bad-no-label.json", "$.items[0]: ", "no label" },
  { "bad-two-labels.json", "$[0].body[1]: ", "a second body with the purpose “tagging”" },
  { "bad-body-and-value.json", "$: ", "both “body” and “bodyValue”" },
  { "bad-label.json", "$.body: ", "not a valid label" },
  { "bad-quote-exact.json", "$.first.items[3].target.selector[1]: ", "“exact” is “Đắk Nong”" },
  { "bad-quote-prefix.json", "$.first.items[0].target.selector[1]: ", "the “prefix” “Bà ”" },
  { "bad-position-range.json", "$.first.items[0].target.selector[0]: ", "past the end" },
  { "bad-position-float.json", "$.first.items[0].target.selector[0].start: ",
    "expected an integer" },
  { "bad-positions-disagree.json", "$.first.items[0].target.selector[2]: ",
    "differs from 44–46 at $.first.items[0].target.selector[0]" },
  { "bad-quote-ambiguous.json", "$.first.items[0].target.selector: ", "more than once" },
  { "bad-quote-missing.json", "$.first.items[0].target.selector: ", "does not occur" },
  { "bad-whole-resource.json", "$.first.items[0].target: ", "whole resource" },
  { "bad-no-selector.json", "$.first.items[0].target.selector: ",
    "no TextPositionSelector or TextQuoteSelector" },
  { "bad-refined.json", "$.first.items[0].target.selector[0]: ", "refinedBy" },
  { "bad-source.json", "$.first.items[0].target.source: ", "holds another text" },
  { "bad-two-sources.json", "$.first.items[1].target.source: ", "one article at a time" },
  { "bad-duplicate.json", "$.first.items[2]: ", "same span" },
  { "bad-entity-id.json", "$.first.items[0].id: ", "not end in a valid entity id" },
  { "bad-creator.json", "$.first.items[0].creator[1].nickname: ", "expected a string" },
  { "bad-id.json", "$.first.items[0].id: ", "not an IRI" },
  { "bad-accent.json", "$.target.selector: ", "between a letter and its accent" },
  { "bad-no-text.json", "W3C annotations do not hold the article", "bad-no-text.txt" },
  { "bad-text-encoding.txt", "Invalid UTF-8 at byte 1", "" },
};

/* One file per kind of error; each message starts with the file's name and the place. */
static void
test_import_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      const BadInput *bad = &bad_inputs[i];
      g_autofree char *named = w3c_path (bad->name);
      g_autofree char *json_path = NULL;
      g_autoptr(GFile) input = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnFile) file = NULL;
      g_autofree char *warning = NULL;
      g_autofree char *prefix = NULL;

      /* An error in the text is named after the text file, beside the annotations. */
      if (g_str_has_suffix (bad->name, ".txt"))
        {
          g_autofree char *base = g_strndup (named, strlen (named) - strlen (".txt"));

          json_path = g_strconcat (base, ".json", NULL);
        }
      else
        json_path = g_strdup (named);

      g_test_message ("%s", bad->name);
      input = g_file_new_for_path (json_path);
      file = ann_format_w3c_import (input, &warning, &error);
      g_assert_null (file);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);

      prefix = g_strconcat (named, ": ", bad->where, NULL);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, bad->message));
    }
}

static void
test_import_missing (void)
{
  g_autofree char *path = w3c_path ("no-such-file.json");
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = ann_format_w3c_import (input, NULL, &error);

  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/w3c/export/golden", test_export_golden);
  g_test_add_func ("/format/w3c/import/golden", test_import_golden);
  g_test_add_func ("/format/w3c/round-trip", test_round_trip);
  g_test_add_func ("/format/w3c/round-trip/extras", test_round_trip_extras);
  g_test_add_func ("/format/w3c/import/foreign", test_import_foreign);
  g_test_add_func ("/format/w3c/import/errors", test_import_errors);
  g_test_add_func ("/format/w3c/import/missing", test_import_missing);

  return g_test_run ();
}
