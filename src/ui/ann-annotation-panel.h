/* ann-annotation-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ann-file.h"
#include "ann-history.h"

G_BEGIN_DECLS

#define ANN_TYPE_ANNOTATION_PANEL (ann_annotation_panel_get_type ())

G_DECLARE_FINAL_TYPE (AnnAnnotationPanel, ann_annotation_panel, ANN, ANNOTATION_PANEL, GtkWidget)

void        ann_annotation_panel_set_file         (AnnAnnotationPanel *self,
                                                   AnnFile            *file,
                                                   AnnHistory         *history);
void        ann_annotation_panel_set_selected     (AnnAnnotationPanel *self,
                                                   AnnEntity          *entity);
GListModel *ann_annotation_panel_get_shown        (AnnAnnotationPanel *self);
void        ann_annotation_panel_set_text_filter  (AnnAnnotationPanel *self,
                                                   const char         *text);
void        ann_annotation_panel_set_label_filter (AnnAnnotationPanel *self,
                                                   const char         *label);
GtkWidget  *ann_annotation_panel_get_entity_list  (AnnAnnotationPanel *self);
void        ann_annotation_panel_set_review       (AnnAnnotationPanel *self,
                                                   guint               n_annotators);
void        ann_annotation_panel_set_disagreements_only (AnnAnnotationPanel *self,
                                                         gboolean            only);
void        ann_annotation_panel_commit_edits     (AnnAnnotationPanel *self);
guint       ann_annotation_panel_get_count        (AnnAnnotationPanel *self,
                                                   const char         *label);

G_END_DECLS
