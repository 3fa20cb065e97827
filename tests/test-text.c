/* test-text.c: the normal form of article text, decoding and mojibake detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-error.h"
#include "ann-text.h"

/* "hòa" with the tone mark on o, precomposed and decomposed. */
#define HOA_NFC  "h\xc3\xb2" "a"
#define HOA_NFD  "ho\xcc\x80" "a"
/* "hoà" with the tone mark on a: a different spelling that must stay different. */
#define HOA2_NFC "ho\xc3\xa0"

static void
test_normalize_nfd_to_nfc (void)
{
  g_autofree char *from_nfd = ann_text_normalize ("Tỉnh " HOA_NFD);
  g_autofree char *from_nfc = ann_text_normalize ("Tỉnh " HOA_NFC);

  g_assert_cmpstr (from_nfd, ==, "Tỉnh " HOA_NFC);
  g_assert_cmpstr (from_nfc, ==, "Tỉnh " HOA_NFC);
}

static void
test_tone_mark_spellings_stay_distinct (void)
{
  g_autofree char *a = ann_text_normalize (HOA_NFC " ủy");
  g_autofree char *b = ann_text_normalize (HOA2_NFC " uỷ");

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (b, ==, HOA2_NFC " uỷ");
}

static void
test_normalize_line_ends_and_invisibles (void)
{
  g_autofree char *text = NULL;

  text = ann_text_normalize ("\xef\xbb\xbf" "Đắk\r\nNông\rGia\xe2\x80\x8bNghĩa\xe2\x81\xa0"
                             "xã\xc2\xad" "Quảng\n");
  g_assert_cmpstr (text, ==, "Đắk\nNông\nGiaNghĩaxãQuảng\n");
}

static void
test_normalize_keeps_look_alike_eth (void)
{
  /* Ð (U+00D0, Icelandic eth) looks like Đ (U+0110) but is another letter: no folding. */
  g_autofree char *text = ann_text_normalize ("\xc3\x90" "ắk \xc4\x90" "ắk");

  g_assert_cmpstr (text, ==, "\xc3\x90" "ắk \xc4\x90" "ắk");
}

static void
test_soft_hyphen_between_letter_and_mark (void)
{
  /* o, soft hyphen, combining grave: only after the hyphen goes can o and the mark compose. */
  g_autofree char *text = ann_text_normalize ("ho\xc2\xad\xcc\x80" "a");

  g_assert_cmpstr (text, ==, HOA_NFC);
}

/* Long texts are normalised in chunks; the result must equal GLib's NFC of the whole, also
 * around chunk ends (a combining mark after a space, a line of no spaces at all). */
static void
test_normalize_long_text_in_chunks (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *whole = NULL;
  g_autofree char *chunked = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append (text, "Ti\xc3\xaa\xcc\x81ng " HOA_NFD " \xcc\x81x ");
      if (i % 7 == 0)
        g_string_append (text, "\n");
      if (i % 500 == 0)
        for (guint j = 0; j < 5000; j++)
          g_string_append (text, "o\xcc\x82\xcc\x81");
    }

  whole = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
  chunked = ann_text_normalize (text->str);
  g_assert_cmpstr (chunked, ==, whole);
  g_assert_true (ann_text_check_normalized (chunked, NULL));
}

/* The text's own NFC must be GLib's g_utf8_normalize() for any text: random strings of the
 * characters where NFC is subtle. Vietnamese letters and marks in both orders; marks of
 * several combining classes out of order; Hangul jamo and syllables; Indic and other starters
 * that compose with the starter before them; characters excluded from composition
 * (U+0958, U+2126, U+0344, U+1D15E); Tibetan vowels that decompose into marks; Ð and Đ; an
 * emoji. */
static void
test_normalize_matches_glib (void)
{
  static const gunichar pool[] = {
    'a', 'e', 'o', 'u', 'y', 'D', ' ', '\n',
    0x00EA, 0x1EBF, 0x1EDD, 0x1EE7, 0x1EF7, 0x0110, 0x00D0, 0x01A1, 0x01B0,
    0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B, 0x0323,
    0x0316, 0x0327, 0x0345, 0x05B0, 0x0344, 0x0340, 0x0958, 0x093C, 0x0915, 0x2126,
    0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,
    0x0B47, 0x0B3E, 0x0B56, 0x0B57, 0x0BC6, 0x0BBE, 0x0D46, 0x0D3E, 0x0CC6, 0x0CC2,
    0x0CD5, 0x0DD9, 0x0DCF, 0x0DDF, 0x1025, 0x102E, 0x1B05, 0x1B35,
    0x0F71, 0x0F72, 0x0F73, 0x0F74, 0x0F75, 0x0F80, 0x0F81,
    0x1D158, 0x1D165, 0x1D15E, 0x1E0A, 0x1F600,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint length = round < 19990 ? g_rand_int_range (rand, 1, 24) : 20000;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;

      for (guint i = 0; i < length; i++)
        g_string_append_unichar (text, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);
      expected = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
      actual = ann_text_normalize (text->str);
      if (g_strcmp0 (actual, expected) != 0)
        g_test_message ("round %u: NFC of \"%s\" differs", round, text->str);
      g_assert_cmpstr (actual, ==, expected);
      g_assert_true (ann_text_check_normalized (actual, NULL));
    }
}

/* A line without a space and a run of marks of alternating classes: GLib's NFC takes the
 * square of their length (minutes for these), ours a pass. */
static void
test_normalize_long_runs (void)
{
  g_autoptr(GString) no_space = g_string_new ("Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\n");
  g_autoptr(GString) marks = g_string_new ("a");
  g_autofree char *from_no_space = NULL;
  g_autofree char *from_marks = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (no_space, "e\xcc\x82\xcc\x81");   /* ế, decomposed */
  from_no_space = ann_text_normalize (no_space->str);
  g_assert_cmpuint (g_utf8_strlen (from_no_space, -1), ==, 8 + 1000000);
  g_assert_true (g_str_has_suffix (from_no_space, "\xe1\xba\xbf\xe1\xba\xbf"));

  for (guint i = 0; i < 200000; i++)
    g_string_append (marks, "\xcc\x81\xcc\xa3");   /* U+0301 (230), U+0323 (220) */
  from_marks = ann_text_normalize (marks->str);
  /* a + U+0323 composes into ạ; the other U+0323 come first, then every U+0301. */
  g_assert_cmpuint (g_utf8_strlen (from_marks, -1), ==, 400000);
  g_assert_true (g_str_has_prefix (from_marks, "\xe1\xba\xa1\xcc\xa3"));
  g_assert_nonnull (strstr (from_marks, "\xcc\xa3\xcc\x81"));
  g_assert_true (g_str_has_suffix (from_marks, "\xcc\x81\xcc\x81"));
  g_assert_true (ann_text_check_normalized (from_marks, NULL));
}

static void
test_check_normalized (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ann_text_check_normalized ("Vũ Tiến Lư 😀\n", NULL));

  g_assert_false (ann_text_check_normalized ("Vũ " HOA_NFD, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "NFC"));
  g_assert_nonnull (strstr (error->message, "character 4"));
  g_clear_error (&error);

  g_assert_false (ann_text_check_normalized ("a\r\nb", &error));
  g_assert_nonnull (strstr (error->message, "U+000D at character 1"));
  g_clear_error (&error);

  g_assert_false (ann_text_check_normalized ("😀x\xe2\x80\x8b", &error));
  g_assert_nonnull (strstr (error->message, "U+200B at character 2"));
}

static void
test_decode_utf8_with_bom (void)
{
  const guint8 data[] = "\xef\xbb\xbf" "Đắk";
  g_autofree char *text = ann_text_decode (data, sizeof data - 1, NULL);

  g_assert_cmpstr (text, ==, "Đắk");
}

static void
test_decode_utf16 (void)
{
  /* "Lư😀" in UTF-16LE and UTF-16BE with their byte order marks. */
  const guint8 le[] = { 0xFF, 0xFE, 'L', 0, 0xB0, 0x01, 0x3D, 0xD8, 0x00, 0xDE };
  const guint8 be[] = { 0xFE, 0xFF, 0, 'L', 0x01, 0xB0, 0xD8, 0x3D, 0xDE, 0x00 };
  const guint8 odd[] = { 0xFF, 0xFE, 'L', 0, 'x' };
  const guint8 lone[] = { 0xFF, 0xFE, 0x3D, 0xD8, 'L', 0 };
  g_autofree char *from_le = ann_text_decode (le, sizeof le, NULL);
  g_autofree char *from_be = ann_text_decode (be, sizeof be, NULL);
  g_autoptr(GError) error = NULL;
  char *bad;

  g_assert_cmpstr (from_le, ==, "Lư😀");
  g_assert_cmpstr (from_be, ==, "Lư😀");

  bad = ann_text_decode (odd, sizeof odd, &error);
  g_assert_null (bad);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_ENCODING);
  g_clear_error (&error);

  bad = ann_text_decode (lone, sizeof lone, &error);
  g_assert_null (bad);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_ENCODING);
}

/* UTF-32 is refused as what it is, in both byte orders: the little-endian byte order mark
 * starts like UTF-16's, and the big-endian one like a NUL. */
static void
test_decode_utf32_refused (void)
{
  const guint8 le[] = { 0xFF, 0xFE, 0, 0, 'L', 0, 0, 0, 0xB0, 0x01, 0, 0 };
  const guint8 be[] = { 0, 0, 0xFE, 0xFF, 0, 0, 0, 'L', 0, 0, 0x01, 0xB0 };
  const guint8 *cases[] = { le, be };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char *text = ann_text_decode (cases[i], sizeof le, &error);

      g_assert_null (text);
      g_assert_error (error, ANN_ERROR, ANN_ERROR_ENCODING);
      g_assert_nonnull (strstr (error->message, "UTF-32"));
      g_assert_nonnull (strstr (error->message, "not supported"));
      g_assert_null (strstr (error->message, "NUL"));
    }
}

static void
test_decode_invalid_utf8_names_offset (void)
{
  const guint8 data[] = "Đắk N\xf4ng";   /* Latin-1 ô in UTF-8 text */
  const guint8 with_nul[] = { 'a', 'b', 0, 'c' };
  g_autoptr(GError) error = NULL;
  char *text;

  text = ann_text_decode (data, sizeof data - 1, &error);
  g_assert_null (text);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 8"));
  g_assert_nonnull (strstr (error->message, "0xF4"));
  g_clear_error (&error);

  text = ann_text_decode (with_nul, sizeof with_nul, &error);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "byte 2"));
}

static void
test_mojibake (void)
{
  /* "Tiếng Việt" saved as UTF-8 and read back as Windows-1252. */
  g_autofree char *found = ann_text_find_mojibake ("Ti\xc3\xa1\xc2\xba\xc2\xbfng Vi\xc3\xa1\xc2\xbb\xe2\x80\xa1t");
  g_autofree char *clean = ann_text_find_mojibake ("Tiếng Việt, café, © 2023, Ðắk");

  g_assert_nonnull (found);
  g_assert_nonnull (strstr (found, "ế"));
  g_assert_null (clean);
}

static void
test_compute_id (void)
{
  g_autofree char *empty = ann_text_compute_id ("");
  g_autofree char *abc = ann_text_compute_id ("abc");

  g_assert_cmpstr (empty, ==,
                   "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (abc, ==,
                   "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize/nfd-to-nfc", test_normalize_nfd_to_nfc);
  g_test_add_func ("/text/normalize/tone-mark-spellings", test_tone_mark_spellings_stay_distinct);
  g_test_add_func ("/text/normalize/line-ends-invisibles", test_normalize_line_ends_and_invisibles);
  g_test_add_func ("/text/normalize/look-alike-eth", test_normalize_keeps_look_alike_eth);
  g_test_add_func ("/text/normalize/soft-hyphen-before-mark", test_soft_hyphen_between_letter_and_mark);
  g_test_add_func ("/text/normalize/long-text-in-chunks", test_normalize_long_text_in_chunks);
  g_test_add_func ("/text/normalize/matches-glib", test_normalize_matches_glib);
  g_test_add_func ("/text/normalize/long-runs", test_normalize_long_runs);
  g_test_add_func ("/text/check-normalized", test_check_normalized);
  g_test_add_func ("/text/decode/utf8-bom", test_decode_utf8_with_bom);
  g_test_add_func ("/text/decode/utf16", test_decode_utf16);
  g_test_add_func ("/text/decode/utf32", test_decode_utf32_refused);
  g_test_add_func ("/text/decode/invalid-utf8", test_decode_invalid_utf8_names_offset);
  g_test_add_func ("/text/mojibake", test_mojibake);
  g_test_add_func ("/text/compute-id", test_compute_id);

  return g_test_run ();
}
