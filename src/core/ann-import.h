/* ann-import.h: building an annotation file from another tool's text and offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-file.h"

G_BEGIN_DECLS

typedef struct _AnnImport AnnImport;

AnnImport  *ann_import_new             (const char   *raw_text,
                                        const char   *display_name,
                                        GError      **error);
void        ann_import_free            (AnnImport    *self);
const char *ann_import_get_raw_text    (AnnImport    *self);
guint       ann_import_get_raw_length  (AnnImport    *self);
AnnEntity  *ann_import_create_entity   (AnnImport    *self,
                                        const char   *id,
                                        const char   *label,
                                        guint         raw_start,
                                        guint         raw_end,
                                        const char   *expected_text,
                                        const char   *where,
                                        GError      **error);
gboolean    ann_import_add_entity      (AnnImport    *self,
                                        AnnEntity    *entity,
                                        const char   *where,
                                        GError      **error);
AnnFile    *ann_import_get_file        (AnnImport    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnImport, ann_import_free)

G_END_DECLS
