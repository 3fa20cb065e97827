/* ann-format-conll.h: CoNLL files with IOB tags, one token a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-format.h"

G_BEGIN_DECLS

AnnFile   *ann_format_conll_import (GFile    *input,
                                    char    **warning,
                                    GError  **error);
GPtrArray *ann_format_conll_export (AnnFile  *file,
                                    GError  **error);

G_END_DECLS
