/* ann-label-row.c: one label of the palette: colour, id, name, count and key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ann-label-row.h"
#include "ann-label-schema.h"

struct _AnnLabelRow
{
  GtkListBoxRow   parent_instance;

  GtkDrawingArea *swatch;
  GtkLabel       *id_label;
  GtkLabel       *name_label;
  GtkLabel       *count_label;
  GtkLabel       *key_label;

  AnnLabel       *label;
  GdkRGBA         color;
};

G_DEFINE_FINAL_TYPE (AnnLabelRow, ann_label_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * ann_draw_swatch:
 * @color: the GdkRGBA to fill with
 *
 * Draws a label's colour as a rounded square with a thin outline, visible on any theme.
 */
void
ann_draw_swatch (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        color)
{
  double size = MIN (width, height) - 2;
  double x = (width - size) / 2;
  double y = (height - size) / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + size - 3, y + 3, 3, -G_PI / 2, 0);
  cairo_arc (cr, x + size - 3, y + size - 3, 3, 0, G_PI / 2);
  cairo_arc (cr, x + 3, y + size - 3, 3, G_PI / 2, G_PI);
  cairo_arc (cr, x + 3, y + 3, 3, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
update (AnnLabelRow *self)
{
  const char *key = ann_label_get_key (self->label);
  const char *name = ann_label_display_name (self->label);
  g_autofree char *description = NULL;

  gdk_rgba_parse (&self->color, ann_label_get_color (self->label) ? ann_label_get_color (self->label)
                                                                   : "#c0bfbc");
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));
  gtk_label_set_label (self->id_label, ann_label_get_id (self->label));
  gtk_label_set_label (self->name_label, name ? name : "");
  gtk_label_set_label (self->key_label, key ? key : "");
  gtk_widget_set_visible (GTK_WIDGET (self->key_label), key != NULL);

  description = key ? g_strdup_printf (_("Tag the selection as %s (key %s)"), name ? name : "", key)
                    : g_strdup_printf (_("Tag the selection as %s"), name ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

AnnLabelRow *
ann_label_row_new (AnnLabel *label)
{
  AnnLabelRow *self;

  g_return_val_if_fail (ANN_IS_LABEL (label), NULL);

  self = g_object_new (ANN_TYPE_LABEL_ROW, NULL);
  self->label = g_object_ref (label);
  g_signal_connect_object (label, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return self;
}

AnnLabel *
ann_label_row_get_label (AnnLabelRow *self)
{
  g_return_val_if_fail (ANN_IS_LABEL_ROW (self), NULL);

  return self->label;
}

void
ann_label_row_set_count (AnnLabelRow *self,
                         guint        count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  g_return_if_fail (ANN_IS_LABEL_ROW (self));

  gtk_label_set_label (self->count_label, text);
}

static void
ann_label_row_dispose (GObject *object)
{
  AnnLabelRow *self = (AnnLabelRow *) object;

  g_clear_object (&self->label);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANN_TYPE_LABEL_ROW);

  G_OBJECT_CLASS (ann_label_row_parent_class)->dispose (object);
}

static void
ann_label_row_class_init (AnnLabelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ann_label_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/articleannotator/ArticleAnnotator/ann-label-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnLabelRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, AnnLabelRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, AnnLabelRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AnnLabelRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnnLabelRow, key_label);
}

static void
ann_label_row_init (AnnLabelRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->swatch, ann_draw_swatch, &self->color, NULL);
}
