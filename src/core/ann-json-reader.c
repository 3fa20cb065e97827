/* ann-json-reader.c: strict JSON input, with messages that name the JSON path
 *
 * json-glib 1.6 is lax (see ann-json-syntax.c), so every JSON we read goes through
 * ann_json_parse_strict(): the strict syntax pass first, then json-glib. The helpers below
 * then read members by hand and say where a member is missing or of the wrong type
 * ("$.entities[3] (“T4”).start: expected an integer, found a string"). The native loader and
 * every importer use them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ann-error.h"
#include "ann-json-reader.h"
#include "ann-json-syntax.h"

/**
 * ann_json_parse_strict:
 * @display_name: how messages name the input
 *
 * Parses one strict RFC 8259 JSON document; error messages start with @display_name.
 */
JsonParser *
ann_json_parse_strict (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!ann_json_check_syntax (data, length, ANN_JSON_DEFAULT_MAX_DEPTH, error))
    {
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX, "%s: %s", display_name,
                   local_error->message);
      return NULL;
    }

  return g_steal_pointer (&parser);
}

const char *
ann_json_describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_INT64:
      return _("an integer");
    case G_TYPE_DOUBLE:
      return _("a number with a fraction or an exponent");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a value");
    }
}

gboolean
ann_json_check_members (JsonObject          *object,
               const char          *path,
               const char * const  *allowed,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: unknown member “%s” (this program would lose it on saving)"),
                       path, (const char *) l->data);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
node_is_kind (JsonNode *node,
              AnnJsonKind      kind)
{
  switch (kind)
    {
    case ANN_JSON_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case ANN_JSON_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case ANN_JSON_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
    case ANN_JSON_INTEGER:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
    default:
      g_assert_not_reached ();
    }
}

static const char *
describe_kind (AnnJsonKind kind)
{
  switch (kind)
    {
    case ANN_JSON_OBJECT:
      return _("an object");
    case ANN_JSON_ARRAY:
      return _("an array");
    case ANN_JSON_STRING:
      return _("a string");
    case ANN_JSON_INTEGER:
      return _("an integer");
    default:
      g_assert_not_reached ();
    }
}

/* Checks that @node is of @kind; @path names it in the message. */
gboolean
ann_json_expect (JsonNode    *node,
             AnnJsonKind         kind,
             const char  *path,
             GError     **error)
{
  if (node_is_kind (node, kind))
    return TRUE;

  g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID, _("%s: expected %s, found %s"),
               path, describe_kind (kind), ann_json_describe_node (node));
  return FALSE;
}

/* The member @name of @object if it has the right kind; *@node stays %NULL when an optional
 * member is absent. */
gboolean
ann_json_get_member (JsonObject  *object,
            const char  *path,
            const char  *name,
            AnnJsonKind         kind,
            gboolean     required,
            JsonNode   **node,
            GError     **error)
{
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);

  *node = json_object_get_member (object, name);
  if (*node == NULL)
    {
      if (required)
        g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                     _("%s: the required member “%s” is missing"), path, name);
      return !required;
    }

  return ann_json_expect (*node, kind, member_path, error);
}

gboolean
ann_json_get_string (JsonObject   *object,
            const char   *path,
            const char   *name,
            gboolean      required,
            const char  **value,
            GError      **error)
{
  JsonNode *node;

  *value = NULL;
  if (!ann_json_get_member (object, path, name, ANN_JSON_STRING, required, &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_string (node);
  return TRUE;
}

gboolean
ann_json_get_offset (JsonObject  *object,
            const char  *path,
            const char  *name,
            gint64      *value,
            GError     **error)
{
  JsonNode *node;

  if (!ann_json_get_member (object, path, name, ANN_JSON_INTEGER, TRUE, &node, error))
    return FALSE;

  *value = json_node_get_int (node);
  if (*value < 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: “%s” is %lld, but offsets cannot be negative"),
                   path, name, (long long) *value);
      return FALSE;
    }
  return TRUE;
}

