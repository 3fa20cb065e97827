/* ann-format.h: the exchange formats, import and export, one module each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-file.h"

G_BEGIN_DECLS

/* One file that an export writes. */
typedef struct
{
  char   *suffix;   /* nullable: NULL is the output itself; otherwise the output's name without
                     * its extension, plus this suffix (".txt", ".labeling-config.xml") */
  GBytes *data;
} AnnExportPart;

AnnExportPart *ann_export_part_new  (const char    *suffix,
                                     GBytes        *data);
void           ann_export_part_free (AnnExportPart *part);

/* An importer reads @input (for brat, the .ann file) and returns a new annotation file, or
 * %NULL with an error that names the file and the line or JSON path. @warning, when not
 * %NULL, may be set to something the user should know (for example documents left out). */
typedef AnnFile   *(*AnnImportFunc) (GFile    *input,
                                     char    **warning,
                                     GError  **error);

/* An exporter returns the parts to write (element-type AnnExportPart), or %NULL with an
 * error; it writes nothing itself, so a failure leaves no partial output. */
typedef GPtrArray *(*AnnExportFunc) (AnnFile  *file,
                                     GError  **error);

typedef struct
{
  const char    *id;          /* as the command line names it: "brat", "conll", … */
  const char    *name;        /* for menus, translatable */
  const char    *extension;   /* of the output or of the file to import, without the dot */
  AnnImportFunc  import;      /* nullable: export only */
  AnnExportFunc  export;
  const char    *text_beside; /* nullable: the suffix of the article's text that the import
                               * reads beside its input (".txt": X.ann or X.json needs X.txt;
                               * see ann_format_part_file()) */
} AnnFormat;

const AnnFormat  *ann_format_lookup       (const char       *id);
const AnnFormat **ann_format_list         (void);
const AnnFormat  *ann_format_guess        (GFile            *file,
                                           GError          **error);
GFile            *ann_format_part_file    (GFile            *output,
                                           const char       *suffix);
gboolean          ann_format_export_to    (const AnnFormat  *format,
                                           AnnFile          *file,
                                           GFile            *output,
                                           GFile            *keep,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnExportPart, ann_export_part_free)

G_END_DECLS
