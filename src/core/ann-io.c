/* ann-io.c: reading and atomically writing whole files
 *
 * A save writes a temporary file beside the target, flushes it to disk and renames it over
 * the target, so a crash or a full disk at any moment leaves either the old file or the new
 * one, never a truncated one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ann-error.h"
#include "ann-io.h"
#include "ann-text.h"

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

static GBytes *
refuse_too_large (GFile   *file,
                  goffset  size,
                  GError **error)
{
  g_autofree char *name = ann_io_describe_file (file);
  g_autofree char *limit = g_format_size_full (ANN_IO_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *found = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

  if (size > 0)
    g_set_error (error, ANN_ERROR, ANN_ERROR_TOO_LARGE,
                 _("%s is too large to open: %s, more than the limit of %s"),
                 name, found, limit);
  else
    g_set_error (error, ANN_ERROR, ANN_ERROR_TOO_LARGE,
                 _("%s is too large to open: more than the limit of %s"), name, limit);
  return NULL;
}

/**
 * ann_io_load:
 *
 * Reads the whole of @file, or refuses with %ANN_ERROR_TOO_LARGE one larger than
 * %ANN_IO_MAX_SIZE: at once when it is a regular file, which tells its size; otherwise (a
 * pipe, a device) as soon as it has given more, so that memory stays bounded either way.
 */
GBytes *
ann_io_load (GFile   *file,
             GError **error)
{
  const gsize chunk = 1024 * 1024;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = NULL;
  goffset size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);
  if (size > ANN_IO_MAX_SIZE)
    return refuse_too_large (file, size, error);

  /* Room for the whole file and one more chunk, whose read finds the end. */
  data = g_byte_array_sized_new (size + chunk);
  for (;;)
    {
      guint before = data->len;
      gsize n_read = 0;

      g_byte_array_set_size (data, before + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data->data + before, chunk,
                                    &n_read, NULL, error))
        return NULL;
      g_byte_array_set_size (data, before + n_read);
      if (n_read < chunk)
        break;
      if (data->len > ANN_IO_MAX_SIZE)
        return refuse_too_large (file, 0, error);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
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

/**
 * ann_io_load_text:
 * @display_name: (out) (optional): how messages name @file
 *
 * Loads @file as text (UTF-8, or UTF-16 with a byte order mark, see ann_text_decode()); a
 * message about its encoding starts with the file's name.
 */
char *
ann_io_load_text (GFile   *file,
                  char   **display_name,
                  GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  char *text;
  gsize length;
  const guint8 *data;

  bytes = ann_io_load (file, error);
  if (bytes == NULL)
    return NULL;

  name = ann_io_describe_file (file);
  data = g_bytes_get_data (bytes, &length);
  text = ann_text_decode (data ? data : (const guint8 *) "", length, error);
  if (text == NULL)
    g_prefix_error (error, "%s: ", name);
  else if (display_name != NULL)
    *display_name = g_steal_pointer (&name);
  return text;
}
