/* ann-format-brat.h: brat standoff (.ann beside .txt), import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-format.h"

G_BEGIN_DECLS

AnnFile   *ann_format_brat_import (GFile    *input,
                                   char    **warning,
                                   GError  **error);
GPtrArray *ann_format_brat_export (AnnFile  *file,
                                   GError  **error);

G_END_DECLS
