/* ui-test-util.h: what the window's tests share: running the main loop, opening and closing
 * windows, activating their actions, answering their message dialogs
 *
 * Used by test-window.c, test-window-faults.c and test-accessibility.c, and, for the main loop
 * alone, by bench-window.c. The names are short and unprefixed: they are the tests' vocabulary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ann-application.h"
#include "ann-window.h"

G_BEGIN_DECLS

/* How long wait_until() waits before it fails the test. */
#define UI_TEST_WAIT_SECONDS 20

typedef gboolean (*UiTestCondition) (gpointer data);

/* gtk_init (), or, without a display, a clear failure that says how to run the tests. */
void            ui_test_init_gtk           (void);

/* --- the main loop ------------------------------------------------------------------------ */

gboolean        ui_test_run_until          (UiTestCondition  done,
                                            gpointer         data,
                                            guint            seconds);
void            ui_test_wait_until         (UiTestCondition  done,
                                            gpointer         data,
                                            const char      *name,
                                            const char      *file,
                                            int              line,
                                            const char      *func);

/* Runs the main loop until @done (@data) is true; after UI_TEST_WAIT_SECONDS, fails the test
 * where it was called with "waited 20 s for done (data)", naming the condition. */
#define wait_until(done, data) \
  ui_test_wait_until ((done), (data), #done " (" #data ")", __FILE__, __LINE__, G_STRFUNC)

void            spin                       (void);

/* --- conditions to wait for --------------------------------------------------------------- */

gboolean        window_is_mapped           (gpointer         widget);
gboolean        has_file                   (gpointer         window);
gboolean        has_no_entities            (gpointer         window);
gboolean        message_dialog_shown       (gpointer         unused);

/* --- windows ------------------------------------------------------------------------------ */

AnnWindow      *new_window                 (AnnApplication  *app);
AnnWindow      *open_window                (AnnApplication  *app,
                                            const char      *path);
void            close_and_finalize         (AnnWindow       *window);
AnnEntityStore *store_of                   (AnnWindow       *window);
void            activate                   (AnnWindow       *window,
                                            const char      *action,
                                            const char      *string_parameter);
char           *recovery_dir_path          (void);

/* --- info bars ---------------------------------------------------------------------------- */

GtkInfoBar     *find_revealed_bar          (GtkWidget       *root,
                                            GtkMessageType   type);
char           *revealed_bar_text          (GtkWidget       *root,
                                            GtkMessageType   type);

/* --- message dialogs ---------------------------------------------------------------------- */

GtkWindow      *find_message_dialog        (void);
char           *message_dialog_text        (GtkWindow       *dialog);

G_END_DECLS
