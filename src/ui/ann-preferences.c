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
};

G_DEFINE_FINAL_TYPE (AnnPreferences, ann_preferences, GTK_TYPE_WINDOW)

static void
ann_preferences_dispose (GObject *object)
{
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
      gtk_widget_set_visible (GTK_WIDGET (self->unavailable_label), TRUE);
      return self;
    }

  g_settings_bind (settings, "annotator-name", self->annotator_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-interval", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  return self;
}
