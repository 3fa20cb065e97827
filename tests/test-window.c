/* test-window.c: the annotation window, driven through the actions its keys trigger
 *
 * Runs under Xvfb (see tests/meson.build for the environment).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ann-annotation-panel.h"
#include "ann-application.h"
#include "ann-article-view.h"
#include "ann-review.h"
#include "ann-window.h"
#include "ui-test-util.h"
#include "test-tmp.h"

static AnnApplication *app;

static AnnWindow *the_window;

/* Whether the window shows a file other than @data. */
static gboolean
has_other_file (gpointer data)
{
  return ann_window_get_file (the_window) != NULL && ann_window_get_file (the_window) != data;
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
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

static guint
count_status (AnnEntityStore  *store,
              AnnEntityStatus  status)
{
  guint count = 0;

  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    if (ann_entity_get_status (ann_entity_store_get_nth (store, i)) == status)
      count++;
  return count;
}

static void
set_propagation (gboolean on)
{
  g_settings_set_boolean (ann_application_get_settings (app), "propagate-suggestions", on);
}

static void
test_open_shows_entities (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
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
  AnnWindow *window = open_window (app, path);
  AnnEntityStore *store = store_of (window);
  guint start = offset_of (window, "Phan Quốc Hùng", 0);
  guint end = start + length_of ("Phan Quốc Hùng");
  AnnEntity *entity;

  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 0);
  /* An imported article gets the default labels, named in the interface language. */
  g_assert_cmpstr (ann_label_get_name (ann_label_schema_lookup_key (ann_file_get_labels (ann_window_get_file (window)), "1")),
                   ==, g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "vi") ? "Người" : "Person");

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
  AnnWindow *window = open_window (app, path);
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

  /* With propagation, the other occurrences are suggested first: Tag All Occurrences confirms
   * them. */
  set_propagation (TRUE);
  ann_window_select_text (window, start, start + length_of ("Tỉnh ủy"));
  activate (window, "tag", "ORG");
  set_propagation (FALSE);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_PENDING), >, 0);
  activate (window, "tag-all-occurrences", NULL);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_PENDING), ==, 0);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_NONE), ==, occurrences);
  activate (window, "undo", NULL);
  activate (window, "undo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 0);

  close_and_finalize (window);
}

static void
test_find_ignores_tone_mark_placement (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
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

static gboolean
is_saved (gpointer window)
{
  return !ann_window_is_modified (window);
}

/* Saving records who annotated this version: the name in Preferences, over the file's own. */
static void
test_save_names_annotator (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree char *path = test_copy_file (SAMPLE_DIR "/sample-article.json", dir, "bai.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AnnFile) saved = NULL;
  GSettings *settings = ann_application_get_settings (app);
  AnnWindow *window;

  window = open_window (app, path);
  g_assert_cmpstr (ann_file_get_annotator (ann_window_get_file (window)), !=, "Lan");

  g_settings_set_string (settings, "annotator-name", "Lan");
  activate (window, "select-entity", "T1");
  activate (window, "delete-entity", NULL);
  activate (window, "save", NULL);
  wait_until (is_saved, window);
  g_settings_reset (settings, "annotator-name");

  saved = ann_file_load (file, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (ann_file_get_annotator (saved), ==, "Lan");
  close_and_finalize (window);
}

static GtkWidget *nth_widget (gpointer root, GType type, guint nth);

/* The entity list's selection model (the panel's drop-downs hold list views too) */
static GtkSingleSelection *
list_selection (AnnWindow *window)
{
  GListModel *shown = ann_annotation_panel_get_shown (ANN_ANNOTATION_PANEL (ann_window_get_panel (window)));

  for (guint nth = 0;; nth++)
    {
      GtkListView *list = GTK_LIST_VIEW (nth_widget (ann_window_get_panel (window), GTK_TYPE_LIST_VIEW, nth));
      GtkSelectionModel *model = gtk_list_view_get_model (list);

      if (GTK_IS_SINGLE_SELECTION (model) &&
          gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)) == shown)
        return GTK_SINGLE_SELECTION (model);
    }
}

/* The entity the list highlights, or NULL */
static AnnEntity *
list_highlight (AnnWindow *window)
{
  return gtk_single_selection_get_selected_item (list_selection (window));
}

/* The list highlights the selected entity, or nothing, whatever rows come and go. */
static void
test_list_follows_selection (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  AnnAnnotationPanel *panel = ANN_ANNOTATION_PANEL (ann_window_get_panel (window));
  guint start = offset_of (window, "Gio Linh", 0);
  AnnEntity *selected;

  activate (window, "select-entity", "T5");
  selected = ann_window_get_selected (window);
  g_assert_true (list_highlight (window) == selected);

  /* The list selects the row under a moving pointer (it activates on a single click): the
   * highlight goes back to the selected entity. */
  gtk_single_selection_set_selected (list_selection (window), 0);
  spin ();
  g_assert_true (list_highlight (window) == selected);
  g_assert_true (ann_window_get_selected (window) == selected);

  /* A filter that hides it leaves nothing highlighted; lifted, the entity is again. */
  ann_annotation_panel_set_label_filter (panel, g_strcmp0 (ann_entity_get_label (selected), "ORG") == 0 ? "PER" : "ORG");
  spin ();
  g_assert_null (list_highlight (window));
  ann_annotation_panel_set_label_filter (panel, NULL);
  spin ();
  g_assert_true (list_highlight (window) == ann_window_get_selected (window));

  /* A tag undone: the list does not move on to a neighbour. */
  ann_window_select_text (window, start, start + length_of ("Gio Linh"));
  activate (window, "tag", "MISC");
  g_assert_true (list_highlight (window) == ann_window_get_selected (window));
  activate (window, "undo", NULL);
  spin ();
  g_assert_true (list_highlight (window) == ann_window_get_selected (window));

  close_and_finalize (window);
}

static void
test_save_and_reload (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
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
  reopened = open_window (app, path);
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

static void
test_unsaved_changes_guard (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  guint start = offset_of (window, "Nhật Bản", 0);
  GtkWindow *dialog;

  ann_window_select_text (window, start, start + length_of ("Nhật Bản"));
  activate (window, "tag", "LOC");

  /* Closing asks first; Cancel keeps the window and the work. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);

  /* Opening another file over unsaved work asks too; Cancel keeps the open file. */
  {
    g_autoptr(GFile) other = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");

    ann_window_open_file (window, other);
    wait_until (message_dialog_shown, NULL);
    gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_CANCEL);
    spin ();
    g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);
  }

  /* Discard closes. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until (message_dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_REJECT);
  spin ();
  g_assert_finalize_object (window);
}

static gboolean
is_recent (gpointer uri)
{
  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

static void
test_failed_load_keeps_document (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  AnnFile *before = ann_window_get_file (window);
  g_autofree char *bad_path = fixture ("invalid/text-mismatch.json");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  /* As a file chooser does, the file is among the recent ones before it is read. */
  {
    g_autofree char *uri = g_file_get_uri (bad);

    g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));
    wait_until (is_recent, uri);
  }
  ann_window_open_file (window, bad);
  wait_until (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  message = message_dialog_text (dialog);
  g_assert_nonnull (strstr (message, "text-mismatch.json"));
  /* A file that does not open is not offered again under Open Recent. */
  {
    g_autofree char *uri = g_file_get_uri (bad);

    g_assert_false (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }
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
  AnnWindow *window = open_window (app, path);
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

static GtkWindow *find_file_chooser (void);
static gboolean chooser_shown (gpointer data);
static gboolean has_focus (gpointer data);

/* --- widgets the tests reach into --------------------------------------------------------- */

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The @nth widget (from 0) of @type under @root, @root included, depth first, that @match
 * (nullable) accepts. */
static GtkWidget *
find_widget (GtkWidget     *root,
             GType          type,
             WidgetMatch    match,
             gconstpointer  data,
             guint         *nth)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    {
      if (*nth == 0)
        return root;
      (*nth)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, data, nth);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth_widget (gpointer root,
            GType    type,
            guint    nth)
{
  GtkWidget *found = find_widget (root, type, NULL, NULL, &nth);

  g_assert_nonnull (found);
  return found;
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
label_has_suffix (GtkWidget     *widget,
                  gconstpointer  data)
{
  return g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static AnnAnnotationPanel *
panel_of (AnnWindow *window)
{
  return ANN_ANNOTATION_PANEL (nth_widget (window, ANN_TYPE_ANNOTATION_PANEL, 0));
}

/* The editor's entries, in the panel's order: the note, then the reference. */
static GtkEditable *
editor_entry (AnnWindow *window,
              guint      nth)
{
  return GTK_EDITABLE (nth_widget (panel_of (window), GTK_TYPE_ENTRY, nth));
}

static void
select_and_tag (AnnWindow  *window,
                guint       start,
                guint       end,
                const char *label)
{
  ann_window_select_text (window, start, end);
  activate (window, "tag", label);
}

/* --- highlights --------------------------------------------------------------------------- */

enum {
  PAINT_NONE = 0,
  PAINT_BACKGROUND = 1 << 0,   /* the label's colour behind the text: an outermost entity */
  PAINT_UNDERLINE = 1 << 1,    /* a double underline in the label's colour darkened: a nested one */
};

/* Whether the character at @offset carries the article view's tag @name. */
static gboolean
has_tag_named (AnnWindow  *window,
               guint       offset,
               const char *name)
{
  AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ann_article_view_get_text_view (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* How the character at @offset shows an entity of @label. */
static guint
paint_at (AnnWindow  *window,
          guint       offset,
          const char *label)
{
  AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ann_article_view_get_text_view (view));
  AnnLabel *schema_label = ann_label_schema_lookup (ann_file_get_labels (ann_window_get_file (window)), label);
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;
  GdkRGBA color, shade;
  guint paint = PAINT_NONE;

  g_assert_nonnull (schema_label);
  g_assert_true (gdk_rgba_parse (&color, ann_label_get_color (schema_label)));
  /* Darkened to a quarter, as NESTED_SHADE in ann-article-view.c, to stand out on the outer
   * entity's colour (tests/test-accessibility.c checks the contrast). */
  shade = (GdkRGBA) { color.red * 0.25, color.green * 0.25, color.blue * 0.25, 1 };
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autoptr(GdkRGBA) background = NULL;
      g_autoptr(GdkRGBA) underline = NULL;
      gboolean background_set, underline_set;
      PangoUnderline style;

      g_object_get (l->data,
                    "background-set", &background_set, "background-rgba", &background,
                    "underline-rgba-set", &underline_set, "underline-rgba", &underline,
                    "underline", &style,
                    NULL);
      if (background_set && background != NULL && gdk_rgba_equal (background, &color))
        paint |= PAINT_BACKGROUND;
      if (underline_set && underline != NULL && gdk_rgba_equal (underline, &shade) &&
          style == PANGO_UNDERLINE_DOUBLE)
        paint |= PAINT_UNDERLINE;
    }
  return paint;
}

/* An ORG around a LOC turns the LOC's highlight into the nested underline; taking the ORG
 * away (or undoing it) turns it back, and every other edit keeps both right. */
/* A rejected entity is struck through and loses its label's colour, so that it cannot be
 * taken for one that counts; undo brings the colour back. */
/* Tag All Occurrences never puts a name inside another of the same label: "Hà" is not tagged
 * PER inside PER "Đặng Thị Thu Hà", only where it stands alone. */
static void
test_tag_all_keeps_out_of_same_label (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnEntityStore *store = store_of (window);
  guint full = offset_of (window, "Đặng Thị Thu Hà", 0);
  guint alone = offset_of (window, "bà Hà", 0) + length_of ("bà ");
  guint inside = full + length_of ("Đặng Thị Thu ");

  select_and_tag (window, full, full + length_of ("Đặng Thị Thu Hà"), "PER");
  select_and_tag (window, alone, alone + length_of ("Hà"), "PER");
  activate (window, "tag-all-occurrences", NULL);

  g_assert_null (ann_entity_store_find (store, inside, inside + length_of ("Hà"), "PER"));
  g_assert_nonnull (ann_entity_store_find (store, offset_of (window, "Đông Hà", 0) + length_of ("Đông "),
                                           offset_of (window, "Đông Hà", 0) + length_of ("Đông Hà"),
                                           "PER"));
  close_and_finalize (window);
}

/* Adds the accelerators @shortcut shows, in canonical form, to @shown. */
static void
collect_shown_accels (GtkWidget  *widget,
                      GHashTable *shown,
                      GHashTable *actions)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, "action-name", &action, NULL);
      if (action != NULL)
        g_hash_table_add (actions, g_steal_pointer (&action));
      accels = g_strsplit (accelerator ? accelerator : "", " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;

          if (gtk_accelerator_parse (accels[i], &key, &mods))
            g_hash_table_add (shown, gtk_accelerator_name (key, mods));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_shown_accels (child, shown, actions);
}

/* The application's icon is found without an installation (the window and About show it). */
static void
test_app_icon_bundled (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.articleannotator.ArticleAnnotator"));
  g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.articleannotator.ArticleAnnotator-symbolic"));
}

/* The Keyboard Shortcuts window shows every accelerator the application sets. */
static void
test_shortcuts_window_complete (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  g_assert_nonnull (overlay);
  collect_shown_accels (GTK_WIDGET (overlay), shown, actions);
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), described[i]);
      g_autofree char *action = NULL;

      action = g_strdup (described[i]);
      if (g_hash_table_contains (actions, action))
        continue;
      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          name = gtk_accelerator_name (key, mods);
          if (!g_hash_table_contains (shown, name))
            g_test_message ("%s (%s) is not in the Keyboard Shortcuts window", accels[j], action);
          g_assert_true (g_hash_table_contains (shown, name));
        }
    }

  /* The Alt keys it shows are the mnemonics of the panel's editor, in the language in use
   * (window-vi runs this in Vietnamese, where Label is "_Nhãn"). */
  {
    GtkWidget *panel = ann_window_get_panel (window);
    g_autoptr(GHashTable) mnemonics = g_hash_table_new (NULL, NULL);
    GHashTableIter iter;
    gpointer name;
    guint n_alt = 0;

    for (guint nth = 0;; nth++)
      {
        guint skip = nth;
        GtkWidget *label = find_widget (panel, GTK_TYPE_LABEL, NULL, NULL, &skip);

        if (label == NULL)
          break;
        if (gtk_label_get_use_underline (GTK_LABEL (label)))
          g_hash_table_add (mnemonics,
                            GUINT_TO_POINTER (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)))));
      }
    g_hash_table_iter_init (&iter, shown);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      {
        guint key;
        GdkModifierType mods;

        g_assert_true (gtk_accelerator_parse (name, &key, &mods));
        if (mods != GDK_ALT_MASK)
          continue;
        n_alt++;
        if (!g_hash_table_contains (mnemonics, GUINT_TO_POINTER (gdk_keyval_to_lower (key))))
          g_test_message ("%s is not a mnemonic of the panel", (char *) name);
        g_assert_true (g_hash_table_contains (mnemonics, GUINT_TO_POINTER (gdk_keyval_to_lower (key))));
      }
    g_assert_cmpuint (n_alt, ==, 4);
  }
  close_and_finalize (window);
}

/* A message about one document goes when another is opened. */
static void
test_message_goes_with_its_document (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnFile *first = ann_window_get_file (window);
  g_autoptr(GFile) other = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (ann_window_suggest (window), >, 0);
  before = revealed_bar_text (GTK_WIDGET (window), GTK_MESSAGE_INFO);
  g_assert_nonnull (before);
  activate (window, "undo", NULL);
  g_assert_false (ann_window_is_modified (window));

  the_window = window;
  ann_window_open_file (window, other);
  wait_until (has_other_file, first);
  after = revealed_bar_text (GTK_WIDGET (window), GTK_MESSAGE_INFO);
  g_assert_null (after);
  close_and_finalize (window);
}

static void
test_rejected_look (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  guint start = offset_of (window, "Phan Quốc Hùng", 0);

  select_and_tag (window, start, start + length_of ("Phan Quốc Hùng"), "PER");
  g_assert_cmpuint (paint_at (window, start, "PER"), ==, PAINT_BACKGROUND);
  g_assert_false (has_tag_named (window, start, "rejected"));

  activate (window, "set-status", "rejected");
  g_assert_cmpint (ann_entity_get_status (ann_window_get_selected (window)), ==, ANN_ENTITY_STATUS_REJECTED);
  g_assert_cmpuint (paint_at (window, start, "PER"), ==, PAINT_NONE);
  g_assert_true (has_tag_named (window, start, "rejected"));

  activate (window, "undo", NULL);
  g_assert_cmpuint (paint_at (window, start, "PER"), ==, PAINT_BACKGROUND);
  g_assert_false (has_tag_named (window, start, "rejected"));

  /* The rejected side of a conflict does not hide the side still standing, even when it comes
   * first in the store's order (ORG before PER) or reaches further: only what no other entity
   * covers is struck through. */
  {
    guint end = start + length_of ("Phan Quốc Hùng");
    AnnDocument *document = ann_file_get_document (ann_window_get_file (window));
    g_autofree char *text = ann_document_dup_slice (document, start, end + 3);
    g_autoptr(AnnEntity) rejected = ann_entity_new ("T900", "ORG", start, end + 3, text);

    ann_entity_set_status (rejected, ANN_ENTITY_STATUS_REJECTED);
    g_assert_true (ann_entity_store_add (store_of (window), rejected, NULL));
    g_assert_cmpuint (paint_at (window, start, "PER"), ==, PAINT_BACKGROUND);
    g_assert_cmpuint (paint_at (window, start, "ORG"), ==, PAINT_NONE);
    g_assert_false (has_tag_named (window, start, "rejected"));
    g_assert_false (has_tag_named (window, end - 1, "rejected"));
    g_assert_true (has_tag_named (window, end + 1, "rejected"));
  }

  close_and_finalize (window);
}

static void
test_nested_highlights (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnEntityStore *store = store_of (window);
  guint org_start = offset_of (window, "UBND tỉnh Quảng Trị", 0);
  guint org_end = org_start + length_of ("UBND tỉnh Quảng Trị");
  guint loc_start = org_start + length_of ("UBND ");
  guint loc_end = org_end;

  select_and_tag (window, loc_start, loc_end, "LOC");
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_BACKGROUND);
  g_assert_cmpuint (paint_at (window, loc_end - 1, "LOC"), ==, PAINT_BACKGROUND);

  select_and_tag (window, org_start, org_end, "ORG");
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 2);
  g_assert_cmpuint (paint_at (window, org_start, "ORG"), ==, PAINT_BACKGROUND);
  g_assert_cmpuint (paint_at (window, loc_start, "ORG"), ==, PAINT_BACKGROUND);
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_UNDERLINE);
  g_assert_cmpuint (paint_at (window, loc_end - 1, "LOC"), ==, PAINT_UNDERLINE);
  g_assert_cmpuint (paint_at (window, org_start, "LOC"), ==, PAINT_NONE);

  /* The nested entity's underline wins over the pending mark's, which would hide it under a
   * pending outer entity. */
  {
    AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (ann_article_view_get_text_view (view));
    GtkTextTag *pending = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "pending");
    g_autoptr(GSList) tags = NULL;
    GtkTextIter iter;
    guint doubles = 0;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, loc_start);
    tags = gtk_text_iter_get_tags (&iter);
    for (GSList *l = tags; l != NULL; l = l->next)
      {
        PangoUnderline style;
        gboolean set;

        g_object_get (l->data, "underline", &style, "underline-set", &set, NULL);
        if (set && style == PANGO_UNDERLINE_DOUBLE)
          {
            g_assert_cmpint (gtk_text_tag_get_priority (l->data), >, gtk_text_tag_get_priority (pending));
            doubles++;
          }
      }
    g_assert_cmpuint (doubles, ==, 1);
  }

  /* Undo takes the ORG away: the LOC is outermost again. */
  activate (window, "undo", NULL);
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_BACKGROUND);
  g_assert_cmpuint (paint_at (window, loc_start, "ORG"), ==, PAINT_NONE);
  g_assert_cmpuint (paint_at (window, org_start, "ORG"), ==, PAINT_NONE);
  activate (window, "redo", NULL);
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_UNDERLINE);
  g_assert_cmpuint (paint_at (window, loc_start, "ORG"), ==, PAINT_BACKGROUND);

  /* Relabelling the outer one keeps the inner one nested. */
  activate (window, "select-entity",
            ann_entity_get_id (ann_entity_store_find (store, org_start, org_end, "ORG")));
  activate (window, "relabel", "MISC");
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_UNDERLINE);
  g_assert_cmpuint (paint_at (window, loc_start, "MISC"), ==, PAINT_BACKGROUND);
  g_assert_cmpuint (paint_at (window, loc_start, "ORG"), ==, PAINT_NONE);
  activate (window, "undo", NULL);

  /* Deleting the outer one. */
  activate (window, "select-entity",
            ann_entity_get_id (ann_entity_store_find (store, org_start, org_end, "ORG")));
  activate (window, "delete-entity", NULL);
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_BACKGROUND);
  g_assert_cmpuint (paint_at (window, org_start, "ORG"), ==, PAINT_NONE);
  activate (window, "undo", NULL);
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_UNDERLINE);

  /* Deleting the inner one leaves the outer one whole. */
  activate (window, "select-entity",
            ann_entity_get_id (ann_entity_store_find (store, loc_start, loc_end, "LOC")));
  activate (window, "delete-entity", NULL);
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_NONE);
  g_assert_cmpuint (paint_at (window, loc_start, "ORG"), ==, PAINT_BACKGROUND);
  g_assert_cmpuint (paint_at (window, org_start, "ORG"), ==, PAINT_BACKGROUND);

  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"))
    activate (window, "undo", NULL);
  g_assert_cmpuint (paint_at (window, loc_start, "LOC"), ==, PAINT_NONE);
  g_assert_cmpuint (paint_at (window, loc_start, "ORG"), ==, PAINT_NONE);
  close_and_finalize (window);
}

/* A note and a reference typed together are both kept, though keeping the note replaces the
 * entity and refills the editor. */
static void
test_editor_keeps_note_and_ref (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  guint start = offset_of (window, "Phan Quốc Hùng", 0);
  GtkEditable *note = editor_entry (window, 0);
  GtkEditable *ref = editor_entry (window, 1);
  AnnEntity *entity;

  select_and_tag (window, start, start + length_of ("Phan Quốc Hùng"), "PER");
  gtk_editable_set_text (note, "Bí thư Tỉnh ủy");
  gtk_editable_set_text (ref, "Q00000001");
  g_signal_emit_by_name (note, "activate");
  spin ();

  entity = ann_window_get_selected (window);
  g_assert_nonnull (entity);
  g_assert_cmpstr (ann_entity_get_note (entity), ==, "Bí thư Tỉnh ủy");
  g_assert_cmpstr (ann_entity_get_ref (entity), ==, "Q00000001");
  g_assert_cmpstr (gtk_editable_get_text (ref), ==, "Q00000001");

  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"))
    activate (window, "undo", NULL);
  close_and_finalize (window);
}

/* The palette's counts, the selection and the editor follow relabelling, undo and redo. */
static void
test_panel_follows_undo (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnAnnotationPanel *panel = panel_of (window);
  guint start = offset_of (window, "Nhật Bản", 0);
  GtkDropDown *editor_label = GTK_DROP_DOWN (nth_widget (panel, GTK_TYPE_DROP_DOWN, 1));
  GtkEditable *note = editor_entry (window, 0);
  AnnEntity *entity;

  select_and_tag (window, start, start + length_of ("Nhật Bản"), "LOC");
  activate (window, "set-note", "nước");
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "LOC"), ==, 1);
  activate (window, "relabel", "ORG");
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "LOC"), ==, 0);
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "ORG"), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (editor_label), ==, 2);

  activate (window, "undo", NULL);
  entity = ann_window_get_selected (window);
  g_assert_nonnull (entity);
  g_assert_true (entity == ann_entity_store_get_nth (store_of (window), 0));
  g_assert_cmpstr (ann_entity_get_label (entity), ==, "LOC");
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "LOC"), ==, 1);
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "ORG"), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (editor_label), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "nước");

  activate (window, "undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "");
  g_assert_true (ann_window_get_selected (window) == ann_entity_store_get_nth (store_of (window), 0));

  activate (window, "redo", NULL);
  activate (window, "redo", NULL);
  g_assert_cmpstr (ann_entity_get_label (ann_window_get_selected (window)), ==, "ORG");
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "ORG"), ==, 1);
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "LOC"), ==, 0);

  /* Undoing the tagging itself leaves nothing selected, and the editor empty. */
  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"))
    activate (window, "undo", NULL);
  g_assert_null (ann_window_get_selected (window));
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "LOC"), ==, 0);
  g_assert_cmpuint (ann_annotation_panel_get_count (panel, "ORG"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "");
  close_and_finalize (window);
}

/* A note typed but not yet entered counts as an edit when the window closes or saves. */
static void
test_typed_note_is_kept (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree char *path = g_build_filename (dir, "annotated.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AnnFile) saved = NULL;
  g_autoptr(GFile) file = NULL;
  AnnWindow *window;
  AnnEntity *t1;
  gsize length;

  g_assert_true (g_file_get_contents (SAMPLE_DIR "/sample-article.json", &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  file = g_file_new_for_path (path);
  window = open_window (app, path);
  ann_file_set_annotator (ann_window_get_file (window), "an");

  /* Closing asks about the typed note; Cancel keeps it. */
  activate (window, "select-entity", "T1");
  gtk_editable_set_text (editor_entry (window, 0), "tỉnh");
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_nonnull (find_message_dialog ());
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_cmpstr (ann_entity_get_note (ann_window_get_selected (window)), ==, "tỉnh");

  /* Saving writes a note typed just before. */
  gtk_editable_set_text (editor_entry (window, 1), "Q241");
  activate (window, "save", NULL);
  g_assert_false (ann_window_is_modified (window));
  saved = ann_file_load (file, NULL);
  g_assert_nonnull (saved);
  t1 = ann_entity_store_lookup_id (ann_file_get_entities (saved), "T1");
  g_assert_cmpstr (ann_entity_get_note (t1), ==, "tỉnh");
  g_assert_cmpstr (ann_entity_get_ref (t1), ==, "Q241");

  close_and_finalize (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GtkWindow *
find_annotator_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (window) && !GTK_IS_MESSAGE_DIALOG (window) && !GTK_IS_FILE_CHOOSER (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The unsaved-changes question; GTK's file chooser may show messages of its own. */
static GtkDialog *
find_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  /* The question up to the file name, in the interface language (window-vi runs in Vietnamese). */
  const char *question = _("Save the changes to “%s”?");
  g_autofree char *prefix = g_strndup (question, strstr (question, "%s") - question);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      g_autofree char *text = NULL;

      if (!GTK_IS_MESSAGE_DIALOG (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      text = message_dialog_text (window);
      if (g_str_has_prefix (text, prefix))
        return GTK_DIALOG (window);
    }
  return NULL;
}

/* GTK's file chooser may leave a message about its folder (no file system services under
 * Xvfb); it is not the window's, and must not stand in for the next test's dialog. */
static void
dismiss_chooser_messages (void)
{
  spin ();
  while (find_message_dialog () != NULL)
    gtk_window_destroy (find_message_dialog ());
}

static void
close_and_answer (AnnWindow *window,
                  int        response)
{
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_nonnull (find_question ());
  gtk_dialog_response (find_question (), response);
  spin ();
}

/* Saving while closing can be called off at each of its questions: the window stays, with
 * its work. */
static void
test_close_save_cancelled (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  guint start = offset_of (window, "Nhật Bản", 0);
  GtkWindow *dialog;

  select_and_tag (window, start, start + length_of ("Nhật Bản"), "LOC");

  /* Save, then cancel "Who is annotating?". */
  close_and_answer (window, GTK_RESPONSE_ACCEPT);
  dialog = find_annotator_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (find_annotator_dialog ());
  g_assert_null (find_file_chooser ());
  g_assert_null (find_question ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (ann_window_is_modified (window));

  /* Save, name, then cancel the file chooser. */
  close_and_answer (window, GTK_RESPONSE_ACCEPT);
  dialog = find_annotator_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (nth_widget (dialog, GTK_TYPE_ENTRY, 0)), "an");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  wait_until (chooser_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_file_chooser ()), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (find_question ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (ann_window_is_modified (window));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);

  /* The name was kept: now closing and saving goes straight to the chooser. */
  close_and_answer (window, GTK_RESPONSE_ACCEPT);
  wait_until (chooser_shown, NULL);
  g_assert_null (find_annotator_dialog ());
  gtk_dialog_response (GTK_DIALOG (find_file_chooser ()), GTK_RESPONSE_CANCEL);
  spin ();

  close_and_answer (window, GTK_RESPONSE_REJECT);
  g_assert_finalize_object (window);

  dismiss_chooser_messages ();
}

/* Closing the window lets go of the document, its entities and its history, after edits,
 * selection, find and undo. */
static void
test_close_frees_document (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  AnnFile *file = g_object_ref (ann_window_get_file (window));
  AnnHistory *history = g_object_ref (ann_window_get_history (window));
  AnnEntity *first = g_object_ref (ann_entity_store_get_nth (store_of (window), 0));
  guint start = offset_of (window, "Gio Linh", 0);

  activate (window, "select-entity", "T1");
  activate (window, "relabel", "MISC");
  activate (window, "set-note", "x");
  select_and_tag (window, start, start + length_of ("Gio Linh"), "MISC");
  g_assert_cmpuint (ann_window_find (window, "hữu cơ"), ==, 7);
  activate (window, "tag-all-matches", NULL);
  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"))
    activate (window, "undo", NULL);
  activate (window, "select-entity", "T2");
  close_and_finalize (window);

  g_assert_finalize_object (history);
  g_assert_finalize_object (file);
  g_assert_finalize_object (first);
}

/* Closing the find bar gives the keyboard back to the article, so that label keys tag. */
static void
test_find_bar_returns_focus (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  GtkWidget *text_view = GTK_WIDGET (ann_article_view_get_text_view (view));
  guint nth = 0;
  GtkWidget *find_bar = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR, NULL, NULL, &nth);
  GtkWidget *find_entry;

  nth = 0;
  find_entry = find_widget (find_bar, GTK_TYPE_SEARCH_ENTRY, NULL, NULL, &nth);
  activate (window, "find", NULL);
  wait_until (window_is_mapped, find_entry);
  g_assert_true (has_focus (find_entry));

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (find_bar), FALSE);
  spin ();
  g_assert_true (has_focus (text_view));
  close_and_finalize (window);
}

/* Quit closes every window, each through its own unsaved-changes guard. */
static void
test_quit_closes_windows (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *windows[3];
  guint start;

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    windows[i] = open_window (app, path);
  start = offset_of (windows[1], "Nhật Bản", 0);
  select_and_tag (windows[1], start, start + length_of ("Nhật Bản"), "LOC");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (windows[0])));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (windows[2])));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (windows[1])));
  gtk_dialog_response (find_question (), GTK_RESPONSE_REJECT);
  spin ();

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    g_assert_finalize_object (windows[i]);
}

static void
set_true (gpointer data,
          GObject *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Closing, saving and naming the file in the chooser saves it and closes the window, from
 * within the chooser's answer. */
static void
test_close_save_with_chooser (void)
{
  g_autofree char *path = sample_with_no_entities ();
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree char *target = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  AnnWindow *window = open_window (app, path);
  guint start = offset_of (window, "Nhật Bản", 0);
  gboolean finalized = FALSE;
  GtkWindow *chooser;

  select_and_tag (window, start, start + length_of ("Nhật Bản"), "LOC");
  ann_file_set_annotator (ann_window_get_file (window), "an");
  g_object_weak_ref (G_OBJECT (window), set_true, &finalized);
  g_object_unref (window);   /* the application holds it now */

  close_and_answer (window, GTK_RESPONSE_ACCEPT);
  wait_until (chooser_shown, NULL);
  chooser = find_file_chooser ();
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "saved.json");
  spin ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_until (is_true, &finalized);
  spin ();

  {
    g_autoptr(GFile) file = g_file_new_for_path (target);
    g_autoptr(AnnFile) reread = ann_file_load (file, NULL);

    g_assert_nonnull (reread);
    g_assert_cmpuint (ann_entity_store_get_n_entities (ann_file_get_entities (reread)), ==, 1);
  }
  dismiss_chooser_messages ();
  g_assert_cmpint (g_remove (target), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A relabelling that the model refuses (the span has that label already) leaves the editor
 * showing the entity's label, not the refused one. */
static void
test_editor_shows_refused_relabel (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnEntityStore *store = store_of (window);
  guint start = offset_of (window, "Nhật Bản", 0);
  guint end = start + length_of ("Nhật Bản");
  GtkDropDown *editor_label = GTK_DROP_DOWN (nth_widget (panel_of (window), GTK_TYPE_DROP_DOWN, 1));
  AnnEntity *loc;

  select_and_tag (window, start, end, "ORG");
  select_and_tag (window, start, end, "LOC");
  loc = ann_entity_store_find (store, start, end, "LOC");
  g_assert_true (ann_window_get_selected (window) == loc);
  g_assert_cmpuint (gtk_drop_down_get_selected (editor_label), ==, 1);   /* LOC */

  gtk_drop_down_set_selected (editor_label, 2);                          /* ORG */
  spin ();
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 2);
  g_assert_true (ann_window_get_selected (window) == loc);
  g_assert_cmpstr (ann_entity_get_label (loc), ==, "LOC");
  g_assert_cmpuint (gtk_drop_down_get_selected (editor_label), ==, 1);

  /* An accepted one shows as such. */
  gtk_drop_down_set_selected (editor_label, 0);                          /* PER */
  spin ();
  g_assert_cmpstr (ann_entity_get_label (ann_window_get_selected (window)), ==, "PER");
  g_assert_cmpuint (gtk_drop_down_get_selected (editor_label), ==, 0);

  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"))
    activate (window, "undo", NULL);
  close_and_finalize (window);
}

/* Types @keys (xdotool key names) into whatever has the keyboard focus. */
static gboolean
type_keys (AnnWindow  *window,
           const char *keys)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  int status = -1;

  if (xdotool == NULL)
    return FALSE;
  spin ();
  command = g_strdup_printf ("%s key --delay 20 %s", xdotool, keys);
  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) || status != 0)
    return FALSE;
  /* Let the keys arrive. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (10000);
      spin ();
    }
  return TRUE;
}

/* Whether the keyboard focus is in @data, or is @data. */
static gboolean
has_focus (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

/* Label keys tag in the article; in the note and find entries they are just typed. */
static void
test_label_keys_only_in_article (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnEntityStore *store = store_of (window);
  AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  GtkWidget *text_view = GTK_WIDGET (ann_article_view_get_text_view (view));
  guint start = offset_of (window, "Nhật Bản", 0);
  guint end = start + length_of ("Nhật Bản");
  GtkEditable *note = editor_entry (window, 0);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GtkWidget *find_entry;
  guint nth = 0;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is needed to type keys");
      close_and_finalize (window);
      return;
    }

  /* In the article, key 2 tags LOC. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (text_view);
  wait_until (has_focus, text_view);
  ann_window_select_text (window, start, end);
  g_assert_true (type_keys (window, "2"));
  if (ann_entity_store_get_n_entities (store) == 0)
    {
      g_test_skip ("the window did not get the keyboard focus");
      close_and_finalize (window);
      return;
    }
  g_assert_nonnull (ann_entity_store_find (store, start, end, "LOC"));

  /* In the note entry, 3 is a digit of the note, not ORG. */
  gtk_widget_grab_focus (GTK_WIDGET (note));
  wait_until (has_focus, note);
  g_assert_true (type_keys (window, "3 KP_4 Delete"));
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "34");
  g_assert_cmpstr (ann_entity_get_label (ann_window_get_selected (window)), ==, "LOC");
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 1);

  /* In the find entry too. */
  activate (window, "find", NULL);
  find_entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL, NULL, &nth);
  g_assert_nonnull (find_entry);
  wait_until (window_is_mapped, find_entry);
  ann_window_select_text (window, start, end);
  gtk_widget_grab_focus (find_entry);
  wait_until (has_focus, find_entry);
  g_assert_true (type_keys (window, "1"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry)), ==, "1");
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 1);
  g_assert_null (ann_entity_store_find (store, start, end, "PER"));

  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"))
    activate (window, "undo", NULL);
  close_and_finalize (window);
}

static gboolean
has_n_entities (gpointer data)
{
  AnnWindow *window = data;

  return ann_window_get_file (window) != NULL &&
         ann_entity_store_get_n_entities (store_of (window)) == 48;
}

/* A file to open after the unsaved-changes question belongs to the window that asked. */
static void
test_open_in_two_windows (void)
{
  g_autofree char *path = sample_with_no_entities ();
  g_autoptr(GFile) annotated = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");
  AnnWindow *first = open_window (app, path);
  AnnWindow *second;
  guint start = offset_of (first, "Nhật Bản", 0);

  select_and_tag (first, start, start + length_of ("Nhật Bản"), "LOC");
  ann_window_open_file (first, annotated);
  wait_until (message_dialog_shown, NULL);

  /* Meanwhile another window opens a file of its own. */
  second = open_window (app, path);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (second)), ==, 0);

  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_REJECT);
  wait_until (has_n_entities, first);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (second)), ==, 0);

  close_and_finalize (second);
  close_and_finalize (first);
}

/* A recovery file left by an earlier session that stopped: the annotated sample. */
static char *
write_earlier_recovery (void)
{
  g_autofree char *dir = recovery_dir_path ();
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "1000-1-0x1.json", NULL);
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (SAMPLE_DIR "/sample-article.json", &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static guint
count_recovery_files (void)
{
  g_autofree char *dir_path = recovery_dir_path ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
is_question_bar (GtkWidget     *widget,
                 gconstpointer  data)
{
  return gtk_info_bar_get_message_type (GTK_INFO_BAR (widget)) == GTK_MESSAGE_QUESTION &&
         gtk_info_bar_get_revealed (GTK_INFO_BAR (widget));
}

static GtkInfoBar *
recovery_bar (AnnWindow *window)
{
  guint nth = 0;

  return GTK_INFO_BAR (find_widget (GTK_WIDGET (window), GTK_TYPE_INFO_BAR, is_question_bar, NULL, &nth));
}

/* Restoring over unsaved work asks first, and restores the earlier session's work, not this
 * window's own recovery file. */
static void
test_restore_asks_first (void)
{
  g_autofree char *earlier = write_earlier_recovery ();
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  guint start = offset_of (window, "Đông Hà", 0);
  g_autoptr(GFile) own = NULL;
  GtkInfoBar *bar = recovery_bar (window);

  g_assert_nonnull (bar);
  select_and_tag (window, start, start + length_of ("Đông Hà"), "LOC");
  g_assert_true (ann_window_write_recovery (window));
  own = g_object_ref (ann_window_get_recovery_file (window));

  gtk_info_bar_response (bar, 1);   /* Restore */
  spin ();
  g_assert_nonnull (find_message_dialog ());
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);

  /* Cancel keeps the work, and the offer. */
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);
  g_assert_true (g_file_query_exists (own, NULL));
  g_assert_true (recovery_bar (window) == bar);

  gtk_info_bar_response (bar, 1);
  spin ();
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_REJECT);
  spin ();
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 48);
  g_assert_true (ann_window_is_modified (window));
  g_assert_false (g_file_query_exists (own, NULL));

  /* Discarding the restored work at last removes its recovery file too. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until (message_dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_REJECT);
  spin ();
  g_assert_finalize_object (window);
  g_assert_false (g_file_test (earlier, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_recovery_files (), ==, 0);
}

/* This session's own recovery files are not "work of an earlier session" to restore. */
static void
test_restore_skips_own_recovery (void)
{
  g_autofree char *earlier = write_earlier_recovery ();
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  guint start = offset_of (window, "Đông Hà", 0);
  GtkInfoBar *bar = recovery_bar (window);

  g_assert_nonnull (bar);
  select_and_tag (window, start, start + length_of ("Đông Hà"), "LOC");
  g_assert_true (ann_window_write_recovery (window));
  activate (window, "undo", NULL);
  g_assert_false (ann_window_is_modified (window));

  gtk_info_bar_response (bar, 1);   /* Restore */
  spin ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 48);

  gtk_window_close (GTK_WINDOW (window));
  wait_until (message_dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_REJECT);
  spin ();
  g_assert_finalize_object (window);
  g_assert_cmpuint (count_recovery_files (), ==, 0);
}

/* Of several earlier sessions' recovery files, the newest is restored. */
static void
test_restore_newest (void)
{
  g_autofree char *dir = recovery_dir_path ();
  g_autofree char *path = sample_with_no_entities ();
  g_autoptr(GFile) sample = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");
  AnnWindow *window;

  /* Written oldest first, each with one entity more than the one before; the names start
   * with the time, as the window writes them. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(AnnFile) file = ann_file_load (sample, NULL);
      AnnEntityStore *store = ann_file_get_entities (file);
      g_autofree char *name = g_strdup_printf ("17000000000%05u-1-0x1.json", i);
      g_autofree char *recovery = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      for (guint removed = 0; removed < 5 - i; removed++)
        g_assert_true (ann_entity_store_remove (store, ann_entity_store_get_nth (store, 0), NULL));
      data = ann_file_serialize (file, &length);
      g_assert_true (g_file_set_contents (recovery, data, length, NULL));
    }

  window = open_window (app, path);
  gtk_info_bar_response (recovery_bar (window), 1);   /* Restore */
  spin ();
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 48);

  /* Discarding the others leaves none. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until (message_dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_REJECT);
  spin ();
  g_assert_finalize_object (window);
  window = open_window (app, path);
  gtk_info_bar_response (recovery_bar (window), 2);   /* Discard */
  spin ();
  g_assert_cmpuint (count_recovery_files (), ==, 0);
  close_and_finalize (window);
}

/* In sticky mode, a selection made with the mouse is tagged with the last label at once. */
static void
test_sticky_label (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnEntityStore *store = store_of (window);
  GtkWidget *view = ann_window_get_article_view (window);
  guint first = offset_of (window, "Hải Lăng", 0);
  guint second = offset_of (window, "Gio Linh", 0);

  select_and_tag (window, first, first + length_of ("Hải Lăng"), "LOC");
  g_action_group_change_action_state (G_ACTION_GROUP (window), "sticky-label",
                                      g_variant_new_boolean (TRUE));
  ann_window_select_text (window, second, second + length_of ("Gio Linh"));
  g_signal_emit_by_name (view, "selection-done");
  spin ();
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 2);
  g_assert_nonnull (ann_entity_store_find (store, second, second + length_of ("Gio Linh"), "LOC"));

  g_action_group_change_action_state (G_ACTION_GROUP (window), "sticky-label",
                                      g_variant_new_boolean (FALSE));
  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"))
    activate (window, "undo", NULL);
  close_and_finalize (window);
}

/* The find bar's "tag all matches" button says which label it tags with. */
static void
test_tag_matches_button_names_label (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  guint nth = 0;
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, has_action_name,
                                   "win.tag-all-matches", &nth);
  const char *text;

  g_assert_nonnull (button);
  text = gtk_button_get_label (GTK_BUTTON (button));
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "PER"));

  g_assert_cmpuint (ann_window_find (window, "hữu cơ"), ==, 7);
  activate (window, "tag", "MISC");
  text = gtk_button_get_label (GTK_BUTTON (button));
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "MISC"));

  activate (window, "undo", NULL);
  close_and_finalize (window);
}

/* The find bar, left open with a query, finds it in the next file opened. */
static void
test_find_follows_open (void)
{
  g_autofree char *path = sample_with_no_entities ();
  g_autoptr(GFile) text = g_file_new_for_path (path);
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  guint start, end;

  g_assert_cmpuint (ann_window_find (window, "hữu cơ"), ==, 7);
  ann_window_open_file (window, text);
  wait_until (has_no_entities, window);
  spin ();

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "tag-all-matches"));
  activate (window, "find-next", NULL);
  g_assert_true (ann_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (end - start, ==, length_of ("hữu cơ"));
  activate (window, "tag-all-matches", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 7);

  activate (window, "undo", NULL);
  close_and_finalize (window);
}

/* Closing the window while a file loads abandons the load: it neither opens the file nor
 * reports its failure in a window that has gone. */
static void
test_close_while_loading (void)
{
  g_autofree char *path = sample_with_no_entities ();
  g_autofree char *bad_path = fixture ("invalid/text-mismatch.json");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");
  GFile *files[] = { bad, good };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      AnnWindow *window = open_window (app, path);
      AnnFile *before = ann_window_get_file (window);

      ann_window_open_file (window, files[i]);
      g_assert_false (ann_window_is_empty (window));
      gtk_window_close (GTK_WINDOW (window));

      /* Long enough for the load to end. */
      for (guint wait = 0; wait < 50; wait++)
        {
          g_usleep (10000);
          spin ();
          g_assert_null (find_message_dialog ());
        }
      g_assert_true (ann_window_get_file (window) == before);
      g_assert_finalize_object (window);
    }
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

/* A file chooser left open goes away with its window, so that it cannot answer a window that
 * is gone. */
static void
test_chooser_goes_with_window (gconstpointer data)
{
  const char *action = data;
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);

  activate (window, action, NULL);
  wait_until (chooser_shown, NULL);

  close_and_finalize (window);
  g_assert_null (find_file_chooser ());
  dismiss_chooser_messages ();
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* Save As of an imported article proposes to save beside it, not in the working folder. */
static void
test_save_chooser_beside_import (void)
{
  g_autofree char *path = sample_with_no_entities ();
  g_autoptr(GFile) folder = g_file_new_for_path (SAMPLE_DIR);
  g_autoptr(GFile) current = NULL;
  g_autofree char *name = NULL;
  AnnWindow *window = open_window (app, path);
  GtkWindow *chooser;

  g_assert_null (ann_window_get_location (window));
  activate (window, "save-as", NULL);
  wait_until (chooser_shown, NULL);
  chooser = find_file_chooser ();
  current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (current);
  g_assert_true (g_file_equal (current, folder));
  g_assert_cmpstr (name, ==, "sample-article.json");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  spin ();

  close_and_finalize (window);
  dismiss_chooser_messages ();
}

/* A chooser answered in time does its work, and the window still goes cleanly. */
static void
test_chooser_answers (void)
{
  g_autofree char *path = sample_with_no_entities ();
  g_autoptr(GFile) annotated = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");
  AnnWindow *window = open_window (app, path);
  GtkWindow *chooser;

  activate (window, "save-as", NULL);
  wait_until (chooser_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_file_chooser ()), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_null (find_file_chooser ());

  activate (window, "open", NULL);
  wait_until (chooser_shown, NULL);
  chooser = find_file_chooser ();
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), annotated, NULL));
  /* The chooser selects the file once it has read the folder. */
  wait_until (chooser_has_file, chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_until (has_n_entities, window);

  close_and_finalize (window);
  dismiss_chooser_messages ();
}

/* The export chooser proposes a name beside the annotation file that is not that file: the
 * JSON formats get the format's name ("article-w3c.json", whose article.txt part could be the
 * article itself), the others their own extension. */
static void
test_export_chooser_names (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  const char *stem = "sample-article";
  const struct { const char *format; const char *suffix; } cases[] = {
    { "labelstudio", "-labelstudio.json" },
    { "w3c", "-w3c.json" },
    { "brat", ".ann" },
    { "doccano", ".jsonl" },
    { "html", ".html" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strconcat (stem, cases[i].suffix, NULL);
      g_autofree char *proposed = NULL;
      GtkWindow *chooser;

      activate (window, "export", cases[i].format);
      wait_until (chooser_shown, NULL);
      chooser = find_file_chooser ();
      proposed = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_assert_cmpstr (proposed, ==, expected);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      spin ();
      g_assert_null (find_file_chooser ());
    }

  close_and_finalize (window);
  dismiss_chooser_messages ();
}

/* Export in every format from the window, then import the brat export back: it opens as new,
 * unsaved annotations with the same entities. */
static void
test_export_and_import (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree const AnnFormat **formats = ann_format_list ();
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  g_autofree char *brat_path = g_build_filename (dir, "sample.ann", NULL);
  g_autoptr(GFile) brat = g_file_new_for_path (brat_path);
  g_autoptr(GError) error = NULL;
  AnnFile *original = ann_window_get_file (window);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("sample-%s.%s", formats[i]->id, formats[i]->extension);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) target = g_file_new_for_path (path);

      g_assert_true (ann_window_export_to (window, formats[i], target, &error));
      g_assert_no_error (error);
    }
  g_assert_true (ann_window_export_to (window, ann_format_lookup ("brat"), brat, &error));
  g_assert_true (g_file_test (brat_path, G_FILE_TEST_EXISTS));

  /* The format is told from the name. */
  the_window = window;
  ann_window_import_file (window, brat, NULL);
  wait_until (has_other_file, original);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 48);
  g_assert_null (ann_window_get_location (window));
  close_and_finalize (window);
}

/* Three annotators' files of one article: every candidate shown with who had it, the
 * disagreements alone on request, decisions by the keys' actions, figures that follow the
 * decisions, and a gold file that loads. */
static GtkDropTarget *
drop_target_of (AnnWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

static gboolean
drop_files (AnnWindow   *window,
            const char **fixtures)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = NULL;
  gboolean done = FALSE;

  for (guint i = 0; fixtures[i] != NULL; i++)
    {
      g_autofree char *path = fixture (fixtures[i]);

      list = g_slist_append (list, g_file_new_for_path (path));
    }
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, list);
  g_slist_free_full (list, g_object_unref);
  g_signal_emit_by_name (drop_target_of (window), "drop", &value, 10.0, 10.0, &done);
  return done;
}

/* Several annotation files dropped on a window are a review there, as on the command line;
 * files of another article are refused, naming the files. */
static void
test_drop_several_is_review (void)
{
  AnnWindow *window = new_window (app);
  g_autofree char *message = NULL;
  GtkWindow *dialog;

  g_assert_true (drop_files (window, (const char *[]) { "agreement/an.json", "agreement/binh.json",
                                                        "valid/vietnamese.json", NULL }));
  wait_until (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  message = message_dialog_text (dialog);
  g_assert_nonnull (strstr (message, "binh.json"));
  g_assert_nonnull (strstr (message, "vietnamese.json"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  spin ();
  g_assert_null (ann_window_get_file (window));

  g_assert_true (drop_files (window, (const char *[]) { "agreement/an.json", "agreement/binh.json",
                                                        "agreement/chi.json", NULL }));
  wait_until (has_file, window);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 9);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("New gold file"));
  g_assert_nonnull (ann_window_get_review_figures (window));

  close_and_finalize (window);
}

static void
test_review (void)
{
  const char *names[] = { "an.json", "binh.json", "chi.json" };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree char *gold_path = g_build_filename (dir, "gold.json", NULL);
  g_autoptr(GFile) gold = g_file_new_for_path (gold_path);
  g_autoptr(AnnFile) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  AnnWindow *window;
  AnnEntityStore *store;
  AnnEntity *accepted;
  GListModel *shown;
  guint pending;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_build_filename ("agreement", names[i], NULL);
      g_autofree char *path = fixture (name);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  window = new_window (app);
  ann_window_review_files (window, files);
  wait_until (has_file, window);
  spin ();

  store = store_of (window);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 9);
  /* A new gold file, named as such, not after the article's text file. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("New gold file"));
  for (guint i = 0; i < 9; i++)
    g_assert_nonnull (ann_entity_get_annotators (ann_entity_store_get_nth (store, i)));
  pending = count_status (store, ANN_ENTITY_STATUS_PENDING);
  g_assert_cmpuint (pending, >, 0);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_ACCEPTED), ==, 9 - pending);

  /* The pairwise figures are those of the agree command. */
  g_assert_nonnull (strstr (ann_window_get_review_figures (window), "an–binh: F1 0.73, κ 0.93"));
  before = g_strdup (ann_window_get_review_figures (window));
  /* Then each annotator against the accepted candidates, F1 and token kappa: six kappas in
   * all, three pairs and three annotators. */
  {
    g_auto(GStrv) kappas = g_strsplit (before, "κ", -1);

    g_assert_cmpuint (g_strv_length (kappas), ==, 7);
    g_assert_nonnull (strstr (before, "binh F1 "));
  }

  /* Only the disagreements: what all three had is hidden. */
  {
    AnnAnnotationPanel *panel = ANN_ANNOTATION_PANEL (ann_window_get_panel (window));
    guint disagreements = 0;

    for (guint i = 0; i < 9; i++)
      if (ann_review_is_disagreement (ann_review_classify (store, ann_entity_store_get_nth (store, i), 3)))
        disagreements++;
    g_assert_cmpuint (disagreements, >, 0);
    g_assert_cmpuint (disagreements, <, 9);

    /* Each row says who had the candidate and how that stands: "an, binh · label conflict". */
    for (AnnReviewState state = ANN_REVIEW_SOME; state <= ANN_REVIEW_BOUNDARY_CONFLICT; state++)
      {
        g_autofree char *suffix = g_strconcat (" · ", ann_review_state_describe (state), NULL);
        guint nth = 0;

        g_assert_nonnull (find_widget (GTK_WIDGET (panel), GTK_TYPE_LABEL, label_has_suffix, suffix, &nth));
      }

    /* A boundary conflict shows by shape (italics), not by its line's colour alone. */
    for (guint i = 0; i < 9; i++)
      {
        AnnEntity *candidate = ann_entity_store_get_nth (store, i);

        if (ann_review_classify (store, candidate, 3) == ANN_REVIEW_BOUNDARY_CONFLICT)
          {
            AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (ann_article_view_get_text_view (view));
            GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                         "review-boundary-conflict");
            PangoStyle style;

            g_assert_true (has_tag_named (window, ann_entity_get_start (candidate), "review-boundary-conflict"));
            g_object_get (tag, "style", &style, NULL);
            g_assert_cmpint (style, ==, PANGO_STYLE_ITALIC);
          }
      }

    ann_annotation_panel_set_disagreements_only (panel, TRUE);
    spin ();
    shown = ann_annotation_panel_get_shown (panel);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, disagreements);
    ann_annotation_panel_set_disagreements_only (panel, FALSE);
    spin ();
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 9);
  }

  /* Tab goes to an undecided candidate; Enter accepts it, Backspace rejects the next. */
  activate (window, "next-entity", NULL);
  g_assert_cmpint (ann_entity_get_status (ann_window_get_selected (window)), ==, ANN_ENTITY_STATUS_PENDING);
  activate (window, "accept", NULL);
  accepted = ann_window_get_selected (window);
  g_assert_cmpint (ann_entity_get_status (accepted), ==, ANN_ENTITY_STATUS_ACCEPTED);
  activate (window, "next-entity", NULL);
  g_assert_cmpint (ann_entity_get_status (ann_window_get_selected (window)), ==, ANN_ENTITY_STATUS_PENDING);
  activate (window, "reject", NULL);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_PENDING), ==, pending - 2);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_REJECTED), ==, 1);

  /* With nothing selected, Tab from the text cursor skips what is decided too. */
  ann_window_select_text (window, ann_entity_get_start (accepted), ann_entity_get_start (accepted));
  ann_window_select_entity (window, NULL);
  activate (window, "next-entity", NULL);
  g_assert_cmpint (ann_entity_get_status (ann_window_get_selected (window)), ==, ANN_ENTITY_STATUS_PENDING);

  /* The rejected candidate is struck through where no decided candidate (accepted) covers it
   * (test_rejected_look checks the colour goes). */
  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *candidate = ann_entity_store_get_nth (store, i);

      if (ann_entity_get_status (candidate) != ANN_ENTITY_STATUS_REJECTED)
        continue;
      for (guint offset = ann_entity_get_start (candidate); offset < ann_entity_get_end (candidate); offset++)
        {
          g_autoptr(GPtrArray) here = ann_entity_store_get_overlapping (store, offset, offset + 1);
          gboolean covered = FALSE;

          for (guint j = 0; j < here->len; j++)
            if (ann_entity_get_status (g_ptr_array_index (here, j)) == ANN_ENTITY_STATUS_ACCEPTED)
              covered = TRUE;
          g_assert_true (has_tag_named (window, offset, "rejected") == !covered);
        }
    }

  /* Accepting one more moved the annotators' figures against the gold. */
  g_assert_cmpstr (ann_window_get_review_figures (window), !=, before);

  /* Saved, the gold file records the reviewer, each candidate's status and annotators. */
  ann_file_set_annotator (ann_window_get_file (window), "reviewer");
  g_assert_true (ann_window_save_to (window, gold, &error));
  g_assert_no_error (error);
  reloaded = ann_file_load (gold, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ann_file_get_annotator (reloaded), ==, "reviewer");
  g_assert_cmpuint (count_status (ann_file_get_entities (reloaded), ANN_ENTITY_STATUS_REJECTED), ==, 1);
  g_assert_cmpuint (count_status (ann_file_get_entities (reloaded), ANN_ENTITY_STATUS_PENDING), ==, pending - 2);

  close_and_finalize (window);
  g_assert_cmpint (g_remove (gold_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Suggestions: Suggest adds pending entities in one undo step; Enter accepts one, Backspace
 * rejects one, Ctrl+Enter accepts every suggestion of the selected one's label; tagging a
 * string offers its other occurrences when propagation is on. */
static void
test_suggestions (void)
{
  g_autofree char *path = sample_with_no_entities ();
  AnnWindow *window = open_window (app, path);
  AnnEntityStore *store = store_of (window);
  guint suggested, start, rejected_start, rejected_end;
  AnnEntity *first, *rejected;
  g_autofree char *label = NULL;
  g_autofree char *rejected_label = NULL;
  guint same_label = 0;

  suggested = ann_window_suggest (window);
  g_assert_cmpuint (suggested, >, 20);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, suggested);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_PENDING), ==, suggested);
  g_assert_nonnull (ann_entity_store_find (store, offset_of (window, "Kế hoạch số 45-KH/TU", 0),
                                           offset_of (window, "Kế hoạch số 45-KH/TU", 0) +
                                           length_of ("Kế hoạch số 45-KH/TU"), "DOC"));

  /* Running it again adds nothing: suggestions never duplicate, and the message says so. */
  g_assert_cmpint (ann_window_suggest (window), ==, 0);
  {
    g_autofree char *message = revealed_bar_text (GTK_WIDGET (window), GTK_MESSAGE_INFO);

    g_assert_cmpstr (message, ==, _("No new suggestions: what the rules and lists find is tagged "
                                    "already"));
  }

  activate (window, "next-entity", NULL);
  first = ann_window_get_selected (window);
  g_assert_nonnull (first);
  activate (window, "accept", NULL);
  g_assert_cmpint (ann_entity_get_status (ann_window_get_selected (window)), ==, ANN_ENTITY_STATUS_ACCEPTED);
  activate (window, "next-entity", NULL);
  rejected = ann_window_get_selected (window);
  rejected_start = ann_entity_get_start (rejected);
  rejected_end = ann_entity_get_end (rejected);
  rejected_label = g_strdup (ann_entity_get_label (rejected));
  activate (window, "reject", NULL);
  /* A rejected suggestion stays, as the record that it was turned down. */
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, suggested);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_REJECTED), ==, 1);
  /* The next suggestion takes the selection: Backspace can go on. */
  g_assert_nonnull (ann_window_get_selected (window));
  g_assert_cmpint (ann_entity_get_status (ann_window_get_selected (window)), ==, ANN_ENTITY_STATUS_PENDING);
  /* Suggest does not offer it again. */
  g_assert_cmpint (ann_window_suggest (window), ==, 0);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_REJECTED), ==, 1);
  /* Tagging it by hand takes it back, as an entity without status; undo turns it down again. */
  ann_window_select_text (window, rejected_start, rejected_end);
  activate (window, "tag", rejected_label);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, suggested);
  g_assert_cmpint (ann_entity_get_status (ann_entity_store_find (store, rejected_start, rejected_end,
                                                                 rejected_label)),
                   ==, ANN_ENTITY_STATUS_NONE);
  activate (window, "undo", NULL);
  g_assert_cmpint (ann_entity_get_status (ann_entity_store_find (store, rejected_start, rejected_end,
                                                                 rejected_label)),
                   ==, ANN_ENTITY_STATUS_REJECTED);

  /* All suggestions of one label at once. */
  activate (window, "next-entity", NULL);
  label = g_strdup (ann_entity_get_label (ann_window_get_selected (window)));
  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, i);

      if (g_strcmp0 (ann_entity_get_label (entity), label) == 0 &&
          ann_entity_get_status (entity) == ANN_ENTITY_STATUS_PENDING)
        same_label++;
    }
  activate (window, "accept-all", NULL);
  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, i);

      if (g_strcmp0 (ann_entity_get_label (entity), label) == 0)
        g_assert_cmpint (ann_entity_get_status (entity), !=, ANN_ENTITY_STATUS_PENDING);
    }
  g_assert_cmpuint (same_label, >, 0);

  /* Every step undoes: accept-all, reject, accept, suggest. */
  activate (window, "undo", NULL);
  activate (window, "undo", NULL);
  activate (window, "undo", NULL);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_PENDING), ==, suggested);
  activate (window, "undo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 0);

  /* Propagation: tagging "Hùng" offers its other occurrence. */
  set_propagation (TRUE);
  start = offset_of (window, "Hùng", 0);
  ann_window_select_text (window, start, start + length_of ("Hùng"));
  activate (window, "tag", "PER");
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 2);
  g_assert_cmpuint (count_status (store, ANN_ENTITY_STATUS_PENDING), ==, 1);
  /* One undo takes back the tag and what it offered. */
  activate (window, "undo", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 0);
  set_propagation (FALSE);

  close_and_finalize (window);
}

/* A string with more occurrences than anyone decides one by one is not propagated: the
 * window says so, and points to Tag All Occurrences. */
static void
test_propagation_too_many (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree char *path = g_build_filename (dir, "hung.txt", NULL);
  g_autoptr(GString) text = g_string_new ("Danh sách\n");
  g_autofree char *message = NULL;
  AnnWindow *window;

  for (guint i = 0; i < 600; i++)
    g_string_append (text, "ông Hùng, ");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  set_propagation (TRUE);
  window = open_window (app, path);

  ann_window_select_text (window, offset_of (window, "Hùng", 0), offset_of (window, "Hùng", 0) + 4);
  activate (window, "tag", "PER");
  set_propagation (FALSE);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 1);
  message = revealed_bar_text (GTK_WIDGET (window), GTK_MESSAGE_INFO);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "599"));

  activate (window, "tag-all-occurrences", NULL);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store_of (window)), ==, 600);
  close_and_finalize (window);
}

/* The user's own rules file, chosen in Preferences, replaces the bundled rules. */
static void
test_user_rules (void)
{
  static const char rules[] =
    "{\"format\": \"article-annotator-suggest-rules\", \"version\": 1, \"rules\": ["
    "{\"id\": \"vietgap\", \"label\": \"MISC\", \"pattern\": \"VietGAP\"}]}";
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree char *rules_path = g_build_filename (dir, "rules.json", NULL);
  g_autofree char *path = sample_with_no_entities ();
  GSettings *settings = ann_application_get_settings (app);
  AnnWindow *window;
  AnnEntity *only;
  int added;

  g_assert_true (g_file_set_contents (rules_path, rules, -1, NULL));
  g_settings_set_string (settings, "rules-file", rules_path);

  window = open_window (app, path);
  added = ann_window_suggest (window);
  g_settings_reset (settings, "rules-file");

  /* The bundled gazetteers still run: VietGAP from the rule, places from the lists. */
  g_assert_cmpint (added, >, 1);
  only = ann_entity_store_find (store_of (window), offset_of (window, "VietGAP", 0),
                                offset_of (window, "VietGAP", 0) + 7, "MISC");
  g_assert_nonnull (only);
  /* No bundled rule ran: no document reference was suggested. */
  for (guint i = 0; i < ann_entity_store_get_n_entities (store_of (window)); i++)
    g_assert_cmpstr (ann_entity_get_label (ann_entity_store_get_nth (store_of (window), i)), !=, "DOC");

  activate (window, "undo", NULL);
  close_and_finalize (window);
  g_assert_cmpint (g_remove (rules_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The user's lists of names, chosen in Preferences, add to the bundled ones; a list that
 * cannot be used is left out, and said so, while the others still work. */
static void
test_user_gazetteers (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-window");
  g_autofree char *good = g_build_filename (dir, "nguoi.txt", NULL);
  g_autofree char *unlabelled = g_build_filename (dir, "khong-nhan.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "mat.txt", NULL);
  g_autofree char *path = sample_with_no_entities ();
  GSettings *settings = ann_application_get_settings (app);
  g_autofree char *message = NULL;
  AnnWindow *window;
  guint start;

  g_assert_true (g_file_set_contents (good, "# label: PER\nPhan Quốc Hùng\n", -1, NULL));
  g_assert_true (g_file_set_contents (unlabelled, "VietGAP\n", -1, NULL));
  g_settings_set_strv (settings, "user-gazetteers",
                       (const char * const[]) { unlabelled, good, missing, NULL });

  window = open_window (app, path);
  g_assert_cmpint (ann_window_suggest (window), >, 1);
  g_settings_reset (settings, "user-gazetteers");

  start = offset_of (window, "Phan Quốc Hùng", 0);
  g_assert_nonnull (ann_entity_store_find (store_of (window), start,
                                           start + length_of ("Phan Quốc Hùng"), "PER"));
  message = revealed_bar_text (GTK_WIDGET (window), GTK_MESSAGE_WARNING);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "khong-nhan.txt"));
  g_assert_nonnull (strstr (message, "mat.txt"));
  g_assert_null (strstr (message, "nguoi.txt"));

  close_and_finalize (window);
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

  /* As main.c does: window-vi points ANN_LOCALEDIR at the catalogues of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANN_LOCALEDIR") ? g_getenv ("ANN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  ui_test_init_gtk ();

  app = ann_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  /* Most tests count entities after tagging: propagation is tested on its own. */
  set_propagation (FALSE);

  g_test_add_func ("/window/open-shows-entities", test_open_shows_entities);
  g_test_add_func ("/window/tag-relabel-delete-undo", test_tag_relabel_delete_undo);
  g_test_add_func ("/window/tag-all-occurrences", test_tag_all_occurrences);
  g_test_add_func ("/window/tag-all-keeps-out-of-same-label", test_tag_all_keeps_out_of_same_label);
  g_test_add_func ("/window/find-tone-marks", test_find_ignores_tone_mark_placement);
  g_test_add_func ("/window/save-and-reload", test_save_and_reload);
  g_test_add_func ("/window/save-names-annotator", test_save_names_annotator);
  g_test_add_func ("/window/list-follows-selection", test_list_follows_selection);
  g_test_add_func ("/window/unsaved-changes-guard", test_unsaved_changes_guard);
  g_test_add_func ("/window/failed-load", test_failed_load_keeps_document);
  g_test_add_func ("/window/recovery-file", test_recovery_file);
  g_test_add_func ("/window/export-and-import", test_export_and_import);
  g_test_add_func ("/window/export-chooser-names", test_export_chooser_names);
  g_test_add_func ("/window/review", test_review);
  g_test_add_func ("/window/drop-several-is-review", test_drop_several_is_review);
  g_test_add_func ("/window/suggestions", test_suggestions);
  g_test_add_func ("/window/user-rules", test_user_rules);
  g_test_add_func ("/window/user-gazetteers", test_user_gazetteers);
  g_test_add_func ("/window/propagation-too-many", test_propagation_too_many);
  g_test_add_func ("/window/nested-highlights", test_nested_highlights);
  g_test_add_func ("/window/rejected-look", test_rejected_look);
  g_test_add_func ("/window/message-goes-with-its-document", test_message_goes_with_its_document);
  g_test_add_func ("/window/shortcuts-window-complete", test_shortcuts_window_complete);
  g_test_add_func ("/window/app-icon-bundled", test_app_icon_bundled);
  g_test_add_func ("/window/editor-keeps-note-and-ref", test_editor_keeps_note_and_ref);
  g_test_add_func ("/window/panel-follows-undo", test_panel_follows_undo);
  g_test_add_func ("/window/typed-note-is-kept", test_typed_note_is_kept);
  g_test_add_func ("/window/close-save-cancelled", test_close_save_cancelled);
  g_test_add_func ("/window/close-frees-document", test_close_frees_document);
  g_test_add_func ("/window/find-bar-returns-focus", test_find_bar_returns_focus);
  g_test_add_func ("/window/quit-closes-windows", test_quit_closes_windows);
  g_test_add_func ("/window/close-save-with-chooser", test_close_save_with_chooser);
  g_test_add_func ("/window/editor-shows-refused-relabel", test_editor_shows_refused_relabel);
  g_test_add_func ("/window/label-keys-only-in-article", test_label_keys_only_in_article);
  g_test_add_func ("/window/open-in-two-windows", test_open_in_two_windows);
  g_test_add_func ("/window/restore-asks-first", test_restore_asks_first);
  g_test_add_func ("/window/restore-skips-own-recovery", test_restore_skips_own_recovery);
  g_test_add_func ("/window/restore-newest", test_restore_newest);
  g_test_add_func ("/window/sticky-label", test_sticky_label);
  g_test_add_func ("/window/tag-matches-button", test_tag_matches_button_names_label);
  g_test_add_func ("/window/find-follows-open", test_find_follows_open);
  g_test_add_data_func ("/window/open-chooser-goes-with-window", "open", test_chooser_goes_with_window);
  g_test_add_func ("/window/close-while-loading", test_close_while_loading);
  g_test_add_func ("/window/chooser-answers", test_chooser_answers);
  g_test_add_func ("/window/save-chooser-beside-import", test_save_chooser_beside_import);
  g_test_add_data_func ("/window/save-chooser-goes-with-window", "save-as", test_chooser_goes_with_window);

  status = g_test_run ();
  g_clear_object (&app);
  test_remove_tree (home);
  return status;
}
