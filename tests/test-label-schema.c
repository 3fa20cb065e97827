/* test-label-schema.c: the default labels, adding and finding labels, and label validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ann-error.h"
#include "ann-label-schema.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

static void
test_default (void)
{
  static const struct {
    const char *id;
    const char *name;
    const char *key;
  } expected[] = {
    { "PER",   "Person",       "1" },
    { "LOC",   "Location",     "2" },
    { "ORG",   "Organisation", "3" },
    { "DOC",   "Document",     "4" },
    { "EVENT", "Event",        "5" },
    { "DATE",  "Date",         "6" },
    { "MISC",  "Other",        "7" },
  };
  g_autoptr(AnnLabelSchema) schema = ann_label_schema_new_default ();
  GListModel *model = G_LIST_MODEL (schema);

  g_assert_true (g_list_model_get_item_type (model) == ANN_TYPE_LABEL);
  g_assert_cmpuint (ann_label_schema_get_n_labels (schema), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  g_assert_null (g_list_model_get_item (model, G_N_ELEMENTS (expected)));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (schema, i);
      g_autoptr(AnnLabel) item = g_list_model_get_item (model, i);
      const char *color = ann_label_get_color (label);

      g_assert_true (item == label);
      g_assert_cmpstr (ann_label_get_id (label), ==, expected[i].id);
      g_assert_cmpstr (ann_label_get_name (label), ==, expected[i].name);
      g_assert_cmpstr (ann_label_get_key (label), ==, expected[i].key);

      /* "#rrggbb", and no two labels alike. */
      g_assert_nonnull (color);
      g_assert_cmpuint (strlen (color), ==, 7);
      g_assert_cmpint (color[0], ==, '#');
      for (guint j = 1; j < 7; j++)
        g_assert_true (g_ascii_isxdigit (color[j]));
      g_assert_true (ann_label_color_is_valid (color));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (ann_label_get_color (ann_label_schema_get_nth (schema, j)), !=, color);

      g_assert_true (ann_label_schema_lookup (schema, expected[i].id) == label);
      g_assert_true (ann_label_schema_lookup_key (schema, expected[i].key) == label);
    }

  /* Each call makes its own schema, to edit freely. */
  {
    g_autoptr(AnnLabelSchema) other = ann_label_schema_new_default ();

    g_assert_true (other != schema);
    g_assert_true (ann_label_schema_get_nth (other, 0) != ann_label_schema_get_nth (schema, 0));
  }
}

static void
test_empty (void)
{
  g_autoptr(AnnLabelSchema) schema = ann_label_schema_new ();

  g_assert_cmpuint (ann_label_schema_get_n_labels (schema), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (schema)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (schema), 0));
  g_assert_null (ann_label_schema_lookup (schema, "PER"));
  g_assert_null (ann_label_schema_lookup_key (schema, "1"));
}

static void
test_lookup (void)
{
  g_autoptr(AnnLabelSchema) schema = ann_label_schema_new_default ();

  g_assert_cmpstr (ann_label_get_id (ann_label_schema_lookup (schema, "EVENT")), ==, "EVENT");
  g_assert_cmpstr (ann_label_get_id (ann_label_schema_lookup_key (schema, "4")), ==, "DOC");

  /* Ids are compared exactly. */
  g_assert_null (ann_label_schema_lookup (schema, "per"));
  g_assert_null (ann_label_schema_lookup (schema, "PER "));
  g_assert_null (ann_label_schema_lookup (schema, "PERSON"));
  g_assert_null (ann_label_schema_lookup (schema, ""));
  g_assert_null (ann_label_schema_lookup (schema, NULL));

  g_assert_null (ann_label_schema_lookup_key (schema, "8"));
  g_assert_null (ann_label_schema_lookup_key (schema, "0"));
  g_assert_null (ann_label_schema_lookup_key (schema, "12"));
  g_assert_null (ann_label_schema_lookup_key (schema, NULL));
}

static void
test_add (void)
{
  g_autoptr(AnnLabelSchema) schema = ann_label_schema_new_default ();
  g_autoptr(AnnLabel) title = ann_label_new ("TITLE", "Chức danh", "#1c71d8", "8");
  g_autoptr(AnnLabel) keyless = ann_label_new ("Người", NULL, NULL, NULL);
  g_autoptr(AnnLabel) keyless2 = ann_label_new ("LAW", "Luật", "#000000", NULL);
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  g_signal_connect (schema, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_assert_true (ann_label_schema_add (schema, title, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.position, ==, 7);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (ann_label_schema_get_n_labels (schema), ==, 8);
  g_assert_true (ann_label_schema_get_nth (schema, 7) == title);
  g_assert_true (ann_label_schema_lookup (schema, "TITLE") == title);
  g_assert_true (ann_label_schema_lookup_key (schema, "8") == title);

  /* Labels without a key do not clash with each other. */
  g_assert_true (ann_label_schema_add (schema, keyless, &error));
  g_assert_no_error (error);
  g_assert_true (ann_label_schema_add (schema, keyless2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 3);
  g_assert_cmpuint (changes.position, ==, 9);
  g_assert_cmpuint (ann_label_schema_get_n_labels (schema), ==, 10);
  g_assert_true (ann_label_schema_lookup (schema, "Người") == keyless);
  g_assert_true (ann_label_schema_get_nth (schema, 8) == keyless);
  g_assert_null (ann_label_get_key (keyless));
  g_assert_null (ann_label_get_name (keyless));
  g_assert_null (ann_label_get_color (keyless));
}

static void
test_add_duplicate (void)
{
  g_autoptr(AnnLabelSchema) schema = ann_label_schema_new_default ();
  g_autoptr(AnnLabel) same_id = ann_label_new ("ORG", "Tổ chức", "#ffffff", "9");
  g_autoptr(AnnLabel) same_key = ann_label_new ("TITLE", "Chức danh", "#ffffff", "3");
  g_autoptr(AnnLabel) same_object = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  g_signal_connect (schema, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_assert_false (ann_label_schema_add (schema, same_id, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "ORG"));
  g_clear_error (&error);

  g_assert_false (ann_label_schema_add (schema, same_key, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "TITLE"));
  g_assert_nonnull (strstr (error->message, "ORG"));
  g_clear_error (&error);

  same_object = g_object_ref (ann_label_schema_get_nth (schema, 0));
  g_assert_false (ann_label_schema_add (schema, same_object, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Nothing changed. */
  g_assert_cmpuint (changes.count, ==, 0);
  g_assert_cmpuint (ann_label_schema_get_n_labels (schema), ==, 7);
  g_assert_cmpstr (ann_label_get_name (ann_label_schema_lookup (schema, "ORG")), ==,
                   "Organisation");
  g_assert_cmpstr (ann_label_get_id (ann_label_schema_lookup_key (schema, "3")), ==, "ORG");
  g_assert_null (ann_label_schema_lookup (schema, "TITLE"));
  g_assert_null (ann_label_schema_lookup_key (schema, "9"));
}

static void
test_id_is_valid (void)
{
  static const char *valid[] = {
    "PER", "Người", "B-PER", "T1", "địa_điểm", "ORG.GOV", "x",
  };
  static const char *invalid[] = {
    "", "A B", "A\tB", "A\nB", " PER", "PER ", "A\xc2\xa0" "B", "A\x01" "B", "A\x7f" "B",
    "\xff\xfe", "Ng\xc6",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (ann_label_id_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (ann_label_id_is_valid (invalid[i]));
  g_assert_false (ann_label_id_is_valid (NULL));
}

static void
test_color_is_valid (void)
{
  static const char *valid[] = { "#000000", "#ffffff", "#62a0ea", "#62A0EA", "#aB12cD" };
  static const char *invalid[] = {
    "", "#", "62a0ea", "#62a0e", "#62a0eaa", "#62a0eg", "#62 0ea", "##62a0e", "#fff",
    "#62a0ea ", "red", "#ｆｆｆｆｆｆ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (ann_label_color_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (ann_label_color_is_valid (invalid[i]));
  g_assert_false (ann_label_color_is_valid (NULL));
}

static void
test_key_is_valid (void)
{
  static const char *invalid[] = { "", "0", "10", "a", " 1", "1 ", "١", "１", "-1" };

  for (char c = '1'; c <= '9'; c++)
    {
      char key[2] = { c, '\0' };

      g_assert_true (ann_label_key_is_valid (key));
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (ann_label_key_is_valid (invalid[i]));
  g_assert_false (ann_label_key_is_valid (NULL));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s ", pspec->name);
}

static void
test_label_setters (void)
{
  g_autoptr(AnnLabel) label = ann_label_new ("PER", "Person", "#62a0ea", "1");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *name = NULL;

  g_signal_connect (label, "notify", G_CALLBACK (on_notify), log);

  ann_label_set_name (label, "Người");
  ann_label_set_color (label, "#ff0000");
  ann_label_set_key (label, "9");
  g_assert_cmpstr (log->str, ==, "name color key ");
  g_assert_cmpstr (ann_label_get_name (label), ==, "Người");
  g_assert_cmpstr (ann_label_get_color (label), ==, "#ff0000");
  g_assert_cmpstr (ann_label_get_key (label), ==, "9");
  g_object_get (label, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Người");

  /* The same values again: no notification. */
  g_string_truncate (log, 0);
  ann_label_set_name (label, "Người");
  ann_label_set_color (label, "#ff0000");
  ann_label_set_key (label, "9");
  g_assert_cmpstr (log->str, ==, "");

  /* Invalid values are refused and leave the old ones. */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*color_is_valid*");
  ann_label_set_color (label, "#ff00");
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*key_is_valid*");
  ann_label_set_key (label, "0");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (ann_label_get_color (label), ==, "#ff0000");
  g_assert_cmpstr (ann_label_get_key (label), ==, "9");
  g_assert_cmpstr (log->str, ==, "");

  /* No key, no colour. */
  ann_label_set_key (label, NULL);
  ann_label_set_color (label, NULL);
  g_assert_null (ann_label_get_key (label));
  g_assert_null (ann_label_get_color (label));
  g_assert_cmpstr (log->str, ==, "key color ");

  g_signal_handlers_disconnect_by_data (label, log);
}

static void
test_label_new_invalid (void)
{
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*id_is_valid*");
  g_assert_null (ann_label_new ("A B", "Person", "#62a0ea", "1"));
  g_test_assert_expected_messages ();

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*id_is_valid*");
  g_assert_null (ann_label_new (NULL, "Person", "#62a0ea", "1"));
  g_test_assert_expected_messages ();
}

/* A default label shows in the interface language only while it keeps its default name. */
static void
test_display_name (void)
{
  g_autoptr(AnnLabel) person = ann_label_new ("PER", "Person", "#62a0ea", "1");
  g_autoptr(AnnLabel) renamed = ann_label_new ("PER", "Nhân vật", "#62a0ea", "1");
  g_autoptr(AnnLabel) unnamed = ann_label_new ("TITLE", NULL, NULL, NULL);

  g_assert_cmpstr (ann_label_display_name (person), ==, "Person");   /* C locale */
  g_assert_cmpstr (ann_label_display_name (renamed), ==, "Nhân vật");
  g_assert_cmpstr (ann_label_display_name (unnamed), ==, "TITLE");
}

int
main (int   argc,
      char *argv[])
{
  /* The default names are translated: check the untranslated ones. */
  setlocale (LC_ALL, "C");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label-schema/default", test_default);
  g_test_add_func ("/label-schema/empty", test_empty);
  g_test_add_func ("/label-schema/lookup", test_lookup);
  g_test_add_func ("/label-schema/add", test_add);
  g_test_add_func ("/label-schema/add-duplicate", test_add_duplicate);
  g_test_add_func ("/label-schema/id-is-valid", test_id_is_valid);
  g_test_add_func ("/label-schema/color-is-valid", test_color_is_valid);
  g_test_add_func ("/label-schema/key-is-valid", test_key_is_valid);
  g_test_add_func ("/label-schema/label-setters", test_label_setters);
  g_test_add_func ("/label-schema/label-new-invalid", test_label_new_invalid);

  g_test_add_func ("/label-schema/display-name", test_display_name);

  return g_test_run ();
}
