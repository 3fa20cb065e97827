/* ann-document.c: the article being annotated
 *
 * The text is immutable and always in the normal form of ann-text.c. Offsets count code
 * points; a table of the byte offset of every CHECKPOINT_STRIDE-th code point turns an
 * offset into a byte position in constant time, which slicing thousands of entities needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-document.h"
#include "ann-error.h"
#include "ann-io.h"
#include "ann-text.h"
#include "ann-tokenizer.h"

#define CHECKPOINT_STRIDE 64

struct _AnnDocument
{
  GObject  parent_instance;

  char    *text;
  char    *id;
  char    *title;
  char    *source;
  char    *language;
  guint    length;
  GArray  *checkpoints;   /* gsize byte offset of code point i * CHECKPOINT_STRIDE */
};

G_DEFINE_FINAL_TYPE (AnnDocument, ann_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ann_document_finalize (GObject *object)
{
  AnnDocument *self = (AnnDocument *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->checkpoints, g_array_unref);

  G_OBJECT_CLASS (ann_document_parent_class)->finalize (object);
}

static void
ann_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AnnDocument *self = ANN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AnnDocument *self = ANN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ann_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      ann_document_set_source (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      ann_document_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ann_document_class_init (AnnDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_document_finalize;
  object_class->get_property = ann_document_get_property;
  object_class->set_property = ann_document_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ann_document_init (AnnDocument *self)
{
}

static void
index_code_points (AnnDocument *self)
{
  gsize byte = 0;

  self->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->length = 0;

  while (self->text[byte] != '\0')
    {
      if (self->length % CHECKPOINT_STRIDE == 0)
        g_array_append_val (self->checkpoints, byte);
      byte += g_utf8_skip[(guchar) self->text[byte]];
      self->length++;
    }
  if (self->length % CHECKPOINT_STRIDE == 0)
    g_array_append_val (self->checkpoints, byte);
}

/* @line of @length bytes without the white space around it, or %NULL when nothing is left.
 * Unicode white space, not only ASCII: a line of no-break spaces (U+00A0), as pasted from a
 * web page, is as empty as a line of spaces. */
static char *
strip_line (const char *line,
            gsize       length)
{
  const char *start = line;
  const char *end = line + length;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  return end > start ? g_strndup (start, end - start) : NULL;
}

/* The first non-empty line, with surrounding white space trimmed. */
static char *
find_title (const char *text)
{
  const char *line = text;

  while (*line)
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol ? (gsize) (eol - line) : strlen (line);
      char *candidate = strip_line (line, len);

      if (candidate != NULL)
        return candidate;
      if (eol == NULL)
        break;
      line = eol + 1;
    }

  return NULL;
}

/* Vietnamese is recognised by the letters only it uses: ă, đ, ơ, ư and the stacked tone marks
 * of U+1EA0–U+1EF9. */
static gboolean
looks_vietnamese (const char *text)
{
  guint hits = 0;

  for (const char *p = text; *p && hits < 3; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c == 0x0103 || c == 0x0111 || c == 0x01A1 || c == 0x01B0 ||
          (c >= 0x1EA0 && c <= 0x1EF9))
        hits++;
    }

  return hits >= 3;
}

/* A document of @text, which must be valid and normal already; takes it. */
static AnnDocument *
document_new_normal (char *text)
{
  AnnDocument *self = g_object_new (ANN_TYPE_DOCUMENT, NULL);

  self->text = text;
  self->id = ann_text_compute_id (text);
  self->title = find_title (text);
  index_code_points (self);
  return self;
}

/**
 * ann_document_new:
 * @text: the article, already in the normal form
 *
 * Creates the document of an article whose text is already normal; the title is its first
 * non-empty line. Text that is not normal is refused: callers that import use
 * ann_document_new_from_bytes(), which normalises.
 */
AnnDocument *
ann_document_new (const char  *text,
                  GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_ENCODING, _("the text is not valid UTF-8"));
      return NULL;
    }
  if (!ann_text_check_normalized (text, error))
    return NULL;

  return document_new_normal (g_strdup (text));
}

/**
 * ann_document_new_from_bytes:
 * @warning: (out) (optional): set to a message when the text looks damaged but was imported
 *
 * Imports the bytes of a plain-text article: decodes, normalises, and guesses the language.
 */
AnnDocument *
ann_document_new_from_bytes (GBytes  *bytes,
                             char   **warning,
                             GError **error)
{
  g_autofree char *decoded = NULL;
  const char *normal;
  g_autofree char *mojibake = NULL;
  AnnDocument *self;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  /* Empty bytes may have no data pointer at all. */
  decoded = ann_text_decode (data != NULL ? data : (const guint8 *) "", length, error);
  if (decoded == NULL)
    return NULL;
  /* ann_text_normalize() gives normal text: checking it again would double the work. */
  self = document_new_normal (ann_text_normalize (decoded));
  normal = self->text;

  if (looks_vietnamese (normal))
    self->language = g_strdup ("vi");

  mojibake = ann_text_find_mojibake (normal);
  if (warning == NULL)
    return self;
  if (self->title == NULL)
    *warning = g_strdup (_("The article is empty: the file holds no text to annotate"));
  else if (mojibake != NULL)
    *warning = g_strdup_printf (_("The text looks like UTF-8 that was read as Windows-1252 "
                                  "(for example %s); check how the file was saved"), mojibake);
  else
    *warning = NULL;

  return self;
}

/**
 * ann_document_new_from_file:
 *
 * Imports a plain-text article from @file; the source is the file's name.
 */
AnnDocument *
ann_document_new_from_file (GFile   *file,
                            char   **warning,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  AnnDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = ann_io_load (file, error);
  if (bytes == NULL)
    return NULL;

  self = ann_document_new_from_bytes (bytes, warning, error);
  if (self == NULL)
    return NULL;

  self->source = ann_io_display_basename (file);
  return self;
}

const char *
ann_document_get_id (AnnDocument *self)
{
  g_return_val_if_fail (ANN_IS_DOCUMENT (self), NULL);

  return self->id;
}

const char *
ann_document_get_text (AnnDocument *self)
{
  g_return_val_if_fail (ANN_IS_DOCUMENT (self), NULL);

  return self->text;
}

/**
 * ann_document_get_length:
 *
 * The length of the text in code points.
 */
guint
ann_document_get_length (AnnDocument *self)
{
  g_return_val_if_fail (ANN_IS_DOCUMENT (self), 0);

  return self->length;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  /* An empty string is none, as in files (data/FORMAT.md), which do not write it back. */
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
ann_document_get_title (AnnDocument *self)
{
  g_return_val_if_fail (ANN_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
ann_document_set_title (AnnDocument *self,
                        const char  *title)
{
  g_return_if_fail (ANN_IS_DOCUMENT (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ann_document_get_source (AnnDocument *self)
{
  g_return_val_if_fail (ANN_IS_DOCUMENT (self), NULL);

  return self->source;
}

void
ann_document_set_source (AnnDocument *self,
                         const char  *source)
{
  g_return_if_fail (ANN_IS_DOCUMENT (self));

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

const char *
ann_document_get_language (AnnDocument *self)
{
  g_return_val_if_fail (ANN_IS_DOCUMENT (self), NULL);

  return self->language;
}

void
ann_document_set_language (AnnDocument *self,
                           const char  *language)
{
  g_return_if_fail (ANN_IS_DOCUMENT (self));

  if (set_string (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * ann_document_get_byte_offset:
 * @offset: a code-point offset, at most the length
 *
 * The byte position in the UTF-8 text of the code point at @offset.
 */
gsize
ann_document_get_byte_offset (AnnDocument *self,
                              guint        offset)
{
  gsize byte;

  g_return_val_if_fail (ANN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (offset <= self->length, 0);

  byte = g_array_index (self->checkpoints, gsize, offset / CHECKPOINT_STRIDE);
  for (guint i = 0; i < offset % CHECKPOINT_STRIDE; i++)
    byte += g_utf8_skip[(guchar) self->text[byte]];

  return byte;
}

/**
 * ann_document_get_char_offset:
 * @byte_offset: a byte position at the start of a character, or the end of the text
 *
 * The code-point offset of the character at @byte_offset.
 */
guint
ann_document_get_char_offset (AnnDocument *self,
                              gsize        byte_offset)
{
  guint low = 0;
  guint high;
  guint offset;
  gsize byte;

  g_return_val_if_fail (ANN_IS_DOCUMENT (self), 0);

  /* Find the last checkpoint at or before byte_offset, then walk. */
  high = self->checkpoints->len;
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->checkpoints, gsize, mid) <= byte_offset)
        low = mid;
      else
        high = mid;
    }

  offset = low * CHECKPOINT_STRIDE;
  byte = g_array_index (self->checkpoints, gsize, low);
  while (byte < byte_offset && self->text[byte] != '\0')
    {
      byte += g_utf8_skip[(guchar) self->text[byte]];
      offset++;
    }

  return offset;
}

/**
 * ann_document_dup_slice:
 *
 * The text from code point @start (inclusive) to @end (exclusive).
 */
char *
ann_document_dup_slice (AnnDocument *self,
                        guint        start,
                        guint        end)
{
  gsize byte_start;
  gsize byte_end;

  g_return_val_if_fail (ANN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  byte_start = ann_document_get_byte_offset (self, start);
  byte_end = ann_document_get_byte_offset (self, end);
  return g_strndup (self->text + byte_start, byte_end - byte_start);
}

static gunichar
char_at (AnnDocument *self,
         guint        offset)
{
  return g_utf8_get_char (self->text + ann_document_get_byte_offset (self, offset));
}

/* The token of the tokenizer (ann-tokenizer.c) that holds the character at @offset, which is
 * not white space: in its chunk (a run between white space), the part between the
 * punctuation and symbols peeled off either end is one token, and each of those is a token of
 * its own. */
static void
token_around (AnnDocument *self,
              guint        offset,
              guint       *token_start,
              guint       *token_end)
{
  guint chunk_start = offset;
  guint chunk_end = offset + 1;
  guint core_start, core_end;

  while (chunk_start > 0 && !g_unichar_isspace (char_at (self, chunk_start - 1)))
    chunk_start--;
  while (chunk_end < self->length && !g_unichar_isspace (char_at (self, chunk_end)))
    chunk_end++;

  core_start = chunk_start;
  while (core_start < chunk_end && ann_tokenizer_is_punctuation_or_symbol (char_at (self, core_start)))
    core_start++;
  core_end = chunk_end;
  while (core_end > core_start && ann_tokenizer_is_punctuation_or_symbol (char_at (self, core_end - 1)))
    core_end--;

  if (offset >= core_start && offset < core_end)
    {
      *token_start = core_start;
      *token_end = core_end;
    }
  else
    {
      *token_start = offset;
      *token_end = offset + 1;
    }
}

/**
 * ann_document_snap_to_tokens:
 * @start: (inout): a code-point offset
 * @end: (inout): a code-point offset, at least @start
 *
 * Turns a selection into a span worth tagging: white space at either end goes, and a token
 * (as the tokenizer makes them, so "45-KH/TU", "21/03/2022" and "TP.HCM" are one) cut by
 * either end is taken whole, so that a sloppy drag over "ắk Nông " gives "Đắk Nông" and one
 * over "Covi" gives "Covid-19". Punctuation at an end stays as selected.
 *
 * Returns: %FALSE when nothing but white space was selected
 */
gboolean
ann_document_snap_to_tokens (AnnDocument *self,
                             guint       *start,
                             guint       *end)
{
  guint token_start, token_end;

  g_return_val_if_fail (ANN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (*start <= *end && *end <= self->length, FALSE);

  while (*start < *end && g_unichar_isspace (char_at (self, *start)))
    (*start)++;
  while (*end > *start && g_unichar_isspace (char_at (self, *end - 1)))
    (*end)--;
  if (*start == *end)
    return FALSE;

  token_around (self, *start, &token_start, &token_end);
  *start = token_start;
  token_around (self, *end - 1, &token_start, &token_end);
  *end = token_end;
  return TRUE;
}
