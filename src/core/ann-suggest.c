/* ann-suggest.c: rule and gazetteer pre-annotation, as pending entities
 *
 * A suggester holds rules (GRegex patterns, each giving one label, loaded from a rules file:
 * data/suggest-rules.json and its description in the README) and gazetteers (plain-text lists
 * of names, one label a list). Running it over a file gives new pending entities; the caller
 * adds them, through the history in the window, so that accepting and rejecting them undoes.
 *
 * Vietnamese writes the tone of "oa", "oe" and "uy" syllables in two places ("ủy" and "uỷ",
 * "khóa" and "khoá"), and keyboards and OCR give Ð (U+00D0) for Đ (U+0110). Rather than make
 * every pattern spell out both, patterns, names and the article are matched in a canonical
 * form: the old tone placement and Đ. Each of these changes swaps one code point for one, so
 * the canonical article has the same length in characters, and a match's byte positions in
 * it map to the code points of the article by walking the canonical text (its byte lengths
 * differ: "oẽ" is longer than "õe" in UTF-8).
 *
 * What comes out never duplicates an entity of the file, never overlaps one of the same label,
 * and never crosses one; suggestions of different labels nest only as the rules file allows
 * (the guideline: LOC in ORG, EVENT in DOC); among overlapping suggestions the longer wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-io.h"
#include "ann-json-reader.h"
#include "ann-suggest.h"
#include "ann-text.h"

#define CHECKPOINT_STRIDE     64
#define MAX_BLOCK_DEPTH       16
/* PCRE2 refuses a compiled pattern past 64 KiB, so a long gazetteer becomes several
 * patterns, each of about this many bytes of names. */
#define MAX_GAZETTEER_PATTERN 8192

#define CAPITAL_D_STROKE      0x0110
#define SMALL_D_STROKE        0x0111
#define CAPITAL_ETH           0x00D0
#define SMALL_ETH             0x00F0

/* Around a match: no letter, digit or combining mark (ann_text_is_word_char()). */
#define LEFT_BOUNDARY   "(?<![\\p{L}\\p{N}\\p{M}])"
#define RIGHT_BOUNDARY  "(?![\\p{L}\\p{N}\\p{M}])"

typedef struct
{
  char  *group;
  char  *label;
  int    number;
} NestedGroup;

typedef struct
{
  char      *id;
  char      *label;
  GRegex    *regex;
  int        span_group;   /* the group "s", or -1 */
  GArray    *nested;       /* of NestedGroup */
  gboolean   enabled;
  /* "check": "date": the groups day, month and (optional) year must name a real day. */
  gboolean   check_date;
  int        day_group;
  int        month_group;
  int        year_group;
} Rule;

typedef struct
{
  char      *name;         /* the file, for messages */
  char      *label;
  GPtrArray *regexes;      /* of GRegex, one per chunk of names */
} Gazetteer;

/* A span found by a rule or a gazetteer, in code points. */
typedef struct
{
  guint       start;
  guint       end;
  const char *label;       /* interned */
  guint       order;       /* the order found, to keep the result stable */
} Candidate;

/* The article in canonical form, with a way back from its bytes to code points. */
typedef struct
{
  char   *text;
  gsize   length;
  GArray *checkpoints;     /* byte offset of every CHECKPOINT_STRIDE-th code point */
} Shadow;

struct _AnnSuggester
{
  GObject     parent_instance;

  GHashTable *labels;      /* the label ids rules and gazetteers may name */
  GPtrArray  *rules;       /* of Rule */
  GPtrArray  *gazetteers;  /* of Gazetteer */
  GHashTable *nesting;     /* "OUTER\tINNER" of the labels that may nest */

  /* The canonical form of the last article matched, kept while that document lives: a
   * propagation after every tag would otherwise canonicalise the whole article each time
   * (20 ms for 1 MB). A document's text never changes. */
  AnnDocument *shadow_document;  /* weak */
  Shadow       shadow;
};

G_DEFINE_FINAL_TYPE (AnnSuggester, ann_suggester, G_TYPE_OBJECT)

/* --- canonical form ----------------------------------------------------------------------- */

static gboolean
is_tone_mark (gunichar c)
{
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

/* In an open "oa", "oe" or "uy" syllable ending at @i + 1, moves the tone mark of the second
 * vowel onto the first: "hoà" becomes "hòa", "uỷ" becomes "ủy". "qu" is a consonant, so the
 * tone of "quý" stays on its vowel; a closed syllable ("hoàng") has one placement only. */
static void
move_tone_to_old_place (gunichar *chars,
                        gsize     n_chars,
                        gsize     i)
{
  gunichar first = chars[i];
  gunichar base;
  gunichar mark;
  gunichar composed;
  gboolean pair;

  if (i + 2 < n_chars && ann_text_is_word_char (chars[i + 2]))
    return;
  if (!g_unichar_decompose (chars[i + 1], &base, &mark) || !is_tone_mark (mark))
    return;

  switch (g_unichar_tolower (first))
    {
    case 'o':
      pair = base == 'a' || base == 'A' || base == 'e' || base == 'E';
      break;
    case 'u':
      pair = (base == 'y' || base == 'Y')
             && !(i > 0 && (chars[i - 1] == 'q' || chars[i - 1] == 'Q'));
      break;
    default:
      pair = FALSE;
      break;
    }

  if (pair && g_unichar_compose (first, mark, &composed))
    {
      chars[i] = composed;
      chars[i + 1] = base;
    }
}

static void
canonicalize_chars (gunichar *chars,
                    gsize     n_chars)
{
  for (gsize i = 0; i < n_chars; i++)
    {
      if (chars[i] == CAPITAL_ETH)
        chars[i] = CAPITAL_D_STROKE;
      else if (chars[i] == SMALL_ETH)
        chars[i] = SMALL_D_STROKE;
    }

  for (gsize i = 0; i + 1 < n_chars; i++)
    if (chars[i] < 0x80)
      move_tone_to_old_place (chars, n_chars, i);
}

/**
 * ann_suggest_canonicalize:
 * @text: valid UTF-8, normally NFC
 *
 * The form in which rules, gazetteer names and articles are matched: the tone marks of open
 * "oa", "oe" and "uy" syllables on their first vowel ("hòa", "khóa", "ủy") and Ð/ð as Đ/đ.
 * Case and everything else stay; the result has as many code points as @text.
 *
 * Returns: (transfer full): the canonical text
 */
char *
ann_suggest_canonicalize (const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  canonicalize_chars (chars, n_chars);
  return g_ucs4_to_utf8 (chars, n_chars, NULL, NULL, NULL);
}

static void
shadow_clear (Shadow *shadow)
{
  g_clear_pointer (&shadow->text, g_free);
  g_clear_pointer (&shadow->checkpoints, g_array_unref);
}


static void
shadow_init (Shadow     *shadow,
             const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  GString *out;

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  canonicalize_chars (chars, n_chars);

  out = g_string_sized_new (strlen (text) + 16);
  shadow->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (glong i = 0; i < n_chars; i++)
    {
      if (i % CHECKPOINT_STRIDE == 0)
        g_array_append_val (shadow->checkpoints, out->len);
      g_string_append_unichar (out, chars[i]);
    }

  shadow->length = out->len;
  shadow->text = g_string_free (out, FALSE);
}

/* The code point at byte @byte of the canonical text: the same offset in the article. */
static guint
shadow_char_offset (Shadow *shadow,
                    gsize   byte)
{
  guint low = 0;
  guint high = shadow->checkpoints->len;
  guint offset;
  gsize at;

  if (high == 0)
    return 0;

  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (shadow->checkpoints, gsize, mid) <= byte)
        low = mid;
      else
        high = mid;
    }

  offset = low * CHECKPOINT_STRIDE;
  at = g_array_index (shadow->checkpoints, gsize, low);
  while (at < byte && at < shadow->length)
    {
      at += g_utf8_skip[(guchar) shadow->text[at]];
      offset++;
    }
  return offset;
}

/* The canonical form of @document's text, made once for each document. */
static Shadow *
get_shadow (AnnSuggester *self,
            AnnDocument  *document)
{
  if (self->shadow_document != document || self->shadow.text == NULL)
    {
      shadow_clear (&self->shadow);
      shadow_init (&self->shadow, ann_document_get_text (document));
      g_set_weak_pointer (&self->shadow_document, document);
    }
  return &self->shadow;
}

/* --- rules and gazetteers ----------------------------------------------------------------- */

static void
nested_group_clear (NestedGroup *nested)
{
  g_clear_pointer (&nested->group, g_free);
  g_clear_pointer (&nested->label, g_free);
}

static void
rule_free (Rule *rule)
{
  g_free (rule->id);
  g_free (rule->label);
  g_clear_pointer (&rule->regex, g_regex_unref);
  g_clear_pointer (&rule->nested, g_array_unref);
  g_free (rule);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rule, rule_free)

static void
gazetteer_free (Gazetteer *gazetteer)
{
  g_free (gazetteer->name);
  g_free (gazetteer->label);
  g_clear_pointer (&gazetteer->regexes, g_ptr_array_unref);
  g_free (gazetteer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Gazetteer, gazetteer_free)

static void
ann_suggester_finalize (GObject *object)
{
  AnnSuggester *self = ANN_SUGGESTER (object);

  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->gazetteers, g_ptr_array_unref);
  g_clear_pointer (&self->nesting, g_hash_table_unref);
  g_clear_weak_pointer (&self->shadow_document);
  shadow_clear (&self->shadow);

  G_OBJECT_CLASS (ann_suggester_parent_class)->finalize (object);
}

static void
ann_suggester_class_init (AnnSuggesterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ann_suggester_finalize;
}

static void
ann_suggester_init (AnnSuggester *self)
{
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->gazetteers = g_ptr_array_new_with_free_func ((GDestroyNotify) gazetteer_free);
  self->nesting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
add_labels (AnnSuggester   *self,
            AnnLabelSchema *labels)
{
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      const char *id = ann_label_get_id (ann_label_schema_get_nth (labels, i));

      g_hash_table_add (self->labels, g_strdup (id));
    }
}

/**
 * ann_suggester_new:
 * @labels: (nullable): labels that rules and gazetteers may name besides the default ones
 *
 * A suggester without rules or gazetteers. Loading a rules file or a gazetteer that names a
 * label neither in the default schema nor in @labels fails. Running it over a file leaves
 * out the suggestions whose label that file does not have.
 */
AnnSuggester *
ann_suggester_new (AnnLabelSchema *labels)
{
  g_autoptr(AnnLabelSchema) defaults = ann_label_schema_new_default ();
  AnnSuggester *self;

  g_return_val_if_fail (labels == NULL || ANN_IS_LABEL_SCHEMA (labels), NULL);

  self = g_object_new (ANN_TYPE_SUGGESTER, NULL);
  add_labels (self, defaults);
  if (labels != NULL)
    add_labels (self, labels);
  return self;
}

/**
 * ann_suggest_get_data_dir:
 *
 * Where the bundled rules and gazetteers are: the directory named by the environment
 * variable ANN_DATA_DIR when it is set and not empty (the build tree's data/ when running
 * uninstalled, as the tests and run.sh do), otherwise the installed PKGDATADIR.
 */
const char *
ann_suggest_get_data_dir (void)
{
  const char *dir = g_getenv ("ANN_DATA_DIR");

  return dir != NULL && *dir != '\0' ? dir : PKGDATADIR;
}

/**
 * ann_suggester_load_bundled_rules:
 *
 * Loads suggest-rules.json from ann_suggest_get_data_dir().
 */
gboolean
ann_suggester_load_bundled_rules (AnnSuggester  *self,
                                  GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), FALSE);

  path = g_build_filename (ann_suggest_get_data_dir (), ANN_SUGGEST_RULES_FILE, NULL);
  file = g_file_new_for_path (path);
  if (!ann_suggester_load_rules (self, file, error))
    {
      if (!g_file_query_exists (file, NULL))
        g_prefix_error (error, _("The bundled suggestion rules are missing (set ANN_DATA_DIR "
                                 "to the folder that holds %s): "), ANN_SUGGEST_RULES_FILE);
      return FALSE;
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ann_suggester_load_bundled_gazetteers:
 *
 * Loads every "*.txt" in the gazetteers folder of ann_suggest_get_data_dir(), in the order of
 * their names; each names its label in a "# label: LOC" line. A missing folder is no error.
 */
gboolean
ann_suggester_load_bundled_gazetteers (AnnSuggester  *self,
                                       GError       **error)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), FALSE);

  dir_path = g_build_filename (ann_suggest_get_data_dir (), ANN_SUGGEST_GAZETTEER_DIR, NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return TRUE;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!ann_suggester_load_gazetteer (self, file, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ann_suggester_new_default:
 * @labels: (nullable): as for ann_suggester_new()
 *
 * A suggester with the bundled rules and gazetteers (see ann_suggest_get_data_dir()).
 */
AnnSuggester *
ann_suggester_new_default (AnnLabelSchema  *labels,
                           GError         **error)
{
  g_autoptr(AnnSuggester) self = ann_suggester_new (labels);

  if (!ann_suggester_load_bundled_rules (self, error)
      || !ann_suggester_load_bundled_gazetteers (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Reads all of @file, within ann_io_load()'s size limit, into *@data and *@length (held by
 * the bytes returned); *@display_name is how messages name it. */
static GBytes *
read_file (GFile       *file,
           char       **display_name,
           const char **data,
           gsize       *length,
           GError     **error)
{
  GBytes *bytes = ann_io_load (file, error);

  *display_name = ann_io_describe_file (file);
  if (bytes == NULL)
    return NULL;
  *data = g_bytes_get_data (bytes, length);
  if (*data == NULL)
    *data = "";
  return bytes;
}

/* --- the rules file ----------------------------------------------------------------------- */

typedef struct
{
  JsonObject *blocks;      /* name → pattern text, as written */
  GHashTable *expanded;    /* name → pattern with its blocks expanded */
} Blocks;

static gboolean
is_block_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static char *expand (Blocks      *blocks,
                     const char  *pattern,
                     const char  *path,
                     guint        depth,
                     GError     **error);

static const char *
expand_block (Blocks      *blocks,
              const char  *name,
              const char  *path,
              guint        depth,
              GError     **error)
{
  g_autofree char *block_path = NULL;
  JsonNode *node;
  char *expanded;

  expanded = g_hash_table_lookup (blocks->expanded, name);
  if (expanded != NULL)
    return expanded;

  node = blocks->blocks ? json_object_get_member (blocks->blocks, name) : NULL;
  if (node == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: unknown block “{{%s}}”"), path, name);
      return NULL;
    }
  if (depth >= MAX_BLOCK_DEPTH)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the block “%s” refers to itself, directly or through other blocks"),
                   path, name);
      return NULL;
    }

  block_path = g_strdup_printf ("$.blocks.%s", name);
  expanded = expand (blocks, json_node_get_string (node), block_path, depth + 1, error);
  if (expanded == NULL)
    return NULL;
  g_hash_table_insert (blocks->expanded, g_strdup (name), expanded);
  return expanded;
}

/* @pattern with each "{{NAME}}" replaced by the block NAME, itself expanded. */
static char *
expand (Blocks      *blocks,
        const char  *pattern,
        const char  *path,
        guint        depth,
        GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = pattern;
  const char *open;

  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *name_start = open + 2;
      const char *name_end = name_start;
      g_autofree char *name = NULL;
      const char *replacement;

      while (is_block_name_char (*name_end))
        name_end++;
      if (name_end == name_start || strncmp (name_end, "}}", 2) != 0)
        {
          /* Not a block reference; PCRE reads the braces as themselves. */
          g_string_append_len (out, p, name_start - p);
          p = name_start;
          continue;
        }

      name = g_strndup (name_start, name_end - name_start);
      replacement = expand_block (blocks, name, path, depth, error);
      if (replacement == NULL)
        return NULL;
      g_string_append_len (out, p, open - p);
      g_string_append (out, replacement);
      p = name_end + 2;
    }
  g_string_append (out, p);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
check_label (AnnSuggester  *self,
             const char    *label,
             const char    *path,
             GError       **error)
{
  if (g_hash_table_contains (self->labels, label))
    return TRUE;

  g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND, _("%s: unknown label “%s”"), path, label);
  return FALSE;
}

static gboolean
has_rule (AnnSuggester *self,
          GPtrArray    *more_rules,
          const char   *id)
{
  for (guint i = 0; i < self->rules->len; i++)
    if (strcmp (((Rule *) g_ptr_array_index (self->rules, i))->id, id) == 0)
      return TRUE;
  for (guint i = 0; i < more_rules->len; i++)
    if (strcmp (((Rule *) g_ptr_array_index (more_rules, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
read_groups (AnnSuggester  *self,
             Rule          *rule,
             JsonObject    *object,
             const char    *path,
             GError       **error)
{
  g_autofree char *groups_path = g_strdup_printf ("%s.groups", path);
  g_autoptr(GList) members = NULL;
  JsonNode *node;

  if (!ann_json_get_member (object, path, "groups", ANN_JSON_OBJECT, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *group = l->data;
      g_autofree char *group_path = g_strdup_printf ("%s.%s", groups_path, group);
      NestedGroup nested = { 0 };
      const char *label;

      if (!ann_json_get_string (json_node_get_object (node), groups_path, group, TRUE,
                                &label, error)
          || !check_label (self, label, group_path, error))
        return FALSE;

      nested.number = g_regex_get_string_number (rule->regex, group);
      if (nested.number < 0)
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: the pattern has no group named “%s”"), group_path, group);
          return FALSE;
        }
      nested.group = g_strdup (group);
      nested.label = g_strdup (label);
      g_array_append_val (rule->nested, nested);
    }
  return TRUE;
}

/* The optional member "check". The one check, "date", needs the groups "day" and "month"
 * (and takes "year" when the pattern has it): a regex cannot tell 31/4 or 29/2/2023 from a
 * real day without growing monstrous, so the match is checked after it is found. */
static gboolean
read_check (Rule        *rule,
            JsonObject  *object,
            const char  *path,
            GError     **error)
{
  g_autofree char *check_path = g_strdup_printf ("%s.check", path);
  const char *check;

  if (!ann_json_get_string (object, path, "check", FALSE, &check, error))
    return FALSE;
  if (check == NULL)
    return TRUE;
  if (strcmp (check, "date") != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: unknown check “%s” (the one check is “date”)"), check_path, check);
      return FALSE;
    }

  rule->check_date = TRUE;
  rule->day_group = g_regex_get_string_number (rule->regex, "day");
  rule->month_group = g_regex_get_string_number (rule->regex, "month");
  rule->year_group = g_regex_get_string_number (rule->regex, "year");
  if (rule->day_group < 0 || rule->month_group < 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the date check needs the groups “day” and “month” in the pattern"),
                   check_path);
      return FALSE;
    }
  return TRUE;
}

static Rule *
read_rule (AnnSuggester  *self,
           Blocks        *blocks,
           JsonNode      *node,
           const char    *index_path,
           GPtrArray     *loaded,
           GError       **error)
{
  static const char * const members[] = { "id", "label", "description", "pattern", "groups",
                                          "check", NULL };
  g_autofree char *path = NULL;
  g_autofree char *pattern_path = NULL;
  g_autofree char *label_path = NULL;
  g_autofree char *expanded = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GError) regex_error = NULL;
  g_autoptr(Rule) rule = NULL;
  JsonObject *object;
  const char *id;
  const char *label;
  const char *pattern;
  const char *description;

  if (!ann_json_expect (node, ANN_JSON_OBJECT, index_path, error))
    return NULL;
  object = json_node_get_object (node);
  if (!ann_json_get_string (object, index_path, "id", TRUE, &id, error))
    return NULL;

  /* From here on, messages name the rule by its id too, as in “$.rules[3] (“doc-number”)”. */
  path = g_strdup_printf ("%s (“%s”)", index_path, id);
  pattern_path = g_strdup_printf ("%s.pattern", path);
  label_path = g_strdup_printf ("%s.label", path);
  if (!ann_json_check_members (object, path, members, error)
      || !ann_json_get_string (object, path, "label", TRUE, &label, error)
      || !ann_json_get_string (object, path, "pattern", TRUE, &pattern, error)
      || !ann_json_get_string (object, path, "description", FALSE, &description, error)
      || !check_label (self, label, label_path, error))
    return NULL;

  if (*id == '\0' || has_rule (self, loaded, id))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_DUPLICATE,
                   _("%s.id: the id is empty or that of another rule"), path);
      return NULL;
    }

  expanded = expand (blocks, pattern, pattern_path, 0, error);
  if (expanded == NULL)
    return NULL;

  rule = g_new0 (Rule, 1);
  rule->id = g_strdup (id);
  rule->label = g_strdup (label);
  rule->enabled = TRUE;
  rule->nested = g_array_new (FALSE, TRUE, sizeof (NestedGroup));
  g_array_set_clear_func (rule->nested, (GDestroyNotify) nested_group_clear);

  /* Articles are NFC, and GRegex knows no canonical equivalence: a pattern typed or saved in
   * NFD ("Tỉnh ủy" as i + U+0309) would match nothing. The blocks are in the expanded text,
   * normalised after their substitution, which may join a letter to a mark. */
  normal = ann_text_normalize (expanded);
  canonical = ann_suggest_canonicalize (normal);
  rule->regex = g_regex_new (canonical, G_REGEX_OPTIMIZE, 0, &regex_error);
  if (rule->regex == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the pattern does not compile: “%s”"), pattern_path,
                   regex_error->message);
      return NULL;
    }
  rule->span_group = g_regex_get_string_number (rule->regex, "s");

  if (!read_groups (self, rule, object, path, error)
      || !read_check (rule, object, path, error))
    return NULL;

  return g_steal_pointer (&rule);
}

static gboolean
read_nesting (AnnSuggester  *self,
              JsonObject    *root,
              GPtrArray     *pairs,
              GError       **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!ann_json_get_member (root, "$", "nesting", ANN_JSON_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.nesting[%u]", i);
      JsonNode *pair = json_array_get_element (array, i);
      const char *labels[2];

      if (!ann_json_expect (pair, ANN_JSON_ARRAY, path, error))
        return FALSE;
      if (json_array_get_length (json_node_get_array (pair)) != 2)
        {
          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: expected two labels, the outer and the inner"), path);
          return FALSE;
        }

      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *label_path = g_strdup_printf ("%s[%u]", path, k);
          JsonNode *label = json_array_get_element (json_node_get_array (pair), k);

          if (!ann_json_expect (label, ANN_JSON_STRING, label_path, error))
            return FALSE;
          labels[k] = json_node_get_string (label);
          if (!check_label (self, labels[k], label_path, error))
            return FALSE;
        }
      g_ptr_array_add (pairs, g_strdup_printf ("%s\t%s", labels[0], labels[1]));
    }
  return TRUE;
}

static gboolean
read_header (JsonObject  *root,
             GError     **error)
{
  static const char * const members[] = { "format", "version", "description", "nesting",
                                          "blocks", "rules", NULL };
  const char *format;
  const char *description;
  JsonNode *version;

  if (!ann_json_check_members (root, "$", members, error)
      || !ann_json_get_string (root, "$", "format", TRUE, &format, error)
      || !ann_json_get_string (root, "$", "description", FALSE, &description, error))
    return FALSE;
  if (strcmp (format, ANN_SUGGEST_RULES_FORMAT) != 0)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("$.format: expected “%s”, found “%s”"), ANN_SUGGEST_RULES_FORMAT, format);
      return FALSE;
    }

  if (!ann_json_get_member (root, "$", "version", ANN_JSON_INTEGER, TRUE, &version, error))
    return FALSE;
  if (json_node_get_int (version) > ANN_SUGGEST_RULES_VERSION)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_VERSION,
                   _("$.version: version %lld of the rules needs a newer program"),
                   (long long) json_node_get_int (version));
      return FALSE;
    }
  if (json_node_get_int (version) != ANN_SUGGEST_RULES_VERSION)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID, _("$.version: expected %d, found %lld"),
                   ANN_SUGGEST_RULES_VERSION, (long long) json_node_get_int (version));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_blocks (JsonObject  *root,
             Blocks      *blocks,
             GError     **error)
{
  g_autoptr(GList) members = NULL;
  JsonNode *node;

  if (!ann_json_get_member (root, "$", "blocks", ANN_JSON_OBJECT, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  blocks->blocks = json_node_get_object (node);
  members = json_object_get_members (blocks->blocks);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value;

      for (const char *c = l->data; *c != '\0'; c++)
        {
          if (!is_block_name_char (*c))
            {
              g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                           _("$.blocks: “%s” is not a block name (letters, digits and _)"),
                           (const char *) l->data);
              return FALSE;
            }
        }
      if (!ann_json_get_string (blocks->blocks, "$.blocks", l->data, TRUE, &value, error))
        return FALSE;
    }
  return TRUE;
}

/* Reads a whole rules file, and takes its rules and nesting only when all of it is valid. */
static gboolean
read_rules_root (AnnSuggester  *self,
                 JsonNode      *root_node,
                 GError       **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  Blocks blocks = { NULL, expanded };
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;

  if (!ann_json_expect (root_node, ANN_JSON_OBJECT, "$", error))
    return FALSE;
  root = json_node_get_object (root_node);
  if (!read_header (root, error)
      || !read_blocks (root, &blocks, error)
      || !read_nesting (self, root, pairs, error)
      || !ann_json_get_member (root, "$", "rules", ANN_JSON_ARRAY, TRUE, &node, error))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.rules[%u]", i);
      Rule *rule = read_rule (self, &blocks, json_array_get_element (array, i), path, rules,
                              error);

      if (rule == NULL)
        return FALSE;
      g_ptr_array_add (rules, rule);
    }

  g_ptr_array_extend_and_steal (self->rules, g_steal_pointer (&rules));
  for (guint i = 0; i < pairs->len; i++)
    g_hash_table_add (self->nesting, g_strdup (g_ptr_array_index (pairs, i)));
  return TRUE;
}

/**
 * ann_suggester_load_rules_data:
 * @display_name: how messages name the rules file
 *
 * Adds the rules of a rules file (its format: data/suggest-rules.json and the README). It is
 * checked strictly: an unknown member or label, a duplicate id, a missing block or a pattern
 * that does not compile is an error naming @display_name and the JSON path, and then no rule
 * of the file is added.
 */
gboolean
ann_suggester_load_rules_data (AnnSuggester  *self,
                               const char    *data,
                               gsize          length,
                               const char    *display_name,
                               GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  parser = ann_json_parse_strict (data, length, display_name, error);
  if (parser == NULL)
    return FALSE;
  if (!read_rules_root (self, json_parser_get_root (parser), error))
    {
      g_prefix_error (error, "%s: ", display_name);
      return FALSE;
    }
  return TRUE;
}

gboolean
ann_suggester_load_rules (AnnSuggester  *self,
                          GFile         *file,
                          GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = read_file (file, &display_name, &data, &length, error);
  if (bytes == NULL)
    return FALSE;
  return ann_suggester_load_rules_data (self, data, length, display_name, error);
}

/**
 * ann_suggester_dup_rule_ids:
 *
 * Returns: (transfer full): the ids of the rules, in the order loaded
 */
char **
ann_suggester_dup_rule_ids (AnnSuggester *self)
{
  GStrvBuilder *builder;
  char **ids;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->rules->len; i++)
    g_strv_builder_add (builder, ((Rule *) g_ptr_array_index (self->rules, i))->id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/**
 * ann_suggester_set_rule_enabled:
 *
 * Turns a rule off or back on (every rule starts on).
 *
 * Returns: %FALSE when there is no rule @id
 */
gboolean
ann_suggester_set_rule_enabled (AnnSuggester *self,
                                const char   *id,
                                gboolean      enabled)
{
  g_return_val_if_fail (ANN_IS_SUGGESTER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);

      if (strcmp (rule->id, id) == 0)
        {
          rule->enabled = !!enabled;
          return TRUE;
        }
    }
  return FALSE;
}

/* --- gazetteers --------------------------------------------------------------------------- */

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == 0x2013;
}

/* The pattern of one name: its characters as themselves, except that white space matches any
 * run of horizontal white space, and a hyphen or en dash, spaced or not, matches either. */
static void
append_name_pattern (GString    *out,
                     const char *name)
{
  const char *p = name;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      g_autofree char *escaped = NULL;

      if (is_separator (c))
        {
          gboolean dash = FALSE;

          for (; *p != '\0' && is_separator (g_utf8_get_char (p)); p = g_utf8_next_char (p))
            if (!g_unichar_isspace (g_utf8_get_char (p)))
              dash = TRUE;
          g_string_append (out, dash ? "\\h*[-–]\\h*" : "\\h+");
          continue;
        }

      escaped = g_regex_escape_string (p, next - p);
      g_string_append (out, escaped);
      p = next;
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *name_a = *(const char * const *) a;
  const char *name_b = *(const char * const *) b;
  glong length_a = g_utf8_strlen (name_a, -1);
  glong length_b = g_utf8_strlen (name_b, -1);

  /* Longer names first: PCRE takes the first alternative that matches at a position. */
  if (length_a != length_b)
    return length_a > length_b ? -1 : 1;
  return strcmp (name_a, name_b);
}

/* Compiles the names gathered in @alternatives as whole words not after @not_after, and
 * empties @alternatives. */
static GRegex *
compile_names (GString     *alternatives,
               const char  *not_after,
               GError     **error)
{
  g_autofree char *pattern = g_strdup_printf ("%s" LEFT_BOUNDARY "(?:%s)" RIGHT_BOUNDARY,
                                              not_after, alternatives->str);

  g_string_truncate (alternatives, 0);
  return g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, error);
}

/* A look-behind that refuses a name right after one of @words and a space. PCRE2 wants each
 * top-level alternative of a look-behind to have a fixed length, so each word is one. */
static char *
not_after_pattern (GPtrArray *words)
{
  GString *out = g_string_new (NULL);

  if (words->len == 0)
    return g_string_free (out, FALSE);

  g_string_append (out, "(?<!");
  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (g_ptr_array_index (words, i), -1);

      g_string_append_printf (out, "%s" LEFT_BOUNDARY "%s\\h", i > 0 ? "|" : "", escaped);
    }
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

static GPtrArray *
compile_gazetteer (GPtrArray  *names,
                   GPtrArray  *not_after_words,
                   GError    **error)
{
  g_autoptr(GPtrArray) regexes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  g_autoptr(GString) alternatives = g_string_new (NULL);
  g_autofree char *not_after = not_after_pattern (not_after_words);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      if (alternatives->len > 0)
        g_string_append_c (alternatives, '|');
      append_name_pattern (alternatives, g_ptr_array_index (names, i));

      if (alternatives->len >= MAX_GAZETTEER_PATTERN || i + 1 == names->len)
        {
          GRegex *regex = compile_names (alternatives, not_after, error);

          if (regex == NULL)
            return NULL;
          g_ptr_array_add (regexes, regex);
        }
    }
  return g_steal_pointer (&regexes);
}

/* A "# KEY: value" line: the value, or %NULL for a comment of any other key. */
static char *
parse_directive (const char *line,
                 const char *key)
{
  const char *p = line + 1;
  gsize length = strlen (key);

  while (*p == ' ' || *p == '\t')
    p++;
  if (g_ascii_strncasecmp (p, key, length) != 0)
    return NULL;
  p += length;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != ':')
    return NULL;
  return g_strstrip (g_strdup (p + 1));
}

/* Adds the words of a "# not after:" line, in canonical form. */
static void
add_words (GPtrArray  *words,
           const char *value)
{
  g_autofree char *normal = ann_text_normalize (value);
  g_autofree char *canonical = ann_suggest_canonicalize (normal);
  g_auto(GStrv) split = g_strsplit_set (canonical, " \t", -1);

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_ptr_array_add (words, g_strdup (split[i]));
}

/**
 * ann_suggester_load_gazetteer_data:
 * @data: the list: UTF-8 (or UTF-16 with a BOM) text, one name a line
 * @display_name: how messages name the list
 * @label: (nullable): the label of its names; %NULL takes it from a "# label: LOC" line
 *
 * Adds a gazetteer: each line is a name; blank lines and lines starting with "#" are skipped,
 * except "# label: LOC" and "# not after: Nguyễn Thị …" (words after which a name is taken for
 * the end of a longer name, such as a person's: "Nguyễn Thị Huế"). Names match whole words
 * only, with their case (a place "Hòa Bình" is not the phrase "hòa bình"), in either tone
 * placement, with any horizontal white space between their words and with "-" and "–" alike.
 */
gboolean
ann_suggester_load_gazetteer_data (AnnSuggester  *self,
                                   const char    *data,
                                   gsize          length,
                                   const char    *display_name,
                                   const char    *label,
                                   GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) not_after = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(Gazetteer) gazetteer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file_label = NULL;
  g_auto(GStrv) lines = NULL;
  guint label_line = 0;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  text = ann_text_decode ((const guint8 *) data, length, &local_error);
  if (text == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_ENCODING, "%s: %s", display_name,
                   local_error->message);
      return FALSE;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_autofree char *normal = NULL;
      char *canonical;

      if (*line == '\0')
        continue;
      if (*line == '#')
        {
          g_autofree char *value = parse_directive (line, "label");
          g_autofree char *words = parse_directive (line, "not after");

          if (value != NULL && file_label == NULL)
            {
              file_label = g_steal_pointer (&value);
              label_line = i + 1;
            }
          if (words != NULL)
            add_words (not_after, words);
          continue;
        }

      normal = ann_text_normalize (line);
      canonical = ann_suggest_canonicalize (normal);
      if (g_hash_table_contains (seen, canonical))
        {
          g_free (canonical);
          continue;
        }
      g_hash_table_add (seen, canonical);
      g_ptr_array_add (names, canonical);
    }

  if (label == NULL)
    label = file_label;
  if (label == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the list does not say its label: add a line “# label: LOC”"),
                   display_name);
      return FALSE;
    }
  if (!g_hash_table_contains (self->labels, label))
    {
      if (label == file_label)
        g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND, _("%s: line %u: unknown label “%s”"),
                     display_name, label_line, label);
      else
        g_set_error (error, ANN_ERROR, ANN_ERROR_NOT_FOUND, _("%s: unknown label “%s”"),
                     display_name, label);
      return FALSE;
    }

  gazetteer = g_new0 (Gazetteer, 1);
  gazetteer->name = g_strdup (display_name);
  gazetteer->label = g_strdup (label);
  gazetteer->regexes = compile_gazetteer (names, not_after, &local_error);
  if (gazetteer->regexes == NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID, _("%s: the names do not compile: “%s”"),
                   display_name, local_error->message);
      return FALSE;
    }

  g_ptr_array_add (self->gazetteers, g_steal_pointer (&gazetteer));
  return TRUE;
}

gboolean
ann_suggester_load_gazetteer (AnnSuggester  *self,
                              GFile         *file,
                              const char    *label,
                              GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = read_file (file, &display_name, &data, &length, error);
  if (bytes == NULL)
    return FALSE;
  return ann_suggester_load_gazetteer_data (self, data, length, display_name, label, error);
}

guint
ann_suggester_get_n_gazetteers (AnnSuggester *self)
{
  g_return_val_if_fail (ANN_IS_SUGGESTER (self), 0);

  return self->gazetteers->len;
}

/* --- running ------------------------------------------------------------------------------ */

static void
add_candidate (GArray     *candidates,
               Shadow     *shadow,
               gint        byte_start,
               gint        byte_end,
               const char *label)
{
  Candidate candidate;

  if (byte_start < 0 || byte_end <= byte_start)
    return;

  candidate.start = shadow_char_offset (shadow, byte_start);
  candidate.end = shadow_char_offset (shadow, byte_end);
  candidate.label = g_intern_string (label);
  candidate.order = candidates->len;
  g_array_append_val (candidates, candidate);
}

/* The number in @group of the match, or G_MAXUINT when the group did not take part or holds
 * something else. */
static guint
fetch_number (GMatchInfo *match_info,
              int         group)
{
  g_autofree char *text = NULL;
  guint64 number;

  if (group < 0)
    return G_MAXUINT;
  text = g_match_info_fetch (match_info, group);
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT16, &number, NULL))
    return G_MAXUINT;
  return (guint) number;
}

/* Whether the day, month and year of a match of a rule with the date check exist. Without a
 * year, 29/2 passes: some year has it. A group that does not read as a number fails. */
static gboolean
is_real_date (Rule       *rule,
              GMatchInfo *match_info)
{
  guint day = fetch_number (match_info, rule->day_group);
  guint month = fetch_number (match_info, rule->month_group);
  guint year = fetch_number (match_info, rule->year_group);

  if (year == G_MAXUINT)
    year = 2000;  /* a leap year */
  return day <= 31 && month <= 12 && year > 0 && g_date_valid_dmy (day, month, year);
}

/* Every match of @regex; @rule, when given, says which groups are spans. @source names the
 * rule or list in messages. */
static gboolean
collect_matches (GRegex      *regex,
                 Rule        *rule,
                 const char  *label,
                 const char  *source,
                 Shadow      *shadow,
                 GArray      *candidates,
                 GError     **error)
{
  g_autoptr(GMatchInfo) match_info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_regex_match_full (regex, shadow->text, shadow->length, 0, 0, &match_info, &local_error);
  while (local_error == NULL && g_match_info_matches (match_info))
    {
      gint start = -1;
      gint end = -1;

      if (rule != NULL && rule->check_date && !is_real_date (rule, match_info))
        {
          g_match_info_next (match_info, &local_error);
          continue;
        }

      if (rule != NULL && rule->span_group >= 0)
        g_match_info_fetch_pos (match_info, rule->span_group, &start, &end);
      if (start < 0)
        g_match_info_fetch_pos (match_info, 0, &start, &end);
      add_candidate (candidates, shadow, start, end, label);

      for (guint i = 0; rule != NULL && i < rule->nested->len; i++)
        {
          NestedGroup *nested = &g_array_index (rule->nested, NestedGroup, i);

          if (g_match_info_fetch_pos (match_info, nested->number, &start, &end))
            add_candidate (candidates, shadow, start, end, nested->label);
        }

      g_match_info_next (match_info, &local_error);
    }

  if (local_error != NULL)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_TOO_LARGE, _("“%s” failed on this text: %s"),
                   source, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;
  guint length_a = ca->end - ca->start;
  guint length_b = cb->end - cb->start;
  int cmp;

  /* Longer first: among overlapping suggestions, the longer wins. */
  if (length_a != length_b)
    return length_a > length_b ? -1 : 1;
  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  cmp = strcmp (ca->label, cb->label);
  if (cmp != 0)
    return cmp;
  return ca->order < cb->order ? -1 : ca->order > cb->order;
}

/* Whether an entity at [@start, @end) with @label may stand beside @other. The same span
 * holds one entity; two of one label never overlap; otherwise one must contain the other, and
 * the pair (outer, inner) must be in @nesting. */
static gboolean
may_coexist (AnnEntity  *other,
             guint       start,
             guint       end,
             const char *label,
             GHashTable *nesting)
{
  guint other_start = ann_entity_get_start (other);
  guint other_end = ann_entity_get_end (other);
  const char *other_label = ann_entity_get_label (other);
  g_autofree char *pair = NULL;

  if (other_start == start && other_end == end)
    return FALSE;
  if (strcmp (other_label, label) == 0)
    return FALSE;

  if (other_start <= start && end <= other_end)
    pair = g_strdup_printf ("%s\t%s", other_label, label);
  else if (start <= other_start && other_end <= end)
    pair = g_strdup_printf ("%s\t%s", label, other_label);
  else
    return FALSE;

  return g_hash_table_contains (nesting, pair);
}

static gboolean
fits_in (AnnEntityStore *store,
         guint           start,
         guint           end,
         const char     *label,
         GHashTable     *nesting)
{
  g_autoptr(GPtrArray) overlapping = ann_entity_store_get_overlapping (store, start, end);

  for (guint i = 0; i < overlapping->len; i++)
    if (!may_coexist (g_ptr_array_index (overlapping, i), start, end, label, nesting))
      return FALSE;
  return TRUE;
}

/* The id number after the highest "T<n>" of @store. */
static guint
next_id_number (AnnEntityStore *store)
{
  g_autofree char *next = ann_entity_store_next_id (store);

  return (guint) g_ascii_strtoull (next + 1, NULL, 10);
}

/* Fresh pending copies of the entities of @accepted, in text order, with the ids that come
 * after those of @existing. */
static GPtrArray *
take_pending (AnnEntityStore *accepted,
              AnnEntityStore *existing)
{
  g_autoptr(GPtrArray) all = ann_entity_store_dup_all (accepted);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint number = next_id_number (existing);

  for (guint i = 0; i < all->len; i++)
    {
      AnnEntity *entity = ann_entity_copy (g_ptr_array_index (all, i));
      g_autofree char *id = g_strdup_printf ("T%u", number + i);

      ann_entity_set_id (entity, id);
      ann_entity_set_status (entity, ANN_ENTITY_STATUS_PENDING);
      g_ptr_array_add (out, entity);
    }
  return out;
}

/* Picks the candidates that fit: a label of the file, no clash with an existing entity nor with
 * a longer candidate already taken. */
static GPtrArray *
resolve (AnnFile    *file,
         GArray     *candidates,
         GHashTable *nesting)
{
  AnnEntityStore *existing = ann_file_get_entities (file);
  AnnDocument *document = ann_file_get_document (file);
  AnnLabelSchema *labels = ann_file_get_labels (file);
  g_autoptr(AnnEntityStore) accepted = ann_entity_store_new ();

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      g_autoptr(AnnEntity) entity = NULL;
      g_autofree char *id = NULL;
      g_autofree char *text = NULL;

      if (ann_label_schema_lookup (labels, c->label) == NULL
          || !fits_in (existing, c->start, c->end, c->label, nesting)
          || !fits_in (accepted, c->start, c->end, c->label, nesting))
        continue;

      id = g_strdup_printf ("S%u", i);
      text = ann_document_dup_slice (document, c->start, c->end);
      entity = ann_entity_new (id, c->label, c->start, c->end, text);
      ann_entity_store_add (accepted, entity, NULL);
    }

  return take_pending (accepted, existing);
}

/**
 * ann_suggester_run:
 * @file: the annotation file to suggest for; it is not changed
 *
 * Runs every enabled rule and every gazetteer over the article of @file.
 *
 * Returns: (transfer container) (element-type AnnEntity): new unfrozen entities with status
 *   pending and fresh ids (following the file's), in text order, none of which duplicates,
 *   overlaps or crosses an entity of @file except as the rules' nesting allows (see the top
 *   of this file); %NULL when a pattern fails on this text (PCRE2's match limits)
 */
GPtrArray *
ann_suggester_run (AnnSuggester  *self,
                   AnnFile       *file,
                   GError       **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  Shadow *shadow;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), NULL);
  g_return_val_if_fail (ANN_IS_FILE (file), NULL);

  shadow = get_shadow (self, ann_file_get_document (file));

  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);

      if (rule->enabled
          && !collect_matches (rule->regex, rule, rule->label, rule->id, shadow, candidates,
                               error))
        return NULL;
    }

  for (guint i = 0; i < self->gazetteers->len; i++)
    {
      Gazetteer *gazetteer = g_ptr_array_index (self->gazetteers, i);

      for (guint k = 0; k < gazetteer->regexes->len; k++)
        if (!collect_matches (g_ptr_array_index (gazetteer->regexes, k), NULL,
                              gazetteer->label, gazetteer->name, shadow, candidates, error))
          return NULL;
    }

  return resolve (file, candidates, self->nesting);
}

/* --- propagation -------------------------------------------------------------------------- */

/**
 * ann_suggester_propagate:
 * @file: the file @tagged belongs to
 * @tagged: an entity the user just tagged
 *
 * The other occurrences of @tagged's text, as whole words, with its case but in either tone
 * placement and Ð/Đ, as pending entities of its label (with its reference, not its note). An
 * occurrence is left out when an entity already has its span, or overlaps it with the same
 * label, or crosses it. One inside an entity of another label, or around one, is offered only
 * when the nesting of the loaded rules allows that pair, as for ann_suggester_run(): with the
 * bundled rules, "Hà" tagged PER is not offered inside the LOC "Hà Nội", while "Đông Hà"
 * tagged LOC is offered inside the ORG "UBND thành phố Đông Hà".
 *
 * Returns: (transfer container) (element-type AnnEntity): new unfrozen pending entities with
 *   fresh ids, in text order; empty when there is nothing to offer
 */
GPtrArray *
ann_suggester_propagate (AnnSuggester *self,
                         AnnFile      *file,
                         AnnEntity    *tagged)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GString) pattern = g_string_new (LEFT_BOUNDARY);
  g_autoptr(GRegex) regex = NULL;
  g_autofree char *canonical = NULL;
  GPtrArray *out;
  const char *text;

  g_return_val_if_fail (ANN_IS_SUGGESTER (self), NULL);
  g_return_val_if_fail (ANN_IS_FILE (file), NULL);
  g_return_val_if_fail (ANN_IS_ENTITY (tagged), NULL);

  text = ann_entity_get_text (tagged);
  if (text == NULL || *text == '\0')
    return g_ptr_array_new_with_free_func (g_object_unref);

  canonical = ann_suggest_canonicalize (text);
  append_name_pattern (pattern, canonical);
  g_string_append (pattern, RIGHT_BOUNDARY);
  /* Compiled to machine code (JIT): matched by PCRE2's interpreter, the pattern's leading
   * look-behind made one search of a 1 MB article take 0.9 s. */
  regex = g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL);
  g_return_val_if_fail (regex != NULL, g_ptr_array_new_with_free_func (g_object_unref));

  if (!collect_matches (regex, NULL, ann_entity_get_label (tagged), text,
                        get_shadow (self, ann_file_get_document (file)), candidates, NULL))
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* The tagged entity itself, whether or not the store holds it yet. */
  for (guint i = candidates->len; i-- > 0;)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->start == ann_entity_get_start (tagged) && c->end == ann_entity_get_end (tagged))
        g_array_remove_index (candidates, i);
    }

  out = resolve (file, candidates, self->nesting);
  for (guint i = 0; i < out->len; i++)
    ann_entity_set_ref (g_ptr_array_index (out, i), ann_entity_get_ref (tagged));
  return out;
}
