/* ann-format-w3c.c: W3C Web Annotation (JSON-LD), import and export
 *
 * The Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) describes
 * annotations that point at a resource; it never holds the resource itself. So the export
 * writes the article's text as a second part (OUT.txt beside OUT.json), and the import reads
 * it from there: X.json needs X.txt. The target's "source" is the document id
 * ("sha256:<hex>", an absolute IRI by syntax), so an import can tell a wrong X.txt from the
 * right one; other sources are accepted, but every annotation must point at the same one.
 *
 * Annotation ids are deterministic IRIs built from the document hash and the entity id
 * ("urn:article-annotator:<hex>:entity:T1"), so that an export is reproducible byte for byte
 * and the import gets the entity ids back; foreign ids (any other IRI) give new entity ids.
 *
 * The import follows the model rather than our own export only: an AnnotationCollection with
 * an embedded first page (and embedded next pages), an AnnotationPage, one Annotation or an
 * array of them; bodies as an object, an array or "bodyValue", whose purpose defaults to the
 * annotation's motivation as the model says; TextPositionSelectors (code points, as the
 * model requires) and TextQuoteSelectors, each checked against the text, and a quote alone
 * found by its prefix and suffix. Bodies that no entity field can hold are left out with a
 * warning; everything else that is wrong is an error naming the JSON path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-w3c.h"
#include "ann-import.h"
#include "ann-io.h"
#include "ann-json-reader.h"
#include "ann-json-writer.h"
#include "ann-text.h"

#define ANNO_CONTEXT  "http://www.w3.org/ns/anno.jsonld"
#define ID_PREFIX     "urn:article-annotator:"
#define ENTITY_INFIX  ":entity:"
#define QUOTE_CONTEXT 32    /* characters of prefix and suffix in a TextQuoteSelector */

/* Characters an entity id keeps unescaped in a URN's specific string (RFC 8141) besides the
 * unreserved ones; '/', '?', '#' and '%' are escaped so the id reads back unchanged. */
#define ID_RESERVED_ALLOWED "!$&'()*+,;=:@"

/* --- export ------------------------------------------------------------------------------- */

/* "urn:article-annotator:<hex>": names the collection and prefixes everything in it. */
static char *
dup_base_iri (AnnDocument *document)
{
  const char *id = ann_document_get_id (document);
  g_autofree char *escaped = NULL;

  if (g_str_has_prefix (id, "sha256:"))
    return g_strconcat (ID_PREFIX, id + strlen ("sha256:"), NULL);

  escaped = g_uri_escape_string (id, ID_RESERVED_ALLOWED, TRUE);
  return g_strconcat (ID_PREFIX, escaped, NULL);
}

static char *
dup_entity_iri (const char *base,
                AnnEntity  *entity)
{
  g_autofree char *escaped = g_uri_escape_string (ann_entity_get_id (entity),
                                                  ID_RESERVED_ALLOWED, TRUE);

  return g_strconcat (base, ENTITY_INFIX, escaped, NULL);
}

/* Annotators are short user names, which is what an Agent's "nickname" is for. */
static void
write_agent (AnnJsonWriter *writer,
             const char    *key,
             const char    *name)
{
  ann_json_writer_begin_object (writer, key);
  ann_json_writer_string (writer, "type", "Person");
  ann_json_writer_string (writer, "nickname", name);
  ann_json_writer_end_object (writer);
}

static void
write_creators (AnnJsonWriter      *writer,
                const char * const *names)
{
  if (names == NULL || names[0] == NULL)
    return;

  if (names[1] == NULL)
    {
      write_agent (writer, "creator", names[0]);
      return;
    }

  ann_json_writer_begin_array (writer, "creator");
  for (guint i = 0; names[i] != NULL; i++)
    write_agent (writer, NULL, names[i]);
  ann_json_writer_end_array (writer);
}

static void
write_textual_body (AnnJsonWriter *writer,
                    const char    *key,
                    const char    *value,
                    const char    *purpose)
{
  ann_json_writer_begin_object (writer, key);
  ann_json_writer_string (writer, "type", "TextualBody");
  ann_json_writer_string (writer, "value", value);
  ann_json_writer_string (writer, "purpose", purpose);
  ann_json_writer_end_object (writer);
}

static gboolean
is_set (const char *value)
{
  return value != NULL && *value != '\0';
}

/* The label alone is one body object, as in the model's examples; with a note, a ref or a
 * status the bodies form an array, each with its purpose. */
static void
write_bodies (AnnJsonWriter *writer,
              AnnEntity     *entity)
{
  const char *note = ann_entity_get_note (entity);
  const char *ref = ann_entity_get_ref (entity);
  AnnEntityStatus status = ann_entity_get_status (entity);

  if (!is_set (note) && !is_set (ref) && status == ANN_ENTITY_STATUS_NONE)
    {
      write_textual_body (writer, "body", ann_entity_get_label (entity), "tagging");
      return;
    }

  ann_json_writer_begin_array (writer, "body");
  write_textual_body (writer, NULL, ann_entity_get_label (entity), "tagging");
  if (is_set (note))
    write_textual_body (writer, NULL, note, "commenting");
  if (is_set (ref))
    write_textual_body (writer, NULL, ref, "identifying");
  if (status != ANN_ENTITY_STATUS_NONE)
    write_textual_body (writer, NULL, ann_entity_status_to_string (status), "assessing");
  ann_json_writer_end_array (writer);
}

static void
write_target (AnnJsonWriter *writer,
              AnnDocument   *document,
              AnnEntity     *entity)
{
  guint start = ann_entity_get_start (entity);
  guint end = ann_entity_get_end (entity);
  guint length = ann_document_get_length (document);

  ann_json_writer_begin_object (writer, "target");
  ann_json_writer_string (writer, "source", ann_document_get_id (document));
  ann_json_writer_begin_array (writer, "selector");

  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "type", "TextPositionSelector");
  ann_json_writer_int (writer, "start", start);
  ann_json_writer_int (writer, "end", end);
  ann_json_writer_end_object (writer);

  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "type", "TextQuoteSelector");
  ann_json_writer_string (writer, "exact", ann_entity_get_text (entity));
  if (start > 0)
    {
      g_autofree char *prefix = ann_document_dup_slice (document,
                                                        start - MIN (start, QUOTE_CONTEXT),
                                                        start);
      ann_json_writer_string (writer, "prefix", prefix);
    }
  if (end < length)
    {
      g_autofree char *suffix = ann_document_dup_slice (document, end,
                                                        MIN (length, end + QUOTE_CONTEXT));
      ann_json_writer_string (writer, "suffix", suffix);
    }
  ann_json_writer_end_object (writer);

  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
}

static void
write_annotation (AnnJsonWriter *writer,
                  const char    *base,
                  AnnDocument   *document,
                  AnnEntity     *entity)
{
  g_autofree char *iri = dup_entity_iri (base, entity);

  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "id", iri);
  ann_json_writer_string (writer, "type", "Annotation");
  ann_json_writer_string (writer, "motivation", "tagging");
  write_creators (writer, ann_entity_get_annotators (entity));
  write_bodies (writer, entity);
  write_target (writer, document, entity);
  ann_json_writer_end_object (writer);
}

/**
 * ann_format_w3c_export:
 *
 * Returns: (transfer full) (element-type AnnExportPart): the AnnotationCollection (suffix
 *   %NULL) and the article's text (suffix ".txt")
 */
GPtrArray *
ann_format_w3c_export (AnnFile  *file,
                       GError  **error)
{
  AnnDocument *document;
  AnnJsonWriter *writer;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GBytes) json_bytes = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  g_autofree char *base = NULL;
  g_autofree char *page = NULL;
  g_autofree char *json = NULL;
  const char *title;
  const char *annotator;
  const char *text;
  gsize length;

  g_return_val_if_fail (ANN_IS_FILE (file), NULL);

  document = ann_file_get_document (file);
  entities = ann_entity_store_dup_all (ann_file_get_entities (file));
  title = ann_document_get_title (document);
  annotator = ann_file_get_annotator (file);
  base = dup_base_iri (document);
  page = g_strconcat (base, ":page:1", NULL);

  writer = ann_json_writer_new (2);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "@context", ANNO_CONTEXT);
  ann_json_writer_string (writer, "id", base);
  ann_json_writer_string (writer, "type", "AnnotationCollection");
  if (is_set (title))
    ann_json_writer_string (writer, "label", title);
  if (is_set (annotator))
    write_agent (writer, "creator", annotator);
  ann_json_writer_int (writer, "total", entities->len);

  /* The model wants a first page only when there are annotations. */
  if (entities->len > 0)
    {
      ann_json_writer_begin_object (writer, "first");
      ann_json_writer_string (writer, "id", page);
      ann_json_writer_string (writer, "type", "AnnotationPage");
      ann_json_writer_int (writer, "startIndex", 0);
      ann_json_writer_begin_array (writer, "items");
      for (guint i = 0; i < entities->len; i++)
        write_annotation (writer, base, document, g_ptr_array_index (entities, i));
      ann_json_writer_end_array (writer);
      ann_json_writer_end_object (writer);
    }

  ann_json_writer_end_object (writer);
  json = ann_json_writer_free_to_string (writer, NULL);
  json_bytes = g_bytes_new_take (g_strconcat (json, "\n", NULL), strlen (json) + 1);

  text = ann_document_get_text (document);
  length = strlen (text);
  text_bytes = g_bytes_new (text, length);

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_export_part_free);
  g_ptr_array_add (parts, ann_export_part_new (NULL, json_bytes));
  g_ptr_array_add (parts, ann_export_part_new (".txt", text_bytes));
  return g_steal_pointer (&parts);
}

/* --- import: finding the annotations ------------------------------------------------------ */

typedef struct
{
  char     *path;          /* "X.json: $.first.items[3]" */
  JsonNode *node;
  gboolean  has_context;   /* an enclosing page or collection gives the @context */
} Item;

static void
item_free (Item *item)
{
  g_free (item->path);
  g_free (item);
}

static void
add_item (GPtrArray  *items,
          char       *path,
          JsonNode   *node,
          gboolean    has_context)
{
  Item *item = g_new0 (Item, 1);

  item->path = path;
  item->node = node;
  item->has_context = has_context;
  g_ptr_array_add (items, item);
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Whether @node is the string @value, or an array holding it: JSON-LD lets "type" and
 * "@context" be either. */
static gboolean
node_has_string (JsonNode   *node,
                 const char *value)
{
  if (node == NULL)
    return FALSE;

  if (is_string_node (node))
    return strcmp (json_node_get_string (node), value) == 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (is_string_node (element) && strcmp (json_node_get_string (element), value) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* An absolute IRI by syntax: a scheme, a colon, and no white space, controls or the
 * characters RFC 3987 leaves out. */
static gboolean
is_iri (const char *value)
{
  g_autofree char *scheme = g_uri_parse_scheme (value);

  if (scheme == NULL)
    return FALSE;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c <= 0x20 || (c >= 0x7f && c <= 0x9f) ||
          (c < 0x80 && strchr ("<>\"{}|\\^`", c) != NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_type (JsonObject *object,
          const char *type)
{
  return node_has_string (json_object_get_member (object, "type"), type);
}

/* Every W3C annotation document names the annotation context; an annotation inside a page
 * or a collection inherits it, as in JSON-LD. */
static gboolean
check_context (JsonObject  *object,
               const char  *path,
               gboolean     required,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, "@context");

  if (node == NULL && !required)
    return TRUE;

  if (node == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the required member “@context” is missing (a W3C annotation names %s)"),
                   path, ANNO_CONTEXT);
      return FALSE;
    }

  if (node_has_string (node, ANNO_CONTEXT))
    return TRUE;

  g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
               _("%s.@context: expected “%s”, or an array that holds it"), path, ANNO_CONTEXT);
  return FALSE;
}

static gboolean
fail_only_referenced (JsonNode    *node,
                      const char  *path,
                      GError     **error)
{
  g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
               _("%s: “%s” is only a reference to a page elsewhere; this program reads the "
                 "pages embedded in the file"),
               path, json_node_get_string (node));
  return FALSE;
}

/* A page and the embedded pages that follow it ("next"). Parsed JSON is a tree, so the
 * chain of embedded pages ends. */
static gboolean
collect_pages (JsonNode    *node,
               const char  *path,
               gboolean     has_context,
               GPtrArray   *items,
               GError     **error)
{
  g_autofree char *page_path = g_strdup (path);

  while (TRUE)
    {
      JsonObject *page;
      JsonNode *items_node;
      JsonNode *next;
      JsonArray *array;
      char *next_path;

      if (!ann_json_expect (node, ANN_JSON_OBJECT, page_path, error))
        return FALSE;
      page = json_node_get_object (node);

      if (!has_type (page, "AnnotationPage"))
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: expected an object of type “AnnotationPage”"), page_path);
          return FALSE;
        }
      if (!check_context (page, page_path, !has_context, error) ||
          !ann_json_get_member (page, page_path, "items", ANN_JSON_ARRAY, TRUE, &items_node,
                                error))
        return FALSE;
      has_context = TRUE;

      array = json_node_get_array (items_node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        add_item (items, g_strdup_printf ("%s.items[%u]", page_path, i),
                  json_array_get_element (array, i), TRUE);

      next = json_object_get_member (page, "next");
      next_path = g_strdup_printf ("%s.next", page_path);
      g_free (page_path);
      page_path = next_path;
      if (next == NULL)
        return TRUE;
      if (is_string_node (next))
        return fail_only_referenced (next, page_path, error);
      node = next;
    }
}

/* --- import: the reader ------------------------------------------------------------------- */

typedef struct
{
  char       *name;            /* the JSON file, as messages name it */
  char       *text_name;       /* the text file beside it */
  JsonParser *parser;
  AnnImport  *import;
  const char *raw;             /* the text as the file has it */
  guint       raw_length;
  GArray     *raw_bytes;       /* code point → byte offset in raw; raw_length + 1 of them */
  char       *raw_id;          /* "sha256:" of the raw text, which may not be normal */
  const char *title;           /* the collection's label */
  char       *annotator;       /* the collection's creator */
  const char *source;          /* the first target's source; every target must share it */
  char       *source_path;
  guint       n_ignored;
  char       *first_ignored;
} Reader;

static void
reader_free (Reader *self)
{
  g_free (self->name);
  g_free (self->text_name);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->import, ann_import_free);
  g_clear_pointer (&self->raw_bytes, g_array_unref);
  g_free (self->raw_id);
  g_free (self->annotator);
  g_free (self->source_path);
  g_free (self->first_ignored);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reader, reader_free)

/* Something the file format cannot hold, such as a body with another purpose: left out,
 * and counted for the warning. */
static void
reader_ignore (Reader     *self,
               const char *path)
{
  if (self->n_ignored++ == 0)
    self->first_ignored = g_strdup (path);
}

/* A place named in a message about another place: its JSON path without the file name,
 * which the message already starts with. */
static const char *
json_path_of (Reader     *self,
              const char *where)
{
  gsize n = strlen (self->name);

  if (strncmp (where, self->name, n) == 0 && strncmp (where + n, ": ", 2) == 0)
    return where + n + 2;
  return where;
}

static char *
dup_raw_slice (Reader *self,
               guint   start,
               guint   end)
{
  gsize byte_start = g_array_index (self->raw_bytes, gsize, start);
  gsize byte_end = g_array_index (self->raw_bytes, gsize, end);

  return g_strndup (self->raw + byte_start, byte_end - byte_start);
}

/* Whether the raw text at code points [@start, @end) is exactly @expected. */
static gboolean
raw_slice_equals (Reader     *self,
                  guint       start,
                  guint       end,
                  const char *expected)
{
  gsize byte_start = g_array_index (self->raw_bytes, gsize, start);
  gsize byte_end = g_array_index (self->raw_bytes, gsize, end);

  return strlen (expected) == byte_end - byte_start &&
         memcmp (self->raw + byte_start, expected, byte_end - byte_start) == 0;
}

/* The code point that starts at @byte (a character boundary) of the raw text. */
static guint
raw_char_offset (Reader *self,
                 gsize   byte)
{
  guint low = 0;
  guint high = self->raw_length;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->raw_bytes, gsize, middle) < byte)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* --- import: agents and bodies ------------------------------------------------------------ */

/* A member that the model lets hold one string or an array of them ("motivation",
 * "purpose"): *@value is its string when it has exactly one. */
static gboolean
read_one_string (JsonObject   *object,
                 const char   *path,
                 const char   *name,
                 const char  **value,
                 guint        *n_values,
                 GError      **error)
{
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  *value = NULL;
  *n_values = 0;
  if (node == NULL)
    return TRUE;

  if (is_string_node (node))
    {
      *value = json_node_get_string (node);
      *n_values = 1;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: expected a string or an array of strings, found %s"),
                   member_path, ann_json_describe_node (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", member_path, i);

      if (!ann_json_expect (json_array_get_element (array, i), ANN_JSON_STRING, element_path,
                            error))
        return FALSE;
    }
  *n_values = json_array_get_length (array);
  if (*n_values == 1)
    *value = json_array_get_string_element (array, 0);
  return TRUE;
}

/* An agent's name for us: its nickname, else its name, its IRI or its email. An agent that
 * has none of them (or several names) is left out. */
static gboolean
read_agent_name (Reader        *self,
                 JsonNode      *node,
                 const char    *path,
                 GStrvBuilder  *names,
                 GError       **error)
{
  const char *name = NULL;

  if (is_string_node (node))
    name = json_node_get_string (node);
  else
    {
      const char *nickname, *full_name, *id, *email;
      JsonObject *agent;
      guint n;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: expected an object or a string, found %s"),
                       path, ann_json_describe_node (node));
          return FALSE;
        }
      agent = json_node_get_object (node);
      if (!read_one_string (agent, path, "nickname", &nickname, &n, error) ||
          !read_one_string (agent, path, "name", &full_name, &n, error) ||
          !ann_json_get_string (agent, path, "id", FALSE, &id, error) ||
          !read_one_string (agent, path, "email", &email, &n, error))
        return FALSE;
      name = is_set (nickname) ? nickname
           : is_set (full_name) ? full_name
           : is_set (id) ? id
           : email;
    }

  if (is_set (name))
    g_strv_builder_add (names, name);
  else
    reader_ignore (self, path);
  return TRUE;
}

/* The names of the "creator" agents of @object, or %NULL when it has none. */
static gboolean
read_creators (Reader       *self,
               JsonObject   *object,
               const char   *path,
               GStrv        *names,
               GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *creator_path = g_strdup_printf ("%s.creator", path);
  JsonNode *node = json_object_get_member (object, "creator");

  *names = NULL;
  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *agent_path = g_strdup_printf ("%s[%u]", creator_path, i);

          if (!read_agent_name (self, json_array_get_element (array, i), agent_path, builder,
                                error))
            return FALSE;
        }
    }
  else if (!read_agent_name (self, node, creator_path, builder, error))
    return FALSE;

  *names = g_strv_builder_end (builder);
  if (**names == NULL)
    g_clear_pointer (names, g_strfreev);
  return TRUE;
}

/* The member @name when it is a string; anything else means it is no resource IRI. */
static const char *
get_string_or_null (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && is_string_node (node) ? json_node_get_string (node) : NULL;
}

/* What the bodies of one annotation give an entity. */
typedef struct
{
  const char      *label;
  char            *label_path;
  const char      *untagged;        /* the first TextualBody without any purpose */
  char            *untagged_path;
  const char      *note;
  char            *note_path;
  const char      *ref;
  char            *ref_path;
  AnnEntityStatus  status;
  char            *status_path;
} Bodies;

static void
bodies_clear (Bodies *bodies)
{
  g_free (bodies->label_path);
  g_free (bodies->untagged_path);
  g_free (bodies->note_path);
  g_free (bodies->ref_path);
  g_free (bodies->status_path);
}

/* One entity holds one label, one note, one ref and one status: a second body for one of
 * them is an error rather than a silent choice. */
static gboolean
take_once (Reader       *self,
           const char  **slot,
           char        **slot_path,
           const char   *value,
           const char   *purpose,
           const char   *path,
           GError      **error)
{
  if (*slot_path != NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: a second body with the purpose “%s” (the first is %s); an entity "
                     "holds only one"),
                   path, purpose, json_path_of (self, *slot_path));
      return FALSE;
    }

  if (slot != NULL)
    *slot = value;
  *slot_path = g_strdup (path);
  return TRUE;
}

/* A textual body (or "bodyValue") with its purpose, or the annotation's motivation. */
static gboolean
take_text (Reader      *self,
           Bodies      *bodies,
           const char  *value,
           const char  *purpose,
           const char  *path,
           GError     **error)
{
  AnnEntityStatus status;

  if (purpose == NULL)
    {
      if (bodies->untagged_path != NULL)
        reader_ignore (self, path);
      else
        {
          bodies->untagged = value;
          bodies->untagged_path = g_strdup (path);
        }
      return TRUE;
    }

  if (strcmp (purpose, "tagging") == 0)
    return take_once (self, &bodies->label, &bodies->label_path, value, purpose, path, error);
  if (strcmp (purpose, "commenting") == 0)
    return take_once (self, &bodies->note, &bodies->note_path, value, purpose, path, error);
  if (strcmp (purpose, "identifying") == 0)
    return take_once (self, &bodies->ref, &bodies->ref_path, value, purpose, path, error);
  if (strcmp (purpose, "assessing") == 0 && ann_entity_status_from_string (value, &status) &&
      status != ANN_ENTITY_STATUS_NONE)
    {
      if (!take_once (self, NULL, &bodies->status_path, value, purpose, path, error))
        return FALSE;
      bodies->status = status;
      return TRUE;
    }

  reader_ignore (self, path);
  return TRUE;
}

static gboolean
read_body (Reader      *self,
           Bodies      *bodies,
           JsonNode    *node,
           const char  *path,
           const char  *motivation,
           GError     **error)
{
  JsonObject *body;
  const char *purpose, *value, *id, *source;
  guint n_purposes;

  /* A string body is the IRI of a resource: a ref when the annotation identifies. */
  if (is_string_node (node))
    {
      if (g_strcmp0 (motivation, "identifying") == 0)
        return take_once (self, &bodies->ref, &bodies->ref_path,
                          json_node_get_string (node), motivation, path, error);
      reader_ignore (self, path);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: expected an object or a string, found %s"),
                   path, ann_json_describe_node (node));
      return FALSE;
    }

  body = json_node_get_object (node);
  if (!read_one_string (body, path, "purpose", &purpose, &n_purposes, error) ||
      !ann_json_get_string (body, path, "value", FALSE, &value, error))
    return FALSE;
  if (n_purposes > 1)
    {
      reader_ignore (self, path);
      return TRUE;
    }
  if (n_purposes == 0)
    purpose = motivation;

  if (value != NULL)
    return take_text (self, bodies, value, purpose, path, error);

  /* A resource as an identifying body: an External Web Resource's id, or a Specific
   * Resource's source. */
  id = get_string_or_null (body, "id");
  source = get_string_or_null (body, "source");

  if (g_strcmp0 (purpose, "identifying") == 0 && (id != NULL || source != NULL))
    return take_once (self, &bodies->ref, &bodies->ref_path, source ? source : id, purpose,
                      path, error);

  reader_ignore (self, path);
  return TRUE;
}

static gboolean
read_bodies (Reader      *self,
             JsonObject  *annotation,
             const char  *path,
             Bodies      *bodies,
             GError     **error)
{
  const char *motivation, *body_value;
  guint n_motivations;
  JsonNode *node;

  /* A body without a purpose has the annotation's motivation, when it has only one. */
  if (!read_one_string (annotation, path, "motivation", &motivation, &n_motivations, error) ||
      !ann_json_get_string (annotation, path, "bodyValue", FALSE, &body_value, error))
    return FALSE;

  node = json_object_get_member (annotation, "body");
  if (node != NULL && body_value != NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: it has both “body” and “bodyValue”, which the model forbids"), path);
      return FALSE;
    }

  if (body_value != NULL)
    {
      g_autofree char *value_path = g_strdup_printf ("%s.bodyValue", path);

      if (!take_text (self, bodies, body_value, motivation, value_path, error))
        return FALSE;
    }
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *body_path = g_strdup_printf ("%s.body[%u]", path, i);

          if (!read_body (self, bodies, json_array_get_element (array, i), body_path,
                          motivation, error))
            return FALSE;
        }
    }
  else if (node != NULL)
    {
      g_autofree char *body_path = g_strdup_printf ("%s.body", path);

      if (!read_body (self, bodies, node, body_path, motivation, error))
        return FALSE;
    }

  /* Without a tagging body, a TextualBody that says nothing of its purpose is the label. */
  if (bodies->label == NULL && bodies->untagged != NULL)
    {
      bodies->label = bodies->untagged;
      bodies->label_path = g_strdup (bodies->untagged_path);
    }

  if (bodies->label == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: no label: no body is a TextualBody with the purpose “tagging”"), path);
      return FALSE;
    }
  if (!ann_label_id_is_valid (bodies->label))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: “%s” is not a valid label (it must be non-empty, without spaces)"),
                   bodies->label_path, bodies->label);
      return FALSE;
    }

  return TRUE;
}

/* --- import: the collection, and what the file holds -------------------------------------- */

static gboolean
collect_collection (Reader      *self,
                    JsonObject  *collection,
                    const char  *path,
                    GPtrArray   *items,
                    GError     **error)
{
  g_auto(GStrv) creators = NULL;
  g_autofree char *first_path = g_strdup_printf ("%s.first", path);
  JsonNode *total_node;
  JsonNode *first;
  gint64 total = -1;

  if (!check_context (collection, path, TRUE, error) ||
      !ann_json_get_string (collection, path, "label", FALSE, &self->title, error) ||
      !ann_json_get_member (collection, path, "total", ANN_JSON_INTEGER, FALSE, &total_node,
                            error) ||
      !read_creators (self, collection, path, &creators, error))
    return FALSE;

  /* The file has one annotator; several creators of the collection leave it empty. */
  if (creators != NULL && creators[1] == NULL)
    self->annotator = g_strdup (creators[0]);
  else if (creators != NULL)
    {
      g_autofree char *creator_path = g_strdup_printf ("%s.creator", path);

      reader_ignore (self, creator_path);
    }

  if (total_node != NULL)
    {
      total = json_node_get_int (total_node);
      if (total < 0)
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s.total: %lld is not a number of annotations"), path,
                       (long long) total);
          return FALSE;
        }
    }

  first = json_object_get_member (collection, "first");
  if (first == NULL && total > 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the collection has %lld annotations but no “first” page"), path,
                   (long long) total);
      return FALSE;
    }
  if (first != NULL && is_string_node (first))
    return fail_only_referenced (first, first_path, error);
  if (first != NULL && !collect_pages (first, first_path, TRUE, items, error))
    return FALSE;

  /* A total that differs from what the pages hold means a part of the file is missing. */
  if (total >= 0 && (guint64) total != items->len)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s.total: the collection has %lld annotations, but its pages hold %u"),
                   path, (long long) total, items->len);
      return FALSE;
    }

  return TRUE;
}

static gboolean
collect_annotations (Reader      *self,
                     JsonNode    *root,
                     const char  *path,
                     GPtrArray   *items,
                     GError     **error)
{
  JsonObject *object;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        add_item (items, g_strdup_printf ("%s[%u]", path, i), json_array_get_element (array, i),
                  FALSE);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      object = json_node_get_object (root);
      if (has_type (object, "AnnotationCollection"))
        return collect_collection (self, object, path, items, error);
      if (has_type (object, "AnnotationPage"))
        return collect_pages (root, path, FALSE, items, error);
      if (has_type (object, "Annotation"))
        {
          add_item (items, g_strdup (path), root, FALSE);
          return TRUE;
        }
    }

  g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
               _("%s: expected an Annotation, an AnnotationPage, an AnnotationCollection or an "
                 "array of Annotations, found %s"),
               path, JSON_NODE_HOLDS_OBJECT (root) ? _("an object of another type")
                                                   : ann_json_describe_node (root));
  return FALSE;
}

/* --- import: targets ---------------------------------------------------------------------- */

/* Every target must point at one article; our own "sha256:" ids also say which text. */
static gboolean
check_source (Reader      *self,
              const char  *source,
              const char  *path,
              GError     **error)
{
  AnnDocument *document = ann_file_get_document (ann_import_get_file (self->import));
  const char *normal_id = ann_document_get_id (document);

  if (!is_iri (source))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: “%s” is not an IRI, which the model requires"), path, source);
      return FALSE;
    }

  if (self->source != NULL)
    {
      if (strcmp (self->source, source) == 0)
        return TRUE;

      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the source “%s” differs from “%s” at %s; this program imports the "
                     "annotations of one article at a time"),
                   path, source, self->source, json_path_of (self, self->source_path));
      return FALSE;
    }

  if (g_str_has_prefix (source, "sha256:") &&
      strcmp (source, normal_id) != 0 && strcmp (source, self->raw_id) != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the annotations are of the article “%s”, but %s holds another text "
                     "(“%s”)"),
                   path, source, self->text_name, self->raw_id);
      return FALSE;
    }

  self->source = source;
  self->source_path = g_strdup (path);
  return TRUE;
}

typedef struct
{
  gboolean  found;
  guint     start;
  guint     end;
  char     *where;      /* the selector that gave the span */
} Span;

static gboolean
read_position_selector (Reader      *self,
                        JsonObject  *selector,
                        const char  *path,
                        Span        *span,
                        GError     **error)
{
  gint64 start, end;

  if (!ann_json_get_offset (selector, path, "start", &start, error) ||
      !ann_json_get_offset (selector, path, "end", &end, error))
    return FALSE;

  if (end > self->raw_length)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the end %lld is past the end of the text (%s has %u characters)"),
                   path, (long long) end, self->text_name, self->raw_length);
      return FALSE;
    }
  if (start >= end)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the span %lld–%lld is empty or ends before it starts"),
                   path, (long long) start, (long long) end);
      return FALSE;
    }

  if (!span->found)
    {
      span->found = TRUE;
      span->start = start;
      span->end = end;
      span->where = g_strdup (path);
      return TRUE;
    }

  if (span->start != start || span->end != end)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the span %lld–%lld differs from %u–%u at %s"),
                   path, (long long) start, (long long) end, span->start, span->end,
                   json_path_of (self, span->where));
      return FALSE;
    }
  return TRUE;
}

/* A quote without a position: the one place where prefix, exact and suffix occur together. */
static gboolean
find_quote (Reader      *self,
            const char  *exact,
            const char  *prefix,
            const char  *suffix,
            const char  *path,
            Span        *span,
            GError     **error)
{
  g_autofree char *needle = g_strconcat (prefix, exact, suffix, NULL);
  const char *first = NULL;
  guint count = 0;

  for (const char *p = strstr (self->raw, needle); p != NULL && count < 2;
       p = strstr (g_utf8_next_char (p), needle))
    {
      if (count++ == 0)
        first = p;
    }

  if (count == 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the quote “%s” does not occur in %s with its prefix and suffix"),
                   path, exact, self->text_name);
      return FALSE;
    }
  if (count > 1)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the quote “%s” occurs more than once in %s, and its prefix and suffix "
                     "do not tell which is meant (a TextPositionSelector would)"),
                   path, exact, self->text_name);
      return FALSE;
    }

  span->found = TRUE;
  span->start = raw_char_offset (self, (first - self->raw) + strlen (prefix));
  span->end = span->start + g_utf8_strlen (exact, -1);
  span->where = g_strdup (path);
  return TRUE;
}

/* Checks a quote against the span: the model has the two selectors describe one segment. */
static gboolean
check_quote (Reader      *self,
             const char  *exact,
             const char  *prefix,
             const char  *suffix,
             const char  *path,
             Span        *span,
             GError     **error)
{
  guint n_prefix = g_utf8_strlen (prefix, -1);
  guint n_suffix = g_utf8_strlen (suffix, -1);

  if (!raw_slice_equals (self, span->start, span->end, exact))
    {
      g_autofree char *actual = dup_raw_slice (self, span->start, span->end);

      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: “exact” is “%s”, but the text at %u–%u (%s) reads “%s”"),
                   path, exact, span->start, span->end, json_path_of (self, span->where),
                   actual);
      return FALSE;
    }

  if (n_prefix > span->start ||
      !raw_slice_equals (self, span->start - n_prefix, span->start, prefix))
    {
      g_autofree char *actual = dup_raw_slice (self, span->start - MIN (n_prefix, span->start),
                                               span->start);

      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the “prefix” “%s” differs from the text before %u, which reads “%s”"),
                   path, prefix, span->start, actual);
      return FALSE;
    }

  if (n_suffix > self->raw_length - span->end ||
      !raw_slice_equals (self, span->end, span->end + n_suffix, suffix))
    {
      g_autofree char *actual = dup_raw_slice (self, span->end,
                                               MIN (self->raw_length, span->end + n_suffix));

      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the “suffix” “%s” differs from the text after %u, which reads “%s”"),
                   path, suffix, span->end, actual);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_quote_selector (Reader      *self,
                     JsonObject  *selector,
                     const char  *path,
                     Span        *span,
                     GError     **error)
{
  const char *exact, *prefix, *suffix;

  if (!ann_json_get_string (selector, path, "exact", TRUE, &exact, error) ||
      !ann_json_get_string (selector, path, "prefix", FALSE, &prefix, error) ||
      !ann_json_get_string (selector, path, "suffix", FALSE, &suffix, error))
    return FALSE;

  if (*exact == '\0')
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: “exact” is empty, but an entity spans at least one character"), path);
      return FALSE;
    }

  if (prefix == NULL)
    prefix = "";
  if (suffix == NULL)
    suffix = "";

  if (!span->found && !find_quote (self, exact, prefix, suffix, path, span, error))
    return FALSE;
  return check_quote (self, exact, prefix, suffix, path, span, error);
}

/* The selectors that are not text selectors (XPath, CSS, fragments …) describe the same
 * segment in other terms, so they are skipped when a text selector is present. Positions
 * are read first, since a quote is checked against them rather than searched. */
static gboolean
read_selectors (Reader      *self,
                JsonNode    *node,
                const char  *path,
                Span        *span,
                GError     **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean any = FALSE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_ptr_array_add (nodes, json_array_get_element (array, i));
          g_ptr_array_add (paths, g_strdup_printf ("%s[%u]", path, i));
        }
    }
  else
    {
      g_ptr_array_add (nodes, node);
      g_ptr_array_add (paths, g_strdup (path));
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *wanted = pass == 0 ? "TextPositionSelector" : "TextQuoteSelector";

      for (guint i = 0; i < nodes->len; i++)
        {
          const char *selector_path = g_ptr_array_index (paths, i);
          JsonObject *selector;
          gboolean ok;

          if (!ann_json_expect (g_ptr_array_index (nodes, i), ANN_JSON_OBJECT, selector_path,
                                error))
            return FALSE;
          selector = json_node_get_object (g_ptr_array_index (nodes, i));
          if (!has_type (selector, wanted))
            continue;

          if (json_object_has_member (selector, "refinedBy"))
            {
              g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                           _("%s: a selector refined by another (“refinedBy”) is not "
                             "supported"),
                           selector_path);
              return FALSE;
            }

          any = TRUE;
          if (pass == 0)
            ok = read_position_selector (self, selector, selector_path, span, error);
          else
            ok = read_quote_selector (self, selector, selector_path, span, error);
          if (!ok)
            return FALSE;
        }
    }

  if (!any)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: no TextPositionSelector or TextQuoteSelector, so the span in the "
                     "text is unknown"),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_target (Reader      *self,
             JsonObject  *annotation,
             const char  *path,
             Span        *span,
             GError     **error)
{
  g_autofree char *target_path = g_strdup_printf ("%s.target", path);
  g_autofree char *selector_path = NULL;
  JsonNode *node = json_object_get_member (annotation, "target");
  JsonObject *target;
  JsonNode *selector;
  const char *source;

  if (node == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the required member “%s” is missing"), path, "target");
      return FALSE;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (json_array_get_length (array) != 1)
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: %u targets, but an entity is one span of one article"),
                       target_path, json_array_get_length (array));
          return FALSE;
        }
      node = json_array_get_element (array, 0);
      g_free (target_path);
      target_path = g_strdup_printf ("%s.target[0]", path);
    }

  if (is_string_node (node))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the target “%s” is a whole resource; an entity needs a "
                     "TextPositionSelector or a TextQuoteSelector"),
                   target_path, json_node_get_string (node));
      return FALSE;
    }

  if (!ann_json_expect (node, ANN_JSON_OBJECT, target_path, error))
    return FALSE;
  target = json_node_get_object (node);

  if (!ann_json_get_string (target, target_path, "source", TRUE, &source, error))
    return FALSE;
  selector_path = g_strdup_printf ("%s.source", target_path);
  if (!check_source (self, source, selector_path, error))
    return FALSE;

  selector = json_object_get_member (target, "selector");
  if (selector == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the required member “%s” is missing"), target_path, "selector");
      return FALSE;
    }
  g_free (selector_path);
  selector_path = g_strdup_printf ("%s.selector", target_path);
  return read_selectors (self, selector, selector_path, span, error);
}

/* --- import: annotations ------------------------------------------------------------------ */

/* The model requires an IRI; our own ids give the entity id back, others none (a new one). */
static gboolean
read_entity_id (JsonObject   *annotation,
                const char   *path,
                char        **entity_id,
                GError      **error)
{
  const char *iri, *infix;

  *entity_id = NULL;
  if (!ann_json_get_string (annotation, path, "id", TRUE, &iri, error))
    return FALSE;
  if (!is_iri (iri))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s.id: “%s” is not an IRI, which the model requires"), path, iri);
      return FALSE;
    }

  if (!g_str_has_prefix (iri, ID_PREFIX))
    return TRUE;
  infix = strstr (iri + strlen (ID_PREFIX), ENTITY_INFIX);
  if (infix == NULL)
    return TRUE;

  *entity_id = g_uri_unescape_string (infix + strlen (ENTITY_INFIX), NULL);
  if (*entity_id == NULL || !ann_label_id_is_valid (*entity_id))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s.id: “%s” does not end in a valid entity id"), path, iri);
      g_clear_pointer (entity_id, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_annotation (Reader      *self,
                 Item        *item,
                 GError     **error)
{
  g_auto(GStrv) annotators = NULL;
  g_autoptr(AnnEntity) entity = NULL;
  g_autofree char *entity_id = NULL;
  Bodies bodies = { NULL, };
  Span span = { FALSE, };
  JsonObject *annotation;
  gboolean ok;

  if (!ann_json_expect (item->node, ANN_JSON_OBJECT, item->path, error))
    return FALSE;
  annotation = json_node_get_object (item->node);

  if (!check_context (annotation, item->path, !item->has_context, error))
    return FALSE;
  if (!has_type (annotation, "Annotation"))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: expected an object of type “Annotation”"), item->path);
      return FALSE;
    }

  ok = read_entity_id (annotation, item->path, &entity_id, error) &&
       read_bodies (self, annotation, item->path, &bodies, error) &&
       read_creators (self, annotation, item->path, &annotators, error) &&
       read_target (self, annotation, item->path, &span, error);

  if (ok)
    entity = ann_import_create_entity (self->import, entity_id, bodies.label, span.start,
                                       span.end, NULL, span.where, error);
  if (entity != NULL)
    {
      ann_entity_set_note (entity, is_set (bodies.note) ? bodies.note : NULL);
      ann_entity_set_ref (entity, is_set (bodies.ref) ? bodies.ref : NULL);
      ann_entity_set_status (entity, bodies.status);
      ann_entity_set_annotators (entity, (const char * const *) annotators);
    }

  ok = entity != NULL && ann_import_add_entity (self->import, entity, item->path, error);
  bodies_clear (&bodies);
  g_free (span.where);
  return ok;
}

/* The text lives beside the annotations, named as the export names it. */
static gboolean
reader_load_text (Reader      *self,
                  GFile       *input,
                  GError     **error)
{
  g_autoptr(GFile) text_file = ann_format_part_file (input, ".txt");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *raw = NULL;
  const guint8 *data;
  gsize length;
  gsize byte;

  self->text_name = ann_io_describe_file (text_file);
  bytes = ann_io_load (text_file, &local_error);
  if (bytes == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("%s: W3C annotations do not hold the article, which is "
                                    "read from %s beside them: "),
                                  self->name, self->text_name);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);
  raw = ann_text_decode (data, length, error);
  if (raw == NULL)
    {
      g_prefix_error (error, "%s: ", self->text_name);
      return FALSE;
    }

  self->import = ann_import_new (raw, self->text_name, error);
  if (self->import == NULL)
    return FALSE;

  self->raw = ann_import_get_raw_text (self->import);
  self->raw_length = ann_import_get_raw_length (self->import);
  self->raw_id = ann_text_compute_id (self->raw);
  self->raw_bytes = g_array_sized_new (FALSE, FALSE, sizeof (gsize), self->raw_length + 1);
  for (const char *p = self->raw; ; p = g_utf8_next_char (p))
    {
      byte = p - self->raw;
      g_array_append_val (self->raw_bytes, byte);
      if (*p == '\0')
        break;
    }

  return TRUE;
}

static char *
reader_dup_warning (Reader *self)
{
  if (self->n_ignored == 0)
    return NULL;

  /* Two sentences, not one with plural forms: where a language has a single plural form,
   * ngettext would show one sentence for both. */
  if (self->n_ignored == 1)
    return g_strdup_printf (_("%s: left out a part that this program cannot hold (%s)"),
                            self->name, json_path_of (self, self->first_ignored));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s: left out %u parts that this program cannot hold "
                                       "(the first: %s)",
                                       "%s: left out %u parts that this program cannot hold "
                                       "(the first: %s)",
                                       self->n_ignored),
                          self->name, self->n_ignored,
                          json_path_of (self, self->first_ignored));
}

/**
 * ann_format_w3c_import:
 * @input: the annotations (.json); the article's text is read from the .txt beside it
 * @warning: (out) (optional): set when bodies or creators were left out
 *
 * Returns: (transfer full): a new annotation file, or %NULL with an error that names the
 *   file and the JSON path
 */
AnnFile *
ann_format_w3c_import (GFile   *input,
                       char   **warning,
                       GError **error)
{
  g_autoptr(Reader) self = g_new0 (Reader, 1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *root_path = NULL;
  AnnFile *file;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (input), NULL);

  bytes = ann_io_load (input, error);
  if (bytes == NULL)
    return NULL;

  self->name = ann_io_describe_file (input);
  data = g_bytes_get_data (bytes, &length);
  self->parser = ann_json_parse_strict (data ? data : "", length, self->name, error);
  if (self->parser == NULL)
    return NULL;

  root_path = g_strdup_printf ("%s: $", self->name);
  if (!collect_annotations (self, json_parser_get_root (self->parser), root_path, items,
                            error) ||
      !reader_load_text (self, input, error))
    return NULL;

  for (guint i = 0; i < items->len; i++)
    if (!read_annotation (self, g_ptr_array_index (items, i), error))
      return NULL;

  file = ann_import_get_file (self->import);
  if (is_set (self->title))
    ann_document_set_title (ann_file_get_document (file), self->title);
  ann_file_set_annotator (file, self->annotator);

  if (warning != NULL)
    *warning = reader_dup_warning (self);
  return g_object_ref (file);
}
