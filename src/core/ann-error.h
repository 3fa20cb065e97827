/* ann-error.h: the error domain of the annotation core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ANN_ERROR (ann_error_quark ())

typedef enum
{
  ANN_ERROR_SYNTAX,      /* not well-formed JSON (or another syntax) */
  ANN_ERROR_INVALID,     /* well-formed but breaks a rule of the format */
  ANN_ERROR_ENCODING,    /* bytes that are not valid text */
  ANN_ERROR_VERSION,     /* written by a newer program */
  ANN_ERROR_DUPLICATE,   /* an entity or id that already exists */
  ANN_ERROR_NOT_FOUND,   /* an entity or label that does not exist */
  ANN_ERROR_TOO_LARGE,   /* beyond a limit we refuse to handle */
} AnnError;

GQuark ann_error_quark (void);

G_END_DECLS
