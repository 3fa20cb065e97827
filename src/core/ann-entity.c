/* ann-entity.c: one annotated span of the article
 *
 * An entity is a value: once an entity store holds it, it is frozen, because the store's
 * order and indexes depend on its span and label. An edit makes a copy, changes the copy and
 * replaces the original in the store (through the history, so that it can be undone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-entity.h"

struct _AnnEntity
{
  GObject          parent_instance;

  char            *id;
  char            *label;
  char            *text;
  char            *note;
  char            *ref;
  GStrv            annotators;
  guint            start;
  guint            end;
  AnnEntityStatus  status;
  guint            frozen : 1;
};

G_DEFINE_FINAL_TYPE (AnnEntity, ann_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_NOTE,
  PROP_REF,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ann_entity_finalize (GObject *object)
{
  AnnEntity *self = (AnnEntity *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->annotators, g_strfreev);

  G_OBJECT_CLASS (ann_entity_parent_class)->finalize (object);
}

static void
ann_entity_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AnnEntity *self = ANN_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_entity_class_init (AnnEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_entity_finalize;
  object_class->get_property = ann_entity_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, ANN_ENTITY_STATUS_REJECTED, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ann_entity_init (AnnEntity *self)
{
}

/**
 * ann_entity_new:
 * @text: the text of the span, which the caller has taken from the document
 *
 * Creates an unfrozen entity covering code points [@start, @end).
 */
AnnEntity *
ann_entity_new (const char *id,
                const char *label,
                guint       start,
                guint       end,
                const char *text)
{
  AnnEntity *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (start < end, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (ANN_TYPE_ENTITY, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->start = start;
  self->end = end;
  self->text = g_strdup (text);

  return self;
}

/**
 * ann_entity_copy:
 *
 * An unfrozen copy of @self, to edit and put in its place.
 */
AnnEntity *
ann_entity_copy (AnnEntity *self)
{
  AnnEntity *copy;

  g_return_val_if_fail (ANN_IS_ENTITY (self), NULL);

  copy = ann_entity_new (self->id, self->label, self->start, self->end, self->text);
  copy->note = g_strdup (self->note);
  copy->ref = g_strdup (self->ref);
  copy->status = self->status;
  copy->annotators = g_strdupv (self->annotators);

  return copy;
}

gboolean
ann_entity_is_frozen (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), FALSE);

  return self->frozen;
}

/**
 * ann_entity_freeze:
 *
 * Makes @self immutable; the entity store calls this when it takes an entity.
 */
void
ann_entity_freeze (AnnEntity *self)
{
  g_return_if_fail (ANN_IS_ENTITY (self));

  self->frozen = TRUE;
}

static void
set_string (AnnEntity   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  g_return_if_fail (!self->frozen);

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = value && *value ? g_strdup (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
ann_entity_get_id (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), NULL);

  return self->id;
}

void
ann_entity_set_id (AnnEntity  *self,
                   const char *id)
{
  g_return_if_fail (ANN_IS_ENTITY (self));
  g_return_if_fail (id != NULL && *id != '\0');

  set_string (self, &self->id, id, PROP_ID);
}

const char *
ann_entity_get_label (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), NULL);

  return self->label;
}

void
ann_entity_set_label (AnnEntity  *self,
                      const char *label)
{
  g_return_if_fail (ANN_IS_ENTITY (self));
  g_return_if_fail (label != NULL && *label != '\0');

  set_string (self, &self->label, label, PROP_LABEL);
}

guint
ann_entity_get_start (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), 0);

  return self->start;
}

guint
ann_entity_get_end (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), 0);

  return self->end;
}

const char *
ann_entity_get_text (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), NULL);

  return self->text;
}

const char *
ann_entity_get_note (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), NULL);

  return self->note;
}

/**
 * ann_entity_set_note:
 * @note: (nullable): the note; an empty one is the same as none
 */
void
ann_entity_set_note (AnnEntity  *self,
                     const char *note)
{
  g_return_if_fail (ANN_IS_ENTITY (self));

  set_string (self, &self->note, note, PROP_NOTE);
}

const char *
ann_entity_get_ref (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), NULL);

  return self->ref;
}

void
ann_entity_set_ref (AnnEntity  *self,
                    const char *ref)
{
  g_return_if_fail (ANN_IS_ENTITY (self));

  set_string (self, &self->ref, ref, PROP_REF);
}

AnnEntityStatus
ann_entity_get_status (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), ANN_ENTITY_STATUS_NONE);

  return self->status;
}

void
ann_entity_set_status (AnnEntity       *self,
                       AnnEntityStatus  status)
{
  g_return_if_fail (ANN_IS_ENTITY (self));
  g_return_if_fail (!self->frozen);
  g_return_if_fail (status <= ANN_ENTITY_STATUS_REJECTED);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * ann_entity_get_annotators:
 *
 * Who had this entity, in a merged or curated file; %NULL when not recorded.
 */
const char * const *
ann_entity_get_annotators (AnnEntity *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY (self), NULL);

  return (const char * const *) self->annotators;
}

void
ann_entity_set_annotators (AnnEntity          *self,
                           const char * const *annotators)
{
  g_return_if_fail (ANN_IS_ENTITY (self));
  g_return_if_fail (!self->frozen);

  g_strfreev (self->annotators);
  self->annotators = annotators && annotators[0] ? g_strdupv ((char **) annotators) : NULL;
}

/**
 * ann_entity_compare_key:
 *
 * The order of entities in stores and files: by start, then end descending (outer before
 * inner), then label.
 */
int
ann_entity_compare_key (AnnEntity  *self,
                        guint       start,
                        guint       end,
                        const char *label)
{
  if (self->start != start)
    return self->start < start ? -1 : 1;
  if (self->end != end)
    return self->end > end ? -1 : 1;
  return strcmp (self->label, label);
}

int
ann_entity_compare (AnnEntity *a,
                    AnnEntity *b)
{
  return ann_entity_compare_key (a, b->start, b->end, b->label);
}

const char *
ann_entity_status_to_string (AnnEntityStatus status)
{
  switch (status)
    {
    case ANN_ENTITY_STATUS_PENDING:
      return "pending";
    case ANN_ENTITY_STATUS_ACCEPTED:
      return "accepted";
    case ANN_ENTITY_STATUS_REJECTED:
      return "rejected";
    case ANN_ENTITY_STATUS_NONE:
    default:
      return NULL;
    }
}

gboolean
ann_entity_status_from_string (const char      *string,
                               AnnEntityStatus *status)
{
  for (AnnEntityStatus s = ANN_ENTITY_STATUS_PENDING; s <= ANN_ENTITY_STATUS_REJECTED; s++)
    {
      if (g_strcmp0 (string, ann_entity_status_to_string (s)) == 0)
        {
          *status = s;
          return TRUE;
        }
    }

  return FALSE;
}
