/* test-window.c: the annotation window, driven through the actions its keys trigger
 *
 * Runs under Xvfb (see tests/meson.build for the environment).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ann-application.h"
#include "ann-article-view.h"
#include "ann-window.h"

#define WAIT_SECONDS 20

static AnnApplication *app;

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, failing after WAIT_SECONDS. */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  g_assert_false (timed_out);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
has_file (gpointer data)
{
  return ann_window_get_file (data) != NULL;
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static AnnWindow *
open_window (const char *path)
{
  AnnWindow *window;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Each test has its own, new data folder, where recent files and recovery files go. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  window = ann_window_new (app);

  /* The test holds a reference, so that it can check the window finalises. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_is_mapped, window);

  ann_window_open_file (window, file);
  wait_until (has_file, window);
  spin ();
  return window;
}

static void
close_and_finalize (AnnWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

static AnnEntityStore *
store_of (AnnWindow *window)
{
  return ann_file_get_entities (ann_window_get_file (window));
}

static void
activate (AnnWindow  *window,
          const char *action,
          const char *string_parameter)
{
  GVariant *parameter = string_parameter ? g_variant_new_string (string_parameter) : NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), action, parameter);
  spin ();
}

/* The code-point offset of the @nth occurrence (from 0) of @needle in the article. */
static guint
offset_of (AnnWindow  *window,
           const char *needle,
           guint       nth)
{
  AnnDocument *document = ann_file_get_document (ann_window_get_file (window));
  const char *text = ann_document_get_text (document);
  const char *hit = strstr (text, needle);

  for (guint i = 0; i < nth && hit != NULL; i++)
    hit = strstr (hit + 1, needle);
  g_assert_nonnull (hit);
  return ann_document_get_char_offset (document, hit - text);
}

static guint
length_of (const char *text)
{
  return g_utf8_strlen (text, -1);
}

static char *
sample_with_no_entities (void)
{
  /* The sample article imported from text: the same text, no entities. */
  return g_build_filename (SAMPLE_DIR, "sample-article.txt", NULL);
}

static void
test_open_shows_entities (void)
{
  AnnWindow *window = open_window (SAMPLE_DIR "/sample-article.json");
  AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ann_article_view_get_text_view (view));
  AnnEntity *first = ann_entity_store_get_nth (store_of (window), 0);
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;

  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 48);
  g_assert_true (ann_article_view_is_tagging_done (view));

  /* The first entity's first character carries a highlight; hit-testing finds it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, ann_entity_get_start (first));
  tags = gtk_text_iter_get_tags (&iter);
  g_assert_nonnull (tags);
  g_assert_true (ann_article_view_entity_at (view, ann_entity_get_start (first)) == first);
  g_assert_false (ann_window_is_modified (window));

  close_and_finalize (window);
}

static void
test_tag_relabel_delete_undo (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (path);
  AnnEntityStore *store = store_of (window);
  guint start = offset_of (window, "Phan Quốc Hùng", 0);
  guint end = start + length_of ("Phan Quốc Hùng");
  AnnEntity *entity;

  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 0);

  /* A sloppy selection ("an Quốc Hù") snaps to the whole words, then key 1 tags PER. */
  ann_window_select_text (window, start + 2, end - 1);
  activate (window, "tag-key", "1");
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 1);
  entity = ann_entity_store_get_nth (store, 0);
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Phan Quốc Hùng");
  g_assert_cmpstr (ann_entity_get_label (entity), ==, "PER");
  g_assert_true (ann_window_get_selected (window) == entity);
  g_assert_true (ann_window_is_modified (window));

  /* With nothing selected in the text, a label key relabels the selected entity. */
  activate (window, "tag-key", "3");
  entity = ann_entity_store_get_nth (store, 0);
  g_assert_cmpstr (ann_entity_get_label (entity), ==, "ORG");
  g_assert_true (ann_window_get_selected (window) == entity);

  activate (window, "relabel", "PER");
  g_assert_cmpstr (ann_entity_get_label (ann_entity_store_get_nth (store, 0)), ==, "PER");

  activate (window, "set-note", "Bí thư Tỉnh ủy");
  g_assert_cmpstr (ann_entity_get_note (ann_entity_store_get_nth (store, 0)), ==, "Bí thư Tỉnh ủy");

  activate (window, "delete-entity", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 0);

  /* Undo steps back through delete, note, relabel, relabel, tag. */
  activate (window, "undo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 1);
  g_assert_cmpstr (ann_entity_get_note (ann_entity_store_get_nth (store, 0)), ==, "Bí thư Tỉnh ủy");
  activate (window, "undo", NULL);
  g_assert_null (ann_entity_get_note (ann_entity_store_get_nth (store, 0)));
  activate (window, "undo", NULL);
  g_assert_cmpstr (ann_entity_get_label (ann_entity_store_get_nth (store, 0)), ==, "ORG");
  activate (window, "undo", NULL);
  activate (window, "undo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 0);
  g_assert_false (ann_window_is_modified (window));

  activate (window, "redo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 1);
  g_assert_cmpstr (ann_entity_get_label (ann_entity_store_get_nth (store, 0)), ==, "PER");

  /* Discard, so that closing asks nothing. */
  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"))
    activate (window, "undo", NULL);
  close_and_finalize (window);
}

static void
test_tag_all_occurrences (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (path);
  AnnEntityStore *store = store_of (window);
  guint start = offset_of (window, "Tỉnh ủy", 0);
  guint occurrences = 0;
  const char *text = ann_document_get_text (ann_file_get_document (ann_window_get_file (window)));

  for (const char *hit = strstr (text, "Tỉnh ủy"); hit; hit = strstr (hit + 1, "Tỉnh ủy"))
    {
      /* "Tỉnh ủy viên" counts too: the words "Tỉnh ủy" stand whole in it. */
      occurrences++;
    }
  g_assert_cmpuint (occurrences, >, 3);

  ann_window_select_text (window, start, start + length_of ("Tỉnh ủy"));
  activate (window, "tag", "ORG");
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 1);

  activate (window, "tag-all-occurrences", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, occurrences);

  /* One undo takes them all back, leaving the first. */
  activate (window, "undo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 1);

  activate (window, "undo", NULL);
  close_and_finalize (window);
}

static void
test_find_ignores_tone_mark_placement (void)
{
  AnnWindow *window = open_window (SAMPLE_DIR "/sample-article.json");
  AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  guint hoa = offset_of (window, "hòa", 0);
  guint thuy_new = offset_of (window, "thủy", 0);
  guint start, end;

  /* "hoà" (mark on a) finds "hòa" (mark on o); the first match after the cursor is shown. */
  g_assert_cmpuint (ann_window_find (window, "hoà"), >=, 2);
  g_assert_cmpuint (ann_window_find (window, "HÒA"), >=, 2);

  g_assert_cmpuint (ann_window_find (window, "thuỷ"), >=, 2);
  g_assert_true (ann_article_view_get_selection (view, &start, &end));

  /* Walk to the match that is "hòa" and check it selects exactly that word. */
  g_assert_cmpuint (ann_window_find (window, "hoà hợp"), ==, 0);
  g_assert_cmpuint (ann_window_find (window, "hài hoà"), ==, 1);
  g_assert_true (ann_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, hoa - length_of ("hài "));
  g_assert_cmpuint (end, ==, hoa + 3);
  (void) thuy_new;

  /* Tagging the shown match makes MISC the current label; tag all matches then tags the
   * others with it, in one undo step. */
  g_assert_cmpuint (ann_window_find (window, "hữu cơ"), ==, 7);
  activate (window, "tag", "MISC");
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 49);
  activate (window, "tag-all-matches", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 48 + 7);
  activate (window, "undo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 49);
  activate (window, "undo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 48);

  close_and_finalize (window);
}

static void
test_save_and_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ann-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  AnnWindow *window = open_window (SAMPLE_DIR "/sample-article.json");
  AnnWindow *reopened;
  guint start = offset_of (window, "Gio Linh", 0);
  g_autoptr(GError) error = NULL;
  gsize length;

  /* Remove one entity and add another, then save. */
  activate (window, "select-entity", "T1");
  activate (window, "delete-entity", NULL);
  ann_window_select_text (window, start, start + length_of ("Gio Linh"));
  activate (window, "tag", "MISC");
  g_assert_true (ann_window_is_modified (window));

  g_assert_true (ann_window_save_to (window, target, &error));
  g_assert_no_error (error);
  g_assert_false (ann_window_is_modified (window));

  expected = ann_file_serialize (ann_window_get_file (window), &length);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, expected);
  close_and_finalize (window);

  /* Reopened, everything is as it was left. */
  reopened = open_window (path);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (reopened)), ==, 48);
  g_assert_null (ann_entity_store_lookup_id (store_of (reopened), "T1"));
  g_assert_nonnull (ann_entity_store_find (store_of (reopened), start, start + length_of ("Gio Linh"), "MISC"));
  {
    g_autofree char *again = ann_file_serialize (ann_window_get_file (reopened), NULL);

    g_assert_cmpstr (again, ==, saved);
  }
  close_and_finalize (reopened);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static char *
dialog_text (GtkWindow *dialog)
{
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  g_object_get (dialog, "text", &primary, "secondary-text", &secondary, NULL);
  return g_strconcat (primary, "\n", secondary, NULL);
}

static void
test_unsaved_changes_guard (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (path);
  guint start = offset_of (window, "Nhật Bản", 0);
  GtkWindow *dialog;

  ann_window_select_text (window, start, start + length_of ("Nhật Bản"));
  activate (window, "tag", "LOC");

  /* Closing asks first; Cancel keeps the window and the work. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);

  /* Opening another file over unsaved work asks too; Cancel keeps the open file. */
  {
    g_autoptr(GFile) other = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");

    ann_window_open_file (window, other);
    wait_until (dialog_shown, NULL);
    gtk_dialog_response (GTK_DIALOG (find_dialog ()), GTK_RESPONSE_CANCEL);
    spin ();
    g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);
  }

  /* Discard closes. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until (dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_dialog ()), GTK_RESPONSE_REJECT);
  spin ();
  g_assert_finalize_object (window);
}

static void
test_failed_load_keeps_document (void)
{
  AnnWindow *window = open_window (SAMPLE_DIR "/sample-article.json");
  AnnFile *before = ann_window_get_file (window);
  g_autofree char *bad_path = fixture ("invalid/text-mismatch.json");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  ann_window_open_file (window, bad);
  wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  message = dialog_text (dialog);
  g_assert_nonnull (strstr (message, "text-mismatch.json"));
  g_assert_nonnull (strstr (message, "T3"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin ();

  g_assert_true (ann_window_get_file (window) == before);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 48);
  close_and_finalize (window);
}

static void
test_recovery_file (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (path);
  guint start = offset_of (window, "Đông Hà", 0);
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(AnnFile) recovered = NULL;

  /* Nothing to recover while nothing changed. */
  g_assert_false (ann_window_write_recovery (window));

  ann_window_select_text (window, start, start + length_of ("Đông Hà"));
  activate (window, "tag", "LOC");
  g_assert_true (ann_window_write_recovery (window));
  recovery = g_object_ref (ann_window_get_recovery_file (window));
  recovered = ann_file_load (recovery, NULL);
  g_assert_nonnull (recovered);
  g_assert_cmpuint (ann_entity_store_get_n_entities (ann_file_get_entities (recovered)), ==, 1);

  /* Undoing back to the saved state and closing removes it. */
  activate (window, "undo", NULL);
  close_and_finalize (window);
  g_assert_false (g_file_query_exists (recovery, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("ann-test-window-XXXXXX", NULL);
  int status;

  /* One private set of folders for the whole run, not one per test: GTK's recent-files
   * manager is created once and keeps writing where it started. */
  for (const char * const *var = (const char * const[]) { "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                                          "XDG_CACHE_HOME", NULL };
       *var; var++)
    {
      g_autofree char *dir = g_build_filename (home, *var, NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (*var, dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  app = ann_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/open-shows-entities", test_open_shows_entities);
  g_test_add_func ("/window/tag-relabel-delete-undo", test_tag_relabel_delete_undo);
  g_test_add_func ("/window/tag-all-occurrences", test_tag_all_occurrences);
  g_test_add_func ("/window/find-tone-marks", test_find_ignores_tone_mark_placement);
  g_test_add_func ("/window/save-and-reload", test_save_and_reload);
  g_test_add_func ("/window/unsaved-changes-guard", test_unsaved_changes_guard);
  g_test_add_func ("/window/failed-load", test_failed_load_keeps_document);
  g_test_add_func ("/window/recovery-file", test_recovery_file);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
