/* test-cli.c: the command-line contract: commands, output, exit statuses 0, 1 and 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ann-file.h"
#include "ann-text.h"
#include "test-tmp.h"

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

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
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

/* In Vietnamese, the default labels have their Vietnamese names, as in the window. */
static void
test_stats_in_vietnamese (void)
{
  g_auto(Run) run = { 0 };

  g_setenv ("LANGUAGE", "vi", TRUE);
  run_cli (&run, "stats", SAMPLE_DIR "/sample-article.json", NULL);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Số thực thể:"));
  g_assert_nonnull (strstr (run.out, "Người"));
  g_assert_null (strstr (run.out, "Person"));
}

/* A file that cannot be opened is said in our words, translated, not GLib's "Error opening
 * file", which its Vietnamese catalogue lacks. */
static void
test_unopenable_in_vietnamese (void)
{
  g_auto(Run) missing = { 0 };
  g_auto(Run) folder = { 0 };

  g_setenv ("LANGUAGE", "vi", TRUE);
  run_cli (&missing, "validate", "/nonexistent/bai.json", NULL);
  run_cli (&folder, "validate", SAMPLE_DIR, NULL);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "/nonexistent/bai.json"));
  g_assert_null (strstr (missing.err, "Error opening"));
  g_assert_nonnull (strstr (missing.err, "không"));
  g_assert_cmpint (folder.status, ==, 1);
  g_assert_nonnull (strstr (folder.err, "thư mục"));
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
  g_autofree char *dir = test_tmp_dir ("ann-cli");
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

/* Random bytes are refused at their first byte. This file is 50 MB of a valid article, and
 * only its last line is missing: validate reads to the end and says where the problem is. */
static void
test_validate_long_file_broken_at_end (void)
{
  static const char words[] = "Bí thư Tỉnh ủy Đắk Nông Vũ Tiến Lư làm việc với Hội nghị Trung ương. ";
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };

  while (text->len < 50 * 1024 * 1024)
    g_string_append (text, words);
  id = ann_text_compute_id (text->str);
  g_string_append_printf (json, "{\n  \"format\": \"article-annotator\",\n  \"version\": 1,\n"
                          "  \"document\": {\n    \"id\": \"%s\",\n    \"text\": \"%s\"\n  },\n"
                          "  \"labels\": [],\n  \"entities\": [\n", id, text->str);
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));

  run_cli (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strconcat (path, ": line 10, column 1: unexpected end of file", NULL);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_cmpstr (run.out, ==, "");
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
  g_autofree char *dir = test_tmp_dir ("ann-cli");
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
  g_autofree char *dir = test_tmp_dir ("ann-cli");
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
  g_autofree char *dir = test_tmp_dir ("ann-cli");
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

/* Writes valid/vietnamese.json with entity 2's @member set to @value, in @dir. */
static char *
write_changed_fixture (const char *dir,
                       const char *name,
                       const char *member,
                       const char *value)
{
  g_autofree char *source = fixture_path ("valid/vietnamese.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  JsonArray *entities;

  g_assert_true (json_parser_load_from_file (parser, source, NULL));
  entities = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "entities");
  json_object_set_string_member (json_array_get_object_element (entities, 2), member, value);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, NULL));
  return g_steal_pointer (&path);
}

/* Error messages quote the file (an entity's text, a label), which could hold escape sequences
 * for the terminal: their control characters, C0 and C1, are replaced as in stats, and the
 * message is not cut short however long it is. */
static void
test_errors_for_terminal (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autoptr(GString) text = g_string_new ("\x1b[2J\x1b[31mPWNED\xc2\x9b" "31m");
  g_autofree char *text_path = NULL;
  g_autofree char *label_path = NULL;
  g_auto(Run) text_run = { 0 };
  g_auto(Run) label_run = { 0 };

  for (guint i = 0; i < 100; i++)
    g_string_append (text, " Đắk Nông");
  text_path = write_changed_fixture (dir, "text.json", "text", text->str);
  label_path = write_changed_fixture (dir, "label.json", "label", "\x1b[2J\x1b[31mPWNED");

  run_cli (&text_run, "validate", text_path, NULL);
  g_assert_cmpint (text_run.status, ==, 1);
  g_assert_null (strchr (text_run.err, '\x1b'));
  g_assert_null (strstr (text_run.err, "\xc2\x9b"));
  g_assert_nonnull (strstr (text_run.err, "“\xef\xbf\xbd[2J\xef\xbf\xbd[31mPWNED\xef\xbf\xbd" "31m"));
  g_assert_nonnull (strstr (text_run.err, text->str + strlen ("\x1b[2J\x1b[31mPWNED\xc2\x9b" "31m")));
  /* One line, whole: a line feed ends it, as before. */
  g_assert_true (strchr (text_run.err, '\n') == text_run.err + strlen (text_run.err) - 1);

  run_cli (&label_run, "validate", label_path, NULL);
  g_assert_cmpint (label_run.status, ==, 1);
  g_assert_null (strchr (label_run.err, '\x1b'));
  g_assert_nonnull (strstr (label_run.err, "PWNED"));
}

/* A file name from the command line is a text like any other: no raw escape in the output. */
static void
test_names_for_terminal (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *path = test_copy_file (SAMPLE_DIR "/sample-article.json", dir, "e\x1b[31mvil.json");
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strchr (run.out, '\x1b'));
  g_assert_nonnull (strstr (run.out, "e\xef\xbf\xbd[31mvil.json: valid"));
}

/* Each message names the file once, and a folder where a file would be written is said so. */
static void
test_unopenable_and_folders (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *missing = g_build_filename (dir, "nothere.txt", NULL);
  g_auto(Run) import = { 0 };
  g_auto(Run) to_folder = { 0 };

  run_cli (&import, "import", "--from", "txt", missing, NULL);
  g_assert_cmpint (import.status, ==, 1);
  g_assert_true (g_str_has_prefix (import.err, missing));
  g_assert_null (strstr (import.err + strlen (missing), missing));

  run_cli (&to_folder, "import", "--from", "txt", SAMPLE_DIR "/sample-article.txt", "-o", dir, NULL);
  g_assert_cmpint (to_folder.status, ==, 1);
  g_assert_nonnull (strstr (to_folder.err, "is a folder"));
  g_assert_null (strstr (to_folder.err, "g_rename"));
}

/* An output that is the input under another name (a symbolic link) is refused as the input
 * itself is: an import's .txt, an export's annotations, a merge's annotators' files. */
static void
test_outputs_through_links (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *prefix = g_build_filename (dir, "bai", NULL);
  g_autofree char *ann = g_build_filename (dir, "bai.ann", NULL);
  g_autofree char *txt = g_build_filename (dir, "bai.txt", NULL);
  g_autofree char *txt_link = g_build_filename (dir, "link.txt", NULL);
  g_autofree char *input = test_copy_file (SAMPLE_DIR "/sample-article.json", dir, "in.json");
  g_autofree char *input_link = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *other = test_copy_file (SAMPLE_DIR "/sample-article.json", dir, "other.json");
  g_autofree char *other_link = g_build_filename (dir, "gold.json", NULL);
  g_autofree char *sample = read_text (SAMPLE_DIR "/sample-article.json");
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  g_autofree char *input_after = NULL;
  g_auto(Run) export = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) merge = { 0 };

  run_cli (&export, "export", "--to", "brat", input, "-o", prefix, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpint (symlink ("bai.txt", txt_link), ==, 0);
  g_assert_cmpint (symlink ("in.json", input_link), ==, 0);
  g_assert_cmpint (symlink ("other.json", other_link), ==, 0);

  text_before = read_text (txt);
  run_cli (&import, "import", "--from", "brat", ann, "-o", txt_link, NULL);
  g_assert_cmpint (import.status, ==, 2);
  text_after = read_text (txt);
  g_assert_cmpstr (text_after, ==, text_before);

  run_cli (&csv, "export", "--to", "csv", input, "-o", input_link, NULL);
  g_assert_cmpint (csv.status, ==, 2);
  run_cli (&merge, "merge", input, other, "-o", other_link, NULL);
  g_assert_cmpint (merge.status, ==, 2);
  input_after = read_text (input);
  g_assert_cmpstr (input_after, ==, sample);
  {
    g_autofree char *other_after = read_text (other);

    g_assert_cmpstr (other_after, ==, sample);
  }
}

/* A failed save names the file asked for and says why, not GLib's temporary file. */
static void
test_output_folder_missing (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "import", "--from", "txt", SAMPLE_DIR "/sample-article.txt",
           "-o", "/nonexistent/x.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "/nonexistent/x.json: the folder /nonexistent does not exist\n");
  g_assert_cmpstr (run.out, ==, "");
}

/* stats prints text from the file fit for a terminal: no control character (an escape
 * sequence in a title), and a one-line article's title cut after 200 characters. */
static void
test_stats_for_terminal (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *txt = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "a.json", NULL);
  g_autoptr(GString) long_title = g_string_new ("Ti\x1b[31mtle ");
  g_auto(Run) import = { 0 };
  g_auto(Run) stats = { 0 };
  const char *title_line;

  for (guint i = 0; i < 100; i++)
    g_string_append (long_title, "Đắk Nông ");
  g_string_append (long_title, "\n");
  g_assert_true (g_file_set_contents (txt, long_title->str, -1, NULL));
  run_cli (&import, "import", "--from", "txt", txt, "-o", json, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (&stats, "stats", json, NULL);
  g_assert_cmpint (stats.status, ==, 0);
  g_assert_null (strchr (stats.out, '\x1b'));
  title_line = strstr (stats.out, "Title:");
  g_assert_nonnull (title_line);
  g_assert_true (g_str_has_prefix (strchr (title_line, 'T') + strlen ("Title:      "), "Ti\xef\xbf\xbd[31mtle"));
  g_assert_nonnull (strstr (title_line, "…\n"));
  g_assert_cmpuint (g_utf8_strlen (title_line, strchr (title_line, '\n') - title_line), ==,
                    strlen ("Title:      ") + 200 + 1);

  g_assert_cmpint (g_remove (json), ==, 0);
  g_assert_cmpint (g_remove (txt), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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
      g_autofree char *dir = test_tmp_dir ("ann-cli");
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
  g_autofree char *dir = test_tmp_dir ("ann-cli");
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

/* An output that would overwrite what is being read is refused (exit 2) before anything is
 * written: the input itself, for export and import, and two parts of one export on one path. */
static void
test_outputs_that_would_overwrite (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *json = g_build_filename (dir, "a.json", NULL);
  g_autofree char *txt = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *w3c_out = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *after = NULL;
  g_autofree char *txt_after = NULL;
  g_auto(Run) export_over = { 0 };
  g_auto(Run) w3c = { 0 };
  g_auto(Run) import_over = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (SAMPLE_DIR "/sample-article.json", &sample, &length, NULL));
  g_assert_true (g_file_set_contents (json, sample, length, NULL));
  g_assert_true (g_file_set_contents (txt, "Tiêu đề\n\nHoà bình.\n", -1, NULL));

  run_cli (&export_over, "export", "--to", "csv", json, "-o", json, NULL);
  g_assert_cmpint (export_over.status, ==, 2);
  g_assert_nonnull (strstr (export_over.err, "a.json"));

  /* W3C writes OUT and OUT's .txt: "out.txt" would be both. */
  run_cli (&w3c, "export", "--to", "w3c", json, "-o", w3c_out, NULL);
  g_assert_cmpint (w3c.status, ==, 2);
  g_assert_nonnull (strstr (w3c.err, "out.txt"));
  g_assert_false (g_file_test (w3c_out, G_FILE_TEST_EXISTS));

  run_cli (&import_over, "import", "--from", "txt", txt, "-o", txt, NULL);
  g_assert_cmpint (import_over.status, ==, 2);

  g_assert_true (g_file_get_contents (json, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, sample);
  g_assert_true (g_file_get_contents (txt, &txt_after, NULL, NULL));
  g_assert_cmpstr (txt_after, ==, "Tiêu đề\n\nHoà bình.\n");

  g_assert_cmpint (g_remove (json), ==, 0);
  g_assert_cmpint (g_remove (txt), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* brat's two files are written together: when one cannot be, neither is. An output through a
 * symbolic link writes the file it points to, which keeps its permissions. */
static void
test_export_parts_together (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *prefix = g_build_filename (dir, "x", NULL);
  g_autofree char *ann = g_build_filename (dir, "x.ann", NULL);
  g_autofree char *txt = g_build_filename (dir, "x.txt", NULL);
  g_autofree char *real = g_build_filename (dir, "real.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(Run) folder = { 0 };
  g_auto(Run) through_link = { 0 };
  GStatBuf info;

  g_assert_cmpint (g_mkdir (ann, 0700), ==, 0);
  run_cli (&folder, "export", "--to", "brat", SAMPLE_DIR "/sample-article.json", "-o", prefix, NULL);
  g_assert_cmpint (folder.status, ==, 1);
  g_assert_nonnull (strstr (folder.err, "x.ann"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (real, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("real.csv", link), ==, 0);
  run_cli (&through_link, "export", "--to", "csv", SAMPLE_DIR "/sample-article.json", "-o", link, NULL);
  g_assert_cmpint (through_link.status, ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (real, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "id,label,start,end,text"));
  g_assert_cmpint (g_stat (real, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  g_assert_cmpint (g_remove (link), ==, 0);
  g_assert_cmpint (g_remove (real), ==, 0);
  g_assert_cmpint (g_rmdir (ann), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A file name that is not UTF-8 (an old archive's) becomes the document's source in UTF-8,
 * with U+FFFD for the bad byte, so the file written is valid. */
static void
test_import_name_not_utf8 (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *txt = g_build_filename (dir, "b\xe0i.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *written = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) validate = { 0 };

  g_assert_true (g_file_set_contents (txt, "Tiêu đề\n", -1, NULL));
  run_cli (&import, "import", "--from", "txt", txt, "-o", out, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "\"source\": \"b\xef\xbf\xbdi.txt\""));
  run_cli (&validate, "validate", out, NULL);
  g_assert_cmpint (validate.status, ==, 0);

  g_assert_cmpint (g_remove (out), ==, 0);
  g_assert_cmpint (g_remove (txt), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* "--" ends the options: a file whose name starts with "-" can follow it. */
static void
test_double_dash (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *sample = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_auto(Run) run = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (SAMPLE_DIR "/sample-article.json", &sample, &length, NULL));
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_assert_true (g_file_set_contents ("-x.json", sample, length, NULL));
  run_cli (&run, "validate", "--", "-x.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "-x.json: valid, 48 entities"));
  g_assert_cmpint (g_remove ("-x.json"), ==, 0);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* brat's -o is a prefix, dots and all; a name ending in .ann or .txt stands for its prefix. An
 * import may not write over the .txt it reads beside its input. */
static void
test_brat_prefix_and_text_beside (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *dotted = g_build_filename (dir, "bao.2023.09", NULL);
  g_autofree char *named = g_build_filename (dir, "bai.ann", NULL);
  g_autofree char *dotted_ann = g_strconcat (dotted, ".ann", NULL);
  g_autofree char *dotted_txt = g_strconcat (dotted, ".txt", NULL);
  g_autofree char *named_txt = g_build_filename (dir, "bai.txt", NULL);
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  g_auto(Run) export = { 0 };
  g_auto(Run) export_named = { 0 };
  g_auto(Run) import = { 0 };

  run_cli (&export, "export", "--to", "brat", SAMPLE_DIR "/sample-article.json", "-o", dotted,
           NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_test (dotted_ann, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (dotted_txt, G_FILE_TEST_IS_REGULAR));

  run_cli (&export_named, "export", "--to", "brat", SAMPLE_DIR "/sample-article.json", "-o",
           named, NULL);
  g_assert_cmpint (export_named.status, ==, 0);
  g_assert_true (g_file_test (named, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (named_txt, G_FILE_TEST_IS_REGULAR));

  text_before = read_text (dotted_txt);
  run_cli (&import, "import", "--from", "brat", dotted_ann, "-o", dotted_txt, NULL);
  g_assert_cmpint (import.status, ==, 2);
  g_assert_nonnull (strstr (import.err, "replace the file being imported"));
  text_after = read_text (dotted_txt);
  g_assert_cmpstr (text_after, ==, text_before);
}

static void
test_import_errors (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
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

/* --- agree and merge ---------------------------------------------------------------------- */

/* The fixtures of tests/data/agreement (made by make-fixtures.py): three annotators of
 *
 *   Bí thư Vũ Tiến Lư thăm Đắk Nông . | Ông Lư họp với Tỉnh ủy Đắk Nông ngày 21/03/2022 .
 *   0  1   2  3    4  5    6   7    8   9   10 11  12  13   14 15  16   17   18         19
 *
 * an:   PER Vũ Tiến Lư, LOC Đắk Nông (1st), PER Lư (2nd), ORG Tỉnh ủy Đắk Nông,
 *       LOC Đắk Nông (2nd, inside the ORG), DATE 21/03/2022                       (6)
 * binh: the same but no 2nd LOC and DATE "ngày 21/03/2022"; a rejected TITLE "Bí thư",
 *       which does not count                                                      (5)
 * chi:  PER Tiến Lư, ORG Đắk Nông (1st), PER Lư, ORG Tỉnh ủy Đắk Nông, DATE 21/03/2022 (5)
 *
 * an–binh: exact 4 (F1 8/11), overlap 5 (the DATEs overlap: 10/11). Per label: PER 2/2 → 1, 1;
 *   LOC 1 of 2 + 1 → 2/3, 2/3; ORG 1, 1; DATE 0, 1. Tokens (the ORG, the longest, covers its
 *   LOC): they differ only on "ngày" (O / DATE): agreed 19 of 20. an: O 9, PER 4, LOC 2, ORG 4,
 *   DATE 1; binh: O 8, PER 4, LOC 2, ORG 4, DATE 2. Σ = 72 + 16 + 4 + 16 + 2 = 110;
 *   κ = (19·20 − 110)/(400 − 110) = 270/290 = 27/29.
 * an–chi: exact 3 (Lư, the ORG, the DATE: 6/11); overlap adds Vũ Tiến Lư ~ Tiến Lư (8/11).
 *   PER 0.5, 1; LOC 0, 0; ORG 1 of 1 + 2 → 2/3, 2/3; DATE 1, 1. Tokens differ on Vũ, Đắk, Nông
 *   (1st): agreed 17. chi: O 10, PER 3, ORG 6, DATE 1. Σ = 90 + 12 + 0 + 24 + 1 = 127;
 *   κ = (340 − 127)/(400 − 127) = 213/273 = 71/91.
 * binh–chi: exact 2 (4/10 = 0.4), overlap 4 (0.8). PER 0.5, 1; LOC 0, 0; ORG 2/3, 2/3;
 *   DATE 0, 1. Tokens differ on Vũ, Đắk, Nông, ngày: agreed 16. Σ = 80 + 12 + 0 + 24 + 2 = 118;
 *   κ = (320 − 118)/(400 − 118) = 202/282 = 101/141.
 * Fleiss (n = 3, N = 20, Nn = 60): 16 tokens unanimous (Σⱼ n_ij² = 9), 4 split 2–1 (Vũ, Đắk,
 *   Nông, ngày: 5): S = 144 + 20 = 164. Totals O 27, PER 11, LOC 4, ORG 14, DATE 4:
 *   Q = 729 + 121 + 16 + 196 + 16 = 1078. κ = ((S − Nn)·Nn − Q(n − 1))/(((Nn)² − Q)(n − 1))
 *   = (104·60 − 2156)/(2522·2) = 4084/5044 = 1021/1261 (P̄ = 104/120 ≈ 0.867,
 *   P̄ₑ = 1078/3600 ≈ 0.299, (0.867 − 0.299)/0.701 ≈ 0.810).
 */

static char *
agreement_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "agreement", name, NULL);
}

static void
assert_figures (JsonObject *object,
                double      f1_exact,
                double      f1_overlap)
{
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "f1_exact"), f1_exact, 1e-15);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "f1_overlap"), f1_overlap, 1e-15);
}

/* One pair of `agree --json`: names, figures, and per_label with exactly these labels, in this
 * order, each followed by its exact and overlap F1. */
static void
assert_agreement_pair (JsonObject *pair,
                       const char *a,
                       const char *b,
                       double      f1_exact,
                       double      f1_overlap,
                       double      kappa,
                       ...)
{
  JsonObject *per_label = json_object_get_object_member (pair, "per_label");
  g_autoptr(GList) members = json_object_get_members (per_label);
  GList *member = members;
  const char *label;
  va_list args;

  g_assert_cmpstr (json_object_get_string_member (pair, "a"), ==, a);
  g_assert_cmpstr (json_object_get_string_member (pair, "b"), ==, b);
  assert_figures (pair, f1_exact, f1_overlap);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "kappa_tokens"), kappa, 1e-15);

  va_start (args, kappa);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      double label_exact = va_arg (args, double);
      double label_overlap = va_arg (args, double);

      g_assert_nonnull (member);
      g_assert_cmpstr (member->data, ==, label);
      assert_figures (json_object_get_object_member (per_label, label), label_exact, label_overlap);
      member = member->next;
    }
  va_end (args);
  g_assert_null (member);
}

static void
test_agree_json (void)
{
  g_autofree char *an = agreement_fixture ("an.json");
  g_autofree char *binh = agreement_fixture ("binh.json");
  g_autofree char *chi = agreement_fixture ("chi.json");
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) file = NULL;
  g_autofree char *an_text = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *annotators;
  JsonArray *pairs;

  run_cli (&run, "agree", "--json", an, binh, chi, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_object (run.out);

  g_assert_true (g_file_get_contents (an, &an_text, NULL, NULL));
  file = parse_object (an_text);
  g_assert_cmpstr (json_object_get_string_member (root, "document"), ==,
                   json_object_get_string_member (json_object_get_object_member (file, "document"), "id"));

  annotators = json_object_get_array_member (root, "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "an");
  g_assert_cmpstr (json_array_get_string_element (annotators, 1), ==, "binh");
  g_assert_cmpstr (json_array_get_string_element (annotators, 2), ==, "chi");

  pairs = json_object_get_array_member (root, "pairs");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 3);
  assert_agreement_pair (json_array_get_object_element (pairs, 0), "an", "binh",
                         8.0 / 11.0, 10.0 / 11.0, 27.0 / 29.0,
                         "PER", 1.0, 1.0, "LOC", 2.0 / 3.0, 2.0 / 3.0, "ORG", 1.0, 1.0,
                         "DATE", 0.0, 1.0, NULL);
  assert_agreement_pair (json_array_get_object_element (pairs, 1), "an", "chi",
                         6.0 / 11.0, 8.0 / 11.0, 71.0 / 91.0,
                         "PER", 0.5, 1.0, "LOC", 0.0, 0.0, "ORG", 2.0 / 3.0, 2.0 / 3.0,
                         "DATE", 1.0, 1.0, NULL);
  assert_agreement_pair (json_array_get_object_element (pairs, 2), "binh", "chi",
                         0.4, 0.8, 101.0 / 141.0,
                         "PER", 0.5, 1.0, "LOC", 0.0, 0.0, "ORG", 2.0 / 3.0, 2.0 / 3.0,
                         "DATE", 0.0, 1.0, NULL);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "fleiss_kappa_tokens"),
                                  1021.0 / 1261.0, 1e-15);

  /* Plain JSON numbers, written like Python's repr. */
  g_assert_nonnull (strstr (run.out, "\"kappa_tokens\": 0.9310344827586207,"));
  g_assert_nonnull (strstr (run.out, "\"f1_exact\": 0.4,"));
  g_assert_nonnull (strstr (run.out, "\"f1_exact\": 1.0,"));
  g_assert_true (g_str_has_suffix (run.out, "\"fleiss_kappa_tokens\": 0.809674861221253\n}\n"));
}

/* Two files: no Fleiss' kappa. Files that share an annotator's name go by their file names. */
static void
test_agree_names (void)
{
  g_autofree char *an = agreement_fixture ("an.json");
  g_autofree char *an_lai = agreement_fixture ("an-lai.json");
  g_autofree char *no_name = agreement_fixture ("no-name.json");
  g_autofree char *empty = agreement_fixture ("empty.json");
  g_autoptr(JsonObject) two = NULL;
  g_autoptr(JsonObject) three = NULL;
  g_auto(Run) two_run = { 0 };
  g_auto(Run) three_run = { 0 };
  JsonArray *annotators;
  JsonObject *pair;

  /* an against an empty file: F1 0; κ = 0, since only the 9 O tokens of an agree with dung's
   * 20: Σ = 9·20 = 180, κ = (9·20 − 180)/(400 − 180) = 0. */
  run_cli (&two_run, "agree", an, empty, "--json", NULL);
  g_assert_cmpint (two_run.status, ==, 0);
  two = parse_object (two_run.out);
  g_assert_false (json_object_has_member (two, "fleiss_kappa_tokens"));
  pair = json_array_get_object_element (json_object_get_array_member (two, "pairs"), 0);
  assert_agreement_pair (pair, "an", "dung", 0.0, 0.0, 0.0,
                         "PER", 0.0, 0.0, "LOC", 0.0, 0.0, "ORG", 0.0, 0.0, "DATE", 0.0, 0.0, NULL);

  run_cli (&three_run, "agree", "--json", an, an_lai, no_name, NULL);
  g_assert_cmpint (three_run.status, ==, 0);
  three = parse_object (three_run.out);
  annotators = json_object_get_array_member (three, "annotators");
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "an");
  g_assert_cmpstr (json_array_get_string_element (annotators, 1), ==, "an-lai");
  g_assert_cmpstr (json_array_get_string_element (annotators, 2), ==, "no-name");
  /* an-lai.json holds an's entities, no-name.json chi's. */
  pair = json_array_get_object_element (json_object_get_array_member (three, "pairs"), 0);
  assert_agreement_pair (pair, "an", "an-lai", 1.0, 1.0, 1.0,
                         "PER", 1.0, 1.0, "LOC", 1.0, 1.0, "ORG", 1.0, 1.0, "DATE", 1.0, 1.0, NULL);
  pair = json_array_get_object_element (json_object_get_array_member (three, "pairs"), 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair, "kappa_tokens"),
                                  71.0 / 91.0, 1e-15);
}

static void
test_agree_table (void)
{
  g_autofree char *an = agreement_fixture ("an.json");
  g_autofree char *binh = agreement_fixture ("binh.json");
  g_autofree char *chi = agreement_fixture ("chi.json");
  g_auto(Run) run = { 0 };
  g_auto(Run) pair_run = { 0 };

  run_cli (&run, "agree", an, binh, chi, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Document:   sha256:"));
  g_assert_nonnull (strstr (run.out, "\nAnnotators: an, binh, chi\n\n"
                            "Pair        Label  Exact F1  Overlap F1  Token κ\n"
                            "an – binh   all       0.727       0.909    0.931\n"
                            "            PER       1.000       1.000\n"
                            "            LOC       0.667       0.667\n"
                            "            ORG       1.000       1.000\n"
                            "            DATE      0.000       1.000\n"
                            "an – chi    all       0.545       0.727    0.780\n"));
  g_assert_nonnull (strstr (run.out, "binh – chi  all       0.400       0.800    0.716\n"));
  g_assert_true (g_str_has_suffix (run.out, "\nFleiss' κ over tokens (3 annotators): 0.810\n"));

  run_cli (&pair_run, "agree", an, binh, NULL);
  g_assert_cmpint (pair_run.status, ==, 0);
  g_assert_null (strstr (pair_run.out, "Fleiss"));
}

static void
test_agree_errors (void)
{
  g_autofree char *an = agreement_fixture ("an.json");
  g_autofree char *other = agreement_fixture ("other-document.json");
  g_autofree char *bad = fixture_path ("invalid/unknown-label.json");
  const char *usage[][3] = {
    { "agree", NULL },
    { "agree", an, NULL },
    { "agree", "--bogus", an },
  };
  g_auto(Run) different = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) help = { 0 };

  /* Different articles: status 1, and the message names the files. */
  run_cli (&different, "agree", an, other, NULL);
  g_assert_cmpint (different.status, ==, 1);
  g_assert_cmpstr (different.out, ==, "");
  g_assert_nonnull (strstr (different.err, an));
  g_assert_nonnull (strstr (different.err, other));

  run_cli (&invalid, "agree", an, bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_true (g_str_has_prefix (invalid.err, bad));

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, usage[i][0], usage[i][1], usage[i][2], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }

  run_cli (&help, "agree", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "agree"));
  g_assert_nonnull (strstr (help.out, "--json"));
}

/* "T1 PER 7 17 accepted an,binh" per entity, as the gold file says. */
static char *
describe_entities (AnnFile *gold)
{
  AnnEntityStore *store = ann_file_get_entities (gold);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, i);
      g_autofree char *annotators = g_strjoinv (",", (char **) ann_entity_get_annotators (entity));

      g_string_append_printf (out, "%s %s %u %u %s %s\n", ann_entity_get_id (entity),
                              ann_entity_get_label (entity), ann_entity_get_start (entity),
                              ann_entity_get_end (entity),
                              ann_entity_status_to_string (ann_entity_get_status (entity)),
                              annotators);
    }
  return g_string_free (out, FALSE);
}

static AnnFile *
load_gold (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnFile *gold = ann_file_load (file, &error);

  g_assert_no_error (error);
  return gold;
}

/* The default threshold with three files is two. Candidates (see the fixtures above): PER Vũ
 * Tiến Lư (an, binh), PER Tiến Lư (chi), LOC and ORG on the first Đắk Nông (an, binh / chi),
 * PER Lư (all), ORG Tỉnh ủy Đắk Nông (all), the second LOC (an), DATE ngày 21/03/2022 (binh),
 * DATE 21/03/2022 (an, chi); binh's rejected TITLE is no candidate. */
static void
test_merge (void)
{
  g_autofree char *an = agreement_fixture ("an.json");
  g_autofree char *binh = agreement_fixture ("binh.json");
  g_autofree char *chi = agreement_fixture ("chi.json");
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *out = g_build_filename (dir, "gold.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *entities = NULL;
  g_autoptr(AnnFile) gold = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) to_stdout = { 0 };
  AnnEntityStore *store;
  AnnLabelSchema *labels;

  run_cli (&run, "merge", an, binh, chi, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "gold.json: 9 entities, 5 accepted, 4 pending"));

  gold = load_gold (out);
  entities = describe_entities (gold);
  g_assert_cmpstr (entities, ==,
                   "T1 PER 7 17 accepted an,binh\n"
                   "T2 PER 10 17 pending chi\n"
                   "T3 LOC 23 31 accepted an,binh\n"
                   "T4 ORG 23 31 pending chi\n"
                   "T5 PER 37 39 accepted an,binh,chi\n"
                   "T6 ORG 48 64 accepted an,binh,chi\n"
                   "T7 LOC 56 64 pending an\n"
                   "T8 DATE 65 80 pending binh\n"
                   "T9 DATE 70 80 accepted an,chi\n");
  store = ann_file_get_entities (gold);
  g_assert_cmpstr (ann_entity_get_note (ann_entity_store_get_nth (store, 0)), ==,
                   "an: Bí thư; binh: Bí thư tỉnh");
  g_assert_cmpstr (ann_entity_get_ref (ann_entity_store_get_nth (store, 0)), ==, "Q111");
  g_assert_cmpstr (ann_entity_get_note (ann_entity_store_get_nth (store, 8)), ==, "ngày họp");
  g_assert_null (ann_file_get_annotator (gold));

  /* The labels of all three files; chi's ROLE wanted binh's key 8. */
  labels = ann_file_get_labels (gold);
  g_assert_cmpuint (ann_label_schema_get_n_labels (labels), ==, 9);
  g_assert_cmpstr (ann_label_get_key (ann_label_schema_lookup (labels, "TITLE")), ==, "8");
  g_assert_null (ann_label_get_key (ann_label_schema_lookup (labels, "ROLE")));

  run_cli (&validate, "validate", out, NULL);
  g_assert_cmpint (validate.status, ==, 0);

  /* Without -o, the same file goes to standard output. */
  run_cli (&to_stdout, "merge", an, binh, chi, NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (to_stdout.out, ==, written);

  g_assert_cmpint (g_remove (out), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* --min-agree 1 accepts all nine; 3 (every file) only Lư and Tỉnh ủy Đắk Nông. */
static void
test_merge_min_agree (void)
{
  g_autofree char *an = agreement_fixture ("an.json");
  g_autofree char *binh = agreement_fixture ("binh.json");
  g_autofree char *chi = agreement_fixture ("chi.json");
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *out = g_build_filename (dir, "gold.json", NULL);
  g_autofree char *entities = NULL;
  g_autoptr(AnnFile) gold = NULL;
  g_auto(Run) any = { 0 };
  g_auto(Run) all = { 0 };

  run_cli (&any, "merge", "--min-agree", "1", an, binh, chi, "-o", out, NULL);
  g_assert_cmpint (any.status, ==, 0);
  g_assert_nonnull (strstr (any.out, "9 entities, 9 accepted, 0 pending"));

  run_cli (&all, "merge", "--min-agree", "3", "--annotator", "mai", an, binh, chi, "-o", out, NULL);
  g_assert_cmpint (all.status, ==, 0);
  gold = load_gold (out);
  entities = describe_entities (gold);
  g_assert_cmpstr (entities, ==,
                   "T1 PER 7 17 pending an,binh\n"
                   "T2 PER 10 17 pending chi\n"
                   "T3 LOC 23 31 pending an,binh\n"
                   "T4 ORG 23 31 pending chi\n"
                   "T5 PER 37 39 accepted an,binh,chi\n"
                   "T6 ORG 48 64 accepted an,binh,chi\n"
                   "T7 LOC 56 64 pending an\n"
                   "T8 DATE 65 80 pending binh\n"
                   "T9 DATE 70 80 pending an,chi\n");
  g_assert_cmpstr (ann_file_get_annotator (gold), ==, "mai");

  g_assert_cmpint (g_remove (out), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_merge_errors (void)
{
  g_autofree char *an = agreement_fixture ("an.json");
  g_autofree char *binh = agreement_fixture ("binh.json");
  g_autofree char *chi = agreement_fixture ("chi.json");
  g_autofree char *other = agreement_fixture ("other-document.json");
  g_autofree char *with_relations = fixture_path ("valid/vietnamese.json");
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *out = g_build_filename (dir, "gold.json", NULL);
  const char *usage[][5] = {
    { "merge", an, NULL },
    { "merge", "--min-agree", "0", an, binh },
    { "merge", "--min-agree", "4", an, binh },
    { "merge", "--min-agree", "-1", an, binh },
    { "merge", "--min-agree", "two", an, binh },
  };
  g_auto(Run) different = { 0 };
  g_auto(Run) relations = { 0 };
  g_auto(Run) help = { 0 };

  /* Different articles: status 1, the files named, nothing written. */
  run_cli (&different, "merge", an, other, chi, "-o", out, NULL);
  g_assert_cmpint (different.status, ==, 1);
  g_assert_nonnull (strstr (different.err, other));
  g_assert_nonnull (strstr (different.err, an));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, usage[i][0], usage[i][1], usage[i][2], usage[i][3], usage[i][4], "-o", out, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  /* Relations are not merged, and the user hears of it. */
  run_cli (&relations, "merge", with_relations, with_relations, "-o", out, NULL);
  g_assert_cmpint (relations.status, ==, 0);
  g_assert_nonnull (strstr (relations.err, "relations are not merged"));
  g_assert_cmpint (g_remove (out), ==, 0);

  run_cli (&help, "merge", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--min-agree"));
  g_assert_nonnull (strstr (help.out, "--annotator"));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* --- suggest ------------------------------------------------------------------------------ */

/* "LABEL:text:status" of each entity, one a line. */
static char *
suggest_describe (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = ann_file_load_data (json, strlen (json), "output", &error);
  AnnEntityStore *store;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  store = ann_file_get_entities (file);
  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, i);

      g_string_append_printf (out, "%s:%s:%s\n", ann_entity_get_label (entity),
                              ann_entity_get_text (entity),
                              ann_entity_status_to_string (ann_entity_get_status (entity)));
    }
  return g_string_free (out, FALSE);
}

/* On a freshly imported article: standard output and -o agree, the output is valid, and a
 * second run adds nothing. */
static void
test_suggest_output (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *in = g_build_filename (dir, "bài.json", NULL);
  g_autofree char *out = g_build_filename (dir, "gợi ý.json", NULL);
  g_autofree char *again = g_build_filename (dir, "again.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;
  g_autofree char *described = NULL;
  g_autofree char *message = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) second = { 0 };
  guint n_pending = 0;

  run_cli (&import, "import", "--from", "txt", SAMPLE_DIR "/sample-article.txt", "-o", in, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (&to_stdout, "suggest", in, NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.err, ==, "");
  described = suggest_describe (to_stdout.out);
  g_assert_nonnull (strstr (described, "DOC:Kế hoạch số 45-KH/TU:pending\n"));
  g_assert_nonnull (strstr (described, "EVENT:Hội nghị Trung ương 8 (khóa XIII):pending\n"));
  g_assert_nonnull (strstr (described, "DATE:5 tháng 7 năm 2023:pending\n"));
  g_assert_nonnull (strstr (described, "LOC:Quảng Trị:pending\n"));
  for (const char *p = described; (p = strstr (p, ":pending\n")) != NULL; p++)
    n_pending++;
  g_assert_cmpuint (n_pending, >=, 30);

  run_cli (&to_file, "suggest", in, "-o", out, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  message = g_strdup_printf ("%s: %u suggestions added\n", out, n_pending);
  g_assert_cmpstr (to_file.out, ==, message);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, to_stdout.out);

  run_cli (&validate, "validate", out, NULL);
  g_assert_cmpint (validate.status, ==, 0);

  run_cli (&second, "suggest", out, "-o", again, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "0 suggestions added"));
  g_assert_true (g_file_get_contents (again, &written_again, NULL, NULL));
  g_assert_cmpstr (written_again, ==, written);

  g_assert_cmpint (g_remove (again), ==, 0);
  g_assert_cmpint (g_remove (out), ==, 0);
  g_assert_cmpint (g_remove (in), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The sample's annotation already holds everything the rules find: nothing changes. */
static void
test_suggest_keeps_entities (void)
{
  g_autofree char *original = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_get_contents (SAMPLE_DIR "/sample-article.json", &original, NULL, NULL));
  run_cli (&run, "suggest", SAMPLE_DIR "/sample-article.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, original);
}

/* --rules replaces the bundled rules; --gazetteer adds to the bundled lists. */
static void
test_suggest_rules_and_gazetteer (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *in = g_build_filename (dir, "in.json", NULL);
  g_autofree char *rules = g_build_filename (dir, "rules.json", NULL);
  g_autofree char *list = g_build_filename (dir, "list.txt", NULL);
  g_autofree char *described = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) run = { 0 };
  const char *rules_json =
    "{\"format\": \"article-annotator-suggest-rules\", \"version\": 1, \"rules\": [\n"
    "  {\"id\": \"year\", \"label\": \"DATE\", \"pattern\": \"năm (?<s>2022)\"}]}\n";

  g_assert_true (g_file_set_contents (rules, rules_json, -1, NULL));
  g_assert_true (g_file_set_contents (list, "# label: MISC\nVietGAP\n", -1, NULL));
  run_cli (&import, "import", "--from", "txt", SAMPLE_DIR "/sample-article.txt", "-o", in, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (&run, "suggest", in, "--rules", rules, "--gazetteer", list, NULL);
  g_assert_cmpint (run.status, ==, 0);
  described = suggest_describe (run.out);
  g_assert_cmpstr (described, ==,
                   "LOC:Quảng Trị:pending\n"
                   "LOC:Quảng Trị:pending\n"
                   "LOC:Quảng Trị:pending\n"
                   "LOC:Quảng Trị:pending\n"
                   "DATE:2022:pending\n"
                   "MISC:VietGAP:pending\n");

  g_assert_cmpint (g_remove (list), ==, 0);
  g_assert_cmpint (g_remove (rules), ==, 0);
  g_assert_cmpint (g_remove (in), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_suggest_errors (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-cli");
  g_autofree char *rules = g_build_filename (dir, "bad-rules.json", NULL);
  g_autofree char *list = g_build_filename (dir, "no-label.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *invalid = fixture_path ("invalid/unknown-label.json");
  const char *sample = SAMPLE_DIR "/sample-article.json";
  const char *usage[][4] = {
    { "suggest", NULL },
    { "suggest", sample, sample, NULL },
    { "suggest", "--bogus", sample, NULL },
    { "suggest", sample, "--rules", NULL },
  };
  g_auto(Run) bad_rules = { 0 };
  g_auto(Run) bad_list = { 0 };
  g_auto(Run) no_rules = { 0 };
  g_auto(Run) bad_input = { 0 };
  g_auto(Run) help = { 0 };

  g_assert_true (g_file_set_contents (rules,
                                      "{\"format\": \"article-annotator-suggest-rules\", "
                                      "\"version\": 1, \"rules\": [{\"id\": \"x\", "
                                      "\"label\": \"DOC\", \"pattern\": \"(số\"}]}", -1, NULL));
  g_assert_true (g_file_set_contents (list, "Hà Nội\n", -1, NULL));

  run_cli (&bad_rules, "suggest", sample, "--rules", rules, NULL);
  g_assert_cmpint (bad_rules.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad_rules.err, rules));
  g_assert_nonnull (strstr (bad_rules.err,
                            "$.rules[0] (“x”).pattern: the pattern does not compile"));
  g_assert_cmpstr (bad_rules.out, ==, "");

  run_cli (&bad_list, "suggest", sample, "--gazetteer", list, NULL);
  g_assert_cmpint (bad_list.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad_list.err, list));
  g_assert_nonnull (strstr (bad_list.err, "# label: LOC"));

  run_cli (&no_rules, "suggest", sample, "--rules", missing, NULL);
  g_assert_cmpint (no_rules.status, ==, 1);
  g_assert_nonnull (strstr (no_rules.err, missing));

  run_cli (&bad_input, "suggest", invalid, NULL);
  g_assert_cmpint (bad_input.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad_input.err, invalid));

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, usage[i][0], usage[i][1], usage[i][2], usage[i][3], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }

  run_cli (&help, "suggest", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--gazetteer"));
  g_assert_nonnull (strstr (help.out, "--rules"));

  g_assert_cmpint (g_remove (list), ==, 0);
  g_assert_cmpint (g_remove (rules), ==, 0);
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
  g_test_add_func ("/cli/validate/long-file-broken-at-end", test_validate_long_file_broken_at_end);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/import/txt", test_import_txt);
  g_test_add_func ("/cli/import/bad-text", test_import_bad_text);
  g_test_add_func ("/cli/import/mojibake", test_import_mojibake_warns);
  g_test_add_func ("/cli/stats", test_stats);
  g_test_add_func ("/cli/stats/invalid", test_stats_invalid);
  g_test_add_func ("/cli/stats/for-terminal", test_stats_for_terminal);
  g_test_add_func ("/cli/errors-for-terminal", test_errors_for_terminal);
  g_test_add_func ("/cli/names-for-terminal", test_names_for_terminal);
  g_test_add_func ("/cli/unopenable-and-folders", test_unopenable_and_folders);
  g_test_add_func ("/cli/outputs-through-links", test_outputs_through_links);
  g_test_add_func ("/cli/export-import/round-trip", test_export_import_round_trip);
  g_test_add_func ("/cli/export/usage-and-errors", test_export_usage_and_errors);
  g_test_add_func ("/cli/import/errors", test_import_errors);
  g_test_add_func ("/cli/stats/vietnamese", test_stats_in_vietnamese);
  g_test_add_func ("/cli/unopenable/vietnamese", test_unopenable_in_vietnamese);
  g_test_add_func ("/cli/output-folder-missing", test_output_folder_missing);
  g_test_add_func ("/cli/brat-prefix-and-text-beside", test_brat_prefix_and_text_beside);
  g_test_add_func ("/cli/double-dash", test_double_dash);
  g_test_add_func ("/cli/outputs-that-would-overwrite", test_outputs_that_would_overwrite);
  g_test_add_func ("/cli/export/parts-together", test_export_parts_together);
  g_test_add_func ("/cli/import/name-not-utf8", test_import_name_not_utf8);
  g_test_add_func ("/cli/agree/json", test_agree_json);
  g_test_add_func ("/cli/agree/names", test_agree_names);
  g_test_add_func ("/cli/agree/table", test_agree_table);
  g_test_add_func ("/cli/agree/errors", test_agree_errors);
  g_test_add_func ("/cli/merge", test_merge);
  g_test_add_func ("/cli/merge/min-agree", test_merge_min_agree);
  g_test_add_func ("/cli/merge/errors", test_merge_errors);
  g_test_add_func ("/cli/suggest/output", test_suggest_output);
  g_test_add_func ("/cli/suggest/keeps-entities", test_suggest_keeps_entities);
  g_test_add_func ("/cli/suggest/rules-and-gazetteer", test_suggest_rules_and_gazetteer);
  g_test_add_func ("/cli/suggest/errors", test_suggest_errors);

  return g_test_run ();
}
