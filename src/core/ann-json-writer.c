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
#include <stdlib.h>
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

/* Whether the decimal 0.@digits × 10^(@exponent + 1) reads back as @value. */
static gboolean
digits_read_back (const char *digits,
                  int         exponent,
                  double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (buffer, sizeof buffer, "0.%se%d", digits, exponent + 1);
  return g_ascii_strtod (buffer, NULL) == value;
}

/* Adds one in the last place of @digits, which may carry into the exponent. */
static void
increment_digits (char *digits,
                  int  *exponent)
{
  int i = strlen (digits) - 1;

  while (i >= 0 && digits[i] == '9')
    digits[i--] = '0';
  if (i >= 0)
    digits[i]++;
  else
    {
      digits[0] = '1';
      (*exponent)++;
    }
}

/* The fewest significant digits d₁d₂… that read back as @value (not negative), with the
 * exponent of d₁, and of those the nearest to @value: what Python's repr() finds. */
static void
shortest_digits (double  value,
                 char   *digits,
                 int    *exponent)
{
  for (int precision = 0; precision <= 16; precision++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      char format[8];
      guint n = 0;

      /* "d.ddde±x", correctly rounded */
      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      for (const char *p = buffer; *p != 'e'; p++)
        if (g_ascii_isdigit (*p))
          digits[n++] = *p;
      digits[n] = '\0';
      *exponent = atoi (strchr (buffer, 'e') + 1);

      if (digits_read_back (digits, *exponent, value))
        break;

      /* Next to a power of two the doubles above are twice as far apart as those below, so
       * the digits just above may read back when the nearest ones do not. */
      increment_digits (digits, exponent);
      if (digits_read_back (digits, *exponent, value))
        break;
    }

  for (gsize n = strlen (digits); n > 1 && digits[n - 1] == '0'; n--)
    digits[n - 1] = '\0';
}

/* The shortest text that reads back as the same double, as Python's repr() writes it: with
 * an exponent ("1e-07", "1e+16") when the exponent is below -4 or above 15, otherwise with a
 * decimal point and at least one digit after it ("1.0", "0.0001"). */
void
ann_json_writer_double (AnnJsonWriter *self,
                        const char    *key,
                        double         value)
{
  char digits[24];
  int exponent;
  int n_digits;

  g_return_if_fail (isfinite (value));

  begin_value (self, key);
  if (signbit (value))
    g_string_append_c (self->out, '-');
  shortest_digits (fabs (value), digits, &exponent);
  n_digits = strlen (digits);

  if (exponent < -4 || exponent >= 16)
    {
      g_string_append_c (self->out, digits[0]);
      if (n_digits > 1)
        g_string_append_printf (self->out, ".%s", digits + 1);
      g_string_append_printf (self->out, "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
    }
  else if (exponent < 0)
    {
      g_string_append (self->out, "0.");
      for (int i = exponent + 1; i < 0; i++)
        g_string_append_c (self->out, '0');
      g_string_append (self->out, digits);
    }
  else
    {
      int n_before = exponent + 1;   /* digits before the point */

      g_string_append_len (self->out, digits, MIN (n_digits, n_before));
      for (int i = n_digits; i < n_before; i++)
        g_string_append_c (self->out, '0');
      g_string_append_c (self->out, '.');
      g_string_append (self->out, n_digits > n_before ? digits + n_before : "0");
    }
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
