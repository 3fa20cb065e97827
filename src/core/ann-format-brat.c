/* ann-format-brat.c: brat standoff (.ann beside .txt), import and export
 *
 * brat (https://brat.nlplab.org/standoff.html) keeps the article in X.txt and the annotations
 * in X.ann, one a line, each an id, a TAB and the rest. Offsets count code points of the .txt
 * as it is, so a CR of a CR LF line end and a byte order mark count as characters (brat reads
 * the file as UTF-8 and keeps both); the import hands that raw text to AnnImport, which moves
 * the offsets into our normal text. A .txt in UTF-16 with a byte order mark is read too (brat
 * cannot, so its offsets are taken to count the characters after the mark).
 *
 * What we write, and read back:
 *
 *   T1⇥LOC 13 21⇥Đắk Nông                       an entity; ids T1…Tn in file order
 *   T9⇥MISC 131 151;152 161⇥Kế hoạch … phải xong  one that crosses a line break
 *   R1⇥issued_by Arg1:T5 Arg2:T7                  a relation
 *   A1⇥Status T2 accepted                         a status (pending, accepted, rejected)
 *   N1⇥Reference T4 Wikidata:Q0000001⇥Vũ Tiến Lư  a reference
 *   #1⇥AnnotatorNotes T4⇥Bí thư Tỉnh ủy           a note
 *
 * A TEXT field cannot hold a line break, so brat splits a span that crosses one into fragments
 * at the breaks, and joins their texts with one space. We do the same on export, and on import
 * accept discontinuous fragments only when all that lies between two of them is white space
 * with a line break in it: they become one entity spanning the whole range. Any other
 * discontinuous span is refused, since our entities are contiguous.
 *
 * References: an N line names a database and a key (DB:KEY, no white space). A reference that
 * looks like a Wikidata item (Q and digits) is written as Wikidata:Q…; one that already has the
 * form DB:KEY is written as it is (unless its DB is Wikidata or Ref, which would read back
 * differently); anything else is written under the database name "Ref", with "%", white space
 * and control characters percent-encoded (UTF-8 bytes), so "Ref:Bí%20thư" reads back as
 * "Bí thư". The import undoes exactly this: Wikidata:K gives K, Ref:K gives K decoded, and any
 * other DB:KEY is kept whole as the reference.
 *
 * What brat cannot hold: the label schema (names, colours, keys: brat keeps them in
 * annotation.conf), the document's title, source and language, the annotator and each
 * entity's annotators; a TAB or a line break in a note becomes a space; entity and relation
 * ids are renumbered. An entity that starts or ends with a line break has no brat form and
 * fails the export, naming the entity.
 *
 * The import refuses, naming X.ann and the line: events (E), equivalences (*), attributes
 * other than Status, notes and references on anything but an entity, a second status, note
 * or reference for one entity, ids used twice or missing, malformed lines, offsets past the
 * text and a TEXT that differs from the text at its offsets. An empty .ann is a file with no
 * entities. Entity ids are kept when brat-valid (T and a number), else renumbered. It
 * tolerates what brat itself reads: blank lines, CR LF line ends in the .ann, M lines (the old
 * name of A lines), a comment after a relation and TABs inside a note. The imported document
 * takes its title from its first line, as any imported article does, and the .txt's name as
 * its source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-format-brat.h"
#include "ann-import.h"
#include "ann-io.h"
#include "ann-text.h"

#define STATUS_ATTRIBUTE  "Status"
#define NOTE_TYPE         "AnnotatorNotes"
#define REFERENCE_TYPE    "Reference"
#define WIKIDATA_DB       "Wikidata"
#define GENERIC_DB        "Ref"

/* What Python's str.splitlines() breaks lines at, as brat did reading a .ann file: none of
 * them can sit inside a TEXT field. */
static gboolean
is_line_break (gunichar c)
{
  switch (c)
    {
    case '\n': case '\r': case '\v': case '\f':
    case 0x1c: case 0x1d: case 0x1e: case 0x85: case 0x2028: case 0x2029:
      return TRUE;
    default:
      return FALSE;
    }
}

/* What a DB:KEY must not contain, since white space separates the fields of a line. */
static gboolean
breaks_a_field (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_iscntrl (c) || is_line_break (c);
}

typedef struct
{
  guint start;
  guint end;
} Fragment;

/* --- export ------------------------------------------------------------------------------- */

/* A note or a reference's text on one line, without the TABs that separate fields. */
static void
append_flattened (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || is_line_break (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
}

static gboolean
is_wikidata_item (const char *ref)
{
  if (ref[0] != 'Q' || ref[1] == '\0')
    return FALSE;
  for (const char *p = ref + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
has_db (const char *db_key,
        const char *db)
{
  gsize length = strlen (db);

  return strncmp (db_key, db, length) == 0 && db_key[length] == ':';
}

/* "DB:KEY" that an N line holds and that reads back as itself. */
static gboolean
is_foreign_db_key (const char *ref)
{
  const char *colon = strchr (ref, ':');

  if (colon == NULL || colon == ref || colon[1] == '\0')
    return FALSE;
  if (has_db (ref, WIKIDATA_DB) || has_db (ref, GENERIC_DB))
    return FALSE;
  for (const char *p = ref; *p; p = g_utf8_next_char (p))
    if (breaks_a_field (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
ref_to_db_key (const char *ref)
{
  GString *out;

  if (is_wikidata_item (ref))
    return g_strconcat (WIKIDATA_DB ":", ref, NULL);
  if (is_foreign_db_key (ref))
    return g_strdup (ref);

  out = g_string_new (GENERIC_DB ":");
  for (const char *p = ref; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '%' || breaks_a_field (c))
        {
          for (const char *byte = p; byte < g_utf8_next_char (p); byte++)
            g_string_append_printf (out, "%%%02X", (guchar) *byte);
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
starts_or_ends_with_line_break (const char *text)
{
  const char *end = text + strlen (text);

  return *text == '\0' ||
         is_line_break (g_utf8_get_char (text)) ||
         is_line_break (g_utf8_get_char (g_utf8_prev_char (end)));
}

/* The fragments of @entity: its span cut at each line break, the breaks left out. */
static GArray *
split_at_line_breaks (AnnEntity  *entity,
                      GError    **error)
{
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  const char *text = ann_entity_get_text (entity);
  guint offset = ann_entity_get_start (entity);
  Fragment fragment = { offset, offset };

  if (starts_or_ends_with_line_break (text))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("Entity “%s” (%u–%u) starts or ends with a line break, which brat "
                     "cannot hold"),
                   ann_entity_get_id (entity), ann_entity_get_start (entity),
                   ann_entity_get_end (entity));
      return NULL;
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p), offset++)
    {
      if (!is_line_break (g_utf8_get_char (p)))
        continue;
      fragment.end = offset;
      if (fragment.end > fragment.start)
        g_array_append_val (fragments, fragment);
      fragment.start = offset + 1;
    }
  fragment.end = offset;
  g_array_append_val (fragments, fragment);
  return g_steal_pointer (&fragments);
}

static gboolean
append_textbound (GString    *out,
                  AnnEntity  *entity,
                  const char *brat_id,
                  GError    **error)
{
  g_autoptr(GArray) fragments = split_at_line_breaks (entity, error);
  const char *text = ann_entity_get_text (entity);
  guint start = ann_entity_get_start (entity);

  if (fragments == NULL)
    return FALSE;

  g_string_append_printf (out, "%s\t%s ", brat_id, ann_entity_get_label (entity));
  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);

      g_string_append_printf (out, "%s%u %u", i > 0 ? ";" : "", fragment->start, fragment->end);
    }
  g_string_append_c (out, '\t');
  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);
      const char *from = g_utf8_offset_to_pointer (text, fragment->start - start);
      const char *to = g_utf8_offset_to_pointer (from, fragment->end - fragment->start);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, from, to - from);
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

static void
append_relations (GString    *out,
                  AnnFile    *file,
                  GHashTable *brat_ids)
{
  GPtrArray *relations = ann_file_get_relations (file);
  guint n = 0;

  for (guint i = 0; i < relations->len; i++)
    {
      AnnRelation *relation = g_ptr_array_index (relations, i);
      const char *from = g_hash_table_lookup (brat_ids, relation->from);
      const char *to = g_hash_table_lookup (brat_ids, relation->to);

      /* As in our own files, a relation whose entity is gone is not written. */
      if (from == NULL || to == NULL)
        continue;
      g_string_append_printf (out, "R%u\t%s Arg1:%s Arg2:%s\n", ++n, relation->type, from, to);
    }
}

static void
append_statuses (GString    *out,
                 GPtrArray  *entities,
                 char      **brat_ids)
{
  guint n = 0;

  for (guint i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);
      const char *status = ann_entity_status_to_string (ann_entity_get_status (entity));

      if (status != NULL)
        g_string_append_printf (out, "A%u\t" STATUS_ATTRIBUTE " %s %s\n", ++n, brat_ids[i], status);
    }
}

static void
append_references (GString    *out,
                   GPtrArray  *entities,
                   char      **brat_ids)
{
  guint n = 0;

  for (guint i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);
      const char *ref = ann_entity_get_ref (entity);
      g_autofree char *db_key = NULL;

      if (ref == NULL || *ref == '\0')
        continue;
      db_key = ref_to_db_key (ref);
      g_string_append_printf (out, "N%u\t" REFERENCE_TYPE " %s %s\t", ++n, brat_ids[i], db_key);
      append_flattened (out, ann_entity_get_text (entity));
      g_string_append_c (out, '\n');
    }
}

static void
append_notes (GString    *out,
              GPtrArray  *entities,
              char      **brat_ids)
{
  guint n = 0;

  for (guint i = 0; i < entities->len; i++)
    {
      const char *note = ann_entity_get_note (g_ptr_array_index (entities, i));

      if (note == NULL || *note == '\0')
        continue;
      g_string_append_printf (out, "#%u\t" NOTE_TYPE " %s\t", ++n, brat_ids[i]);
      append_flattened (out, note);
      g_string_append_c (out, '\n');
    }
}

/**
 * ann_format_brat_export:
 *
 * Returns: (transfer full) (element-type AnnExportPart): two parts, ".txt" (the document
 *   text exactly, UTF-8 without a byte order mark) and ".ann" (the annotations)
 */
GPtrArray *
ann_format_brat_export (AnnFile  *file,
                        GError  **error)
{
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GHashTable) by_native_id = NULL;
  g_autoptr(GString) ann = NULL;
  g_autoptr(GBytes) txt_bytes = NULL;
  g_autoptr(GBytes) ann_bytes = NULL;
  g_auto(GStrv) brat_ids = NULL;
  const char *text;
  GPtrArray *parts;

  g_return_val_if_fail (ANN_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entities = ann_entity_store_dup_all (ann_file_get_entities (file));
  brat_ids = g_new0 (char *, entities->len + 1);
  by_native_id = g_hash_table_new (g_str_hash, g_str_equal);
  ann = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);

      brat_ids[i] = g_strdup_printf ("T%u", i + 1);
      g_hash_table_insert (by_native_id, (char *) ann_entity_get_id (entity), brat_ids[i]);
      if (!append_textbound (ann, entity, brat_ids[i], error))
        return NULL;
    }
  append_relations (ann, file, by_native_id);
  append_statuses (ann, entities, brat_ids);
  append_references (ann, entities, brat_ids);
  append_notes (ann, entities, brat_ids);

  text = ann_document_get_text (ann_file_get_document (file));
  txt_bytes = g_bytes_new (text, strlen (text));
  ann_bytes = g_string_free_to_bytes (g_steal_pointer (&ann));

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_export_part_free);
  g_ptr_array_add (parts, ann_export_part_new (".txt", txt_bytes));
  g_ptr_array_add (parts, ann_export_part_new (".ann", ann_bytes));
  return parts;
}

/* --- import: reading the lines ------------------------------------------------------------ */

typedef enum
{
  LINE_TEXTBOUND,
  LINE_RELATION,
  LINE_STATUS,
  LINE_REFERENCE,
  LINE_NOTE,
} LineKind;

/* One annotation line of the .ann, read but not yet checked against the text or the others. */
typedef struct
{
  LineKind  kind;
  char     *where;      /* "X.ann:LINE" */
  char     *id;         /* as written */
  char     *final_id;   /* T, R: the id in our file */
  char     *type;       /* T: the label; R: the relation type */
  char     *target;     /* A, N, #: the annotated id; R: Arg1 */
  char     *target2;    /* R: Arg2 */
  char     *value;      /* A: the status; N: DB:KEY; #: the note */
  char     *text;       /* T: the TEXT field */
  GArray   *fragments;  /* T: Fragment */
} BratLine;

static void
brat_line_free (BratLine *line)
{
  g_free (line->where);
  g_free (line->id);
  g_free (line->final_id);
  g_free (line->type);
  g_free (line->target);
  g_free (line->target2);
  g_free (line->value);
  g_free (line->text);
  g_clear_pointer (&line->fragments, g_array_unref);
  g_free (line);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BratLine, brat_line_free)

static gboolean
malformed (GError     **error,
           const char  *where,
           const char  *expected,
           const char  *got)
{
  g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX, _("%s: malformed line: expected %s, got “%s”"),
               where, expected, got);
  return FALSE;
}

/* @string split at single spaces into exactly @n (or, with @optional_last, @n - 1) fields. */
static GStrv
split_fields (const char *string,
              guint       n,
              gboolean    optional_last)
{
  g_auto(GStrv) fields = g_strsplit (string, " ", -1);
  guint length = g_strv_length (fields);

  if (length != n && !(optional_last && length == n - 1))
    return NULL;
  for (guint i = 0; i < length; i++)
    if (fields[i][0] == '\0')
      return NULL;
  return g_steal_pointer (&fields);
}

static gboolean
parse_offset (const char *string,
              guint      *offset)
{
  guint64 value;

  if (*string == '\0')
    return FALSE;
  for (const char *p = string; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (string, 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;
  *offset = value;
  return TRUE;
}

/* "START END;START END…" */
static GArray *
parse_fragments (const char *spans)
{
  g_autoptr(GArray) fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  g_auto(GStrv) pieces = g_strsplit (spans, ";", -1);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_auto(GStrv) numbers = split_fields (pieces[i], 2, FALSE);
      Fragment fragment;

      if (numbers == NULL ||
          !parse_offset (numbers[0], &fragment.start) || !parse_offset (numbers[1], &fragment.end))
        return NULL;
      g_array_append_val (fragments, fragment);
    }
  /* An empty field splits into no piece at all. */
  if (fragments->len == 0)
    return NULL;
  return g_steal_pointer (&fragments);
}

/* T1⇥TYPE START END[;START END…]⇥TEXT */
static gboolean
parse_textbound (BratLine    *line,
                 const char  *rest,
                 GError     **error)
{
  const char *tab = strchr (rest, '\t');
  g_autofree char *head = NULL;
  const char *space;

  if (tab == NULL)
    return malformed (error, line->where, "“TYPE START END⇥TEXT”", rest);
  head = g_strndup (rest, tab - rest);
  space = strchr (head, ' ');
  if (space == NULL || space == head)
    return malformed (error, line->where, "“TYPE START END⇥TEXT”", rest);

  line->kind = LINE_TEXTBOUND;
  line->type = g_strndup (head, space - head);
  line->text = g_strdup (tab + 1);
  line->fragments = parse_fragments (space + 1);
  if (line->fragments == NULL)
    /* TRANSLATORS: what a brat line should hold, after "expected"; keep START and END as they are */
    return malformed (error, line->where, _("“START END” (fragments separated by “;”)"), space + 1);
  return TRUE;
}

/* R1⇥TYPE Arg1:ID Arg2:ID, perhaps followed by a TAB and a comment, which brat ignores too */
static gboolean
parse_relation (BratLine    *line,
                const char  *rest,
                GError     **error)
{
  g_autofree char *head = g_strndup (rest, strcspn (rest, "\t"));
  g_auto(GStrv) fields = split_fields (head, 3, FALSE);

  if (fields == NULL ||
      !g_str_has_prefix (fields[1], "Arg1:") || fields[1][5] == '\0' ||
      !g_str_has_prefix (fields[2], "Arg2:") || fields[2][5] == '\0')
    return malformed (error, line->where, "“TYPE Arg1:ID Arg2:ID”", rest);

  line->kind = LINE_RELATION;
  line->type = g_strdup (fields[0]);
  line->target = g_strdup (fields[1] + 5);
  line->target2 = g_strdup (fields[2] + 5);
  return TRUE;
}

/* A1⇥NAME ID [VALUE]: of attributes, only our Status */
static gboolean
parse_attribute (BratLine    *line,
                 const char  *rest,
                 GError     **error)
{
  g_auto(GStrv) fields = strchr (rest, '\t') ? NULL : split_fields (rest, 3, TRUE);
  AnnEntityStatus status;

  if (fields == NULL)
    return malformed (error, line->where, "“NAME ID [VALUE]”", rest);
  if (strcmp (fields[0], STATUS_ATTRIBUTE) != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the attribute “%s” is not supported (only “%s” is, with the value "
                     "pending, accepted or rejected)"),
                   line->where, fields[0], STATUS_ATTRIBUTE);
      return FALSE;
    }
  if (fields[2] == NULL || !ann_entity_status_from_string (fields[2], &status))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the status must be pending, accepted or rejected, not “%s”"),
                   line->where, fields[2] ? fields[2] : "");
      return FALSE;
    }

  line->kind = LINE_STATUS;
  line->target = g_strdup (fields[1]);
  line->value = g_strdup (fields[2]);
  return TRUE;
}

/* N1⇥Reference ID DB:KEY⇥TEXT; the TEXT (the entry's name in DB) is not kept */
static gboolean
parse_reference (BratLine    *line,
                 const char  *rest,
                 GError     **error)
{
  g_autofree char *head = g_strndup (rest, strcspn (rest, "\t"));
  g_auto(GStrv) fields = split_fields (head, 3, FALSE);
  const char *colon;

  if (fields == NULL)
    return malformed (error, line->where, "“Reference ID DB:KEY⇥TEXT”", rest);
  if (strcmp (fields[0], REFERENCE_TYPE) != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the normalization type “%s” is not supported (only “%s” is)"),
                   line->where, fields[0], REFERENCE_TYPE);
      return FALSE;
    }
  colon = strchr (fields[2], ':');
  if (colon == NULL || colon == fields[2] || colon[1] == '\0')
    return malformed (error, line->where, _("a reference “DB:KEY”"), fields[2]);

  line->kind = LINE_REFERENCE;
  line->target = g_strdup (fields[1]);
  line->value = g_strdup (fields[2]);
  return TRUE;
}

/* #1⇥AnnotatorNotes ID⇥NOTE */
static gboolean
parse_note (BratLine    *line,
            const char  *rest,
            GError     **error)
{
  const char *tab = strchr (rest, '\t');
  g_autofree char *head = g_strndup (rest, tab ? (gsize) (tab - rest) : strlen (rest));
  g_auto(GStrv) fields = split_fields (head, 2, FALSE);

  if (fields == NULL)
    return malformed (error, line->where, "“AnnotatorNotes ID⇥NOTE”", rest);
  if (strcmp (fields[0], NOTE_TYPE) != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the comment type “%s” is not supported (only “%s” is)"),
                   line->where, fields[0], NOTE_TYPE);
      return FALSE;
    }

  line->kind = LINE_NOTE;
  line->target = g_strdup (fields[1]);
  line->value = g_strdup (tab ? tab + 1 : "");
  return TRUE;
}

/* One line of the .ann, or %NULL with @error unset for a blank line. */
static BratLine *
parse_line (const char  *content,
            const char  *where,
            GError     **error)
{
  g_autoptr(BratLine) line = g_new0 (BratLine, 1);
  const char *tab = strchr (content, '\t');
  gboolean ok;

  if (content[strspn (content, " \t")] == '\0')
    return NULL;

  line->where = g_strdup (where);
  if (tab == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX,
                   _("%s: malformed line: no TAB after the annotation id: “%s”"), where, content);
      return NULL;
    }
  line->id = g_strndup (content, tab - content);

  switch (content[0])
    {
    case 'T':
      ok = parse_textbound (line, tab + 1, error);
      break;
    case 'R':
      ok = parse_relation (line, tab + 1, error);
      break;
    case 'A':
    case 'M':
      ok = parse_attribute (line, tab + 1, error);
      break;
    case 'N':
      ok = parse_reference (line, tab + 1, error);
      break;
    case '#':
      ok = parse_note (line, tab + 1, error);
      break;
    case 'E':
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: events (E lines) are not supported"), where);
      return NULL;
    case '*':
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: equivalences (* lines) are not supported"), where);
      return NULL;
    default:
      g_set_error (error, ANN_ERROR, ANN_ERROR_SYNTAX,
                   _("%s: unknown line type “%s” (brat ids start with T, R, E, A, M, N or #)"),
                   where, line->id);
      return NULL;
    }

  return ok ? g_steal_pointer (&line) : NULL;
}

/* The lines of @content, checked one by one, with every id unique. */
static GPtrArray *
parse_lines (const char  *content,
             const char  *ann_name,
             GHashTable  *lines_by_id,
             GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) brat_line_free);
  g_auto(GStrv) raw_lines = g_strsplit (content, "\n", -1);

  for (guint i = 0; raw_lines[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", ann_name, i + 1);
      char *raw = raw_lines[i];
      gsize length = strlen (raw);
      BratLine *line;

      /* A .ann saved with CR LF line ends */
      if (length > 0 && raw[length - 1] == '\r')
        raw[length - 1] = '\0';

      line = parse_line (raw, where, error);
      if (line == NULL)
        {
          if (error != NULL && *error != NULL)
            return NULL;
          continue;
        }
      g_ptr_array_add (lines, line);

      if (g_hash_table_contains (lines_by_id, line->id))
        {
          BratLine *first = g_hash_table_lookup (lines_by_id, line->id);

          g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                       _("%s: the id “%s” is used twice (first at %s)"),
                       where, line->id, first->where);
          return NULL;
        }
      g_hash_table_insert (lines_by_id, line->id, line);
    }

  return g_steal_pointer (&lines);
}

/* --- import: building the file ------------------------------------------------------------ */

static gboolean
is_brat_id (const char *id,
            char        prefix)
{
  if (id[0] != prefix || id[1] == '\0')
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Ids of T and R lines: kept when brat-valid, else the first free "T<n>" or "R<n>". */
static void
assign_ids (GPtrArray  *lines,
            GHashTable *lines_by_id)
{
  guint next[2] = { 1, 1 };

  for (guint i = 0; i < lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (lines, i);
      char prefix;
      guint *n;

      if (line->kind != LINE_TEXTBOUND && line->kind != LINE_RELATION)
        continue;
      prefix = line->kind == LINE_TEXTBOUND ? 'T' : 'R';
      if (is_brat_id (line->id, prefix))
        {
          line->final_id = g_strdup (line->id);
          continue;
        }
      n = &next[line->kind == LINE_TEXTBOUND ? 0 : 1];
      do
        {
          g_free (line->final_id);
          line->final_id = g_strdup_printf ("%c%u", prefix, (*n)++);
        }
      while (g_hash_table_contains (lines_by_id, line->final_id));
    }
}

typedef struct
{
  AnnImport  *import;
  GArray     *raw_bytes;   /* raw code-point offset → byte offset */
  gboolean    has_bom;     /* the .txt starts with a UTF-8 byte order mark, counted by brat */
} TextContext;

static char *
dup_raw_slice (TextContext *context,
               guint        start,
               guint        end)
{
  const char *raw = ann_import_get_raw_text (context->import);
  gsize from = g_array_index (context->raw_bytes, gsize, start);
  gsize to = g_array_index (context->raw_bytes, gsize, end);

  return g_strndup (raw + from, to - from);
}

static char *
describe_fragments (GArray *fragments)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);

      g_string_append_printf (out, "%s%u %u", i > 0 ? ";" : "", fragment->start, fragment->end);
    }
  return g_string_free (out, FALSE);
}

/* Between two fragments of one entity, brat leaves only the white space around line breaks. */
static gboolean
is_line_break_gap (const char *gap)
{
  gboolean has_break = FALSE;

  if (*gap == '\0')
    return FALSE;
  for (const char *p = gap; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_line_break (c))
        has_break = TRUE;
      else if (!g_unichar_isspace (c))
        return FALSE;
    }
  return has_break;
}

/* The fragments of a discontinuous T line, checked: within the text, in order, apart only at
 * line breaks, with the TEXT they make. */
static gboolean
check_fragments (TextContext  *context,
                 BratLine     *line,
                 GError      **error)
{
  guint length = ann_import_get_raw_length (context->import);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *spans = describe_fragments (line->fragments);

  for (guint i = 0; i < line->fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (line->fragments, Fragment, i);
      g_autofree char *slice = NULL;

      if (fragment->start >= fragment->end || fragment->end > length)
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: the span %u–%u is empty or past the end of the text (%u characters)"),
                       line->where, fragment->start, fragment->end, length);
          return FALSE;
        }
      if (i > 0)
        {
          Fragment *previous = &g_array_index (line->fragments, Fragment, i - 1);
          g_autofree char *gap = NULL;

          if (previous->end > fragment->start)
            {
              g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                           _("%s: the fragments %s overlap or are out of order"),
                           line->where, spans);
              return FALSE;
            }
          gap = dup_raw_slice (context, previous->end, fragment->start);
          if (!is_line_break_gap (gap))
            {
              g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                           _("%s: discontinuous spans are not supported: the fragments %s "
                             "are apart by more than a line break (only a span that brat "
                             "split at line breaks is read, as one entity)"),
                           line->where, spans);
              return FALSE;
            }
          g_string_append_c (joined, ' ');
        }
      slice = dup_raw_slice (context, fragment->start, fragment->end);
      g_string_append (joined, slice);
    }

  if (strcmp (joined->str, line->text) != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the text “%s” does not match the article at %s, which reads “%s”"),
                   line->where, line->text, spans, joined->str);
      return FALSE;
    }
  return TRUE;
}

/* The TEXT of @fragments read from @units, the article in UTF-16 (or in code points when
 * @units is %NULL), or %NULL when they fall outside it or inside a character. */
static char *
read_fragments (TextContext     *context,
                GArray          *fragments,
                const gunichar2 *units,
                glong            n_units)
{
  GString *joined = g_string_new (NULL);
  glong length = units ? n_units : (glong) ann_import_get_raw_length (context->import);

  for (guint i = 0; i < fragments->len; i++)
    {
      Fragment *fragment = &g_array_index (fragments, Fragment, i);
      g_autofree char *piece = NULL;

      if (fragment->start >= fragment->end || fragment->end > length)
        break;
      if (units != NULL)
        piece = g_utf16_to_utf8 (units + fragment->start, fragment->end - fragment->start,
                                 NULL, NULL, NULL);
      else
        piece = dup_raw_slice (context, fragment->start, fragment->end);
      if (piece == NULL)
        break;
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, piece);
      if (i + 1 == fragments->len)
        return g_string_free (joined, FALSE);
    }

  g_string_free (joined, TRUE);
  return NULL;
}

static void
append_to_message (GError     **error,
                   const char  *hint)
{
  char *message = g_strconcat ((*error)->message, hint, NULL);

  g_free ((*error)->message);
  (*error)->message = message;
}

/* A TEXT field holding the span with each line break made a space. */
static gboolean
matches_with_breaks_flattened (const char *slice,
                               const char *text)
{
  g_autoptr(GString) flat = g_string_new (NULL);

  append_flattened (flat, slice);
  return strcmp (flat->str, text) == 0 && strcmp (slice, text) != 0;
}

/* Three common slips of other tools, which a hint makes plain: offsets in UTF-16 code units
 * (as JavaScript counts), a span across a line break written whole, and a byte order mark not
 * counted, while brat counts it as the first character. */
static void
add_hints (TextContext  *context,
           BratLine     *line,
           GError      **error)
{
  g_autofree char *as_code_points = NULL;
  g_autofree char *as_units = NULL;
  g_autofree gunichar2 *units = NULL;
  glong n_units = 0;

  if (error == NULL || *error == NULL)
    return;

  as_code_points = read_fragments (context, line->fragments, NULL, 0);
  units = g_utf8_to_utf16 (ann_import_get_raw_text (context->import), -1, NULL, &n_units, NULL);
  if (units != NULL)
    as_units = read_fragments (context, line->fragments, units, n_units);
  if (g_strcmp0 (as_code_points, line->text) != 0 && g_strcmp0 (as_units, line->text) == 0)
    append_to_message (error, _(" (the offsets count UTF-16 code units; brat counts code points)"));
  else if (as_code_points != NULL && matches_with_breaks_flattened (as_code_points, line->text))
    append_to_message (error, _(" (a span that crosses a line break must be split there into "
                                "fragments, “START END;START END”, as brat does)"));
  else if (context->has_bom)
    append_to_message (error, _(" (the .txt starts with a byte order mark, which brat counts "
                                "as the first character)"));
}

static AnnEntity *
create_entity (TextContext  *context,
               BratLine     *line,
               GError      **error)
{
  Fragment *first = &g_array_index (line->fragments, Fragment, 0);
  Fragment *last = &g_array_index (line->fragments, Fragment, line->fragments->len - 1);
  gboolean discontinuous = line->fragments->len > 1;
  AnnEntity *entity;

  if (discontinuous && !check_fragments (context, line, error))
    {
      add_hints (context, line, error);
      return NULL;
    }

  entity = ann_import_create_entity (context->import, line->final_id, line->type,
                                     first->start, last->end,
                                     discontinuous ? NULL : line->text, line->where, error);
  if (entity == NULL)
    add_hints (context, line, error);
  return entity;
}

/* The T line that @line annotates, or %NULL with an error. */
static BratLine *
lookup_target (BratLine    *line,
               const char  *target,
               GHashTable  *lines_by_id,
               GError     **error)
{
  BratLine *target_line = g_hash_table_lookup (lines_by_id, target);

  if (target_line == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND,
                   _("%s: “%s” refers to “%s”, which does not exist"),
                   line->where, line->id, target);
      return NULL;
    }
  if (target_line->kind != LINE_TEXTBOUND)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: “%s” refers to “%s”, which is not an entity (T line); only entities "
                     "are supported there"),
                   line->where, line->id, target);
      return NULL;
    }
  return target_line;
}

static char *
db_key_to_ref (BratLine  *line,
               GError   **error)
{
  const char *key = strchr (line->value, ':') + 1;
  char *ref;

  if (has_db (line->value, WIKIDATA_DB))
    return g_strdup (key);
  if (!has_db (line->value, GENERIC_DB))
    return g_strdup (line->value);

  ref = g_uri_unescape_string (key, NULL);
  if (ref == NULL || !g_utf8_validate (ref, -1, NULL))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the reference “%s” has a bad %%-escape (“%s:” keys are "
                     "percent-encoded UTF-8)"),
                   line->where, line->value, GENERIC_DB);
      g_free (ref);
      return NULL;
    }
  return ref;
}

static void
set_already_error (GError   **error,
                   BratLine  *line,
                   BratLine  *first)
{
  switch (line->kind)
    {
    case LINE_STATUS:
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("%s: “%s” already has a status (at %s)"), line->where, line->target,
                   first->where);
      break;
    case LINE_REFERENCE:
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("%s: “%s” already has a reference (at %s)"), line->where, line->target,
                   first->where);
      break;
    case LINE_NOTE:
    default:
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("%s: “%s” already has a note (at %s)"), line->where, line->target,
                   first->where);
      break;
    }
}

/* A status, note or reference: set on its entity, once. */
static gboolean
apply_to_entity (BratLine    *line,
                 AnnEntity   *entity,
                 GHashTable  *applied,
                 GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%d %s", line->kind, ann_entity_get_id (entity));
  BratLine *first = g_hash_table_lookup (applied, key);

  if (first != NULL)
    {
      set_already_error (error, line, first);
      return FALSE;
    }
  g_hash_table_insert (applied, g_steal_pointer (&key), line);

  switch (line->kind)
    {
    case LINE_STATUS:
      {
        AnnEntityStatus status = ANN_ENTITY_STATUS_NONE;

        ann_entity_status_from_string (line->value, &status);
        ann_entity_set_status (entity, status);
      }
      break;
    case LINE_REFERENCE:
      {
        g_autofree char *ref = db_key_to_ref (line, error);

        if (ref == NULL)
          return FALSE;
        ann_entity_set_ref (entity, ref);
      }
      break;
    case LINE_NOTE:
      ann_entity_set_note (entity, *line->value ? line->value : NULL);
      break;
    case LINE_TEXTBOUND:
    case LINE_RELATION:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
build_file (TextContext  *context,
            GPtrArray    *lines,
            GHashTable   *lines_by_id,
            GError      **error)
{
  AnnFile *file = ann_import_get_file (context->import);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                          NULL, g_object_unref);
  g_autoptr(GHashTable) applied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) relations = NULL;

  relations = g_ptr_array_new_with_free_func ((GDestroyNotify) ann_relation_free);

  /* The entities first, since other lines may refer to one further down. */
  for (guint i = 0; i < lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (lines, i);
      AnnEntity *entity;

      if (line->kind != LINE_TEXTBOUND)
        continue;
      entity = create_entity (context, line, error);
      if (entity == NULL)
        return FALSE;
      g_hash_table_insert (entities, line, entity);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (lines, i);
      BratLine *target, *target2;

      switch (line->kind)
        {
        case LINE_TEXTBOUND:
          break;
        case LINE_RELATION:
          if ((target = lookup_target (line, line->target, lines_by_id, error)) == NULL ||
              (target2 = lookup_target (line, line->target2, lines_by_id, error)) == NULL)
            return FALSE;
          g_ptr_array_add (relations, ann_relation_new (line->final_id, line->type,
                                                        target->final_id, target2->final_id));
          break;
        case LINE_STATUS:
        case LINE_REFERENCE:
        case LINE_NOTE:
          if ((target = lookup_target (line, line->target, lines_by_id, error)) == NULL ||
              !apply_to_entity (line, g_hash_table_lookup (entities, target), applied, error))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      BratLine *line = g_ptr_array_index (lines, i);

      if (line->kind == LINE_TEXTBOUND &&
          !ann_import_add_entity (context->import, g_hash_table_lookup (entities, line),
                                  line->where, error))
        return FALSE;
    }

  g_ptr_array_extend_and_steal (ann_file_get_relations (file), g_steal_pointer (&relations));
  return TRUE;
}

static GArray *
map_byte_offsets (const char *text)
{
  GArray *bytes = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gsize byte = p - text;

      g_array_append_val (bytes, byte);
      if (*p == '\0')
        break;
    }
  return bytes;
}

/* The text as brat counts it: decoded like any article, but with a UTF-8 byte order mark
 * kept as the character it is to brat (AnnImport then removes it, moving the offsets). */
static char *
load_raw_text (GFile       *txt_file,
               const char  *ann_name,
               gboolean    *has_bom,
               GError     **error)
{
  g_autofree char *txt_name = ann_io_describe_file (txt_file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = ann_io_load (txt_file, &local_error);
  g_autofree char *decoded = NULL;
  const guint8 *data;
  gsize length;

  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND,
                     _("%s: the article text %s is missing (brat keeps it beside the .ann file)"),
                     ann_name, txt_name);
      else
        g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                     ann_name, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  decoded = ann_text_decode (data ? data : (const guint8 *) "", length, error);
  if (decoded == NULL)
    {
      g_prefix_error (error, "%s: ", txt_name);
      return NULL;
    }

  *has_bom = length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;
  if (*has_bom)
    return g_strconcat ("\xEF\xBB\xBF", decoded, NULL);
  return g_steal_pointer (&decoded);
}

static gboolean
is_utf16 (const guint8 *data,
          gsize         length)
{
  return length >= 2 &&
         ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF));
}

static char *
load_annotations (GFile       *ann_file,
                  const char  *ann_name,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = ann_io_load (ann_file, error);
  const guint8 *data;
  char *content;
  gsize length;

  /* ann_io_load() names the file in its errors. */
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = (const guint8 *) "";
  content = ann_text_decode (data, length, error);
  if (content == NULL)
    {
      const char *bad = NULL;

      /* Bad UTF-8: name the line too, as for every other problem of the .ann. */
      if (!is_utf16 (data, length) &&
          !g_utf8_validate_len ((const char *) data, length, &bad) && bad != NULL)
        {
          guint line = 1;

          for (const char *p = (const char *) data; p < bad; p++)
            line += *p == '\n';
          g_prefix_error (error, "%s:%u: ", ann_name, line);
        }
      else
        g_prefix_error (error, "%s: ", ann_name);
    }
  return content;
}

/**
 * ann_format_brat_import:
 * @input: the .ann file; its text is the .txt beside it
 * @warning: (out) (optional): left unset: brat files carry nothing to warn about
 *
 * Returns: (transfer full): a new file with the default labels and those the .ann uses
 */
AnnFile *
ann_format_brat_import (GFile    *input,
                        char    **warning,
                        GError  **error)
{
  g_autofree char *ann_name = NULL;
  g_autofree char *txt_name = NULL;
  g_autofree char *txt_basename = NULL;
  g_autofree char *content = NULL;
  g_autofree char *raw_text = NULL;
  g_autoptr(GFile) txt_file = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) lines_by_id = NULL;
  g_autoptr(AnnImport) import = NULL;
  g_autoptr(GArray) raw_bytes = NULL;
  TextContext context = { NULL, };

  g_return_val_if_fail (G_IS_FILE (input), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ann_name = ann_io_describe_file (input);
  txt_file = ann_format_part_file (input, ".txt");
  txt_name = ann_io_describe_file (txt_file);

  content = load_annotations (input, ann_name, error);
  if (content == NULL)
    return NULL;
  raw_text = load_raw_text (txt_file, ann_name, &context.has_bom, error);
  if (raw_text == NULL)
    return NULL;

  lines_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  lines = parse_lines (content, ann_name, lines_by_id, error);
  if (lines == NULL)
    return NULL;
  assign_ids (lines, lines_by_id);

  import = ann_import_new (raw_text, txt_name, error);
  if (import == NULL)
    return NULL;
  raw_bytes = map_byte_offsets (raw_text);
  context.import = import;
  context.raw_bytes = raw_bytes;
  if (!build_file (&context, lines, lines_by_id, error))
    return NULL;

  txt_basename = ann_io_display_basename (txt_file);
  ann_document_set_source (ann_file_get_document (ann_import_get_file (import)), txt_basename);
  return g_object_ref (ann_import_get_file (import));
}
