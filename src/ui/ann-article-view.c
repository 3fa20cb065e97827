/* ann-article-view.c: the article, its entities highlighted, hit-testing by the model
 *
 * Highlights use one GtkTextTag per label (a background in the label's colour) and one per
 * label for nested entities (a double underline in the label's colour, so an entity inside
 * another stays visible), plus a few state tags. Tags are only paint: which entity lies under
 * the pointer is asked of the entity store, never of the tags.
 *
 * After an edit, only the range the edited entity touches is retagged (see retag_range()).
 * A large file is tagged in idle chunks, so the window keeps drawing while it loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ann-article-view.h"
#include "ann-find.h"
#include "ann-review.h"

#define TAGGING_CHUNK 2000      /* entities tagged per idle run: about 10 ms */
#define TAGGING_AT_ONCE 10000   /* up to this many, tag everything before the first frame */
#define NESTED_SHADE 0.25       /* a nested entity's underline: its label's colour, darkened */

struct _AnnArticleView
{
  GtkWidget       parent_instance;

  GtkScrolledWindow *scroller;
  GtkTextView    *text_view;

  AnnFile        *file;
  AnnEntityStore *store;
  GHashTable     *label_tags;   /* label id → GtkTextTag */
  GHashTable     *inner_tags;   /* label id → GtkTextTag */
  GtkTextTag     *pending_tag;
  GtkTextTag     *selected_tag;
  GtkTextTag     *find_tag;
  GtkTextTag     *review_tags[4];   /* by AnnReviewState; ALL_AGREE has none */
  GtkTextTag     *rejected_tag;
  guint           review_annotators; /* 0 outside review */
  AnnEntity      *selected;

  GPtrArray      *tagging_queue;
  guint           tagging_next;
  guint           tagging_source;
};

G_DEFINE_FINAL_TYPE (AnnArticleView, ann_article_view, GTK_TYPE_WIDGET)

enum {
  ENTITY_CLICKED,
  SELECTION_DONE,
  TAGGING_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Marks drawn on the label colours (a pending suggestion, the review marks): dark enough to
 * stand out from every default one, 3:1 at least (tests/test-accessibility.c checks it). */
static const GdkRGBA MARK_COLOR = { 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0, 1 };            /* #3d3846 */
static const GdkRGBA CONFLICT_MARK_COLOR = { 0x7a / 255.0, 0, 0, 1 };                        /* #7a0000 */

static GtkTextBuffer *
get_buffer (AnnArticleView *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

static void
get_iters (AnnArticleView *self,
           guint           start,
           guint           end,
           GtkTextIter    *start_iter,
           GtkTextIter    *end_iter)
{
  gtk_text_buffer_get_iter_at_offset (get_buffer (self), start_iter, start);
  gtk_text_buffer_get_iter_at_offset (get_buffer (self), end_iter, end);
}

/* --- tags --------------------------------------------------------------------------------- */

static void
remove_label_tags (AnnArticleView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (get_buffer (self));
  GHashTableIter iter;
  gpointer tag;

  for (GHashTable *tags = self->label_tags; tags; tags = tags == self->label_tags ? self->inner_tags : NULL)
    {
      g_hash_table_iter_init (&iter, tags);
      while (g_hash_table_iter_next (&iter, NULL, &tag))
        gtk_text_tag_table_remove (table, tag);
      g_hash_table_remove_all (tags);
    }
}

/* WCAG 2's relative luminance of an sRGB colour */
static double
luminance (const GdkRGBA *color)
{
  const double channels[] = { color->red, color->green, color->blue };
  const double weights[] = { 0.2126, 0.7152, 0.0722 };
  double sum = 0;

  for (guint i = 0; i < 3; i++)
    sum += weights[i] * (channels[i] <= 0.04045 ? channels[i] / 12.92
                                                 : pow ((channels[i] + 0.055) / 1.055, 2.4));
  return sum;
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The text colour on a label's colour: the usual dark grey where it reads (4.5:1, WCAG's
 * minimum for text), as on every default colour; on a darker colour a file may give, black or
 * white, whichever contrasts more: one of them always reaches 4.58:1. */
static GdkRGBA
text_color_on (const GdkRGBA *background)
{
  static const GdkRGBA dark = { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0, 1 };
  static const GdkRGBA black = { 0, 0, 0, 1 };
  static const GdkRGBA white = { 1, 1, 1, 1 };

  if (contrast (&dark, background) >= 4.5)
    return dark;
  return contrast (&black, background) >= contrast (&white, background) ? black : white;
}

/* A colour is readable in light and dark themes alike, since the tag sets both the background
 * and the text colour. */
static void
create_label_tags (AnnArticleView *self)
{
  AnnLabelSchema *labels = ann_file_get_labels (self->file);
  GtkTextBuffer *buffer = get_buffer (self);

  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (labels, i);
      const char *color = ann_label_get_color (label) ? ann_label_get_color (label) : "#c0bfbc";
      GdkRGBA rgba, shade, text;
      GtkTextTag *tag;

      gdk_rgba_parse (&rgba, color);
      text = text_color_on (&rgba);
      tag = gtk_text_buffer_create_tag (buffer, NULL,
                                        "background-rgba", &rgba,
                                        "foreground-rgba", &text,
                                        NULL);
      g_hash_table_insert (self->label_tags, g_strdup (ann_label_get_id (label)), tag);

      /* The nested entity's line lies on the outer one's colour: in the label's colour
       * darkened to a quarter, it keeps a hint of the hue and stands out (3:1 at least) from
       * every default label colour, where a light colour on a light one would vanish. */
      shade = (GdkRGBA) { rgba.red * NESTED_SHADE, rgba.green * NESTED_SHADE, rgba.blue * NESTED_SHADE, 1 };
      tag = gtk_text_buffer_create_tag (buffer, NULL,
                                        "underline", PANGO_UNDERLINE_DOUBLE,
                                        "underline-rgba", &shade,
                                        NULL);
      g_hash_table_insert (self->inner_tags, g_strdup (ann_label_get_id (label)), tag);
    }

  /* State tags win over label tags, and the selection over everything; but a nested entity's
   * double underline wins over the pending mark's wavy one, which would hide it under a pending
   * outer entity (the pending mark's italics still show there). */
  {
    int top = gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1;
    GtkTextTag *state_tags[] = {
      self->review_tags[ANN_REVIEW_SOME], self->review_tags[ANN_REVIEW_LABEL_CONFLICT],
      self->review_tags[ANN_REVIEW_BOUNDARY_CONFLICT], self->rejected_tag,
      self->find_tag, self->selected_tag,
    };
    GHashTableIter iter;
    gpointer inner;

    gtk_text_tag_set_priority (self->pending_tag, top);
    g_hash_table_iter_init (&iter, self->inner_tags);
    while (g_hash_table_iter_next (&iter, NULL, &inner))
      gtk_text_tag_set_priority (inner, top);
    for (guint i = 0; i < G_N_ELEMENTS (state_tags); i++)
      gtk_text_tag_set_priority (state_tags[i], top);
  }
}

/* Whether another entity contains @entity, so that it shows as nested. Of two entities with
 * the same span, the first in the store's order is the outer one. A rejected entity is the
 * outer one of nothing: it is no longer one. */
static gboolean
is_nested (AnnArticleView *self,
           AnnEntity      *entity)
{
  guint start = ann_entity_get_start (entity);
  guint end = ann_entity_get_end (entity);
  g_autoptr(GPtrArray) containing = ann_entity_store_get_containing (self->store, start, end);

  for (guint i = 0; i < containing->len; i++)
    {
      AnnEntity *other = g_ptr_array_index (containing, i);

      if (other != entity && ann_entity_get_status (other) != ANN_ENTITY_STATUS_REJECTED &&
          (ann_entity_get_start (other) < start || ann_entity_get_end (other) > end ||
           ann_entity_compare (other, entity) < 0))
        return TRUE;
    }

  return FALSE;
}

/* Whether @entity stands decided: accepted, or an entity without a status. A pending one (a
 * suggestion, a candidate in review) is not decided yet. */
static gboolean
is_decided (AnnEntity *entity)
{
  AnnEntityStatus status = ann_entity_get_status (entity);

  return status == ANN_ENTITY_STATUS_ACCEPTED || status == ANN_ENTITY_STATUS_NONE;
}

/* Strikes @rejected through where no decided entity covers it: where the other side of a
 * conflict was accepted, that one shows; under an entity still pending, the strike shows. */
static void
strike_uncovered (AnnArticleView *self,
                  AnnEntity      *rejected)
{
  guint start = ann_entity_get_start (rejected);
  guint end = ann_entity_get_end (rejected);
  g_autoptr(GPtrArray) overlapping = ann_entity_store_get_overlapping (self->store, start, end);
  guint from = start;
  GtkTextIter from_iter, to_iter;

  /* The store's order is by start, so the covered stretches come left to right. */
  for (guint i = 0; i <= overlapping->len; i++)
    {
      AnnEntity *other = i < overlapping->len ? g_ptr_array_index (overlapping, i) : NULL;
      guint covered_start = other ? MAX (ann_entity_get_start (other), start) : end;

      if (other != NULL && !is_decided (other))
        continue;
      if (covered_start > from)
        {
          get_iters (self, from, covered_start, &from_iter, &to_iter);
          gtk_text_buffer_apply_tag (get_buffer (self), self->rejected_tag, &from_iter, &to_iter);
        }
      if (other != NULL)
        from = MAX (from, MIN (ann_entity_get_end (other), end));
    }
}

static void
tag_entity (AnnArticleView *self,
            AnnEntity      *entity)
{
  GHashTable *tags = is_nested (self, entity) ? self->inner_tags : self->label_tags;
  GtkTextTag *tag = g_hash_table_lookup (tags, ann_entity_get_label (entity));
  GtkTextIter start, end;

  get_iters (self, ann_entity_get_start (entity), ann_entity_get_end (entity), &start, &end);

  /* A rejected entity is no longer one: struck through, without its label's colour, so that
   * it cannot be taken for an accepted one, and without the marks of what is left to decide. */
  if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_REJECTED)
    {
      strike_uncovered (self, entity);
      return;
    }
  if (tag != NULL)
    gtk_text_buffer_apply_tag (get_buffer (self), tag, &start, &end);

  if (self->review_annotators > 0)
    {
      /* In review, most candidates are pending: the mark says how annotators disagree. */
      AnnReviewState state = ann_review_classify (self->store, entity, self->review_annotators);

      if (self->review_tags[state] != NULL)
        gtk_text_buffer_apply_tag (get_buffer (self), self->review_tags[state], &start, &end);
    }
  else if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_PENDING)
    gtk_text_buffer_apply_tag (get_buffer (self), self->pending_tag, &start, &end);
}

static void
untag_range (AnnArticleView *self,
             guint           start,
             guint           end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start_iter, end_iter;
  GHashTableIter iter;
  gpointer tag;

  get_iters (self, start, end, &start_iter, &end_iter);
  for (GHashTable *tags = self->label_tags; tags; tags = tags == self->label_tags ? self->inner_tags : NULL)
    {
      g_hash_table_iter_init (&iter, tags);
      while (g_hash_table_iter_next (&iter, NULL, &tag))
        gtk_text_buffer_remove_tag (buffer, tag, &start_iter, &end_iter);
    }
  gtk_text_buffer_remove_tag (buffer, self->pending_tag, &start_iter, &end_iter);
  gtk_text_buffer_remove_tag (buffer, self->rejected_tag, &start_iter, &end_iter);
  for (guint i = 0; i < G_N_ELEMENTS (self->review_tags); i++)
    if (self->review_tags[i] != NULL)
      gtk_text_buffer_remove_tag (buffer, self->review_tags[i], &start_iter, &end_iter);
}

/* Repaints what an edit of the span [start, end) can have changed: every entity that overlaps
 * it, over the whole extent they cover. An entity whose nesting changed lies inside that
 * extent, since it contains or is contained by the edited one. */
static void
retag_range (AnnArticleView *self,
             guint           start,
             guint           end)
{
  g_autoptr(GPtrArray) touching = ann_entity_store_get_overlapping (self->store, start, end);
  g_autoptr(GPtrArray) repaint = NULL;

  for (guint i = 0; i < touching->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (touching, i);

      start = MIN (start, ann_entity_get_start (entity));
      end = MAX (end, ann_entity_get_end (entity));
    }

  untag_range (self, start, end);
  repaint = ann_entity_store_get_overlapping (self->store, start, end);
  for (guint i = 0; i < repaint->len; i++)
    tag_entity (self, g_ptr_array_index (repaint, i));
}

static void
on_entity_changed (AnnArticleView *self,
                   AnnEntity      *entity,
                   guint           position)
{
  /* While a large file is still being painted, this paints the edited range early; the queue
   * paints it again, which changes nothing, and skips what was removed. */
  retag_range (self, ann_entity_get_start (entity), ann_entity_get_end (entity));
}

static void
stop_tagging (AnnArticleView *self)
{
  g_clear_handle_id (&self->tagging_source, g_source_remove);
  g_clear_pointer (&self->tagging_queue, g_ptr_array_unref);
}

static gboolean
tag_next_chunk (gpointer user_data)
{
  AnnArticleView *self = user_data;
  guint stop = MIN (self->tagging_next + TAGGING_CHUNK, self->tagging_queue->len);

  for (; self->tagging_next < stop; self->tagging_next++)
    {
      AnnEntity *entity = g_ptr_array_index (self->tagging_queue, self->tagging_next);
      guint position;

      /* An edit may have removed it since the queue was made. */
      if (ann_entity_store_get_position (self->store, entity, &position))
        tag_entity (self, entity);
    }

  if (self->tagging_next < self->tagging_queue->len)
    return G_SOURCE_CONTINUE;

  self->tagging_source = 0;
  g_clear_pointer (&self->tagging_queue, g_ptr_array_unref);
  g_signal_emit (self, signals[TAGGING_DONE], 0);
  return G_SOURCE_REMOVE;
}

static void
tag_all (AnnArticleView *self)
{
  stop_tagging (self);
  self->tagging_queue = ann_entity_store_dup_all (self->store);
  self->tagging_next = 0;

  if (self->tagging_queue->len <= TAGGING_AT_ONCE)
    {
      for (guint i = 0; i < self->tagging_queue->len; i++)
        tag_entity (self, g_ptr_array_index (self->tagging_queue, i));
      g_clear_pointer (&self->tagging_queue, g_ptr_array_unref);
      g_signal_emit (self, signals[TAGGING_DONE], 0);
      return;
    }

  /* Above the text view's layout (GDK_PRIORITY_REDRAW + 5), which would otherwise lay out the
   * whole article before the first chunk; below drawing, so frames still come between chunks. */
  self->tagging_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, tag_next_chunk, self, NULL);
}

/**
 * ann_article_view_is_tagging_done:
 *
 * Whether every entity is painted (large files are painted in idle chunks).
 */
gboolean
ann_article_view_is_tagging_done (AnnArticleView *self)
{
  g_return_val_if_fail (ANN_IS_ARTICLE_VIEW (self), FALSE);

  return self->tagging_source == 0;
}

/* --- the file ----------------------------------------------------------------------------- */

static void
disconnect_store (AnnArticleView *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
}

void
ann_article_view_set_file (AnnArticleView *self,
                           AnnFile        *file)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (ANN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (file == NULL || ANN_IS_FILE (file));

  stop_tagging (self);
  disconnect_store (self);
  g_clear_object (&self->selected);
  remove_label_tags (self);
  g_set_object (&self->file, file);

  buffer = get_buffer (self);
  if (file == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", 0);
      return;
    }

  /* The text goes in once; tags follow, per label. */
  gtk_text_buffer_set_text (buffer, ann_document_get_text (ann_file_get_document (file)), -1);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }

  self->store = g_object_ref (ann_file_get_entities (file));
  g_signal_connect_swapped (self->store, "entity-added", G_CALLBACK (on_entity_changed), self);
  g_signal_connect_swapped (self->store, "entity-removed", G_CALLBACK (on_entity_changed), self);

  create_label_tags (self);
  tag_all (self);
}

AnnFile *
ann_article_view_get_file (AnnArticleView *self)
{
  g_return_val_if_fail (ANN_IS_ARTICLE_VIEW (self), NULL);

  return self->file;
}

GtkTextView *
ann_article_view_get_text_view (AnnArticleView *self)
{
  g_return_val_if_fail (ANN_IS_ARTICLE_VIEW (self), NULL);

  return self->text_view;
}

/**
 * ann_article_view_set_review:
 * @n_annotators: how many annotators' files the shown file merges, or 0 outside review
 *
 * In review, each candidate is marked by how the annotators disagree on it (see
 * ann_review_classify()): a dotted underline where only some have it, a wavy one for a label
 * conflict, a line above for a boundary conflict.
 */
void
ann_article_view_set_review (AnnArticleView *self,
                             guint           n_annotators)
{
  g_return_if_fail (ANN_IS_ARTICLE_VIEW (self));

  if (self->review_annotators == n_annotators)
    return;
  self->review_annotators = n_annotators;
  if (self->store != NULL)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);
      retag_range (self, 0, gtk_text_iter_get_offset (&end));
    }
}

/* --- selection and hit-testing ------------------------------------------------------------ */

void
ann_article_view_set_selected (AnnArticleView *self,
                               AnnEntity      *entity)
{
  GtkTextIter start, end;

  g_return_if_fail (ANN_IS_ARTICLE_VIEW (self));

  if (self->selected == entity)
    return;

  /* Only over the entity that had it: the tag changes the weight, and removing it from the
   * whole buffer would make the text view lay out the whole article again. */
  if (self->selected != NULL)
    {
      get_iters (self, ann_entity_get_start (self->selected), ann_entity_get_end (self->selected),
                 &start, &end);
      gtk_text_buffer_remove_tag (get_buffer (self), self->selected_tag, &start, &end);
    }
  g_set_object (&self->selected, entity);
  if (entity == NULL)
    return;

  get_iters (self, ann_entity_get_start (entity), ann_entity_get_end (entity), &start, &end);
  gtk_text_buffer_apply_tag (get_buffer (self), self->selected_tag, &start, &end);
  ann_article_view_scroll_to (self, ann_entity_get_start (entity));
}

/**
 * ann_article_view_get_selection:
 *
 * Returns: whether text is selected; its bounds in code points go to @start and @end
 */
gboolean
ann_article_view_get_selection (AnnArticleView *self,
                                guint          *start,
                                guint          *end)
{
  GtkTextIter start_iter, end_iter;

  g_return_val_if_fail (ANN_IS_ARTICLE_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (get_buffer (self), &start_iter, &end_iter))
    return FALSE;
  *start = gtk_text_iter_get_offset (&start_iter);
  *end = gtk_text_iter_get_offset (&end_iter);
  return TRUE;
}

void
ann_article_view_select_range (AnnArticleView *self,
                               guint           start,
                               guint           end)
{
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (ANN_IS_ARTICLE_VIEW (self));

  get_iters (self, start, end, &start_iter, &end_iter);
  gtk_text_buffer_select_range (get_buffer (self), &start_iter, &end_iter);
  ann_article_view_scroll_to (self, start);
}

void
ann_article_view_scroll_to (AnnArticleView *self,
                            guint           offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (get_buffer (self), &iter, offset);
  gtk_text_view_scroll_to_iter (self->text_view, &iter, 0.1, FALSE, 0, 0);
}

guint
ann_article_view_get_cursor (AnnArticleView *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (get_buffer (self), &iter,
                                    gtk_text_buffer_get_insert (get_buffer (self)));
  return gtk_text_iter_get_offset (&iter);
}

/**
 * ann_article_view_entity_at:
 *
 * Returns: (transfer none) (nullable): the innermost entity over the character at @offset
 */
AnnEntity *
ann_article_view_entity_at (AnnArticleView *self,
                            guint           offset)
{
  g_autoptr(GPtrArray) here = NULL;
  AnnEntity *innermost = NULL;

  g_return_val_if_fail (ANN_IS_ARTICLE_VIEW (self), NULL);

  if (self->store == NULL)
    return NULL;

  here = ann_entity_store_get_overlapping (self->store, offset, offset + 1);
  for (guint i = 0; i < here->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (here, i);
      guint length = ann_entity_get_end (entity) - ann_entity_get_start (entity);

      if (innermost == NULL ||
          length <= ann_entity_get_end (innermost) - ann_entity_get_start (innermost))
        innermost = entity;
    }

  /* The store owns the entity; the array only borrowed a reference. */
  return innermost;
}

static gboolean
offset_at_point (AnnArticleView *self,
                 double          x,
                 double          y,
                 guint          *offset)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, buffer_x, buffer_y))
    return FALSE;
  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   AnnArticleView  *self)
{
  guint start, end, offset;

  if (self->file == NULL || n_press != 1)
    return;

  if (ann_article_view_get_selection (self, &start, &end))
    {
      g_signal_emit (self, signals[SELECTION_DONE], 0);
      return;
    }
  if (offset_at_point (self, x, y, &offset))
    g_signal_emit (self, signals[ENTITY_CLICKED], 0, ann_article_view_entity_at (self, offset));
}

static gboolean
on_query_tooltip (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip,
                  AnnArticleView *self)
{
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GString) text = NULL;
  guint offset;

  if (self->store == NULL || keyboard_mode || !offset_at_point (self, x, y, &offset))
    return FALSE;

  here = ann_entity_store_get_overlapping (self->store, offset, offset + 1);
  if (here->len == 0)
    return FALSE;

  /* Outermost first; the label id too, so that colour is never the only clue. */
  text = g_string_new (NULL);
  for (guint i = 0; i < here->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (here, i);
      AnnLabel *label = ann_label_schema_lookup (ann_file_get_labels (self->file),
                                                 ann_entity_get_label (entity));
      const char *name = label ? ann_label_display_name (label)
                                                             : ann_entity_get_label (entity);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s (%s): %s", name, ann_entity_get_label (entity),
                              ann_entity_get_text (entity));
      if (self->review_annotators > 0)
        {
          AnnReviewState state = ann_review_classify (self->store, entity, self->review_annotators);
          const char * const *annotators = ann_entity_get_annotators (entity);
          g_autofree char *who = annotators ? g_strjoinv (", ", (char **) annotators) : g_strdup ("");

          /* How annotators agree on it, and who had it: "label conflict: an, binh". */
          g_string_append_printf (text, " — %s: %s", ann_review_state_describe (state), who);
        }
      else if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_PENDING)
        g_string_append_printf (text, " — %s", _("suggestion, not yet accepted"));
      if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_REJECTED)
        g_string_append_printf (text, " — %s", C_("entity status", "rejected"));
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

void
ann_article_view_set_find_matches (AnnArticleView *self,
                                   GArray         *matches)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->find_tag, &start, &end);
  if (matches == NULL)
    return;

  for (guint i = 0; i < matches->len; i++)
    {
      const AnnFindMatch *match = &g_array_index (matches, AnnFindMatch, i);

      get_iters (self, match->start, match->end, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->find_tag, &start, &end);
    }
}

/* --- the object --------------------------------------------------------------------------- */

static void
ann_article_view_dispose (GObject *object)
{
  AnnArticleView *self = (AnnArticleView *) object;

  stop_tagging (self);
  disconnect_store (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANN_TYPE_ARTICLE_VIEW);
  /* Children without an id are not cleared by the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ann_article_view_parent_class)->dispose (object);
}

static void
ann_article_view_finalize (GObject *object)
{
  AnnArticleView *self = (AnnArticleView *) object;

  g_clear_pointer (&self->label_tags, g_hash_table_unref);
  g_clear_pointer (&self->inner_tags, g_hash_table_unref);

  G_OBJECT_CLASS (ann_article_view_parent_class)->finalize (object);
}

static void
ann_article_view_class_init (AnnArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ann_article_view_dispose;
  object_class->finalize = ann_article_view_finalize;

  /**
   * AnnArticleView::entity-clicked:
   * @entity: (nullable): the innermost entity under the click, or %NULL
   */
  signals[ENTITY_CLICKED] =
    g_signal_new ("entity-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ANN_TYPE_ENTITY);

  /**
   * AnnArticleView::selection-done:
   *
   * The user finished selecting text with the mouse.
   */
  signals[SELECTION_DONE] =
    g_signal_new ("selection-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AnnArticleView::tagging-done:
   *
   * Every entity of the file is painted.
   */
  signals[TAGGING_DONE] =
    g_signal_new ("tagging-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/articleannotator/ArticleAnnotator/ann-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AnnArticleView, text_view);
  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
ann_article_view_init (AnnArticleView *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->label_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->inner_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending_tag = gtk_text_buffer_create_tag (get_buffer (self), "pending",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  "underline-rgba", &MARK_COLOR,
                                                  "style", PANGO_STYLE_ITALIC,
                                                  NULL);
  self->find_tag = gtk_text_buffer_create_tag (get_buffer (self), "find-match",
                                               "background", "#77767b",
                                               "foreground", "#ffffff",
                                               NULL);
  /* The review marks differ by shape as well as by colour. */
  self->review_tags[ANN_REVIEW_SOME] =
    gtk_text_buffer_create_tag (get_buffer (self), "review-some",
                                "underline", PANGO_UNDERLINE_SINGLE,
                                "underline-rgba", &MARK_COLOR,
                                NULL);
  self->review_tags[ANN_REVIEW_LABEL_CONFLICT] =
    gtk_text_buffer_create_tag (get_buffer (self), "review-label-conflict",
                                "underline", PANGO_UNDERLINE_ERROR,
                                "underline-rgba", &CONFLICT_MARK_COLOR,
                                NULL);
  self->review_tags[ANN_REVIEW_BOUNDARY_CONFLICT] =
    gtk_text_buffer_create_tag (get_buffer (self), "review-boundary-conflict",
                                /* Italic, which review uses for nothing else (a pending
                                 * suggestion's italics are a mark of the normal window): an
                                 * overline would have been the shape, but GTK 4.8 frees an
                                 * overline's own colour twice, and without one it takes the
                                 * theme's text colour, all but invisible in dark on a light
                                 * label colour. */
                                "style", PANGO_STYLE_ITALIC,
                                "underline", PANGO_UNDERLINE_SINGLE,
                                "underline-rgba", &CONFLICT_MARK_COLOR,
                                NULL);
  self->rejected_tag = gtk_text_buffer_create_tag (get_buffer (self), "rejected",
                                                   "strikethrough", TRUE,
                                                   NULL);
  self->selected_tag = gtk_text_buffer_create_tag (get_buffer (self), "selected-entity",
                                                   "background", "#1a5fb4",
                                                   "foreground", "#ffffff",
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   NULL);

  /* In the capture phase, so that the text view's own gestures still see the click. */
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}
