/* ann-json-syntax.h: a strict RFC 8259 syntax pass run before json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANN_JSON_DEFAULT_MAX_DEPTH 256

gboolean ann_json_check_syntax (const char  *data,
                                gsize        length,
                                guint        max_depth,
                                GError     **error);

G_END_DECLS
