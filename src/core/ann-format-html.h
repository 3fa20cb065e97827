/* ann-format-html.h: a standalone HTML report of an annotated article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-format.h"

G_BEGIN_DECLS

GPtrArray *ann_format_html_export (AnnFile  *file,
                                   GError  **error);

G_END_DECLS
