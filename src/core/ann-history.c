/* ann-history.c: undo and redo of grouped edits of an entity store
 *
 * Every edit is a step that takes one entity out (or none) and puts one in (or none): adding
 * is (none → new), removing (old → none), and changing a label, note or status (old → copy).
 * Undoing a step swaps the two. Steps between begin_group() and end_group() form one group,
 * which undo and redo take whole, so a bulk edit such as "tag all occurrences" is one undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ann-history.h"

typedef struct
{
  AnnEntity *taken_out;   /* nullable */
  AnnEntity *put_in;      /* nullable */
} Step;

typedef struct
{
  GArray *steps;          /* Step */
} Group;

struct _AnnHistory
{
  GObject         parent_instance;

  AnnEntityStore *store;
  GPtrArray      *undo_stack;   /* Group */
  GPtrArray      *redo_stack;   /* Group */
  Group          *open_group;
  guint           group_depth;

  /* The number of groups on the undo stack when the file was saved, or -1 when the saved
   * state can no longer be reached by undo or redo. */
  gint64          saved_depth;
};

G_DEFINE_FINAL_TYPE (AnnHistory, ann_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->taken_out);
  g_clear_object (&step->put_in);
}

static Group *
group_new (void)
{
  Group *group = g_new0 (Group, 1);

  group->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (group->steps, step_clear);
  return group;
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_array_unref (group->steps);
  g_free (group);
}

static void
ann_history_finalize (GObject *object)
{
  AnnHistory *self = (AnnHistory *) object;

  g_clear_pointer (&self->open_group, group_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ann_history_parent_class)->finalize (object);
}

static void
ann_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AnnHistory *self = ANN_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ann_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ann_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ann_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_history_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AnnHistory *self = ANN_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_history_class_init (AnnHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_history_finalize;
  object_class->get_property = ann_history_get_property;
  object_class->set_property = ann_history_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ANN_TYPE_ENTITY_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ann_history_init (AnnHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (group_free);
  self->redo_stack = g_ptr_array_new_with_free_func (group_free);
}

AnnHistory *
ann_history_new (AnnEntityStore *store)
{
  g_return_val_if_fail (ANN_IS_ENTITY_STORE (store), NULL);

  return g_object_new (ANN_TYPE_HISTORY, "store", store, NULL);
}

AnnEntityStore *
ann_history_get_store (AnnHistory *self)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), NULL);

  return self->store;
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static State
get_state (AnnHistory *self)
{
  return (State) {
    ann_history_can_undo (self), ann_history_can_redo (self), ann_history_get_modified (self)
  };
}

static void
notify_changes (AnnHistory *self,
                State       before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * ann_history_begin_group:
 *
 * Starts a group of edits that undo and redo take as one. Groups nest: the outermost
 * end_group() closes the group.
 */
void
ann_history_begin_group (AnnHistory *self)
{
  g_return_if_fail (ANN_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->open_group = group_new ();
}

void
ann_history_end_group (AnnHistory *self)
{
  State before;

  g_return_if_fail (ANN_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  before = get_state (self);

  if (self->open_group->steps->len == 0)
    {
      g_clear_pointer (&self->open_group, group_free);
      return;
    }

  /* A new edit makes the redo stack unreachable, and with it a saved state that was on it. */
  if (self->saved_depth > (gint64) self->undo_stack->len)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->open_group));

  notify_changes (self, before);
}

/* Applies one step to the store: takes @taken_out out and puts @put_in in. */
static gboolean
apply_step (AnnHistory  *self,
            AnnEntity   *taken_out,
            AnnEntity   *put_in,
            GError     **error)
{
  if (taken_out && put_in)
    return ann_entity_store_replace (self->store, taken_out, put_in, error);
  if (taken_out)
    return ann_entity_store_remove (self->store, taken_out, error);
  return ann_entity_store_add (self->store, put_in, error);
}

static gboolean
record_step (AnnHistory  *self,
             AnnEntity   *taken_out,
             AnnEntity   *put_in,
             GError     **error)
{
  Step step;

  /* Hold the entities first: the store may drop the last other reference to @taken_out. */
  step.taken_out = taken_out ? g_object_ref (taken_out) : NULL;
  step.put_in = put_in ? g_object_ref (put_in) : NULL;

  if (!apply_step (self, taken_out, put_in, error))
    {
      step_clear (&step);
      return FALSE;
    }

  ann_history_begin_group (self);
  g_array_append_val (self->open_group->steps, step);
  ann_history_end_group (self);

  return TRUE;
}

/**
 * ann_history_add:
 *
 * Adds @entity to the store, undoably.
 */
gboolean
ann_history_add (AnnHistory  *self,
                 AnnEntity   *entity,
                 GError     **error)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (entity), FALSE);

  return record_step (self, NULL, entity, error);
}

gboolean
ann_history_remove (AnnHistory  *self,
                    AnnEntity   *entity,
                    GError     **error)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (entity), FALSE);

  return record_step (self, entity, NULL, error);
}

/**
 * ann_history_replace:
 * @replacement: an edited copy of @entity (see ann_entity_copy())
 */
gboolean
ann_history_replace (AnnHistory  *self,
                     AnnEntity   *entity,
                     AnnEntity   *replacement,
                     GError     **error)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (replacement), FALSE);

  return record_step (self, entity, replacement, error);
}

gboolean
ann_history_can_undo (AnnHistory *self)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
ann_history_can_redo (AnnHistory *self)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

/* Moves the last group of @from to @to, applying its steps backwards (undo) or forwards. */
static gboolean
move_group (AnnHistory *self,
            GPtrArray  *from,
            GPtrArray  *to,
            gboolean    backwards)
{
  State before;
  Group *group;

  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (from->len == 0)
    return FALSE;

  before = get_state (self);
  group = g_ptr_array_steal_index (from, from->len - 1);

  for (guint i = 0; i < group->steps->len; i++)
    {
      guint index = backwards ? group->steps->len - 1 - i : i;
      Step *step = &g_array_index (group->steps, Step, index);
      g_autoptr(GError) error = NULL;

      /* The history is the only writer of the store, so the store is in the state the step
       * expects and the step cannot fail. */
      if (backwards)
        apply_step (self, step->put_in, step->taken_out, &error);
      else
        apply_step (self, step->taken_out, step->put_in, &error);
      if (error != NULL)
        g_critical ("The entity store changed outside the history: %s", error->message);
    }

  g_ptr_array_add (to, group);
  notify_changes (self, before);
  return TRUE;
}

gboolean
ann_history_undo (AnnHistory *self)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), FALSE);

  return move_group (self, self->undo_stack, self->redo_stack, TRUE);
}

gboolean
ann_history_redo (AnnHistory *self)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), FALSE);

  return move_group (self, self->redo_stack, self->undo_stack, FALSE);
}

/**
 * ann_history_get_modified:
 *
 * Whether the store differs from its state at the last ann_history_mark_saved() (or at the
 * start), as far as the edits recorded here tell.
 */
gboolean
ann_history_get_modified (AnnHistory *self)
{
  g_return_val_if_fail (ANN_IS_HISTORY (self), FALSE);

  return self->saved_depth != (gint64) self->undo_stack->len;
}

void
ann_history_mark_saved (AnnHistory *self)
{
  State before;

  g_return_if_fail (ANN_IS_HISTORY (self));

  before = get_state (self);
  self->saved_depth = self->undo_stack->len;
  notify_changes (self, before);
}

/**
 * ann_history_clear:
 *
 * Forgets every group, as when another document is loaded; the present state counts as saved.
 */
void
ann_history_clear (AnnHistory *self)
{
  State before;

  g_return_if_fail (ANN_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  before = get_state (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_depth = 0;
  notify_changes (self, before);
}
