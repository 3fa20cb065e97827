/* test-json-syntax.c: tests for the strict JSON syntax pass
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ann-error.h"
#include "ann-json-syntax.h"

/* Vietnamese text whose byte count differs from its character count, so
 * that a column counted in bytes would be caught. */
#define VIETNAMESE_NAME "Vũ Tiến Lư"

static void
check_valid_len (const char *json,
                 gsize       length,
                 guint       max_depth)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = ann_json_check_syntax (json, length, max_depth, &error);

  if (error != NULL)
    g_printerr ("input: %.*s\n", (int) MIN (length, 200), json);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
check_valid (const char *json)
{
  check_valid_len (json, strlen (json), ANN_JSON_DEFAULT_MAX_DEPTH);
}

/* The whole message is compared: "<position>: <what>". */
static void
check_invalid_full (const char *json,
                    gsize       length,
                    guint       max_depth,
                    gint        code,
                    const char *position,
                    const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: %s", position, what);
  gboolean ok;

  ok = ann_json_check_syntax (json, length, max_depth, &error);

  if (error == NULL || g_strcmp0 (error->message, expected) != 0)
    g_printerr ("input: %.*s\n", (int) MIN (length, 200), json);
  g_assert_false (ok);
  g_assert_error (error, ANN_ERROR, code);
  g_assert_nonnull (strstr (error->message, position));
  g_assert_cmpstr (error->message, ==, expected);
}

static void
check_invalid_len (const char *json,
                   gsize       length,
                   const char *position,
                   const char *what)
{
  check_invalid_full (json, length, ANN_JSON_DEFAULT_MAX_DEPTH, ANN_ERROR_SYNTAX, position, what);
}

static void
check_invalid (const char *json,
               const char *position,
               const char *what)
{
  check_invalid_len (json, strlen (json), position, what);
}

static void
test_valid_scalars (void)
{
  check_valid ("0");
  check_valid ("42");
  check_valid ("true");
  check_valid ("false");
  check_valid ("null");
  check_valid ("\"\"");
  check_valid ("\"text\"");
  check_valid (" \t\r\n 42 \r\n\t ");
  check_valid ("\n\n[]\n");
}

static void
test_valid_nested (void)
{
  check_valid ("[]");
  check_valid ("{}");
  check_valid ("[[]]");
  check_valid ("[{}]");
  check_valid ("{\"a\":{}}");
  check_valid ("[ ]");
  check_valid ("{ \n }");
  check_valid ("{\"a\":{\"b\":[1,{\"c\":null},[true,false,[\"x\"]]]},\"d\":-1.5e3}");
  check_valid ("{\r\n"
               "  \"version\": 1,\r\n"
               "  \"text\": \"" VIETNAMESE_NAME " 😀\",\r\n"
               "  \"entities\": [\r\n"
               "    {\"start\": 0, \"end\": 10, \"label\": \"PER\"},\r\n"
               "    {\"start\": 11, \"end\": 12, \"label\": \"MISC\"}\r\n"
               "  ],\r\n"
               "  \"labels\": []\r\n"
               "}\r\n");
}

static void
test_valid_escapes (void)
{
  check_valid ("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"");
  check_valid ("\"\\u00e1 \\u00C1 \\u1ec7 \\uFFFF \\u0001\"");
  check_valid ("\"\\ud83d\\ude00\"");
  check_valid ("\"\\uD83D\\uDE00 and \\udbff\\udfff\"");
  /* Raw text that is not ASCII, and DEL, which JSON leaves unescaped. */
  check_valid ("\"" VIETNAMESE_NAME " 😀 \x7f\"");
  check_valid ("{\"" VIETNAMESE_NAME "\": \"\\\"quoted\\\"\"}");
}

static void
test_valid_numbers (void)
{
  check_valid ("-0");
  check_valid ("0.0");
  check_valid ("-0.0e0");
  check_valid ("0e0");
  check_valid ("0E-0");
  check_valid ("1e5");
  check_valid ("1E+5");
  check_valid ("1e-5");
  check_valid ("1.0e+308");
  check_valid ("-1.5e-10");
  check_valid ("10");
  check_valid ("9007199254740993");
  check_valid ("123456789012345678901234567890.123456789e-999999");
  check_valid ("[0,-0,10,0.5,-9,1e1]");
  check_valid ("{\"n\":-0}");
}

static void
test_valid_keys (void)
{
  /* The same key in different objects, at any level, is fine. */
  check_valid ("[{\"a\":1},{\"a\":2}]");
  check_valid ("{\"a\":{\"a\":{\"a\":1}}}");
  check_valid ("{\"a\":1,\"A\":2,\"a \":3,\"\":4}");
  check_valid ("{\"\\u0061\":1,\"b\":2}");
}

static void
test_explicit_length (void)
{
  const char *json = "[1]trailing garbage";

  /* Only data[0..length) counts, and it need not end with NUL. */
  check_valid_len (json, 3, ANN_JSON_DEFAULT_MAX_DEPTH);
  check_invalid_len (json, 2, "line 1, column 3",
                     "unexpected end of file: the array opened at line 1, column 1 is not closed");
}

static void
test_empty (void)
{
  check_invalid ("", "line 1, column 1", "the file is empty");
  check_invalid_len (NULL, 0, "line 1, column 1", "the file is empty");
  check_invalid ("   ", "line 1, column 4", "the file is empty");
  check_invalid (" \r\n\t", "line 2, column 2", "the file is empty");
  check_invalid ("\n\n", "line 3, column 1", "the file is empty");
}

static void
test_bom (void)
{
  check_invalid ("\xEF\xBB\xBF{}", "line 1, column 1",
                 "the file starts with a byte order mark (BOM), which JSON does not allow");
  check_invalid ("\xEF\xBB\xBF", "line 1, column 1",
                 "the file starts with a byte order mark (BOM), which JSON does not allow");
  /* Anywhere else it is just an invisible character that does not belong. */
  check_invalid ("[\xEF\xBB\xBF" "1]", "line 1, column 2", "expected a value, found U+FEFF");
}

static void
test_invalid_utf8 (void)
{
  check_invalid ("{\"a\": \"b\xFF\"}", "line 1, column 9",
                 "the text is not valid UTF-8 (byte 0xFF)");
  check_invalid ("[\xFF]", "line 1, column 2", "the text is not valid UTF-8 (byte 0xFF)");
  /* Latin-1 after real UTF-8 on the same line. */
  check_invalid ("\"Việt Nguy\xEAn\"", "line 1, column 11",
                 "the text is not valid UTF-8 (byte 0xEA)");
  /* Overlong NUL, an encoded surrogate, past U+10FFFF, a stray continuation. */
  check_invalid ("\"\xC0\x80\"", "line 1, column 2", "the text is not valid UTF-8 (byte 0xC0)");
  check_invalid ("\"\xED\xA0\xBD\"", "line 1, column 2", "the text is not valid UTF-8 (byte 0xED)");
  check_invalid ("\"\xF4\x90\x80\x80\"", "line 1, column 2",
                 "the text is not valid UTF-8 (byte 0xF4)");
  check_invalid ("\"ư\x80\"", "line 1, column 3", "the text is not valid UTF-8 (byte 0x80)");
  /* A sequence cut short by the end of the input. */
  check_invalid ("\"\xE1\xBB", "line 1, column 2", "the text is not valid UTF-8 (byte 0xE1)");
  check_invalid ("\n\n  [1, \"a\"]\xC3", "line 3, column 11",
                 "the text is not valid UTF-8 (byte 0xC3)");
}

static void
test_nul_bytes (void)
{
  check_invalid_len ("[1,\0]", 5, "line 1, column 4", "a NUL byte is not allowed in JSON text");
  check_invalid_len ("\"a\0b\"", 5, "line 1, column 3", "a NUL byte is not allowed in JSON text");
  check_invalid_len ("{}\0", 3, "line 1, column 3", "a NUL byte is not allowed in JSON text");
  check_invalid_len ("\0", 1, "line 1, column 1", "a NUL byte is not allowed in JSON text");
}

static void
test_comments (void)
{
  const char *message = "comments are not allowed in JSON";

  check_invalid ("// a comment\n{}", "line 1, column 1", message);
  check_invalid ("/* a comment */ {}", "line 1, column 1", message);
  check_invalid ("{\"a\": 1 /* one */}", "line 1, column 9", message);
  check_invalid ("{\"a\": /* one */ 1}", "line 1, column 7", message);
  check_invalid ("[1,\n  // two\n  2]", "line 2, column 3", message);
  check_invalid ("{\"" VIETNAMESE_NAME "\": 1} // end", "line 1, column 19", message);
  /* A lone slash is not a comment, just a wrong character. */
  check_invalid ("[/]", "line 1, column 2", "expected a value, found '/'");
}

static void
test_single_quotes (void)
{
  check_invalid ("['a']", "line 1, column 2",
                 "expected a value, found ''' (single quotes are not JSON)");
  check_invalid ("{'a': 1}", "line 1, column 2",
                 "expected a key in double quotes, found ''' (single quotes are not JSON)");
  check_invalid ("{\"a\": 'b'}", "line 1, column 7",
                 "expected a value, found ''' (single quotes are not JSON)");
}

static void
test_trailing_commas (void)
{
  check_invalid ("[1,2,]", "line 1, column 5", "trailing comma before ']' is not allowed");
  check_invalid ("{\"a\":1,}", "line 1, column 7", "trailing comma before '}' is not allowed");
  /* The comma is pointed at, even when the bracket is lines below. */
  check_invalid ("[\n  1,\n\n]", "line 2, column 4", "trailing comma before ']' is not allowed");
  check_invalid ("{\n  \"" VIETNAMESE_NAME "\": 1 ,\n}", "line 2, column 19",
                 "trailing comma before '}' is not allowed");
  check_invalid ("[1,,2]", "line 1, column 4", "expected a value, found ','");
  check_invalid ("[,]", "line 1, column 2", "expected a value, found ','");
  check_invalid ("{,}", "line 1, column 2", "expected a key in double quotes, found ','");
}

static void
test_unquoted_keys (void)
{
  check_invalid ("{a: 1}", "line 1, column 2", "expected a key in double quotes, found 'a'");
  check_invalid ("{\n  \"a\": 1,\n  name: \"" VIETNAMESE_NAME "\"\n}", "line 3, column 3",
                 "expected a key in double quotes, found 'name'");
  check_invalid ("{1: 2}", "line 1, column 2", "expected a key in double quotes, found '1'");
  check_invalid ("{\"a\" 1}", "line 1, column 6", "expected ':' after an object key, found '1'");
  check_invalid ("{\"a\"= 1}", "line 1, column 5", "expected ':' after an object key, found '='");
}

static void
test_invalid_numbers (void)
{
  check_invalid ("01", "line 1, column 1", "leading zeros are not allowed in numbers");
  check_invalid ("[-01]", "line 1, column 3", "leading zeros are not allowed in numbers");
  check_invalid ("[00.5]", "line 1, column 2", "leading zeros are not allowed in numbers");
  check_invalid ("+1", "line 1, column 1",
                 "expected a value, found '+' (JSON numbers cannot start with '+')");
  check_invalid (".5", "line 1, column 1",
                 "expected a value, found '.' (JSON numbers need a digit before '.')");
  check_invalid ("[-.5]", "line 1, column 3", "expected a digit after '-', found '.'");
  check_invalid ("1.", "line 1, column 3",
                 "unexpected end of file: expected a digit after the decimal point");
  check_invalid ("[1.]", "line 1, column 4", "expected a digit after the decimal point, found ']'");
  check_invalid ("[1.e5]", "line 1, column 4",
                 "expected a digit after the decimal point, found 'e5'");
  check_invalid ("1e", "line 1, column 3",
                 "unexpected end of file: expected a digit in the exponent");
  check_invalid ("[1e+]", "line 1, column 5", "expected a digit in the exponent, found ']'");
  check_invalid ("-", "line 1, column 2", "unexpected end of file: expected a digit after '-'");
  check_invalid ("[-a]", "line 1, column 3", "expected a digit after '-', found 'a'");
  check_invalid ("0x1F", "line 1, column 2", "unexpected data after the JSON value, found 'x1F'");
  check_invalid ("[1.5.3]", "line 1, column 5",
                 "expected ',' or ']' after an array element, found '.'");
  check_invalid ("[1 2]", "line 1, column 4",
                 "expected ',' or ']' after an array element, found '2'");
}

static void
test_nan_infinity (void)
{
  const char *message = "NaN and Infinity are not allowed in JSON";

  check_invalid ("NaN", "line 1, column 1", message);
  check_invalid ("[Infinity]", "line 1, column 2", message);
  check_invalid ("[1, -Infinity]", "line 1, column 5", message);
  check_invalid ("{\"a\": nan}", "line 1, column 7", message);
}

static void
test_bare_words (void)
{
  check_invalid ("[True]", "line 1, column 2",
                 "expected a value, found 'True' (JSON literals are lowercase: true, false, null)");
  check_invalid ("{\"a\": None}", "line 1, column 7",
                 "expected a value, found 'None' (JSON literals are lowercase: true, false, null)");
  check_invalid ("[undefined]", "line 1, column 2", "expected a value, found 'undefined'");
  check_invalid ("tru", "line 1, column 1", "expected a value, found 'tru'");
  check_invalid ("[nullx]", "line 1, column 2", "expected a value, found 'nullx'");
  check_invalid ("[\"a\", Việt]", "line 1, column 7", "expected a value, found 'Việt'");
  check_invalid ("[abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz]", "line 1, column 2",
                 "expected a value, found 'abcdefghijklmnopqrstuvwxyzabcdefghijklmn…'");
}

static void
test_unexpected_characters (void)
{
  check_invalid ("[\"a\" ư]", "line 1, column 6",
                 "expected ',' or ']' after an array element, found 'ư'");
  check_invalid ("[1,\xC2\xA0" "2]", "line 1, column 4", "expected a value, found U+00A0");
  check_invalid ("[1,\f2]", "line 1, column 4", "expected a value, found control character U+000C");
  check_invalid ("{\"a\":1]", "line 1, column 7",
                 "expected ',' or '}' after an object member, found ']'");
  check_invalid ("{\"a\":}", "line 1, column 6", "expected a value, found '}'");
  check_invalid ("]", "line 1, column 1", "expected a value, found ']'");
  check_invalid ("[1;2]", "line 1, column 3",
                 "expected ',' or ']' after an array element, found ';'");
}

static void
test_control_characters (void)
{
  check_invalid ("\"a\tb\"", "line 1, column 3", "unescaped tab inside a string (write it as \\t)");
  check_invalid ("[\"abc\n\"]", "line 1, column 6",
                 "unescaped line break inside a string (is a closing '\"' missing?)");
  check_invalid ("{\n  \"a\": \"" VIETNAMESE_NAME "\r\n\"}", "line 2, column 19",
                 "unescaped line break inside a string (is a closing '\"' missing?)");
  check_invalid ("\"\x01\"", "line 1, column 2",
                 "unescaped control character U+0001 inside a string");
  check_invalid ("\"ab\x1F\"", "line 1, column 4",
                 "unescaped control character U+001F inside a string");
}

static void
test_invalid_escapes (void)
{
  check_invalid ("\"\\x41\"", "line 1, column 2", "invalid escape '\\x' in a string");
  check_invalid ("\"ab\\'\"", "line 1, column 4", "invalid escape '\\'' in a string");
  check_invalid ("\"\\U00e1\"", "line 1, column 2", "invalid escape '\\U' in a string");
  check_invalid ("\"\\0\"", "line 1, column 2", "invalid escape '\\0' in a string");
  check_invalid ("\"\\\xC3\xA1\"", "line 1, column 2",
                 "invalid escape in a string: '\\' followed by 'á'");
  check_invalid ("[\"ư\\\n\"]", "line 1, column 4",
                 "invalid escape in a string: '\\' followed by control character U+000A");
  check_invalid ("\"\\\xFF\"", "line 1, column 3", "the text is not valid UTF-8 (byte 0xFF)");
  check_invalid ("\"\\u12\"", "line 1, column 2", "\\u must be followed by four hex digits");
  check_invalid ("\"ư\\u12G4\"", "line 1, column 3", "\\u must be followed by four hex digits");
  check_invalid ("\"\\u12", "line 1, column 2", "\\u must be followed by four hex digits");
}

static void
test_surrogates (void)
{
  check_invalid ("\"\\ud83d\"", "line 1, column 2", "a lone UTF-16 surrogate \\ud83d");
  check_invalid ("\"x\\uD83Dy\"", "line 1, column 3", "a lone UTF-16 surrogate \\uD83D");
  check_invalid ("\"\\ude00\"", "line 1, column 2", "a lone UTF-16 surrogate \\ude00");
  /* Misordered: the low half comes first. */
  check_invalid ("\"\\ude00\\ud83d\"", "line 1, column 2", "a lone UTF-16 surrogate \\ude00");
  check_invalid ("\"\\ud83d\\ud83d\\ude00\"", "line 1, column 2",
                 "a lone UTF-16 surrogate \\ud83d");
  check_invalid ("\"\\ud83d\\u0041\"", "line 1, column 2", "a lone UTF-16 surrogate \\ud83d");
  check_invalid ("\"\\ud83d\\n\"", "line 1, column 2", "a lone UTF-16 surrogate \\ud83d");
  check_invalid ("\"\\ud83d", "line 1, column 2", "a lone UTF-16 surrogate \\ud83d");
  check_invalid ("{\"😀\": \"\\ud83d\\ude00 \\udfff\"}", "line 1, column 21",
                 "a lone UTF-16 surrogate \\udfff");
}

static void
test_nul_escape (void)
{
  check_invalid ("\"a\\u0000\"", "line 1, column 3", "\\u0000 (NUL) is not allowed");
  check_invalid ("{\"\\u0000\": 1}", "line 1, column 3", "\\u0000 (NUL) is not allowed");
}

static void
test_trailing_data (void)
{
  check_invalid ("{}{}", "line 1, column 3", "unexpected data after the JSON value, found '{'");
  check_invalid ("[1]\n[2]", "line 2, column 1", "unexpected data after the JSON value, found '['");
  check_invalid ("\"a\" \"b\"", "line 1, column 5",
                 "unexpected data after the JSON value, found '\"'");
  check_invalid ("1 2", "line 1, column 3", "unexpected data after the JSON value, found '2'");
  check_invalid ("{}]", "line 1, column 3", "unexpected data after the JSON value, found ']'");
  check_invalid ("null,", "line 1, column 5", "unexpected data after the JSON value, found ','");
}

static void
test_unexpected_end (void)
{
  check_invalid ("[", "line 1, column 2",
                 "unexpected end of file: the array opened at line 1, column 1 is not closed");
  check_invalid ("[1,", "line 1, column 4",
                 "unexpected end of file: the array opened at line 1, column 1 is not closed");
  check_invalid ("{", "line 1, column 2",
                 "unexpected end of file: the object opened at line 1, column 1 is not closed");
  check_invalid ("{\"a\"", "line 1, column 5",
                 "unexpected end of file: the object opened at line 1, column 1 is not closed");
  check_invalid ("{\"a\":", "line 1, column 6",
                 "unexpected end of file: the object opened at line 1, column 1 is not closed");
  check_invalid ("{\"a\":1", "line 1, column 7",
                 "unexpected end of file: the object opened at line 1, column 1 is not closed");
  check_invalid ("{\n  \"a\": [1,\n", "line 3, column 1",
                 "unexpected end of file: the array opened at line 2, column 8 is not closed");
  check_invalid ("[{\"a\": [1]}, {\"b\": 2}", "line 1, column 22",
                 "unexpected end of file: the array opened at line 1, column 1 is not closed");
  check_invalid ("\"abc", "line 1, column 5",
                 "unexpected end of file: the string starting at line 1, column 1 is not closed");
  check_invalid ("{\"a\": \"Vũ", "line 1, column 10",
                 "unexpected end of file: the string starting at line 1, column 7 is not closed");
  check_invalid ("[\"a\\", "line 1, column 5",
                 "unexpected end of file: the string starting at line 1, column 2 is not closed");
}

static void
test_duplicate_keys (void)
{
  check_invalid ("{\"start\": 1, \"start\": 2}", "line 1, column 14", "duplicate key \"start\"");
  /* Keys are compared once unescaped. */
  check_invalid ("{\"a\":1,\"\\u0061\":2}", "line 1, column 8", "duplicate key \"a\"");
  check_invalid ("{\"\\u00e1\":1,\"á\":2}", "line 1, column 13", "duplicate key \"á\"");
  check_invalid ("{\"q\\\"\":1,\"q\\u0022\":2}", "line 1, column 10", "duplicate key \"q\\\"\"");
  check_invalid ("{\"a\\nb\":1,\"a\\u000ab\":2}", "line 1, column 11",
                 "duplicate key \"a\\u000ab\"");
  check_invalid ("{\"a\":{\"b\":1,\"b\":2}}", "line 1, column 13", "duplicate key \"b\"");
  /* The inner object closed, so its keys must not leak into the outer. */
  check_invalid ("{\"a\":{\"b\":1},\"b\":2,\"a\":3}", "line 1, column 20", "duplicate key \"a\"");
  /* A sibling object reuses the table of the previous one: it must start empty. */
  check_invalid ("[{\"a\":1,\"b\":2},{\"b\":1,\"a\":2,\"b\":3}]", "line 1, column 29",
                 "duplicate key \"b\"");
  check_invalid ("{\r\n  \"tên\": 1,\r\n  \"tên\": 2\r\n}", "line 3, column 3",
                 "duplicate key \"tên\"");
  check_invalid ("{\"" VIETNAMESE_NAME "\": 1, \"" VIETNAMESE_NAME "\": 2}", "line 1, column 19",
                 "duplicate key \"" VIETNAMESE_NAME "\"");
  check_invalid ("{\"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\": 1,"
                 " \"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\": 2}",
                 "line 1, column 61",
                 "duplicate key \"abcdefghijklmnopqrstuvwxyzabcdefghijklmn…\"");
}

/* Builds {"k0":0,"k1":1,...} with the given keys, in that order. */
static char *
build_object (const guint *keys,
              guint        n_keys)
{
  GString *json = g_string_new ("{");

  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (json, "%s\"k%u\":%u", i > 0 ? "," : "", keys[i], i);
  g_string_append_c (json, '}');

  return g_string_free (json, FALSE);
}

/* Small objects compare keys one by one; larger ones switch to a table. Both
 * sides of the switch, and a table reused by a later object, must agree. */
static void
test_duplicate_keys_many (void)
{
  const guint eight[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  const guint ninth_repeats_first[] = { 0, 1, 2, 3, 4, 5, 6, 7, 0 };
  const guint ninth_repeats_eighth[] = { 0, 1, 2, 3, 4, 5, 6, 7, 7 };
  const guint tenth_repeats_ninth[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 8 };
  g_autofree char *json = NULL;
  g_autoptr(GString) many = g_string_new ("[");

  json = build_object (eight, G_N_ELEMENTS (eight));
  check_valid (json);

  g_free (json);
  json = build_object (ninth_repeats_first, G_N_ELEMENTS (ninth_repeats_first));
  check_invalid (json, "line 1, column 58", "duplicate key \"k0\"");

  g_free (json);
  json = build_object (ninth_repeats_eighth, G_N_ELEMENTS (ninth_repeats_eighth));
  check_invalid (json, "line 1, column 58", "duplicate key \"k7\"");

  g_free (json);
  json = build_object (tenth_repeats_ninth, G_N_ELEMENTS (tenth_repeats_ninth));
  check_invalid (json, "line 1, column 65", "duplicate key \"k8\"");

  /* Two large siblings with the same keys, each holding a large and a small
   * object; then a third that repeats a key, seen only through a reused table. */
  for (guint object = 0; object < 3; object++)
    {
      g_string_append (many, object > 0 ? ",\n{" : "{");
      for (guint i = 0; i < 100; i++)
        {
          g_string_append_printf (many, "%s\"key %u\":", i > 0 ? "," : "", i);
          if (i == 50)
            g_string_append (many, "{\"a\":1,\"b\":{\"a\":1},\"c\":2,\"d\":3,\"e\":4,"
                                   "\"f\":5,\"g\":6,\"h\":7,\"i\":8,\"j\":9}");
          else
            g_string_append_printf (many, "%u", i);
        }
      g_string_append_c (many, '}');
    }
  g_string_append_c (many, ']');
  check_valid_len (many->str, many->len, ANN_JSON_DEFAULT_MAX_DEPTH);

  g_string_truncate (many, many->len - 2);
  g_string_append (many, ",\"key 99\":0}]");
  g_free (json);
  json = g_strdup_printf ("line 3, column %ld",
                          g_utf8_strlen (strrchr (many->str, '\n') + 1, -1) - 11);
  check_invalid_len (many->str, many->len, json, "duplicate key \"key 99\"");
}

static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);

  check_valid_len ("[[[1]]]", 7, 3);
  check_valid_len ("{\"a\":[{\"b\":1}]}", 15, 3);
  check_valid_len ("[[1],[2],{\"a\":[3]}]", 19, 3);
  check_invalid_full ("[[[[1]]]]", 9, 3, ANN_ERROR_TOO_LARGE, "line 1, column 4",
                      "nesting deeper than 3 levels");
  check_invalid_full ("{\"a\":\n [{\"b\":[]}]}", 18, 3, ANN_ERROR_TOO_LARGE, "line 2, column 8",
                      "nesting deeper than 3 levels");
  check_valid_len ("[]", 2, 1);
  check_invalid_full ("[[]]", 4, 1, ANN_ERROR_TOO_LARGE, "line 1, column 2",
                      "nesting deeper than 1 level");
  /* With no nesting allowed at all, only a scalar root is accepted. */
  check_valid_len ("1", 1, 0);
  check_invalid_full ("{}", 2, 0, ANN_ERROR_TOO_LARGE, "line 1, column 1",
                      "nesting deeper than 0 levels");

  /* Exactly the default limit, then one more. */
  for (guint i = 0; i < ANN_JSON_DEFAULT_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < ANN_JSON_DEFAULT_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  check_valid (deep->str);
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  check_invalid_full (deep->str, deep->len, ANN_JSON_DEFAULT_MAX_DEPTH, ANN_ERROR_TOO_LARGE,
                      "line 1, column 257", "nesting deeper than 256 levels");
}

/* Many levels, each an object with keys, so every level holds a key table
 * when the error strikes: they must all be freed. */
static void
test_depth_large (void)
{
  const guint levels = 5000;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *position = NULL;

  for (guint i = 0; i < levels; i++)
    g_string_append (deep, "{\"k\":1,\"v\":");
  g_string_append (deep, "null");
  for (guint i = 0; i < levels; i++)
    g_string_append_c (deep, '}');

  check_valid_len (deep->str, deep->len, levels);
  check_invalid_full (deep->str, deep->len, levels - 1, ANN_ERROR_TOO_LARGE,
                      "line 1, column 54990", "nesting deeper than 4999 levels");

  /* Cut off in the middle: every open object is reported by the innermost. */
  position = g_strdup_printf ("line 1, column %u", 11 * 100 + 1);
  check_invalid_full (deep->str, 11 * 100, levels, ANN_ERROR_SYNTAX, position,
                      "unexpected end of file: the object opened at line 1, column 1090 "
                      "is not closed");

  /* A duplicate at the bottom of the pile. */
  g_string_truncate (deep, 11 * 3000);
  g_string_append (deep, "{\"k\":1,\"k\":2}");
  check_invalid_full (deep->str, deep->len, levels, ANN_ERROR_SYNTAX, "line 1, column 33008",
                      "duplicate key \"k\"");
}

static void
test_columns_vietnamese (void)
{
  /* 10 characters, 14 bytes. */
  g_assert_cmpuint (strlen (VIETNAMESE_NAME), ==, 14);
  g_assert_cmpuint (g_utf8_strlen (VIETNAMESE_NAME, -1), ==, 10);

  check_invalid ("{\"name\": \"" VIETNAMESE_NAME "\", x}", "line 1, column 24",
                 "expected a key in double quotes, found 'x'");
  check_invalid ("[\n  \"Nguyễn Văn A\",\n  \"" VIETNAMESE_NAME "\" 1\n]", "line 3, column 16",
                 "expected ',' or ']' after an array element, found '1'");
  check_invalid ("\"Việt \xFF\"", "line 1, column 7", "the text is not valid UTF-8 (byte 0xFF)");
  /* Characters on earlier lines do not count towards the column. */
  check_invalid ("[\"" VIETNAMESE_NAME "\",\n 01]", "line 2, column 2",
                 "leading zeros are not allowed in numbers");
}

static void
test_columns_emoji (void)
{
  /* One character, four bytes, two UTF-16 units: still one column. */
  check_invalid ("[\"😀\", 01]", "line 1, column 7", "leading zeros are not allowed in numbers");
  check_invalid ("{\"😀😀\": 1, \"a\": tru}", "line 1, column 16", "expected a value, found 'tru'");
  check_invalid ("\n  \"😀 \\q\"", "line 2, column 6", "invalid escape '\\q' in a string");
}

static void
test_no_error_location (void)
{
  /* Callers may not want the message. */
  g_assert_false (ann_json_check_syntax ("{\"a\":1,\"a\":2}", 13, 8, NULL));
  g_assert_false (ann_json_check_syntax ("[[[", 3, 2, NULL));
  g_assert_true (ann_json_check_syntax ("[[]]", 4, 2, NULL));
}

static GString *
build_large_document (gsize target_size)
{
  GString *json = g_string_new ("[\n");

  for (guint i = 0; json->len < target_size; i++)
    g_string_append_printf (json,
                            "  {\"id\": \"T%u\", \"start\": %u, \"end\": %u, \"label\": \"PER\","
                            " \"text\": \"" VIETNAMESE_NAME " \\u00e1 😀\", \"score\": -0.%ue-3,"
                            " \"tags\": [true, false, null, {\"nested\": [1, 2.5, \"x\"]}]},\n",
                            i, i * 10, i * 10 + 5, i);

  return json;
}

static void
test_large_document (void)
{
  g_autoptr(GString) json = build_large_document (5 * 1024 * 1024);
  g_autofree char *position = NULL;
  const char *last_line;
  gsize n_lines = 0;
  gdouble elapsed;

  /* Close the array over the last ",\n". */
  g_string_truncate (json, json->len - 2);
  g_string_append (json, "\n]\n");

  g_test_timer_start ();
  check_valid_len (json->str, json->len, ANN_JSON_DEFAULT_MAX_DEPTH);
  elapsed = g_test_timer_elapsed ();
  g_test_message ("checked %" G_GSIZE_FORMAT " bytes in %.3f s", json->len, elapsed);

  /* A mistake on the last line of a big file is still placed exactly. */
  g_string_truncate (json, json->len - 3);
  last_line = strrchr (json->str, '\n') + 1;
  for (const char *p = json->str; *p != '\0'; p++)
    if (*p == '\n')
      n_lines++;
  position = g_strdup_printf ("line %" G_GSIZE_FORMAT ", column %ld",
                              n_lines + 1, g_utf8_strlen (last_line, -1) + 1);
  g_string_append (json, ",\n]\n");
  check_invalid_len (json->str, json->len, position, "trailing comma before ']' is not allowed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-syntax/valid/scalars", test_valid_scalars);
  g_test_add_func ("/json-syntax/valid/nested", test_valid_nested);
  g_test_add_func ("/json-syntax/valid/escapes", test_valid_escapes);
  g_test_add_func ("/json-syntax/valid/numbers", test_valid_numbers);
  g_test_add_func ("/json-syntax/valid/keys", test_valid_keys);
  g_test_add_func ("/json-syntax/valid/explicit-length", test_explicit_length);
  g_test_add_func ("/json-syntax/valid/large-document", test_large_document);
  g_test_add_func ("/json-syntax/invalid/empty", test_empty);
  g_test_add_func ("/json-syntax/invalid/bom", test_bom);
  g_test_add_func ("/json-syntax/invalid/utf8", test_invalid_utf8);
  g_test_add_func ("/json-syntax/invalid/nul-bytes", test_nul_bytes);
  g_test_add_func ("/json-syntax/invalid/comments", test_comments);
  g_test_add_func ("/json-syntax/invalid/single-quotes", test_single_quotes);
  g_test_add_func ("/json-syntax/invalid/trailing-commas", test_trailing_commas);
  g_test_add_func ("/json-syntax/invalid/unquoted-keys", test_unquoted_keys);
  g_test_add_func ("/json-syntax/invalid/numbers", test_invalid_numbers);
  g_test_add_func ("/json-syntax/invalid/nan-infinity", test_nan_infinity);
  g_test_add_func ("/json-syntax/invalid/bare-words", test_bare_words);
  g_test_add_func ("/json-syntax/invalid/unexpected-characters", test_unexpected_characters);
  g_test_add_func ("/json-syntax/invalid/control-characters", test_control_characters);
  g_test_add_func ("/json-syntax/invalid/escapes", test_invalid_escapes);
  g_test_add_func ("/json-syntax/invalid/surrogates", test_surrogates);
  g_test_add_func ("/json-syntax/invalid/nul-escape", test_nul_escape);
  g_test_add_func ("/json-syntax/invalid/trailing-data", test_trailing_data);
  g_test_add_func ("/json-syntax/invalid/unexpected-end", test_unexpected_end);
  g_test_add_func ("/json-syntax/invalid/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/json-syntax/invalid/duplicate-keys-many", test_duplicate_keys_many);
  g_test_add_func ("/json-syntax/depth/limits", test_depth);
  g_test_add_func ("/json-syntax/depth/large", test_depth_large);
  g_test_add_func ("/json-syntax/columns/vietnamese", test_columns_vietnamese);
  g_test_add_func ("/json-syntax/columns/emoji", test_columns_emoji);
  g_test_add_func ("/json-syntax/no-error-location", test_no_error_location);

  return g_test_run ();
}
