/* ann-preferences.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANN_TYPE_PREFERENCES (ann_preferences_get_type ())

G_DECLARE_FINAL_TYPE (AnnPreferences, ann_preferences, ANN, PREFERENCES, GtkWindow)

AnnPreferences *ann_preferences_new (GtkWindow *parent,
                                     GSettings *settings);

G_END_DECLS
