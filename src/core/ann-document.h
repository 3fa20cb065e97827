/* ann-document.h: the article being annotated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANN_TYPE_DOCUMENT (ann_document_get_type ())

G_DECLARE_FINAL_TYPE (AnnDocument, ann_document, ANN, DOCUMENT, GObject)

AnnDocument *ann_document_new               (const char   *text,
                                             GError      **error);
AnnDocument *ann_document_new_from_bytes    (GBytes       *bytes,
                                             char        **warning,
                                             GError      **error);
AnnDocument *ann_document_new_from_file     (GFile        *file,
                                             char        **warning,
                                             GError      **error);
const char  *ann_document_get_id            (AnnDocument  *self);
const char  *ann_document_get_text          (AnnDocument  *self);
guint        ann_document_get_length        (AnnDocument  *self);
const char  *ann_document_get_title         (AnnDocument  *self);
void         ann_document_set_title         (AnnDocument  *self,
                                             const char   *title);
const char  *ann_document_get_source        (AnnDocument  *self);
void         ann_document_set_source        (AnnDocument  *self,
                                             const char   *source);
const char  *ann_document_get_language      (AnnDocument  *self);
void         ann_document_set_language      (AnnDocument  *self,
                                             const char   *language);
gsize        ann_document_get_byte_offset   (AnnDocument  *self,
                                             guint         offset);
guint        ann_document_get_char_offset   (AnnDocument  *self,
                                             gsize         byte_offset);
char        *ann_document_dup_slice         (AnnDocument  *self,
                                             guint         start,
                                             guint         end);
gboolean     ann_document_snap_to_tokens     (AnnDocument  *self,
                                             guint        *start,
                                             guint        *end);

G_END_DECLS
