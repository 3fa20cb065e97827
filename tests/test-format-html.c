/* test-format-html.c: the standalone HTML report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ann-error.h"
#include "ann-format-html.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static AnnFile *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) input = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AnnFile *file = ann_file_load (input, &error);

  g_assert_no_error (error);
  return file;
}

static char *
export_html (AnnFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = ann_format_html_export (file, &error);
  AnnExportPart *part;
  const char *data;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (parts);
  g_assert_cmpuint (parts->len, ==, 1);
  part = g_ptr_array_index (parts, 0);
  g_assert_null (part->suffix);
  data = g_bytes_get_data (part->data, &length);
  g_assert_true (g_utf8_validate (data, length, NULL));
  return g_strndup (data, length);
}

/* A file over @text with the default labels; then label, start, end … NULL. */
static AnnFile *
document_with_entities (const char *text,
                        const char *language,
                        ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = ann_document_new (text, &error);
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  AnnFile *file;
  const char *label;
  va_list args;

  g_assert_no_error (error);
  ann_document_set_language (document, language);
  file = ann_file_new (document, labels);
  va_start (args, language);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      guint start = va_arg (args, guint);
      guint end = va_arg (args, guint);
      g_autoptr(AnnEntity) entity = ann_file_create_entity (file, label, start, end, &error);

      g_assert_no_error (error);
      g_assert_true (ann_entity_store_add (ann_file_get_entities (file), entity, &error));
      g_assert_no_error (error);
    }
  va_end (args);
  return file;
}

/* --- a tiny checker: every element closed in order, and text and attributes escaped ------- */

static const char * const void_elements[] = { "br", "meta", "link", "img", "hr", "input", NULL };

static gboolean
is_void_element (const char *name)
{
  return g_strv_contains (void_elements, name);
}

/* A '&' must start a character reference: "&amp;", "&#39;", "&#x1F;". */
static void
assert_reference_at (const char *p)
{
  const char *q = p + 1;

  if (*q == '#')
    {
      q++;
      if (*q == 'x')
        q++;
      g_assert_true (g_ascii_isxdigit (*q));
      while (g_ascii_isxdigit (*q))
        q++;
    }
  else
    {
      g_assert_true (g_ascii_isalpha (*q));
      while (g_ascii_isalnum (*q))
        q++;
    }
  if (*q != ';')
    g_error ("a bare '&' at “%.20s”", p);
}

/* The end of the attributes: quoted values may hold nothing that needs escaping. */
static const char *
skip_attributes (const char *p)
{
  while (*p != '>')
    {
      g_assert_true (*p != '\0' && *p != '<');
      if (*p == '"')
        {
          for (p++; *p != '"'; p++)
            {
              g_assert_true (*p != '\0' && *p != '<' && *p != '>');
              if (*p == '&')
                assert_reference_at (p);
            }
        }
      p++;
    }
  return p + 1;
}

static void
assert_well_formed (const char *html)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  const char *p;

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  p = html + strlen ("<!DOCTYPE html>\n");

  while (*p != '\0')
    {
      if (*p == '<' && p[1] == '/')
        {
          const char *end = strchr (p, '>');
          g_autofree char *name = NULL;

          g_assert_nonnull (end);
          name = g_strndup (p + 2, end - p - 2);
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (name, ==, g_ptr_array_index (stack, stack->len - 1));
          g_ptr_array_remove_index (stack, stack->len - 1);
          p = end + 1;
        }
      else if (*p == '<')
        {
          const char *name_end = p + 1;
          g_autofree char *name = NULL;

          while (g_ascii_isalnum (*name_end))
            name_end++;
          g_assert_true (name_end > p + 1);
          name = g_strndup (p + 1, name_end - p - 1);
          p = skip_attributes (name_end);

          if (strcmp (name, "style") == 0)
            {
              /* Raw text: it must not end the element early. */
              const char *end = strstr (p, "</style>");

              g_assert_nonnull (end);
              for (const char *q = p; q < end; q++)
                g_assert_true (*q != '<');
              p = end + strlen ("</style>");
              continue;
            }
          if (stack->len == 0)
            g_assert_cmpstr (name, ==, "html");
          if (!is_void_element (name))
            g_ptr_array_add (stack, g_steal_pointer (&name));
        }
      else
        {
          g_assert_true (*p != '>');
          if (*p == '&')
            assert_reference_at (p);
          p++;
        }
    }

  g_assert_cmpuint (stack->len, ==, 0);
}

/* The part of @html from @start up to and including the next @end. */
static char *
extract (const char *html,
         const char *start,
         const char *end)
{
  const char *from = strstr (html, start);
  const char *to;

  g_assert_nonnull (from);
  to = strstr (from, end);
  g_assert_nonnull (to);
  return g_strndup (from, to + strlen (end) - from);
}

/* --- tests -------------------------------------------------------------------------------- */

static void
test_golden (void)
{
  g_autoptr(AnnFile) file = load_fixture ("valid/formats-article.json");
  g_autofree char *golden_path = fixture_path ("formats/html/formats-article.html");
  g_autofree char *golden = NULL;
  g_autofree char *output = export_html (file);

  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  g_assert_cmpstr (output, ==, golden);
}

static void
test_structure (void)
{
  g_autoptr(AnnFile) file = load_fixture ("valid/formats-article.json");
  g_autofree char *output = export_html (file);
  g_autofree char *outer = NULL;

  assert_well_formed (output);
  g_assert_true (g_str_has_prefix (output, "<!DOCTYPE html>\n<html lang=\"vi\">\n"));
  g_assert_nonnull (strstr (output, "<meta name=\"viewport\""));
  g_assert_nonnull (strstr (output, "<title>Tin vui 😀 từ Đắk Nông</title>"));

  /* Nothing is fetched: no script, no link, no URL but the in-page anchors. */
  g_assert_null (strstr (output, "<script"));
  g_assert_null (strstr (output, "<link"));
  g_assert_null (strstr (output, "http"));
  g_assert_null (strstr (output, "url("));

  /* LOC nested in ORG is an element inside the other; the legend counts labels. */
  outer = extract (output, "<span class=\"e l2 s-accepted\" id=\"e-T2\"", "</span></span>");
  g_assert_nonnull (strstr (outer, "title=\"Organisation (ORG), T2, accepted\""));
  g_assert_nonnull (strstr (outer, "Tỉnh ủy <span class=\"e l1\" id=\"e-T3\" "
                                   "title=\"Location (LOC), T3\" data-label=\"LOC\">Đắk Nông"));
  g_assert_nonnull (strstr (output, "Location <code>LOC</code> <span class=\"count\">2</span>"));
  g_assert_nonnull (strstr (output, "<td class=\"note\" data-th=\"Note\">Bí thư Tỉnh ủy</td>"
                                    "<td data-th=\"Reference\">Q0000001</td>"));
}

static void
test_escaping (void)
{
  g_autoptr(AnnFile) file = document_with_entities ("Tom & \"Jerry\" <script>alert('x')</script>\n",
                                                    NULL,
                                                    "PER", 0, 3,
                                                    NULL);
  g_autoptr(AnnLabel) label = ann_label_new ("A<&>\"'", "<b>Bold</b> & co", "#123456", NULL);
  g_autoptr(AnnEntity) odd = NULL;
  g_autoptr(AnnEntity) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  g_assert_true (ann_label_schema_add (ann_file_get_labels (file), label, &error));
  g_assert_no_error (error);
  odd = ann_file_create_entity (file, "A<&>\"'", 4, 5, &error);
  g_assert_no_error (error);
  ann_entity_set_note (odd, "</td></tr></table><script>");
  ann_entity_set_ref (odd, "\"onmouseover=\"x");
  g_assert_true (ann_entity_store_add (ann_file_get_entities (file), odd, &error));
  tag = ann_file_create_entity (file, "MISC", 14, 22, &error);
  g_assert_no_error (error);
  ann_entity_set_note (tag, "a & b < c");
  g_assert_true (ann_entity_store_add (ann_file_get_entities (file), tag, &error));
  ann_document_set_title (ann_file_get_document (file), "<Tom> & \"Jerry\"");
  ann_file_set_annotator (file, "<an>");

  output = export_html (file);
  assert_well_formed (output);

  /* The text, the title, notes, refs and the label's id and name are all escaped. */
  g_assert_null (strstr (output, "<script"));
  g_assert_null (strstr (output, "<b>"));
  g_assert_nonnull (strstr (output, "<title>&lt;Tom&gt; &amp; &quot;Jerry&quot;</title>"));
  g_assert_nonnull (strstr (output, "data-label=\"MISC\">&lt;script&gt;</span>"
                                    "alert(&apos;x&apos;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (output, "data-label=\"A&lt;&amp;&gt;&quot;&apos;\">&amp;</span> "
                                    "&quot;Jerry&quot;"));
  g_assert_nonnull (strstr (output, "&lt;b&gt;Bold&lt;/b&gt; &amp; co"));
  g_assert_nonnull (strstr (output, "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;"));
  g_assert_nonnull (strstr (output, "&quot;onmouseover=&quot;x"));
  g_assert_nonnull (strstr (output, "a &amp; b &lt; c"));
  g_assert_nonnull (strstr (output, "Annotator: &lt;an&gt;"));

  /* Without a language, no lang attribute (rather than a wrong one). */
  g_assert_true (g_str_has_prefix (output, "<!DOCTYPE html>\n<html>\n"));
}

static void
test_overlap (void)
{
  /* ORG 0–14 and LOC 4–21 overlap without nesting: LOC is split where ORG ends, its id on
   * the first fragment and its badge on the last. DATE 15–21 sits inside the rest of LOC. */
  g_autoptr(AnnFile) file = document_with_entities ("Ban Tuyên giáo Hà Nội\n", "vi",
                                                    "ORG", 0, 14,
                                                    "LOC", 4, 21,
                                                    "DATE", 15, 21,
                                                    NULL);
  g_autofree char *output = export_html (file);
  g_autofree char *article = extract (output, "<div class=\"article\">", "</div>");

  assert_well_formed (output);
  g_assert_cmpstr (article, ==,
                   "<div class=\"article\">"
                   "<span class=\"e l2\" id=\"e-T1\" title=\"Organisation (ORG), T1\" "
                   "data-label=\"ORG\">Ban "
                   "<span class=\"e l1\" id=\"e-T2\" title=\"Location (LOC), T2\">Tuyên giáo"
                   "</span></span>"
                   "<span class=\"e l1\" title=\"Location (LOC), T2\" data-label=\"LOC\"> "
                   "<span class=\"e l5\" id=\"e-T3\" title=\"Date (DATE), T3\" "
                   "data-label=\"DATE\">Hà Nội</span></span>\n</div>");
}

static void
test_no_entities (void)
{
  g_autoptr(AnnFile) file = document_with_entities ("\n", "en", NULL);
  g_autofree char *output = export_html (file);

  assert_well_formed (output);
  g_assert_true (g_str_has_prefix (output, "<!DOCTYPE html>\n<html lang=\"en\">\n"));
  g_assert_nonnull (strstr (output, "<title>Annotated article</title>"));
  g_assert_nonnull (strstr (output, "<p>No entities.</p>"));
  g_assert_nonnull (strstr (output, "Person <code>PER</code> <span class=\"count\">0</span>"));
  g_assert_null (strstr (output, "<table>"));
}

static void
test_sample (void)
{
  g_autoptr(GFile) input = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = ann_file_load (input, &error);
  g_autoptr(GPtrArray) entities = NULL;
  g_autofree char *output = NULL;

  g_assert_no_error (error);
  output = export_html (file);
  assert_well_formed (output);

  /* Every entity has its anchor and its row. */
  entities = ann_entity_store_dup_all (ann_file_get_entities (file));
  for (guint i = 0; i < entities->len; i++)
    {
      const char *id = ann_entity_get_id (g_ptr_array_index (entities, i));
      g_autofree char *anchor = g_strdup_printf (" id=\"e-%s\"", id);
      g_autofree char *link = g_strdup_printf ("<a href=\"#e-%s\">%s</a>", id, id);

      g_assert_nonnull (strstr (output, anchor));
      g_assert_nonnull (strstr (output, link));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/html/golden", test_golden);
  g_test_add_func ("/format/html/structure", test_structure);
  g_test_add_func ("/format/html/escaping", test_escaping);
  g_test_add_func ("/format/html/overlap", test_overlap);
  g_test_add_func ("/format/html/no-entities", test_no_entities);
  g_test_add_func ("/format/html/sample", test_sample);

  return g_test_run ();
}
