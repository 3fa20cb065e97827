/* ann-entity-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ann-entity.h"
#include "ann-label-schema.h"

G_BEGIN_DECLS

#define ANN_TYPE_ENTITY_ROW (ann_entity_row_get_type ())

G_DECLARE_FINAL_TYPE (AnnEntityRow, ann_entity_row, ANN, ENTITY_ROW, GtkWidget)

AnnEntityRow *ann_entity_row_new        (void);
void          ann_entity_row_set_entity (AnnEntityRow   *self,
                                         AnnEntity      *entity,
                                         AnnLabelSchema *labels,
                                         const char     *review_state);
AnnEntity    *ann_entity_row_get_entity (AnnEntityRow   *self);

G_END_DECLS
