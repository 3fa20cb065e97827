/* test-cli.c: the command-line contract: commands, output, exit statuses 0, 1 and 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Runs the CLI with the NULL-terminated arguments and collects its output. */
static void
run_cli (Run        *run,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ANN_CLI"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_validate_sample (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", SAMPLE_DIR "/sample-article.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "sample-article.json: valid, 48 entities"));
  g_assert_cmpstr (run.err, ==, "");
}

/* Every file of the invalid corpus: exit status 1, and the loader's message on stderr. */
static void
test_validate_invalid_corpus (void)
{
  g_autofree char *manifest_path = fixture_path ("invalid/EXPECTED");
  g_autofree char *manifest = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, NULL));
  lines = g_strsplit (manifest, "\n", -1);

  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_autofree char *name = g_strconcat ("invalid/", fields[0], NULL);
      g_autofree char *path = fixture_path (name);
      g_auto(Run) run = { 0 };

      run_cli (&run, "validate", path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, path));
      g_assert_nonnull (strstr (run.err, fields[1]));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_validate_mixed_files (void)
{
  g_autofree char *good = fixture_path ("valid/vietnamese.json");
  g_autofree char *bad = fixture_path ("invalid/unknown-label.json");
  g_auto(Run) run = { 0 };

  /* One bad file makes the status 1, but every file is checked. */
  run_cli (&run, "validate", bad, good, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "vietnamese.json: valid, 8 entities"));
  g_assert_nonnull (strstr (run.err, "PERSON"));
}

static void
test_validate_garbage_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ann-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "garbage.json", NULL);
  gsize size = 50 * 1024 * 1024;
  g_autofree char *garbage = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_auto(Run) run = { 0 };

  for (gsize i = 0; i < size; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, garbage, size, NULL));

  run_cli (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "line 1, column 1"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_usage_errors (void)
{
  const char *cases[][4] = {
    { NULL },
    { "frobnicate", NULL },
    { "validate", NULL },
    { "validate", "--bogus", "x.json", NULL },
    { "import", SAMPLE_DIR "/sample-article.txt", NULL },
    { "import", "--from", "docx", SAMPLE_DIR "/sample-article.txt" },
    { "stats", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_help (void)
{
  const char *commands[] = { "validate", "import", "stats" };
  g_auto(Run) top = { 0 };

  run_cli (&top, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      g_assert_nonnull (strstr (top.out, commands[i]));
      run_cli (&run, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, commands[i]));
    }
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_import_txt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ann-cli-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "bài báo.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "bài báo.json", NULL);
  g_autofree char *written = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) validate = { 0 };
  JsonObject *document;

  /* CRLF, a BOM and decomposed diacritics: the import normalises all three. */
  g_assert_true (g_file_set_contents (txt, "\xef\xbb\xbf" "Tie\xcc\x82\xcc\x81u \xc4\x91\xe1\xbb\x81\r\n"
                                      "\r\nHòa bình 😀.\r\n", -1, NULL));

  run_cli (&to_stdout, "import", "--from", "txt", "--annotator", "an", txt, NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  root = parse_object (to_stdout.out);
  document = json_object_get_object_member (root, "document");
  g_assert_cmpstr (json_object_get_string_member (document, "text"), ==,
                   "Tiếu đề\n\nHòa bình 😀.\n");
  g_assert_cmpstr (json_object_get_string_member (document, "title"), ==, "Tiếu đề");
  g_assert_cmpstr (json_object_get_string_member (document, "source"), ==, "bài báo.txt");
  g_assert_cmpstr (json_object_get_string_member (root, "annotator"), ==, "an");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "labels")), ==, 7);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "entities")), ==, 0);

  run_cli (&to_file, "import", "--from", "txt", "--annotator", "an", txt, "-o", out, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "");
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, to_stdout.out);

  run_cli (&validate, "validate", out, NULL);
  g_assert_cmpint (validate.status, ==, 0);

  g_assert_cmpint (g_remove (out), ==, 0);
  g_assert_cmpint (g_remove (txt), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_import_bad_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ann-cli-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "latin1.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) missing = { 0 };

  g_assert_true (g_file_set_contents (txt, "Đắk N\xf4ng\n", -1, NULL));
  run_cli (&run, "import", "--from", "txt", txt, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "latin1.txt"));
  g_assert_nonnull (strstr (run.err, "byte 8"));
  /* No output file, not even an empty one. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_cli (&missing, "import", "--from", "txt", "/nonexistent/article.txt", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/article.txt"));

  g_assert_cmpint (g_remove (txt), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_import_mojibake_warns (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ann-cli-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "mojibake.txt", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (txt, "Ti\xc3\xa1\xc2\xba\xc2\xbfng Vi\xc3\xa1\xc2\xbb\xe2\x80\xa1t\n",
                                      -1, NULL));
  run_cli (&run, "import", "--from", "txt", txt, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "warning"));
  g_assert_nonnull (strstr (run.err, "Windows-1252"));

  g_assert_cmpint (g_remove (txt), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_stats (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) stats = NULL;
  g_auto(Run) json_run = { 0 };
  g_auto(Run) table_run = { 0 };
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *sample;
  JsonArray *entities;
  JsonObject *per_label;

  /* The expected counts come from the sample file itself, read independently. */
  g_assert_true (json_parser_load_from_file (parser, SAMPLE_DIR "/sample-article.json", NULL));
  sample = json_node_get_object (json_parser_get_root (parser));
  entities = json_object_get_array_member (sample, "entities");
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      const char *label = json_object_get_string_member (json_array_get_object_element (entities, i),
                                                         "label");
      g_hash_table_insert (expected, (char *) label,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (expected, label)) + 1));
    }

  run_cli (&json_run, "stats", "--json", SAMPLE_DIR "/sample-article.json", NULL);
  g_assert_cmpint (json_run.status, ==, 0);
  stats = parse_object (json_run.out);
  g_assert_cmpstr (json_object_get_string_member (stats, "document"), ==,
                   json_object_get_string_member (json_object_get_object_member (sample, "document"), "id"));
  g_assert_cmpint (json_object_get_int_member (stats, "entities"), ==, json_array_get_length (entities));
  g_assert_cmpint (json_object_get_int_member (stats, "characters"), ==,
                   g_utf8_strlen (json_object_get_string_member (json_object_get_object_member (sample, "document"), "text"), -1));
  per_label = json_object_get_object_member (stats, "per_label");
  g_assert_cmpuint (json_object_get_size (per_label), ==, 7);
  for (const char * const *l = (const char * const[]) { "PER", "LOC", "ORG", "DOC", "EVENT", "DATE", "MISC", NULL }; *l; l++)
    g_assert_cmpint (json_object_get_int_member (per_label, *l), ==,
                     GPOINTER_TO_UINT (g_hash_table_lookup (expected, *l)));

  run_cli (&table_run, "stats", SAMPLE_DIR "/sample-article.json", NULL);
  g_assert_cmpint (table_run.status, ==, 0);
  g_assert_nonnull (strstr (table_run.out, "Entities:   48"));
}

static void
test_stats_invalid (void)
{
  g_autofree char *bad = fixture_path ("invalid/text-mismatch.json");
  g_auto(Run) run = { 0 };

  run_cli (&run, "stats", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "T3"));
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Every format through the command line: export the fixture, import it back, and find the
 * same spans; formats that carry notes keep them. */
static void
test_export_import_round_trip (void)
{
  static const struct {
    const char *format;
    const char *output;     /* relative to the temporary folder */
    const char *import;     /* what to import back, NULL for export-only formats */
    gboolean    keeps_note;
  } cases[] = {
    { "brat", "out", "out.ann", TRUE },
    { "doccano", "out.jsonl", "out.jsonl", FALSE },
    { "labelstudio", "out.json", "out.json", TRUE },
    { "w3c", "out.w3c.json", "out.w3c.json", TRUE },
    { "conll", "out.conll", NULL, FALSE },
    { "csv", "out.csv", NULL, FALSE },
    { "html", "out.html", NULL, FALSE },
  };
  g_autofree char *fixture = fixture_path ("valid/formats-article.json");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("ann-cli-XXXXXX", NULL);
      g_autofree char *output = g_build_filename (dir, cases[i].output, NULL);
      g_autofree char *back = g_build_filename (dir, "back.json", NULL);
      g_autofree char *imported = NULL;
      g_auto(Run) export = { 0 };
      g_auto(Run) import = { 0 };
      g_auto(Run) stats = { 0 };

      run_cli (&export, "export", "--to", cases[i].format, fixture, "-o", output, NULL);
      g_assert_cmpint (export.status, ==, 0);
      if (cases[i].import == NULL)
        {
          g_autofree char *written = read_text (output);

          g_assert_nonnull (strstr (written, "Tiến"));
          continue;
        }

      {
        g_autofree char *input = g_build_filename (dir, cases[i].import, NULL);

        run_cli (&import, "import", "--from", cases[i].format, "--annotator", "binh", input,
                 "-o", back, NULL);
      }
      g_assert_cmpint (import.status, ==, 0);
      imported = read_text (back);
      /* The nested LOC of "Tỉnh ủy Đắk Nông" and the span across the line break survive. */
      g_assert_nonnull (strstr (imported, "\"start\": 37,\n      \"end\": 45"));
      g_assert_nonnull (strstr (imported, "\"text\": \"Kế hoạch số 39-KH/TU\\nphải xong\""));
      g_assert_nonnull (strstr (imported, "\"annotator\": \"binh\""));
      g_assert_true ((strstr (imported, "\"note\": \"Bí thư Tỉnh ủy\"") != NULL) == cases[i].keeps_note);

      run_cli (&stats, "stats", "--json", back, NULL);
      g_assert_cmpint (stats.status, ==, 0);
      g_assert_nonnull (strstr (stats.out, "\"entities\": 11"));
    }
}

static void
test_export_usage_and_errors (void)
{
  g_autofree char *fixture = fixture_path ("valid/formats-article.json");
  g_autofree char *bad = fixture_path ("invalid/unknown-label.json");
  g_autofree char *dir = g_dir_make_tmp ("ann-cli-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "out.jsonl", NULL);
  g_auto(Run) brat = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) to_stdout = { 0 };

  /* brat writes two files, so it needs -o. */
  run_cli (&brat, "export", "--to", "brat", fixture, NULL);
  g_assert_cmpint (brat.status, ==, 2);
  g_assert_nonnull (strstr (brat.err, "-o"));

  run_cli (&unknown, "export", "--to", "docx", fixture, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "brat"));

  /* An invalid input writes nothing. */
  run_cli (&invalid, "export", "--to", "doccano", bad, "-o", output, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_nonnull (strstr (invalid.err, "PERSON"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* doccano to standard output: one line, UTF-16 offsets (the emoji counts two). */
  run_cli (&to_stdout, "export", "--to", "doccano", fixture, NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_nonnull (strstr (to_stdout.out, "[14, 22, \"LOC\"]"));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_import_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ann-cli-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "bad.jsonl", NULL);
  g_autofree char *output = g_build_filename (dir, "out.json", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (input, "{\"text\": \"Lư\", \"label\": [[0, 5, \"PER\"]]}\n"
                                      "not json\n", -1, NULL));
  run_cli (&run, "import", "--from", "doccano", input, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, input));
  g_assert_nonnull (strstr (run.err, ":1:"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_remove (input), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("ANN_CLI"));

  g_test_add_func ("/cli/validate/sample", test_validate_sample);
  g_test_add_func ("/cli/validate/invalid-corpus", test_validate_invalid_corpus);
  g_test_add_func ("/cli/validate/mixed", test_validate_mixed_files);
  g_test_add_func ("/cli/validate/garbage", test_validate_garbage_file);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import/txt", test_import_txt);
  g_test_add_func ("/cli/import/bad-text", test_import_bad_text);
  g_test_add_func ("/cli/import/mojibake", test_import_mojibake_warns);
  g_test_add_func ("/cli/stats", test_stats);
  g_test_add_func ("/cli/stats/invalid", test_stats_invalid);
  g_test_add_func ("/cli/export-import/round-trip", test_export_import_round_trip);
  g_test_add_func ("/cli/export/usage-and-errors", test_export_usage_and_errors);
  g_test_add_func ("/cli/import/errors", test_import_errors);

  return g_test_run ();
}
