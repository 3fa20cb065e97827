/* ann-merge.c: several annotators' files of one article merged into a gold file
 *
 * The merge of DESIGN.md, section 7. Every (start, end, label) that some annotator has is a
 * candidate; it goes into the gold file `accepted` when at least N annotators have it (by
 * default more than half of them: ⌊n/2⌋ + 1, so 2 of 2, 2 of 3, 3 of 4), else `pending`, for a
 * curator to decide. `annotators` lists who had it, in the order the files were given.
 *
 * The rest of the decisions, which the design leaves open:
 * - A rejected entity is not the annotator's (as in ann-agreement.c): it neither adds a
 *   candidate nor counts towards one. So merging gold files does not revive what was turned
 *   down.
 * - Notes and references are carried over. When everyone who gave one gave the same, it is
 *   kept as it is; when they differ, each distinct value is kept after the names of those who
 *   gave it, in file order: "an: Bí thư; binh, chi: Bí thư Tỉnh ủy". Nothing is lost, and a
 *   reference that so stops looking like an id shows the curator there is a choice to make.
 * - The labels are the union of the files' schemas in file order, the first definition of an
 *   id winning; a later label whose key is already taken comes without a key (a schema cannot
 *   give one key to two labels).
 * - The gold file's `annotator` is whatever the caller says, or none: the curator who then
 *   saves it in the window is asked for a name, and agreement reports call an unnamed gold
 *   file by its file name.
 * - Entity ids are T1, T2… in file order. Relations are not merged (their ends would need
 *   merging rules of their own); callers should say so when the files have any.
 * - The document (text, title, source, language) is the first file's; all files must have
 *   the same document id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-agreement.h"
#include "ann-error.h"
#include "ann-merge.h"

/* One (start, end, label) and every annotator who has it. */
typedef struct
{
  GPtrArray *entities;      /* AnnEntity, one per annotator who has it, in file order */
  GArray    *givers;        /* guint, the position of each such annotator's file */
} Candidate;

static void
candidate_free (Candidate *candidate)
{
  g_ptr_array_unref (candidate->entities);
  g_array_unref (candidate->givers);
  g_free (candidate);
}

static AnnEntity *
candidate_first (Candidate *candidate)
{
  return g_ptr_array_index (candidate->entities, 0);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  return ann_entity_compare (candidate_first (*(Candidate **) a),
                             candidate_first (*(Candidate **) b));
}

/**
 * ann_merge_default_min_agree:
 *
 * Returns: more than half of @n_files: ⌊@n_files / 2⌋ + 1
 */
guint
ann_merge_default_min_agree (guint n_files)
{
  return n_files / 2 + 1;
}

/* The candidates of all files, in file order (start, then end descending, then label). */
static GPtrArray *
collect_candidates (GPtrArray *files)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GPtrArray) entities = ann_agreement_counted_entities (g_ptr_array_index (files, i));

      for (guint j = 0; j < entities->len; j++)
        {
          AnnEntity *entity = g_ptr_array_index (entities, j);
          char *key = g_strdup_printf ("%u %u %s", ann_entity_get_start (entity),
                                       ann_entity_get_end (entity), ann_entity_get_label (entity));
          Candidate *candidate = g_hash_table_lookup (by_key, key);

          if (candidate == NULL)
            {
              candidate = g_new0 (Candidate, 1);
              candidate->entities = g_ptr_array_new_with_free_func (g_object_unref);
              candidate->givers = g_array_new (FALSE, FALSE, sizeof (guint));
              g_ptr_array_add (candidates, candidate);
              g_hash_table_insert (by_key, g_steal_pointer (&key), candidate);
            }
          g_free (key);
          g_ptr_array_add (candidate->entities, g_object_ref (entity));
          g_array_append_val (candidate->givers, i);
        }
    }

  g_ptr_array_sort (candidates, compare_candidates);
  return candidates;
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* The note (@for_ref FALSE) or reference of a candidate: the one value when everyone who gave
 * one agrees, else "an: …; binh, chi: …". */
static char *
merge_values (Candidate          *candidate,
              const char * const *names,
              gboolean            for_ref)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) givers = g_ptr_array_new_with_free_func (free_string);
  GString *merged;

  for (guint i = 0; i < candidate->entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (candidate->entities, i);
      const char *value = for_ref ? ann_entity_get_ref (entity) : ann_entity_get_note (entity);
      const char *name = names[g_array_index (candidate->givers, guint, i)];
      guint position;

      if (value == NULL)
        continue;
      if (g_ptr_array_find_with_equal_func (values, value, g_str_equal, &position))
        {
          g_string_append_printf (g_ptr_array_index (givers, position), ", %s", name);
          continue;
        }
      g_ptr_array_add (values, (char *) value);
      g_ptr_array_add (givers, g_string_new (name));
    }

  if (values->len <= 1)
    return values->len == 0 ? NULL : g_strdup (g_ptr_array_index (values, 0));

  merged = g_string_new (NULL);
  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (merged, "%s%s: %s", i > 0 ? ANN_MERGE_NOTE_SEPARATOR : "",
                            ((GString *) g_ptr_array_index (givers, i))->str,
                            (const char *) g_ptr_array_index (values, i));
  return g_string_free (merged, FALSE);
}

static AnnEntity *
merge_candidate (Candidate          *candidate,
                 guint               number,
                 const char * const *names,
                 guint               min_agree)
{
  AnnEntity *first = candidate_first (candidate);
  g_autofree char *id = g_strdup_printf ("T%u", number);
  g_autofree char *note = merge_values (candidate, names, FALSE);
  g_autofree char *ref = merge_values (candidate, names, TRUE);
  g_autoptr(GStrvBuilder) who = g_strv_builder_new ();
  g_auto(GStrv) annotators = NULL;
  AnnEntity *entity;

  entity = ann_entity_new (id, ann_entity_get_label (first), ann_entity_get_start (first),
                           ann_entity_get_end (first), ann_entity_get_text (first));
  ann_entity_set_note (entity, note);
  ann_entity_set_ref (entity, ref);
  ann_entity_set_status (entity, candidate->givers->len >= min_agree ?
                                 ANN_ENTITY_STATUS_ACCEPTED : ANN_ENTITY_STATUS_PENDING);
  for (guint i = 0; i < candidate->givers->len; i++)
    g_strv_builder_add (who, names[g_array_index (candidate->givers, guint, i)]);
  annotators = g_strv_builder_end (who);
  ann_entity_set_annotators (entity, (const char * const *) annotators);

  return entity;
}

/* The union of the schemas; the first definition of an id wins, and keeps its key. */
static AnnLabelSchema *
merge_labels (GPtrArray *files)
{
  AnnLabelSchema *merged = ann_label_schema_new ();

  for (guint i = 0; i < files->len; i++)
    {
      AnnLabelSchema *labels = ann_file_get_labels (g_ptr_array_index (files, i));

      for (guint j = 0; j < ann_label_schema_get_n_labels (labels); j++)
        {
          AnnLabel *label = ann_label_schema_get_nth (labels, j);
          const char *key = ann_label_get_key (label);
          g_autoptr(AnnLabel) copy = NULL;

          if (ann_label_schema_lookup (merged, ann_label_get_id (label)) != NULL)
            continue;
          if (key != NULL && ann_label_schema_lookup_key (merged, key) != NULL)
            key = NULL;
          copy = ann_label_new (ann_label_get_id (label), ann_label_get_name (label),
                                ann_label_get_color (label), key);
          ann_label_schema_add (merged, copy, NULL);
        }
    }

  return merged;
}

static AnnDocument *
copy_document (AnnDocument  *document,
               GError      **error)
{
  AnnDocument *copy = ann_document_new (ann_document_get_text (document), error);

  if (copy == NULL)
    return NULL;
  ann_document_set_title (copy, ann_document_get_title (document));
  ann_document_set_source (copy, ann_document_get_source (document));
  ann_document_set_language (copy, ann_document_get_language (document));
  return copy;
}

/**
 * ann_merge:
 * @files: (element-type AnnFile): two or more annotation files of one article
 * @names: (array): the annotators' names, one per file (see
 *   ann_agreement_annotator_names())
 * @min_agree: how many annotators must have an entity for it to be accepted, from 1 to the
 *   number of files; 0 for the default, more than half
 * @annotator: (nullable): the gold file's annotator
 *
 * Merges @files into a new gold file; see the top of this file for the rules.
 *
 * Returns: (transfer full) (nullable): the gold file, or %NULL when the files annotate
 *   different articles or @min_agree is more than their number
 */
AnnFile *
ann_merge (GPtrArray           *files,
           const char * const  *names,
           guint                min_agree,
           const char          *annotator,
           GError             **error)
{
  g_autoptr(AnnDocument) document = NULL;
  g_autoptr(AnnLabelSchema) labels = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(AnnFile) gold = NULL;

  g_return_val_if_fail (files != NULL && files->len >= 1, NULL);
  g_return_val_if_fail (names != NULL && g_strv_length ((char **) names) == files->len, NULL);

  if (min_agree == 0)
    min_agree = ann_merge_default_min_agree (files->len);
  if (min_agree > files->len)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u annotators cannot agree when there is only %u file",
                                "%u annotators cannot agree when there are only %u files",
                                files->len),
                   min_agree, files->len);
      return NULL;
    }
  if (!ann_agreement_check_document (files, names, error))
    return NULL;

  document = copy_document (ann_file_get_document (g_ptr_array_index (files, 0)), error);
  if (document == NULL)
    return NULL;
  labels = merge_labels (files);
  gold = ann_file_new (document, labels);
  ann_file_set_annotator (gold, annotator);

  candidates = collect_candidates (files);
  entities = g_ptr_array_new_full (candidates->len, g_object_unref);
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (entities, merge_candidate (g_ptr_array_index (candidates, i), i + 1, names,
                                                min_agree));
  if (!ann_entity_store_add_all (ann_file_get_entities (gold), entities, error))
    return NULL;

  return g_steal_pointer (&gold);
}
