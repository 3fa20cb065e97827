/* ann-entity-store.c: the entities of a document, sorted, with overlap queries
 *
 * The entities live in a treap (a randomised balanced search tree) ordered like the file:
 * start, end descending, label. Each node also keeps the size of its subtree, so that the
 * store is a GListModel with O(log n) access by position, and the largest end in its subtree,
 * so that "which entities overlap this range" visits only subtrees that can hold an answer:
 * O(log n) for the path plus O(log n) for each entity reported.
 *
 * Every change is announced twice: by GListModel::items-changed for the position that changed,
 * and by ::entity-added / ::entity-removed with the entity, for views that redraw its range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ann-entity-store.h"
#include "ann-error.h"

typedef struct _Node Node;

struct _Node
{
  AnnEntity *entity;
  Node      *left;
  Node      *right;
  guint32    priority;
  guint      size;
  guint      max_end;
};

struct _AnnEntityStore
{
  GObject     parent_instance;

  Node       *root;
  GHashTable *by_id;            /* id → AnnEntity, borrowed from the nodes */
  guint32     random_state;
  guint       highest_t_number; /* of the ids "T<n>", for ann_entity_store_next_id() */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnEntityStore, ann_entity_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  ENTITY_ADDED,
  ENTITY_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- the treap ---------------------------------------------------------------------------- */

static inline guint
node_size (Node *node)
{
  return node ? node->size : 0;
}

static void
node_update (Node *node)
{
  node->size = 1 + node_size (node->left) + node_size (node->right);
  node->max_end = ann_entity_get_end (node->entity);
  if (node->left && node->left->max_end > node->max_end)
    node->max_end = node->left->max_end;
  if (node->right && node->right->max_end > node->max_end)
    node->max_end = node->right->max_end;
}

static void
node_free (Node *node)
{
  if (node == NULL)
    return;
  node_free (node->left);
  node_free (node->right);
  g_object_unref (node->entity);
  g_free (node);
}

/* Splits @node into the entities ordered before @key and the rest. */
static void
node_split (Node       *node,
            AnnEntity  *key,
            Node      **before,
            Node      **rest)
{
  if (node == NULL)
    {
      *before = *rest = NULL;
      return;
    }

  if (ann_entity_compare (node->entity, key) < 0)
    {
      node_split (node->right, key, &node->right, rest);
      *before = node;
    }
  else
    {
      node_split (node->left, key, before, &node->left);
      *rest = node;
    }
  node_update (node);
}

/* Joins two treaps where every entity of @first comes before every entity of @second. */
static Node *
node_merge (Node *first,
            Node *second)
{
  if (first == NULL)
    return second;
  if (second == NULL)
    return first;

  if (first->priority > second->priority)
    {
      first->right = node_merge (first->right, second);
      node_update (first);
      return first;
    }

  second->left = node_merge (first, second->left);
  node_update (second);
  return second;
}

/* Removes the node of @entity from the treap rooted at *@link. */
static gboolean
node_remove (Node      **link,
             AnnEntity  *entity)
{
  Node *node = *link;
  int cmp;

  if (node == NULL)
    return FALSE;

  cmp = ann_entity_compare (entity, node->entity);
  if (cmp == 0)
    {
      *link = node_merge (node->left, node->right);
      g_object_unref (node->entity);
      g_free (node);
      return TRUE;
    }

  if (!node_remove (cmp < 0 ? &node->left : &node->right, entity))
    return FALSE;
  node_update (node);
  return TRUE;
}

static Node *
node_find (Node      *node,
           guint      start,
           guint      end,
           const char *label,
           guint     *position)
{
  guint before = 0;

  while (node != NULL)
    {
      int cmp = ann_entity_compare_key (node->entity, start, end, label);

      if (cmp == 0)
        {
          if (position)
            *position = before + node_size (node->left);
          return node;
        }
      if (cmp < 0)
        {
          before += node_size (node->left) + 1;
          node = node->right;
        }
      else
        node = node->left;
    }

  return NULL;
}

static void
node_collect_all (Node      *node,
                  GPtrArray *out)
{
  if (node == NULL)
    return;
  node_collect_all (node->left, out);
  g_ptr_array_add (out, g_object_ref (node->entity));
  node_collect_all (node->right, out);
}

static void
node_collect_overlapping (Node      *node,
                          guint      start,
                          guint      end,
                          GPtrArray *out)
{
  if (node == NULL || node->max_end <= start)
    return;

  node_collect_overlapping (node->left, start, end, out);
  if (ann_entity_get_start (node->entity) >= end)
    return;   /* everything to the right starts even later */
  if (ann_entity_get_end (node->entity) > start)
    g_ptr_array_add (out, g_object_ref (node->entity));
  node_collect_overlapping (node->right, start, end, out);
}

static void
node_collect_containing (Node      *node,
                         guint      start,
                         guint      end,
                         GPtrArray *out)
{
  if (node == NULL || node->max_end < end)
    return;

  node_collect_containing (node->left, start, end, out);
  if (ann_entity_get_start (node->entity) > start)
    return;
  if (ann_entity_get_end (node->entity) >= end)
    g_ptr_array_add (out, g_object_ref (node->entity));
  node_collect_containing (node->right, start, end, out);
}

/* --- GListModel --------------------------------------------------------------------------- */

static GType
ann_entity_store_get_item_type (GListModel *model)
{
  return ANN_TYPE_ENTITY;
}

static guint
ann_entity_store_get_n_items (GListModel *model)
{
  return node_size (ANN_ENTITY_STORE (model)->root);
}

static gpointer
ann_entity_store_get_item (GListModel *model,
                           guint       position)
{
  AnnEntity *entity = ann_entity_store_get_nth (ANN_ENTITY_STORE (model), position);

  return entity ? g_object_ref (entity) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ann_entity_store_get_item_type;
  iface->get_n_items = ann_entity_store_get_n_items;
  iface->get_item = ann_entity_store_get_item;
}

/* --- the object --------------------------------------------------------------------------- */

static void
ann_entity_store_finalize (GObject *object)
{
  AnnEntityStore *self = (AnnEntityStore *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->root, node_free);

  G_OBJECT_CLASS (ann_entity_store_parent_class)->finalize (object);
}

static void
ann_entity_store_class_init (AnnEntityStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_entity_store_finalize;

  /**
   * AnnEntityStore::entity-added:
   * @entity: the entity, now in the store
   * @position: its position
   */
  signals[ENTITY_ADDED] =
    g_signal_new ("entity-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, ANN_TYPE_ENTITY, G_TYPE_UINT);

  /**
   * AnnEntityStore::entity-removed:
   * @entity: the entity, no longer in the store
   * @position: the position it had
   */
  signals[ENTITY_REMOVED] =
    g_signal_new ("entity-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, ANN_TYPE_ENTITY, G_TYPE_UINT);
}

static void
ann_entity_store_init (AnnEntityStore *self)
{
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->random_state = 0x9E3779B9u;
}

AnnEntityStore *
ann_entity_store_new (void)
{
  return g_object_new (ANN_TYPE_ENTITY_STORE, NULL);
}

/* xorshift32: treap priorities only need to be spread out, and a fixed seed keeps runs
 * repeatable. */
static guint32
next_priority (AnnEntityStore *self)
{
  guint32 x = self->random_state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return self->random_state = x;
}

static void
note_t_number (AnnEntityStore *self,
               const char     *id)
{
  char *end = NULL;
  guint64 number;

  if (id[0] != 'T' || !g_ascii_isdigit (id[1]))
    return;
  number = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && number > self->highest_t_number && number < G_MAXUINT)
    self->highest_t_number = number;
}

/* Whether @entity may go in, once @replaced (nullable) has gone out. */
static gboolean
check_can_add (AnnEntityStore  *self,
               AnnEntity       *entity,
               AnnEntity       *replaced,
               GError         **error)
{
  AnnEntity *same;

  same = g_hash_table_lookup (self->by_id, ann_entity_get_id (entity));
  if (same != NULL && same != replaced)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("entity id “%s” is used twice"), ann_entity_get_id (entity));
      return FALSE;
    }

  same = ann_entity_store_find (self, ann_entity_get_start (entity), ann_entity_get_end (entity),
                                ann_entity_get_label (entity));
  if (same != NULL && same != replaced)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("entity “%s” has the same span %u–%u and label %s as entity “%s”"),
                   ann_entity_get_id (entity), ann_entity_get_start (entity),
                   ann_entity_get_end (entity), ann_entity_get_label (entity),
                   ann_entity_get_id (same));
      return FALSE;
    }

  return TRUE;
}

/* Inserts @entity, which check_can_add() accepted, and returns its position. */
static guint
insert_entity (AnnEntityStore *self,
               AnnEntity      *entity)
{
  Node *node = g_new0 (Node, 1);
  Node *before;
  Node *rest;
  guint position;

  ann_entity_freeze (entity);
  node->entity = g_object_ref (entity);
  node->priority = next_priority (self);
  node_update (node);

  node_split (self->root, entity, &before, &rest);
  position = node_size (before);
  self->root = node_merge (node_merge (before, node), rest);

  g_hash_table_insert (self->by_id, (char *) ann_entity_get_id (entity), entity);
  note_t_number (self, ann_entity_get_id (entity));

  return position;
}

/**
 * ann_entity_store_add:
 *
 * Adds @entity and freezes it. An entity whose id is taken, or whose span and label equal
 * another's, is refused.
 */
gboolean
ann_entity_store_add (AnnEntityStore  *self,
                      AnnEntity       *entity,
                      GError         **error)
{
  guint position;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (entity), FALSE);

  if (!check_can_add (self, entity, NULL, error))
    return FALSE;

  position = insert_entity (self, entity);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit (self, signals[ENTITY_ADDED], 0, entity, position);

  return TRUE;
}

/**
 * ann_entity_store_add_all:
 * @entities: (element-type AnnEntity): entities to add
 *
 * Adds every entity of @entities or, when one is refused, none. Views hear of the change
 * once, as one GListModel::items-changed for the whole list.
 */
gboolean
ann_entity_store_add_all (AnnEntityStore  *self,
                          GPtrArray       *entities,
                          GError         **error)
{
  guint old_size;
  guint old_highest_t_number;
  guint i;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), FALSE);
  g_return_val_if_fail (entities != NULL, FALSE);

  old_size = node_size (self->root);
  old_highest_t_number = self->highest_t_number;

  for (i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);

      if (!check_can_add (self, entity, NULL, error))
        break;
      insert_entity (self, entity);
    }

  if (i < entities->len)
    {
      /* Take back what went in before the refusal. */
      while (i-- > 0)
        {
          AnnEntity *entity = g_ptr_array_index (entities, i);

          g_hash_table_remove (self->by_id, ann_entity_get_id (entity));
          node_remove (&self->root, entity);
        }
      self->highest_t_number = old_highest_t_number;
      return FALSE;
    }

  if (entities->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_size, node_size (self->root));

  return TRUE;
}

/**
 * ann_entity_store_remove:
 *
 * Removes @entity, which must be in the store.
 */
gboolean
ann_entity_store_remove (AnnEntityStore  *self,
                         AnnEntity       *entity,
                         GError         **error)
{
  g_autoptr(AnnEntity) hold = NULL;
  guint position;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (entity), FALSE);

  if (!ann_entity_store_get_position (self, entity, &position))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND,
                   _("entity “%s” is not in the document"), ann_entity_get_id (entity));
      return FALSE;
    }

  hold = g_object_ref (entity);
  g_hash_table_remove (self->by_id, ann_entity_get_id (entity));
  node_remove (&self->root, entity);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit (self, signals[ENTITY_REMOVED], 0, entity, position);

  return TRUE;
}

/**
 * ann_entity_store_replace:
 *
 * Puts @replacement in the place of @entity (an edit of its label, note or status, say).
 * When @replacement is refused, @entity stays.
 */
gboolean
ann_entity_store_replace (AnnEntityStore  *self,
                          AnnEntity       *entity,
                          AnnEntity       *replacement,
                          GError         **error)
{
  g_autoptr(AnnEntity) hold = NULL;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (replacement), FALSE);

  /* Refuse before taking anything out, so that a refusal changes and announces nothing. */
  if (!check_can_add (self, replacement, entity, error))
    return FALSE;

  hold = g_object_ref (entity);
  if (!ann_entity_store_remove (self, entity, error))
    return FALSE;

  ann_entity_store_add (self, replacement, NULL);

  return TRUE;
}

guint
ann_entity_store_get_n_entities (AnnEntityStore *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), 0);

  return node_size (self->root);
}

/**
 * ann_entity_store_get_nth:
 *
 * Returns: (transfer none) (nullable): the entity at @position in the order of the file
 */
AnnEntity *
ann_entity_store_get_nth (AnnEntityStore *self,
                          guint           position)
{
  Node *node;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), NULL);

  node = self->root;
  while (node != NULL)
    {
      guint left_size = node_size (node->left);

      if (position == left_size)
        return node->entity;
      if (position < left_size)
        node = node->left;
      else
        {
          position -= left_size + 1;
          node = node->right;
        }
    }

  return NULL;
}

/**
 * ann_entity_store_get_position:
 *
 * Returns: whether @entity itself (not an equal copy) is in the store
 */
gboolean
ann_entity_store_get_position (AnnEntityStore *self,
                               AnnEntity      *entity,
                               guint          *position)
{
  Node *node;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), FALSE);
  g_return_val_if_fail (ANN_IS_ENTITY (entity), FALSE);

  node = node_find (self->root, ann_entity_get_start (entity), ann_entity_get_end (entity),
                    ann_entity_get_label (entity), position);
  return node != NULL && node->entity == entity;
}

/**
 * ann_entity_store_lookup_id:
 *
 * Returns: (transfer none) (nullable): the entity with @id
 */
AnnEntity *
ann_entity_store_lookup_id (AnnEntityStore *self,
                            const char     *id)
{
  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * ann_entity_store_find:
 *
 * Returns: (transfer none) (nullable): the entity with this span and label
 */
AnnEntity *
ann_entity_store_find (AnnEntityStore *self,
                       guint           start,
                       guint           end,
                       const char     *label)
{
  Node *node;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  node = node_find (self->root, start, end, label, NULL);
  return node ? node->entity : NULL;
}

/**
 * ann_entity_store_dup_all:
 *
 * Returns: (transfer container) (element-type AnnEntity): every entity, in order
 */
GPtrArray *
ann_entity_store_dup_all (AnnEntityStore *self)
{
  GPtrArray *out;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), NULL);

  out = g_ptr_array_new_full (node_size (self->root), g_object_unref);
  node_collect_all (self->root, out);
  return out;
}

/**
 * ann_entity_store_get_overlapping:
 *
 * Returns: (transfer container) (element-type AnnEntity): the entities that share at least
 *   one character with [@start, @end), in order
 */
GPtrArray *
ann_entity_store_get_overlapping (AnnEntityStore *self,
                                  guint           start,
                                  guint           end)
{
  GPtrArray *out;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  node_collect_overlapping (self->root, start, end, out);
  return out;
}

/**
 * ann_entity_store_get_containing:
 *
 * Returns: (transfer container) (element-type AnnEntity): the entities that contain all of
 *   [@start, @end), outermost first
 */
GPtrArray *
ann_entity_store_get_containing (AnnEntityStore *self,
                                 guint           start,
                                 guint           end)
{
  GPtrArray *out;

  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  node_collect_containing (self->root, start, end, out);
  return out;
}

/**
 * ann_entity_store_next_id:
 *
 * An id for a new entity: "T" and one more than the highest such number used so far.
 */
char *
ann_entity_store_next_id (AnnEntityStore *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY_STORE (self), NULL);

  return g_strdup_printf ("T%u", self->highest_t_number + 1);
}
