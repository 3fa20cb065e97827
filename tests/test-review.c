/* test-review.c: the state of each candidate of a curated file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ann-review.h"

static AnnEntity *
candidate (AnnEntityStore *store,
           const char     *id,
           const char     *label,
           guint           start,
           guint           end,
           const char     *annotators)
{
  g_autoptr(AnnEntity) entity = ann_entity_new (id, label, start, end, "x");
  g_auto(GStrv) names = g_strsplit (annotators, ",", -1);

  ann_entity_set_annotators (entity, (const char * const *) names);
  g_assert_true (ann_entity_store_add (store, entity, NULL));
  return entity;
}

static void
test_states (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  /* Three annotators: an, binh, chi. */
  AnnEntity *agreed = candidate (store, "T1", "PER", 0, 10, "an,binh,chi");
  AnnEntity *some = candidate (store, "T2", "DATE", 12, 20, "an,chi");
  AnnEntity *as_org = candidate (store, "T3", "ORG", 30, 46, "an,binh");
  AnnEntity *as_loc = candidate (store, "T4", "LOC", 30, 46, "chi");
  AnnEntity *long_doc = candidate (store, "T5", "DOC", 50, 70, "an");
  AnnEntity *short_doc = candidate (store, "T6", "DOC", 50, 64, "binh,chi");
  AnnEntity *nested = candidate (store, "T7", "LOC", 38, 46, "an,binh,chi");

  g_assert_cmpint (ann_review_classify (store, agreed, 3), ==, ANN_REVIEW_ALL_AGREE);
  g_assert_cmpint (ann_review_classify (store, some, 3), ==, ANN_REVIEW_SOME);
  g_assert_cmpint (ann_review_classify (store, as_org, 3), ==, ANN_REVIEW_LABEL_CONFLICT);
  g_assert_cmpint (ann_review_classify (store, as_loc, 3), ==, ANN_REVIEW_LABEL_CONFLICT);
  g_assert_cmpint (ann_review_classify (store, long_doc, 3), ==, ANN_REVIEW_BOUNDARY_CONFLICT);
  g_assert_cmpint (ann_review_classify (store, short_doc, 3), ==, ANN_REVIEW_BOUNDARY_CONFLICT);
  /* T7 (38–46) overlaps the LOC T4 (30–46), but chi, who has T4, has T7 too: everybody
   * marked T7, whatever else chi saw around it. */
  g_assert_cmpint (ann_review_classify (store, nested, 3), ==, ANN_REVIEW_ALL_AGREE);

  g_assert_false (ann_review_is_disagreement (ANN_REVIEW_ALL_AGREE));
  g_assert_true (ann_review_is_disagreement (ANN_REVIEW_SOME));
  g_assert_cmpstr (ann_review_state_describe (ANN_REVIEW_LABEL_CONFLICT), ==, "label conflict");
}

static void
test_nested_without_rival_agrees (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  AnnEntity *org = candidate (store, "T1", "ORG", 0, 16, "an,binh");
  AnnEntity *loc = candidate (store, "T2", "LOC", 8, 16, "an,binh");

  g_assert_cmpint (ann_review_classify (store, org, 2), ==, ANN_REVIEW_ALL_AGREE);
  g_assert_cmpint (ann_review_classify (store, loc, 2), ==, ANN_REVIEW_ALL_AGREE);
}

static void
test_nested_same_label (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  /* "Ban Thường vụ Tỉnh ủy Quảng Trị" and the "Tỉnh ủy Quảng Trị" in it, both ORG. */
  AnnEntity *outer = candidate (store, "T1", "ORG", 0, 31, "an,binh,chi");
  AnnEntity *inner = candidate (store, "T2", "ORG", 14, 31, "an,binh,chi");
  /* A second pair where only chi nested the inner one. */
  AnnEntity *outer2 = candidate (store, "T3", "ORG", 40, 71, "an,binh,chi");
  AnnEntity *inner2 = candidate (store, "T4", "ORG", 54, 71, "chi");
  /* and a third where binh and chi took the inner one instead of the outer. */
  AnnEntity *outer3 = candidate (store, "T5", "ORG", 80, 111, "an");
  AnnEntity *inner3 = candidate (store, "T6", "ORG", 94, 111, "binh,chi");

  g_assert_cmpint (ann_review_classify (store, outer, 3), ==, ANN_REVIEW_ALL_AGREE);
  g_assert_cmpint (ann_review_classify (store, inner, 3), ==, ANN_REVIEW_ALL_AGREE);
  g_assert_cmpint (ann_review_classify (store, outer2, 3), ==, ANN_REVIEW_ALL_AGREE);
  g_assert_cmpint (ann_review_classify (store, inner2, 3), ==, ANN_REVIEW_SOME);
  g_assert_cmpint (ann_review_classify (store, outer3, 3), ==, ANN_REVIEW_BOUNDARY_CONFLICT);
  g_assert_cmpint (ann_review_classify (store, inner3, 3), ==, ANN_REVIEW_BOUNDARY_CONFLICT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/states", test_states);
  g_test_add_func ("/review/nested-without-rival", test_nested_without_rival_agrees);
  g_test_add_func ("/review/nested-same-label", test_nested_same_label);

  return g_test_run ();
}
