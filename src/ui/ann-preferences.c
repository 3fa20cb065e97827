/* ann-preferences.c: the preferences window: the annotator's name and the autosave interval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ann-preferences.h"

struct _AnnPreferences
{
  GtkWindow      parent_instance;

  GtkEntry      *annotator_entry;
  GtkSpinButton *autosave_spin;
  GtkLabel      *unavailable_label;
  GtkCheckButton *propagate_check;
  GtkListBox    *gazetteer_list;
  GtkButton     *add_gazetteer_button;
  GtkButton     *rules_button;
  GtkLabel      *rules_label;
  GtkButton     *rules_reset_button;

  GSettings     *settings;   /* nullable */
};

G_DEFINE_FINAL_TYPE (AnnPreferences, ann_preferences, GTK_TYPE_WINDOW)

static void show_gazetteers (AnnPreferences *self);

static void
set_gazetteers (AnnPreferences *self,
                GStrv           paths)
{
  g_settings_set_strv (self->settings, "user-gazetteers", (const char * const *) paths);
  show_gazetteers (self);
}

static void
on_remove_gazetteer (GtkButton      *button,
                     AnnPreferences *self)
{
  const char *removed = g_object_get_data (G_OBJECT (button), "path");
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "user-gazetteers");
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  guint position = 0;
  GtkListBoxRow *row;

  for (guint i = 0; paths[i] != NULL; i++)
    if (g_strcmp0 (paths[i], removed) != 0)
      g_strv_builder_add (kept, paths[i]);
    else
      position = i;
  result = g_strv_builder_end (kept);
  set_gazetteers (self, result);

  /* The button had the keyboard and is gone with its row: the next row's button takes it, or
   * the last one's, or the button that adds a list. */
  row = gtk_list_box_get_row_at_index (self->gazetteer_list, position);
  if (row == NULL && position > 0)
    row = gtk_list_box_get_row_at_index (self->gazetteer_list, position - 1);
  if (row != NULL)
    gtk_widget_grab_focus (gtk_widget_get_last_child (gtk_list_box_row_get_child (row)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_gazetteer_button));
}

static void
show_gazetteers (AnnPreferences *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "user-gazetteers");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gazetteer_list))) != NULL)
    gtk_list_box_remove (self->gazetteer_list, child);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_label_new (paths[i]);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *basename = g_path_get_basename (paths[i]);
      g_autofree char *remove_name = NULL;

      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_START);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (remove, _("Remove this list"));
      /* TRANSLATORS: a button as a screen reader says it; %s is the file name of a list of names */
      remove_name = g_strdup_printf (_("Remove %s"), basename);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      g_object_set_data_full (G_OBJECT (remove), "path", g_strdup (paths[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_gazetteer), self);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_list_box_append (self->gazetteer_list, row);
      /* The row does nothing when activated; named by its file, it reads as one. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, paths[i], -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->gazetteer_list), paths[0] != NULL);
}

static void
on_gazetteer_chosen (GtkNativeDialog *chooser,
                     int              response,
                     AnnPreferences  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_auto(GStrv) paths = g_settings_get_strv (self->settings, "user-gazetteers");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) result = NULL;

      g_strv_builder_addv (builder, (const char **) paths);
      if (g_file_peek_path (file) != NULL && !g_strv_contains ((const char * const *) paths, g_file_peek_path (file)))
        g_strv_builder_add (builder, g_file_peek_path (file));
      result = g_strv_builder_end (builder);
      set_gazetteers (self, result);
    }
  g_object_unref (chooser);
}

static void
on_add_gazetteer (AnnPreferences *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add a List of Names"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_gazetteer_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_rules (AnnPreferences *self)
{
  g_autofree char *rules = g_settings_get_string (self->settings, "rules-file");

  gtk_label_set_label (self->rules_label, *rules ? rules : _("The bundled rules"));
  /* The button is named by its mnemonic label; what it shows is said after the name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rules_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (self->rules_label), -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rules_reset_button), *rules != '\0');
}

static void
on_rules_chosen (GtkNativeDialog *chooser,
                 int              response,
                 AnnPreferences  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (g_file_peek_path (file) != NULL)
        g_settings_set_string (self->settings, "rules-file", g_file_peek_path (file));
      show_rules (self);
    }
  g_object_unref (chooser);
}

static void
on_choose_rules (AnnPreferences *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose Suggestion Rules"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_rules_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_reset_rules (AnnPreferences *self)
{
  g_settings_reset (self->settings, "rules-file");
  show_rules (self);
}

static void
ann_preferences_dispose (GObject *object)
{
  g_clear_object (&ANN_PREFERENCES (object)->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), ANN_TYPE_PREFERENCES);

  G_OBJECT_CLASS (ann_preferences_parent_class)->dispose (object);
}

static void
ann_preferences_class_init (AnnPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ann_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/articleannotator/ArticleAnnotator/ann-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, annotator_entry);
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, unavailable_label);
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, propagate_check);
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, gazetteer_list);
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, add_gazetteer_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_gazetteer);
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, rules_button);
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, rules_label);
  gtk_widget_class_bind_template_child (widget_class, AnnPreferences, rules_reset_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_rules);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_rules);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ann_preferences_init (AnnPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ann_preferences_new:
 * @settings: (nullable): the settings, or %NULL when the schema is not installed
 */
AnnPreferences *
ann_preferences_new (GtkWindow *parent,
                     GSettings *settings)
{
  AnnPreferences *self = g_object_new (ANN_TYPE_PREFERENCES, "transient-for", parent, NULL);

  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->annotator_entry), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->autosave_spin), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->propagate_check), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_gazetteer_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->gazetteer_list), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->rules_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->rules_reset_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->unavailable_label), TRUE);
      return self;
    }

  g_settings_bind (settings, "annotator-name", self->annotator_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-interval", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "propagate-suggestions", self->propagate_check, "active",
                   G_SETTINGS_BIND_DEFAULT);
  self->settings = g_object_ref (settings);
  show_gazetteers (self);
  show_rules (self);
  return self;
}
