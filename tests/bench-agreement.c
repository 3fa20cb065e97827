/* bench-agreement.c: how the time to compare two annotators grows with their entities
 *
 * A meson benchmark (`meson test --benchmark`), never part of the normal test run. It reports
 * and asserts no timing; it fails only when a generated file does not load or compare.
 *
 * Two annotators tag every word of a generated Vietnamese article: the second relabels one
 * word in five and starts one in seven a character later, so exact and overlap matching, label
 * conflicts and token kappa all have work. The baseline is loading the two files
 * (ann_file_load_data) in the same run: what `agree` must do anyway. Each case is measured at
 * N entities and at 2N; a linear computation takes about twice as long ("growth" near 2), a
 * quadratic one four times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ann-agreement.h"
#include "ann-file.h"
#include "ann-text.h"

#define RUNS 3

/* A native file of @n_words words "Quảng", each an entity, as the first annotator or the
 * second would tag them. */
static char *
generate (guint    n_words,
          gboolean second)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *id = NULL;
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append (text, "Quảng ");
  g_string_append_c (text, '\n');
  id = ann_text_compute_id (text->str);
  g_string_truncate (text, text->len - 1);   /* the line break goes in as "\n" */

  g_string_append_printf (json,
                          "{\"format\": \"article-annotator\", \"version\": 1,\n"
                          " \"document\": {\"id\": \"%s\", \"text\": \"%s\\n\"},\n"
                          " \"annotator\": \"%s\",\n"
                          " \"labels\": [{\"id\": \"PER\", \"name\": \"Person\", \"color\": \"#62a0ea\"},\n"
                          "            {\"id\": \"LOC\", \"name\": \"Location\", \"color\": \"#57e389\"}],\n"
                          " \"entities\": [",
                          id, text->str, second ? "binh" : "an");
  for (guint i = 0; i < n_words; i++)
    {
      gboolean shifted = second && i % 7 == 0;

      g_string_append_printf (json, "%s\n  {\"id\": \"T%u\", \"label\": \"%s\", \"start\": %u, "
                              "\"end\": %u, \"text\": \"%s\"}",
                              i > 0 ? "," : "", i + 1, second && i % 5 == 0 ? "LOC" : "PER",
                              i * 6 + (shifted ? 1 : 0), i * 6 + 5, shifted ? "uảng" : "Quảng");
    }
  g_string_append (json, "]}\n");
  return g_string_free (json, FALSE);
}

/* Loads and compares the two files of @n_words; the least of RUNS timings of each. */
static gboolean
measure (guint   n_words,
         double *load_seconds,
         double *compare_seconds)
{
  g_autofree char *first = generate (n_words, FALSE);
  g_autofree char *second = generate (n_words, TRUE);
  const char *names[] = { "an", "binh", NULL };

  *load_seconds = *compare_seconds = G_MAXDOUBLE;
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(AnnAgreement) agreement = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < 2; i++)
        {
          const char *data = i == 0 ? first : second;
          AnnFile *file = ann_file_load_data (data, strlen (data), i == 0 ? "an" : "binh", &error);

          if (file == NULL)
            {
              g_printerr ("generated file: %s\n", error->message);
              return FALSE;
            }
          g_ptr_array_add (files, file);
        }
      *load_seconds = MIN (*load_seconds, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

      start = g_get_monotonic_time ();
      agreement = ann_agreement_compute (files, names, &error);
      if (agreement == NULL)
        {
          g_printerr ("agreement: %s\n", error->message);
          return FALSE;
        }
      *compare_seconds = MIN (*compare_seconds,
                              (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
    }
  return TRUE;
}

int
main (void)
{
  double load[2], compare[2];

  for (guint size = 0; size < 2; size++)
    {
      guint n = 40000 << size;

      if (!measure (n, &load[size], &compare[size]))
        return EXIT_FAILURE;
      g_print ("%6u entities each: load %.3f s, compare %.3f s, compare/load %.2f\n",
               n, load[size], compare[size], compare[size] / load[size]);
    }
  g_print ("growth at twice the entities: compare %.2f, load %.2f\n",
           compare[1] / compare[0], load[1] / load[0]);
  return EXIT_SUCCESS;
}
