/* test-faults.c: saving and loading when the system fails us
 *
 * What the window's Save does is ann_file_save(), an atomic write (ann_io_write_atomically);
 * these tests make it fail the ways a disk fails and check that the message is clear and that
 * the file already there keeps its contents. The window's side (the document stays open and
 * unsaved, the message is shown) is in test-window-faults.c.
 *
 * - a folder that is a regular file (ENOTDIR) and a folder deleted after the file was opened;
 * - a full disk and a read-only folder: for real, on small tmpfs mounts (one full, one mounted
 *   read-only) in a private mount namespace made with unshare(1), which needs root or user
 *   namespaces; without them the test is skipped, and a write cut short by RLIMIT_FSIZE
 *   (EFBIG, the same failure in the middle of writing) still runs everywhere. Permissions
 *   cannot make a folder read-only for root, so no test relies on them;
 * - SIGKILL at random moments while saving, over and over: the file is always the old or the
 *   new contents, whole;
 * - files too large to load (ANN_IO_MAX_SIZE): refused at once, before reading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ann-error.h"
#include "ann-file.h"
#include "ann-format-conll.h"
#include "ann-io.h"
#include "test-tmp.h"

static const char *self_path;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static AnnFile *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE_DIR "/sample-article.json");
  g_autoptr(GError) error = NULL;
  AnnFile *loaded = ann_file_load (file, &error);

  g_assert_no_error (error);
  return loaded;
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gboolean
has_contents (const char *path,
              GBytes     *expected)
{
  g_autoptr(GBytes) found = read_bytes (path);

  return g_bytes_equal (found, expected);
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* --- a folder that is not one, a folder that vanished ------------------------------------- */

static void
test_parent_is_a_file (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-faults");
  g_autofree char *not_dir = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *path = g_build_filename (not_dir, "out.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(AnnFile) file = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  g_assert_true (g_file_set_contents (not_dir, "a file, not a folder", -1, NULL));
  before = read_bytes (not_dir);

  g_assert_false (ann_file_save (file, target, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_test_message ("%s", error->message);
  /* The message names the file and says why. */
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOTDIR)));
  g_assert_true (has_contents (not_dir, before));
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
test_folder_vanished (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-faults");
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(AnnFile) file = load_sample ();
  g_autoptr(GError) error = NULL;

  /* Saved once, then the folder goes (another program, an unmounted drive). */
  g_assert_true (ann_file_save (file, target, NULL));
  test_remove_tree (dir);

  g_assert_false (ann_file_save (file, target, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* --- a write cut short, everywhere: RLIMIT_FSIZE --------------------------------------------- */

static void
test_write_cut_short (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) target = g_file_new_for_path (g_getenv ("ANN_FAULTS_TARGET"));
      g_autoptr(AnnFile) file = load_sample ();
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      /* Any write past 4 KiB fails with EFBIG, as a full disk fails with ENOSPC. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (ann_file_save (file, target, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_FILE_ERROR);
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
      g_print ("%s\n", error->message);
      return;
    }

  dir = test_tmp_dir ("ann-faults");
  path = g_build_filename (dir, "out.json", NULL);
  g_assert_true (g_file_set_contents (path, "{\"old\": true}\n", -1, NULL));

  g_setenv ("ANN_FAULTS_TARGET", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*out.json*");
  g_unsetenv ("ANN_FAULTS_TARGET");

  /* The old file is whole, and no temporary file is left beside it. */
  {
    g_autoptr(GBytes) after = read_bytes (path);

    g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                     "{\"old\": true}\n", strlen ("{\"old\": true}\n"));
  }
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* --- a full disk and a read-only folder, for real, in a private mount namespace ----------- */

/* Runs in the namespace: ANN_FAULTS_MOUNTS/full is a 64 KiB tmpfs, …/ro a read-only one. */
static void
test_mounted_full_disk (void)
{
  const char *mounts = g_getenv ("ANN_FAULTS_MOUNTS");
  g_autofree char *path = g_build_filename (mounts, "full", "doc.json", NULL);
  g_autofree char *filler = g_build_filename (mounts, "full", "filler", NULL);
  g_autofree char *full_dir = g_build_filename (mounts, "full", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(AnnFile) file = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  char block[4096] = { 0 };
  int fd;

  /* The previous save, then the disk fills up. */
  g_assert_true (g_file_set_contents (path, "{\"previous\": \"save\"}\n", -1, NULL));
  before = read_bytes (path);
  fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);

  g_assert_false (ann_file_save (file, target, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_print ("full disk: %s\n", error->message);
  g_assert_nonnull (strstr (error->message, "doc.json"));
  g_assert_true (has_contents (path, before));
  /* The temporary file is removed: doc.json and filler only. */
  g_assert_cmpuint (count_entries (full_dir), ==, 2);

  /* Once there is room again, the same save succeeds. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (ann_file_save (file, target, NULL));
}

static void
test_mounted_read_only (void)
{
  const char *mounts = g_getenv ("ANN_FAULTS_MOUNTS");
  g_autofree char *path = g_build_filename (mounts, "ro", "doc.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(AnnFile) file = load_sample ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ann_file_save (file, target, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ROFS);
  g_print ("read-only: %s\n", error->message);
  g_assert_nonnull (strstr (error->message, "doc.json"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_full_disk_and_read_only (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-faults");
  g_autofree char *full = g_build_filename (dir, "full", NULL);
  g_autofree char *ro = g_build_filename (dir, "ro", NULL);
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *argv = g_ptr_array_new ();
  int status = 0;

  g_assert_cmpint (g_mkdir (full, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (ro, 0700), ==, 0);
  if (unshare == NULL)
    {
      g_test_skip ("unshare(1) is not installed: no private mounts for a full disk");
      g_ptr_array_free (argv, TRUE);
      return;
    }

  g_ptr_array_add (argv, unshare);
  /* Root makes mounts of its own; anyone else needs a user namespace first. */
  if (getuid () != 0)
    g_ptr_array_add (argv, "--map-root-user");
  g_ptr_array_add (argv, "--mount");
  g_ptr_array_add (argv, "--propagation");
  g_ptr_array_add (argv, "private");
  g_ptr_array_add (argv, "/bin/sh");
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, "mount -t tmpfs -o size=64k tmpfs \"$1/full\" && "
                         "mount -t tmpfs -o ro,size=64k tmpfs \"$1/ro\" || exit 77; "
                         "ANN_FAULTS_MOUNTS=\"$1\" exec \"$2\" -p /faults/mounted/full-disk "
                         "-p /faults/mounted/read-only");
  g_ptr_array_add (argv, "sh");
  g_ptr_array_add (argv, dir);
  g_ptr_array_add (argv, (char *) self_path);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_ptr_array_free (argv, TRUE);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);

  if (WIFEXITED (status) && (WEXITSTATUS (status) == 77 || strstr (err, "unshare") != NULL))
    {
      g_test_skip ("no private tmpfs mounts here (needs root or user namespaces); "
                   "see /faults/save/write-cut-short for the failure in the middle of a write");
      return;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_null (strstr (out, "not ok"));
  g_assert_null (strstr (out, "# SKIP"));
  g_assert_nonnull (strstr (out, "/faults/mounted/full-disk"));
  g_assert_nonnull (strstr (out, "/faults/mounted/read-only"));
}

/* --- SIGKILL in the middle of saving ------------------------------------------------------- */

static GBytes *
contents_of_size (char   fill,
                  gsize  size)
{
  char *data = g_malloc (size);

  memset (data, fill, size);
  data[size - 1] = '\n';
  return g_bytes_new_take (data, size);
}

static void
test_killed_while_saving (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-faults");
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  /* Two contents of different sizes, large enough that a save takes a while. */
  g_autoptr(GBytes) old_contents = contents_of_size ('a', 3 * 1024 * 1024);
  g_autoptr(GBytes) new_contents = contents_of_size ('b', 2 * 1024 * 1024 + 17);
  guint n_old = 0, n_new = 0, n_left = 0;

  g_assert_true (ann_io_write_atomically (target, g_bytes_get_data (old_contents, NULL),
                                          g_bytes_get_size (old_contents), NULL));

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GBytes) found = NULL;
      pid_t child;
      int status;

      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          /* Saves the two contents in turn until killed. */
          for (guint i = 0; ; i++)
            {
              GBytes *bytes = i % 2 ? old_contents : new_contents;

              if (!ann_io_write_atomically (target, g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), NULL))
                _exit (1);
            }
        }

      g_usleep (g_test_rand_int_range (1000, 60000));
      g_assert_cmpint (kill (child, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      found = read_bytes (path);
      if (g_bytes_equal (found, old_contents))
        n_old++;
      else if (g_bytes_equal (found, new_contents))
        n_new++;
      else
        g_error ("round %u: the file is neither the old nor the new contents (%" G_GSIZE_FORMAT
                 " bytes)", round, g_bytes_get_size (found));
    }

  /* A killed save may leave its temporary file (doc.json.XXXXXX) beside the target: never
   * the target itself damaged. Count them, for the record. */
  n_left = count_entries (dir) - 1;
  g_test_message ("40 kills: %u times the old contents, %u times the new; %u temporary files "
                  "left beside", n_old, n_new, n_left);
}

/* --- too large to load ------------------------------------------------------------------- */

/* A sparse file: its size without its blocks. */
static char *
make_sparse (const char *dir,
             const char *name,
             goffset     size)
{
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
  return path;
}

static void
test_too_large_refused (void)
{
  g_autofree char *dir = test_tmp_dir ("ann-faults");
  g_autofree char *json = make_sparse (dir, "huge.json", G_GOFFSET_CONSTANT (1) << 30);
  g_autofree char *txt = make_sparse (dir, "huge.txt", ANN_IO_MAX_SIZE + 1);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_null (ann_file_load (json_file, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "huge.json"));
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "1.0\u00a0GiB"));
  g_assert_nonnull (strstr (error->message, "256.0\u00a0MiB"));
  g_clear_error (&error);

  g_assert_null (ann_file_import_text (txt_file, NULL, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  g_clear_error (&error);

  g_assert_null (ann_format_conll_import (txt_file, NULL, &error));
  g_assert_error (error, ANN_ERROR, ANN_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Refused by its size, before reading: far below the time reading 1 GiB would take. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_stream_without_size_is_bounded (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }
  /* An endless device: refused after ANN_IO_MAX_SIZE bytes, not read until memory runs out. */
  bytes = ann_io_load (zero, &error);
  g_assert_null (bytes);
  g_assert_error (error, ANN_ERROR, ANN_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
}

static void
test_small_files_still_load (void)
{
  g_autofree char *path = fixture_path ("valid/vietnamese.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty = g_file_new_for_path ("/dev/null");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) expected = read_bytes (path);
  g_autoptr(GError) error = NULL;

  bytes = ann_io_load (file, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, expected));
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = ann_io_load (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faults/save/parent-is-a-file", test_parent_is_a_file);
  g_test_add_func ("/faults/save/folder-vanished", test_folder_vanished);
  g_test_add_func ("/faults/save/write-cut-short", test_write_cut_short);
  g_test_add_func ("/faults/save/full-disk-and-read-only", test_full_disk_and_read_only);
  g_test_add_func ("/faults/save/killed-while-saving", test_killed_while_saving);
  g_test_add_func ("/faults/load/too-large", test_too_large_refused);
  g_test_add_func ("/faults/load/endless-stream", test_stream_without_size_is_bounded);
  g_test_add_func ("/faults/load/small-files", test_small_files_still_load);
  /* Only inside the private mount namespace that full-disk-and-read-only makes. */
  if (g_getenv ("ANN_FAULTS_MOUNTS") != NULL)
    {
      g_test_add_func ("/faults/mounted/full-disk", test_mounted_full_disk);
      g_test_add_func ("/faults/mounted/read-only", test_mounted_read_only);
    }
  return g_test_run ();
}
