/* ann-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ann-application.h"
#include "ann-file.h"
#include "ann-format.h"
#include "ann-history.h"

G_BEGIN_DECLS

#define ANN_TYPE_WINDOW (ann_window_get_type ())

G_DECLARE_FINAL_TYPE (AnnWindow, ann_window, ANN, WINDOW, GtkApplicationWindow)

AnnWindow  *ann_window_new               (AnnApplication *application);
gboolean    ann_window_is_empty          (AnnWindow      *self);
void        ann_window_open_file         (AnnWindow      *self,
                                          GFile          *file);
void        ann_window_review_files      (AnnWindow       *self,
                                          GPtrArray       *files);
const char *ann_window_get_review_figures (AnnWindow      *self);
void        ann_window_import_file       (AnnWindow       *self,
                                          GFile           *file,
                                          const AnnFormat *format);
AnnFile    *ann_window_get_file          (AnnWindow      *self);
AnnHistory *ann_window_get_history       (AnnWindow      *self);
GFile      *ann_window_get_location      (AnnWindow      *self);
AnnEntity  *ann_window_get_selected      (AnnWindow      *self);
void        ann_window_select_entity     (AnnWindow      *self,
                                          AnnEntity      *entity);
void        ann_window_select_text       (AnnWindow      *self,
                                          guint           start,
                                          guint           end);
gboolean    ann_window_save_to           (AnnWindow      *self,
                                          GFile          *file,
                                          GError        **error);
gboolean    ann_window_export_to         (AnnWindow       *self,
                                          const AnnFormat *format,
                                          GFile           *file,
                                          GError         **error);
gboolean    ann_window_write_recovery    (AnnWindow      *self);
GFile      *ann_window_get_recovery_file (AnnWindow      *self);
AnnWindow  *ann_window_find_for_file     (GtkApplication *application,
                                          GFile          *file);
guint       ann_window_find              (AnnWindow      *self,
                                          const char     *query);
GtkWidget  *ann_window_get_article_view  (AnnWindow      *self);
int         ann_window_suggest           (AnnWindow      *self);
GtkWidget  *ann_window_get_panel         (AnnWindow      *self);
gboolean    ann_window_is_modified       (AnnWindow      *self);

G_END_DECLS
