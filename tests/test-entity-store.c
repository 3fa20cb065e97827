/* test-entity-store.c: order, lookups, change signals and overlap queries of AnnEntityStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-entity-store.h"
#include "ann-error.h"

/* Offsets count code points, so an article whose bytes and characters differ would catch an
 * entity placed by byte offset. "Tỉnh ủy Đắk Nông" appears twice. */
#define ARTICLE \
  "Ngày 21/03/2022, Ban Thường vụ Tỉnh ủy Đắk Nông ban hành Kế hoạch số 39 để thực hiện " \
  "Kết luận số 21 của Hội nghị Trung ương 4 (khóa XIII); đồng chí Vũ Tiến Lư, " \
  "Phó Bí thư Tỉnh ủy Đắk Nông, đã ký."

static const char *labels[] = { "DATE", "DOC", "EVENT", "LOC", "MISC", "ORG", "PER" };

/* --- helpers ------------------------------------------------------------------------------ */

/* The code point span of occurrence @nth (from 0) of @needle in ARTICLE. */
static void
find_span (const char *needle,
           guint       nth,
           guint      *start,
           guint      *end)
{
  const char *p = ARTICLE;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (nth-- == 0)
        break;
      p++;
    }

  *start = g_utf8_pointer_to_offset (ARTICLE, p);
  *end = *start + g_utf8_strlen (needle, -1);
}

static AnnEntity *
entity_at (const char *id,
           const char *label,
           const char *needle,
           guint       nth)
{
  guint start;
  guint end;

  find_span (needle, nth, &start, &end);
  return ann_entity_new (id, label, start, end, needle);
}

static AnnEntity *
entity_new (const char *id,
            const char *label,
            guint       start,
            guint       end)
{
  return ann_entity_new (id, label, start, end, "Vũ Tiến Lư");
}

static void
add_ok (AnnEntityStore *store,
        AnnEntity      *entity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ann_entity_store_add (store, entity, &error));
  g_assert_no_error (error);
}

/* Adds @entity, which the caller gives away. */
static void
add_take (AnnEntityStore *store,
          AnnEntity      *entity)
{
  g_autoptr(AnnEntity) owned = entity;

  add_ok (store, owned);
}

/* The ids of the store in the order of the model, space separated. */
static char *
store_ids (AnnEntityStore *store)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert_cmpuint (n, ==, ann_entity_store_get_n_entities (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnEntity) entity = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (entity == ann_entity_store_get_nth (store, i));
      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ann_entity_get_id (entity));
    }

  g_assert_null (ann_entity_store_get_nth (store, n));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), n));

  return g_string_free (ids, FALSE);
}

static void
assert_store_ids (AnnEntityStore *store,
                  const char     *expected)
{
  g_autofree char *ids = store_ids (store);

  g_assert_cmpstr (ids, ==, expected);
}

static char *
array_ids (GPtrArray *entities)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            ann_entity_get_id (g_ptr_array_index (entities, i)));

  return g_string_free (ids, FALSE);
}

static void
assert_overlapping (AnnEntityStore *store,
                    guint           start,
                    guint           end,
                    const char     *expected)
{
  g_autoptr(GPtrArray) found = ann_entity_store_get_overlapping (store, start, end);
  g_autofree char *ids = array_ids (found);

  g_assert_cmpstr (ids, ==, expected);
}

static void
assert_containing (AnnEntityStore *store,
                   guint           start,
                   guint           end,
                   const char     *expected)
{
  g_autoptr(GPtrArray) found = ann_entity_store_get_containing (store, start, end);
  g_autofree char *ids = array_ids (found);

  g_assert_cmpstr (ids, ==, expected);
}

/* The order the file format requires, written out independently of ann_entity_compare(). */
static int
reference_compare (gconstpointer a,
                   gconstpointer b)
{
  AnnEntity *x = *(AnnEntity **) a;
  AnnEntity *y = *(AnnEntity **) b;

  if (ann_entity_get_start (x) != ann_entity_get_start (y))
    return ann_entity_get_start (x) < ann_entity_get_start (y) ? -1 : 1;
  if (ann_entity_get_end (x) != ann_entity_get_end (y))
    return ann_entity_get_end (x) > ann_entity_get_end (y) ? -1 : 1;
  return strcmp (ann_entity_get_label (x), ann_entity_get_label (y));
}

static void
assert_store_equals (AnnEntityStore *store,
                     GPtrArray      *reference)
{
  g_autoptr(GPtrArray) all = ann_entity_store_dup_all (store);

  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, reference->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, reference->len);
  g_assert_cmpuint (all->len, ==, reference->len);

  for (guint i = 0; i < reference->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (reference, i);
      guint position = G_MAXUINT;

      g_assert_true (ann_entity_store_get_nth (store, i) == entity);
      g_assert_true (g_ptr_array_index (all, i) == entity);
      g_assert_true (ann_entity_store_get_position (store, entity, &position));
      g_assert_cmpuint (position, ==, i);
    }
}

/* Records every signal of a store as text, and keeps a copy of the list that is updated only
 * from items-changed: if the signals are wrong, the copy drifts from the store. */
typedef struct
{
  AnnEntityStore *store;
  GString        *log;
  GPtrArray      *mirror;
} Watch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  g_string_append_printf (watch->log, "items-changed %u %u %u; ", position, removed, added);

  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (watch->mirror->len, ==, g_list_model_get_n_items (model));
}

static void
on_entity_added (AnnEntityStore *store,
                 AnnEntity      *entity,
                 guint           position,
                 Watch          *watch)
{
  g_string_append_printf (watch->log, "added %s %u; ", ann_entity_get_id (entity), position);
  g_assert_true (ann_entity_store_get_nth (store, position) == entity);
}

static void
on_entity_removed (AnnEntityStore *store,
                   AnnEntity      *entity,
                   guint           position,
                   Watch          *watch)
{
  g_string_append_printf (watch->log, "removed %s %u; ", ann_entity_get_id (entity), position);
  g_assert_false (ann_entity_store_get_position (store, entity, NULL));
  g_assert_null (ann_entity_store_lookup_id (store, ann_entity_get_id (entity)));
}

static Watch *
watch_new (AnnEntityStore *store)
{
  Watch *watch = g_new0 (Watch, 1);
  guint n = ann_entity_store_get_n_entities (store);

  watch->store = g_object_ref (store);
  watch->log = g_string_new (NULL);
  watch->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (watch->mirror, g_object_ref (ann_entity_store_get_nth (store, i)));

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), watch);
  g_signal_connect (store, "entity-added", G_CALLBACK (on_entity_added), watch);
  g_signal_connect (store, "entity-removed", G_CALLBACK (on_entity_removed), watch);

  return watch;
}

static void
watch_free (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->store, watch);
  g_clear_object (&watch->store);
  g_string_free (watch->log, TRUE);
  g_ptr_array_unref (watch->mirror);
  g_free (watch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watch, watch_free)

/* Checks the signals since the last call, and that the copy still matches the store. */
static void
assert_log (Watch      *watch,
            const char *expected)
{
  g_assert_cmpstr (watch->log->str, ==, expected);
  g_string_truncate (watch->log, 0);

  g_assert_cmpuint (watch->mirror->len, ==, ann_entity_store_get_n_entities (watch->store));
  for (guint i = 0; i < watch->mirror->len; i++)
    g_assert_true (g_ptr_array_index (watch->mirror, i) ==
                   ann_entity_store_get_nth (watch->store, i));
}

/* Fifteen entities of ARTICLE: nested, overlapping, with shared starts and ends and one span
 * under two labels. In the order of the file they are:
 *   T15 DATE  "Ngày 21/03/2022"
 *   T6  DATE       "21/03/2022"
 *   T2  ORG   "Ban Thường vụ Tỉnh ủy Đắk Nông"
 *   T9  ORG   "Ban Thường vụ"                     same start, ends earlier
 *   T5  LOC                 "Tỉnh ủy Đắk Nông"    same span as T3, label LOC < ORG
 *   T3  ORG                 "Tỉnh ủy Đắk Nông"
 *   T8  MISC                        "Đắk Nông ban hành"   overlaps T2, T3 and T5
 *   T4  LOC                         "Đắk Nông"
 *   T7  DOC   "Kế hoạch số 39"
 *   T12 DOC   "Kết luận số 21"
 *   T10 EVENT "Hội nghị Trung ương 4 (khóa XIII)"
 *   T11 EVENT "Hội nghị Trung ương 4"
 *   T1  PER   "Vũ Tiến Lư"
 *   T13 ORG   "Tỉnh ủy Đắk Nông" (second)
 *   T14 LOC           "Đắk Nông" (second)
 */
#define SAMPLE_ORDER "T15 T6 T2 T9 T5 T3 T8 T4 T7 T12 T10 T11 T1 T13 T14"

static GPtrArray *
sample_entities (void)
{
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (entities, entity_at ("T1", "PER", "Vũ Tiến Lư", 0));
  g_ptr_array_add (entities, entity_at ("T2", "ORG", "Ban Thường vụ Tỉnh ủy Đắk Nông", 0));
  g_ptr_array_add (entities, entity_at ("T3", "ORG", "Tỉnh ủy Đắk Nông", 0));
  g_ptr_array_add (entities, entity_at ("T4", "LOC", "Đắk Nông", 0));
  g_ptr_array_add (entities, entity_at ("T5", "LOC", "Tỉnh ủy Đắk Nông", 0));
  g_ptr_array_add (entities, entity_at ("T6", "DATE", "21/03/2022", 0));
  g_ptr_array_add (entities, entity_at ("T7", "DOC", "Kế hoạch số 39", 0));
  g_ptr_array_add (entities, entity_at ("T8", "MISC", "Đắk Nông ban hành", 0));
  g_ptr_array_add (entities, entity_at ("T9", "ORG", "Ban Thường vụ", 0));
  g_ptr_array_add (entities, entity_at ("T10", "EVENT", "Hội nghị Trung ương 4 (khóa XIII)", 0));
  g_ptr_array_add (entities, entity_at ("T11", "EVENT", "Hội nghị Trung ương 4", 0));
  g_ptr_array_add (entities, entity_at ("T12", "DOC", "Kết luận số 21", 0));
  g_ptr_array_add (entities, entity_at ("T13", "ORG", "Tỉnh ủy Đắk Nông", 1));
  g_ptr_array_add (entities, entity_at ("T14", "LOC", "Đắk Nông", 1));
  g_ptr_array_add (entities, entity_at ("T15", "DATE", "Ngày 21/03/2022", 0));

  return entities;
}

static AnnEntityStore *
sample_store (void)
{
  g_autoptr(GPtrArray) entities = sample_entities ();
  AnnEntityStore *store = ann_entity_store_new ();

  for (guint i = 0; i < entities->len; i++)
    add_ok (store, g_ptr_array_index (entities, i));

  return store;
}

/* --- order and lookups -------------------------------------------------------------------- */

static void
test_empty (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(GPtrArray) all = ann_entity_store_dup_all (store);
  g_autofree char *next_id = ann_entity_store_next_id (store);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == ANN_TYPE_ENTITY);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 0);
  assert_store_ids (store, "");
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_null (ann_entity_store_lookup_id (store, "T1"));
  g_assert_null (ann_entity_store_find (store, 0, 1, "PER"));
  assert_overlapping (store, 0, 100, "");
  assert_containing (store, 0, 1, "");
  g_assert_cmpstr (next_id, ==, "T1");
}

static void
test_order (void)
{
  g_autoptr(GPtrArray) entities = sample_entities ();
  g_autoptr(AnnEntityStore) forwards = ann_entity_store_new ();
  g_autoptr(AnnEntityStore) backwards = ann_entity_store_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *all_ids = NULL;

  for (guint i = 0; i < entities->len; i++)
    add_ok (forwards, g_ptr_array_index (entities, i));
  assert_store_ids (forwards, SAMPLE_ORDER);

  /* The order depends only on the entities, not on when they came. */
  for (guint i = entities->len; i > 0; i--)
    add_take (backwards, ann_entity_copy (g_ptr_array_index (entities, i - 1)));
  assert_store_ids (backwards, SAMPLE_ORDER);

  all = ann_entity_store_dup_all (forwards);
  all_ids = array_ids (all);
  g_assert_cmpstr (all_ids, ==, SAMPLE_ORDER);
}

static void
test_order_same_start (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();

  /* Same start: the longer first. Same span: by label, in byte order ("Người" < "ORG"). */
  add_take (store, entity_new ("a", "PER", 10, 12));
  add_take (store, entity_new ("b", "PER", 10, 20));
  add_take (store, entity_new ("c", "ORG", 10, 15));
  add_take (store, entity_new ("d", "LOC", 10, 15));
  add_take (store, entity_new ("e", "MISC", 10, 15));
  add_take (store, entity_new ("f", "Người", 10, 15));
  add_take (store, entity_new ("g", "ORG", 9, 11));
  add_take (store, entity_new ("h", "ORG", 11, 30));
  add_take (store, entity_new ("i", "DATE", 10, 11));

  assert_store_ids (store, "g b d e f c a i h");
}

static void
test_lookup (void)
{
  g_autoptr(AnnEntityStore) store = sample_store ();
  g_autoptr(AnnEntity) copy = NULL;
  AnnEntity *entity;
  guint start;
  guint end;
  guint position = G_MAXUINT;

  entity = ann_entity_store_lookup_id (store, "T3");
  g_assert_nonnull (entity);
  g_assert_cmpstr (ann_entity_get_id (entity), ==, "T3");
  g_assert_cmpstr (ann_entity_get_label (entity), ==, "ORG");
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Tỉnh ủy Đắk Nông");

  g_assert_true (ann_entity_store_get_position (store, entity, &position));
  g_assert_cmpuint (position, ==, 5);
  g_assert_true (ann_entity_store_get_nth (store, 5) == entity);

  find_span ("Tỉnh ủy Đắk Nông", 0, &start, &end);
  g_assert_cmpuint (ann_entity_get_start (entity), ==, start);
  g_assert_cmpuint (ann_entity_get_end (entity), ==, end);
  g_assert_true (ann_entity_store_find (store, start, end, "ORG") == entity);
  g_assert_true (ann_entity_store_find (store, start, end, "LOC") ==
                 ann_entity_store_lookup_id (store, "T5"));
  g_assert_null (ann_entity_store_find (store, start, end, "PER"));
  g_assert_null (ann_entity_store_find (store, start, end - 1, "ORG"));
  g_assert_null (ann_entity_store_find (store, start + 1, end, "ORG"));

  /* Every entity is where get_nth says. */
  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *nth = ann_entity_store_get_nth (store, i);

      g_assert_true (ann_entity_store_get_position (store, nth, &position));
      g_assert_cmpuint (position, ==, i);
      g_assert_true (ann_entity_store_lookup_id (store, ann_entity_get_id (nth)) == nth);
      g_assert_true (ann_entity_store_find (store, ann_entity_get_start (nth),
                                            ann_entity_get_end (nth),
                                            ann_entity_get_label (nth)) == nth);
    }

  /* An equal copy is not the entity in the store. */
  copy = ann_entity_copy (entity);
  g_assert_false (ann_entity_store_get_position (store, copy, NULL));

  g_assert_null (ann_entity_store_lookup_id (store, "T16"));
  g_assert_null (ann_entity_store_lookup_id (store, "t3"));
  g_assert_null (ann_entity_store_lookup_id (store, ""));
}

static void
test_small_queries (void)
{
  g_autoptr(AnnEntityStore) store = sample_store ();
  guint start;
  guint end;

  find_span ("Đắk Nông", 0, &start, &end);
  assert_overlapping (store, start, end, "T2 T5 T3 T8 T4");
  assert_containing (store, start, end, "T2 T5 T3 T8 T4");

  find_span ("Nông ban", 0, &start, &end);
  assert_overlapping (store, start, end, "T2 T5 T3 T8 T4");
  assert_containing (store, start, end, "T8");

  /* One character: the "V" of "Vũ". */
  find_span ("Vũ", 0, &start, &end);
  assert_overlapping (store, start, start + 1, "T1");
  assert_containing (store, start, start + 1, "T1");
  assert_overlapping (store, start - 1, start, "");

  /* End is exclusive: the character just after an entity is not in it. */
  find_span ("Ban Thường vụ", 0, &start, &end);
  assert_overlapping (store, end, end + 1, "T2");
  assert_overlapping (store, end - 1, end, "T2 T9");
  assert_containing (store, start, end, "T2 T9");
  assert_containing (store, start - 1, end, "");

  find_span ("21/03/2022", 0, &start, &end);
  assert_overlapping (store, 0, 1, "T15");
  assert_containing (store, start, end, "T15 T6");
  assert_overlapping (store, 0, G_MAXUINT, SAMPLE_ORDER);
  assert_containing (store, 0, G_MAXUINT, "");
  assert_overlapping (store, g_utf8_strlen (ARTICLE, -1), G_MAXUINT, "");
}

/* --- refusals ----------------------------------------------------------------------------- */

static void
test_duplicate_span (void)
{
  g_autoptr(AnnEntityStore) store = sample_store ();
  g_autoptr(Watch) watch = watch_new (store);
  g_autoptr(AnnEntity) duplicate = entity_at ("T20", "ORG", "Tỉnh ủy Đắk Nông", 0);
  g_autoptr(AnnEntity) other_label = entity_at ("T21", "PER", "Tỉnh ủy Đắk Nông", 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (ann_entity_store_add (store, duplicate, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "T20"));
  g_assert_nonnull (strstr (error->message, "T3"));

  /* Nothing changed, nothing was announced, and the refused entity can still be edited. */
  assert_store_ids (store, SAMPLE_ORDER);
  assert_log (watch, "");
  g_assert_null (ann_entity_store_lookup_id (store, "T20"));
  g_assert_false (ann_entity_is_frozen (duplicate));

  /* The same span under a third label is another entity. */
  add_ok (store, other_label);
  assert_store_ids (store, "T15 T6 T2 T9 T5 T3 T21 T8 T4 T7 T12 T10 T11 T1 T13 T14");
  assert_log (watch, "items-changed 6 0 1; added T21 6; ");
}

static void
test_duplicate_id (void)
{
  g_autoptr(AnnEntityStore) store = sample_store ();
  g_autoptr(Watch) watch = watch_new (store);
  g_autoptr(AnnEntity) duplicate = entity_new ("T7", "PER", 500, 510);
  g_autoptr(AnnEntity) same_object = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ann_entity_store_add (store, duplicate, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "T7"));
  g_clear_error (&error);

  /* The entity already in the store, added again. */
  same_object = g_object_ref (ann_entity_store_lookup_id (store, "T1"));
  g_assert_false (ann_entity_store_add (store, same_object, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);

  assert_store_ids (store, SAMPLE_ORDER);
  assert_log (watch, "");
  g_assert_true (ann_entity_store_lookup_id (store, "T7") != duplicate);
  g_assert_false (ann_entity_is_frozen (duplicate));
}

/* --- changes and their signals ------------------------------------------------------------ */

static void
test_add_signals (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(Watch) watch = watch_new (store);

  add_take (store, entity_new ("T1", "PER", 50, 60));
  assert_log (watch, "items-changed 0 0 1; added T1 0; ");
  add_take (store, entity_new ("T2", "ORG", 70, 80));
  assert_log (watch, "items-changed 1 0 1; added T2 1; ");
  add_take (store, entity_new ("T3", "LOC", 10, 20));
  assert_log (watch, "items-changed 0 0 1; added T3 0; ");
  /* Nested in T1: after it. */
  add_take (store, entity_new ("T4", "PER", 50, 55));
  assert_log (watch, "items-changed 2 0 1; added T4 2; ");
  /* Around T1: before it. */
  add_take (store, entity_new ("T5", "ORG", 50, 65));
  assert_log (watch, "items-changed 1 0 1; added T5 1; ");
  add_take (store, entity_new ("T6", "DATE", 100, 110));
  assert_log (watch, "items-changed 5 0 1; added T6 5; ");

  assert_store_ids (store, "T3 T5 T1 T4 T2 T6");
}

static void
test_remove (void)
{
  g_autoptr(AnnEntityStore) store = sample_store ();
  g_autoptr(Watch) watch = watch_new (store);
  g_autoptr(AnnEntity) entity = g_object_ref (ann_entity_store_lookup_id (store, "T3"));
  g_autoptr(AnnEntity) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ann_entity_store_remove (store, entity, &error));
  g_assert_no_error (error);
  assert_log (watch, "items-changed 5 1 0; removed T3 5; ");
  assert_store_ids (store, "T15 T6 T2 T9 T5 T8 T4 T7 T12 T10 T11 T1 T13 T14");
  g_assert_null (ann_entity_store_lookup_id (store, "T3"));
  g_assert_false (ann_entity_store_get_position (store, entity, NULL));

  /* Once gone, it cannot be removed again. */
  g_assert_false (ann_entity_store_remove (store, entity, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_log (watch, "");

  /* Nor can an equal copy of an entity that is in the store. */
  copy = ann_entity_copy (ann_entity_store_lookup_id (store, "T5"));
  g_assert_false (ann_entity_store_remove (store, copy, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_log (watch, "");

  /* The first and the last. */
  g_assert_true (ann_entity_store_remove (store, ann_entity_store_lookup_id (store, "T15"), NULL));
  assert_log (watch, "items-changed 0 1 0; removed T15 0; ");
  g_assert_true (ann_entity_store_remove (store, ann_entity_store_lookup_id (store, "T14"), NULL));
  assert_log (watch, "items-changed 12 1 0; removed T14 12; ");
  assert_store_ids (store, "T6 T2 T9 T5 T8 T4 T7 T12 T10 T11 T1 T13");

  /* Its id is free again, and the entity, frozen as it is, can go back in. */
  add_ok (store, entity);
  assert_log (watch, "items-changed 4 0 1; added T3 4; ");
}

static void
test_replace (void)
{
  g_autoptr(AnnEntityStore) store = sample_store ();
  g_autoptr(Watch) watch = watch_new (store);
  AnnEntity *entity = ann_entity_store_lookup_id (store, "T3");
  g_autoptr(AnnEntity) original = g_object_ref (entity);
  g_autoptr(AnnEntity) noted = ann_entity_copy (entity);
  g_autoptr(AnnEntity) relabelled = NULL;
  g_autoptr(GError) error = NULL;

  /* A new note: same place. */
  ann_entity_set_note (noted, "Cơ quan lãnh đạo của Đảng bộ tỉnh");
  ann_entity_set_status (noted, ANN_ENTITY_STATUS_ACCEPTED);
  g_assert_true (ann_entity_store_replace (store, entity, noted, &error));
  g_assert_no_error (error);
  assert_log (watch, "items-changed 5 1 0; removed T3 5; items-changed 5 0 1; added T3 5; ");
  assert_store_ids (store, SAMPLE_ORDER);
  g_assert_true (ann_entity_store_lookup_id (store, "T3") == noted);
  g_assert_true (ann_entity_is_frozen (noted));
  g_assert_false (ann_entity_store_get_position (store, original, NULL));
  g_assert_cmpstr (ann_entity_get_note (ann_entity_store_get_nth (store, 5)), ==,
                   "Cơ quan lãnh đạo của Đảng bộ tỉnh");

  /* A new label moves it: "DATE" comes before "LOC" and "ORG". */
  relabelled = ann_entity_copy (noted);
  ann_entity_set_label (relabelled, "DATE");
  g_assert_true (ann_entity_store_replace (store, noted, relabelled, &error));
  g_assert_no_error (error);
  assert_log (watch, "items-changed 5 1 0; removed T3 5; items-changed 4 0 1; added T3 4; ");
  assert_store_ids (store, "T15 T6 T2 T9 T3 T5 T8 T4 T7 T12 T10 T11 T1 T13 T14");
  g_assert_cmpstr (ann_entity_get_note (relabelled), ==, "Cơ quan lãnh đạo của Đảng bộ tỉnh");
  g_assert_cmpint (ann_entity_get_status (relabelled), ==, ANN_ENTITY_STATUS_ACCEPTED);
}

static void
test_replace_refused (void)
{
  g_autoptr(AnnEntityStore) store = sample_store ();
  g_autoptr(Watch) watch = watch_new (store);
  AnnEntity *entity = ann_entity_store_lookup_id (store, "T3");
  g_autoptr(AnnEntity) same_span = ann_entity_copy (entity);
  g_autoptr(AnnEntity) same_id = ann_entity_copy (entity);
  g_autoptr(AnnEntity) outsider = entity_new ("T99", "PER", 1, 2);
  g_autoptr(AnnEntity) outsider_copy = entity_new ("T98", "PER", 1, 3);
  g_autoptr(GError) error = NULL;

  /* As LOC it would be T5 again. */
  ann_entity_set_label (same_span, "LOC");
  g_assert_false (ann_entity_store_replace (store, entity, same_span, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Under T7's id. */
  ann_entity_set_id (same_id, "T7");
  ann_entity_set_note (same_id, "ghi chú");
  g_assert_false (ann_entity_store_replace (store, entity, same_id, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* The original stayed in its place, nothing was announced, and the refused replacements were
   * not taken (so not frozen). */
  assert_store_ids (store, SAMPLE_ORDER);
  assert_log (watch, "");
  g_assert_true (ann_entity_store_lookup_id (store, "T3") == entity);
  g_assert_true (ann_entity_store_get_nth (store, 5) == entity);
  g_assert_null (ann_entity_get_note (ann_entity_store_lookup_id (store, "T7")));
  g_assert_false (ann_entity_is_frozen (same_span));
  g_assert_false (ann_entity_is_frozen (same_id));

  /* An entity that is not in the store cannot be replaced. */
  g_assert_false (ann_entity_store_replace (store, outsider, outsider_copy, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND);
  assert_store_ids (store, SAMPLE_ORDER);
  assert_log (watch, "");
  g_assert_null (ann_entity_store_lookup_id (store, "T98"));
}

static void
test_add_all (void)
{
  g_autoptr(GPtrArray) entities = sample_entities ();
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(Watch) watch = watch_new (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (ann_entity_store_add_all (store, entities, &error));
  g_assert_no_error (error);
  assert_log (watch, "items-changed 0 0 15; ");
  assert_store_ids (store, SAMPLE_ORDER);
  for (guint i = 0; i < entities->len; i++)
    g_assert_true (ann_entity_is_frozen (g_ptr_array_index (entities, i)));

  /* Into a store that is not empty: one change over the whole list. */
  g_ptr_array_add (more, entity_new ("T16", "MISC", 0, 1));
  g_ptr_array_add (more, entity_new ("T17", "MISC", 1000, 1001));
  g_assert_true (ann_entity_store_add_all (store, more, &error));
  g_assert_no_error (error);
  assert_log (watch, "items-changed 0 15 17; ");
  assert_store_ids (store, "T15 T16 T6 T2 T9 T5 T3 T8 T4 T7 T12 T10 T11 T1 T13 T14 T17");

  /* Nothing to add: nothing to announce. */
  g_assert_true (ann_entity_store_add_all (store, none, &error));
  g_assert_no_error (error);
  assert_log (watch, "");
}

static void
test_add_all_refused (void)
{
  g_autoptr(AnnEntityStore) store = sample_store ();
  g_autoptr(Watch) watch = watch_new (store);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) twice = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *next_id = NULL;

  /* The third duplicates T4 (LOC "Đắk Nông"); the others are new. */
  g_ptr_array_add (batch, entity_new ("T40", "PER", 300, 310));
  g_ptr_array_add (batch, entity_at ("T41", "PER", "Đắk Nông", 0));
  g_ptr_array_add (batch, entity_at ("T42", "LOC", "Đắk Nông", 0));
  g_ptr_array_add (batch, entity_new ("T43", "PER", 0, 400));

  g_assert_false (ann_entity_store_add_all (store, batch, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "T42"));
  g_clear_error (&error);

  assert_store_ids (store, SAMPLE_ORDER);
  assert_log (watch, "");
  for (guint i = 0; i < batch->len; i++)
    g_assert_null (ann_entity_store_lookup_id (store,
                                               ann_entity_get_id (g_ptr_array_index (batch, i))));
  g_assert_null (ann_entity_store_find (store, 300, 310, "PER"));

  /* Taken back entirely: not even the ids count as used. */
  next_id = ann_entity_store_next_id (store);
  g_assert_cmpstr (next_id, ==, "T16");

  /* Two entities of the same batch with one id. */
  g_ptr_array_add (twice, entity_new ("T50", "PER", 300, 310));
  g_ptr_array_add (twice, entity_new ("T50", "ORG", 320, 330));
  g_assert_false (ann_entity_store_add_all (store, twice, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  assert_store_ids (store, SAMPLE_ORDER);
  assert_log (watch, "");

  /* The store still works after the rollback. */
  add_take (store, entity_new ("T16", "PER", 300, 310));
  assert_log (watch, "items-changed 15 0 1; added T16 15; ");
}

/* --- frozen entities and ids -------------------------------------------------------------- */

static void
test_frozen (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(AnnEntity) entity = entity_at ("T1", "PER", "Vũ Tiến Lư", 0);
  g_autoptr(AnnEntity) copy = NULL;
  const char *annotators[] = { "an", "bình", NULL };

  ann_entity_set_note (entity, "Phó Bí thư Tỉnh ủy");
  ann_entity_set_ref (entity, "Q123");
  ann_entity_set_status (entity, ANN_ENTITY_STATUS_PENDING);
  ann_entity_set_annotators (entity, annotators);
  g_assert_false (ann_entity_is_frozen (entity));

  add_ok (store, entity);
  g_assert_true (ann_entity_is_frozen (entity));

  /* A frozen entity refuses changes. */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*frozen*");
  ann_entity_set_note (entity, "khác");
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*frozen*");
  ann_entity_set_status (entity, ANN_ENTITY_STATUS_REJECTED);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*frozen*");
  ann_entity_set_label (entity, "ORG");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (ann_entity_get_note (entity), ==, "Phó Bí thư Tỉnh ủy");
  g_assert_cmpint (ann_entity_get_status (entity), ==, ANN_ENTITY_STATUS_PENDING);
  g_assert_cmpstr (ann_entity_get_label (entity), ==, "PER");
  g_assert_true (ann_entity_store_find (store, ann_entity_get_start (entity),
                                        ann_entity_get_end (entity), "PER") == entity);

  /* A copy is equal, but free to edit. */
  copy = ann_entity_copy (entity);
  g_assert_false (ann_entity_is_frozen (copy));
  g_assert_true (copy != entity);
  g_assert_cmpint (ann_entity_compare (copy, entity), ==, 0);
  g_assert_cmpstr (ann_entity_get_id (copy), ==, "T1");
  g_assert_cmpstr (ann_entity_get_text (copy), ==, "Vũ Tiến Lư");
  g_assert_cmpstr (ann_entity_get_note (copy), ==, "Phó Bí thư Tỉnh ủy");
  g_assert_cmpstr (ann_entity_get_ref (copy), ==, "Q123");
  g_assert_cmpint (ann_entity_get_status (copy), ==, ANN_ENTITY_STATUS_PENDING);
  g_assert_nonnull (ann_entity_get_annotators (copy));
  g_assert_true (ann_entity_get_annotators (copy) != ann_entity_get_annotators (entity));
  g_assert_true (g_strv_equal ((const char * const *) ann_entity_get_annotators (copy),
                               annotators));

  ann_entity_set_note (copy, "khác");
  ann_entity_set_label (copy, "ORG");
  g_assert_cmpstr (ann_entity_get_note (copy), ==, "khác");
  g_assert_cmpstr (ann_entity_get_note (entity), ==, "Phó Bí thư Tỉnh ủy");
  g_assert_cmpstr (ann_entity_get_label (entity), ==, "PER");
}

static void
check_next_id (AnnEntityStore *store,
               const char     *expected)
{
  g_autofree char *next_id = ann_entity_store_next_id (store);

  g_assert_cmpstr (next_id, ==, expected);
}

static void
test_next_id (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  const char *not_t_ids[] = {
    "E500", "t600", "T", "T7a", "T-800", "T+900", "T 1000", "Tx", "TT1100", "1200", "T12.5",
  };

  check_next_id (store, "T1");

  add_take (store, entity_new ("T3", "PER", 0, 1));
  check_next_id (store, "T4");
  add_take (store, entity_new ("T10", "PER", 1, 2));
  check_next_id (store, "T11");
  add_take (store, entity_new ("T7", "PER", 2, 3));
  check_next_id (store, "T11");

  /* Ids that are not "T" and a number do not count. */
  for (guint i = 0; i < G_N_ELEMENTS (not_t_ids); i++)
    add_take (store, entity_new (not_t_ids[i], "ORG", i, i + 1));
  check_next_id (store, "T11");

  /* Leading zeros are still a number. */
  add_take (store, entity_new ("T0042", "LOC", 0, 1));
  check_next_id (store, "T43");

  /* The next id is one that is free. */
  {
    g_autofree char *next_id = ann_entity_store_next_id (store);

    g_assert_null (ann_entity_store_lookup_id (store, next_id));
    add_take (store, entity_new (next_id, "DATE", 5, 6));
    check_next_id (store, "T44");
  }
}

/* --- randomised checks against brute force ------------------------------------------------ */

#define TEXT_LENGTH 5000

static AnnEntity *
random_entity (GRand *rand,
               guint  serial,
               guint  text_length)
{
  g_autofree char *id = g_strdup_printf ("T%u", serial);
  guint start = g_rand_int_range (rand, 0, text_length);
  guint kind = g_rand_int_range (rand, 0, 100);
  guint max_length = kind < 70 ? 20 : kind < 95 ? 200 : text_length;
  guint length = g_rand_int_range (rand, 1, max_length + 1);
  const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];

  return entity_new (id, label, start, MIN (start + length, text_length));
}

static char *
entity_key (AnnEntity *entity)
{
  return g_strdup_printf ("%u %u %s", ann_entity_get_start (entity), ann_entity_get_end (entity),
                          ann_entity_get_label (entity));
}

/* Fills @store with about @n random entities and returns them sorted by reference_compare(). */
static GPtrArray *
fill_random (AnnEntityStore *store,
             GRand          *rand,
             guint           n,
             guint           text_length)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *reference = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(AnnEntity) entity = random_entity (rand, i, text_length);
      char *key = entity_key (entity);
      gboolean duplicate = g_hash_table_contains (keys, key);
      g_autoptr(GError) error = NULL;
      gboolean added;

      added = ann_entity_store_add (store, entity, &error);
      g_assert_cmpint (added, ==, !duplicate);
      if (duplicate)
        {
          g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
          g_free (key);
          continue;
        }
      g_assert_no_error (error);
      g_hash_table_add (keys, key);
      g_ptr_array_add (reference, g_object_ref (entity));
    }

  g_ptr_array_sort (reference, reference_compare);
  assert_store_equals (store, reference);

  return reference;
}

static void
assert_same_entities (GPtrArray *got,
                      GPtrArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_true (g_ptr_array_index (got, i) == g_ptr_array_index (expected, i));
}

static void
check_queries (AnnEntityStore *store,
               GPtrArray      *reference,
               guint           start,
               guint           end)
{
  g_autoptr(GPtrArray) overlapping = ann_entity_store_get_overlapping (store, start, end);
  g_autoptr(GPtrArray) containing = ann_entity_store_get_containing (store, start, end);
  g_autoptr(GPtrArray) expected_overlapping = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected_containing = g_ptr_array_new ();

  for (guint i = 0; i < reference->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (reference, i);
      guint entity_start = ann_entity_get_start (entity);
      guint entity_end = ann_entity_get_end (entity);

      if (entity_start < end && entity_end > start)
        g_ptr_array_add (expected_overlapping, entity);
      if (entity_start <= start && entity_end >= end)
        g_ptr_array_add (expected_containing, entity);
    }

  assert_same_entities (overlapping, expected_overlapping);
  assert_same_entities (containing, expected_containing);
}

static void
check_random_queries (AnnEntityStore *store,
                      GPtrArray      *reference,
                      GRand          *rand,
                      guint           text_length)
{
  /* Every point [p, p + 1), including the ends of the text. */
  for (guint p = 0; p <= text_length; p++)
    check_queries (store, reference, p, p + 1);

  for (guint i = 0; i < 2000; i++)
    {
      guint start = g_rand_int_range (rand, 0, text_length + 10);
      guint max_length = i % 10 == 0 ? text_length : 50;
      guint end = start + g_rand_int_range (rand, 1, max_length + 1);

      check_queries (store, reference, start, end);
    }

  check_queries (store, reference, 0, text_length);
  check_queries (store, reference, 0, G_MAXUINT);
  check_queries (store, reference, G_MAXUINT - 1, G_MAXUINT);
}

static void
test_random_queries (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20220321);
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(GPtrArray) reference = fill_random (store, rand, 4000, TEXT_LENGTH);

  g_assert_cmpuint (reference->len, >, 3500);
  check_random_queries (store, reference, rand, TEXT_LENGTH);
}

static void
test_huge_entity (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (39);
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(GPtrArray) reference = fill_random (store, rand, 2000, TEXT_LENGTH);
  g_autoptr(AnnEntity) whole = entity_new ("whole", "DOC", 0, TEXT_LENGTH + 100);
  g_autoptr(AnnEntity) huge = entity_new ("huge", "MISC", 1, G_MAXUINT);

  /* One entity over the whole text, one to the end of what a guint can say. */
  add_ok (store, whole);
  add_ok (store, huge);
  g_ptr_array_add (reference, g_object_ref (whole));
  g_ptr_array_add (reference, g_object_ref (huge));
  g_ptr_array_sort (reference, reference_compare);
  assert_store_equals (store, reference);
  g_assert_true (ann_entity_store_get_nth (store, 0) == whole);

  check_random_queries (store, reference, rand, TEXT_LENGTH);
  assert_containing (store, 0, TEXT_LENGTH, "whole");
  assert_containing (store, TEXT_LENGTH + 50, G_MAXUINT, "huge");
  assert_overlapping (store, G_MAXUINT - 1, G_MAXUINT, "huge");

  /* The same with only the huge entities. */
  {
    g_autoptr(AnnEntityStore) alone = ann_entity_store_new ();

    add_take (alone, ann_entity_copy (huge));
    add_take (alone, ann_entity_copy (whole));
    assert_store_ids (alone, "whole huge");
    assert_overlapping (alone, 0, 1, "whole");
    assert_overlapping (alone, 1, 2, "whole huge");
    assert_containing (alone, 0, 2, "whole");
    assert_containing (alone, 1, TEXT_LENGTH + 100, "whole huge");
    assert_overlapping (alone, TEXT_LENGTH + 100, TEXT_LENGTH + 101, "huge");
  }
}

/* Where @entity goes in @reference, which is sorted. */
static guint
reference_insertion_point (GPtrArray *reference,
                           AnnEntity *entity)
{
  guint i = 0;

  while (i < reference->len && reference_compare (&g_ptr_array_index (reference, i), &entity) < 0)
    i++;
  return i;
}

static void
test_random_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2022);
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(Watch) watch = watch_new (store);
  g_autoptr(GPtrArray) reference = g_ptr_array_new_with_free_func (g_object_unref);
  guint serial = 0;
  guint n_refused = 0;

  for (guint step = 0; step < 6000; step++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected_log = NULL;

      if (reference->len == 0 || g_rand_int_range (rand, 0, 100) < 55)
        {
          /* A small text and three labels, so that duplicates are common. */
          g_autoptr(AnnEntity) entity = NULL;
          guint start = g_rand_int_range (rand, 0, 300);
          guint end = start + g_rand_int_range (rand, 1, 30);
          const char *label = labels[g_rand_int_range (rand, 0, 3)];
          gboolean reuse_id = reference->len > 0 && g_rand_int_range (rand, 0, 100) < 5;
          g_autofree char *id = NULL;
          AnnEntity *same = NULL;
          guint position;

          if (reuse_id)
            {
              guint other = g_rand_int_range (rand, 0, reference->len);

              id = g_strdup (ann_entity_get_id (g_ptr_array_index (reference, other)));
            }
          else
            id = g_strdup_printf ("T%u", ++serial);
          entity = ann_entity_new (id, label, start, end, "Tỉnh ủy Đắk Nông");

          position = reference_insertion_point (reference, entity);
          if (position < reference->len &&
              reference_compare (&g_ptr_array_index (reference, position), &entity) == 0)
            same = g_ptr_array_index (reference, position);

          if (reuse_id || same != NULL)
            {
              g_assert_false (ann_entity_store_add (store, entity, &error));
              g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
              g_assert_false (ann_entity_is_frozen (entity));
              expected_log = g_strdup ("");
              n_refused++;
            }
          else
            {
              g_assert_true (ann_entity_store_add (store, entity, &error));
              g_assert_no_error (error);
              g_ptr_array_insert (reference, position, g_object_ref (entity));
              expected_log = g_strdup_printf ("items-changed %u 0 1; added %s %u; ",
                                              position, id, position);
            }
        }
      else
        {
          guint position = g_rand_int_range (rand, 0, reference->len);
          g_autoptr(AnnEntity) entity = g_object_ref (g_ptr_array_index (reference, position));

          g_assert_true (ann_entity_store_remove (store, entity, &error));
          g_assert_no_error (error);
          g_ptr_array_remove_index (reference, position);
          expected_log = g_strdup_printf ("items-changed %u 1 0; removed %s %u; ",
                                          position, ann_entity_get_id (entity), position);
        }

      assert_log (watch, expected_log);
      g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, reference->len);
      if (step % 100 == 0)
        assert_store_equals (store, reference);
    }

  assert_store_equals (store, reference);
  g_assert_cmpuint (n_refused, >, 100);
  g_assert_cmpuint (reference->len, >, 100);

  /* Emptied one by one from the front. */
  while (reference->len > 0)
    {
      g_assert_true (ann_entity_store_remove (store, g_ptr_array_index (reference, 0), NULL));
      g_ptr_array_remove_index (reference, 0);
    }
  assert_store_equals (store, reference);
  assert_overlapping (store, 0, G_MAXUINT, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity-store/empty", test_empty);
  g_test_add_func ("/entity-store/order", test_order);
  g_test_add_func ("/entity-store/order-same-start", test_order_same_start);
  g_test_add_func ("/entity-store/lookup", test_lookup);
  g_test_add_func ("/entity-store/small-queries", test_small_queries);
  g_test_add_func ("/entity-store/duplicate-span", test_duplicate_span);
  g_test_add_func ("/entity-store/duplicate-id", test_duplicate_id);
  g_test_add_func ("/entity-store/add-signals", test_add_signals);
  g_test_add_func ("/entity-store/remove", test_remove);
  g_test_add_func ("/entity-store/replace", test_replace);
  g_test_add_func ("/entity-store/replace-refused", test_replace_refused);
  g_test_add_func ("/entity-store/add-all", test_add_all);
  g_test_add_func ("/entity-store/add-all-refused", test_add_all_refused);
  g_test_add_func ("/entity-store/frozen", test_frozen);
  g_test_add_func ("/entity-store/next-id", test_next_id);
  g_test_add_func ("/entity-store/random-queries", test_random_queries);
  g_test_add_func ("/entity-store/huge-entity", test_huge_entity);
  g_test_add_func ("/entity-store/random-edits", test_random_edits);

  return g_test_run ();
}
