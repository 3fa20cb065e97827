/* ann-format-labelstudio.c: Label Studio tasks JSON and its labeling config, import and export
 *
 * Label Studio keeps text-span (NER) annotations in tasks:
 *
 *   [{"data": {"text": "…"},
 *     "annotations": [{"result": [
 *       {"id": "T1", "from_name": "label", "to_name": "text", "type": "labels",
 *        "value": {"start": 13, "end": 21, "text": "Đắk Nông", "labels": ["LOC"]}},
 *       {"from_id": "T5", "to_id": "T3", "type": "relation", "direction": "right",
 *        "labels": ["issued_by"]}]}]}]
 *
 * Offsets count code points (characters), like ours, so none is converted.
 *
 * Export writes one task whose one annotation holds a "labels" result per entity, with the
 * entity's id as the result id, and a "relation" result per relation (its type as the
 * relation's label). An entity's note goes where Label Studio keeps a region's own note, its
 * meta text ("meta": {"text": [NOTE]}); its reference and status go beside it as "ref" and
 * "status", which Label Studio keeps with the region without showing them. Lost: the
 * annotators of an entity, the relation ids, the title and the label names and keys. A
 * second part, ".labeling-config.xml", is the labeling config that shows the task: a
 * <Labels> entry per label of the file with its colour, <Relations> when there are
 * relations, and the <Text> itself.
 *
 * Import reads a JSON array of tasks, or one task object, and takes the first task whose data
 * has a "text" string; other tasks are left out with a warning that counts them. Of that task
 * it takes the first annotation (the others are counted in the warning), or, when it has
 * none, its first prediction, whose entities become pending. A "labels" result gives one
 * entity per label; a "relation" result gives relations ("related" when it has no label); a
 * "textarea" result with the id of a "labels" result (a per-region text area) is that
 * region's note, as is the region's meta text. Other results (choices, ratings, hypertext
 * labels…) are left out and counted in the warning. Messages name the file and the JSON path
 * ("tasks.json: $[0].annotations[0].result[3].value: the required member “start” is missing").
 * The labeling config is not read: labels that the default schema lacks get new colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-labelstudio.h"
#include "ann-import.h"
#include "ann-io.h"
#include "ann-json-reader.h"
#include "ann-json-writer.h"
#include "ann-text.h"

/* The names that tie results to the labeling config. */
#define FROM_NAME "label"
#define TO_NAME   "text"

/* The type of an imported relation that has no label. */
#define DEFAULT_RELATION_TYPE "related"

/* --- export: the tasks -------------------------------------------------------------------- */

static gboolean
has_text (const char *value)
{
  return value != NULL && *value != '\0';
}

/* Label Studio's region meta: its note as "text", plus our reference and status. */
static void
write_region_meta (AnnJsonWriter *writer,
                   AnnEntity     *entity)
{
  const char *note = ann_entity_get_note (entity);
  const char *ref = ann_entity_get_ref (entity);
  const char *status = ann_entity_status_to_string (ann_entity_get_status (entity));

  if (!has_text (note) && !has_text (ref) && status == NULL)
    return;

  ann_json_writer_begin_object (writer, "meta");
  if (has_text (note))
    {
      ann_json_writer_begin_array (writer, "text");
      ann_json_writer_string (writer, NULL, note);
      ann_json_writer_end_array (writer);
    }
  if (has_text (ref))
    ann_json_writer_string (writer, "ref", ref);
  if (status != NULL)
    ann_json_writer_string (writer, "status", status);
  ann_json_writer_end_object (writer);
}

static void
write_labels_result (AnnJsonWriter *writer,
                     AnnEntity     *entity)
{
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "id", ann_entity_get_id (entity));
  ann_json_writer_string (writer, "from_name", FROM_NAME);
  ann_json_writer_string (writer, "to_name", TO_NAME);
  ann_json_writer_string (writer, "type", "labels");
  ann_json_writer_begin_object (writer, "value");
  ann_json_writer_int (writer, "start", ann_entity_get_start (entity));
  ann_json_writer_int (writer, "end", ann_entity_get_end (entity));
  ann_json_writer_string (writer, "text", ann_entity_get_text (entity));
  ann_json_writer_begin_array (writer, "labels");
  ann_json_writer_string (writer, NULL, ann_entity_get_label (entity));
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
  write_region_meta (writer, entity);
  ann_json_writer_end_object (writer);
}

static void
write_relation_result (AnnJsonWriter *writer,
                       AnnRelation   *relation)
{
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "from_id", relation->from);
  ann_json_writer_string (writer, "to_id", relation->to);
  ann_json_writer_string (writer, "type", "relation");
  ann_json_writer_string (writer, "direction", "right");
  ann_json_writer_begin_array (writer, "labels");
  ann_json_writer_string (writer, NULL, relation->type);
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
}

/* The relations whose two entities still exist, as the native writer keeps them. */
static GPtrArray *
dup_live_relations (AnnFile *file)
{
  AnnEntityStore *entities = ann_file_get_entities (file);
  GPtrArray *relations = ann_file_get_relations (file);
  GPtrArray *live = g_ptr_array_new ();

  for (guint i = 0; i < relations->len; i++)
    {
      AnnRelation *relation = g_ptr_array_index (relations, i);

      if (ann_entity_store_lookup_id (entities, relation->from) != NULL &&
          ann_entity_store_lookup_id (entities, relation->to) != NULL)
        g_ptr_array_add (live, relation);
    }

  return live;
}

static GBytes *
write_tasks (AnnFile   *file,
             GPtrArray *relations)
{
  g_autoptr(GPtrArray) entities = ann_entity_store_dup_all (ann_file_get_entities (file));
  AnnJsonWriter *writer = ann_json_writer_new (2);
  g_autofree char *json = NULL;
  gsize length;

  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_begin_object (writer, "data");
  ann_json_writer_string (writer, "text", ann_document_get_text (ann_file_get_document (file)));
  ann_json_writer_end_object (writer);
  ann_json_writer_begin_array (writer, "annotations");
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_begin_array (writer, "result");
  for (guint i = 0; i < entities->len; i++)
    write_labels_result (writer, g_ptr_array_index (entities, i));
  for (guint i = 0; i < relations->len; i++)
    write_relation_result (writer, g_ptr_array_index (relations, i));
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
  ann_json_writer_end_array (writer);
  json = ann_json_writer_free_to_string (writer, &length);

  return g_bytes_new_take (g_strconcat (json, "\n", NULL), length + 1);
}

/* --- export: the labeling config ---------------------------------------------------------- */

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  g_string_append_printf (out, " %s=\"%s\"", name, escaped);
}

static void
append_labels (GString        *out,
               AnnLabelSchema *labels)
{
  g_string_append (out, "  <Labels");
  append_attribute (out, "name", FROM_NAME);
  append_attribute (out, "toName", TO_NAME);
  g_string_append (out, ">\n");
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (labels, i);

      g_string_append (out, "    <Label");
      append_attribute (out, "value", ann_label_get_id (label));
      if (has_text (ann_label_get_color (label)))
        append_attribute (out, "background", ann_label_get_color (label));
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </Labels>\n");
}

/* Each relation type once, in the order of first use. */
static void
append_relations (GString   *out,
                  GPtrArray *relations)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (relations->len == 0)
    return;

  g_string_append (out, "  <Relations>\n");
  for (guint i = 0; i < relations->len; i++)
    {
      AnnRelation *relation = g_ptr_array_index (relations, i);

      if (!g_hash_table_add (seen, relation->type))
        continue;
      g_string_append (out, "    <Relation");
      append_attribute (out, "value", relation->type);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </Relations>\n");
}

static GBytes *
write_labeling_config (AnnFile   *file,
                       GPtrArray *relations)
{
  GString *out = g_string_new ("<View>\n");

  append_labels (out, ann_file_get_labels (file));
  append_relations (out, relations);
  g_string_append (out, "  <Text");
  append_attribute (out, "name", TO_NAME);
  append_attribute (out, "value", "$" TO_NAME);
  g_string_append (out, "/>\n</View>\n");

  return g_string_free_to_bytes (out);
}

/**
 * ann_format_labelstudio_export:
 *
 * Returns: (transfer container) (element-type AnnExportPart): the tasks JSON (suffix %NULL)
 *   and the labeling config (suffix ".labeling-config.xml")
 */
GPtrArray *
ann_format_labelstudio_export (AnnFile  *file,
                               GError  **error)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GBytes) tasks = NULL;
  g_autoptr(GBytes) config = NULL;
  GPtrArray *parts;

  g_return_val_if_fail (ANN_IS_FILE (file), NULL);

  relations = dup_live_relations (file);
  tasks = write_tasks (file, relations);
  config = write_labeling_config (file, relations);

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_export_part_free);
  g_ptr_array_add (parts, ann_export_part_new (NULL, tasks));
  g_ptr_array_add (parts, ann_export_part_new (".labeling-config.xml", config));
  return parts;
}

/* --- import: choosing the task and the annotation ----------------------------------------- */

typedef struct
{
  AnnImport       *import;
  const char      *result_path;   /* "$[0].annotations[0].result" */
  AnnEntityStatus  status;        /* of every entity, unless its meta says otherwise */
  GHashTable      *region_notes;  /* result id → GPtrArray of per-region text-area texts */
  GHashTable      *used_notes;    /* result ids whose text area became a note */
  GHashTable      *entity_ids;    /* result id → the id of its (first) entity */
  GHashTable      *other_types;   /* type of a result left out → count */
  GPtrArray       *other_order;   /* those types, in order of first appearance */
  GPtrArray       *warnings;      /* sentences for the user */
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->import, ann_import_free);
  g_clear_pointer (&reader->region_notes, g_hash_table_unref);
  g_clear_pointer (&reader->used_notes, g_hash_table_unref);
  g_clear_pointer (&reader->entity_ids, g_hash_table_unref);
  g_clear_pointer (&reader->other_types, g_hash_table_unref);
  g_clear_pointer (&reader->other_order, g_ptr_array_unref);
  g_clear_pointer (&reader->warnings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/* The task's "data.text", or %NULL in *@text when it has none. */
static gboolean
read_task_text (JsonNode    *node,
                const char  *path,
                const char **text,
                GError     **error)
{
  g_autofree char *data_path = g_strdup_printf ("%s.data", path);
  JsonObject *task;
  JsonNode *data;

  *text = NULL;
  if (!ann_json_expect (node, ANN_JSON_OBJECT, path, error))
    return FALSE;
  task = json_node_get_object (node);
  if (!ann_json_get_member (task, path, "data", ANN_JSON_OBJECT, TRUE, &data, error))
    return FALSE;
  return ann_json_get_string (json_node_get_object (data), data_path, "text", FALSE, text, error);
}

/* Finds the first task with a text; *@n_other counts the tasks left out. */
static gboolean
choose_task (JsonNode    *root,
             JsonObject **task,
             char       **task_path,
             const char **text,
             guint       *n_other,
             GError     **error)
{
  JsonArray *tasks;
  guint n_tasks;

  *task = NULL;
  *n_other = 0;

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      *task_path = g_strdup ("$");
      if (!read_task_text (root, "$", text, error))
        return FALSE;
      if (*text == NULL)
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: the required member “%s” is missing"), "$.data", "text");
          return FALSE;
        }
      *task = json_node_get_object (root);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("$: expected an array of tasks or one task object, found %s"),
                   ann_json_describe_node (root));
      return FALSE;
    }

  tasks = json_node_get_array (root);
  n_tasks = json_array_get_length (tasks);
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *path = g_strdup_printf ("$[%u]", i);
      const char *task_text;

      if (!read_task_text (json_array_get_element (tasks, i), path, &task_text, error))
        return FALSE;
      if (*task == NULL && task_text != NULL)
        {
          *task = json_array_get_object_element (tasks, i);
          *task_path = g_steal_pointer (&path);
          *text = task_text;
        }
    }

  if (*task == NULL)
    {
      g_set_error_literal (error, ANN_ERROR, ANN_ERROR_INVALID,
                           n_tasks == 0 ? _("$: the array holds no task")
                                        : _("$: no task has a “data.text” string to import"));
      return FALSE;
    }

  *n_other = n_tasks - 1;
  return TRUE;
}

static void
add_warning (Reader     *reader,
             char       *sentence)
{
  g_ptr_array_add (reader->warnings, sentence);
}

static guint
array_length (JsonNode *node)
{
  return node != NULL ? json_array_get_length (json_node_get_array (node)) : 0;
}

/* @format: the message for @count, from g_dngettext(), with one %u */
static void
warn_left_out (Reader     *reader,
               guint       count,
               const char *format)
{
  if (count > 0)
    add_warning (reader, g_strdup_printf (format, count));
}

/* The "result" array of the first annotation, or else of the first prediction. */
static gboolean
choose_results (Reader      *reader,
                JsonObject  *task,
                const char  *task_path,
                JsonArray  **results,
                char       **results_path,
                GError     **error)
{
  g_autofree char *item_path = NULL;
  JsonNode *annotations;
  JsonNode *predictions;
  guint n_annotations, n_predictions;
  JsonNode *item;
  JsonNode *result;

  *results = NULL;
  if (!ann_json_get_member (task, task_path, "annotations", ANN_JSON_ARRAY, FALSE, &annotations,
                            error) ||
      !ann_json_get_member (task, task_path, "predictions", ANN_JSON_ARRAY, FALSE, &predictions,
                            error))
    return FALSE;

  n_annotations = array_length (annotations);
  n_predictions = array_length (predictions);
  if (n_annotations > 0)
    {
      item_path = g_strdup_printf ("%s.annotations[0]", task_path);
      item = json_array_get_element (json_node_get_array (annotations), 0);
      warn_left_out (reader, n_annotations - 1,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The first annotation of the task was imported; "
                                  "%u other annotation was left out.",
                                  "The first annotation of the task was imported; "
                                  "%u other annotations were left out.",
                                  n_annotations - 1));
      warn_left_out (reader, n_predictions,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The task’s %u prediction was left out.",
                                  "The task’s %u predictions were left out.",
                                  n_predictions));
    }
  else if (n_predictions > 0)
    {
      item_path = g_strdup_printf ("%s.predictions[0]", task_path);
      item = json_array_get_element (json_node_get_array (predictions), 0);
      reader->status = ANN_ENTITY_STATUS_PENDING;
      add_warning (reader, g_strdup (_("The task has no annotation; its first prediction was "
                                       "imported, and its entities are pending.")));
      warn_left_out (reader, n_predictions - 1,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u other prediction was left out.",
                                  "%u other predictions were left out.",
                                  n_predictions - 1));
    }
  else
    return TRUE;

  if (!ann_json_expect (item, ANN_JSON_OBJECT, item_path, error) ||
      !ann_json_get_member (json_node_get_object (item), item_path, "result", ANN_JSON_ARRAY,
                            TRUE, &result, error))
    return FALSE;

  *results = json_node_get_array (result);
  *results_path = g_strdup_printf ("%s.result", item_path);
  return TRUE;
}

/* --- import: the results ------------------------------------------------------------------ */

/* The array member @name of @object as strings (borrowed), or %NULL when it is absent. */
static gboolean
read_string_list (JsonObject   *object,
                  const char   *path,
                  const char   *name,
                  gboolean      required,
                  GPtrArray   **strings,
                  GError      **error)
{
  JsonNode *node;
  JsonArray *array;

  *strings = NULL;
  if (!ann_json_get_member (object, path, name, ANN_JSON_ARRAY, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  *strings = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s.%s[%u]", path, name, i);

      if (!ann_json_expect (json_array_get_element (array, i), ANN_JSON_STRING, item_path, error))
        {
          g_clear_pointer (strings, g_ptr_array_unref);
          return FALSE;
        }
      g_ptr_array_add (*strings, (gpointer) json_array_get_string_element (array, i));
    }

  return TRUE;
}

/* The non-empty texts of @first, then of @second, one a line; %NULL when there are none. */
static char *
join_lines (GPtrArray *first,
            GPtrArray *second)
{
  GPtrArray *lists[] = { first, second };
  GString *out = g_string_new (NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        const char *line = g_ptr_array_index (lists[l], i);

        if (*line == '\0')
          continue;
        if (out->len > 0)
          g_string_append_c (out, '\n');
        g_string_append (out, line);
      }

  return g_string_free (out, out->len == 0);
}

/* The result object at @index and its type, checked. */
static gboolean
read_result_head (JsonArray   *results,
                  guint        index,
                  const char  *path,
                  JsonObject **result,
                  const char **type,
                  GError     **error)
{
  JsonNode *node = json_array_get_element (results, index);

  if (!ann_json_expect (node, ANN_JSON_OBJECT, path, error))
    return FALSE;
  *result = json_node_get_object (node);
  return ann_json_get_string (*result, path, "type", TRUE, type, error);
}

/* A "textarea" result with the id of a region holds that region's note. */
static gboolean
collect_region_note (Reader      *reader,
                     JsonObject  *result,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *value_path = g_strdup_printf ("%s.value", path);
  g_autoptr(GPtrArray) texts = NULL;
  const char *id;
  JsonNode *value;

  if (!ann_json_get_string (result, path, "id", FALSE, &id, error))
    return FALSE;
  if (id == NULL)
    return TRUE;
  if (!ann_json_get_member (result, path, "value", ANN_JSON_OBJECT, TRUE, &value, error) ||
      !read_string_list (json_node_get_object (value), value_path, "text", FALSE, &texts, error))
    return FALSE;

  if (texts != NULL)
    g_hash_table_insert (reader->region_notes, (gpointer) id, g_steal_pointer (&texts));
  return TRUE;
}

static gboolean
read_region_meta (JsonObject       *result,
                  const char       *path,
                  GPtrArray       **texts,
                  const char      **ref,
                  AnnEntityStatus  *status,
                  GError          **error)
{
  g_autofree char *meta_path = g_strdup_printf ("%s.meta", path);
  const char *status_name;
  JsonObject *meta;
  JsonNode *node;

  *texts = NULL;
  *ref = NULL;
  if (!ann_json_get_member (result, path, "meta", ANN_JSON_OBJECT, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  meta = json_node_get_object (node);
  if (!read_string_list (meta, meta_path, "text", FALSE, texts, error) ||
      !ann_json_get_string (meta, meta_path, "ref", FALSE, ref, error) ||
      !ann_json_get_string (meta, meta_path, "status", FALSE, &status_name, error))
    return FALSE;

  if (status_name != NULL && !ann_entity_status_from_string (status_name, status))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s.status: “%s” is not a status (pending, accepted or rejected)"),
                   meta_path, status_name);
      g_clear_pointer (texts, g_ptr_array_unref);
      return FALSE;
    }
  return TRUE;
}

/* The text of [@start, @end) in UTF-16 code units of @text, or %NULL when that is no span. */
static char *
dup_utf16_slice (const char *text,
                 gint64      start,
                 gint64      end)
{
  g_autofree gunichar2 *units = NULL;
  glong n_units = 0;

  units = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  if (units == NULL || start < 0 || end > n_units || start >= end)
    return NULL;
  return g_utf16_to_utf8 (units + start, end - start, NULL, NULL, NULL);
}

/* Label Studio counts characters; a file written by a tool that counted UTF-16 code units (as
 * JavaScript does) is off after every emoji. Saying so saves the user a long search. */
static void
hint_at_utf16 (AnnImport   *import,
               gint64       start,
               gint64       end,
               const char  *expected,
               GError     **error)
{
  g_autofree char *slice = NULL;
  GError *plain;

  if (expected == NULL || error == NULL || *error == NULL)
    return;
  slice = dup_utf16_slice (ann_import_get_raw_text (import), start, end);
  if (g_strcmp0 (slice, expected) != 0)
    return;

  plain = g_steal_pointer (error);
  g_set_error (error, plain->domain, plain->code,
               _("%s (the offsets count UTF-16 code units, as JavaScript does, but Label Studio "
                 "JSON counts characters: an emoji is one)"),
               plain->message);
  g_error_free (plain);
}

/* The id of the first entity of a "labels" result: its own id when free. */
static const char *
choose_entity_id (Reader     *reader,
                  const char *result_id,
                  guint       label_index)
{
  AnnEntityStore *store = ann_file_get_entities (ann_import_get_file (reader->import));

  if (label_index > 0 || result_id == NULL || !ann_label_id_is_valid (result_id) ||
      ann_entity_store_lookup_id (store, result_id) != NULL)
    return NULL;
  return result_id;
}

static gboolean
read_labels_result (Reader      *reader,
                    JsonObject  *result,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *value_path = g_strdup_printf ("%s.value", path);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) meta_texts = NULL;
  g_autofree char *note = NULL;
  AnnEntityStatus status = reader->status;
  const char *id, *text, *ref;
  gint64 start, end;
  JsonObject *value;
  JsonNode *node;

  if (!ann_json_get_string (result, path, "id", FALSE, &id, error) ||
      !ann_json_get_member (result, path, "value", ANN_JSON_OBJECT, TRUE, &node, error))
    return FALSE;
  value = json_node_get_object (node);
  if (!ann_json_get_offset (value, value_path, "start", &start, error) ||
      !ann_json_get_offset (value, value_path, "end", &end, error) ||
      !ann_json_get_string (value, value_path, "text", FALSE, &text, error) ||
      !read_string_list (value, value_path, "labels", TRUE, &labels, error) ||
      !read_region_meta (result, path, &meta_texts, &ref, &status, error))
    return FALSE;

  if (labels->len == 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s.labels: the list is empty; a region needs a label"), value_path);
      return FALSE;
    }
  if (start > G_MAXUINT || end > G_MAXUINT)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the span %lld–%lld is past the end of the text (%u characters)"),
                   value_path, (long long) start, (long long) end,
                   ann_import_get_raw_length (reader->import));
      return FALSE;
    }

  note = join_lines (meta_texts,
                     id ? g_hash_table_lookup (reader->region_notes, id) : NULL);
  if (id != NULL && g_hash_table_contains (reader->region_notes, id))
    g_hash_table_add (reader->used_notes, (gpointer) id);

  /* Relations name their ends by id: two results of one id would make them ambiguous. */
  if (id != NULL && g_hash_table_contains (reader->entity_ids, id))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s.id: “%s” is also the id of an earlier result; ids must be unique"),
                   path, id);
      return FALSE;
    }

  for (guint i = 0; i < labels->len; i++)
    {
      g_autoptr(AnnEntity) entity = NULL;

      entity = ann_import_create_entity (reader->import, choose_entity_id (reader, id, i),
                                         g_ptr_array_index (labels, i), start, end, text,
                                         value_path, error);
      if (entity == NULL)
        {
          hint_at_utf16 (reader->import, start, end, text, error);
          return FALSE;
        }

      ann_entity_set_note (entity, note);
      ann_entity_set_ref (entity, ref);
      ann_entity_set_status (entity, status);
      if (!ann_import_add_entity (reader->import, entity, path, error))
        return FALSE;

      if (id != NULL && i == 0 && !g_hash_table_contains (reader->entity_ids, id))
        g_hash_table_insert (reader->entity_ids, (gpointer) id,
                             g_strdup (ann_entity_get_id (entity)));
    }

  return TRUE;
}

static gboolean
read_relation_end (Reader      *reader,
                   JsonObject  *result,
                   const char  *path,
                   const char  *name,
                   const char **entity_id,
                   GError     **error)
{
  const char *id;

  if (!ann_json_get_string (result, path, name, TRUE, &id, error))
    return FALSE;

  *entity_id = g_hash_table_lookup (reader->entity_ids, id);
  if (*entity_id == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND,
                   _("%s.%s: no “labels” result of this annotation has the id “%s”"),
                   path, name, id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_relation_result (Reader      *reader,
                      JsonObject  *result,
                      const char  *path,
                      GError     **error)
{
  GPtrArray *relations = ann_file_get_relations (ann_import_get_file (reader->import));
  g_autoptr(GPtrArray) labels = NULL;
  const char *from, *to, *direction;

  if (!read_relation_end (reader, result, path, "from_id", &from, error) ||
      !read_relation_end (reader, result, path, "to_id", &to, error) ||
      !ann_json_get_string (result, path, "direction", FALSE, &direction, error) ||
      !read_string_list (result, path, "labels", FALSE, &labels, error))
    return FALSE;

  /* "left" draws the arrow from to_id to from_id. */
  if (g_strcmp0 (direction, "left") == 0)
    {
      const char *swap = from;

      from = to;
      to = swap;
    }

  for (guint i = 0; i == 0 || (labels != NULL && i < labels->len); i++)
    {
      const char *type = labels != NULL && labels->len > 0 ? g_ptr_array_index (labels, i)
                                                           : DEFAULT_RELATION_TYPE;
      g_autofree char *id = g_strdup_printf ("R%u", relations->len + 1);

      if (!ann_label_id_is_valid (type))
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s.labels[%u]: “%s” is not a valid relation type (it must be "
                         "non-empty, without spaces)"),
                       path, i, type);
          return FALSE;
        }
      g_ptr_array_add (relations, ann_relation_new (id, type, from, to));
    }

  return TRUE;
}

static void
count_other (Reader     *reader,
             const char *type)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (reader->other_types, type));

  if (count == 0)
    g_ptr_array_add (reader->other_order, (gpointer) type);
  g_hash_table_insert (reader->other_types, (gpointer) type, GUINT_TO_POINTER (count + 1));
}

/* Three passes: the per-region text areas first, since a region's note must be set before its
 * entity joins the store; the regions next, since relations may come before them. */
static gboolean
read_results (Reader     *reader,
              JsonArray  *results,
              GError    **error)
{
  guint n_results = json_array_get_length (results);

  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < n_results; i++)
      {
        g_autofree char *path = g_strdup_printf ("%s[%u]", reader->result_path, i);
        JsonObject *result;
        const char *type;
        gboolean ok = TRUE;

        if (!read_result_head (results, i, path, &result, &type, error))
          return FALSE;

        if (pass == 0 && strcmp (type, "textarea") == 0)
          ok = collect_region_note (reader, result, path, error);
        else if (pass == 1 && strcmp (type, "labels") == 0)
          ok = read_labels_result (reader, result, path, error);
        else if (pass == 2 && strcmp (type, "relation") == 0)
          ok = read_relation_result (reader, result, path, error);
        else if (pass == 2 && strcmp (type, "labels") != 0 && strcmp (type, "relation") != 0)
          {
            const char *id = NULL;

            if (strcmp (type, "textarea") == 0)
              ann_json_get_string (result, path, "id", FALSE, &id, NULL);
            if (id == NULL || !g_hash_table_contains (reader->used_notes, id))
              count_other (reader, type);
          }

        if (!ok)
          return FALSE;
      }

  return TRUE;
}

static void
warn_about_other_results (Reader *reader)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint total = 0;

  for (guint i = 0; i < reader->other_order->len; i++)
    {
      const char *type = g_ptr_array_index (reader->other_order, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (reader->other_types, type));

      g_string_append_printf (list, "%s%s (%u)", i > 0 ? ", " : "", type, count);
      total += count;
    }

  if (total > 0)
    add_warning (reader, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u result that is not a text span "
                                                       "was left out: %s.",
                                                       "%u results that are not text spans "
                                                       "were left out: %s.",
                                                       total),
                                          total, list->str));
}

static AnnFile *
read_root (JsonNode  *root,
           char     **warning,
           GError   **error)
{
  g_auto(Reader) reader = { NULL };
  g_autofree char *task_path = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *results_path = NULL;
  JsonObject *task;
  JsonArray *results;
  const char *text;
  guint n_other_tasks;

  reader.warnings = g_ptr_array_new_with_free_func (g_free);
  reader.region_notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  reader.used_notes = g_hash_table_new (g_str_hash, g_str_equal);
  reader.entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  reader.other_types = g_hash_table_new (g_str_hash, g_str_equal);
  reader.other_order = g_ptr_array_new ();

  if (!choose_task (root, &task, &task_path, &text, &n_other_tasks, error))
    return NULL;
  if (n_other_tasks > 0)
    add_warning (&reader, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Task %s was imported; %u other task "
                                                        "was left out.",
                                                        "Task %s was imported; %u other tasks "
                                                        "were left out.",
                                                        n_other_tasks),
                                           task_path, n_other_tasks));

  text_path = g_strdup_printf ("%s.data.text", task_path);
  reader.import = ann_import_new (text, text_path, error);
  if (reader.import == NULL ||
      !choose_results (&reader, task, task_path, &results, &results_path, error))
    return NULL;

  if (results != NULL)
    {
      reader.result_path = results_path;
      if (!read_results (&reader, results, error))
        return NULL;
    }

  warn_about_other_results (&reader);
  if (warning != NULL && reader.warnings->len > 0)
    {
      g_ptr_array_add (reader.warnings, NULL);
      *warning = g_strjoinv (" ", (char **) reader.warnings->pdata);
    }

  return g_object_ref (ann_import_get_file (reader.import));
}

/**
 * ann_format_labelstudio_import:
 * @warning: (out) (optional): set when something of the file was left out
 *
 * Imports one task of a Label Studio JSON file; see the top of this file.
 */
AnnFile *
ann_format_labelstudio_import (GFile   *input,
                               char   **warning,
                               GError **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *content = NULL;
  g_autoptr(JsonParser) parser = NULL;
  AnnFile *file;

  g_return_val_if_fail (G_IS_FILE (input), NULL);

  content = ann_io_load_text (input, &display_name, error);
  if (content == NULL)
    return NULL;

  parser = ann_json_parse_strict (content, strlen (content), display_name, error);
  if (parser == NULL)
    return NULL;

  file = read_root (json_parser_get_root (parser), warning, error);
  if (file == NULL)
    g_prefix_error (error, "%s: ", display_name);
  return file;
}
