/* test-disk-watch.c: telling another program's change from a new stamp on the same contents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ann-disk-watch.h"
#include "test-tmp.h"

#define WAIT_SECONDS 20

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static const char ours[] = "{ \"entities\": [ \"Gio Linh\" ] }\n";
static const char theirs[] = "{ \"entities\": [ \"Cam Lộ\" ] }\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmp_dir ("ann-disk-watch");
  fixture->path = g_build_filename (fixture->dir, "article.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  g_assert_true (g_file_set_contents (fixture->path, ours, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_object_unref (fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A watch from the version on disk now, as after loading or saving it. */
static AnnDiskWatch *
watch_now (Fixture *fixture)
{
  g_autofree char *stamp = ann_disk_watch_query_stamp (fixture->file);
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  gsize length;

  g_assert_nonnull (stamp);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  checksum = ann_disk_watch_checksum (contents, length);
  return ann_disk_watch_new (fixture->file, stamp, checksum);
}

/* Sets the file's modification time back to @before's, as a file system of whole seconds
 * would show a write made in the same second. */
static void
reset_times (const char        *path,
             const struct stat *before)
{
  struct timespec times[2] = { before->st_atim, before->st_mtim };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_unchanged (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AnnDiskWatch) watch = watch_now (fixture);

  g_assert_false (ann_disk_watch_is_changed (watch));
}

/* Another program's version, written by rename in the same second: a new inode, same time. */
static void
test_changed_within_the_same_second (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(AnnDiskWatch) watch = watch_now (fixture);
  struct stat before;

  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, theirs, -1, NULL));
  reset_times (fixture->path, &before);
  g_assert_true (ann_disk_watch_is_changed (watch));
}

/* A new stamp on the same contents is no change: a touch, and the same bytes written anew
 * (a new inode, as FAT, sshfs and CIFS also give without any write). */
static void
test_same_contents_new_stamp (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AnnDiskWatch) watch = watch_now (fixture);
  g_autofree char *before = ann_disk_watch_query_stamp (fixture->file);
  g_autofree char *after = NULL;
  struct timespec later[2] = { { 0, UTIME_NOW }, { 1000000000, 0 } };

  g_assert_cmpint (utimensat (AT_FDCWD, fixture->path, later, 0), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, ours, -1, NULL));
  after = ann_disk_watch_query_stamp (fixture->file);
  g_assert_cmpstr (before, !=, after);

  g_assert_false (ann_disk_watch_is_changed (watch));
  g_assert_false (ann_disk_watch_is_changed (watch));
}

/* A file that is gone is not "changed": saving makes it again and overwrites nothing. */
static void
test_gone (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(AnnDiskWatch) watch = watch_now (fixture);

  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_false (ann_disk_watch_is_changed (watch));
}

/* Once the user has chosen to replace the other version, only a later change counts. */
static void
test_accept_current (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AnnDiskWatch) watch = watch_now (fixture);

  g_assert_true (g_file_set_contents (fixture->path, theirs, -1, NULL));
  g_assert_true (ann_disk_watch_is_changed (watch));
  ann_disk_watch_accept_current (watch);
  g_assert_false (ann_disk_watch_is_changed (watch));

  g_assert_true (g_file_set_contents (fixture->path, ours, -1, NULL));
  g_assert_true (ann_disk_watch_is_changed (watch));
}

/* Without a stamp (restored work knows only the checksum of its version), the contents decide. */
static void
test_without_stamp (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *checksum = ann_disk_watch_checksum (ours, strlen (ours));
  g_autoptr(AnnDiskWatch) watch = ann_disk_watch_new (fixture->file, NULL, checksum);

  g_assert_false (ann_disk_watch_is_changed (watch));
  g_assert_true (g_file_set_contents (fixture->path, theirs, -1, NULL));
  g_assert_true (ann_disk_watch_is_changed (watch));
}

/* --- in the background ------------------------------------------------------------------- */

static void
on_changed (AnnDiskWatch *watch,
            guint        *n_changed)
{
  (*n_changed)++;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until "changed" came, or for @seconds. */
static void
run_until_changed (guint *n_changed,
                   guint  seconds)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (seconds, on_timeout, &timed_out);

  while (*n_changed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
}

/* The file monitor's events lead to a check in a worker thread: another program's version is
 * told, a touch is not. */
static void
test_monitor (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AnnDiskWatch) watch = watch_now (fixture);
  struct timespec later[2] = { { 0, UTIME_NOW }, { 1000000000, 0 } };
  guint n_changed = 0;

  g_signal_connect (watch, "changed", G_CALLBACK (on_changed), &n_changed);

  g_assert_cmpint (utimensat (AT_FDCWD, fixture->path, later, 0), ==, 0);
  run_until_changed (&n_changed, 2);
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_true (g_file_set_contents (fixture->path, theirs, -1, NULL));
  run_until_changed (&n_changed, WAIT_SECONDS);
  g_assert_cmpuint (n_changed, >, 0);
}

/* ann_disk_watch_recheck() checks in the background too; a watch dropped before its check ends
 * is not kept alive by it, and nothing is told. */
static void
test_recheck (Fixture       *fixture,
              gconstpointer  data)
{
  AnnDiskWatch *dropped = watch_now (fixture);
  g_autoptr(AnnDiskWatch) watch = NULL;
  guint n_changed = 0;

  g_assert_true (g_file_set_contents (fixture->path, theirs, -1, NULL));
  ann_disk_watch_recheck (dropped);
  g_assert_finalize_object (dropped);

  /* The version after the change: a recheck finds nothing, until another change. */
  watch = watch_now (fixture);
  g_signal_connect (watch, "changed", G_CALLBACK (on_changed), &n_changed);
  ann_disk_watch_recheck (watch);
  run_until_changed (&n_changed, 2);
  g_assert_cmpuint (n_changed, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/disk-watch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("unchanged", test_unchanged);
  ADD ("changed-within-the-same-second", test_changed_within_the_same_second);
  ADD ("same-contents-new-stamp", test_same_contents_new_stamp);
  ADD ("gone", test_gone);
  ADD ("accept-current", test_accept_current);
  ADD ("without-stamp", test_without_stamp);
  ADD ("monitor", test_monitor);
  ADD ("recheck", test_recheck);
#undef ADD

  return g_test_run ();
}
