/* fuzz-brat.c: the brat importer (annotations, a NUL, then the article's text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ann-format-brat.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import (ann_format_brat_import, "fuzz.ann", "fuzz.txt", data, size);
  return 0;
}
