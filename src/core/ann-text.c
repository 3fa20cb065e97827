/* ann-text.c: the normal form of article text
 *
 * Offsets in our files count code points into a text in one fixed form (NFC, LF line ends, no
 * BOM and no invisible formatting characters). Import brings any text into that form; loading
 * a file only checks it, since re-normalising would shift every offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-text.h"

#define BYTE_ORDER_MARK   0xFEFF
#define ZERO_WIDTH_SPACE  0x200B
#define WORD_JOINER       0x2060
#define SOFT_HYPHEN       0x00AD

static gboolean
is_invisible_char (gunichar c)
{
  return c == BYTE_ORDER_MARK || c == ZERO_WIDTH_SPACE || c == WORD_JOINER || c == SOFT_HYPHEN;
}

static char *
decode_utf16 (const guint8  *data,
              gsize          length,
              const char    *charset,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *text;

  if (length % 2 != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_ENCODING,
                   _("The file starts with a UTF-16 byte order mark but has an odd number of bytes"));
      return NULL;
    }

  text = g_convert ((const char *) data, length, "UTF-8", charset, NULL, &written, &local_error);
  if (text == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_ENCODING,
                   _("The file starts with a UTF-16 byte order mark but is not valid UTF-16: %s"),
                   local_error->message);
      return NULL;
    }
  if (strlen (text) != written)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_ENCODING,
                   _("The UTF-16 text contains a NUL character at character %ld"),
                   g_utf8_pointer_to_offset (text, text + strlen (text)));
      g_free (text);
      return NULL;
    }
  return text;
}

/**
 * ann_text_decode:
 *
 * Turns the bytes of a text file into UTF-8: UTF-8 (with or without a BOM) or UTF-16 with a
 * BOM. Invalid UTF-8 is refused with the byte offset of the first bad byte, and UTF-32 (with
 * a BOM) as such.
 */
char *
ann_text_decode (const guint8  *data,
                 gsize          length,
                 GError       **error)
{
  const char *end = NULL;

  /* Before UTF-16, whose little-endian byte order mark begins UTF-32's. */
  if (length >= 4 && (memcmp (data, "\xFF\xFE\0\0", 4) == 0 ||
                      memcmp (data, "\0\0\xFE\xFF", 4) == 0))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_ENCODING,
                   _("The file is in UTF-32 (it starts with a UTF-32 byte order mark), which is "
                     "not supported; save it as UTF-8 or UTF-16"));
      return NULL;
    }
  if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    return decode_utf16 (data + 2, length - 2, "UTF-16LE", error);
  if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    return decode_utf16 (data + 2, length - 2, "UTF-16BE", error);
  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len ((const char *) data, length, &end))
    {
      gsize offset = (const guint8 *) end - data;

      g_set_error (error, ANN_ERROR, ANN_ERROR_ENCODING,
                   _("Invalid UTF-8 at byte %llu (byte value 0x%02X); "
                     "the file must be UTF-8, or UTF-16 with a byte order mark"),
                   (unsigned long long) offset, data[offset]);
      return NULL;
    }

  return g_strndup ((const char *) data, length);
}

/* NFC, the Unicode canonical composition (UAX #15), in time linear in the text.
 *
 * GLib's g_utf8_normalize() moves the rest of its buffer at every composition and bubble-sorts
 * combining marks, so it is quadratic: a Vietnamese article of a few hundred kilobytes took
 * seconds, and a line of 80 000 "ế" without a space 3.4 s, growing with its square. Here the
 * text streams through a small window: the last starter (a character of combining class 0,
 * possibly composed already) and what follows it. Nothing before the last starter can change
 * any more (a starter blocks every later composition with what precedes it), so it is written
 * out at once. GLib's own Unicode tables decide (g_unichar_fully_decompose(),
 * g_unichar_compose()), so the result is g_utf8_normalize()'s, which the tests check. */

typedef struct
{
  GString *out;
  GArray  *window;   /* gunichar: the last starter, if any, then the marks that stay after it */
  GArray  *marks;    /* gunichar: the combining marks read since, in text order */
} Composer;

static int
compare_combining_class (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return g_unichar_combining_class (*(const gunichar *) a) -
         g_unichar_combining_class (*(const gunichar *) b);
}

static gboolean
window_starts_with_starter (GArray *window)
{
  return window->len > 0 && g_unichar_combining_class (g_array_index (window, gunichar, 0)) == 0;
}

/* Puts the marks in canonical order (a stable sort by combining class) and composes each with
 * the starter unless a mark of the same or a higher class stands between them. */
static void
composer_place_marks (Composer *self)
{
  GArray *window = self->window;

  if (self->marks->len > 1)
    g_qsort_with_data (self->marks->data, self->marks->len, sizeof (gunichar),
                       compare_combining_class, NULL);

  for (guint i = 0; i < self->marks->len; i++)
    {
      gunichar mark = g_array_index (self->marks, gunichar, i);
      gunichar *starter = &g_array_index (window, gunichar, 0);
      gunichar composed;

      if (window_starts_with_starter (window) &&
          (window->len == 1 ||
           g_unichar_combining_class (g_array_index (window, gunichar, window->len - 1)) <
           g_unichar_combining_class (mark)) &&
          g_unichar_compose (*starter, mark, &composed))
        *starter = composed;
      else
        g_array_append_val (window, mark);
    }
  g_array_set_size (self->marks, 0);
}

static void
composer_flush (Composer *self)
{
  for (guint i = 0; i < self->window->len; i++)
    g_string_append_unichar (self->out, g_array_index (self->window, gunichar, i));
  g_array_set_size (self->window, 0);
}

/* Takes one character of the fully decomposed text. */
static void
composer_add (Composer *self,
              gunichar  c)
{
  gunichar composed;

  if (g_unichar_combining_class (c) != 0)
    {
      g_array_append_val (self->marks, c);
      return;
    }

  composer_place_marks (self);
  /* Two starters compose only when adjacent (Hangul syllables, some Indic vowel signs). */
  if (self->window->len == 1 && window_starts_with_starter (self->window) &&
      g_unichar_compose (g_array_index (self->window, gunichar, 0), c, &composed))
    {
      g_array_index (self->window, gunichar, 0) = composed;
      return;
    }
  composer_flush (self);
  g_array_append_val (self->window, c);
}

/* NFC of @length bytes of valid UTF-8 at @text, appended to @out. */
static void
append_nfc (GString    *out,
            const char *text,
            gsize       length)
{
  const char *end = text + length;
  Composer composer = {
    out,
    g_array_sized_new (FALSE, FALSE, sizeof (gunichar), 16),
    g_array_sized_new (FALSE, FALSE, sizeof (gunichar), 16),
  };

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      /* ASCII followed by ASCII, much of any article, is final at once: no character
       * composes with an ASCII one before it, and no mark follows. */
      if ((guchar) *p < 0x80 && (p + 1 == end || (guchar) p[1] < 0x80))
        {
          if (composer.window->len > 0 || composer.marks->len > 0)
            {
              composer_place_marks (&composer);
              composer_flush (&composer);
            }
          g_string_append_c (out, *p);
          continue;
        }
      if ((guchar) *p < 0x80)
        {
          composer_add (&composer, (guchar) *p);
          continue;
        }
      n = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, decomposed,
                                     G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        composer_add (&composer, decomposed[i]);
    }
  composer_place_marks (&composer);
  composer_flush (&composer);

  g_array_unref (composer.window);
  g_array_unref (composer.marks);
}

static char *
normalize_nfc (const char *text)
{
  gsize length = strlen (text);
  GString *out = g_string_sized_new (length);

  append_nfc (out, text, length);
  return g_string_free (out, FALSE);
}

/* CR LF and a lone CR both become LF; invisible characters go. */
static char *
strip_invisibles_and_line_ends (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (!is_invisible_char (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * ann_text_normalize:
 *
 * Returns @text (valid UTF-8) in the normal form of the file format: invisible characters
 * removed, LF line ends, then NFC. NFC comes last because removing a soft hyphen between a
 * letter and a combining mark changes what composes.
 */
char *
ann_text_normalize (const char *text)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  stripped = strip_invisibles_and_line_ends (text);
  return normalize_nfc (stripped);
}

/**
 * ann_text_compose:
 *
 * @text (valid UTF-8) in NFC and nothing else changed, unlike ann_text_normalize().
 */
char *
ann_text_compose (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return normalize_nfc (text);
}

static void
map_append (GArray *map,
            guint   offset)
{
  g_array_append_val (map, offset);
}

/**
 * ann_text_normalize_mapped:
 * @map: (out): for each code point of @raw, its offset in the result, then the result's length
 *
 * Normalises like ann_text_normalize(), keeping track of where each character of @raw went, so
 * that offsets another tool counted in the raw text can be moved into the normal text. A
 * removed invisible character maps to where the next character went; a line break CR LF maps
 * both its characters to the LF; a combining mark that NFC folded into the letter before it
 * maps to %ANN_TEXT_OFFSET_INSIDE, since no offset of the result falls there.
 *
 * NFC is applied to each letter with its marks, which is NFC of the whole for every script
 * whose letters compose only with their own marks (Latin, Vietnamese among them); the caller
 * checks the result with ann_text_check_normalized() for the rest.
 */
char *
ann_text_normalize_mapped (const char  *raw,
                           GArray     **map)
{
  GString *out = g_string_sized_new (strlen (raw));
  guint out_length = 0;
  const char *p = raw;

  *map = g_array_new (FALSE, FALSE, sizeof (guint));

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *segment_end;
      guint segment_chars = 1;
      gsize nfc_start;
      glong nfc_chars;

      if (is_invisible_char (c))
        {
          map_append (*map, out_length);
          p = g_utf8_next_char (p);
          continue;
        }
      if (c == '\r')
        {
          map_append (*map, out_length);
          if (p[1] == '\n')
            {
              map_append (*map, out_length);
              p++;
            }
          g_string_append_c (out, '\n');
          out_length++;
          p++;
          continue;
        }
      if (c < 0x80 && (guchar) p[1] < 0x80)
        {
          /* ASCII followed by ASCII: nothing to compose. */
          map_append (*map, out_length);
          g_string_append_c (out, *p);
          out_length++;
          p++;
          continue;
        }

      /* A letter and the combining marks after it. */
      segment_end = g_utf8_next_char (p);
      while (*segment_end && g_unichar_combining_class (g_utf8_get_char (segment_end)) != 0)
        {
          segment_end = g_utf8_next_char (segment_end);
          segment_chars++;
        }

      nfc_start = out->len;
      append_nfc (out, p, segment_end - p);
      nfc_chars = g_utf8_strlen (out->str + nfc_start, out->len - nfc_start);
      for (guint i = 0; i < segment_chars; i++)
        {
          if (nfc_chars == (glong) segment_chars)
            map_append (*map, out_length + i);
          else
            map_append (*map, i == 0 ? out_length : ANN_TEXT_OFFSET_INSIDE);
        }
      out_length += nfc_chars;
      p = segment_end;
    }

  map_append (*map, out_length);
  return g_string_free (out, FALSE);
}

/**
 * ann_text_check_normalized:
 *
 * Checks that @text is already in the normal form, naming the first character that is not.
 */
gboolean
ann_text_check_normalized (const char  *text,
                           GError     **error)
{
  g_autofree char *nfc = NULL;
  guint offset = 0;
  const char *p;
  const char *q;

  g_return_val_if_fail (text != NULL, FALSE);

  for (p = text; *p; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' || is_invisible_char (c))
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("the text contains U+%04X at character %u; texts must have LF line ends "
                         "and no byte order mark, zero-width space, word joiner or soft hyphen"),
                       c, offset);
          return FALSE;
        }
    }

  nfc = normalize_nfc (text);
  if (strcmp (nfc, text) == 0)
    return TRUE;

  /* Name the first character where the NFC form differs. */
  for (p = text, q = nfc, offset = 0; *p && g_utf8_get_char (p) == g_utf8_get_char (q); offset++)
    {
      p = g_utf8_next_char (p);
      q = g_utf8_next_char (q);
    }
  g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
               _("the text is not in Unicode normal form C (NFC) at character %u; "
                 "import the article again to normalise it"),
               offset);
  return FALSE;
}

/* Windows-1252 bytes 0x80 to 0x9F; the rest of its upper half is Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int
cp1252_byte_for (gunichar c)
{
  if (c >= 0xA0 && c <= 0xFF)
    return c;
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_high); i++)
    if (cp1252_high[i] != 0 && cp1252_high[i] == c)
      return 0x80 + i;
  return -1;
}

/* A run of non-ASCII characters all encodable in Windows-1252 whose bytes form UTF-8 with a
 * multi-byte character is what UTF-8 read as Windows-1252 looks like ("áº¿" for "ế"). Real
 * Vietnamese never has such runs: its letters lie mostly outside Windows-1252. */
static gboolean
run_is_mojibake (const GByteArray *run,
                 char            **repaired)
{
  const char *end;

  if (run->len < 2 || !g_utf8_validate ((const char *) run->data, run->len, &end))
    return FALSE;
  *repaired = g_strndup ((const char *) run->data, run->len);
  return TRUE;
}

/**
 * ann_text_find_mojibake:
 *
 * Returns a short example ("Tiáº¿ng" → "Tiếng") when @text looks like UTF-8 that was read as
 * Windows-1252, or %NULL.
 */
char *
ann_text_find_mojibake (const char *text)
{
  g_autoptr(GByteArray) run = g_byte_array_new ();
  const char *run_start = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int byte = c >= 0x80 ? cp1252_byte_for (c) : -1;

      if (byte >= 0)
        {
          guint8 b = byte;

          if (run->len == 0)
            run_start = p;
          g_byte_array_append (run, &b, 1);
        }
      else if (run->len > 0)
        {
          g_autofree char *repaired = NULL;

          if (run_is_mojibake (run, &repaired))
            {
              g_autofree char *seen = g_strndup (run_start, p - run_start);
              return g_strdup_printf ("“%s” → “%s”", seen, repaired);
            }
          g_byte_array_set_size (run, 0);
        }

      if (c == 0)
        return NULL;
    }
}

/**
 * ann_text_compute_id:
 *
 * The document id: "sha256:" and the hex digest of the UTF-8 bytes of @text.
 */
char *
ann_text_compute_id (const char *text)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strconcat ("sha256:", digest, NULL);
}

/**
 * ann_text_is_word_char:
 *
 * Whether @c belongs inside a word: a letter, a digit or a combining mark.
 */
gboolean
ann_text_is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * ann_text_show_invisible:
 *
 * @text for a message: every character that would print as nothing or as something it is not
 * (a control character, a format character, white space other than the ASCII space) becomes
 * its code point, as in "T<U+0001>1", so that the user sees what is wrong with a name.
 */
char *
ann_text_show_invisible (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* g_unichar_isgraph() counts the line and paragraph separators as graphic. */
      if (c == ' ' || (g_unichar_isgraph (c) && !g_unichar_isspace (c)))
        g_string_append_unichar (out, c);
      else
        g_string_append_printf (out, "<U+%04X>", c);
    }
  return g_string_free (out, FALSE);
}
