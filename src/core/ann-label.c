/* ann-label.c: one label of the schema (id, name, colour, key)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-label.h"

struct _AnnLabel
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *color;
  char    *key;
};

G_DEFINE_FINAL_TYPE (AnnLabel, ann_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ann_label_finalize (GObject *object)
{
  AnnLabel *self = (AnnLabel *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (ann_label_parent_class)->finalize (object);
}

static void
ann_label_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AnnLabel *self = ANN_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_label_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AnnLabel *self = ANN_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      ann_label_set_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      ann_label_set_color (self, g_value_get_string (value));
      break;
    case PROP_KEY:
      ann_label_set_key (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_label_class_init (AnnLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_label_finalize;
  object_class->get_property = ann_label_get_property;
  object_class->set_property = ann_label_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ann_label_init (AnnLabel *self)
{
}

/**
 * ann_label_new:
 * @id: a valid id (see ann_label_id_is_valid())
 * @name: (nullable): the name shown to users
 * @color: (nullable): "#rrggbb"
 * @key: (nullable): "1" to "9"
 */
AnnLabel *
ann_label_new (const char *id,
               const char *name,
               const char *color,
               const char *key)
{
  g_return_val_if_fail (ann_label_id_is_valid (id), NULL);

  return g_object_new (ANN_TYPE_LABEL,
                       "id", id,
                       "name", name,
                       "color", color,
                       "key", key,
                       NULL);
}

const char *
ann_label_get_id (AnnLabel *self)
{
  g_return_val_if_fail (ANN_IS_LABEL (self), NULL);

  return self->id;
}

const char *
ann_label_get_name (AnnLabel *self)
{
  g_return_val_if_fail (ANN_IS_LABEL (self), NULL);

  return self->name;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  /* An empty string is none, as in files (data/FORMAT.md), which do not write it back. */
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
ann_label_set_name (AnnLabel   *self,
                    const char *name)
{
  g_return_if_fail (ANN_IS_LABEL (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ann_label_get_color (AnnLabel *self)
{
  g_return_val_if_fail (ANN_IS_LABEL (self), NULL);

  return self->color;
}

void
ann_label_set_color (AnnLabel   *self,
                     const char *color)
{
  g_return_if_fail (ANN_IS_LABEL (self));
  g_return_if_fail (color == NULL || ann_label_color_is_valid (color));

  if (set_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
ann_label_get_key (AnnLabel *self)
{
  g_return_val_if_fail (ANN_IS_LABEL (self), NULL);

  return self->key;
}

void
ann_label_set_key (AnnLabel   *self,
                   const char *key)
{
  g_return_if_fail (ANN_IS_LABEL (self));
  g_return_if_fail (key == NULL || ann_label_key_is_valid (key));

  if (set_string (&self->key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

/**
 * ann_label_id_is_valid:
 *
 * A label id is a non-empty string without white space or control characters, since exchange
 * formats (brat types, IOB tags) cannot hold either.
 */
gboolean
ann_label_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || !g_utf8_validate (id, -1, NULL))
    return FALSE;

  for (const char *p = id; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return FALSE;
    }

  return TRUE;
}

gboolean
ann_label_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

gboolean
ann_label_key_is_valid (const char *key)
{
  return key != NULL && key[0] >= '1' && key[0] <= '9' && key[1] == '\0';
}
