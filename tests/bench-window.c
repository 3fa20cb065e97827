/* bench-window.c: how fast the window opens a large annotation file and edits in it
 *
 * A meson benchmark (`meson test --benchmark`), never part of the normal test run. It
 * reports; it does not judge: timings go to stdout as ratios against a baseline measured in
 * the same run, and the exit status is non-zero only when something fails functionally (a
 * file does not load, or loads with the wrong number of entities).
 *
 * The baseline is a bare GtkTextView in a GtkWindow showing the same text with the same spans,
 * highlighted with one tag per label, set up the simplest way: everything at once on the
 * main thread. It loads the file with ann_file_load() too, because our window must do the
 * same (parse and validate the JSON) before it can show anything; leaving that out would
 * compare our window with a view that gets its text and spans for free.
 *
 * "Open" is measured from just before the file is read to the first frame drawn after every
 * entity is highlighted. Both windows are created, presented and drawn once, empty, before
 * the clock starts, as when a user opens a file in a running window. A frame counts when
 * the window's surface is actually rendered, seen through an emission hook on
 * GdkSurface::render, and it ends at the frame clock's after-paint.
 *
 * "Edit" is measured twice: the action call alone, and from the call to the end of the next
 * drawn frame. Before each edit the main loop is left to go quiet, so that idle work from the
 * previous step is not charged to it and the frame clock starts the next frame at once.
 *
 * Options: --quick (only the 1 MB case and 10 places edited, for development), --runs N (open
 * measurements per case, 3 by default), --edits N (places edited, 20 by default), --keep (keep
 * the generated files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ann-application.h"
#include "ann-article-view.h"
#include "ann-window.h"
#include "ui-test-util.h"
#include "test-tmp.h"

#define WAIT_SECONDS 180        /* for a load or a frame, before calling it a failure */
#define QUIET_MS 40             /* longer than a refresh interval */
#define OPEN_BUDGET 1.5         /* our window against the bare view */
#define EDIT_BUDGET_MS 16.0     /* one frame at 60 Hz */
#define EDIT_WORD "đại biểu"    /* never tagged in the generated article */
#define TIME_ALLOWED_S 420      /* then fewer runs: meson stops a benchmark at 600 s */

static AnnApplication *app;
static char *work_dir;
static gboolean keep_files;
static gint64 deadline;

/* --- failing ------------------------------------------------------------------------------ */

static void
clean_up (void)
{
  if (work_dir != NULL && !keep_files)
    test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
}

/* A functional failure: the numbers would mean nothing, so stop with a non-zero status. */
G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN static void
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("bench-window: FAILED: %s\n", message);
  clean_up ();
  exit (EXIT_FAILURE);
}

/* --- timing helpers ----------------------------------------------------------------------- */

static double
ms_between (gint64 from,
            gint64 to)
{
  return (to - from) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  if (n == 0)
    return 0;
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
max_of (GArray *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));
  return max;
}

static GArray *
new_samples (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
add_sample (GArray *samples,
            double  value)
{
  g_array_append_val (samples, value);
}

/* --- the main loop ------------------------------------------------------------------------ */

static gboolean
on_wait_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, as the tests' wait_until() does (ui-test-util.h,
 * which spin() comes from too); a wait that never ends is a failure, reported with fail(). */
static void
wait_or_fail (UiTestCondition  done,
              gpointer         data,
              const char      *what)
{
  if (!ui_test_run_until (done, data, WAIT_SECONDS))
    fail ("waited %d s for %s", WAIT_SECONDS, what);
}

/* Lets idle work finish (GtkTextView lays out lines in idle callbacks), then stays quiet for
 * longer than a refresh interval, so that the next frame starts as soon as it is asked for. */
static void
settle (void)
{
  gboolean quiet = FALSE;

  spin ();
  g_timeout_add (QUIET_MS, on_wait_timeout, &quiet);
  while (!quiet)
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

/* --- watching for drawn frames ------------------------------------------------------------ */

typedef struct
{
  GtkWidget *window;
  gboolean   armed;       /* the change is in: the next drawn frame counts */
  gboolean   rendered;    /* the window's surface was drawn since arming */
  gint64     painted_at;  /* the end of that frame; 0 until then */
} FrameWatch;

static FrameWatch watch;

static GdkSurface *
surface_of (GtkWidget *window)
{
  return gtk_native_get_surface (GTK_NATIVE (window));
}

/* An emission hook, not a handler: GtkWindow's own handler stops the emission. The frame
 * clock runs after-paint on every frame, even one that draws nothing (a tick, a layout), so
 * after-paint alone cannot tell that the change was drawn. */
static gboolean
on_render_emission (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  if (watch.armed && watch.window != NULL &&
      g_value_get_object (&values[0]) == (gpointer) surface_of (watch.window))
    watch.rendered = TRUE;
  return TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (watch.armed && watch.rendered && user_data == watch.window)
    {
      watch.painted_at = g_get_monotonic_time ();
      watch.armed = FALSE;
    }
}

static void
arm_frame_watch (GtkWidget *window)
{
  watch.window = window;
  watch.armed = TRUE;
  watch.rendered = FALSE;
  watch.painted_at = 0;
}

static gboolean
frame_was_painted (gpointer data)
{
  return watch.painted_at != 0;
}

static gint64
wait_for_frame (void)
{
  wait_or_fail (frame_was_painted, NULL, "a frame to be drawn");
  return watch.painted_at;
}

/* Presents @window and waits for its first frame, so that the clock later starts with a
 * window already on screen. */
static void
present_and_draw (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  wait_or_fail (window_is_mapped, window, "the window to be mapped");
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
  arm_frame_watch (window);
  gtk_widget_queue_draw (window);
  wait_for_frame ();
  settle ();
}

static void
destroy_window (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window),
                                        on_after_paint, window);
  if (watch.window == window)
    watch.window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* --- generating articles ------------------------------------------------------------------ */

/* Sentences in a small markup: "[LABEL text]" is an entity, and may hold others; "{TYPE}" is
 * filled from the lists below. The text itself has no brackets or braces. */
static const char * const tagged_sentences[] = {
  "Ngày {DATE}, {ORG} ban hành {DOC} về việc triển khai {EVENT} trên địa bàn {LOC}.",
  "Đồng chí {PER}, Bí thư {ORG}, chủ trì buổi làm việc với lãnh đạo {LOC}.",
  "Theo {DOC}, đến {DATE} {ORG} phải hoàn thành việc rà soát các dự án tại {LOC}.",
  "Phát biểu tại {EVENT}, đồng chí {PER} đề nghị các cấp ủy tiếp tục quán triệt {DOC}.",
  "Tham dự có đồng chí {PER} và đồng chí {PER}, cùng lãnh đạo {ORG}.",
  "Trong {DATE}, {LOC} đã đón hơn {NUM} nghìn lượt khách, tăng {NUM}% so với cùng kỳ.",
  "{ORG} đánh giá công tác phòng, chống {MISC} tại {LOC} còn nhiều khó khăn.",
  "Kết quả thực hiện {DOC} của {ORG} sẽ được báo cáo tại {EVENT}.",
};

static const char * const plain_sentences[] = {
  "Các " EDIT_WORD " đã thảo luận sôi nổi về những giải pháp nâng cao chất lượng công tác "
  "xây dựng Đảng.",
  "Nhiều ý kiến cho rằng cần tăng cường kiểm tra, giám sát và xử lý nghiêm các sai phạm.",
  "Hội nghị thống nhất cao với dự thảo báo cáo và chương trình hành động trong thời gian tới.",
  "Người dân phấn khởi trước những đổi thay rõ rệt của quê hương sau nhiều năm nỗ lực.",
  "Các " EDIT_WORD " cũng kiến nghị tháo gỡ khó khăn về vốn, mặt bằng và thủ tục đầu tư.",
};

static const char * const people[] = {
  "Vũ Tiến Lư", "Phan Quốc Hùng", "Nguyễn Văn Nên", "Trần Thị Thu Hà", "Lê Minh Khái",
  "Hồ Văn Niên", "Ngô Thanh Danh", "Đặng Thị Ngọc Thịnh", "Võ Thị Ánh Xuân", "Bùi Thanh Sơn",
  "Đỗ Văn Chiến", "Y Thanh Hà Niê Kđăm",
};

static const char * const place_names[] = {
  "Đắk Nông", "Đắk Glong", "Gia Nghĩa", "Quảng Trị", "Đông Hà", "Gio Linh", "Hà Nội",
  "Thừa Thiên Huế", "Cần Thơ", "Lâm Đồng", "Bình Phước", "Khánh Hòa", "Krông Nô", "Cư Jút",
};

static const char * const place_levels[] = {
  "tỉnh", "huyện", "thành phố", "xã", "thị xã",
};

/* Organisations; %s is a place, tagged LOC inside the ORG. */
static const char * const organisations[] = {
  "[ORG Tỉnh ủy [LOC %s]]",
  "[ORG Ủy ban nhân dân tỉnh [LOC %s]]",
  "[ORG Ban Tuyên giáo Huyện ủy [LOC %s]]",
  "[ORG Sở Giáo dục và Đào tạo [LOC %s]]",
  "[ORG Bộ Chính trị]",
  "[ORG Ban Bí thư]",
  "[ORG Quốc hội]",
  "[ORG Bộ Nội vụ]",
  "[ORG Mặt trận Tổ quốc Việt Nam]",
};

/* Documents; %u is a number. */
static const char * const documents[] = {
  "[DOC Kế hoạch số %u]",
  "[DOC Kết luận số %u-KL/TW]",
  "[DOC Nghị quyết số %u/NQ-CP]",
  "[DOC Chỉ thị số %u-CT/TU]",
  "[DOC Quyết định số %u/QĐ-UBND]",
  "[DOC Nghị quyết [EVENT Đại hội XIII] của Đảng]",
};

/* Events; %s is a place, tagged LOC inside the EVENT. */
static const char * const events[] = {
  "[EVENT Hội nghị Trung ương 4 (khóa XIII)]",
  "[EVENT Đại hội XIII]",
  "[EVENT Đại hội Đảng bộ tỉnh [LOC %s] lần thứ XII]",
  "[EVENT Hội nghị Ban Chấp hành Đảng bộ [LOC %s]]",
};

static const char * const others[] = {
  "[MISC COVID-19]",
  "[MISC sốt xuất huyết]",
  "[MISC Chương trình mục tiêu quốc gia xây dựng nông thôn mới]",
  "[MISC Giải Báo chí quốc gia]",
};

static const char * const quarters[] = { "I", "II", "III", "IV" };

typedef struct
{
  guint       start;
  guint       end;
  const char *label;   /* interned */
} Span;

typedef struct
{
  GString *text;
  guint    length;     /* of text, in code points */
  GArray  *spans;
  GRand   *rand;
} Article;

#define PICK(article, list) ((list)[g_rand_int_range ((article)->rand, 0, G_N_ELEMENTS (list))])

static void
append_place (Article *article,
              GString *markup)
{
  if (g_rand_boolean (article->rand))
    g_string_append_printf (markup, "[LOC %s %s]",
                            PICK (article, place_levels), PICK (article, place_names));
  else
    g_string_append_printf (markup, "[LOC %s]", PICK (article, place_names));
}

static void
append_date (Article *article,
             GString *markup)
{
  guint year = g_rand_int_range (article->rand, 2015, 2024);

  switch (g_rand_int_range (article->rand, 0, 3))
    {
    case 0:
      g_string_append_printf (markup, "[DATE %02u/%02u/%u]",
                              g_rand_int_range (article->rand, 1, 29),
                              g_rand_int_range (article->rand, 1, 13), year);
      break;
    case 1:
      g_string_append_printf (markup, "[DATE quý %s/%u]", PICK (article, quarters), year);
      break;
    default:
      g_string_append_printf (markup, "[DATE tháng %u/%u]",
                              g_rand_int_range (article->rand, 1, 13), year);
      break;
    }
}

/* Fills one "{TYPE}" slot. The formats come from the lists above, not from input. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
append_slot (Article    *article,
             GString    *markup,
             const char *type,
             gsize       length)
{
  if (strncmp (type, "PER", length) == 0)
    g_string_append_printf (markup, "[PER %s]", PICK (article, people));
  else if (strncmp (type, "LOC", length) == 0)
    append_place (article, markup);
  else if (strncmp (type, "ORG", length) == 0)
    g_string_append_printf (markup, PICK (article, organisations), PICK (article, place_names));
  else if (strncmp (type, "DOC", length) == 0)
    g_string_append_printf (markup, PICK (article, documents),
                            g_rand_int_range (article->rand, 1, 400));
  else if (strncmp (type, "EVENT", length) == 0)
    g_string_append_printf (markup, PICK (article, events), PICK (article, place_names));
  else if (strncmp (type, "DATE", length) == 0)
    append_date (article, markup);
  else if (strncmp (type, "MISC", length) == 0)
    g_string_append (markup, PICK (article, others));
  else if (strncmp (type, "NUM", length) == 0)
    g_string_append_printf (markup, "%u", g_rand_int_range (article->rand, 2, 90));
  else
    g_assert_not_reached ();
}
#pragma GCC diagnostic pop

static char *
expand (Article    *article,
        const char *sentence)
{
  GString *markup = g_string_new (NULL);

  for (const char *p = sentence; *p != '\0';)
    {
      const char *close;

      if (*p != '{')
        {
          g_string_append_c (markup, *p++);
          continue;
        }
      close = strchr (p, '}');
      append_slot (article, markup, p + 1, close - p - 1);
      p = close + 1;
    }
  return g_string_free (markup, FALSE);
}

/* Appends the text of @markup and records its entities, with offsets in code points. The
 * markup is normalised first, so that the text is NFC however this file was saved. */
static void
append_markup (Article    *article,
               const char *raw_markup)
{
  g_autofree char *markup = g_utf8_normalize (raw_markup, -1, G_NORMALIZE_NFC);
  guint starts[8];
  const char *labels[8];
  guint depth = 0;

  for (const char *p = markup; *p != '\0';)
    {
      if (*p == '[')
        {
          const char *space = strchr (p, ' ');
          g_autofree char *label = g_strndup (p + 1, space - p - 1);

          g_assert (depth < G_N_ELEMENTS (starts));
          starts[depth] = article->length;
          labels[depth++] = g_intern_string (label);
          p = space + 1;
        }
      else if (*p == ']')
        {
          Span span;

          g_assert (depth > 0);
          depth--;
          span = (Span) { starts[depth], article->length, labels[depth] };
          g_array_append_val (article->spans, span);
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (article->text, p, next - p);
          article->length++;
          p = next;
        }
    }
  g_assert (depth == 0);
}

static void
append_sentence (Article    *article,
                 const char *sentence)
{
  g_autofree char *markup = expand (article, sentence);

  /* Paragraphs of about five sentences, as in a news article. */
  if (article->text->len > 0 && article->text->str[article->text->len - 1] != '\n')
    append_markup (article, g_rand_int_range (article->rand, 0, 5) == 0 ? "\n" : " ");
  append_markup (article, markup);
}

/* Tagged sentences, with plain ones mixed in to keep text and entities in proportion, until
 * there are @n_entities; then plain ones up to @n_bytes. */
static Article *
generate_article (gsize n_bytes,
                  guint n_entities)
{
  Article *article = g_new0 (Article, 1);

  article->text = g_string_sized_new (n_bytes + 1024);
  article->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  article->rand = g_rand_new_with_seed (20220321);

  append_markup (article, "Tin thời sự tổng hợp: các địa phương triển khai nghị quyết\n");
  while (article->spans->len < n_entities)
    {
      /* Behind on text for the entities so far: a plain sentence. */
      if ((double) article->text->len / n_bytes < (double) article->spans->len / n_entities)
        append_sentence (article, PICK (article, plain_sentences));
      else
        append_sentence (article, PICK (article, tagged_sentences));
    }
  /* The last sentence may bring a few more; those stay untagged text. */
  g_array_set_size (article->spans, n_entities);
  while (article->text->len < n_bytes)
    append_sentence (article, PICK (article, plain_sentences));
  append_markup (article, "\n");

  return article;
}

static void
article_free (Article *article)
{
  g_string_free (article->text, TRUE);
  g_array_unref (article->spans);
  g_rand_free (article->rand);
  g_free (article);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Article, article_free)

/* Builds the file with the core API and writes it as the program would save it. */
static GFile *
write_article (const char *name,
               gsize       n_bytes,
               guint       n_entities)
{
  g_autoptr(Article) article = generate_article (n_bytes, n_entities);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnDocument) document = NULL;
  g_autoptr(AnnLabelSchema) labels = ann_label_schema_new_default ();
  g_autoptr(AnnFile) annotations = NULL;
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  AnnEntityStore *store;

  document = ann_document_new (article->text->str, &error);
  if (document == NULL)
    fail ("the generated article is refused: %s", error->message);
  ann_document_set_source (document, "bench-window");
  ann_document_set_language (document, "vi");

  annotations = ann_file_new (document, labels);
  ann_file_set_annotator (annotations, "bench");
  store = ann_file_get_entities (annotations);
  for (guint i = 0; i < article->spans->len; i++)
    {
      const Span *span = &g_array_index (article->spans, Span, i);
      g_autoptr(AnnEntity) entity = ann_file_create_entity (annotations, span->label,
                                                            span->start, span->end, &error);

      if (entity == NULL || !ann_entity_store_add (store, entity, &error))
        fail ("the generated entity %u–%u %s is refused: %s",
              span->start, span->end, span->label, error->message);
    }

  if (!ann_file_save (annotations, file, &error))
    fail ("%s could not be written: %s", path, error->message);
  return file;
}

/* --- one case: an article of a given size ------------------------------------------------- */

typedef struct
{
  const char *name;          /* "1MB/20k" */
  gsize       n_bytes;
  guint       n_entities;
  GFile      *file;
  gsize       file_size;
} Case;

static void
check_count (AnnFile    *annotations,
             const Case *bench_case,
             const char *where)
{
  guint n = ann_entity_store_get_n_entities (ann_file_get_entities (annotations));

  if (n != bench_case->n_entities)
    fail ("%s: %s has %u entities, not %u", where, bench_case->name, n, bench_case->n_entities);
}

static AnnFile *
load_or_fail (const Case *bench_case)
{
  g_autoptr(GError) error = NULL;
  AnnFile *annotations = ann_file_load (bench_case->file, &error);

  if (annotations == NULL)
    fail ("%s does not load: %s", bench_case->name, error->message);
  check_count (annotations, bench_case, "ann_file_load");
  return annotations;
}

/* --- the bare view ------------------------------------------------------------------------ */

typedef struct
{
  GtkWidget     *window;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  GHashTable    *tags;       /* label id → GtkTextTag, owned by the buffer's table */
} Bare;

/* The article view's look (see ann-article-view.ui), in a plain window as wide as the
 * article's side of our window. */
static Bare *
bare_new (void)
{
  Bare *bare = g_new0 (Bare, 1);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  bare->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bare->window), 760, 800);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  bare->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_object_set (bare->text_view,
                "editable", FALSE,
                "wrap-mode", GTK_WRAP_WORD_CHAR,
                "pixels-above-lines", 2,
                "pixels-below-lines", 6,
                "pixels-inside-wrap", 4,
                "left-margin", 32,
                "right-margin", 32,
                "top-margin", 24,
                "bottom-margin", 24,
                NULL);
  /* The application's style sheet gives it the article's font. */
  gtk_widget_add_css_class (GTK_WIDGET (bare->text_view), "article");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (bare->text_view));
  gtk_window_set_child (GTK_WINDOW (bare->window), scroller);
  bare->buffer = gtk_text_view_get_buffer (bare->text_view);
  bare->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  present_and_draw (bare->window);
  return bare;
}

static void
bare_free (Bare *bare)
{
  destroy_window (bare->window);
  g_hash_table_unref (bare->tags);
  g_free (bare);
}

static void
bare_create_tags (Bare           *bare,
                  AnnLabelSchema *labels)
{
  for (guint i = 0; i < ann_label_schema_get_n_labels (labels); i++)
    {
      AnnLabel *label = ann_label_schema_get_nth (labels, i);
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, ann_label_get_color (label) ? ann_label_get_color (label) : "#c0bfbc");
      g_hash_table_insert (bare->tags, g_strdup (ann_label_get_id (label)),
                           gtk_text_buffer_create_tag (bare->buffer, NULL,
                                                       "background-rgba", &rgba,
                                                       "foreground", "#1e1e1e",
                                                       NULL));
    }
}

static void
bare_apply_tag (Bare       *bare,
                const char *label,
                guint       start,
                guint       end)
{
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (bare->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (bare->buffer, &end_iter, end);
  gtk_text_buffer_apply_tag (bare->buffer, g_hash_table_lookup (bare->tags, label),
                             &start_iter, &end_iter);
}

typedef struct
{
  double loaded;     /* file read, parsed and checked */
  double text;       /* text in the buffer */
  double tagged;     /* every entity highlighted */
  double frame;      /* the first frame drawn after that: the measure */
} OpenTimes;

/* Everything at once, on the main thread: load, set the text, tag, draw. */
static AnnFile *
bare_open (Bare       *bare,
           const Case *bench_case,
           OpenTimes  *times)
{
  g_autoptr(AnnFile) annotations = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  GtkTextIter start;
  gint64 start_time = g_get_monotonic_time ();

  annotations = load_or_fail (bench_case);
  times->loaded = ms_between (start_time, g_get_monotonic_time ());

  gtk_text_buffer_set_text (bare->buffer,
                            ann_document_get_text (ann_file_get_document (annotations)), -1);
  gtk_text_buffer_get_start_iter (bare->buffer, &start);
  gtk_text_buffer_place_cursor (bare->buffer, &start);
  times->text = ms_between (start_time, g_get_monotonic_time ());

  bare_create_tags (bare, ann_file_get_labels (annotations));
  entities = ann_entity_store_dup_all (ann_file_get_entities (annotations));
  for (guint i = 0; i < entities->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (entities, i);

      bare_apply_tag (bare, ann_entity_get_label (entity),
                      ann_entity_get_start (entity), ann_entity_get_end (entity));
    }
  times->tagged = ms_between (start_time, g_get_monotonic_time ());

  arm_frame_watch (bare->window);
  gtk_widget_queue_draw (GTK_WIDGET (bare->text_view));
  times->frame = ms_between (start_time, wait_for_frame ());

  return g_steal_pointer (&annotations);
}

/* --- our window --------------------------------------------------------------------------- */

typedef struct
{
  AnnWindow *window;
  gint64     start_time;
  gint64     text_at;
  gint64     tagged_at;
} Ours;

static void
on_text_set (GtkTextBuffer *buffer,
             Ours          *ours)
{
  if (ours->text_at == 0 && ours->start_time != 0)
    ours->text_at = g_get_monotonic_time ();
}

static void
on_tagging_done (AnnArticleView *view,
                 Ours           *ours)
{
  if (ours->start_time == 0 || ours->tagged_at != 0)
    return;
  ours->tagged_at = g_get_monotonic_time ();
  arm_frame_watch (GTK_WIDGET (ours->window));
  /* The last chunk may have touched only lines out of view; a frame is wanted all the same. */
  gtk_widget_queue_draw (GTK_WIDGET (ours->window));
}

static AnnArticleView *
article_view_of (Ours *ours)
{
  return ANN_ARTICLE_VIEW (ann_window_get_article_view (ours->window));
}

static GtkTextBuffer *
buffer_of (Ours *ours)
{
  return gtk_text_view_get_buffer (ann_article_view_get_text_view (article_view_of (ours)));
}

static Ours *
ours_new (void)
{
  Ours *ours = g_new0 (Ours, 1);

  ours->window = ann_window_new (app);
  present_and_draw (GTK_WIDGET (ours->window));
  g_signal_connect (article_view_of (ours), "tagging-done", G_CALLBACK (on_tagging_done), ours);
  g_signal_connect (buffer_of (ours), "changed", G_CALLBACK (on_text_set), ours);
  return ours;
}

static void
ours_free (Ours *ours)
{
  g_signal_handlers_disconnect_by_data (article_view_of (ours), ours);
  g_signal_handlers_disconnect_by_data (buffer_of (ours), ours);
  destroy_window (GTK_WIDGET (ours->window));
  g_free (ours);
}

static gboolean
is_painted_or_failed (gpointer data)
{
  Ours *ours = data;

  /* A failed load leaves the window empty, with a message. */
  if (ann_window_is_empty (ours->window))
    fail ("our window did not open the file");
  return watch.painted_at != 0;
}

static void
ours_open (Ours       *ours,
           const Case *bench_case,
           OpenTimes  *times)
{
  ours->text_at = ours->tagged_at = 0;
  watch.painted_at = 0;
  watch.armed = FALSE;

  ours->start_time = g_get_monotonic_time ();
  ann_window_open_file (ours->window, bench_case->file);
  wait_or_fail (is_painted_or_failed, ours, "our window to open and draw the file");

  /* Loading runs in a worker thread, unseen from here; the text arriving marks its end. */
  times->loaded = times->text;
  times->text = ms_between (ours->start_time, ours->text_at);
  times->tagged = ms_between (ours->start_time, ours->tagged_at);
  times->frame = ms_between (ours->start_time, watch.painted_at);

  check_count (ann_window_get_file (ours->window), bench_case, "our window");
  if (!ann_article_view_is_tagging_done (article_view_of (ours)))
    fail ("our window drew before tagging was done");
}

/* --- measuring opening -------------------------------------------------------------------- */

typedef struct
{
  GArray *loaded;
  GArray *text;
  GArray *tagged;
  GArray *frame;
} OpenSamples;

static void
open_samples_init (OpenSamples *samples)
{
  samples->loaded = new_samples ();
  samples->text = new_samples ();
  samples->tagged = new_samples ();
  samples->frame = new_samples ();
}

static void
open_samples_clear (OpenSamples *samples)
{
  g_array_unref (samples->loaded);
  g_array_unref (samples->text);
  g_array_unref (samples->tagged);
  g_array_unref (samples->frame);
}

static void
open_samples_add (OpenSamples     *samples,
                  const OpenTimes *times)
{
  add_sample (samples->loaded, times->loaded);
  add_sample (samples->text, times->text);
  add_sample (samples->tagged, times->tagged);
  add_sample (samples->frame, times->frame);
}

/* Bare and ours take turns, each in a fresh window, so that drift in the machine's speed
 * falls on both alike. */
static void
measure_open (const Case *bench_case,
              guint       runs)
{
  OpenSamples bare_samples, our_samples;
  double bare_ms, our_ms;

  open_samples_init (&bare_samples);
  open_samples_init (&our_samples);

  for (guint run = 0; run < runs; run++)
    {
      OpenTimes times;

      {
        Bare *bare = bare_new ();
        g_autoptr(AnnFile) annotations = bare_open (bare, bench_case, &times);

        open_samples_add (&bare_samples, &times);
        bare_free (bare);
      }
      {
        Ours *ours = ours_new ();

        ours_open (ours, bench_case, &times);
        open_samples_add (&our_samples, &times);
        ours_free (ours);
      }
      g_print ("#   run %u: bare %.0f ms, ours %.0f ms\n", run + 1,
               g_array_index (bare_samples.frame, double, run),
               g_array_index (our_samples.frame, double, run));

      /* Fewer runs rather than none: meson kills the benchmark at its timeout. */
      if (run + 1 < runs && g_get_monotonic_time () > deadline)
        {
          g_print ("#   stopped after %u of %u runs: the time allowed is spent\n", run + 1, runs);
          break;
        }
    }

  bare_ms = median_of (bare_samples.frame);
  our_ms = median_of (our_samples.frame);
  g_print ("open %s: bare %.0f ms, ours %.0f ms, ratio %.2f (budget %.1f)%s\n",
           bench_case->name, bare_ms, our_ms, our_ms / bare_ms, OPEN_BUDGET,
           our_ms / bare_ms > OPEN_BUDGET ? "  OVER BUDGET" : "");
  g_print ("#   bare, median ms from start: loaded %.0f, text set %.0f, tagged %.0f, "
           "first frame %.0f\n",
           median_of (bare_samples.loaded), median_of (bare_samples.text),
           median_of (bare_samples.tagged), bare_ms);
  g_print ("#   ours, median ms from start: text set %.0f, tagging done %.0f, first frame %.0f\n",
           median_of (our_samples.text), median_of (our_samples.tagged), our_ms);

  open_samples_clear (&bare_samples);
  open_samples_clear (&our_samples);
}

/* --- measuring edits ---------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  GArray     *action;   /* the call alone, ms */
  GArray     *frame;    /* the call and the next drawn frame, ms */
  GArray     *after;    /* main-loop work still queued after that frame, ms */
} EditSamples;

static void
edit_samples_init (EditSamples *samples,
                   const char  *name)
{
  samples->name = name;
  samples->action = new_samples ();
  samples->frame = new_samples ();
  samples->after = new_samples ();
}

static void
edit_samples_clear (EditSamples *samples)
{
  g_array_unref (samples->action);
  g_array_unref (samples->frame);
  g_array_unref (samples->after);
}

/* The budget is the edit's own work: under one frame (16 ms), so that the edit never makes the
 * window miss a frame. Drawing the frame after it is compared with the bare view's, since under
 * Xvfb with software rendering a full redraw alone takes about that long. */
static void
print_edit (const EditSamples *samples,
            double             baseline_ms)
{
  double frame_ms = median_of (samples->frame);
  gboolean ours = baseline_ms > 0;

  g_print ("edit %s: action median %.1f ms, max %.1f ms",
           samples->name, median_of (samples->action), max_of (samples->action));
  if (ours)
    g_print (" (budget %.0f ms%s)", EDIT_BUDGET_MS,
             max_of (samples->action) > EDIT_BUDGET_MS ? ", OVER BUDGET" : "");
  g_print ("; to the end of the next frame: median %.1f ms, max %.1f ms",
           frame_ms, max_of (samples->frame));
  if (ours)
    g_print (", ratio to bare %.2f", frame_ms / baseline_ms);
  g_print ("\n#   then idle work until the main loop is quiet: median %.0f ms, max %.0f ms\n",
           median_of (samples->after), max_of (samples->after));
}

/* Where the edits go: @n occurrences of EDIT_WORD spread over the article. */
static GArray *
edit_places (AnnDocument *document,
             guint        n)
{
  const char *text = ann_document_get_text (document);
  gsize length = strlen (text);
  GArray *places = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      const char *hit = strstr (text + (gsize) ((i + 0.5) * length / n), EDIT_WORD);
      guint offset;

      if (hit == NULL)
        fail ("no “%s” to edit after byte %zu", EDIT_WORD, (gsize) ((i + 0.5) * length / n));
      offset = ann_document_get_char_offset (document, hit - text);
      g_array_append_val (places, offset);
    }
  return places;
}

typedef void (*EditFunc) (gpointer data);

/* Times @edit: the call alone, and through the end of the next drawn frame. What the edit
 * left for idle callbacks (GtkTextView lays out invalidated lines there) is timed apart: it
 * does not delay this frame, but it keeps the processor busy under the user's next action. */
static void
time_edit (GtkWidget   *window,
           EditFunc     edit,
           gpointer     data,
           EditSamples *samples)
{
  gint64 start, called, painted;

  settle ();
  start = g_get_monotonic_time ();
  edit (data);
  called = g_get_monotonic_time ();
  arm_frame_watch (window);
  painted = wait_for_frame ();
  spin ();
  add_sample (samples->action, ms_between (start, called));
  add_sample (samples->frame, ms_between (start, painted));
  add_sample (samples->after, ms_between (painted, g_get_monotonic_time ()));
}

typedef struct
{
  AnnWindow  *window;
  const char *action;
  const char *parameter;   /* nullable */
} Activation;

static void
activate_action (gpointer data)
{
  Activation *activation = data;

  g_action_group_activate_action (G_ACTION_GROUP (activation->window), activation->action,
                                  activation->parameter
                                  ? g_variant_new_string (activation->parameter) : NULL);
}

static void
check_selected (AnnWindow  *window,
                const char *label,
                guint       start,
                const char *after)
{
  AnnEntity *selected = ann_window_get_selected (window);

  if (selected == NULL || ann_entity_get_start (selected) != start ||
      g_strcmp0 (ann_entity_get_label (selected), label) != 0)
    fail ("after %s at %u, the selected entity is not the %s there", after, start, label);
}

static void
measure_our_edits (const Case  *bench_case,
                   guint        n_places,
                   EditSamples *tag,
                   EditSamples *relabel,
                   EditSamples *undo)
{
  Ours *ours = ours_new ();
  OpenTimes times;
  AnnEntityStore *store;
  g_autoptr(GArray) places = NULL;
  guint length = g_utf8_strlen (EDIT_WORD, -1);

  ours_open (ours, bench_case, &times);
  store = ann_file_get_entities (ann_window_get_file (ours->window));
  places = edit_places (ann_file_get_document (ann_window_get_file (ours->window)), n_places);

  for (guint i = 0; i < places->len; i++)
    {
      guint start = g_array_index (places, guint, i);
      guint n = ann_entity_store_get_n_entities (store);
      Activation tag_misc = { ours->window, "tag", "MISC" };
      Activation relabel_doc = { ours->window, "relabel", "DOC" };
      Activation undo_once = { ours->window, "undo", NULL };

      /* Selecting scrolls there; that is not part of the edit. */
      ann_window_select_text (ours->window, start, start + length);

      time_edit (GTK_WIDGET (ours->window), activate_action, &tag_misc, tag);
      if (ann_entity_store_get_n_entities (store) != n + 1)
        fail ("win.tag at %u added no entity", start);
      check_selected (ours->window, "MISC", start, "win.tag");

      time_edit (GTK_WIDGET (ours->window), activate_action, &relabel_doc, relabel);
      check_selected (ours->window, "DOC", start, "win.relabel");

      time_edit (GTK_WIDGET (ours->window), activate_action, &undo_once, undo);
      if (ann_entity_store_find (store, start, start + length, "MISC") == NULL ||
          ann_entity_store_find (store, start, start + length, "DOC") != NULL)
        fail ("win.undo at %u did not take back the relabelling", start);
    }

  /* Back to the file as loaded, so that closing asks nothing. */
  while (g_action_group_get_action_enabled (G_ACTION_GROUP (ours->window), "undo"))
    g_action_group_activate_action (G_ACTION_GROUP (ours->window), "undo", NULL);
  ours_free (ours);
}

typedef struct
{
  Bare  *bare;
  guint  start;
  guint  end;
} BareEdit;

static void
bare_tag_range (gpointer data)
{
  BareEdit *edit = data;

  bare_apply_tag (edit->bare, "MISC", edit->start, edit->end);
}

/* A repaint with nothing changed: what any frame costs here, edit or not. */
static void
bare_redraw (gpointer data)
{
  gtk_widget_queue_draw (GTK_WIDGET (((BareEdit *) data)->bare->text_view));
}

static void
measure_bare_edits (const Case  *bench_case,
                    guint        n_places,
                    EditSamples *samples,
                    EditSamples *redraws)
{
  Bare *bare = bare_new ();
  OpenTimes times;
  g_autoptr(AnnFile) annotations = bare_open (bare, bench_case, &times);
  g_autoptr(GArray) places = edit_places (ann_file_get_document (annotations), n_places);
  guint length = g_utf8_strlen (EDIT_WORD, -1);

  for (guint i = 0; i < places->len; i++)
    {
      BareEdit edit = { bare, g_array_index (places, guint, i), 0 };
      GtkTextIter iter;

      edit.end = edit.start + length;
      /* As our window does on selecting, so that the edit is in view. */
      gtk_text_buffer_get_iter_at_offset (bare->buffer, &iter, edit.start);
      gtk_text_view_scroll_to_iter (bare->text_view, &iter, 0.1, FALSE, 0, 0);
      time_edit (bare->window, bare_redraw, &edit, redraws);
      time_edit (bare->window, bare_tag_range, &edit, samples);
    }
  bare_free (bare);
}

static void
measure_edits (const Case *bench_case,
               guint       n_places)
{
  EditSamples bare, redraw, tag, relabel, undo;
  double bare_ms;

  edit_samples_init (&bare, "bare apply-tag");
  edit_samples_init (&redraw, "bare redraw, nothing changed");
  edit_samples_init (&tag, "tag");
  edit_samples_init (&relabel, "relabel");
  edit_samples_init (&undo, "undo");

  measure_bare_edits (bench_case, n_places, &bare, &redraw);
  measure_our_edits (bench_case, n_places, &tag, &relabel, &undo);

  bare_ms = median_of (bare.frame);
  g_print ("# edits at %s, %u places; time from the action to the end of the next drawn frame\n",
           bench_case->name, n_places);
  print_edit (&tag, bare_ms);
  print_edit (&relabel, bare_ms);
  print_edit (&undo, bare_ms);
  print_edit (&bare, 0);
  print_edit (&redraw, 0);

  edit_samples_clear (&bare);
  edit_samples_clear (&redraw);
  edit_samples_clear (&tag);
  edit_samples_clear (&relabel);
  edit_samples_clear (&undo);
}

/* --- main --------------------------------------------------------------------------------- */

static void
prepare_case (Case *bench_case)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *name = g_strdup_printf ("bench-%zu.json", bench_case->n_bytes);
  g_autoptr(GFileInfo) info = NULL;

  bench_case->file = write_article (name, bench_case->n_bytes, bench_case->n_entities);
  info = g_file_query_info (bench_case->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  bench_case->file_size = info ? g_file_info_get_size (info) : 0;

  {
    /* The loader checks everything; a file it refuses would measure nothing. */
    g_autoptr(AnnFile) annotations = load_or_fail (bench_case);
    const char *text = ann_document_get_text (ann_file_get_document (annotations));

    g_print ("# %s: article %.2f MB, file %.2f MB, %u entities; generated in %.0f ms\n",
             bench_case->name, strlen (text) / 1e6, bench_case->file_size / 1e6,
             bench_case->n_entities, ms_between (start, g_get_monotonic_time ()));
  }
}

static void
set_up_private_folders (void)
{
  /* Recent files and recovery files go here, not into the user's folders. */
  for (const char * const *var = (const char * const[]) { "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                                          "XDG_CACHE_HOME", NULL };
       *var; var++)
    {
      g_autofree char *dir = g_build_filename (work_dir, *var, NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (*var, dir, TRUE);
    }
}

int
main (int    argc,
      char **argv)
{
  gboolean quick = FALSE;
  int runs = 3;
  int edits = 0;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Only the 1 MB case", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Open measurements per case (3)", "N" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &edits, "Places edited (20; 10 with --quick)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep_files, "Keep the generated files", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark the annotation window");
  g_autoptr(GError) error = NULL;
  Case cases[] = {
    { "1MB/20k", 1000 * 1000, 20000 },
    { "10MB/200k", 10 * 1000 * 1000, 200000 },
  };
  guint n_cases;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  runs = MAX (runs, 1);
  if (edits <= 0)
    edits = quick ? 10 : 20;
  n_cases = quick ? 1 : G_N_ELEMENTS (cases);

  deadline = g_get_monotonic_time () + TIME_ALLOWED_S * G_USEC_PER_SEC;
  work_dir = g_dir_make_tmp ("ann-bench-window-XXXXXX", &error);
  if (work_dir == NULL)
    fail ("no temporary folder: %s", error->message);
  set_up_private_folders ();

  ui_test_init_gtk ();
  /* A blinking cursor would draw frames of its own in the middle of a measurement. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              on_render_emission, NULL, NULL);

  app = ann_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    fail ("the application does not register: %s", error->message);
  /* Autosave must not write a recovery file in the middle of a timed edit. */
  g_settings_set_uint (ann_application_get_settings (app), "autosave-interval", 3600);
  /* Tags are measured as users make them, with the default settings: propagation on, so a tag
   * includes looking for the string's other occurrences (EDIT_WORD has more than the window
   * offers one by one, so none is added, and every edit place stays free). */
  g_settings_set_boolean (ann_application_get_settings (app), "propagate-suggestions", TRUE);

  g_print ("# bench-window: GTK %u.%u.%u, GLib %u.%u.%u, %u processors%s\n",
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           glib_major_version, glib_minor_version, glib_micro_version,
           g_get_num_processors (), quick ? ", quick run" : "");
  g_print ("# open: from reading the file to the first frame drawn with every entity "
           "highlighted; median of %d\n", runs);

  for (guint i = 0; i < n_cases; i++)
    {
      prepare_case (&cases[i]);
      measure_open (&cases[i], runs);
      /* Edits are measured at 20 000 entities, as the budget says. */
      if (i == 0)
        measure_edits (&cases[i], edits);
    }

  for (guint i = 0; i < n_cases; i++)
    g_clear_object (&cases[i].file);
  g_clear_object (&app);
  if (keep_files)
    g_print ("# files kept in %s\n", work_dir);
  clean_up ();
  return EXIT_SUCCESS;
}
