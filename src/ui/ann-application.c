/* ann-application.c: the application: one window per open article, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ann-application.h"
#include "ann-preferences.h"
#include "ann-window.h"

struct _AnnApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;   /* nullable: the schema is not installed in every run */

  /* Following the desktop's light or dark style: see follow_color_scheme(). */
  GDBusConnection *portal_bus;          /* nullable */
  guint            portal_subscription;
  GSettings       *interface_settings;  /* nullable */
  gboolean         dark_by_default;     /* GTK's own setting, for "no preference" */
};

G_DEFINE_FINAL_TYPE (AnnApplication, ann_application, GTK_TYPE_APPLICATION)

AnnApplication *
ann_application_new (void)
{
  return g_object_new (ANN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/articleannotator/ArticleAnnotator",
                       NULL);
}

/**
 * ann_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the schema is not installed
 */
GSettings *
ann_application_get_settings (AnnApplication *self)
{
  g_return_val_if_fail (ANN_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* A window that shows nothing yet, to reuse for a file rather than open another. */
static AnnWindow *
find_empty_window (AnnApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (ANN_IS_WINDOW (l->data) && ann_window_is_empty (l->data))
      return l->data;
  return NULL;
}

static void
ann_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ann_window_new (ANN_APPLICATION (app)));
  gtk_window_present (window);
}

/**
 * ann_application_is_review:
 *
 * Whether @files, opened together (on the command line, dropped on a window), are several
 * annotators' work to review together: two or more annotation files.
 */
gboolean
ann_application_is_review (GFile **files,
                           int     n_files)
{
  if (n_files < 2)
    return FALSE;
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);

      if (name == NULL || !g_str_has_suffix (name, ".json"))
        return FALSE;
    }
  return TRUE;
}

static void
ann_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  AnnApplication *self = ANN_APPLICATION (app);

  if (ann_application_is_review (files, n_files))
    {
      g_autoptr(GPtrArray) review = g_ptr_array_new_with_free_func (g_object_unref);
      AnnWindow *window = find_empty_window (self);

      for (int i = 0; i < n_files; i++)
        g_ptr_array_add (review, g_object_ref (files[i]));
      if (window == NULL)
        window = ann_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
      ann_window_review_files (window, review);
      return;
    }

  for (int i = 0; i < n_files; i++)
    {
      AnnWindow *window = ann_window_find_for_file (GTK_APPLICATION (self), files[i]);

      /* A file already open is shown where it is, not opened twice. */
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      window = find_empty_window (self);
      if (window == NULL)
        window = ann_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
      ann_window_open_file (window, files[i]);
    }
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  static const char *developers[] = { "Article Annotator developers", NULL };
  GtkApplication *app = user_data;

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Article Annotator"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Annotate the entities of news articles, review "
                                       "annotators’ work and measure their agreement"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
on_preferences (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AnnApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (ann_preferences_new (parent, self->settings)));
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GtkApplication *app = user_data;
  /* A copy: a window without unsaved changes closes at once, and leaves the application's
   * list while it is walked. */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app), (GCopyFunc) g_object_ref, NULL);

  /* Closing each window runs its unsaved-changes guard. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "about", on_about },
  { "preferences", on_preferences },
  { "quit", on_quit },
};

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.suggest", { "<Control><Shift>e", NULL } },
    { "win.accept-all", { "<Control>Return", NULL } },
    { "win.reject-all", { "<Control>BackSpace", NULL } },
    { "win.find-next", { "<Control>g", NULL } },
    { "win.find-previous", { "<Control><Shift>g", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; preferences will not be kept",
                 APPLICATION_ID);
      return NULL;
    }
  return g_settings_new (APPLICATION_ID);
}

/* --- the desktop's light or dark style ---------------------------------------------------- */

/* GTK 4.8 without libadwaita does not follow the desktop's dark style by itself. The application
 * reads the preference where the desktop publishes it: the settings portal's
 * org.freedesktop.appearance color-scheme (also inside a sandbox), or where there is no portal
 * GSettings' org.gnome.desktop.interface color-scheme, if that schema is installed; it follows
 * changes, and sets GtkSettings:gtk-application-prefer-dark-theme. Both say 0 for no
 * preference, 1 for dark, 2 for light. */

#define PORTAL_NAME         "org.freedesktop.portal.Desktop"
#define PORTAL_PATH         "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS     "org.freedesktop.portal.Settings"
#define APPEARANCE          "org.freedesktop.appearance"
#define PORTAL_TIMEOUT_MS   1000
#define INTERFACE_SCHEMA    "org.gnome.desktop.interface"

enum {
  COLOR_SCHEME_DEFAULT,
  COLOR_SCHEME_PREFER_DARK,
  COLOR_SCHEME_PREFER_LIGHT,
};

static void
apply_color_scheme (AnnApplication *self,
                    guint           scheme)
{
  gboolean dark = scheme == COLOR_SCHEME_PREFER_DARK ? TRUE
                : scheme == COLOR_SCHEME_PREFER_LIGHT ? FALSE
                : self->dark_by_default;

  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
}

/* The portal's value, a number inside one variant (ReadOne) or two (Read). */
static gboolean
portal_scheme (GVariant *value,
               guint    *scheme)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unwrapped = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = unwrapped;
    }
  if (!g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    return FALSE;
  *scheme = g_variant_get_uint32 (inner);
  return TRUE;
}

static gboolean
read_portal_scheme (GDBusConnection *bus,
                    guint           *scheme)
{
  /* ReadOne is the portal's newer method; Read is in every version. */
  static const char * const methods[] = { "ReadOne", "Read" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GVariant) value = NULL;

      reply = g_dbus_connection_call_sync (bus, PORTAL_NAME, PORTAL_PATH, PORTAL_SETTINGS, methods[i],
                                           g_variant_new ("(ss)", APPEARANCE, "color-scheme"),
                                           G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE,
                                           PORTAL_TIMEOUT_MS, NULL, &error);
      if (reply != NULL)
        {
          g_variant_get (reply, "(v)", &value);
          return portal_scheme (value, scheme);
        }
      /* No portal, or one that does not know the setting: nothing more to ask it. */
      if (!g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD))
        {
          g_debug ("No color scheme from the settings portal: %s", error->message);
          return FALSE;
        }
    }
  return FALSE;
}

static void
on_portal_setting_changed (GDBusConnection *bus,
                           const char      *sender,
                           const char      *path,
                           const char      *interface,
                           const char      *signal,
                           GVariant        *parameters,
                           gpointer         user_data)
{
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;
  guint scheme;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;
  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_strcmp0 (namespace, APPEARANCE) == 0 && g_strcmp0 (key, "color-scheme") == 0 &&
      portal_scheme (value, &scheme))
    apply_color_scheme (user_data, scheme);
}

static void
on_interface_settings_changed (GSettings      *settings,
                               const char     *key,
                               AnnApplication *self)
{
  /* The key is an enumeration: its nick, read as a string, works whatever its type. */
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

  apply_color_scheme (self, g_strcmp0 (scheme, "prefer-dark") == 0 ? COLOR_SCHEME_PREFER_DARK
                          : g_strcmp0 (scheme, "prefer-light") == 0 ? COLOR_SCHEME_PREFER_LIGHT
                          : COLOR_SCHEME_DEFAULT);
}

/* GSettings' copy of the preference, when its schema and key are installed: never assumed. */
static GSettings *
create_interface_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, INTERFACE_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
follow_color_scheme (AnnApplication *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));
  guint scheme;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &self->dark_by_default, NULL);

  if (bus != NULL && read_portal_scheme (bus, &scheme))
    {
      self->portal_bus = g_object_ref (bus);
      self->portal_subscription =
        g_dbus_connection_signal_subscribe (bus, PORTAL_NAME, PORTAL_SETTINGS, "SettingChanged",
                                            PORTAL_PATH, APPEARANCE, G_DBUS_SIGNAL_FLAGS_NONE,
                                            on_portal_setting_changed, self, NULL);
      apply_color_scheme (self, scheme);
      return;
    }

  self->interface_settings = create_interface_settings ();
  if (self->interface_settings != NULL)
    {
      g_signal_connect (self->interface_settings, "changed::color-scheme",
                        G_CALLBACK (on_interface_settings_changed), self);
      on_interface_settings_changed (self->interface_settings, "color-scheme", self);
    }
}

static void
ann_application_startup (GApplication *app)
{
  AnnApplication *self = ANN_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (ann_application_parent_class)->startup (app);

  g_set_application_name (_("Article Annotator"));
  gtk_window_set_default_icon_name (APPLICATION_ID);
  self->settings = create_settings ();

  gtk_css_provider_load_from_resource (css, "/io/github/articleannotator/ArticleAnnotator/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));
  follow_color_scheme (self);
}

static void
ann_application_dispose (GObject *object)
{
  AnnApplication *self = (AnnApplication *) object;

  g_clear_object (&self->settings);
  if (self->portal_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->portal_bus, self->portal_subscription);
  self->portal_subscription = 0;
  g_clear_object (&self->portal_bus);
  if (self->interface_settings != NULL)
    g_signal_handlers_disconnect_by_data (self->interface_settings, self);
  g_clear_object (&self->interface_settings);

  G_OBJECT_CLASS (ann_application_parent_class)->dispose (object);
}

static void
ann_application_class_init (AnnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ann_application_dispose;
  app_class->startup = ann_application_startup;
  app_class->activate = ann_application_activate;
  app_class->open = ann_application_open;
}

static void
ann_application_init (AnnApplication *self)
{
}
