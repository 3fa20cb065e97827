/* ann-json-writer.h: deterministic JSON output, indented like the file format requires
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AnnJsonWriter AnnJsonWriter;

AnnJsonWriter *ann_json_writer_new          (guint           indent);
char          *ann_json_writer_free_to_string (AnnJsonWriter *self,
                                               gsize         *length);
void           ann_json_writer_free         (AnnJsonWriter  *self);
void           ann_json_writer_begin_object (AnnJsonWriter  *self,
                                             const char     *key);
void           ann_json_writer_end_object   (AnnJsonWriter  *self);
void           ann_json_writer_begin_array  (AnnJsonWriter  *self,
                                             const char     *key);
void           ann_json_writer_end_array    (AnnJsonWriter  *self);
void           ann_json_writer_string       (AnnJsonWriter  *self,
                                             const char     *key,
                                             const char     *value);
void           ann_json_writer_int          (AnnJsonWriter  *self,
                                             const char     *key,
                                             gint64          value);
void           ann_json_writer_double       (AnnJsonWriter  *self,
                                             const char     *key,
                                             double          value);
void           ann_json_writer_boolean      (AnnJsonWriter  *self,
                                             const char     *key,
                                             gboolean        value);
void           ann_json_writer_null         (AnnJsonWriter  *self,
                                             const char     *key);
void           ann_json_escape_string       (GString        *out,
                                             const char     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnJsonWriter, ann_json_writer_free)

G_END_DECLS
