/* ann-format-w3c.h: W3C Web Annotation (JSON-LD), import and export
 *
 * Export writes two parts: the annotations (the output itself, an AnnotationCollection) and
 * the article's text (suffix ".txt": OUT.json gives OUT.txt), since a W3C annotation only
 * points at its source and never holds the text. Import reads X.json and the text from X.txt
 * beside it (the same naming, so an export imports back unchanged).
 *
 * What travels, per entity (one Annotation each, motivation "tagging"):
 *   label   a TextualBody, purpose "tagging"
 *   note    a TextualBody, purpose "commenting"
 *   ref     a TextualBody, purpose "identifying" (import also takes an identifying resource:
 *           a string body, or a body's "id" or "source")
 *   status  a TextualBody, purpose "assessing", value "pending", "accepted" or "rejected": our
 *           convention, since the model has no review status
 *   annotators  "creator": Person agents by "nickname"
 *   span    target {"source": document id, "selector": [TextPositionSelector (code points),
 *           TextQuoteSelector (exact, and up to 32 characters of prefix and suffix)]}
 *   id      "urn:article-annotator:<sha256 hex>:entity:<entity id>"; foreign ids get new ones
 * The collection's "label" is the title and its "creator" the file's annotator. Lost: label
 * names, colours and keys (import adds unknown labels named after their id), relations, the
 * document's source and language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ann-format.h"

G_BEGIN_DECLS

AnnFile   *ann_format_w3c_import (GFile     *input,
                                  char     **warning,
                                  GError   **error);
GPtrArray *ann_format_w3c_export (AnnFile   *file,
                                  GError   **error);

G_END_DECLS
