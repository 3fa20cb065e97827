/* test-format-conll.c: CoNLL export with IOB2 tags, and import of IOB1, IOB2 and BIOES
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-conll.h"
#include "test-tmp.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static AnnFile *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnFile *file = ann_file_load (input, &error);

  g_assert_no_error (error);
  return file;
}

/* The single part of an export, as a string. */
static char *
export_conll (AnnFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = ann_format_conll_export (file, &error);
  AnnExportPart *part;
  gsize length;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (parts);
  g_assert_cmpuint (parts->len, ==, 1);
  part = g_ptr_array_index (parts, 0);
  g_assert_null (part->suffix);
  data = g_bytes_get_data (part->data, &length);
  return g_strndup (data, length);
}

static AnnFile *
document_with_entities (const char *text,
                        ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = ann_document_new (text, &error);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  AnnFile *file;
  const char *label;
  va_list args;

  g_assert_no_error (error);
  file = ann_file_new (document, labels);
  va_start (args, text);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      guint start = va_arg (args, guint);
      guint end = va_arg (args, guint);
      g_autoptr(AnnEntity) entity = ann_file_create_entity (file, label, start, end, &error);

      g_assert_no_error (error);
      g_assert_true (ann_entity_store_add (ann_file_get_entities (file), entity, &error));
      g_assert_no_error (error);
    }
  va_end (args);
  return file;
}

static AnnFile *
import_path (const char  *path,
             char       **warning,
             GError     **error)
{
  g_autoptr(GFile) input = g_file_new_for_path (path);

  return ann_format_conll_import (input, warning, error);
}

static AnnFile *
import_fixture (const char  *name,
                char       **warning)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  AnnFile *file = import_path (path, warning, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

/* "LABEL text|LABEL text|…", in file order, to compare entities in one assertion. */
static char *
describe_entities (AnnFile *file)
{
  g_autoptr(GPtrArray) entities = ann_entity_store_dup_all (ann_file_get_entities (file));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);

      g_string_append_printf (out, "%s%s %s", i > 0 ? "|" : "",
                              ann_entity_get_label (entity), ann_entity_get_text (entity));
    }
  return g_string_free (out, FALSE);
}

static void
assert_imports_as (const char *name,
                   const char *text,
                   const char *entities)
{
  g_autoptr(AnnFile) file = import_fixture (name, NULL);
  g_autofree char *described = describe_entities (file);

  g_assert_cmpstr (ann_document_get_text (ann_file_get_document (file)), ==, text);
  g_assert_cmpstr (described, ==, entities);
}

/* --- export ------------------------------------------------------------------------------- */

static void
test_export_golden (void)
{
  g_autoptr(AnnFile) file = load_fixture ("valid/formats-article.json");
  g_autofree char *golden_path = fixture_path ("formats/conll/formats-article.conll");
  g_autofree char *golden = NULL;
  g_autofree char *output = export_conll (file);

  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  g_assert_cmpstr (output, ==, golden);
}

static void
test_export_tags (void)
{
  /* Two touching PER entities stay apart (B- on each); LOC inside ORG flattens to ORG; an
   * entity across a full stop starts again with B- in the next sentence; an entity that starts
   * inside a token does not tag it (the token's first character is outside). */
  g_autoptr(AnnFile) file = document_with_entities ("An Bình ở Sở Y tế Huế. Rồi về nhà\n",
                                                    "PER", 0, 2,
                                                    "PER", 3, 7,
                                                    "ORG", 10, 26,
                                                    "LOC", 18, 21,
                                                    "MISC", 28, 33,
                                                    NULL);
  g_autofree char *output = export_conll (file);

  g_assert_cmpstr (output, ==,
                   "An\tB-PER\nBình\tB-PER\nở\tO\nSở\tB-ORG\nY\tI-ORG\ntế\tI-ORG\nHuế\tI-ORG\n"
                   ".\tI-ORG\n\nRồi\tB-ORG\nvề\tO\nnhà\tB-MISC\n");
}

/* A rejected entity is not exported (CoNLL has no status): it neither tags its tokens nor
 * hides the accepted entity inside it; a pending one counts. */
static void
test_export_leaves_out_rejected (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = document_with_entities ("Đà Nẵng 21/03/2022 Huế\n", NULL);
  AnnEntityStore *store = ann_file_get_entities (file);
  struct { const char *label; guint start, end; AnnEntityStatus status; } spans[] = {
    { "EVENT", 0, 18, ANN_ENTITY_STATUS_REJECTED },
    { "LOC", 0, 7, ANN_ENTITY_STATUS_ACCEPTED },
    { "DATE", 8, 18, ANN_ENTITY_STATUS_NONE },
    { "LOC", 19, 22, ANN_ENTITY_STATUS_PENDING },
  };
  g_autofree char *output = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(AnnEntity) entity = ann_file_create_entity (file, spans[i].label, spans[i].start,
                                                            spans[i].end, &error);

      g_assert_no_error (error);
      ann_entity_set_status (entity, spans[i].status);
      g_assert_true (ann_entity_store_add (store, entity, &error));
    }

  output = export_conll (file);
  g_assert_cmpstr (output, ==, "Đà\tB-LOC\nNẵng\tI-LOC\n21/03/2022\tB-DATE\nHuế\tB-LOC\n");
}

static void
test_export_empty (void)
{
  g_autoptr(AnnFile) file = document_with_entities (" \n\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = ann_format_conll_export (file, &error);

  g_assert_null (parts);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
}

/* --- round trip --------------------------------------------------------------------------- */

static void
test_round_trip (void)
{
  g_autoptr(AnnFile) file = load_fixture ("valid/formats-article.json");
  g_autofree char *output = export_conll (file);
  g_autofree char *directory = test_tmp_dir ("test-format-conll");
  g_autofree char *path = g_build_filename (directory, "article.conll", NULL);
  g_autoptr(AnnFile) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  g_autofree char *described = NULL;

  g_assert_true (g_file_set_contents (path, output, -1, NULL));
  imported = import_path (path, NULL, &error);
  g_assert_no_error (error);

  /* The outermost entities come back, with their labels; the MISC entity across the line
   * break comes back as two, one per sentence; nested ones and notes are lost. */
  described = describe_entities (imported);
  g_assert_cmpstr (described, ==,
                   "LOC Đắk Nông|ORG Tỉnh ủy Đắk Nông|PER Vũ Tiến Lư|"
                   "DOC Nghị quyết Đại hội XIII của Đảng|DATE 21/03/2022|PER Lư|"
                   "MISC Kế hoạch số 39-KH/TU|MISC phải xong|DATE quý I/2022");
  g_assert_cmpstr (ann_document_get_title (ann_file_get_document (imported)), ==,
                   "Tin vui 😀 từ Đắk Nông");

  /* Exporting the import gives the same file. */
  again = export_conll (imported);
  g_assert_cmpstr (again, ==, output);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

/* --- import ------------------------------------------------------------------------------- */

static void
test_import_iob1 (void)
{
  assert_imports_as ("formats/conll/iob1.conll",
                     "Ông Nguyễn Văn An và Bình Chi thăm Đà Nẵng .\nSở Y tế Hà Nội\n",
                     "PER Nguyễn Văn An|PER Bình|PER Chi|LOC Đà Nẵng|ORG Sở Y tế|LOC Hà Nội");
}

static void
test_import_bioes (void)
{
  assert_imports_as ("formats/conll/bioes.conll",
                     "Ông Nguyễn Văn An thăm Huế và Đà Nẵng .\nLư Trang\n",
                     "PER Nguyễn Văn An|LOC Huế|LOC Đà Nẵng|PER Lư|PER Trang");
}

static void
test_import_columns (void)
{
  g_autofree char *warning = NULL;
  g_autoptr(AnnFile) file = import_fixture ("formats/conll/columns.conll", &warning);
  g_autofree char *described = describe_entities (file);

  g_assert_cmpstr (ann_document_get_text (ann_file_get_document (file)), ==,
                   "Ông Nguyễn Văn An đến Đà Nẵng .\nTỉnh ủy Quảng Trị\n");
  g_assert_cmpstr (described, ==, "PER Nguyễn Văn An|LOC Đà Nẵng|ORG Tỉnh ủy|LOC Quảng Trị");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "2 documents"));
}

static void
test_import_nfd (void)
{
  g_autoptr(AnnFile) file = import_fixture ("formats/conll/nfd.conll", NULL);
  AnnEntity *place = ann_entity_store_find (ann_file_get_entities (file), 8, 16, "LOC");

  g_assert_cmpstr (ann_document_get_text (ann_file_get_document (file)), ==,
                   "Tỉnh ủy Đắk Nông mở hội nghị\n");
  g_assert_nonnull (place);
  g_assert_cmpstr (ann_entity_get_text (place), ==, "Đắk Nông");
  g_assert_nonnull (ann_entity_store_find (ann_file_get_entities (file), 0, 7, "ORG"));
}

/* A BOM, CR LF line ends and trailing blanks are accepted. */
static void
test_import_crlf (void)
{
  g_autofree char *directory = test_tmp_dir ("test-format-conll");
  g_autofree char *path = g_build_filename (directory, "crlf.conll", NULL);
  g_autoptr(AnnFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;

  g_assert_true (g_file_set_contents (path, "\xef\xbb\xbfÔng\tO\r\nLư\tB-PER\t \r\n\r\n.\tO\r\n",
                                      -1, NULL));
  file = import_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ann_document_get_text (ann_file_get_document (file)), ==, "Ông Lư\n.\n");
  described = describe_entities (file);
  g_assert_cmpstr (described, ==, "PER Lư");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

static void
test_import_labels (void)
{
  /* An unknown label is added to the default ones, named after its id. */
  g_autofree char *directory = test_tmp_dir ("test-format-conll");
  g_autofree char *path = g_build_filename (directory, "labels.conll", NULL);
  g_autoptr(AnnFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AnnLabel *label;

  g_assert_true (g_file_set_contents (path, "Covid-19\tB-DISEASE\n", -1, NULL));
  file = import_path (path, NULL, &error);
  g_assert_no_error (error);
  label = ann_label_schema_lookup (ann_file_get_labels (file), "DISEASE");
  g_assert_nonnull (label);
  g_assert_cmpstr (ann_label_get_name (label), ==, "DISEASE");
  g_assert_nonnull (ann_label_schema_lookup (ann_file_get_labels (file), "PER"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

static void
test_import_errors (void)
{
  const struct {
    const char *name;
    const char *place;   /* after the path: ":LINE: " or ": " */
    const char *message;
  } cases[] = {
    { "bad-tag.conll", ":2: ", "bad tag “B_PER”" },
    { "bad-one-column.conll", ":2: ", "expected a token and a tag" },
    { "bad-empty-token.conll", ":2: ", "empty token" },
    { "bad-space-token.conll", ":2: ", "the token “Đắk Nông” contains white space" },
    { "bad-mixed.conll", ":5: ",
      "I-PER follows O; in IOB2 a chunk starts with B-PER (and the file cannot be IOB1, "
      "since line 1 starts a chunk with B-ORG)" },
    { "bad-wrong-type.conll", ":3: ", "I-LOC follows B-PER; in IOB2 a chunk starts with B-LOC" },
    { "bad-bioes-continue.conll", ":3: ", "E-PER follows S-PER; in BIOES" },
    { "bad-bioes-unended.conll", ":4: ", "O follows I-PER; in BIOES a chunk of several tokens "
      "ends with E-PER" },
    { "bad-bioes-sentence.conll", ":3: ", "the sentence ends after I-PER" },
    { "bad-no-tokens.conll", ": ", "the file holds no tokens" },
    { "bad-utf8.conll", ": ", "Invalid UTF-8 at byte" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *relative = g_build_filename ("formats", "conll", cases[i].name, NULL);
      g_autofree char *path = fixture_path (relative);
      g_autoptr(GFile) input = g_file_new_for_path (path);
      g_autofree char *name = g_file_get_parse_name (input);
      g_autofree char *prefix = g_strconcat (name, cases[i].place, NULL);
      g_autofree char *warning = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnFile) file = ann_format_conll_import (input, &warning, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(no error)");
      g_assert_null (file);
      g_assert_null (warning);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ANN_ERROR);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_import_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = import_path ("/nonexistent/article.conll", NULL, &error);

  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/conll/export/golden", test_export_golden);
  g_test_add_func ("/format/conll/export/tags", test_export_tags);
  g_test_add_func ("/format/conll/export/leaves-out-rejected", test_export_leaves_out_rejected);
  g_test_add_func ("/format/conll/export/empty", test_export_empty);
  g_test_add_func ("/format/conll/round-trip", test_round_trip);
  g_test_add_func ("/format/conll/import/iob1", test_import_iob1);
  g_test_add_func ("/format/conll/import/bioes", test_import_bioes);
  g_test_add_func ("/format/conll/import/columns", test_import_columns);
  g_test_add_func ("/format/conll/import/nfd", test_import_nfd);
  g_test_add_func ("/format/conll/import/crlf", test_import_crlf);
  g_test_add_func ("/format/conll/import/labels", test_import_labels);
  g_test_add_func ("/format/conll/import/errors", test_import_errors);
  g_test_add_func ("/format/conll/import/missing", test_import_missing);

  return g_test_run ();
}
