/* article-annotator-cli.c: the command-line tool, thin commands over the core
 *
 * Exit status: 0 success, 1 invalid data (the message names the file and the place),
 * 2 usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ann-agreement.h"
#include "ann-file.h"
#include "ann-format.h"
#include "ann-io.h"
#include "ann-json-writer.h"
#include "ann-merge.h"
#include "ann-suggest.h"

enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

/* Text from a file, fit for a terminal. Control characters (C0 and C1), which a file could use
 * to send escape sequences, become U+FFFD, except line feeds in a message (@keep_newlines); a
 * text of one line (a title that is a whole one-line article) is cut after @max_chars with an
 * ellipsis, a message never (@max_chars 0). Every text from a file goes through here. */
#define TERMINAL_MAX_CHARS 200

static char *
for_terminal_full (const char *text,
                   guint       max_chars,
                   gboolean    keep_newlines)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c) && !(keep_newlines && c == '\n'))
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A name or title from a file, on one line of a table. */
static char *
for_terminal (const char *text)
{
  return for_terminal_full (text, TERMINAL_MAX_CHARS, FALSE);
}

/* A file's name as the command line gave it, before a message: a name may hold control
 * characters too. */
static char *
name_for_terminal (const char *name)
{
  return for_terminal_full (name, 0, FALSE);
}

/* A message to standard error, which may quote a file's text (a label, an entity's text). */
static void
print_message (const char *message)
{
  g_autofree char *shown = for_terminal_full (message, 0, TRUE);

  g_printerr ("%s\n", shown);
}

static int
usage_error (const char *program,
             const char *message)
{
  print_message (message);
  g_printerr (_("Run “%s --help” to see the options.\n"), program);
  return EXIT_USAGE;
}

/* Parses a command's options; prints help and returns FALSE with *status set on error. */
static gboolean
parse_options (const char    *parameters,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error ((*argv)[0], error->message);
      return FALSE;
    }

  /* GOption stops at "--" but leaves it: what follows are file names, even "-x.json". */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  return TRUE;
}

static void
print_error (const GError *error)
{
  print_message (error->message);
}

/* Writes @data to @output atomically, or to standard output when @output is %NULL. */
static int
write_output (const char *output,
              const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (output == NULL)
    {
      fwrite (data, 1, length, stdout);
      return fflush (stdout) == 0 ? EXIT_OK : EXIT_INVALID;
    }

  file = g_file_new_for_commandline_arg (output);
  if (!ann_io_write_atomically (file, data, length, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }
  return EXIT_OK;
}

/* --- validate ----------------------------------------------------------------------------- */

static int
run_validate (int    argc,
              char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  int status = EXIT_OK;

  if (!parse_options (_("FILE.json…"),
                      _("Checks annotation files against every rule of the file format."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return usage_error (argv[0], _("Name at least one file to validate."));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnFile) annotations = ann_file_load (file, &error);

      if (annotations == NULL)
        {
          print_error (error);
          status = EXIT_INVALID;
          continue;
        }
      g_autofree char *name = name_for_terminal (argv[i]);

      g_print (ngettext ("%s: valid, %u entity\n", "%s: valid, %u entities\n",
                         ann_entity_store_get_n_entities (ann_file_get_entities (annotations))),
               name, ann_entity_store_get_n_entities (ann_file_get_entities (annotations)));
    }

  return status;
}

/* --- import ------------------------------------------------------------------------------- */

/* "txt, brat, conll" for messages: the formats that import, or that export. */
static char *
list_formats (gboolean importing)
{
  g_autofree const AnnFormat **formats = ann_format_list ();
  GString *list = g_string_new (importing ? "txt" : NULL);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      if (importing && formats[i]->import == NULL)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, formats[i]->id);
    }
  return g_string_free (list, FALSE);
}

static int
unknown_format (const char *program,
                const char *id,
                gboolean    importing)
{
  g_autofree char *known = list_formats (importing);
  g_autofree char *message = NULL;

  if (importing)
    message = g_strdup_printf (_("Unknown input format “%s”; the formats are: %s"), id, known);
  else
    message = g_strdup_printf (_("Unknown output format “%s”; the formats are: %s"), id, known);
  return usage_error (program, message);
}

static int
run_import (int    argc,
            char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *output = NULL;
  g_autofree char *annotator = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The input format: txt, brat, conll, doccano, labelstudio or w3c"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the annotation file here instead of to standard output"), N_("OUT.json") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("The annotator's name to record in the file"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GFile) input = NULL;
  g_autoptr(AnnFile) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *data = NULL;
  const AnnFormat *format = NULL;
  int status = EXIT_OK;
  gsize length;

  if (!parse_options (_("--from FORMAT INPUT"),
                      _("Makes an annotation file from an article or another tool's file. "
                        "For brat, INPUT is the .ann file, with its .txt beside it."),
                      entries, &argc, &argv, &status))
    return status;
  if (from == NULL)
    return usage_error (argv[0], _("Say which format to import with --from."));
  if (argc != 2)
    return usage_error (argv[0], _("Name exactly one input file."));
  if (strcmp (from, "txt") != 0)
    {
      format = ann_format_lookup (from);
      if (format == NULL || format->import == NULL)
        return unknown_format (argv[0], from, TRUE);
    }

  input = g_file_new_for_commandline_arg (argv[1]);
  if (output != NULL)
    {
      g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);
      g_autoptr(GFile) text = NULL;

      if (format != NULL && format->text_beside != NULL)
        text = ann_format_part_file (input, format->text_beside);
      if (ann_io_same_file (target, input) || (text != NULL && ann_io_same_file (target, text)))
        return usage_error (argv[0], _("The output would replace the file being imported; "
                                       "choose another output name."));
    }
  if (format == NULL)
    annotations = ann_file_import_text (input, &warning, &error);
  else
    annotations = format->import (input, &warning, &error);
  if (annotations == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  if (warning != NULL)
    {
      g_autofree char *shown = for_terminal_full (warning, 0, TRUE);
      g_autofree char *name = name_for_terminal (argv[1]);

      g_printerr (_("%s: warning: %s\n"), name, shown);
    }

  if (annotator != NULL)
    ann_file_set_annotator (annotations, annotator);
  data = ann_file_serialize (annotations, &length);
  return write_output (output, data, length);
}

/* --- export ------------------------------------------------------------------------------- */

/* Without -o, the part that is the output itself goes to standard output. */
static int
export_to_stdout (const char *program,
                  const char *id,
                  GPtrArray  *parts)
{
  AnnExportPart *main_part = NULL;

  for (guint i = 0; i < parts->len; i++)
    if (((AnnExportPart *) g_ptr_array_index (parts, i))->suffix == NULL)
      main_part = g_ptr_array_index (parts, i);

  if (main_part == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The %s format writes several files: name them with -o PREFIX."), id);
      return usage_error (program, message);
    }

  for (guint i = 0; i < parts->len; i++)
    {
      AnnExportPart *part = g_ptr_array_index (parts, i);

      if (part != main_part)
        g_printerr (_("warning: the “%s” file is not written without -o\n"), part->suffix);
    }
  return write_output (NULL, g_bytes_get_data (main_part->data, NULL), g_bytes_get_size (main_part->data));
}

static int
run_export (int    argc,
            char **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The output format: brat, conll, doccano, labelstudio, w3c, csv or html"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write here (for brat: the path without extension) instead of to standard output"),
      N_("OUT") },
    { NULL }
  };
  g_autoptr(GFile) input = NULL;
  g_autoptr(AnnFile) annotations = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  const AnnFormat *format;
  int status = EXIT_OK;

  if (!parse_options (_("--to FORMAT IN.json"),
                      _("Writes an annotation file in another tool's format."),
                      entries, &argc, &argv, &status))
    return status;
  if (to == NULL)
    return usage_error (argv[0], _("Say which format to export with --to."));
  if (argc != 2)
    return usage_error (argv[0], _("Name exactly one annotation file."));
  format = ann_format_lookup (to);
  if (format == NULL)
    return unknown_format (argv[0], to, FALSE);

  input = g_file_new_for_commandline_arg (argv[1]);
  annotations = ann_file_load (input, &error);
  if (annotations == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }

  if (output != NULL)
    {
      g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);

      if (!ann_format_export_to (format, annotations, target, input, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
            return usage_error (argv[0], error->message);
          print_error (error);
          return EXIT_INVALID;
        }
      return EXIT_OK;
    }

  parts = format->export (annotations, &error);
  if (parts == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  return export_to_stdout (argv[0], to, parts);
}

/* --- stats -------------------------------------------------------------------------------- */

static guint
count_label (AnnEntityStore *entities,
             const char     *label)
{
  guint count = 0;

  for (guint i = 0; i < ann_entity_store_get_n_entities (entities); i++)
    if (strcmp (ann_entity_get_label (ann_entity_store_get_nth (entities, i)), label) == 0)
      count++;
  return count;
}

static void
print_stats_json (AnnFile *annotations)
{
  AnnDocument *document = ann_file_get_document (annotations);
  AnnLabelSchema *labels = ann_file_get_labels (annotations);
  AnnEntityStore *entities = ann_file_get_entities (annotations);
  g_autoptr(AnnJsonWriter) writer = ann_json_writer_new (2);
  g_autofree char *text = NULL;

  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "document", ann_document_get_id (document));
  if (ann_document_get_title (document))
    ann_json_writer_string (writer, "title", ann_document_get_title (document));
  ann_json_writer_int (writer, "characters", ann_document_get_length (document));
  ann_json_writer_int (writer, "entities", ann_entity_store_get_n_entities (entities));
  ann_json_writer_begin_object (writer, "per_label");
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      const char *id = ann_label_get_id (ann_label_schema_get_nth (labels, i));

      ann_json_writer_int (writer, id, count_label (entities, id));
    }
  ann_json_writer_end_object (writer);
  ann_json_writer_end_object (writer);

  text = ann_json_writer_free_to_string (g_steal_pointer (&writer), NULL);
  g_print ("%s\n", text);
}

static void
print_stats_table (AnnFile *annotations)
{
  AnnDocument *document = ann_file_get_document (annotations);
  AnnLabelSchema *labels = ann_file_get_labels (annotations);
  AnnEntityStore *entities = ann_file_get_entities (annotations);

  g_print (_("Document:   %s\n"), ann_document_get_id (document));
  if (ann_document_get_title (document))
    {
      g_autofree char *title = for_terminal (ann_document_get_title (document));

      g_print (_("Title:      %s\n"), title);
    }
  g_print (_("Characters: %u\n"), ann_document_get_length (document));
  g_print (_("Entities:   %u\n"), ann_entity_store_get_n_entities (entities));
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (labels, i);
      /* A default label's name in the interface language, as the window shows it. */
      g_autofree char *name = for_terminal (ann_label_display_name (label));

      g_print ("  %-8s %6u  %s\n", ann_label_get_id (label),
               count_label (entities, ann_label_get_id (label)), name);
    }
}

static int
run_stats (int    argc,
           char **argv)
{
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the figures as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(AnnFile) annotations = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse_options (_("IN.json"),
                      _("Counts the entities per label and describes the document."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (argv[0], _("Name exactly one annotation file."));

  file = g_file_new_for_commandline_arg (argv[1]);
  annotations = ann_file_load (file, &error);
  if (annotations == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }

  if (as_json)
    print_stats_json (annotations);
  else
    print_stats_table (annotations);
  return EXIT_OK;
}

/* --- agree and merge ---------------------------------------------------------------------- */

/* Loads every file named after the command; says what is wrong with each one that fails. */
static GPtrArray *
load_annotation_files (int    argc,
                       char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean all_loaded = TRUE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      AnnFile *annotations = ann_file_load (file, &error);

      if (annotations == NULL)
        {
          print_error (error);
          all_loaded = FALSE;
          continue;
        }
      g_ptr_array_add (files, annotations);
    }

  return all_loaded ? g_steal_pointer (&files) : NULL;
}

/* Loads the files of a review command and names their annotators; FALSE with *status set when
 * a file is invalid or the files annotate different articles (the message names the files). */
static gboolean
load_review_files (int          argc,
                   char       **argv,
                   GPtrArray  **files,
                   GStrv       *names,
                   int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  *files = load_annotation_files (argc, argv);
  if (*files == NULL)
    {
      *status = EXIT_INVALID;
      return FALSE;
    }

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (paths, argv[i]);
  g_ptr_array_add (paths, NULL);
  if (!ann_agreement_check_document (*files, (const char * const *) paths->pdata, &error))
    {
      print_error (error);
      *status = EXIT_INVALID;
      return FALSE;
    }

  *names = ann_agreement_annotator_names (*files, (const char * const *) paths->pdata);
  return TRUE;
}

static void
append_padded (GString    *line,
               const char *text,
               glong       width,
               gboolean    align_right)
{
  glong padding = MAX (0, width - g_utf8_strlen (text, -1));

  if (align_right)
    g_string_append_printf (line, "%*s", (int) padding, "");
  g_string_append (line, text);
  if (!align_right)
    g_string_append_printf (line, "%*s", (int) padding, "");
}

/* Prints @rows (GStrv of @n_columns cells) in columns as wide as their widest cell, counted in
 * characters; the first @n_left columns align left, the others (figures) right. */
static void
print_columns (GPtrArray *rows,
               guint      n_columns,
               guint      n_left)
{
  g_autofree glong *widths = g_new0 (glong, n_columns);

  for (guint i = 0; i < rows->len; i++)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = MAX (widths[c], g_utf8_strlen (((char **) g_ptr_array_index (rows, i))[c], -1));

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append (line, "  ");
          append_padded (line, cells[c], widths[c], c >= n_left);
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

static char **
table_row (const char *pair,
           const char *label,
           double      f1_exact,
           double      f1_overlap,
           const char *kappa)
{
  char **row = g_new0 (char *, 6);

  row[0] = g_strdup (pair);
  row[1] = g_strdup (label);
  row[2] = g_strdup_printf ("%.3f", f1_exact);
  row[3] = g_strdup_printf ("%.3f", f1_overlap);
  row[4] = g_strdup (kappa);
  return row;
}

static void
print_agreement_table (AnnAgreement *agreement)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) annotators = g_string_new (NULL);
  char **header = g_new0 (char *, 6);

  for (guint i = 0; i < ann_agreement_get_n_annotators (agreement); i++)
    {
      g_autofree char *name = for_terminal (ann_agreement_get_annotator (agreement, i));

      g_string_append_printf (annotators, "%s%s", i > 0 ? ", " : "", name);
    }
  g_print (_("Document:   %s\n"), ann_agreement_get_document_id (agreement));
  g_print (_("Annotators: %s\n\n"), annotators->str);

  header[0] = g_strdup (_("Pair"));
  header[1] = g_strdup (_("Label"));
  header[2] = g_strdup (_("Exact F1"));
  header[3] = g_strdup (_("Overlap F1"));
  header[4] = g_strdup (_("Token κ"));
  g_ptr_array_add (rows, header);

  for (guint i = 0; i < ann_agreement_get_n_pairs (agreement); i++)
    {
      AnnAgreementPair *pair = ann_agreement_get_pair (agreement, i);
      const char * const *labels = ann_agreement_pair_get_labels (pair);
      const char *a = ann_agreement_get_annotator (agreement, ann_agreement_pair_get_a (pair));
      const char *b = ann_agreement_get_annotator (agreement, ann_agreement_pair_get_b (pair));
      g_autofree char *shown_a = for_terminal (a);
      g_autofree char *shown_b = for_terminal (b);
      g_autofree char *name = g_strdup_printf ("%s – %s", shown_a, shown_b);
      g_autofree char *kappa = g_strdup_printf ("%.3f", ann_agreement_pair_get_kappa_tokens (pair));

      g_ptr_array_add (rows, table_row (name, _("all"), ann_agreement_pair_get_f1_exact (pair),
                                        ann_agreement_pair_get_f1_overlap (pair), kappa));
      for (guint j = 0; labels[j] != NULL; j++)
        {
          double f1_exact, f1_overlap;

          ann_agreement_pair_get_label_f1 (pair, labels[j], &f1_exact, &f1_overlap);
          g_ptr_array_add (rows, table_row ("", labels[j], f1_exact, f1_overlap, ""));
        }
    }
  print_columns (rows, 5, 2);

  if (ann_agreement_has_fleiss_kappa (agreement))
    g_print (_("\nFleiss' κ over tokens (%u annotators): %.3f\n"),
             ann_agreement_get_n_annotators (agreement),
             ann_agreement_get_fleiss_kappa (agreement));
}

static int
run_agree (int    argc,
           char **argv)
{
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the figures as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(AnnAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  int status = EXIT_OK;

  if (!parse_options (_("A.json B.json [MORE.json…]"),
                      _("Measures how far the annotators of one article agree. For each pair of "
                        "files: exact F1 (same span and label), overlap F1 (same label, "
                        "overlapping spans), both overall and per label, and Cohen's kappa over "
                        "the tokens; with three files or more, Fleiss' kappa over the tokens. "
                        "Rejected entities do not count."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return usage_error (argv[0], _("Name at least two annotation files of the same article."));

  if (!load_review_files (argc, argv, &files, &names, &status))
    return status;
  agreement = ann_agreement_compute (files, (const char * const *) names, &error);
  if (agreement == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }

  if (as_json)
    {
      g_autofree char *json = ann_agreement_to_json (agreement);

      g_print ("%s\n", json);
    }
  else
    print_agreement_table (agreement);
  return EXIT_OK;
}

static void
print_merge_summary (const char *output,
                     AnnFile    *gold)
{
  AnnEntityStore *entities = ann_file_get_entities (gold);
  guint n_accepted = 0;
  guint n = ann_entity_store_get_n_entities (entities);

  for (guint i = 0; i < n; i++)
    {
      AnnEntity *entity = ann_entity_store_get_nth (entities, i);

      if (ann_entity_get_status (entity) == ANN_ENTITY_STATUS_ACCEPTED)
        n_accepted++;
    }
  g_autofree char *name = name_for_terminal (output);

  g_print (ngettext ("%s: %u entity, %u accepted, %u pending\n",
                     "%s: %u entities, %u accepted, %u pending\n", n),
           name, n, n_accepted, n - n_accepted);
}

static int
run_merge (int    argc,
           char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *annotator = NULL;
  int min_agree = G_MININT;   /* not given */
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the gold file here instead of to standard output"), N_("GOLD.json") },
    { "min-agree", 0, 0, G_OPTION_ARG_INT, &min_agree,
      N_("Accept an entity when at least N annotators have it (default: more than half)"),
      N_("N") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("The name to record as the gold file's annotator (default: none)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(AnnFile) gold = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *data = NULL;
  int status = EXIT_OK;
  gsize length;

  if (!parse_options (_("A.json B.json [MORE.json…] -o GOLD.json"),
                      _("Merges annotators' files of one article into a gold file. Every entity "
                        "(span and label) of any annotator goes in: accepted when at least N "
                        "annotators have it, pending otherwise; each lists who had it. "
                        "Rejected entities do not count."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return usage_error (argv[0], _("Name at least two annotation files of the same article."));
  if (min_agree != G_MININT && (min_agree < 1 || min_agree > argc - 1))
    {
      g_autofree char *message =
        g_strdup_printf (_("--min-agree must be from 1 to %d, the number of files."), argc - 1);
      return usage_error (argv[0], message);
    }

  for (int i = 1; output != NULL && i < argc; i++)
    {
      g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);
      g_autoptr(GFile) input = g_file_new_for_commandline_arg (argv[i]);

      if (ann_io_same_file (target, input))
        return usage_error (argv[0], _("The output would replace one of the annotators' files; "
                                       "choose another output name."));
    }

  if (!load_review_files (argc, argv, &files, &names, &status))
    return status;
  gold = ann_merge (files, (const char * const *) names, MAX (min_agree, 0), annotator, &error);
  if (gold == NULL)
    {
      print_error (error);
      return EXIT_INVALID;
    }
  for (int i = 1; i < argc; i++)
    if (ann_file_get_relations (g_ptr_array_index (files, i - 1))->len > 0)
      {
        g_autofree char *name = name_for_terminal (argv[i]);

        g_printerr (_("%s: warning: relations are not merged\n"), name);
      }

  data = ann_file_serialize (gold, &length);
  status = write_output (output, data, length);
  if (status == EXIT_OK && output != NULL)
    print_merge_summary (output, gold);
  return status;
}

/* --- suggest ------------------------------------------------------------------------------ */

/* The bundled rules, or those of --rules instead; the bundled gazetteers and those of
 * --gazetteer besides. Rules may name the file's own labels as well as the default ones. */
static AnnSuggester *
make_suggester (AnnFile     *annotations,
                char       **rules,
                char       **gazetteers,
                GError     **error)
{
  g_autoptr(AnnSuggester) suggester = ann_suggester_new (ann_file_get_labels (annotations));

  if (rules == NULL && !ann_suggester_load_bundled_rules (suggester, error))
    return NULL;
  for (guint i = 0; rules != NULL && rules[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (rules[i]);

      if (!ann_suggester_load_rules (suggester, file, error))
        return NULL;
    }

  if (!ann_suggester_load_bundled_gazetteers (suggester, error))
    return NULL;
  for (guint i = 0; gazetteers != NULL && gazetteers[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (gazetteers[i]);

      if (!ann_suggester_load_gazetteer (suggester, file, NULL, error))
        return NULL;
    }

  return g_steal_pointer (&suggester);
}

static int
run_suggest (int    argc,
             char **argv)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) rules = NULL;
  g_auto(GStrv) gazetteers = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the annotation file with its suggestions here instead of to standard output"),
      N_("OUT.json") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rules,
      N_("Use the rules of this file instead of the bundled ones (may be repeated)"),
      N_("FILE") },
    { "gazetteer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &gazetteers,
      N_("Also suggest the names of this list: one a line, and a line “# label: LOC” "
         "(may be repeated)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GFile) input = NULL;
  g_autoptr(AnnFile) annotations = NULL;
  g_autoptr(AnnSuggester) suggester = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  int status = EXIT_OK;
  gsize length;

  if (!parse_options (_("IN.json"),
                      _("Adds pending entities suggested by rules (document references, "
                        "events, dates, organisations) and by gazetteers of places. A "
                        "suggestion never duplicates, overlaps or changes an entity of the "
                        "file."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (argv[0], _("Name exactly one annotation file."));

  input = g_file_new_for_commandline_arg (argv[1]);
  annotations = ann_file_load (input, &error);
  if (annotations != NULL)
    suggester = make_suggester (annotations, rules, gazetteers, &error);
  if (suggester != NULL)
    suggestions = ann_suggester_run (suggester, annotations, &error);
  if (suggestions == NULL
      || !ann_entity_store_add_all (ann_file_get_entities (annotations), suggestions, &error))
    {
      print_error (error);
      return EXIT_INVALID;
    }

  data = ann_file_serialize (annotations, &length);
  status = write_output (output, data, length);
  if (status == EXIT_OK && output != NULL)
    {
      g_autofree char *name = name_for_terminal (output);

      g_print (ngettext ("%s: %u suggestion added\n", "%s: %u suggestions added\n",
                         suggestions->len), name, suggestions->len);
    }
  return status;
}

/* --- main --------------------------------------------------------------------------------- */

static const Command commands[] = {
  { "validate", N_("FILE.json…"), N_("Check annotation files"), run_validate },
  { "import", N_("--from FORMAT INPUT [-o OUT.json]"),
    N_("Make an annotation file from an article or another tool's file"), run_import },
  { "export", N_("--to FORMAT IN.json [-o OUT]"),
    N_("Write another tool's format"), run_export },
  { "stats", N_("IN.json [--json]"), N_("Count entities per label"), run_stats },
  { "agree", N_("A.json B.json… [--json]"), N_("Measure agreement between annotators"),
    run_agree },
  { "merge", N_("A.json B.json… -o GOLD.json"),
    N_("Merge annotators' files into a gold file"), run_merge },
  { "suggest", N_("IN.json [-o OUT.json]"),
    N_("Add rule and gazetteer suggestions as pending entities"), run_suggest },
};

/* printf pads by bytes; the column of summaries needs padding by characters. */
static void
print_padded (FILE       *stream,
              const char *text,
              glong       width)
{
  fputs (text, stream);
  for (glong i = g_utf8_strlen (text, -1); i < width; i++)
    fputc (' ', stream);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, _("Usage: article-annotator-cli COMMAND [OPTION…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      fprintf (stream, "  %-9s ", commands[i].name);
      print_padded (stream, _(commands[i].parameters), 36);
      fprintf (stream, " %s\n", _(commands[i].summary));
    }
  fprintf (stream, _("\nRun “article-annotator-cli COMMAND --help” for a command's options.\n"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *program = NULL;

  setlocale (LC_ALL, "");
  /* ANN_LOCALEDIR names another folder of translations, such as _build/po of an uninstalled
   * build (the tests set it); without it, the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANN_LOCALEDIR") ? g_getenv ("ANN_LOCALEDIR")
                                                              : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("article-annotator-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          /* The command sees itself as the program, so --help names it. */
          program = g_strdup_printf ("article-annotator-cli %s", commands[i].name);
          argv[1] = program;
          g_set_prgname (program);
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  g_printerr (_("Unknown command “%s”.\n\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
