/* ann-format-labelstudio.h: Label Studio tasks JSON and its labeling config, import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-format.h"

G_BEGIN_DECLS

AnnFile   *ann_format_labelstudio_import (GFile    *input,
                                          char    **warning,
                                          GError  **error);
GPtrArray *ann_format_labelstudio_export (AnnFile  *file,
                                          GError  **error);

G_END_DECLS
