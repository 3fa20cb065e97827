/* test-history.c: undo, redo, groups and the modified state of AnnHistory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-error.h"
#include "ann-history.h"

/* "Tỉnh ủy Đắk Nông" appears three times, for "tag all occurrences". */
#define ARTICLE \
  "Ban Thường vụ Tỉnh ủy Đắk Nông ban hành Kế hoạch số 39. Đồng chí Vũ Tiến Lư, " \
  "Phó Bí thư Tỉnh ủy Đắk Nông, chủ trì; Tỉnh ủy Đắk Nông giao Ban Tuyên giáo Huyện ủy " \
  "Đắk Glong theo dõi."

/* --- helpers ------------------------------------------------------------------------------ */

static AnnEntity *
entity_at (const char *id,
           const char *label,
           const char *needle,
           guint       nth)
{
  const char *p = ARTICLE;
  guint start;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (nth-- == 0)
        break;
      p++;
    }

  start = g_utf8_pointer_to_offset (ARTICLE, p);
  return ann_entity_new (id, label, start, start + g_utf8_strlen (needle, -1), needle);
}

/* Everything the history must restore, one entity a line, in the order of the store. */
static char *
snapshot (AnnEntityStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, i);
      const char *status = ann_entity_status_to_string (ann_entity_get_status (entity));

      g_string_append_printf (out, "%s %s %u %u note=%s status=%s ref=%s “%s”\n",
                              ann_entity_get_id (entity),
                              ann_entity_get_label (entity),
                              ann_entity_get_start (entity),
                              ann_entity_get_end (entity),
                              ann_entity_get_note (entity) ? ann_entity_get_note (entity) : "-",
                              status ? status : "-",
                              ann_entity_get_ref (entity) ? ann_entity_get_ref (entity) : "-",
                              ann_entity_get_text (entity));
    }

  return g_string_free (out, FALSE);
}

static void
assert_snapshot (AnnEntityStore *store,
                 const char     *expected)
{
  g_autofree char *now = snapshot (store);

  g_assert_cmpstr (now, ==, expected);
}

/* Records the notifications of can-undo, can-redo and modified with their new values. */
typedef struct
{
  AnnHistory *history;
  GString    *log;
} Watch;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Watch      *watch)
{
  gboolean value = FALSE;

  g_object_get (object, pspec->name, &value, NULL);
  g_string_append_printf (watch->log, "%s=%d ", pspec->name, value);
}

static Watch *
watch_new (AnnHistory *history)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->history = g_object_ref (history);
  watch->log = g_string_new (NULL);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (on_notify), watch);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (on_notify), watch);
  g_signal_connect (history, "notify::modified", G_CALLBACK (on_notify), watch);

  return watch;
}

static void
watch_free (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->history, watch);
  g_clear_object (&watch->history);
  g_string_free (watch->log, TRUE);
  g_free (watch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watch, watch_free)

/* Checks the notifications since the last call, and the three states. */
static void
assert_state (Watch      *watch,
              const char *notifications,
              gboolean    can_undo,
              gboolean    can_redo,
              gboolean    modified)
{
  gboolean property_value = !modified;

  g_assert_cmpstr (watch->log->str, ==, notifications);
  g_string_truncate (watch->log, 0);

  g_assert_cmpint (ann_history_can_undo (watch->history), ==, can_undo);
  g_assert_cmpint (ann_history_can_redo (watch->history), ==, can_redo);
  g_assert_cmpint (ann_history_get_modified (watch->history), ==, modified);
  g_object_get (watch->history, "modified", &property_value, NULL);
  g_assert_cmpint (property_value, ==, modified);
}

static void
history_add_ok (AnnHistory *history,
                AnnEntity  *entity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ann_history_add (history, entity, &error));
  g_assert_no_error (error);
}

/* Adds @entity, which the caller gives away. */
static void
history_add_take (AnnHistory *history,
                  AnnEntity  *entity)
{
  g_autoptr(AnnEntity) owned = entity;

  history_add_ok (history, owned);
}

/* A store with three entities, as if loaded from a file, and a history of it. */
static AnnHistory *
sample_history (void)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(AnnEntity) per = entity_at ("T1", "PER", "Vũ Tiến Lư", 0);
  g_autoptr(AnnEntity) org = entity_at ("T2", "ORG", "Tỉnh ủy Đắk Nông", 0);
  g_autoptr(AnnEntity) doc = entity_at ("T3", "DOC", "Kế hoạch số 39", 0);

  ann_entity_set_note (org, "cơ quan");
  ann_entity_set_status (doc, ANN_ENTITY_STATUS_PENDING);
  g_assert_true (ann_entity_store_add (store, per, NULL));
  g_assert_true (ann_entity_store_add (store, org, NULL));
  g_assert_true (ann_entity_store_add (store, doc, NULL));

  return ann_history_new (store);
}

/* --- single steps ------------------------------------------------------------------------- */

static void
test_initial (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  g_autoptr(AnnEntityStore) store = NULL;

  g_object_get (history, "store", &store, NULL);
  g_assert_true (store == ann_history_get_store (history));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 3);

  assert_state (watch, "", FALSE, FALSE, FALSE);
  g_assert_false (ann_history_undo (history));
  g_assert_false (ann_history_redo (history));
  assert_state (watch, "", FALSE, FALSE, FALSE);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 3);
}

static void
test_add (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  g_autoptr(AnnEntity) entity = entity_at ("T4", "LOC", "Đắk Glong", 0);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;

  history_add_ok (history, entity);
  after = snapshot (store);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (ann_entity_store_lookup_id (store, "T4") == entity);
  assert_state (watch, "can-undo=1 modified=1 ", TRUE, FALSE, TRUE);

  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, before);
  g_assert_null (ann_entity_store_lookup_id (store, "T4"));
  assert_state (watch, "can-undo=0 can-redo=1 modified=0 ", FALSE, TRUE, FALSE);

  g_assert_true (ann_history_redo (history));
  assert_snapshot (store, after);
  g_assert_true (ann_entity_store_lookup_id (store, "T4") == entity);
  assert_state (watch, "can-undo=1 can-redo=0 modified=1 ", TRUE, FALSE, TRUE);
  g_assert_false (ann_history_redo (history));
}

static void
test_remove (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  AnnEntity *entity = ann_entity_store_lookup_id (store, "T2");
  g_autofree char *before = snapshot (store);
  g_autoptr(GError) error = NULL;
  guint old_position;
  guint position;

  /* The history holds the only other reference to the entity once it is removed. */
  g_assert_true (ann_entity_store_get_position (store, entity, &old_position));
  g_assert_true (ann_history_remove (history, entity, &error));
  g_assert_no_error (error);
  g_assert_null (ann_entity_store_lookup_id (store, "T2"));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 2);
  assert_state (watch, "can-undo=1 modified=1 ", TRUE, FALSE, TRUE);

  /* The very entity comes back, with its note, in its place. */
  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, before);
  g_assert_true (ann_entity_store_lookup_id (store, "T2") == entity);
  g_assert_true (ann_entity_store_get_position (store, entity, &position));
  g_assert_cmpuint (position, ==, old_position);
  assert_state (watch, "can-undo=0 can-redo=1 modified=0 ", FALSE, TRUE, FALSE);

  g_assert_true (ann_history_redo (history));
  g_assert_null (ann_entity_store_lookup_id (store, "T2"));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 2);
  assert_state (watch, "can-undo=1 can-redo=0 modified=1 ", TRUE, FALSE, TRUE);
}

static void
test_replace (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  AnnEntity *entity = ann_entity_store_lookup_id (store, "T2");
  g_autoptr(AnnEntity) replacement = ann_entity_copy (entity);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  ann_entity_set_label (replacement, "LOC");
  ann_entity_set_note (replacement, "tỉnh");
  ann_entity_set_status (replacement, ANN_ENTITY_STATUS_REJECTED);
  ann_entity_set_ref (replacement, "Q31169");

  g_assert_true (ann_history_replace (history, entity, replacement, &error));
  g_assert_no_error (error);
  after = snapshot (store);
  g_assert_nonnull (strstr (after, "T2 LOC"));
  g_assert_nonnull (strstr (after, "note=tỉnh status=rejected ref=Q31169"));
  g_assert_null (strstr (after, "T2 ORG"));
  assert_state (watch, "can-undo=1 modified=1 ", TRUE, FALSE, TRUE);

  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, before);
  g_assert_true (ann_entity_store_lookup_id (store, "T2") == entity);
  g_assert_cmpstr (ann_entity_get_note (entity), ==, "cơ quan");
  assert_state (watch, "can-undo=0 can-redo=1 modified=0 ", FALSE, TRUE, FALSE);

  g_assert_true (ann_history_redo (history));
  assert_snapshot (store, after);
  g_assert_true (ann_entity_store_lookup_id (store, "T2") == replacement);
  assert_state (watch, "can-undo=1 can-redo=0 modified=1 ", TRUE, FALSE, TRUE);
}

/* --- groups ------------------------------------------------------------------------------- */

static void
test_group (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;

  /* Tag all occurrences of "Tỉnh ủy Đắk Nông" (the first is T2) and of the place in it. */
  ann_history_begin_group (history);
  history_add_take (history, entity_at ("T4", "ORG", "Tỉnh ủy Đắk Nông", 1));
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 2));
  history_add_take (history, entity_at ("T6", "LOC", "Đắk Nông", 0));
  history_add_take (history, entity_at ("T7", "LOC", "Đắk Nông", 1));
  history_add_take (history, entity_at ("T8", "LOC", "Đắk Nông", 2));
  /* Nothing is announced before the group is closed. */
  assert_state (watch, "", FALSE, FALSE, FALSE);
  ann_history_end_group (history);

  after = snapshot (store);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 8);
  assert_state (watch, "can-undo=1 modified=1 ", TRUE, FALSE, TRUE);

  /* One undo takes the whole group. */
  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, before);
  assert_state (watch, "can-undo=0 can-redo=1 modified=0 ", FALSE, TRUE, FALSE);

  g_assert_true (ann_history_redo (history));
  assert_snapshot (store, after);
  assert_state (watch, "can-undo=1 can-redo=0 modified=1 ", TRUE, FALSE, TRUE);
}

static void
test_group_mixed (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  AnnEntityStore *store = ann_history_get_store (history);
  AnnEntity *per = ann_entity_store_lookup_id (store, "T1");
  AnnEntity *org = ann_entity_store_lookup_id (store, "T2");
  g_autoptr(AnnEntity) org_copy = ann_entity_copy (org);
  g_autoptr(AnnEntity) org_copy2 = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;

  /* A group that adds, replaces the same entity twice and removes: undone backwards. */
  ann_history_begin_group (history);
  history_add_take (history, entity_at ("T4", "LOC", "Đắk Nông", 0));
  ann_entity_set_note (org_copy, "một");
  g_assert_true (ann_history_replace (history, org, org_copy, NULL));
  org_copy2 = ann_entity_copy (org_copy);
  ann_entity_set_label (org_copy2, "MISC");
  g_assert_true (ann_history_replace (history, org_copy, org_copy2, NULL));
  g_assert_true (ann_history_remove (history, per, NULL));
  g_assert_true (ann_history_remove (history, ann_entity_store_lookup_id (store, "T4"), NULL));
  ann_history_end_group (history);

  after = snapshot (store);
  g_assert_cmpstr (after, ==,
                   "T2 MISC 14 30 note=một status=- ref=- “Tỉnh ủy Đắk Nông”\n"
                   "T3 DOC 40 54 note=- status=pending ref=- “Kế hoạch số 39”\n");

  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, before);
  g_assert_true (ann_entity_store_lookup_id (store, "T2") == org);
  g_assert_false (ann_history_can_undo (history));

  g_assert_true (ann_history_redo (history));
  assert_snapshot (store, after);
}

static void
test_nested_groups (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;

  history_add_take (history, entity_at ("T4", "LOC", "Đắk Glong", 0));
  assert_state (watch, "can-undo=1 modified=1 ", TRUE, FALSE, TRUE);
  g_free (before);
  before = snapshot (store);

  ann_history_begin_group (history);
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 1));
  ann_history_begin_group (history);
  history_add_take (history, entity_at ("T6", "ORG", "Tỉnh ủy Đắk Nông", 2));
  ann_history_begin_group (history);
  history_add_take (history, entity_at ("T7", "LOC", "Đắk Nông", 2));
  ann_history_end_group (history);
  ann_history_end_group (history);
  /* The inner groups closed, the outer one is still open. */
  history_add_take (history, entity_at ("T8", "LOC", "Đắk Nông", 1));
  ann_history_end_group (history);
  after = snapshot (store);
  assert_state (watch, "", TRUE, FALSE, TRUE);

  /* The four adds are one step, T4 another. */
  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, before);
  g_assert_nonnull (ann_entity_store_lookup_id (store, "T4"));
  assert_state (watch, "can-redo=1 ", TRUE, TRUE, TRUE);

  g_assert_true (ann_history_undo (history));
  g_assert_null (ann_entity_store_lookup_id (store, "T4"));
  assert_state (watch, "can-undo=0 modified=0 ", FALSE, TRUE, FALSE);

  g_assert_true (ann_history_redo (history));
  g_assert_true (ann_history_redo (history));
  assert_snapshot (store, after);
  assert_state (watch, "can-undo=1 modified=1 can-redo=0 ", TRUE, FALSE, TRUE);
}

static void
test_empty_group (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  g_autofree char *before = snapshot (store);

  ann_history_begin_group (history);
  ann_history_end_group (history);
  assert_state (watch, "", FALSE, FALSE, FALSE);

  ann_history_begin_group (history);
  ann_history_begin_group (history);
  ann_history_end_group (history);
  ann_history_end_group (history);
  assert_state (watch, "", FALSE, FALSE, FALSE);
  assert_snapshot (store, before);

  /* An empty group does not count as an edit: the redo stack stays. */
  history_add_take (history, entity_at ("T4", "LOC", "Đắk Glong", 0));
  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-undo=1 modified=1 can-undo=0 can-redo=1 modified=0 ",
                FALSE, TRUE, FALSE);
  ann_history_begin_group (history);
  ann_history_end_group (history);
  assert_state (watch, "", FALSE, TRUE, FALSE);
  g_assert_true (ann_history_redo (history));
  g_assert_nonnull (ann_entity_store_lookup_id (store, "T4"));
}

static void
test_undo_in_group (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  AnnEntityStore *store = ann_history_get_store (history);

  history_add_take (history, entity_at ("T4", "LOC", "Đắk Glong", 0));

  /* Undo while a group is open would split it: refused. */
  ann_history_begin_group (history);
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 1));
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*group_depth*");
  g_assert_false (ann_history_undo (history));
  g_test_assert_expected_messages ();
  ann_history_end_group (history);

  g_assert_nonnull (ann_entity_store_lookup_id (store, "T4"));
  g_assert_nonnull (ann_entity_store_lookup_id (store, "T5"));
  g_assert_true (ann_history_undo (history));
  g_assert_nonnull (ann_entity_store_lookup_id (store, "T4"));
  g_assert_null (ann_entity_store_lookup_id (store, "T5"));
}

/* --- failures ----------------------------------------------------------------------------- */

static void
test_failed_step (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  g_autoptr(AnnEntity) same_span = entity_at ("T9", "ORG", "Tỉnh ủy Đắk Nông", 0);
  g_autoptr(AnnEntity) same_id = entity_at ("T1", "LOC", "Đắk Glong", 0);
  g_autoptr(AnnEntity) outsider = entity_at ("T10", "LOC", "Đắk Glong", 0);
  g_autoptr(AnnEntity) bad_copy = NULL;
  g_autofree char *before = snapshot (store);
  g_autoptr(GError) error = NULL;

  /* Outside a group: no step, no change, no notification. */
  g_assert_false (ann_history_add (history, same_span, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (ann_history_add (history, same_id, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (ann_history_remove (history, outsider, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  bad_copy = ann_entity_copy (ann_entity_store_lookup_id (store, "T3"));
  ann_entity_set_id (bad_copy, "T2");
  g_assert_false (ann_history_replace (history, ann_entity_store_lookup_id (store, "T3"),
                                       bad_copy, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_clear_error (&error);
  assert_snapshot (store, before);
  assert_state (watch, "", FALSE, FALSE, FALSE);

  /* Inside a group: the group keeps the steps that worked, only those. */
  ann_history_begin_group (history);
  history_add_take (history, entity_at ("T4", "ORG", "Tỉnh ủy Đắk Nông", 1));
  g_assert_false (ann_history_add (history, same_span, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);
  g_clear_error (&error);
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 2));
  ann_history_end_group (history);
  assert_state (watch, "can-undo=1 modified=1 ", TRUE, FALSE, TRUE);

  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, before);
  g_assert_true (ann_history_redo (history));
  g_assert_nonnull (ann_entity_store_lookup_id (store, "T4"));
  g_assert_nonnull (ann_entity_store_lookup_id (store, "T5"));
  g_assert_null (ann_entity_store_lookup_id (store, "T9"));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 5);

  /* A group of nothing but failures leaves no step. */
  g_assert_true (ann_history_undo (history));
  g_assert_true (ann_history_redo (history));
  g_string_truncate (watch->log, 0);
  ann_history_begin_group (history);
  g_assert_false (ann_history_add (history, same_span, NULL));
  ann_history_end_group (history);
  assert_state (watch, "", TRUE, FALSE, TRUE);
  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, before);
  g_assert_false (ann_history_can_undo (history));
}

/* --- undo and redo stacks, modified ------------------------------------------------------- */

static void
test_new_edit_clears_redo (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);

  history_add_take (history, entity_at ("T4", "LOC", "Đắk Glong", 0));
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 1));
  g_assert_true (ann_history_undo (history));
  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-undo=1 modified=1 can-redo=1 can-undo=0 modified=0 ",
                FALSE, TRUE, FALSE);

  history_add_take (history, entity_at ("T6", "LOC", "Đắk Nông", 0));
  assert_state (watch, "can-undo=1 can-redo=0 modified=1 ", TRUE, FALSE, TRUE);
  g_assert_false (ann_history_redo (history));
  g_assert_null (ann_entity_store_lookup_id (store, "T4"));
  g_assert_null (ann_entity_store_lookup_id (store, "T5"));

  g_assert_true (ann_history_undo (history));
  g_assert_false (ann_history_can_undo (history));
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 3);
}

static void
test_saved (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);

  history_add_take (history, entity_at ("T4", "LOC", "Đắk Glong", 0));
  assert_state (watch, "can-undo=1 modified=1 ", TRUE, FALSE, TRUE);

  ann_history_mark_saved (history);
  assert_state (watch, "modified=0 ", TRUE, FALSE, FALSE);
  ann_history_mark_saved (history);
  assert_state (watch, "", TRUE, FALSE, FALSE);

  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-undo=0 can-redo=1 modified=1 ", FALSE, TRUE, TRUE);
  g_assert_true (ann_history_redo (history));
  assert_state (watch, "can-undo=1 can-redo=0 modified=0 ", TRUE, FALSE, FALSE);

  /* An edit after the save, and its undo. */
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 1));
  assert_state (watch, "modified=1 ", TRUE, FALSE, TRUE);
  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-redo=1 modified=0 ", TRUE, TRUE, FALSE);
}

static void
test_saved_state_unreachable (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);

  history_add_take (history, entity_at ("T4", "LOC", "Đắk Glong", 0));
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 1));
  ann_history_mark_saved (history);
  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-undo=1 modified=1 modified=0 can-redo=1 modified=1 ",
                TRUE, TRUE, TRUE);

  /* The saved state (T4 and T5) was on the redo stack, which a new edit drops: no sequence
   * of undo and redo can reach it any more, so the store stays modified. */
  history_add_take (history, entity_at ("T6", "LOC", "Đắk Nông", 0));
  assert_state (watch, "can-redo=0 ", TRUE, FALSE, TRUE);
  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-redo=1 ", TRUE, TRUE, TRUE);
  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-undo=0 ", FALSE, TRUE, TRUE);
  g_assert_true (ann_history_redo (history));
  g_assert_true (ann_history_redo (history));
  assert_state (watch, "can-undo=1 can-redo=0 ", TRUE, FALSE, TRUE);

  /* Until the next save. */
  ann_history_mark_saved (history);
  assert_state (watch, "modified=0 ", TRUE, FALSE, FALSE);
}

static void
test_saved_state_kept (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  g_autofree char *saved = NULL;

  /* Saved with T4; T5 added and undone; T6 added instead. The saved state is one undo away. */
  history_add_take (history, entity_at ("T4", "LOC", "Đắk Glong", 0));
  ann_history_mark_saved (history);
  saved = snapshot (store);
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 1));
  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-undo=1 modified=1 modified=0 modified=1 can-redo=1 modified=0 ",
                TRUE, TRUE, FALSE);

  history_add_take (history, entity_at ("T6", "LOC", "Đắk Nông", 0));
  assert_state (watch, "can-redo=0 modified=1 ", TRUE, FALSE, TRUE);
  g_assert_true (ann_history_undo (history));
  assert_snapshot (store, saved);
  assert_state (watch, "can-redo=1 modified=0 ", TRUE, TRUE, FALSE);

  /* Saved with nothing undone... then everything undone and a new edit: still reachable. */
  g_assert_true (ann_history_undo (history));
  ann_history_mark_saved (history);
  assert_state (watch, "can-undo=0 modified=1 modified=0 ", FALSE, TRUE, FALSE);
  history_add_take (history, entity_at ("T7", "LOC", "Đắk Nông", 1));
  assert_state (watch, "can-undo=1 can-redo=0 modified=1 ", TRUE, FALSE, TRUE);
  g_assert_true (ann_history_undo (history));
  assert_state (watch, "can-undo=0 can-redo=1 modified=0 ", FALSE, TRUE, FALSE);
  g_assert_cmpuint (ann_entity_store_get_n_entities (store), ==, 3);
}

static void
test_clear (void)
{
  g_autoptr(AnnHistory) history = sample_history ();
  g_autoptr(Watch) watch = watch_new (history);
  AnnEntityStore *store = ann_history_get_store (history);
  g_autofree char *before = NULL;

  history_add_take (history, entity_at ("T4", "LOC", "Đắk Glong", 0));
  history_add_take (history, entity_at ("T5", "ORG", "Tỉnh ủy Đắk Nông", 1));
  g_assert_true (ann_history_undo (history));
  g_string_truncate (watch->log, 0);
  before = snapshot (store);

  /* The store stays as it is, and counts as saved. */
  ann_history_clear (history);
  assert_snapshot (store, before);
  assert_state (watch, "can-undo=0 can-redo=0 modified=0 ", FALSE, FALSE, FALSE);
  g_assert_false (ann_history_undo (history));
  g_assert_false (ann_history_redo (history));
  g_assert_nonnull (ann_entity_store_lookup_id (store, "T4"));

  ann_history_clear (history);
  assert_state (watch, "", FALSE, FALSE, FALSE);

  /* Cleared after a save that is then lost: the present state is the saved one. */
  ann_history_mark_saved (history);
  history_add_take (history, entity_at ("T6", "LOC", "Đắk Nông", 0));
  g_assert_true (ann_history_undo (history));
  history_add_take (history, entity_at ("T7", "LOC", "Đắk Nông", 1));
  ann_history_mark_saved (history);
  history_add_take (history, entity_at ("T8", "LOC", "Đắk Nông", 2));
  g_string_truncate (watch->log, 0);
  ann_history_clear (history);
  assert_state (watch, "can-undo=0 modified=0 ", FALSE, FALSE, FALSE);
  g_assert_nonnull (ann_entity_store_lookup_id (store, "T8"));
}

/* --- random edits against a list of snapshots --------------------------------------------- */

static const char *labels[] = { "PER", "LOC", "ORG" };

/* One random edit through the history; returns whether the store took it. */
static gboolean
random_edit (AnnHistory *history,
             GRand      *rand,
             guint      *serial)
{
  AnnEntityStore *store = ann_history_get_store (history);
  guint n = ann_entity_store_get_n_entities (store);
  guint kind = g_rand_int_range (rand, 0, 100);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (n == 0 || kind < 50)
    {
      guint start = g_rand_int_range (rand, 0, 40);
      guint end = start + g_rand_int_range (rand, 1, 6);
      const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];
      g_autofree char *id = g_strdup_printf ("T%u", ++*serial);
      g_autoptr(AnnEntity) entity = ann_entity_new (id, label, start, end, "Vũ Tiến Lư");

      ok = ann_history_add (history, entity, &error);
    }
  else if (kind < 75)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, g_rand_int_range (rand, 0, n));

      ok = ann_history_remove (history, entity, &error);
      g_assert_true (ok);
    }
  else
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, g_rand_int_range (rand, 0, n));
      g_autoptr(AnnEntity) copy = ann_entity_copy (entity);
      g_autofree char *note = g_strdup_printf ("ghi chú %u", g_rand_int_range (rand, 0, 1000));

      ann_entity_set_note (copy, note);
      ann_entity_set_status (copy, g_rand_int_range (rand, 0, ANN_ENTITY_STATUS_REJECTED + 1));
      if (g_rand_boolean (rand))
        ann_entity_set_label (copy, labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))]);
      ok = ann_history_replace (history, entity, copy, &error);
    }

  if (!ok)
    g_assert_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE);

  return ok;
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (21032022);
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(AnnHistory) history = ann_history_new (store);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  guint depth = 0;
  gint saved = 0;   /* the state that was saved, -1 when no undo or redo reaches it */
  guint serial = 0;

  g_ptr_array_add (states, snapshot (store));

  for (guint step = 0; step < 3000; step++)
    {
      guint kind = g_rand_int_range (rand, 0, 100);

      if (kind < 60)
        {
          guint n_edits = g_rand_int_range (rand, 0, 100) < 70 ? 1 : g_rand_int_range (rand, 0, 6);
          gboolean group = n_edits != 1 || g_rand_boolean (rand);
          gboolean changed = FALSE;

          if (group)
            ann_history_begin_group (history);
          for (guint i = 0; i < n_edits; i++)
            changed |= random_edit (history, rand, &serial);
          if (group)
            ann_history_end_group (history);

          if (changed)
            {
              g_ptr_array_set_size (states, depth + 1);
              g_ptr_array_add (states, snapshot (store));
              if (saved > (gint) depth)
                saved = -1;
              depth++;
            }
          else
            assert_snapshot (store, g_ptr_array_index (states, depth));
        }
      else if (kind < 80)
        {
          g_assert_cmpint (ann_history_undo (history), ==, depth > 0);
          if (depth > 0)
            depth--;
        }
      else if (kind < 95)
        {
          g_assert_cmpint (ann_history_redo (history), ==, depth + 1 < states->len);
          if (depth + 1 < states->len)
            depth++;
        }
      else
        {
          ann_history_mark_saved (history);
          saved = depth;
        }

      assert_snapshot (store, g_ptr_array_index (states, depth));
      g_assert_cmpint (ann_history_can_undo (history), ==, depth > 0);
      g_assert_cmpint (ann_history_can_redo (history), ==, depth + 1 < states->len);
      g_assert_cmpint (ann_history_get_modified (history), ==, saved != (gint) depth);
    }

  /* All the way back, and forwards again. */
  while (depth > 0)
    {
      g_assert_true (ann_history_undo (history));
      depth--;
      assert_snapshot (store, g_ptr_array_index (states, depth));
    }
  g_assert_false (ann_history_undo (history));
  while (depth + 1 < states->len)
    {
      g_assert_true (ann_history_redo (history));
      depth++;
      assert_snapshot (store, g_ptr_array_index (states, depth));
    }
  g_assert_false (ann_history_redo (history));
  g_assert_cmpuint (states->len, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/initial", test_initial);
  g_test_add_func ("/history/add", test_add);
  g_test_add_func ("/history/remove", test_remove);
  g_test_add_func ("/history/replace", test_replace);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/group-mixed", test_group_mixed);
  g_test_add_func ("/history/nested-groups", test_nested_groups);
  g_test_add_func ("/history/empty-group", test_empty_group);
  g_test_add_func ("/history/undo-in-group", test_undo_in_group);
  g_test_add_func ("/history/failed-step", test_failed_step);
  g_test_add_func ("/history/new-edit-clears-redo", test_new_edit_clears_redo);
  g_test_add_func ("/history/saved", test_saved);
  g_test_add_func ("/history/saved-state-unreachable", test_saved_state_unreachable);
  g_test_add_func ("/history/saved-state-kept", test_saved_state_kept);
  g_test_add_func ("/history/clear", test_clear);
  g_test_add_func ("/history/random", test_random);

  return g_test_run ();
}
