/* test-accessibility.c: every control of the window and of the preferences has a name a
 * screen reader can say
 *
 * Runs under Xvfb (see tests/meson.build for the environment).
 *
 * How the name is read. GTK 4.8 has no public getter for an accessible's name, and the
 * suite's GTK_A11Y=none gives widgets no accessibility context at all (GTK then drops every
 * gtk_accessible_update_property()). This test switches to GTK's own test backend
 * (GTK_A11Y=test, before gtk_init()), which keeps the same properties and relations the
 * AT-SPI backend exports, and reads them back through GTK's public testing API:
 * gtk_test_accessible_check_property() returns the stored value as a string when it differs
 * from the one given, and gtk_test_accessible_check_relation() returns the referenced
 * accessibles as "Type<address>", which the test matches against the widgets it walks.
 * From these it computes the name as GTK 4.8's gtk_at_context_get_name() does (WAI-ARIA
 * accessible name: the label property, then the label properties of the labelled-by
 * accessibles), except that it does not count GTK's last resort, the widget's type name
 * ("GtkButton"), which is no name at all.
 *
 * So a mnemonic label (GTK makes it a labelled-by relation), a button's or check button's
 * own label (GTK sets the label property), or an explicit <accessibility> label all count;
 * a tooltip alone does not, since GTK 4.8 makes it the description, not the name.
 *
 * Limits: it relies on the string form of GTK's test values (not a stable API: should it
 * change, the test fails, it does not pass silently: a relation it cannot read is an error);
 * it checks that a name exists and is not a bare type name, not that it is a good name; it
 * walks the widgets that exist, so a control created later (a row for a label added later,
 * a dialog) is covered only if the test makes it exist; and GTK's own dialogs (file
 * choosers, the about dialog) are GTK's business and are not walked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ann-annotation-panel.h"
#include "ann-application.h"
#include "ann-article-view.h"
#include "ann-preferences.h"
#include "ann-window.h"
#include "ui-test-util.h"
#include "wcag.h"
#include "test-tmp.h"

static AnnApplication *app;

/* --- the accessible name, as GTK computes it ------------------------------------------------ */

/* Every widget under @widget, itself included. */
static void
collect_widgets (GtkWidget *widget,
                 GPtrArray *widgets)
{
  g_ptr_array_add (widgets, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, widgets);
}

/* The label property, or NULL when it is not set or empty. */
static char *
dup_label_property (GtkAccessible *accessible)
{
  char *value;

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* NULL when the value equals the one given, here the empty string. */
  value = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return value;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* The accessible name of @widget, or NULL. @everything holds every widget that a relation may
 * point to. Fails the test when a relation points to something it cannot find. */
static char *
dup_accessible_name (GtkWidget *widget,
                     GPtrArray *everything)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *own = dup_label_property (accessible);

  if (!is_blank (own))
    g_string_append (name, own);

  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      /* The referenced accessibles, as "GtkLabel<0x…>" each. */
      g_autofree char *references =
        gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);
      guint found = 0;

      for (guint i = 0; references != NULL && i < everything->len; i++)
        {
          GtkWidget *other = g_ptr_array_index (everything, i);
          g_autofree char *reference = g_strdup_printf ("%s<%p>", G_OBJECT_TYPE_NAME (other), other);

          if (strstr (references, reference) != NULL)
            {
              /* Not recursively, as GTK: only the label property of the referenced one. */
              g_autofree char *label = dup_label_property (GTK_ACCESSIBLE (other));

              found++;
              if (!is_blank (label))
                {
                  if (name->len > 0)
                    g_string_append_c (name, ' ');
                  g_string_append (name, label);
                }
            }
        }
      if (references != NULL && found == 0)
        g_error ("%s: cannot read its labelled-by relation “%s”", G_OBJECT_TYPE_NAME (widget), references);
    }

  if (name->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* --- which widgets are controls --------------------------------------------------------------- */

static gboolean
is_control (GtkWidget *widget)
{
  const GType types[] = {
    GTK_TYPE_BUTTON, GTK_TYPE_MENU_BUTTON, GTK_TYPE_TOGGLE_BUTTON, GTK_TYPE_CHECK_BUTTON,
    GTK_TYPE_ENTRY, GTK_TYPE_SEARCH_ENTRY, GTK_TYPE_TEXT, GTK_TYPE_DROP_DOWN,
    GTK_TYPE_SPIN_BUTTON, GTK_TYPE_TEXT_VIEW, GTK_TYPE_LIST_VIEW, GTK_TYPE_LIST_BOX,
    GTK_TYPE_LIST_BOX_ROW,
  };
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  /* A role of none takes the widget out of the accessible tree: a GtkText inside an entry is
   * the entry's, which carries the name. */
  if (role == GTK_ACCESSIBLE_ROLE_NONE)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_type_is_a (G_OBJECT_TYPE (widget), types[i]))
      return TRUE;

  /* Whatever else takes the keyboard focus, such as the rows of a list view, but for text
   * (a selectable label says its text) and containers (a scrolled window passes the focus on). */
  return gtk_widget_get_focusable (widget) &&
         role != GTK_ACCESSIBLE_ROLE_LABEL && role != GTK_ACCESSIBLE_ROLE_GROUP &&
         role != GTK_ACCESSIBLE_ROLE_GENERIC && role != GTK_ACCESSIBLE_ROLE_PRESENTATION;
}

/* Inside a drop-down, what GTK 4.8 builds and the application does not reach: the choice shown
 * in its button, and its popup's list, rows and (hidden) search entry. GTK 4.8 names none of
 * them and offers no way to (gtk_list_item_set_accessible_label() comes in 4.12); the test
 * lists them but does not fail on them. The drop-down itself and its button, which takes the
 * keyboard focus, must have names. */
static gboolean
is_drop_down_internal (GtkWidget *widget)
{
  GtkWidget *drop_down = gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN);

  return drop_down != NULL && drop_down != widget && gtk_widget_get_parent (widget) != drop_down;
}

/* Asserts that every control under @root has a name, and that there are at least @minimum;
 * @where says where, in the message. */
static void
assert_every_control_named_min (GtkWidget  *root,
                                const char *where,
                                guint       minimum)
{
  g_autoptr(GPtrArray) everything = g_ptr_array_new ();
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint controls = 0;

  collect_widgets (root, everything);
  for (guint i = 0; i < everything->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (everything, i);
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;

      if (!is_control (widget))
        continue;

      controls++;
      name = dup_accessible_name (widget, everything);
      role = g_enum_to_string (GTK_TYPE_ACCESSIBLE_ROLE,
                               gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)));
      g_test_message ("%s: %s (%s)%s “%s”", where, G_OBJECT_TYPE_NAME (widget), role,
                      gtk_widget_get_visible (widget) ? "" : " (hidden)", name ? name : "");
      if (name == NULL && !is_drop_down_internal (widget))
        {
          const char *tooltip = gtk_widget_get_tooltip_text (widget);

          g_string_append_printf (unnamed, "\n  %s (parent %s, tooltip “%s”)", G_OBJECT_TYPE_NAME (widget),
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                  tooltip ? tooltip : "");
        }
    }

  /* The walk reached the controls at all. */
  g_assert_cmpuint (controls, >=, minimum);
  if (unnamed->len > 0)
    g_error ("%s: controls without an accessible name:%s", where, unnamed->str);
}

static void
assert_every_control_named (GtkWidget  *root,
                            const char *where)
{
  assert_every_control_named_min (root, where, 6);
}

/* --- the tests -------------------------------------------------------------------------------- */

static gboolean
list_has_rows (gpointer data)
{
  GtkWidget *list = data;
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    rows++;
  return rows > 2;
}

static void
test_window_names (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  AnnAnnotationPanel *panel = ANN_ANNOTATION_PANEL (ann_window_get_panel (window));
  AnnEntityStore *store = ann_file_get_entities (ann_window_get_file (window));

  /* The entity list's rows come in an idle after the article; the find bar's controls and a
   * selected entity's editor should be there too. */
  wait_until (list_has_rows, ann_annotation_panel_get_entity_list (panel));
  g_assert_cmpuint (ann_window_find (window, "Quảng Trị"), >, 0);
  ann_window_select_entity (window, ann_entity_store_get_nth (store, 0));
  spin ();

  assert_every_control_named (GTK_WIDGET (window), "window");

  close_and_finalize (window);
}

/* The window before any file: the empty page's button. */
static void
test_empty_window_names (void)
{
  AnnWindow *window = ann_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_is_mapped, window);
  spin ();
  assert_every_control_named (GTK_WIDGET (window), "empty window");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* The button under @root whose accessible name is @name. */
static GtkWidget *
find_button_named (GtkWidget  *root,
                   const char *name)
{
  g_autoptr(GPtrArray) everything = g_ptr_array_new ();

  collect_widgets (root, everything);
  for (guint i = 0; i < everything->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (everything, i);
      g_autofree char *widget_name = NULL;

      if (!GTK_IS_BUTTON (widget))
        continue;
      widget_name = dup_accessible_name (widget, everything);
      if (g_strcmp0 (widget_name, name) == 0)
        return widget;
    }
  g_error ("no button named “%s”", name);
}

static void
test_preferences_names (void)
{
  GSettings *settings = ann_application_get_settings (app);
  const char * const lists[] = { "/nowhere/places.txt", "/nowhere/people.txt", NULL };
  AnnPreferences *preferences;

  g_assert_nonnull (settings);
  /* Two lists of names, so that their remove buttons exist. */
  g_settings_set_strv (settings, "user-gazetteers", lists);

  preferences = ann_preferences_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (preferences));
  wait_until (window_is_mapped, preferences);
  spin ();

  assert_every_control_named (GTK_WIDGET (preferences), "preferences");

  /* Removing a list by keyboard: its button goes with its row, the next list's takes the focus,
   * then, when none is left, the button that adds one. */
  {
    GtkWidget *remove = find_button_named (GTK_WIDGET (preferences), "Remove places.txt");
    GtkWidget *focus;

    gtk_widget_grab_focus (remove);
    g_signal_emit_by_name (remove, "clicked");
    spin ();
    focus = gtk_root_get_focus (GTK_ROOT (preferences));
    g_assert_true (focus == find_button_named (GTK_WIDGET (preferences), "Remove people.txt"));
    g_signal_emit_by_name (focus, "clicked");
    spin ();
    focus = gtk_root_get_focus (GTK_ROOT (preferences));
    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Add a List of Names…");
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "user-gazetteers");
  spin ();
}

/* The dialog @window shows, if any: any GtkDialog transient for it, not only a message dialog
 * (the one that asks who is annotating is not). */
static GtkWindow *
find_dialog_for (AnnWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      return l->data;
  return NULL;
}

static gboolean
has_dialog_for (gpointer window)
{
  return find_dialog_for (window) != NULL;
}

/* The window's own dialogs: who is annotating, and the unsaved changes. The focus is where it
 * was once they are gone. */
static void
test_dialog_names (void)
{
  g_autofree char *path = g_build_filename (SAMPLE_DIR, "sample-article.txt", NULL);
  AnnWindow *window = open_window (app, path);
  GSettings *settings = ann_application_get_settings (app);
  GtkWidget *focus;
  GtkWindow *dialog;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "annotator-name");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);

  /* A file imported from text has no annotator: saving asks for one. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  wait_until (has_dialog_for, window);
  dialog = find_dialog_for (window);
  wait_until (window_is_mapped, dialog);
  /* The name's entry, Cancel and Save. */
  assert_every_control_named_min (GTK_WIDGET (dialog), "annotator dialog", 3);
  gtk_window_destroy (dialog);
  spin ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);

  /* An edit, then closing: the unsaved changes dialog. */
  ann_window_select_text (window, 0, 4);
  g_action_group_activate_action (G_ACTION_GROUP (window), "tag-key", g_variant_new_string ("1"));
  spin ();
  g_assert_true (ann_window_is_modified (window));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  gtk_window_close (GTK_WINDOW (window));
  wait_until (has_dialog_for, window);
  dialog = find_dialog_for (window);
  wait_until (window_is_mapped, dialog);
  /* A message dialog has only a few controls: its three buttons. */
  assert_every_control_named_min (GTK_WIDGET (dialog), "unsaved changes dialog", 3);
  gtk_window_destroy (dialog);
  spin ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);

  close_and_finalize (window);
}

/* --- light and dark ---------------------------------------------------------------------------- */

static gboolean
prefers_dark (void)
{
  gboolean dark;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark;
}

/* Without a session bus there is no portal (see main()): the application follows GSettings'
 * copy of the desktop's preference, here in memory. */
static void
test_dark_follows_desktop (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) interface = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    {
      g_test_skip ("org.gnome.desktop.interface color-scheme is not installed (gsettings-desktop-schemas)");
      return;
    }
  interface = g_settings_new_full (schema, NULL, NULL);

  g_assert_false (prefers_dark ());
  g_settings_set_string (interface, "color-scheme", "prefer-dark");
  spin ();
  g_assert_true (prefers_dark ());
  g_settings_set_string (interface, "color-scheme", "prefer-light");
  spin ();
  g_assert_false (prefers_dark ());
  g_settings_set_string (interface, "color-scheme", "prefer-dark");
  spin ();
  g_settings_reset (interface, "color-scheme");
  spin ();
  g_assert_false (prefers_dark ());
}

/* --- the article's colours ---------------------------------------------------------------------- */

static void
rgba_to_rgb (const GdkRGBA *rgba,
             double         rgb[3])
{
  rgb[0] = rgba->red;
  rgb[1] = rgba->green;
  rgb[2] = rgba->blue;
}

static void
collect_tag (GtkTextTag *tag,
             gpointer    data)
{
  g_ptr_array_add (data, tag);
}

static gboolean
tag_color (GtkTextTag *tag,
           const char *property,
           double      rgb[3])
{
  g_autofree char *set = g_strconcat (property, "-set", NULL);
  g_autofree char *rgba_property = g_strconcat (property, "-rgba", NULL);
  g_autoptr(GdkRGBA) rgba = NULL;
  gboolean is_set;

  /* "underline-rgba" is set when "underline-rgba-set" is. */
  if (g_str_equal (property, "underline"))
    g_object_get (tag, "underline-rgba-set", &is_set, NULL);
  else
    g_object_get (tag, set, &is_set, NULL);
  if (!is_set)
    return FALSE;
  g_object_get (tag, rgba_property, &rgba, NULL);
  if (rgba == NULL)
    return FALSE;
  rgba_to_rgb (rgba, rgb);
  return TRUE;
}

static char *
tag_describe (GtkTextTag *tag)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  return g_strdup (name ? name : "a label");
}

/* Text on a highlight is readable (4.5:1), and every mark drawn on a label's colour (the
 * underline of a nested entity, the review marks) stands out from it (3:1), for the tags the
 * article view really made. */
static void
test_article_tags_contrast (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  AnnArticleView *view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ann_article_view_get_text_view (view));
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GArray) label_backgrounds = g_array_new (FALSE, FALSE, sizeof (double[3]));
  guint texts = 0, marks = 0;

  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (buffer), collect_tag, tags);

  /* The label tags: a background and a text colour, and no name. */
  for (guint i = 0; i < tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (tags, i);
      g_autofree char *name = NULL;
      double back[3];

      g_object_get (tag, "name", &name, NULL);
      if (name == NULL && tag_color (tag, "background", back))
        g_array_append_val (label_backgrounds, back);
    }
  g_assert_cmpuint (label_backgrounds->len, ==,
                    ann_label_schema_get_n_labels (ann_file_get_labels (ann_window_get_file (window))));

  for (guint i = 0; i < tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (tags, i);
      g_autofree char *what = tag_describe (tag);
      double back[3], text[3], line[3];

      if (tag_color (tag, "background", back))
        {
          double ratio;

          /* A highlight without its own text colour would take the theme's: light in dark. */
          g_assert_true (tag_color (tag, "foreground", text));
          ratio = wcag_contrast (text, back);
          g_test_message ("%s: text %.2f:1", what, ratio);
          if (ratio < WCAG_TEXT_CONTRAST)
            g_error ("%s: the text's contrast is %.2f:1, below %.1f:1", what, ratio, WCAG_TEXT_CONTRAST);
          texts++;
        }
      if (tag_color (tag, "underline", line))
        {
          for (guint j = 0; j < label_backgrounds->len; j++)
            {
              double ratio = wcag_contrast (line, &g_array_index (label_backgrounds, double, 3 * j));

              if (ratio < WCAG_MARK_CONTRAST)
                g_error ("%s: its line has a contrast of %.2f:1 on a label's colour, below %.1f:1",
                         what, ratio, WCAG_MARK_CONTRAST);
            }
          marks++;
        }
    }
  /* The labels, the find matches and the selected entity; the nested lines, the pending
   * suggestions' line and the three review marks. */
  g_assert_cmpuint (texts, >=, label_backgrounds->len + 2);
  g_assert_cmpuint (marks, >=, label_backgrounds->len + 4);

  close_and_finalize (window);
}

/* A file may give its labels any colour: the text on dark and mid-tone ones (GNOME's own
 * blue and red among them, and the grey where black and white contrast alike) is readable
 * too, in black or white instead of the usual dark grey. */
static void
test_custom_colours_readable (void)
{
  static const char * const colours[] = { "#1c3f8a", "#e01b24", "#1c71d8", "#767676", "#000000",
                                          "#7f7f7f", "#ffffff" };
  g_autofree char *dir = test_tmp_dir ("ann-accessibility");
  g_autofree char *path = g_build_filename (dir, "colours.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) colour = g_regex_new ("\"color\": \"#[0-9a-f]{6}\"", 0, 0, NULL);
  g_autoptr(GString) recoloured = g_string_new (NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  const char *rest;
  guint n = 0, texts = 0;
  AnnWindow *window;
  AnnArticleView *view;

  g_assert_true (g_file_get_contents (SAMPLE_DIR "/sample-article.json", &contents, NULL, NULL));
  rest = contents;
  g_regex_match (colour, contents, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (recoloured, rest, contents + start - rest);
      g_string_append_printf (recoloured, "\"color\": \"%s\"", colours[n++ % G_N_ELEMENTS (colours)]);
      rest = contents + end;
      g_match_info_next (match, NULL);
    }
  g_string_append (recoloured, rest);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (colours));
  g_assert_true (g_file_set_contents (path, recoloured->str, -1, NULL));

  window = open_window (app, path);
  view = ANN_ARTICLE_VIEW (ann_window_get_article_view (window));
  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (ann_article_view_get_text_view (view))),
                              collect_tag, tags);
  for (guint i = 0; i < tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (tags, i);
      g_autofree char *what = tag_describe (tag);
      double back[3], text[3];

      if (!tag_color (tag, "background", back))
        continue;
      g_assert_true (tag_color (tag, "foreground", text));
      if (wcag_contrast (text, back) < WCAG_TEXT_CONTRAST)
        g_error ("%s: the text's contrast is %.2f:1, below %.1f:1", what, wcag_contrast (text, back),
                 WCAG_TEXT_CONTRAST);
      texts++;
    }
  g_assert_cmpuint (texts, >=, G_N_ELEMENTS (colours));
  close_and_finalize (window);
}

/* --- text size ---------------------------------------------------------------------------------- */

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames_passed (gpointer data)
{
  return *(guint *) data >= 2;
}

/* A change of the settings restyles the widgets in the next frame, not at once. */
static void
wait_for_restyle (GtkWidget *widget)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  wait_until (two_frames_passed, &frames);
  gtk_widget_remove_tick_callback (widget, tick);
}

static int
text_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Quảng Trị");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* The article's font follows the system's: its size (GNOME's "text size", Tweaks' interface
 * font) and its scaling (the accessibility "large text", which sets the DPI). */
static void
test_text_scales (void)
{
  AnnWindow *window = open_window (app, SAMPLE_DIR "/sample-article.json");
  GtkWidget *text_view = GTK_WIDGET (ann_article_view_get_text_view (ANN_ARTICLE_VIEW (ann_window_get_article_view (window))));
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font = NULL;
  int dpi;
  int small, large, scaled;

  g_object_get (settings, "gtk-font-name", &font, "gtk-xft-dpi", &dpi, NULL);

  g_object_set (settings, "gtk-font-name", "Sans 10", NULL);
  wait_for_restyle (text_view);
  small = text_height (text_view);
  g_object_set (settings, "gtk-font-name", "Sans 20", NULL);
  wait_for_restyle (text_view);
  large = text_height (text_view);
  g_object_set (settings, "gtk-font-name", "Sans 10", "gtk-xft-dpi", 2 * 96 * 1024, NULL);
  wait_for_restyle (text_view);
  scaled = text_height (text_view);
  g_test_message ("article text height: %d px at 10 pt, %d at 20 pt, %d at 10 pt and 192 dpi",
                  small, large, scaled);

  g_assert_cmpfloat ((double) large / small, >, 1.6);
  g_assert_cmpfloat ((double) scaled / small, >, 1.6);

  g_object_set (settings, "gtk-font-name", font, "gtk-xft-dpi", dpi, NULL);
  close_and_finalize (window);
}

/* The name the test computes is the one set: a check of the check. */
static void
test_name_is_read_back (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icon = gtk_button_new_from_icon_name ("edit-find-symbolic");
  GtkWidget *label = gtk_label_new_with_mnemonic ("_Note");
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr(GPtrArray) everything = g_ptr_array_new ();
  g_autofree char *unnamed = NULL;
  g_autofree char *named = NULL;
  g_autofree char *labelled = NULL;

  g_object_ref_sink (box);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  collect_widgets (box, everything);

  /* An icon and a tooltip are no name. */
  gtk_widget_set_tooltip_text (icon, "Find");
  unnamed = dup_accessible_name (icon, everything);
  g_assert_null (unnamed);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Find", -1);
  named = dup_accessible_name (icon, everything);
  g_assert_cmpstr (named, ==, "Find");

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  labelled = dup_accessible_name (entry, everything);
  g_assert_nonnull (labelled);
  g_assert_nonnull (strstr (labelled, "Note"));

  g_object_unref (box);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("ann-test-accessibility-XXXXXX", NULL);
  int status;

  for (const char * const *var = (const char * const[]) { "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                                          "XDG_CACHE_HOME", NULL };
       *var; var++)
    {
      g_autofree char *dir = g_build_filename (home, *var, NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (*var, dir, TRUE);
    }
  /* GTK's test accessibility backend, read once when the first widget is made: it keeps
   * what the application sets and lets the test read it back (see the comment at the top). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* No session bus, so no settings portal: the light or dark style comes from GSettings, which
   * the test controls (see test_dark_follows_desktop()). */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ann-test-accessibility", TRUE);

  g_test_init (&argc, &argv, NULL);
  ui_test_init_gtk ();

  app = ann_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/accessibility/name-is-read-back", test_name_is_read_back);
  g_test_add_func ("/accessibility/window-names", test_window_names);
  g_test_add_func ("/accessibility/empty-window-names", test_empty_window_names);
  g_test_add_func ("/accessibility/preferences-names", test_preferences_names);
  g_test_add_func ("/accessibility/dialog-names", test_dialog_names);
  g_test_add_func ("/accessibility/dark-follows-desktop", test_dark_follows_desktop);
  g_test_add_func ("/accessibility/article-tags-contrast", test_article_tags_contrast);
  g_test_add_func ("/accessibility/custom-colours-readable", test_custom_colours_readable);
  g_test_add_func ("/accessibility/text-scales", test_text_scales);

  status = g_test_run ();
  g_clear_object (&app);
  test_remove_tree (home);
  return status;
}
