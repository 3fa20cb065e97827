/* ann-review.h: how annotators agree on each candidate of a curated file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-entity-store.h"
#include "ann-file.h"

G_BEGIN_DECLS

typedef enum
{
  ANN_REVIEW_ALL_AGREE,          /* every annotator has this span with this label */
  ANN_REVIEW_SOME,               /* some annotators have it, and nobody has a rival */
  ANN_REVIEW_LABEL_CONFLICT,     /* another candidate has the same span, another label */
  ANN_REVIEW_BOUNDARY_CONFLICT,  /* another candidate overlaps with the same label */
} AnnReviewState;

AnnReviewState ann_review_classify        (AnnEntityStore *candidates,
                                           AnnEntity      *candidate,
                                           guint           n_annotators);
gboolean       ann_review_is_disagreement (AnnReviewState  state);
const char    *ann_review_state_describe  (AnnReviewState  state);
AnnFile       *ann_review_start           (GPtrArray          *files,
                                           const char * const *names,
                                           GError            **error);
char          *ann_review_describe_figures (GPtrArray          *files,
                                            const char * const *names,
                                            AnnFile            *gold);

G_END_DECLS
