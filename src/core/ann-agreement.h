/* ann-agreement.h: agreement between annotators of one article (DESIGN.md, section 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ann-file.h"

G_BEGIN_DECLS

/* How one entity of a pair's first file lines up with the second file, for a review view. */
typedef enum
{
  ANN_AGREEMENT_LINK_EXACT,     /* same span, same label */
  ANN_AGREEMENT_LINK_OVERLAP,   /* same label, overlapping spans */
  ANN_AGREEMENT_LINK_LABEL,     /* same span, different labels */
  ANN_AGREEMENT_LINK_ONLY_A,    /* nothing in the second file */
  ANN_AGREEMENT_LINK_ONLY_B,    /* nothing in the first file */
} AnnAgreementLinkKind;

typedef struct
{
  AnnAgreementLinkKind  kind;
  AnnEntity            *a;      /* NULL for ANN_AGREEMENT_LINK_ONLY_B */
  AnnEntity            *b;      /* NULL for ANN_AGREEMENT_LINK_ONLY_A */
} AnnAgreementLink;

typedef struct _AnnAgreementPair AnnAgreementPair;

#define ANN_TYPE_AGREEMENT (ann_agreement_get_type ())

G_DECLARE_FINAL_TYPE (AnnAgreement, ann_agreement, ANN, AGREEMENT, GObject)

GStrv                ann_agreement_annotator_names       (GPtrArray          *files,
                                                          const char * const *paths);
gboolean             ann_agreement_check_document        (GPtrArray          *files,
                                                          const char * const *names,
                                                          GError            **error);
GPtrArray           *ann_agreement_counted_entities      (AnnFile            *file);

AnnAgreement        *ann_agreement_compute               (GPtrArray          *files,
                                                          const char * const *names,
                                                          GError            **error);
const char          *ann_agreement_get_document_id       (AnnAgreement       *self);
guint                ann_agreement_get_n_annotators      (AnnAgreement       *self);
const char          *ann_agreement_get_annotator         (AnnAgreement       *self,
                                                          guint               position);
guint                ann_agreement_get_n_pairs           (AnnAgreement       *self);
AnnAgreementPair    *ann_agreement_get_pair              (AnnAgreement       *self,
                                                          guint               position);
gboolean             ann_agreement_has_fleiss_kappa      (AnnAgreement       *self);
double               ann_agreement_get_fleiss_kappa      (AnnAgreement       *self);
char                *ann_agreement_to_json               (AnnAgreement       *self);

guint                ann_agreement_pair_get_a            (AnnAgreementPair   *pair);
guint                ann_agreement_pair_get_b            (AnnAgreementPair   *pair);
double               ann_agreement_pair_get_f1_exact     (AnnAgreementPair   *pair);
double               ann_agreement_pair_get_f1_overlap   (AnnAgreementPair   *pair);
double               ann_agreement_pair_get_kappa_tokens (AnnAgreementPair   *pair);
void                 ann_agreement_pair_get_counts       (AnnAgreementPair   *pair,
                                                          guint              *n_a,
                                                          guint              *n_b,
                                                          guint              *n_exact,
                                                          guint              *n_overlap);
const char * const  *ann_agreement_pair_get_labels       (AnnAgreementPair   *pair);
gboolean             ann_agreement_pair_get_label_f1     (AnnAgreementPair   *pair,
                                                          const char         *label,
                                                          double             *f1_exact,
                                                          double             *f1_overlap);
GPtrArray           *ann_agreement_pair_get_links        (AnnAgreementPair   *pair);

G_END_DECLS
