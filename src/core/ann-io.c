/* ann-io.c: reading and atomically writing whole files
 *
 * A save writes a temporary file beside the target, flushes it to disk and renames it over
 * the target, so a crash or a full disk at any moment leaves either the old file or the new
 * one, never a truncated one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/**
 * ann_io_display_basename:
 *
 * The name of @file without its folder, in UTF-8 whatever bytes the file system holds (those
 * that are not UTF-8 become U+FFFD): the form of a file's name that may go into data, such as
 * a document's source or an annotator's name, which must be valid UTF-8 to load again.
 */
char *
ann_io_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
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
 * ann_io_same_file:
 *
 * Whether @a and @b are one file: the same name, or names that lead to the same file on disk
 * (through a symbolic link, "..", another mount), told by device and inode. A file that does
 * not exist yet is the same as another only by name. Used where an output must not replace an
 * input.
 */
gboolean
ann_io_same_file (GFile *a,
                  GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *id_a, *id_b;

  g_return_val_if_fail (G_IS_FILE (a) && G_IS_FILE (b), FALSE);

  if (g_file_equal (a, b))
    return TRUE;
  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info_a == NULL || info_b == NULL)
    return FALSE;
  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);
  return id_a != NULL && g_strcmp0 (id_a, id_b) == 0;
}

/**
 * ann_io_open:
 *
 * Opens @file for reading, as g_file_read() does, with a message of our own when it cannot:
 * GLib's ("Error opening file …") is missing from some of its catalogues, Vietnamese among
 * them, and would show in English. The error keeps GLib's domain and code.
 */
GFileInputStream *
ann_io_open (GFile   *file,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  GFileInputStream *stream;
  const char *why;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    return stream;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    why = _("there is no such file");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    why = _("it is a folder, not a file");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    why = _("permission to read it is denied");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    why = _("a folder on its path is a file");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS))
    why = _("its symbolic links go round in a loop");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG))
    why = _("its name is too long");
  else
    why = local_error->message;
  name = ann_io_describe_file (file);
  /* TRANSLATORS: a file, then why it could not be opened */
  g_set_error (error, local_error->domain, local_error->code, _("%s cannot be opened: %s"),
               name, why);
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

  stream = ann_io_open (file, error);
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
        {
          g_autofree char *name = ann_io_describe_file (file);

          /* Like every error of ann_io_load(), it names the file. */
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
      g_byte_array_set_size (data, before + n_read);
      if (n_read < chunk)
        break;
      if (data->len > ANN_IO_MAX_SIZE)
        return refuse_too_large (file, 0, error);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Where writing @path must go, and with which permissions: through a symbolic link to its
 * target, so that the link stays a link; with the mode the file has, so that a private file
 * stays private (0666 less the umask for a new one). */
static char *
resolve_target (const char *path,
                int        *mode)
{
  GStatBuf info;
  char *resolved = realpath (path, NULL);

  *mode = 0666;
  if (resolved == NULL)
    return g_strdup (path);
  if (g_stat (resolved, &info) == 0 && S_ISREG (info.st_mode))
    *mode = info.st_mode & 07777;
  return resolved;
}

/* The reason in GLib's message about a failed save, which names its temporary file
 * ("x.json.1CDDZ3"): what follows the first colon after that name. */
static const char *
find_reason (const char *message,
             const char *display_path)
{
  const char *name = strstr (message, display_path);
  const char *colon = name != NULL ? strchr (name + strlen (display_path), ':') : NULL;

  if (colon == NULL)
    return message;
  for (colon++; *colon == ' '; colon++)
    ;
  return *colon != '\0' ? colon : message;
}

/* @cause, a failed save to @path, said of @shown, the file the user asked for, since GLib's
 * message names a temporary file the user never heard of. The domain and code stay. */
static void
name_save_error (GError     **error,
                 GError      *cause,
                 const char  *path,
                 GFile       *shown)
{
  g_autofree char *name = ann_io_describe_file (shown);
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_NOENT) &&
      !g_file_test (folder, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display_folder = g_filename_display_name (folder);

      g_set_error (error, cause->domain, cause->code,
                   _("%s: the folder %s does not exist"), name, display_folder);
      return;
    }
  g_set_error (error, cause->domain, cause->code, "%s: %s", name,
               find_reason (cause->message, display_path));
}

/* ann_io_write_atomically(), with messages that name @shown. */
static gboolean
write_atomically (GFile       *file,
                  GFile       *shown,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  int mode;

  if (g_file_query_file_type (shown, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = ann_io_describe_file (shown);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder, where a file would be written"), name);
      return FALSE;
    }

  if (g_file_peek_path (file) == NULL)
    {
      /* Without a local path, GIO's replace also writes a temporary file and renames it. */
      g_autofree char *name = NULL;

      if (g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                   NULL, NULL, &local_error))
        return TRUE;
      name = ann_io_describe_file (shown);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }

  target = resolve_target (g_file_peek_path (file), &mode);
  if (g_file_set_contents_full (target, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                mode, &local_error))
    return TRUE;
  name_save_error (error, local_error, target, shown);
  return FALSE;
}

/**
 * ann_io_write_atomically:
 *
 * Writes @file so that it holds either its old contents or the new, whole, whatever happens
 * (a temporary file beside it, synced, then renamed over it). A symbolic link is written
 * through, and the file keeps its permissions. An error message starts with @file's name.
 */
gboolean
ann_io_write_atomically (GFile       *file,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_atomically (file, file, data, length, error);
}

/* Where a part is written before it takes its place: a hidden name beside its target. */
static GFile *
staging_file (GFile *target)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *name = g_file_get_basename (target);
  g_autofree char *staged = g_strdup_printf (".%s.new", name);

  return parent != NULL ? g_file_get_child (parent, staged) : g_file_new_for_path (staged);
}

/* @file, or for a local symbolic link the file it points to (see resolve_target()). */
static GFile *
resolved_file (GFile *file)
{
  g_autofree char *path = NULL;
  int mode;

  if (g_file_peek_path (file) == NULL)
    return g_object_ref (file);
  path = resolve_target (g_file_peek_path (file), &mode);
  return g_file_new_for_path (path);
}

/**
 * ann_io_write_all_atomically:
 * @files: (element-type GFile): where each part goes
 * @contents: (element-type GBytes): what each holds
 *
 * Writes several files together, as an export of two parts (brat's .txt and .ann) must be
 * written: every part is first written whole under a hidden name beside its target (see
 * ann_io_write_atomically()), and only when all are there do they take their places. A
 * failure while writing (a full disk, a folder where a file should be) leaves every target as
 * it was. Only the renames at the end, which write no data, could fail half-way.
 */
gboolean
ann_io_write_all_atomically (GPtrArray  *files,
                             GPtrArray  *contents,
                             GError    **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) staged = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = TRUE;

  g_return_val_if_fail (files != NULL && contents != NULL, FALSE);
  g_return_val_if_fail (files->len == contents->len, FALSE);

  for (guint i = 0; i < files->len && ok; i++)
    {
      GFile *target = resolved_file (g_ptr_array_index (files, i));
      GFile *stage = staging_file (target);
      GBytes *bytes = g_ptr_array_index (contents, i);
      const char *target_path = g_file_peek_path (target);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);
      GStatBuf info;

      g_ptr_array_add (targets, target);
      g_ptr_array_add (staged, stage);
      ok = write_atomically (stage, target, data != NULL ? data : "", length, error);
      /* A file replaced keeps its permissions, as with ann_io_write_atomically(). */
      if (ok && target_path != NULL && g_stat (target_path, &info) == 0 && S_ISREG (info.st_mode))
        g_chmod (g_file_peek_path (stage), info.st_mode & 07777);
    }
  if (!ok)
    {
      for (guint i = 0; i < staged->len; i++)
        g_file_delete (g_ptr_array_index (staged, i), NULL, NULL);
      return FALSE;
    }

  for (guint i = 0; i < targets->len && ok; i++)
    ok = g_file_move (g_ptr_array_index (staged, i), g_ptr_array_index (targets, i),
                      G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL,
                      error);
  return ok;
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
