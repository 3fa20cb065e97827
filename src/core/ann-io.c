/* ann-io.c: reading and atomically writing whole files
 *
 * A save writes a temporary file beside the target, flushes it to disk and renames it over
 * the target, so a crash or a full disk at any moment leaves either the old file or the new
 * one, never a truncated one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ann-io.h"

/**
 * ann_io_describe_file:
 *
 * The name to show for @file in messages: its path, or its URI.
 */
char *
ann_io_describe_file (GFile *file)
{
  return g_file_get_parse_name (file);
}

GBytes *
ann_io_load (GFile   *file,
             GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_file_load_bytes (file, NULL, NULL, error);
}

gboolean
ann_io_write_atomically (GFile       *file,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_peek_path (file);
  if (path != NULL)
    return g_file_set_contents_full (path, data, length,
                                     G_FILE_SET_CONTENTS_CONSISTENT |
                                     G_FILE_SET_CONTENTS_DURABLE,
                                     0666, error);

  /* Without a local path, GIO's replace also writes a temporary file and renames it. */
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}
