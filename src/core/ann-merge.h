/* ann-merge.h: several annotators' files of one article merged into a gold file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ann-file.h"

G_BEGIN_DECLS

#define ANN_MERGE_NOTE_SEPARATOR "; "

guint    ann_merge_default_min_agree (guint                n_files);
AnnFile *ann_merge                   (GPtrArray           *files,
                                      const char * const  *names,
                                      guint                min_agree,
                                      const char          *annotator,
                                      GError             **error);

G_END_DECLS
