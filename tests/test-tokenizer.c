/* test-tokenizer.c: tokens, offsets and sentences of ann_tokenize ()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ann-tokenizer.h"

/* The expected tokens are written out with both offset kinds, so a test
 * fails when the code point and the byte spans drift apart.
 */
typedef struct
{
  const char *text;
  guint       start;
  guint       end;
  gsize       byte_start;
  gsize       byte_end;
  guint       sentence;
} Expected;

static void
assert_token (const char     *text,
              const AnnToken *token,
              const Expected *expected)
{
  g_autofree char *token_text = NULL;

  g_assert_cmpuint (token->byte_start, <, token->byte_end);
  token_text = g_strndup (text + token->byte_start, token->byte_end - token->byte_start);

  g_assert_cmpstr (token_text, ==, expected->text);
  g_assert_cmpuint (token->start, ==, expected->start);
  g_assert_cmpuint (token->end, ==, expected->end);
  g_assert_cmpuint (token->byte_start, ==, expected->byte_start);
  g_assert_cmpuint (token->byte_end, ==, expected->byte_end);
  g_assert_cmpuint (token->sentence, ==, expected->sentence);

  /* Cross-check the two kinds of offsets with GLib's own conversion. */
  g_assert_cmpint (g_utf8_pointer_to_offset (text, text + token->byte_start), ==, token->start);
  g_assert_cmpint (g_utf8_pointer_to_offset (text, text + token->byte_end), ==, token->end);
}

static void
assert_tokens (const char     *text,
               const Expected *expected,
               gsize           n_expected)
{
  g_autoptr(GArray) tokens = ann_tokenize (text);

  g_assert_nonnull (tokens);
  g_assert_cmpuint (g_array_get_element_size (tokens), ==, sizeof (AnnToken));
  g_assert_cmpuint (tokens->len, ==, n_expected);

  for (guint i = 0; i < tokens->len; i++)
    assert_token (text, &g_array_index (tokens, AnnToken, i), &expected[i]);
}

static void
assert_no_tokens (const char *text)
{
  g_autoptr(GArray) tokens = ann_tokenize (text);

  g_assert_nonnull (tokens);
  g_assert_cmpuint (tokens->len, ==, 0);
}

static void
test_empty (void)
{
  assert_no_tokens ("");
}

static void
test_only_spaces (void)
{
  assert_no_tokens (" ");
  assert_no_tokens ("   \t  ");
  assert_no_tokens (" \xc2\xa0 \xe2\x80\x83 \xe2\x80\xaf ");
  assert_no_tokens ("\n");
  assert_no_tokens ("\n\n \n\t\n");
}

static const Expected vietnamese_tokens[] = {
  { "Theo", 0, 4, 0, 4, 0 },
  { "Kế", 5, 7, 5, 9, 0 },
  { "hoạch", 8, 13, 10, 17, 0 },
  { "số", 14, 16, 18, 22, 0 },
  { "39-KH/TU", 17, 25, 23, 31, 0 },
  { ",", 25, 26, 31, 32, 0 },
  { "Tỉnh", 27, 31, 33, 39, 0 },
  { "ủy", 32, 34, 40, 44, 0 },
  { "Đắk", 35, 38, 45, 51, 0 },
  { "Nông", 39, 43, 52, 57, 0 },
  { "(", 44, 45, 58, 59, 0 },
  { "khóa", 45, 49, 59, 64, 0 },
  { "XIII", 50, 54, 65, 69, 0 },
  { ")", 54, 55, 69, 70, 0 },
  { ".", 55, 56, 70, 71, 0 },
};

static void
test_vietnamese_sentence (void)
{
  assert_tokens ("Theo Kế hoạch số 39-KH/TU, Tỉnh ủy Đắk Nông (khóa XIII).",
                 vietnamese_tokens, G_N_ELEMENTS (vietnamese_tokens));
}

static const Expected inner_tokens[] = {
  { "Ngày", 0, 4, 0, 5, 0 },
  { "21/03/2022", 5, 15, 6, 16, 0 },
  { ",", 15, 16, 16, 17, 0 },
  { "TP.HCM", 17, 23, 18, 24, 0 },
  { "ghi", 24, 27, 25, 28, 0 },
  { "nhận", 28, 32, 29, 35, 0 },
  { "Covid-19", 33, 41, 36, 44, 0 },
  { "và", 42, 44, 45, 48, 0 },
  { "3.5", 45, 48, 49, 52, 0 },
  { "ca", 49, 51, 53, 55, 0 },
  { "(", 52, 53, 56, 57, 0 },
  { "Hết.Tiếp", 53, 61, 57, 69, 0 },
  { ")", 61, 62, 69, 70, 0 },
  { ".", 62, 63, 70, 71, 0 },
};

/* Punctuation inside a chunk is not peeled, and a full stop inside a
 * chunk does not end the sentence.
 */
static void
test_inner_punctuation (void)
{
  assert_tokens ("Ngày 21/03/2022, TP.HCM ghi nhận Covid-19 và 3.5 ca (Hết.Tiếp).",
                 inner_tokens, G_N_ELEMENTS (inner_tokens));
}

static const Expected symbol_tokens[] = {
  { "Giá", 0, 3, 0, 4, 0 },
  { "100", 4, 7, 5, 8, 0 },
  { "$", 7, 8, 8, 9, 0 },
  { "+", 9, 10, 10, 11, 0 },
  { "5", 10, 11, 11, 12, 0 },
  { "%", 11, 12, 12, 13, 0 },
  { "—", 13, 14, 14, 17, 0 },
  { "\"", 15, 16, 18, 19, 0 },
  { ".", 16, 17, 19, 20, 0 },
  { ".", 17, 18, 20, 21, 1 },
  { ".", 18, 19, 21, 22, 2 },
  { "\"", 19, 20, 22, 23, 3 },
  { ",", 20, 21, 23, 24, 3 },
  { "xong", 22, 26, 25, 29, 3 },
};

/* A chunk of punctuation and symbols only gives one token per character,
 * and, as the contract says, each "." token of "..." ends a sentence.
 */
static void
test_punctuation_only_chunks (void)
{
  assert_tokens ("Giá 100$ +5% — \"...\", xong",
                 symbol_tokens, G_N_ELEMENTS (symbol_tokens));
}

static const Expected quote_tokens[] = {
  { "«", 0, 1, 0, 2, 0 },
  { "Xin", 1, 4, 2, 5, 0 },
  { "chào", 5, 9, 6, 11, 0 },
  { "»", 9, 10, 11, 13, 0 },
  { "và", 11, 13, 14, 17, 0 },
  { "“", 14, 15, 18, 21, 0 },
  { "Đắk", 15, 18, 21, 27, 0 },
  { "Nông", 19, 23, 28, 33, 0 },
  { "”", 23, 24, 33, 36, 0 },
  { ".", 24, 25, 36, 37, 0 },
};

static void
test_quotes (void)
{
  assert_tokens ("«Xin chào» và “Đắk Nông”.",
                 quote_tokens, G_N_ELEMENTS (quote_tokens));
}

static const Expected nfd_tokens[] = {
  { "ho\xcc\x80""a", 0, 4, 0, 5, 0 },
  { "(", 5, 6, 6, 7, 0 },
  { "Ho\xcc\x80""a", 6, 10, 7, 12, 0 },
  { ")", 10, 11, 12, 13, 0 },
  { ".", 11, 12, 13, 14, 0 },
};

/* "hoà" decomposed: o, U+0300 COMBINING GRAVE ACCENT, a.  The mark is
 * neither punctuation nor symbol, so it stays inside the token and is
 * counted as a code point of its own.
 */
static void
test_combining_marks (void)
{
  const char *text = "ho\xcc\x80""a (Ho\xcc\x80""a).";

  g_assert_cmpint (g_utf8_strlen (text, -1), ==, 12);
  assert_tokens (text, nfd_tokens, G_N_ELEMENTS (nfd_tokens));
}

static const Expected emoji_tokens[] = {
  { "Xin", 0, 3, 0, 3, 0 },
  { "chào", 4, 8, 4, 9, 0 },
  { "😀", 9, 10, 10, 14, 0 },
  { "!", 10, 11, 14, 15, 0 },
  { "chào", 12, 16, 16, 21, 1 },
  { "😀", 16, 17, 21, 25, 1 },
};

/* U+1F600 is one code point, two UTF-16 units and four bytes; it is a
 * symbol, so it is peeled even when glued to a word.
 */
static void
test_emoji (void)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units = 0;

  /* In UTF-16, "!" would start at 11, not at code point 10. */
  utf16 = g_utf8_to_utf16 ("Xin chào 😀", -1, NULL, &n_units, NULL);
  g_assert_cmpint (n_units, ==, 11);

  assert_tokens ("Xin chào 😀! chào😀", emoji_tokens, G_N_ELEMENTS (emoji_tokens));
}

static const Expected space_tokens[] = {
  { "Đắk", 2, 5, 2, 8, 0 },
  { "Nông", 6, 10, 10, 15, 0 },
  { "(", 11, 12, 16, 17, 0 },
  { "ĐN", 12, 14, 17, 20, 0 },
  { ")", 14, 15, 20, 21, 0 },
  { "a\xe2\x80\x8b""b", 16, 19, 24, 29, 0 },
};

/* U+00A0 and U+202F are space separators for g_unichar_isspace (), the
 * zero width space U+200B is a format character and joins its neighbours.
 */
static void
test_unicode_spaces (void)
{
  assert_tokens ("  Đắk\xc2\xa0Nông\t(ĐN)\xe2\x80\xaf""a\xe2\x80\x8b""b \xe2\x80\x83",
                 space_tokens, G_N_ELEMENTS (space_tokens));
}

static const Expected terminator_tokens[] = {
  { "Một", 0, 3, 0, 5, 0 },
  { ".", 3, 4, 5, 6, 0 },
  { "Hai", 5, 8, 7, 10, 1 },
  { "!", 8, 9, 10, 11, 1 },
  { "Ba", 10, 12, 12, 14, 2 },
  { "?", 12, 13, 14, 15, 2 },
  { "Bốn", 14, 17, 16, 21, 3 },
  { "…", 17, 18, 21, 24, 3 },
  { "Năm", 19, 22, 25, 29, 4 },
};

static void
test_sentence_terminators (void)
{
  assert_tokens ("Một. Hai! Ba? Bốn… Năm",
                 terminator_tokens, G_N_ELEMENTS (terminator_tokens));
}

static const Expected line_break_tokens[] = {
  { "Dòng", 5, 9, 5, 10, 0 },
  { "một", 10, 13, 11, 16, 0 },
  { "Dòng", 14, 18, 17, 22, 1 },
  { "hai", 19, 22, 23, 26, 1 },
  { "Dòng", 25, 29, 29, 34, 2 },
  { "ba", 30, 32, 35, 37, 2 },
  { ".", 32, 33, 37, 38, 2 },
  { "Dòng", 36, 40, 41, 46, 3 },
  { "bốn", 41, 44, 47, 52, 3 },
  { "!", 44, 45, 52, 53, 3 },
};

/* Line breaks end sentences, but blank lines, leading breaks and a break
 * right after a terminator never produce an empty sentence index.
 */
static void
test_line_breaks (void)
{
  assert_tokens ("\n\n  \nDòng một\nDòng hai\n\n\nDòng ba.\n \nDòng bốn!\n",
                 line_break_tokens, G_N_ELEMENTS (line_break_tokens));
}

/* Each line of the unit is one sentence of 13 tokens; the whole text is
 * about 10 MB, which a quadratic tokenizer could not finish in time.
 */
static void
test_large_text (void)
{
  const char *line = "Theo Kế hoạch số 39-KH/TU, Tỉnh ủy (khóa XIII).\n";
  const guint tokens_per_line = 13;
  gsize line_bytes = strlen (line);
  glong line_chars = g_utf8_strlen (line, -1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) tokens = NULL;
  const AnnToken *last;
  guint n_lines = 0;

  while (text->len < 10 * 1024 * 1024)
    {
      g_string_append (text, line);
      n_lines++;
    }

  tokens = ann_tokenize (text->str);

  g_assert_cmpuint (tokens->len, ==, n_lines * tokens_per_line);

  last = &g_array_index (tokens, AnnToken, tokens->len - 1);
  g_assert_cmpuint (last->sentence, ==, n_lines - 1);
  g_assert_cmpuint (last->start, ==, n_lines * line_chars - 2);
  g_assert_cmpuint (last->end, ==, n_lines * line_chars - 1);
  g_assert_cmpuint (last->byte_start, ==, n_lines * line_bytes - 2);
  g_assert_cmpuint (last->byte_end, ==, n_lines * line_bytes - 1);
}

static void
test_null_text (void)
{
  if (g_test_subprocess ())
    {
      GArray *tokens = ann_tokenize (NULL);

      g_assert_null (tokens);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*text != NULL*");
}

static void
add_entity (AnnEntityStore *store,
            const char     *id,
            const char     *label,
            guint           start,
            guint           end)
{
  g_autoptr(AnnEntity) entity = ann_entity_new (id, label, start, end, "x");

  g_assert_true (ann_entity_store_add (store, entity, NULL));
}

/* A token takes the label of the longest entity over its first character; between equally
 * long ones, the earlier start, then the smaller label id. */
static void
test_covering_entities (void)
{
  /* Tokens: "Tỉnh" 0–4, "ủy" 5–7, "Đắk" 8–11, "Nông" 12–16, "họp" 17–20. */
  const char *text = "Tỉnh ủy Đắk Nông họp";
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(GArray) tokens = ann_tokenize (text);
  g_autoptr(GPtrArray) covering = NULL;

  add_entity (store, "T1", "ORG", 0, 16);
  add_entity (store, "T2", "LOC", 8, 16);
  add_entity (store, "T3", "PER", 9, 20);    /* starts inside "Đắk", longer than T2 */
  add_entity (store, "T4", "MISC", 17, 20);
  add_entity (store, "T5", "DATE", 17, 20);  /* same span as T4: DATE < MISC */

  covering = ann_tokens_covering_entities (tokens, store);
  g_assert_cmpuint (covering->len, ==, 5);
  g_assert_cmpstr (ann_entity_get_id (g_ptr_array_index (covering, 0)), ==, "T1");
  g_assert_cmpstr (ann_entity_get_id (g_ptr_array_index (covering, 2)), ==, "T1");
  /* "Nông" lies in T1 (16 long), T2 and T3 (11 long): the longest wins. */
  g_assert_cmpstr (ann_entity_get_id (g_ptr_array_index (covering, 3)), ==, "T1");
  /* "họp": T3 (11) is longer than T4 and T5 (3). */
  g_assert_cmpstr (ann_entity_get_id (g_ptr_array_index (covering, 4)), ==, "T3");

  g_clear_pointer (&covering, g_ptr_array_unref);
  {
    g_autoptr(AnnEntityStore) ties = ann_entity_store_new ();

    add_entity (ties, "T4", "MISC", 17, 20);
    add_entity (ties, "T5", "DATE", 17, 20);
    add_entity (ties, "T6", "PER", 12, 15);
    add_entity (ties, "T7", "LOC", 13, 16);
    covering = ann_tokens_covering_entities (tokens, ties);
    g_assert_null (g_ptr_array_index (covering, 0));
    g_assert_cmpstr (ann_entity_get_id (g_ptr_array_index (covering, 4)), ==, "T5");
    g_assert_cmpstr (ann_entity_get_id (g_ptr_array_index (covering, 3)), ==, "T6");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokenizer/empty", test_empty);
  g_test_add_func ("/tokenizer/only-spaces", test_only_spaces);
  g_test_add_func ("/tokenizer/vietnamese-sentence", test_vietnamese_sentence);
  g_test_add_func ("/tokenizer/inner-punctuation", test_inner_punctuation);
  g_test_add_func ("/tokenizer/punctuation-only-chunks", test_punctuation_only_chunks);
  g_test_add_func ("/tokenizer/quotes", test_quotes);
  g_test_add_func ("/tokenizer/combining-marks", test_combining_marks);
  g_test_add_func ("/tokenizer/emoji", test_emoji);
  g_test_add_func ("/tokenizer/unicode-spaces", test_unicode_spaces);
  g_test_add_func ("/tokenizer/sentence-terminators", test_sentence_terminators);
  g_test_add_func ("/tokenizer/line-breaks", test_line_breaks);
  g_test_add_func ("/tokenizer/large-text", test_large_text);
  g_test_add_func ("/tokenizer/null-text", test_null_text);

  g_test_add_func ("/tokenizer/covering-entities", test_covering_entities);

  return g_test_run ();
}
