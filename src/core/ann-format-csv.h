/* ann-format-csv.h: a CSV table of the entities (RFC 4180), export only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-format.h"

G_BEGIN_DECLS

GPtrArray *ann_format_csv_export (AnnFile  *file,
                                  GError  **error);

G_END_DECLS
