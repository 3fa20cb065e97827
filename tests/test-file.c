/* test-file.c: the native file format: strict loading, deterministic and atomic saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ann-error.h"
#include "ann-file.h"
#include "ann-text.h"

#include <json-glib/json-glib.h>
#include "test-tmp.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* Loading and serialising gives back the very bytes that were loaded. */
static void
assert_round_trip_identical (const char *path)
{
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(AnnFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gsize length;

  file = ann_file_load_data (g_bytes_get_data (original, NULL), g_bytes_get_size (original),
                             path, &error);
  g_assert_no_error (error);

  written = ann_file_serialize (file, &length);
  g_assert_cmpuint (length, ==, g_bytes_get_size (original));
  g_assert_cmpmem (written, length, g_bytes_get_data (original, NULL), length);
}

static void
test_round_trip_sample (void)
{
  assert_round_trip_identical (SAMPLE_DIR "/sample-article.json");
}

static void
test_round_trip_fixtures (void)
{
  g_autofree char *vietnamese = fixture_path ("valid/vietnamese.json");
  g_autofree char *empty = fixture_path ("valid/no-entities.json");

  assert_round_trip_identical (vietnamese);
  assert_round_trip_identical (empty);
}

static void
test_load_reads_every_member (void)
{
  g_autofree char *path = fixture_path ("valid/vietnamese.json");
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = ann_file_load (gfile, &error);
  AnnEntityStore *entities;
  AnnEntity *person;
  AnnEntity *event;
  AnnRelation *relation;

  g_assert_no_error (error);
  g_assert_cmpstr (ann_file_get_annotator (file), ==, "an");
  g_assert_cmpstr (ann_document_get_language (ann_file_get_document (file)), ==, "vi");
  g_assert_cmpuint (ann_label_schema_get_n_labels (ann_file_get_labels (file)), ==, 7);

  entities = ann_file_get_entities (file);
  g_assert_cmpuint (ann_entity_store_get_n_entities (entities), ==, 8);

  /* The emoji before "phát" counts as one character. */
  person = ann_entity_store_lookup_id (entities, "T3");
  g_assert_cmpstr (ann_entity_get_text (person), ==, "Vũ Tiến Lư");
  g_assert_cmpuint (ann_entity_get_start (person), ==, 26);
  g_assert_cmpstr (ann_entity_get_note (person), ==, "Bí thư; tên đầy đủ");
  g_assert_cmpstr (ann_entity_get_ref (person), ==, "Q0000001");

  event = ann_entity_store_lookup_id (entities, "T4");
  g_assert_cmpuint (ann_entity_get_start (event), ==, 53);
  g_assert_cmpstr (ann_entity_get_annotators (event)[1], ==, "binh");
  g_assert_cmpint (ann_entity_get_status (ann_entity_store_lookup_id (entities, "T5")), ==,
                   ANN_ENTITY_STATUS_PENDING);

  g_assert_cmpuint (ann_file_get_relations (file)->len, ==, 1);
  relation = g_ptr_array_index (ann_file_get_relations (file), 0);
  g_assert_cmpstr (relation->type, ==, "member_of");
}

/* Every file of tests/data/invalid holds one problem; EXPECTED names a fragment of the
 * message that must describe it. */
static void
test_invalid_corpus (void)
{
  g_autofree char *manifest_path = fixture_path ("invalid/EXPECTED");
  g_autofree char *manifest = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, NULL));
  lines = g_strsplit (manifest, "\n", -1);

  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_autofree char *name = g_strconcat ("invalid/", fields[0], NULL);
      g_autofree char *path = fixture_path (name);
      g_autoptr(GFile) gfile = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnFile) file = ann_file_load (gfile, &error);

      g_test_message ("%s: %s", fields[0], error ? error->message : "(loaded)");
      g_assert_null (file);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ANN_ERROR);
      g_assert_true (g_str_has_prefix (error->message, path));
      if (strstr (error->message, fields[1]) == NULL)
        g_error ("%s: the message “%s” lacks “%s”", fields[0], error->message, fields[1]);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 40);
}

static char *
load_error_message (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = ann_file_load (gfile, &error);

  g_assert_null (file);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

/* A text that differs from its slice gets a hint only when the hint is true: the text is
 * there at byte offsets, or at UTF-16 offsets, or it is the slice in NFD. */
static void
test_mismatch_hints (void)
{
  g_autofree char *plain = load_error_message ("invalid/text-mismatch.json");
  g_autofree char *bytes = load_error_message ("invalid/byte-offsets.json");
  g_autofree char *utf16 = load_error_message ("invalid/utf16-offsets.json");
  g_autofree char *nfd = load_error_message ("invalid/entity-text-nfd.json");

  g_assert_null (strstr (plain, "offsets count"));
  g_assert_nonnull (strstr (bytes, "not bytes"));
  g_assert_null (strstr (bytes, "UTF-16"));
  g_assert_nonnull (strstr (utf16, "not UTF-16 units"));
  g_assert_null (strstr (utf16, "not bytes"));
  /* Not “does not match … which reads” the same-looking string. */
  g_assert_nonnull (strstr (nfd, "NFC"));
  g_assert_null (strstr (nfd, "does not match"));
}

static void
test_version_error_code (void)
{
  g_autofree char *path = fixture_path ("invalid/version-2.json");
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = ann_file_load (gfile, &error);

  g_assert_null (file);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_VERSION);
}

static void
test_garbage_refused (void)
{
  gsize size = 50 * 1024 * 1024;
  g_autofree char *garbage = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = NULL;

  for (gsize i = 0; i < size; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);
  /* Start like JSON so the syntax pass has to read on rather than stop at the first byte. */
  memcpy (garbage, "{\"format\": \"", 12);

  file = ann_file_load_data (garbage, size, "garbage.json", &error);
  g_assert_null (file);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "garbage.json: line "));
}

/* A file that is valid but for @break_at_end: its one entity, at the end of @text, has the
 * wrong text, or the file lacks its last brace. Written by hand, not through AnnFile, so that
 * building it takes little time. */
typedef enum {
  BREAK_ENTITY_TEXT,
  BREAK_LAST_BRACE,
} BreakAtEnd;

static GString *
make_long_file (GString    *text,
                const char *id,
                BreakAtEnd  break_at_end)
{
  GString *json = g_string_sized_new (text->len + 1024);
  glong n_chars = g_utf8_strlen (text->str, text->len);
  const char *from = g_utf8_offset_to_pointer (text->str, n_chars - 21);
  g_autofree char *slice = g_strndup (from, text->str + text->len - 2 - from);

  g_string_append_printf (json, "{\n  \"format\": \"article-annotator\",\n  \"version\": 1,\n"
                          "  \"document\": {\n    \"id\": \"%s\",\n    \"text\": \"", id);
  g_string_append_len (json, text->str, text->len);
  g_string_append_printf (json, "\"\n  },\n  \"labels\": [\n    {\n      \"id\": \"EVENT\"\n    }\n  ],\n"
                          "  \"entities\": [\n    {\n      \"id\": \"T1\",\n      \"label\": \"EVENT\",\n"
                          "      \"start\": %ld,\n      \"end\": %ld,\n      \"text\": \"%s\"\n    }\n  ]\n}\n",
                          n_chars - 21, n_chars - 2,
                          break_at_end == BREAK_ENTITY_TEXT ? "Hội nghị Trung ương 4" : slice);
  if (break_at_end == BREAK_LAST_BRACE)
    g_string_truncate (json, json->len - 2);
  return json;
}

/* Random bytes are refused within a few bytes; these files of 50 MB of Vietnamese words make
 * the loader read to their end, where it must find the one problem and say where it is. */
static void
test_long_file_broken_at_end (void)
{
  static const char words[] = "Bí thư Tỉnh ủy Đắk Nông Vũ Tiến Lư làm việc với Hội nghị Trung ương. ";
  gsize size = 50 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (size + sizeof words);
  g_autoptr(GString) wrong_text = NULL;
  g_autoptr(GString) truncated = NULL;
  g_autofree char *id = NULL;
  g_autofree char *span = NULL;
  g_autoptr(AnnFile) file = NULL;
  g_autoptr(GError) error = NULL;
  glong n_chars;

  while (text->len < size)
    g_string_append (text, words);
  id = ann_text_compute_id (text->str);
  n_chars = g_utf8_strlen (text->str, text->len);
  wrong_text = make_long_file (text, id, BREAK_ENTITY_TEXT);
  truncated = make_long_file (text, id, BREAK_LAST_BRACE);

  /* Refused for the entity, so all before it (syntax, text, hash, labels) was read and valid. */
  file = ann_file_load_data (wrong_text->str, wrong_text->len, "long.json", &error);
  g_assert_null (file);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
  g_test_message ("%.200s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "long.json: $.entities[0] (“T1”): "));
  span = g_strdup_printf ("at %ld–%ld, which reads “Hội nghị Trung ương”", n_chars - 21, n_chars - 2);
  g_assert_nonnull (strstr (error->message, span));
  g_clear_error (&error);

  file = ann_file_load_data (truncated->str, truncated->len, "long.json", &error);
  g_assert_null (file);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_SYNTAX);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "long.json: line 22, column 1: "));
  g_assert_nonnull (strstr (error->message, "unexpected end of file"));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) gfile = g_file_new_for_path ("/nonexistent/dir/file.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = ann_file_load (gfile, &error);

  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A text of @n_sentences Vietnamese sentences with an emoji in each, and three entities per
 * sentence, one of them nested in another. */
static AnnFile *
make_large_file (guint n_sentences)
{
  static const char sentence[] = "Ông Vũ Tiến Lư 😀 làm việc với Tỉnh ủy Đắk Nông. ";
  g_autoptr(GString) text = g_string_new ("Tiêu đề\n");
  g_autoptr(AnnDocument) document = NULL;
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  AnnFile *file;
  glong sentence_length = g_utf8_strlen (sentence, -1);

  for (guint i = 0; i < n_sentences; i++)
    g_string_append (text, sentence);
  document = ann_document_new (text->str, NULL);
  file = ann_file_new (document, labels);

  for (guint i = 0; i < n_sentences; i++)
    {
      guint base = 8 + i * sentence_length;
      struct { const char *label; guint start, end; } spans[] = {
        { "PER", base + 4, base + 14 },
        { "ORG", base + 30, base + 46 },
        { "LOC", base + 38, base + 46 },
      };

      for (guint j = 0; j < G_N_ELEMENTS (spans); j++)
        {
          g_autoptr(AnnEntity) entity = NULL;

          entity = ann_file_create_entity (file, spans[j].label, spans[j].start, spans[j].end,
                                           NULL);
          g_assert_nonnull (entity);
          g_assert_true (ann_entity_store_add (ann_file_get_entities (file), entity, NULL));
        }
    }

  return file;
}

static void
test_round_trip_20000_entities (void)
{
  g_autoptr(AnnFile) file = make_large_file (6667);
  g_autoptr(AnnFile) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length;
  gsize second_length;
  AnnEntity *last;

  g_assert_cmpuint (ann_entity_store_get_n_entities (ann_file_get_entities (file)), ==, 20001);
  last = ann_entity_store_get_nth (ann_file_get_entities (file), 20000);
  g_assert_cmpstr (ann_entity_get_text (last), ==, "Đắk Nông");

  first = ann_file_serialize (file, &first_length);
  reloaded = ann_file_load_data (first, first_length, "large.json", &error);
  g_assert_no_error (error);
  second = ann_file_serialize (reloaded, &second_length);
  g_assert_cmpmem (first, first_length, second, second_length);
}

static void
test_save_is_atomic_and_replaces (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-file");
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *source = fixture_path ("valid/vietnamese.json");
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(AnnFile) file = ann_file_load (source_file, NULL);
  g_autoptr(GBytes) expected = read_bytes (source);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_true (ann_file_save (file, target, NULL));

  saved = read_bytes (path);
  g_assert_true (g_bytes_equal (saved, expected));

  /* Nothing is left beside it: the temporary file was renamed, not copied. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "out.json");
  g_assert_null (g_dir_read_name (listing));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_save_failure_keeps_nothing (void)
{
  g_autofree char *source = fixture_path ("valid/vietnamese.json");
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(AnnFile) file = ann_file_load (source_file, NULL);
  g_autoptr(GFile) target = g_file_new_for_path ("/nonexistent/dir/out.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (ann_file_save (file, target, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (target, NULL));
}

/* GLib names the temporary file it could not write ("out.json.1CDDZ3"); the message must name
 * the file asked for instead, and say why. */
static void
assert_save_error_names (GFile       *target,
                         const char  *reason)
{
  g_autofree char *source = fixture_path ("valid/vietnamese.json");
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(AnnFile) file = ann_file_load (source_file, NULL);
  g_autofree char *name = g_file_get_parse_name (target);
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);
  g_autofree char *temporary = g_strconcat (name, ".", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ann_file_save (file, target, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == G_FILE_ERROR);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (strstr (error->message, temporary));
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_save_failure_names_target (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-file");
  g_autofree char *not_folder = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *in_file = g_build_filename (not_folder, "out.json", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "out.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/dir/out.json");
  g_autoptr(GFile) under_file = g_file_new_for_path (in_file);
  g_autoptr(GFile) under_locked = g_file_new_for_path (in_locked);

  assert_save_error_names (missing, "the folder /nonexistent/dir does not exist");

  g_assert_true (g_file_set_contents (not_folder, "a file, not a folder", -1, NULL));
  assert_save_error_names (under_file, g_strerror (ENOTDIR));

  /* The superuser writes in any folder. */
  if (geteuid () == 0)
    return;
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  assert_save_error_names (under_locked, g_strerror (EACCES));
  g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
}

/* A valid file whose entities are out of order loads, and is written in the canonical order. */
static void
test_entities_sorted_on_save (void)
{
  g_autofree char *path = fixture_path ("valid/vietnamese.json");
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(AnnFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shuffled = NULL;
  g_autofree char *written = NULL;
  JsonArray *entities;
  JsonNode *first;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (original, NULL),
                                             g_bytes_get_size (original), NULL));
  entities = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "entities");
  first = json_node_copy (json_array_get_element (entities, 0));
  json_array_remove_element (entities, 0);
  json_array_add_element (entities, first);
  json_generator_set_root (generator, json_parser_get_root (parser));
  shuffled = json_generator_to_data (generator, NULL);

  file = ann_file_load_data (shuffled, strlen (shuffled), "shuffled.json", &error);
  g_assert_no_error (error);
  written = ann_file_serialize (file, &length);
  g_assert_cmpmem (written, length, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
}

static JsonNode *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static char *
serialize_json (JsonNode *root,
                gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  g_autoptr(AnnFile) file = NULL;
  g_autoptr(GError) error = NULL;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);
  file = ann_file_load_data (data, strlen (data), "edited.json", &error);
  g_assert_no_error (error);
  return ann_file_serialize (file, length);
}

/* An empty optional member is the same as an absent one: it loads as absent and is not
 * written back (data/FORMAT.md, Writing). */
static void
test_empty_members_are_absent (void)
{
  g_autofree char *path = fixture_path ("valid/vietnamese.json");
  g_autoptr(JsonNode) absent = load_json (path);
  g_autoptr(JsonNode) empty = NULL;
  g_autofree char *from_absent = NULL;
  g_autofree char *from_empty = NULL;
  JsonObject *root = json_node_get_object (absent);
  JsonObject *entity;
  gsize absent_length;
  gsize empty_length;

  json_object_remove_member (root, "annotator");
  json_object_remove_member (json_object_get_object_member (root, "document"), "title");
  json_object_remove_member (root, "relations");
  json_object_remove_member (json_object_get_object_member (root, "document"), "language");
  json_object_remove_member (json_array_get_object_element (json_object_get_array_member (root, "labels"), 0), "name");

  empty = json_node_copy (absent);
  root = json_node_get_object (empty);
  json_object_set_string_member (root, "annotator", "");
  json_object_set_string_member (json_object_get_object_member (root, "document"), "title", "");
  json_object_set_string_member (json_object_get_object_member (root, "document"), "source", "");
  json_object_set_string_member (json_object_get_object_member (root, "document"), "language", "");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (root, "labels"), 0), "name", "");
  json_object_set_array_member (root, "relations", json_array_new ());
  entity = json_array_get_object_element (json_object_get_array_member (root, "entities"), 1);
  json_object_set_string_member (entity, "note", "");
  json_object_set_string_member (entity, "ref", "");
  json_object_set_array_member (entity, "annotators", json_array_new ());

  from_absent = serialize_json (absent, &absent_length);
  from_empty = serialize_json (empty, &empty_length);
  g_assert_cmpmem (from_empty, empty_length, from_absent, absent_length);
  g_assert_null (strstr (from_empty, "\"\""));
  g_assert_null (strstr (from_empty, "[]"));

  /* Absent for the program too, not just for the writer: stats prints no empty title. */
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *data = NULL;
    g_autoptr(AnnFile) file = NULL;
    AnnDocument *document;

    json_generator_set_root (generator, empty);
    data = json_generator_to_data (generator, NULL);
    file = ann_file_load_data (data, strlen (data), "empty.json", NULL);
    document = ann_file_get_document (file);
    g_assert_null (ann_document_get_title (document));
    g_assert_null (ann_document_get_source (document));
    g_assert_null (ann_document_get_language (document));
    g_assert_null (ann_file_get_annotator (file));
    g_assert_null (ann_label_get_name (ann_label_schema_get_nth (ann_file_get_labels (file), 0)));
  }
}

static void
test_relation_dropped_with_its_entity (void)
{
  g_autofree char *path = fixture_path ("valid/vietnamese.json");
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(AnnFile) file = ann_file_load (gfile, NULL);
  g_autoptr(AnnFile) reloaded = NULL;
  g_autofree char *written = NULL;
  AnnEntityStore *entities = ann_file_get_entities (file);
  gsize length;

  g_assert_true (ann_entity_store_remove (entities, ann_entity_store_lookup_id (entities, "T3"),
                                          NULL));
  written = ann_file_serialize (file, &length);
  g_assert_null (strstr (written, "\"relations\""));

  reloaded = ann_file_load_data (written, length, "edited.json", NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpuint (ann_file_get_relations (reloaded)->len, ==, 0);
}

static void
test_create_entity (void)
{
  g_autofree char *path = fixture_path ("valid/vietnamese.json");
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(AnnFile) file = ann_file_load (gfile, NULL);
  g_autoptr(AnnEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  AnnEntity *refused;

  /* "Hòa bình" on the second line, after the emoji. */
  entity = ann_file_create_entity (file, "MISC", 88, 96, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ann_entity_get_id (entity), ==, "T9");
  g_assert_cmpstr (ann_entity_get_text (entity), ==, "Hòa bình");

  refused = ann_file_create_entity (file, "NOPE", 88, 96, &error);
  g_assert_null (refused);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  refused = ann_file_create_entity (file, "MISC", 88, 100000, &error);
  g_assert_null (refused);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/file/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/file/round-trip/20000-entities", test_round_trip_20000_entities);
  g_test_add_func ("/file/load/every-member", test_load_reads_every_member);
  g_test_add_func ("/file/load/invalid-corpus", test_invalid_corpus);
  g_test_add_func ("/file/load/mismatch-hints", test_mismatch_hints);
  g_test_add_func ("/file/load/version-error", test_version_error_code);
  g_test_add_func ("/file/load/garbage", test_garbage_refused);
  g_test_add_func ("/file/load/long-file-broken-at-end", test_long_file_broken_at_end);
  g_test_add_func ("/file/load/missing", test_missing_file);
  g_test_add_func ("/file/save/atomic", test_save_is_atomic_and_replaces);
  g_test_add_func ("/file/save/failure", test_save_failure_keeps_nothing);
  g_test_add_func ("/file/save/failure-names-target", test_save_failure_names_target);
  g_test_add_func ("/file/save/sorted", test_entities_sorted_on_save);
  g_test_add_func ("/file/save/relation-dropped", test_relation_dropped_with_its_entity);
  g_test_add_func ("/file/save/empty-members", test_empty_members_are_absent);
  g_test_add_func ("/file/create-entity", test_create_entity);

  return g_test_run ();
}
