/* test-format-csv.c: the CSV table of entities (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-error.h"
#include "ann-format-csv.h"

static AnnFile *
load_formats_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                 "formats-article.json", NULL);
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnFile *file = ann_file_load (input, &error);

  g_assert_no_error (error);
  return file;
}

static GBytes *
export_csv (AnnFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = ann_format_csv_export (file, &error);
  AnnExportPart *part;

  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 1);
  part = g_ptr_array_index (parts, 0);
  g_assert_null (part->suffix);
  return g_bytes_ref (part->data);
}

/* A strict RFC 4180 reader, written from the RFC rather than from the exporter: records end
 * with CR LF; a field is either plain (no comma, quote, CR or LF) or quoted, with doubled
 * quotes inside and nothing between the closing quote and the next comma or record end.
 * Returns the records (each a GPtrArray of strings), or fails the test. */
static GPtrArray *
parse_rfc4180 (const char *data,
               gsize       length)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = NULL;
  gsize i = 0;

  while (i < length)
    {
      GString *field = g_string_new (NULL);

      if (record == NULL)
        record = g_ptr_array_new_with_free_func (g_free);

      if (data[i] == '"')
        {
          for (i++; ; i++)
            {
              g_assert_cmpuint (i, <, length);  /* an unterminated quoted field */
              if (data[i] == '"')
                {
                  if (i + 1 < length && data[i + 1] == '"')
                    i++;
                  else
                    break;
                }
              g_string_append_c (field, data[i]);
            }
          i++;  /* the closing quote */
        }
      else
        {
          for (; i < length && data[i] != ',' && data[i] != '\r'; i++)
            {
              g_assert_true (data[i] != '"' && data[i] != '\n');
              g_string_append_c (field, data[i]);
            }
        }
      g_ptr_array_add (record, g_string_free (field, FALSE));

      g_assert_cmpuint (i, <, length);  /* every record, the last too, ends with CR LF */
      if (data[i] == ',')
        {
          i++;
          continue;
        }
      g_assert_cmpint (data[i], ==, '\r');
      g_assert_cmpuint (i + 1, <, length);
      g_assert_cmpint (data[i + 1], ==, '\n');
      i += 2;
      g_ptr_array_add (records, g_steal_pointer (&record));
    }

  g_assert_null (record);
  return records;
}

static const char *
field (GPtrArray *record,
       guint      column)
{
  return g_ptr_array_index (record, column);
}

static const char *
or_empty (const char *value)
{
  return value ? value : "";
}

static void
assert_rows_match_entities (GPtrArray *records,
                            AnnFile   *file)
{
  static const char * const header[] = {
    "id", "label", "start", "end", "text", "note", "ref", "status",
  };
  AnnEntityStore *store = ann_file_get_entities (file);
  GPtrArray *head = g_ptr_array_index (records, 0);

  g_assert_cmpuint (head->len, ==, G_N_ELEMENTS (header));
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (field (head, i), ==, header[i]);

  g_assert_cmpuint (records->len, ==, ann_entity_store_get_n_entities (store) + 1);
  for (guint i = 0; i < ann_entity_store_get_n_entities (store); i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (store, i);
      GPtrArray *record = g_ptr_array_index (records, i + 1);
      const char *status = ann_entity_status_to_string (ann_entity_get_status (entity));
      g_autofree char *start = g_strdup_printf ("%u", ann_entity_get_start (entity));
      g_autofree char *end = g_strdup_printf ("%u", ann_entity_get_end (entity));

      g_assert_cmpuint (record->len, ==, G_N_ELEMENTS (header));
      g_assert_cmpstr (field (record, 0), ==, ann_entity_get_id (entity));
      g_assert_cmpstr (field (record, 1), ==, ann_entity_get_label (entity));
      g_assert_cmpstr (field (record, 2), ==, start);
      g_assert_cmpstr (field (record, 3), ==, end);
      g_assert_cmpstr (field (record, 4), ==, ann_entity_get_text (entity));
      g_assert_cmpstr (field (record, 5), ==, or_empty (ann_entity_get_note (entity)));
      g_assert_cmpstr (field (record, 6), ==, or_empty (ann_entity_get_ref (entity)));
      g_assert_cmpstr (field (record, 7), ==, or_empty (status));
    }
}

static void
test_export_golden (void)
{
  g_autoptr(AnnFile) file = load_formats_article ();
  g_autoptr(GBytes) bytes = export_csv (file);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", "csv",
                                                 "formats-article.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  gsize expected_length;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_file_get_contents (path, &expected, &expected_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (data, length, expected, expected_length);

  /* UTF-8 without a byte order mark */
  g_assert_true (g_utf8_validate (data, length, NULL));
  g_assert_true (g_str_has_prefix (data, "id,label,start,end,text,note,ref,status\r\n"));
}

static void
test_parse_back (void)
{
  g_autoptr(AnnFile) file = load_formats_article ();
  g_autoptr(GBytes) bytes = export_csv (file);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GPtrArray) records = parse_rfc4180 (data, length);

  assert_rows_match_entities (records, file);
}

static const char quoting_expected[] =
  "id,label,start,end,text,note,ref,status\r\n"
  "T1,DOC,9,26,\"\"\"Kế hoạch, số 39\"\"\",\"a \"\"quoted\"\", note\r\nwith CR LF\","
  "\"Ref, \"\"x\"\"\",accepted\r\n"
  "T2,MISC,20,31,\"số 39\"\"\nxong\",,,\r\n";

/* Commas, quotes, CR, LF and a lone quote in every field that can hold them. */
static void
test_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = NULL;
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  g_autoptr(AnnFile) file = NULL;
  g_autoptr(AnnEntity) quote = NULL;
  g_autoptr(AnnEntity) across = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  AnnEntityStore *store;
  gsize length;
  const char *data;

  document = ann_document_new ("Ông nói: \"Kế hoạch, số 39\"\nxong.", &error);
  g_assert_no_error (error);
  file = ann_file_new (document, labels);
  store = ann_file_get_entities (file);

  quote = ann_entity_new ("T1", "DOC", 9, 26, "\"Kế hoạch, số 39\"");
  ann_entity_set_note (quote, "a \"quoted\", note\r\nwith CR LF");
  ann_entity_set_ref (quote, "Ref, \"x\"");
  ann_entity_set_status (quote, ANN_ENTITY_STATUS_ACCEPTED);
  across = ann_entity_new ("T2", "MISC", 20, 31, "số 39\"\nxong");
  g_assert_true (ann_entity_store_add (store, quote, &error));
  g_assert_true (ann_entity_store_add (store, across, &error));
  g_assert_no_error (error);

  bytes = export_csv (file);
  data = g_bytes_get_data (bytes, &length);
  g_assert_cmpmem (data, length, quoting_expected, strlen (quoting_expected));

  records = parse_rfc4180 (data, length);
  assert_rows_match_entities (records, file);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = ann_document_new ("Không có thực thể.", &error);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  g_autoptr(AnnFile) file = ann_file_new (document, labels);
  g_autoptr(GBytes) bytes = export_csv (file);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   "id,label,start,end,text,note,ref,status\r\n",
                   strlen ("id,label,start,end,text,note,ref,status\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/csv/export/golden", test_export_golden);
  g_test_add_func ("/format/csv/export/parse-back", test_parse_back);
  g_test_add_func ("/format/csv/export/quoting", test_quoting);
  g_test_add_func ("/format/csv/export/empty", test_empty);

  return g_test_run ();
}
