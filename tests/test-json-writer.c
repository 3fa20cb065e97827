/* test-json-writer.c: the output of AnnJsonWriter, byte for byte as Python's json.dumps()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ann-json-writer.h"

/* The expected texts come from Python 3:
 *   json.dumps (obj, ensure_ascii=False, indent=N)   for an indent N > 0
 *   json.dumps (obj, ensure_ascii=False)             for an indent of 0
 * and the doubles from repr (). */

#define NESTED_2 \
  "{\n" \
  "  \"format\": \"article-annotator\",\n" \
  "  \"version\": 1,\n" \
  "  \"document\": {\n" \
  "    \"id\": \"sha256:00ff\",\n" \
  "    \"title\": \"Tỉnh ủy Đắk Nông\",\n" \
  "    \"language\": \"vi\"\n" \
  "  },\n" \
  "  \"labels\": [\n" \
  "    {\n" \
  "      \"id\": \"PER\",\n" \
  "      \"name\": \"Người\",\n" \
  "      \"color\": \"#62a0ea\",\n" \
  "      \"key\": \"1\"\n" \
  "    },\n" \
  "    {\n" \
  "      \"id\": \"LOC\"\n" \
  "    }\n" \
  "  ],\n" \
  "  \"entities\": [],\n" \
  "  \"relations\": {},\n" \
  "  \"deep\": [\n" \
  "    [],\n" \
  "    [\n" \
  "      {}\n" \
  "    ],\n" \
  "    [\n" \
  "      1,\n" \
  "      [\n" \
  "        2,\n" \
  "        [\n" \
  "          3,\n" \
  "          {\n" \
  "            \"a\": [\n" \
  "              null\n" \
  "            ]\n" \
  "          }\n" \
  "        ]\n" \
  "      ]\n" \
  "    ]\n" \
  "  ],\n" \
  "  \"flags\": [\n" \
  "    true,\n" \
  "    false,\n" \
  "    null\n" \
  "  ],\n" \
  "  \"score\": 0.5\n" \
  "}"

#define NESTED_4 \
  "{\n" \
  "    \"format\": \"article-annotator\",\n" \
  "    \"version\": 1,\n" \
  "    \"document\": {\n" \
  "        \"id\": \"sha256:00ff\",\n" \
  "        \"title\": \"Tỉnh ủy Đắk Nông\",\n" \
  "        \"language\": \"vi\"\n" \
  "    },\n" \
  "    \"labels\": [\n" \
  "        {\n" \
  "            \"id\": \"PER\",\n" \
  "            \"name\": \"Người\",\n" \
  "            \"color\": \"#62a0ea\",\n" \
  "            \"key\": \"1\"\n" \
  "        },\n" \
  "        {\n" \
  "            \"id\": \"LOC\"\n" \
  "        }\n" \
  "    ],\n" \
  "    \"entities\": [],\n" \
  "    \"relations\": {},\n" \
  "    \"deep\": [\n" \
  "        [],\n" \
  "        [\n" \
  "            {}\n" \
  "        ],\n" \
  "        [\n" \
  "            1,\n" \
  "            [\n" \
  "                2,\n" \
  "                [\n" \
  "                    3,\n" \
  "                    {\n" \
  "                        \"a\": [\n" \
  "                            null\n" \
  "                        ]\n" \
  "                    }\n" \
  "                ]\n" \
  "            ]\n" \
  "        ]\n" \
  "    ],\n" \
  "    \"flags\": [\n" \
  "        true,\n" \
  "        false,\n" \
  "        null\n" \
  "    ],\n" \
  "    \"score\": 0.5\n" \
  "}"

#define NESTED_0 \
  "{\"format\": \"article-annotator\", \"version\": 1, " \
  "\"document\": {\"id\": \"sha256:00ff\", \"title\": \"Tỉnh ủy Đắk Nông\", " \
  "\"language\": \"vi\"}, \"labels\": [{\"id\": \"PER\", \"name\": \"Người\", " \
  "\"color\": \"#62a0ea\", \"key\": \"1\"}, {\"id\": \"LOC\"}], \"entities\": [], " \
  "\"relations\": {}, \"deep\": [[], [{}], [1, [2, [3, {\"a\": [null]}]]]], " \
  "\"flags\": [true, false, null], \"score\": 0.5}"

#define STRINGS_2 \
  "{\n" \
  "  \"strings\": [\n" \
  "    \"quote \\\" here\",\n" \
  "    \"back\\\\slash\",\n" \
  "    \"\\n\\t\\r\\b\\f\",\n" \
  "    \"\\u0001\",\n" \
  "    \"\\u001f\",\n" \
  "    \"\177\",\n" \
  "    \"Vũ Tiến Lư\",\n" \
  "    \"🎉 Đắk Nông\",\n" \
  "    \"\xe2\x80\xa8\xc2\xa0\",\n" \
  "    \"/ and </script>\",\n" \
  "    \"\",\n" \
  "    \"'single'\",\n" \
  "    \"tab\\there\"\n" \
  "  ],\n" \
  "  \"keys\": {\n" \
  "    \"k\\\"ey\": 1,\n" \
  "    \"line\\nbreak\": 2,\n" \
  "    \"Người\": 3,\n" \
  "    \"\": 4\n" \
  "  }\n" \
  "}"

#define INTS_2 \
  "[\n" \
  "  -1,\n" \
  "  0,\n" \
  "  42,\n" \
  "  -9007199254740993,\n" \
  "  9223372036854775807,\n" \
  "  -9223372036854775808\n" \
  "]"

#define INTS_0 "[-1, 0, 42, -9007199254740993, 9223372036854775807, -9223372036854775808]"

typedef struct
{
  double      value;
  const char *expected;
} Double;

static const Double plain_doubles[] = {
  { 0.5, "0.5" },
  { 1.0, "1.0" },
  { 0.1, "0.1" },
  { 1e-7, "1e-07" },
  { 123456789.125, "123456789.125" },
  { -2.5, "-2.5" },
  { 0.0, "0.0" },
  { -0.0, "-0.0" },
  { 100.0, "100.0" },
  { 1e15, "1000000000000000.0" },
  { 1e16, "1e+16" },
  { 1e22, "1e+22" },
  { 1.5e-5, "1.5e-05" },
  { 0.0001, "0.0001" },
  { 0.00001, "1e-05" },
  { 12345.678, "12345.678" },
  { 2.0/3.0, "0.6666666666666666" },
  { 1e100, "1e+100" },
  { -1e-100, "-1e-100" },
  { 5e-324, "5e-324" },
  { 1.7976931348623157e308, "1.7976931348623157e+308" },
  { 9007199254740993.0, "9007199254740992.0" },
  { 123456789012345680.0, "1.2345678901234568e+17" },
  { 0.30000000000000004, "0.30000000000000004" },
  { 1234567890123456.8, "1234567890123456.8" },
  { 1e-4, "0.0001" },
  { 9.999999999999999e15, "1e+16" },
};

static const Double tricky_doubles[] = {
  { 0x1.0000000000000p-1012, "2.2784756311113742e-305" },
  { 0x1.0000000000000p-1002, "2.3331590462580472e-302" },
  { 0x1.0000000000000p-952, "2.626903552830961e-287" },
  { 0x1.0000000000000p-915, "3.610388751729659e-276" },
  { 0x1.0000000000000p-808, "5.858190679279809e-244" },
  { 0x1.0000000000000p-790, "1.5356895374291261e-238" },
  { 0x1.0000000000000p-787, "1.228551629943301e-237" },
  { 0x1.0000000000000p-777, "1.2580368690619401e-234" },
  { 0x1.0000000000000p-705, "5.940911144672375e-213" },
  { 0x1.0000000000000p-695, "6.083493012144512e-210" },
  { 0x1.0000000000000p-664, "1.3064201766302604e-200" },
  { 0x1.0000000000000p-644, "1.369880843130252e-194" },
  { 0x1.0000000000000p-54, "5.551115123125783e-17" },
  { 0x1.0000000000000p-44, "5.684341886080802e-14" },
  { 0x0.0000000000001p-1022, "5e-324" },
  { 0x1.0000000000000p-1022, "2.2250738585072014e-308" },
  { 0x1.0000000000000p52, "4503599627370496.0" },
  { 0x1.0000000000000p53, "9007199254740992.0" },
  { 0x1.0000000000000p54, "1.8014398509481984e+16" },
  { 0x1.0000000000000p60, "1.152921504606847e+18" },
  { 0x1.0000000000000p1023, "8.98846567431158e+307" },
  { 0x1.0000000000000p-1, "0.5" },
};

/* Frees @writer and checks what it wrote. */
static void
assert_output (AnnJsonWriter *writer,
               const char    *expected)
{
  gsize length = 0;
  g_autofree char *text = ann_json_writer_free_to_string (writer, &length);

  g_assert_nonnull (text);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
}

static void
write_nested (AnnJsonWriter *writer)
{
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "format", "article-annotator");
  ann_json_writer_int (writer, "version", 1);

  ann_json_writer_begin_object (writer, "document");
  ann_json_writer_string (writer, "id", "sha256:00ff");
  ann_json_writer_string (writer, "title", "Tỉnh ủy Đắk Nông");
  ann_json_writer_string (writer, "language", "vi");
  ann_json_writer_end_object (writer);

  ann_json_writer_begin_array (writer, "labels");
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "id", "PER");
  ann_json_writer_string (writer, "name", "Người");
  ann_json_writer_string (writer, "color", "#62a0ea");
  ann_json_writer_string (writer, "key", "1");
  ann_json_writer_end_object (writer);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "id", "LOC");
  ann_json_writer_end_object (writer);
  ann_json_writer_end_array (writer);

  ann_json_writer_begin_array (writer, "entities");
  ann_json_writer_end_array (writer);
  ann_json_writer_begin_object (writer, "relations");
  ann_json_writer_end_object (writer);

  /* [[], [{}], [1, [2, [3, {"a": [null]}]]]] */
  ann_json_writer_begin_array (writer, "deep");
  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_end_array (writer);
  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_end_object (writer);
  ann_json_writer_end_array (writer);
  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_int (writer, NULL, 1);
  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_int (writer, NULL, 2);
  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_int (writer, NULL, 3);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_begin_array (writer, "a");
  ann_json_writer_null (writer, NULL);
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
  ann_json_writer_end_array (writer);
  ann_json_writer_end_array (writer);
  ann_json_writer_end_array (writer);
  ann_json_writer_end_array (writer);

  ann_json_writer_begin_array (writer, "flags");
  ann_json_writer_boolean (writer, NULL, TRUE);
  ann_json_writer_boolean (writer, NULL, FALSE);
  ann_json_writer_null (writer, NULL);
  ann_json_writer_end_array (writer);

  ann_json_writer_double (writer, "score", 0.5);
  ann_json_writer_end_object (writer);
}

static void
test_nested (void)
{
  AnnJsonWriter *writer;

  writer = ann_json_writer_new (2);
  write_nested (writer);
  assert_output (writer, NESTED_2);

  writer = ann_json_writer_new (4);
  write_nested (writer);
  assert_output (writer, NESTED_4);

  /* One line, with ", " and ": ". */
  writer = ann_json_writer_new (0);
  write_nested (writer);
  assert_output (writer, NESTED_0);
}

static void
test_empty_containers (void)
{
  AnnJsonWriter *writer;

  writer = ann_json_writer_new (2);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_end_object (writer);
  assert_output (writer, "{}");

  writer = ann_json_writer_new (2);
  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_end_array (writer);
  assert_output (writer, "[]");

  writer = ann_json_writer_new (2);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_begin_object (writer, "a");
  ann_json_writer_end_object (writer);
  ann_json_writer_begin_array (writer, "b");
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
  assert_output (writer, "{\n  \"a\": {},\n  \"b\": []\n}");

  writer = ann_json_writer_new (0);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_begin_object (writer, "a");
  ann_json_writer_end_object (writer);
  ann_json_writer_begin_array (writer, "b");
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
  assert_output (writer, "{\"a\": {}, \"b\": []}");

  /* Nothing written at all. */
  writer = ann_json_writer_new (2);
  assert_output (writer, "");
}

static void
test_strings (void)
{
  static const char *strings[] = {
    "quote \" here", "back\\slash", "\n\t\r\b\f", "\001", "\037", "\177", "Vũ Tiến Lư",
    "🎉 Đắk Nông", "\xe2\x80\xa8\xc2\xa0", "/ and </script>", "", "'single'", "tab\there",
  };
  AnnJsonWriter *writer = ann_json_writer_new (2);

  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_begin_array (writer, "strings");
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    ann_json_writer_string (writer, NULL, strings[i]);
  ann_json_writer_end_array (writer);
  ann_json_writer_begin_object (writer, "keys");
  ann_json_writer_int (writer, "k\"ey", 1);
  ann_json_writer_int (writer, "line\nbreak", 2);
  ann_json_writer_int (writer, "Người", 3);
  ann_json_writer_int (writer, "", 4);
  ann_json_writer_end_object (writer);
  ann_json_writer_end_object (writer);

  assert_output (writer, STRINGS_2);
}

static void
check_escape (const char *value,
              const char *expected)
{
  g_autoptr(GString) out = g_string_new ("x");

  ann_json_escape_string (out, value);
  g_assert_cmpstr (out->str + 1, ==, expected);
  g_assert_cmpint (out->str[0], ==, 'x');
}

static void
test_escape_string (void)
{
  check_escape ("", "\"\"");
  check_escape ("\"", "\"\\\"\"");
  check_escape ("\\", "\"\\\\\"");
  check_escape ("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
  check_escape ("\001\002\013\016\033\037", "\"\\u0001\\u0002\\u000b\\u000e\\u001b\\u001f\"");
  check_escape (" ~\177", "\" ~\177\"");
  check_escape ("Ngày 21/03/2022 🎉", "\"Ngày 21/03/2022 🎉\"");
}

static void
write_ints (AnnJsonWriter *writer)
{
  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_int (writer, NULL, -1);
  ann_json_writer_int (writer, NULL, 0);
  ann_json_writer_int (writer, NULL, 42);
  ann_json_writer_int (writer, NULL, -9007199254740993);
  ann_json_writer_int (writer, NULL, G_MAXINT64);
  ann_json_writer_int (writer, NULL, G_MININT64);
  ann_json_writer_end_array (writer);
}

static void
test_integers (void)
{
  AnnJsonWriter *writer;

  writer = ann_json_writer_new (2);
  write_ints (writer);
  assert_output (writer, INTS_2);

  writer = ann_json_writer_new (0);
  write_ints (writer);
  assert_output (writer, INTS_0);
}

static void
check_doubles (const Double *doubles,
               gsize         n_doubles)
{
  for (gsize i = 0; i < n_doubles; i++)
    {
      AnnJsonWriter *writer = ann_json_writer_new (2);

      ann_json_writer_double (writer, NULL, doubles[i].value);
      assert_output (writer, doubles[i].expected);
    }
}

static void
test_doubles (void)
{
  AnnJsonWriter *writer;

  check_doubles (plain_doubles, G_N_ELEMENTS (plain_doubles));

  writer = ann_json_writer_new (2);
  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_double (writer, NULL, 0.5);
  ann_json_writer_double (writer, NULL, 1.0);
  ann_json_writer_double (writer, NULL, 1e-7);
  ann_json_writer_double (writer, NULL, 123456789.125);
  ann_json_writer_double (writer, NULL, -0.0);
  ann_json_writer_double (writer, NULL, 1e16);
  ann_json_writer_end_array (writer);
  assert_output (writer, "[\n  0.5,\n  1.0,\n  1e-07,\n  123456789.125,\n  -0.0,\n  1e+16\n]");
}

/* Powers of two, where the doubles above are twice as far apart as those below: the shortest
 * digits that read back are then not always the nearest ones. */
static void
test_doubles_powers_of_two (void)
{
  check_doubles (tricky_doubles, G_N_ELEMENTS (tricky_doubles));
}

/* Any double: the text reads back as the same double, and has the shape repr() gives. */
static void
test_doubles_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1074);

  for (guint i = 0; i < 30000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      AnnJsonWriter *writer;
      g_autofree char *text = NULL;
      const char *e;
      double value;

      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value))
        continue;

      writer = ann_json_writer_new (0);
      ann_json_writer_double (writer, NULL, value);
      text = ann_json_writer_free_to_string (writer, NULL);

      g_assert_true (g_ascii_strtod (text, NULL) == value);
      g_assert_cmpint (signbit (value) != 0, ==, text[0] == '-');
      e = strchr (text, 'e');
      if (e != NULL)
        {
          int exponent = atoi (e + 1);

          /* "d.ddde±XX": an exponent outside -4..15, with a sign and two digits or more */
          g_assert_true (exponent < -4 || exponent >= 16);
          g_assert_true (e[1] == '+' || e[1] == '-');
          g_assert_cmpuint (strlen (e + 2), >=, 2);
          g_assert_true (g_ascii_isdigit (text[signbit (value) ? 1 : 0]));
          g_assert_true (e[-1] != '0' || e - text == 1 + (signbit (value) ? 1 : 0));
        }
      else
        {
          const char *point = strchr (text, '.');

          /* A point with at least one digit after it */
          g_assert_nonnull (point);
          g_assert_true (g_ascii_isdigit (point[1]));
          g_assert_true (fabs (value) < 1e16);
          g_assert_true (value == 0.0 || fabs (value) >= 1e-4);
        }
    }
}

static void
test_not_finite (void)
{
  AnnJsonWriter *writer = ann_json_writer_new (0);

  ann_json_writer_begin_array (writer, NULL);
  ann_json_writer_double (writer, NULL, 1.0);
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*isfinite*");
  ann_json_writer_double (writer, NULL, NAN);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*isfinite*");
  ann_json_writer_double (writer, NULL, -INFINITY);
  g_test_assert_expected_messages ();
  ann_json_writer_double (writer, NULL, 2.0);
  ann_json_writer_end_array (writer);

  assert_output (writer, "[1.0, 2.0]");
}

static void
test_scalars (void)
{
  AnnJsonWriter *writer;

  writer = ann_json_writer_new (2);
  ann_json_writer_boolean (writer, NULL, TRUE);
  assert_output (writer, "true");

  writer = ann_json_writer_new (2);
  ann_json_writer_boolean (writer, NULL, FALSE);
  assert_output (writer, "false");

  writer = ann_json_writer_new (2);
  ann_json_writer_null (writer, NULL);
  assert_output (writer, "null");

  writer = ann_json_writer_new (2);
  ann_json_writer_string (writer, NULL, "Tỉnh ủy Đắk Nông");
  assert_output (writer, "\"Tỉnh ủy Đắk Nông\"");

  writer = ann_json_writer_new (0);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_begin_array (writer, "x");
  ann_json_writer_double (writer, NULL, 1.0);
  ann_json_writer_boolean (writer, NULL, TRUE);
  ann_json_writer_null (writer, NULL);
  ann_json_writer_string (writer, NULL, "y");
  ann_json_writer_end_array (writer);
  ann_json_writer_end_object (writer);
  assert_output (writer, "{\"x\": [1.0, true, null, \"y\"]}");
}

static void
test_free_unfinished (void)
{
  g_autoptr(AnnJsonWriter) writer = ann_json_writer_new (2);

  /* Freed with containers still open: nothing leaks (valgrind checks). */
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_begin_array (writer, "entities");
  ann_json_writer_string (writer, NULL, "Vũ Tiến Lư");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/nested", test_nested);
  g_test_add_func ("/json-writer/empty-containers", test_empty_containers);
  g_test_add_func ("/json-writer/strings", test_strings);
  g_test_add_func ("/json-writer/escape-string", test_escape_string);
  g_test_add_func ("/json-writer/integers", test_integers);
  g_test_add_func ("/json-writer/doubles", test_doubles);
  g_test_add_func ("/json-writer/doubles-powers-of-two", test_doubles_powers_of_two);
  g_test_add_func ("/json-writer/doubles-round-trip", test_doubles_round_trip);
  g_test_add_func ("/json-writer/not-finite", test_not_finite);
  g_test_add_func ("/json-writer/scalars", test_scalars);
  g_test_add_func ("/json-writer/free-unfinished", test_free_unfinished);

  return g_test_run ();
}
