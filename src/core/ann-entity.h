/* ann-entity.h: one annotated span of the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ANN_ENTITY_STATUS_NONE,      /* no status written in the file */
  ANN_ENTITY_STATUS_PENDING,
  ANN_ENTITY_STATUS_ACCEPTED,
  ANN_ENTITY_STATUS_REJECTED,
} AnnEntityStatus;

#define ANN_TYPE_ENTITY (ann_entity_get_type ())

G_DECLARE_FINAL_TYPE (AnnEntity, ann_entity, ANN, ENTITY, GObject)

AnnEntity          *ann_entity_new             (const char          *id,
                                                const char          *label,
                                                guint                start,
                                                guint                end,
                                                const char          *text);
AnnEntity          *ann_entity_copy            (AnnEntity           *self);
gboolean            ann_entity_is_frozen       (AnnEntity           *self);
void                ann_entity_freeze          (AnnEntity           *self);
const char         *ann_entity_get_id          (AnnEntity           *self);
void                ann_entity_set_id          (AnnEntity           *self,
                                                const char          *id);
const char         *ann_entity_get_label       (AnnEntity           *self);
void                ann_entity_set_label       (AnnEntity           *self,
                                                const char          *label);
guint               ann_entity_get_start       (AnnEntity           *self);
guint               ann_entity_get_end         (AnnEntity           *self);
const char         *ann_entity_get_text        (AnnEntity           *self);
const char         *ann_entity_get_note        (AnnEntity           *self);
void                ann_entity_set_note        (AnnEntity           *self,
                                                const char          *note);
const char         *ann_entity_get_ref         (AnnEntity           *self);
void                ann_entity_set_ref         (AnnEntity           *self,
                                                const char          *ref);
AnnEntityStatus     ann_entity_get_status      (AnnEntity           *self);
void                ann_entity_set_status      (AnnEntity           *self,
                                                AnnEntityStatus      status);
const char * const *ann_entity_get_annotators  (AnnEntity           *self);
void                ann_entity_set_annotators  (AnnEntity           *self,
                                                const char * const  *annotators);
int                 ann_entity_compare         (AnnEntity           *a,
                                                AnnEntity           *b);
int                 ann_entity_compare_key     (AnnEntity           *self,
                                                guint                start,
                                                guint                end,
                                                const char          *label);
const char         *ann_entity_status_to_string   (AnnEntityStatus   status);
gboolean            ann_entity_status_from_string (const char       *string,
                                                   AnnEntityStatus  *status);

G_END_DECLS
