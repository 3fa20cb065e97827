/* ann-window.c: one article and its annotations: the view, the panel, files and edits
 *
 * The window owns the open file and its history; the article view and the panel show them.
 * Every command is a window action (win.tag, win.delete-entity, win.undo, …): keys, buttons,
 * the palette and the tests all go through the same actions, and every edit through the
 * history, so everything can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ann-annotation-panel.h"
#include "ann-article-view.h"
#include "ann-find.h"
#include "ann-format.h"
#include "ann-agreement.h"
#include "ann-disk-watch.h"
#include "ann-error.h"
#include "ann-review.h"
#include "ann-suggest.h"
#include "ann-io.h"
#include "ann-text.h"
#include "ann-window.h"

#define RECENT_MAX 10
#define DEFAULT_AUTOSAVE_SECONDS 30

typedef void (*Continuation) (AnnWindow *self);

struct _AnnWindow
{
  GtkApplicationWindow parent_instance;

  /* template */
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkInfoBar         *info_bar;
  GtkLabel           *info_label;
  GtkInfoBar         *recovery_bar;
  GtkWidget          *review_bar;
  GtkLabel           *review_title;
  GtkLabel           *review_figures;
  GtkLabel           *recovery_label;
  GtkSearchBar       *find_bar;
  GtkSearchEntry     *find_entry;
  GtkLabel           *find_status;
  GtkButton          *tag_matches_button;
  GtkToggleButton    *find_button;
  GtkPaned           *paned;
  GtkStack           *stack;
  GtkLabel           *loading_label;
  GtkProgressBar     *loading_progress;
  AnnArticleView     *article_view;
  AnnAnnotationPanel *panel;
  GMenu              *recent_submenu;
  GMenu              *export_submenu;

  /* the open file */
  AnnFile            *file;
  AnnHistory         *history;
  GFile              *location;         /* nullable: an imported article has none yet */
  GFile              *origin_folder;    /* nullable: the folder of the file last opened */
  gboolean            restored;         /* recovered work, unsaved until saved */
  AnnDiskWatch       *disk_watch;       /* nullable: tells when another program changes location */
  GtkInfoBar         *changed_bar;      /* nullable: made when first needed */
  gboolean            diverged;         /* kept over a version changed on disk: unsaved */
  AnnEntity          *selected;
  char               *reselect_id;      /* the selected entity's id while it is replaced */

  /* commands */
  char               *current_label;    /* the label of the last tagging */
  gboolean            sticky;
  AnnSuggester       *propagation_rules;       /* nullable: see get_propagation_rules() */
  AnnLabelSchema     *propagation_labels;      /* the labels they were loaded for */
  char               *propagation_rules_file;  /* and the rules file, "" for the bundled */
  AnnFindIndex       *find_index;
  GArray             *find_matches;
  guint               find_current;

  /* files */
  GCancellable       *loading;
  guint               loading_pulse;
  GFile              *pending_open;     /* to open once unsaved changes are dealt with */
  AnnImportFunc       pending_import;   /* nullable: how to read it, if another tool's file */
  GPtrArray          *pending_review;   /* nullable: annotators' files (GFile) to review */

  /* review: the annotators' files whose candidates the open file curates */
  GPtrArray          *review_sources;   /* nullable: AnnFile */
  GStrv               review_names;
  guint               figures_source;
  guint               autosave_source;
  GFile              *recovery_file;
  Continuation        after_save;
  GtkRecentManager   *recent;
};

G_DEFINE_FINAL_TYPE (AnnWindow, ann_window, GTK_TYPE_APPLICATION_WINDOW)

static void update_title (AnnWindow *self);
static void update_actions (AnnWindow *self);
static void save_then (AnnWindow *self, Continuation then);
static void remember_size (AnnWindow *self);
static void clear_review (AnnWindow *self);
static void on_find_changed (AnnWindow *self);

/* --- small helpers ------------------------------------------------------------------------ */

static GSettings *
get_settings (AnnWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return ANN_IS_APPLICATION (app) ? ann_application_get_settings (ANN_APPLICATION (app)) : NULL;
}

static void
show_info (AnnWindow      *self,
           GtkMessageType  type,
           const char     *message)
{
  gtk_info_bar_set_message_type (self->info_bar, type);
  gtk_label_set_label (self->info_label, message);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
}

static void
on_info_bar_response (AnnWindow *self,
                      int        response)
{
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
}

/* Closes a dialog of this window. Its transient parent is unset first: the emission of the
 * answer holds the dialog's last reference, which can outlive the window when the answer closes
 * it (Discard, then quit), and GTK 4.8 would then disconnect from the freed window. */
static void
dismiss_dialog (GtkDialog *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A modal message for what the user must not miss: a failed load or save. */
static void
show_error (AnnWindow  *self,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (dismiss_dialog), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_modified (AnnWindow *self)
{
  return self->history != NULL &&
         (self->restored || self->diverged || ann_history_get_modified (self->history));
}

/* --- selection ---------------------------------------------------------------------------- */

void
ann_window_select_entity (AnnWindow *self,
                          AnnEntity *entity)
{
  g_return_if_fail (ANN_IS_WINDOW (self));

  if (!g_set_object (&self->selected, entity))
    return;
  ann_article_view_set_selected (self->article_view, entity);
  ann_annotation_panel_set_selected (self->panel, entity);
  update_actions (self);
}

AnnEntity *
ann_window_get_selected (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), NULL);

  return self->selected;
}

/* An edit replaces the entity object; the selection follows it by id. */
static void
on_store_entity_removed (AnnWindow *self,
                         AnnEntity *entity,
                         guint      position)
{
  if (entity != self->selected)
    return;
  g_free (self->reselect_id);
  self->reselect_id = g_strdup (ann_entity_get_id (entity));
  ann_window_select_entity (self, NULL);
}

static void
on_store_entity_added (AnnWindow *self,
                       AnnEntity *entity,
                       guint      position)
{
  if (self->reselect_id != NULL && g_strcmp0 (self->reselect_id, ann_entity_get_id (entity)) == 0)
    {
      g_clear_pointer (&self->reselect_id, g_free);
      ann_window_select_entity (self, entity);
    }
}

static void
on_entity_clicked (AnnWindow *self,
                   AnnEntity *entity)
{
  g_clear_pointer (&self->reselect_id, g_free);
  ann_window_select_entity (self, entity);
}

/* --- the open file ------------------------------------------------------------------------ */

static void
on_history_changed (AnnWindow *self)
{
  update_title (self);
  update_actions (self);
}

/* The label that tagging uses next; the find bar's button names it. */
static void
set_current_label (AnnWindow  *self,
                   const char *label)
{
  /* Copied before the old one is freed: @label may be the current label itself. */
  char *copy = g_strdup (label);
  g_autofree char *button = NULL;

  g_free (self->current_label);
  self->current_label = copy;
  /* TRANSLATORS: the find bar's button that tags every match; %s is a label id such as LOC */
  button = copy != NULL ? g_strdup_printf (_("Tag All as %s"), copy) : g_strdup (_("Tag All"));
  gtk_button_set_label (self->tag_matches_button, button);
}

static void
clear_find (AnnWindow *self)
{
  g_clear_pointer (&self->find_index, ann_find_index_free);
  g_clear_pointer (&self->find_matches, g_array_unref);
  ann_article_view_set_find_matches (self->article_view, NULL);
  gtk_label_set_label (self->find_status, "");
}

static void delete_recovery_path (const char *path);
static void forget_disk (AnnWindow *self);

static void
delete_recovery (AnnWindow *self)
{
  if (self->recovery_file == NULL)
    return;
  delete_recovery_path (g_file_peek_path (self->recovery_file));
  g_clear_object (&self->recovery_file);
}

static void
set_file (AnnWindow *self,
          AnnFile   *file,
          GFile     *location)
{
  if (self->file != NULL)
    g_signal_handlers_disconnect_by_data (ann_file_get_entities (self->file), self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  ann_window_select_entity (self, NULL);
  g_clear_pointer (&self->reselect_id, g_free);
  /* A message about the document that was open is not about this one. */
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  clear_review (self);
  clear_find (self);
  delete_recovery (self);
  forget_disk (self);
  self->restored = FALSE;

  g_set_object (&self->file, file);
  g_set_object (&self->location, location);
  g_clear_object (&self->history);

  if (file != NULL)
    {
      AnnLabelSchema *labels = ann_file_get_labels (file);

      self->history = ann_history_new (ann_file_get_entities (file));
      g_signal_connect_swapped (self->history, "notify", G_CALLBACK (on_history_changed), self);
      g_signal_connect_swapped (ann_file_get_entities (file), "entity-removed",
                                G_CALLBACK (on_store_entity_removed), self);
      g_signal_connect_swapped (ann_file_get_entities (file), "entity-added",
                                G_CALLBACK (on_store_entity_added), self);
      set_current_label (self, ann_label_schema_get_n_labels (labels) > 0
                               ? ann_label_get_id (ann_label_schema_get_nth (labels, 0)) : NULL);
    }

  ann_article_view_set_file (self->article_view, file);
  ann_annotation_panel_set_file (self->panel, file, self->history);
  gtk_stack_set_visible_child_name (self->stack, file ? "article" : "empty");
  if (file != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (ann_article_view_get_text_view (self->article_view)));

  update_title (self);
  update_actions (self);

  /* A find bar left open finds its query in the new article, rather than show a query
   * without matches. */
  if (file != NULL && gtk_search_bar_get_search_mode (self->find_bar) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->find_entry)) != '\0')
    on_find_changed (self);
}

static char *
display_name (AnnWindow *self)
{
  /* From the name alone: the title is refreshed on every edit, so no disk access here. */
  if (self->location != NULL && g_file_peek_path (self->location) != NULL)
    return g_filename_display_basename (g_file_peek_path (self->location));
  if (self->location != NULL)
    return g_file_get_basename (self->location);

  /* A review makes a new gold file: not the article's text file, nor any annotator's. */
  if (self->review_sources != NULL)
    return g_strdup (_("New gold file"));

  /* An imported article is named after its text file until it is saved. */
  if (self->file != NULL && ann_document_get_source (ann_file_get_document (self->file)) != NULL)
    return g_strdup (ann_document_get_source (ann_file_get_document (self->file)));
  return g_strdup (_("Unsaved annotations"));
}

static void
update_title (AnnWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  const char *article_title;

  if (self->file == NULL)
    {
      gtk_label_set_label (self->title_label, _("Article Annotator"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Article Annotator"));
      return;
    }

  name = display_name (self);
  /* A bullet before the name marks unsaved changes, as in GNOME's editors. */
  title = is_modified (self) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  gtk_label_set_label (self->title_label, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  article_title = ann_document_get_title (ann_file_get_document (self->file));
  gtk_label_set_label (self->subtitle_label, article_title ? article_title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), article_title != NULL);
}

static void
enable (AnnWindow  *self,
        const char *name,
        gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (AnnWindow *self)
{
  gboolean open = self->file != NULL;
  gboolean selected = self->selected != NULL;

  enable (self, "save", open);
  enable (self, "save-as", open);
  enable (self, "export", open);
  enable (self, "undo", open && ann_history_can_undo (self->history));
  enable (self, "redo", open && ann_history_can_redo (self->history));
  enable (self, "tag", open);
  enable (self, "tag-key", open);
  enable (self, "relabel", selected);
  enable (self, "delete-entity", selected);
  enable (self, "tag-all-occurrences", selected);
  enable (self, "set-note", selected);
  enable (self, "set-ref", selected);
  enable (self, "set-status", selected);
  enable (self, "accept", selected);
  enable (self, "reject", selected);
  enable (self, "accept-all", selected);
  enable (self, "reject-all", selected);
  enable (self, "suggest", open);
  enable (self, "next-entity", open);
  enable (self, "previous-entity", open);
  enable (self, "find", open);
  enable (self, "find-next", open);
  enable (self, "find-previous", open);
  enable (self, "tag-all-matches", open && self->find_matches && self->find_matches->len > 0);
}

AnnFile *
ann_window_get_file (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), NULL);

  return self->file;
}

AnnHistory *
ann_window_get_history (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), NULL);

  return self->history;
}

GFile *
ann_window_get_location (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), NULL);

  return self->location;
}

GtkWidget *
ann_window_get_article_view (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->article_view);
}

GtkWidget *
ann_window_get_panel (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->panel);
}

/**
 * ann_window_is_modified:
 *
 * Whether the annotations differ from what was last saved (or restored work is unsaved).
 */
gboolean
ann_window_is_modified (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), FALSE);

  return is_modified (self);
}

gboolean
ann_window_is_empty (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), FALSE);

  return self->file == NULL && self->loading == NULL;
}

/* --- review ------------------------------------------------------------------------------ */

static gboolean
update_figures (gpointer user_data)
{
  AnnWindow *self = user_data;
  g_autofree char *figures = NULL;

  self->figures_source = 0;
  if (self->review_sources == NULL)
    return G_SOURCE_REMOVE;

  figures = ann_review_describe_figures (self->review_sources,
                                         (const char * const *) self->review_names, self->file);
  gtk_label_set_label (self->review_figures, figures);
  return G_SOURCE_REMOVE;
}

/* The figures against the gold follow every decision, computed once per burst of edits. */
static void
queue_figures (AnnWindow *self)
{
  if (self->figures_source == 0)
    self->figures_source = g_idle_add_full (G_PRIORITY_LOW, update_figures, self, NULL);
}

static void
clear_review (AnnWindow *self)
{
  g_clear_handle_id (&self->figures_source, g_source_remove);
  g_clear_pointer (&self->review_sources, g_ptr_array_unref);
  g_clear_pointer (&self->review_names, g_strfreev);
  ann_article_view_set_review (self->article_view, 0);
  ann_annotation_panel_set_review (self->panel, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->review_bar), FALSE);
}

static void
set_review (AnnWindow *self,
            GPtrArray *sources,
            GStrv      names)
{
  g_autofree char *who = g_strjoinv (", ", names);
  g_autofree char *title = g_strdup_printf (_("Reviewing %u annotators: %s"), sources->len, who);

  self->review_sources = g_ptr_array_ref (sources);
  self->review_names = g_strdupv (names);
  ann_article_view_set_review (self->article_view, sources->len);
  ann_annotation_panel_set_review (self->panel, sources->len);
  gtk_label_set_label (self->review_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->review_bar), TRUE);
  g_signal_connect_swapped (ann_file_get_entities (self->file), "items-changed",
                            G_CALLBACK (queue_figures), self);
  update_figures (self);
  update_title (self);
}

/**
 * ann_window_get_review_figures:
 *
 * Returns: (nullable): the agreement figures the review shows, or %NULL outside review
 */
const char *
ann_window_get_review_figures (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), NULL);

  if (self->review_sources == NULL)
    return NULL;
  update_figures (self);
  return gtk_label_get_label (self->review_figures);
}

/* --- the file on disk, and other programs ------------------------------------------------- */

enum {
  RESPONSE_RELOAD = 1,
  RESPONSE_KEEP = 2,
};

/* Whether another program changed the open file since this window last read or wrote it. A
 * file that is gone is not "changed": saving makes it again and overwrites nothing. */
static gboolean
changed_on_disk (AnnWindow *self)
{
  return self->disk_watch != NULL && ann_disk_watch_is_changed (self->disk_watch);
}

static void
stop_watching (AnnWindow *self)
{
  if (self->disk_watch != NULL)
    g_signal_handlers_disconnect_by_data (self->disk_watch, self);
  g_clear_object (&self->disk_watch);
}

static void
forget_disk (AnnWindow *self)
{
  stop_watching (self);
  self->diverged = FALSE;
  if (self->changed_bar != NULL)
    gtk_info_bar_set_revealed (self->changed_bar, FALSE);
}

static void start_loading (AnnWindow *self, GFile *file, AnnImportFunc import, GPtrArray *review);

static void
on_changed_response (AnnWindow *self,
                     int        response)
{
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  if (self->location == NULL)
    return;

  if (response == RESPONSE_RELOAD)
    {
      g_autoptr(GFile) location = g_object_ref (self->location);

      /* The user chose the other program's version over the work here. */
      self->restored = FALSE;
      forget_disk (self);
      ann_history_mark_saved (self->history);
      delete_recovery (self);
      start_loading (self, location, NULL, NULL);
    }
  else if (response == RESPONSE_KEEP)
    {
      /* What is shown is what the file should hold: unsaved until saved, and the next save
       * replaces the other version without asking again. */
      if (self->disk_watch != NULL)
        ann_disk_watch_accept_current (self->disk_watch);
      self->diverged = TRUE;
      update_title (self);
      update_actions (self);
    }
}

static void
show_changed_bar (AnnWindow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->info_bar));
  g_autofree char *name = g_file_get_basename (self->location);
  g_autofree char *message = NULL;
  GtkWidget *label;

  if (self->changed_bar == NULL)
    {
      if (!GTK_IS_BOX (parent))
        return;
      self->changed_bar = GTK_INFO_BAR (gtk_info_bar_new_with_buttons (_("_Reload"), RESPONSE_RELOAD,
                                                                       _("_Keep Mine"), RESPONSE_KEEP,
                                                                       NULL));
      gtk_info_bar_set_message_type (self->changed_bar, GTK_MESSAGE_WARNING);
      gtk_info_bar_set_revealed (self->changed_bar, FALSE);
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_info_bar_add_child (self->changed_bar, label);
      g_object_set_data (G_OBJECT (self->changed_bar), "label", label);
      gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->changed_bar),
                                  GTK_WIDGET (self->info_bar));
      g_signal_connect_swapped (self->changed_bar, "response",
                                G_CALLBACK (on_changed_response), self);
    }

  label = g_object_get_data (G_OBJECT (self->changed_bar), "label");
  message = g_strdup_printf (_("“%s” was changed by another program. Reload it, losing the "
                               "changes made here, or keep the annotations shown here?"), name);
  gtk_label_set_label (GTK_LABEL (label), message);
  gtk_info_bar_set_revealed (self->changed_bar, TRUE);
}

/* A file monitor does not see every change: on a network file system another machine's
 * writes raise no event here. So the window looks again whenever the user comes back to it. */
static void
on_active_changed (AnnWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->disk_watch != NULL)
    ann_disk_watch_recheck (self->disk_watch);
}

/* Remembers the version of the location that the work here is based on (see AnnDiskWatch),
 * and watches for other programs' changes to it. */
static void
watch_location (AnnWindow  *self,
                const char *stamp,
                const char *checksum)
{
  stop_watching (self);
  if (self->location == NULL || checksum == NULL)
    return;

  self->disk_watch = ann_disk_watch_new (self->location, stamp, checksum);
  g_signal_connect_swapped (self->disk_watch, "changed", G_CALLBACK (show_changed_bar), self);
}

/**
 * ann_window_find_for_file:
 *
 * The window of @application that has @file open, if any: a file is open in one window at a
 * time, so that two windows never overwrite each other's work.
 *
 * Returns: (transfer none) (nullable): the window
 */
AnnWindow *
ann_window_find_for_file (GtkApplication *application,
                          GFile          *file)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (ANN_IS_WINDOW (l->data) && ANN_WINDOW (l->data)->location != NULL &&
        g_file_equal (ANN_WINDOW (l->data)->location, file))
      return l->data;
  return NULL;
}

/* --- loading ------------------------------------------------------------------------------ */

typedef struct
{
  AnnFile   *file;
  GFile     *location;   /* nullable: where saving goes */
  char      *stamp;      /* nullable: the location's stamp, taken before reading it */
  char      *checksum;   /* nullable: of the location's contents as read */
  char      *warning;    /* nullable */
  GPtrArray *sources;    /* in review: the annotators' files (AnnFile) */
  GStrv      names;      /* in review: their names */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->file);
  g_clear_object (&loaded->location);
  g_clear_pointer (&loaded->sources, g_ptr_array_unref);
  g_clear_pointer (&loaded->names, g_strfreev);
  g_free (loaded->stamp);
  g_free (loaded->checksum);
  g_free (loaded->warning);
  g_free (loaded);
}

static gboolean
is_annotation_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".json");
}

typedef struct
{
  GFile         *file;
  AnnImportFunc  import;   /* nullable: a native file or a text article */
  GPtrArray     *review;   /* nullable: annotators' files (GFile) to review, file is the first */
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->file);
  g_clear_pointer (&request->review, g_ptr_array_unref);
  g_free (request);
}

/* Loads the annotators' files and makes the candidates file the reviewer curates. */
static gboolean
load_review (GPtrArray  *files,
             Loaded     *loaded,
             GError    **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  loaded->sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    {
      AnnFile *source = ann_file_load (g_ptr_array_index (files, i), error);

      if (source == NULL)
        return FALSE;
      g_ptr_array_add (loaded->sources, source);
      g_ptr_array_add (paths, ann_io_describe_file (g_ptr_array_index (files, i)));
    }
  g_ptr_array_add (paths, NULL);

  loaded->names = ann_agreement_annotator_names (loaded->sources, (const char * const *) paths->pdata);
  /* A file of another article is named by its file, as the command line does. */
  if (!ann_agreement_check_document (loaded->sources, (const char * const *) paths->pdata, error))
    return FALSE;
  loaded->file = ann_review_start (loaded->sources, (const char * const *) loaded->names, error);
  return loaded->file != NULL;
}

/* GtkTextView lays out a whole line (a paragraph) at once, in the main loop, in more than
 * linear time: measured on Debian 12, a line of 1 000 000 characters takes 2 s and 200 MB, one
 * of 10 000 000 takes 70 s and 1.3 GB, a frozen window. Such a file is refused, with a clear
 * message, rather than hang the window; the command-line tool has no such limit. */
#define MAX_LINE_CHARS 1000000

static gboolean
check_line_lengths (AnnFile  *file,
                    GFile    *source,
                    GError  **error)
{
  const char *text = ann_document_get_text (ann_file_get_document (file));
  g_autofree char *name = NULL;
  guint line = 1, longest_line = 1;
  gsize chars = 0, longest = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      gboolean starts_a_character = (*p & 0xc0) != 0x80;

      if (*p == '\n')
        {
          line++;
          chars = 0;
        }
      else if (starts_a_character && ++chars > longest)
        {
          longest = chars;
          longest_line = line;
        }
    }
  if (longest <= MAX_LINE_CHARS)
    return TRUE;

  name = g_file_get_parse_name (source);
  g_set_error (error, ANN_ERROR, ANN_ERROR_TOO_LARGE,
               _("%s: line %u of the article has %lu characters, more than the %d that the "
                 "window can lay out. Split it into paragraphs, or use the command-line tool, "
                 "which has no such limit."),
               name, longest_line, (gulong) longest, MAX_LINE_CHARS);
  return FALSE;
}

/* Reads a native file, and what tells its version (see AnnDiskWatch). */
static void
load_native (GFile   *file,
             Loaded  *loaded,
             GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  const char *data;
  gsize length;

  /* Taken first: a change made while reading shows as a change. */
  loaded->stamp = ann_disk_watch_query_stamp (file);
  bytes = ann_io_load (file, error);
  if (bytes == NULL)
    return;
  data = g_bytes_get_data (bytes, &length);
  data = data != NULL ? data : "";
  display_name = ann_io_describe_file (file);
  loaded->file = ann_file_load_data (data, length, display_name, error);
  loaded->checksum = ann_disk_watch_checksum (data, length);
  loaded->location = g_object_ref (file);
}

/* Runs in a worker thread: reading and checking a large file must not stall the window. */
static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  GFile *file = request->file;
  Loaded *loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  /* Another tool's file, or a review, becomes a new, unsaved annotation file. */
  if (request->review != NULL)
    load_review (request->review, loaded, &error);
  else if (request->import != NULL)
    loaded->file = request->import (file, &loaded->warning, &error);
  else if (is_annotation_file (file))
    load_native (file, loaded, &error);
  else
    loaded->file = ann_file_import_text (file, &loaded->warning, &error);

  if (loaded->file == NULL || !check_line_lengths (loaded->file, file, &error))
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static gboolean
pulse_loading (gpointer user_data)
{
  AnnWindow *self = user_data;

  gtk_progress_bar_pulse (self->loading_progress);
  return G_SOURCE_CONTINUE;
}

static void
stop_loading (AnnWindow *self)
{
  g_clear_handle_id (&self->loading_pulse, g_source_remove);
  g_clear_object (&self->loading);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnnWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadRequest *request = g_task_get_task_data (G_TASK (result));
  Loaded *loaded;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_loading (self);

  if (loaded == NULL)
    {
      g_autofree char *uri = g_file_get_uri (request->file);

      /* The document that was open stays open, untouched. The file chooser put the file in
       * the recent files already: a file that does not open is taken out again. */
      gtk_stack_set_visible_child_name (self->stack, self->file ? "article" : "empty");
      if (self->recent != NULL && gtk_recent_manager_has_item (self->recent, uri))
        gtk_recent_manager_remove_item (self->recent, uri, NULL);
      show_error (self, _("The file could not be opened"), error->message);
      return;
    }

  set_file (self, loaded->file, loaded->location);
  /* Where Save As proposes to write an imported article or a new gold file: beside it. */
  g_clear_object (&self->origin_folder);
  self->origin_folder = g_file_get_parent (request->file);
  watch_location (self, loaded->stamp, loaded->checksum);
  if (loaded->sources != NULL)
    set_review (self, loaded->sources, loaded->names);
  if (loaded->location != NULL)
    {
      g_autofree char *uri = g_file_get_uri (loaded->location);

      gtk_recent_manager_add_item (self->recent, uri);
    }
  if (loaded->warning != NULL)
    show_info (self, GTK_MESSAGE_WARNING, loaded->warning);
  loaded_free (loaded);
}

static void
start_loading (AnnWindow     *self,
               GFile         *file,
               AnnImportFunc  import,
               GPtrArray     *review)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Opening “%s”…"), name);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  stop_loading (self);

  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, on_loaded, g_object_ref (self));
  request = g_new0 (LoadRequest, 1);
  request->file = g_object_ref (file);
  request->import = import;
  request->review = review ? g_ptr_array_ref (review) : NULL;
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_in_thread);

  gtk_label_set_label (self->loading_label, message);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->loading_pulse = g_timeout_add (100, pulse_loading, self);
}

/* Asks what to do with unsaved changes, then runs @then unless the user cancels. */
typedef struct
{
  GWeakRef      window;
  Continuation  then;
} Pending;

/* Freed with the dialog's handler, answered or not. The reference to the window is weak: a
 * window destroyed while it asks (a quit, the session ending) is disposed, which destroys the
 * dialog too (GTK_DIALOG_DESTROY_WITH_PARENT); a strong one would keep both alive. */
static void
pending_free (gpointer  data,
              GClosure *closure)
{
  Pending *pending = data;

  g_weak_ref_clear (&pending->window);
  g_free (pending);
}

static void
on_unsaved_response (GtkDialog *dialog,
                     int        response,
                     Pending   *pending)
{
  g_autoptr(AnnWindow) self = g_weak_ref_get (&pending->window);
  Continuation then = pending->then;

  dismiss_dialog (dialog);
  if (self == NULL)
    return;

  if (response == GTK_RESPONSE_ACCEPT)
    save_then (self, then);
  else if (response == GTK_RESPONSE_REJECT)
    {
      self->restored = FALSE;
      if (self->history != NULL)
        ann_history_mark_saved (self->history);
      delete_recovery (self);
      then (self);
    }
}

static void
confirm_discard_then (AnnWindow    *self,
                      Continuation  then)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  Pending *pending;

  ann_annotation_panel_commit_edits (self->panel);
  if (!is_modified (self))
    {
      then (self);
      return;
    }

  name = display_name (self);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save the changes to “%s”?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Without saving, the changes since the last save are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");

  pending = g_new0 (Pending, 1);
  g_weak_ref_init (&pending->window, self);
  pending->then = then;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_unsaved_response), pending,
                         pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_pending_file (AnnWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_open);

  if (file != NULL)
    start_loading (self, file, self->pending_import, self->pending_review);
  g_clear_pointer (&self->pending_review, g_ptr_array_unref);
}

static void
open_or_import (AnnWindow     *self,
                GFile         *file,
                AnnImportFunc  import)
{
  /* Per window: another window may open a file while this one asks. */
  g_set_object (&self->pending_open, file);
  self->pending_import = import;
  g_clear_pointer (&self->pending_review, g_ptr_array_unref);
  confirm_discard_then (self, open_pending_file);
}

/**
 * ann_window_open_file:
 *
 * Opens @file (an annotation file, or a plain-text article to import) in this window, after
 * asking about unsaved changes. A file that fails to load leaves the open one as it was.
 */
void
ann_window_open_file (AnnWindow *self,
                      GFile     *file)
{
  GtkApplication *application;
  AnnWindow *other;

  g_return_if_fail (ANN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Already open in another window: that window, not a second copy to save over it. */
  application = gtk_window_get_application (GTK_WINDOW (self));
  other = application ? ann_window_find_for_file (application, file) : NULL;
  if (other != NULL && other != self)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }
  open_or_import (self, file, NULL);
}

/**
 * ann_window_review_files:
 * @files: (element-type GFile): two or more annotators' files of one article
 *
 * Opens a review of @files: every annotator's entity is a candidate that the reviewer accepts
 * or rejects, and saving writes the gold file.
 */
void
ann_window_review_files (AnnWindow *self,
                         GPtrArray *files)
{
  g_return_if_fail (ANN_IS_WINDOW (self));
  g_return_if_fail (files != NULL && files->len >= 2);

  g_set_object (&self->pending_open, g_ptr_array_index (files, 0));
  self->pending_import = NULL;
  g_clear_pointer (&self->pending_review, g_ptr_array_unref);
  self->pending_review = g_ptr_array_ref (files);
  confirm_discard_then (self, open_pending_file);
}

/**
 * ann_window_import_file:
 * @format: (nullable): the format of @file, or %NULL to tell it by its name and contents
 *
 * Opens another tool's file as new, unsaved annotations, after asking about unsaved changes.
 */
void
ann_window_import_file (AnnWindow       *self,
                        GFile           *file,
                        const AnnFormat *format)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ANN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (format == NULL)
    format = ann_format_guess (file, &error);
  if (format == NULL)
    {
      show_error (self, _("The file could not be imported"), error->message);
      return;
    }
  open_or_import (self, file, format->import);
}

/* A chooser that the window's going dismisses unanswered; its response handler would have
 * dropped this reference. */
static void
dismiss_chooser (GtkNativeDialog *chooser)
{
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Once a chooser answers, its response handler owns it: the window, which that handler may
 * close, must not dismiss it too. */
static void
disarm_chooser (GtkNativeDialog *chooser,
                int              response,
                AnnWindow       *self)
{
  g_signal_handlers_disconnect_by_func (self, dismiss_chooser, chooser);
}

/* Shows @chooser, whose response handler takes the window and unrefs the chooser. Choosers
 * are not modal, so the window can go first: then the chooser goes with it, so that no
 * answer comes to a window that is gone. */
static void
show_chooser (AnnWindow            *self,
              GtkFileChooserNative *chooser,
              GCallback             on_response)
{
  g_signal_connect (chooser, "response", G_CALLBACK (disarm_chooser), self);
  g_signal_connect (chooser, "response", on_response, self);
  g_signal_connect_object (self, "destroy", G_CALLBACK (dismiss_chooser), chooser, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  AnnWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ann_window_open_file (self, file);
    }
  g_object_unref (chooser);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) annotations = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Articles and annotation files"));
  gtk_file_filter_add_suffix (all, "json");
  gtk_file_filter_add_suffix (all, "txt");
  gtk_file_filter_set_name (annotations, _("Annotation files (.json)"));
  gtk_file_filter_add_suffix (annotations, "json");
  gtk_file_filter_set_name (articles, _("Plain-text articles (.txt)"));
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_add_filter (chooser, annotations);
  gtk_file_chooser_add_filter (chooser, articles);
}

static void
on_open (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  AnnWindow *self = user_data;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open an Article or Annotation File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (chooser));
  show_chooser (self, chooser, G_CALLBACK (on_open_response));
}

static void
on_open_recent (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ann_window_open_file (user_data, file);
}

static void
update_recent_menu (AnnWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  const char *app_name = g_get_application_name ();
  guint shown = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l != NULL && shown < RECENT_MAX; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (app_name == NULL || !gtk_recent_info_has_application (info, app_name) ||
          !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_submenu, item);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* --- saving ------------------------------------------------------------------------------- */

/**
 * ann_window_save_to:
 *
 * Saves the annotations to @file, atomically. On failure the document stays open and
 * unsaved, and @file keeps what it had. Saving over the open file after another program
 * changed it fails with %G_IO_ERROR_WRONG_ETAG (the Save command then asks), never silently.
 */
gboolean
ann_window_save_to (AnnWindow  *self,
                    GFile      *file,
                    GError    **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *data = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *stamp = NULL;
  gsize length;

  g_return_val_if_fail (ANN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  if (self->location != NULL && g_file_equal (file, self->location) && changed_on_disk (self))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("%s was changed by another program since it was opened here"), name);
      return FALSE;
    }

  data = ann_file_serialize (self->file, &length);
  if (!ann_io_write_atomically (file, data, length, error))
    return FALSE;

  stamp = ann_disk_watch_query_stamp (file);
  checksum = ann_disk_watch_checksum (data, length);
  g_set_object (&self->location, file);
  watch_location (self, stamp, checksum);
  self->diverged = FALSE;
  if (self->changed_bar != NULL)
    gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  self->restored = FALSE;
  ann_history_mark_saved (self->history);
  delete_recovery (self);
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (self->recent, uri);
  update_title (self);
  return TRUE;
}

static void save_to_and_continue (AnnWindow *self, GFile *file);

static void
on_overwrite_response (GtkDialog *dialog,
                       int        response,
                       AnnWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (g_object_get_data (G_OBJECT (dialog), "file"));

  dismiss_dialog (dialog);
  if (response != GTK_RESPONSE_ACCEPT)
    {
      self->after_save = NULL;
      return;
    }
  /* The user has seen the other version: only a later change is asked about again, even if
   * this save fails. */
  if (self->disk_watch != NULL)
    ann_disk_watch_accept_current (self->disk_watch);
  save_to_and_continue (self, file);
}

/* The open file was changed by another program: overwrite it only when the user says so. */
static void
ask_overwrite (AnnWindow  *self,
               GFile      *file,
               const char *reason)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Overwrite the other program’s changes?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s. %s", reason,
                                            _("Saving replaces its version with the annotations "
                                              "shown here."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Overwrite"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_to_and_continue (AnnWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;
  Continuation then = self->after_save;

  self->after_save = NULL;
  if (!ann_window_save_to (self, file, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          self->after_save = then;
          ask_overwrite (self, file, error->message);
          return;
        }
      show_error (self, _("The annotations could not be saved"), error->message);
      return;
    }
  if (then != NULL)
    then (self);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     AnnWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      save_to_and_continue (self, file);
    }
  else
    self->after_save = NULL;
  g_object_unref (chooser);
}

static void
choose_location_and_save (AnnWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *source = ann_document_get_source (ann_file_get_document (self->file));

  chooser = gtk_file_chooser_native_new (_("Save Annotations"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  if (self->location != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->location, NULL);
  else
    {
      /* "bài-báo.txt" is saved as "bài-báo.json" by default, its review as
       * "bài-báo-gold.json", never over an annotator's "bài-báo.json". */
      g_autofree char *stem = g_strdup (source ? source : _("annotations"));
      char *dot = strrchr (stem, '.');

      if (dot != NULL)
        *dot = '\0';
      name = g_strconcat (stem, self->review_sources != NULL ? "-gold.json" : ".json", NULL);
      if (self->origin_folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->origin_folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  show_chooser (self, chooser, G_CALLBACK (on_save_as_response));
}

static void
save_after_naming (AnnWindow *self)
{
  if (self->location == NULL)
    choose_location_and_save (self);
  else
    save_to_and_continue (self, self->location);
}

static void
on_annotator_response (GtkDialog *dialog,
                       int        response,
                       AnnWindow *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  dismiss_dialog (dialog);
  if (response != GTK_RESPONSE_OK || *name == '\0')
    {
      self->after_save = NULL;
      return;
    }

  if (get_settings (self) != NULL)
    g_settings_set_string (get_settings (self), "annotator-name", name);
  ann_file_set_annotator (self->file, name);
  save_after_naming (self);
}

/* The first save asks for the annotator's name, which every file records. */
static void
ask_annotator_then_save (AnnWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = gtk_dialog_new_with_buttons (_("Who Is Annotating?"), GTK_WINDOW (self),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT |
                                        GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL,
                                        _("_Save"), GTK_RESPONSE_OK,
                                        NULL);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your name or initials"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Annotator’s name"), -1);
  gtk_widget_set_margin_start (entry, 18);
  gtk_widget_set_margin_end (entry, 18);
  gtk_widget_set_margin_top (entry, 18);
  gtk_widget_set_margin_bottom (entry, 18);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), entry);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_annotator_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_then (AnnWindow    *self,
           Continuation  then)
{
  const char *name = NULL;

  ann_annotation_panel_commit_edits (self->panel);
  self->after_save = then;

  /* The file records who annotated this version: the name in Preferences when there is one;
   * else the file's own annotator stays; a file without one asks, and keeps the answer in
   * Preferences. */
  if (get_settings (self) != NULL)
    name = g_settings_get_string (get_settings (self), "annotator-name");
  if (name != NULL && *name != '\0')
    ann_file_set_annotator (self->file, name);
  g_free ((char *) name);
  if (ann_file_get_annotator (self->file) != NULL)
    save_after_naming (self);
  else
    ask_annotator_then_save (self);
}

static void
on_save (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  save_then (user_data, NULL);
}

static void
on_save_as (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  AnnWindow *self = user_data;

  ann_annotation_panel_commit_edits (self->panel);
  self->after_save = NULL;
  choose_location_and_save (self);
}

/* --- review of several annotators' files ------------------------------------------------- */

static void
on_review_response (GtkNativeDialog *chooser,
                    int              response,
                    AnnWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      if (files->len >= 2)
        ann_window_review_files (self, files);
      else
        show_error (self, _("Choose two or more files to review"),
                    _("A review compares the annotation files of several annotators of one article."));
    }
  g_object_unref (chooser);
}

static void
on_review (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  AnnWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Review Annotators’ Files of One Article"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Review"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Annotation files (.json)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  show_chooser (self, chooser, G_CALLBACK (on_review_response));
}

/* --- other tools' formats ------------------------------------------------------------------ */

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    AnnWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      const char *id = filter ? g_object_get_data (G_OBJECT (filter), "format") : NULL;

      ann_window_import_file (self, file, id ? ann_format_lookup (id) : NULL);
    }
  g_object_unref (chooser);
}

static void
on_import (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  AnnWindow *self = user_data;
  g_autofree const AnnFormat **formats = ann_format_list ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Another Tool’s File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (all, _("All importable files"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  /* One filter per format: the one chosen says how to read the file. */
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GtkFileFilter) filter = NULL;

      if (formats[i]->import == NULL)
        continue;
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(formats[i]->name));
      gtk_file_filter_add_suffix (filter, formats[i]->extension);
      gtk_file_filter_add_suffix (all, formats[i]->extension);
      g_object_set_data (G_OBJECT (filter), "format", (gpointer) formats[i]->id);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  show_chooser (self, chooser, G_CALLBACK (on_import_response));
}

/* The file name an export suggests: the annotation file's, with the format's extension. */
static char *
suggest_export_name (AnnWindow       *self,
                     const AnnFormat *format)
{
  g_autofree char *name = display_name (self);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  /* Label Studio and W3C files are .json like ours: "article-w3c.json", not the annotation
   * file itself (nor, for W3C, "article.txt" beside it, which may be the article). */
  if (strcmp (format->extension, "json") == 0)
    return g_strconcat (name, "-", format->id, ".json", NULL);
  return g_strconcat (name, ".", format->extension, NULL);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    AnnWindow       *self)
{
  const AnnFormat *format = g_object_get_data (G_OBJECT (chooser), "format");

  if (response == GTK_RESPONSE_ACCEPT && self->file != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (ann_window_export_to (self, format, file, &error))
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *message = g_strdup_printf (_("Exported as %s to “%s”"), _(format->name), name);

          show_info (self, GTK_MESSAGE_INFO, message);
        }
      else
        show_error (self, _("The annotations could not be exported"), error->message);
    }
  g_object_unref (chooser);
}

static void
on_export (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  AnnWindow *self = user_data;
  const AnnFormat *format = ann_format_lookup (g_variant_get_string (parameter, NULL));
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (format == NULL || self->file == NULL)
    return;

  title = g_strdup_printf (_("Export as %s"), _(format->name));
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = suggest_export_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format", (gpointer) format);
  show_chooser (self, chooser, G_CALLBACK (on_export_response));
}

/**
 * ann_window_export_to:
 *
 * Exports the annotations in @format next to @file (see ann_format_export_to()).
 */
gboolean
ann_window_export_to (AnnWindow        *self,
                      const AnnFormat  *format,
                      GFile            *file,
                      GError          **error)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  /* A note typed but not yet entered belongs in the export. */
  ann_annotation_panel_commit_edits (self->panel);
  return ann_format_export_to (format, self->file, file, self->location, error);
}

static void
fill_export_menu (AnnWindow *self)
{
  g_autofree const AnnFormat **formats = ann_format_list ();

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[i]->name), NULL);

      g_menu_item_set_action_and_target (item, "win.export", "s", formats[i]->id);
      g_menu_append_item (self->export_submenu, item);
    }
}

/* --- recovery ----------------------------------------------------------------------------- */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "article-annotator", "recovery", NULL);
}

/**
 * ann_window_write_recovery:
 *
 * Writes the unsaved annotations to this window's recovery file, which the next start
 * offers to restore after a crash. Autosave calls this every 30 seconds.
 */
gboolean
ann_window_write_recovery (AnnWindow *self)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_val_if_fail (ANN_IS_WINDOW (self), FALSE);

  if (self->file == NULL || !is_modified (self))
    return FALSE;

  if (self->recovery_file == NULL)
    {
      g_autofree char *dir = recovery_dir ();
      g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT "-%d-%p.json",
                                               g_get_real_time (), (int) getpid (), (void *) self);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_mkdir_with_parents (dir, 0700);
      self->recovery_file = g_file_new_for_path (path);
    }

  data = ann_file_serialize (self->file, &length);
  if (!ann_io_write_atomically (self->recovery_file, data, length, &error))
    {
      g_warning ("Could not write the recovery file: %s", error->message);
      return FALSE;
    }

  /* Beside it, where the work belongs, so that restoring can save it there, and the checksum
   * of the version there it is based on, so that saving it can tell a change made since. */
  if (self->location != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->location);
      g_autofree char *path = g_strconcat (g_file_peek_path (self->recovery_file), ".location", NULL);
      g_autofree char *contents = g_strdup_printf ("%s\n%s\n", uri,
                                                   self->disk_watch != NULL ?
                                                   ann_disk_watch_get_checksum (self->disk_watch) : "");

      g_file_set_contents (path, contents, -1, NULL);
    }
  return TRUE;
}

GFile *
ann_window_get_recovery_file (AnnWindow *self)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), NULL);

  return self->recovery_file;
}

static gboolean
autosave (gpointer user_data)
{
  ann_window_write_recovery (user_data);
  return G_SOURCE_CONTINUE;
}

enum {
  RESPONSE_RESTORE = 1,
  RESPONSE_DISCARD = 2,
};

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The recovery files of earlier sessions, newest first. */
static GPtrArray *
find_recovery_files (void)
{
  g_autofree char *dir_path = recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  /* This session's windows write theirs with the process id in the name (see
   * ann_window_write_recovery()); they hold live work, not work to restore or discard. */
  g_autofree char *own = g_strdup_printf ("-%d-", (int) getpid ());
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json") && strstr (name, own) == NULL)
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));

  /* Names start with the time they were made. */
  g_ptr_array_sort (files, compare_paths);
  for (guint i = 0; i < files->len / 2; i++)
    {
      gpointer swap = files->pdata[i];

      files->pdata[i] = files->pdata[files->len - 1 - i];
      files->pdata[files->len - 1 - i] = swap;
    }
  return files;
}

static void
delete_recovery_path (const char *path)
{
  g_autofree char *location = g_strconcat (path, ".location", NULL);

  g_remove (path);
  g_remove (location);
}

/* Opens the newest recovery file as unsaved work that belongs where it was being saved. */
static void
restore_recovery (AnnWindow *self)
{
  g_autoptr(GPtrArray) files = find_recovery_files ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(AnnFile) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location_path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (files->len == 0)
    return;

  file = g_file_new_for_path (g_ptr_array_index (files, 0));
  annotations = ann_file_load (file, &error);
  if (annotations == NULL)
    {
      show_error (self, _("The unsaved work could not be restored"), error->message);
      return;
    }

  /* Where the work belongs, then the checksum of the version it is based on (see
   * ann_window_write_recovery()). */
  location_path = g_strconcat (g_ptr_array_index (files, 0), ".location", NULL);
  if (g_file_get_contents (location_path, &contents, NULL, NULL))
    lines = g_strsplit (contents, "\n", 3);
  if (lines != NULL && lines[0] != NULL && *g_strstrip (lines[0]) != '\0')
    location = g_file_new_for_uri (lines[0]);

  set_file (self, annotations, location);
  /* The stamp is unknown: the contents decide whether the file changed since. */
  if (location != NULL && lines[1] != NULL && *g_strstrip (lines[1]) != '\0')
    watch_location (self, NULL, lines[1]);
  self->restored = TRUE;
  self->recovery_file = g_steal_pointer (&file);
  update_title (self);
}

static void
on_recovery_response (AnnWindow *self,
                      int        response)
{
  /* Restoring replaces the open document, so its unsaved changes are asked about first;
   * the offer stays until the restore happens. */
  if (response == RESPONSE_RESTORE)
    {
      confirm_discard_then (self, restore_recovery);
      return;
    }

  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (response == RESPONSE_DISCARD)
    {
      g_autoptr(GPtrArray) files = find_recovery_files ();

      for (guint i = 0; i < files->len; i++)
        delete_recovery_path (g_ptr_array_index (files, i));
    }
}

static void
offer_recovery (AnnWindow *self)
{
  g_autoptr(GPtrArray) files = find_recovery_files ();
  g_autofree char *message = NULL;

  if (files->len == 0)
    return;
  /* Two sentences, not a plural form: the first says nothing of a number. */
  if (files->len == 1)
    message = g_strdup (_("Annotations that were not saved when the program last stopped were "
                          "kept. Restore them?"));
  else
    message = g_strdup_printf (_("Annotations that were not saved when the program last "
                                 "stopped were kept (%u files). Restore the newest?"),
                               files->len);
  gtk_label_set_label (self->recovery_label, message);
  gtk_info_bar_set_revealed (self->recovery_bar, TRUE);
}

/* --- tagging ------------------------------------------------------------------------------ */

static void
report (AnnWindow  *self,
        const char *message)
{
  show_info (self, GTK_MESSAGE_INFO, message);
}

/* Tags [start, end) with @label, or selects the entity already there. */
static AnnEntity *
tag_span (AnnWindow  *self,
          const char *label,
          guint       start,
          guint       end)
{
  AnnEntityStore *store = ann_file_get_entities (self->file);
  g_autoptr(AnnEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  AnnEntity *existing = ann_entity_store_find (store, start, end, label);

  /* Tagging by hand what was only suggested, or turned down, makes it an entity (in review, an
   * accepted candidate). */
  if (existing != NULL && (ann_entity_get_status (existing) == ANN_ENTITY_STATUS_REJECTED ||
                           ann_entity_get_status (existing) == ANN_ENTITY_STATUS_PENDING))
    {
      entity = ann_entity_copy (existing);
      ann_entity_set_status (entity, self->review_sources ? ANN_ENTITY_STATUS_ACCEPTED
                                                          : ANN_ENTITY_STATUS_NONE);
      if (!ann_history_replace (self->history, existing, entity, &error))
        {
          report (self, error->message);
          return NULL;
        }
      return entity;
    }
  if (existing != NULL)
    return existing;

  entity = ann_file_create_entity (self->file, label, start, end, &error);
  if (entity == NULL || !ann_history_add (self->history, entity, &error))
    {
      report (self, error->message);
      return NULL;
    }
  return entity;
}

static void
relabel (AnnWindow  *self,
         AnnEntity  *entity,
         const char *label)
{
  g_autoptr(AnnEntity) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (ann_entity_get_label (entity), label) == 0)
    return;
  if (ann_label_schema_lookup (ann_file_get_labels (self->file), label) == NULL)
    return;

  copy = ann_entity_copy (entity);
  ann_entity_set_label (copy, label);
  if (!ann_history_replace (self->history, entity, copy, &error))
    report (self, error->message);
}

/* --- suggestions ------------------------------------------------------------------------- */

static gboolean
propagation_enabled (AnnWindow *self)
{
  GSettings *settings = get_settings (self);

  return settings == NULL || g_settings_get_boolean (settings, "propagate-suggestions");
}

/* Adds @suggestions (pending entities) as one step; returns how many went in. */
static guint
add_suggestions (AnnWindow *self,
                 GPtrArray *suggestions)
{
  guint added = 0;

  ann_history_begin_group (self->history);
  for (guint i = 0; i < suggestions->len; i++)
    if (ann_history_add (self->history, g_ptr_array_index (suggestions, i), NULL))
      added++;
  ann_history_end_group (self->history);
  return added;
}

/* The bundled rules, or the user's own rules file. */
static AnnSuggester *
make_rules (AnnWindow  *self,
            GError    **error)
{
  GSettings *settings = get_settings (self);
  g_autofree char *rules = settings ? g_settings_get_string (settings, "rules-file") : NULL;
  g_autoptr(AnnSuggester) suggester = ann_suggester_new (ann_file_get_labels (self->file));
  g_autoptr(GFile) file = NULL;

  if (rules == NULL || *rules == '\0')
    {
      if (!ann_suggester_load_bundled_rules (suggester, error))
        return NULL;
      return g_steal_pointer (&suggester);
    }

  file = g_file_new_for_path (rules);
  if (!ann_suggester_load_rules (suggester, file, error))
    return NULL;
  return g_steal_pointer (&suggester);
}

/* The rules with the bundled gazetteers. */
static AnnSuggester *
make_suggester (AnnWindow  *self,
                GError    **error)
{
  g_autoptr(AnnSuggester) suggester = make_rules (self, error);

  if (suggester == NULL || !ann_suggester_load_bundled_gazetteers (suggester, error))
    return NULL;
  return g_steal_pointer (&suggester);
}

/* The rules that propagation follows (how suggestions may nest): those Suggest uses, loaded
 * once for the file's labels and the rules file in Preferences, and again when either changes.
 * Loading compiles every pattern (about 9 ms), too long to repeat at every tag. */
static AnnSuggester *
get_propagation_rules (AnnWindow  *self,
                       GError    **error)
{
  GSettings *settings = get_settings (self);
  g_autofree char *rules_file = settings ? g_settings_get_string (settings, "rules-file") : NULL;
  AnnLabelSchema *labels = ann_file_get_labels (self->file);

  if (self->propagation_rules == NULL || self->propagation_labels != labels ||
      g_strcmp0 (self->propagation_rules_file, rules_file) != 0)
    {
      g_clear_object (&self->propagation_rules);
      g_set_object (&self->propagation_labels, labels);
      g_free (self->propagation_rules_file);
      self->propagation_rules_file = g_steal_pointer (&rules_file);
      self->propagation_rules = make_rules (self, error);
    }
  return self->propagation_rules;
}

/* More offers than anyone decides one by one: a common word tagged by mistake, or on purpose
 * in a long article. Thousands of them took seconds to add (measured: 8 553 in a 1 MB article
 * froze the window for 18 s), for nothing the user wants; Tag All Occurrences does it at once. */
#define MAX_OFFERS 500

/* After a string is tagged, its other occurrences are offered as suggestions. They nest in
 * other entities only as the rules that Suggest uses allow. */
static void
offer_other_occurrences (AnnWindow *self,
                         AnnEntity *tagged)
{
  g_autoptr(GPtrArray) offers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AnnSuggester *rules;

  if (!propagation_enabled (self))
    return;
  rules = get_propagation_rules (self, &error);
  if (rules == NULL)
    {
      message = g_strdup_printf (_("Other occurrences are not offered: %s"), error->message);
      report (self, message);
      return;
    }
  offers = ann_suggester_propagate (rules, self->file, tagged);
  if (offers->len > MAX_OFFERS)
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” occurs %u more time: too many to offer one "
                                              "by one. Tag All Occurrences tags them at once.",
                                              "“%s” occurs %u more times: too many to offer one "
                                              "by one. Tag All Occurrences tags them at once.",
                                              offers->len),
                                 ann_entity_get_text (tagged), offers->len);
      report (self, message);
      return;
    }
  add_suggestions (self, offers);
}

/**
 * ann_window_suggest:
 *
 * Runs the rules and gazetteers (the bundled ones and the user's) over the article and adds
 * what they find as pending suggestions, in one undo step.
 *
 * Returns: the number of suggestions added, or -1 on an error the window reported
 */
int
ann_window_suggest (AnnWindow *self)
{
  g_autoptr(AnnSuggester) suggester = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) user_lists = NULL;
  g_autoptr(GString) left_out = g_string_new (NULL);
  g_autofree char *message = NULL;
  GSettings *settings = get_settings (self);
  guint added;

  g_return_val_if_fail (ANN_IS_WINDOW (self), -1);
  g_return_val_if_fail (self->file != NULL, -1);

  suggester = make_suggester (self, &error);
  /* A list of the user's that cannot be used (gone, unreadable, without its label) is left
   * out, and said so, rather than stop the bundled rules and lists from working. */
  if (suggester != NULL && settings != NULL)
    {
      user_lists = g_settings_get_strv (settings, "user-gazetteers");
      for (guint i = 0; user_lists[i] != NULL; i++)
        {
          g_autoptr(GFile) list = g_file_new_for_path (user_lists[i]);
          g_autoptr(GError) list_error = NULL;

          if (!ann_suggester_load_gazetteer (suggester, list, NULL, &list_error))
            g_string_append_printf (left_out, "\n%s", list_error->message);
        }
    }
  if (error == NULL)
    suggestions = ann_suggester_run (suggester, self->file, &error);
  if (suggestions == NULL)
    {
      show_error (self, _("No suggestions could be made"), error->message);
      return -1;
    }

  added = add_suggestions (self, suggestions);
  if (added == 0)
    message = g_strdup (_("No new suggestions: what the rules and lists find is tagged already"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u suggestion added: Enter accepts, Backspace rejects",
                                            "%u suggestions added: Enter accepts, Backspace rejects",
                                            added), added);
  if (left_out->len > 0)
    {
      g_autofree char *with_left_out = NULL;

      /* TRANSLATORS: after the result of Suggest; each list's problem follows on a line */
      with_left_out = g_strconcat (message, " ", _("Lists of names left out:"), left_out->str, NULL);
      show_info (self, GTK_MESSAGE_WARNING, with_left_out);
    }
  else
    report (self, message);
  return added;
}

static void
on_suggest (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ann_window_suggest (user_data);
}

/* Accepting marks an entity accepted, rejecting it rejected. A rejected suggestion stays in
 * the file, struck through, as the record that it was seen: Suggest and propagation never
 * offer it again, and agreement and the CoNLL and doccano exports leave it out. In review, a
 * rejected candidate is the gold file's record the same way. */
static void
decide (AnnWindow *self,
        AnnEntity *entity,
        gboolean   accept)
{
  g_autoptr(AnnEntity) copy = NULL;

  copy = ann_entity_copy (entity);
  ann_entity_set_status (copy, accept ? ANN_ENTITY_STATUS_ACCEPTED : ANN_ENTITY_STATUS_REJECTED);
  ann_history_replace (self->history, entity, copy, NULL);
}

/* Decides every suggestion with the selected entity's label at once, in one undo step. */
static void
decide_all_of_label (AnnWindow *self,
                     gboolean   accept)
{
  g_autoptr(GPtrArray) entities = NULL;
  g_autofree char *label = NULL;

  if (self->selected == NULL)
    return;
  label = g_strdup (ann_entity_get_label (self->selected));
  entities = ann_entity_store_dup_all (ann_file_get_entities (self->file));

  ann_history_begin_group (self->history);
  for (guint i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);

      if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_PENDING &&
          g_strcmp0 (ann_entity_get_label (entity), label) == 0)
        decide (self, entity, accept);
    }
  ann_history_end_group (self->history);
}

static void
on_accept_all (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  decide_all_of_label (user_data, TRUE);
}

static void
on_reject_all (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  decide_all_of_label (user_data, FALSE);
}

static void
tag_with_label (AnnWindow  *self,
                const char *label)
{
  guint start, end;

  if (self->file == NULL || ann_label_schema_lookup (ann_file_get_labels (self->file), label) == NULL)
    return;

  set_current_label (self, label);
  /* @label may have been the previous current label, which is freed now. */
  label = self->current_label;
  update_actions (self);

  if (ann_article_view_get_selection (self->article_view, &start, &end) &&
      ann_document_snap_to_tokens (ann_file_get_document (self->file), &start, &end))
    {
      guint before = ann_entity_store_get_n_entities (ann_file_get_entities (self->file));
      AnnEntity *entity;

      /* The tag and the suggestions it brings are one step to undo. */
      ann_history_begin_group (self->history);
      entity = tag_span (self, label, start, end);
      if (entity != NULL && ann_entity_store_get_n_entities (ann_file_get_entities (self->file)) > before)
        offer_other_occurrences (self, entity);
      ann_history_end_group (self->history);

      if (entity != NULL)
        {
          ann_article_view_select_range (self->article_view, end, end);
          ann_window_select_entity (self, entity);
        }
      return;
    }

  /* With no text selected, a label key relabels the selected entity. */
  if (self->selected != NULL)
    relabel (self, self->selected, label);
}

static void
on_tag (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  tag_with_label (user_data, g_variant_get_string (parameter, NULL));
}

static void
on_tag_key (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  AnnWindow *self = user_data;
  AnnLabel *label;

  label = ann_label_schema_lookup_key (ann_file_get_labels (self->file),
                                       g_variant_get_string (parameter, NULL));
  if (label != NULL)
    tag_with_label (self, ann_label_get_id (label));
}

static void
on_relabel (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  AnnWindow *self = user_data;

  if (self->selected != NULL)
    relabel (self, self->selected, g_variant_get_string (parameter, NULL));
}

static void
on_selection_done (AnnWindow *self)
{
  /* In sticky mode, every selection made with the mouse is tagged at once. */
  if (self->sticky && self->current_label != NULL)
    tag_with_label (self, self->current_label);
}

static void
on_sticky_changed (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  AnnWindow *self = user_data;

  self->sticky = g_variant_get_boolean (value);
  g_simple_action_set_state (action, value);
}

/* Replaces the selected entity with an edited copy. */
typedef void (*Edit) (AnnEntity *copy, const char *value);

static void
edit_selected (AnnWindow  *self,
               Edit        edit,
               const char *value)
{
  g_autoptr(AnnEntity) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL)
    return;
  copy = ann_entity_copy (self->selected);
  edit (copy, value);
  if (!ann_history_replace (self->history, self->selected, copy, &error))
    report (self, error->message);
}

static void
edit_note (AnnEntity  *copy,
           const char *value)
{
  ann_entity_set_note (copy, value);
}

static void
edit_ref (AnnEntity  *copy,
          const char *value)
{
  ann_entity_set_ref (copy, value);
}

static void
edit_status (AnnEntity  *copy,
             const char *value)
{
  AnnEntityStatus status = ANN_ENTITY_STATUS_NONE;

  ann_entity_status_from_string (value, &status);
  ann_entity_set_status (copy, status);
}

static void
on_set_note (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  edit_selected (user_data, edit_note, g_variant_get_string (parameter, NULL));
}

static void
on_set_ref (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  edit_selected (user_data, edit_ref, g_variant_get_string (parameter, NULL));
}

static void
on_set_status (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  edit_selected (user_data, edit_status, g_variant_get_string (parameter, NULL));
}

static void
on_accept (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  AnnWindow *self = user_data;

  if (self->selected != NULL)
    decide (self, self->selected, TRUE);
}

static void
on_reject (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  AnnWindow *self = user_data;
  AnnEntityStore *store;
  guint position, n;

  if (self->selected == NULL)
    return;
  store = ann_file_get_entities (self->file);
  ann_entity_store_get_position (store, self->selected, &position);
  decide (self, self->selected, FALSE);

  /* Outside review, the next suggestion takes the selection, so that Backspace and Enter go on
   * through them (in review, Tab goes to the next undecided candidate). */
  n = ann_entity_store_get_n_entities (store);
  if (self->review_sources != NULL)
    return;
  for (guint tries = 1; tries < n; tries++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, (position + tries) % n);

      if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_PENDING)
        {
          g_clear_pointer (&self->reselect_id, g_free);
          ann_window_select_entity (self, entity);
          return;
        }
    }
}

static void
on_delete_entity (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AnnWindow *self = user_data;
  g_autoptr(AnnEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  AnnEntityStore *store;
  guint position;

  if (self->selected == NULL)
    return;

  store = ann_file_get_entities (self->file);
  entity = g_object_ref (self->selected);
  ann_entity_store_get_position (store, entity, &position);
  if (!ann_history_remove (self->history, entity, &error))
    {
      report (self, error->message);
      return;
    }

  /* The next entity takes the selection, so Delete can be pressed again. */
  g_clear_pointer (&self->reselect_id, g_free);
  ann_window_select_entity (self, ann_entity_store_get_nth (store, MIN (position, ann_entity_store_get_n_entities (store) - 1)));
}

static gboolean
is_word_boundary (AnnDocument *document,
                  guint        offset)
{
  const char *text = ann_document_get_text (document);

  if (offset == 0 || offset == ann_document_get_length (document))
    return TRUE;
  return !ann_text_is_word_char (g_utf8_get_char (text + ann_document_get_byte_offset (document, offset))) ||
         !ann_text_is_word_char (g_utf8_get_char (g_utf8_prev_char (text + ann_document_get_byte_offset (document, offset))));
}

/* Whether an entity of @label overlaps [@start, @end): a name of one label is never inside
 * another of the same label ("Hà" in "Đặng Thị Thu Hà"), as suggestions also keep. */
static gboolean
overlaps_same_label (AnnEntityStore *store,
                     guint           start,
                     guint           end,
                     const char     *label)
{
  g_autoptr(GPtrArray) overlapping = ann_entity_store_get_overlapping (store, start, end);

  for (guint i = 0; i < overlapping->len; i++)
    if (g_strcmp0 (ann_entity_get_label (g_ptr_array_index (overlapping, i)), label) == 0)
      return TRUE;
  return FALSE;
}

/* Tags every other occurrence of the selected entity's text, as whole words, in one undo step. */
static void
on_tag_all_occurrences (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  AnnWindow *self = user_data;
  AnnDocument *document;
  const char *text, *needle, *label;
  guint added = 0;
  g_autofree char *message = NULL;

  if (self->selected == NULL)
    return;

  document = ann_file_get_document (self->file);
  text = ann_document_get_text (document);
  needle = ann_entity_get_text (self->selected);
  label = ann_entity_get_label (self->selected);

  ann_history_begin_group (self->history);
  for (const char *hit = strstr (text, needle); hit != NULL; hit = strstr (hit + 1, needle))
    {
      guint start = ann_document_get_char_offset (document, hit - text);
      guint end = ann_document_get_char_offset (document, hit - text + strlen (needle));
      AnnEntityStore *store = ann_file_get_entities (self->file);
      AnnEntity *existing = ann_entity_store_find (store, start, end, label);

      if (!is_word_boundary (document, start) || !is_word_boundary (document, end))
        continue;
      /* An occurrence suggested already is tagged (its suggestion confirmed); one rejected or
       * tagged already, or inside another of the label, is left as it is. */
      if (existing != NULL ? ann_entity_get_status (existing) != ANN_ENTITY_STATUS_PENDING
                           : overlaps_same_label (store, start, end, label))
        continue;
      if (tag_span (self, label, start, end) != NULL)
        added++;
    }
  ann_history_end_group (self->history);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %u more occurrence of “%s”",
                                          "Tagged %u more occurrences of “%s”", added),
                             added, needle);
  report (self, message);
}

static void
on_select_entity (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AnnWindow *self = user_data;
  AnnEntity *entity;

  if (self->file == NULL)
    return;
  entity = ann_entity_store_lookup_id (ann_file_get_entities (self->file),
                                       g_variant_get_string (parameter, NULL));
  g_clear_pointer (&self->reselect_id, g_free);
  ann_window_select_entity (self, entity);
}

/* Tab and Shift+Tab: the next or previous entity in reading order, from the selected one or
 * from the cursor. */
static void
move_selection (AnnWindow *self,
                int        direction)
{
  AnnEntityStore *store = ann_file_get_entities (self->file);
  guint n = ann_entity_store_get_n_entities (store);
  guint position;

  if (n == 0)
    return;

  if (self->selected != NULL && ann_entity_store_get_position (store, self->selected, &position))
    position = (position + n + direction) % n;
  else
    {
      guint cursor = ann_article_view_get_cursor (self->article_view);

      for (position = 0; position < n; position++)
        if (ann_entity_get_start (ann_entity_store_get_nth (store, position)) >= cursor)
          break;
      if (direction < 0)
        position = (position + n - 1) % n;
      else
        position %= n;
    }

  /* In review, Tab goes to the next candidate still undecided, wherever it starts from. */
  for (guint tries = 0; self->review_sources != NULL && tries < n; tries++)
    {
      if (ann_entity_get_status (ann_entity_store_get_nth (store, position)) == ANN_ENTITY_STATUS_PENDING)
        break;
      position = (position + n + direction) % n;
    }

  g_clear_pointer (&self->reselect_id, g_free);
  ann_window_select_entity (self, ann_entity_store_get_nth (store, position));
}

static void
on_next_entity (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  move_selection (user_data, +1);
}

static void
on_previous_entity (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  move_selection (user_data, -1);
}

static void
on_undo (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  AnnWindow *self = user_data;

  ann_history_undo (self->history);
}

static void
on_redo (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  AnnWindow *self = user_data;

  ann_history_redo (self->history);
}

/**
 * ann_window_select_text:
 *
 * Selects [@start, @end) of the article, as a drag of the mouse would.
 */
void
ann_window_select_text (AnnWindow *self,
                        guint      start,
                        guint      end)
{
  g_return_if_fail (ANN_IS_WINDOW (self));

  ann_article_view_select_range (self->article_view, start, end);
}

/* --- find --------------------------------------------------------------------------------- */

static void
show_match (AnnWindow *self)
{
  g_autofree char *status = NULL;
  const AnnFindMatch *match;

  if (self->find_matches == NULL || self->find_matches->len == 0)
    {
      gtk_label_set_label (self->find_status,
                           gtk_editable_get_text (GTK_EDITABLE (self->find_entry))[0] ? _("No matches") : "");
      return;
    }

  match = &g_array_index (self->find_matches, AnnFindMatch, self->find_current);
  ann_article_view_select_range (self->article_view, match->start, match->end);
  /* TRANSLATORS: the current match and the number of matches */
  status = g_strdup_printf (C_("find", "%u of %u"), self->find_current + 1, self->find_matches->len);
  gtk_label_set_label (self->find_status, status);
}

static void
on_find_changed (AnnWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  guint cursor;

  if (self->file == NULL)
    return;
  if (self->find_index == NULL)
    self->find_index = ann_find_index_new (ann_document_get_text (ann_file_get_document (self->file)));

  g_clear_pointer (&self->find_matches, g_array_unref);
  self->find_matches = ann_find_index_search (self->find_index, query, FALSE);
  ann_article_view_set_find_matches (self->article_view, self->find_matches);

  /* Start from the first match after the cursor. */
  cursor = ann_article_view_get_cursor (self->article_view);
  self->find_current = 0;
  for (guint i = 0; i < self->find_matches->len; i++)
    if (g_array_index (self->find_matches, AnnFindMatch, i).start >= cursor)
      {
        self->find_current = i;
        break;
      }

  show_match (self);
  update_actions (self);
}

static void
step_match (AnnWindow *self,
            int        direction)
{
  guint n;

  if (self->find_matches == NULL || self->find_matches->len == 0)
    return;
  n = self->find_matches->len;
  self->find_current = (self->find_current + n + direction) % n;
  show_match (self);
}

static void
on_find_next (AnnWindow *self)
{
  step_match (self, +1);
}

static void
on_find_previous (AnnWindow *self)
{
  step_match (self, -1);
}

static void
on_find_activate (AnnWindow *self)
{
  step_match (self, +1);
}

/* Closing the find bar (Escape, or its close button) gives the keyboard back to the article,
 * where the label keys work; GTK would leave the focus nowhere. */
static void
on_find_mode_changed (AnnWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (gtk_search_bar_get_search_mode (self->find_bar) || self->file == NULL)
    return;
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->find_bar)))
    gtk_widget_grab_focus (GTK_WIDGET (ann_article_view_get_text_view (self->article_view)));
}

/**
 * ann_window_find:
 *
 * Shows the find bar and finds @query at once, as typing it would after a pause.
 *
 * Returns: the number of matches
 */
guint
ann_window_find (AnnWindow  *self,
                 const char *query)
{
  g_return_val_if_fail (ANN_IS_WINDOW (self), 0);

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), query);
  on_find_changed (self);
  return self->find_matches ? self->find_matches->len : 0;
}

static void
on_find (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  AnnWindow *self = user_data;

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
on_find_next_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  step_match (user_data, +1);
}

static void
on_find_previous_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  step_match (user_data, -1);
}

/* Tags every match with the current label, in one undo step. */
static void
on_tag_all_matches (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AnnWindow *self = user_data;
  g_autofree char *message = NULL;
  guint added = 0;

  if (self->find_matches == NULL || self->current_label == NULL)
    return;

  ann_history_begin_group (self->history);
  for (guint i = 0; i < self->find_matches->len; i++)
    {
      const AnnFindMatch *match = &g_array_index (self->find_matches, AnnFindMatch, i);
      guint before = ann_entity_store_get_n_entities (ann_file_get_entities (self->file));

      tag_span (self, self->current_label, match->start, match->end);
      if (ann_entity_store_get_n_entities (ann_file_get_entities (self->file)) > before)
        added++;
    }
  ann_history_end_group (self->history);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %u match as %s",
                                          "Tagged %u matches as %s", added),
                             added, self->current_label);
  report (self, message);
}

/* --- the object --------------------------------------------------------------------------- */

/* A load still running when the window closes is abandoned: its task keeps the window alive
 * until it ends, and must then neither open the file nor report a failure in a window that
 * has gone. */
static void
abandon_loading (AnnWindow *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  stop_loading (self);
}

static void
close_now (AnnWindow *self)
{
  abandon_loading (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_close_request (GtkWindow *window)
{
  AnnWindow *self = ANN_WINDOW (window);

  remember_size (self);
  /* A note still in its entry is an edit too. */
  ann_annotation_panel_commit_edits (self->panel);
  if (!is_modified (self))
    {
      abandon_loading (self);
      delete_recovery (self);
      return FALSE;
    }

  confirm_discard_then (self, close_now);
  return TRUE;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AnnWindow     *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  if (files->len == 0)
    return FALSE;

  /* As on the command line: several annotation files are a review, here; other files open
   * the first here and the rest in windows of their own. */
  if (ann_application_is_review ((GFile **) files->pdata, files->len))
    ann_window_review_files (self, files);
  else
    {
      ann_window_open_file (self, g_ptr_array_index (files, 0));
      if (files->len > 1)
        g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                            (GFile **) files->pdata + 1, files->len - 1, "");
    }
  return TRUE;
}

static const GActionEntry win_actions[] = {
  { "open", on_open },
  { "open-recent", on_open_recent, "s" },
  { "save", on_save },
  { "save-as", on_save_as },
  { "import", on_import },
  { "review", on_review },
  { "suggest", on_suggest },
  { "accept-all", on_accept_all },
  { "reject-all", on_reject_all },
  { "export", on_export, "s" },
  { "undo", on_undo },
  { "redo", on_redo },
  { "tag", on_tag, "s" },
  { "tag-key", on_tag_key, "s" },
  { "relabel", on_relabel, "s" },
  { "delete-entity", on_delete_entity },
  { "tag-all-occurrences", on_tag_all_occurrences },
  { "select-entity", on_select_entity, "s" },
  { "set-note", on_set_note, "s" },
  { "set-ref", on_set_ref, "s" },
  { "set-status", on_set_status, "s" },
  { "accept", on_accept },
  { "reject", on_reject },
  { "next-entity", on_next_entity },
  { "previous-entity", on_previous_entity },
  { "find", on_find },
  { "find-next", on_find_next_action },
  { "find-previous", on_find_previous_action },
  { "tag-all-matches", on_tag_all_matches },
  { "sticky-label", NULL, NULL, "false", on_sticky_changed },
};

/* Keys that act on entities while the article has the focus; in an entry they type as usual.
 * Tab and Shift+Tab move between entities only in the article, so that the list and the
 * entries keep Tab for moving the focus. */
static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              GtkShortcut           *shortcut_or_null,
              const char            *action)
{
  GtkShortcut *shortcut = shortcut_or_null;

  if (shortcut == NULL)
    shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                 gtk_named_action_new (action));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_entity_shortcuts (GtkWidget *widget,
                      gboolean   with_navigation)
{
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  for (guint digit = 1; digit <= 9; digit++)
    {
      char key[2] = { '0' + digit, '\0' };
      guint keyvals[] = { GDK_KEY_0 + digit, GDK_KEY_KP_0 + digit };

      for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
        add_shortcut (controller, 0, 0,
                      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keyvals[i], 0),
                                                       gtk_named_action_new ("win.tag-key"),
                                                       "s", key),
                      NULL);
    }
  add_shortcut (controller, GDK_KEY_Delete, 0, NULL, "win.delete-entity");
  add_shortcut (controller, GDK_KEY_KP_Delete, 0, NULL, "win.delete-entity");

  if (with_navigation)
    {
      add_shortcut (controller, GDK_KEY_Tab, 0, NULL, "win.next-entity");
      add_shortcut (controller, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, NULL, "win.previous-entity");
      add_shortcut (controller, GDK_KEY_Tab, GDK_SHIFT_MASK, NULL, "win.previous-entity");
      add_shortcut (controller, GDK_KEY_Return, 0, NULL, "win.accept");
      add_shortcut (controller, GDK_KEY_KP_Enter, 0, NULL, "win.accept");
      add_shortcut (controller, GDK_KEY_BackSpace, 0, NULL, "win.reject");
    }

  /* Before the text view sees the key: it would take Tab to move the focus. */
  if (with_navigation)
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (controller), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (controller));
}

/* GTK 4.8 leaves the close buttons of info bars and search bars without a name: a screen
 * reader would say only "button". */
static void
name_close_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Close"), -1);
      name_close_buttons (child);
    }
}

static void
ann_window_dispose (GObject *object)
{
  AnnWindow *self = (AnnWindow *) object;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  stop_loading (self);
  g_clear_object (&self->pending_open);
  g_clear_pointer (&self->pending_review, g_ptr_array_unref);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  set_file (self, NULL, NULL);
  g_clear_object (&self->propagation_rules);
  g_clear_object (&self->propagation_labels);
  g_clear_object (&self->origin_folder);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANN_TYPE_WINDOW);

  G_OBJECT_CLASS (ann_window_parent_class)->dispose (object);
}

static void
ann_window_finalize (GObject *object)
{
  AnnWindow *self = (AnnWindow *) object;

  g_clear_pointer (&self->current_label, g_free);
  g_clear_pointer (&self->reselect_id, g_free);
  g_clear_pointer (&self->propagation_rules_file, g_free);

  G_OBJECT_CLASS (ann_window_parent_class)->finalize (object);
}

static void
ann_window_class_init (AnnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ann_window_dispose;
  object_class->finalize = ann_window_finalize;
  window_class->close_request = on_close_request;

  g_type_ensure (ANN_TYPE_ARTICLE_VIEW);
  g_type_ensure (ANN_TYPE_ANNOTATION_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/articleannotator/ArticleAnnotator/ann-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, review_bar);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, review_title);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, review_figures);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, find_status);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, tag_matches_button);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, panel);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, AnnWindow, export_submenu);
  gtk_widget_class_bind_template_callback (widget_class, on_info_bar_response);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_response);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_entity_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_done);
}

static void
ann_window_init (AnnWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_object_bind_property (self->find_button, "active", self->find_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect_swapped (self->find_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_find_mode_changed), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);

  add_entity_shortcuts (GTK_WIDGET (self->article_view), TRUE);
  add_entity_shortcuts (ann_annotation_panel_get_entity_list (self->panel), FALSE);
  name_close_buttons (GTK_WIDGET (self->info_bar));
  name_close_buttons (GTK_WIDGET (self->recovery_bar));
  name_close_buttons (GTK_WIDGET (self->find_bar));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  fill_export_menu (self);

  self->recent = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent, "changed", G_CALLBACK (update_recent_menu), self);
  update_recent_menu (self);

  update_actions (self);
}

/* The window's size and the settings it starts with; the application is known only now. */
static void
apply_settings (AnnWindow *self)
{
  GSettings *settings = get_settings (self);
  guint interval = DEFAULT_AUTOSAVE_SECONDS;

  if (settings != NULL)
    {
      interval = g_settings_get_uint (settings, "autosave-interval");
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      gtk_paned_set_position (self->paned, g_settings_get_int (settings, "paned-position"));
    }
  self->autosave_source = g_timeout_add_seconds (interval, autosave, self);
}

static void
remember_size (AnnWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (settings, "paned-position", gtk_paned_get_position (self->paned));
}

AnnWindow *
ann_window_new (AnnApplication *application)
{
  AnnWindow *self = g_object_new (ANN_TYPE_WINDOW, "application", application, NULL);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  apply_settings (self);
  /* Only the first window offers to restore, so two windows never restore the same work. */
  if (windows != NULL && windows->next == NULL)
    offer_recovery (self);
  return self;
}
