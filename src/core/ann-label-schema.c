/* ann-label-schema.c: the labels of a file, a GListModel of AnnLabel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ann-error.h"
#include "ann-label-schema.h"

struct _AnnLabelSchema
{
  GObject    parent_instance;

  GPtrArray *labels;      /* AnnLabel, in the order of the file */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnLabelSchema, ann_label_schema, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
ann_label_schema_get_item_type (GListModel *model)
{
  return ANN_TYPE_LABEL;
}

static guint
ann_label_schema_get_n_items (GListModel *model)
{
  return ANN_LABEL_SCHEMA (model)->labels->len;
}

static gpointer
ann_label_schema_get_item (GListModel *model,
                           guint       position)
{
  AnnLabelSchema *self = ANN_LABEL_SCHEMA (model);

  if (position >= self->labels->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->labels, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ann_label_schema_get_item_type;
  iface->get_n_items = ann_label_schema_get_n_items;
  iface->get_item = ann_label_schema_get_item;
}

static void
ann_label_schema_finalize (GObject *object)
{
  AnnLabelSchema *self = (AnnLabelSchema *) object;

  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (ann_label_schema_parent_class)->finalize (object);
}

static void
ann_label_schema_class_init (AnnLabelSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_label_schema_finalize;
}

static void
ann_label_schema_init (AnnLabelSchema *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
}

AnnLabelSchema *
ann_label_schema_new (void)
{
  return g_object_new (ANN_TYPE_LABEL_SCHEMA, NULL);
}

/**
 * ann_label_schema_new_default:
 *
 * The labels for Vietnamese news, named in the interface language.
 */
/* The default labels for Vietnamese news; their names are translated when shown. */
static const struct
{
  const char *id;
  const char *name;
  const char *color;
} defaults[] = {
  { "PER",   N_("Person"),       "#62a0ea" },
  { "LOC",   N_("Location"),     "#57e389" },
  { "ORG",   N_("Organisation"), "#ffa348" },
  { "DOC",   N_("Document"),     "#dc8add" },
  { "EVENT", N_("Event"),        "#f66151" },
  { "DATE",  N_("Date"),         "#f8e45c" },
  { "MISC",  N_("Other"),        "#cdab8f" },
};

AnnLabelSchema *
ann_label_schema_new_default (void)
{
  AnnLabelSchema *self = ann_label_schema_new ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      char key[2] = { '1' + i, '\0' };

      g_ptr_array_add (self->labels,
                       ann_label_new (defaults[i].id, _(defaults[i].name), defaults[i].color, key));
    }

  return self;
}

/**
 * ann_label_schema_add:
 *
 * Appends @label; its id and key must not be taken.
 */
gboolean
ann_label_schema_add (AnnLabelSchema  *self,
                      AnnLabel        *label,
                      GError         **error)
{
  const char *key;

  g_return_val_if_fail (ANN_IS_LABEL_SCHEMA (self), FALSE);
  g_return_val_if_fail (ANN_IS_LABEL (label), FALSE);

  if (ann_label_schema_lookup (self, ann_label_get_id (label)) != NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("the label id “%s” is defined twice"), ann_label_get_id (label));
      return FALSE;
    }

  key = ann_label_get_key (label);
  if (key != NULL && ann_label_schema_lookup_key (self, key) != NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("the key “%s” of label “%s” is already the key of label “%s”"),
                   key, ann_label_get_id (label),
                   ann_label_get_id (ann_label_schema_lookup_key (self, key)));
      return FALSE;
    }

  g_ptr_array_add (self->labels, g_object_ref (label));
  g_list_model_items_changed (G_LIST_MODEL (self), self->labels->len - 1, 0, 1);
  return TRUE;
}

guint
ann_label_schema_get_n_labels (AnnLabelSchema *self)
{
  g_return_val_if_fail (ANN_IS_LABEL_SCHEMA (self), 0);

  return self->labels->len;
}

AnnLabel *
ann_label_schema_get_nth (AnnLabelSchema *self,
                          guint           position)
{
  g_return_val_if_fail (ANN_IS_LABEL_SCHEMA (self), NULL);
  g_return_val_if_fail (position < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, position);
}

AnnLabel *
ann_label_schema_lookup (AnnLabelSchema *self,
                         const char     *id)
{
  g_return_val_if_fail (ANN_IS_LABEL_SCHEMA (self), NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      AnnLabel *label = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (ann_label_get_id (label), id) == 0)
        return label;
    }

  return NULL;
}

/**
 * ann_label_display_name:
 *
 * The name to show for @label: a default label still named as the default schema names it
 * ("Person" for PER) shows in the interface language ("Người"), whatever language the file
 * was saved in; any other name shows as written.
 */
const char *
ann_label_display_name (AnnLabel *label)
{
  const char *name;

  g_return_val_if_fail (ANN_IS_LABEL (label), NULL);

  name = ann_label_get_name (label) ? ann_label_get_name (label) : ann_label_get_id (label);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_strcmp0 (defaults[i].id, ann_label_get_id (label)) == 0 &&
        g_strcmp0 (defaults[i].name, name) == 0)
      return _(defaults[i].name);
  return name;
}

AnnLabel *
ann_label_schema_lookup_key (AnnLabelSchema *self,
                             const char     *key)
{
  g_return_val_if_fail (ANN_IS_LABEL_SCHEMA (self), NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      AnnLabel *label = g_ptr_array_index (self->labels, i);

      if (key != NULL && g_strcmp0 (ann_label_get_key (label), key) == 0)
        return label;
    }

  return NULL;
}
