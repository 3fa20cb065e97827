/* ann-import.c: building an annotation file from another tool's text and offsets
 *
 * Other tools count offsets in the text as they have it, which may be decomposed, have CR LF
 * line ends or invisible characters. The import normalises the text as every file of ours
 * requires, and moves each entity's offsets along with it (ann_text_normalize_mapped()), so
 * that an entity lands on the same characters. It checks what the native loader checks, with
 * messages that start with the place in the other tool's file ("article.ann:3: …").
 *
 * Labels that the default schema lacks are added, named after their id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ann-error.h"
#include "ann-import.h"
#include "ann-text.h"

/* Colours for labels the default schema lacks, readable under dark text. */
static const char * const extra_colors[] = {
  "#99c1f1", "#8ff0a4", "#f9f06b", "#ffbe6f", "#f66151", "#dc8add", "#cdab8f", "#c0bfbc",
};

struct _AnnImport
{
  char    *raw_text;
  guint    raw_length;
  GArray  *map;         /* raw code-point offset → offset in the normal text */
  GArray  *raw_bytes;   /* raw code-point offset → byte offset in raw_text */
  AnnFile *file;
};

/**
 * ann_import_new:
 * @raw_text: the article as the other tool has it (valid UTF-8)
 *
 * Starts an import: the text is normalised and gets the default labels.
 */
AnnImport *
ann_import_new (const char  *raw_text,
                const char  *display_name,
                GError     **error)
{
  g_autoptr(AnnImport) self = g_new0 (AnnImport, 1);
  g_autoptr(AnnDocument) document = NULL;
  g_autoptr(AnnLabelSchema) labels = NULL;
  g_autofree char *normal = NULL;
  gsize byte = 0;

  g_return_val_if_fail (raw_text != NULL, NULL);

  if (!g_utf8_validate (raw_text, -1, NULL))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_ENCODING, _("%s: the text is not valid UTF-8"),
                   display_name);
      return NULL;
    }

  self->raw_text = g_strdup (raw_text);
  self->raw_bytes = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = raw_text; ; p = g_utf8_next_char (p))
    {
      byte = p - raw_text;
      g_array_append_val (self->raw_bytes, byte);
      if (*p == '\0')
        break;
    }
  self->raw_length = self->raw_bytes->len - 1;

  normal = ann_text_normalize_mapped (raw_text, &self->map);
  document = ann_document_new (normal, error);
  if (document == NULL)
    {
      g_prefix_error (error, _("%s: the text could not be brought into normal form: "), display_name);
      return NULL;
    }

  labels = ann_label_schema_new_default ();
  self->file = ann_file_new (document, labels);
  return g_steal_pointer (&self);
}

void
ann_import_free (AnnImport *self)
{
  if (self == NULL)
    return;
  g_free (self->raw_text);
  g_clear_pointer (&self->map, g_array_unref);
  g_clear_pointer (&self->raw_bytes, g_array_unref);
  g_clear_object (&self->file);
  g_free (self);
}

const char *
ann_import_get_raw_text (AnnImport *self)
{
  return self->raw_text;
}

/**
 * ann_import_get_raw_length:
 *
 * The raw text's length in code points.
 */
guint
ann_import_get_raw_length (AnnImport *self)
{
  return self->raw_length;
}

/* The label @id, added to the schema when new. */
static gboolean
ensure_label (AnnImport   *self,
              const char  *id,
              const char  *where,
              GError     **error)
{
  AnnLabelSchema *labels = ann_file_get_labels (self->file);
  guint n = ann_label_schema_get_n_labels (labels);
  g_autoptr(AnnLabel) label = NULL;
  char key[2] = { '1' + n, '\0' };

  if (ann_label_schema_lookup (labels, id) != NULL)
    return TRUE;
  if (!ann_label_id_is_valid (id))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: “%s” is not a valid label (it must be non-empty, without spaces)"),
                   where, id);
      return FALSE;
    }

  label = ann_label_new (id, id, extra_colors[n % G_N_ELEMENTS (extra_colors)], n < 9 ? key : NULL);
  return ann_label_schema_add (labels, label, error);
}

/**
 * ann_import_create_entity:
 * @id: (nullable): the entity's id, or %NULL for a new one
 * @raw_start: the start in code points of the raw text
 * @expected_text: (nullable): the text the other tool says the span holds
 * @where: the place in the other tool's file, which starts every message
 *
 * Returns: (transfer full): an entity of the normal text, to complete (note, status …) and
 *   add with ann_import_add_entity()
 */
AnnEntity *
ann_import_create_entity (AnnImport   *self,
                          const char  *id,
                          const char  *label,
                          guint        raw_start,
                          guint        raw_end,
                          const char  *expected_text,
                          const char  *where,
                          GError     **error)
{
  AnnDocument *document = ann_file_get_document (self->file);
  g_autofree char *id_copy = NULL;
  g_autofree char *text = NULL;
  guint start, end;

  if (raw_start >= raw_end || raw_end > self->raw_length)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the span %u–%u is empty or past the end of the text (%u characters)"),
                   where, raw_start, raw_end, self->raw_length);
      return NULL;
    }

  if (expected_text != NULL)
    {
      gsize byte_start = g_array_index (self->raw_bytes, gsize, raw_start);
      gsize byte_end = g_array_index (self->raw_bytes, gsize, raw_end);

      if (strlen (expected_text) != byte_end - byte_start ||
          memcmp (expected_text, self->raw_text + byte_start, byte_end - byte_start) != 0)
        {
          g_autofree char *actual = g_strndup (self->raw_text + byte_start, byte_end - byte_start);

          g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                       _("%s: the text “%s” does not match the article at %u–%u, which reads “%s”"),
                       where, expected_text, raw_start, raw_end, actual);
          return NULL;
        }
    }

  start = g_array_index (self->map, guint, raw_start);
  end = g_array_index (self->map, guint, raw_end);
  if (start == ANN_TEXT_OFFSET_INSIDE || end == ANN_TEXT_OFFSET_INSIDE)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the span %u–%u starts or ends between a letter and its accent"),
                   where, raw_start, raw_end);
      return NULL;
    }
  if (start >= end)
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: the span %u–%u holds only invisible characters"), where, raw_start, raw_end);
      return NULL;
    }

  if (!ensure_label (self, label, where, error))
    return NULL;

  if (id == NULL)
    id = id_copy = ann_entity_store_next_id (ann_file_get_entities (self->file));
  else if (!ann_label_id_is_valid (id))
    {
      g_set_error (error, ANN_ERROR, ANN_ERROR_INVALID,
                   _("%s: “%s” is not a valid id (it must be non-empty, without spaces)"), where, id);
      return NULL;
    }

  text = ann_document_dup_slice (document, start, end);
  return ann_entity_new (id, label, start, end, text);
}

/**
 * ann_import_add_entity:
 *
 * Adds @entity; a second entity with the same span and label, or the same id, is an error.
 */
gboolean
ann_import_add_entity (AnnImport   *self,
                       AnnEntity   *entity,
                       const char  *where,
                       GError     **error)
{
  if (!ann_entity_store_add (ann_file_get_entities (self->file), entity, error))
    {
      g_prefix_error (error, "%s: ", where);
      return FALSE;
    }
  return TRUE;
}

/**
 * ann_import_get_file:
 *
 * Returns: (transfer none): the file being built
 */
AnnFile *
ann_import_get_file (AnnImport *self)
{
  return self->file;
}
