/* ann-json-reader.h: strict JSON input, with messages that name the JSON path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  ANN_JSON_STRING,
  ANN_JSON_INTEGER,
  ANN_JSON_OBJECT,
  ANN_JSON_ARRAY,
} AnnJsonKind;

JsonParser *ann_json_parse_strict    (const char          *data,
                                      gsize                length,
                                      const char          *display_name,
                                      GError             **error);
const char *ann_json_describe_node   (JsonNode            *node);
gboolean    ann_json_check_members   (JsonObject          *object,
                                      const char          *path,
                                      const char * const  *allowed,
                                      GError             **error);
gboolean    ann_json_expect          (JsonNode            *node,
                                      AnnJsonKind          kind,
                                      const char          *path,
                                      GError             **error);
gboolean    ann_json_get_member      (JsonObject          *object,
                                      const char          *path,
                                      const char          *name,
                                      AnnJsonKind          kind,
                                      gboolean             required,
                                      JsonNode           **node,
                                      GError             **error);
gboolean    ann_json_get_string      (JsonObject          *object,
                                      const char          *path,
                                      const char          *name,
                                      gboolean             required,
                                      const char         **value,
                                      GError             **error);
gboolean    ann_json_get_offset      (JsonObject          *object,
                                      const char          *path,
                                      const char          *name,
                                      gint64              *value,
                                      GError             **error);

G_END_DECLS
