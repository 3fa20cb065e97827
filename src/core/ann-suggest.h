/* ann-suggest.h: rule and gazetteer pre-annotation, as pending entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ann-entity.h"
#include "ann-file.h"
#include "ann-label-schema.h"

G_BEGIN_DECLS

/* The file name of the bundled rules in the data directory, and the folder of the bundled
 * gazetteers (every "*.txt" in it). */
#define ANN_SUGGEST_RULES_FILE      "suggest-rules.json"
#define ANN_SUGGEST_GAZETTEER_DIR   "gazetteers"
#define ANN_SUGGEST_RULES_FORMAT    "article-annotator-suggest-rules"
#define ANN_SUGGEST_RULES_VERSION   1

#define ANN_TYPE_SUGGESTER (ann_suggester_get_type ())

G_DECLARE_FINAL_TYPE (AnnSuggester, ann_suggester, ANN, SUGGESTER, GObject)

AnnSuggester *ann_suggester_new                     (AnnLabelSchema *labels);
AnnSuggester *ann_suggester_new_default             (AnnLabelSchema *labels,
                                                     GError        **error);
gboolean      ann_suggester_load_rules              (AnnSuggester   *self,
                                                     GFile          *file,
                                                     GError        **error);
gboolean      ann_suggester_load_rules_data         (AnnSuggester   *self,
                                                     const char     *data,
                                                     gsize           length,
                                                     const char     *display_name,
                                                     GError        **error);
gboolean      ann_suggester_load_bundled_rules      (AnnSuggester   *self,
                                                     GError        **error);
gboolean      ann_suggester_load_gazetteer          (AnnSuggester   *self,
                                                     GFile          *file,
                                                     const char     *label,
                                                     GError        **error);
gboolean      ann_suggester_load_gazetteer_data     (AnnSuggester   *self,
                                                     const char     *data,
                                                     gsize           length,
                                                     const char     *display_name,
                                                     const char     *label,
                                                     GError        **error);
gboolean      ann_suggester_load_bundled_gazetteers (AnnSuggester   *self,
                                                     GError        **error);
char        **ann_suggester_dup_rule_ids            (AnnSuggester   *self);
gboolean      ann_suggester_set_rule_enabled        (AnnSuggester   *self,
                                                     const char     *id,
                                                     gboolean        enabled);
guint         ann_suggester_get_n_gazetteers        (AnnSuggester   *self);
GPtrArray    *ann_suggester_run                     (AnnSuggester   *self,
                                                     AnnFile        *file,
                                                     GError        **error);
GPtrArray    *ann_suggester_propagate               (AnnSuggester   *self,
                                                     AnnFile        *file,
                                                     AnnEntity      *tagged);

const char   *ann_suggest_get_data_dir              (void);
char         *ann_suggest_canonicalize              (const char     *text);

G_END_DECLS
