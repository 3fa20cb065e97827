/* test-document.c: importing an article and addressing it by code points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-document.h"
#include "ann-error.h"

static AnnDocument *
import (const char  *data,
        gssize       length,
        char       **warning,
        GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);

  return ann_document_new_from_bytes (bytes, warning, error);
}

static void
test_nfc_and_nfd_give_one_document (void)
{
  g_autoptr(AnnDocument) nfc = import ("Hòa bình ở Đắk Nông\n", -1, NULL, NULL);
  g_autoptr(AnnDocument) nfd = import ("Ho\xcc\x80" "a bi\xcc\x80" "nh \xc6\xa1\xcc\x89 "
                                       "\xc4\x90\xc4\x83\xcc\x81" "k No\xcc\x82ng\n",
                                       -1, NULL, NULL);

  g_assert_nonnull (nfc);
  g_assert_nonnull (nfd);
  g_assert_cmpstr (ann_document_get_text (nfd), ==, ann_document_get_text (nfc));
  g_assert_cmpstr (ann_document_get_id (nfd), ==, ann_document_get_id (nfc));
  g_assert_cmpuint (ann_document_get_length (nfd), ==, 20);
}

static void
test_tone_mark_placement_kept (void)
{
  g_autoptr(AnnDocument) a = import ("hòa thuận, Tỉnh ủy", -1, NULL, NULL);
  g_autoptr(AnnDocument) b = import ("hoà thuận, Tỉnh uỷ", -1, NULL, NULL);

  g_assert_cmpstr (ann_document_get_id (a), !=, ann_document_get_id (b));
  g_assert_cmpstr (ann_document_get_text (b), ==, "hoà thuận, Tỉnh uỷ");
}

static void
test_crlf_bom_and_invisibles (void)
{
  g_autoptr(AnnDocument) messy = import ("\xef\xbb\xbf" "Tiêu đề\r\n\r\nNội\xe2\x80\x8b dung"
                                         "\xc2\xad\xe2\x81\xa0.\r\n", -1, NULL, NULL);
  g_autoptr(AnnDocument) clean = import ("Tiêu đề\n\nNội dung.\n", -1, NULL, NULL);

  g_assert_cmpstr (ann_document_get_text (messy), ==, "Tiêu đề\n\nNội dung.\n");
  g_assert_cmpstr (ann_document_get_id (messy), ==, ann_document_get_id (clean));
}

static void
test_title_is_first_non_empty_line (void)
{
  g_autoptr(AnnDocument) document = import ("\n   \n  Triển khai Kế hoạch số 39  \nThân bài\n",
                                            -1, NULL, NULL);

  g_assert_cmpstr (ann_document_get_title (document), ==, "Triển khai Kế hoạch số 39");
}

/* Lines of Unicode white space (no-break, em and ideographic spaces, a tab) are empty too, and
 * such white space around the title goes. */
static void
test_title_skips_unicode_white_space (void)
{
  g_autoptr(AnnDocument) document = import ("\u00a0\u00a0\n\u2003\t\u3000\n"
                                            "\u00a0Triển khai Kế hoạch số 39\u202f\nThân bài\n",
                                            -1, NULL, NULL);

  g_assert_cmpstr (ann_document_get_title (document), ==, "Triển khai Kế hoạch số 39");
}

static void
test_emoji_offsets_are_code_points (void)
{
  /* The emoji is one code point, two UTF-16 units and four bytes. */
  g_autoptr(AnnDocument) document = import ("Vui 😀 Đắk Nông", -1, NULL, NULL);
  g_autofree char *slice = NULL;

  g_assert_cmpuint (ann_document_get_length (document), ==, 14);
  g_assert_cmpuint (ann_document_get_byte_offset (document, 4), ==, 4);
  g_assert_cmpuint (ann_document_get_byte_offset (document, 5), ==, 8);
  g_assert_cmpuint (ann_document_get_char_offset (document, 8), ==, 5);

  slice = ann_document_dup_slice (document, 6, 14);
  g_assert_cmpstr (slice, ==, "Đắk Nông");
}

static void
test_offsets_over_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(AnnDocument) document = NULL;
  const char *raw;

  /* Mixed widths (1, 2, 3 and 4 bytes) across many checkpoints of the offset index. */
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "aĐắ😀 ");
  document = ann_document_new (text->str, NULL);
  raw = ann_document_get_text (document);

  g_assert_cmpuint (ann_document_get_length (document), ==, 2500);
  for (guint offset = 0; offset <= 2500; offset++)
    {
      gsize byte = ann_document_get_byte_offset (document, offset);

      g_assert_cmpuint (byte, ==, g_utf8_offset_to_pointer (raw, offset) - raw);
      g_assert_cmpuint (ann_document_get_char_offset (document, byte), ==, offset);
    }
}

static void
test_new_refuses_text_not_normal (void)
{
  g_autoptr(GError) error = NULL;
  AnnDocument *document;

  document = ann_document_new ("ho\xcc\x80" "a", &error);
  g_assert_null (document);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
  g_clear_error (&error);

  document = ann_document_new ("a\r\nb", &error);
  g_assert_null (document);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
}

static void
test_invalid_utf8_refused (void)
{
  g_autoptr(GError) error = NULL;
  AnnDocument *document = import ("Đắk N\xf4ng", -1, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 8"));
}

static void
test_utf16_import (void)
{
  const char data[] = { (char) 0xFF, (char) 0xFE, 'L', 0, (char) 0xB0, 0x01, '\r', 0, '\n', 0 };
  g_autoptr(AnnDocument) document = import (data, sizeof data, NULL, NULL);

  g_assert_cmpstr (ann_document_get_text (document), ==, "Lư\n");
}

static void
test_mojibake_warning (void)
{
  g_autofree char *warning = NULL;
  g_autofree char *no_warning = NULL;
  g_autoptr(AnnDocument) damaged = import ("Ti\xc3\xa1\xc2\xba\xc2\xbfng Vi\xc3\xa1\xc2\xbb\xe2\x80\xa1t",
                                           -1, &warning, NULL);
  g_autoptr(AnnDocument) fine = import ("Tiếng Việt", -1, &no_warning, NULL);

  g_assert_nonnull (damaged);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "Windows-1252"));
  g_assert_null (no_warning);
}

/* An empty article, or one of a byte order mark and blank lines, imports with a warning. */
static void
test_empty_warning (void)
{
  const char *empties[] = { "", "\xef\xbb\xbf", "\xef\xbb\xbf\r\n  \n\xe2\x80\x8b\n" };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autofree char *warning = NULL;
      g_autoptr(AnnDocument) document = import (empties[i], -1, &warning, NULL);

      g_assert_nonnull (document);
      g_assert_nonnull (warning);
      g_assert_nonnull (strstr (warning, "empty"));
    }
}

static void
test_language_guess (void)
{
  g_autoptr(AnnDocument) vietnamese = import ("Tỉnh ủy Đắk Nông ban hành kế hoạch", -1, NULL, NULL);
  g_autoptr(AnnDocument) english = import ("The provincial committee met.", -1, NULL, NULL);

  g_assert_cmpstr (ann_document_get_language (vietnamese), ==, "vi");
  g_assert_null (ann_document_get_language (english));
}

static void
test_from_file_sets_source (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE_DIR "/sample-article.txt");
  g_autoptr(AnnDocument) document = ann_document_new_from_file (file, NULL, NULL);

  g_assert_nonnull (document);
  g_assert_cmpstr (ann_document_get_source (document), ==, "sample-article.txt");
  g_assert_true (g_str_has_prefix (ann_document_get_id (document), "sha256:"));
  g_assert_cmpuint (strlen (ann_document_get_id (document)), ==, 7 + 64);
}

static void
assert_snap (AnnDocument *document,
             guint        start,
             guint        end,
             const char  *expected)
{
  g_autofree char *slice = NULL;
  gboolean snapped = ann_document_snap_to_tokens (document, &start, &end);

  if (expected == NULL)
    {
      g_assert_false (snapped);
      return;
    }
  g_assert_true (snapped);
  slice = ann_document_dup_slice (document, start, end);
  g_assert_cmpstr (slice, ==, expected);
}

static void
test_snap_to_tokens (void)
{
  /* Offsets: "Tỉnh" 0–4, "ủy" 5–7, "Đắk" 8–11, "Nông" 12–16, "😀" 17, "(khóa" 19–24. */
  g_autoptr(AnnDocument) document = ann_document_new ("Tỉnh ủy Đắk Nông 😀 (khóa XIII).", NULL);

  assert_snap (document, 8, 16, "Đắk Nông");
  assert_snap (document, 9, 14, "Đắk Nông");          /* cut words are taken whole */
  assert_snap (document, 7, 17, "Đắk Nông");          /* white space at the ends goes */
  assert_snap (document, 7, 8, NULL);                 /* only white space */
  assert_snap (document, 17, 18, "😀");
  assert_snap (document, 19, 22, "(khóa");            /* punctuation is kept as selected */
  assert_snap (document, 20, 31, "khóa XIII).");
  assert_snap (document, 0, 1, "Tỉnh");

  /* Tokens with punctuation inside are taken whole, as the tokenizer keeps them. */
  {
    /* "Covid-19" 0–8, "Kế" 9, "hoạch" 12, "số" 18, "45-KH/TU" 21–29, "(TP.HCM)," 30–39, "21/03/2022." 40–51 */
    g_autoptr(AnnDocument) tokens = ann_document_new ("Covid-19 Kế hoạch số 45-KH/TU (TP.HCM), 21/03/2022.", NULL);

    assert_snap (tokens, 0, 4, "Covid-19");
    assert_snap (tokens, 9, 24, "Kế hoạch số 45-KH/TU");
    assert_snap (tokens, 24, 25, "45-KH/TU");
    assert_snap (tokens, 32, 35, "TP.HCM");
    assert_snap (tokens, 30, 34, "(TP.HCM");
    assert_snap (tokens, 42, 45, "21/03/2022");
    assert_snap (tokens, 42, 51, "21/03/2022.");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/nfc-nfd-same", test_nfc_and_nfd_give_one_document);
  g_test_add_func ("/document/tone-mark-placement", test_tone_mark_placement_kept);
  g_test_add_func ("/document/crlf-bom-invisibles", test_crlf_bom_and_invisibles);
  g_test_add_func ("/document/title", test_title_is_first_non_empty_line);
  g_test_add_func ("/document/title/unicode-white-space", test_title_skips_unicode_white_space);
  g_test_add_func ("/document/emoji-offsets", test_emoji_offsets_are_code_points);
  g_test_add_func ("/document/offsets-long-text", test_offsets_over_long_text);
  g_test_add_func ("/document/new-refuses-not-normal", test_new_refuses_text_not_normal);
  g_test_add_func ("/document/invalid-utf8", test_invalid_utf8_refused);
  g_test_add_func ("/document/utf16", test_utf16_import);
  g_test_add_func ("/document/mojibake-warning", test_mojibake_warning);
  g_test_add_func ("/document/empty-warning", test_empty_warning);
  g_test_add_func ("/document/language-guess", test_language_guess);
  g_test_add_func ("/document/from-file", test_from_file_sets_source);
  g_test_add_func ("/document/snap-to-tokens", test_snap_to_tokens);

  return g_test_run ();
}
