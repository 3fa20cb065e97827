/* ann-find.h: finding text regardless of case, tone-mark placement and Đ look-alikes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One match, in code points of the original text: start inclusive, end exclusive. */
typedef struct
{
  guint start;
  guint end;
} AnnFindMatch;

/* The folded text of one document, ready to be searched many times. */
typedef struct _AnnFindIndex AnnFindIndex;

AnnFindIndex *ann_find_index_new    (const char   *text);
void          ann_find_index_free   (AnnFindIndex *self);
GArray       *ann_find_index_search (AnnFindIndex *self,
                                     const char   *query,
                                     gboolean      whole_words);
char         *ann_find_fold         (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnFindIndex, ann_find_index_free)

G_END_DECLS
