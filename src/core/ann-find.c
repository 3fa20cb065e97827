/* ann-find.c: finding text regardless of case, tone-mark placement and Đ look-alikes
 *
 * Vietnamese marks the tone of a syllable on one of its vowels, and two spelling conventions
 * disagree on which vowel of "oa", "oe" and "uy" carries it: "hòa" and "hoà", "ủy" and "uỷ",
 * "khóa" and "khoá" are the same word, and one article often has both. Find also ignores
 * letter case and the look-alikes Ð/ð (U+00D0/U+00F0, from keyboards and OCR) of Đ/đ
 * (U+0110/U+0111). It never ignores the tone itself ("hoa", "hòa" and "hóa" are three words),
 * nor the marks that make letters (o ô ơ, a ă â, u ư), nor d against đ.
 *
 * The folded form of a text: every character decomposed (NFD) and lowercased, ð and đ made
 * one; then in each word (a run of letters, digits and marks) the five tone marks move to the
 * end of the word, in their order, while the other marks stay on their letters. So "Hòa" and
 * "hoà" both fold to "hoa" + U+0300.
 *
 * A match is a range of the original text whose folded form, taken on its own, equals the
 * folded query. Searching the folded text itself would go wrong whenever a range ends inside
 * a word, because the tones of that word sit at its end: "hoa" would find the start of
 * "hoàn" (folded "hoan" + U+0300) and "ủy" would never find the start of "ủyban". So the index
 * keeps the folded text without the tone marks of words (the base), with the offset of the
 * character each of its code points came from; a search finds the base of the query there,
 * then checks each candidate range by folding it, which compares the tones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-find.h"
#include "ann-text.h"

#define LATIN_SMALL_ETH       0x00F0
#define LATIN_SMALL_D_STROKE  0x0111

/* The most code points one character folds to. */
#define MAX_FOLD G_UNICHAR_MAX_DECOMPOSITION_LENGTH

struct _AnnFindIndex
{
  gunichar *chars;    /* the original text, one code point each */
  gsize     n_chars;
  gunichar *base;     /* the folded text without the tone marks of words */
  guint    *map;      /* for each code point of base, the offset of the character it came from */
  gsize     n_base;
};

static gboolean
is_tone_mark (gunichar c)
{
  switch (c)
    {
    case 0x0300: /* grave: huyền */
    case 0x0301: /* acute: sắc */
    case 0x0303: /* tilde: ngã */
    case 0x0309: /* hook above: hỏi */
    case 0x0323: /* dot below: nặng */
      return TRUE;

    default:
      return FALSE;
    }
}

/* One character decomposed (canonically: a Vietnamese letter gives its base letter and up to
 * two marks), lowercased, with ð made đ. Returns the number of code points in @out. */
static gsize
fold_char (gunichar  c,
           gunichar *out)
{
  gsize n;

  /* Most of any article is ASCII, which needs no tables. */
  if (c < 0x80)
    {
      out[0] = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
      return 1;
    }

  n = g_unichar_fully_decompose (c, FALSE, out, MAX_FOLD);
  for (gsize i = 0; i < n; i++)
    {
      out[i] = g_unichar_tolower (out[i]);
      if (out[i] == LATIN_SMALL_ETH)
        out[i] = LATIN_SMALL_D_STROKE;
    }

  return n;
}

/* Appends the folded code points of a word's characters that are tone marks, or those that
 * are not, so that a word can be written letters first and tones last. */
static void
append_word_part (const gunichar *chars,
                  gsize           n_chars,
                  gboolean        tones,
                  GArray         *out)
{
  for (gsize i = 0; i < n_chars; i++)
    {
      gunichar folded[MAX_FOLD];
      gsize n = fold_char (chars[i], folded);

      for (gsize k = 0; k < n; k++)
        if (is_tone_mark (folded[k]) == tones)
          g_array_append_val (out, folded[k]);
    }
}

/* Appends the folded form of @chars to @out. Words are delimited within @chars alone, so a
 * range cut from a longer text folds as if it were the whole text. */
static void
fold_chars (const gunichar *chars,
            gsize           n_chars,
            GArray         *out)
{
  gsize i = 0;

  while (i < n_chars)
    {
      gsize word_end = i;

      while (word_end < n_chars && ann_text_is_word_char (chars[word_end]))
        word_end++;

      if (word_end == i)
        {
          gunichar folded[MAX_FOLD];
          gsize n = fold_char (chars[i], folded);

          g_array_append_vals (out, folded, n);
          i++;
          continue;
        }

      append_word_part (chars + i, word_end - i, FALSE, out);
      append_word_part (chars + i, word_end - i, TRUE, out);
      i = word_end;
    }
}

/* The base of @chars: the folded code points except the tone marks of words, in the original
 * order. When @map_out is not %NULL it receives, for each code point of the base, the offset
 * of the character it came from. One pass with plain arrays, since this runs over whole
 * articles. */
static gunichar *
fold_base (const gunichar  *chars,
           gsize            n_chars,
           guint          **map_out,
           gsize           *len_out)
{
  gsize size = n_chars + n_chars / 4 + MAX_FOLD;
  gunichar *base = g_new (gunichar, size);
  guint *map = map_out != NULL ? g_new (guint, size) : NULL;
  gsize len = 0;

  for (gsize i = 0; i < n_chars; i++)
    {
      gunichar folded[MAX_FOLD];
      gsize n = fold_char (chars[i], folded);

      if (len + n > size)
        {
          size = MAX (size + size / 2, len + n);
          base = g_renew (gunichar, base, size);
          if (map != NULL)
            map = g_renew (guint, map, size);
        }

      for (gsize k = 0; k < n; k++)
        {
          /* A tone mark inside a non-word character (such as U+1FED, a spacing Greek
           * accent) has no word to move to, so it stays where it is, as in fold_chars(). */
          if (is_tone_mark (folded[k]) && ann_text_is_word_char (chars[i]))
            continue;

          base[len] = folded[k];
          if (map != NULL)
            map[len] = i;
          len++;
        }
    }

  *len_out = len;
  if (map_out != NULL)
    *map_out = g_renew (guint, map, len);
  return g_renew (gunichar, base, len);
}

/**
 * ann_find_index_new:
 * @text: the article text: valid UTF-8, normally NFC with LF line ends
 *
 * Folds @text once for any number of searches. Linear in the length of @text; the index
 * keeps its own copy, in about 12 bytes per character.
 *
 * Returns: (transfer full): the index; free it with ann_find_index_free()
 */
AnnFindIndex *
ann_find_index_new (const char *text)
{
  AnnFindIndex *self;
  glong n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  self = g_new0 (AnnFindIndex, 1);
  self->chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  self->n_chars = n_chars;
  self->base = fold_base (self->chars, self->n_chars, &self->map, &self->n_base);

  return self;
}

void
ann_find_index_free (AnnFindIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->chars);
  g_free (self->base);
  g_free (self->map);
  g_free (self);
}

/* Knuth–Morris–Pratt: for each prefix of @pattern, the length of its longest proper prefix
 * that is also its suffix. It keeps the scan linear even on repetitive text. */
static gsize *
build_failure_table (const gunichar *pattern,
                     gsize           length)
{
  gsize *failure = g_new (gsize, length);

  failure[0] = 0;
  for (gsize i = 1, k = 0; i < length; i++)
    {
      while (k > 0 && pattern[i] != pattern[k])
        k = failure[k - 1];
      if (pattern[i] == pattern[k])
        k++;
      failure[i] = k;
    }

  return failure;
}

/* Whether a match starting or ending at @offset would split a word. */
static gboolean
splits_word (AnnFindIndex *self,
             gsize         offset)
{
  return offset > 0 && offset < self->n_chars
         && ann_text_is_word_char (self->chars[offset - 1])
         && ann_text_is_word_char (self->chars[offset]);
}

/* Whether the original range folds, on its own, to @query_folded. The base already
 * matched, so what this decides is the tones: which ones the range holds, and that each
 * sits in the same word as in the query. */
static gboolean
range_folds_to (AnnFindIndex *self,
                gsize         start,
                gsize         end,
                GArray       *query_folded,
                GArray       *scratch)
{
  g_array_set_size (scratch, 0);
  fold_chars (self->chars + start, end - start, scratch);

  return scratch->len == query_folded->len
         && memcmp (scratch->data, query_folded->data, scratch->len * sizeof (gunichar)) == 0;
}

/**
 * ann_find_index_search:
 * @self: an index
 * @query: what to find: valid UTF-8, in any case and any normal form
 * @whole_words: whether a match must neither start nor end inside a word
 *
 * Finds @query in the text of @self regardless of case, of where a word's tone mark sits
 * and of Ð/ð against Đ/đ. A match is a range of the text whose folded form, taken on its
 * own, equals the folded query, so a range that ends inside a word must have exactly the
 * query's tones (the query "hoa" finds neither "hòa" nor the start of "hoàn"). A match
 * never ends between a letter and a combining mark that follows it. The search continues
 * after each match, so matches do not overlap.
 *
 * Returns: (transfer full) (element-type AnnFindMatch): the matches in code points of the
 *   text, in order; empty when @query is empty or holds no more than tone marks
 */
GArray *
ann_find_index_search (AnnFindIndex *self,
                       const char   *query,
                       gboolean      whole_words)
{
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) query_folded = NULL;
  g_autoptr(GArray) scratch = NULL;
  g_autofree gunichar *query_chars = NULL;
  g_autofree gunichar *pattern = NULL;
  g_autofree gsize *failure = NULL;
  glong n_query_chars = 0;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (query, -1, NULL), NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (AnnFindMatch));
  query_chars = g_utf8_to_ucs4_fast (query, -1, &n_query_chars);
  pattern = fold_base (query_chars, n_query_chars, NULL, &length);
  if (length == 0)
    return g_steal_pointer (&matches);

  query_folded = g_array_new (FALSE, FALSE, sizeof (gunichar));
  fold_chars (query_chars, n_query_chars, query_folded);
  scratch = g_array_new (FALSE, FALSE, sizeof (gunichar));
  failure = build_failure_table (pattern, length);

  for (gsize i = 0, k = 0; i < self->n_base; i++)
    {
      AnnFindMatch match;
      gsize start;
      gsize end;

      while (k > 0 && self->base[i] != pattern[k])
        k = failure[k - 1];
      if (self->base[i] == pattern[k])
        k++;
      if (k < length)
        continue;

      /* From the first character that gave the candidate to the last one, whole: a tone
       * mark maps to its letter, so a word keeps its tone wherever the mark moved. */
      start = self->map[i + 1 - length];
      end = self->map[i] + 1;
      /* NFC keeps a mark apart when no precomposed letter has it; it belongs to the range,
       * and the check below then wants it in the query too. */
      while (end < self->n_chars && g_unichar_ismark (self->chars[end]))
        end++;

      if ((whole_words && (splits_word (self, start) || splits_word (self, end)))
          || !range_folds_to (self, start, end, query_folded, scratch))
        {
          k = failure[k - 1];
          continue;
        }

      match.start = start;
      match.end = end;
      g_array_append_val (matches, match);

      /* Go on after the match, past any code point of a mark it took in. */
      while (i + 1 < self->n_base && self->map[i + 1] < end)
        i++;
      k = 0;
    }

  return g_steal_pointer (&matches);
}

/**
 * ann_find_fold:
 * @text: valid UTF-8
 *
 * The folded form of @text that Find compares: decomposed, lowercased, ð made đ, each word's
 * tone marks moved to its end. "Hòa" and "hoà" fold alike, "hoa" and "hóa" do not.
 *
 * Returns: (transfer full): the folded text
 */
char *
ann_find_fold (const char *text)
{
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) folded = NULL;
  glong n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  folded = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), n_chars + 1);
  fold_chars (chars, n_chars, folded);

  return g_ucs4_to_utf8 ((const gunichar *) folded->data, folded->len, NULL, NULL, NULL);
}
