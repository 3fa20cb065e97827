/* ann-entity-row.c: one entity in the panel's list: colour, label, text, status, position
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ann-entity-row.h"
#include "ann-label-row.h"

struct _AnnEntityRow
{
  GtkWidget       parent_instance;

  GtkDrawingArea *swatch;
  GtkLabel       *label_id;
  GtkLabel       *text;
  GtkLabel       *annotators;
  GtkLabel       *status;
  GtkLabel       *position;

  AnnEntity      *entity;
  char           *label_name;
  GdkRGBA         color;
};

G_DEFINE_FINAL_TYPE (AnnEntityRow, ann_entity_row, GTK_TYPE_WIDGET)

AnnEntityRow *
ann_entity_row_new (void)
{
  return g_object_new (ANN_TYPE_ENTITY_ROW, NULL);
}

static const char *
describe_status (AnnEntityStatus status)
{
  switch (status)
    {
    case ANN_ENTITY_STATUS_PENDING:
      return C_("entity status", "pending");
    case ANN_ENTITY_STATUS_ACCEPTED:
      return C_("entity status", "accepted");
    case ANN_ENTITY_STATUS_REJECTED:
      return C_("entity status", "rejected");
    case ANN_ENTITY_STATUS_NONE:
    default:
      return "";
    }
}

/**
 * ann_entity_row_set_entity:
 * @entity: (nullable): the entity to show
 * @review_state: (nullable): in review, how the annotators agree on it, in words (see
 *   ann_review_state_describe()), shown after who had it
 */
void
ann_entity_row_set_entity (AnnEntityRow   *self,
                           AnnEntity      *entity,
                           AnnLabelSchema *labels,
                           const char     *review_state)
{
  g_autofree char *position = NULL;
  g_autofree char *accessible = NULL;
  AnnLabel *label;
  const char *name;

  g_return_if_fail (ANN_IS_ENTITY_ROW (self));

  g_set_object (&self->entity, entity);
  if (entity == NULL)
    return;

  label = labels ? ann_label_schema_lookup (labels, ann_entity_get_label (entity)) : NULL;
  gdk_rgba_parse (&self->color, label && ann_label_get_color (label) ? ann_label_get_color (label)
                                                                      : "#c0bfbc");
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));
  name = label ? ann_label_display_name (label) : ann_entity_get_label (entity);

  position = g_strdup_printf ("%u–%u", ann_entity_get_start (entity), ann_entity_get_end (entity));
  gtk_label_set_label (self->label_id, ann_entity_get_label (entity));
  gtk_label_set_label (self->text, ann_entity_get_text (entity));
  gtk_label_set_label (self->status, describe_status (ann_entity_get_status (entity)));
  /* Who had it, in a merged or curated file, and in review what that means. */
  if (ann_entity_get_annotators (entity) != NULL)
    {
      g_autofree char *who = g_strjoinv (", ", (char **) ann_entity_get_annotators (entity));
      g_autofree char *who_and_state = NULL;

      if (review_state != NULL)
        /* TRANSLATORS: who had a candidate in review, then how they agree: "an, binh · label
         * conflict" */
        who_and_state = g_strdup_printf (C_("annotators and review state", "%s · %s"), who,
                                         review_state);
      gtk_label_set_label (self->annotators, who_and_state ? who_and_state : who);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->annotators), ann_entity_get_annotators (entity) != NULL);
  gtk_label_set_label (self->position, position);
  g_free (self->label_name);
  self->label_name = g_strdup (name);

  /* TRANSLATORS: an entity in the list as a screen reader says it: label name, text, offsets */
  accessible = g_strdup_printf (_("%s: %s, characters %u to %u"), name, ann_entity_get_text (entity),
                                ann_entity_get_start (entity), ann_entity_get_end (entity));
  if (review_state != NULL)
    {
      char *with_state;

      with_state = g_strdup_printf (C_("entity and status", "%s, %s"), accessible, review_state);
      g_free (accessible);
      accessible = with_state;
    }
  /* The status the row shows, such as a suggestion still pending, is said too. */
  if (*describe_status (ann_entity_get_status (entity)) != '\0')
    {
      char *with_status;

      /* TRANSLATORS: an entity as a screen reader says it, then its status, such as "pending" */
      with_status = g_strdup_printf (C_("entity and status", "%s, %s"), accessible,
                                     describe_status (ann_entity_get_status (entity)));
      g_free (accessible);
      accessible = with_status;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  /* The list's own row around this one takes the keyboard focus, and GTK 4.8 gives it no name
   * of its own (gtk_list_item_set_accessible_label() comes in 4.12): it gets the same. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

AnnEntity *
ann_entity_row_get_entity (AnnEntityRow *self)
{
  g_return_val_if_fail (ANN_IS_ENTITY_ROW (self), NULL);

  return self->entity;
}

/* The label's name on hover. Asked for only then: setting a tooltip on every bind makes GTK
 * query the pointer each time, and a list re-binds hundreds of rows at once. */
static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard_mode,
                  GtkTooltip   *tooltip,
                  AnnEntityRow *self)
{
  g_autoptr(GString) text = NULL;

  if (self->label_name == NULL)
    return FALSE;
  /* What the row may have had to cut short: the entity's text, who had it and how they agree. */
  text = g_string_new (self->label_name);
  g_string_append_printf (text, ": %s", gtk_label_get_label (self->text));
  if (gtk_widget_get_visible (GTK_WIDGET (self->annotators)))
    g_string_append_printf (text, "\n%s", gtk_label_get_label (self->annotators));
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
ann_entity_row_dispose (GObject *object)
{
  AnnEntityRow *self = (AnnEntityRow *) object;

  g_clear_object (&self->entity);
  g_clear_pointer (&self->label_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANN_TYPE_ENTITY_ROW);
  /* Children without an id are not cleared by the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ann_entity_row_parent_class)->dispose (object);
}

static void
ann_entity_row_class_init (AnnEntityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ann_entity_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/articleannotator/ArticleAnnotator/ann-entity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnEntityRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, AnnEntityRow, label_id);
  gtk_widget_class_bind_template_child (widget_class, AnnEntityRow, text);
  gtk_widget_class_bind_template_child (widget_class, AnnEntityRow, annotators);
  gtk_widget_class_bind_template_child (widget_class, AnnEntityRow, status);
  gtk_widget_class_bind_template_child (widget_class, AnnEntityRow, position);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
ann_entity_row_init (AnnEntityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->swatch, ann_draw_swatch, &self->color, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->label_id), TRUE);
  g_signal_connect (self->label_id, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}
