/* ann-history.h: undo and redo of grouped edits of an entity store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ann-entity-store.h"

G_BEGIN_DECLS

#define ANN_TYPE_HISTORY (ann_history_get_type ())

G_DECLARE_FINAL_TYPE (AnnHistory, ann_history, ANN, HISTORY, GObject)

AnnHistory     *ann_history_new          (AnnEntityStore  *store);
AnnEntityStore *ann_history_get_store    (AnnHistory      *self);
void            ann_history_begin_group  (AnnHistory      *self);
void            ann_history_end_group    (AnnHistory      *self);
gboolean        ann_history_add          (AnnHistory      *self,
                                          AnnEntity       *entity,
                                          GError         **error);
gboolean        ann_history_remove       (AnnHistory      *self,
                                          AnnEntity       *entity,
                                          GError         **error);
gboolean        ann_history_replace      (AnnHistory      *self,
                                          AnnEntity       *entity,
                                          AnnEntity       *replacement,
                                          GError         **error);
gboolean        ann_history_can_undo     (AnnHistory      *self);
gboolean        ann_history_can_redo     (AnnHistory      *self);
gboolean        ann_history_undo         (AnnHistory      *self);
gboolean        ann_history_redo         (AnnHistory      *self);
gboolean        ann_history_get_modified (AnnHistory      *self);
void            ann_history_mark_saved   (AnnHistory      *self);
void            ann_history_clear        (AnnHistory      *self);

G_END_DECLS
