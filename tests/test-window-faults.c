/* test-window-faults.c: the window when saving fails, when another program changes the open
 * file, when two windows would hold one file, and when the program is killed while editing
 *
 * Runs under Xvfb like test-window.c (see tests/meson.build for the environment), with the
 * helpers of ui-test-util.h. test-faults.c covers the core's side: full disk, read-only
 * folder, SIGKILL while saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include "ann-application.h"
#include "ann-window.h"
#include "ui-test-util.h"
#include "test-tmp.h"

static AnnApplication *app;

/* --- helpers ------------------------------------------------------------------------------ */

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
  *dir = test_tmp_dir ("ann-window-faults");
  return test_copy_file (SAMPLE_DIR "/sample-article.json", *dir, "article.json");
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

static void
discard_and_close (AnnWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  if (ann_window_is_modified (window))
    {
      wait_until (message_dialog_shown, NULL);
      gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_REJECT);
    }
  spin ();
  g_assert_finalize_object (window);
}

/* --- saving fails ------------------------------------------------------------------------- */

/* Saving into a folder that was deleted after opening: a clear message, and the document stays
 * open and unsaved. */
static void
test_save_to_vanished_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (app, path);
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  tag_text (window, "Gio Linh", "MISC");
  test_remove_tree (dir);

  activate (window, "save", NULL);
  wait_until (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  message = message_dialog_text (dialog);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "could not be saved"));
  g_assert_nonnull (strstr (message, dir));
  g_assert_nonnull (strstr (message, "the folder"));
  g_assert_nonnull (strstr (message, "does not exist"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin ();

  g_assert_true (ann_window_is_modified (window));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 49);
  g_assert_true (g_file_equal (ann_window_get_location (window), location));

  /* Once the folder is back, the same Save works. */
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  activate (window, "save", NULL);
  g_assert_null (find_message_dialog ());
  g_assert_false (ann_window_is_modified (window));
  close_and_finalize (window);
  test_remove_tree (dir);
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
  AnnWindow *window = open_window (app, path);

  tag_text (window, "Gio Linh", "MISC");
  g_assert_false (ann_window_save_to (window, target, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_true (ann_window_is_modified (window));
  g_assert_true (g_file_equal (ann_window_get_location (window), location));

  discard_and_close (window);
  test_remove_tree (dir);
}

/* The window is destroyed while it asks about unsaved changes (the application quits, the
 * session ends): the question goes with it, and nothing keeps the window alive. */
static void
test_destroyed_while_asking (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (app, path);

  tag_text (window, "Gio Linh", "MISC");
  gtk_window_close (GTK_WINDOW (window));
  wait_until (message_dialog_shown, NULL);

  close_and_finalize (window);
  g_assert_null (find_message_dialog ());
  test_remove_tree (dir);
}

/* Closing with Discard when nothing else holds the window, as when the application quits: the
 * window goes while the dialog's answer is being emitted, and the dialog after it. No
 * critical (fatal here), and the window is freed. */
static void
test_close_discarding_unheld_window (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (app, path);

  tag_text (window, "Gio Linh", "MISC");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (window);   /* the reference open_window() took for the tests */

  gtk_window_close (GTK_WINDOW (window));
  wait_until (message_dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_REJECT);
  spin ();
  g_assert_null (window);
  g_assert_null (find_message_dialog ());
  test_remove_tree (dir);
}

/* --- limits ------------------------------------------------------------------------------ */

/* A line too long for GtkTextView to lay out in bounded time is refused at once, with a
 * message that says which and why; the open document stays. */
static void
test_line_too_long (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  g_autofree char *long_path = g_build_filename (dir, "one-line.txt", NULL);
  g_autoptr(GFile) long_file = g_file_new_for_path (long_path);
  g_autoptr(GString) text = g_string_new ("Tiêu đề\n");
  AnnWindow *window = open_window (app, path);
  AnnFile *before = ann_window_get_file (window);
  g_autofree char *message = NULL;
  GtkWindow *dialog;
  gint64 start;

  /* 9 characters each: 1 000 008 on line 2. */
  for (guint i = 0; i < 111112; i++)
    g_string_append (text, "Đắk Nông ");
  g_assert_true (g_file_set_contents (long_path, text->str, text->len, NULL));

  start = g_get_monotonic_time ();
  ann_window_open_file (window, long_file);
  wait_until (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  message = message_dialog_text (dialog);
  g_test_message ("%s (%.1f s)", message, (g_get_monotonic_time () - start) / 1e6);
  g_assert_nonnull (strstr (message, "one-line.txt"));
  g_assert_nonnull (strstr (message, "line 2"));
  g_assert_nonnull (strstr (message, "1000000"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin ();
  g_assert_true (ann_window_get_file (window) == before);

  close_and_finalize (window);
  test_remove_tree (dir);
}

/* --- another program changes the open file ------------------------------------------------ */

/* The window notices, and the user chooses: Keep Mine makes the work here unsaved and the next
 * save writes it; Reload shows the other program's version. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (app, path);
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
  g_assert_null (find_message_dialog ());
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
  test_remove_tree (dir);
}

/* Where timestamps are coarse (whole seconds, or two on FAT), another program's version can
 * carry the very modification time of ours: the window still sees the change, by the file's
 * size and inode. */
static void
test_changed_within_the_same_second (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (app, path);
  struct stat before;
  struct timespec times[2];

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  other_program_writes (path);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  wait_until (changed_bar_shown, window);
  gtk_info_bar_response (changed_bar (window), 1);
  wait_until (has_no_entities, window);

  close_and_finalize (window);
  test_remove_tree (dir);
}

/* Saving over a file another program changed asks first; Cancel keeps its version. */
static void
test_save_over_changed_file_asks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *window = open_window (app, path);
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
  wait_until (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  message = message_dialog_text (dialog);
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
  wait_until (message_dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_false (ann_window_is_modified (window));
  expected = ann_file_serialize (ann_window_get_file (window), NULL);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, expected);

  close_and_finalize (window);
  test_remove_tree (dir);
}

/* --- one file, one window ----------------------------------------------------------------- */

static void
test_one_window_per_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_sample (&dir);
  AnnWindow *first = open_window (app, path);
  AnnWindow *second = new_window (app);
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
  test_remove_tree (dir);
}

/* --- killed while editing ----------------------------------------------------------------- */

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
/* In a subprocess: opens @path, tags a place, waits until the autosave timer (5 s here) has
 * written the recovery file, tags another, and is killed. */
static void
edit_then_get_killed (const char *path)
{
  AnnWindow *window;

  g_settings_set_uint (ann_application_get_settings (app), "autosave-interval", 5);
  window = open_window (app, path);
  tag_text (window, "Đông Hà", "LOC");
  /* No call of ours: the autosave timer writes it. */
  wait_until (has_recovery_file, NULL);
  tag_text (window, "Nhật Bản", "LOC");
  raise (SIGKILL);
  g_assert_not_reached ();
}

/* In the parent: runs the subprocess of the current test, which leaves one recovery file. */
static void
run_killed_subprocess (void)
{
  g_assert_cmpuint (count_recovery_files (), ==, 0);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_cmpuint (count_recovery_files (), ==, 1);
}

/* The next start offers the recovery file; restoring brings back the autosaved work: the
 * @n_entities that were there at the autosave. */
static AnnWindow *
restore_in_new_window (guint n_entities)
{
  AnnWindow *window = new_window (app);
  GtkInfoBar *bar = find_revealed_bar (GTK_WIDGET (window), GTK_MESSAGE_QUESTION);

  g_assert_nonnull (bar);
  gtk_info_bar_response (bar, 1);   /* Restore */
  wait_until (has_file, window);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, n_entities);
  g_assert_true (ann_window_is_modified (window));
  return window;
}

static void
test_killed_while_editing (void)
{
  AnnWindow *window;

  if (g_test_subprocess ())
    edit_then_get_killed (SAMPLE_DIR "/sample-article.txt");

  run_killed_subprocess ();
  window = restore_in_new_window (1);
  discard_and_close (window);
  g_assert_cmpuint (count_recovery_files (), ==, 0);
}

/* The restored work of an annotation file knows which version of the file it is based on: if
 * another program changed the file since, saving the work there asks first. */
static void
test_killed_then_changed_elsewhere (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "killed.json", NULL);
  g_autofree char *sample = NULL;
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize length;
  AnnWindow *window;

  if (g_test_subprocess ())
    edit_then_get_killed (path);

  g_assert_true (g_file_get_contents (SAMPLE_DIR "/sample-article.json", &sample, &length, NULL));
  g_assert_true (g_file_set_contents (path, sample, length, NULL));
  run_killed_subprocess ();
  other_program_writes (path);

  window = restore_in_new_window (48 + 1);
  g_assert_true (g_file_equal (ann_window_get_location (window), location));
  g_assert_false (ann_window_save_to (window, location, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  discard_and_close (window);
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* One private set of folders for the run; a subprocess (killed-while-editing) inherits
   * them, so that the parent finds the recovery file it leaves. */
  if (!g_test_subprocess ())
    {
      home = g_dir_make_tmp ("ann-test-window-faults-XXXXXX", NULL);

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
  ui_test_init_gtk ();

  app = ann_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_settings_set_boolean (ann_application_get_settings (app), "propagate-suggestions", FALSE);

  g_test_add_func ("/window-faults/save/vanished-folder", test_save_to_vanished_folder);
  g_test_add_func ("/window-faults/save/under-a-file", test_save_under_a_file);
  g_test_add_func ("/window-faults/destroyed-while-asking", test_destroyed_while_asking);
  g_test_add_func ("/window-faults/close-discarding-unheld-window",
                   test_close_discarding_unheld_window);
  g_test_add_func ("/window-faults/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window-faults/changed-within-the-same-second",
                   test_changed_within_the_same_second);
  g_test_add_func ("/window-faults/save-over-changed-file", test_save_over_changed_file_asks);
  g_test_add_func ("/window-faults/one-window-per-file", test_one_window_per_file);
  g_test_add_func ("/window-faults/killed-while-editing", test_killed_while_editing);
  g_test_add_func ("/window-faults/killed-then-changed-elsewhere",
                   test_killed_then_changed_elsewhere);
  g_test_add_func ("/window-faults/load/line-too-long", test_line_too_long);

  status = g_test_run ();
  if (home != NULL)
    test_remove_tree (home);
  return status;
}
