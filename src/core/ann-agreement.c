/* ann-agreement.c: agreement between annotators of one article (DESIGN.md, section 7)
 *
 * For every pair of files, in the order given: exact F1 and overlap F1 over entities, overall
 * and per label, and Cohen's kappa over the tokens of the tokenizer; with three files or more,
 * Fleiss' kappa over the tokens as well.
 *
 * What counts as an annotator's entity: every entity of the file except those whose status is
 * "rejected". A rejected entity is one the annotator (or a curator) looked at and turned down,
 * so counting it would credit the annotator with what they refused; this matters most for a
 * gold file, which keeps its rejected candidates for the record. Pending entities count: they
 * are in the file, and the annotator has not taken them back. The merge uses the same rule.
 *
 * The figures are exact where they can be: each kappa is computed in whole numbers and
 * divided once, so (pₒ − pₑ)/(1 − pₑ) with pₑ = Σ n_A(k)·n_B(k)/N² becomes
 * (agreed·N − Σ n_A(k)·n_B(k)) / (N² − Σ n_A(k)·n_B(k)); hand-computed fractions in the tests
 * compare equal to the last bit. Both kappas are 1 when the text has no token or when chance
 * agreement is certain (pₑ = 1: everyone put every token in the same category), where the
 * formula would divide by zero; with pₑ = 1 the annotators cannot disagree on any token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ann-agreement.h"
#include "ann-text.h"
#include "ann-error.h"
#include "ann-json-writer.h"
#include "ann-tokenizer.h"

typedef struct
{
  char       *label;
  guint       n_a;
  guint       n_b;
  guint       n_exact;
  guint       n_overlap;
} LabelCounts;

struct _AnnAgreementPair
{
  guint       a;
  guint       b;
  guint       n_a;
  guint       n_b;
  guint       n_exact;
  guint       n_overlap;
  double      kappa_tokens;
  GPtrArray  *labels;       /* LabelCounts, in the order of per_label */
  GPtrArray  *label_ids;    /* const char *, NULL-terminated, the same order */
  GPtrArray  *links;        /* AnnAgreementLink */
};

/* One annotator's side of the computation. */
typedef struct
{
  GPtrArray *entities;      /* the counted AnnEntity, in (start, end, label) order */
  guint     *categories;    /* per token: 0 for O, else 1 + the label's index */
} Side;

struct _AnnAgreement
{
  GObject    parent_instance;

  char      *document_id;
  GStrv      annotators;
  GPtrArray *pairs;         /* AnnAgreementPair */
  double     fleiss_kappa;  /* NAN with fewer than three annotators */
};

G_DEFINE_FINAL_TYPE (AnnAgreement, ann_agreement, G_TYPE_OBJECT)

/* --- pairs and links ---------------------------------------------------------------------- */

static void
link_free (AnnAgreementLink *link)
{
  g_clear_object (&link->a);
  g_clear_object (&link->b);
  g_free (link);
}

static void
add_link (GPtrArray            *links,
          AnnAgreementLinkKind  kind,
          AnnEntity            *a,
          AnnEntity            *b)
{
  AnnAgreementLink *link = g_new0 (AnnAgreementLink, 1);

  link->kind = kind;
  link->a = a ? g_object_ref (a) : NULL;
  link->b = b ? g_object_ref (b) : NULL;
  g_ptr_array_add (links, link);
}

static void
label_counts_free (LabelCounts *counts)
{
  g_free (counts->label);
  g_free (counts);
}

static void
pair_free (AnnAgreementPair *pair)
{
  g_ptr_array_unref (pair->labels);
  g_ptr_array_unref (pair->label_ids);
  g_ptr_array_unref (pair->links);
  g_free (pair);
}

/* --- the object --------------------------------------------------------------------------- */

static void
ann_agreement_finalize (GObject *object)
{
  AnnAgreement *self = (AnnAgreement *) object;

  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->annotators, g_strfreev);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);

  G_OBJECT_CLASS (ann_agreement_parent_class)->finalize (object);
}

static void
ann_agreement_class_init (AnnAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_agreement_finalize;
}

static void
ann_agreement_init (AnnAgreement *self)
{
  self->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  self->fleiss_kappa = NAN;
}

/* --- annotators and documents ------------------------------------------------------------- */

/* "an.json" → "an", "dir/ban.v2.json" → "ban.v2"; a name that is all extension stays whole.
 * In UTF-8 (see ann_io_display_basename()): it goes into the gold file. */
static char *
path_stem (const char *path)
{
  char *basename = g_filename_display_basename (path);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';
  return basename;
}

static const char *
document_id_of (GPtrArray *files,
                guint      position)
{
  return ann_document_get_id (ann_file_get_document (g_ptr_array_index (files, position)));
}

/* A name as it compares: "Bình" typed with a combining grave accent is "Bình". */
static char *
annotator_key (AnnFile *file)
{
  const char *annotator = ann_file_get_annotator (file);

  return annotator != NULL ? ann_text_normalize (annotator) : NULL;
}

static guint
count_annotator (GPtrArray  *files,
                 const char *key)
{
  guint count = 0;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *other = annotator_key (g_ptr_array_index (files, i));

      count += g_strcmp0 (other, key) == 0;
    }
  return count;
}

/**
 * ann_agreement_annotator_names:
 * @files: (element-type AnnFile): the files, in the order given
 * @paths: (array) (nullable): the path of each file
 *
 * The names that reports give the annotators, as section 7 of the design says: the file's
 * `annotator`, or the file's name without its extension when that is empty or when another of
 * the files has the same `annotator` (then every file that shares it goes by its file name,
 * so none of them looks like the only "an"). Names that still collide (two "an.json" in
 * different folders) get "-2", "-3"… in order, so that every name is unique. Without a path,
 * a file is named by its position.
 *
 * Returns: (transfer full): one name per file
 */
GStrv
ann_agreement_annotator_names (GPtrArray          *files,
                               const char * const *paths)
{
  g_autoptr(GHashTable) wanted_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) wanted = NULL;

  g_return_val_if_fail (files != NULL, NULL);

  wanted = g_new0 (char *, files->len + 1);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *annotator = annotator_key (g_ptr_array_index (files, i));

      if (annotator != NULL && *annotator != '\0' && count_annotator (files, annotator) == 1)
        wanted[i] = g_steal_pointer (&annotator);
      else if (paths != NULL && paths[i] != NULL)
        wanted[i] = path_stem (paths[i]);
      else
        wanted[i] = g_strdup_printf (_("annotator %u"), i + 1);
      g_hash_table_add (wanted_set, wanted[i]);
    }

  /* The first file keeps a name it wants; a later one steps aside onto a suffix that no
   * file wants. */
  for (guint i = 0; i < files->len; i++)
    {
      char *name = g_strdup (wanted[i]);

      for (guint n = 2; g_hash_table_contains (used, name) ||
                        (strcmp (name, wanted[i]) != 0 && g_hash_table_contains (wanted_set, name));
           n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u", wanted[i], n);
        }
      g_strv_builder_add (builder, name);
      g_hash_table_add (used, name);
    }

  return g_strv_builder_end (builder);
}

/**
 * ann_agreement_check_document:
 * @files: (element-type AnnFile): the files
 * @names: (array): how the message names each file: its path, or its annotator
 *
 * Returns: whether all @files annotate the same document; if not, the error names every
 *   file with the id of its document
 */
gboolean
ann_agreement_check_document (GPtrArray           *files,
                              const char * const  *names,
                              GError             **error)
{
  g_autoptr(GString) groups = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  gboolean same = TRUE;
  const char *first;

  g_return_val_if_fail (files != NULL && files->len > 0, FALSE);
  g_return_val_if_fail (names != NULL, FALSE);

  first = document_id_of (files, 0);
  for (guint i = 1; i < files->len && same; i++)
    same = strcmp (first, document_id_of (files, i)) == 0;
  if (same)
    return TRUE;

  /* "a.json, b.json: sha256:…; c.json: sha256:…", grouped by document in order of appearance. */
  groups = g_string_new (NULL);
  ids = g_ptr_array_new ();
  for (guint i = 0; i < files->len; i++)
    {
      const char *id = document_id_of (files, i);
      gboolean first_in_group = TRUE;

      if (g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        continue;
      g_ptr_array_add (ids, (char *) id);
      if (groups->len > 0)
        g_string_append (groups, "; ");
      for (guint j = i; j < files->len; j++)
        {
          if (strcmp (id, document_id_of (files, j)) != 0)
            continue;
          if (!first_in_group)
            g_string_append (groups, ", ");
          g_string_append (groups, names[j]);
          first_in_group = FALSE;
        }
      g_string_append_printf (groups, ": %s", id);
    }

  g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
               _("The files annotate different articles, so they cannot be compared or merged "
                 "(%s)"), groups->str);
  return FALSE;
}

/* The order of section 7's matching: start, then end (ascending, unlike the file's order),
 * then label. */
static int
compare_span_key (AnnEntity  *entity,
                  guint       start,
                  guint       end,
                  const char *label)
{
  if (ann_entity_get_start (entity) != start)
    return ann_entity_get_start (entity) < start ? -1 : 1;
  if (ann_entity_get_end (entity) != end)
    return ann_entity_get_end (entity) < end ? -1 : 1;
  return strcmp (ann_entity_get_label (entity), label);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  AnnEntity *x = *(AnnEntity **) a;
  AnnEntity *y = *(AnnEntity **) b;

  return compare_span_key (x, ann_entity_get_start (y), ann_entity_get_end (y),
                           ann_entity_get_label (y));
}

/**
 * ann_agreement_counted_entities:
 *
 * The entities that count as the annotator's: all but the rejected ones.
 *
 * Returns: (transfer container) (element-type AnnEntity): in (start, end, label) order
 */
GPtrArray *
ann_agreement_counted_entities (AnnFile *file)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *counted;

  g_return_val_if_fail (ANN_IS_FILE (file), NULL);

  all = ann_entity_store_dup_all (ann_file_get_entities (file));
  counted = g_ptr_array_new_full (all->len, g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (all, i);

      if (ann_entity_get_status (entity) != ANN_ENTITY_STATUS_REJECTED)
        g_ptr_array_add (counted, g_object_ref (entity));
    }
  g_ptr_array_sort (counted, compare_spans);
  return counted;
}

/* --- matching ----------------------------------------------------------------------------- */

/* The position of the entity with this span and label in @sorted, or -1. */
static int
find_span (GPtrArray *sorted,
           AnnEntity *key)
{
  guint low = 0;
  guint high = sorted->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int cmp = compare_spans (&sorted->pdata[middle], &key);

      if (cmp == 0)
        return middle;
      if (cmp < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return -1;
}

/* The position of the first entity of @sorted (in start order) that starts at @start or
 * after it. */
static guint
first_starting_at (GPtrArray *sorted,
                   guint      start)
{
  guint low = 0;
  guint high = sorted->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (ann_entity_get_start (g_ptr_array_index (sorted, middle)) < start)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static gboolean
overlaps (AnnEntity *a,
          AnnEntity *b)
{
  return ann_entity_get_start (a) < ann_entity_get_end (b) &&
         ann_entity_get_start (b) < ann_entity_get_end (a);
}

/* Section 7's one-to-one matching: A's entities in (start, end, label) order each take the
 * first B entity in that order that is still free, overlaps it and has the same label. Entities
 * whose a_partner is already set, or whose b_taken is, sit out (the review links use that).
 * Greedy, not optimal, on purpose: the contract fixes the figure so that every tool agrees. */
static guint
match_overlapping (GPtrArray *a,
                   GPtrArray *b,
                   int       *a_partner,
                   gboolean  *b_taken)
{
  guint matches = 0;
  guint first = 0;   /* B before it is of no use to any A entity left */

  for (guint i = 0; i < a->len; i++)
    {
      AnnEntity *x = g_ptr_array_index (a, i);

      /* A is in start order too: a B entity taken, or ending where x starts or before, can
       * match no later A entity. Skipping them keeps the matching linear for flat spans. */
      while (first < b->len &&
             (b_taken[first] ||
              ann_entity_get_end (g_ptr_array_index (b, first)) <= ann_entity_get_start (x)))
        first++;

      if (a_partner[i] >= 0)
        continue;
      for (guint j = first; j < b->len; j++)
        {
          AnnEntity *y = g_ptr_array_index (b, j);

          /* B is in start order: nothing further on can overlap x. */
          if (ann_entity_get_start (y) >= ann_entity_get_end (x))
            break;
          if (b_taken[j] || !overlaps (x, y) ||
              strcmp (ann_entity_get_label (x), ann_entity_get_label (y)) != 0)
            continue;
          a_partner[i] = j;
          b_taken[j] = TRUE;
          matches++;
          break;
        }
    }
  return matches;
}

static int *
new_partners (guint n)
{
  int *partners = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    partners[i] = -1;
  return partners;
}

/* --- figures ------------------------------------------------------------------------------ */

static double
f1 (guint matches,
    guint n_a,
    guint n_b)
{
  if (n_a + n_b == 0)
    return 1.0;
  return 2.0 * matches / (n_a + n_b);
}

static double
cohen_kappa (const guint *a,
             const guint *b,
             guint        n_tokens,
             guint        n_categories)
{
  g_autofree guint64 *count_a = g_new0 (guint64, n_categories);
  g_autofree guint64 *count_b = g_new0 (guint64, n_categories);
  guint64 agreed = 0;
  guint64 chance = 0;
  guint64 total = (guint64) n_tokens * n_tokens;

  for (guint i = 0; i < n_tokens; i++)
    {
      count_a[a[i]]++;
      count_b[b[i]]++;
      if (a[i] == b[i])
        agreed++;
    }
  for (guint k = 0; k < n_categories; k++)
    chance += count_a[k] * count_b[k];

  if (n_tokens == 0 || chance == total)
    return 1.0;
  return (double) ((gint64) (agreed * n_tokens) - (gint64) chance) / (double) (total - chance);
}

/* Fleiss' kappa with n raters, N tokens, n_ij raters putting token i in category j:
 *   P̄ = (S − Nn) / (Nn(n − 1)),  S = Σᵢ Σⱼ n_ij²
 *   P̄ₑ = Q / (Nn)²,             Q = Σⱼ (Σᵢ n_ij)²
 *   κ = (P̄ − P̄ₑ) / (1 − P̄ₑ) = ((S − Nn)·Nn − Q(n − 1)) / (((Nn)² − Q)(n − 1)) */
static double
fleiss_kappa (Side  *sides,
              guint  n_raters,
              guint  n_tokens,
              guint  n_categories)
{
  g_autofree guint64 *per_token = g_new0 (guint64, n_categories);
  g_autofree guint64 *totals = g_new0 (guint64, n_categories);
  guint64 nn = (guint64) n_tokens * n_raters;
  guint64 s = 0;
  guint64 q = 0;

  for (guint i = 0; i < n_tokens; i++)
    {
      /* (c + 1)² − c² = 2c + 1: S grows as the counts do, with no pass over every category. */
      for (guint r = 0; r < n_raters; r++)
        s += 2 * per_token[sides[r].categories[i]]++ + 1;
      for (guint r = 0; r < n_raters; r++)
        {
          guint category = sides[r].categories[i];

          totals[category] += per_token[category];
          per_token[category] = 0;
        }
    }
  for (guint k = 0; k < n_categories; k++)
    q += totals[k] * totals[k];

  if (n_tokens == 0 || q == nn * nn)
    return 1.0;
  return ((double) ((gint64) ((s - nn) * nn) - (gint64) (q * (n_raters - 1)))) /
         (double) ((nn * nn - q) * (n_raters - 1));
}

/* --- one pair ----------------------------------------------------------------------------- */

static LabelCounts *
lookup_counts (GHashTable *by_label,
               const char *label)
{
  LabelCounts *counts = g_hash_table_lookup (by_label, label);

  if (counts == NULL)
    {
      counts = g_new0 (LabelCounts, 1);
      counts->label = g_strdup (label);
      g_hash_table_insert (by_label, counts->label, counts);
    }
  return counts;
}

/* per_label: the labels in use, in the order of A's schema, then of B's. */
static void
order_labels (AnnAgreementPair *pair,
              GHashTable       *by_label,
              AnnFile          *file_a,
              AnnFile          *file_b)
{
  AnnLabelSchema *schemas[] = { ann_file_get_labels (file_a), ann_file_get_labels (file_b) };

  for (guint s = 0; s < G_N_ELEMENTS (schemas); s++)
    for (guint i = 0; i < ann_label_schema_get_n_labels (schemas[s]); i++)
      {
        const char *id = ann_label_get_id (ann_label_schema_get_nth (schemas[s], i));
        LabelCounts *counts;

        if (!g_hash_table_steal_extended (by_label, id, NULL, (gpointer *) &counts))
          continue;
        g_ptr_array_add (pair->labels, counts);
        g_ptr_array_add (pair->label_ids, counts->label);
      }
  g_ptr_array_add (pair->label_ids, NULL);
}

static void
count_matches (AnnAgreementPair *pair,
               Side             *a,
               Side             *b,
               GHashTable       *by_label)
{
  g_autofree int *partners = new_partners (a->entities->len);
  g_autofree gboolean *taken = g_new0 (gboolean, b->entities->len + 1);

  for (guint i = 0; i < a->entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (a->entities, i);

      lookup_counts (by_label, ann_entity_get_label (entity))->n_a++;
      if (find_span (b->entities, entity) >= 0)
        {
          pair->n_exact++;
          lookup_counts (by_label, ann_entity_get_label (entity))->n_exact++;
        }
    }
  for (guint j = 0; j < b->entities->len; j++)
    lookup_counts (by_label, ann_entity_get_label (g_ptr_array_index (b->entities, j)))->n_b++;

  pair->n_a = a->entities->len;
  pair->n_b = b->entities->len;
  pair->n_overlap = match_overlapping (a->entities, b->entities, partners, taken);
  for (guint i = 0; i < a->entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (a->entities, i);

      if (partners[i] >= 0)
        lookup_counts (by_label, ann_entity_get_label (entity))->n_overlap++;
    }
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const AnnAgreementLink *x = *(AnnAgreementLink **) a;
  const AnnAgreementLink *y = *(AnnAgreementLink **) b;
  AnnEntity *ex = x->a ? x->a : x->b;
  AnnEntity *ey = y->a ? y->a : y->b;

  return compare_span_key (ex, ann_entity_get_start (ey), ann_entity_get_end (ey),
                           ann_entity_get_label (ey));
}

/* The alignment a review view shows, which is not the F1 matching: exact twins first, so that
 * an entity both annotators have is never shown as a difference, then the greedy overlap
 * matching among the rest, then same-span label conflicts; the rest is one-sided. */
static void
link_entities (AnnAgreementPair *pair,
               Side             *a,
               Side             *b)
{
  GPtrArray *ea = a->entities;
  GPtrArray *eb = b->entities;
  g_autofree int *partners = new_partners (ea->len);
  g_autofree gboolean *taken = g_new0 (gboolean, eb->len + 1);
  g_autofree AnnAgreementLinkKind *kinds = g_new0 (AnnAgreementLinkKind, ea->len + 1);

  for (guint i = 0; i < ea->len; i++)
    {
      int j = find_span (eb, g_ptr_array_index (ea, i));

      if (j < 0)
        continue;
      partners[i] = j;
      taken[j] = TRUE;
    }

  /* What the overlap matching links is an overlap; the rest stays exact. */
  for (guint i = 0; i < ea->len; i++)
    kinds[i] = partners[i] >= 0 ? ANN_AGREEMENT_LINK_EXACT : ANN_AGREEMENT_LINK_OVERLAP;
  match_overlapping (ea, eb, partners, taken);

  for (guint i = 0; i < ea->len; i++)
    {
      AnnEntity *x = g_ptr_array_index (ea, i);

      /* Only B's entities that start where x does can have its span. */
      for (guint j = first_starting_at (eb, ann_entity_get_start (x));
           partners[i] < 0 && j < eb->len &&
           ann_entity_get_start (g_ptr_array_index (eb, j)) == ann_entity_get_start (x);
           j++)
        {
          AnnEntity *y = g_ptr_array_index (eb, j);

          if (!taken[j] && ann_entity_get_end (x) == ann_entity_get_end (y))
            {
              partners[i] = j;
              taken[j] = TRUE;
              kinds[i] = ANN_AGREEMENT_LINK_LABEL;
            }
        }
    }

  for (guint i = 0; i < ea->len; i++)
    add_link (pair->links, partners[i] >= 0 ? kinds[i] : ANN_AGREEMENT_LINK_ONLY_A,
              g_ptr_array_index (ea, i),
              partners[i] >= 0 ? g_ptr_array_index (eb, partners[i]) : NULL);
  for (guint j = 0; j < eb->len; j++)
    if (!taken[j])
      add_link (pair->links, ANN_AGREEMENT_LINK_ONLY_B, NULL, g_ptr_array_index (eb, j));
  g_ptr_array_sort (pair->links, compare_links);
}

static AnnAgreementPair *
compute_pair (guint     index_a,
              guint     index_b,
              AnnFile  *file_a,
              AnnFile  *file_b,
              Side     *a,
              Side     *b,
              guint     n_tokens,
              guint     n_categories)
{
  g_autoptr(GHashTable) by_label = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             (GDestroyNotify) label_counts_free);
  AnnAgreementPair *pair = g_new0 (AnnAgreementPair, 1);

  pair->a = index_a;
  pair->b = index_b;
  pair->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) label_counts_free);
  pair->label_ids = g_ptr_array_new ();
  pair->links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);

  count_matches (pair, a, b, by_label);
  order_labels (pair, by_label, file_a, file_b);
  link_entities (pair, a, b);
  pair->kappa_tokens = cohen_kappa (a->categories, b->categories, n_tokens, n_categories);

  return pair;
}

/* --- computing ---------------------------------------------------------------------------- */

/* Each token's category under @entities: the label of the entity the tokenizer's rule picks. */
static guint *
categorize_tokens (GArray     *tokens,
                   GPtrArray  *entities,
                   GHashTable *categories)
{
  g_autoptr(AnnEntityStore) store = ann_entity_store_new ();
  g_autoptr(GPtrArray) covering = NULL;
  guint *result = g_new0 (guint, tokens->len + 1);

  /* The entities are frozen and unique in their own file, so a second store may hold them. */
  ann_entity_store_add_all (store, entities, NULL);
  covering = ann_tokens_covering_entities (tokens, store);
  for (guint i = 0; i < tokens->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (covering, i);
      const char *label;

      if (entity == NULL)
        continue;
      label = ann_entity_get_label (entity);
      if (!g_hash_table_contains (categories, label))
        g_hash_table_insert (categories, (char *) label,
                             GUINT_TO_POINTER (g_hash_table_size (categories) + 1));
      result[i] = GPOINTER_TO_UINT (g_hash_table_lookup (categories, label));
    }
  return result;
}

/**
 * ann_agreement_compute:
 * @files: (element-type AnnFile): two or more annotation files of one article
 * @names: (array): the annotators' names, one per file (see
 *   ann_agreement_annotator_names())
 *
 * Measures the agreement of every pair of @files, in the order given, and with three files
 * or more Fleiss' kappa of them all. Rejected entities do not count (see the top of this file).
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL when the files annotate
 *   different articles
 */
AnnAgreement *
ann_agreement_compute (GPtrArray           *files,
                       const char * const  *names,
                       GError             **error)
{
  g_autoptr(AnnAgreement) self = NULL;
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) tokens = NULL;
  g_autofree Side *sides = NULL;
  AnnDocument *document;
  guint n = 0;

  g_return_val_if_fail (files != NULL && files->len >= 2, NULL);
  g_return_val_if_fail (names != NULL && g_strv_length ((char **) names) == files->len, NULL);

  if (!ann_agreement_check_document (files, names, error))
    return NULL;

  document = ann_file_get_document (g_ptr_array_index (files, 0));
  tokens = ann_tokenize (ann_document_get_text (document));

  n = files->len;
  sides = g_new0 (Side, n);
  for (guint i = 0; i < n; i++)
    {
      sides[i].entities = ann_agreement_counted_entities (g_ptr_array_index (files, i));
      sides[i].categories = categorize_tokens (tokens, sides[i].entities, categories);
    }

  self = g_object_new (ANN_TYPE_AGREEMENT, NULL);
  self->document_id = g_strdup (ann_document_get_id (document));
  self->annotators = g_strdupv ((char **) names);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_ptr_array_add (self->pairs,
                       compute_pair (i, j, g_ptr_array_index (files, i),
                                     g_ptr_array_index (files, j), &sides[i], &sides[j],
                                     tokens->len, g_hash_table_size (categories) + 1));
  if (n >= 3)
    self->fleiss_kappa = fleiss_kappa (sides, n, tokens->len, g_hash_table_size (categories) + 1);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_unref (sides[i].entities);
      g_free (sides[i].categories);
    }

  return g_steal_pointer (&self);
}

const char *
ann_agreement_get_document_id (AnnAgreement *self)
{
  g_return_val_if_fail (ANN_IS_AGREEMENT (self), NULL);

  return self->document_id;
}

guint
ann_agreement_get_n_annotators (AnnAgreement *self)
{
  g_return_val_if_fail (ANN_IS_AGREEMENT (self), 0);

  return g_strv_length (self->annotators);
}

const char *
ann_agreement_get_annotator (AnnAgreement *self,
                             guint         position)
{
  g_return_val_if_fail (ANN_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < g_strv_length (self->annotators), NULL);

  return self->annotators[position];
}

guint
ann_agreement_get_n_pairs (AnnAgreement *self)
{
  g_return_val_if_fail (ANN_IS_AGREEMENT (self), 0);

  return self->pairs->len;
}

/**
 * ann_agreement_get_pair:
 *
 * The pairs come in the order (0, 1), (0, 2)… (1, 2)… of the files.
 *
 * Returns: (transfer none): the pair at @position, owned by @self
 */
AnnAgreementPair *
ann_agreement_get_pair (AnnAgreement *self,
                        guint         position)
{
  g_return_val_if_fail (ANN_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < self->pairs->len, NULL);

  return g_ptr_array_index (self->pairs, position);
}

gboolean
ann_agreement_has_fleiss_kappa (AnnAgreement *self)
{
  g_return_val_if_fail (ANN_IS_AGREEMENT (self), FALSE);

  return !isnan (self->fleiss_kappa);
}

/**
 * ann_agreement_get_fleiss_kappa:
 *
 * Returns: Fleiss' kappa over the tokens, or NAN with fewer than three annotators
 */
double
ann_agreement_get_fleiss_kappa (AnnAgreement *self)
{
  g_return_val_if_fail (ANN_IS_AGREEMENT (self), NAN);

  return self->fleiss_kappa;
}

/**
 * ann_agreement_to_json:
 *
 * The figures as `agree --json` prints them (section 7 of the design), indented by two
 * spaces, without a final newline.
 */
char *
ann_agreement_to_json (AnnAgreement *self)
{
  AnnJsonWriter *writer;

  g_return_val_if_fail (ANN_IS_AGREEMENT (self), NULL);

  writer = ann_json_writer_new (2);
  ann_json_writer_begin_object (writer, NULL);
  ann_json_writer_string (writer, "document", self->document_id);
  ann_json_writer_begin_array (writer, "annotators");
  for (guint i = 0; self->annotators[i] != NULL; i++)
    ann_json_writer_string (writer, NULL, self->annotators[i]);
  ann_json_writer_end_array (writer);

  ann_json_writer_begin_array (writer, "pairs");
  for (guint i = 0; i < self->pairs->len; i++)
    {
      AnnAgreementPair *pair = g_ptr_array_index (self->pairs, i);

      ann_json_writer_begin_object (writer, NULL);
      ann_json_writer_string (writer, "a", self->annotators[pair->a]);
      ann_json_writer_string (writer, "b", self->annotators[pair->b]);
      ann_json_writer_double (writer, "f1_exact", f1 (pair->n_exact, pair->n_a, pair->n_b));
      ann_json_writer_double (writer, "f1_overlap", f1 (pair->n_overlap, pair->n_a, pair->n_b));
      ann_json_writer_double (writer, "kappa_tokens", pair->kappa_tokens);
      ann_json_writer_begin_object (writer, "per_label");
      for (guint j = 0; j < pair->labels->len; j++)
        {
          LabelCounts *counts = g_ptr_array_index (pair->labels, j);

          ann_json_writer_begin_object (writer, counts->label);
          ann_json_writer_double (writer, "f1_exact",
                                  f1 (counts->n_exact, counts->n_a, counts->n_b));
          ann_json_writer_double (writer, "f1_overlap",
                                  f1 (counts->n_overlap, counts->n_a, counts->n_b));
          ann_json_writer_end_object (writer);
        }
      ann_json_writer_end_object (writer);
      ann_json_writer_end_object (writer);
    }
  ann_json_writer_end_array (writer);

  if (!isnan (self->fleiss_kappa))
    ann_json_writer_double (writer, "fleiss_kappa_tokens", self->fleiss_kappa);
  ann_json_writer_end_object (writer);

  return ann_json_writer_free_to_string (writer, NULL);
}

/* --- a pair's figures --------------------------------------------------------------------- */

/**
 * ann_agreement_pair_get_a:
 *
 * Returns: the position of the pair's first file among the files
 */
guint
ann_agreement_pair_get_a (AnnAgreementPair *pair)
{
  return pair->a;
}

guint
ann_agreement_pair_get_b (AnnAgreementPair *pair)
{
  return pair->b;
}

double
ann_agreement_pair_get_f1_exact (AnnAgreementPair *pair)
{
  return f1 (pair->n_exact, pair->n_a, pair->n_b);
}

double
ann_agreement_pair_get_f1_overlap (AnnAgreementPair *pair)
{
  return f1 (pair->n_overlap, pair->n_a, pair->n_b);
}

double
ann_agreement_pair_get_kappa_tokens (AnnAgreementPair *pair)
{
  return pair->kappa_tokens;
}

/**
 * ann_agreement_pair_get_counts:
 * @n_a: (out) (optional): the counted entities of the first file
 * @n_b: (out) (optional): those of the second
 * @n_exact: (out) (optional): entities of the first with an exact twin in the second
 * @n_overlap: (out) (optional): pairs of the greedy overlap matching
 */
void
ann_agreement_pair_get_counts (AnnAgreementPair *pair,
                               guint            *n_a,
                               guint            *n_b,
                               guint            *n_exact,
                               guint            *n_overlap)
{
  if (n_a)
    *n_a = pair->n_a;
  if (n_b)
    *n_b = pair->n_b;
  if (n_exact)
    *n_exact = pair->n_exact;
  if (n_overlap)
    *n_overlap = pair->n_overlap;
}

/**
 * ann_agreement_pair_get_labels:
 *
 * Returns: (transfer none): the labels of per_label, those that at least one of the two files
 *   uses on a counted entity, in the order of the first file's schema, then the second's
 */
const char * const *
ann_agreement_pair_get_labels (AnnAgreementPair *pair)
{
  return (const char * const *) pair->label_ids->pdata;
}

/**
 * ann_agreement_pair_get_label_f1:
 * @f1_exact: (out) (optional):
 * @f1_overlap: (out) (optional):
 *
 * Returns: whether @label is one of the pair's per_label labels
 */
gboolean
ann_agreement_pair_get_label_f1 (AnnAgreementPair *pair,
                                 const char       *label,
                                 double           *f1_exact,
                                 double           *f1_overlap)
{
  for (guint i = 0; i < pair->labels->len; i++)
    {
      LabelCounts *counts = g_ptr_array_index (pair->labels, i);

      if (strcmp (counts->label, label) != 0)
        continue;
      if (f1_exact)
        *f1_exact = f1 (counts->n_exact, counts->n_a, counts->n_b);
      if (f1_overlap)
        *f1_overlap = f1 (counts->n_overlap, counts->n_a, counts->n_b);
      return TRUE;
    }
  return FALSE;
}

/**
 * ann_agreement_pair_get_links:
 *
 * How the two files' entities line up, for a review view: every counted entity of either file
 * appears in exactly one link. Exact twins are linked first, then the greedy overlap matching
 * runs among the rest, then same-span label conflicts; so this is not quite the matching that
 * overlap F1 counts, which takes no exact twins first.
 *
 * Returns: (transfer none) (element-type AnnAgreementLink): in (start, end, label) order
 */
GPtrArray *
ann_agreement_pair_get_links (AnnAgreementPair *pair)
{
  return pair->links;
}
