/* test-contrast.c: the article's text stays readable on every label colour the application
 * gives
 *
 * The article view paints an entity with its label's colour as the background and a fixed
 * dark text colour (ARTICLE_TEXT below, "foreground" of the label tags in
 * src/ui/ann-article-view.c), so that a highlight reads the same in light and dark themes.
 * This test checks WCAG 2's minimum contrast for text, 4.5:1, between that text colour and
 * each colour a label can get without the user choosing it: the default labels, the colours
 * an import gives the labels it adds, and the grey of a label without a colour. The window's
 * own state tags (the selected entity, find matches, review marks) are checked on the real
 * tags by tests/test-accessibility.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-import.h"
#include "ann-label-schema.h"
#include "wcag.h"

#define ARTICLE_TEXT "#1e1e1e"
/* A label without a colour: the article view and the rows fall back to this grey. */
#define NO_COLOR "#c0bfbc"

static void
assert_readable (const char *background,
                 const char *what)
{
  double text[3], back[3];
  double ratio;

  g_assert_true (wcag_parse_hex (ARTICLE_TEXT, text));
  if (!wcag_parse_hex (background, back))
    g_error ("%s: the colour “%s” is not #rrggbb", what, background);
  ratio = wcag_contrast (text, back);
  g_test_message ("%s %s: %.2f:1", what, background, ratio);
  if (ratio < WCAG_TEXT_CONTRAST)
    g_error ("%s: %s on %s has a contrast of %.2f:1, below %.1f:1", what, ARTICLE_TEXT,
             background, ratio, WCAG_TEXT_CONTRAST);
}

static void
test_formula (void)
{
  double black[3] = { 0, 0, 0 }, white[3] = { 1, 1, 1 }, grey[3];

  /* WCAG's own end points, and a known pair. */
  g_assert_cmpfloat_with_epsilon (wcag_contrast (black, white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (wcag_contrast (white, white), 1.0, 1e-9);
  g_assert_true (wcag_parse_hex ("#767676", grey));
  g_assert_cmpfloat_with_epsilon (wcag_contrast (grey, white), 4.54, 0.01);
  g_assert_false (wcag_parse_hex ("blue", grey));
}

static void
test_default_labels (void)
{
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();

  g_assert_cmpuint (ann_label_schema_get_n_labels (labels), >, 0);
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (labels, i);

      assert_readable (ann_label_get_color (label), ann_label_get_id (label));
    }
  assert_readable (NO_COLOR, "no colour");
}

/* The labels an import adds take their colours in turn from a list: enough new labels go
 * round it at least once. */
static void
test_imported_labels (void)
{
  g_autoptr(AnnImport) import = ann_import_new ("Hà Nội, Huế", "test", NULL);
  AnnLabelSchema *labels;
  guint before;

  g_assert_nonnull (import);
  labels = ann_file_get_labels (ann_import_get_file (import));
  before = ann_label_schema_get_n_labels (labels);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("NEW%u", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnEntity) entity = ann_import_create_entity (import, NULL, id, 0, 2, NULL, "test", &error);

      g_assert_no_error (error);
      g_assert_nonnull (entity);
    }
  g_assert_cmpuint (ann_label_schema_get_n_labels (labels), ==, before + 40);

  for (guint i = before; i < ann_label_schema_get_n_labels (labels); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (labels, i);

      assert_readable (ann_label_get_color (label), ann_label_get_id (label));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contrast/formula", test_formula);
  g_test_add_func ("/contrast/default-labels", test_default_labels);
  g_test_add_func ("/contrast/imported-labels", test_imported_labels);

  return g_test_run ();
}
