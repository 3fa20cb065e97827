/* ann-file.h: an annotation file: the article, its labels, entities and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ann-document.h"
#include "ann-entity-store.h"
#include "ann-label-schema.h"

G_BEGIN_DECLS

#define ANN_FILE_FORMAT_NAME    "article-annotator"
#define ANN_FILE_FORMAT_VERSION 1

typedef struct
{
  char *id;
  char *type;
  char *from;
  char *to;
} AnnRelation;

AnnRelation *ann_relation_new  (const char  *id,
                                const char  *type,
                                const char  *from,
                                const char  *to);
void         ann_relation_free (AnnRelation *relation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnRelation, ann_relation_free)

#define ANN_TYPE_FILE (ann_file_get_type ())

G_DECLARE_FINAL_TYPE (AnnFile, ann_file, ANN, FILE, GObject)

AnnFile        *ann_file_new            (AnnDocument     *document,
                                         AnnLabelSchema  *labels);
AnnFile        *ann_file_load_data      (const char      *data,
                                         gsize            length,
                                         const char      *display_name,
                                         GError         **error);
AnnFile        *ann_file_load           (GFile           *file,
                                         GError         **error);
AnnFile        *ann_file_import_text    (GFile           *file,
                                         char           **warning,
                                         GError         **error);
char           *ann_file_serialize      (AnnFile         *self,
                                         gsize           *length);
gboolean        ann_file_save           (AnnFile         *self,
                                         GFile           *file,
                                         GError         **error);
AnnDocument    *ann_file_get_document   (AnnFile         *self);
AnnLabelSchema *ann_file_get_labels     (AnnFile         *self);
AnnEntityStore *ann_file_get_entities   (AnnFile         *self);
GPtrArray      *ann_file_get_relations  (AnnFile         *self);
const char     *ann_file_get_annotator  (AnnFile         *self);
void            ann_file_set_annotator  (AnnFile         *self,
                                         const char      *annotator);
AnnEntity      *ann_file_create_entity  (AnnFile         *self,
                                         const char      *label,
                                         guint            start,
                                         guint            end,
                                         GError         **error);

G_END_DECLS
