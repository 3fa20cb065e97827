/* ann-annotation-panel.c: the label palette, the entity list and the selected entity's editor
 *
 * The panel shows the file's model and sends every edit as a window action (win.tag,
 * win.relabel, win.set-note, …), the same actions the keys and the tests use, so that every
 * edit goes through the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ann-annotation-panel.h"
#include "ann-entity-row.h"
#include "ann-find.h"
#include "ann-label-row.h"
#include "ann-review.h"

struct _AnnAnnotationPanel
{
  GtkWidget           parent_instance;

  GtkListBox         *palette;
  GtkLabel           *entity_count;
  GtkSearchEntry     *text_filter;
  GtkDropDown        *label_filter;
  GtkCheckButton     *disagreements_only;
  GtkListView        *entity_list;
  GtkGrid            *editor;
  GtkLabel           *editor_text;
  GtkDropDown        *editor_label;
  GtkEntry           *editor_note;
  GtkEntry           *editor_ref;
  GtkDropDown        *editor_status;

  AnnFile            *file;
  AnnEntityStore     *store;
  AnnEntity          *selected;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GHashTable         *counts;          /* label id → count */
  char               *folded_filter;   /* nullable */
  char               *label_filter_id; /* nullable */
  gboolean            updating_editor;
  guint               review_annotators;  /* 0 outside review */
  guint               scroll_source;
  guint               attach_source;
};

G_DEFINE_FINAL_TYPE (AnnAnnotationPanel, ann_annotation_panel, GTK_TYPE_WIDGET)

/* --- counts ------------------------------------------------------------------------------- */

static void
show_counts (AnnAnnotationPanel *self)
{
  guint total = self->store ? ann_entity_store_get_n_entities (self->store) : 0;
  gboolean attached = self->filtered && gtk_filter_list_model_get_model (self->filtered) != NULL;
  guint shown = attached ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : total;
  g_autofree char *text = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->palette)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      AnnLabel *label = ann_label_row_get_label (ANN_LABEL_ROW (row));

      ann_label_row_set_count (ANN_LABEL_ROW (row),
                               ann_annotation_panel_get_count (self, ann_label_get_id (label)));
    }

  if (shown == total)
    text = g_strdup_printf ("%u", total);
  else
    /* TRANSLATORS: entities shown by the filter, of all entities */
    text = g_strdup_printf (C_("entities shown", "%u of %u"), shown, total);
  gtk_label_set_label (self->entity_count, text);
}

static void
change_count (AnnAnnotationPanel *self,
              AnnEntity          *entity,
              int                 delta)
{
  const char *label = ann_entity_get_label (entity);
  guint count = ann_annotation_panel_get_count (self, label);

  g_hash_table_insert (self->counts, g_strdup (label), GUINT_TO_POINTER (count + delta));
}

/* In review, an edit can turn other candidates into disagreements, or back. */
static void
refilter_review (AnnAnnotationPanel *self)
{
  if (self->review_annotators > 0 && gtk_check_button_get_active (self->disagreements_only))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_entity_added (AnnAnnotationPanel *self,
                 AnnEntity          *entity,
                 guint               position)
{
  change_count (self, entity, +1);
  refilter_review (self);
  show_counts (self);
}

static void
on_entity_removed (AnnAnnotationPanel *self,
                   AnnEntity          *entity,
                   guint               position)
{
  change_count (self, entity, -1);
  refilter_review (self);
  show_counts (self);
}

static void
count_all (AnnAnnotationPanel *self)
{
  g_autoptr(GPtrArray) all = ann_entity_store_dup_all (self->store);

  g_hash_table_remove_all (self->counts);
  for (guint i = 0; i < all->len; i++)
    change_count (self, g_ptr_array_index (all, i), +1);
}

/**
 * ann_annotation_panel_get_count:
 *
 * The number of entities with @label, as the palette shows it.
 */
guint
ann_annotation_panel_get_count (AnnAnnotationPanel *self,
                                const char         *label)
{
  g_return_val_if_fail (ANN_IS_ANNOTATION_PANEL (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, label));
}

/* --- the entity list and its filter ------------------------------------------------------- */

static gboolean
filter_entity (gpointer item,
               gpointer user_data)
{
  AnnAnnotationPanel *self = user_data;
  AnnEntity *entity = item;
  g_autofree char *folded = NULL;

  if (self->label_filter_id != NULL &&
      g_strcmp0 (ann_entity_get_label (entity), self->label_filter_id) != 0)
    return FALSE;
  if (self->review_annotators > 0 && gtk_check_button_get_active (self->disagreements_only) &&
      !ann_review_is_disagreement (ann_review_classify (self->store, entity, self->review_annotators)))
    return FALSE;
  if (self->folded_filter == NULL)
    return TRUE;

  folded = ann_find_fold (ann_entity_get_text (entity));
  return strstr (folded, self->folded_filter) != NULL;
}

static void
on_filter_changed (AnnAnnotationPanel *self)
{
  AnnLabelSchema *labels = self->file ? ann_file_get_labels (self->file) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_filter));
  guint selected = gtk_drop_down_get_selected (self->label_filter);

  g_clear_pointer (&self->folded_filter, g_free);
  if (text != NULL && *text != '\0')
    self->folded_filter = ann_find_fold (text);

  g_clear_pointer (&self->label_filter_id, g_free);
  /* Item 0 is "All labels". */
  if (labels != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= ann_label_schema_get_n_labels (labels))
    self->label_filter_id = g_strdup (ann_label_get_id (ann_label_schema_get_nth (labels, selected - 1)));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_counts (self);
}

void
ann_annotation_panel_set_text_filter (AnnAnnotationPanel *self,
                                      const char         *text)
{
  g_return_if_fail (ANN_IS_ANNOTATION_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->text_filter), text ? text : "");
  on_filter_changed (self);
}

void
ann_annotation_panel_set_label_filter (AnnAnnotationPanel *self,
                                       const char         *label)
{
  AnnLabelSchema *labels;
  guint position = 0;

  g_return_if_fail (ANN_IS_ANNOTATION_PANEL (self));
  g_return_if_fail (self->file != NULL);

  labels = ann_file_get_labels (self->file);
  for (guint i = 0; label != NULL && i < ann_label_schema_get_n_labels (labels); i++)
    if (g_strcmp0 (ann_label_get_id (ann_label_schema_get_nth (labels, i)), label) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (self->label_filter, position);
  on_filter_changed (self);
}

/**
 * ann_annotation_panel_get_shown:
 *
 * Returns: (transfer none): the entities the list shows, after the filters
 */
GListModel *
ann_annotation_panel_get_shown (AnnAnnotationPanel *self)
{
  g_return_val_if_fail (ANN_IS_ANNOTATION_PANEL (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

static void
on_entity_activated (AnnAnnotationPanel *self,
                     guint               position)
{
  g_autoptr(AnnEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (entity != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-entity", "s",
                                ann_entity_get_id (entity));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, GTK_WIDGET (ann_entity_row_new ()));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  AnnAnnotationPanel *self = user_data;
  AnnEntity *entity = gtk_list_item_get_item (item);
  const char *review_state = NULL;

  if (self->review_annotators > 0)
    review_state = ann_review_state_describe (ann_review_classify (self->store, entity,
                                                                   self->review_annotators));
  ann_entity_row_set_entity (ANN_ENTITY_ROW (gtk_list_item_get_child (item)), entity,
                             self->file ? ann_file_get_labels (self->file) : NULL, review_state);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  ann_entity_row_set_entity (ANN_ENTITY_ROW (gtk_list_item_get_child (item)), NULL, NULL, NULL);
}

/**
 * ann_annotation_panel_set_review:
 * @n_annotators: how many annotators' files the shown file merges, or 0 outside review
 *
 * In review, the list can hide the candidates all annotators agree on.
 */
void
ann_annotation_panel_set_review (AnnAnnotationPanel *self,
                                 guint               n_annotators)
{
  g_return_if_fail (ANN_IS_ANNOTATION_PANEL (self));

  self->review_annotators = n_annotators;
  gtk_widget_set_visible (GTK_WIDGET (self->disagreements_only), n_annotators > 0);
  if (n_annotators == 0)
    gtk_check_button_set_active (self->disagreements_only, FALSE);
  on_filter_changed (self);
}

void
ann_annotation_panel_set_disagreements_only (AnnAnnotationPanel *self,
                                             gboolean            only)
{
  g_return_if_fail (ANN_IS_ANNOTATION_PANEL (self));

  gtk_check_button_set_active (self->disagreements_only, only);
}

GtkWidget *
ann_annotation_panel_get_entity_list (AnnAnnotationPanel *self)
{
  g_return_val_if_fail (ANN_IS_ANNOTATION_PANEL (self), NULL);

  return GTK_WIDGET (self->entity_list);
}

/* --- the palette -------------------------------------------------------------------------- */

static GtkWidget *
create_label_row (gpointer item,
                  gpointer user_data)
{
  return GTK_WIDGET (ann_label_row_new (item));
}

static void
on_palette_row_activated (GtkListBox         *box,
                          GtkListBoxRow      *row,
                          AnnAnnotationPanel *self)
{
  AnnLabel *label = ann_label_row_get_label (ANN_LABEL_ROW (row));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.tag", "s", ann_label_get_id (label));
}

static GtkStringList *
label_choices (AnnLabelSchema *labels,
               const char     *first)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (choices, first);
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (labels, i);
      g_autofree char *text = g_strdup_printf ("%s — %s", ann_label_get_id (label),
                                               ann_label_display_name (label));

      gtk_string_list_append (choices, text);
    }

  return choices;
}

/* --- the editor --------------------------------------------------------------------------- */

static void
show_selected (AnnAnnotationPanel *self)
{
  AnnEntity *entity = self->selected;
  AnnLabelSchema *labels;

  self->updating_editor = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->editor), entity != NULL);
  if (entity == NULL)
    {
      gtk_label_set_label (self->editor_text, _("Click an entity in the article or the list"));
      gtk_editable_set_text (GTK_EDITABLE (self->editor_note), "");
      gtk_editable_set_text (GTK_EDITABLE (self->editor_ref), "");
      self->updating_editor = FALSE;
      return;
    }

  labels = ann_file_get_labels (self->file);
  gtk_label_set_label (self->editor_text, ann_entity_get_text (entity));
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    if (g_strcmp0 (ann_label_get_id (ann_label_schema_get_nth (labels, i)),
                   ann_entity_get_label (entity)) == 0)
      gtk_drop_down_set_selected (self->editor_label, i);
  gtk_editable_set_text (GTK_EDITABLE (self->editor_note),
                         ann_entity_get_note (entity) ? ann_entity_get_note (entity) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->editor_ref),
                         ann_entity_get_ref (entity) ? ann_entity_get_ref (entity) : "");
  gtk_drop_down_set_selected (self->editor_status, ann_entity_get_status (entity));
  self->updating_editor = FALSE;
}

static void
on_editor_label_changed (AnnAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->editor_label);
  AnnLabelSchema *labels;
  const char *id;

  if (self->updating_editor || self->selected == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  labels = ann_file_get_labels (self->file);
  id = ann_label_get_id (ann_label_schema_get_nth (labels, selected));
  if (g_strcmp0 (id, ann_entity_get_label (self->selected)) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.relabel", "s", id);

  /* A refused relabelling (the span has that label already) leaves the entity as it was,
   * and the editor must say so. */
  if (self->selected != NULL && g_strcmp0 (id, ann_entity_get_label (self->selected)) != 0)
    show_selected (self);
}

static void
on_editor_text_changed (AnnAnnotationPanel *self)
{
  /* Copies: keeping the note replaces the entity, which refills both entries. */
  g_autofree char *note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor_note)));
  g_autofree char *ref = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor_ref)));

  if (self->updating_editor || self->selected == NULL)
    return;

  if (g_strcmp0 (note, ann_entity_get_note (self->selected) ? ann_entity_get_note (self->selected) : "") != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-note", "s", note);
  if (self->selected != NULL &&
      g_strcmp0 (ref, ann_entity_get_ref (self->selected) ? ann_entity_get_ref (self->selected) : "") != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-ref", "s", ref);
}

static void
on_editor_status_changed (AnnAnnotationPanel *self)
{
  static const char *names[] = { "none", "pending", "accepted", "rejected" };
  guint selected = gtk_drop_down_get_selected (self->editor_status);

  if (self->updating_editor || self->selected == NULL || selected >= G_N_ELEMENTS (names) ||
      selected == ann_entity_get_status (self->selected))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-status", "s", names[selected]);
}

/**
 * ann_annotation_panel_commit_edits:
 *
 * Keeps a note or reference typed but not yet entered, as leaving its entry would: the
 * window calls this before it saves, closes or replaces the document, which the entry
 * keeping the focus would not tell it about.
 */
void
ann_annotation_panel_commit_edits (AnnAnnotationPanel *self)
{
  g_return_if_fail (ANN_IS_ANNOTATION_PANEL (self));

  on_editor_text_changed (self);
}

/* A note typed and left without pressing Enter is kept too. */
static void
on_entry_focus_leave (GtkEventControllerFocus *controller,
                      AnnAnnotationPanel      *self)
{
  on_editor_text_changed (self);
}

static void
watch_focus_leave (AnnAnnotationPanel *self,
                   GtkEntry           *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

/* The position of @entity in the filtered list, or GTK_INVALID_LIST_POSITION. */
static guint
find_shown_position (AnnAnnotationPanel *self,
                     AnnEntity          *entity)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint position;

  /* Unfiltered, the list is the store, which knows positions in O(log n). */
  if (self->label_filter_id == NULL && self->folded_filter == NULL &&
      !gtk_check_button_get_active (self->disagreements_only))
    return ann_entity_store_get_position (self->store, entity, &position) ? position
                                                                          : GTK_INVALID_LIST_POSITION;

  for (position = 0; position < n; position++)
    {
      g_autoptr(AnnEntity) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

      if (item == entity)
        return position;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Scrolling the list re-binds rows: it waits until the frame that shows the edit is drawn. */
static gboolean
scroll_to_selected (gpointer user_data)
{
  AnnAnnotationPanel *self = user_data;
  guint position = gtk_single_selection_get_selected (self->selection);

  self->scroll_source = 0;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->entity_list), "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

/* The list highlights the selected entity, or nothing. GtkSingleSelection moves its selection
 * by position when rows come and go (a filter, an undo, a removal), and a list view that
 * activates on a single click selects the row under the pointer as it moves: either way the
 * highlight is put back on the entity, which only a click or Enter (activation) changes. The
 * scan runs only when they differ. */
static void
keep_highlight_on_selected (AnnAnnotationPanel *self)
{
  gpointer highlighted = gtk_single_selection_get_selected_item (self->selection);
  guint expected = GTK_INVALID_LIST_POSITION;

  if (highlighted == (gpointer) self->selected)
    return;
  if (self->selected != NULL)
    expected = find_shown_position (self, self->selected);
  gtk_single_selection_set_selected (self->selection, expected);
}

static void
on_shown_changed (GListModel         *shown,
                  guint               position,
                  guint               removed,
                  guint               added,
                  AnnAnnotationPanel *self)
{
  keep_highlight_on_selected (self);
}

static void
on_highlight_changed (GtkSelectionModel  *selection,
                      guint               position,
                      guint               n_items,
                      AnnAnnotationPanel *self)
{
  keep_highlight_on_selected (self);
}

void
ann_annotation_panel_set_selected (AnnAnnotationPanel *self,
                                   AnnEntity          *entity)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (ANN_IS_ANNOTATION_PANEL (self));

  g_set_object (&self->selected, entity);
  show_selected (self);

  /* Keep the list's selection on the entity, and the entity in view. */
  if (entity != NULL && self->store != NULL)
    position = find_shown_position (self, entity);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION && self->scroll_source == 0)
    self->scroll_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_selected, self, NULL);
}

/* --- the keyboard and screen readers ----------------------------------------------------- */

/* GTK 4.8 moves Tab through every row of a list view, hundreds here: from the entity list, Tab
 * goes on to the editor (or, with nothing selected, round to the header bar) and Shift+Tab back
 * to the filters, as from any other control. The arrows move between the rows. */
static gboolean
leave_entity_list (GtkWidget *list,
                   GVariant  *args,
                   gpointer   user_data)
{
  AnnAnnotationPanel *self = user_data;
  GtkRoot *root = gtk_widget_get_root (list);
  gboolean left;

  if (g_variant_get_boolean (args))
    left = gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD) ||
           (GTK_IS_WINDOW (root) && gtk_window_get_titlebar (GTK_WINDOW (root)) != NULL &&
            gtk_widget_child_focus (gtk_window_get_titlebar (GTK_WINDOW (root)), GTK_DIR_TAB_FORWARD));
  else
    left = gtk_widget_child_focus (GTK_WIDGET (self->disagreements_only), GTK_DIR_TAB_BACKWARD) ||
           gtk_widget_child_focus (gtk_widget_get_parent (GTK_WIDGET (self->label_filter)),
                                   GTK_DIR_TAB_BACKWARD);
  if (left && GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  return left;
}

static void
add_list_exits (AnnAnnotationPanel *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct { guint key; GdkModifierType modifiers; gboolean forward; } exits[] = {
    { GDK_KEY_Tab, 0, TRUE },
    { GDK_KEY_KP_Tab, 0, TRUE },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, FALSE },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (exits); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new_with_arguments (
                                            gtk_keyval_trigger_new (exits[i].key, exits[i].modifiers),
                                            gtk_callback_action_new (leave_entity_list, self, NULL),
                                            "b", exits[i].forward));
  gtk_widget_add_controller (GTK_WIDGET (self->entity_list), controller);
}

/* GTK 4.8 gives the keyboard focus to a drop-down's inner button, which has no name of its own:
 * it gets the drop-down's name and the choice it shows, as a screen reader should say them. */
static void
name_drop_down_button (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       const char  *name)
{
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *label = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    /* TRANSLATORS: a drop-down as a screen reader says it: its name and its choice,
     * for example "Status: accepted" */
    label = g_strdup_printf (C_("drop-down", "%s: %s"), name, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    label = g_strdup (name);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* @name: (nullable): the name, or NULL for the text of the drop-down's mnemonic label */
static void
watch_drop_down (GtkDropDown *drop_down,
                 const char  *name)
{
  g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (drop_down));
  char *copy;

  if (name == NULL && labels != NULL && GTK_IS_LABEL (labels->data))
    name = gtk_label_get_text (labels->data);
  copy = g_strdup (name ? name : "");
  g_signal_connect_data (drop_down, "notify::selected-item", G_CALLBACK (name_drop_down_button),
                         copy, (GClosureNotify) G_CALLBACK (g_free), 0);
  name_drop_down_button (drop_down, NULL, copy);
}

/* --- the file ----------------------------------------------------------------------------- */

static gboolean
attach_list (gpointer user_data)
{
  AnnAnnotationPanel *self = user_data;

  self->attach_source = 0;
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->store));
  show_counts (self);
  if (self->selected != NULL)
    {
      g_autoptr(AnnEntity) selected = g_object_ref (self->selected);

      ann_annotation_panel_set_selected (self, selected);
    }
  return G_SOURCE_REMOVE;
}

void
ann_annotation_panel_set_file (AnnAnnotationPanel *self,
                               AnnFile            *file,
                               AnnHistory         *history)
{
  AnnLabelSchema *labels;
  g_autoptr(GtkStringList) filter_choices = NULL;
  g_autoptr(GtkStringList) editor_choices = NULL;

  g_return_if_fail (ANN_IS_ANNOTATION_PANEL (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->selected);
  g_set_object (&self->file, file);

  g_clear_handle_id (&self->attach_source, g_source_remove);
  if (file == NULL)
    {
      gtk_list_box_bind_model (self->palette, NULL, NULL, NULL, NULL);
      gtk_filter_list_model_set_model (self->filtered, NULL);
      show_selected (self);
      return;
    }

  labels = ann_file_get_labels (file);
  self->store = g_object_ref (ann_file_get_entities (file));
  g_signal_connect_swapped (self->store, "entity-added", G_CALLBACK (on_entity_added), self);
  g_signal_connect_swapped (self->store, "entity-removed", G_CALLBACK (on_entity_removed), self);
  count_all (self);

  gtk_list_box_bind_model (self->palette, G_LIST_MODEL (labels), create_label_row, NULL, NULL);

  filter_choices = label_choices (labels, _("All labels"));
  gtk_drop_down_set_model (self->label_filter, G_LIST_MODEL (filter_choices));
  gtk_drop_down_set_selected (self->label_filter, 0);
  editor_choices = label_choices (labels, NULL);
  self->updating_editor = TRUE;
  gtk_drop_down_set_model (self->editor_label, G_LIST_MODEL (editor_choices));
  self->updating_editor = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->text_filter), "");
  gtk_filter_list_model_set_model (self->filtered, NULL);
  on_filter_changed (self);
  show_selected (self);

  /* The list's first rows cost as much as highlighting a large article: they come once the
   * article is drawn. */
  g_clear_handle_id (&self->attach_source, g_source_remove);
  self->attach_source = g_idle_add_full (G_PRIORITY_LOW, attach_list, self, NULL);
}

/* --- the object --------------------------------------------------------------------------- */

static void
ann_annotation_panel_dispose (GObject *object)
{
  AnnAnnotationPanel *self = (AnnAnnotationPanel *) object;

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_handle_id (&self->attach_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->selected);
  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANN_TYPE_ANNOTATION_PANEL);
  /* Children without an id are not cleared by the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (ann_annotation_panel_parent_class)->dispose (object);
}

static void
ann_annotation_panel_finalize (GObject *object)
{
  AnnAnnotationPanel *self = (AnnAnnotationPanel *) object;

  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->folded_filter, g_free);
  g_clear_pointer (&self->label_filter_id, g_free);

  G_OBJECT_CLASS (ann_annotation_panel_parent_class)->finalize (object);
}

static void
ann_annotation_panel_class_init (AnnAnnotationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ann_annotation_panel_dispose;
  object_class->finalize = ann_annotation_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/articleannotator/ArticleAnnotator/ann-annotation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, palette);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, entity_count);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, text_filter);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, label_filter);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, disagreements_only);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, entity_list);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, editor);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, editor_text);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, editor_label);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, editor_note);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, editor_ref);
  gtk_widget_class_bind_template_child (widget_class, AnnAnnotationPanel, editor_status);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entity_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_label_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_status_changed);
  gtk_widget_class_set_css_name (widget_class, "annotationpanel");
}

static void
ann_annotation_panel_init (AnnAnnotationPanel *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The list shows the store through a filter; the store announces each change precisely,
   * so the list updates only the rows that changed. */
  self->filter = gtk_custom_filter_new (filter_entity, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->entity_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->entity_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_shown_changed), self);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_highlight_changed), self);

  g_signal_connect (self->palette, "row-activated", G_CALLBACK (on_palette_row_activated), self);
  add_list_exits (self);
  watch_drop_down (self->label_filter, _("Filter entities by label"));
  watch_drop_down (self->editor_label, NULL);
  watch_drop_down (self->editor_status, NULL);

  watch_focus_leave (self, self->editor_note);
  watch_focus_leave (self, self->editor_ref);
}
