/* main.c: the article-annotator executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ann-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AnnApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* ANN_LOCALEDIR names another folder of translations, such as _build/po of an uninstalled
   * build (the tests set it); without it, the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANN_LOCALEDIR") ? g_getenv ("ANN_LOCALEDIR")
                                                              : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ann_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
