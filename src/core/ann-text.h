/* ann-text.h: the normal form of article text, and code-point offsets into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In the map of ann_text_normalize_mapped(): a raw offset inside a composed character. */
#define ANN_TEXT_OFFSET_INSIDE G_MAXUINT

char     *ann_text_decode            (const guint8  *data,
                                      gsize          length,
                                      GError       **error);
char     *ann_text_normalize         (const char    *text);
char     *ann_text_compose           (const char    *text);
char     *ann_text_normalize_mapped  (const char    *raw,
                                      GArray       **map);
gboolean  ann_text_check_normalized  (const char    *text,
                                      GError       **error);
char     *ann_text_find_mojibake     (const char    *text);
char     *ann_text_compute_id        (const char    *text);
gboolean  ann_text_is_word_char      (gunichar       c);
char     *ann_text_show_invisible    (const char    *text);

G_END_DECLS
