/* fuzz-common.h: what every libFuzzer target shares
 *
 * An importer reads a GFile, so each input is written to a file in a private temporary folder
 * (overwritten on each run, removed at exit). brat and W3C read the article from a .txt
 * beside the annotations: their input is split at the first NUL byte, annotations before it,
 * the text after it (build-aux/fuzz.sh builds such seeds from the fixtures).
 *
 * Every file an importer returns must also serialize and load back with the native loader:
 * an importer is as strict as the loader, so a file it accepts that the loader refuses is a
 * finding too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ann-file.h"
#include "ann-format.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *fuzz_dir;

static void
fuzz_remove_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fuzz_dir == NULL)
    return;
  dir = g_dir_open (fuzz_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical (a failed g_return_if_fail) or a warning is a bug: make it a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  fuzz_dir = g_dir_make_tmp ("ann-fuzz-XXXXXX", NULL);
  if (fuzz_dir == NULL)
    abort ();
  atexit (fuzz_remove_dir);
  return 0;
}

/* Writes @size bytes to @name in the private folder; returns the file. */
static GFile *
fuzz_write (const char    *name,
            const uint8_t *data,
            size_t         size)
{
  g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);

  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    abort ();
  return g_file_new_for_path (path);
}

/* The file an importer returned must serialize and load back, unchanged. */
static void
fuzz_check_round_trip (AnnFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  gsize length;

  data = ann_file_serialize (file, &length);
  again = ann_file_load_data (data, length, "round trip", &error);
  if (again == NULL)
    {
      fprintf (stderr, "an imported file does not load back: %s\n", error->message);
      abort ();
    }
  data_again = ann_file_serialize (again, NULL);
  if (strcmp (data, data_again) != 0)
    {
      fprintf (stderr, "an imported file changes when loaded back\n");
      abort ();
    }
}

/* Runs @import on @data (split at the first NUL into @name and @text_name when @text_name
 * is not NULL), checking the result. */
G_GNUC_UNUSED static void
fuzz_import (AnnImportFunc  import,
             const char    *name,
             const char    *text_name,
             const uint8_t *data,
             size_t         size)
{
  g_autoptr(GFile) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = NULL;
  g_autofree char *warning = NULL;

  if (text_name != NULL)
    {
      const uint8_t *nul = memchr (data, '\0', size);
      size_t head = nul ? (size_t) (nul - data) : size;
      g_autoptr(GFile) text = NULL;

      text = fuzz_write (text_name, nul ? nul + 1 : data + size, nul ? size - head - 1 : 0);
      input = fuzz_write (name, data, head);
    }
  else
    input = fuzz_write (name, data, size);

  file = import (input, &warning, &error);
  if ((file == NULL) == (error == NULL))
    {
      fprintf (stderr, "an importer must return a file or an error, not both nor neither\n");
      abort ();
    }
  if (file != NULL)
    fuzz_check_round_trip (file);
}
