/* ann-review.c: how annotators agree on each candidate of a curated file
 *
 * A curated (gold) file holds the union of the annotators' entities as candidates, each with
 * the list of annotators who had it (see ann-merge.c). Its state says what the reviewer has to
 * look at: a label conflict (same span, other label) comes before a boundary conflict (an
 * overlapping span with the same label), which comes before a candidate only some annotators
 * have.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ann-review.h"

static guint
count_annotators (AnnEntity *candidate)
{
  const char * const *annotators = ann_entity_get_annotators (candidate);

  return annotators ? g_strv_length ((char **) annotators) : 0;
}

/**
 * ann_review_classify:
 * @n_annotators: how many files were merged
 *
 * The state of @candidate among the other candidates. Rejected candidates count as rivals
 * still: rejecting one side of a conflict does not make the annotators agree.
 */
AnnReviewState
ann_review_classify (AnnEntityStore *candidates,
                     AnnEntity      *candidate,
                     guint           n_annotators)
{
  g_autoptr(GPtrArray) overlapping = NULL;
  guint start = ann_entity_get_start (candidate);
  guint end = ann_entity_get_end (candidate);
  const char *label = ann_entity_get_label (candidate);
  gboolean boundary_conflict = FALSE;

  overlapping = ann_entity_store_get_overlapping (candidates, start, end);
  for (guint i = 0; i < overlapping->len; i++)
    {
      AnnEntity *other = g_ptr_array_index (overlapping, i);
      gboolean same_span = ann_entity_get_start (other) == start && ann_entity_get_end (other) == end;
      gboolean same_label = g_strcmp0 (ann_entity_get_label (other), label) == 0;

      if (other == candidate)
        continue;
      if (same_span && !same_label)
        return ANN_REVIEW_LABEL_CONFLICT;
      if (!same_span && same_label)
        boundary_conflict = TRUE;
    }

  if (boundary_conflict)
    return ANN_REVIEW_BOUNDARY_CONFLICT;
  if (count_annotators (candidate) >= n_annotators)
    return ANN_REVIEW_ALL_AGREE;
  return ANN_REVIEW_SOME;
}

gboolean
ann_review_is_disagreement (AnnReviewState state)
{
  return state != ANN_REVIEW_ALL_AGREE;
}

/**
 * ann_review_state_describe:
 *
 * The state in words, for the panel and tooltips.
 */
const char *
ann_review_state_describe (AnnReviewState state)
{
  switch (state)
    {
    case ANN_REVIEW_ALL_AGREE:
      return _("all annotators agree");
    case ANN_REVIEW_SOME:
      return _("only some annotators");
    case ANN_REVIEW_LABEL_CONFLICT:
      return _("label conflict");
    case ANN_REVIEW_BOUNDARY_CONFLICT:
      return _("boundary conflict");
    default:
      g_return_val_if_reached (NULL);
    }
}
