/* ann-label.h: one label of the schema (id, name, colour, key)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANN_TYPE_LABEL (ann_label_get_type ())

G_DECLARE_FINAL_TYPE (AnnLabel, ann_label, ANN, LABEL, GObject)

AnnLabel   *ann_label_new        (const char *id,
                                  const char *name,
                                  const char *color,
                                  const char *key);
const char *ann_label_get_id     (AnnLabel   *self);
const char *ann_label_get_name   (AnnLabel   *self);
void        ann_label_set_name   (AnnLabel   *self,
                                  const char *name);
const char *ann_label_get_color  (AnnLabel   *self);
void        ann_label_set_color  (AnnLabel   *self,
                                  const char *color);
const char *ann_label_get_key    (AnnLabel   *self);
void        ann_label_set_key    (AnnLabel   *self,
                                  const char *key);
gboolean    ann_label_id_is_valid    (const char *id);
gboolean    ann_label_color_is_valid (const char *color);
gboolean    ann_label_key_is_valid   (const char *key);

G_END_DECLS
