/* test-format-brat.c: brat standoff export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-brat.h"
#include "test-tmp.h"

static const AnnFormat brat_format = {
  "brat", "brat", "ann", ann_format_brat_import, ann_format_brat_export,
};

static char *
brat_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "formats", "brat", name, NULL);
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
load_formats_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                 "formats-article.json", NULL);

  return load_native (path);
}

static AnnFile *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autofree char *warning = NULL;
  AnnFile *file = ann_format_brat_import (input, &warning, error);

  g_assert_null (warning);
  g_assert_true ((file == NULL) != (error == NULL || *error == NULL));
  return file;
}

static AnnFile *
import_fixture (const char *name)
{
  g_autofree char *path = brat_fixture (name);
  g_autoptr(GError) error = NULL;
  AnnFile *file = import_path (path, &error);

  g_assert_no_error (error);
  return file;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = test_tmp_dir ("test-format-brat");

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Exports @file as DIR/article.txt and DIR/article.ann, through the same code that the
 * command line and the window use; returns the .ann path. */
static char *
export_to_dir (AnnFile    *file,
               const char *dir)
{
  g_autofree char *prefix = g_build_filename (dir, "article", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (prefix);
  g_autoptr(GError) error = NULL;

  g_assert_true (ann_format_export_to (&brat_format, file, output, NULL, &error));
  g_assert_no_error (error);
  return g_strconcat (prefix, ".ann", NULL);
}

static void
assert_bytes_equal_file (GBytes     *bytes,
                         const char *path)
{
  g_autofree char *expected = NULL;
  gsize expected_length;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &expected, &expected_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (data, length, expected, expected_length);
}

/* Same entities: span, label, text, note, reference and status (and ids when asked). */
static void
assert_same_entities (AnnFile  *expected_file,
                      AnnFile  *actual_file,
                      gboolean  same_ids)
{
  AnnEntityStore *expected = ann_file_get_entities (expected_file);
  AnnEntityStore *actual = ann_file_get_entities (actual_file);

  g_assert_cmpstr (ann_document_get_text (ann_file_get_document (actual_file)), ==,
                   ann_document_get_text (ann_file_get_document (expected_file)));
  g_assert_cmpstr (ann_document_get_id (ann_file_get_document (actual_file)), ==,
                   ann_document_get_id (ann_file_get_document (expected_file)));
  g_assert_cmpuint (ann_entity_store_get_n_entities (actual), ==,
                    ann_entity_store_get_n_entities (expected));

  for (guint i = 0; i < ann_entity_store_get_n_entities (expected); i++)
    {
      AnnEntity *a = ann_entity_store_get_nth (expected, i);
      AnnEntity *b = ann_entity_store_get_nth (actual, i);

      if (same_ids)
        g_assert_cmpstr (ann_entity_get_id (b), ==, ann_entity_get_id (a));
      g_assert_cmpstr (ann_entity_get_label (b), ==, ann_entity_get_label (a));
      g_assert_cmpuint (ann_entity_get_start (b), ==, ann_entity_get_start (a));
      g_assert_cmpuint (ann_entity_get_end (b), ==, ann_entity_get_end (a));
      g_assert_cmpstr (ann_entity_get_text (b), ==, ann_entity_get_text (a));
      g_assert_cmpstr (ann_entity_get_note (b), ==, ann_entity_get_note (a));
      g_assert_cmpstr (ann_entity_get_ref (b), ==, ann_entity_get_ref (a));
      g_assert_cmpint (ann_entity_get_status (b), ==, ann_entity_get_status (a));
    }
}

static AnnEntity *
find_entity (AnnFile    *file,
             const char *text,
             const char *label)
{
  AnnEntityStore *store = ann_file_get_entities (file);

  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, i);

      if (strcmp (ann_entity_get_text (entity), text) == 0 &&
          strcmp (ann_entity_get_label (entity), label) == 0)
        return entity;
    }
  g_error ("no %s entity “%s”", label, text);
}

/* Replaces an entity of @file by a copy with @note, @ref and @status. */
static void
edit_entity (AnnFile         *file,
             const char      *id,
             const char      *note,
             const char      *ref,
             AnnEntityStatus  status)
{
  AnnEntityStore *store = ann_file_get_entities (file);
  AnnEntity *entity = ann_entity_store_lookup_id (store, id);
  g_autoptr(AnnEntity) copy = ann_entity_copy (entity);
  g_autoptr(GError) error = NULL;

  ann_entity_set_note (copy, note);
  ann_entity_set_ref (copy, ref);
  ann_entity_set_status (copy, status);
  g_assert_true (ann_entity_store_replace (store, entity, copy, &error));
  g_assert_no_error (error);
}

static AnnFile *
file_with_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = ann_document_new (text, &error);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();

  g_assert_no_error (error);
  return ann_file_new (document, labels);
}

static void
add_entity (AnnFile    *file,
            const char *label,
            guint       start,
            guint       end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnEntity) entity = ann_file_create_entity (file, label, start, end, &error);

  g_assert_no_error (error);
  g_assert_true (ann_entity_store_add (ann_file_get_entities (file), entity, &error));
  g_assert_no_error (error);
}

/* --- export ------------------------------------------------------------------------------- */

static void
test_export_golden (void)
{
  g_autoptr(AnnFile) file = load_formats_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = ann_format_brat_export (file, &error);
  g_autofree char *golden_txt = brat_fixture ("formats-article.txt");
  g_autofree char *golden_ann = brat_fixture ("formats-article.ann");
  AnnExportPart *txt, *ann;

  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 2);
  txt = g_ptr_array_index (parts, 0);
  ann = g_ptr_array_index (parts, 1);
  g_assert_cmpstr (txt->suffix, ==, ".txt");
  g_assert_cmpstr (ann->suffix, ==, ".ann");
  assert_bytes_equal_file (txt->data, golden_txt);
  assert_bytes_equal_file (ann->data, golden_ann);
}

static void
test_export_line_breaks (void)
{
  g_autoptr(AnnFile) file = file_with_text ("Kế hoạch số 39  \n\n  phải xong\nmai");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(AnnFile) back = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *ann_path = NULL;
  g_autofree char *ann = NULL;

  /* Two line breaks and the spaces around them: cut at each break, spaces kept, so that the
   * fragments' TEXT is exactly what brat shows. */
  add_entity (file, "MISC", 0, 29);
  add_entity (file, "DATE", 30, 33);
  ann_path = export_to_dir (file, dir);
  g_file_get_contents (ann_path, &ann, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ann, ==,
                   "T1\tMISC 0 16;18 29\tKế hoạch số 39     phải xong\n"
                   "T2\tDATE 30 33\tmai\n");

  back = import_path (ann_path, &error);
  g_assert_no_error (error);
  assert_same_entities (file, back, TRUE);
  remove_temp_dir (dir);

  /* A span that starts or ends with a line break has no brat form. */
  add_entity (file, "MISC", 14, 17);
  parts = ann_format_brat_export (file, &error);
  g_assert_null (parts);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“T3” (14–17) starts or ends with a line break"));
}

static void
test_export_empty (void)
{
  g_autoptr(AnnFile) file = file_with_text ("Không có thực thể.\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = ann_format_brat_export (file, &error);
  AnnExportPart *ann;

  g_assert_no_error (error);
  ann = g_ptr_array_index (parts, 1);
  g_assert_cmpuint (g_bytes_get_size (ann->data), ==, 0);
}

/* --- round trips -------------------------------------------------------------------------- */

static void
test_round_trip (void)
{
  g_autoptr(AnnFile) file = load_formats_article ();
  g_autoptr(AnnFile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *ann_path = export_to_dir (file, dir);

  back = import_path (ann_path, &error);
  g_assert_no_error (error);
  assert_same_entities (file, back, TRUE);
  g_assert_cmpstr (ann_document_get_source (ann_file_get_document (back)), ==, "article.txt");
  g_assert_cmpstr (ann_document_get_title (ann_file_get_document (back)), ==,
                   "Tin vui 😀 từ Đắk Nông");
  remove_temp_dir (dir);
}

static void
test_round_trip_sample (void)
{
  g_autofree char *path = g_build_filename (SAMPLE_DIR, "sample-article.json", NULL);
  g_autoptr(AnnFile) file = load_native (path);
  g_autoptr(AnnFile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *ann_path = export_to_dir (file, dir);

  back = import_path (ann_path, &error);
  g_assert_no_error (error);
  assert_same_entities (file, back, TRUE);
  remove_temp_dir (dir);
}

/* References of every kind, relations, and notes with what brat cannot hold. */
static void
test_round_trip_refs_and_relations (void)
{
  static const char * const refs[] = {
    "Q42", "GeoNames:1584534", "Wikidata:Q5", "Ref:x", "Bí thư 100%\tchắc",
    "http://vi.wikipedia.org/wiki/Đắk_Nông", "a\u00a0b",
  };
  static const char * const ids[] = { "T1", "T2", "T3", "T4", "T5", "T6", "T7" };
  g_autoptr(AnnFile) file = load_formats_article ();
  g_autoptr(AnnFile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *ann_path = NULL;
  g_autofree char *ann = NULL;
  GPtrArray *relations = ann_file_get_relations (file);
  GPtrArray *back_relations;

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    edit_entity (file, ids[i], NULL, refs[i], ANN_ENTITY_STATUS_REJECTED);
  g_ptr_array_add (relations, ann_relation_new ("rel-1", "leads", "T4", "T2"));
  g_ptr_array_add (relations, ann_relation_new ("rel-2", "part_of", "T6", "T5"));

  ann_path = export_to_dir (file, dir);
  g_file_get_contents (ann_path, &ann, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ann, "\nR1\tleads Arg1:T4 Arg2:T2\nR2\tpart_of Arg1:T6 Arg2:T5\n"));
  g_assert_nonnull (strstr (ann, "\nN1\tReference T1 Wikidata:Q42\tĐắk Nông\n"));
  g_assert_nonnull (strstr (ann, "\nN2\tReference T2 GeoNames:1584534\t"));
  g_assert_nonnull (strstr (ann, "\nN3\tReference T3 Ref:Wikidata:Q5\t"));
  g_assert_nonnull (strstr (ann, "\nN4\tReference T4 Ref:Ref:x\t"));
  g_assert_nonnull (strstr (ann, "\nN5\tReference T5 Ref:Bí%20thư%20100%25%09chắc\t"));
  g_assert_nonnull (strstr (ann, "\nN7\tReference T7 Ref:a%C2%A0b\t"));

  back = import_path (ann_path, &error);
  g_assert_no_error (error);
  assert_same_entities (file, back, TRUE);

  back_relations = ann_file_get_relations (back);
  g_assert_cmpuint (back_relations->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      AnnRelation *a = g_ptr_array_index (relations, i);
      AnnRelation *b = g_ptr_array_index (back_relations, i);
      g_autofree char *id = g_strdup_printf ("R%u", i + 1);

      g_assert_cmpstr (b->id, ==, id);
      g_assert_cmpstr (b->type, ==, a->type);
      g_assert_cmpstr (b->from, ==, a->from);
      g_assert_cmpstr (b->to, ==, a->to);
    }
  remove_temp_dir (dir);
}

static void
test_round_trip_flattened_note (void)
{
  g_autoptr(AnnFile) file = load_formats_article ();
  g_autoptr(AnnFile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *ann_path = NULL;
  const char *note;

  /* A note's TAB or line break would break its line: each becomes a space, documented loss. */
  edit_entity (file, "T1", "một\thai\nba", NULL, ANN_ENTITY_STATUS_NONE);
  ann_path = export_to_dir (file, dir);
  back = import_path (ann_path, &error);
  g_assert_no_error (error);
  note = ann_entity_get_note (ann_entity_store_lookup_id (ann_file_get_entities (back), "T1"));
  g_assert_cmpstr (note, ==, "một hai ba");
  remove_temp_dir (dir);
}

/* The ids of an export are T1…Tn in file order, whatever they were, and relations follow. */
static void
test_export_renumbers (void)
{
  g_autoptr(AnnFile) file = file_with_text ("Vũ Tiến Lư thăm Đắk Nông.");
  AnnEntityStore *store = ann_file_get_entities (file);
  g_autoptr(AnnEntity) place = ann_entity_new ("x-place", "LOC", 16, 24, "Đắk Nông");
  g_autoptr(AnnEntity) person = ann_entity_new ("T9", "PER", 0, 10, "Vũ Tiến Lư");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  AnnExportPart *ann;

  g_assert_true (ann_entity_store_add (store, place, &error));
  g_assert_true (ann_entity_store_add (store, person, &error));
  g_assert_no_error (error);
  g_ptr_array_add (ann_file_get_relations (file),
                   ann_relation_new ("visits", "visits", "T9", "x-place"));

  parts = ann_format_brat_export (file, &error);
  g_assert_no_error (error);
  ann = g_ptr_array_index (parts, 1);
  g_assert_cmpmem (g_bytes_get_data (ann->data, NULL), g_bytes_get_size (ann->data),
                   "T1\tPER 0 10\tVũ Tiến Lư\nT2\tLOC 16 24\tĐắk Nông\n"
                   "R1\tvisits Arg1:T1 Arg2:T2\n",
                   strlen ("T1\tPER 0 10\tVũ Tiến Lư\nT2\tLOC 16 24\tĐắk Nông\n"
                           "R1\tvisits Arg1:T1 Arg2:T2\n"));
}

/* --- import ------------------------------------------------------------------------------- */

static void
test_import_golden (void)
{
  g_autoptr(AnnFile) expected = load_formats_article ();
  g_autoptr(AnnFile) file = import_fixture ("formats-article.ann");

  assert_same_entities (expected, file, TRUE);
  g_assert_cmpuint (ann_file_get_relations (file)->len, ==, 0);
}

/* Decomposed (NFD) Vietnamese with CR LF line ends: brat counts every combining mark and every
 * CR, and the entities must land on the same characters of the normal (NFC, LF) text. */
static void
test_import_nfd_crlf (void)
{
  g_autoptr(AnnFile) file = import_fixture ("nfd-crlf.ann");
  AnnDocument *document = ann_file_get_document (file);
  AnnEntity *entity;

  g_assert_cmpstr (ann_document_get_text (document), ==,
                   "Bí thư Tỉnh ủy Đắk Nông\nVũ Tiến Lư thăm huyện\nĐắk Glong 😀.\n");
  g_assert_cmpuint (ann_entity_store_get_n_entities (ann_file_get_entities (file)), ==, 5);

  entity = find_entity (file, "Tỉnh ủy Đắk Nông", "ORG");
  g_assert_cmpuint (ann_entity_get_start (entity), ==, 7);
  g_assert_cmpuint (ann_entity_get_end (entity), ==, 23);
  g_assert_cmpint (ann_entity_get_status (entity), ==, ANN_ENTITY_STATUS_ACCEPTED);

  entity = find_entity (file, "Đắk Nông", "LOC");
  g_assert_cmpuint (ann_entity_get_start (entity), ==, 15);

  entity = find_entity (file, "Vũ Tiến Lư", "PER");
  g_assert_cmpuint (ann_entity_get_start (entity), ==, 24);
  g_assert_cmpstr (ann_entity_get_note (entity), ==, "Bí thư");

  /* Two fragments apart at a CR LF: one entity across the (now LF) line break. */
  entity = find_entity (file, "huyện\nĐắk Glong", "LOC");
  g_assert_cmpstr (ann_entity_get_id (entity), ==, "T4");
  g_assert_cmpuint (ann_entity_get_start (entity), ==, 40);
  g_assert_cmpuint (ann_entity_get_end (entity), ==, 55);

  entity = find_entity (file, "😀", "MISC");
  g_assert_cmpuint (ann_entity_get_start (entity), ==, 56);
}

/* brat keeps a UTF-8 byte order mark as the text's first character, and counts it. */
static void
test_import_bom (void)
{
  g_autoptr(AnnFile) file = import_fixture ("bom.ann");
  AnnEntity *entity = find_entity (file, "Đắk Nông", "LOC");

  g_assert_cmpstr (ann_document_get_text (ann_file_get_document (file)), ==,
                   "Vũ Tiến Lư thăm Đắk Nông.\n");
  g_assert_cmpuint (ann_entity_get_start (entity), ==, 16);
}

static void
test_import_utf16 (void)
{
  g_autoptr(AnnFile) file = import_fixture ("utf16.ann");
  AnnEntity *entity = find_entity (file, "Đắk Nông", "LOC");

  g_assert_cmpuint (ann_entity_get_start (entity), ==, 18);
}

static void
test_import_features (void)
{
  g_autoptr(AnnFile) file = import_fixture ("features.ann");
  AnnEntityStore *store = ann_file_get_entities (file);
  GPtrArray *relations = ann_file_get_relations (file);
  AnnRelation *relation;
  AnnEntity *entity;

  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 4);

  /* "Tper" is no brat id: renumbered to the first free one. */
  entity = find_entity (file, "Vũ Tiến Lư", "PER");
  g_assert_cmpstr (ann_entity_get_id (entity), ==, "T2");
  g_assert_cmpstr (ann_entity_get_note (entity), ==, "ghi chú\tcó TAB");
  g_assert_cmpstr (ann_entity_get_ref (entity), ==, "Q0000001");
  g_assert_cmpint (ann_entity_get_status (entity), ==, ANN_ENTITY_STATUS_PENDING);

  entity = find_entity (file, "Tỉnh ủy Đắk Nông", "ORG");
  g_assert_cmpstr (ann_entity_get_id (entity), ==, "T7");
  g_assert_cmpint (ann_entity_get_status (entity), ==, ANN_ENTITY_STATUS_REJECTED);

  entity = find_entity (file, "Đắk Nông", "LOC");
  g_assert_cmpstr (ann_entity_get_ref (entity), ==, "GeoNames:1584534");

  entity = find_entity (file, "huyện\nĐắk Glong", "LOC");
  g_assert_cmpstr (ann_entity_get_ref (entity), ==, "huyện Đắk Glong%");

  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->id, ==, "R4");
  g_assert_cmpstr (relation->type, ==, "leads");
  g_assert_cmpstr (relation->from, ==, "T2");
  g_assert_cmpstr (relation->to, ==, "T7");
}

static void
test_import_empty (void)
{
  g_autoptr(AnnFile) file = import_fixture ("empty.ann");

  g_assert_cmpuint (ann_entity_store_get_n_entities (ann_file_get_entities (file)), ==, 0);
}

typedef struct
{
  const char *name;
  guint       line;         /* 0: the message names the file without a line */
  const char *fragment;
} BadCase;

static const BadCase bad_cases[] = {
  { "past-end", 2, "past the end of the text (59 characters)" },
  { "text-mismatch", 2, "the text “Vũ Tiến” does not match the article at 24–34" },
  { "unknown-type", 2, "unknown line type “X1”" },
  { "malformed", 2, "malformed line: expected “TYPE START END⇥TEXT”" },
  { "bad-offset", 2, "malformed line: expected “START END”" },
  { "duplicate-id", 2, "the id “T1” is used twice" },
  { "missing-note-target", 2, "“#1” refers to “T9”, which does not exist" },
  { "missing-reference-target", 2, "“N1” refers to “T9”, which does not exist" },
  { "missing-status-target", 2, "“A1” refers to “T9”, which does not exist" },
  { "missing-relation-target", 2, "“R1” refers to “T9”, which does not exist" },
  { "event", 2, "events (E lines) are not supported" },
  { "equivalence", 3, "equivalences (* lines) are not supported" },
  { "attribute", 2, "the attribute “Negated” is not supported" },
  { "bad-status", 2, "the status must be pending, accepted or rejected, not “done”" },
  { "discontinuous", 2, "discontinuous spans are not supported" },
  { "discontinuous-across-break", 2, "discontinuous spans are not supported" },
  { "utf16-offsets", 2, "the offsets count UTF-16 code units" },
  { "duplicate-entity", 2, "" },
  { "note-on-relation", 4, "“#1” refers to “R1”, which is not an entity" },
  { "second-note", 3, "“T1” already has a note" },
  { "bad-escape", 2, "bad %-escape" },
  { "missing-text", 0, "missing-text.txt is missing" },
  { "invalid-utf8-ann", 1, "Invalid UTF-8 at byte 8" },
  /* Found by fuzzing (tests/fuzz): a T line with no offsets at all read fragment -1. */
  { "fuzz-no-offsets", 2, "malformed line: expected “START END”" },
};

static void
test_import_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bad = &bad_cases[i];
      g_autofree char *name = g_strconcat ("bad/", bad->name, ".ann", NULL);
      g_autofree char *path = brat_fixture (name);
      g_autofree char *prefix = bad->line ? g_strdup_printf ("%s:%u: ", path, bad->line)
                                          : g_strdup_printf ("%s: ", path);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnFile) file = import_path (path, &error);

      g_test_message ("%s: %s", bad->name, error ? error->message : "(no error)");
      g_assert_null (file);
      g_assert_true (error->domain == ANN_ERROR);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, bad->fragment));
    }
}

/* A .txt that is not UTF-8: the message names it and the byte. */
static void
test_import_bad_text_encoding (void)
{
  g_autofree char *path = brat_fixture ("bad/invalid-utf8-text.ann");
  g_autofree char *txt_path = brat_fixture ("bad/invalid-utf8-text.txt");
  g_autofree char *prefix = g_strconcat (txt_path, ": Invalid UTF-8 at byte 10", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = import_path (path, &error);

  g_assert_null (file);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* Every truncation of a valid .ann either imports or fails with an error: never a crash, a
 * hang or a half-built file. */
static void
test_import_truncated (void)
{
  g_autofree char *ann_path = brat_fixture ("features.ann");
  g_autofree char *txt_path = brat_fixture ("features.txt");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out_ann = g_build_filename (dir, "cut.ann", NULL);
  g_autofree char *out_txt = g_build_filename (dir, "cut.txt", NULL);
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  g_autoptr(GError) error = NULL;
  gsize ann_length;
  guint imported = 0;

  g_file_get_contents (ann_path, &ann, &ann_length, &error);
  g_file_get_contents (txt_path, &txt, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (out_txt, txt, -1, &error);
  g_assert_no_error (error);

  for (gsize cut = 0; cut <= ann_length; cut++)
    {
      g_autoptr(AnnFile) file = NULL;

      g_file_set_contents (out_ann, ann, cut, &error);
      g_assert_no_error (error);
      file = import_path (out_ann, &error);
      if (file != NULL)
        imported++;
      g_clear_error (&error);
    }
  g_assert_cmpuint (imported, >, 0);
  remove_temp_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/brat/export/golden", test_export_golden);
  g_test_add_func ("/format/brat/export/line-breaks", test_export_line_breaks);
  g_test_add_func ("/format/brat/export/empty", test_export_empty);
  g_test_add_func ("/format/brat/export/renumbers", test_export_renumbers);
  g_test_add_func ("/format/brat/round-trip/formats-article", test_round_trip);
  g_test_add_func ("/format/brat/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/format/brat/round-trip/refs-and-relations",
                   test_round_trip_refs_and_relations);
  g_test_add_func ("/format/brat/round-trip/flattened-note", test_round_trip_flattened_note);
  g_test_add_func ("/format/brat/import/golden", test_import_golden);
  g_test_add_func ("/format/brat/import/nfd-crlf", test_import_nfd_crlf);
  g_test_add_func ("/format/brat/import/bom", test_import_bom);
  g_test_add_func ("/format/brat/import/utf16", test_import_utf16);
  g_test_add_func ("/format/brat/import/features", test_import_features);
  g_test_add_func ("/format/brat/import/empty", test_import_empty);
  g_test_add_func ("/format/brat/import/errors", test_import_errors);
  g_test_add_func ("/format/brat/import/bad-text-encoding", test_import_bad_text_encoding);
  g_test_add_func ("/format/brat/import/truncated", test_import_truncated);

  return g_test_run ();
}
