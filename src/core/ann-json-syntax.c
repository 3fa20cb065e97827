/* ann-json-syntax.c: a strict RFC 8259 syntax pass run before json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* json-glib 1.6 is lax: it takes single-quoted strings, drops a second
 * root, skips a BOM, lets lone surrogates through, "succeeds" on empty
 * input and places every comment at line 1, column 1. Rather than let any
 * of that reach a project file, we walk the bytes ourselves first and
 * refuse anything that is not exactly one RFC 8259 value, pointing at the
 * offending character with a line and column an editor agrees with
 * (columns count characters, not bytes).
 *
 * The walk is iterative with an explicit stack bounded by max_depth, and
 * linear in the input: every byte is looked at a bounded number of times,
 * and duplicate keys are found by comparing with a bounded number of earlier
 * keys, or through a hash table once an object has many.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-json-syntax.h"

/* How much of an offending word or key we quote back in a message. */
#define MAX_QUOTED_CHARS 40

/* Most objects in our documents have a handful of keys, and comparing a new
 * key with each earlier one is then much cheaper than copying and hashing
 * it. Past this many keys an object gets a hash table, so that the check
 * stays linear however large the object. */
#define MAX_KEYS_WITHOUT_TABLE 8

typedef enum
{
  CONTAINER_ARRAY,
  CONTAINER_OBJECT,
} ContainerKind;

/* Where the unescaped text of a key sits in Checker.key_text. */
typedef struct
{
  gsize offset;
  gsize length;
} KeySpan;

typedef struct
{
  ContainerKind  kind;
  gsize          opened_at;
  guint          n_keys;
  /* While n_keys <= MAX_KEYS_WITHOUT_TABLE, the keys of the object are
   * Checker.key_spans[first_key..first_key + n_keys), their text starting
   * at key_text_start. Inner objects always close before the outer one
   * goes on, so these regions only ever grow and shrink at the end. */
  guint          first_key;
  gsize          key_text_start;
  /* The keys of an object past MAX_KEYS_WITHOUT_TABLE. The table stays
   * with the stack slot, emptied, when the object closes, so that it is
   * made once per level rather than once per large object. */
  GHashTable    *keys;
} Container;

typedef struct
{
  const guchar  *data;
  gsize          length;
  gsize          pos;
  guint          max_depth;
  Container     *stack;
  guint          depth;
  guint          n_allocated;
  /* The unescaped keys of the open objects that have no table. */
  GString       *key_text;
  GArray        *key_spans;
  GError       **error;
} Checker;

/* Returns the length of the well-formed UTF-8 sequence at @p, or 0.
 * Follows Table 3-7 of the Unicode standard, so overlong forms, UTF-16
 * surrogates and code points past U+10FFFF are all refused. NUL is refused
 * too: the text of a document can never hold it. */
static gsize
utf8_sequence_length (const guchar *p,
                      gsize         available)
{
  guchar lead = p[0];
  guchar low = 0x80;
  guchar high = 0xBF;
  gsize length;

  if (lead == 0)
    return 0;
  if (lead < 0x80)
    return 1;

  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4;
  else
    return 0;

  if (lead == 0xE0)
    low = 0xA0;
  else if (lead == 0xED)
    high = 0x9F;
  else if (lead == 0xF0)
    low = 0x90;
  else if (lead == 0xF4)
    high = 0x8F;

  if (available < length)
    return 0;
  if (p[1] < low || p[1] > high)
    return 0;
  for (gsize i = 2; i < length; i++)
    if (p[i] < 0x80 || p[i] > 0xBF)
      return 0;

  return length;
}

static gboolean
is_json_whitespace (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_word_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static gboolean
at_end (Checker *self)
{
  return self->pos >= self->length;
}

static void
skip_whitespace (Checker *self)
{
  while (self->pos < self->length && is_json_whitespace (self->data[self->pos]))
    self->pos++;
}

/* Positions are only needed when something is wrong, so rather than
 * tracking them on every byte we recount from the start once, on failure.
 * Everything before @offset has already been checked to be UTF-8, so a
 * character starts at every byte that is not a continuation byte. */
static void
locate (Checker *self,
        gsize    offset,
        guint   *line,
        guint   *column)
{
  const guchar *data = self->data;
  gsize line_start = 0;
  guint n_lines = 1;
  guint n_chars = 0;

  for (const guchar *p = data;
       (p = memchr (p, '\n', offset - (p - data))) != NULL;
       p++)
    {
      n_lines++;
      line_start = (p - data) + 1;
    }

  for (gsize i = line_start; i < offset; i++)
    if ((data[i] & 0xC0) != 0x80)
      n_chars++;

  *line = n_lines;
  *column = n_chars + 1;
}

static gboolean fail_at (Checker    *self,
                         gsize       offset,
                         AnnError    code,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_at (Checker    *self,
         gsize       offset,
         AnnError    code,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;
  guint line;
  guint column;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  locate (self, offset, &line, &column);
  g_set_error (self->error, ANN_ERROR, code,
               /* Translators: the start of every JSON syntax error; %s says
                * what is wrong. Columns count characters on the line, from 1. */
               _("line %u, column %u: %s"), line, column, what);

  return FALSE;
}

static gboolean
fail_invalid_utf8 (Checker *self,
                   gsize    offset)
{
  if (self->data[offset] == 0)
    return fail_at (self, offset, ANN_ERROR_SYNTAX,
                    "%s", _("a NUL byte is not allowed in JSON text"));

  return fail_at (self, offset, ANN_ERROR_SYNTAX,
                  _("the text is not valid UTF-8 (byte 0x%02X)"),
                  self->data[offset]);
}

/* At the end of the input the useful thing to say is which bracket was
 * never closed, and where it was opened. */
static gboolean
fail_end_of_file (Checker *self)
{
  const Container *innermost;
  guint line;
  guint column;

  if (self->depth == 0)
    return fail_at (self, self->length, ANN_ERROR_SYNTAX, "%s", _("unexpected end of file"));

  innermost = &self->stack[self->depth - 1];
  locate (self, innermost->opened_at, &line, &column);

  if (innermost->kind == CONTAINER_ARRAY)
    return fail_at (self, self->length, ANN_ERROR_SYNTAX,
                    _("unexpected end of file: the array opened at line %u, column %u "
                      "is not closed"),
                    line, column);

  return fail_at (self, self->length, ANN_ERROR_SYNTAX,
                  _("unexpected end of file: the object opened at line %u, column %u "
                    "is not closed"),
                  line, column);
}

static gboolean
fail_unclosed_string (Checker *self,
                      gsize    opened_at)
{
  guint line;
  guint column;

  locate (self, opened_at, &line, &column);

  return fail_at (self, self->length, ANN_ERROR_SYNTAX,
                  _("unexpected end of file: the string starting at line %u, column %u "
                    "is not closed"),
                  line, column);
}

/* Appends @text, at most MAX_QUOTED_CHARS characters of it, so that a huge
 * key or word does not turn into a huge message. */
static void
append_shortened (GString    *out,
                  const char *text,
                  gsize       length)
{
  const char *end = text + length;
  const char *p = text;

  for (guint n = 0; p < end && n < MAX_QUOTED_CHARS; n++)
    p = g_utf8_next_char (p);

  g_string_append_len (out, text, p - text);
  if (p < end)
    g_string_append (out, "…");
}

static gsize
word_end (Checker *self,
          gsize    offset)
{
  while (offset < self->length)
    {
      const guchar *p = self->data + offset;
      gsize n;

      if (is_word_byte (*p))
        {
          offset++;
          continue;
        }

      if (*p < 0x80)
        break;

      /* Unquoted words are often natural-language text, so keep letters
       * such as "ệ" in what we quote back. */
      n = utf8_sequence_length (p, self->length - offset);
      if (n == 0 || !g_unichar_isalnum (g_utf8_get_char ((const char *) p)))
        break;
      offset += n;
    }

  return offset;
}

/* Says what was found at @offset, for "expected X, found Y". The byte
 * there must not start invalid UTF-8 and @offset must be before the end. */
static char *
describe_found (Checker *self,
                gsize    offset)
{
  const guchar *p = self->data + offset;
  gunichar ch;

  if (*p == '\'')
    /* Translators: a single quote character, between single quotes */
    return g_strdup (_("''' (single quotes are not JSON)"));

  if (g_ascii_isalpha (*p) || *p == '_')
    {
      GString *out = g_string_new ("'");

      append_shortened (out, (const char *) p, word_end (self, offset) - offset);
      g_string_append_c (out, '\'');

      return g_string_free (out, FALSE);
    }

  if (*p < 0x20 || *p == 0x7F)
    return g_strdup_printf (_("control character U+%04X"), *p);

  if (*p < 0x80)
    return g_strdup_printf ("'%c'", *p);

  /* Invisible characters (no-break space, zero-width space, a BOM in the
   * middle of the file) would read as nothing between quotes. */
  ch = g_utf8_get_char ((const char *) p);
  if (g_unichar_isgraph (ch))
    return g_strdup_printf ("'%.*s'", (int) utf8_sequence_length (p, self->length - offset), p);

  return g_strdup_printf ("U+%04X", ch);
}

static gboolean
is_comment_start (Checker *self,
                  gsize    offset)
{
  return self->data[offset] == '/'
         && offset + 1 < self->length
         && (self->data[offset + 1] == '/' || self->data[offset + 1] == '*');
}

/* @format has one %s, replaced with what was found at @offset. Comments,
 * bad UTF-8 and the end of the input get their own, clearer messages. */
static gboolean
fail_unexpected (Checker    *self,
                 gsize       offset,
                 const char *format)
{
  g_autofree char *found = NULL;

  if (offset >= self->length)
    return fail_end_of_file (self);

  if (is_comment_start (self, offset))
    return fail_at (self, offset, ANN_ERROR_SYNTAX, "%s", _("comments are not allowed in JSON"));

  if (utf8_sequence_length (self->data + offset, self->length - offset) == 0)
    return fail_invalid_utf8 (self, offset);

  found = describe_found (self, offset);

  return fail_at (self, offset, ANN_ERROR_SYNTAX, format, found);
}

static gboolean
push_container (Checker       *self,
                ContainerKind  kind)
{
  Container *container;

  if (self->depth >= self->max_depth)
    return fail_at (self, self->pos, ANN_ERROR_TOO_LARGE,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "nesting deeper than %u level",
                                 "nesting deeper than %u levels",
                                 self->max_depth),
                    self->max_depth);

  if (self->depth == self->n_allocated)
    {
      guint n_allocated = MIN (MAX (16, self->n_allocated * 2), self->max_depth);

      self->stack = g_renew (Container, self->stack, n_allocated);
      for (guint i = self->n_allocated; i < n_allocated; i++)
        self->stack[i].keys = NULL;
      self->n_allocated = n_allocated;
    }

  container = &self->stack[self->depth++];
  container->kind = kind;
  container->opened_at = self->pos;
  container->n_keys = 0;
  container->first_key = self->key_spans->len;
  container->key_text_start = self->key_text->len;
  self->pos++;

  return TRUE;
}

static void
pop_container (Checker *self)
{
  Container *container = &self->stack[--self->depth];

  if (container->kind != CONTAINER_OBJECT)
    return;

  g_array_set_size (self->key_spans, container->first_key);
  g_string_truncate (self->key_text, container->key_text_start);

  if (container->n_keys > MAX_KEYS_WITHOUT_TABLE)
    g_hash_table_remove_all (container->keys);
}

static gboolean
read_hex4 (Checker *self,
           gsize    offset,
           guint   *value)
{
  guint result = 0;

  if (offset > self->length || self->length - offset < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (self->data[offset + i]);

      if (digit < 0)
        return FALSE;
      result = (result << 4) | (guint) digit;
    }

  *value = result;

  return TRUE;
}

static gboolean
is_high_surrogate (guint unit)
{
  return unit >= 0xD800 && unit <= 0xDBFF;
}

static gboolean
is_low_surrogate (guint unit)
{
  return unit >= 0xDC00 && unit <= 0xDFFF;
}

static gboolean
fail_lone_surrogate (Checker *self,
                     gsize    escape_at)
{
  /* Quote the escape as the user wrote it, case included. */
  g_autofree char *escape = g_strndup ((const char *) self->data + escape_at, 6);

  return fail_at (self, escape_at, ANN_ERROR_SYNTAX,
                  _("a lone UTF-16 surrogate %s"), escape);
}

/* Reads the \uXXXX escape at the current position, and the low half that
 * must follow it if it is the high half of a surrogate pair. */
static gboolean
check_unicode_escape (Checker  *self,
                      gunichar *ch)
{
  gsize escape_at = self->pos;
  guint unit;
  guint low;

  if (!read_hex4 (self, escape_at + 2, &unit))
    return fail_at (self, escape_at, ANN_ERROR_SYNTAX,
                    "%s", _("\\u must be followed by four hex digits"));

  if (unit == 0)
    return fail_at (self, escape_at, ANN_ERROR_SYNTAX, "%s", _("\\u0000 (NUL) is not allowed"));

  if (is_low_surrogate (unit))
    return fail_lone_surrogate (self, escape_at);

  if (!is_high_surrogate (unit))
    {
      *ch = unit;
      self->pos = escape_at + 6;
      return TRUE;
    }

  if (escape_at + 8 > self->length
      || self->data[escape_at + 6] != '\\'
      || self->data[escape_at + 7] != 'u'
      || !read_hex4 (self, escape_at + 8, &low)
      || !is_low_surrogate (low))
    return fail_lone_surrogate (self, escape_at);

  *ch = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
  self->pos = escape_at + 12;

  return TRUE;
}

static gboolean
fail_invalid_escape (Checker *self,
                     gsize    escape_at)
{
  gsize offset = escape_at + 1;
  guchar c = self->data[offset];
  g_autofree char *found = NULL;

  if (c >= 0x20 && c < 0x7F)
    return fail_at (self, escape_at, ANN_ERROR_SYNTAX,
                    _("invalid escape '\\%c' in a string"), c);

  if (utf8_sequence_length (self->data + offset, self->length - offset) == 0)
    return fail_invalid_utf8 (self, offset);

  found = describe_found (self, offset);

  return fail_at (self, escape_at, ANN_ERROR_SYNTAX,
                  _("invalid escape in a string: '\\' followed by %s"), found);
}

static gboolean
check_escape (Checker *self,
              GString *unescaped,
              gsize    string_opened_at)
{
  gsize escape_at = self->pos;
  gunichar ch = 0;
  guchar c;

  if (escape_at + 1 >= self->length)
    return fail_unclosed_string (self, string_opened_at);

  c = self->data[escape_at + 1];

  switch (c)
    {
    case '"': case '\\': case '/': ch = c; break;
    case 'b': ch = '\b'; break;
    case 'f': ch = '\f'; break;
    case 'n': ch = '\n'; break;
    case 'r': ch = '\r'; break;
    case 't': ch = '\t'; break;

    case 'u':
      if (!check_unicode_escape (self, &ch))
        return FALSE;
      if (unescaped != NULL)
        g_string_append_unichar (unescaped, ch);
      return TRUE;

    default:
      return fail_invalid_escape (self, escape_at);
    }

  if (unescaped != NULL)
    g_string_append_c (unescaped, (char) ch);
  self->pos = escape_at + 2;

  return TRUE;
}

static gboolean
fail_control_in_string (Checker *self,
                        gsize    offset)
{
  guchar c = self->data[offset];

  /* A raw line break most often means the closing quote is missing. */
  if (c == '\n' || c == '\r')
    return fail_at (self, offset, ANN_ERROR_SYNTAX,
                    "%s", _("unescaped line break inside a string (is a closing '\"' missing?)"));

  if (c == '\t')
    return fail_at (self, offset, ANN_ERROR_SYNTAX,
                    "%s", _("unescaped tab inside a string (write it as \\t)"));

  if (c == 0)
    return fail_invalid_utf8 (self, offset);

  return fail_at (self, offset, ANN_ERROR_SYNTAX,
                  _("unescaped control character U+%04X inside a string"), c);
}

static gboolean
is_plain_string_byte (guchar c)
{
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* Checks the string starting at the current '"'. When @unescaped is not
 * NULL, the decoded text is appended to it (for comparing keys). */
static gboolean
check_string (Checker *self,
              GString *unescaped)
{
  gsize opened_at = self->pos;
  gsize run_start = opened_at + 1;

  self->pos = run_start;

  for (;;)
    {
      gsize n;
      guchar c;

      while (self->pos < self->length && is_plain_string_byte (self->data[self->pos]))
        self->pos++;

      if (at_end (self))
        return fail_unclosed_string (self, opened_at);

      c = self->data[self->pos];

      if (c == '"' || c == '\\')
        {
          if (unescaped != NULL)
            g_string_append_len (unescaped,
                                 (const char *) self->data + run_start,
                                 self->pos - run_start);

          if (c == '"')
            {
              self->pos++;
              return TRUE;
            }

          if (!check_escape (self, unescaped, opened_at))
            return FALSE;

          run_start = self->pos;
          continue;
        }

      if (c < 0x20)
        return fail_control_in_string (self, self->pos);

      n = utf8_sequence_length (self->data + self->pos, self->length - self->pos);
      if (n == 0)
        return fail_invalid_utf8 (self, self->pos);
      self->pos += n;
    }
}

/* Quotes a key back for a message, escaped so that a key holding quotes or
 * line breaks still reads as one token. */
static char *
quote_key (const char *key,
           gsize       length)
{
  g_autoptr(GString) shortened = g_string_new (NULL);
  GString *out = g_string_new ("\"");

  append_shortened (shortened, key, length);

  for (const char *p = shortened->str; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }

  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

static gboolean
fail_duplicate_key (Checker    *self,
                    gsize       key_at,
                    const char *key,
                    gsize       length)
{
  g_autofree char *quoted = quote_key (key, length);

  return fail_at (self, key_at, ANN_ERROR_SYNTAX, _("duplicate key %s"), quoted);
}

static gboolean
is_known_small_key (Checker         *self,
                    const Container *object,
                    const char      *key,
                    gsize            length)
{
  for (guint i = 0; i < object->n_keys; i++)
    {
      const KeySpan *span = &g_array_index (self->key_spans, KeySpan, object->first_key + i);

      if (span->length == length && memcmp (self->key_text->str + span->offset, key, length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The object has just outgrown comparing keys one by one. */
static void
move_keys_to_table (Checker   *self,
                    Container *object)
{
  if (object->keys == NULL)
    object->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < object->n_keys; i++)
    {
      const KeySpan *span = &g_array_index (self->key_spans, KeySpan, object->first_key + i);

      g_hash_table_add (object->keys, g_strndup (self->key_text->str + span->offset, span->length));
    }

  g_array_set_size (self->key_spans, object->first_key);
}

/* The key just read is the text of key_text from @text_start on. Keys never
 * hold NUL (\u0000 is refused), so once copied out a C string is exact. */
static gboolean
remember_key (Checker *self,
              gsize    key_at,
              gsize    text_start)
{
  Container *object = &self->stack[self->depth - 1];
  const char *key = self->key_text->str + text_start;
  gsize length = self->key_text->len - text_start;
  g_autofree char *copy = NULL;

  if (object->n_keys < MAX_KEYS_WITHOUT_TABLE)
    {
      KeySpan span = { text_start, length };

      if (is_known_small_key (self, object, key, length))
        return fail_duplicate_key (self, key_at, key, length);

      g_array_append_val (self->key_spans, span);
      object->n_keys++;

      return TRUE;
    }

  copy = g_strndup (key, length);

  if (object->n_keys == MAX_KEYS_WITHOUT_TABLE)
    move_keys_to_table (self, object);

  /* With a table the object keeps no text here, this key's included. */
  g_string_truncate (self->key_text, object->key_text_start);

  if (g_hash_table_contains (object->keys, copy))
    return fail_duplicate_key (self, key_at, copy, length);

  g_hash_table_add (object->keys, g_steal_pointer (&copy));
  object->n_keys++;

  return TRUE;
}

/* Reads `"key" :` inside an object, leaving the position on the value. */
static gboolean
check_member_key (Checker *self)
{
  gsize key_at = self->pos;
  gsize text_start;

  if (at_end (self))
    return fail_end_of_file (self);

  if (self->data[key_at] != '"')
    return fail_unexpected (self, key_at, _("expected a key in double quotes, found %s"));

  text_start = self->key_text->len;
  if (!check_string (self, self->key_text) || !remember_key (self, key_at, text_start))
    return FALSE;

  skip_whitespace (self);

  if (at_end (self))
    return fail_end_of_file (self);

  if (self->data[self->pos] != ':')
    return fail_unexpected (self, self->pos, _("expected ':' after an object key, found %s"));

  self->pos++;

  return TRUE;
}

static gboolean
word_is (Checker    *self,
         gsize       start,
         gsize       end,
         const char *word)
{
  gsize length = strlen (word);

  return end - start == length && memcmp (self->data + start, word, length) == 0;
}

static gboolean
word_is_ignoring_case (Checker    *self,
                       gsize       start,
                       gsize       end,
                       const char *word)
{
  gsize length = strlen (word);

  return end - start == length
         && g_ascii_strncasecmp ((const char *) self->data + start, word, length) == 0;
}

static gboolean
is_non_finite_word (Checker *self,
                    gsize    start)
{
  gsize end = word_end (self, start);

  return word_is_ignoring_case (self, start, end, "NaN")
         || word_is_ignoring_case (self, start, end, "Infinity");
}

static gboolean
fail_non_finite (Checker *self,
                 gsize    offset)
{
  return fail_at (self, offset, ANN_ERROR_SYNTAX,
                  "%s", _("NaN and Infinity are not allowed in JSON"));
}

/* true, false, null, or a bare word that is none of them. */
static gboolean
check_literal (Checker *self)
{
  gsize start = self->pos;
  gsize end = word_end (self, start);

  if (word_is (self, start, end, "true")
      || word_is (self, start, end, "false")
      || word_is (self, start, end, "null"))
    {
      self->pos = end;
      return TRUE;
    }

  if (is_non_finite_word (self, start))
    return fail_non_finite (self, start);

  /* True, NULL, None: what other languages write for these. */
  if (word_is_ignoring_case (self, start, end, "true")
      || word_is_ignoring_case (self, start, end, "false")
      || word_is_ignoring_case (self, start, end, "null")
      || word_is_ignoring_case (self, start, end, "none"))
    return fail_unexpected (self, start,
                            _("expected a value, found %s "
                              "(JSON literals are lowercase: true, false, null)"));

  return fail_unexpected (self, start, _("expected a value, found %s"));
}

/* The messages come untranslated (N_) and are only translated on failure:
 * this runs for every number of the document. */
static gboolean
check_digits (Checker    *self,
              const char *found_format,
              const char *end_message)
{
  if (at_end (self))
    return fail_at (self, self->pos, ANN_ERROR_SYNTAX, "%s", _(end_message));

  if (!g_ascii_isdigit (self->data[self->pos]))
    return fail_unexpected (self, self->pos, _(found_format));

  while (self->pos < self->length && g_ascii_isdigit (self->data[self->pos]))
    self->pos++;

  return TRUE;
}

static gboolean
peek_is (Checker *self,
         char     c)
{
  return self->pos < self->length && self->data[self->pos] == (guchar) c;
}

/* Whether the @length digits at @digits (no leading zero) make an integer that a gint64
 * holds; json-glib would wrap a larger one, and a wrapped offset gives a misleading message. */
static gboolean
fits_int64 (const guchar *digits,
            gsize         length,
            gboolean      negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  if (length != strlen (limit))
    return length < strlen (limit);
  return memcmp (digits, limit, length) <= 0;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? and nothing else, and an integer that fits
 * in 64 bits. What follows the number is for the caller to judge. */
static gboolean
check_number (Checker *self)
{
  gsize start = self->pos;
  gsize digits_start;

  if (peek_is (self, '-'))
    {
      self->pos++;
      if (!at_end (self) && g_ascii_isalpha (self->data[self->pos])
          && is_non_finite_word (self, self->pos))
        return fail_non_finite (self, start);
    }

  digits_start = self->pos;
  if (peek_is (self, '0'))
    {
      if (self->pos + 1 < self->length && g_ascii_isdigit (self->data[self->pos + 1]))
        return fail_at (self, self->pos, ANN_ERROR_SYNTAX,
                        "%s", _("leading zeros are not allowed in numbers"));
      self->pos++;
    }
  else if (!check_digits (self,
                          N_("expected a digit after '-', found %s"),
                          N_("unexpected end of file: expected a digit after '-'")))
    return FALSE;

  if (!peek_is (self, '.') && !peek_is (self, 'e') && !peek_is (self, 'E') &&
      !fits_int64 (self->data + digits_start, self->pos - digits_start, digits_start > start))
    return fail_at (self, start, ANN_ERROR_SYNTAX,
                    _("the integer %.*s is too large (numbers here are at most 9223372036854775807)"),
                    (int) (self->pos - start), (const char *) self->data + start);

  if (peek_is (self, '.'))
    {
      self->pos++;
      if (!check_digits (self,
                         N_("expected a digit after the decimal point, found %s"),
                         N_("unexpected end of file: expected a digit after the decimal point")))
        return FALSE;
    }

  if (peek_is (self, 'e') || peek_is (self, 'E'))
    {
      self->pos++;
      if (peek_is (self, '+') || peek_is (self, '-'))
        self->pos++;
      if (!check_digits (self,
                         N_("expected a digit in the exponent, found %s"),
                         N_("unexpected end of file: expected a digit in the exponent")))
        return FALSE;
    }

  return TRUE;
}

static gboolean
open_container (Checker       *self,
                ContainerKind  kind,
                gboolean      *value_done)
{
  guchar closer = kind == CONTAINER_ARRAY ? ']' : '}';

  if (!push_container (self, kind))
    return FALSE;

  skip_whitespace (self);

  if (peek_is (self, closer))
    {
      self->pos++;
      pop_container (self);
      *value_done = TRUE;
      return TRUE;
    }

  *value_done = FALSE;

  if (kind == CONTAINER_OBJECT)
    return check_member_key (self);

  return TRUE;
}

/* Reads a scalar whole, or opens an array or object. *value_done tells
 * whether a complete value was read (a scalar or an empty container). */
static gboolean
check_value_start (Checker  *self,
                   gboolean *value_done)
{
  guchar c;

  skip_whitespace (self);

  if (at_end (self))
    return fail_end_of_file (self);

  c = self->data[self->pos];
  *value_done = TRUE;

  switch (c)
    {
    case '[':
      return open_container (self, CONTAINER_ARRAY, value_done);

    case '{':
      return open_container (self, CONTAINER_OBJECT, value_done);

    case '"':
      return check_string (self, NULL);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return check_number (self);

    case '+':
      return fail_unexpected (self, self->pos,
                              _("expected a value, found %s "
                                "(JSON numbers cannot start with '+')"));

    case '.':
      return fail_unexpected (self, self->pos,
                              _("expected a value, found %s "
                                "(JSON numbers need a digit before '.')"));

    default:
      if (g_ascii_isalpha (c))
        return check_literal (self);
      return fail_unexpected (self, self->pos, _("expected a value, found %s"));
    }
}

/* After an element of the innermost container: either a ',' and what
 * opens the next element, or the closing bracket. */
static gboolean
check_after_element (Checker  *self,
                     gboolean *closed)
{
  ContainerKind kind = self->stack[self->depth - 1].kind;
  guchar closer = kind == CONTAINER_ARRAY ? ']' : '}';
  gsize comma_at;

  skip_whitespace (self);

  if (at_end (self))
    return fail_end_of_file (self);

  if (peek_is (self, closer))
    {
      self->pos++;
      pop_container (self);
      *closed = TRUE;
      return TRUE;
    }

  if (!peek_is (self, ','))
    {
      if (kind == CONTAINER_ARRAY)
        return fail_unexpected (self, self->pos,
                                _("expected ',' or ']' after an array element, found %s"));
      return fail_unexpected (self, self->pos,
                              _("expected ',' or '}' after an object member, found %s"));
    }

  comma_at = self->pos++;
  skip_whitespace (self);

  /* Point at the comma: that is what has to go. */
  if (peek_is (self, closer))
    {
      if (kind == CONTAINER_ARRAY)
        return fail_at (self, comma_at, ANN_ERROR_SYNTAX,
                        "%s", _("trailing comma before ']' is not allowed"));
      return fail_at (self, comma_at, ANN_ERROR_SYNTAX,
                      "%s", _("trailing comma before '}' is not allowed"));
    }

  *closed = FALSE;

  if (kind == CONTAINER_OBJECT)
    return check_member_key (self);

  return TRUE;
}

/* One value, however deeply nested, without recursion. */
static gboolean
check_value (Checker *self)
{
  for (;;)
    {
      gboolean value_done;

      if (!check_value_start (self, &value_done))
        return FALSE;

      /* A finished value may finish its container, and that one its own. */
      while (value_done)
        {
          if (self->depth == 0)
            return TRUE;

          if (!check_after_element (self, &value_done))
            return FALSE;
        }
    }
}

static gboolean
check_document (Checker *self)
{
  if (self->length >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    return fail_at (self, 0, ANN_ERROR_SYNTAX,
                    "%s", _("the file starts with a byte order mark (BOM), "
                            "which JSON does not allow"));

  skip_whitespace (self);

  if (at_end (self))
    return fail_at (self, self->pos, ANN_ERROR_SYNTAX, "%s", _("the file is empty"));

  if (!check_value (self))
    return FALSE;

  skip_whitespace (self);

  if (!at_end (self))
    return fail_unexpected (self, self->pos, _("unexpected data after the JSON value, found %s"));

  return TRUE;
}

static void
checker_clear (Checker *self)
{
  for (guint i = 0; i < self->n_allocated; i++)
    g_clear_pointer (&self->stack[i].keys, g_hash_table_unref);

  g_clear_pointer (&self->stack, g_free);
  g_string_free (self->key_text, TRUE);
  g_array_unref (self->key_spans);
}

/**
 * ann_json_check_syntax:
 * @data: (array length=length): the bytes of the document
 * @length: the number of bytes in @data
 * @max_depth: how many arrays and objects may nest; the root one is level 1
 * @error: return location for an error
 *
 * Checks that @data is exactly one RFC 8259 JSON value, with optional JSON
 * whitespace around it, in UTF-8 without a BOM. On top of RFC 8259 it
 * refuses duplicate keys in an object, \u0000 escapes and NUL bytes, and
 * nesting deeper than @max_depth (%ANN_ERROR_TOO_LARGE). Any other problem
 * is an %ANN_ERROR_SYNTAX whose message starts with "line L, column C: ",
 * where lines are counted by LF and columns in characters, from 1.
 *
 * Returns: %TRUE if @data is well-formed
 */
gboolean
ann_json_check_syntax (const char  *data,
                       gsize        length,
                       guint        max_depth,
                       GError     **error)
{
  Checker checker = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  checker.data = (const guchar *) (data != NULL ? data : "");
  checker.length = length;
  checker.max_depth = max_depth;
  checker.key_text = g_string_new (NULL);
  checker.key_spans = g_array_new (FALSE, FALSE, sizeof (KeySpan));
  checker.error = error;

  ok = check_document (&checker);
  checker_clear (&checker);

  return ok;
}
