/* test-find.c: Find regardless of case, tone-mark placement and Đ look-alikes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "ann-find.h"

/* Decomposed (NFD) spellings, written with escapes so that no editor recomposes them. */
#define HOA_GRAVE_ON_O_NFD  "ho\xcc\x80" "a"          /* hòa */
#define HOA_GRAVE_ON_A_NFD  "hoa\xcc\x80"             /* hoà */
#define UY_HOOK_ON_U_NFD    "u\xcc\x89" "y"           /* ủy */
#define GRAVE               "\xcc\x80"
#define ACUTE               "\xcc\x81"
#define HOOK_ABOVE          "\xcc\x89"
#define CAPITAL_ETH         "\xc3\x90"                /* Ð U+00D0 */
#define SMALL_ETH           "\xc3\xb0"                /* ð U+00F0 */
#define CAPITAL_D_STROKE    "\xc4\x90"                /* Đ U+0110 */
#define SMALL_D_STROKE      "\xc4\x91"                /* đ U+0111 */

static GArray *
search (const char *text,
        const char *query,
        gboolean    whole_words)
{
  g_autoptr(AnnFindIndex) index = ann_find_index_new (text);

  return ann_find_index_search (index, query, whole_words);
}

/* Checks the matches of @query in @text against @n_matches pairs of start and end offsets
 * given after @n_matches. */
static void
assert_finds (const char *text,
              const char *query,
              gboolean    whole_words,
              guint       n_matches,
              ...)
{
  g_autoptr(GArray) matches = search (text, query, whole_words);
  va_list args;

  if (matches->len != n_matches)
    {
      g_test_fail_printf ("“%s” in “%s” (whole words: %d): %u matches, expected %u",
                          query, text, whole_words, matches->len, n_matches);
      return;
    }

  va_start (args, n_matches);
  for (guint i = 0; i < n_matches; i++)
    {
      const AnnFindMatch *match = &g_array_index (matches, AnnFindMatch, i);
      guint start = va_arg (args, guint);
      guint end = va_arg (args, guint);

      if (match->start != start || match->end != end)
        g_test_fail_printf ("“%s” in “%s”: match %u is [%u, %u), expected [%u, %u)",
                            query, text, i, match->start, match->end, start, end);
    }
  va_end (args);
}

/* The text of each match, cut from the original by code points. */
static GStrv
find_slices (const char *text,
             const char *query,
             gboolean    whole_words)
{
  g_autoptr(GArray) matches = search (text, query, whole_words);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < matches->len; i++)
    {
      const AnnFindMatch *match = &g_array_index (matches, AnnFindMatch, i);
      g_autofree char *slice = g_utf8_substring (text, match->start, match->end);

      g_assert_cmpuint (match->start, <, match->end);
      g_strv_builder_add (builder, slice);
    }

  return g_strv_builder_end (builder);
}

static void
assert_same_fold (const char *a,
                  const char *b)
{
  g_autofree char *folded_a = ann_find_fold (a);
  g_autofree char *folded_b = ann_find_fold (b);

  g_assert_cmpstr (folded_a, ==, folded_b);
}

static void
assert_different_fold (const char *a,
                       const char *b)
{
  g_autofree char *folded_a = ann_find_fold (a);
  g_autofree char *folded_b = ann_find_fold (b);

  g_assert_cmpstr (folded_a, !=, folded_b);
}

static void
test_fold_tone_placement (void)
{
  g_autofree char *hoa = ann_find_fold ("Hòa");

  /* Tones go to the end of the word; the other marks stay on their letters. */
  g_assert_cmpstr (hoa, ==, "hoa" GRAVE);
  assert_same_fold ("hòa", "hoà");
  assert_same_fold ("ủy", "uỷ");
  assert_same_fold ("khóa", "khoá");
  assert_same_fold ("thủy", "thuỷ");
  assert_same_fold ("Hóa", "Hoá");
  assert_same_fold ("hòa", HOA_GRAVE_ON_O_NFD);
  assert_same_fold ("hòa", HOA_GRAVE_ON_A_NFD);
  assert_same_fold ("TỈNH ỦY", "tỉnh uỷ");
  assert_same_fold ("Tỉnh ủy viên", "tỉnh uỷ viên");
}

static void
test_fold_keeps_tones_and_letters (void)
{
  g_autofree char *o = ann_find_fold ("ờ");

  /* o, horn, then the tone. */
  g_assert_cmpstr (o, ==, "o\xcc\x9b" GRAVE);
  assert_different_fold ("hoa", "hòa");
  assert_different_fold ("hòa", "hóa");
  assert_different_fold ("hoà", "hoá");
  assert_different_fold ("o", "ô");
  assert_different_fold ("ô", "ơ");
  assert_different_fold ("o", "ơ");
  assert_different_fold ("a", "ă");
  assert_different_fold ("ă", "â");
  assert_different_fold ("a", "â");
  assert_different_fold ("u", "ư");
  assert_different_fold ("d", "đ");
  /* The tone stays in its word: "hòa an" is not "hoa àn". */
  assert_different_fold ("hòa an", "hoa àn");
}

static void
test_fold_d_stroke_look_alikes (void)
{
  g_autofree char *folded = ann_find_fold (CAPITAL_ETH SMALL_ETH CAPITAL_D_STROKE SMALL_D_STROKE);

  g_assert_cmpstr (folded, ==, SMALL_D_STROKE SMALL_D_STROKE SMALL_D_STROKE SMALL_D_STROKE);
  assert_same_fold ("Ðắk", "đắk");
  assert_same_fold ("ĐẮK", "đắk");
}

static void
test_hoa_both_ways (void)
{
  const char *text = "hòa bình và hoà hợp";

  assert_finds (text, "hòa", FALSE, 2, 0, 3, 12, 15);
  assert_finds (text, "hoà", FALSE, 2, 0, 3, 12, 15);
  assert_finds (text, "HÒA", TRUE, 2, 0, 3, 12, 15);
}

static void
test_decomposed_text_and_query (void)
{
  /* NFC text, NFD query. */
  assert_finds ("Tỉnh hòa", HOA_GRAVE_ON_O_NFD, FALSE, 1, 5, 8);
  assert_finds ("Tỉnh hòa", HOA_GRAVE_ON_A_NFD, FALSE, 1, 5, 8);
  assert_finds ("Tỉnh ủy", UY_HOOK_ON_U_NFD, TRUE, 1, 5, 7);
  /* NFD text (offsets count its code points), NFC query. */
  assert_finds ("x " HOA_GRAVE_ON_O_NFD " y", "hòa", FALSE, 1, 2, 6);
  assert_finds ("x " HOA_GRAVE_ON_A_NFD " y", "hòa", TRUE, 1, 2, 6);
  assert_finds ("x " HOA_GRAVE_ON_O_NFD " y", "hoa", FALSE, 0);
}

static void
test_uy (void)
{
  const char *text = "Tỉnh ủy và Tỉnh uỷ";

  assert_finds (text, "ủy", FALSE, 2, 5, 7, 16, 18);
  assert_finds (text, "uỷ", FALSE, 2, 5, 7, 16, 18);
  assert_finds (text, "uy", FALSE, 0);
}

static void
test_khoa (void)
{
  const char *text = "Hội nghị Trung ương 4 (khóa XIII)";
  g_auto(GStrv) slices = find_slices (text, "khoá", TRUE);

  assert_finds (text, "khoá", FALSE, 1, 23, 27);
  assert_finds (text, "khóa", FALSE, 1, 23, 27);
  assert_finds (text, "KHOÁ", TRUE, 1, 23, 27);
  g_assert_cmpstrv (slices, ((const char *[]) { "khóa", NULL }));
  /* Punctuation at the ends of the query is no word to split. */
  assert_finds (text, "(KHOÁ XIII)", TRUE, 1, 22, 33);
  assert_finds (text, "trung ương 4", TRUE, 1, 9, 21);
  assert_finds (text, "khoa", FALSE, 0);
}

static void
test_d_stroke (void)
{
  const char *text = CAPITAL_ETH "ắk " CAPITAL_D_STROKE "ắk " SMALL_D_STROKE "ắk ĐẮK " SMALL_ETH "ắk";
  const char *queries[] = { "Đắk", "đắk", "ĐẮK", CAPITAL_ETH "ắk", SMALL_ETH "ẮK" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_finds (text, queries[i], TRUE, 5, 0, 3, 4, 7, 8, 11, 12, 15, 16, 19);
  assert_finds (text, "dắk", FALSE, 0);
  assert_finds (text, "đăk", FALSE, 0);
  assert_finds (text, "đak", FALSE, 0);
}

static void
test_case (void)
{
  const char *text = "Tỉnh ủy Đắk Nông và Tỉnh uỷ Lâm Đồng";
  g_auto(GStrv) slices = find_slices (text, "TỈNH ỦY", TRUE);

  g_assert_cmpstrv (slices, ((const char *[]) { "Tỉnh ủy", "Tỉnh uỷ", NULL }));
  assert_finds (text, "TỈNH ỦY", TRUE, 2, 0, 7, 20, 27);
  assert_finds (text, "lâm đồng", TRUE, 1, 28, 36);
}

static void
test_negatives (void)
{
  assert_finds ("hòa", "hoa", FALSE, 0);
  assert_finds ("hoà", "hoa", FALSE, 0);
  assert_finds ("hòa", "hóa", FALSE, 0);
  assert_finds ("hóa", "hòa", FALSE, 0);
  assert_finds ("hoa", "hòa", FALSE, 0);
  /* A query that ends inside a word still needs that part's tone. */
  assert_finds ("hoàn thành", "hoa", FALSE, 0);
  assert_finds ("hòa", "ho", FALSE, 0);

  assert_finds ("o ô ơ", "o", FALSE, 1, 0, 1);
  assert_finds ("o ô ơ", "ô", FALSE, 1, 2, 3);
  assert_finds ("o ô ơ", "ơ", FALSE, 1, 4, 5);
  assert_finds ("a ă â", "a", FALSE, 1, 0, 1);
  assert_finds ("a ă â", "ă", FALSE, 1, 2, 3);
  assert_finds ("a ă â", "â", FALSE, 1, 4, 5);
  assert_finds ("u ư", "u", FALSE, 1, 0, 1);
  assert_finds ("u ư", "ư", FALSE, 1, 2, 3);
  assert_finds ("d đ", "d", FALSE, 1, 0, 1);
  assert_finds ("d đ", "đ", FALSE, 1, 2, 3);
  assert_finds ("Đông", "dong", FALSE, 0);
  assert_finds ("thương", "thuong", FALSE, 0);
}

static void
test_offsets_after_emoji (void)
{
  const char *text = "😀 Tỉnh ủy 😀😀 khóa 👍🏽 Ðắk";
  g_auto(GStrv) slices = NULL;

  assert_finds (text, "uỷ", TRUE, 1, 7, 9);
  assert_finds (text, "khoá", TRUE, 1, 13, 17);
  /* 👍🏽 is two code points: a thumb and a skin tone. */
  assert_finds (text, "đắk", TRUE, 1, 21, 24);
  assert_finds (text, "😀", FALSE, 3, 0, 1, 10, 11, 11, 12);

  slices = find_slices (text, "tỉnh uỷ", TRUE);
  g_assert_cmpstrv (slices, ((const char *[]) { "Tỉnh ủy", NULL }));
  g_clear_pointer (&slices, g_strfreev);
  slices = find_slices (text, "KHOÁ", TRUE);
  g_assert_cmpstrv (slices, ((const char *[]) { "khóa", NULL }));
  g_clear_pointer (&slices, g_strfreev);
  slices = find_slices (text, "ÐẮK", TRUE);
  g_assert_cmpstrv (slices, ((const char *[]) { "Ðắk", NULL }));
}

static void
test_multiple_matches_in_order (void)
{
  const char *text = "Hòa, hoà; HÒA và hóa, hoà.";
  g_auto(GStrv) slices = find_slices (text, "hoà", FALSE);

  g_assert_cmpstrv (slices, ((const char *[]) { "Hòa", "hoà", "HÒA", "hoà", NULL }));
  assert_finds (text, "hoà", FALSE, 4, 0, 3, 5, 8, 10, 13, 22, 25);
  /* After a match the search goes on past its end, so matches never overlap. */
  assert_finds ("aaaaa", "aa", FALSE, 2, 0, 2, 2, 4);
  assert_finds ("hòa hòa hòa", "hòa hòa", FALSE, 1, 0, 7);
}

static void
test_whole_words (void)
{
  const char *text = "Tỉnh ủy viên ủyban uỷ";

  assert_finds (text, "ủy", FALSE, 3, 5, 7, 13, 15, 19, 21);
  assert_finds (text, "ủy", TRUE, 2, 5, 7, 19, 21);
  assert_finds (text, "uỷ", TRUE, 2, 5, 7, 19, 21);
  assert_finds (text, "ban", FALSE, 1, 15, 18);
  assert_finds (text, "ban", TRUE, 0);
  assert_finds (text, "ủy viên", TRUE, 1, 5, 12);
  assert_finds ("hoàn hoà", "hoà", FALSE, 2, 0, 3, 5, 8);
  assert_finds ("hoàn hoà", "hoà", TRUE, 1, 5, 8);
}

static void
test_partial_words (void)
{
  /* Inside a word, the tone must sit where the query has it. */
  assert_finds ("hòa hoà", "hò", FALSE, 1, 0, 2);
  assert_finds ("hòa hoà", "oà", FALSE, 2, 1, 3, 5, 7);
  assert_finds ("ủyban", "uỷb", FALSE, 1, 0, 3);
}

static void
test_separate_mark (void)
{
  /* NFC keeps a mark apart when no precomposed letter has it: it goes with its letter. */
  const char *text = "x" ACUTE " w" HOOK_ABOVE "x";

  assert_finds (text, "x", FALSE, 1, 5, 6);
  assert_finds (text, "x" ACUTE, TRUE, 1, 0, 2);
  assert_finds (text, "wx" HOOK_ABOVE, TRUE, 1, 3, 6);
}

static void
test_empty_query (void)
{
  assert_finds ("hòa bình", "", FALSE, 0);
  assert_finds ("hòa bình", "", TRUE, 0);
  /* Nothing but a tone mark: nothing to look for. */
  assert_finds ("hòa bình", GRAVE, FALSE, 0);
  assert_finds ("", "hòa", FALSE, 0);
}

static void
test_long_text (void)
{
  const char *unit = "Tỉnh ủy Ðắk Nông họp về hòa giải; Tỉnh uỷ Đắk Lắk bàn hoà bình 😀, "
                     "ủyban hoàn thành khóa XIII.\n";
  guint unit_chars = g_utf8_strlen (unit, -1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(AnnFindIndex) index = NULL;
  g_autoptr(GArray) uy = NULL;
  g_autoptr(GArray) uy_words = NULL;
  g_autoptr(GArray) hoa = NULL;
  g_autoptr(GArray) dak = NULL;
  g_autoptr(GArray) plain = NULL;
  guint n_units = 0;

  while (text->len < 2 * 1024 * 1024)
    {
      g_string_append (text, unit);
      n_units++;
    }
  index = ann_find_index_new (text->str);

  uy = ann_find_index_search (index, "ủy", FALSE);
  uy_words = ann_find_index_search (index, "ỦY", TRUE);
  hoa = ann_find_index_search (index, "hoà", TRUE);
  dak = ann_find_index_search (index, "đắk", TRUE);
  plain = ann_find_index_search (index, "hoa", FALSE);

  g_assert_cmpuint (uy->len, ==, 3 * n_units);
  g_assert_cmpuint (uy_words->len, ==, 2 * n_units);
  g_assert_cmpuint (hoa->len, ==, 2 * n_units);
  g_assert_cmpuint (dak->len, ==, 2 * n_units);
  g_assert_cmpuint (plain->len, ==, 0);

  /* The last "Đắk" of the last unit: offsets stay exact to the end. */
  g_assert_cmpuint (g_array_index (dak, AnnFindMatch, dak->len - 1).start, ==,
                    (n_units - 1) * unit_chars + 42);
  g_assert_cmpuint (g_array_index (dak, AnnFindMatch, dak->len - 1).end, ==,
                    (n_units - 1) * unit_chars + 45);
  for (guint i = 1; i < uy->len; i++)
    g_assert_cmpuint (g_array_index (uy, AnnFindMatch, i - 1).end, <=,
                      g_array_index (uy, AnnFindMatch, i).start);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/find/fold/tone-placement", test_fold_tone_placement);
  g_test_add_func ("/find/fold/keeps-tones-and-letters", test_fold_keeps_tones_and_letters);
  g_test_add_func ("/find/fold/d-stroke-look-alikes", test_fold_d_stroke_look_alikes);
  g_test_add_func ("/find/search/hoa-both-ways", test_hoa_both_ways);
  g_test_add_func ("/find/search/decomposed", test_decomposed_text_and_query);
  g_test_add_func ("/find/search/uy", test_uy);
  g_test_add_func ("/find/search/khoa", test_khoa);
  g_test_add_func ("/find/search/d-stroke", test_d_stroke);
  g_test_add_func ("/find/search/case", test_case);
  g_test_add_func ("/find/search/negatives", test_negatives);
  g_test_add_func ("/find/search/offsets-after-emoji", test_offsets_after_emoji);
  g_test_add_func ("/find/search/multiple-in-order", test_multiple_matches_in_order);
  g_test_add_func ("/find/search/whole-words", test_whole_words);
  g_test_add_func ("/find/search/partial-words", test_partial_words);
  g_test_add_func ("/find/search/separate-mark", test_separate_mark);
  g_test_add_func ("/find/search/empty-query", test_empty_query);
  g_test_add_func ("/find/search/long-text", test_long_text);

  return g_test_run ();
}
