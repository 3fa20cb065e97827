/* ann-json-writer.c: deterministic JSON output, indented like the file format requires
 *
 * The layout is that of Python's json.dumps(indent=N, ensure_ascii=False): one member or
 * element a line, ", " nowhere, ": " after keys, empty containers as {} and [], raw UTF-8,
 * control characters escaped. Scripts in any language can so write files that load and save
 * byte-identically. With an indent of 0 everything goes on one line (", " and ": "), as
 * JSON Lines needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ann-json-writer.h"

struct _AnnJsonWriter
{
  GString *out;
  GArray  *has_items;     /* gboolean per open container */
  guint    indent;
};

AnnJsonWriter *
ann_json_writer_new (guint indent)
{
  AnnJsonWriter *self = g_new0 (AnnJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->has_items = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->indent = indent;
  return self;
}

void
ann_json_writer_free (AnnJsonWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_array_unref (self->has_items);
  g_free (self);
}

/**
 * ann_json_writer_free_to_string:
 *
 * Frees the writer and returns what it wrote.
 */
char *
ann_json_writer_free_to_string (AnnJsonWriter *self,
                                gsize         *length)
{
  char *text;

  g_return_val_if_fail (self->has_items->len == 0, NULL);

  if (length)
    *length = self->out->len;
  text = g_string_free (self->out, FALSE);
  g_array_unref (self->has_items);
  g_free (self);
  return text;
}

static void
new_line (AnnJsonWriter *self)
{
  if (self->indent == 0)
    return;
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->has_items->len * self->indent; i++)
    g_string_append_c (self->out, ' ');
}

void
ann_json_escape_string (GString    *out,
                        const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* Starts a value inside the current container: the separator, the line, the key. */
static void
begin_value (AnnJsonWriter *self,
             const char    *key)
{
  if (self->has_items->len > 0)
    {
      gboolean *has_items = &g_array_index (self->has_items, gboolean, self->has_items->len - 1);

      if (*has_items)
        g_string_append_c (self->out, ',');
      if (*has_items && self->indent == 0)
        g_string_append_c (self->out, ' ');
      *has_items = TRUE;
      new_line (self);
    }

  if (key != NULL)
    {
      ann_json_escape_string (self->out, key);
      g_string_append (self->out, ": ");
    }
}

static void
begin_container (AnnJsonWriter *self,
                 const char    *key,
                 char           bracket)
{
  gboolean empty = FALSE;

  begin_value (self, key);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->has_items, empty);
}

static void
end_container (AnnJsonWriter *self,
               char           bracket)
{
  gboolean had_items;

  g_return_if_fail (self->has_items->len > 0);

  had_items = g_array_index (self->has_items, gboolean, self->has_items->len - 1);
  g_array_set_size (self->has_items, self->has_items->len - 1);
  if (had_items)
    new_line (self);
  g_string_append_c (self->out, bracket);
}

void
ann_json_writer_begin_object (AnnJsonWriter *self,
                              const char    *key)
{
  begin_container (self, key, '{');
}

void
ann_json_writer_end_object (AnnJsonWriter *self)
{
  end_container (self, '}');
}

void
ann_json_writer_begin_array (AnnJsonWriter *self,
                             const char    *key)
{
  begin_container (self, key, '[');
}

void
ann_json_writer_end_array (AnnJsonWriter *self)
{
  end_container (self, ']');
}

void
ann_json_writer_string (AnnJsonWriter *self,
                        const char    *key,
                        const char    *value)
{
  begin_value (self, key);
  ann_json_escape_string (self->out, value);
}

void
ann_json_writer_int (AnnJsonWriter *self,
                     const char    *key,
                     gint64         value)
{
  begin_value (self, key);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

/* The shortest text that reads back as the same double, as Python's repr() gives. */
void
ann_json_writer_double (AnnJsonWriter *self,
                        const char    *key,
                        double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (isfinite (value));

  begin_value (self, key);
  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (buffer, sizeof buffer, "%.*g", precision, value);
      g_strdelimit (buffer, ",", '.');
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (self->out, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (self->out, ".0");
}

void
ann_json_writer_boolean (AnnJsonWriter *self,
                         const char    *key,
                         gboolean       value)
{
  begin_value (self, key);
  g_string_append (self->out, value ? "true" : "false");
}

void
ann_json_writer_null (AnnJsonWriter *self,
                      const char    *key)
{
  begin_value (self, key);
  g_string_append (self->out, "null");
}
