/* ann-io.h: reading and atomically writing whole files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *ann_io_describe_file      (GFile        *file);
GBytes   *ann_io_load               (GFile        *file,
                                     GError      **error);
gboolean  ann_io_write_atomically   (GFile        *file,
                                     const char   *data,
                                     gsize         length,
                                     GError      **error);

G_END_DECLS
