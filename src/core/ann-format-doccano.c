/* ann-format-doccano.c: doccano JSONL (one document a line, UTF-16 offsets), import and export
 *
 * doccano's sequence-labelling files hold one JSON object a line, in one of two forms:
 *
 *   {"text": "…", "label": [[START, END, "PER"], …]}
 *   {"text": "…", "entities": [{"id": 1, "start_offset": START, "end_offset": END,
 *                               "label": "PER"}, …],
 *                 "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "…"}, …]}
 *
 * The second comes from projects that allow relations. Offsets count UTF-16 code units,
 * because doccano measures JavaScript strings: a character outside the Basic Multilingual
 * Plane, such as an emoji, counts 2. They are converted exactly in both directions; an offset
 * that falls between the two halves of such a character is an error, never rounded, since we
 * cannot know which side was meant.
 *
 * Export writes one line in the "label" form, the one doccano documents and DESIGN.md names:
 * the text and the spans. The form has no place for notes, references, statuses, annotators,
 * relations (the "label" form has no entity ids to relate), the title or the label schema
 * (names, colours, keys); nothing is added for them, so they are lost.
 *
 * Import reads either form, and the relations of the "entities" form. Other members ("id",
 * "Comments", "meta" and the like) are doccano's metadata and are ignored. Our file holds one
 * article, so the first line is imported; the other lines are still parsed and their spans
 * checked, so that a damaged file is refused rather than read in part, and the warning says
 * how many documents were left out. Every line holds a JSON object: an empty line is an
 * error, except at the end of the file, as editors and scripts often leave. CR LF line ends are accepted
 * (a CR is white space to JSON). Messages name the file and the line ("corpus.jsonl:3: …"),
 * and within the line the JSON path ("$.label[2]").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-doccano.h"
#include "ann-import.h"
#include "ann-io.h"
#include "ann-json-reader.h"
#include "ann-json-syntax.h"
#include "ann-json-writer.h"
#include "ann-text.h"

/* In the table of code_points_of_utf16(): an offset between the halves of a surrogate pair. */
#define INSIDE_PAIR G_MAXUINT

static gboolean
is_outside_bmp (gunichar c)
{
  return c > 0xFFFF;
}

/* --- export ------------------------------------------------------------------------------- */

/* The UTF-16 offset of every code-point offset of @text, from 0 to its length included. */
static GArray *
utf16_offsets (const char *text)
{
  GArray *table = g_array_new (FALSE, FALSE, sizeof (guint));
  guint units = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      g_array_append_val (table, units);
      if (*p == '\0')
        break;
      units += is_outside_bmp (g_utf8_get_char (p)) ? 2 : 1;
    }

  return table;
}

/**
 * ann_format_doccano_export:
 *
 * Returns: (transfer container) (element-type AnnExportPart): one part, the JSONL line with
 *   its final line break
 */
GPtrArray *
ann_format_doccano_export (AnnFile  *file,
                           GError  **error)
{
  AnnDocument *document;
  AnnJsonWriter *writer;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GArray) units = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *line = NULL;
  GPtrArray *parts;
  gsize length;

  g_return_val_if_fail (ANN_IS_FILE (file), NULL);

  document = ann_file_get_document (file);
  entities = ann_entity_store_dup_all (ann_file_get_entities (file));
  units = utf16_offsets (ann_document_get_text (document));

  writer = ann_json_writer_new (0);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "text", ann_document_get_text (document));
  ann_json_writer_begin_array (writer, "label");
  for (guint i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);
      guint start, end;

      /* doccano has no status: a rejected entity is not one of the annotator's (see
       * ann_agreement_counted_entities()). */
      if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_REJECTED)
        continue;
      start = g_array_index (units, guint, ann_entity_get_start (entity));
      end = g_array_index (units, guint, ann_entity_get_end (entity));
      ann_json_writer_begin_array (writer, NULL);
      ann_json_writer_int (writer, NULL, start);
      ann_json_writer_int (writer, NULL, end);
      ann_json_writer_string (writer, NULL, ann_entity_get_label (entity));
      ann_json_writer_end_array (writer);
    }
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
  line = ann_json_writer_free_to_string (writer, &length);

  bytes = g_bytes_new_take (g_strconcat (line, "\n", NULL), length + 1);
  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_export_part_free);
  g_ptr_array_add (parts, ann_export_part_new (NULL, bytes));
  return parts;
}

/* --- import: one line --------------------------------------------------------------------- */

/* One span of a line, as the file gives it and converted to code points. */
typedef struct
{
  char       *path;        /* "$.label[2]", for messages */
  gint64      start;       /* UTF-16 code units, as in the file */
  gint64      end;
  guint       cp_start;    /* code points of the line's text */
  guint       cp_end;
  const char *label;       /* owned by the line's parser */
  gboolean    has_id;      /* the "entities" form may give ids, which relations refer to */
  gint64      id;
  char       *entity_id;   /* the id of the imported entity */
} Span;

static void
span_free (Span *span)
{
  g_free (span->path);
  g_free (span->entity_id);
  g_free (span);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Span, span_free)

typedef struct
{
  char       *path;
  gint64      from_id;
  gint64      to_id;
  const char *type;
} Link;

static void
link_free (Link *link)
{
  g_free (link->path);
  g_free (link);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Link, link_free)

/* A line's document, read and checked but not yet imported. */
typedef struct
{
  JsonParser *parser;
  const char *text;        /* owned by the parser */
  GPtrArray  *spans;       /* Span */
  GPtrArray  *links;       /* Link */
  GHashTable *ids;         /* the "id" of a span of the "entities" form → that Span */
} Line;

static void
line_clear (Line *line)
{
  g_clear_object (&line->parser);
  g_clear_pointer (&line->spans, g_ptr_array_unref);
  g_clear_pointer (&line->links, g_ptr_array_unref);
  g_clear_pointer (&line->ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Line, line_clear)

/* For every UTF-16 offset of @text, from 0 to its UTF-16 length included, the code-point
 * offset, or INSIDE_PAIR between the two halves of a surrogate pair. */
static GArray *
code_points_of_utf16 (const char *text)
{
  GArray *table = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint inside = INSIDE_PAIR;
  guint offset = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p), offset++)
    {
      g_array_append_val (table, offset);
      if (*p == '\0')
        break;
      if (is_outside_bmp (g_utf8_get_char (p)))
        g_array_append_val (table, inside);
    }

  return table;
}

/* Checks @span against the text (@table from code_points_of_utf16()) and converts it. */
static gboolean
convert_span (Span     *span,
              GArray   *table,
              GError  **error)
{
  guint length = table->len - 1;

  if (span->end <= span->start)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the span %lld–%lld is empty or reversed; the end must come after "
                     "the start"),
                   span->path, (long long) span->start, (long long) span->end);
      return FALSE;
    }
  if (span->end > length)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the span %lld–%lld ends past the end of the text (%u UTF-16 code "
                     "units)"),
                   span->path, (long long) span->start, (long long) span->end, length);
      return FALSE;
    }

  span->cp_start = g_array_index (table, guint, span->start);
  span->cp_end = g_array_index (table, guint, span->end);
  if (span->cp_start == INSIDE_PAIR || span->cp_end == INSIDE_PAIR)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: offset %lld falls between the two halves of a character outside "
                     "the Basic Multilingual Plane, such as an emoji, which doccano counts as "
                     "2 UTF-16 code units; were the offsets counted in characters?"),
                   span->path,
                   (long long) (span->cp_start == INSIDE_PAIR ? span->start : span->end));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_label_offset (JsonArray   *item,
                   guint        index,
                   const char  *path,
                   gint64      *value,
                   GError     **error)
{
  g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, index);
  JsonNode *node = json_array_get_element (item, index);

  if (!ann_json_expect (node, ANN_JSON_INTEGER, element_path, error))
    return FALSE;

  *value = json_node_get_int (node);
  if (*value < 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: %lld is negative, but offsets cannot be negative"),
                   element_path, (long long) *value);
      return FALSE;
    }
  return TRUE;
}

/* One item of the "label" form: [START, END, "LABEL"]. */
static Span *
read_label_item (JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(Span) span = NULL;
  g_autofree char *label_path = NULL;
  JsonArray *item;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 3)
    {
      g_autofree char *found = NULL;

      if (JSON_NODE_HOLDS_ARRAY (node))
        found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "an array of %u element",
                                              "an array of %u elements",
                                              json_array_get_length (json_node_get_array (node))),
                                 json_array_get_length (json_node_get_array (node)));
      else
        found = g_strdup (ann_json_describe_node (node));

      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: expected [start, end, \"LABEL\"] (two integers and a string), found %s"),
                   path, found);
      return NULL;
    }

  item = json_node_get_array (node);
  span = g_new0 (Span, 1);
  span->path = g_strdup (path);
  label_path = g_strdup_printf ("%s[2]", path);
  if (!read_label_offset (item, 0, path, &span->start, error) ||
      !read_label_offset (item, 1, path, &span->end, error) ||
      !ann_json_expect (json_array_get_element (item, 2), ANN_JSON_STRING, label_path, error))
    return NULL;
  span->label = json_array_get_string_element (item, 2);

  return g_steal_pointer (&span);
}

/* One item of the "entities" form: {"id", "start_offset", "end_offset", "label"}. */
static Span *
read_entities_item (JsonNode    *node,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(Span) span = NULL;
  JsonObject *object;
  JsonNode *id;

  if (!ann_json_expect (node, ANN_JSON_OBJECT, path, error))
    return NULL;
  object = json_node_get_object (node);

  span = g_new0 (Span, 1);
  span->path = g_strdup (path);
  if (!ann_json_get_offset (object, path, "start_offset", &span->start, error) ||
      !ann_json_get_offset (object, path, "end_offset", &span->end, error) ||
      !ann_json_get_string (object, path, "label", TRUE, &span->label, error) ||
      !ann_json_get_member (object, path, "id", ANN_JSON_INTEGER, FALSE, &id, error))
    return NULL;

  if (id != NULL)
    {
      span->has_id = TRUE;
      span->id = json_node_get_int (id);
    }

  return g_steal_pointer (&span);
}


static gboolean
read_spans (JsonObject  *object,
            Line        *line,
            GError     **error)
{
  gboolean label_form = json_object_has_member (object, "label");
  const char *key = label_form ? "label" : "entities";
  g_autoptr(GArray) table = NULL;
  JsonNode *node;
  JsonArray *array;

  if (label_form && json_object_has_member (object, "entities"))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("$: the line has both “label” and “entities”; doccano writes one of them"));
      return FALSE;
    }

  /* A line with neither is a document nobody has labelled yet. */
  if (!ann_json_get_member (object, "$", key, ANN_JSON_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  table = code_points_of_utf16 (line->text);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.%s[%u]", key, i);
      JsonNode *item = json_array_get_element (array, i);
      Span *span;

      span = label_form ? read_label_item (item, path, error)
                        : read_entities_item (item, path, error);
      if (span == NULL)
        return FALSE;
      g_ptr_array_add (line->spans, span);
      if (!convert_span (span, table, error))
        return FALSE;
    }

  return TRUE;
}

static Span *
find_span_by_id (Line   *line,
                 gint64  id)
{
  return g_hash_table_lookup (line->ids, &id);
}

/* Entity ids must be unique for relations to say which entity they mean. */
static gboolean
index_span_ids (Line    *line,
                GError **error)
{
  for (guint i = 0; i < line->spans->len; i++)
    {
      Span *span = g_ptr_array_index (line->spans, i);
      Span *first;

      if (!span->has_id)
        continue;
      first = g_hash_table_lookup (line->ids, &span->id);
      if (first != NULL)
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                       _("%s.id: %lld is also the id of %s"),
                       span->path, (long long) span->id, first->path);
          return FALSE;
        }
      g_hash_table_insert (line->ids, &span->id, span);
    }

  return TRUE;
}

static gboolean
read_link_end (JsonObject  *object,
               const char  *path,
               const char  *name,
               Line        *line,
               gint64      *id,
               GError     **error)
{
  JsonNode *node;

  if (!ann_json_get_member (object, path, name, ANN_JSON_INTEGER, TRUE, &node, error))
    return FALSE;

  *id = json_node_get_int (node);
  if (find_span_by_id (line, *id) == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND,
                   _("%s.%s: no entity of $.entities has the id %lld"),
                   path, name, (long long) *id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_links (JsonObject  *object,
            Line        *line,
            GError     **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!ann_json_get_member (object, "$", "relations", ANN_JSON_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) > 0 && json_object_has_member (object, "label"))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("$.relations: relations need the “entities” form, whose entities have "
                     "ids; the “label” form has none"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(Link) link = g_new0 (Link, 1);
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *relation;

      link->path = g_strdup_printf ("$.relations[%u]", i);
      if (!ann_json_expect (item, ANN_JSON_OBJECT, link->path, error))
        return FALSE;
      relation = json_node_get_object (item);
      if (!read_link_end (relation, link->path, "from_id", line, &link->from_id, error) ||
          !read_link_end (relation, link->path, "to_id", line, &link->to_id, error) ||
          !ann_json_get_string (relation, link->path, "type", TRUE, &link->type, error))
        return FALSE;
      if (!ann_label_id_is_valid (link->type))
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s.type: “%s” is not a valid relation type (it must be non-empty, "
                         "without spaces)"),
                       link->path, link->type);
          return FALSE;
        }
      g_ptr_array_add (line->links, g_steal_pointer (&link));
    }

  return TRUE;
}


/* json-glib and the syntax pass see one line at a time, so they report "line 1". For the
 * message, the syntax pass runs again on the line preceded by as many line breaks as there
 * are lines before it: JSON allows white space before a value, and the message then gives
 * the line in the file. This runs only on an error, once. */
static void
report_syntax_error_in_file (const char  *display_name,
                             guint        line_number,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(GString) padded = g_string_sized_new (line_number - 1 + length);
  g_autoptr(GError) local_error = NULL;

  for (guint i = 1; i < line_number; i++)
    g_string_append_c (padded, '\n');
  g_string_append_len (padded, data, length);

  if (!ann_json_check_syntax (padded->str, padded->len, ANN_JSON_DEFAULT_MAX_DEPTH,
                              &local_error))
    {
      g_prefix_error (&local_error, "%s: ", display_name);
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* Parses and checks one line; messages start with "FILE:LINE: ". */
static gboolean
read_line (const char  *data,
           gsize        length,
           const char  *display_name,
           guint        line_number,
           Line        *line,
           GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s:%u", display_name, line_number);
  JsonObject *object;

  if (is_blank (data, length))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX,
                   _("%s: an empty line; every line of a JSON Lines file holds one JSON "
                     "object"),
                   where);
      return FALSE;
    }

  line->parser = ann_json_parse_strict (data, length, where, error);
  if (line->parser == NULL)
    {
      report_syntax_error_in_file (display_name, line_number, data, length, error);
      return FALSE;
    }

  line->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  line->links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);
  line->ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (!ann_json_expect (json_parser_get_root (line->parser), ANN_JSON_OBJECT, "$", error))
    goto failed;
  object = json_node_get_object (json_parser_get_root (line->parser));
  if (!ann_json_get_string (object, "$", "text", TRUE, &line->text, error) ||
      !read_spans (object, line, error) ||
      !index_span_ids (line, error) ||
      !read_links (object, line, error))
    goto failed;

  return TRUE;

failed:
  g_prefix_error (error, "%s: ", where);
  return FALSE;
}

/* --- import: the file --------------------------------------------------------------------- */

static void
add_relations (AnnFile *file,
               Line    *line)
{
  GPtrArray *relations = ann_file_get_relations (file);

  for (guint i = 0; i < line->links->len; i++)
    {
      Link *link = g_ptr_array_index (line->links, i);
      g_autofree char *id = g_strdup_printf ("R%u", i + 1);

      g_ptr_array_add (relations,
                       ann_relation_new (id, link->type,
                                         find_span_by_id (line, link->from_id)->entity_id,
                                         find_span_by_id (line, link->to_id)->entity_id));
    }
}

/* The annotation file of @line's document; messages start with the JSON path. */
static AnnFile *
import_line (Line    *line,
             GError **error)
{
  g_autoptr(AnnImport) import = ann_import_new (line->text, "$.text", error);

  if (import == NULL)
    return NULL;

  for (guint i = 0; i < line->spans->len; i++)
    {
      Span *span = g_ptr_array_index (line->spans, i);
      g_autoptr(AnnEntity) entity = NULL;

      entity = ann_import_create_entity (import, NULL, span->label, span->cp_start, span->cp_end,
                                         NULL, span->path, error);
      if (entity == NULL || !ann_import_add_entity (import, entity, span->path, error))
        return NULL;
      span->entity_id = g_strdup (ann_entity_get_id (entity));
    }

  add_relations (ann_import_get_file (import), line);
  return g_object_ref (ann_import_get_file (import));
}

/**
 * ann_format_doccano_import:
 * @warning: (out) (optional): set when the file holds more than one document
 *
 * Imports the first document of a doccano JSONL file; see the top of this file.
 */
AnnFile *
ann_format_doccano_import (GFile   *input,
                           char   **warning,
                           GError **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *content = NULL;
  g_autoptr(AnnFile) file = NULL;
  guint line_number = 0;

  g_return_val_if_fail (G_IS_FILE (input), NULL);

  content = ann_io_load_text (input, &display_name, error);
  if (content == NULL)
    return NULL;

  /* The line break that ends the last line ends the loop: it starts no empty line. */
  for (const char *start = content; *start != '\0'; )
    {
      const char *end = strchr (start, '\n');
      gsize line_length = end ? (gsize) (end - start) : strlen (start);
      g_auto(Line) line = { NULL };

      /* Blank lines that end the file hold no document and damage none. */
      if (is_blank (start, line_length) && is_blank (start, strlen (start)))
        break;

      line_number++;
      if (!read_line (start, line_length, display_name, line_number, &line, error))
        return NULL;

      if (file == NULL)
        {
          file = import_line (&line, error);
          if (file == NULL)
            {
              g_prefix_error (error, "%s:%u: ", display_name, line_number);
              return NULL;
            }
        }

      start += line_length + (end ? 1 : 0);
    }

  if (file == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the file holds no document; doccano JSONL has one JSON object a line"),
                   display_name);
      return NULL;
    }

  if (warning != NULL && line_number > 1)
    *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s: only the first of its %u documents was "
                                             "imported; %u other document was left out",
                                             "%s: only the first of its %u documents was "
                                             "imported; %u other documents were left out",
                                             line_number - 1),
                                display_name, line_number, line_number - 1);

  return g_steal_pointer (&file);
}
