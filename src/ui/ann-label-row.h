/* ann-label-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ann-label.h"

G_BEGIN_DECLS

#define ANN_TYPE_LABEL_ROW (ann_label_row_get_type ())

G_DECLARE_FINAL_TYPE (AnnLabelRow, ann_label_row, ANN, LABEL_ROW, GtkListBoxRow)

AnnLabelRow *ann_label_row_new       (AnnLabel    *label);
AnnLabel    *ann_label_row_get_label (AnnLabelRow *self);
void         ann_label_row_set_count (AnnLabelRow *self,
                                      guint        count);
void         ann_draw_swatch         (GtkDrawingArea *area,
                                      cairo_t        *cr,
                                      int             width,
                                      int             height,
                                      gpointer        color);

G_END_DECLS
