/* test-import.c: moving another tool's offsets into the normal text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-error.h"
#include "ann-import.h"

/* "Đắk Nông" decomposed: Đ a+breve+acute k, N o+circumflex ng. */
#define DAK_NONG_NFD "\xc4\x90" "a\xcc\x86\xcc\x81" "k No\xcc\x82" "ng"

static AnnEntity *
add (AnnImport  *import,
     const char *label,
     guint       start,
     guint       end,
     const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnEntity) entity = ann_import_create_entity (import, NULL, label, start, end,
                                                          expected, "test:1", &error);

  g_assert_no_error (error);
  g_assert_true (ann_import_add_entity (import, entity, "test:1", &error));
  g_assert_no_error (error);
  return entity;
}

static void
test_offsets_follow_normalisation (void)
{
  /* Raw: CR LF line ends, a zero-width space, decomposed letters and an emoji.
   * Raw code points: "Vui 😀\r\n" 0–6, "Tỉnh " 7–11, ZWSP 12, DAK_NONG_NFD 13–23. */
  const char *raw = "Vui 😀\r\nTỉnh \xe2\x80\x8b" DAK_NONG_NFD "\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnImport) import = ann_import_new (raw, "raw.txt", &error);
  AnnDocument *document;
  AnnEntity *place;
  AnnEntity *emoji;

  g_assert_no_error (error);
  document = ann_file_get_document (ann_import_get_file (import));
  g_assert_cmpstr (ann_document_get_text (document), ==, "Vui 😀\nTỉnh Đắk Nông\n");
  g_assert_cmpuint (ann_import_get_raw_length (import), ==, 26);

  place = add (import, "LOC", 13, 24, DAK_NONG_NFD);
  g_assert_cmpuint (ann_entity_get_start (place), ==, 11);
  g_assert_cmpuint (ann_entity_get_end (place), ==, 19);
  g_assert_cmpstr (ann_entity_get_text (place), ==, "Đắk Nông");

  /* Starting at the zero-width space lands on the next character. */
  place = add (import, "ORG", 7, 24, NULL);
  g_assert_cmpstr (ann_entity_get_text (place), ==, "Tỉnh Đắk Nông");

  emoji = add (import, "MISC", 4, 5, "😀");
  g_assert_cmpuint (ann_entity_get_start (emoji), ==, 4);
  g_assert_cmpuint (ann_entity_get_end (emoji), ==, 5);
}

static void
test_errors_name_the_place (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnImport) import = ann_import_new ("Tỉnh " DAK_NONG_NFD, "raw.txt", &error);
  AnnEntity *entity;

  entity = ann_import_create_entity (import, NULL, "LOC", 5, 9, "Đắk", "raw.ann:2", &error);
  g_assert_null (entity);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "raw.ann:2: the text “Đắk” does not match"));
  g_clear_error (&error);

  /* Raw 7 is the breve after "a": inside the composed "ắ". */
  entity = ann_import_create_entity (import, NULL, "LOC", 7, 10, NULL, "raw.ann:3", &error);
  g_assert_null (entity);
  g_assert_nonnull (strstr (error->message, "between a letter and its accent"));
  g_clear_error (&error);

  entity = ann_import_create_entity (import, NULL, "LOC", 5, 99, NULL, "raw.ann:4", &error);
  g_assert_null (entity);
  g_assert_nonnull (strstr (error->message, "past the end of the text (16 characters)"));
  g_clear_error (&error);

  entity = ann_import_create_entity (import, NULL, "A B", 0, 4, NULL, "raw.ann:5", &error);
  g_assert_null (entity);
  g_assert_nonnull (strstr (error->message, "not a valid label"));
}

static void
test_new_labels_and_duplicates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnImport) import = ann_import_new ("Bộ Y tế", "raw.txt", &error);
  AnnLabelSchema *labels = ann_file_get_labels (ann_import_get_file (import));
  g_autoptr(AnnEntity) again = NULL;
  AnnLabel *added;

  add (import, "ORGANIZATION", 0, 7, "Bộ Y tế");
  added = ann_label_schema_lookup (labels, "ORGANIZATION");
  g_assert_nonnull (added);
  g_assert_cmpstr (ann_label_get_key (added), ==, "8");
  g_assert_true (ann_label_color_is_valid (ann_label_get_color (added)));

  again = ann_import_create_entity (import, NULL, "ORGANIZATION", 0, 7, NULL, "raw.ann:9", &error);
  g_assert_nonnull (again);
  g_assert_false (ann_import_add_entity (import, again, "raw.ann:9", &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "raw.ann:9: "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/offsets-follow-normalisation", test_offsets_follow_normalisation);
  g_test_add_func ("/import/errors-name-the-place", test_errors_name_the_place);
  g_test_add_func ("/import/new-labels-and-duplicates", test_new_labels_and_duplicates);

  return g_test_run ();
}
