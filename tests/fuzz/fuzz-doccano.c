/* fuzz-doccano.c: the doccano importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ann-format-doccano.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import (ann_format_doccano_import, "fuzz.jsonl", NULL, data, size);
  return 0;
}
