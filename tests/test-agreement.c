/* test-agreement.c: exact and overlap F1, Cohen's and Fleiss' kappa over tokens, hand-computed
 *
 * Every expected figure is worked out in the comment above its test, from the definitions of
 * DESIGN.md, section 7. Kappas are compared as exact fractions: the code divides once, after
 * counting in whole numbers, so 13.0 / 17.0 is the very double it must return.
 *
 * Most tests share one sentence of 16 tokens:
 *
 *   Bí thư Tỉnh ủy Đắk Nông Vũ Tiến Lư dự Hội nghị Trung ương 4 .
 *   0  1   2    3  4   5    6  7    8  9  10  11   12    13   14 15
 *
 * with these spans (code points): "Tỉnh ủy Đắk Nông" 7–23 (tokens 2–5), "Đắk Nông" 15–23
 * (4–5), "Vũ Tiến Lư" 24–34 (6–8), "Tiến Lư" (7–8), "Hội nghị Trung ương 4" 38–59 (10–14),
 * "nghị Trung" 42–52 (11–12), "Trung ương" 47–57 (12–13), "4" 58–59 (14).
 *
 * With N tokens, agreed tokens a and Σ = Σₖ n_A(k)·n_B(k), Cohen's kappa is
 * (a·N − Σ) / (N² − Σ); N² = 256 here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ann-agreement.h"
#include "ann-error.h"

#define TEXT "Bí thư Tỉnh ủy Đắk Nông Vũ Tiến Lư dự Hội nghị Trung ương 4.\n"

/* A file of @text by @annotator with the entities that follow as (label, text, nth) triples,
 * ending with NULL: nth counts occurrences of the text from 0, and a label written "!PER" makes
 * a rejected entity. */
static AnnFile *
make_file (const char *text,
           const char *annotator,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = ann_document_new (text, &error);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  AnnFile *file;
  const char *label;
  va_list args;

  g_assert_no_error (error);
  file = ann_file_new (document, labels);
  ann_file_set_annotator (file, annotator);

  va_start (args, annotator);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      const char *needle = va_arg (args, const char *);
      int nth = va_arg (args, int);
      gboolean rejected = label[0] == '!';
      const char *found = text - 1;
      g_autoptr(AnnEntity) entity = NULL;
      guint start;

      for (int i = 0; i <= nth; i++)
        {
          found = strstr (found + 1, needle);
          g_assert_nonnull (found);
        }
      start = g_utf8_pointer_to_offset (text, found);
      entity = ann_file_create_entity (file, label + rejected, start,
                                       start + g_utf8_strlen (needle, -1), &error);
      g_assert_no_error (error);
      if (rejected)
        ann_entity_set_status (entity, ANN_ENTITY_STATUS_REJECTED);
      ann_entity_store_add (ann_file_get_entities (file), entity, &error);
      g_assert_no_error (error);
    }
  va_end (args);

  return file;
}

static GPtrArray *
files_of (AnnFile *first,
          ...)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (AnnFile *file = first; file != NULL; file = va_arg (args, AnnFile *))
    g_ptr_array_add (files, file);
  va_end (args);
  return files;
}

static AnnAgreement *
compute (GPtrArray *files)
{
  static const char * const names[] = { "an", "binh", "chi", "dung" };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) some = NULL;
  AnnAgreement *agreement;

  g_assert_cmpuint (files->len, <=, G_N_ELEMENTS (names));
  for (guint i = 0; i < files->len; i++)
    g_strv_builder_add (builder, names[i]);
  some = g_strv_builder_end (builder);
  agreement = ann_agreement_compute (files, (const char * const *) some, &error);
  g_assert_no_error (error);
  g_assert_nonnull (agreement);
  return agreement;
}

/* Computes the agreement of two files and checks the pair's three figures. */
static AnnAgreement *
assert_pair (AnnFile *a,
             AnnFile *b,
             double   f1_exact,
             double   f1_overlap,
             double   kappa)
{
  g_autoptr(GPtrArray) files = files_of (a, b, NULL);
  AnnAgreement *agreement = compute (files);
  AnnAgreementPair *pair;

  g_assert_cmpuint (ann_agreement_get_n_pairs (agreement), ==, 1);
  g_assert_false (ann_agreement_has_fleiss_kappa (agreement));
  pair = ann_agreement_get_pair (agreement, 0);
  g_assert_cmpfloat (ann_agreement_pair_get_f1_exact (pair), ==, f1_exact);
  g_assert_cmpfloat (ann_agreement_pair_get_f1_overlap (pair), ==, f1_overlap);
  g_assert_cmpfloat (ann_agreement_pair_get_kappa_tokens (pair), ==, kappa);
  return agreement;
}

static void
assert_labels (AnnAgreementPair *pair,
               const char       *expected)
{
  g_autofree char *joined = g_strjoinv (",", (char **) ann_agreement_pair_get_labels (pair));

  g_assert_cmpstr (joined, ==, expected);
}

static void
assert_label_f1 (AnnAgreementPair *pair,
                 const char       *label,
                 double            f1_exact,
                 double            f1_overlap)
{
  double exact = -1, overlap = -1;

  g_assert_true (ann_agreement_pair_get_label_f1 (pair, label, &exact, &overlap));
  g_assert_cmpfloat (exact, ==, f1_exact);
  g_assert_cmpfloat (overlap, ==, f1_overlap);
}

/* No entity on either side: F1 is 1 by definition; every token is O on both sides, so
 * pₑ = 1 and kappa is 1 by convention. per_label is empty. */
static void
test_both_empty (void)
{
  g_autoptr(AnnAgreement) agreement = assert_pair (make_file (TEXT, "an", NULL),
                                                   make_file (TEXT, "binh", NULL),
                                                   1.0, 1.0, 1.0);

  assert_labels (ann_agreement_get_pair (agreement, 0), "");
}

/* A: ORG "Tỉnh ủy Đắk Nông", PER "Vũ Tiến Lư"; B: nothing. F1 = 2·0/(2+0) = 0.
 * Tokens: A has ORG ×4, PER ×3, O ×9; B has O ×16. Agreed: the 9 O tokens.
 * Σ = 9·16 = 144; κ = (9·16 − 144)/(256 − 144) = 0. */
static void
test_one_empty (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "ORG", "Tỉnh ủy Đắk Nông", 0, "PER", "Vũ Tiến Lư", 0, NULL),
                 make_file (TEXT, "binh", NULL),
                 0.0, 0.0, 0.0);
  AnnAgreementPair *pair = ann_agreement_get_pair (agreement, 0);
  guint n_a, n_b, n_exact, n_overlap;

  assert_labels (pair, "PER,ORG");
  assert_label_f1 (pair, "PER", 0.0, 0.0);
  assert_label_f1 (pair, "ORG", 0.0, 0.0);
  ann_agreement_pair_get_counts (pair, &n_a, &n_b, &n_exact, &n_overlap);
  g_assert_cmpuint (n_a, ==, 2);
  g_assert_cmpuint (n_b, ==, 0);
  g_assert_cmpuint (n_exact, ==, 0);
  g_assert_cmpuint (n_overlap, ==, 0);
}

/* The same three entities, one nested: everything is 1. */
static void
test_identical (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "ORG", "Tỉnh ủy Đắk Nông", 0, "LOC", "Đắk Nông", 0,
                            "PER", "Vũ Tiến Lư", 0, NULL),
                 make_file (TEXT, "binh", "ORG", "Tỉnh ủy Đắk Nông", 0, "LOC", "Đắk Nông", 0,
                            "PER", "Vũ Tiến Lư", 0, NULL),
                 1.0, 1.0, 1.0);
  AnnAgreementPair *pair = ann_agreement_get_pair (agreement, 0);

  /* In the order of the schema (PER, LOC, ORG…), not of the text. */
  assert_labels (pair, "PER,LOC,ORG");
  assert_label_f1 (pair, "PER", 1.0, 1.0);
  assert_label_f1 (pair, "LOC", 1.0, 1.0);
  assert_label_f1 (pair, "ORG", 1.0, 1.0);
  g_assert_false (ann_agreement_pair_get_label_f1 (pair, "DATE", NULL, NULL));
}

/* A: PER "Vũ Tiến Lư" (tokens 6–8); B: EVENT "Hội nghị Trung ương 4" (10–14). F1 0.
 * A: PER 3, O 13; B: EVENT 5, O 11. Agreed: 16 − 3 − 5 = 8 tokens (O on both sides).
 * Σ = 13·11 = 143; κ = (8·16 − 143)/(256 − 143) = −15/113: worse than chance. */
static void
test_disjoint (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "PER", "Vũ Tiến Lư", 0, NULL),
                 make_file (TEXT, "binh", "EVENT", "Hội nghị Trung ương 4", 0, NULL),
                 0.0, 0.0, -15.0 / 113.0);

  assert_labels (ann_agreement_get_pair (agreement, 0), "PER,EVENT");
}

/* The same span, PER against ORG: neither F1 matches (labels differ).
 * A: PER 3, O 13; B: ORG 3, O 13; agreed 13. Σ = 13·13 = 169;
 * κ = (13·16 − 169)/(256 − 169) = 39/87 = 13/29. */
static void
test_label_conflict (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "PER", "Vũ Tiến Lư", 0, NULL),
                 make_file (TEXT, "binh", "ORG", "Vũ Tiến Lư", 0, NULL),
                 0.0, 0.0, 13.0 / 29.0);
  AnnAgreementPair *pair = ann_agreement_get_pair (agreement, 0);
  GPtrArray *links = ann_agreement_pair_get_links (pair);
  AnnAgreementLink *link;

  assert_labels (pair, "PER,ORG");
  assert_label_f1 (pair, "PER", 0.0, 0.0);
  assert_label_f1 (pair, "ORG", 0.0, 0.0);

  /* The review view sees one label conflict, not two lone entities. */
  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpint (link->kind, ==, ANN_AGREEMENT_LINK_LABEL);
  g_assert_cmpstr (ann_entity_get_label (link->a), ==, "PER");
  g_assert_cmpstr (ann_entity_get_label (link->b), ==, "ORG");
}

/* PER "Vũ Tiến Lư" against PER "Tiến Lư": no exact match, one overlap match: exact F1 0,
 * overlap F1 2·1/2 = 1. Tokens: A PER 3 (6–8), O 13; B PER 2 (7–8), O 14; agreed 15 (all but
 * "Vũ"). Σ = 13·14 + 3·2 = 188; κ = (15·16 − 188)/(256 − 188) = 52/68 = 13/17. */
static void
test_boundary_conflict (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "PER", "Vũ Tiến Lư", 0, NULL),
                 make_file (TEXT, "binh", "PER", "Tiến Lư", 0, NULL),
                 0.0, 1.0, 13.0 / 17.0);
  AnnAgreementPair *pair = ann_agreement_get_pair (agreement, 0);
  AnnAgreementLink *link;

  assert_labels (pair, "PER");
  assert_label_f1 (pair, "PER", 0.0, 1.0);
  g_assert_cmpuint (ann_agreement_pair_get_links (pair)->len, ==, 1);
  link = g_ptr_array_index (ann_agreement_pair_get_links (pair), 0);
  g_assert_cmpint (link->kind, ==, ANN_AGREEMENT_LINK_OVERLAP);
}

/* A: ORG "Tỉnh ủy Đắk Nông" with LOC "Đắk Nông" nested in it; B: the ORG alone.
 * Exact: 1 of 2 + 1 → F1 2/3; overlap: the ORG pairs, the LOC finds no LOC → 2/3.
 * Per label: ORG 1/1, LOC 0/0. Tokens take the longest covering entity, so "Đắk Nông" is ORG
 * on both sides: the token labels are identical and κ = 1 although the F1 is not. */
static void
test_nested (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "ORG", "Tỉnh ủy Đắk Nông", 0, "LOC", "Đắk Nông", 0, NULL),
                 make_file (TEXT, "binh", "ORG", "Tỉnh ủy Đắk Nông", 0, NULL),
                 2.0 / 3.0, 2.0 / 3.0, 1.0);
  AnnAgreementPair *pair = ann_agreement_get_pair (agreement, 0);

  assert_labels (pair, "LOC,ORG");
  assert_label_f1 (pair, "ORG", 1.0, 1.0);
  assert_label_f1 (pair, "LOC", 0.0, 0.0);
}

/* The greedy matching, all EVENT:
 *   A1 "Hội nghị Trung ương 4" 38–59, A2 "Trung ương" 47–57;
 *   B1 "nghị Trung" 42–52 (overlaps A1 and A2), B2 "4" 58–59 (overlaps A1 only).
 * A1 comes first and takes the first B that overlaps it, B1; A2 then finds B1 taken and does
 * not overlap B2: 1 match, overlap F1 = 2·1/4 = 0.5, although A1–B2 and A2–B1 would give 1.0.
 * Exact F1 0. Tokens 10–14 (Hội nghị Trung ương 4): A EVENT on all five (A1 is the longest);
 * B EVENT on nghị, Trung (B1) and 4 (B2), O on Hội and ương. A: EVENT 5, O 11; B: EVENT 3,
 * O 13; agreed 14. Σ = 11·13 + 5·3 = 158; κ = (14·16 − 158)/(256 − 158) = 66/98 = 33/49. */
static void
test_greedy_order (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "EVENT", "Hội nghị Trung ương 4", 0,
                            "EVENT", "Trung ương", 0, NULL),
                 make_file (TEXT, "binh", "EVENT", "nghị Trung", 0, "EVENT", "4", 0, NULL),
                 0.0, 0.5, 33.0 / 49.0);
  g_autoptr(AnnAgreement) reversed = NULL;
  AnnAgreementPair *pair = ann_agreement_get_pair (agreement, 0);
  GPtrArray *links = ann_agreement_pair_get_links (pair);
  AnnAgreementLink *link;

  assert_label_f1 (pair, "EVENT", 0.0, 0.5);

  /* The links follow the same matching: A1–B1, then A2 and B2 alone, in text order. */
  g_assert_cmpuint (links->len, ==, 3);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpint (link->kind, ==, ANN_AGREEMENT_LINK_OVERLAP);
  g_assert_cmpuint (ann_entity_get_start (link->a), ==, 38);
  g_assert_cmpuint (ann_entity_get_start (link->b), ==, 42);
  link = g_ptr_array_index (links, 1);
  g_assert_cmpint (link->kind, ==, ANN_AGREEMENT_LINK_ONLY_A);
  g_assert_cmpuint (ann_entity_get_start (link->a), ==, 47);
  g_assert_null (link->b);
  link = g_ptr_array_index (links, 2);
  g_assert_cmpint (link->kind, ==, ANN_AGREEMENT_LINK_ONLY_B);
  g_assert_null (link->a);
  g_assert_cmpuint (ann_entity_get_start (link->b), ==, 58);

  /* From B's side: B1 takes A1 (the first in order), B2 overlaps only A1: 1 match again. */
  reversed = assert_pair (make_file (TEXT, "binh", "EVENT", "nghị Trung", 0, "EVENT", "4", 0, NULL),
                          make_file (TEXT, "an", "EVENT", "Hội nghị Trung ương 4", 0,
                                     "EVENT", "Trung ương", 0, NULL),
                          0.0, 0.5, 33.0 / 49.0);
}

/* The order is (start, end, label), with the end ascending: A1 "Trung" 47–52 comes before A2
 * "Trung ương" 47–57. B1 "Trung ương 4" 47–59 and B2 "ương" 53–57. A1 takes B1; A2 takes B2:
 * 2 matches, overlap F1 1. In the file's order (end descending) A2 would go first, take B1,
 * and leave A1 without a partner (F1 0.5). */
static void
test_greedy_end_ascending (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "EVENT", "Trung", 0, "EVENT", "Trung ương", 0, NULL),
                 make_file (TEXT, "binh", "EVENT", "Trung ương 4", 0, "EVENT", "ương", 0, NULL),
                 0.0, 1.0,
                 /* Tokens 12–14: A EVENT on Trung, ương; B EVENT on all three. A: EVENT 2,
                  * O 14; B: EVENT 3, O 13; agreed 15. Σ = 14·13 + 2·3 = 188;
                  * κ = (240 − 188)/(256 − 188) = 13/17. */
                 13.0 / 17.0);
}

/* A rejected entity is not the annotator's: B's rejected ORG changes nothing. */
static void
test_rejected_ignored (void)
{
  g_autoptr(AnnAgreement) agreement =
    assert_pair (make_file (TEXT, "an", "PER", "Vũ Tiến Lư", 0, NULL),
                 make_file (TEXT, "binh", "PER", "Vũ Tiến Lư", 0,
                            "!ORG", "Tỉnh ủy Đắk Nông", 0, NULL),
                 1.0, 1.0, 1.0);
  AnnAgreementPair *pair = ann_agreement_get_pair (agreement, 0);

  assert_labels (pair, "PER");
  g_assert_cmpuint (ann_agreement_pair_get_links (pair)->len, ==, 1);
}

/* per_label: the labels used on an entity by either file; not the schema's unused labels,
 * nor a label used only on a rejected entity. The order is the first file's schema (PER
 * before LOC, whatever the text order), then labels only the second file's schema has. */
static void
test_per_label_membership (void)
{
  g_autoptr(AnnFile) a = make_file (TEXT, "an", "LOC", "Đắk Nông", 0, "PER", "Vũ Tiến Lư", 0, NULL);
  g_autoptr(AnnFile) b = make_file (TEXT, "binh", "!ORG", "Tỉnh ủy Đắk Nông", 0, NULL);
  g_autoptr(AnnLabel) title = ann_label_new ("TITLE", "Chức danh", NULL, "8");
  g_autoptr(AnnEntity) entity = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(AnnAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  AnnAgreementPair *pair;

  ann_label_schema_add (ann_file_get_labels (b), title, &error);
  g_assert_no_error (error);
  entity = ann_file_create_entity (b, "TITLE", 0, 6, &error);   /* "Bí thư" */
  g_assert_no_error (error);
  ann_entity_store_add (ann_file_get_entities (b), entity, &error);
  g_assert_no_error (error);

  files = files_of (g_object_ref (a), g_object_ref (b), NULL);
  agreement = compute (files);
  pair = ann_agreement_get_pair (agreement, 0);
  assert_labels (pair, "PER,LOC,TITLE");
  assert_label_f1 (pair, "TITLE", 0.0, 0.0);
  g_assert_false (ann_agreement_pair_get_label_f1 (pair, "ORG", NULL, NULL));
}

/* Three annotators: A PER "Vũ Tiến Lư"; B PER "Tiến Lư"; C ORG "Vũ Tiến Lư" and LOC
 * "Đắk Nông". n = 3 raters, N = 16 tokens, Nn = 48.
 *   Đắk, Nông (4, 5): O, O, LOC → Σⱼ n_ij² = 2² + 1² = 5 each
 *   Vũ (6):           PER, O, ORG → 1 + 1 + 1 = 3
 *   Tiến, Lư (7, 8):  PER, PER, ORG → 4 + 1 = 5 each
 *   the 11 others:    O, O, O → 9 each
 * S = 11·9 + 4·5 + 3 = 122; P̄ = (S − Nn)/(Nn(n − 1)) = 74/96.
 * Category totals: O 13 + 14 + 11 = 38, PER 3 + 2 = 5, ORG 3, LOC 2 (sum 48);
 * Q = 38² + 5² + 3² + 2² = 1482; P̄ₑ = Q/(Nn)² = 1482/2304.
 * κ = ((S − Nn)·Nn − Q(n − 1)) / (((Nn)² − Q)(n − 1)) = (3552 − 2964)/(822·2) = 588/1644
 *   = 49/137 (≈ 0.3577; from the rounded P̄ = 0.7708, P̄ₑ = 0.6432: 0.1276/0.3568 ≈ 0.358). */
static void
test_fleiss (void)
{
  g_autoptr(GPtrArray) files =
    files_of (make_file (TEXT, "an", "PER", "Vũ Tiến Lư", 0, NULL),
              make_file (TEXT, "binh", "PER", "Tiến Lư", 0, NULL),
              make_file (TEXT, "chi", "ORG", "Vũ Tiến Lư", 0, "LOC", "Đắk Nông", 0, NULL),
              NULL);
  g_autoptr(AnnAgreement) agreement = compute (files);
  AnnAgreementPair *pair;

  g_assert_true (ann_agreement_has_fleiss_kappa (agreement));
  g_assert_cmpfloat (ann_agreement_get_fleiss_kappa (agreement), ==, 49.0 / 137.0);

  /* The pairs in file order: an–binh, an–chi, binh–chi. */
  g_assert_cmpuint (ann_agreement_get_n_pairs (agreement), ==, 3);
  pair = ann_agreement_get_pair (agreement, 0);
  g_assert_cmpuint (ann_agreement_pair_get_a (pair), ==, 0);
  g_assert_cmpuint (ann_agreement_pair_get_b (pair), ==, 1);
  g_assert_cmpfloat (ann_agreement_pair_get_kappa_tokens (pair), ==, 13.0 / 17.0);  /* as above */
  pair = ann_agreement_get_pair (agreement, 1);
  g_assert_cmpuint (ann_agreement_pair_get_a (pair), ==, 0);
  g_assert_cmpuint (ann_agreement_pair_get_b (pair), ==, 2);
  pair = ann_agreement_get_pair (agreement, 2);
  g_assert_cmpuint (ann_agreement_pair_get_a (pair), ==, 1);
  g_assert_cmpuint (ann_agreement_pair_get_b (pair), ==, 2);
  /* binh–chi: B PER 2, O 14; C ORG 3, LOC 2, O 11. Agreed: the 11 tokens O on both (16
   * minus Vũ, Tiến, Lư, Đắk, Nông). Σ = 14·11 = 154; κ = (11·16 − 154)/(256 − 154) = 22/102
   * = 11/51. */
  g_assert_cmpfloat (ann_agreement_pair_get_kappa_tokens (pair), ==, 11.0 / 51.0);
}

/* Fleiss' degenerate cases, like Cohen's: everything O (P̄ₑ = 1) gives 1, and a text with no
 * token gives 1; so do identical annotations with entities (P̄ = 1). */
static void
test_fleiss_degenerate (void)
{
  g_autoptr(GPtrArray) all_o = files_of (make_file (TEXT, "an", NULL), make_file (TEXT, "binh", NULL),
                                         make_file (TEXT, "chi", NULL), NULL);
  g_autoptr(GPtrArray) no_tokens = files_of (make_file (" \n ", "an", NULL),
                                             make_file (" \n ", "binh", NULL),
                                             make_file (" \n ", "chi", NULL),
                                             make_file (" \n ", "dung", NULL), NULL);
  g_autoptr(GPtrArray) same = files_of (make_file (TEXT, "an", "PER", "Lư", 0, NULL),
                                        make_file (TEXT, "binh", "PER", "Lư", 0, NULL),
                                        make_file (TEXT, "chi", "PER", "Lư", 0, NULL), NULL);
  g_autoptr(AnnAgreement) first = compute (all_o);
  g_autoptr(AnnAgreement) second = compute (no_tokens);
  g_autoptr(AnnAgreement) third = compute (same);

  g_assert_cmpfloat (ann_agreement_get_fleiss_kappa (first), ==, 1.0);
  g_assert_cmpfloat (ann_agreement_get_fleiss_kappa (second), ==, 1.0);
  g_assert_cmpuint (ann_agreement_get_n_pairs (second), ==, 6);
  g_assert_cmpfloat (ann_agreement_pair_get_kappa_tokens (ann_agreement_get_pair (second, 5)), ==, 1.0);
  g_assert_cmpfloat (ann_agreement_pair_get_f1_exact (ann_agreement_get_pair (second, 5)), ==, 1.0);
  g_assert_cmpfloat (ann_agreement_get_fleiss_kappa (third), ==, 1.0);
}

static void
test_different_documents (void)
{
  g_autoptr(GPtrArray) files = files_of (make_file (TEXT, "an", NULL),
                                         make_file (TEXT, "binh", NULL),
                                         make_file ("Tin khác.\n", "chi", NULL), NULL);
  const char * const names[] = { "a.json", "b.json", "c.json", NULL };
  g_autoptr(AnnAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  agreement = ann_agreement_compute (files, names, &error);
  g_assert_null (agreement);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
  /* Every file is named, grouped by the document it annotates. */
  g_assert_nonnull (strstr (error->message, "a.json, b.json: sha256:"));
  g_assert_nonnull (strstr (error->message, "; c.json: sha256:"));
}

static void
assert_names (GPtrArray          *files,
              const char * const *paths,
              const char         *expected)
{
  g_auto(GStrv) names = ann_agreement_annotator_names (files, paths);
  g_autofree char *joined = g_strjoinv (",", names);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_annotator_names (void)
{
  g_autoptr(GPtrArray) distinct = files_of (make_file (TEXT, "an", NULL),
                                            make_file (TEXT, "bình", NULL), NULL);
  g_autoptr(GPtrArray) repeated = files_of (make_file (TEXT, "an", NULL),
                                            make_file (TEXT, "an", NULL),
                                            make_file (TEXT, "chi", NULL), NULL);
  g_autoptr(GPtrArray) unnamed = files_of (make_file (TEXT, NULL, NULL),
                                           make_file (TEXT, "", NULL), NULL);
  /* "Bình" typed precomposed and with a combining grave accent: one name, so repeated. */
  g_autoptr(GPtrArray) spellings = files_of (make_file (TEXT, "B\xc3\xacnh", NULL),
                                             make_file (TEXT, "Bi\xcc\x80nh", NULL), NULL);
  g_autoptr(GPtrArray) clash = files_of (make_file (TEXT, "an", NULL),
                                         make_file (TEXT, NULL, NULL),
                                         make_file (TEXT, NULL, NULL), NULL);

  assert_names (distinct, (const char * const[]) { "x/a.json", "y/b.json", NULL }, "an,bình");
  /* Both files that say "an" go by their file names. */
  assert_names (repeated, (const char * const[]) { "d/an.1.json", "d/an-lai.json", "chi.json", NULL },
                "an.1,an-lai,chi");
  assert_names (unnamed, (const char * const[]) { "d/no-name.json", "/tmp/.json", NULL },
                "no-name,.json");
  assert_names (spellings, (const char * const[]) { "binh-1.json", "binh-2.json", NULL },
                "binh-1,binh-2");
  /* Names that still clash get a suffix no other file wants: the second file wants "an"
   * (taken), and "an-2" is what the third file wants, so it becomes "an-3". */
  assert_names (clash, (const char * const[]) { "an.json", "x/an.json", "an-2.json", NULL },
                "an,an-3,an-2");
  assert_names (unnamed, NULL, "annotator 1,annotator 2");
}

/* The JSON of `agree --json`, byte for byte, for the boundary conflict above. */
static void
test_json (void)
{
  g_autoptr(GPtrArray) files = files_of (make_file (TEXT, "an", "PER", "Vũ Tiến Lư", 0, NULL),
                                         make_file (TEXT, "binh", "PER", "Tiến Lư", 0, NULL), NULL);
  g_autoptr(AnnAgreement) agreement = compute (files);
  g_autofree char *json = ann_agreement_to_json (agreement);
  g_autofree char *expected =
    g_strdup_printf ("{\n"
                     "  \"document\": \"%s\",\n"
                     "  \"annotators\": [\n"
                     "    \"an\",\n"
                     "    \"binh\"\n"
                     "  ],\n"
                     "  \"pairs\": [\n"
                     "    {\n"
                     "      \"a\": \"an\",\n"
                     "      \"b\": \"binh\",\n"
                     "      \"f1_exact\": 0.0,\n"
                     "      \"f1_overlap\": 1.0,\n"
                     "      \"kappa_tokens\": 0.7647058823529411,\n"
                     "      \"per_label\": {\n"
                     "        \"PER\": {\n"
                     "          \"f1_exact\": 0.0,\n"
                     "          \"f1_overlap\": 1.0\n"
                     "        }\n"
                     "      }\n"
                     "    }\n"
                     "  ]\n"
                     "}",
                     ann_document_get_id (ann_file_get_document (g_ptr_array_index (files, 0))));

  g_assert_cmpstr (json, ==, expected);
  g_assert_cmpstr (ann_agreement_get_document_id (agreement), ==,
                   ann_document_get_id (ann_file_get_document (g_ptr_array_index (files, 0))));
  g_assert_cmpuint (ann_agreement_get_n_annotators (agreement), ==, 2);
  g_assert_cmpstr (ann_agreement_get_annotator (agreement, 1), ==, "binh");
}

/* With three files the JSON ends with Fleiss' kappa, and per_label objects may be empty. */
static void
test_json_fleiss (void)
{
  g_autoptr(GPtrArray) files = files_of (make_file (TEXT, "an", NULL), make_file (TEXT, "binh", NULL),
                                         make_file (TEXT, "chi", NULL), NULL);
  g_autoptr(AnnAgreement) agreement = compute (files);
  g_autofree char *json = ann_agreement_to_json (agreement);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat (json_object_get_double_member (root, "fleiss_kappa_tokens"), ==, 1.0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "pairs")), ==, 3);
  g_assert_true (g_str_has_suffix (json, "  ],\n  \"fleiss_kappa_tokens\": 1.0\n}"));
  g_assert_nonnull (strstr (json, "\"per_label\": {}"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/both-empty", test_both_empty);
  g_test_add_func ("/agreement/one-empty", test_one_empty);
  g_test_add_func ("/agreement/identical", test_identical);
  g_test_add_func ("/agreement/disjoint", test_disjoint);
  g_test_add_func ("/agreement/label-conflict", test_label_conflict);
  g_test_add_func ("/agreement/boundary-conflict", test_boundary_conflict);
  g_test_add_func ("/agreement/nested", test_nested);
  g_test_add_func ("/agreement/greedy-order", test_greedy_order);
  g_test_add_func ("/agreement/greedy-end-ascending", test_greedy_end_ascending);
  g_test_add_func ("/agreement/rejected-ignored", test_rejected_ignored);
  g_test_add_func ("/agreement/per-label-membership", test_per_label_membership);
  g_test_add_func ("/agreement/fleiss", test_fleiss);
  g_test_add_func ("/agreement/fleiss-degenerate", test_fleiss_degenerate);
  g_test_add_func ("/agreement/different-documents", test_different_documents);
  g_test_add_func ("/agreement/annotator-names", test_annotator_names);
  g_test_add_func ("/agreement/json", test_json);
  g_test_add_func ("/agreement/json-fleiss", test_json_fleiss);

  return g_test_run ();
}
