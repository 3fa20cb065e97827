/* ann-disk-watch.c: tells when another program changed a file that is open here
 *
 * A watch knows the version of a file that the work here is based on: its stamp (etag, that is
 * the modification time for a local file, then size and inode) and the checksum of its
 * contents. The stamp is cheap to read and changes with almost every write; the contents
 * decide. A stamp can change while the contents stay (a touch; inode numbers that FAT, exFAT,
 * sshfs and CIFS hand out anew whenever the file is looked up again), and the contents can
 * change while the stamp stays (timestamps of whole seconds, or two on FAT, and a write in
 * place of the same size). So a new stamp leads to reading the file, and only different
 * contents count as a change.
 *
 * The watch checks when a file monitor reports an event and when its owner asks
 * (ann_disk_watch_recheck(), for example when the window comes back to the front, since on a
 * network file system another machine's writes raise no event here). Those checks run in a
 * worker thread, so a slow mount never stalls the window; "changed" is emitted in the main
 * context. ann_disk_watch_is_changed() checks at once, for the moment before a save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ann-disk-watch.h"
#include "ann-io.h"

struct _AnnDiskWatch
{
  GObject       parent_instance;

  GFile        *file;
  char         *stamp;      /* nullable: not known, so the contents decide */
  char         *checksum;   /* of the contents the work is based on */
  GFileMonitor *monitor;    /* nullable */
  guint         generation; /* changes with the version, so a late check cannot undo it */
};

G_DEFINE_FINAL_TYPE (AnnDiskWatch, ann_disk_watch, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  DISK_SAME,            /* the stamp is the same */
  DISK_SAME_CONTENTS,   /* a new stamp, the same contents */
  DISK_CHANGED,
  DISK_GONE,            /* saving makes it again and overwrites nothing */
} DiskState;

/**
 * ann_disk_watch_query_stamp:
 *
 * Returns: (transfer full) (nullable): what identifies @file's version cheaply (etag, size,
 *   inode), or %NULL when it is gone
 */
char *
ann_disk_watch_query_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *etag;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_ETAG_VALUE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_UNIX_INODE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  etag = g_file_info_get_etag (info);
  return g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%" G_GUINT64_FORMAT,
                          etag != NULL ? etag : "",
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

/**
 * ann_disk_watch_checksum:
 *
 * Returns: (transfer full): the checksum a watch compares contents by
 */
char *
ann_disk_watch_checksum (const char *data,
                         gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Reads @file's contents' checksum; %NULL when it cannot be read. */
static char *
read_checksum (GFile *file)
{
  g_autoptr(GBytes) bytes = ann_io_load (file, NULL);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return ann_disk_watch_checksum (data != NULL ? data : "", length);
}

/* Compares @file on disk with the version of @stamp and @checksum; *@new_stamp is the stamp
 * read. Safe in any thread: it touches no watch. */
static DiskState
compare_with_disk (GFile       *file,
                   const char  *stamp,
                   const char  *checksum,
                   char       **new_stamp)
{
  g_autofree char *contents = NULL;

  *new_stamp = ann_disk_watch_query_stamp (file);
  if (*new_stamp == NULL)
    return DISK_GONE;
  if (g_strcmp0 (*new_stamp, stamp) == 0)
    return DISK_SAME;

  /* A file that cannot be read now (gone since, no permission) counts as unchanged: saving
   * would tell the user why it fails. */
  contents = read_checksum (file);
  if (contents == NULL || g_strcmp0 (contents, checksum) == 0)
    return DISK_SAME_CONTENTS;
  return DISK_CHANGED;
}

/* Applies the outcome of a check made against the version of @generation. */
static gboolean
apply_state (AnnDiskWatch *self,
             guint         generation,
             DiskState     state,
             char         *new_stamp)
{
  if (generation != self->generation)
    return FALSE;
  if (state == DISK_SAME_CONTENTS)
    {
      /* Same contents under a new stamp: remember it, so it is not read again. */
      g_free (self->stamp);
      self->stamp = g_strdup (new_stamp);
    }
  return state == DISK_CHANGED;
}

/* --- checking in a worker thread ----------------------------------------------------------- */

typedef struct
{
  GWeakRef   watch;
  GFile     *file;
  char      *stamp;
  char      *checksum;
  guint      generation;
  DiskState  state;
  char      *new_stamp;
} Check;

static void
check_free (Check *check)
{
  g_weak_ref_clear (&check->watch);
  g_object_unref (check->file);
  g_free (check->stamp);
  g_free (check->checksum);
  g_free (check->new_stamp);
  g_free (check);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Check *check = task_data;

  check->state = compare_with_disk (check->file, check->stamp, check->checksum,
                                    &check->new_stamp);
  g_task_return_boolean (task, TRUE);
}

static void
on_check_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Check *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(AnnDiskWatch) self = g_weak_ref_get (&check->watch);

  /* A watch dropped meanwhile has no one left to tell. */
  if (self != NULL && apply_state (self, check->generation, check->state, check->new_stamp))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ann_disk_watch_recheck:
 *
 * Checks the file in a worker thread, and emits "changed" if another program changed it.
 */
void
ann_disk_watch_recheck (AnnDiskWatch *self)
{
  g_autoptr(GTask) task = NULL;
  Check *check;

  g_return_if_fail (ANN_IS_DISK_WATCH (self));

  check = g_new0 (Check, 1);
  g_weak_ref_init (&check->watch, self);
  check->file = g_object_ref (self->file);
  check->stamp = g_strdup (self->stamp);
  check->checksum = g_strdup (self->checksum);
  check->generation = self->generation;

  /* No source object: the task must not keep the watch (and its monitor) alive. */
  task = g_task_new (NULL, NULL, on_check_done, NULL);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  g_task_run_in_thread (task, check_in_thread);
}

static void
on_monitor_event (AnnDiskWatch      *self,
                  GFile             *file,
                  GFile             *other_file,
                  GFileMonitorEvent  event,
                  GFileMonitor      *monitor)
{
  ann_disk_watch_recheck (self);
}

/* --- the object ---------------------------------------------------------------------------- */

static void
ann_disk_watch_dispose (GObject *object)
{
  AnnDiskWatch *self = ANN_DISK_WATCH (object);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  G_OBJECT_CLASS (ann_disk_watch_parent_class)->dispose (object);
}

static void
ann_disk_watch_finalize (GObject *object)
{
  AnnDiskWatch *self = ANN_DISK_WATCH (object);

  g_clear_object (&self->file);
  g_free (self->stamp);
  g_free (self->checksum);
  G_OBJECT_CLASS (ann_disk_watch_parent_class)->finalize (object);
}

static void
ann_disk_watch_class_init (AnnDiskWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ann_disk_watch_dispose;
  object_class->finalize = ann_disk_watch_finalize;

  /**
   * AnnDiskWatch::changed:
   *
   * Another program changed the file's contents (emitted after a check in the background).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ann_disk_watch_init (AnnDiskWatch *self)
{
}

/**
 * ann_disk_watch_new:
 * @stamp: (nullable): @file's stamp (ann_disk_watch_query_stamp()) taken before its contents
 *   were read or just after they were written; %NULL when not known
 * @checksum: the checksum (ann_disk_watch_checksum()) of those contents
 *
 * Watches @file for changes by other programs, from the version of @stamp and @checksum on.
 */
AnnDiskWatch *
ann_disk_watch_new (GFile      *file,
                    const char *stamp,
                    const char *checksum)
{
  AnnDiskWatch *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (checksum != NULL, NULL);

  self = g_object_new (ANN_TYPE_DISK_WATCH, NULL);
  self->file = g_object_ref (file);
  self->stamp = g_strdup (stamp);
  self->checksum = g_strdup (checksum);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (on_monitor_event), self);
  return self;
}

GFile *
ann_disk_watch_get_file (AnnDiskWatch *self)
{
  g_return_val_if_fail (ANN_IS_DISK_WATCH (self), NULL);

  return self->file;
}

/**
 * ann_disk_watch_get_checksum:
 *
 * The checksum of the version the work is based on.
 */
const char *
ann_disk_watch_get_checksum (AnnDiskWatch *self)
{
  g_return_val_if_fail (ANN_IS_DISK_WATCH (self), NULL);

  return self->checksum;
}

/**
 * ann_disk_watch_is_changed:
 *
 * Checks now, in this thread: whether another program changed the file's contents. A file
 * that is gone is not "changed".
 */
gboolean
ann_disk_watch_is_changed (AnnDiskWatch *self)
{
  g_autofree char *new_stamp = NULL;
  DiskState state;

  g_return_val_if_fail (ANN_IS_DISK_WATCH (self), FALSE);

  state = compare_with_disk (self->file, self->stamp, self->checksum, &new_stamp);
  return apply_state (self, self->generation, state, new_stamp);
}

/**
 * ann_disk_watch_accept_current:
 *
 * Takes the version on disk now as the one the work is based on: the user has seen the other
 * program's version and chosen to replace it, so only a later change counts.
 */
void
ann_disk_watch_accept_current (AnnDiskWatch *self)
{
  g_autofree char *stamp = NULL;
  g_autofree char *checksum = NULL;

  g_return_if_fail (ANN_IS_DISK_WATCH (self));

  stamp = ann_disk_watch_query_stamp (self->file);
  checksum = read_checksum (self->file);
  if (checksum == NULL)
    return;
  g_free (self->stamp);
  self->stamp = g_steal_pointer (&stamp);
  g_free (self->checksum);
  self->checksum = g_steal_pointer (&checksum);
  self->generation++;
}
