/* test-window-faults.c: the window when saving fails, when another program changes the open
 * file, when two windows would hold one file, and when the program is killed while editing
 *
 * Runs under Xvfb like test-window.c (see tests/meson.build for the environment); the helpers
 * at the top are the same as there. test-faults.c covers the core's side: full disk,
 * read-only folder, SIGKILL while saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "ann-application.h"
#include "ann-window.h"

#define WAIT_SECONDS 20

static AnnApplication *app;

/* --- helpers, as in test-window.c --------------------------------------------------------- */

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

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

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static AnnWindow *
new_window (void)
{
  AnnWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  window = ann_window_new (app);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_is_mapped, window);
  return window;
}

static AnnWindow *
open_window (const char *path)
{
  AnnWindow *window = new_window ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

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

/* Tags the first occurrence of @needle with @label. */
static void
tag_text (AnnWindow  *window,
          const char *needle,
          const char *label)
{
  AnnDocument *document = ann_file_get_document (ann_window_get_file (window));
  const char *text = ann_document_get_text (document);
  const char *hit = strstr (text, needle);
  guint start;

  g_assert_nonnull (hit);
  start = ann_document_get_char_offset (document, hit - text);
  ann_window_select_text (window, start, start + g_utf8_strlen (needle, -1));
  activate (window, "tag", label);
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

static GtkInfoBar *
find_revealed_bar (GtkWidget      *root,
                   GtkMessageType  type)
{
  if (GTK_IS_INFO_BAR (root) && gtk_info_bar_get_revealed (GTK_INFO_BAR (root)) &&
      gtk_info_bar_get_message_type (GTK_INFO_BAR (root)) == type)
    return GTK_INFO_BAR (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkInfoBar *found = find_revealed_bar (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The bar that says another program changed the file. */
static GtkInfoBar *
changed_bar (AnnWindow *window)
{
  return find_revealed_bar (GTK_WIDGET (window), GTK_MESSAGE_WARNING);
}

static gboolean
changed_bar_shown (gpointer data)
{
  return changed_bar (data) != NULL;
}

/* A copy of the annotated sample in a new folder: a file the tests may change and delete. */
static char *
copy_sample (char **dir)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *path;

  *dir = g_dir_make_tmp ("ann-window-faults-XXXXXX", NULL);
  path = g_build_filename (*dir, "article.json", NULL);
  g_assert_true (g_file_get_contents (SAMPLE_DIR "/sample-article.json", &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* What another program does: replaces the file, as editors do, with another valid file. */
static void
other_program_writes (const char *path)
{
  g_autofree char *other = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                  "no-entities.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (other, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static gboolean
has_n_entities (AnnWindow *window,
                guint      n)
{
  return ann_window_get_file (window) != NULL &&
         ann_entity_store_get_n_entities (store_of (window)) == n;
}

static gboolean
has_no_entities (gpointer data)
{
  return has_n_entities (data, 0);
}

static void
discard_and_close (AnnWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  if (ann_window_is_modified (window))
    {
      wait_until (dialog_shown, NULL);
      gtk_dialog_response (GTK_DIALOG (find_dialog ()), GTK_RESPONSE_REJECT);
    }
  spin ();
  g_assert_finalize_object (window);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* --- saving fails ------------------------------------------------------------------------- */

/* Saving into a folder that was deleted after opening: a clear message, and the document stays
 * open and unsaved. */
static void
test_save_to_vanished_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (path);
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  tag_text (window, "Gio Linh", "MISC");
  remove_dir (dir);

  activate (window, "save", NULL);
  wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  message = dialog_text (dialog);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "could not be saved"));
  g_assert_nonnull (strstr (message, dir));
  g_assert_nonnull (strstr (message, g_strerror (ENOENT)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin ();

  g_assert_true (ann_window_is_modified (window));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 49);
  g_assert_true (g_file_equal (ann_window_get_location (window), location));

  /* Once the folder is back, the same Save works. */
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  activate (window, "save", NULL);
  g_assert_null (find_dialog ());
  g_assert_false (ann_window_is_modified (window));
  close_and_finalize (window);
  remove_dir (dir);
}

/* Saving where a folder is a regular file (ENOTDIR): refused, the document kept as it was. */
static void
test_save_under_a_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  g_autofree char *bad = g_build_filename (path, "inside.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (bad);
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnWindow *window = open_window (path);

  tag_text (window, "Gio Linh", "MISC");
  g_assert_false (ann_window_save_to (window, target, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_true (ann_window_is_modified (window));
  g_assert_true (g_file_equal (ann_window_get_location (window), location));

  discard_and_close (window);
  remove_dir (dir);
}

/* --- another program changes the open file ------------------------------------------------ */

/* The window notices, and the user chooses: Keep Mine makes the work here unsaved and the next
 * save writes it; Reload shows the other program's version. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (path);
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;

  g_assert_false (ann_window_is_modified (window));
  g_assert_null (changed_bar (window));

  /* Our own save does not count as a change by another program. */
  tag_text (window, "Gio Linh", "MISC");
  activate (window, "save", NULL);
  g_assert_false (ann_window_is_modified (window));
  g_usleep (G_USEC_PER_SEC / 2);
  spin ();
  g_assert_null (changed_bar (window));

  /* Keep Mine. */
  other_program_writes (path);
  wait_until (changed_bar_shown, window);
  gtk_info_bar_response (changed_bar (window), 2);
  spin ();
  g_assert_null (changed_bar (window));
  g_assert_true (ann_window_is_modified (window));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 49);
  activate (window, "save", NULL);
  g_assert_null (find_dialog ());
  g_assert_false (ann_window_is_modified (window));
  expected = ann_file_serialize (ann_window_get_file (window), NULL);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, expected);

  /* Reload. */
  other_program_writes (path);
  wait_until (changed_bar_shown, window);
  gtk_info_bar_response (changed_bar (window), 1);
  wait_until (has_no_entities, window);
  g_assert_false (ann_window_is_modified (window));
  g_assert_null (changed_bar (window));

  close_and_finalize (window);
  remove_dir (dir);
}

/* Saving over a file another program changed asks first; Cancel keeps its version. */
static void
test_save_over_changed_file_asks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (path);
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  tag_text (window, "Gio Linh", "MISC");
  other_program_writes (path);
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));

  /* Saving directly is refused with WRONG_ETAG, never done silently. */
  g_assert_false (ann_window_save_to (window, location, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);

  activate (window, "save", NULL);
  wait_until (dialog_shown, NULL);
  dialog = find_dialog ();
  message = dialog_text (dialog);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "changed by another program"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_true (ann_window_is_modified (window));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, theirs);
  g_clear_pointer (&on_disk, g_free);

  /* Overwrite. */
  activate (window, "save", NULL);
  wait_until (dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_dialog ()), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_false (ann_window_is_modified (window));
  expected = ann_file_serialize (ann_window_get_file (window), NULL);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, expected);

  close_and_finalize (window);
  remove_dir (dir);
}

/* --- one file, one window ----------------------------------------------------------------- */

static void
test_one_window_per_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *first = open_window (path);
  AnnWindow *second = new_window ();
  g_autoptr(GFile) same = g_file_new_for_path (path);
  guint n_windows;

  g_assert_true (ann_window_find_for_file (GTK_APPLICATION (app), same) == first);

  /* Opening it in another window shows the first instead. */
  ann_window_open_file (second, same);
  spin ();
  g_assert_null (ann_window_get_file (second));
  g_assert_null (ann_window_get_location (second));

  /* So does opening it from the command line or the file manager. */
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), (GFile *[]) { same }, 1, "");
  spin ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
  g_assert_null (ann_window_get_file (second));

  /* Once it is closed there, another window may open it. */
  close_and_finalize (first);
  g_assert_null (ann_window_find_for_file (GTK_APPLICATION (app), same));
  ann_window_open_file (second, same);
  wait_until (has_file, second);
  close_and_finalize (second);
  remove_dir (dir);
}

/* --- killed while editing ----------------------------------------------------------------- */

static char *
recovery_dir_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "article-annotator", "recovery", NULL);
}

static guint
count_recovery_files (void)
{
  g_autofree char *dir_path = recovery_dir_path ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".json");
  return n;
}

static gboolean
has_recovery_file (gpointer data)
{
  return count_recovery_files () > 0;
}

/* The program is killed (SIGKILL: no handler runs) while editing: what was autosaved (every
 * "autosave-interval" seconds, 30 by default, 5 here) is offered at the next start; only what
 * came after the last autosave is lost. */
static void
test_killed_while_editing (void)
{
  if (g_test_subprocess ())
    {
      AnnWindow *window;

      g_settings_set_uint (ann_application_get_settings (app), "autosave-interval", 5);
      window = open_window (SAMPLE_DIR "/sample-article.txt");
      tag_text (window, "Đông Hà", "LOC");
      /* No call of ours: the autosave timer writes it. */
      wait_until (has_recovery_file, NULL);
      tag_text (window, "Nhật Bản", "LOC");
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  g_assert_cmpuint (count_recovery_files (), ==, 0);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_cmpuint (count_recovery_files (), ==, 1);

  /* The next start offers it; restoring brings back the autosaved work. */
  {
    AnnWindow *window = new_window ();
    GtkInfoBar *bar = find_revealed_bar (GTK_WIDGET (window), GTK_MESSAGE_QUESTION);

    g_assert_nonnull (bar);
    gtk_info_bar_response (bar, 1);   /* Restore */
    wait_until (has_file, window);
    g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);
    g_assert_true (ann_window_is_modified (window));
    discard_and_close (window);
  }
  g_assert_cmpuint (count_recovery_files (), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* One private set of folders for the run; a subprocess (killed-while-editing) inherits
   * them, so that the parent finds the recovery file it leaves. */
  if (!g_test_subprocess ())
    {
      g_autofree char *home = g_dir_make_tmp ("ann-test-window-faults-XXXXXX", NULL);

      for (const char * const *var = (const char * const[]) { "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                                              "XDG_CACHE_HOME", NULL };
           *var; var++)
        {
          g_autofree char *dir = g_build_filename (home, *var, NULL);

          g_mkdir_with_parents (dir, 0700);
          g_setenv (*var, dir, TRUE);
        }
    }

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();

  app = ann_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_settings_set_boolean (ann_application_get_settings (app), "propagate-suggestions", FALSE);

  g_test_add_func ("/window-faults/save/vanished-folder", test_save_to_vanished_folder);
  g_test_add_func ("/window-faults/save/under-a-file", test_save_under_a_file);
  g_test_add_func ("/window-faults/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window-faults/save-over-changed-file", test_save_over_changed_file_asks);
  g_test_add_func ("/window-faults/one-window-per-file", test_one_window_per_file);
  g_test_add_func ("/window-faults/killed-while-editing", test_killed_while_editing);

  return g_test_run ();
}
