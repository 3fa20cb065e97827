/* ui-test-util.c: what the window's tests share (see ui-test-util.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <stdlib.h>

#include "ui-test-util.h"

/**
 * ui_test_init_gtk:
 *
 * The window's tests need an X display: `meson test` run without one (outside
 * build-aux/test.sh, which starts a virtual one) fails at once with a message that says so,
 * where gtk_init () would abort with "cannot open display".
 */
void
ui_test_init_gtk (void)
{
  if (gtk_init_check ())
    return;
  /* "Bail out!" is how a TAP producer stops the run with a reason meson shows. */
  g_print ("Bail out! no display: run the window's tests under xvfb-run, as build-aux/test.sh does\n");
  g_printerr ("no display: run the window's tests under xvfb-run, as build-aux/test.sh does\n");
  exit (1);
}

/* --- the main loop ------------------------------------------------------------------------ */

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, for at most @seconds. Returns whether @done said
 * so; the caller decides what a wait that never ends means. */
gboolean
ui_test_run_until (UiTestCondition done,
                   gpointer        data,
                   guint           seconds)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (seconds, on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  return !timed_out;
}

/* Called through wait_until(), which passes the condition's @name and where it was called:
 * a timeout fails the test there, as g_assert_true() would, saying what never came true. */
void
ui_test_wait_until (UiTestCondition  done,
                    gpointer         data,
                    const char      *name,
                    const char      *file,
                    int              line,
                    const char      *func)
{
  g_autofree char *message = NULL;

  if (ui_test_run_until (done, data, UI_TEST_WAIT_SECONDS))
    return;
  message = g_strdup_printf ("waited %d s for %s", UI_TEST_WAIT_SECONDS, name);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

/* Runs whatever the main loop has to do now, without waiting. */
void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* --- conditions to wait for --------------------------------------------------------------- */

gboolean
window_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
has_file (gpointer window)
{
  return ann_window_get_file (window) != NULL;
}

gboolean
has_no_entities (gpointer window)
{
  return ann_window_get_file (window) != NULL &&
         ann_entity_store_get_n_entities (store_of (window)) == 0;
}

gboolean
message_dialog_shown (gpointer unused)
{
  return find_message_dialog () != NULL;
}

/* --- windows ------------------------------------------------------------------------------ */

/* A new window of @app, presented and mapped. The test holds a reference, so that it can check
 * that the window finalises (close_and_finalize()). */
AnnWindow *
new_window (AnnApplication *app)
{
  AnnWindow *window;

  /* Where recent files and recovery files go: the test's own folder (see each main()). */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  window = ann_window_new (app);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_is_mapped, window);
  return window;
}

/* new_window(), showing the file at @path. */
AnnWindow *
open_window (AnnApplication *app,
             const char     *path)
{
  AnnWindow *window = new_window (app);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  ann_window_open_file (window, file);
  wait_until (has_file, window);
  spin ();
  return window;
}

void
close_and_finalize (AnnWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

AnnEntityStore *
store_of (AnnWindow *window)
{
  return ann_file_get_entities (ann_window_get_file (window));
}

/* Activates the window's @action, as its key or menu item would, and lets it run. */
void
activate (AnnWindow  *window,
          const char *action,
          const char *string_parameter)
{
  GVariant *parameter = string_parameter ? g_variant_new_string (string_parameter) : NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), action, parameter);
  spin ();
}

/* Where the window writes recovery files. */
char *
recovery_dir_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "article-annotator", "recovery", NULL);
}

/* --- message dialogs ---------------------------------------------------------------------- */

/* A visible GtkMessageDialog of any window: an error, or a question such as unsaved changes. */
GtkWindow *
find_message_dialog (void)
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

/* The message dialog's text and secondary text, on two lines. */
char *
message_dialog_text (GtkWindow *dialog)
{
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  g_object_get (dialog, "text", &primary, "secondary-text", &secondary, NULL);
  return g_strconcat (primary, "\n", secondary, NULL);
}

/* --- info bars ---------------------------------------------------------------------------- */

/* The info bar of @type shown somewhere in @root, if any. */
GtkInfoBar *
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

static GtkLabel *
first_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = first_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message of the info bar of @type shown in @root, or %NULL when none is. */
char *
revealed_bar_text (GtkWidget      *root,
                   GtkMessageType  type)
{
  GtkInfoBar *bar = find_revealed_bar (root, type);
  GtkLabel *label = bar != NULL ? first_label (GTK_WIDGET (bar)) : NULL;

  return label != NULL ? g_strdup (gtk_label_get_label (label)) : NULL;
}
