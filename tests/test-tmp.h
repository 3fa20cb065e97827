/* test-tmp.h: temporary folders for the tests, removed with everything in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder under g_get_tmp_dir () named PREFIX-XXXXXX, for the running test case: it is
 * removed with all it holds when the test case ends. A test that fails stops the program
 * before that, which leaves its files for a look. */
char *test_tmp_dir        (const char *prefix);

/* Copies the file @source to @dir/@name, and returns that path. */
char *test_copy_file      (const char *source,
                           const char *dir,
                           const char *name);

/* Removes PATH and, if it is a folder, everything in it. Symbolic links are removed, not
 * followed. */
void  test_remove_tree    (const char *path);

G_END_DECLS
