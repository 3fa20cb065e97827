/* ann-format-html.c: a standalone HTML report of an annotated article
 *
 * One HTML5 page that needs nothing else (no network, no script: the style is inline), to
 * send to someone without the program or to read on a phone: the title, the legend of labels
 * with their counts, the article with each entity highlighted in its label's colour, and a
 * table of the entities (id, label, text, start, end, note, ref, status).
 *
 * Meaning never rests on colour alone: every highlight carries a title with the label's name,
 * its id and the entity's id, and a small label badge after its text. Nested entities are
 * nested elements; an inner one is underlined in its own colour. Entities that overlap without
 * nesting cannot be nested elements, so the later one is split where the earlier one ends
 * ("fragments"): the page stays well-formed, the id anchor goes on the first fragment and the
 * badge on the last.
 *
 * The output depends only on the file (no date), so exports can be compared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ann-format-html.h"

#define FALLBACK_COLOR "#c0bfbc"

/* Light and dark pages; a narrow screen shows the table as one card per entity. */
static const char style_sheet[] =
  ":root{color-scheme:light dark;--fg:#241f31;--bg:#ffffff;--muted:#5e5c64;--line:#deddda}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#f6f5f4;--bg:#1e1e1e;--muted:#c0bfbc;"
  "--line:#4a4a4a}}\n"
  "*{box-sizing:border-box}\n"
  "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
  "body{margin:0;background:var(--bg);color:var(--fg);"
  "font:1.0625rem/1.6 system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",Roboto,sans-serif}\n"
  "header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}\n"
  "h1{font-size:1.6rem;line-height:1.3;margin:1.5rem 0 .5rem;overflow-wrap:break-word}\n"
  "h2{font-size:1.2rem;margin:2rem 0 .75rem}\n"
  ".meta,footer{color:var(--muted);font-size:.9rem}\n"
  "footer{margin-top:2rem;padding-bottom:2rem;overflow-wrap:anywhere}\n"
  ".legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}\n"
  ".legend li{border:1px solid var(--line);border-radius:1rem;padding:.1rem .7rem}\n"
  ".swatch{color:var(--c);margin-right:.25em}\n"
  ".count{color:var(--muted)}\n"
  ".article{white-space:pre-wrap;overflow-wrap:break-word;line-height:2.1}\n"
  ".e{background:var(--t);border-radius:.2em;padding:.15em 0;"
  "-webkit-box-decoration-break:clone;box-decoration-break:clone}\n"
  ".e .e{border-bottom:.2em solid var(--c);border-radius:0;padding-bottom:.05em}\n"
  ".e .e .e{border-bottom-style:double;border-bottom-width:.3em}\n"
  ".e[data-label]::after{content:attr(data-label);font-size:.6em;font-weight:700;"
  "vertical-align:.7em;margin-left:.15em;color:var(--muted)}\n"
  ".s-pending{outline:.1em dashed var(--c);outline-offset:-.1em}\n"
  ".s-rejected{text-decoration:line-through}\n"
  ".table-wrap{overflow-x:auto}\n"
  "table{border-collapse:collapse;width:100%;font-size:.9rem}\n"
  "th,td{border-bottom:1px solid var(--line);padding:.35rem .4rem;text-align:left;"
  "vertical-align:top}\n"
  "td.text,td.note{white-space:pre-wrap;overflow-wrap:break-word}\n"
  "td.text{min-width:9rem}\n"
  "td.label{white-space:nowrap}\n"
  "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
  "a{color:inherit}\n"
  "@media (max-width:40rem){thead{display:none}table,tbody,tr,td{display:block}"
  "tr{border:1px solid var(--line);border-radius:.5rem;margin-bottom:.75rem;padding:.25rem .5rem}"
  "td{border:0;padding:.15rem 0}td:empty{display:none}td.num{text-align:left}"
  "td::before{content:attr(data-th) \": \";color:var(--muted)}}\n";

/* --- escaping ----------------------------------------------------------------------------- */

/* Text and attribute values: & < > " ' all escaped, so one helper serves both. */
static void
append_escaped_len (GString    *out,
                    const char *text,
                    gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  append_escaped_len (out, text, -1);
}

static void
append_element (GString    *out,
                const char *element,
                const char *attributes,
                const char *text)
{
  g_string_append_printf (out, "<%s%s>", element, attributes);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>", element);
}

/* --- labels ------------------------------------------------------------------------------- */

/* Labels are styled by their position in the schema (class "l0", "l1" …), since an id may
 * hold characters that a class name or a style sheet cannot. */
static GHashTable *
index_labels (AnnLabelSchema *labels)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    g_hash_table_insert (positions,
                         (gpointer) ann_label_get_id (ann_label_schema_get_nth (labels, i)),
                         GUINT_TO_POINTER (i + 1));
  return positions;
}

static void
append_label_class (GString    *out,
                    GHashTable *positions,
                    const char *label)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, label));

  if (position > 0)
    g_string_append_printf (out, " l%u", position - 1);
}

static void
append_label_rules (GString        *out,
                    AnnLabelSchema *labels)
{
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      const char *color = ann_label_get_color (ann_label_schema_get_nth (labels, i));
      guint red, green, blue;

      if (!ann_label_color_is_valid (color))
        color = FALLBACK_COLOR;
      sscanf (color + 1, "%2x%2x%2x", &red, &green, &blue);
      g_string_append_printf (out, ".l%u{--c:%s;--t:rgba(%u,%u,%u,.33)}\n",
                              i, color, red, green, blue);
    }
}

static const char *
label_name (AnnLabelSchema *labels,
            const char     *id)
{
  AnnLabel *label = ann_label_schema_lookup (labels, id);
  /* In the report's language, as its headings are: a default label's name translated. */
  const char *name = label != NULL ? ann_label_display_name (label) : NULL;

  return name != NULL && *name != '\0' ? name : id;
}

static const char *
status_name (AnnEntityStatus status)
{
  switch (status)
    {
    case ANN_ENTITY_STATUS_PENDING:
      return _("pending");
    case ANN_ENTITY_STATUS_ACCEPTED:
      return _("accepted");
    case ANN_ENTITY_STATUS_REJECTED:
      return _("rejected");
    case ANN_ENTITY_STATUS_NONE:
    default:
      return NULL;
    }
}

/* --- the article -------------------------------------------------------------------------- */

/* Where an element of the article opens or closes. */
typedef struct
{
  guint      offset;
  AnnEntity *entity;
  gboolean   open;
  gboolean   first;    /* the first fragment of its entity: it takes the id */
  gboolean   last;     /* the last fragment: it takes the label badge */
} Event;

static void
add_event (GArray    *events,
           guint      offset,
           AnnEntity *entity,
           gboolean   open)
{
  Event event = { offset, entity, open, open && ann_entity_get_start (entity) == offset, FALSE };

  g_array_append_val (events, event);
}

/* Outer first: the longer entity, then the earlier start. */
static int
compare_nesting (gconstpointer a,
                 gconstpointer b)
{
  AnnEntity *x = *(AnnEntity **) a;
  AnnEntity *y = *(AnnEntity **) b;

  if (ann_entity_get_end (x) != ann_entity_get_end (y))
    return ann_entity_get_end (x) > ann_entity_get_end (y) ? -1 : 1;
  if (ann_entity_get_start (x) != ann_entity_get_start (y))
    return ann_entity_get_start (x) < ann_entity_get_start (y) ? -1 : 1;
  return ann_entity_compare (x, y);
}

static guint
next_boundary (GPtrArray *entities,
               guint      next,
               GPtrArray *stack)
{
  guint boundary = next < entities->len
                   ? ann_entity_get_start (g_ptr_array_index (entities, next))
                   : G_MAXUINT;

  for (guint i = 0; i < stack->len; i++)
    boundary = MIN (boundary, ann_entity_get_end (g_ptr_array_index (stack, i)));
  return boundary;
}

/* The elements as a well-formed sequence of opens and closes. At each boundary, the entities
 * that end there close; any element opened inside one of them that goes on is closed too and
 * reopened as a fragment. Then the entities that start there open, outer first. */
static GArray *
find_events (GPtrArray *entities)
{
  GArray *events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GPtrArray) opening = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint next = 0;

  while (next < entities->len || stack->len > 0)
    {
      guint offset = next_boundary (entities, next, stack);
      guint lowest = stack->len;

      for (guint i = 0; i < stack->len && lowest == stack->len; i++)
        if (ann_entity_get_end (g_ptr_array_index (stack, i)) == offset)
          lowest = i;

      g_ptr_array_set_size (opening, 0);
      while (stack->len > lowest)
        {
          AnnEntity *entity = g_ptr_array_steal_index (stack, stack->len - 1);

          add_event (events, offset, entity, FALSE);
          if (ann_entity_get_end (entity) != offset)
            g_ptr_array_add (opening, entity);
        }

      while (next < entities->len &&
             ann_entity_get_start (g_ptr_array_index (entities, next)) == offset)
        g_ptr_array_add (opening, g_ptr_array_index (entities, next++));

      g_ptr_array_sort (opening, compare_nesting);
      for (guint i = 0; i < opening->len; i++)
        {
          add_event (events, offset, g_ptr_array_index (opening, i), TRUE);
          g_ptr_array_add (stack, g_ptr_array_index (opening, i));
        }
    }

  for (guint i = events->len; i-- > 0;)
    {
      Event *event = &g_array_index (events, Event, i);

      if (event->open && g_hash_table_add (seen, event->entity))
        event->last = TRUE;
    }

  return events;
}

static void
append_open_tag (GString        *out,
                 const Event    *event,
                 AnnLabelSchema *labels,
                 GHashTable     *positions)
{
  AnnEntity *entity = event->entity;
  const char *label = ann_entity_get_label (entity);
  const char *status = ann_entity_status_to_string (ann_entity_get_status (entity));
  const char *status_text = status_name (ann_entity_get_status (entity));
  g_autofree char *title = NULL;

  g_string_append (out, "<span class=\"e");
  append_label_class (out, positions, label);
  if (status != NULL)
    g_string_append_printf (out, " s-%s", status);
  g_string_append (out, "\"");

  if (event->first)
    {
      g_string_append (out, " id=\"e-");
      append_escaped (out, ann_entity_get_id (entity));
      g_string_append (out, "\"");
    }

  /* TRANSLATORS: a highlight's tooltip: label name, label id, entity id */
  title = g_strdup_printf (_("%s (%s), %s"), label_name (labels, label), label,
                           ann_entity_get_id (entity));
  g_string_append (out, " title=\"");
  append_escaped (out, title);
  if (status_text != NULL)
    {
      g_string_append (out, ", ");
      append_escaped (out, status_text);
    }
  g_string_append (out, "\"");

  if (event->last)
    {
      g_string_append (out, " data-label=\"");
      append_escaped (out, label);
      g_string_append (out, "\"");
    }
  g_string_append (out, ">");
}

static void
append_article (GString        *out,
                AnnDocument    *document,
                GPtrArray      *entities,
                AnnLabelSchema *labels,
                GHashTable     *positions)
{
  const char *text = ann_document_get_text (document);
  g_autoptr(GArray) events = find_events (entities);
  gsize written = 0;

  g_string_append (out, "<div class=\"article\">");
  for (guint i = 0; i < events->len; i++)
    {
      const Event *event = &g_array_index (events, Event, i);
      gsize byte = ann_document_get_byte_offset (document, event->offset);

      if (byte > written)
        append_escaped_len (out, text + written, byte - written);
      written = byte;

      if (event->open)
        append_open_tag (out, event, labels, positions);
      else
        g_string_append (out, "</span>");
    }
  append_escaped (out, text + written);
  g_string_append (out, "</div>\n");
}

/* --- the page ----------------------------------------------------------------------------- */

static void
append_head (GString        *out,
             AnnFile        *file,
             const char     *title)
{
  const char *language = ann_document_get_language (ann_file_get_document (file));

  g_string_append (out, "<!DOCTYPE html>\n<html");
  if (language != NULL && *language != '\0')
    {
      g_string_append (out, " lang=\"");
      append_escaped (out, language);
      g_string_append (out, "\"");
    }
  g_string_append (out, ">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Article Annotator\">\n");
  append_element (out, "title", "", title);
  g_string_append (out, "\n<style>\n");
  g_string_append (out, style_sheet);
  append_label_rules (out, ann_file_get_labels (file));
  g_string_append (out, "</style>\n</head>\n<body>\n");
}

static void
append_header (GString    *out,
               AnnFile    *file,
               const char *title,
               guint       n_entities)
{
  AnnDocument *document = ann_file_get_document (file);
  const char *source = ann_document_get_source (document);
  const char *annotator = ann_file_get_annotator (file);
  g_autofree char *count = NULL;

  g_string_append (out, "<header>\n");
  append_element (out, "h1", "", title);
  g_string_append (out, "\n<p class=\"meta\">");
  if (source != NULL && *source != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);

      append_escaped (out, line);
      g_string_append (out, "<br>");
    }
  if (annotator != NULL && *annotator != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Annotator: %s"), annotator);

      append_escaped (out, line);
      g_string_append (out, "<br>");
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_entities),
                           n_entities);
  append_escaped (out, count);
  g_string_append (out, "</p>\n</header>\n");
}

static void
append_legend (GString        *out,
               AnnLabelSchema *labels,
               GPtrArray      *entities)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entities->len; i++)
    {
      const char *label = ann_entity_get_label (g_ptr_array_index (entities, i));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, label));

      g_hash_table_insert (counts, (gpointer) label, GUINT_TO_POINTER (count + 1));
    }

  g_string_append (out, "<section id=\"labels\">\n");
  append_element (out, "h2", "", _("Labels"));
  g_string_append (out, "\n<ul class=\"legend\">\n");
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      const char *id = ann_label_get_id (ann_label_schema_get_nth (labels, i));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));

      g_string_append_printf (out, "<li class=\"l%u\">"
                              "<span class=\"swatch\" aria-hidden=\"true\">●</span>", i);
      append_escaped (out, label_name (labels, id));
      g_string_append (out, " <code>");
      append_escaped (out, id);
      g_string_append_printf (out, "</code> <span class=\"count\">%u</span></li>\n", count);
    }
  g_string_append (out, "</ul>\n</section>\n");
}

static void
append_cell (GString    *out,
             const char *class_name,
             const char *heading,
             const char *text)
{
  g_string_append (out, "<td");
  if (class_name != NULL)
    g_string_append_printf (out, " class=\"%s\"", class_name);
  g_string_append (out, " data-th=\"");
  append_escaped (out, heading);
  g_string_append (out, "\">");
  if (text != NULL)
    append_escaped (out, text);
  g_string_append (out, "</td>");
}

static void
append_entity_row (GString     *out,
                   AnnEntity   *entity,
                   GHashTable  *positions,
                   const char **headings)
{
  const char *id = ann_entity_get_id (entity);
  g_autofree char *fragment = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *start = g_strdup_printf ("%u", ann_entity_get_start (entity));
  g_autofree char *end = g_strdup_printf ("%u", ann_entity_get_end (entity));

  g_string_append (out, "<tr><td data-th=\"");
  append_escaped (out, headings[0]);
  g_string_append (out, "\"><a href=\"#e-");
  append_escaped (out, fragment);
  g_string_append (out, "\">");
  append_escaped (out, id);
  g_string_append (out, "</a></td><td class=\"label");
  append_label_class (out, positions, ann_entity_get_label (entity));
  g_string_append (out, "\" data-th=\"");
  append_escaped (out, headings[1]);
  g_string_append (out, "\"><span class=\"swatch\" aria-hidden=\"true\">●</span>");
  append_escaped (out, ann_entity_get_label (entity));
  g_string_append (out, "</td>");
  append_cell (out, "text", headings[2], ann_entity_get_text (entity));
  append_cell (out, "num", headings[3], start);
  append_cell (out, "num", headings[4], end);
  append_cell (out, "note", headings[5], ann_entity_get_note (entity));
  append_cell (out, NULL, headings[6], ann_entity_get_ref (entity));
  append_cell (out, NULL, headings[7], status_name (ann_entity_get_status (entity)));
  g_string_append (out, "</tr>\n");
}

static void
append_entity_table (GString    *out,
                     GPtrArray  *entities,
                     GHashTable *positions)
{
  const char *headings[] = {
    _("Id"), _("Label"), _("Text"), _("Start"), _("End"), _("Note"), _("Reference"), _("Status"),
  };

  g_string_append (out, "<section id=\"entities\">\n");
  append_element (out, "h2", "", _("Entities"));
  g_string_append (out, "\n");
  if (entities->len == 0)
    {
      append_element (out, "p", "", _("No entities."));
      g_string_append (out, "\n</section>\n");
      return;
    }

  g_string_append (out, "<div class=\"table-wrap\">\n<table>\n<thead><tr>");
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    append_element (out, "th", " scope=\"col\"", headings[i]);
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < entities->len; i++)
    append_entity_row (out, g_ptr_array_index (entities, i), positions, headings);
  g_string_append (out, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void
append_relations (GString   *out,
                  GPtrArray *relations)
{
  if (relations == NULL || relations->len == 0)
    return;

  g_string_append (out, "<section id=\"relations\">\n");
  append_element (out, "h2", "", _("Relations"));
  g_string_append (out, "\n<div class=\"table-wrap\">\n<table>\n<thead><tr>");
  append_element (out, "th", " scope=\"col\"", _("Id"));
  append_element (out, "th", " scope=\"col\"", _("Type"));
  append_element (out, "th", " scope=\"col\"", _("From"));
  append_element (out, "th", " scope=\"col\"", _("To"));
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < relations->len; i++)
    {
      const AnnRelation *relation = g_ptr_array_index (relations, i);

      g_string_append (out, "<tr>");
      append_cell (out, NULL, _("Id"), relation->id);
      append_cell (out, NULL, _("Type"), relation->type);
      append_cell (out, NULL, _("From"), relation->from);
      append_cell (out, NULL, _("To"), relation->to);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void
append_footer (GString     *out,
               AnnDocument *document)
{
  g_autofree char *line = g_strdup_printf (_("Document %s, exported by Article Annotator"),
                                           ann_document_get_id (document));

  g_string_append (out, "<footer>\n");
  append_element (out, "p", "", line);
  g_string_append (out, "\n</footer>\n");
}

/**
 * ann_format_html_export:
 *
 * Returns: (transfer full) (element-type AnnExportPart): one part, the page
 */
GPtrArray *
ann_format_html_export (AnnFile  *file,
                        GError  **error)
{
  AnnDocument *document;
  AnnLabelSchema *labels;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *title;
  GPtrArray *parts;
  GString *out;

  g_return_val_if_fail (ANN_IS_FILE (file), NULL);

  document = ann_file_get_document (file);
  labels = ann_file_get_labels (file);
  entities = ann_entity_store_dup_all (ann_file_get_entities (file));
  positions = index_labels (labels);
  title = ann_document_get_title (document);
  if (title == NULL || *title == '\0')
    title = _("Annotated article");

  out = g_string_sized_new (4 * strlen (ann_document_get_text (document)) + 8192);
  append_head (out, file, title);
  append_header (out, file, title, entities->len);
  g_string_append (out, "<main>\n");
  append_legend (out, labels, entities);
  g_string_append (out, "<section id=\"article\">\n");
  append_element (out, "h2", "", _("Article"));
  g_string_append (out, "\n");
  append_article (out, document, entities, labels, positions);
  g_string_append (out, "</section>\n");
  append_entity_table (out, entities, positions);
  append_relations (out, ann_file_get_relations (file));
  g_string_append (out, "</main>\n");
  append_footer (out, document);
  g_string_append (out, "</body>\n</html>\n");

  bytes = g_string_free_to_bytes (out);
  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_export_part_free);
  g_ptr_array_add (parts, ann_export_part_new (NULL, bytes));
  return parts;
}
