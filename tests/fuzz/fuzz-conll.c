/* fuzz-conll.c: the conll importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ann-format-conll.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import (ann_format_conll_import, "fuzz.conll", NULL, data, size);
  return 0;
}
