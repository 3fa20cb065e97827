/* ann-article-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ann-file.h"

G_BEGIN_DECLS

#define ANN_TYPE_ARTICLE_VIEW (ann_article_view_get_type ())

G_DECLARE_FINAL_TYPE (AnnArticleView, ann_article_view, ANN, ARTICLE_VIEW, GtkWidget)

void         ann_article_view_set_file          (AnnArticleView *self,
                                                 AnnFile        *file);
AnnFile     *ann_article_view_get_file          (AnnArticleView *self);
GtkTextView *ann_article_view_get_text_view     (AnnArticleView *self);
void         ann_article_view_set_selected      (AnnArticleView *self,
                                                 AnnEntity      *entity);
gboolean     ann_article_view_get_selection     (AnnArticleView *self,
                                                 guint          *start,
                                                 guint          *end);
void         ann_article_view_select_range      (AnnArticleView *self,
                                                 guint           start,
                                                 guint           end);
void         ann_article_view_scroll_to         (AnnArticleView *self,
                                                 guint           offset);
guint        ann_article_view_get_cursor        (AnnArticleView *self);
AnnEntity   *ann_article_view_entity_at         (AnnArticleView *self,
                                                 guint           offset);
void         ann_article_view_set_find_matches  (AnnArticleView *self,
                                                 GArray         *matches);
gboolean     ann_article_view_is_tagging_done   (AnnArticleView *self);
void         ann_article_view_set_review        (AnnArticleView *self,
                                                 guint           n_annotators);

G_END_DECLS
