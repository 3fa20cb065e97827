/* ann-format-csv.c: a CSV table of the entities (RFC 4180), export only
 *
 * One header row, `id,label,start,end,text,note,ref,status`, then one row per entity in file
 * order (start, then end descending, then label). Offsets are code points of the document
 * text, as in our own files. Records end with CR LF, as RFC 4180 says, the last one too; a
 * field that holds a comma, a double quote, a CR or an LF is quoted, with its quotes doubled.
 * A line break inside an entity's text or note stays an LF inside the quotes, so the field
 * reads back exactly.
 *
 * The bytes are UTF-8 without a byte order mark: a BOM makes Excel guess the encoding, but
 * strict readers (Python's csv module without "utf-8-sig", most Unix tools) take it as part of
 * the first header name. Empty fields stand for no note, no reference or no status.
 *
 * Values are written as they are: a text starting with "=" or "+" is not altered to defuse
 * spreadsheet formulas, since the table is data and an altered text would not match its span.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-format-csv.h"

static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_uint_field (GString *out,
                   guint    value)
{
  g_string_append_printf (out, "%u", value);
}

static void
append_entity_row (GString   *out,
                   AnnEntity *entity)
{
  append_field (out, ann_entity_get_id (entity));
  g_string_append_c (out, ',');
  append_field (out, ann_entity_get_label (entity));
  g_string_append_c (out, ',');
  append_uint_field (out, ann_entity_get_start (entity));
  g_string_append_c (out, ',');
  append_uint_field (out, ann_entity_get_end (entity));
  g_string_append_c (out, ',');
  append_field (out, ann_entity_get_text (entity));
  g_string_append_c (out, ',');
  append_field (out, ann_entity_get_note (entity));
  g_string_append_c (out, ',');
  append_field (out, ann_entity_get_ref (entity));
  g_string_append_c (out, ',');
  append_field (out, ann_entity_status_to_string (ann_entity_get_status (entity)));
  g_string_append (out, "\r\n");
}

/**
 * ann_format_csv_export:
 *
 * Returns: (transfer full) (element-type AnnExportPart): one part, the table itself (suffix
 *   %NULL)
 */
GPtrArray *
ann_format_csv_export (AnnFile  *file,
                       GError  **error)
{
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *parts;
  GString *out;

  g_return_val_if_fail (ANN_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entities = ann_entity_store_dup_all (ann_file_get_entities (file));
  out = g_string_new ("id,label,start,end,text,note,ref,status\r\n");
  for (guint i = 0; i < entities->len; i++)
    append_entity_row (out, g_ptr_array_index (entities, i));

  bytes = g_string_free_to_bytes (out);
  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_export_part_free);
  g_ptr_array_add (parts, ann_export_part_new (NULL, bytes));
  return parts;
}
