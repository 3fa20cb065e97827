/* ann-io.h: reading and atomically writing whole files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file ann_io_load() reads. Loading costs about 3 times the file's size in memory
 * for an article, up to 12 times for a file dense with entities (json-glib's tree, then our
 * model): 256 MiB keeps the worst case near 3 GiB and a 100 MB article well within. */
#define ANN_IO_MAX_SIZE (256 * 1024 * 1024)

char     *ann_io_describe_file      (GFile        *file);
gboolean  ann_io_same_file          (GFile        *a,
                                     GFile        *b);
char     *ann_io_display_basename   (GFile        *file);
GFileInputStream *ann_io_open          (GFile        *file,
                                        GError      **error);
GBytes   *ann_io_load               (GFile        *file,
                                     GError      **error);
char     *ann_io_load_text          (GFile        *file,
                                     char        **display_name,
                                     GError      **error);
gboolean  ann_io_write_atomically   (GFile        *file,
                                     const char   *data,
                                     gsize         length,
                                     GError      **error);
gboolean  ann_io_write_all_atomically (GPtrArray  *files,
                                       GPtrArray  *contents,
                                       GError    **error);

G_END_DECLS
