/* ann-format-conll.c: CoNLL files with IOB tags, one token a line
 *
 * Export writes the tokens of the tokenizer (DESIGN section 4), one "TOKEN⇥TAG" line each,
 * with IOB2 tags, an empty line between sentences and a newline after the last line. A token
 * takes the label of the longest entity holding its first character; it gets B- at the start
 * of a sentence or when that entity differs from the previous token's, else I-.
 *
 * What a CoNLL file cannot hold, so that a trip through it loses:
 *  - the spacing: import rebuilds the text with one space between tokens and a line break
 *    between sentences, so "(khóa XIII)." comes back as "( khóa XIII ) ." and the document
 *    id changes with the text;
 *  - nesting: only the outermost entity of each token survives (LOC inside ORG is lost);
 *  - partial tokens: an entity edge inside a token moves to a token edge (the token belongs
 *    to the entity holding its first character), and an entity inside one token but not on
 *    its first character is lost;
 *  - spans across a sentence end: an entity crossing a line break or a full stop comes back
 *    as one entity per sentence;
 *  - entity ids, notes, refs, statuses and annotators, relations, the labels' names, colours
 *    and keys (import uses the default labels, and names new ones after their id), the title
 *    (import takes the first line), source and language.
 *
 * Import reads IOB2, IOB1 and BIOES, with two or more columns (the token first, the tag last,
 * separated by TABs, or by spaces when the line has no TAB; the columns between are ignored)
 * and "-DOCSTART-" lines, which separate sentences and are otherwise ignored. The scheme is
 * decided from the whole file before any chunk is read, since one tag sequence can mean
 * different chunks in IOB1 and IOB2. Say that a B-X or I-X tag "starts a chunk" when the
 * previous token of its sentence is not of type X (there is none, it is O or another type):
 *  - BIOES when any tag is E-X or S-X;
 *  - else IOB1 when some I-X starts a chunk and no B-X does (IOB1 writes B-X only between two
 *    chunks of type X that touch);
 *  - else IOB2, where an I-X that starts a chunk is an error.
 * So a file where one chunk starts with B-X after O and another with I-X is refused, naming
 * the I-X line and the B-X line that makes the file IOB2. Several documents ("-DOCSTART-")
 * become one article, with a warning. A BOM, CR LF line ends and blanks at line ends are
 * accepted; a token holding white space is not, since the text could not be rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-agreement.h"
#include "ann-error.h"
#include "ann-format-conll.h"
#include "ann-import.h"
#include "ann-io.h"
#include "ann-text.h"
#include "ann-tokenizer.h"

#define DOCUMENT_START "-DOCSTART-"

/* --- export ------------------------------------------------------------------------------- */

static gboolean
starts_sentence (GArray *tokens,
                 guint   i)
{
  return i == 0 ||
         g_array_index (tokens, AnnToken, i - 1).sentence !=
         g_array_index (tokens, AnnToken, i).sentence;
}

static void
append_tag (GString   *out,
            GArray    *tokens,
            GPtrArray *covering,
            guint      i)
{
  AnnEntity *entity = g_ptr_array_index (covering, i);

  if (entity == NULL)
    {
      g_string_append_c (out, 'O');
      return;
    }

  /* The same covering entity means the same label, so comparing entities is enough. */
  if (starts_sentence (tokens, i) || g_ptr_array_index (covering, i - 1) != entity)
    g_string_append (out, "B-");
  else
    g_string_append (out, "I-");
  g_string_append (out, ann_entity_get_label (entity));
}

/**
 * ann_format_conll_export:
 *
 * Returns: (transfer full) (element-type AnnExportPart): one part, the CoNLL file
 */
GPtrArray *
ann_format_conll_export (AnnFile  *file,
                         GError  **error)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GPtrArray) covering = NULL;
  g_autoptr(GPtrArray) counted = NULL;
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *parts;
  const char *text;
  GString *out;

  g_return_val_if_fail (ANN_IS_FILE (file), NULL);

  text = ann_document_get_text (ann_file_get_document (file));
  tokens = ann_tokenize (text);
  if (tokens->len == 0)
    {
      g_set_error_literal (error, ANN_ERROR, ANN_ERROR_INVALID,
                           _("The article has no words, and a CoNLL file cannot be empty"));
      return NULL;
    }
  /* CoNLL has no status: a rejected entity is left out (see ann_agreement_counted_entities()),
   * so that it neither tags its tokens nor hides the entities inside it. */
  counted = ann_agreement_counted_entities (file);
  ann_entity_store_add_all (store, counted, NULL);
  covering = ann_tokens_covering_entities (tokens, store);

  out = g_string_sized_new (strlen (text) * 2);
  for (guint i = 0; i < tokens->len; i++)
    {
      const AnnToken *token = &g_array_index (tokens, AnnToken, i);

      if (i > 0 && starts_sentence (tokens, i))
        g_string_append_c (out, '\n');
      g_string_append_len (out, text + token->byte_start, token->byte_end - token->byte_start);
      g_string_append_c (out, '\t');
      append_tag (out, tokens, covering, i);
      g_string_append_c (out, '\n');
    }

  bytes = g_string_free_to_bytes (out);
  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_export_part_free);
  g_ptr_array_add (parts, ann_export_part_new (NULL, bytes));
  return parts;
}

/* --- import ------------------------------------------------------------------------------- */

typedef enum
{
  SCHEME_IOB2,
  SCHEME_IOB1,
  SCHEME_BIOES,
} Scheme;

/* One token line of the file. */
typedef struct
{
  char       *token;
  char       *tag;
  const char *type;      /* in @tag after the prefix; NULL for O */
  char        prefix;    /* 'O', 'B', 'I', 'E' or 'S' */
  guint       line;
  guint       sentence;
  guint       start;     /* code points of the rebuilt text */
  guint       end;
} Row;

typedef struct
{
  guint first;           /* rows */
  guint last;
} Chunk;

typedef struct
{
  const char *name;      /* the file as messages name it */
  GArray     *rows;
  guint       sentence;
  gboolean    in_sentence;
  guint       n_documents;
  Scheme      scheme;
  const Row  *iob2_evidence;   /* the first B-X that starts a chunk */
} Reader;

static void
row_clear (Row *row)
{
  g_free (row->token);
  g_free (row->tag);
}

static void
strip_line_end (char *line)
{
  gsize length = strlen (line);

  while (length > 0 && (line[length - 1] == '\r' || line[length - 1] == ' ' ||
                        line[length - 1] == '\t'))
    line[--length] = '\0';
}

/* TABs separate the columns; a line without TAB is split at runs of spaces. A line that starts
 * with a separator gives an empty first column, which is reported as an empty token. */
static char **
split_columns (const char *line)
{
  GPtrArray *columns;

  if (strchr (line, '\t') != NULL)
    return g_strsplit (line, "\t", -1);

  columns = g_ptr_array_new ();
  for (;;)
    {
      const char *space = strchr (line, ' ');

      if (space == NULL)
        {
          g_ptr_array_add (columns, g_strdup (line));
          break;
        }
      g_ptr_array_add (columns, g_strndup (line, space - line));
      while (*space == ' ')
        space++;
      line = space;
    }
  g_ptr_array_add (columns, NULL);
  return (char **) g_ptr_array_free (columns, FALSE);
}

static gboolean
has_white_space (const char *token)
{
  for (const char *p = token; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
parse_tag (const char  *tag,
           char        *prefix,
           const char **type)
{
  if (strcmp (tag, "O") == 0)
    {
      *prefix = 'O';
      *type = NULL;
      return TRUE;
    }

  if (tag[0] == '\0' || strchr ("BIES", tag[0]) == NULL || tag[1] != '-' ||
      !ann_label_id_is_valid (tag + 2))
    return FALSE;

  *prefix = tag[0];
  *type = tag + 2;
  return TRUE;
}

static void
end_sentence (Reader *reader)
{
  if (reader->in_sentence)
    reader->sentence++;
  reader->in_sentence = FALSE;
}

static gboolean
read_line (Reader      *reader,
           const char  *line,
           guint        number,
           GError     **error)
{
  g_auto(GStrv) columns = NULL;
  Row row = { 0 };
  guint n_columns;

  if (*line == '\0')
    {
      end_sentence (reader);
      return TRUE;
    }

  columns = split_columns (line);
  if (strcmp (columns[0], DOCUMENT_START) == 0)
    {
      reader->n_documents++;
      end_sentence (reader);
      return TRUE;
    }

  n_columns = g_strv_length (columns);
  if (n_columns < 2)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX,
                   _("%s:%u: expected a token and a tag separated by a tab or spaces, got “%s”"),
                   reader->name, number, line);
      return FALSE;
    }
  if (columns[0][0] == '\0')
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX,
                   _("%s:%u: empty token (the line starts with a tab or a space)"),
                   reader->name, number);
      return FALSE;
    }
  if (has_white_space (columns[0]))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX,
                   _("%s:%u: the token “%s” contains white space"),
                   reader->name, number, columns[0]);
      return FALSE;
    }

  row.tag = g_strdup (columns[n_columns - 1]);
  if (!parse_tag (row.tag, &row.prefix, &row.type))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX,
                   _("%s:%u: bad tag “%s”: expected O, or B-, I-, E- or S- and a label "
                     "without spaces"),
                   reader->name, number, row.tag);
      g_free (row.tag);
      return FALSE;
    }

  row.token = g_strdup (columns[0]);
  row.line = number;
  row.sentence = reader->sentence;
  reader->in_sentence = TRUE;
  g_array_append_val (reader->rows, row);
  return TRUE;
}

static gboolean
read_rows (Reader      *reader,
           char        *content,
           GError     **error)
{
  char *line = content;
  guint number = 0;

  while (line != NULL)
    {
      char *newline = strchr (line, '\n');

      if (newline != NULL)
        *newline = '\0';
      number++;
      strip_line_end (line);
      if (!read_line (reader, line, number, error))
        return FALSE;
      line = newline != NULL ? newline + 1 : NULL;
    }

  if (reader->rows->len == 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID, _("%s: the file holds no tokens"),
                   reader->name);
      return FALSE;
    }
  return TRUE;
}

static Row *
get_row (Reader *reader,
         guint   i)
{
  return &g_array_index (reader->rows, Row, i);
}

/* The previous token of the same sentence, or %NULL at a sentence start. */
static const Row *
previous_row (Reader *reader,
              guint   i)
{
  const Row *previous;

  if (i == 0)
    return NULL;
  previous = get_row (reader, i - 1);
  return previous->sentence == get_row (reader, i)->sentence ? previous : NULL;
}

static gboolean
starts_chunk (Reader *reader,
              guint   i)
{
  const Row *previous = previous_row (reader, i);

  return previous == NULL || previous->type == NULL ||
         strcmp (previous->type, get_row (reader, i)->type) != 0;
}

static void
detect_scheme (Reader *reader)
{
  gboolean iob1_evidence = FALSE;

  for (guint i = 0; i < reader->rows->len; i++)
    {
      const Row *row = get_row (reader, i);

      if (row->prefix == 'E' || row->prefix == 'S')
        {
          reader->scheme = SCHEME_BIOES;
          return;
        }
      if (row->prefix == 'I' && starts_chunk (reader, i))
        iob1_evidence = TRUE;
      if (row->prefix == 'B' && starts_chunk (reader, i) && reader->iob2_evidence == NULL)
        reader->iob2_evidence = row;
    }

  reader->scheme = iob1_evidence && reader->iob2_evidence == NULL ? SCHEME_IOB1 : SCHEME_IOB2;
}

/* An I-X or E-X that does not continue a chunk of type X. */
static void
set_continuation_error (Reader     *reader,
                        const Row  *row,
                        const Row  *previous,
                        GError    **error)
{
  g_autofree char *after = NULL;

  if (previous == NULL)
    after = g_strdup_printf (_("%s starts a sentence"), row->tag);
  else
    after = g_strdup_printf (_("%s follows %s"), row->tag, previous->tag);

  if (reader->scheme == SCHEME_BIOES)
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s:%u: %s; in BIOES a chunk of several tokens starts with B-%s"),
                 reader->name, row->line, after, row->type);
  else if (reader->iob2_evidence != NULL)
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s:%u: %s; in IOB2 a chunk starts with B-%s (and the file cannot be IOB1, "
                   "since line %u starts a chunk with %s)"),
                 reader->name, row->line, after, row->type,
                 reader->iob2_evidence->line, reader->iob2_evidence->tag);
  else
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s:%u: %s; in IOB2 a chunk starts with B-%s"),
                 reader->name, row->line, after, row->type);
}

/* In BIOES, a chunk opened by B-X must end with E-X before anything else. */
static void
set_unended_error (Reader     *reader,
                   const Row  *open,
                   const Row  *row,
                   const Row  *last,
                   GError    **error)
{
  if (row == NULL)
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s:%u: the sentence ends after %s; in BIOES a chunk of several tokens "
                   "ends with E-%s"),
                 reader->name, last->line, last->tag, open->type);
  else
    g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                 _("%s:%u: %s follows %s; in BIOES a chunk of several tokens ends with E-%s"),
                 reader->name, row->line, row->tag, last->tag, open->type);
}

static void
add_chunk (GArray *chunks,
           guint   first,
           guint   last)
{
  Chunk chunk = { first, last };

  g_array_append_val (chunks, chunk);
}

/* The chunks of the tags, checked against the scheme. In IOB, a chunk is open while the
 * previous token belongs to it; in BIOES, from B-X until E-X. */
static gboolean
find_chunks (Reader  *reader,
             GArray  *chunks,
             GError **error)
{
  gboolean bioes = reader->scheme == SCHEME_BIOES;
  int open = -1;

  for (guint i = 0; i < reader->rows->len; i++)
    {
      const Row *row = get_row (reader, i);
      const Row *previous = previous_row (reader, i);
      const Row *open_row = open >= 0 ? get_row (reader, open) : NULL;

      if (open_row != NULL && previous == NULL)
        {
          if (bioes)
            {
              set_unended_error (reader, open_row, NULL, get_row (reader, i - 1), error);
              return FALSE;
            }
          add_chunk (chunks, open, i - 1);
          open = -1;
          open_row = NULL;
        }

      if (row->prefix == 'I' || row->prefix == 'E')
        {
          if (open_row != NULL && strcmp (open_row->type, row->type) == 0)
            {
              if (row->prefix == 'E')
                {
                  add_chunk (chunks, open, i);
                  open = -1;
                }
              continue;
            }
          if (reader->scheme != SCHEME_IOB1)
            {
              set_continuation_error (reader, row, previous, error);
              return FALSE;
            }
        }

      /* O, B-X, S-X, or an I-X that starts a chunk in IOB1: the open chunk ends before. */
      if (open_row != NULL)
        {
          if (bioes)
            {
              set_unended_error (reader, open_row, row, previous, error);
              return FALSE;
            }
          add_chunk (chunks, open, i - 1);
        }
      open = -1;

      if (row->prefix == 'S')
        add_chunk (chunks, i, i);
      else if (row->prefix != 'O')
        open = i;
    }

  if (open >= 0)
    {
      if (bioes)
        {
          set_unended_error (reader, get_row (reader, open), NULL,
                             get_row (reader, reader->rows->len - 1), error);
          return FALSE;
        }
      add_chunk (chunks, open, reader->rows->len - 1);
    }
  return TRUE;
}

/* One space between the tokens of a sentence, a line break after each sentence. */
static char *
rebuild_text (Reader *reader)
{
  GString *text = g_string_new (NULL);
  guint offset = 0;

  for (guint i = 0; i < reader->rows->len; i++)
    {
      Row *row = get_row (reader, i);

      if (i > 0)
        {
          g_string_append_c (text, previous_row (reader, i) != NULL ? ' ' : '\n');
          offset++;
        }
      row->start = offset;
      g_string_append (text, row->token);
      offset += g_utf8_strlen (row->token, -1);
      row->end = offset;
    }
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

static AnnFile *
build_file (Reader  *reader,
            GArray  *chunks,
            GError **error)
{
  g_autofree char *text = rebuild_text (reader);
  g_autoptr(AnnImport) import = NULL;

  import = ann_import_new (text, reader->name, error);
  if (import == NULL)
    return NULL;

  for (guint i = 0; i < chunks->len; i++)
    {
      const Chunk *chunk = &g_array_index (chunks, Chunk, i);
      const Row *first = get_row (reader, chunk->first);
      const Row *last = get_row (reader, chunk->last);
      g_autofree char *where = g_strdup_printf ("%s:%u", reader->name, first->line);
      g_autoptr(AnnEntity) entity = NULL;

      entity = ann_import_create_entity (import, NULL, first->type, first->start, last->end,
                                         NULL, where, error);
      if (entity == NULL || !ann_import_add_entity (import, entity, where, error))
        return NULL;
    }

  return g_object_ref (ann_import_get_file (import));
}

/**
 * ann_format_conll_import:
 * @input: a CoNLL file with IOB1, IOB2 or BIOES tags
 * @warning: (out) (optional): set when the file held several documents, joined into one
 *
 * Returns: (transfer full): a new annotation file whose text is the tokens, one space apart
 *   and one sentence a line, or %NULL with an error naming the file and the line
 */
AnnFile *
ann_format_conll_import (GFile   *input,
                         char   **warning,
                         GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *content = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(AnnFile) file = NULL;
  Reader reader = { 0 };

  g_return_val_if_fail (G_IS_FILE (input), NULL);

  content = ann_io_load_text (input, &name, error);
  if (content == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  reader.name = name;
  reader.rows = rows;

  if (!read_rows (&reader, content, error))
    return NULL;
  detect_scheme (&reader);
  if (!find_chunks (&reader, chunks, error))
    return NULL;
  file = build_file (&reader, chunks, error);
  if (file == NULL)
    return NULL;

  if (warning != NULL && reader.n_documents > 1)
    *warning = g_strdup_printf (_("%s: the file holds %u documents (-DOCSTART- lines); they "
                                  "were joined into one article"),
                                name, reader.n_documents);
  return g_steal_pointer (&file);
}
