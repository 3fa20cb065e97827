/* ann-label-schema.h: the labels of a file, a GListModel of AnnLabel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ann-label.h"

G_BEGIN_DECLS

#define ANN_TYPE_LABEL_SCHEMA (ann_label_schema_get_type ())

G_DECLARE_FINAL_TYPE (AnnLabelSchema, ann_label_schema, ANN, LABEL_SCHEMA, GObject)

AnnLabelSchema *ann_label_schema_new          (void);
AnnLabelSchema *ann_label_schema_new_default  (void);
gboolean        ann_label_schema_add          (AnnLabelSchema  *self,
                                               AnnLabel        *label,
                                               GError         **error);
guint           ann_label_schema_get_n_labels (AnnLabelSchema  *self);
AnnLabel       *ann_label_schema_get_nth      (AnnLabelSchema  *self,
                                               guint            position);
AnnLabel       *ann_label_schema_lookup       (AnnLabelSchema  *self,
                                               const char      *id);
AnnLabel       *ann_label_schema_lookup_key   (AnnLabelSchema  *self,
                                               const char      *key);
const char     *ann_label_display_name        (AnnLabel        *label);

G_END_DECLS
