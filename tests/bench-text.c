/* bench-text.c: how the time to normalise an article grows with its length
 *
 * A meson benchmark (`meson test --benchmark`), never part of the normal test run. It reports
 * and asserts no timing; it fails only when the two normalisations disagree.
 *
 * The baseline is GLib's g_utf8_normalize (NFC) on the same text in the same run. Each text is
 * measured at a length and at twice that length: a linear algorithm takes about twice as long
 * ("growth" near 2), a quadratic one four times as long. Three texts: Vietnamese prose (short
 * words, most letters composed), one line of "ế" without a space, and one letter followed by
 * marks of two combining classes in alternation, which must be reordered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ann-text.h"

#define RUNS 3

typedef char *(*Normalizer) (const char *text);

static char *
glib_nfc (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

/* The least of RUNS timings, in seconds; *@result is the last run's output. */
static double
time_normalizer (Normalizer   normalize,
                 const char  *text,
                 char       **result)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      char *out = normalize (text);
      double seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

      best = MIN (best, seconds);
      g_free (*result);
      *result = out;
    }
  return best;
}

static char *
repeat (const char *prefix,
        const char *unit,
        guint       times)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

/* Measures both normalisations on @unit repeated @times and twice as many times. */
static gboolean
measure (const char *name,
         const char *prefix,
         const char *unit,
         guint       times)
{
  double ours[2], glib[2];

  for (guint size = 0; size < 2; size++)
    {
      g_autofree char *text = repeat (prefix, unit, times << size);
      g_autofree char *ours_out = NULL;
      g_autofree char *glib_out = NULL;

      ours[size] = time_normalizer (ann_text_normalize, text, &ours_out);
      glib[size] = time_normalizer (glib_nfc, text, &glib_out);
      if (strcmp (ours_out, glib_out) != 0)
        {
          g_printerr ("%s: the two normalisations differ\n", name);
          return FALSE;
        }
      g_print ("%-22s %8lu chars   ours %8.4f s   GLib %8.4f s   ours/GLib %6.3f\n", name,
               (gulong) g_utf8_strlen (text, -1), ours[size], glib[size], ours[size] / glib[size]);
    }
  g_print ("%-22s growth at twice the length: ours %.2f, GLib %.2f\n\n", name,
           ours[1] / ours[0], glib[1] / glib[0]);
  return TRUE;
}

int
main (void)
{
  gboolean ok = TRUE;

  ok &= measure ("Vietnamese prose", "",
                 "Ban Thường vụ Tỉnh ủy Quảng Trị ban hành Kế hoạch số 39-KH/TU "
                 "về việc thực hiện Nghị quyết Đại hội XIII của Đảng.\n", 2000);
  ok &= measure ("one line, no space", "Tiêu đề\n", "e\xcc\x82\xcc\x81", 20000);
  ok &= measure ("marks in two classes", "a", "\xcc\x81\xcc\xa3", 5000);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
