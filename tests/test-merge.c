/* test-merge.c: merging annotators' files into a gold file (DESIGN.md, section 7)
 *
 * The files annotate one sentence; the spans used (code points):
 *
 *   Bí thư Tỉnh ủy Đắk Nông Vũ Tiến Lư dự Hội nghị Trung ương 4.
 *   "Bí thư" 0–6, "Tỉnh ủy Đắk Nông" 7–23, "Đắk Nông" 15–23, "Vũ Tiến Lư" 24–34,
 *   "Tiến Lư" 27–34, "Hội nghị Trung ương 4" 38–59
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-error.h"
#include "ann-merge.h"

#define TEXT "Bí thư Tỉnh ủy Đắk Nông Vũ Tiến Lư dự Hội nghị Trung ương 4.\n"

/* A file of TEXT by @annotator with the entities that follow as (label, text) pairs, ending
 * with NULL; a label written "!PER" makes a rejected entity. */
static AnnFile *
make_file (const char *annotator,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = ann_document_new (TEXT, &error);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  AnnFile *file;
  const char *label;
  va_list args;

  g_assert_no_error (error);
  file = ann_file_new (document, labels);
  ann_file_set_annotator (file, annotator);

  va_start (args, annotator);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      const char *needle = va_arg (args, const char *);
      const char *found = strstr (TEXT, needle);
      gboolean rejected = label[0] == '!';
      g_autoptr(AnnEntity) entity = NULL;
      guint start;

      g_assert_nonnull (found);
      start = g_utf8_pointer_to_offset (TEXT, found);
      entity = ann_file_create_entity (file, label + rejected, start,
                                       start + g_utf8_strlen (needle, -1), &error);
      g_assert_no_error (error);
      if (rejected)
        ann_entity_set_status (entity, ANN_ENTITY_STATUS_REJECTED);
      ann_entity_store_add (ann_file_get_entities (file), entity, &error);
      g_assert_no_error (error);
    }
  va_end (args);

  return file;
}

/* Gives the entity of @file with this label and text a note, a reference and a status. */
static void
annotate (AnnFile         *file,
          const char      *label,
          const char      *needle,
          const char      *note,
          const char      *ref,
          AnnEntityStatus  status)
{
  AnnEntityStore *store = ann_file_get_entities (file);
  guint start = g_utf8_pointer_to_offset (TEXT, strstr (TEXT, needle));
  AnnEntity *entity = ann_entity_store_find (store, start, start + g_utf8_strlen (needle, -1), label);
  g_autoptr(AnnEntity) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (entity);
  copy = ann_entity_copy (entity);
  ann_entity_set_note (copy, note);
  ann_entity_set_ref (copy, ref);
  ann_entity_set_status (copy, status);
  ann_entity_store_replace (store, entity, copy, &error);
  g_assert_no_error (error);
}

static GPtrArray *
files_of (AnnFile *first,
          ...)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (AnnFile *file = first; file != NULL; file = va_arg (args, AnnFile *))
    g_ptr_array_add (files, file);
  va_end (args);
  return files;
}

/* Names are the files' annotators, as ann_agreement_annotator_names() gives them here. */
static AnnFile *
merge (GPtrArray  *files,
       guint       min_agree,
       const char *annotator)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  AnnFile *gold;

  for (guint i = 0; i < files->len; i++)
    g_strv_builder_add (builder, ann_file_get_annotator (g_ptr_array_index (files, i)));
  names = g_strv_builder_end (builder);
  gold = ann_merge (files, (const char * const *) names, min_agree, annotator, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gold);
  return gold;
}

/* Checks the gold entities against lines "T1 ORG 7 23 accepted an,chi", one per entity. */
static void
assert_entities (AnnFile    *gold,
                 const char *expected)
{
  AnnEntityStore *store = ann_file_get_entities (gold);
  g_autoptr(GString) actual = g_string_new (NULL);

  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, i);
      g_autofree char *annotators = g_strjoinv (",", (char **) ann_entity_get_annotators (entity));

      g_string_append_printf (actual, "%s %s %u %u %s %s\n", ann_entity_get_id (entity),
                              ann_entity_get_label (entity), ann_entity_get_start (entity),
                              ann_entity_get_end (entity),
                              ann_entity_status_to_string (ann_entity_get_status (entity)),
                              annotators);
    }
  g_assert_cmpstr (actual->str, ==, expected);
}

static void
test_default_min_agree (void)
{
  /* More than half. */
  g_assert_cmpuint (ann_merge_default_min_agree (1), ==, 1);
  g_assert_cmpuint (ann_merge_default_min_agree (2), ==, 2);
  g_assert_cmpuint (ann_merge_default_min_agree (3), ==, 2);
  g_assert_cmpuint (ann_merge_default_min_agree (4), ==, 3);
  g_assert_cmpuint (ann_merge_default_min_agree (5), ==, 3);
}

/* Two files: accepted only when both have it. */
static void
test_two_files (void)
{
  g_autoptr(GPtrArray) files = files_of (make_file ("an", "ORG", "Tỉnh ủy Đắk Nông", "PER", "Vũ Tiến Lư", NULL),
                                         make_file ("binh", "PER", "Vũ Tiến Lư", "LOC", "Đắk Nông", NULL),
                                         NULL);
  g_autoptr(AnnFile) gold = merge (files, 0, NULL);

  assert_entities (gold,
                   "T1 ORG 7 23 pending an\n"
                   "T2 LOC 15 23 pending binh\n"
                   "T3 PER 24 34 accepted an,binh\n");
}

static GPtrArray *
three_files (void)
{
  return files_of (make_file ("an", "PER", "Vũ Tiến Lư", "ORG", "Tỉnh ủy Đắk Nông",
                              "EVENT", "Hội nghị Trung ương 4", NULL),
                   make_file ("binh", "PER", "Vũ Tiến Lư", "LOC", "Đắk Nông",
                              "EVENT", "Hội nghị Trung ương 4", NULL),
                   make_file ("chi", "PER", "Tiến Lư", "ORG", "Tỉnh ủy Đắk Nông",
                              "EVENT", "Hội nghị Trung ương 4", NULL),
                   NULL);
}

/* Three files: two of three by default; every candidate goes in, in file order. */
static void
test_three_files (void)
{
  g_autoptr(GPtrArray) files = three_files ();
  g_autoptr(AnnFile) gold = merge (files, 0, NULL);

  assert_entities (gold,
                   "T1 ORG 7 23 accepted an,chi\n"
                   "T2 LOC 15 23 pending binh\n"
                   "T3 PER 24 34 accepted an,binh\n"
                   "T4 PER 27 34 pending chi\n"
                   "T5 EVENT 38 59 accepted an,binh,chi\n");
}

/* --min-agree 1 accepts every candidate; --min-agree 3 (all of them) only the unanimous. */
static void
test_min_agree_bounds (void)
{
  g_autoptr(GPtrArray) files = three_files ();
  g_autoptr(AnnFile) everyone = merge (files, 1, NULL);
  g_autoptr(AnnFile) unanimous = merge (files, 3, NULL);

  assert_entities (everyone,
                   "T1 ORG 7 23 accepted an,chi\n"
                   "T2 LOC 15 23 accepted binh\n"
                   "T3 PER 24 34 accepted an,binh\n"
                   "T4 PER 27 34 accepted chi\n"
                   "T5 EVENT 38 59 accepted an,binh,chi\n");
  assert_entities (unanimous,
                   "T1 ORG 7 23 pending an,chi\n"
                   "T2 LOC 15 23 pending binh\n"
                   "T3 PER 24 34 pending an,binh\n"
                   "T4 PER 27 34 pending chi\n"
                   "T5 EVENT 38 59 accepted an,binh,chi\n");
}

/* Four files: three of four by default, so two of four stays pending. */
static void
test_four_files (void)
{
  g_autoptr(GPtrArray) files =
    files_of (make_file ("an", "PER", "Vũ Tiến Lư", "ORG", "Tỉnh ủy Đắk Nông",
                         "EVENT", "Hội nghị Trung ương 4", NULL),
              make_file ("binh", "PER", "Vũ Tiến Lư", "ORG", "Tỉnh ủy Đắk Nông",
                         "EVENT", "Hội nghị Trung ương 4", NULL),
              make_file ("chi", "PER", "Vũ Tiến Lư", "EVENT", "Hội nghị Trung ương 4", NULL),
              make_file ("dung", "LOC", "Đắk Nông", "EVENT", "Hội nghị Trung ương 4", NULL),
              NULL);
  g_autoptr(AnnFile) gold = merge (files, 0, NULL);

  assert_entities (gold,
                   "T1 ORG 7 23 pending an,binh\n"
                   "T2 LOC 15 23 pending dung\n"
                   "T3 PER 24 34 accepted an,binh,chi\n"
                   "T4 EVENT 38 59 accepted an,binh,chi,dung\n");
}

/* `annotators` follows the order in which the files were given, not the alphabet. */
static void
test_annotators_order (void)
{
  g_autoptr(GPtrArray) files = files_of (make_file ("chi", "PER", "Vũ Tiến Lư", NULL),
                                         make_file ("an", "PER", "Vũ Tiến Lư", NULL),
                                         make_file ("binh", "PER", "Vũ Tiến Lư", NULL), NULL);
  g_autoptr(AnnFile) gold = merge (files, 0, NULL);

  assert_entities (gold, "T1 PER 24 34 accepted chi,an,binh\n");
}

/* Rejected entities are not the annotator's: binh's rejected PER does not count towards an's,
 * and binh's rejected LOC is no candidate at all. An input status does not carry over. */
static void
test_rejected_and_statuses (void)
{
  g_autoptr(GPtrArray) files = files_of (make_file ("an", "PER", "Vũ Tiến Lư", "ORG", "Tỉnh ủy Đắk Nông", NULL),
                                         make_file ("binh", "!PER", "Vũ Tiến Lư", "!LOC", "Đắk Nông",
                                                    "ORG", "Tỉnh ủy Đắk Nông", NULL),
                                         NULL);
  g_autoptr(AnnFile) gold = NULL;

  annotate (g_ptr_array_index (files, 0), "PER", "Vũ Tiến Lư", NULL, NULL, ANN_ENTITY_STATUS_ACCEPTED);
  gold = merge (files, 0, NULL);
  assert_entities (gold,
                   "T1 ORG 7 23 accepted an,binh\n"
                   "T2 PER 24 34 pending an\n");
}

/* Notes and references: one value is kept as it is; different ones are each kept once, after
 * the names of who gave them, in file order. */
static void
test_notes_and_refs (void)
{
  g_autoptr(GPtrArray) files = three_files ();
  g_autoptr(AnnFile) gold = NULL;
  AnnEntityStore *store;
  AnnEntity *per, *org, *event;

  annotate (g_ptr_array_index (files, 0), "PER", "Vũ Tiến Lư", "Bí thư", "Q1", ANN_ENTITY_STATUS_NONE);
  annotate (g_ptr_array_index (files, 1), "PER", "Vũ Tiến Lư", "Bí thư Tỉnh ủy", "Q1",
            ANN_ENTITY_STATUS_NONE);
  annotate (g_ptr_array_index (files, 0), "EVENT", "Hội nghị Trung ương 4", "khóa XIII", "Q7",
            ANN_ENTITY_STATUS_NONE);
  annotate (g_ptr_array_index (files, 1), "EVENT", "Hội nghị Trung ương 4", "khóa XII", "Q8",
            ANN_ENTITY_STATUS_NONE);
  annotate (g_ptr_array_index (files, 2), "EVENT", "Hội nghị Trung ương 4", "khóa XIII", NULL,
            ANN_ENTITY_STATUS_NONE);
  annotate (g_ptr_array_index (files, 2), "ORG", "Tỉnh ủy Đắk Nông", "cấp tỉnh", NULL,
            ANN_ENTITY_STATUS_NONE);

  gold = merge (files, 0, NULL);
  store = ann_file_get_entities (gold);
  org = ann_entity_store_get_nth (store, 0);
  per = ann_entity_store_get_nth (store, 2);
  event = ann_entity_store_get_nth (store, 4);

  g_assert_cmpstr (ann_entity_get_note (org), ==, "cấp tỉnh");
  g_assert_null (ann_entity_get_ref (org));
  g_assert_cmpstr (ann_entity_get_note (per), ==, "an: Bí thư; binh: Bí thư Tỉnh ủy");
  g_assert_cmpstr (ann_entity_get_ref (per), ==, "Q1");
  g_assert_cmpstr (ann_entity_get_note (event), ==, "an, chi: khóa XIII; binh: khóa XII");
  g_assert_cmpstr (ann_entity_get_ref (event), ==, "an: Q7; binh: Q8");
}

/* The labels are the union of the schemas, the first definition winning; a later label whose
 * key is taken loses the key. */
static void
test_labels_union (void)
{
  g_autoptr(AnnFile) an = make_file ("an", NULL);
  g_autoptr(AnnFile) binh = make_file ("binh", NULL);
  g_autoptr(AnnFile) chi = NULL;
  g_autoptr(AnnLabel) title = ann_label_new ("TITLE", "Chức danh", "#99c1f1", "8");
  g_autoptr(AnnLabel) title_again = ann_label_new ("TITLE", "Danh hiệu", NULL, "9");
  g_autoptr(AnnLabel) role = ann_label_new ("ROLE", "Vai trò", NULL, "8");
  g_autoptr(AnnLabel) person = ann_label_new ("PER", "Người", NULL, NULL);
  g_autoptr(AnnLabelSchema) chi_labels = ann_label_schema_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(AnnFile) gold = NULL;
  AnnLabelSchema *labels;

  /* binh adds TITLE (key 8); chi has its own PER and TITLE, and ROLE also on key 8. */
  g_assert_true (ann_label_schema_add (ann_file_get_labels (binh), title, NULL));
  g_assert_true (ann_label_schema_add (chi_labels, person, NULL));
  g_assert_true (ann_label_schema_add (chi_labels, title_again, NULL));
  g_assert_true (ann_label_schema_add (chi_labels, role, NULL));
  chi = ann_file_new (ann_file_get_document (an), chi_labels);
  ann_file_set_annotator (chi, "chi");
  files = files_of (g_object_ref (an), g_object_ref (binh), g_object_ref (chi), NULL);

  gold = merge (files, 0, NULL);
  labels = ann_file_get_labels (gold);
  g_assert_cmpuint (ann_label_schema_get_n_labels (labels), ==, 9);
  g_assert_cmpstr (ann_label_get_name (ann_label_schema_lookup (labels, "PER")), ==, "Person");
  g_assert_cmpstr (ann_label_get_name (ann_label_schema_lookup (labels, "TITLE")), ==, "Chức danh");
  g_assert_cmpstr (ann_label_get_key (ann_label_schema_lookup (labels, "TITLE")), ==, "8");
  g_assert_null (ann_label_get_key (ann_label_schema_lookup (labels, "ROLE")));
  g_assert_cmpstr (ann_label_get_id (ann_label_schema_get_nth (labels, 7)), ==, "TITLE");
  g_assert_cmpstr (ann_label_get_id (ann_label_schema_get_nth (labels, 8)), ==, "ROLE");
}

/* The gold file loads with the native loader and saves to the same bytes; the ids run T1…
 * in file order; the annotator is the caller's, or none. */
static void
test_output_loads (void)
{
  g_autoptr(GPtrArray) files = three_files ();
  g_autoptr(AnnFile) gold = merge (files, 0, "mai");
  g_autoptr(AnnFile) unnamed = merge (files, 0, NULL);
  g_autoptr(AnnFile) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize length;

  g_assert_cmpstr (ann_file_get_annotator (gold), ==, "mai");
  g_assert_null (ann_file_get_annotator (unnamed));
  g_assert_cmpstr (ann_document_get_id (ann_file_get_document (gold)), ==,
                   ann_document_get_id (ann_file_get_document (g_ptr_array_index (files, 0))));
  g_assert_true (ann_file_get_document (gold) != ann_file_get_document (g_ptr_array_index (files, 0)));

  data = ann_file_serialize (gold, &length);
  reloaded = ann_file_load_data (data, length, "gold.json", &error);
  g_assert_no_error (error);
  again = ann_file_serialize (reloaded, NULL);
  g_assert_cmpstr (again, ==, data);
  g_assert_nonnull (strstr (data, "\"id\": \"T5\",\n      \"label\": \"EVENT\""));
  g_assert_nonnull (strstr (data, "\"annotators\": [\n        \"an\",\n        \"binh\",\n        \"chi\"\n      ]"));
}

static void
test_refusals (void)
{
  g_autoptr(GPtrArray) files = files_of (make_file ("an", NULL), make_file ("binh", NULL), NULL);
  g_autoptr(GPtrArray) mixed = files_of (make_file ("an", NULL), make_file ("binh", NULL), NULL);
  g_autoptr(AnnDocument) other = ann_document_new ("Tin khác.\n", NULL);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  const char * const names[] = { "an.json", "binh.json", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) gold = NULL;

  /* Three annotators cannot agree among two files. */
  gold = ann_merge (files, names, 3, NULL, &error);
  g_assert_null (gold);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
  g_clear_error (&error);

  g_object_unref (g_ptr_array_index (mixed, 1));
  g_ptr_array_index (mixed, 1) = ann_file_new (other, labels);
  gold = ann_merge (mixed, names, 0, NULL, &error);
  g_assert_null (gold);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "an.json: sha256:"));
  g_assert_nonnull (strstr (error->message, "binh.json: sha256:"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/default-min-agree", test_default_min_agree);
  g_test_add_func ("/merge/two-files", test_two_files);
  g_test_add_func ("/merge/three-files", test_three_files);
  g_test_add_func ("/merge/min-agree-bounds", test_min_agree_bounds);
  g_test_add_func ("/merge/four-files", test_four_files);
  g_test_add_func ("/merge/annotators-order", test_annotators_order);
  g_test_add_func ("/merge/rejected-and-statuses", test_rejected_and_statuses);
  g_test_add_func ("/merge/notes-and-refs", test_notes_and_refs);
  g_test_add_func ("/merge/labels-union", test_labels_union);
  g_test_add_func ("/merge/output-loads", test_output_loads);
  g_test_add_func ("/merge/refusals", test_refusals);

  return g_test_run ();
}
