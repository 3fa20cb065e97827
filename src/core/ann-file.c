/* ann-file.c: an annotation file: the article, its labels, entities and relations
 *
 * This is the native format, version 1 (see data/FORMAT.md). Loading is strict, because
 * json-glib 1.6 is lax where a user's data is at stake: a strict syntax pass first (true line
 * and column, no second root, no duplicate keys), then json-glib builds the tree, then every
 * member is checked by hand with an error that names its JSON path and entity id. Unknown
 * members are refused rather than dropped, so a save never loses what a file held.
 *
 * Writing is deterministic (fixed key order, entities in store order, the layout of
 * ann-json-writer.c), so loading and saving a file we wrote gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-file.h"
#include "ann-io.h"
#include "ann-json-reader.h"
#include "ann-json-writer.h"
#include "ann-text.h"

struct _AnnFile
{
  GObject         parent_instance;

  AnnDocument    *document;
  AnnLabelSchema *labels;
  AnnEntityStore *entities;
  GPtrArray      *relations;   /* AnnRelation */
  char           *annotator;
};

G_DEFINE_FINAL_TYPE (AnnFile, ann_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANNOTATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

AnnRelation *
ann_relation_new (const char *id,
                  const char *type,
                  const char *from,
                  const char *to)
{
  AnnRelation *relation = g_new0 (AnnRelation, 1);

  relation->id = g_strdup (id);
  relation->type = g_strdup (type);
  relation->from = g_strdup (from);
  relation->to = g_strdup (to);
  return relation;
}

void
ann_relation_free (AnnRelation *relation)
{
  if (relation == NULL)
    return;
  g_free (relation->id);
  g_free (relation->type);
  g_free (relation->from);
  g_free (relation->to);
  g_free (relation);
}

static void
ann_file_finalize (GObject *object)
{
  AnnFile *self = (AnnFile *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->labels);
  g_clear_object (&self->entities);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_pointer (&self->annotator, g_free);

  G_OBJECT_CLASS (ann_file_parent_class)->finalize (object);
}

static void
ann_file_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AnnFile *self = ANN_FILE (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_file_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AnnFile *self = ANN_FILE (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      ann_file_set_annotator (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_file_class_init (AnnFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_file_finalize;
  object_class->get_property = ann_file_get_property;
  object_class->set_property = ann_file_set_property;

  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ann_file_init (AnnFile *self)
{
  self->entities = ann_entity_store_new ();
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_relation_free);
}

/**
 * ann_file_new:
 *
 * A file for @document with the labels @labels and no entities yet.
 */
AnnFile *
ann_file_new (AnnDocument    *document,
              AnnLabelSchema *labels)
{
  AnnFile *self;

  g_return_val_if_fail (ANN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (ANN_IS_LABEL_SCHEMA (labels), NULL);

  self = g_object_new (ANN_TYPE_FILE, NULL);
  self->document = g_object_ref (document);
  self->labels = g_object_ref (labels);
  return self;
}

/* Ids (of labels, entities and relations) and relation types follow the rule of label ids,
 * since exchange formats hold them as words. The message names the member, and shows a
 * control or invisible character as its code point: printed raw, it would hide. */
static gboolean
check_token (const char  *value,
             const char  *path,
             const char  *member,
             GError     **error)
{
  g_autofree char *shown = NULL;

  if (ann_label_id_is_valid (value))
    return TRUE;

  shown = ann_text_show_invisible (value);
  if (strcmp (member, "type") == 0)
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s.type: “%s” is not a valid relation type (it must be non-empty, without "
                   "white space or control characters)"), path, shown);
  else
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s.id: “%s” is not a valid id (it must be non-empty, without white space "
                   "or control characters)"), path, shown);
  return FALSE;
}

/* --- the document ------------------------------------------------------------------------- */

static AnnDocument *
read_document (JsonObject  *root,
               GError     **error)
{
  static const char * const allowed[] = { "id", "title", "source", "language", "text", NULL };
  g_autoptr(AnnDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;
  JsonObject *object;
  const char *id, *text, *title, *source, *language;

  if (!ann_json_get_member (root, "$", "document", ANN_JSON_OBJECT, TRUE, &node, error))
    return NULL;
  object = json_node_get_object (node);

  if (!ann_json_check_members (object, "$.document", allowed, error) ||
      !ann_json_get_string (object, "$.document", "id", TRUE, &id, error) ||
      !ann_json_get_string (object, "$.document", "text", TRUE, &text, error) ||
      !ann_json_get_string (object, "$.document", "title", FALSE, &title, error) ||
      !ann_json_get_string (object, "$.document", "source", FALSE, &source, error) ||
      !ann_json_get_string (object, "$.document", "language", FALSE, &language, error))
    return NULL;

  document = ann_document_new (text, &local_error);
  if (document == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID, "$.document.text: %s",
                   local_error->message);
      return NULL;
    }

  if (strcmp (id, ann_document_get_id (document)) != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("$.document.id: the id “%s” does not match the text, whose id is “%s”; "
                     "the text was changed after the file was written"),
                   id, ann_document_get_id (document));
      return NULL;
    }

  /* The file's own title wins over the first line, even when absent. */
  ann_document_set_title (document, title);
  ann_document_set_source (document, source);
  ann_document_set_language (document, language);

  return g_steal_pointer (&document);
}

/* --- the labels --------------------------------------------------------------------------- */

static AnnLabel *
read_label (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  static const char * const allowed[] = { "id", "name", "color", "key", NULL };
  JsonObject *object;
  const char *id, *name, *color, *key;

  if (!ann_json_expect (node, ANN_JSON_OBJECT, path, error))
    return NULL;
  object = json_node_get_object (node);

  if (!ann_json_check_members (object, path, allowed, error) ||
      !ann_json_get_string (object, path, "id", TRUE, &id, error) ||
      !ann_json_get_string (object, path, "name", FALSE, &name, error) ||
      !ann_json_get_string (object, path, "color", FALSE, &color, error) ||
      !ann_json_get_string (object, path, "key", FALSE, &key, error))
    return NULL;

  if (!check_token (id, path, "id", error))
    return NULL;
  if (color != NULL && !ann_label_color_is_valid (color))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s.color: “%s” is not a colour of the form #rrggbb"), path, color);
      return NULL;
    }
  if (key != NULL && !ann_label_key_is_valid (key))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s.key: “%s” is not a key from 1 to 9"), path, key);
      return NULL;
    }

  return ann_label_new (id, name, color, key);
}

static AnnLabelSchema *
read_labels (JsonObject  *root,
             GError     **error)
{
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new ();
  JsonNode *node;
  JsonArray *array;

  if (!ann_json_get_member (root, "$", "labels", ANN_JSON_ARRAY, TRUE, &node, error))
    return NULL;
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.labels[%u]", i);
      g_autoptr(AnnLabel) label = read_label (json_array_get_element (array, i), path, error);

      if (label == NULL)
        return NULL;
      if (!ann_label_schema_add (labels, label, error))
        {
          g_prefix_error (error, "%s: ", path);
          return NULL;
        }
    }

  return g_steal_pointer (&labels);
}

/* --- the entities ------------------------------------------------------------------------- */

static gboolean
read_annotators (JsonObject  *object,
                 const char  *path,
                 GStrv       *annotators,
                 GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;
  JsonArray *array;

  *annotators = NULL;
  if (!ann_json_get_member (object, path, "annotators", ANN_JSON_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s.annotators[%u]", path, i);
      JsonNode *item = json_array_get_element (array, i);

      if (!ann_json_expect (item, ANN_JSON_STRING, item_path, error))
        return FALSE;
      if (*json_node_get_string (item) == '\0')
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: an annotator's name cannot be empty"), item_path);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }

  *annotators = g_strv_builder_end (builder);
  return TRUE;
}

/* Whether @text is the slice of @article from @start to @end when these count UTF-8 bytes or
 * UTF-16 units instead of characters, as other tools often do: the message then says so. */
static gboolean
found_counting (const char *article,
                gint64      start,
                gint64      end,
                const char *text,
                gboolean    utf16)
{
  const char *from = NULL;
  const char *to = NULL;
  gint64 units = 0;

  for (const char *p = article; units <= end; p = g_utf8_next_char (p))
    {
      if (units == start)
        from = p;
      if (units == end)
        to = p;
      if (*p == '\0' || to != NULL)
        break;
      if (utf16)
        units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
      else
        units += g_utf8_skip[*(const guchar *) p];
    }

  return from != NULL && to != NULL && strlen (text) == (gsize) (to - from) &&
         memcmp (from, text, to - from) == 0;
}

/* An entity's text that differs from the article's slice: say how, when we can tell, since
 * the two may look the same (an NFD text) or be there at offsets counted in other units. */
static void
refuse_mismatch (AnnDocument  *document,
                 const char   *path,
                 gint64        start,
                 gint64        end,
                 const char   *text,
                 GError      **error)
{
  const char *article = ann_document_get_text (document);
  g_autofree char *actual = ann_document_dup_slice (document, start, end);
  g_autofree char *composed = ann_text_compose (text);

  if (strcmp (composed, actual) == 0)
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s: the text “%s” is not in Unicode normal form C (NFC): it must be "
                   "written with composed characters, as the article at %lld–%lld is"),
                 path, text, (long long) start, (long long) end);
  else if (found_counting (article, start, end, text, FALSE))
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s: the text “%s” does not match the article at %lld–%lld, which reads “%s” "
                   "(offsets count characters, not bytes)"),
                 path, text, (long long) start, (long long) end, actual);
  else if (found_counting (article, start, end, text, TRUE))
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s: the text “%s” does not match the article at %lld–%lld, which reads “%s” "
                   "(offsets count characters (code points), not UTF-16 units)"),
                 path, text, (long long) start, (long long) end, actual);
  else
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s: the text “%s” does not match the article at %lld–%lld, which reads “%s”"),
                 path, text, (long long) start, (long long) end, actual);
}

static gboolean
check_span (AnnDocument  *document,
            const char   *path,
            gint64        start,
            gint64        end,
            const char   *text,
            GError      **error)
{
  guint length = ann_document_get_length (document);
  gsize byte_start;
  gsize byte_end;

  if (end <= start)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: end %lld is not after start %lld"),
                   path, (long long) end, (long long) start);
      return FALSE;
    }
  if (end > length)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: end %lld is past the end of the text (%u characters)"),
                   path, (long long) end, length);
      return FALSE;
    }

  byte_start = ann_document_get_byte_offset (document, start);
  byte_end = ann_document_get_byte_offset (document, end);
  if (strlen (text) == byte_end - byte_start &&
      memcmp (text, ann_document_get_text (document) + byte_start, byte_end - byte_start) == 0)
    return TRUE;

  refuse_mismatch (document, path, start, end, text, error);
  return FALSE;
}

static AnnEntity *
read_entity (JsonNode        *node,
             const char      *index_path,
             AnnDocument     *document,
             AnnLabelSchema  *labels,
             GError         **error)
{
  static const char * const allowed[] = {
    "id", "label", "start", "end", "text", "note", "ref", "status", "annotators", NULL
  };
  g_autoptr(AnnEntity) entity = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) annotators = NULL;
  AnnEntityStatus status = ANN_ENTITY_STATUS_NONE;
  JsonObject *object;
  const char *id, *label, *text, *note, *ref, *status_name;
  gint64 start, end;

  if (!ann_json_expect (node, ANN_JSON_OBJECT, index_path, error))
    return NULL;
  object = json_node_get_object (node);

  if (!ann_json_get_string (object, index_path, "id", TRUE, &id, error))
    return NULL;
  if (!check_token (id, index_path, "id", error))
    return NULL;

  /* From here on, messages name the entity by its id too. */
  path = g_strdup_printf ("%s (“%s”)", index_path, id);

  if (!ann_json_check_members (object, path, allowed, error) ||
      !ann_json_get_string (object, path, "label", TRUE, &label, error) ||
      !ann_json_get_offset (object, path, "start", &start, error) ||
      !ann_json_get_offset (object, path, "end", &end, error) ||
      !ann_json_get_string (object, path, "text", TRUE, &text, error) ||
      !ann_json_get_string (object, path, "note", FALSE, &note, error) ||
      !ann_json_get_string (object, path, "ref", FALSE, &ref, error) ||
      !ann_json_get_string (object, path, "status", FALSE, &status_name, error) ||
      !read_annotators (object, path, &annotators, error))
    return NULL;

  if (ann_label_schema_lookup (labels, label) == NULL)
    {
      g_autofree char *shown = ann_text_show_invisible (label);

      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the label “%s” is not defined in $.labels"), path, shown);
      return NULL;
    }
  if (!check_span (document, path, start, end, text, error))
    return NULL;
  if (status_name != NULL && !ann_entity_status_from_string (status_name, &status))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the status “%s” is not one of pending, accepted, rejected"),
                   path, status_name);
      return NULL;
    }

  entity = ann_entity_new (id, label, start, end, text);
  ann_entity_set_note (entity, note);
  ann_entity_set_ref (entity, ref);
  ann_entity_set_status (entity, status);
  ann_entity_set_annotators (entity, (const char * const *) annotators);

  return g_steal_pointer (&entity);
}

static gboolean
read_entities (JsonObject  *root,
               AnnFile     *self,
               GError     **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!ann_json_get_member (root, "$", "entities", ANN_JSON_ARRAY, TRUE, &node, error))
    return FALSE;
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.entities[%u]", i);
      g_autoptr(AnnEntity) entity = NULL;

      entity = read_entity (json_array_get_element (array, i), path, self->document,
                            self->labels, error);
      if (entity == NULL)
        return FALSE;
      if (!ann_entity_store_add (self->entities, entity, error))
        {
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }
    }

  return TRUE;
}

/* --- the relations ------------------------------------------------------------------------ */

static gboolean
read_relation (JsonNode     *node,
               const char   *path,
               AnnFile      *self,
               GHashTable   *seen_ids,
               GError      **error)
{
  static const char * const allowed[] = { "id", "type", "from", "to", NULL };
  JsonObject *object;
  const char *id, *type, *from, *to;

  if (!ann_json_expect (node, ANN_JSON_OBJECT, path, error))
    return FALSE;
  object = json_node_get_object (node);

  if (!ann_json_check_members (object, path, allowed, error) ||
      !ann_json_get_string (object, path, "id", TRUE, &id, error) ||
      !ann_json_get_string (object, path, "type", TRUE, &type, error) ||
      !ann_json_get_string (object, path, "from", TRUE, &from, error) ||
      !ann_json_get_string (object, path, "to", TRUE, &to, error))
    return FALSE;

  if (!check_token (id, path, "id", error) || !check_token (type, path, "type", error))
    return FALSE;
  if (!g_hash_table_add (seen_ids, (char *) id))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("%s: relation id “%s” is used twice"), path, id);
      return FALSE;
    }
  for (const char *end_id = from; end_id != NULL; end_id = end_id == from ? to : NULL)
    {
      if (ann_entity_store_lookup_id (self->entities, end_id) == NULL)
        {
          g_autofree char *shown = ann_text_show_invisible (end_id);

          g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND,
                       _("%s: relation “%s” refers to entity “%s”, which does not exist"),
                       path, id, shown);
          return FALSE;
        }
    }

  g_ptr_array_add (self->relations, ann_relation_new (id, type, from, to));
  return TRUE;
}

static gboolean
read_relations (JsonObject  *root,
                AnnFile     *self,
                GError     **error)
{
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node;
  JsonArray *array;

  if (!ann_json_get_member (root, "$", "relations", ANN_JSON_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.relations[%u]", i);

      if (!read_relation (json_array_get_element (array, i), path, self, seen_ids, error))
        return FALSE;
    }

  return TRUE;
}

/* --- the whole file ----------------------------------------------------------------------- */

static gboolean
check_format_and_version (JsonObject  *root,
                          GError     **error)
{
  const char *format;
  JsonNode *node;
  gint64 version;

  if (!ann_json_get_string (root, "$", "format", TRUE, &format, error))
    return FALSE;
  if (strcmp (format, ANN_FILE_FORMAT_NAME) != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("$.format: “%s” is not “%s”; this is not an annotation file of this program"),
                   format, ANN_FILE_FORMAT_NAME);
      return FALSE;
    }

  if (!ann_json_get_member (root, "$", "version", ANN_JSON_INTEGER, TRUE, &node, error))
    return FALSE;
  version = json_node_get_int (node);
  if (version > ANN_FILE_FORMAT_VERSION)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_VERSION,
                   _("$.version: the file is format version %lld, written by a "
                     "newer program; this one reads version %d: a newer Article Annotator is "
                     "needed to open it"),
                   (long long) version, ANN_FILE_FORMAT_VERSION);
      return FALSE;
    }
  if (version < ANN_FILE_FORMAT_VERSION)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("$.version: %lld is not a version of the format"),
                   (long long) version);
      return FALSE;
    }

  return TRUE;
}

static AnnFile *
read_root (JsonNode  *root_node,
           GError   **error)
{
  static const char * const allowed[] = {
    "format", "version", "document", "annotator", "labels", "entities", "relations", NULL
  };
  g_autoptr(AnnFile) self = NULL;
  JsonObject *root;
  const char *annotator;

  if (!ann_json_expect (root_node, ANN_JSON_OBJECT, "$", error))
    return NULL;
  root = json_node_get_object (root_node);

  if (!check_format_and_version (root, error) ||
      !ann_json_check_members (root, "$", allowed, error) ||
      !ann_json_get_string (root, "$", "annotator", FALSE, &annotator, error))
    return NULL;

  self = g_object_new (ANN_TYPE_FILE, NULL);
  self->annotator = annotator && *annotator ? g_strdup (annotator) : NULL;

  if (!(self->document = read_document (root, error)) ||
      !(self->labels = read_labels (root, error)) ||
      !read_entities (root, self, error) ||
      !read_relations (root, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ann_file_load_data:
 * @display_name: how messages name the file
 *
 * Reads a native file from memory; every error message starts with @display_name.
 */
AnnFile *
ann_file_load_data (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  AnnFile *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  parser = ann_json_parse_strict (data, length, display_name, error);
  if (parser == NULL)
    return NULL;

  self = read_root (json_parser_get_root (parser), error);
  if (self == NULL)
    g_prefix_error (error, "%s: ", display_name);
  return self;
}

AnnFile *
ann_file_load (GFile   *file,
               GError **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = ann_io_load (file, error);
  if (bytes == NULL)
    return NULL;

  display_name = ann_io_describe_file (file);
  data = g_bytes_get_data (bytes, &length);
  return ann_file_load_data (data ? data : "", length, display_name, error);
}

/**
 * ann_file_import_text:
 * @warning: (out) (optional): set when the text looks damaged but was imported
 *
 * A new annotation file for a plain-text article, with the default labels and no entities.
 * Error messages start with the file's name.
 */
AnnFile *
ann_file_import_text (GFile   *file,
                      char   **warning,
                      GError **error)
{
  g_autoptr(AnnDocument) document = NULL;
  g_autoptr(AnnLabelSchema) labels = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  document = ann_document_new_from_file (file, warning, error);
  if (document == NULL)
    {
      g_autofree char *name = ann_io_describe_file (file);

      /* ann_io_load() names the file it cannot read already (G_IO_ERROR, or too large). */
      if (error == NULL || (!g_error_matches (*error, ANN_ERROR, ANN_ERROR_TOO_LARGE) &&
                            (*error)->domain != G_IO_ERROR))
        g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  labels = ann_label_schema_new_default ();
  return ann_file_new (document, labels);
}

/* --- writing ------------------------------------------------------------------------------ */

static void
write_optional_string (AnnJsonWriter *writer,
                       const char    *key,
                       const char    *value)
{
  if (value != NULL && *value != '\0')
    ann_json_writer_string (writer, key, value);
}

static void
write_document (AnnFile       *self,
                AnnJsonWriter *writer)
{
  ann_json_writer_begin_object (writer, "document");
  ann_json_writer_string (writer, "id", ann_document_get_id (self->document));
  write_optional_string (writer, "title", ann_document_get_title (self->document));
  write_optional_string (writer, "source", ann_document_get_source (self->document));
  write_optional_string (writer, "language", ann_document_get_language (self->document));
  ann_json_writer_string (writer, "text", ann_document_get_text (self->document));
  ann_json_writer_end_object (writer);
}

static void
write_labels (AnnFile       *self,
              AnnJsonWriter *writer)
{
  ann_json_writer_begin_array (writer, "labels");
  for (guint i = 0; i < ann_label_schema_get_n_labels (self->labels); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (self->labels, i);

      ann_json_writer_begin_object (writer, NULL);
      ann_json_writer_string (writer, "id", ann_label_get_id (label));
      write_optional_string (writer, "name", ann_label_get_name (label));
      write_optional_string (writer, "color", ann_label_get_color (label));
      write_optional_string (writer, "key", ann_label_get_key (label));
      ann_json_writer_end_object (writer);
    }
  ann_json_writer_end_array (writer);
}

static void
write_entity (AnnEntity     *entity,
              AnnJsonWriter *writer)
{
  const char * const *annotators = ann_entity_get_annotators (entity);

  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "id", ann_entity_get_id (entity));
  ann_json_writer_string (writer, "label", ann_entity_get_label (entity));
  ann_json_writer_int (writer, "start", ann_entity_get_start (entity));
  ann_json_writer_int (writer, "end", ann_entity_get_end (entity));
  ann_json_writer_string (writer, "text", ann_entity_get_text (entity));
  write_optional_string (writer, "note", ann_entity_get_note (entity));
  write_optional_string (writer, "ref", ann_entity_get_ref (entity));
  write_optional_string (writer, "status",
                         ann_entity_status_to_string (ann_entity_get_status (entity)));
  if (annotators != NULL)
    {
      ann_json_writer_begin_array (writer, "annotators");
      for (guint i = 0; annotators[i]; i++)
        ann_json_writer_string (writer, NULL, annotators[i]);
      ann_json_writer_end_array (writer);
    }
  ann_json_writer_end_object (writer);
}

/* Relations whose entities were removed since loading are left out, so that what we write
 * always loads. */
static void
write_relations (AnnFile       *self,
                 AnnJsonWriter *writer)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->relations->len; i++)
    {
      AnnRelation *relation = g_ptr_array_index (self->relations, i);

      if (ann_entity_store_lookup_id (self->entities, relation->from) == NULL ||
          ann_entity_store_lookup_id (self->entities, relation->to) == NULL)
        continue;

      if (!any)
        ann_json_writer_begin_array (writer, "relations");
      any = TRUE;
      ann_json_writer_begin_object (writer, NULL);
      ann_json_writer_string (writer, "id", relation->id);
      ann_json_writer_string (writer, "type", relation->type);
      ann_json_writer_string (writer, "from", relation->from);
      ann_json_writer_string (writer, "to", relation->to);
      ann_json_writer_end_object (writer);
    }

  if (any)
    ann_json_writer_end_array (writer);
}

/**
 * ann_file_serialize:
 *
 * The file in its canonical form, ending with a newline.
 */
char *
ann_file_serialize (AnnFile *self,
                    gsize   *length)
{
  AnnJsonWriter *writer;
  g_autoptr(GPtrArray) entities = NULL;
  gsize written;
  char *data;

  g_return_val_if_fail (ANN_IS_FILE (self), NULL);

  writer = ann_json_writer_new (2);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "format", ANN_FILE_FORMAT_NAME);
  ann_json_writer_int (writer, "version", ANN_FILE_FORMAT_VERSION);
  write_document (self, writer);
  write_optional_string (writer, "annotator", self->annotator);
  write_labels (self, writer);

  entities = ann_entity_store_dup_all (self->entities);
  ann_json_writer_begin_array (writer, "entities");
  for (guint i = 0; i < entities->len; i++)
    write_entity (g_ptr_array_index (entities, i), writer);
  ann_json_writer_end_array (writer);

  write_relations (self, writer);
  ann_json_writer_end_object (writer);

  data = ann_json_writer_free_to_string (writer, &written);
  data = g_realloc (data, written + 2);
  data[written++] = '\n';
  data[written] = '\0';
  if (length)
    *length = written;
  return data;
}

/**
 * ann_file_save:
 *
 * Writes the file atomically: @file holds either its old contents or the new, whatever
 * happens during the save.
 */
gboolean
ann_file_save (AnnFile  *self,
               GFile    *file,
               GError  **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (ANN_IS_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = ann_file_serialize (self, &length);
  return ann_io_write_atomically (file, data, length, error);
}

AnnDocument *
ann_file_get_document (AnnFile *self)
{
  g_return_val_if_fail (ANN_IS_FILE (self), NULL);

  return self->document;
}

AnnLabelSchema *
ann_file_get_labels (AnnFile *self)
{
  g_return_val_if_fail (ANN_IS_FILE (self), NULL);

  return self->labels;
}

AnnEntityStore *
ann_file_get_entities (AnnFile *self)
{
  g_return_val_if_fail (ANN_IS_FILE (self), NULL);

  return self->entities;
}

/**
 * ann_file_get_relations:
 *
 * Returns: (transfer none) (element-type AnnRelation): the relations, as read
 */
GPtrArray *
ann_file_get_relations (AnnFile *self)
{
  g_return_val_if_fail (ANN_IS_FILE (self), NULL);

  return self->relations;
}

const char *
ann_file_get_annotator (AnnFile *self)
{
  g_return_val_if_fail (ANN_IS_FILE (self), NULL);

  return self->annotator;
}

void
ann_file_set_annotator (AnnFile    *self,
                        const char *annotator)
{
  g_return_if_fail (ANN_IS_FILE (self));

  if (annotator != NULL && *annotator == '\0')
    annotator = NULL;
  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;
  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

/**
 * ann_file_create_entity:
 *
 * A new entity of this file's document with a fresh id and the text of the span, not yet in
 * the store (add it through the history).
 */
AnnEntity *
ann_file_create_entity (AnnFile     *self,
                        const char  *label,
                        guint        start,
                        guint        end,
                        GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ANN_IS_FILE (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (ann_label_schema_lookup (self->labels, label) == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND,
                   _("the label “%s” is not defined"), label);
      return NULL;
    }
  if (start >= end || end > ann_document_get_length (self->document))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("the span %u–%u is empty or outside the text (%u characters)"),
                   start, end, ann_document_get_length (self->document));
      return NULL;
    }

  id = ann_entity_store_next_id (self->entities);
  text = ann_document_dup_slice (self->document, start, end);
  return ann_entity_new (id, label, start, end, text);
}
