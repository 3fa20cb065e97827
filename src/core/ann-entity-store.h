/* ann-entity-store.h: the entities of a document, sorted, with overlap queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ann-entity.h"

G_BEGIN_DECLS

#define ANN_TYPE_ENTITY_STORE (ann_entity_store_get_type ())

G_DECLARE_FINAL_TYPE (AnnEntityStore, ann_entity_store, ANN, ENTITY_STORE, GObject)

AnnEntityStore *ann_entity_store_new              (void);
guint           ann_entity_store_get_n_entities   (AnnEntityStore  *self);
AnnEntity      *ann_entity_store_get_nth          (AnnEntityStore  *self,
                                                   guint            position);
gboolean        ann_entity_store_get_position     (AnnEntityStore  *self,
                                                   AnnEntity       *entity,
                                                   guint           *position);
gboolean        ann_entity_store_add              (AnnEntityStore  *self,
                                                   AnnEntity       *entity,
                                                   GError         **error);
gboolean        ann_entity_store_add_all          (AnnEntityStore  *self,
                                                   GPtrArray       *entities,
                                                   GError         **error);
gboolean        ann_entity_store_remove           (AnnEntityStore  *self,
                                                   AnnEntity       *entity,
                                                   GError         **error);
gboolean        ann_entity_store_replace          (AnnEntityStore  *self,
                                                   AnnEntity       *entity,
                                                   AnnEntity       *replacement,
                                                   GError         **error);
AnnEntity      *ann_entity_store_lookup_id        (AnnEntityStore  *self,
                                                   const char      *id);
AnnEntity      *ann_entity_store_find             (AnnEntityStore  *self,
                                                   guint            start,
                                                   guint            end,
                                                   const char      *label);
GPtrArray      *ann_entity_store_dup_all          (AnnEntityStore  *self);
GPtrArray      *ann_entity_store_get_overlapping  (AnnEntityStore  *self,
                                                   guint            start,
                                                   guint            end);
GPtrArray      *ann_entity_store_get_containing   (AnnEntityStore  *self,
                                                   guint            start,
                                                   guint            end);
char           *ann_entity_store_next_id          (AnnEntityStore  *self);

G_END_DECLS
