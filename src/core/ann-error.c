/* ann-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ann-error.h"

G_DEFINE_QUARK (ann-error-quark, ann_error)
