/* ann-review.c: how annotators agree on each candidate of a curated file
 *
 * A curated (gold) file holds the union of the annotators' entities as candidates, each with
 * the list of annotators who had it (see ann-merge.c). Its state says what the reviewer has to
 * look at: a label conflict (same span, other label) comes before a boundary conflict (an
 * overlapping span with the same label, the annotators split between the two), which comes
 * before a candidate only some annotators have.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ann-agreement.h"
#include "ann-merge.h"
#include "ann-review.h"

static guint
count_annotators (AnnEntity *candidate)
{
  const char * const *annotators = ann_entity_get_annotators (candidate);

  return annotators ? g_strv_length ((char **) annotators) : 0;
}

static gboolean
holds (AnnEntity  *candidate,
       const char *annotator)
{
  const char * const *annotators = ann_entity_get_annotators (candidate);

  return annotators != NULL && g_strv_contains (annotators, annotator);
}

/* Whether some annotator has @a without @b */
static gboolean
has_one_without_other (AnnEntity *a,
                       AnnEntity *b)
{
  const char * const *annotators = ann_entity_get_annotators (a);

  for (guint i = 0; annotators != NULL && annotators[i] != NULL; i++)
    if (!holds (b, annotators[i]))
      return TRUE;
  return FALSE;
}

/* Two overlapping spans of one label are rival bounds only when the annotators split between
 * them: some have the one without the other and some the other without the one. Nested
 * entities of one label that everybody marked, or that one annotator added inside a span all
 * have, are no conflict. */
static gboolean
are_rival_bounds (AnnEntity *candidate,
                  AnnEntity *other)
{
  return has_one_without_other (candidate, other) && has_one_without_other (other, candidate);
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
      if (!same_span && same_label && are_rival_bounds (candidate, other))
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

/**
 * ann_review_start:
 * @files: (element-type AnnFile): the annotators' files of one article
 * @names: the annotators' names (see ann_agreement_annotator_names())
 *
 * The file a reviewer curates: every annotator's entity as a candidate that records who had
 * it; what all annotators agree on starts accepted, the rest pending, for the reviewer to
 * decide. Saved, it is a gold file of the same shape as `merge` writes.
 */
AnnFile *
ann_review_start (GPtrArray          *files,
                  const char * const *names,
                  GError            **error)
{
  g_return_val_if_fail (files != NULL && files->len >= 2, NULL);

  return ann_merge (files, names, files->len, NULL, error);
}

/* The accepted candidates of @gold, as a file of their own to measure annotators against. */
static AnnFile *
accepted_part (AnnFile *gold)
{
  g_autoptr(GPtrArray) entities = ann_entity_store_dup_all (ann_file_get_entities (gold));
  AnnFile *accepted = ann_file_new (ann_file_get_document (gold), ann_file_get_labels (gold));

  for (guint i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);

      if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_ACCEPTED)
        {
          g_autoptr(AnnEntity) copy = ann_entity_copy (entity);

          ann_entity_store_add (ann_file_get_entities (accepted), copy, NULL);
        }
    }
  return accepted;
}

/**
 * ann_review_describe_figures:
 *
 * One line for the review's header: exact F1 and token kappa of each pair of annotators, then
 * each annotator's exact F1 and token kappa against what the reviewer has accepted so far.
 */
char *
ann_review_describe_figures (GPtrArray          *files,
                             const char * const *names,
                             AnnFile            *gold)
{
  g_autoptr(AnnAgreement) agreement = ann_agreement_compute (files, names, NULL);
  g_autoptr(AnnFile) accepted = accepted_part (gold);
  GString *line = g_string_new (NULL);

  if (agreement == NULL)
    return g_string_free (line, FALSE);

  for (guint i = 0; i < ann_agreement_get_n_pairs (agreement); i++)
    {
      AnnAgreementPair *pair = ann_agreement_get_pair (agreement, i);

      /* TRANSLATORS: two annotators, their exact F1 and their token kappa */
      g_string_append_printf (line, _("%s–%s: F1 %.2f, κ %.2f"),
                              names[ann_agreement_pair_get_a (pair)],
                              names[ann_agreement_pair_get_b (pair)],
                              ann_agreement_pair_get_f1_exact (pair),
                              ann_agreement_pair_get_kappa_tokens (pair));
      g_string_append (line, i + 1 < ann_agreement_get_n_pairs (agreement) ? "; " : "");
    }

  g_string_append_printf (line, "   %s", _("Against the accepted ones:"));
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GPtrArray) two = g_ptr_array_new ();
      const char *pair_names[] = { names[i], "gold", NULL };
      g_autoptr(AnnAgreement) against = NULL;

      g_ptr_array_add (two, g_ptr_array_index (files, i));
      g_ptr_array_add (two, accepted);
      against = ann_agreement_compute (two, pair_names, NULL);
      if (against != NULL)
        {
          AnnAgreementPair *pair = ann_agreement_get_pair (against, 0);

          g_string_append_c (line, ' ');
          /* TRANSLATORS: an annotator against the accepted candidates: exact F1, token kappa */
          g_string_append_printf (line, _("%s F1 %.2f κ %.2f"), names[i],
                                  ann_agreement_pair_get_f1_exact (pair),
                                  ann_agreement_pair_get_kappa_tokens (pair));
          g_string_append (line, i + 1 < files->len ? ";" : "");
        }
    }

  return g_string_free (line, FALSE);
}
