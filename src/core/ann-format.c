/* ann-format.c: the table of exchange formats, and writing an export's files
 *
 * Each format lives in its own module (ann-format-brat.c, …) and returns the bytes of the
 * files it would write; writing them is done here, once for the command line and the window,
 * and only after the whole export succeeded, so a failure leaves no partial output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-format.h"
#include "ann-format-brat.h"
#include "ann-format-conll.h"
#include "ann-format-csv.h"
#include "ann-format-doccano.h"
#include "ann-format-html.h"
#include "ann-format-labelstudio.h"
#include "ann-format-w3c.h"
#include "ann-io.h"

AnnExportPart *
ann_export_part_new (const char *suffix,
                     GBytes     *data)
{
  AnnExportPart *part = g_new0 (AnnExportPart, 1);

  part->suffix = g_strdup (suffix);
  part->data = g_bytes_ref (data);
  return part;
}

void
ann_export_part_free (AnnExportPart *part)
{
  if (part == NULL)
    return;
  g_free (part->suffix);
  g_bytes_unref (part->data);
  g_free (part);
}

static const AnnFormat formats[] = {
  { "brat", N_("brat standoff"), "ann", ann_format_brat_import, ann_format_brat_export, ".txt" },
  { "conll", N_("CoNLL (IOB2)"), "conll", ann_format_conll_import, ann_format_conll_export },
  { "doccano", N_("doccano (JSONL)"), "jsonl", ann_format_doccano_import, ann_format_doccano_export },
  { "labelstudio", N_("Label Studio (JSON)"), "json", ann_format_labelstudio_import,
    ann_format_labelstudio_export },
  { "w3c", N_("W3C Web Annotation (JSON-LD)"), "json", ann_format_w3c_import, ann_format_w3c_export,
    ".txt" },
  { "csv", N_("CSV table"), "csv", NULL, ann_format_csv_export },
  { "html", N_("HTML report"), "html", NULL, ann_format_html_export },
  { NULL }
};

/**
 * ann_format_list:
 *
 * Returns: (transfer container): every format, %NULL-terminated
 */
const AnnFormat **
ann_format_list (void)
{
  const AnnFormat **list = g_new0 (const AnnFormat *, G_N_ELEMENTS (formats));

  for (guint i = 0; formats[i].id != NULL; i++)
    list[i] = &formats[i];
  return list;
}

const AnnFormat *
ann_format_lookup (const char *id)
{
  for (guint i = 0; formats[i].id != NULL; i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      return &formats[i];
  return NULL;
}

#define SNIFF_BYTES 65536

/* JSON formats share the extension; their first bytes tell them apart. */
static const AnnFormat *
guess_json_format (GFile   *file,
                   GError **error)
{
  g_autoptr(GFileInputStream) stream = ann_io_open (file, error);
  g_autofree char *head = g_malloc0 (SNIFF_BYTES + 1);
  gsize length = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, SNIFF_BYTES, &length, NULL, error))
    return NULL;

  if (strstr (head, "\"@context\"") != NULL)
    return ann_format_lookup ("w3c");
  if (strstr (head, "\"article-annotator\"") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This is an annotation file of this program: open it instead"));
      return NULL;
    }
  if (strstr (head, "\"annotations\"") != NULL || strstr (head, "\"data\"") != NULL)
    return ann_format_lookup ("labelstudio");
  return NULL;
}

/**
 * ann_format_guess:
 *
 * The importable format of @file, told by its extension and, for JSON, its first bytes.
 */
const AnnFormat *
ann_format_guess (GFile   *file,
                  GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);
  g_autoptr(GError) local_error = NULL;
  const AnnFormat *format = NULL;
  const char *dot = strrchr (lower, '.');

  if (dot != NULL && g_strcmp0 (dot, ".json") == 0)
    format = guess_json_format (file, &local_error);
  else if (dot != NULL)
    {
      static const struct { const char *extension; const char *format; } known[] = {
        { ".ann", "brat" }, { ".conll", "conll" }, { ".iob", "conll" }, { ".bio", "conll" },
        { ".jsonl", "doccano" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        if (strcmp (dot, known[i].extension) == 0)
          format = ann_format_lookup (known[i].format);
    }

  if (format != NULL && format->import != NULL)
    return format;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The format of “%s” cannot be told from its name; choose it in the list "
                   "of file types"), name);
  return NULL;
}

/**
 * ann_format_part_file:
 * @suffix: (nullable): an export part's suffix
 *
 * Where a part goes beside the main one: @output itself for %NULL, else @output without its
 * extension plus @suffix ("out/article.json" and ".labeling-config.xml" give
 * "out/article.labeling-config.xml"). Imports find the text beside their input the same way
 * (#AnnFormat.text_beside: "in/article.ann" and ".txt" give "in/article.txt").
 */
GFile *
ann_format_part_file (GFile      *output,
                      const char *suffix)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *part_name = NULL;
  char *dot;

  if (suffix == NULL)
    return g_object_ref (output);

  parent = g_file_get_parent (output);
  name = g_file_get_basename (output);
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name)
    *dot = '\0';
  part_name = g_strconcat (name, suffix, NULL);
  return parent ? g_file_get_child (parent, part_name) : g_file_new_for_path (part_name);
}

/* Where the parts go when none of them is the output itself (brat): @output is a prefix,
 * "out/article" giving "out/article.txt" and "out/article.ann", and so is "out/2023.09.15";
 * a name that already ends with a part's suffix ("out/article.ann", as a file chooser gives)
 * stands for its prefix. */
static GFile *
prefix_part_file (GFile      *output,
                  GPtrArray  *parts,
                  const char *suffix)
{
  g_autofree char *name = g_file_get_basename (output);
  g_autoptr(GFile) parent = g_file_get_parent (output);
  g_autofree char *part_name = NULL;
  gsize length = strlen (name);

  for (guint i = 0; i < parts->len; i++)
    {
      AnnExportPart *part = g_ptr_array_index (parts, i);
      gsize suffix_length = strlen (part->suffix);

      if (length > suffix_length && g_str_has_suffix (name, part->suffix))
        {
          name[length - suffix_length] = '\0';
          break;
        }
    }
  part_name = g_strconcat (name, suffix, NULL);
  return parent ? g_file_get_child (parent, part_name) : g_file_new_for_path (part_name);
}

static gboolean
has_main_part (GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    if (((AnnExportPart *) g_ptr_array_index (parts, i))->suffix == NULL)
      return TRUE;
  return FALSE;
}

/**
 * ann_format_export_to:
 * @keep: (nullable): a file the export must not overwrite (the annotations it comes from)
 *
 * Exports @file in @format and writes every part next to @output, all together (see
 * ann_io_write_all_atomically()). Refused with %G_IO_ERROR_INVALID_ARGUMENT, before anything
 * is written, when a part would overwrite @keep or another part.
 */
gboolean
ann_format_export_to (const AnnFormat  *format,
                      AnnFile          *file,
                      GFile            *output,
                      GFile            *keep,
                      GError          **error)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contents = g_ptr_array_new ();

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (ANN_IS_FILE (file), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  parts = format->export (file, error);
  if (parts == NULL)
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      AnnExportPart *part = g_ptr_array_index (parts, i);
      GFile *target = has_main_part (parts) ? ann_format_part_file (output, part->suffix)
                                            : prefix_part_file (output, parts, part->suffix);
      g_autofree char *name = ann_io_describe_file (target);

      for (guint j = 0; j < targets->len; j++)
        if (g_file_equal (target, g_ptr_array_index (targets, j)))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("%s would receive two parts of the export; choose an output name "
                           "with another extension"), name);
            g_object_unref (target);
            return FALSE;
          }
      if (keep != NULL && ann_io_same_file (target, keep))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%s is the annotation file being exported; choose another output "
                         "name"), name);
          g_object_unref (target);
          return FALSE;
        }
      g_ptr_array_add (targets, target);
      g_ptr_array_add (contents, part->data);
    }

  return ann_io_write_all_atomically (targets, contents, error);
}
