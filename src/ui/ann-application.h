/* ann-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANN_TYPE_APPLICATION (ann_application_get_type ())

G_DECLARE_FINAL_TYPE (AnnApplication, ann_application, ANN, APPLICATION, GtkApplication)

AnnApplication *ann_application_new          (void);
GSettings      *ann_application_get_settings (AnnApplication *self);
gboolean        ann_application_is_review    (GFile         **files,
                                              int             n_files);

G_END_DECLS
