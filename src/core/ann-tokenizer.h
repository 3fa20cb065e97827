/* ann-tokenizer.h: the tokenizer of the CoNLL export and token agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ann-entity-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;        /* code points, inclusive */
  guint end;          /* code points, exclusive */
  gsize byte_start;   /* the same span in bytes of the UTF-8 text */
  gsize byte_end;
  guint sentence;     /* index of the sentence the token belongs to, from 0 */
} AnnToken;

GArray    *ann_tokenize                (const char     *text);
gboolean   ann_tokenizer_is_punctuation_or_symbol (gunichar c);
GPtrArray *ann_tokens_covering_entities (GArray        *tokens,
                                         AnnEntityStore *store);

G_END_DECLS
