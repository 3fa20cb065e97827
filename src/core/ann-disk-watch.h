/* ann-disk-watch.h: tells when another program changed a file that is open here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANN_TYPE_DISK_WATCH (ann_disk_watch_get_type ())
G_DECLARE_FINAL_TYPE (AnnDiskWatch, ann_disk_watch, ANN, DISK_WATCH, GObject)

char         *ann_disk_watch_query_stamp      (GFile         *file);
char         *ann_disk_watch_checksum         (const char    *data,
                                               gsize          length);

AnnDiskWatch *ann_disk_watch_new              (GFile         *file,
                                               const char    *stamp,
                                               const char    *checksum);
GFile        *ann_disk_watch_get_file         (AnnDiskWatch  *self);
const char   *ann_disk_watch_get_checksum     (AnnDiskWatch  *self);
gboolean      ann_disk_watch_is_changed       (AnnDiskWatch  *self);
void          ann_disk_watch_recheck          (AnnDiskWatch  *self);
void          ann_disk_watch_accept_current   (AnnDiskWatch  *self);

G_END_DECLS
